//! `rest.heavy-sets`: a written rest shorter than `min-rest` after heavy
//! sets. Exercises without a `rest` are not judged.

use serde::Deserialize;

use crate::check::Context;
use crate::check::finding::{Finding, Findings, LazyText};
use crate::check::params::{Seconds, format_duration};

/// The parameters, as `rules/rest.yaml` declares them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    min_rest: Seconds,
}

pub fn check(ctx: &Context<'_>, p: &Params, out: &mut Findings) {
    let min = p.min_rest.0;
    let min_text = LazyText::new(|| format_duration(min));
    let help = LazyText::new(|| {
        format!(
            "rest {min_text} to 5min after sets of 6 reps or fewer, or at 80% 1RM or more, e.g. `rest 3min`"
        )
    });
    for s in ctx.facts.sessions() {
        for p in ctx.facts.lines(s) {
            let Some(rest) = p.rest_s.map(i64::from) else {
                continue;
            };
            if rest >= min || !p.is(|e| e.resistance()) || !p.heavy {
                continue;
            }
            out.push(
                Finding::new(
                    p.span,
                    format!("{} rest", format_duration(rest)),
                    format!(
                        "{} rests {} between heavy sets; trained lifters gained most strength with more than {min_text}",
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
