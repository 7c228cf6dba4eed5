//! The iCalendar backend (RFC 5545, RFC 7986): one event per session
//! occurrence, since loads change every week and a recurrence rule could not
//! carry them.
//!
//! [`events`] turns the plan into calendar events; [`emit`] writes them.
//! Times carry the plan's `TZID` with a VTIMEZONE built from the bundled tz
//! database (or are written in UTC with [`Options::utc`]); sessions without a
//! time of day are all-day events. UIDs come from a session's identity, not
//! its content, so re-importing an edited plan updates events in place: the
//! plan's id ([`Options::id`]), the session's name, the week and which
//! session of that name in the week it is. docs/calendar.md lists what
//! changes a UID.
//!
//! Given the calendar written before ([`Options::previous`]), events that
//! did not change are written as they were, changed ones with a higher
//! SEQUENCE, and vanished ones cancelled ([`super::previous`]).

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

use super::WeekRange;
use super::describe;
use super::ical_read::{Previous, content_hash, unfold};
use super::ical_text::{ContentLines, param_value};
use super::previous;
use super::vtimezone::{self, local_datetime};
use crate::plan::{Plan, RaceEvent, RunOccurrence, SessionOccurrence, Week, WeekKind};

/// The calendar's PRODID: names stride and its version.
pub const PRODID: &str = concat!("-//stride//stride ", env!("CARGO_PKG_VERSION"), "//EN");

/// How long a timed session without a duration lasts in the calendar.
const DEFAULT_SESSION: SignedDuration = SignedDuration::from_mins(60);
/// How long a timed race lasts in the calendar: the language gives races no
/// length, and two hours keeps the start visible and the morning blocked.
const DEFAULT_RACE: SignedDuration = SignedDuration::from_hours(2);

/// One calendar event.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub uid: String,
    pub when: When,
    pub summary: String,
    pub description: String,
    pub location: Option<String>,
    pub categories: Vec<String>,
}

/// When an event happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// From `start` to `end`, exact instants.
    Timed { start: Timestamp, end: Timestamp },
    /// The whole of one day.
    AllDay(Date),
}

/// What the iCalendar backend writes besides the plan's sessions, and how.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    /// Times in UTC instead of the plan's zone with a VTIMEZONE.
    pub utc: bool,
    /// The running sessions and the races as events too.
    pub with_runs: bool,
    /// A display alarm this many seconds before every event.
    pub alarm_s: Option<u32>,
    /// DTSTAMP and LAST-MODIFIED of new and changed events. The caller
    /// decides where it comes from (`SOURCE_DATE_EPOCH`, the plan's start
    /// date), never the wall clock, so that a build is reproducible.
    pub stamp: Timestamp,
    /// The plan's identity in UIDs (`stride build --id`, else the file's
    /// stem); the plan's name without it.
    pub id: Option<&'a str>,
    /// The calendar written before: unchanged events keep their bytes,
    /// changed ones get a higher SEQUENCE, vanished ones are cancelled.
    pub previous: Option<&'a Previous>,
}

impl Default for Options<'_> {
    fn default() -> Self {
        Options {
            utc: false,
            with_runs: false,
            alarm_s: None,
            stamp: Timestamp::UNIX_EPOCH,
            id: None,
            previous: None,
        }
    }
}

/// The time stamp of a build without `SOURCE_DATE_EPOCH`: the plan's
/// start date at midnight UTC. It comes from the plan's content, so
/// touching the file or building again changes nothing.
pub fn content_stamp(plan: &Plan) -> Timestamp {
    plan.start
        .to_zoned(TimeZone::UTC)
        .map(|z| z.timestamp())
        .unwrap_or(Timestamp::UNIX_EPOCH)
}

/// Every event of the weeks `weeks` selects (all without it) that
/// `options` ask for, in date and time order, with unique UIDs.
pub fn events(plan: &Plan, weeks: Option<WeekRange>, options: &Options) -> Vec<Event> {
    let tz = zone(plan);
    let id = options.id.unwrap_or(&plan.name);
    let mut keyed: Vec<(Date, Option<Timestamp>, Event)> = Vec::new();
    for week in super::select(plan, weeks) {
        // Which session (run) of that name in the week: the first, second...
        let mut nth: BTreeMap<&str, u32> = BTreeMap::new();
        let mut count = |key| {
            let n = nth.entry(key).or_insert(0);
            *n += 1;
            *n
        };
        for session in &week.sessions {
            let n = count(&session.name);
            let event = session_event(plan, id, n, &tz, week, session);
            keyed.push((session.date, start_of(&event), event));
        }
        nth = BTreeMap::new();
        let mut count = |key| {
            let n = nth.entry(key).or_insert(0);
            *n += 1;
            *n
        };
        if options.with_runs {
            for run in &week.runs {
                let n = count(run.label.as_deref().unwrap_or(run.intensity.keyword()));
                let event = run_event(plan, id, n, &tz, week, run);
                keyed.push((run.date, start_of(&event), event));
            }
        }
    }
    if options.with_runs {
        for race in plan.races.iter().filter(|r| race_selected(r, weeks)) {
            let event = race_event(plan, id, &tz, race);
            keyed.push((race.date, start_of(&event), event));
        }
    }
    // Stable: all-day events first on their day, then by start.
    keyed.sort_by_key(|(date, start, _)| (*date, *start));
    let mut seen = BTreeSet::new();
    keyed
        .into_iter()
        .map(|(_, _, mut event)| {
            event.uid = unique(&event.uid, &mut seen);
            event
        })
        .collect()
}

/// Writes the calendar of the weeks `weeks` selects (all without it).
pub fn emit(plan: &Plan, weeks: Option<WeekRange>, options: &Options) -> String {
    let events = events(plan, weeks, options);
    write(plan, &plan.name, &events, options)
}

/// The summary of every event of [`emit_busy`].
pub const BUSY: &str = "Busy";

/// [`emit`] with times only, for sharing: every event is "Busy", with no
/// description, location, categories or alarm. UIDs differ from the full
/// calendar's, so that a client subscribed to both keeps both.
pub fn emit_busy(plan: &Plan, weeks: Option<WeekRange>, options: &Options) -> String {
    let options = Options {
        alarm_s: None,
        ..*options
    };
    let events: Vec<Event> = events(plan, weeks, &options)
        .into_iter()
        .map(|event| Event {
            uid: format!("busy-{}", event.uid),
            when: event.when,
            summary: BUSY.to_string(),
            description: String::new(),
            location: None,
            categories: Vec::new(),
        })
        .collect();
    write(plan, &format!("{} (busy)", plan.name), &events, &options)
}

/// Writes `events` as a calendar named `name`.
fn write(plan: &Plan, name: &str, events: &[Event], options: &Options) -> String {
    let tz = zone(plan);
    let tzid = (!options.utc && !is_utc(&plan.timezone)).then_some(plan.timezone.as_str());

    let mut lines = ContentLines::default();
    lines.begin("VCALENDAR");
    lines.raw("VERSION", "2.0");
    lines.text("PRODID", PRODID);
    lines.raw("CALSCALE", "GREGORIAN");
    lines.raw("METHOD", "PUBLISH");
    lines.text("NAME", name);
    lines.text("X-WR-CALNAME", name);
    lines.text("X-WR-TIMEZONE", &plan.timezone);
    lines.raw("REFRESH-INTERVAL;VALUE=DURATION", "P1D");
    lines.raw("X-PUBLISHED-TTL", "P1D");

    let current: BTreeSet<&str> = events.iter().map(|e| e.uid.as_str()).collect();
    let gone = previous::cancelled(options.previous, &current, options.stamp);
    if let Some(tzid) = tzid {
        let timed = events
            .iter()
            .filter_map(|e| match e.when {
                When::Timed { start, end } => Some((start, end)),
                When::AllDay(_) => None,
            })
            // Cancelled events keep their local times: the zone covers them.
            .chain(
                gone.iter()
                    .flat_map(|lines| previous::instants(lines, tzid, &tz)),
            );
        let span = timed.fold(None, |acc: Option<(Timestamp, Timestamp)>, (s, e)| {
            Some(acc.map_or((s, e), |(a, b)| (a.min(s), b.max(e))))
        });
        if let Some((first, last)) = span {
            // A day's margin either side covers every local time written.
            let day = SignedDuration::from_hours(24);
            let from = first.checked_sub(day).unwrap_or(first);
            let to = last.checked_add(day).unwrap_or(last);
            vtimezone::write(&mut lines, tzid, &vtimezone::observances(&tz, from, to));
        }
    }

    for event in events {
        let body = event_body(event, tzid, &tz, options);
        let hash = content_hash(&unfold(&body));
        let revision = previous::revision(options.previous, &event.uid, hash, options.stamp);
        lines.begin("VEVENT");
        lines.raw("UID", &event.uid);
        lines.raw("DTSTAMP", &revision.dtstamp);
        lines.raw("LAST-MODIFIED", &revision.last_modified);
        lines.raw("SEQUENCE", &revision.sequence.to_string());
        lines.append(&body);
        lines.end("VEVENT");
    }
    for cancelled in &gone {
        lines.begin("VEVENT");
        for line in cancelled {
            lines.line(line);
        }
        lines.end("VEVENT");
    }
    lines.end("VCALENDAR");
    lines.finish()
}

/// The content lines of an event after its UID, DTSTAMP, LAST-MODIFIED
/// and SEQUENCE, up to its END, folded.
fn event_body(event: &Event, tzid: Option<&str>, tz: &TimeZone, options: &Options) -> String {
    let mut lines = ContentLines::default();
    {
        match event.when {
            When::Timed { start, end } => match tzid {
                Some(tzid) => {
                    let name = format!("DTSTART;TZID={}", param_value(tzid));
                    lines.raw(
                        &name,
                        &local_datetime(start.to_zoned(tz.clone()).datetime()),
                    );
                    let name = format!("DTEND;TZID={}", param_value(tzid));
                    lines.raw(&name, &local_datetime(end.to_zoned(tz.clone()).datetime()));
                }
                None => {
                    lines.raw("DTSTART", &utc_datetime(start));
                    lines.raw("DTEND", &utc_datetime(end));
                }
            },
            When::AllDay(date) => {
                lines.raw("DTSTART;VALUE=DATE", &ical_date(date));
                let next = date.tomorrow().unwrap_or(date);
                lines.raw("DTEND;VALUE=DATE", &ical_date(next));
            }
        }
        lines.text("SUMMARY", &event.summary);
        if !event.description.is_empty() {
            lines.text("DESCRIPTION", &event.description);
        }
        if let Some(location) = &event.location {
            lines.text("LOCATION", location);
        }
        if !event.categories.is_empty() {
            let categories: Vec<&str> = event.categories.iter().map(String::as_str).collect();
            lines.text_list("CATEGORIES", &categories);
        }
        // An all-day reminder to lift should not mark the whole day busy.
        let transp = match event.when {
            When::Timed { .. } => "OPAQUE",
            When::AllDay(_) => "TRANSPARENT",
        };
        lines.raw("TRANSP", transp);
        if let Some(seconds) = options.alarm_s {
            lines.begin("VALARM");
            lines.raw("ACTION", "DISPLAY");
            lines.text("DESCRIPTION", &event.summary);
            lines.raw("TRIGGER", &before(seconds));
            lines.end("VALARM");
        }
    }
    lines.finish()
}

fn session_event(
    plan: &Plan,
    id: &str,
    nth: u32,
    tz: &TimeZone,
    week: &Week,
    s: &SessionOccurrence,
) -> Event {
    let mut facts = vec![s.block.clone(), format!("week {}", s.week)];
    facts.extend(
        [
            describe::week_kind(week.kind),
            if s.optional { "optional" } else { "" },
            if s.mobility { "mobility" } else { "" },
        ]
        .into_iter()
        .filter(|f| !f.is_empty())
        .map(str::to_string),
    );
    let summary = format!("{} ({})", s.name, facts.join(", "));
    let mut lines = vec![
        format!(
            "{} block, week {} of {}{}",
            s.block,
            s.week,
            plan.weeks.len(),
            match week.kind {
                WeekKind::Loading => "",
                WeekKind::Deload => " (deload week)",
                WeekKind::Taper => " (taper week)",
            }
        ),
        String::new(),
    ];
    if s.optional {
        lines.push("Optional session.".to_string());
    }
    if s.mobility {
        lines.push("Mobility session: not counted as strength work.".to_string());
    }
    if let Some(w) = &s.warmup {
        lines.push(describe::phase_line(
            "Warm-up",
            w.duration_min,
            w.note.as_deref(),
        ));
    }
    lines.extend(describe::session_lines(plan, s));
    if let Some(c) = &s.cooldown {
        lines.push(describe::phase_line(
            "Cool-down",
            c.duration_min,
            c.note.as_deref(),
        ));
    }
    let kind = if s.mobility {
        "Mobility"
    } else {
        "Strength training"
    };
    let mut categories = vec![kind.to_string(), s.block.clone()];
    match week.kind {
        WeekKind::Loading => {}
        WeekKind::Deload => categories.push("Deload".to_string()),
        WeekKind::Taper => categories.push("Taper".to_string()),
    }
    let duration = s
        .duration_min
        .map_or(DEFAULT_SESSION, |m| SignedDuration::from_mins(i64::from(m)));
    Event {
        // Not the block or the weekday: moving a session to another day, or
        // renaming its block, updates the event rather than replacing it.
        uid: uid(&[
            "session",
            id,
            &s.name,
            &s.week.to_string(),
            &nth.to_string(),
        ]),
        when: when(tz, s.date, s.time, s.start_utc, s.end_utc, duration),
        summary,
        description: lines.join("\n"),
        location: s.location.clone(),
        categories,
    }
}

fn run_event(
    plan: &Plan,
    id: &str,
    nth: u32,
    tz: &TimeZone,
    week: &Week,
    r: &RunOccurrence,
) -> Event {
    let intensity = r.intensity.keyword();
    let what = format!("{}{} run", intensity[..1].to_uppercase(), &intensity[1..]);
    let summary = match &r.label {
        // "Easy run (easy)" says it twice.
        Some(label) if label.eq_ignore_ascii_case(&what) => label.clone(),
        Some(label) => format!("{label} ({intensity})"),
        None => what.clone(),
    };
    let mut description = format!("{what}, {}", describe::minutes(r.duration_min));
    if let Some(block) = week.block.and_then(|i| plan.blocks.get(i)) {
        description.push_str(&format!("\n{} block, week {}", block.name, r.week));
    } else {
        description.push_str(&format!("\nWeek {}", r.week));
    }
    let duration = SignedDuration::from_mins(i64::from(r.duration_min));
    Event {
        uid: uid(&[
            "run",
            id,
            &r.week.to_string(),
            r.label.as_deref().unwrap_or(intensity),
            &nth.to_string(),
        ]),
        when: when(tz, r.date, r.time, r.start_utc, r.end_utc, duration),
        summary,
        description,
        location: None,
        categories: vec!["Running".to_string(), what],
    }
}

fn race_event(plan: &Plan, id: &str, tz: &TimeZone, race: &RaceEvent) -> Event {
    let mut description = format!("Race day: {}", describe::long_date(race.date));
    if let Some(t) = race.time {
        description.push_str(&format!(", start {}", describe::time(t)));
    }
    if plan.goal_race().is_some_and(|g| std::ptr::eq(g, race)) {
        description.push_str("\nThe goal race of the plan.");
    }
    Event {
        uid: uid(&["race", id, &race.name]),
        when: when(tz, race.date, race.time, race.start_utc, None, DEFAULT_RACE),
        summary: format!("Race: {}", race.name),
        description,
        location: None,
        categories: vec!["Race".to_string()],
    }
}

/// When an occurrence happens: the instants lowering computed, else its
/// local date and time in the plan's zone, else the whole day.
fn when(
    tz: &TimeZone,
    date: Date,
    time: Option<jiff::civil::Time>,
    start_utc: Option<Timestamp>,
    end_utc: Option<Timestamp>,
    duration: SignedDuration,
) -> When {
    let start = start_utc.or_else(|| {
        let t = time?;
        date.to_datetime(t)
            .to_zoned(tz.clone())
            .ok()
            .map(|z| z.timestamp())
    });
    match start {
        Some(start) => {
            let end = end_utc
                .filter(|end| *end > start)
                .or_else(|| start.checked_add(duration).ok())
                .filter(|end| *end > start)
                .unwrap_or(start);
            When::Timed { start, end }
        }
        None => When::AllDay(date),
    }
}

fn start_of(event: &Event) -> Option<Timestamp> {
    match event.when {
        When::Timed { start, .. } => Some(start),
        When::AllDay(_) => None,
    }
}

fn race_selected(race: &RaceEvent, weeks: Option<WeekRange>) -> bool {
    weeks.is_none_or(|r| u32::try_from(race.week).is_ok_and(|w| r.contains(w)))
}

fn zone(plan: &Plan) -> TimeZone {
    // Lowering has already rejected unknown zones; should one slip through,
    // UTC keeps the calendar valid rather than failing the build.
    crate::lower::time_zone(&plan.timezone).unwrap_or(TimeZone::UTC)
}

fn is_utc(name: &str) -> bool {
    matches!(name, "UTC" | "Etc/UTC") || crate::lower::time_zone(name).is_none()
}

/// A UID from an identity: a version-8 (custom) UUID of the
/// [`stable_hash`](crate::stable_hash) of its parts; nothing about the
/// content enters it.
fn uid(parts: &[&str]) -> String {
    let mut hash = crate::stable_hash::hash128(parts);
    // Version 8 and the RFC 9562 variant.
    hash = (hash & !(0xf << 76)) | (0x8 << 76);
    hash = (hash & !(0x3 << 62)) | (0x2 << 62);
    let hex = format!("{hash:032x}");
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// `uid`, or when an identical identity already took it (a session listed
/// twice on one day), a UID derived from it and a counter.
fn unique(uid_text: &str, seen: &mut BTreeSet<String>) -> String {
    let mut candidate = uid_text.to_string();
    let mut n = 2u32;
    while !seen.insert(candidate.clone()) {
        candidate = uid(&[uid_text, &n.to_string()]);
        n += 1;
    }
    candidate
}

/// `20270105T180000Z`.
fn utc_datetime(ts: Timestamp) -> String {
    format!("{}Z", local_datetime(ts.to_zoned(TimeZone::UTC).datetime()))
}

/// `20270105`.
fn ical_date(date: Date) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// A TRIGGER this many seconds before the start: `-PT30M`, `-PT1H30M`.
fn before(seconds: u32) -> String {
    if seconds == 0 {
        return "PT0S".to_string();
    }
    let (d, h, m, s) = (
        seconds / 86_400,
        seconds / 3600 % 24,
        seconds / 60 % 60,
        seconds % 60,
    );
    let mut text = String::from("-P");
    if d > 0 {
        text.push_str(&format!("{d}D"));
    }
    if h > 0 || m > 0 || s > 0 {
        text.push('T');
        if h > 0 {
            text.push_str(&format!("{h}H"));
        }
        if m > 0 {
            text.push_str(&format!("{m}M"));
        }
        if s > 0 {
            text.push_str(&format!("{s}S"));
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uids_are_uuids_that_depend_on_every_part() {
        let a = uid(&["session", "Plan", "Base", "Lower A", "1", "tue"]);
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "8");
        assert!(matches!(&a[19..20], "8" | "9" | "a" | "b"), "{a}");
        assert_ne!(a, uid(&["session", "Plan", "Base", "Lower A", "2", "tue"]));
        // Length prefixes keep "ab"+"c" apart from "a"+"bc".
        assert_ne!(uid(&["ab", "c"]), uid(&["a", "bc"]));
    }

    #[test]
    fn repeated_identities_get_distinct_uids() {
        let mut seen = BTreeSet::new();
        let first = unique("x", &mut seen);
        let second = unique("x", &mut seen);
        let third = unique("x", &mut seen);
        assert_eq!(first, "x");
        assert_ne!(second, first);
        assert_ne!(third, second);
    }

    #[test]
    fn alarm_triggers() {
        assert_eq!(before(30 * 60), "-PT30M");
        assert_eq!(before(90 * 60), "-PT1H30M");
        assert_eq!(before(86_400), "-P1D");
        assert_eq!(before(45), "-PT45S");
        assert_eq!(before(0), "PT0S");
    }
}
