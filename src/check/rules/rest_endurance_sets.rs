//! `rest.endurance-sets`: a written rest longer than `max-rest` after sets
//! of `min-reps` or more, which are muscular-endurance work.

use serde::Deserialize;

use crate::check::Context;
use crate::check::finding::{Finding, Findings, LazyText};
use crate::check::params::{Seconds, format_duration};

/// The parameters, as `rules/rest.yaml` declares them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    min_reps: f64,
    max_rest: Seconds,
}

pub fn check(ctx: &Context<'_>, p: &Params, out: &mut Findings) {
    let min_reps = p.min_reps;
    let max = p.max_rest.0;
    let min_reps_text = LazyText::new(|| crate::plan::format_number(min_reps));
    let help = LazyText::new(|| {
        format!(
            "rest {} or less between endurance sets, or load the exercise so that fewer reps make a set",
            format_duration(max)
        )
    });
    for s in ctx.facts.sessions() {
        for p in ctx.facts.lines(s) {
            let Some(rest) = p.rest_s.map(i64::from) else {
                continue;
            };
            if rest <= max || !p.is(|e| e.resistance()) {
                continue;
            }
            let endurance = p
                .set_facts()
                .light_reps()
                .is_some_and(|r| f64::from(r) >= min_reps);
            if !endurance {
                continue;
            }
            out.push(
                Finding::new(
                    p.span,
                    format!("{} rest", format_duration(rest)),
                    format!(
                        "{} rests {} between sets of {min_reps_text} reps or more, which train muscular endurance best with short rests",
                        p.written,
                        format_duration(rest),
                    ),
                )
                .on(s.week, s.date)
                .help(help.to_string()),
            );
        }
    }
}
