//! Facts about an expanded plan that several rules need, computed once per
//! plan: the phase of each week; every session and run with when it
//! happens as an instant; every prescription with its catalogue entry
//! resolved and classified; which runs are key runs; how heavy a set is;
//! and each exercise line followed from week to week. Rules read these
//! instead of looking exercises up by name, or times up in the time zone
//! database, again in every rule.

use std::collections::BTreeSet;
use std::ops::Deref;
use std::sync::{Arc, OnceLock};

use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::ast::{Intensity, Reps};
use crate::catalogue::{Exercise, LOWER_BODY, UPPER_BODY};
use crate::fastmap::FastMap;
use crate::plan::{
    LoadValue, Plan, Prescription, RaceEvent, RunOccurrence, SessionOccurrence, SetGroup, Week,
    WeekKind,
};

/// A set at or above this share of 1RM is heavy (the "high-load" category
/// of Llanos-Lagos 2024; ACSM's heavy 1-6RM range).
pub const HEAVY_PERCENT: f64 = 80.0;

/// Sets with an external load and at most this many reps count as heavy
/// when the plan gives no percentage or effort (the rest.heavy-sets row).
pub const HEAVY_REPS: u32 = 6;

/// Without a `taper` statement, the taper is this many days before the
/// goal race.
pub const TAPER_DAYS: i64 = 14;

/// A run at least this long is a key run (a long run) whatever its label.
pub const LONG_RUN_MIN: u32 = 90;

/// Seconds in a day.
pub const DAY: i64 = 86_400;
/// Seconds in an hour.
pub const HOUR: i64 = 3_600;

/// What a week is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekFacts {
    /// Every day of the week is on or after the plan's start.
    pub full: bool,
    /// In the taper (the `taper` weeks, or the last two weeks before the
    /// goal race).
    pub taper: bool,
    /// In the competition phase: the taper, or between the first and the
    /// last race.
    pub competition: bool,
    pub kind: WeekKind,
}

impl WeekFacts {
    /// A normal training week of the preparation phase.
    pub fn preparation(&self) -> bool {
        self.kind == WeekKind::Loading && !self.competition
    }
}

/// A span of time as Unix seconds: `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Interval {
    pub start: i64,
    pub end: i64,
    /// False for a whole-day entry, which occupies its whole day.
    pub timed: bool,
}

impl Interval {
    /// Seconds from the end of `self` to the start of `later` (negative
    /// when they overlap).
    pub fn gap_to(&self, later: &Interval) -> i64 {
        later.start - self.end
    }
}

/// A catalogue exercise the plan uses, classified once.
#[derive(Debug, Clone, Copy)]
pub struct ExerciseFacts<'p> {
    pub entry: &'p Exercise,
    /// Its position among the plan's exercises (`Facts::exercises`), for
    /// tables a rule keeps per exercise.
    pub index: usize,
    /// Works a lower-body muscle as a prime mover.
    pub lower: bool,
    /// Works an upper-body muscle as a prime mover.
    pub upper: bool,
    pub plyometric: bool,
    /// The limb muscles it works as a prime mover: bit `i` is
    /// `limb_muscles()[i]`.
    pub limb_muscles: u32,
}

impl Deref for ExerciseFacts<'_> {
    type Target = Exercise;

    fn deref(&self) -> &Exercise {
        self.entry
    }
}

impl ExerciseFacts<'_> {
    /// Strength work: anything but plyometrics.
    pub fn resistance(&self) -> bool {
        !self.plyometric
    }

    pub fn lower_resistance(&self) -> bool {
        self.lower && self.resistance()
    }

    /// A multi-joint lower-body lift: the main lifts of runners'
    /// programmes.
    pub fn main_lower(&self) -> bool {
        self.entry.compound && self.lower_resistance()
    }
}

/// One prescription of one session occurrence, with its exercise. Made
/// on the fly by [`Facts::lines`]: only `heavy` changes from week to week.
#[derive(Debug, Clone, Copy)]
pub struct Line<'p> {
    pub prescription: &'p Prescription,
    /// The exercise (`None` only if the plan's catalogue lacks it).
    pub ex: Option<ExerciseFacts<'p>>,
    /// Some set is heavy (at least [`HEAVY_PERCENT`] of 1RM, or a few
    /// reps with a load).
    pub heavy: bool,
    /// The same exercise line followed from week to week, as a number
    /// (`0..Facts::series_count()`): every occurrence of one exercise (the
    /// first, the second... of it in the session) in the sessions of one
    /// name and weekday. A block that keeps a session's name continues the
    /// series of its lines.
    pub series: u32,
    /// The written rest between sets.
    pub rest_s: Option<u32>,
}

impl Deref for Line<'_> {
    type Target = Prescription;

    fn deref(&self) -> &Prescription {
        self.prescription
    }
}

impl Line<'_> {
    /// What its sets add up to.
    pub fn set_facts(&self) -> SetFacts {
        SetFacts::of(self.prescription)
    }

    /// The exercise is resolved and `test` holds for it.
    pub fn is(&self, test: impl FnOnce(&ExerciseFacts<'_>) -> bool) -> bool {
        self.ex.as_ref().is_some_and(test)
    }
}

/// What the sets of one prescription add up to, in one walk over them
/// ([`Line::set_facts`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SetFacts {
    /// The highest share of 1RM a set says or implies ([`percent_1rm`]);
    /// NaN when none does.
    top_percent: f64,
    /// The most reps of a set that is not heavy ([`reps_low`] of it), if
    /// `LIGHT_REPS`.
    light_reps: u32,
    flags: u8,
}

impl SetFacts {
    /// Some set with no known share of 1RM has an external load for at
    /// most [`HEAVY_REPS`] reps.
    const HEAVY_REPS: u8 = 1;
    /// Some set has an external load or a known share of 1RM.
    const LOADED: u8 = 2;
    /// It has sets, every one to failure.
    const TO_FAILURE: u8 = 4;
    /// Some set that is not heavy is counted in reps.
    const LIGHT_REPS: u8 = 8;

    fn of(p: &Prescription) -> SetFacts {
        let mut top_percent = f64::NAN;
        let mut light_reps: Option<u32> = None;
        let mut flags = if p.sets.is_empty() {
            0
        } else {
            Self::TO_FAILURE
        };
        for g in &p.sets {
            let percent = percent_1rm(g);
            let external = has_external_load(g);
            let heavy = match percent {
                Some(p) => {
                    top_percent = top_percent.max(p);
                    p + 1e-6 >= HEAVY_PERCENT
                }
                None => {
                    let heavy = external && reps_high(&g.reps).is_some_and(|r| r <= HEAVY_REPS);
                    if heavy {
                        flags |= Self::HEAVY_REPS;
                    }
                    heavy
                }
            };
            if !heavy {
                light_reps = light_reps.max(reps_low(&g.reps));
            }
            if external || percent.is_some() {
                flags |= Self::LOADED;
            }
            if !is_to_failure(g) {
                flags &= !Self::TO_FAILURE;
            }
        }
        if light_reps.is_some() {
            flags |= Self::LIGHT_REPS;
        }
        SetFacts {
            top_percent,
            light_reps: light_reps.unwrap_or(0),
            flags,
        }
    }

    /// Some set is heavy at `threshold`% of 1RM ([`is_heavy`]).
    pub fn heavy(&self, threshold: f64) -> bool {
        self.top_percent + 1e-6 >= threshold || self.flags & Self::HEAVY_REPS != 0
    }

    /// Some set has an external load or a known share of 1RM.
    pub fn loaded(&self) -> bool {
        self.flags & Self::LOADED != 0
    }

    /// It has sets, every one to failure ([`is_to_failure`]).
    pub fn to_failure(&self) -> bool {
        self.flags & Self::TO_FAILURE != 0
    }

    /// The most reps of a set that is not heavy at [`HEAVY_PERCENT`]
    /// ([`reps_low`] of it).
    pub fn light_reps(&self) -> Option<u32> {
        (self.flags & Self::LIGHT_REPS != 0).then_some(self.light_reps)
    }
}

/// One session occurrence, with what rules ask of it.
#[derive(Debug, Clone, Copy)]
pub struct Session<'p> {
    pub occurrence: &'p SessionOccurrence,
    pub interval: Interval,
    /// What its week is for.
    pub week_facts: WeekFacts,
    /// The session's name and weekday as a number, the same for every
    /// week's occurrence (and for a later block's session of that name on
    /// that day): `0..Facts::slots()`.
    pub slot: u32,
    /// Some exercise works the lower body.
    pub lower: bool,
    /// Some exercise works the upper body.
    pub upper: bool,
    /// Some exercise is a plyometric one.
    pub plyometric: bool,
    /// Some exercise is lower-body strength work (plyometrics aside).
    pub lower_resistance: bool,
    /// The position of the first lower-body strength exercise with a heavy
    /// set ([`Session::heavy_lower`]), `u32::MAX` if none.
    heavy_lower: u32,
    /// Its lines' shared facts, in `Facts::layouts`.
    layout: u32,
    /// Its first line's bit in `Facts::heavy`.
    first_line: u32,
}

impl<'p> Session<'p> {
    /// The first lower-body strength exercise with a heavy set, by id.
    pub fn heavy_lower(&self) -> Option<&'p str> {
        let occurrence: &'p SessionOccurrence = self.occurrence;
        occurrence
            .exercises
            .get(self.heavy_lower as usize)
            .map(|p| p.exercise.as_str())
    }
}

impl Deref for Session<'_> {
    type Target = SessionOccurrence;

    fn deref(&self) -> &SessionOccurrence {
        self.occurrence
    }
}

/// One run occurrence, with when it happens.
#[derive(Debug, Clone, Copy)]
pub struct Run<'p> {
    pub occurrence: &'p RunOccurrence,
    pub interval: Interval,
    /// A key run ([`is_key_run`]).
    pub key: bool,
}

impl Deref for Run<'_> {
    type Target = RunOccurrence;

    fn deref(&self) -> &RunOccurrence {
        self.occurrence
    }
}

pub struct Facts<'p> {
    pub plan: &'p Plan,
    tz: TimeZone,
    weeks: Vec<WeekFacts>,
    season_start: Option<Date>,
    exercises: Vec<ExerciseFacts<'p>>,
    /// Every session occurrence, in plan order.
    sessions: Vec<Session<'p>>,
    /// Per week of `plan.weeks`, its sessions' range in `sessions`.
    week_sessions: Vec<(usize, usize)>,
    /// What the lines of a session share with every week's occurrence.
    layouts: Vec<Layout>,
    /// Per prescription of the plan, in order: whether it has a heavy set.
    heavy: Vec<u64>,
    runs: Vec<Run<'p>>,
    slots: usize,
    series: usize,
}

impl<'p> Facts<'p> {
    pub fn new(plan: &'p Plan) -> Self {
        let tz = bundled_zones().get(&plan.timezone).unwrap_or(TimeZone::UTC);
        let (weeks, season_start) = week_facts(plan);
        let exercises: Vec<ExerciseFacts<'p>> = plan
            .exercises
            .values()
            .enumerate()
            .map(|(index, entry)| classify(index, entry))
            .collect();
        let mut facts = Facts {
            plan,
            tz,
            weeks,
            season_start,
            exercises,
            sessions: Vec::new(),
            week_sessions: Vec::with_capacity(plan.weeks.len()),
            layouts: Vec::new(),
            heavy: Vec::new(),
            runs: Vec::new(),
            slots: 0,
            series: 0,
        };
        facts.index_sessions();
        let mut runs = Vec::with_capacity(plan.weeks.iter().map(|w| w.runs.len()).sum());
        runs.extend(plan.runs().map(|r| Run {
            occurrence: r,
            interval: facts.run(r),
            key: is_key_run(r),
        }));
        facts.runs = runs;
        facts
    }

    /// Resolves every prescription's exercise, sums up each session and
    /// numbers the series. Every week's occurrence of a session shares its
    /// lines with the others, so this is worked out once per session and
    /// weekday, and only checked for the other occurrences.
    fn index_sessions(&mut self) {
        let plan = self.plan;
        let (sessions, lines) = plan
            .weeks
            .iter()
            .flat_map(|w| &w.sessions)
            .fold((0, 0), |(sessions, lines), s| {
                (sessions + 1, lines + s.exercises.len())
            });
        self.sessions.reserve_exact(sessions);
        self.heavy = vec![0; lines.div_ceil(64)];
        let mut numbering = Numbering::new(plan, &self.exercises);
        let mut line = 0usize;
        for week in &plan.weeks {
            let first = self.sessions.len();
            let week_facts = self.week(week.number);
            for s in &week.sessions {
                let index = numbering.layout(s, &mut self.layouts);
                let Some(layout) = self.layouts.get(index) else {
                    continue;
                };
                let mut session = Session {
                    occurrence: s,
                    interval: self.session(s),
                    week_facts,
                    slot: u32::try_from(layout.slot).unwrap_or(u32::MAX),
                    lower: false,
                    upper: false,
                    plyometric: false,
                    lower_resistance: false,
                    heavy_lower: u32::MAX,
                    layout: u32::try_from(index).unwrap_or(u32::MAX),
                    first_line: u32::try_from(line).unwrap_or(u32::MAX),
                };
                for (k, (p, (_, shared))) in s.exercises.iter().zip(&layout.lines).enumerate() {
                    let heavy = SetFacts::of(p).heavy(HEAVY_PERCENT);
                    if heavy && let Some(word) = self.heavy.get_mut(line / 64) {
                        *word |= 1 << (line % 64);
                    }
                    line += 1;
                    if let Some(e) = self.exercises.get(shared.ex as usize) {
                        session.lower |= e.lower;
                        session.upper |= e.upper;
                        session.plyometric |= e.plyometric;
                        session.lower_resistance |= e.lower_resistance();
                        if heavy && e.lower_resistance() && session.heavy_lower == u32::MAX {
                            session.heavy_lower = u32::try_from(k).unwrap_or(u32::MAX);
                        }
                    }
                }
                self.sessions.push(session);
            }
            self.week_sessions.push((first, self.sessions.len()));
        }
        self.slots = numbering.slots.len();
        self.series = numbering.series.len();
        self.layouts.shrink_to_fit();
    }

    /// The first day of the competition phase, when the plan has a race.
    pub fn season_start(&self) -> Option<Date> {
        self.season_start
    }

    pub fn week(&self, number: u32) -> WeekFacts {
        number
            .checked_sub(1)
            .and_then(|i| self.weeks.get(i as usize))
            .copied()
            .unwrap_or(WeekFacts {
                full: false,
                taper: false,
                competition: false,
                kind: WeekKind::Loading,
            })
    }

    /// Weeks with their facts and their sessions, in order.
    pub fn weeks(&self) -> impl Iterator<Item = (&'p Week, WeekFacts, &[Session<'p>])> + '_ {
        self.plan.weeks.iter().enumerate().map(|(i, w)| {
            let sessions = self
                .week_sessions
                .get(i)
                .and_then(|&(a, b)| self.sessions.get(a..b))
                .unwrap_or(&[]);
            (w, self.week(w.number), sessions)
        })
    }

    /// Every session occurrence, in date and time order.
    pub fn sessions(&self) -> &[Session<'p>] {
        &self.sessions
    }

    /// A session's prescriptions, in order.
    pub fn lines(&self, session: &Session<'p>) -> impl Iterator<Item = Line<'p>> + '_ {
        let shared = self
            .layouts
            .get(session.layout as usize)
            .map_or(&[][..], |l| &l.lines[..]);
        let first = session.first_line as usize;
        session
            .occurrence
            .exercises
            .iter()
            .zip(shared)
            .enumerate()
            .map(move |(j, (p, (_, shared)))| {
                let line = first + j;
                let heavy = self
                    .heavy
                    .get(line / 64)
                    .is_some_and(|word| word & (1 << (line % 64)) != 0);
                Line {
                    prescription: p,
                    ex: self.exercises.get(shared.ex as usize).copied(),
                    heavy,
                    series: shared.series,
                    rest_s: shared.rest_s,
                }
            })
    }

    /// Every run occurrence, in date and time order.
    pub fn runs(&self) -> &[Run<'p>] {
        &self.runs
    }

    /// The exercises the plan uses, by id.
    pub fn exercises(&self) -> &[ExerciseFacts<'p>] {
        &self.exercises
    }

    /// How many session slots (name and weekday) there are.
    pub fn slots(&self) -> usize {
        self.slots
    }

    /// How many series of exercise lines there are ([`Line::series`]).
    pub fn series_count(&self) -> usize {
        self.series
    }

    /// The whole local day of `date`, as an interval.
    pub fn day(&self, date: Date) -> Interval {
        let start = unix(date, &self.tz);
        let end = add_days(date, 1).map_or(start + DAY, |d| unix(d, &self.tz));
        Interval {
            start,
            end,
            timed: false,
        }
    }

    pub fn session(&self, s: &SessionOccurrence) -> Interval {
        match (s.start_utc, s.end_utc) {
            (Some(start), end) => {
                let start = start.as_second();
                let end = end.map_or(start + 3600, |e| e.as_second());
                Interval {
                    start,
                    end: end.max(start),
                    timed: true,
                }
            }
            _ => self.day(s.date),
        }
    }

    pub fn run(&self, r: &RunOccurrence) -> Interval {
        match (r.start_utc, r.end_utc) {
            (Some(start), end) => {
                let start = start.as_second();
                let end = end.map_or(start + i64::from(r.duration_min) * 60, |e| e.as_second());
                Interval {
                    start,
                    end: end.max(start),
                    timed: true,
                }
            }
            _ => self.day(r.date),
        }
    }

    /// A race starts at its time; how long it lasts is not known.
    pub fn race(&self, r: &RaceEvent) -> Interval {
        match r.start_utc {
            Some(start) => Interval {
                start: start.as_second(),
                end: start.as_second(),
                timed: true,
            },
            None => self.day(r.date),
        }
    }
}

/// What every week's occurrence of an exercise line shares.
#[derive(Debug, Clone, Copy)]
struct Shared {
    /// The exercise's position in `Facts::exercises`, `u32::MAX` if the
    /// catalogue lacks it.
    ex: u32,
    series: u32,
    rest_s: Option<u32>,
}

/// A session on a weekday: its slot and, per exercise line, the line's
/// address and what its occurrences share.
struct Layout {
    slot: usize,
    lines: Vec<(usize, Shared)>,
}

/// Numbers for session slots and series, and each exercise line's
/// catalogue entry, worked out once per session.
struct Numbering<'a, 'p> {
    exercises: &'a [ExerciseFacts<'p>],
    /// Exercise id -> its position among the plan's exercises.
    ids: FastMap<&'p str, usize>,
    /// Exercise line (by address) -> (exercise name as a number, its
    /// position among the plan's exercises).
    resolved: FastMap<usize, (u32, Option<usize>)>,
    /// Exercise name -> (a number for it, its position).
    names: FastMap<&'p str, (u32, Option<usize>)>,
    slots: FastMap<(&'p str, u8), usize>,
    /// (slot, exercise name, nth of it in the session) -> series.
    series: FastMap<(usize, u32, u32), u32>,
    /// (session, weekday), by address of the session -> its latest layout.
    layouts: FastMap<(usize, u8), usize>,
}

impl<'a, 'p> Numbering<'a, 'p> {
    fn new(plan: &'p Plan, exercises: &'a [ExerciseFacts<'p>]) -> Self {
        Numbering {
            exercises,
            ids: plan
                .exercises
                .keys()
                .enumerate()
                .map(|(i, id)| (id.as_str(), i))
                .collect(),
            // Enough for a typical plan at once.
            resolved: FastMap::with_capacity_and_hasher(64, Default::default()),
            names: FastMap::with_capacity_and_hasher(32, Default::default()),
            slots: FastMap::with_capacity_and_hasher(16, Default::default()),
            series: FastMap::with_capacity_and_hasher(64, Default::default()),
            layouts: FastMap::with_capacity_and_hasher(16, Default::default()),
        }
    }

    /// The layout of `s` in `layouts`, added if no earlier occurrence of
    /// the session has the same lines.
    fn layout(&mut self, s: &'p SessionOccurrence, layouts: &mut Vec<Layout>) -> usize {
        let key = (Arc::as_ptr(&s.session) as usize, s.day.index());
        let known = self.layouts.get(&key).copied().filter(|&i| {
            layouts.get(i).is_some_and(|layout| {
                layout.lines.len() == s.exercises.len()
                    && layout
                        .lines
                        .iter()
                        .zip(&s.exercises)
                        .all(|(l, p)| l.0 == Arc::as_ptr(&p.line) as usize)
            })
        });
        if let Some(i) = known {
            return i;
        }
        let layout = self.work_out(s);
        layouts.push(layout);
        let i = layouts.len() - 1;
        self.layouts.insert(key, i);
        i
    }

    fn work_out(&mut self, s: &'p SessionOccurrence) -> Layout {
        let next_slot = self.slots.len();
        let slot = *self
            .slots
            .entry((s.name.as_str(), s.day.index()))
            .or_insert(next_slot);
        let mut lines = Vec::with_capacity(s.exercises.len());
        let mut names_here: Vec<u32> = Vec::with_capacity(s.exercises.len());
        for p in &s.exercises {
            let address = Arc::as_ptr(&p.line) as usize;
            let (name, ex) = *self.resolved.entry(address).or_insert_with(|| {
                let next = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
                let ids = &self.ids;
                *self
                    .names
                    .entry(p.exercise.as_str())
                    .or_insert_with(|| (next, ids.get(p.exercise.as_str()).copied()))
            });
            // Which occurrence of the exercise in the session.
            let nth = names_here.iter().filter(|n| **n == name).count();
            names_here.push(name);
            let nth = u32::try_from(nth).unwrap_or(u32::MAX);
            let next_series = u32::try_from(self.series.len()).unwrap_or(u32::MAX);
            let series = *self.series.entry((slot, name, nth)).or_insert(next_series);
            let shared = Shared {
                ex: ex
                    .filter(|&i| i < self.exercises.len())
                    .and_then(|i| u32::try_from(i).ok())
                    .unwrap_or(u32::MAX),
                series,
                rest_s: p.rest_s,
            };
            lines.push((address, shared));
        }
        Layout { slot, lines }
    }
}

/// Each week's facts, and the first day of the competition phase.
fn week_facts(plan: &Plan) -> (Vec<WeekFacts>, Option<Date>) {
    let taper_weeks: BTreeSet<u32> = plan
        .weeks
        .iter()
        .filter(|w| w.kind == WeekKind::Taper)
        .map(|w| w.number)
        .collect();
    let goal = plan.goal_race().map(|r| r.date);
    let window_start = goal.and_then(|d| add_days(d, -TAPER_DAYS));
    let first_race = plan.races.iter().map(|r| r.date).min();
    let weeks: Vec<WeekFacts> = plan
        .weeks
        .iter()
        .map(|w| {
            let taper = if taper_weeks.is_empty() {
                match (goal, window_start) {
                    (Some(race), Some(from)) => w.sunday > from && w.monday <= race,
                    _ => false,
                }
            } else {
                taper_weeks.contains(&w.number)
            };
            let season = match (first_race, goal) {
                (Some(first), Some(last)) => w.sunday >= first && w.monday <= last,
                _ => false,
            };
            WeekFacts {
                full: w.monday >= plan.start,
                taper,
                competition: taper || season,
                kind: w.kind,
            }
        })
        .collect();
    // The season starts with the taper or the first race, whichever
    // comes first; the taper may lie beyond the plan's last week.
    let taper_start = plan
        .weeks
        .iter()
        .zip(&weeks)
        .find(|(_, f)| f.taper)
        .map(|(w, _)| w.monday)
        .or(window_start.and_then(|d| add_days(d, 1)));
    let season_start = match (taper_start, first_race) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    (weeks, season_start)
}

fn classify(index: usize, entry: &Exercise) -> ExerciseFacts<'_> {
    let limb = limb_muscles();
    let limb_muscles = entry
        .muscles
        .iter()
        .filter_map(|m| limb.iter().position(|l| *l == m.as_str()))
        .fold(0u32, |bits, i| {
            bits | 1u32.checked_shl(i as u32).unwrap_or(0)
        });
    ExerciseFacts {
        entry,
        index,
        lower: entry.is_lower(),
        upper: entry.is_upper(),
        plyometric: entry.is_plyometric(),
        limb_muscles,
    }
}

/// The muscles of the arms and legs ([`LOWER_BODY`] and [`UPPER_BODY`]),
/// in alphabetical order: the bits of [`ExerciseFacts::limb_muscles`].
pub fn limb_muscles() -> &'static [&'static str] {
    static LIMB: OnceLock<Vec<&'static str>> = OnceLock::new();
    LIMB.get_or_init(|| {
        let mut all: Vec<&'static str> = LOWER_BODY.iter().chain(UPPER_BODY).copied().collect();
        all.sort_unstable();
        all.dedup();
        all
    })
}

/// The bundled tz database, as lowering reads it: jiff's global one
/// (`TimeZone::get`) walks the machine's zoneinfo directory on first use,
/// milliseconds of every `stride check` process.
fn bundled_zones() -> &'static jiff::tz::TimeZoneDatabase {
    static DB: std::sync::OnceLock<jiff::tz::TimeZoneDatabase> = std::sync::OnceLock::new();
    DB.get_or_init(jiff::tz::TimeZoneDatabase::bundled)
}

fn unix(date: Date, tz: &TimeZone) -> i64 {
    date.to_zoned(tz.clone())
        .map(|z| z.timestamp().as_second())
        .unwrap_or(0)
}

pub fn add_days(date: Date, days: i64) -> Option<Date> {
    date.checked_add(jiff::Span::new().days(days)).ok()
}

/// The format of [`day_and_date`].
pub const DAY_AND_DATE: &str = "%a %Y-%m-%d";

/// `Sat 2027-02-13`.
pub fn day_and_date(date: Date) -> String {
    date.strftime(DAY_AND_DATE).to_string()
}

/// Whole days from `a` to `b`.
pub fn days_between(a: Date, b: Date) -> i64 {
    (unix(b, &TimeZone::UTC) - unix(a, &TimeZone::UTC)).div_euclid(DAY)
}

/// Intervals, hard running and long runs: the runs lifting must not spoil.
pub fn is_key_run(run: &RunOccurrence) -> bool {
    // `long` in any case. Only ASCII letters lowercase to ASCII `l`, `o`,
    // `n` and `g`, so this is `to_lowercase().contains("long")` without
    // the copy.
    run.intensity == Intensity::Hard
        || run.duration_min >= LONG_RUN_MIN
        || run.label.as_deref().is_some_and(|l| {
            l.as_bytes()
                .windows(4)
                .any(|w| w.eq_ignore_ascii_case(b"long"))
        })
}

/// `the hard run "Intervals"`, `the 45min easy run`.
pub fn describe_run(run: &RunOccurrence) -> RunDescription<'_> {
    RunDescription(run)
}

/// A run as messages name it (see [`describe_run`]), written straight into
/// the message.
pub struct RunDescription<'a>(&'a RunOccurrence);

impl std::fmt::Display for RunDescription<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let run = self.0;
        match &run.label {
            Some(label) => write!(f, "the {} run \"{label}\"", run.intensity.keyword()),
            None => write!(
                f,
                "the {}min {} run",
                run.duration_min,
                run.intensity.keyword()
            ),
        }
    }
}

/// Strength work: anything but plyometrics.
pub fn is_resistance(ex: &Exercise) -> bool {
    !ex.is_plyometric()
}

/// The fewest reps a set asks for (`8-12` is 8), for counted sets.
pub fn reps_low(reps: &Reps) -> Option<u32> {
    match *reps {
        Reps::Exactly { reps } | Reps::AtLeast { reps } => Some(reps),
        Reps::Range { low, .. } => Some(low),
        Reps::Timed { .. } | Reps::Distance { .. } => None,
    }
}

/// The most reps a set asks for (`8-12` is 12).
pub fn reps_high(reps: &Reps) -> Option<u32> {
    match *reps {
        Reps::Exactly { reps } | Reps::AtLeast { reps } => Some(reps),
        Reps::Range { high, .. } => Some(high),
        Reps::Timed { .. } | Reps::Distance { .. } => None,
    }
}

/// `5`, `8-12`, `5+`, `30s`, `30m`.
pub fn reps_text(reps: &Reps) -> String {
    match *reps {
        Reps::Exactly { reps } => reps.to_string(),
        Reps::Range { low, high } => format!("{low}-{high}"),
        Reps::AtLeast { reps } => format!("{reps}+"),
        Reps::Timed { seconds } => format!("{seconds}s"),
        Reps::Distance { meters } => format!("{meters}m"),
    }
}

/// Share of 1RM a load a lifter can do `reps` times at most amounts to
/// (Epley): 5 reps to failure is about 86%, 8 about 79%, 12 about 71%.
pub fn epley_percent(reps_to_failure: f64) -> f64 {
    100.0 / (1.0 + reps_to_failure / 30.0)
}

/// The set's share of 1RM in percent, when the plan says or implies it:
/// a `%` load, or reps with an RPE or RIR.
pub fn percent_1rm(g: &SetGroup) -> Option<f64> {
    match &g.load {
        Some(LoadValue::Mass {
            percent_1rm: Some(p),
            ..
        }) => Some(p * 100.0),
        Some(load @ (LoadValue::Rpe { .. } | LoadValue::Rir { .. })) => {
            let rir = load.reps_in_reserve()?.max(0.0);
            let reps = reps_low(&g.reps)?;
            Some(epley_percent(f64::from(reps) + rir))
        }
        _ => None,
    }
}

/// Whether the set carries an external load (`@80kg`, `@bw+10kg`).
pub fn has_external_load(g: &SetGroup) -> bool {
    match &g.load {
        Some(LoadValue::Mass { value, .. }) => *value > 0.0,
        Some(LoadValue::Bodyweight { added, .. }) => *added > 0.0,
        _ => false,
    }
}

/// A set to failure: `5+` reps, or RIR 0 (RPE 10).
pub fn is_to_failure(g: &SetGroup) -> bool {
    matches!(g.reps, Reps::AtLeast { .. })
        || g.load
            .as_ref()
            .and_then(|l| l.reps_in_reserve())
            .is_some_and(|rir| rir <= 0.0)
}

/// A heavy set: at least `threshold`% of 1RM when the plan says or implies
/// it; otherwise an external load for at most six reps.
pub fn is_heavy(g: &SetGroup, threshold: f64) -> bool {
    if let Some(p) = percent_1rm(g) {
        return p + 1e-6 >= threshold;
    }
    has_external_load(g) && reps_high(&g.reps).is_some_and(|r| r <= HEAVY_REPS)
}

/// The heaviest a prescription gets, as text for messages: `85% 1RM`,
/// `82.5kg`.
pub fn top_load_text(p: &Prescription) -> Option<String> {
    let mut best: Option<(f64, String)> = None;
    for g in &p.sets {
        let candidate = match &g.load {
            Some(LoadValue::Mass {
                value,
                unit,
                percent_1rm,
            }) => match percent_1rm {
                Some(pc) => (
                    pc * 100.0,
                    format!("{}% 1RM", crate::plan::format_number(pc * 100.0)),
                ),
                None => (
                    0.0,
                    format!("{}{}", crate::plan::format_number(*value), unit.symbol()),
                ),
            },
            _ => continue,
        };
        if best.as_ref().is_none_or(|(b, _)| candidate.0 > *b) {
            best = Some(candidate);
        }
    }
    best.map(|(_, text)| text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epley_matches_the_usual_table() {
        assert!((epley_percent(5.0) - 85.7).abs() < 0.1);
        assert!((epley_percent(8.0) - 78.9).abs() < 0.1);
        assert!((epley_percent(12.0) - 71.4).abs() < 0.1);
    }

    #[test]
    fn heaviness() {
        use crate::plan::Unit;
        let set = |reps: u32, load: Option<LoadValue>| SetGroup {
            sets: 3,
            reps: Reps::Exactly { reps },
            per_side: false,
            load,
            load_to: None,
            effort: None,
        };
        let pct = |p: f64| {
            Some(LoadValue::Mass {
                value: 80.0,
                unit: Unit::Kg,
                percent_1rm: Some(p),
            })
        };
        assert!(is_heavy(&set(5, pct(0.8)), 80.0));
        assert!(!is_heavy(&set(5, pct(0.775)), 80.0));
        let kg = Some(LoadValue::Mass {
            value: 60.0,
            unit: Unit::Kg,
            percent_1rm: None,
        });
        assert!(is_heavy(&set(5, kg.clone()), 80.0));
        assert!(!is_heavy(&set(8, kg), 80.0));
        assert!(is_heavy(&set(5, Some(LoadValue::Rir { rir: 2.0 })), 80.0));
        assert!(!is_heavy(&set(6, Some(LoadValue::Rir { rir: 2.0 })), 80.0));
        assert!(!is_heavy(&set(5, None), 80.0));
    }

    /// The summary of a prescription's sets answers as walking the sets
    /// does, for every kind of set and load.
    #[test]
    fn set_facts_agree_with_the_sets() {
        use crate::plan::{PrescribedLine, Unit};
        use crate::span::Span;
        let reps = [
            Reps::Exactly { reps: 5 },
            Reps::Exactly { reps: 8 },
            Reps::Range { low: 0, high: 6 },
            Reps::Range { low: 8, high: 12 },
            Reps::AtLeast { reps: 5 },
            Reps::Timed { seconds: 30 },
            Reps::Distance { meters: 20 },
        ];
        let loads = [
            None,
            Some(LoadValue::Mass {
                value: 80.0,
                unit: Unit::Kg,
                percent_1rm: Some(0.8),
            }),
            Some(LoadValue::Mass {
                value: 70.0,
                unit: Unit::Kg,
                percent_1rm: Some(0.7),
            }),
            Some(LoadValue::Mass {
                value: 40.0,
                unit: Unit::Lb,
                percent_1rm: None,
            }),
            Some(LoadValue::Bodyweight {
                added: 10.0,
                unit: Unit::Kg,
            }),
            Some(LoadValue::Bodyweight {
                added: 0.0,
                unit: Unit::Kg,
            }),
            Some(LoadValue::Rpe { rpe: 10.0 }),
            Some(LoadValue::Rir { rir: 2.0 }),
        ];
        let groups: Vec<SetGroup> = reps
            .iter()
            .flat_map(|r| {
                loads.iter().map(move |l| SetGroup {
                    sets: 3,
                    reps: *r,
                    per_side: false,
                    load: l.clone(),
                    load_to: None,
                    effort: None,
                })
            })
            .collect();
        let line = Arc::new(PrescribedLine {
            exercise: "back-squat".to_string(),
            written: "back-squat".to_string(),
            rest_s: None,
            progression: None,
            note: None,
            span: Span::new(0, 1),
            progression_span: None,
            tempo: None,
            group: None,
            form: Default::default(),
        });
        let mut seed = 1u64;
        for size in 0..4 {
            for _ in 0..300 {
                let sets: Vec<SetGroup> = (0..size)
                    .map(|_| {
                        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                        groups[(seed >> 33) as usize % groups.len()].clone()
                    })
                    .collect();
                let p = Prescription {
                    line: Arc::clone(&line),
                    sets: sets.clone().into(),
                    alternatives: Default::default(),
                };
                let f = SetFacts::of(&p);
                for t in [60.0, 70.0, 79.9, 80.0, 85.0, 100.0] {
                    assert_eq!(
                        f.heavy(t),
                        sets.iter().any(|g| is_heavy(g, t)),
                        "{sets:?} at {t}"
                    );
                }
                let light = sets
                    .iter()
                    .filter(|g| !is_heavy(g, HEAVY_PERCENT))
                    .filter_map(|g| reps_low(&g.reps))
                    .max();
                assert_eq!(f.light_reps(), light, "{sets:?}");
                let failure = !sets.is_empty() && sets.iter().all(is_to_failure);
                assert_eq!(f.to_failure(), failure, "{sets:?}");
                let loaded = sets
                    .iter()
                    .any(|g| has_external_load(g) || percent_1rm(g).is_some());
                assert_eq!(f.loaded(), loaded, "{sets:?}");
            }
        }
    }
}
