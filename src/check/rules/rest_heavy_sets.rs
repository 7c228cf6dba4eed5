//! `rest.heavy-sets`: a written rest shorter than `min-rest` after heavy
//! sets. Exercises without a `rest` are not judged.

use super::rest::heavy;
use crate::check::Context;
use crate::check::facts::is_resistance;
use crate::check::finding::Finding;
use crate::check::params::format_duration;

pub fn check(ctx: &Context<'_>) -> Vec<Finding> {
    let min = ctx.params.seconds("min-rest");
    let mut out = Vec::new();
    for s in ctx.plan.sessions() {
        for p in &s.exercises {
            let Some(rest) = p.rest_s.map(i64::from) else {
                continue;
            };
            if rest >= min
                || !ctx.facts.exercise(p).is_some_and(is_resistance)
                || !p.sets.iter().any(heavy)
            {
                continue;
            }
            out.push(
                Finding::new(
                    p.span,
                    format!("{} rest", format_duration(rest)),
                    format!(
                        "{} rests {} between heavy sets; strength needs at least {}",
                        p.written,
                        format_duration(rest),
                        format_duration(min)
                    ),
                )
                .on(s.week, s.date)
                .help(format!(
                    "rest {} to 5min after sets of 6 reps or fewer, or at 80% 1RM or more, e.g. `rest 3min`",
                    format_duration(min)
                )),
            );
        }
    }
    out
}
