//! The schedule: sessions and runs checked once as weekly templates, then
//! placed on every date of every week they cover.

use std::collections::BTreeMap;
use std::sync::Arc;

use jiff::civil::{Date, Time};

use crate::ast::{Block, Item, RunLine, Session, Weekday};
use crate::catalogue::Exercise;
use crate::diagnostic::Diagnostic;
use crate::error_code::ErrorCode;
use crate::plan::{
    Alternative, Athlete, RaceEvent, RunInfo, RunOccurrence, SessionId, SessionInfo,
    SessionOccurrence, SetsInterner, Week, WeekKind,
};
use crate::span::Span;

use super::calendar::{self, Calendar, Zone};
use super::limits;
use super::prescription::{self, Context, LineTemplate, WeekModifiers};
use super::week_runs::WeekRunTemplate;

/// The end of a timed session without a duration, for overlaps and for its
/// end instant: an hour, the length of a typical strength session.
const ASSUMED_SESSION_S: u32 = 3600;

/// A run of the weekly running template.
#[derive(Debug, Clone)]
pub struct RunTemplate {
    /// What every occurrence shares; `info.label`, `info.time`.
    info: Arc<RunInfo>,
    day: Weekday,
    duration_s: u32,
}

impl std::ops::Deref for RunTemplate {
    type Target = RunInfo;

    fn deref(&self) -> &RunInfo {
        &self.info
    }
}

/// A session, checked.
#[derive(Debug, Clone)]
pub struct SessionTemplate {
    /// What every occurrence shares; `info.name`, `info.time`.
    info: Arc<SessionInfo>,
    days: Vec<Weekday>,
    duration_s: Option<u32>,
    lines: Vec<LineTemplate>,
}

impl std::ops::Deref for SessionTemplate {
    type Target = SessionInfo;

    fn deref(&self) -> &SessionInfo {
        &self.info
    }
}

/// A block's sessions and, when it has its own, its runs.
#[derive(Debug, Clone)]
pub struct BlockTemplate {
    sessions: Vec<SessionTemplate>,
    runs: Option<Vec<RunTemplate>>,
}

/// Checks a running week.
pub fn runs(lines: &[RunLine], diags: &mut Vec<Diagnostic>) -> Vec<RunTemplate> {
    lines
        .iter()
        .map(|line| RunTemplate {
            info: Arc::new(RunInfo {
                label: line.label.as_ref().map(|l| l.value.clone()),
                time: line.time.as_ref().and_then(|t| calendar::time(t, diags)),
                duration_min: whole_minutes(line.duration.value.seconds),
                intensity: line.intensity.value,
                span: line.span,
                distance: line.distance.as_ref().map(|d| d.value),
            }),
            day: line.day.value,
            duration_s: line.duration.value.seconds,
        })
        .collect()
}

/// Checks every block's sessions (names, days, exercise lines) and that
/// the timed ones overlap neither each other nor the block's runs. Each
/// pair is reported once, however many weeks repeat it.
pub fn blocks(
    blocks: &[(&Block, &Item)],
    plan_runs: &[RunTemplate],
    week_runs: &[WeekRunTemplate],
    cx: &Context<'_>,
    used: &mut BTreeMap<String, Exercise>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<BlockTemplate> {
    let mut templates = Vec::new();
    for (index, (block, _)) in blocks.iter().enumerate() {
        let block_runs = block
            .runs
            .as_ref()
            .map(|r| runs(limits::runs(&r.value, diags), diags));
        let mut names: BTreeMap<&str, Span> = BTreeMap::new();
        let mut sessions = Vec::new();
        let mut week = limits::WeekLoad::new(block);
        for (number, session) in block.sessions.iter().enumerate() {
            if !week.add(block, session, diags) {
                break;
            }
            if let Some(first) = names.get(session.name.value.as_str()) {
                diags.push(
                    Diagnostic::error(
                        ErrorCode::DuplicateSession,
                        format!(
                            "the block \"{}\" has two sessions named \"{}\"",
                            block.name.value, session.name.value
                        ),
                    )
                    .with_label(session.name.span, "named again here")
                    .with_context(*first, "first named here")
                    .with_help("give each session of a block its own name, or list both days on one: `mon, thu`"),
                );
            } else {
                names.insert(&session.name.value, session.name.span);
            }
            let id = SessionId {
                block: index,
                session: number,
            };
            sessions.push(session_template(
                session,
                &block.name.value,
                id,
                cx,
                used,
                diags,
            ));
        }
        for (i, later) in sessions.iter().enumerate() {
            for earlier in sessions.iter().take(i) {
                session_overlap(earlier, later, diags);
            }
        }
        let effective = block_runs.as_deref().unwrap_or(plan_runs);
        // The running weeks of `runs weeks` statements that share weeks
        // with the block.
        let (first, last) = (block.first_week.value, block.last_week.value);
        let specific = week_runs
            .iter()
            .filter(|w| w.first <= last && first <= w.last)
            .flat_map(|w| w.runs.iter());
        for session in &sessions {
            for run in effective.iter().chain(specific.clone()) {
                run_overlap(session, run, diags);
            }
        }
        templates.push(BlockTemplate {
            sessions,
            runs: block_runs,
        });
    }
    templates
}

fn session_template(
    session: &Session,
    block: &str,
    id: SessionId,
    cx: &Context<'_>,
    used: &mut BTreeMap<String, Exercise>,
    diags: &mut Vec<Diagnostic>,
) -> SessionTemplate {
    let mut days: Vec<Weekday> = Vec::new();
    let mut day_spans: BTreeMap<Weekday, Span> = BTreeMap::new();
    for day in &session.days {
        if let Some(first) = day_spans.get(&day.value) {
            diags.push(
                Diagnostic::error(
                    ErrorCode::DuplicateDay,
                    format!(
                        "the session \"{}\" lists `{}` twice",
                        session.name.value,
                        day.value.keyword()
                    ),
                )
                .with_label(day.span, "listed again here")
                .with_context(*first, "first listed here")
                .with_help("list each day once"),
            );
            continue;
        }
        day_spans.insert(day.value, day.span);
        days.push(day.value);
    }
    let duration_s = session.duration.as_ref().map(|d| d.value.seconds);
    let info = SessionInfo {
        name: session.name.value.clone(),
        block: block.to_owned(),
        id,
        time: session.time.as_ref().and_then(|t| calendar::time(t, diags)),
        duration_min: duration_s.map(whole_minutes),
        location: session.location.as_ref().map(|l| l.value.clone()),
        warmup: session.warmup.as_ref().map(prescription::phase),
        cooldown: session.cooldown.as_ref().map(prescription::phase),
        span: session.span,
        header: session.header,
        optional: session.optional.is_some(),
        mobility: session.mobility.is_some(),
        groups: super::groups::lower(session, diags),
    };
    SessionTemplate {
        info: Arc::new(info),
        days,
        duration_s,
        lines: limits::exercises(session, diags)
            .iter()
            .filter_map(|line| prescription::template(line, cx, used, diags))
            .collect(),
    }
}

/// Seconds since midnight at which a template starts and ends (the end may
/// pass midnight).
fn window(time: Time, duration_s: u32) -> (u64, u64) {
    let start =
        u64::from(time.hour().unsigned_abs()) * 3600 + u64::from(time.minute().unsigned_abs()) * 60;
    (start, start + u64::from(duration_s))
}

fn clock(seconds: u64) -> String {
    let minutes = seconds / 60;
    format!("{:02}:{:02}", minutes / 60 % 24, minutes % 60)
}

fn window_text((start, end): (u64, u64)) -> String {
    format!("{}-{}", clock(start), clock(end))
}

fn day_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

fn overlaps(a: (u64, u64), b: (u64, u64)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// `session-overlap`: two timed sessions of one block share a day and
/// their times overlap. Whole-day sessions never overlap anything.
fn session_overlap(
    earlier: &SessionTemplate,
    later: &SessionTemplate,
    diags: &mut Vec<Diagnostic>,
) {
    let (Some(a), Some(b)) = (earlier.time, later.time) else {
        return;
    };
    let Some(day) = later.days.iter().find(|d| earlier.days.contains(d)) else {
        return;
    };
    let a = window(a, earlier.duration_s.unwrap_or(ASSUMED_SESSION_S));
    let b = window(b, later.duration_s.unwrap_or(ASSUMED_SESSION_S));
    if !overlaps(a, b) {
        return;
    }
    diags.push(
        Diagnostic::error(
            ErrorCode::SessionOverlap,
            format!(
                "sessions \"{}\" ({}) and \"{}\" ({}) overlap on {}s",
                earlier.name,
                window_text(a),
                later.name,
                window_text(b),
                day_name(*day)
            ),
        )
        .with_label(later.header, format!("overlaps \"{}\"", earlier.name))
        .with_context(earlier.header, format!("\"{}\" is here", earlier.name))
        .with_help("move one of them to another time or day"),
    );
}

/// `session-overlaps-run`: a timed session and a timed run of its block's
/// running week overlap on the same day.
fn run_overlap(session: &SessionTemplate, run: &RunTemplate, diags: &mut Vec<Diagnostic>) {
    let (Some(a), Some(b)) = (session.time, run.time) else {
        return;
    };
    if !session.days.contains(&run.day) {
        return;
    }
    let a = window(a, session.duration_s.unwrap_or(ASSUMED_SESSION_S));
    let b = window(b, run.duration_s);
    if !overlaps(a, b) {
        return;
    }
    let run_name = match &run.label {
        Some(label) => format!("the run \"{label}\""),
        None => format!("the {} run", run.intensity.keyword()),
    };
    diags.push(
        Diagnostic::error(
            ErrorCode::SessionOverlapsRun,
            format!(
                "the session \"{}\" ({}) overlaps {run_name} ({}) on {}s",
                session.name,
                window_text(a),
                window_text(b),
                day_name(run.day)
            ),
        )
        .with_label(session.header, "overlaps a run")
        .with_context(run.span, "this run")
        .with_help("move the session or the run so that one ends before the other starts"),
    );
}

/// What [`expand`] needs.
pub struct Expansion<'a> {
    pub calendar: &'a Calendar,
    pub blocks: &'a [BlockTemplate],
    pub plan_runs: &'a [RunTemplate],
    /// `runs weeks A-B`: over a block's and the plan's running week.
    pub week_runs: &'a [WeekRunTemplate],
    pub zone: &'a Zone,
    pub modifiers: &'a WeekModifiers,
    pub athlete: &'a Athlete,
    /// The race takes the place of the week's run on its date.
    pub races: &'a [RaceEvent],
}

/// Places every session and run on its dates, week by week, with that
/// week's prescriptions. Nothing is placed before the start date.
pub fn expand(x: &Expansion<'_>) -> Vec<Week> {
    // Loading weeks of each block so far, counted in one pass over the
    // weeks in order (not by recounting the earlier weeks for each week).
    let mut loading_so_far: BTreeMap<Option<usize>, u32> = BTreeMap::new();
    // Equal sets, of any line in any week, share one allocation.
    let mut interner = SetsInterner::default();
    // A block that begins inside the taper is the taper as written: its
    // weeks keep what they say, not reduced a second time.
    let first_taper = x
        .calendar
        .weeks
        .iter()
        .find(|w| w.kind == WeekKind::Taper)
        .map(|w| w.number);
    let written_taper = |block: Option<usize>| {
        let first = x
            .calendar
            .weeks
            .iter()
            .find(|w| w.block.is_some() && w.block == block)
            .map(|w| w.number);
        matches!((first, first_taper), (Some(f), Some(t)) if f >= t)
    };
    x.calendar
        .weeks
        .iter()
        .map(|slot| {
            let template = slot.block.and_then(|b| x.blocks.get(b));
            let modifiers = match slot.kind {
                WeekKind::Loading => None,
                WeekKind::Deload => Some(x.modifiers.deload),
                WeekKind::Taper if written_taper(slot.block) => None,
                WeekKind::Taper => Some(x.modifiers.taper),
            };
            // Loading weeks of this block before this one; a deload or
            // taper week repeats the loading week before it.
            let count = loading_so_far.entry(slot.block).or_default();
            let loading_before = *count;
            if slot.kind == WeekKind::Loading {
                *count = count.saturating_add(1);
            }
            let k = match slot.kind {
                WeekKind::Loading => loading_before,
                WeekKind::Deload | WeekKind::Taper => loading_before.saturating_sub(1),
            };

            let mut sessions = Vec::new();
            for session in template.map_or(&[][..], |t| &t.sessions) {
                for &day in &session.days {
                    let Some(date) = calendar::add_days(slot.monday, i64::from(day.index())) else {
                        continue;
                    };
                    if date < x.calendar.start {
                        continue;
                    }
                    sessions.push(occurrence(
                        x,
                        session,
                        Slot {
                            week: slot.number,
                            day,
                            date,
                            k,
                            modifiers,
                        },
                        &mut interner,
                    ));
                }
            }
            sessions.sort_by(|a, b| (a.date, a.time, &a.name).cmp(&(b.date, b.time, &b.name)));
            // A long plan is mostly these vectors: no spare room.
            sessions.shrink_to_fit();

            // The most specific running week wins.
            let runs_template = x
                .week_runs
                .iter()
                .find(|w| w.covers(slot.number))
                .map(|w| w.runs.as_slice())
                .or_else(|| template.and_then(|t| t.runs.as_deref()))
                .unwrap_or(x.plan_runs);
            let mut runs = Vec::new();
            for run in runs_template {
                let Some(date) = calendar::add_days(slot.monday, i64::from(run.day.index())) else {
                    continue;
                };
                if date < x.calendar.start || x.races.iter().any(|r| r.date == date) {
                    continue;
                }
                let start = run
                    .time
                    .and_then(|t| calendar::instant(date, t, x.zone))
                    .map(|z| z.timestamp());
                runs.push(RunOccurrence {
                    run: Arc::clone(&run.info),
                    week: slot.number,
                    day: run.day,
                    date,
                    start_utc: start,
                    end_utc: start.and_then(|s| calendar::later(s, run.duration_s)),
                });
            }
            runs.sort_by(|a, b| (a.date, a.time, &a.label).cmp(&(b.date, b.time, &b.label)));
            runs.shrink_to_fit();

            Week {
                number: slot.number,
                monday: slot.monday,
                sunday: slot.sunday,
                block: slot.block,
                kind: slot.kind,
                sessions,
                runs,
            }
        })
        .collect()
}

/// Where a session occurrence falls: its week, day and date, the week's
/// loading index and its deload or taper modifiers.
#[derive(Clone, Copy)]
struct Slot {
    week: u32,
    day: Weekday,
    date: Date,
    k: u32,
    modifiers: Option<prescription::Modifiers>,
}

/// One session on one date. A timed session without a duration is taken
/// to last an hour for its end instant.
fn occurrence(
    x: &Expansion<'_>,
    session: &SessionTemplate,
    slot: Slot,
    interner: &mut SetsInterner,
) -> SessionOccurrence {
    let Slot {
        week,
        day,
        date,
        k,
        modifiers,
    } = slot;
    let zoned = session
        .info
        .time
        .and_then(|t| calendar::instant(date, t, x.zone));
    let start_utc = zoned.as_ref().map(|z| z.timestamp());
    SessionOccurrence {
        session: Arc::clone(&session.info),
        week,
        day,
        date,
        start_utc,
        end_utc: start_utc
            .and_then(|s| calendar::later(s, session.duration_s.unwrap_or(ASSUMED_SESSION_S))),
        utc_offset: zoned.as_ref().map(|z| z.offset()),
        exercises: session
            .lines
            .iter()
            .map(|line| line.prescribe(k, modifiers, x.athlete, interner))
            .collect(),
        alternatives: session
            .lines
            .iter()
            .enumerate()
            .flat_map(|(of, line)| {
                line.prescribe_alternatives(k, modifiers, x.athlete, interner)
                    .into_iter()
                    .map(move |prescription| Alternative { of, prescription })
            })
            .collect(),
    }
}

/// Seconds to the nearest whole minute.
fn whole_minutes(seconds: u32) -> u32 {
    seconds / 60 + u32::from(seconds % 60 >= 30)
}
