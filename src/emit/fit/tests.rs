use std::fmt::Write as _;

use rustyfit::Decoder;
use rustyfit::profile::{mesgdef, typedef};

use super::steps::{Duration, Step};
use super::*;

fn half_marathon() -> Plan {
    crate::compile(include_str!("../../../examples/half-marathon.stride"))
        .plan
        .unwrap_or_else(|| panic!("the reference plan compiles"))
}

fn options() -> Options {
    Options {
        created: Timestamp::from_second(1_700_000_000).ok(),
        schedule: false,
    }
}

/// The steps as a person reads them.
fn render(steps: &[Step]) -> String {
    let mut out = String::new();
    for (i, s) in steps.iter().enumerate() {
        let duration = match s.duration {
            Duration::Reps(n) => format!("{n} reps"),
            Duration::Seconds(n) => format!("{n} s"),
            Duration::Meters(n) => format!("{n} m"),
            Duration::Open => "until lap".to_owned(),
            Duration::Repeat { from, times } => format!("repeat from {from}, {times} times"),
        };
        let _ = write!(out, "{i:2} {:?} {duration}", s.intensity);
        if !s.name.is_empty() {
            let _ = write!(out, " | {}", s.name);
        }
        if let Some((category, name)) = s.exercise {
            let _ = write!(out, " | {category}/{name:?}");
        }
        if let Some(w) = s.weight {
            let _ = write!(out, " | {} kg ({:?})", w.kg, w.unit);
        }
        if !s.notes.is_empty() {
            let _ = write!(out, " | {}", s.notes);
        }
        out.push('\n');
    }
    out
}

#[test]
fn week_3_lower_a_golden() {
    let plan = half_marathon();
    let session = plan
        .week(3)
        .and_then(|w| w.sessions.iter().find(|s| s.name == "Lower A"))
        .unwrap_or_else(|| panic!("week 3 has Lower A"));
    insta::assert_snapshot!(render(&steps::steps(session, &plan.exercises)));
}

#[test]
fn one_file_per_session_prescription_per_week() {
    let plan = half_marathon();
    let files = emit(&plan, Some(WeekRange { first: 3, last: 3 }), &options())
        .unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    let sessions: BTreeSet<&str> = plan
        .week(3)
        .map(|w| w.sessions.iter().map(|s| s.name.as_str()).collect())
        .unwrap_or_default();
    assert_eq!(names.len(), sessions.len(), "{names:?}");
    assert!(names.contains(&"w03-lower-a.fit"), "{names:?}");
}

#[test]
fn files_decode_with_their_crc_and_say_what_the_plan_says() {
    let plan = half_marathon();
    let files = emit(&plan, Some(WeekRange { first: 3, last: 3 }), &options())
        .unwrap_or_else(|e| panic!("{e}"));
    let file = files
        .iter()
        .find(|f| f.name == "w03-lower-a.fit")
        .unwrap_or_else(|| panic!("written"));
    let mut reader = file.bytes.as_slice();
    let fit = Decoder::new()
        .decode(&mut reader)
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("not empty"));
    let id = mesgdef::FileId::from(&fit.messages[0]);
    assert_eq!(id.r#type, typedef::File::WORKOUT);
    assert_eq!(id.time_created.unix_timestamp(), Some(1_700_000_000));
    let workout = mesgdef::Workout::from(&fit.messages[1]);
    assert_eq!(&*workout.wkt_name, "W3 Lower A");
    assert_eq!(workout.sport, typedef::Sport::TRAINING);
    assert_eq!(workout.sub_sport, typedef::SubSport::STRENGTH_TRAINING);
    let steps: Vec<mesgdef::WorkoutStep> = fit.messages[2..]
        .iter()
        .map(mesgdef::WorkoutStep::from)
        .collect();
    assert_eq!(usize::from(workout.num_valid_steps), steps.len());
    let squat = &steps[1];
    assert_eq!(squat.exercise_category, typedef::ExerciseCategory::SQUAT);
    assert_eq!(
        squat.exercise_name,
        typedef::SquatExerciseName::BARBELL_BACK_SQUAT.0
    );
    assert_eq!(squat.duration_type, typedef::WktStepDuration::REPS);
    assert_eq!(squat.duration_value, 5);
    assert_eq!(squat.exercise_weight_scaled(), Some(80.0));
    assert_eq!(steps[2].duration_value, 180_000);
    assert_eq!(
        steps[3].duration_type,
        typedef::WktStepDuration::REPEAT_UNTIL_STEPS_CMPLT
    );
    assert_eq!((steps[3].duration_value, steps[3].target_value), (1, 4));
}

#[test]
fn the_schedule_names_every_workout_on_its_dates() {
    let plan = half_marathon();
    let options = Options {
        schedule: true,
        ..options()
    };
    let files = emit(&plan, None, &options).unwrap_or_else(|e| panic!("{e}"));
    let last = files.last().unwrap_or_else(|| panic!("files"));
    assert_eq!(last.name, "schedule.fit");
    let mut reader = last.bytes.as_slice();
    let fit = Decoder::new()
        .decode(&mut reader)
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("not empty"));
    assert_eq!(
        mesgdef::FileId::from(&fit.messages[0]).r#type,
        typedef::File::SCHEDULES
    );
    assert_eq!(fit.messages.len() - 1, plan.sessions().count());
    let first = mesgdef::Schedule::from(&fit.messages[1]);
    assert_eq!(first.serial_number, 1);
    assert_eq!(first.r#type, typedef::Schedule::WORKOUT);
}

#[test]
fn the_same_plan_gives_the_same_bytes() {
    let plan = half_marathon();
    let a = emit(&plan, None, &options()).unwrap_or_else(|e| panic!("{e}"));
    let b = emit(&plan, None, &options()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(a, b);
}

#[test]
fn slugs() {
    assert_eq!(slug("Lower A"), "lower-a");
    assert_eq!(slug("Upper & core!"), "upper-core");
    assert_eq!(slug("  Ünïcode  "), "n-code");
    assert_eq!(slug("!!!"), "session");
}

/// Time, distance, pounds, bodyweight, ranges, `+` sets and a line with no
/// rest: everything a step can say.
#[test]
fn every_kind_of_line_golden() {
    let source = r#"plan "p"
start 2027-01-04
athlete {
  level intermediate
  units lb
  bodyweight 160lb
}
block "A" weeks 1-1 {
  session "Mixed" mon {
    plank 3x30s rest 60s
    farmer-carry 2x20m @50lb rest 90s
    pull-up 3x5 @bw+10lb rest 2min
    split-squat 3x8-12/side @RPE8
    push-up 1x10+ "last set to failure"
  }
}
"#;
    let compiled = crate::compile(source);
    let plan = compiled
        .plan
        .unwrap_or_else(|| panic!("{:?}", compiled.diagnostics));
    let session = plan
        .sessions()
        .next()
        .unwrap_or_else(|| panic!("a session"));
    insta::assert_snapshot!(render(&steps::steps(session, &plan.exercises)));
    let files = emit(&plan, None, &options()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].name, "w01-mixed.fit");
}

/// The steps of week `week`'s only session of a v2 fixture, one line each:
/// `intensity duration [| name]`.
fn fixture_steps(source: &str, week: u32) -> Vec<String> {
    let plan = crate::compile(source)
        .plan
        .unwrap_or_else(|| panic!("the fixture compiles"));
    let session = plan
        .week(week)
        .and_then(|w| w.sessions.first())
        .unwrap_or_else(|| panic!("week {week} has a session"));
    render(&steps::steps(session, &plan.exercises))
        .lines()
        .map(|l| {
            // Drop the FIT numbers and notes: names and durations only.
            let mut parts: Vec<&str> = l.split(" | ").take(2).collect();
            parts[0] = parts[0].trim_start();
            parts.join(" | ")
        })
        .collect()
}

/// A superset is one repeat group: a set of each line, the round's rest,
/// then back to the first line for the (agreeing) set count.
#[test]
fn a_superset_repeats_its_lines_as_one_group() {
    let steps = fixture_steps(
        include_str!("../../../tests/fixtures/v2/superset.stride"),
        1,
    );
    assert_eq!(
        steps,
        [
            "0 Active 8 reps | Bench press",
            "1 Active 6 reps | Pull-up",
            "2 Rest 90 s | Rest",
            "3 Active repeat from 0, 3 times",
        ]
    );
}

/// A circuit: each entry once a round with the `between` rest after all but
/// the last, the round's rest, and a repeat for the rounds; an entry
/// without reps works for the circuit's `work` time.
#[test]
fn a_circuit_repeats_its_entries_for_its_rounds() {
    let steps = fixture_steps(include_str!("../../../tests/fixtures/v2/circuit.stride"), 1);
    assert_eq!(
        steps,
        [
            "0 Active 40 s | Goblet squat",
            "1 Rest 20 s | Rest",
            "2 Active 10 reps | Push-up",
            "3 Rest 20 s | Rest",
            "4 Active 30 s | Plank",
            "5 Rest 60 s | Rest",
            "6 Active repeat from 0, 2 times",
        ]
    );
}
