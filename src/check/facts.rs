//! Facts about an expanded plan that several rules need: the phase of each
//! week, when each session and run happens as an instant, which runs are
//! key runs, and how heavy a set is. Computed once per plan.

use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::ast::{Intensity, Reps};
use crate::catalogue::Exercise;
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

pub struct Facts<'p> {
    pub plan: &'p Plan,
    tz: TimeZone,
    weeks: Vec<WeekFacts>,
    season_start: Option<Date>,
}

impl<'p> Facts<'p> {
    pub fn new(plan: &'p Plan) -> Self {
        let tz = bundled_zones().get(&plan.timezone).unwrap_or(TimeZone::UTC);
        let taper_weeks: Vec<u32> = plan
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
        Facts {
            plan,
            tz,
            weeks,
            season_start,
        }
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

    /// Weeks with their facts, in order.
    pub fn weeks(&self) -> impl Iterator<Item = (&'p Week, WeekFacts)> + '_ {
        self.plan.weeks.iter().map(|w| (w, self.week(w.number)))
    }

    /// The catalogue entry of a prescription's exercise.
    pub fn exercise(&self, p: &Prescription) -> Option<&'p Exercise> {
        self.plan.exercises.get(&p.exercise)
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

/// `Sat 2027-02-13`.
pub fn day_and_date(date: Date) -> String {
    date.strftime("%a %Y-%m-%d").to_string()
}

/// Whole days from `a` to `b`.
pub fn days_between(a: Date, b: Date) -> i64 {
    (unix(b, &TimeZone::UTC) - unix(a, &TimeZone::UTC)).div_euclid(DAY)
}

/// Intervals, hard running and long runs: the runs lifting must not spoil.
pub fn is_key_run(run: &RunOccurrence) -> bool {
    run.intensity == Intensity::Hard
        || run.duration_min >= LONG_RUN_MIN
        || run
            .label
            .as_deref()
            .is_some_and(|l| l.to_lowercase().contains("long"))
}

/// `the hard run "Intervals"`, `the 45min easy run`.
pub fn describe_run(run: &RunOccurrence) -> String {
    match &run.label {
        Some(label) => format!("the {} run \"{label}\"", run.intensity.keyword()),
        None => format!(
            "the {}min {} run",
            run.duration_min,
            run.intensity.keyword()
        ),
    }
}

/// Strength work: anything but plyometrics.
pub fn is_resistance(ex: &Exercise) -> bool {
    !ex.is_plyometric()
}

pub fn is_lower_resistance(ex: &Exercise) -> bool {
    ex.is_lower() && is_resistance(ex)
}

/// A multi-joint lower-body lift: the main lifts of runners' programmes.
pub fn is_main_lower_lift(ex: &Exercise) -> bool {
    ex.compound && is_lower_resistance(ex)
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

/// Does a session hold heavy lower-body strength work?
pub fn heavy_lower(facts: &Facts<'_>, s: &SessionOccurrence) -> Option<String> {
    s.exercises.iter().find_map(|p| {
        let ex = facts.exercise(p)?;
        if is_lower_resistance(ex) && p.sets.iter().any(|g| is_heavy(g, HEAVY_PERCENT)) {
            Some(p.exercise.clone())
        } else {
            None
        }
    })
}

/// Does a session hold lower-body strength work (plyometrics aside)?
pub fn has_lower_resistance(facts: &Facts<'_>, s: &SessionOccurrence) -> bool {
    s.exercises
        .iter()
        .any(|p| facts.exercise(p).is_some_and(is_lower_resistance))
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
}
