//! `effort.proximity-to-failure`: every set of a lower-body exercise taken
//! to failure (RIR 0, RPE 10 or `5+`) in the competition phase or within
//! `window` before a key run.

use crate::ast::Reps;
use crate::check::Context;
use crate::check::facts::{describe_run, is_key_run, is_lower_resistance};
use crate::check::finding::Finding;
use crate::check::params::format_duration;
use crate::plan::{Prescription, SetGroup};

pub fn check(ctx: &Context<'_>) -> Vec<Finding> {
    let window = ctx.params.seconds("window");
    let facts = ctx.facts;
    // Key runs by start, for a binary search per session.
    let mut key_runs: Vec<_> = ctx
        .plan
        .runs()
        .filter(|r| is_key_run(r))
        .map(|r| (facts.run(r).start, r))
        .collect();
    key_runs.sort_by_key(|(start, _)| *start);
    let mut out = Vec::new();
    for s in ctx.plan.sessions() {
        let interval = facts.session(s);
        let in_season = facts.week(s.week).competition;
        let first = key_runs.partition_point(|(start, _)| *start < interval.end);
        let next = key_runs
            .get(first)
            .filter(|(start, _)| start - interval.end < window);
        if !in_season && next.is_none() {
            continue;
        }
        for p in &s.exercises {
            if !facts.exercise(p).is_some_and(is_lower_resistance) || !all_to_failure(p) {
                continue;
            }
            let finding = match (in_season, next) {
                (_, Some((_, run))) => Finding::new(
                    p.span,
                    "every set to failure",
                    format!(
                        "every set of {} goes to failure less than {} before {}",
                        p.written,
                        format_duration(window),
                        describe_run(run)
                    ),
                )
                .context(run.span, "key run"),
                (true, None) => Finding::new(
                    p.span,
                    "every set to failure",
                    format!(
                        "every set of {} goes to failure in the competition phase",
                        p.written
                    ),
                ),
                (false, None) => continue,
            };
            out.push(
                finding
                    .on(s.week, s.date)
                    .help("stop a rep or more short of failure (`@RIR2`, `@RPE8`): failure adds no strength and costs recovery; keep one AMRAP set at most"),
            );
        }
    }
    out
}

fn to_failure(g: &SetGroup) -> bool {
    matches!(g.reps, Reps::AtLeast { .. })
        || g.load
            .as_ref()
            .and_then(|l| l.reps_in_reserve())
            .is_some_and(|rir| rir <= 0.0)
}

fn all_to_failure(p: &Prescription) -> bool {
    !p.sets.is_empty() && p.sets.iter().all(to_failure)
}
