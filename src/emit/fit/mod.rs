//! Garmin FIT workouts: the strength sessions as files a watch runs.
//!
//! Each week, every distinct prescription of a session becomes one FIT
//! workout file (a session on Tuesday and Friday with the same numbers is
//! one file), named `wWW-session-name.fit` (`w03-lower-a.fit`; `-2`, `-3`
//! when one week has two different prescriptions under one name). With
//! [`Options::schedule`], a `schedule.fit` places every workout on its
//! dates. Like every backend this is a pure function of its inputs: the
//! files' creation time comes from [`Options::created`], never the clock.

mod encode;
mod steps;

use std::collections::BTreeSet;

use jiff::Timestamp;
use jiff::civil::Date;

use super::WeekRange;
use crate::plan::{Plan, SessionId};
use encode::FileId;

/// How to write the workouts.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// The files' `time_created`; the plan's start date when `None`.
    pub created: Option<Timestamp>,
    /// Also write `schedule.fit`.
    pub schedule: bool,
}

/// One output file: its name within the output directory and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A workout before encoding: one session prescription of one week and
/// the dates it falls on.
struct Workout {
    week: u32,
    session: SessionId,
    name: String,
    steps: Vec<steps::Step>,
    /// Local start of every occurrence (midnight for a whole-day session).
    starts: Vec<jiff::civil::DateTime>,
}

/// The workout files (and the schedule) of the selected weeks, in week
/// and first-date order.
pub fn emit(plan: &Plan, weeks: Option<WeekRange>, options: &Options) -> Result<Vec<File>, String> {
    let mut workouts: Vec<Workout> = Vec::new();
    let mut week_start = 0;
    let mut current_week = None;
    for session in super::select(plan, weeks).flat_map(|w| w.sessions.iter()) {
        if current_week != Some(session.week) {
            current_week = Some(session.week);
            week_start = workouts.len();
        }
        let steps = steps::steps(session, &plan.exercises);
        let start = session
            .date
            .to_datetime(session.time.unwrap_or(jiff::civil::Time::midnight()));
        let same = workouts[week_start..]
            .iter_mut()
            .find(|w| w.session == session.id && w.steps == steps);
        match same {
            Some(workout) => workout.starts.push(start),
            None => workouts.push(Workout {
                week: session.week,
                session: session.id,
                name: session.name.clone(),
                steps,
                starts: vec![start],
            }),
        }
    }

    let created = options
        .created
        .map_or_else(|| midnight_utc(plan.start), Timestamp::as_second);
    let mut files = Vec::with_capacity(workouts.len() + 1);
    let mut used = BTreeSet::new();
    let mut schedule = Vec::new();
    for (index, workout) in workouts.iter().enumerate() {
        let id = FileId {
            // Unique within the build: the schedule names workouts by it.
            serial_number: u32::try_from(index + 1).unwrap_or(u32::MAX),
            created,
        };
        let title = format!("W{} {}", workout.week, workout.name);
        let description = format!("{}, week {}", plan.name, workout.week);
        let bytes = encode::workout(id, &title, &description, &workout.steps)?;
        let stem = format!("w{:02}-{}", workout.week, slug(&workout.name));
        let mut name = format!("{stem}.fit");
        let mut n = 1;
        while !used.insert(name.clone()) {
            n += 1;
            name = format!("{stem}-{n}.fit");
        }
        files.push(File { name, bytes });
        for start in &workout.starts {
            schedule.push((id, local_seconds(*start)));
        }
    }
    if options.schedule {
        schedule.sort_by_key(|&(id, at)| (at, id.serial_number));
        let id = FileId {
            serial_number: 0x5343_4844, // "SCHD"
            created,
        };
        files.push(File {
            name: "schedule.fit".to_owned(),
            bytes: encode::schedule(id, &schedule)?,
        });
    }
    Ok(files)
}

/// `Lower A` -> `lower-a`; `Upper & core!` -> `upper-core`.
fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        "session".to_owned()
    } else {
        trimmed.to_owned()
    }
}

fn midnight_utc(date: Date) -> i64 {
    date.to_zoned(jiff::tz::TimeZone::UTC)
        .map_or(0, |z| z.timestamp().as_second())
}

/// A local date and time as seconds since 1970 read as if it were UTC:
/// what FIT's `local_date_time` counts from.
fn local_seconds(at: jiff::civil::DateTime) -> i64 {
    at.to_zoned(jiff::tz::TimeZone::UTC)
        .map_or(0, |z| z.timestamp().as_second())
}

#[cfg(test)]
mod tests;
