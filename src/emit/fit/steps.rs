//! A session occurrence as a list of FIT workout steps, before any bytes:
//! warm-up, then for each set group of each exercise line an exercise step
//! and a rest step, closed by a repeat step when there is more than one
//! set (so the watch counts the sets), then the cool-down.
//!
//! A superset or circuit is one repeat group over its lines: one step per
//! line (a circuit's `between` rest after each but the last), the rest
//! after the round, and a repeat step back to the group's first line for
//! the rounds.

use std::collections::BTreeMap;

use crate::ast::Reps;
use crate::catalogue::Exercise;
use crate::fit_exercise;
use crate::plan::{
    GroupInfo, GroupKind, LoadValue, Prescription, SessionOccurrence, SetGroup, Unit,
    format_duration,
};

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
    let lines = &session.exercises;
    let mut i = 0;
    while i < lines.len() {
        let group = lines[i].group;
        let info = group.and_then(|g| session.groups.get(usize::from(g)));
        let end = match group {
            Some(_) => i + lines[i..].iter().take_while(|p| p.group == group).count(),
            None => i + 1,
        };
        let members = &lines[i..end];
        match info.and_then(|info| rounds(info, members).map(|r| (info, r))) {
            Some((info, rounds)) => group_steps(info, rounds, members, exercises, &mut out),
            None => {
                for prescription in members {
                    line(
                        prescription,
                        exercises.get(&prescription.exercise),
                        &mut out,
                    );
                }
            }
        }
        i = end;
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
    for group in prescription.sets.iter() {
        let first = out.len();
        out.push(exercise_step(prescription, entry, group));
        out.push(rest(
            prescription
                .rest_s
                .map_or(Duration::Open, Duration::Seconds),
        ));
        if group.sets > 1 {
            out.push(repeat(first, group.sets));
        }
    }
}

/// One set of `group` of a line: reps, time or distance, and its weight.
fn exercise_step(prescription: &Prescription, entry: Option<&Exercise>, group: &SetGroup) -> Step {
    Step {
        name: entry.map_or_else(|| prescription.written.clone(), |e| e.name.clone()),
        notes: notes(group, prescription.note.as_deref()),
        intensity: Intensity::Active,
        duration: match group.reps {
            Reps::Exactly { reps } | Reps::AtLeast { reps } => Duration::Reps(reps),
            Reps::Range { low, .. } => Duration::Reps(low),
            Reps::Timed { seconds } => Duration::Seconds(seconds),
            Reps::Distance { meters } => Duration::Meters(meters),
        },
        exercise: entry.map(fit_numbers),
        weight: match group.load {
            Some(LoadValue::Mass { value, unit, .. }) => Some(Weight {
                kg: unit.convert(value, Unit::Kg),
                unit,
            }),
            _ => None,
        },
    }
}

fn rest(duration: Duration) -> Step {
    Step {
        name: "Rest".to_owned(),
        notes: String::new(),
        intensity: Intensity::Rest,
        duration,
        exercise: None,
        weight: None,
    }
}

/// Back to step `first` until the steps ran `times` times in all.
fn repeat(first: usize, times: u32) -> Step {
    Step {
        name: String::new(),
        notes: String::new(),
        intensity: Intensity::Active,
        duration: Duration::Repeat {
            from: u16::try_from(first).unwrap_or(u16::MAX),
            times,
        },
        exercise: None,
        weight: None,
    }
}

/// A group's rounds: every line one set group of the same set count (a
/// superset's agreeing sets, a circuit's rounds); `None` otherwise, and
/// the lines are then written one by one.
fn rounds(info: &GroupInfo, members: &[Prescription]) -> Option<u32> {
    let mut counts = members.iter().map(|p| match &p.sets[..] {
        [only] => Some(only.sets),
        _ => None,
    });
    let first = counts.next()??;
    if !counts.all(|c| c == Some(first)) {
        return None;
    }
    match info.kind {
        GroupKind::Circuit { rounds, .. } if rounds != first => None,
        _ => Some(first),
    }
}

/// One repeat group: each line's one set, a circuit's `between` rest after
/// each line but the last, the rest after the round (the group's, else the
/// last line's; until the lap button for a superset without one), and a
/// repeat step back to the first line for the rounds.
fn group_steps(
    info: &GroupInfo,
    rounds: u32,
    members: &[Prescription],
    exercises: &BTreeMap<String, Exercise>,
    out: &mut Vec<Step>,
) {
    let first = out.len();
    let between = match info.kind {
        GroupKind::Circuit { between_s, .. } => between_s,
        GroupKind::Superset => None,
    };
    for (k, prescription) in members.iter().enumerate() {
        let entry = exercises.get(&prescription.exercise);
        let Some(group) = prescription.sets.first() else {
            continue;
        };
        out.push(exercise_step(prescription, entry, group));
        if let Some(seconds) = between.filter(|_| k + 1 < members.len()) {
            out.push(rest(Duration::Seconds(seconds)));
        }
    }
    let round_rest = info
        .rest_s
        .or_else(|| members.last().and_then(|p| p.rest_s));
    match (round_rest, info.kind) {
        (Some(seconds), _) => out.push(rest(Duration::Seconds(seconds))),
        (None, GroupKind::Superset) => out.push(rest(Duration::Open)),
        (None, GroupKind::Circuit { .. }) => {}
    }
    if rounds > 1 {
        out.push(repeat(first, rounds));
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
