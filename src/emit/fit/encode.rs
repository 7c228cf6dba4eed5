//! Workout and schedule files as FIT bytes, written by `rustyfit` (which
//! keeps the FIT SDK profile, the message layouts and the CRC): nothing
//! here is hand-written binary.

use embedded_io_adapters::std::FromStd;
use rustyfit::Encoder;
use rustyfit::profile::mesgdef;
use rustyfit::profile::typedef::{
    self, DateTime, ExerciseCategory, FitBaseUnit, LocalDateTime, Manufacturer, MessageIndex,
    Sport, SubSport, WktStepDuration, WktStepTarget,
};
use rustyfit::proto::{FIT, Message};

use super::steps::{Duration, Intensity, Step};
use crate::plan::Unit;

/// What identifies a file: a schedule names its workouts by these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FileId {
    pub serial_number: u32,
    /// Seconds since 1970.
    pub created: i64,
}

/// A workout file: `file_id`, `workout`, its `workout_step`s.
pub(crate) fn workout(
    id: FileId,
    name: &str,
    description: &str,
    steps: &[Step],
) -> Result<Vec<u8>, String> {
    let mut messages = vec![file_id(id, typedef::File::WORKOUT)];
    let mut workout = mesgdef::Workout::new();
    workout.sport = Sport::TRAINING;
    workout.sub_sport = SubSport::STRENGTH_TRAINING;
    workout.num_valid_steps = u16::try_from(steps.len())
        .map_err(|_| format!("`{name}` has more steps than a FIT workout holds"))?;
    workout.wkt_name = name.into();
    if !description.is_empty() {
        workout.wkt_description = description.into();
    }
    messages.push(Message::from(workout));
    for (index, step) in steps.iter().enumerate() {
        let index = u16::try_from(index).unwrap_or(u16::MAX);
        messages.push(Message::from(workout_step(index, step)));
    }
    encode(messages)
}

/// A schedule file: `file_id` and one `schedule` message per date a
/// workout falls on, naming the workout by its file id.
pub(crate) fn schedule(id: FileId, entries: &[(FileId, i64)]) -> Result<Vec<u8>, String> {
    let mut messages = vec![file_id(id, typedef::File::SCHEDULES)];
    for &(workout, local_seconds) in entries {
        let mut entry = mesgdef::Schedule::new();
        entry.manufacturer = Manufacturer::DEVELOPMENT;
        entry.product = 0;
        entry.serial_number = workout.serial_number;
        entry.time_created = DateTime::from_unix_timestamp(workout.created);
        entry.completed = typedef::Bool(0);
        entry.r#type = typedef::Schedule::WORKOUT;
        entry.scheduled_time = LocalDateTime::from_unix_timestamp(local_seconds);
        messages.push(Message::from(entry));
    }
    encode(messages)
}

fn file_id(id: FileId, kind: typedef::File) -> Message {
    let mut file_id = mesgdef::FileId::new();
    file_id.r#type = kind;
    file_id.manufacturer = Manufacturer::DEVELOPMENT;
    file_id.product = 0;
    file_id.serial_number = id.serial_number;
    file_id.time_created = DateTime::from_unix_timestamp(id.created);
    Message::from(file_id)
}

fn workout_step(index: u16, step: &Step) -> mesgdef::WorkoutStep {
    let mut out = mesgdef::WorkoutStep::new();
    out.message_index = MessageIndex(index);
    if !step.name.is_empty() {
        out.wkt_step_name = step.name.as_str().into();
    }
    if !step.notes.is_empty() {
        out.notes = step.notes.as_str().into();
    }
    out.intensity = match step.intensity {
        Intensity::Active => typedef::Intensity::ACTIVE,
        Intensity::Rest => typedef::Intensity::REST,
        Intensity::Warmup => typedef::Intensity::WARMUP,
        Intensity::Cooldown => typedef::Intensity::COOLDOWN,
    };
    let (kind, value) = match step.duration {
        Duration::Reps(reps) => (WktStepDuration::REPS, reps),
        // `duration_time` is in milliseconds, `duration_distance` in cm.
        Duration::Seconds(s) => (WktStepDuration::TIME, s.saturating_mul(1000)),
        Duration::Meters(m) => (WktStepDuration::DISTANCE, m.saturating_mul(100)),
        Duration::Open => (WktStepDuration::OPEN, u32::MAX),
        Duration::Repeat { from, times } => {
            // `repeat_steps`: how many times the steps run in all.
            out.target_value = times;
            (WktStepDuration::REPEAT_UNTIL_STEPS_CMPLT, u32::from(from))
        }
    };
    out.duration_type = kind;
    out.duration_value = value;
    if !matches!(step.duration, Duration::Repeat { .. }) {
        out.target_type = WktStepTarget::OPEN;
    }
    if let Some((category, name)) = step.exercise {
        out.exercise_category = ExerciseCategory(category);
        if let Some(name) = name {
            out.exercise_name = name;
        }
    }
    if let Some(weight) = step.weight {
        // Hundredths of a kilogram; the unit the watch shows it in.
        let hundredths = (weight.kg * 100.0).round();
        if (0.0..f64::from(u16::MAX)).contains(&hundredths) {
            out.exercise_weight = hundredths as u16;
        }
        out.weight_display_unit = match weight.unit {
            Unit::Kg => FitBaseUnit::KILOGRAM,
            Unit::Lb => FitBaseUnit::POUND,
        };
    }
    out
}

fn encode(messages: Vec<Message>) -> Result<Vec<u8>, String> {
    let mut fit = FIT {
        messages,
        ..FIT::default()
    };
    let mut cursor = std::io::Cursor::new(Vec::new());
    Encoder::new()
        .encode(FromStd::new(&mut cursor), &mut fit)
        .map_err(|e| format!("cannot encode FIT: {e}"))?;
    Ok(cursor.into_inner())
}
