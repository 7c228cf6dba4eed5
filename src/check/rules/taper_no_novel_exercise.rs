//! `taper.no-novel-exercise`: a lower-body exercise done for the first
//! time in the last `window-days` before a race.

use serde::Deserialize;

use crate::check::Context;
use crate::check::facts::{DAY, Session, days_between};
use crate::check::finding::{Finding, Findings};

/// The parameters, as `rules/taper.yaml` declares them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    window_days: f64,
}

pub fn check(ctx: &Context<'_>, p: &Params, out: &mut Findings) {
    let facts = ctx.facts;
    let window = (p.window_days * DAY as f64) as i64;
    let mut sessions: Vec<&Session<'_>> = facts.sessions().iter().collect();
    sessions.sort_by_key(|s| s.interval.start);
    let mut races: Vec<_> = ctx
        .plan
        .races
        .iter()
        .map(|r| (facts.race(r).start, r))
        .collect();
    races.sort_by_key(|(start, _)| *start);
    // The plan's first week of training is where the athlete starts from.
    let first_week = facts.sessions().iter().map(|s| s.week).min().unwrap_or(0);
    // Exercises done so far, by position in the plan's exercises.
    let mut seen = vec![false; facts.exercises().len()];
    for s in sessions {
        let start = s.interval.start;
        let next = races.partition_point(|(r, _)| *r <= start);
        let near = races.get(next).filter(|(r, _)| r - start < window);
        for p in facts.lines(s) {
            // Only a lower-body exercise (so one in the catalogue) counts.
            let Some(e) = p.ex else { continue };
            let new = seen
                .get_mut(e.index)
                .is_some_and(|seen| !std::mem::replace(seen, true));
            let Some((_, race)) = near else { continue };
            if !new || !e.lower || s.week == first_week {
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
}
