//! The expansion of the reference plans: exact numbers a coach computes by
//! hand, and the totals of each reference plan (the JSON golden files of
//! `emit_golden.rs` hold every detail).

mod emit_support;

use emit_support::{example_plan, exercise, session};
use stride::plan::{LoadValue, Plan, Prescription};

/// `4x5 @ 80 kg`.
fn summary(p: &Prescription) -> String {
    p.sets
        .iter()
        .map(|g| match &g.load {
            Some(load) => format!("{} @ {}", g.sets_text(), load.text()),
            None => g.sets_text(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[test]
fn half_marathon_back_squat_follows_the_hand_computation() {
    let plan = example_plan("half-marathon");
    let squat = |week, name| summary(exercise(session(&plan, week, name), "back-squat"));
    // Base: 75% of 100 kg, +2.5 kg a loading week; week 4 deloads.
    assert_eq!(squat(1, "Lower A"), "4x5 @ 75 kg");
    assert_eq!(squat(3, "Lower A"), "4x5 @ 80 kg");
    assert_eq!(squat(4, "Lower A"), "3x5 @ 72.5 kg");
    assert_eq!(squat(5, "Lower A"), "4x5 @ 82.5 kg");
    // Build: wave 6/5/4 from 80%, week 8 deloads.
    assert_eq!(squat(7, "Lower A"), "4x6 @ 80 kg");
    assert_eq!(squat(8, "Lower A"), "3x6 @ 72.5 kg");
    assert_eq!(squat(9, "Lower A"), "4x5 @ 82.5 kg");
    assert_eq!(squat(10, "Lower A"), "4x4 @ 85 kg");
    assert_eq!(squat(11, "Lower A"), "4x6 @ 82.5 kg");
    assert_eq!(squat(12, "Lower A"), "4x5 @ 85 kg");
    // Peak: 85% as written.
    assert_eq!(squat(13, "Lower"), "2x3 @ 85 kg");
}

#[test]
fn half_marathon_percent_loads_know_their_share_of_the_max() {
    let plan = example_plan("half-marathon");
    let squat = exercise(session(&plan, 3, "Lower A"), "back-squat");
    match &squat.sets[0].load {
        Some(LoadValue::Mass { percent_1rm, .. }) => {
            assert_eq!(percent_1rm.map(|p| (p * 100.0).round()), Some(80.0));
        }
        other => panic!("unexpected load {other:?}"),
    }
}

#[test]
fn half_marathon_sessions_sit_at_the_right_instant_across_dst() {
    let plan = example_plan("half-marathon");
    let saturday = session(&plan, 12, "Lower B");
    assert_eq!(saturday.date.to_string(), "2027-03-27");
    assert_eq!(
        saturday.time.map(|t| t.to_string()).as_deref(),
        Some("14:00:00")
    );
    assert_eq!(
        saturday.start_utc.map(|t| t.to_string()).as_deref(),
        Some("2027-03-27T14:00:00Z")
    );
    assert_eq!(
        saturday
            .utc_offset
            .map(stride::plan::offset_text)
            .as_deref(),
        Some("+00:00")
    );
    let tuesday = session(&plan, 13, "Lower");
    assert_eq!(tuesday.date.to_string(), "2027-03-30");
    assert_eq!(
        tuesday.start_utc.map(|t| t.to_string()).as_deref(),
        Some("2027-03-30T17:00:00Z")
    );
    assert_eq!(
        tuesday.utc_offset.map(stride::plan::offset_text).as_deref(),
        Some("+01:00")
    );
}

#[test]
fn first_block_skips_days_before_start_and_deloads_by_volume() {
    let plan = example_plan("first-block");
    let week1 = plan.week(1).expect("week 1");
    // Start is Wednesday 2027-02-03: Monday's session is not scheduled.
    assert!(week1.sessions.iter().all(|s| s.name != "Full body A"));
    assert!(week1.sessions.iter().any(|s| s.name == "Full body B"));
    let goblet = |week| {
        summary(exercise(
            session(&plan, week, "Full body A"),
            "goblet-squat",
        ))
    };
    assert_eq!(goblet(2), "3x10 @ 30 lb");
    assert_eq!(goblet(3), "3x10 @ 35 lb");
    // Beginner deload: same load, half the volume (3 sets -> 2).
    assert_eq!(goblet(4), "2x10 @ 35 lb");
    assert_eq!(goblet(5), "3x10 @ 40 lb");
    let row = |week| {
        summary(exercise(
            session(&plan, week, "Full body A"),
            "dumbbell-row",
        ))
    };
    // Double progression over 10-12: reps climb, then the load rises.
    assert_eq!(row(2), "3x11/side @ 20 lb");
    assert_eq!(row(3), "3x12/side @ 20 lb");
    assert_eq!(row(5), "3x10/side @ 25 lb");
}

/// What the expansion of a plan adds up to: the JSON golden files
/// (`emit_golden.rs`) hold every detail; these are the totals to check by
/// hand.
fn totals(plan: &Plan) -> String {
    let sessions = || plan.weeks.iter().flat_map(|w| &w.sessions);
    let prescriptions = || sessions().flat_map(|s| &s.exercises);
    let groups = || prescriptions().flat_map(|p| p.sets.iter());
    let mass: f64 = groups()
        .map(|g| match &g.load {
            Some(LoadValue::Mass { value, .. }) => value * f64::from(g.sets),
            _ => 0.0,
        })
        .sum();
    format!(
        "weeks {}, sessions {}, exercises {}, set groups {}, sets {}, load x sets {mass}, runs {}, races {}",
        plan.weeks.len(),
        sessions().count(),
        prescriptions().count(),
        groups().count(),
        groups().map(|g| g.sets).sum::<u32>(),
        plan.runs().count(),
        plan.races.len(),
    )
}

#[test]
fn expansion_of_the_reference_plans_adds_up() {
    assert_eq!(
        totals(&example_plan("half-marathon")),
        "weeks 14, sessions 40, exercises 192, set groups 192, sets 564, load x sets 14396.5, runs 55, races 1"
    );
    assert_eq!(
        totals(&example_plan("first-block")),
        "weeks 8, sessions 15, exercises 90, set groups 90, sets 246, load x sets 2445, runs 23, races 0"
    );
}

/// The contract: ../shared/lang, outside this repository, must compile
/// unchanged. Run it where that folder exists: `cargo test -- --ignored`.
#[test]
#[ignore = "reads ../shared/lang, outside the repository"]
fn the_shared_reference_plans_match_the_bundled_copies_syntax() {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/lang");
    let entries =
        std::fs::read_dir(&shared).unwrap_or_else(|e| panic!("{}: {e}", shared.display()));
    for entry in entries {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("text");
        let compiled = stride::compile(&text);
        assert!(
            !compiled.has_errors(),
            "{}: {:#?}",
            path.display(),
            compiled.diagnostics
        );
    }
}

#[test]
fn the_race_replaces_the_runs_of_its_day() {
    let plan = example_plan("half-marathon");
    let race = plan.goal_race().expect("a race");
    assert!(plan.runs().all(|r| r.date != race.date));
    // The other Sundays keep their recovery run.
    let sundays = plan
        .runs()
        .filter(|r| r.label.as_deref() == Some("Recovery run"))
        .count();
    assert_eq!(sundays, plan.weeks.len() - 1);
}
