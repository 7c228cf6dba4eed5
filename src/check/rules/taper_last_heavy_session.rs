//! `taper.last-heavy-session`: the last session before a race with heavy
//! or new lower-body work ends less than `min-days` before the race starts;
//! less than `error-gap` is an error.

use std::collections::BTreeSet;

use crate::check::Context;
use crate::check::facts::{DAY, HOUR, days_between, heavy_lower, is_lower_resistance};
use crate::check::finding::Finding;
use crate::check::params::format_duration;
use crate::plan::{SessionOccurrence, format_number};

pub fn check(ctx: &Context<'_>) -> Vec<Finding> {
    let facts = ctx.facts;
    let min = (ctx.params.number("min-days") * DAY as f64) as i64;
    let error = ctx.params.seconds("error-gap");
    // Sessions in order, each with the reason it is taxing, if it is.
    // Exercises of the plan's first week of training are what the athlete
    // starts from, not new.
    let first_week = ctx.plan.sessions().map(|s| s.week).min().unwrap_or(0);
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    let mut taxing: Vec<(&SessionOccurrence, String)> = Vec::new();
    for s in ctx.plan.sessions() {
        let new = s.exercises.iter().find(|p| {
            facts.exercise(p).is_some_and(is_lower_resistance)
                && !seen.contains(p.exercise.as_str())
        });
        let reason = match (heavy_lower(facts, s), new) {
            (Some(ex), _) => Some(format!("heavy {ex}")),
            (None, Some(p)) if s.week > first_week => {
                Some(format!("{} for the first time", p.exercise))
            }
            _ => None,
        };
        seen.extend(s.exercises.iter().map(|p| p.exercise.as_str()));
        if let Some(reason) = reason {
            taxing.push((s, reason));
        }
    }
    let mut out = Vec::new();
    for race in &ctx.plan.races {
        let race_at = facts.race(race);
        let last = taxing
            .iter()
            .filter(|(s, _)| facts.session(s).start < race_at.start)
            .max_by_key(|(s, _)| facts.session(s).start);
        let Some((s, reason)) = last else { continue };
        let session = facts.session(s);
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
        let finding = Finding::new(
            s.header,
            reason.clone(),
            format!("{} {when} the race \"{}\"", s.name, race.name),
        )
        .context(race.span, "the race")
        .on(s.week, s.date)
        .help(format!(
            "make the last heavy or new leg work at least {} days before the race; in the final days keep only light, familiar work",
            format_number(ctx.params.number("min-days"))
        ));
        out.push(if gap < error {
            finding.severe()
        } else {
            finding
        });
    }
    out
}
