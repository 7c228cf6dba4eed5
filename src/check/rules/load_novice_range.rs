//! `load.novice-range`: heavy sets (1-6RM, or at least `max-percent` of
//! 1RM) for an athlete whose level is `beginner`, on a line or any of its
//! `or` alternatives.

use serde::Deserialize;

use crate::check::Context;
use crate::check::finding::{Finding, Findings, LazyText};
use crate::check::params::Percent;
use crate::plan::Level;

/// The parameters, as `rules/load.yaml` declares them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    max_percent: Percent,
}

pub fn check(ctx: &Context<'_>, p: &Params, out: &mut Findings) {
    if ctx.plan.athlete.level != Level::Beginner {
        return;
    }
    let max = p.max_percent.0;
    let max_text = LazyText::new(|| crate::plan::format_number(max));
    for s in ctx.facts.sessions() {
        for p in ctx.facts.options(s) {
            if !p.is(|e| e.resistance()) {
                continue;
            }
            if p.set_facts().heavy(max) {
                out.push(
                    Finding::new(p.span, "heavy for a novice", format!(
                        "{} is prescribed in the heavy range (6 reps or fewer, or {max_text}% 1RM or more) for a beginner",
                        p.written,
                    ))
                    .on(s.week, s.date)
                    .help("novices progress best on 8-12 reps at about 60-70% 1RM, e.g. `3x10 @RIR3`; keep 1-6RM loads for after about six months of training, or set `level intermediate` in `athlete` if that time has passed"),
                );
            }
        }
    }
}
