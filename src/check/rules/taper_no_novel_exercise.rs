//! `taper.no-novel-exercise`: a lower-body exercise done for the first
//! time in the last `window-days` before a race.

use std::collections::BTreeSet;

use crate::check::Context;
use crate::check::facts::{DAY, days_between};
use crate::check::finding::Finding;

pub fn check(ctx: &Context<'_>) -> Vec<Finding> {
    let facts = ctx.facts;
    let window = (ctx.params.number("window-days") * DAY as f64) as i64;
    let mut sessions: Vec<_> = ctx.plan.sessions().collect();
    sessions.sort_by_key(|s| facts.session(s).start);
    let mut races: Vec<_> = ctx
        .plan
        .races
        .iter()
        .map(|r| (facts.race(r).start, r))
        .collect();
    races.sort_by_key(|(start, _)| *start);
    // The plan's first week of training is where the athlete starts from.
    let first_week = ctx.plan.sessions().map(|s| s.week).min().unwrap_or(0);
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    let mut out = Vec::new();
    for s in sessions {
        let start = facts.session(s).start;
        let next = races.partition_point(|(r, _)| *r <= start);
        let near = races.get(next).filter(|(r, _)| r - start < window);
        for p in &s.exercises {
            let new = seen.insert(p.exercise.as_str());
            let lower = facts.exercise(p).is_some_and(|e| e.is_lower());
            let Some((_, race)) = near else { continue };
            if !new || !lower || s.week == first_week {
                continue;
            }
            let days = days_between(s.date, race.date);
            out.push(
                Finding::new(p.span, "new exercise", format!(
                    "{} appears for the first time {days} days before the race \"{}\"",
                    p.written, race.name
                ))
                .context(race.span, "the race")
                .on(s.week, s.date)
                .help(format!(
                    "introduce {} weeks earlier or leave it out: unaccustomed exercise makes muscles sore and running costlier for days",
                    p.written
                )),
            );
        }
    }
    out
}
