//! The JSON backend: the expanded plan in the schema docs/json.md
//! documents, with its `schema_version`.
//!
//! The schema is written here, as transfer types that borrow from the plan
//! and are serialized as they are made (a 52-week plan is never copied). The
//! plan's own types know nothing of serde: reshaping them in memory never
//! changes the output, and field order here is the order of the output, so
//! changing it is a schema change.

use std::collections::BTreeMap;

use jiff::Timestamp;
use jiff::civil::{Date, Time};
use serde::{Serialize, Serializer};

use super::WeekRange;
use crate::ast;
use crate::catalogue;
use crate::plan::{self, Plan, WeekKind};

/// Version of the JSON schema; bump it on any breaking change.
pub const SCHEMA_VERSION: u32 = 2;

/// Writes the plan as pretty-printed JSON with a final newline. With
/// `weeks`, only those weeks are listed. The JSON backend has no options.
pub fn emit(plan: &Plan, weeks: Option<WeekRange>) -> String {
    let document = Document::new(plan, weeks);
    // The plan holds only strings, numbers, dates and maps keyed by strings,
    // which always serialize; the fallback only keeps this total.
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_else(|e| {
        serde_json::json!({ "schema_version": SCHEMA_VERSION, "error": e.to_string() }).to_string()
    });
    text.push('\n');
    text
}

/// `items`, each written as the transfer type `view` makes of it, one at a
/// time.
struct Each<'a, T, V> {
    items: &'a [T],
    view: fn(&'a T) -> V,
}

impl<'a, T, V> Each<'a, T, V> {
    fn new(items: &'a [T], view: fn(&'a T) -> V) -> Self {
        Each { items, view }
    }
}

impl<T, V: Serialize> Serialize for Each<'_, T, V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.items.iter().map(self.view))
    }
}

#[derive(Serialize)]
struct Document<'a> {
    schema_version: u32,
    name: &'a str,
    start: Date,
    timezone: &'a str,
    athlete: Athlete<'a>,
    races: Each<'a, plan::RaceEvent, Race<'a>>,
    blocks: Each<'a, plan::BlockInfo, Block<'a>>,
    weeks: Weeks<'a>,
    exercises: Exercises<'a>,
}

impl<'a> Document<'a> {
    fn new(plan: &'a Plan, weeks: Option<WeekRange>) -> Self {
        Document {
            schema_version: SCHEMA_VERSION,
            name: &plan.name,
            start: plan.start,
            timezone: &plan.timezone,
            athlete: Athlete::new(&plan.athlete),
            races: Each::new(&plan.races, Race::new),
            blocks: Each::new(&plan.blocks, Block::new),
            weeks: Weeks { plan, range: weeks },
            exercises: Exercises(&plan.exercises),
        }
    }
}

#[derive(Serialize)]
struct Athlete<'a> {
    level: &'static str,
    units: &'static str,
    bodyweight: Option<f64>,
    maxes: &'a BTreeMap<String, f64>,
    round: f64,
    age: Option<u32>,
}

impl<'a> Athlete<'a> {
    fn new(athlete: &'a plan::Athlete) -> Self {
        Athlete {
            level: athlete.level.keyword(),
            units: athlete.units.symbol(),
            bodyweight: athlete.bodyweight,
            maxes: &athlete.maxes,
            round: athlete.round,
            age: athlete.age,
        }
    }
}

#[derive(Serialize)]
struct Race<'a> {
    name: &'a str,
    date: Date,
    time: Option<Time>,
    start_utc: Option<Timestamp>,
    week: i64,
    expected_duration_min: Option<u32>,
}

impl<'a> Race<'a> {
    fn new(race: &'a plan::RaceEvent) -> Self {
        Race {
            name: &race.name,
            date: race.date,
            time: race.time,
            start_utc: race.start_utc,
            week: race.week,
            expected_duration_min: race.duration_min,
        }
    }
}

#[derive(Serialize)]
struct Block<'a> {
    name: &'a str,
    first_week: u32,
    last_week: u32,
}

impl<'a> Block<'a> {
    fn new(block: &'a plan::BlockInfo) -> Self {
        Block {
            name: &block.name,
            first_week: block.first_week,
            last_week: block.last_week,
        }
    }
}

/// The weeks `range` selects (all of them without one).
struct Weeks<'a> {
    plan: &'a Plan,
    range: Option<WeekRange>,
}

impl Serialize for Weeks<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(super::select(self.plan, self.range).map(Week::new))
    }
}

#[derive(Serialize)]
struct Week<'a> {
    number: u32,
    monday: Date,
    sunday: Date,
    block: Option<usize>,
    kind: &'static str,
    sessions: Each<'a, plan::SessionOccurrence, Session<'a>>,
    runs: Each<'a, plan::RunOccurrence, Run<'a>>,
}

impl<'a> Week<'a> {
    fn new(week: &'a plan::Week) -> Self {
        Week {
            number: week.number,
            monday: week.monday,
            sunday: week.sunday,
            block: week.block,
            kind: match week.kind {
                WeekKind::Loading => "loading",
                WeekKind::Deload => "deload",
                WeekKind::Taper => "taper",
            },
            sessions: Each::new(&week.sessions, Session::new),
            runs: Each::new(&week.runs, Run::new),
        }
    }
}

#[derive(Serialize)]
struct Session<'a> {
    name: &'a str,
    block: &'a str,
    week: u32,
    day: &'static str,
    date: Date,
    time: Option<Time>,
    duration_min: Option<u32>,
    start_utc: Option<Timestamp>,
    end_utc: Option<Timestamp>,
    utc_offset: Option<String>,
    location: Option<&'a str>,
    warmup: Option<Phase<'a>>,
    cooldown: Option<Phase<'a>>,
    exercises: Lines<'a>,
    optional: bool,
    mobility: bool,
    groups: Each<'a, plan::GroupInfo, Group>,
}

impl<'a> Session<'a> {
    fn new(occurrence: &'a plan::SessionOccurrence) -> Self {
        let session = &*occurrence.session;
        Session {
            name: &session.name,
            block: &session.block,
            week: occurrence.week,
            day: occurrence.day.keyword(),
            date: occurrence.date,
            time: session.time,
            duration_min: session.duration_min,
            start_utc: occurrence.start_utc,
            end_utc: occurrence.end_utc,
            utc_offset: occurrence.utc_offset.map(plan::offset_text),
            location: session.location.as_deref(),
            warmup: session.warmup.as_ref().map(Phase::new),
            cooldown: session.cooldown.as_ref().map(Phase::new),
            exercises: Lines(occurrence),
            optional: session.optional,
            mobility: session.mobility,
            groups: Each::new(&session.groups, Group::new),
        }
    }
}

#[derive(Serialize)]
struct Group {
    kind: &'static str,
    /// Superset: `null` (its rounds are its lines' sets).
    rounds: Option<u32>,
    rest_s: Option<u32>,
    work_s: Option<u32>,
    between_s: Option<u32>,
}

impl Group {
    fn new(group: &plan::GroupInfo) -> Self {
        let (rounds, work_s, between_s) = match group.kind {
            plan::GroupKind::Superset => (None, None, None),
            plan::GroupKind::Circuit {
                rounds,
                work_s,
                between_s,
            } => (Some(rounds), work_s, between_s),
        };
        Group {
            kind: group.kind.keyword(),
            rounds,
            rest_s: group.rest_s,
            work_s,
            between_s,
        }
    }
}

#[derive(Serialize)]
struct Phase<'a> {
    duration_min: f64,
    note: Option<&'a str>,
}

impl<'a> Phase<'a> {
    fn new(phase: &'a plan::PhaseInfo) -> Self {
        Phase {
            duration_min: phase.duration_min,
            note: phase.note.as_deref(),
        }
    }
}

#[derive(Serialize)]
struct Prescription<'a> {
    exercise: &'a str,
    written: &'a str,
    sets: Each<'a, plan::SetGroup, SetGroup>,
    rest_s: Option<u32>,
    progression: Option<&'a str>,
    note: Option<&'a str>,
    tempo: Option<Tempo>,
    group: Option<u16>,
    alternatives: Alternatives<'a>,
}

/// A session occurrence's prescriptions, each with its alternatives.
struct Lines<'a>(&'a plan::SessionOccurrence);

impl Serialize for Lines<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let occurrence = self.0;
        serializer.collect_seq(occurrence.exercises.iter().enumerate().map(|(i, p)| {
            let mut view = Prescription::new(p);
            view.alternatives = Alternatives(Some((occurrence, i)));
            view
        }))
    }
}

/// The alternatives of line `.1` of an occurrence; none for an alternative.
struct Alternatives<'a>(Option<(&'a plan::SessionOccurrence, usize)>);

impl Serialize for Alternatives<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Some((occurrence, i)) => {
                serializer.collect_seq(occurrence.alternatives_of(i).map(Prescription::new))
            }
            None => serializer.collect_seq(std::iter::empty::<()>()),
        }
    }
}

#[derive(Serialize)]
struct Tempo {
    lower_s: u32,
    pause_s: u32,
    /// `null`: explosive.
    lift_s: Option<u32>,
}

impl<'a> Prescription<'a> {
    fn new(prescription: &'a plan::Prescription) -> Self {
        let line = &*prescription.line;
        Prescription {
            exercise: &line.exercise,
            written: &line.written,
            sets: Each::new(&prescription.sets, SetGroup::new),
            rest_s: line.rest_s,
            progression: line.progression.as_deref(),
            note: line.note.as_deref(),
            tempo: line.tempo.map(|t| Tempo {
                lower_s: t.lower,
                pause_s: t.pause,
                lift_s: t.lift,
            }),
            group: line.group,
            alternatives: Alternatives(None),
        }
    }
}

#[derive(Serialize)]
struct SetGroup {
    sets: u32,
    reps: Reps,
    per_side: bool,
    load: Option<Load>,
    load_to: Option<Load>,
    effort: Option<Effort>,
}

#[derive(Serialize)]
struct Effort {
    scale: &'static str,
    low: f64,
    high: f64,
}

impl SetGroup {
    fn new(group: &plan::SetGroup) -> Self {
        SetGroup {
            sets: group.sets,
            reps: Reps::new(group.reps),
            per_side: group.per_side,
            load: group.load.as_ref().map(Load::new),
            load_to: group.load_to.as_ref().map(Load::new),
            effort: group.effort.map(|e| Effort {
                scale: match e.scale {
                    ast::EffortScale::Rpe => "rpe",
                    ast::EffortScale::Rir => "rir",
                },
                low: e.low,
                high: e.high,
            }),
        }
    }
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Reps {
    Exactly { reps: u32 },
    Range { low: u32, high: u32 },
    AtLeast { reps: u32 },
    Timed { seconds: u32 },
    Distance { meters: u32 },
}

impl Reps {
    fn new(reps: ast::Reps) -> Self {
        match reps {
            ast::Reps::Exactly { reps } => Reps::Exactly { reps },
            ast::Reps::Range { low, high } => Reps::Range { low, high },
            ast::Reps::AtLeast { reps } => Reps::AtLeast { reps },
            ast::Reps::Timed { seconds } => Reps::Timed { seconds },
            ast::Reps::Distance { meters } => Reps::Distance { meters },
        }
    }
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Load {
    Mass {
        value: f64,
        unit: &'static str,
        percent_1rm: Option<f64>,
    },
    Bodyweight {
        added: f64,
        unit: &'static str,
    },
    Rpe {
        rpe: f64,
    },
    Rir {
        rir: f64,
    },
}

impl Load {
    fn new(load: &plan::LoadValue) -> Self {
        match *load {
            plan::LoadValue::Mass {
                value,
                unit,
                percent_1rm,
            } => Load::Mass {
                value,
                unit: unit.symbol(),
                percent_1rm,
            },
            plan::LoadValue::Bodyweight { added, unit } => Load::Bodyweight {
                added,
                unit: unit.symbol(),
            },
            plan::LoadValue::Rpe { rpe } => Load::Rpe { rpe },
            plan::LoadValue::Rir { rir } => Load::Rir { rir },
        }
    }
}

#[derive(Serialize)]
struct Run<'a> {
    label: Option<&'a str>,
    week: u32,
    day: &'static str,
    date: Date,
    time: Option<Time>,
    duration_min: u32,
    intensity: &'static str,
    start_utc: Option<Timestamp>,
    end_utc: Option<Timestamp>,
    distance_m: Option<f64>,
}

impl<'a> Run<'a> {
    fn new(occurrence: &'a plan::RunOccurrence) -> Self {
        let run = &*occurrence.run;
        Run {
            label: run.label.as_deref(),
            week: occurrence.week,
            day: occurrence.day.keyword(),
            date: occurrence.date,
            time: run.time,
            duration_min: run.duration_min,
            intensity: run.intensity.keyword(),
            start_utc: occurrence.start_utc,
            end_utc: occurrence.end_utc,
            distance_m: run.distance_m(),
        }
    }
}

/// The catalogue entries of the plan's exercises, by id.
struct Exercises<'a>(&'a BTreeMap<String, catalogue::Exercise>);

impl Serialize for Exercises<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(id, e)| (id, Exercise::new(e))))
    }
}

#[derive(Serialize)]
struct Exercise<'a> {
    id: &'a str,
    name: &'a str,
    aliases: &'a [String],
    pattern: &'a str,
    muscles: &'a [String],
    secondary: &'a [String],
    equipment: &'a str,
    unilateral: bool,
    compound: bool,
    /// Foot contacts per rep, for plyometrics only.
    #[serde(skip_serializing_if = "Option::is_none")]
    contacts: Option<u32>,
}

impl<'a> Exercise<'a> {
    fn new(exercise: &'a catalogue::Exercise) -> Self {
        Exercise {
            id: &exercise.id,
            name: &exercise.name,
            aliases: &exercise.aliases,
            pattern: &exercise.pattern,
            muscles: &exercise.muscles,
            secondary: &exercise.secondary,
            equipment: &exercise.equipment,
            unilateral: exercise.unilateral,
            compound: exercise.compound,
            contacts: exercise.contacts,
        }
    }
}
