//! `effort.proximity-to-failure`: every set of a lower-body exercise taken
//! to failure (RIR 0, RPE 10 or `5+`) in the competition phase or within
//! `window` before a key run.

use serde::Deserialize;

use crate::check::Context;
use crate::check::facts::describe_run;
use crate::check::finding::{Finding, Findings, LazyText};
use crate::check::params::{Seconds, format_duration};

/// The parameters, as `rules/effort.yaml` declares them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    window: Seconds,
}

pub fn check(ctx: &Context<'_>, p: &Params, out: &mut Findings) {
    let window = p.window.0;
    let window_text = LazyText::new(|| format_duration(window));
    let facts = ctx.facts;
    // Key runs by start, for a binary search per session.
    let mut key_runs: Vec<_> = facts
        .runs()
        .iter()
        .filter(|r| r.key)
        .map(|r| (r.interval.start, r.occurrence))
        .collect();
    key_runs.sort_by_key(|(start, _)| *start);
    for s in facts.sessions() {
        let interval = s.interval;
        let in_season = s.week_facts.competition;
        let first = key_runs.partition_point(|(start, _)| *start < interval.end);
        let next = key_runs
            .get(first)
            .filter(|(start, _)| start - interval.end < window);
        if !in_season && next.is_none() {
            continue;
        }
        for p in facts.lines(s) {
            if !p.is(|e| e.lower_resistance()) || !p.set_facts().to_failure() {
                continue;
            }
            let finding = match (in_season, next) {
                (_, Some((_, run))) => Finding::new(
                    p.span,
                    "every set to failure",
                    format!(
                        "every set of {} goes to failure less than {window_text} before {}",
                        p.written,
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
}
