//! `taper.last-heavy-session`: the last session before a race with heavy
//! or new lower-body work ends less than `min-days` before the race starts;
//! less than `error-gap` is an error.

use serde::Deserialize;

use crate::check::Context;
use crate::check::facts::{self, DAY, HOUR, Session, days_between};
use crate::check::finding::{Finding, Findings};
use crate::check::params::{Seconds, format_duration};
use crate::plan::format_number;

/// Why a session taxes the legs.
enum Reason<'p> {
    /// The stress model's reason.
    Taxing(facts::Reason<'p>),
    /// A lower-body exercise done for the first time.
    New(&'p str),
}

/// A taxing session, small (a plan has many): its position in
/// `Facts::sessions`, and the position of its new exercise, or `HEAVY`.
type Taxing = (u32, u32);

/// The session is taxing for its heavy lower-body work.
const HEAVY: u32 = u32::MAX;

/// The session a [`Taxing`] is about, and why.
fn taxing<'a, 'p>(sessions: &'a [Session<'p>], t: Taxing) -> Option<(&'a Session<'p>, Reason<'p>)> {
    let s = sessions.get(t.0 as usize)?;
    let reason = if t.1 == HEAVY {
        Reason::Taxing(s.taxing_reason()?)
    } else {
        let occurrence: &'p crate::plan::SessionOccurrence = s.occurrence;
        Reason::New(occurrence.exercises.get(t.1 as usize)?.exercise.as_str())
    };
    Some((s, reason))
}

/// The parameters, as `rules/taper.yaml` declares them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    min_days: f64,
    error_gap: Seconds,
}

pub fn check(ctx: &Context<'_>, p: &Params, out: &mut Findings) {
    let facts = ctx.facts;
    let min = (p.min_days * DAY as f64) as i64;
    let error = p.error_gap.0;
    // Sessions in order, each with the reason it is taxing, if it is.
    // Exercises of the plan's first week of training are what the athlete
    // starts from, not new.
    let first_week = facts.sessions().iter().map(|s| s.week).min().unwrap_or(0);
    // Exercises done so far, by position in the plan's exercises.
    let mut seen = vec![false; facts.exercises().len()];
    let sessions = facts.sessions();
    let mut taxed: Vec<Taxing> = Vec::new();
    for (i, s) in sessions.iter().enumerate() {
        let new = facts.lines(s).position(|p| {
            p.ex.is_some_and(|e| {
                e.lower_resistance() && !seen.get(e.index).copied().unwrap_or(true)
            })
        });
        let reason = match (s.taxing, new) {
            (Some(_), _) => Some(HEAVY),
            (None, Some(k)) if s.week > first_week => u32::try_from(k).ok(),
            _ => None,
        };
        for e in facts.lines(s).filter_map(|p| p.ex) {
            if let Some(seen) = seen.get_mut(e.index) {
                *seen = true;
            }
        }
        if let (Some(reason), Ok(i)) = (reason, u32::try_from(i)) {
            taxed.push((i, reason));
        }
    }
    let start = |t: &Taxing| sessions.get(t.0 as usize).map_or(0, |s| s.interval.start);
    // By start, for a binary search per race; among sessions that start
    // together, the last in the plan counts.
    taxed.sort_by_key(start);
    for race in &ctx.plan.races {
        let race_at = facts.race(race);
        let before = taxed.partition_point(|t| start(t) < race_at.start);
        let last = before.checked_sub(1).and_then(|i| taxed.get(i));
        let Some((s, reason)) = last.and_then(|t| taxing(sessions, *t)) else {
            continue;
        };
        let session = s.interval;
        let gap = session.gap_to(&race_at);
        if gap >= min {
            continue;
        }
        let when = if session.timed && race_at.timed {
            if gap >= DAY {
                let days = gap / DAY;
                let plural = if days == 1 { "" } else { "s" };
                format!("ends {days} day{plural} {}h before", gap % DAY / HOUR)
            } else {
                format!("ends {} before", format_duration(gap))
            }
        } else {
            match days_between(s.date, race.date) {
                0 => "is on the day of".to_string(),
                1 => "is the day before".to_string(),
                n => format!("is {n} days before"),
            }
        };
        let reason = match reason {
            Reason::Taxing(why) => why.to_string(),
            Reason::New(ex) => format!("{ex} for the first time"),
        };
        let finding = Finding::new(
            s.header,
            reason,
            format!("{} {when} the race \"{}\"", s.name, race.name),
        )
        .context(race.span, "the race")
        .on(s.week, s.date)
        .help(format!(
            "make the last heavy or new leg work at least {} days before the race; in the final days keep only light, familiar work",
            format_number(p.min_days)
        ));
        out.push(if gap < error {
            finding.severe()
        } else {
            finding
        });
    }
}
