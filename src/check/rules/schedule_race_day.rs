//! `schedule.race-day`: a strength or plyometric session on a race's date,
//! or one with lower-body work that starts before the race's expected end
//! plus `recovery` is over. The race's end is its start plus its written
//! length (`race "Half" 2027-04-11 09:00 1h45min`), or `race-duration` when
//! it gives none. A `mobility` session is no strength session.

use serde::Deserialize;

use crate::check::Context;
use crate::check::facts::day_and_date;
use crate::check::finding::{Finding, Findings};
use crate::check::params::{Seconds, format_duration};

/// The parameters, as `rules/schedule.yaml` declares them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    race_duration: Seconds,
    recovery: Seconds,
}

pub fn check(ctx: &Context<'_>, p: &Params, out: &mut Findings) {
    let duration = p.race_duration.0;
    let recovery = p.recovery.0;
    let facts = ctx.facts;
    let mut races: Vec<_> = ctx.plan.races.iter().map(|r| (facts.race(r), r)).collect();
    races.sort_by_key(|(at, r)| (at.start, r.date));
    for s in facts.sessions() {
        if s.exercises.is_empty() || !s.is_strength() {
            continue;
        }
        for (at, race) in &races {
            let duration = race
                .duration_min
                .map_or(duration, |m| i64::from(m).saturating_mul(60));
            let same_day = s.date == race.date;
            let after = at.timed
                && s.lower
                && s.interval.start >= at.start
                && s.interval.start < at.start + duration + recovery;
            if !same_day && !after {
                continue;
            }
            let message = if same_day {
                format!(
                    "{} is on the day of the race \"{}\" ({})",
                    s.name,
                    race.name,
                    day_and_date(race.date)
                )
            } else {
                format!(
                    "{} starts within {} of the start of the race \"{}\" (its expected length plus recovery)",
                    s.name,
                    format_duration(duration + recovery),
                    race.name
                )
            };
            out.push(
                Finding::new(s.header, "on race day or just after", message)
                    .context(race.span, "the race")
                    .on(s.week, s.date)
                    .help(format!(
                        "move the session off the race day and leave {} after the race before lifting or jumping again, or skip it in the race week",
                        format_duration(recovery)
                    )),
            );
            break;
        }
    }
}
