//! `rest.endurance-sets`: a written rest longer than `max-rest` after sets
//! of `min-reps` or more, which are muscular-endurance work.

use super::rest::light_reps;
use crate::check::Context;
use crate::check::facts::is_resistance;
use crate::check::finding::Finding;
use crate::check::params::format_duration;

pub fn check(ctx: &Context<'_>) -> Vec<Finding> {
    let min_reps = ctx.params.number("min-reps");
    let max = ctx.params.seconds("max-rest");
    let mut out = Vec::new();
    for s in ctx.plan.sessions() {
        for p in &s.exercises {
            let Some(rest) = p.rest_s.map(i64::from) else {
                continue;
            };
            if rest <= max || !ctx.facts.exercise(p).is_some_and(is_resistance) {
                continue;
            }
            let endurance = p
                .sets
                .iter()
                .filter_map(light_reps)
                .any(|r| f64::from(r) >= min_reps);
            if !endurance {
                continue;
            }
            out.push(
                Finding::new(
                    p.span,
                    format!("{} rest", format_duration(rest)),
                    format!(
                        "{} rests {} between sets of {} reps or more, which train muscular endurance best with short rests",
                        p.written,
                        format_duration(rest),
                        crate::plan::format_number(min_reps)
                    ),
                )
                .on(s.week, s.date)
                .help(format!(
                    "rest {} or less between endurance sets, or load the exercise so that fewer reps make a set",
                    format_duration(max)
                )),
            );
        }
    }
    out
}
