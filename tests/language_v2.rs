//! Language version 2: one fixture per construct in `tests/fixtures/v2/`,
//! each with its expansion computed by hand; the reference plans' JSON is
//! unchanged apart from `schema_version` and the new empty fields; and the
//! formatter round-trips every new construct.

use stride::ast::{EffortScale, Reps};
mod emit_support;

use emit_support::{exercise, plan_of, session};
use stride::plan::{GroupKind, LoadValue, Plan, Prescription};

fn source(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/v2/{name}.stride",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).expect("fixture")
}

fn compile(name: &str) -> Plan {
    plan_of(&source(name))
}

fn mass(load: Option<&LoadValue>) -> Option<f64> {
    load.and_then(LoadValue::mass)
}

#[test]
fn effort_beside_a_load_keeps_both() {
    let plan = compile("effort-with-load");
    let lower = session(&plan, 1, "Lower");
    let squat = &exercise(lower, "back-squat").sets[0];
    assert_eq!(mass(squat.load.as_ref()), Some(80.0));
    let effort = squat.effort.expect("an effort");
    assert_eq!(
        (effort.scale, effort.low, effort.high),
        (EffortScale::Rpe, 8.0, 8.0)
    );
    assert_eq!(squat.hardest_reps_in_reserve(), Some(2.0));
    let goblet = &exercise(lower, "goblet-squat").sets[0];
    // 35 lb in a kg plan: converted and rounded to the 2.5 kg plate step.
    assert_eq!(mass(goblet.load.as_ref()), Some(15.0));
    assert_eq!(
        goblet.effort.map(|e| (e.scale, e.low)),
        Some((EffortScale::Rir, 3.0))
    );
}

#[test]
fn ranges_give_both_ends_and_the_heavier_and_lighter() {
    let plan = compile("ranges");
    let lower = session(&plan, 1, "Lower");
    let squat = &exercise(lower, "back-squat").sets[0];
    assert_eq!(mass(squat.lighter_load()), Some(70.0));
    assert_eq!(mass(squat.heavier_load()), Some(75.0));
    let goblet = &exercise(lower, "goblet-squat").sets[0];
    assert_eq!(mass(goblet.load.as_ref()), Some(20.0));
    assert_eq!(mass(goblet.load_to.as_ref()), Some(25.0));
    let rdl = &exercise(lower, "romanian-deadlift").sets[0];
    assert_eq!(rdl.heavier_load(), Some(&LoadValue::Rpe { rpe: 8.0 }));
    assert_eq!(rdl.lighter_load(), Some(&LoadValue::Rpe { rpe: 7.0 }));
    let split = &exercise(lower, "split-squat").sets[0];
    // Fewer reps in reserve is heavier.
    assert_eq!(split.heavier_load(), Some(&LoadValue::Rir { rir: 2.0 }));
    assert_eq!(split.lighter_load(), Some(&LoadValue::Rir { rir: 3.0 }));
    assert_eq!(split.hardest_reps_in_reserve(), Some(2.0));
}

#[test]
fn percent_of_bodyweight_is_a_share_of_the_declared_bodyweight() {
    let plan = compile("percent-bodyweight");
    let carry = &exercise(session(&plan, 1, "Carry"), "farmer-carry").sets[0];
    // 50% of 71 kg = 35.5 kg, rounded to the 2.5 kg step: 35 kg.
    assert_eq!(mass(carry.load.as_ref()), Some(35.0));
}

#[test]
fn tempo_gives_seconds_per_phase() {
    let plan = compile("tempo");
    let lower = session(&plan, 1, "Lower");
    let squat = exercise(lower, "back-squat").tempo.expect("a tempo");
    assert_eq!((squat.lower, squat.pause, squat.lift), (3, 1, Some(1)));
    assert_eq!(squat.rep_seconds(), 5);
    assert!(!squat.is_eccentric());
    let nordic = exercise(lower, "nordic-curl").tempo.expect("a tempo");
    assert_eq!((nordic.lower, nordic.pause, nordic.lift), (8, 0, None));
    assert!(nordic.is_eccentric());
}

#[test]
fn alternatives_hang_from_their_line_with_their_own_progression() {
    let plan = compile("alternatives");
    let week3 = session(&plan, 3, "Lower");
    assert_eq!(
        week3.exercises.len(),
        2,
        "alternatives are not lines of their own"
    );
    let squat = exercise(week3, "back-squat");
    assert_eq!(mass(squat.sets[0].load.as_ref()), Some(85.0));
    let goblet = week3.alternatives_of(0).next().expect("an alternative");
    assert_eq!(goblet.exercise, "goblet-squat");
    // 24 kg + 2 x 2 kg.
    assert_eq!(mass(goblet.sets[0].load.as_ref()), Some(28.0));
    let pull = exercise(week3, "pull-up");
    let _ = pull;
    let names: Vec<&str> = week3
        .alternatives_of(1)
        .map(|a| a.exercise.as_str())
        .collect();
    assert_eq!(names, ["lat-pulldown"]);
}

#[test]
fn a_superset_is_done_in_rounds_of_one_set_of_each_line() {
    let plan = compile("superset");
    let upper = session(&plan, 1, "Upper");
    assert_eq!(upper.groups.len(), 1);
    assert_eq!(upper.groups[0].kind, GroupKind::Superset);
    assert_eq!(upper.groups[0].rest_s, Some(90));
    for line in &upper.exercises {
        assert_eq!(line.group, Some(0));
        assert_eq!(line.total_sets(), 3, "three rounds");
    }
    // The deload week (volume -50% for a beginner) halves every line alike.
    let deload = session(&plan, 4, "Upper");
    let rounds: Vec<u32> = deload
        .exercises
        .iter()
        .map(Prescription::total_sets)
        .collect();
    assert_eq!(rounds, [2, 2]);
}

#[test]
fn a_circuit_gives_each_entry_one_set_per_round() {
    let plan = compile("circuit");
    let circuit = session(&plan, 1, "Circuit");
    assert_eq!(
        circuit.groups[0].kind,
        GroupKind::Circuit {
            rounds: 2,
            work_s: Some(40),
            between_s: Some(20)
        }
    );
    assert_eq!(circuit.groups[0].rest_s, Some(60));
    let sets: Vec<(u32, Reps)> = circuit
        .exercises
        .iter()
        .map(|e| (e.total_sets(), e.sets[0].reps))
        .collect();
    assert_eq!(
        sets,
        [
            // No reps: as many as 40 s of work allows.
            (2, Reps::Timed { seconds: 40 }),
            (2, Reps::Range { low: 10, high: 12 }),
            (2, Reps::Timed { seconds: 30 }),
        ]
    );
}

#[test]
fn a_circuit_entry_takes_plain_reps_before_its_options() {
    // `8` before `progress` once read as the start of `8x...` and failed.
    let plan = plan_of(
        "plan \"P\"\nstart 2027-01-04\nblock \"B\" weeks 1-3 {\n  session \"C\" mon {\n    circuit 2 rounds work 40s {\n      dead-bug  8  progress reps +1/week\n      push-up   10 rest 20s\n    }\n  }\n}\n",
    );
    let week3 = session(&plan, 3, "C");
    assert_eq!(
        exercise(week3, "dead-bug").sets[0].reps,
        Reps::Exactly { reps: 10 }
    );
    assert_eq!(exercise(week3, "dead-bug").total_sets(), 2);
    assert_eq!(exercise(week3, "push-up").rest_s, Some(20));
}

#[test]
fn session_tags_mark_optional_and_mobility_sessions() {
    let plan = compile("session-tags");
    let lower = session(&plan, 1, "Lower");
    let extra = session(&plan, 1, "Extra");
    let mobility = session(&plan, 1, "Mobility");
    assert!(lower.counts_toward_minimums() && lower.is_strength());
    assert!(extra.optional && !extra.counts_toward_minimums() && extra.is_strength());
    assert!(mobility.mobility && !mobility.is_strength() && !mobility.counts_toward_minimums());
}

#[test]
fn time_and_distance_progressions_grow_each_week() {
    let plan = compile("progress-time");
    let reps = |week, id| exercise(session(&plan, week, "Core"), id).sets[0].reps;
    assert_eq!(reps(1, "plank"), Reps::Timed { seconds: 30 });
    // Week 3: base + 2 x 5 s.
    assert_eq!(reps(3, "plank"), Reps::Timed { seconds: 40 });
    assert_eq!(reps(3, "farmer-carry"), Reps::Distance { meters: 30 });
}

#[test]
fn runs_weeks_replace_the_running_week_only_in_those_weeks() {
    let plan = compile("runs-weeks");
    let saturday = |week: u32| {
        plan.week(week)
            .expect("week")
            .runs
            .iter()
            .find(|r| r.day == stride::ast::Weekday::Sat)
            .map(|r| (r.duration_min, r.distance_m()))
    };
    assert_eq!(saturday(8), Some((100, Some(18_000.0))));
    for week in 9..=12 {
        assert_eq!(saturday(week), Some((120, Some(22_000.0))), "week {week}");
    }
    assert_eq!(saturday(13), Some((100, Some(18_000.0))));
    // Week 14 holds the race on Sunday 2027-04-11; Saturday's run stays.
    assert_eq!(saturday(14), Some((100, Some(18_000.0))));
    let race = &plan.races[0];
    assert_eq!(race.duration_min, Some(105));
    assert!(plan.runs().all(|r| r.date != race.date));
}

#[test]
fn template_runs_on_a_race_date_are_dropped() {
    let text = source("runs-weeks").replace("sat 08:30 100min", "sun 08:30 100min");
    let plan = stride::compile(&text).plan.expect("a plan");
    let week14 = plan.week(14).expect("week 14");
    assert!(
        week14
            .runs
            .iter()
            .all(|r| r.day != stride::ast::Weekday::Sun)
    );
    assert!(
        plan.week(13)
            .expect("week 13")
            .runs
            .iter()
            .any(|r| r.day == stride::ast::Weekday::Sun)
    );
}

#[test]
fn athlete_age_is_kept() {
    assert_eq!(compile("age").athlete.age, Some(52));
}

#[test]
fn every_fixture_is_fmt_clean_and_round_trips() {
    let dir = format!("{}/tests/fixtures/v2", env!("CARGO_MANIFEST_DIR"));
    let mut count = 0;
    for entry in std::fs::read_dir(dir).expect("fixtures") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("text");
        let formatted = stride::fmt::format(&text).expect("formats");
        assert_eq!(
            formatted,
            text,
            "{} is not in the canonical layout",
            path.display()
        );
        count += 1;
    }
    assert!(count >= 11);
}

#[test]
fn fmt_lays_out_groups_and_alternatives_and_keeps_comments() {
    let messy = "plan \"P\"\nstart 2027-01-04\nblock \"B\" weeks 1-2 {\n session \"S\" mon  optional {\n  back-squat 4x5 @80kg RPE8 tempo 3-0-x # heavy\n  or goblet-squat 4x8 @24kg\n  superset rest 90s {\n  # paired\n   bench-press 3x8 @60-65kg\n   pull-up 3x6 @RIR2-3\n  }\n  circuit 2 rounds between 20s work 40s {\n   push-up\n   plank 30s progress time +5s/week\n  }\n }\n}\n";
    let formatted = stride::fmt::format(messy).expect("formats");
    let expected = "plan \"P\"\nstart 2027-01-04\n\nblock \"B\" weeks 1-2 {\n  session \"S\" mon optional {\n    back-squat       4x5 @80kg RPE8  tempo 3-0-x  # heavy\n    or goblet-squat  4x8 @24kg\n    superset rest 90s {\n      # paired\n      bench-press  3x8 @60-65kg\n      pull-up      3x6 @RIR2-3\n    }\n    circuit 2 rounds work 40s between 20s {\n      push-up\n      plank    30s  progress time +5s/week\n    }\n  }\n}\n";
    assert_eq!(formatted, expected);
    assert_eq!(stride::fmt::format(&formatted).expect("formats"), formatted);
}

/// The JSON of a reference plan with the fields version 2 added removed
/// where they are empty, and `schema_version` put back to 1.
fn as_version_1(json: &str) -> String {
    const NEW: [&str; 10] = [
        "\"age\": null",
        "\"expected_duration_min\": null",
        "\"optional\": false",
        "\"mobility\": false",
        "\"groups\": []",
        "\"tempo\": null",
        "\"group\": null",
        "\"alternatives\": []",
        "\"load_to\": null",
        "\"effort\": null",
    ];
    let kept: Vec<&str> = json
        .lines()
        .filter(|line| {
            let field = line.trim().trim_end_matches(',');
            !NEW.contains(&field) && field != "\"distance_m\": null"
        })
        .collect();
    let mut out = Vec::with_capacity(kept.len());
    for (i, line) in kept.iter().enumerate() {
        let closes = kept
            .get(i + 1)
            .is_some_and(|next| next.trim_start().starts_with(['}', ']']));
        let line = if closes {
            line.trim_end_matches(',')
        } else {
            line
        };
        out.push(line.replace("\"schema_version\": 2,", "\"schema_version\": 1,"));
    }
    out.join("\n")
}

#[test]
fn reference_plans_compile_to_the_version_1_json_apart_from_new_empty_fields() {
    for name in ["first-block", "half-marathon"] {
        let dir = format!("{}/tests/fixtures/reference", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(format!("{dir}/{name}.stride")).expect("plan");
        let v1 = std::fs::read_to_string(format!("{dir}/{name}.v1.json")).expect("json");
        let plan = stride::compile(&text).plan.expect("compiles");
        let json = stride::emit::json::emit(&plan, None);
        assert!(json.contains("\"schema_version\": 2,"));
        assert_eq!(as_version_1(&json), v1.trim_end(), "{name}");
    }
}
