//! `schedule.same-session`: a timed strength session less than `min-gap`
//! from a timed run, before or after it. Whole-day entries have no time,
//! so they cannot be judged. Only sessions with lower-body work count: the
//! interference the evidence found is with leg strength and power, and an
//! upper-body session next to a run is ordinary practice.

use serde::Deserialize;

use crate::check::Context;
use crate::check::facts::{Interval, describe_run};
use crate::check::finding::{Finding, Findings, LazyText};
use crate::check::params::{Seconds, format_duration};
use crate::plan::RunOccurrence;

/// The parameters, as `rules/schedule.yaml` declares them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    min_gap: Seconds,
}

pub fn check(ctx: &Context<'_>, p: &Params, out: &mut Findings) {
    let min = p.min_gap.0;
    let label = LazyText::new(|| format!("less than {} from the run", format_duration(min)));
    let help = LazyText::new(|| {
        format!(
            "keep at least {} between lifting and running (6h or more is better): strength gains suffered when both were done in one session, not when they were 3h or more apart",
            format_duration(min)
        )
    });
    let facts = ctx.facts;
    let mut runs: Vec<(Interval, &RunOccurrence)> = facts
        .runs()
        .iter()
        .filter(|r| r.interval.timed)
        .map(|r| (r.interval, r.occurrence))
        .collect();
    runs.sort_by_key(|(i, _)| (i.start, i.end));
    // The run that ends last among the first k, for each k.
    let mut latest: Vec<usize> = Vec::with_capacity(runs.len());
    for (k, (interval, _)) in runs.iter().enumerate() {
        let best = match latest.last() {
            Some(&b) if runs[b].0.end >= interval.end => b,
            _ => k,
        };
        latest.push(best);
    }
    for s in facts.sessions() {
        let session = s.interval;
        if !session.timed || !s.lower {
            continue;
        }
        let k = runs.partition_point(|(i, _)| i.start <= session.start);
        // A run that started before the session, and the next one after.
        let before = k
            .checked_sub(1)
            .map(|i| latest[i])
            .map(|i| (session.start - runs[i].0.end, runs[i].1, true));
        let after = runs
            .get(k)
            .map(|(i, run)| (i.start - session.end, *run, false));
        let closest = [before, after]
            .into_iter()
            .flatten()
            .min_by_key(|(gap, _, _)| *gap);
        let Some((gap, run, run_first)) = closest else {
            continue;
        };
        if gap >= min {
            continue;
        }
        let what = describe_run(run);
        let message = if gap < 0 {
            format!("{} overlaps {what}", s.name)
        } else if run_first {
            format!(
                "{} starts {} after {what} ends",
                s.name,
                format_duration(gap)
            )
        } else {
            format!(
                "{} ends {} before {what} starts",
                s.name,
                format_duration(gap)
            )
        };
        out.push(
            Finding::new(s.header, label.to_string(), message)
                .context(run.span, "the run")
                .on(s.week, s.date)
                .help(help.to_string()),
        );
    }
}
