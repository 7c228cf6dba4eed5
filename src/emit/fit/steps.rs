//! A session occurrence as a list of FIT workout steps, before any bytes:
//! warm-up, then for each set group of each exercise line an exercise step
//! and a rest step, closed by a repeat step when there is more than one
//! set (so the watch counts the sets), then the cool-down.

use std::collections::BTreeMap;

use crate::ast::Reps;
use crate::catalogue::Exercise;
use crate::fit_exercise;
use crate::plan::{LoadValue, Prescription, SessionOccurrence, SetGroup, Unit, format_duration};

/// One `workout_step`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Step {
    /// `wkt_step_name`: the stride name of the exercise, `Rest`, ...
    pub name: String,
    /// `notes`: what the numbers cannot say (`8-12 reps`, `RIR 2`, the
    /// plan's note).
    pub notes: String,
    pub intensity: Intensity,
    pub duration: Duration,
    /// `exercise_category` and `exercise_name`, as FIT numbers.
    pub exercise: Option<(u16, Option<u16>)>,
    /// `exercise_weight`, in kilograms, shown in `unit`.
    pub weight: Option<Weight>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Intensity {
    Active,
    Rest,
    Warmup,
    Cooldown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Duration {
    Reps(u32),
    Seconds(u32),
    Meters(u32),
    /// Until the lap button.
    Open,
    /// Repeat the steps from message index `from` to this one until they
    /// ran `times` times in all.
    Repeat {
        from: u16,
        times: u32,
    },
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Weight {
    pub kg: f64,
    pub unit: Unit,
}

/// The steps of one session occurrence; `exercises` is the plan's
/// catalogue (its own entries over the built-in ones).
pub(crate) fn steps(
    session: &SessionOccurrence,
    exercises: &BTreeMap<String, Exercise>,
) -> Vec<Step> {
    let mut out = Vec::new();
    if let Some(warmup) = &session.warmup {
        out.push(phase("Warm-up", Intensity::Warmup, warmup));
    }
    for prescription in &session.exercises {
        line(
            prescription,
            exercises.get(&prescription.exercise),
            &mut out,
        );
    }
    if let Some(cooldown) = &session.cooldown {
        out.push(phase("Cool-down", Intensity::Cooldown, cooldown));
    }
    out
}

fn phase(name: &str, intensity: Intensity, info: &crate::plan::PhaseInfo) -> Step {
    let seconds = (info.duration_min * 60.0)
        .round()
        .clamp(0.0, f64::from(u32::MAX / 1000));
    Step {
        name: name.to_owned(),
        notes: info.note.clone().unwrap_or_default(),
        intensity,
        // Whole seconds, within what a FIT duration holds.
        duration: Duration::Seconds(seconds as u32),
        exercise: None,
        weight: None,
    }
}

/// The steps of one exercise line: each set group is an exercise step and
/// a rest step, repeated as many times as it has sets.
fn line(prescription: &Prescription, entry: Option<&Exercise>, out: &mut Vec<Step>) {
    let name = entry.map_or_else(|| prescription.written.clone(), |e| e.name.clone());
    let exercise = entry.map(fit_numbers);
    for group in prescription.sets.iter() {
        let first = out.len();
        out.push(Step {
            name: name.clone(),
            notes: notes(group, prescription.note.as_deref()),
            intensity: Intensity::Active,
            duration: match group.reps {
                Reps::Exactly { reps } | Reps::AtLeast { reps } => Duration::Reps(reps),
                Reps::Range { low, .. } => Duration::Reps(low),
                Reps::Timed { seconds } => Duration::Seconds(seconds),
                Reps::Distance { meters } => Duration::Meters(meters),
            },
            exercise,
            weight: match group.load {
                Some(LoadValue::Mass { value, unit, .. }) => Some(Weight {
                    kg: unit.convert(value, Unit::Kg),
                    unit,
                }),
                _ => None,
            },
        });
        out.push(Step {
            name: "Rest".to_owned(),
            notes: String::new(),
            intensity: Intensity::Rest,
            duration: prescription
                .rest_s
                .map_or(Duration::Open, Duration::Seconds),
            exercise: None,
            weight: None,
        });
        if group.sets > 1 {
            out.push(Step {
                name: String::new(),
                notes: String::new(),
                intensity: Intensity::Active,
                duration: Duration::Repeat {
                    from: u16::try_from(first).unwrap_or(u16::MAX),
                    times: group.sets,
                },
                exercise: None,
                weight: None,
            });
        }
    }
}

/// The FIT category and name of a catalogue entry; an entry without a
/// mapping (a plan's own exercise) gets its movement pattern's category.
fn fit_numbers(entry: &Exercise) -> (u16, Option<u16>) {
    let mapped = entry.fit.as_ref().and_then(|fit| {
        let category = fit_exercise::category(&fit.category)?;
        let name = fit
            .name
            .as_deref()
            .and_then(|n| fit_exercise::exercise(&fit.category, n));
        Some((category, name))
    });
    mapped.unwrap_or_else(|| {
        let category = fit_exercise::category_for_pattern(&entry.pattern);
        (fit_exercise::category(category).unwrap_or(u16::MAX), None)
    })
}

/// What the step's numbers leave out: a rep range, `as many as you can`,
/// per side, a load that is not a weight, the plan's note.
fn notes(group: &SetGroup, note: Option<&str>) -> String {
    let mut parts = Vec::new();
    let side = if group.per_side { " each side" } else { "" };
    match group.reps {
        Reps::Range { low, high } => parts.push(format!("{low}-{high} reps{side}")),
        Reps::AtLeast { reps } => parts.push(format!("{reps}+ reps{side}")),
        Reps::Exactly { reps } if group.per_side => parts.push(format!("{reps} reps{side}")),
        Reps::Timed { seconds } if group.per_side => {
            parts.push(format!("{}{side}", format_duration(seconds)));
        }
        Reps::Distance { meters } if group.per_side => parts.push(format!("{meters}m{side}")),
        _ => {}
    }
    if let Some(
        load @ (LoadValue::Bodyweight { .. } | LoadValue::Rpe { .. } | LoadValue::Rir { .. }),
    ) = &group.load
    {
        parts.push(load.text());
    }
    if let Some(note) = note {
        parts.push(note.to_owned());
    }
    parts.join("; ")
}
