//! Facts about an expanded plan that several rules need, computed once per
//! plan: the phase of each week; every session and run with when it
//! happens as an instant; every prescription with its catalogue entry
//! resolved and classified; which runs are key runs; how heavy a set is;
//! and each exercise line followed from week to week. Rules read these
//! instead of looking exercises up by name, or times up in the time zone
//! database, again in every rule.

mod duration;
mod exercise;
mod numbering;
mod session;
mod sets;
pub mod stress;
mod time;
mod week;

use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::catalogue::Stress;
use crate::plan::{Plan, RaceEvent, RunOccurrence, SessionOccurrence, Week, WeekKind};

pub use duration::estimate;
use exercise::classify;
pub use exercise::{ExerciseFacts, is_resistance, limb_muscles};
use numbering::{Layout, Numbering};
pub use session::{Line, Run, Session, describe_run, is_key_run};
pub use sets::{
    HEAVY_PERCENT, HEAVY_REPS, SetFacts, chart_percent, dose_percent_1rm, is_heavy, reps_high,
    reps_low,
};
pub use stress::Reason;
use stress::Tally;
pub use time::{DAY, DAY_AND_DATE, HOUR, Interval, add_days, day_and_date, days_between};
use time::{bundled_zones, unix};
pub use week::WeekFacts;
use week::week_facts;

/// Without a `taper` statement, the taper is this many days before the
/// goal race.
pub const TAPER_DAYS: i64 = 14;

/// A run at least this long is a key run (a long run) whatever its label.
pub const LONG_RUN_MIN: u32 = 90;

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
                    taxing: None,
                    layout: u32::try_from(index).unwrap_or(u32::MAX),
                    first_line: u32::try_from(line).unwrap_or(u32::MAX),
                };
                // A `mobility` session is never strength work: no flag, no
                // verdict. Each line is judged at its worst option: the line
                // or any of its `or` alternatives, as if chosen.
                let strength = s.is_strength();
                let dose = s.counts_toward_minimums();
                let mut tally = Tally::default();
                for (k, (p, (_, shared))) in s.exercises.iter().zip(&layout.lines).enumerate() {
                    let e = self.exercises.get(shared.ex as usize);
                    let class = e.map_or(Stress::Isolation, |e| e.stress());
                    let sets = SetFacts::of(p, class);
                    let heavy = sets.heavy(HEAVY_PERCENT);
                    if heavy && let Some(word) = self.heavy.get_mut(line / 64) {
                        *word |= 1 << (line % 64);
                    }
                    line += 1;
                    let Some(e) = e.filter(|_| strength) else {
                        continue;
                    };
                    session.lower |= e.lower;
                    session.upper |= e.upper;
                    session.plyometric |= e.plyometric;
                    session.lower_resistance |= dose && e.lower_resistance();
                    let mut choice = tally.choice();
                    choice.add(k, class, e.lower, heavy, stress::line_contacts(p, e));
                    if let Some(t) = p.tempo.filter(|t| t.is_eccentric())
                        && e.lower_resistance()
                    {
                        choice.slow_eccentric(k, t.lower);
                    }
                    let first_alt = s.exercises.len();
                    for (i, alt) in s.alternatives.iter().enumerate() {
                        if alt.of != k {
                            continue;
                        }
                        let Some(a) = self.exercise(&alt.prescription.exercise) else {
                            continue;
                        };
                        let class = a.stress();
                        let heavy = SetFacts::of(&alt.prescription, class).heavy(HEAVY_PERCENT);
                        session.lower |= a.lower;
                        session.upper |= a.upper;
                        session.plyometric |= a.plyometric;
                        let contacts = stress::line_contacts(&alt.prescription, &a);
                        choice.add(first_alt + i, class, a.lower, heavy, contacts);
                        if let Some(t) = alt.prescription.tempo.filter(|t| t.is_eccentric())
                            && a.lower_resistance()
                        {
                            choice.slow_eccentric(first_alt + i, t.lower);
                        }
                    }
                    tally.take(choice);
                }
                session.taxing = tally.verdict();
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

    /// The plan's exercise of id `id`, classified.
    pub fn exercise(&self, id: &str) -> Option<ExerciseFacts<'p>> {
        self.exercises
            .binary_search_by(|e| e.entry.id.as_str().cmp(id))
            .ok()
            .and_then(|i| self.exercises.get(i))
            .copied()
    }

    /// A session's `or` alternatives, each with the index of the line it
    /// replaces, as lines: each is checked as if chosen. An alternative
    /// follows no series ([`Line::series`] is `u32::MAX`).
    pub fn alternatives<'a>(
        &'a self,
        session: &Session<'p>,
    ) -> impl Iterator<Item = (usize, Line<'p>)> + 'a {
        let occurrence: &'p SessionOccurrence = session.occurrence;
        occurrence.alternatives.iter().map(move |alt| {
            let p = &alt.prescription;
            let ex = self.exercise(&p.exercise);
            let class = ex.map_or(Stress::Isolation, |e| e.stress());
            let line = Line {
                prescription: p,
                ex,
                heavy: SetFacts::of(p, class).heavy(HEAVY_PERCENT),
                series: u32::MAX,
                rest_s: p.rest_s,
            };
            (alt.of, line)
        })
    }

    /// A session's lines and then its `or` alternatives: everything the
    /// athlete may do, for the rules that judge each option as if chosen
    /// (too heavy, too hard for the level).
    pub fn options<'a>(&'a self, session: &Session<'p>) -> impl Iterator<Item = Line<'p>> + 'a {
        self.lines(session)
            .chain(self.alternatives(session).map(|(_, line)| line))
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
