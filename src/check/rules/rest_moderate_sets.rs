//! `rest.moderate-sets`: a written rest shorter than `min-rest` (compound
//! exercises) or `min-rest-isolation` (single-joint ones) after sets of
//! 7 to `max-reps` reps.

use serde::Deserialize;

use super::rest::light_reps;
use crate::check::Context;
use crate::check::facts::HEAVY_REPS;
use crate::check::finding::{Finding, Findings};
use crate::check::params::{Seconds, format_duration};

/// The parameters, as `rules/rest.yaml` declares them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    min_rest: Seconds,
    min_rest_isolation: Seconds,
    max_reps: f64,
}

pub fn check(ctx: &Context<'_>, p: &Params, out: &mut Findings) {
    let max_reps = p.max_reps;
    let min_compound = p.min_rest.0;
    let min_isolation = p.min_rest_isolation.0;
    for s in ctx.facts.sessions() {
        for p in ctx.facts.lines(s) {
            let Some(rest) = p.rest_s.map(i64::from) else {
                continue;
            };
            let Some(ex) = p.ex.filter(|e| e.resistance()) else {
                continue;
            };
            let min = if ex.compound {
                min_compound
            } else {
                min_isolation
            };
            if rest >= min {
                continue;
            }
            let stress = p.stress();
            let moderate = p
                .sets
                .iter()
                .filter_map(|g| light_reps(g, stress))
                .any(|r| r > HEAVY_REPS && f64::from(r) <= max_reps);
            if !moderate {
                continue;
            }
            out.push(
                Finding::new(
                    p.span,
                    format!("{} rest", format_duration(rest)),
                    format!(
                        "{} rests {} between sets; {} is the least that lets the next set count for strength",
                        p.written,
                        format_duration(rest),
                        format_duration(min)
                    ),
                )
                .on(s.week, s.date)
                .help(format!("rest at least {} (60-120s suits most sets of 7-15 reps)", format_duration(min))),
            );
        }
    }
}
