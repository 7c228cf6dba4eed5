//! Lowering tests: the reference plans' numbers, and every error code on a
//! small plan with one thing wrong.

use super::*;
use crate::ast::Reps;
use crate::plan::{LoadValue, Prescription, SessionOccurrence, Unit, WeekKind};

const HALF: &str = include_str!("../../examples/half-marathon.stride");
const FIRST: &str = include_str!("../../examples/first-block.stride");

fn lowered(source: &str) -> Lowered {
    let parsed = crate::parse::parse(source);
    assert!(
        parsed.diagnostics.is_empty(),
        "the test source should parse cleanly: {:#?}",
        parsed.diagnostics
    );
    lower(&parsed.file, Catalogue::builtin())
}

fn plan(source: &str) -> Plan {
    let lowered = lowered(source);
    assert!(
        lowered.diagnostics.is_empty(),
        "unexpected diagnostics: {:#?}",
        lowered.diagnostics
    );
    lowered.plan.expect("a plan without errors")
}

/// The diagnostics of `source`, which must have made the plan `None`.
fn errors(source: &str) -> Vec<Diagnostic> {
    let lowered = lowered(source);
    assert!(lowered.plan.is_none(), "errors must withhold the plan");
    assert!(!lowered.diagnostics.is_empty());
    for d in &lowered.diagnostics {
        assert!(d.help.is_some(), "{} has no help", d.code);
        assert!(d.primary_span().is_some(), "{} has no label", d.code);
    }
    lowered.diagnostics
}

fn codes(source: &str) -> Vec<String> {
    errors(source)
        .into_iter()
        .map(|d| d.code.into_owned())
        .collect()
}

/// The only diagnostic of `source`, which must have the given code.
fn single(source: &str, code: &str) -> Diagnostic {
    let mut all = errors(source);
    assert_eq!(all.len(), 1, "expected one diagnostic: {all:#?}");
    let d = all.remove(0);
    assert_eq!(d.code, code, "{d:#?}");
    d
}

fn text(source: &str, span: Span) -> &str {
    &source[span.start..span.end]
}

fn session<'a>(plan: &'a Plan, week: u32, name: &str) -> Option<&'a SessionOccurrence> {
    plan.week(week)?.sessions.iter().find(|s| s.name == name)
}

fn exercise<'a>(plan: &'a Plan, week: u32, name: &str, id: &str) -> &'a Prescription {
    session(plan, week, name)
        .unwrap_or_else(|| panic!("no session {name} in week {week}"))
        .exercises
        .iter()
        .find(|p| p.exercise == id)
        .unwrap_or_else(|| panic!("no {id} in {name}"))
}

/// `(sets, reps, load)` of a single-group prescription, for short asserts.
fn numbers(p: &Prescription) -> (u32, u32, f64) {
    assert_eq!(p.sets.len(), 1);
    let group = &p.sets[0];
    let reps = match group.reps {
        Reps::Exactly { reps } => reps,
        other => panic!("expected exact reps, got {other:?}"),
    };
    let load = match &group.load {
        Some(LoadValue::Mass { value, .. }) => *value,
        Some(LoadValue::Bodyweight { added, .. }) => *added,
        other => panic!("expected a mass, got {other:?}"),
    };
    (group.sets, reps, load)
}

#[test]
fn half_marathon_calendar() {
    let plan = plan(HALF);
    assert_eq!(plan.name, "Spring half marathon");
    assert_eq!(plan.timezone, "Europe/London");
    assert_eq!(plan.weeks.len(), 14);
    assert_eq!(plan.races.len(), 1);
    assert_eq!(plan.races[0].week, 14);
    assert_eq!(
        plan.races[0].start_utc.map(|t| t.to_string()),
        Some("2027-04-11T08:00:00Z".to_owned())
    );
    let kinds: Vec<WeekKind> = plan.weeks.iter().map(|w| w.kind).collect();
    for (i, kind) in kinds.iter().enumerate() {
        let expected = if i == 3 || i == 7 {
            WeekKind::Deload
        } else {
            WeekKind::Loading
        };
        assert_eq!(*kind, expected, "week {}", i + 1);
    }
    assert_eq!(plan.weeks[0].monday.to_string(), "2027-01-04");
    assert_eq!(plan.weeks[13].sunday.to_string(), "2027-04-11");
    assert_eq!(plan.weeks[0].block, Some(0));
    assert_eq!(plan.weeks[6].block, Some(1));
    assert_eq!(plan.weeks[13].block, Some(2));
    assert_eq!(plan.blocks[1].first_week, 7);
    assert_eq!(plan.weeks[0].sessions.len(), 3);
    assert_eq!(plan.weeks[0].runs.len(), 4);
    assert_eq!(plan.weeks[13].sessions.len(), 2);
    assert_eq!(plan.spacing.len(), 3);
    assert!(plan.exercises.contains_key("back-squat"));
    assert!(plan.exercises.contains_key("single-leg-calf-raise"));
    assert_eq!(plan.athlete.maxes.get("back-squat"), Some(&100.0));
    assert_eq!(plan.athlete.round, 2.5);
}

#[test]
fn half_marathon_times_cross_the_clock_change() {
    let plan = plan(HALF);
    // British Summer Time starts on Sunday 2027-03-28.
    let before = session(&plan, 12, "Lower B").unwrap();
    assert_eq!(before.date.to_string(), "2027-03-27");
    assert_eq!(
        before.start_utc.unwrap().to_string(),
        "2027-03-27T14:00:00Z"
    );
    assert_eq!(before.end_utc.unwrap().to_string(), "2027-03-27T14:45:00Z");
    assert_eq!(
        before.utc_offset.map(crate::plan::offset_text).as_deref(),
        Some("+00:00")
    );
    let after = session(&plan, 13, "Lower").unwrap();
    assert_eq!(after.date.to_string(), "2027-03-30");
    assert_eq!(after.start_utc.unwrap().to_string(), "2027-03-30T17:00:00Z");
    assert_eq!(
        after.utc_offset.map(crate::plan::offset_text).as_deref(),
        Some("+01:00")
    );
    let run = plan
        .week(13)
        .unwrap()
        .runs
        .iter()
        .find(|r| r.date.to_string() == "2027-03-30")
        .unwrap();
    assert_eq!(run.start_utc.unwrap().to_string(), "2027-03-30T06:00:00Z");
    assert_eq!(run.end_utc.unwrap().to_string(), "2027-03-30T07:00:00Z");
}

#[test]
fn half_marathon_base_single_progression() {
    let plan = plan(HALF);
    let squat = |week| numbers(exercise(&plan, week, "Lower A", "back-squat"));
    assert_eq!(squat(1), (4, 5, 75.0));
    assert_eq!(squat(2), (4, 5, 77.5));
    assert_eq!(squat(3), (4, 5, 80.0));
    // Deload: week 3's numbers, load -10% (72 -> 72.5 on the plate step),
    // volume -30% (2.8 -> 3 sets).
    assert_eq!(squat(4), (3, 5, 72.5));
    assert_eq!(squat(5), (4, 5, 82.5));
    assert_eq!(squat(6), (4, 5, 85.0));
    let p = exercise(&plan, 1, "Lower A", "back-squat");
    assert_eq!(p.progression.as_deref(), Some("+2.5kg/week"));
    assert_eq!(p.rest_s, Some(180));
    match &p.sets[0].load {
        Some(LoadValue::Mass {
            unit, percent_1rm, ..
        }) => {
            assert_eq!(*unit, Unit::Kg);
            assert_eq!(*percent_1rm, Some(0.75));
        }
        other => panic!("{other:?}"),
    }
    let rdl = |week| numbers(exercise(&plan, week, "Lower A", "romanian-deadlift"));
    assert_eq!(rdl(1), (3, 8, 50.0));
    assert_eq!(rdl(2), (3, 8, 50.0));
    assert_eq!(rdl(3), (3, 8, 52.5));
    assert_eq!(rdl(5), (3, 8, 52.5));
    let deadlift = |week| numbers(exercise(&plan, week, "Lower B", "trap-bar-deadlift"));
    // 70% of 120 kg = 84 kg, on the plate step 85 kg.
    assert_eq!(deadlift(1), (4, 5, 85.0));
    // 84 + 5 = 89 kg, computed from the max: 90 kg.
    assert_eq!(deadlift(3), (4, 5, 90.0));
    let warmup = session(&plan, 1, "Lower A")
        .unwrap()
        .warmup
        .clone()
        .unwrap();
    assert_eq!(warmup.duration_min, 10.0);
    assert_eq!(
        warmup.note.as_deref(),
        Some("easy bike, leg swings, glute bridges")
    );
}

#[test]
fn half_marathon_double_progression() {
    let plan = plan(HALF);
    // 3x12-15 @20kg double +2.5kg: 12, 13, 14, (deload), 15, then 12 at 22.5.
    let calves = |week| numbers(exercise(&plan, week, "Lower A", "calf-raise"));
    assert_eq!(calves(1), (3, 12, 20.0));
    assert_eq!(calves(3), (3, 14, 20.0));
    // 20 kg -10% = 18 kg, on the 2.5 kg step 17.5 kg.
    assert_eq!(calves(4), (2, 14, 17.5));
    assert_eq!(calves(5), (3, 15, 20.0));
    assert_eq!(calves(6), (3, 12, 22.5));
    let p = exercise(&plan, 1, "Lower B", "single-leg-calf-raise");
    assert!(p.sets[0].per_side);
    assert_eq!(p.progression.as_deref(), Some("double +2kg"));
}

#[test]
fn half_marathon_build_wave() {
    let plan = plan(HALF);
    let squat = |week| numbers(exercise(&plan, week, "Lower A", "back-squat"));
    assert_eq!(squat(7), (4, 6, 80.0));
    assert_eq!(squat(8), (3, 6, 72.5));
    assert_eq!(squat(9), (4, 5, 82.5));
    assert_eq!(squat(10), (4, 4, 85.0));
    assert_eq!(squat(11), (4, 6, 82.5));
    assert_eq!(squat(12), (4, 5, 85.0));
    assert_eq!(
        exercise(&plan, 7, "Lower A", "back-squat")
            .progression
            .as_deref(),
        Some("wave 6/5/4 +2.5kg")
    );
}

#[test]
fn written_loads_are_not_rounded() {
    let plan = plan(HALF);
    // 16 kg dumbbells +2kg/2weeks: 16, 16, (deload), 18, 18.
    let rdl = |week| {
        numbers(exercise(
            &plan,
            week,
            "Lower A",
            "single-leg-romanian-deadlift",
        ))
    };
    assert_eq!(rdl(7), (3, 8, 16.0));
    assert_eq!(rdl(9), (3, 8, 16.0));
    assert_eq!(rdl(10), (3, 8, 18.0));
    // The deload (week 8) repeats week 7 and its -10% is a computation:
    // 16 kg * 0.9 = 14.4 kg, on the 2.5 kg step 15 kg.
    assert_eq!(rdl(8), (2, 8, 15.0));
}

#[test]
fn half_marathon_peak_has_no_progression() {
    let plan = plan(HALF);
    assert_eq!(
        numbers(exercise(&plan, 13, "Lower", "back-squat")),
        (2, 3, 85.0)
    );
    assert_eq!(
        numbers(exercise(&plan, 14, "Lower", "back-squat")),
        (2, 3, 85.0)
    );
    let bench = exercise(&plan, 14, "Upper and core", "bench-press");
    assert_eq!(numbers(bench), (2, 5, 52.5));
    assert_eq!(bench.progression, None);
}

#[test]
fn first_block_numbers() {
    let plan = plan(FIRST);
    assert_eq!(plan.athlete.units, Unit::Lb);
    assert_eq!(plan.athlete.round, 5.0);
    assert_eq!(plan.timezone, "UTC");
    assert_eq!(plan.weeks.len(), 8);
    let deloads: Vec<u32> = plan
        .weeks
        .iter()
        .filter(|w| w.kind == WeekKind::Deload)
        .map(|w| w.number)
        .collect();
    assert_eq!(deloads, [4, 8]);
    // Monday 2027-02-01 is before the start on Wednesday 2027-02-03.
    assert!(session(&plan, 1, "Full body A").is_none());
    let friday = session(&plan, 1, "Full body B").unwrap();
    assert_eq!(friday.date.to_string(), "2027-02-05");
    assert_eq!(friday.time, None);
    assert_eq!(friday.start_utc, None);
    assert_eq!(friday.duration_min, Some(40));
    let runs: Vec<String> = plan.weeks[0]
        .runs
        .iter()
        .map(|r| r.date.to_string())
        .collect();
    assert_eq!(runs, ["2027-02-04", "2027-02-07"]);

    let goblet = |week| numbers(exercise(&plan, week, "Full body A", "goblet-squat"));
    assert_eq!(goblet(2), (3, 10, 30.0));
    assert_eq!(goblet(3), (3, 10, 35.0));
    // Beginner deload: same load, half the sets (1.5 -> 2).
    assert_eq!(goblet(4), (2, 10, 35.0));
    assert_eq!(goblet(5), (3, 10, 40.0));
    assert_eq!(goblet(8), (2, 10, 50.0));

    let row = |week| numbers(exercise(&plan, week, "Full body A", "dumbbell-row"));
    assert_eq!(row(2), (3, 11, 20.0));
    assert_eq!(row(3), (3, 12, 20.0));
    assert_eq!(row(4), (2, 12, 20.0));
    assert_eq!(row(5), (3, 10, 25.0));

    let push = |week| numbers(exercise(&plan, week, "Full body A", "push-up"));
    assert_eq!(push(2), (3, 11, 0.0));
    assert_eq!(push(5), (3, 13, 0.0));
    let p = exercise(&plan, 2, "Full body A", "push-up");
    assert_eq!(p.progression.as_deref(), Some("reps +1/week"));
    assert_eq!(
        p.sets[0].load,
        Some(LoadValue::Bodyweight {
            added: 0.0,
            unit: Unit::Lb
        })
    );
    let plank = exercise(&plan, 2, "Full body A", "plank");
    assert_eq!(plank.sets[0].reps, Reps::Timed { seconds: 30 });
    assert_eq!(plank.sets[0].load, None);
}

#[test]
fn spans_point_back_to_the_source() {
    let plan = plan(HALF);
    let s = session(&plan, 1, "Lower A").unwrap();
    assert!(text(HALF, s.header).starts_with("session \"Lower A\" tue 18:00 50min"));
    let p = exercise(&plan, 1, "Lower A", "back-squat");
    assert!(text(HALF, p.span).starts_with("back-squat"));
    assert_eq!(text(HALF, p.progression_span.unwrap()), "+2.5kg/week");
    assert!(text(HALF, plan.deload_span.unwrap()).starts_with("deload weeks 4, 8"));
    assert_eq!(
        text(HALF, plan.blocks[0].header),
        "block \"Base\" weeks 1-6"
    );
}

#[test]
fn lowering_is_deterministic() {
    let json = |plan| crate::emit::json::emit(&plan, None);
    let (a, b) = (json(plan(HALF)), json(plan(HALF)));
    assert_eq!(a, b);
}

// ---- errors --------------------------------------------------------------

const HEAD: &str = "plan \"Test\"\nstart 2027-01-04\n";

fn with_head(rest: &str) -> String {
    format!("{HEAD}{rest}")
}

#[test]
fn duplicate_statement() {
    let source = with_head("start 2027-01-11\n");
    let d = single(&source, "duplicate-statement");
    assert_eq!(text(&source, d.labels[0].span), "start");
    assert_eq!(d.labels[0].span.start, source.rfind("start").unwrap());
    assert_eq!(d.labels[1].span.start, source.find("start").unwrap());
    assert_eq!(d.labels[1].message.as_deref(), Some("first given here"));
    assert_eq!(d.help.as_deref(), Some("remove one of them"));
}

#[test]
fn missing_statements() {
    let all = errors("timezone \"UTC\"\n");
    let codes: Vec<&str> = all.iter().map(|d| d.code.as_ref()).collect();
    assert_eq!(codes, ["missing-statement", "missing-statement"]);
    assert_eq!(
        all[1].help.as_deref(),
        Some("add a line like: start 2027-01-04")
    );
    assert_eq!(all[1].labels[0].span, Span::point(0));
}

#[test]
fn invalid_date() {
    let d = single("plan \"x\"\nstart 2027-02-30\n", "invalid-date");
    assert_eq!(
        d.message,
        "2027-02-30 is not a date: February 2027 has 28 days"
    );
    let d = single("plan \"x\"\nstart 2028-13-01\n", "invalid-date");
    assert_eq!(d.message, "2028-13-01 is not a date: a year has 12 months");
}

#[test]
fn invalid_time() {
    let source = with_head("race \"R\" 2027-02-01 25:00\n");
    let d = single(&source, "invalid-time");
    assert_eq!(text(&source, d.labels[0].span), "25:00");
}

#[test]
fn unknown_timezone() {
    let source = with_head("timezone \"Europe/Lodnon\"\n");
    let d = single(&source, "unknown-timezone");
    assert_eq!(d.help.as_deref(), Some("did you mean `Europe/London`?"));
}

#[test]
fn athlete_words() {
    let source = with_head("athlete {\n  level expert\n  units kgs\n  bodyweight 60lbs\n}\n");
    let all = errors(&source);
    let codes: Vec<&str> = all.iter().map(|d| d.code.as_ref()).collect();
    assert_eq!(codes, ["unknown-level", "unknown-unit", "unknown-unit"]);
    assert_eq!(all[1].message, "`kgs` is not a unit stride knows");
    assert_eq!(text(&source, all[1].labels[0].span), "kgs");
    assert!(
        all[1]
            .help
            .as_deref()
            .unwrap()
            .starts_with("did you mean `kg`?")
    );
    assert!(
        all[2]
            .help
            .as_deref()
            .unwrap()
            .starts_with("did you mean `lb`?")
    );
}

#[test]
fn duplicate_max() {
    let source = with_head("athlete {\n  max back-squat 100kg\n  max back-squat 110kg\n}\n");
    single(&source, "duplicate-statement");
}

#[test]
fn maxes_convert_to_the_display_unit() {
    let source = with_head(
        "athlete {\n  units lb\n  max back-squat 100kg\n}\nblock \"A\" weeks 1-1 {\n  session \"S\" mon {\n    back-squat 3x5 @80%\n  }\n}\n",
    );
    let plan = plan(&source);
    let max = plan.athlete.maxes["back-squat"];
    assert!((max - 220.462).abs() < 0.01);
    // 80% of 220.46 lb = 176.4 lb -> 175 lb on the 5 lb step.
    assert_eq!(
        numbers(exercise(&plan, 1, "S", "back-squat")),
        (3, 5, 175.0)
    );
}

fn one_session(lines: &str) -> String {
    with_head(&format!(
        "athlete {{\n  level intermediate\n  max back-squat 100kg\n}}\nblock \"A\" weeks 1-4 {{\n  session \"S\" mon 18:00 60min {{\n{lines}\n  }}\n}}\n"
    ))
}

#[test]
fn unknown_exercise() {
    let source = one_session("    bak-squat 3x5 @80kg");
    let d = single(&source, "unknown-exercise");
    assert_eq!(text(&source, d.labels[0].span), "bak-squat");
    assert_eq!(d.help.as_deref(), Some("did you mean `back-squat`?"));
}

#[test]
fn percent_without_max() {
    let source = one_session("    front-squat 3x5 @70%");
    let d = single(&source, "percent-without-max");
    assert_eq!(text(&source, d.labels[0].span), "@70%");
}

#[test]
fn progression_mismatch() {
    let source = one_session("    back-squat 3x5 @RIR3 progress +2.5kg/week");
    let d = single(&source, "progression-mismatch");
    assert_eq!(
        d.message,
        "`+2.5kg/week` cannot raise a load given as @RIR3"
    );
    assert_eq!(text(&source, d.labels[0].span), "+2.5kg/week");
    assert_eq!(text(&source, d.labels[1].span), "@RIR3");
    single(
        &one_session("    plank 3x30s progress reps +5/week"),
        "progression-mismatch",
    );
}

#[test]
fn double_without_range() {
    single(
        &one_session("    back-squat 3x5 @80kg progress double +2.5kg"),
        "double-without-range",
    );
}

#[test]
fn wave_mismatch() {
    let d = single(
        &one_session("    back-squat 4x5 @80% progress wave 6/5/4 +2.5kg"),
        "wave-mismatch",
    );
    assert_eq!(d.message, "the wave starts at 6 reps but the sets say 4x5");
}

#[test]
fn percent_steps() {
    let source = one_session(
        "    back-squat 3x5 @70% progress +2.5%/week\n    goblet-squat 3x5 @20kg progress +10%/week",
    );
    let plan = plan(&source);
    assert_eq!(numbers(exercise(&plan, 3, "S", "back-squat")), (3, 5, 75.0));
    // 20 kg +10% a step, linear: 22 -> 22.5, 24 -> 25 on the plate step.
    assert_eq!(
        numbers(exercise(&plan, 2, "S", "goblet-squat")),
        (3, 5, 22.5)
    );
    assert_eq!(
        numbers(exercise(&plan, 3, "S", "goblet-squat")),
        (3, 5, 25.0)
    );
}

#[test]
fn set_progression_and_groups() {
    let source =
        one_session("    back-squat 1x5 @65%, 1x5 @75%, 1x5+ @85% progress sets +1/2weeks");
    let plan = plan(&source);
    let p = exercise(&plan, 3, "S", "back-squat");
    let sets: Vec<u32> = p.sets.iter().map(|g| g.sets).collect();
    assert_eq!(sets, [2, 2, 2]);
    assert_eq!(p.sets[2].reps, Reps::AtLeast { reps: 5 });
    assert_eq!(
        p.sets[2].load.as_ref().and_then(LoadValue::mass),
        Some(85.0)
    );
}

#[test]
fn overlapping_blocks() {
    let source = with_head("block \"Base\" weeks 1-6 {\n}\nblock \"Build\" weeks 5-9 {\n}\n");
    let d = single(&source, "overlapping-blocks");
    assert_eq!(
        d.message,
        "blocks \"Base\" (weeks 1-6) and \"Build\" (weeks 5-9) both claim weeks 5-6"
    );
    assert_eq!(d.labels[0].span.start, source.find("weeks 5-9").unwrap());
}

#[test]
fn invalid_weeks() {
    let d = single(&with_head("block \"A\" weeks 5-3 {\n}\n"), "invalid-weeks");
    assert_eq!(d.message, "weeks 5-3 run backwards");
    let d = single(&with_head("block \"A\" weeks 0-3 {\n}\n"), "invalid-weeks");
    assert_eq!(d.message, "weeks are numbered from 1");
    single(
        &with_head("block \"A\" weeks 1-4000000000 {\n}\n"),
        "too-many-weeks",
    );
}

#[test]
fn deload_outside_plan() {
    let source = with_head("deload weeks 2, 20\nblock \"A\" weeks 1-14 {\n}\n");
    let d = single(&source, "week-outside-plan");
    assert_eq!(d.message, "week 20 is outside the plan, which has 14 weeks");
    assert_eq!(text(&source, d.labels[0].span), "20");
}

#[test]
fn taper() {
    single(
        &with_head("taper 2 weeks\nblock \"A\" weeks 1-4 {\n}\n"),
        "taper-without-race",
    );
    let source = with_head(
        "race \"R\" 2027-01-31\ntaper 2 weeks\ndeload every 3 weeks\nblock \"A\" weeks 1-4 {\n  session \"S\" mon {\n    goblet-squat 4x5 @20kg progress +2kg/week\n  }\n}\n",
    );
    let plan = plan(&source);
    let kinds: Vec<WeekKind> = plan.weeks.iter().map(|w| w.kind).collect();
    assert_eq!(
        kinds,
        [
            WeekKind::Loading,
            WeekKind::Loading,
            WeekKind::Taper,
            WeekKind::Taper
        ]
    );
    // Taper weeks repeat week 2 (22 kg), keep the load and halve the sets.
    assert_eq!(
        numbers(exercise(&plan, 3, "S", "goblet-squat")),
        (2, 5, 22.0)
    );
    assert_eq!(
        numbers(exercise(&plan, 4, "S", "goblet-squat")),
        (2, 5, 22.0)
    );
    single(
        &with_head("race \"R\" 2027-01-18\ntaper 5 weeks\n"),
        "week-outside-plan",
    );
}

/// A block written as the taper (it begins in the taper's first week or
/// later) keeps its sets: the taper is not applied on top of it.
#[test]
fn a_written_taper_block_is_not_reduced_twice() {
    let source = with_head(
        "race \"R\" 2027-01-31\ntaper 2 weeks\nblock \"Build\" weeks 1-2 {\n  session \"S\" mon {\n    goblet-squat 4x5 @20kg\n  }\n}\nblock \"Taper\" weeks 3-4 {\n  session \"S\" mon {\n    goblet-squat 2x5 @20kg\n  }\n}\n",
    );
    let written = plan(&source);
    assert_eq!(written.week(3).map(|w| w.kind), Some(WeekKind::Taper));
    assert_eq!(
        numbers(exercise(&written, 3, "S", "goblet-squat")),
        (2, 5, 20.0)
    );
    assert_eq!(
        numbers(exercise(&written, 4, "S", "goblet-squat")),
        (2, 5, 20.0)
    );
    // A block reaching into the taper from before it is still reduced.
    let source = with_head(
        "race \"R\" 2027-01-31\ntaper 2 weeks\nblock \"Build\" weeks 1-4 {\n  session \"S\" mon {\n    goblet-squat 4x5 @20kg\n  }\n}\n",
    );
    let reaching = plan(&source);
    assert_eq!(
        numbers(exercise(&reaching, 3, "S", "goblet-squat")),
        (2, 5, 20.0)
    );
    assert_eq!(
        numbers(exercise(&reaching, 2, "S", "goblet-squat")),
        (4, 5, 20.0)
    );
}

#[test]
fn session_overlaps() {
    let source = with_head(
        "runs {\n  mon 18:15 30min easy \"Jog\"\n}\nblock \"A\" weeks 1-2 {\n  session \"S\" mon 17:00 60min {\n    plank 3x30s\n  }\n  session \"T\" mon 17:30 {\n    plank 3x30s\n  }\n}\n",
    );
    let all = errors(&source);
    let codes: Vec<&str> = all.iter().map(|d| d.code.as_ref()).collect();
    assert_eq!(codes, ["session-overlap", "session-overlaps-run"]);
    assert!(text(&source, all[0].labels[0].span).starts_with("session \"T\""));
    assert!(all[0].message.contains("Monday"));
    assert!(text(&source, all[1].labels[0].span).starts_with("session \"T\""));
    assert!(text(&source, all[1].labels[1].span).starts_with("mon 18:15"));
}

#[test]
fn duplicate_sessions_and_days() {
    let source = with_head(
        "block \"A\" weeks 1-2 {\n  session \"S\" mon, mon {\n    plank 3x30s\n  }\n  session \"S\" tue {\n    plank 3x30s\n  }\n}\n",
    );
    let codes = codes(&source);
    assert_eq!(codes, ["duplicate-day", "duplicate-session"]);
}

#[test]
fn block_runs_replace_the_plan_runs() {
    let source = with_head(
        "runs {\n  mon 30min easy\n}\nblock \"A\" weeks 2-2 {\n  runs {\n    tue 40min hard \"Hills\"\n  }\n}\n",
    );
    let plan = plan(&source);
    assert_eq!(plan.weeks[0].runs[0].day, ast::Weekday::Mon);
    assert_eq!(plan.weeks[1].runs.len(), 1);
    assert_eq!(plan.weeks[1].runs[0].label.as_deref(), Some("Hills"));
    assert_eq!(plan.weeks[0].block, None);
}

#[test]
fn unknown_selector() {
    let source = with_head(
        "spacing {\n  at least 3h between \"Lower a\" and run\n}\nblock \"A\" weeks 1-1 {\n  session \"Lower A\" mon {\n    plank 3x30s\n  }\n}\n",
    );
    let d = single(&source, "unknown-selector");
    assert_eq!(d.help.as_deref(), Some("did you mean \"Lower A\"?"));
}

#[test]
fn exercise_definitions() {
    let source = with_head(
        "exercise sled-drag {\n  muscles quadriceps, glutes\n  pattern carry\n  equipment sled\n}\nexercise back-squat {\n  equipment trap-bar\n}\nblock \"A\" weeks 1-1 {\n  session \"S\" mon {\n    sled-drag 3x20m @40kg\n    back-squat 3x5 @60kg\n  }\n}\n",
    );
    let plan = plan(&source);
    let sled = &plan.exercises["sled-drag"];
    assert_eq!(sled.name, "sled drag");
    assert_eq!(sled.pattern, "carry");
    assert_eq!(plan.exercises["back-squat"].equipment, "trap-bar");
    assert_eq!(plan.exercises["back-squat"].pattern, "squat");

    let source = with_head("exercise zercher-march {\n  equipment sandbag\n}\n");
    single(&source, "incomplete-exercise");
    let source = with_head("exercise zercher-march {\n  muscles quads\n  pattern squatt\n}\n");
    assert_eq!(codes(&source), ["unknown-value", "unknown-value"]);
}

#[test]
fn reports_every_error() {
    let source = "start 2027-02-30\ntimezone \"Mars/Olympus\"\nblock \"A\" weeks 3-1 {\n  session \"S\" mon {\n    bak-squat 3x5 @80kgs\n  }\n}\n";
    let mut codes = codes(source);
    codes.sort();
    assert_eq!(
        codes,
        [
            "invalid-date",
            "invalid-weeks",
            "missing-statement",
            "unknown-exercise",
            "unknown-timezone",
            "unknown-unit"
        ]
    );
}

#[test]
fn huge_numbers_do_not_panic() {
    for lines in [
        "    back-squat 999999x999999 @80% progress sets +4000000000/week",
        "    back-squat 3x4000000000 @80% progress reps +4000000000/week",
        "    back-squat 3x5 @99999999999999999999kg progress +99999999999999999999kg/week",
        "    back-squat 3x5 @80% progress wave 4000000000/1 +2.5kg",
    ] {
        let parsed = crate::parse::parse(&one_session(lines));
        let _ = lower(&parsed.file, Catalogue::builtin());
    }
    let parsed = crate::parse::parse(&with_head(
        "start 9999-12-30\nblock \"A\" weeks 1-520 {\n}\n",
    ));
    let _ = lower(&parsed.file, Catalogue::builtin());
    let parsed =
        crate::parse::parse("plan \"x\"\nstart 9999-12-30\nblock \"A\" weeks 1-520 {\n}\n");
    let lowered = lower(&parsed.file, Catalogue::builtin());
    assert!(lowered.plan.is_none());
}

#[test]
fn no_panic_on_edited_reference_plans() {
    for source in [HALF, FIRST] {
        let lines: Vec<&str> = source.lines().collect();
        for i in 0..lines.len() {
            let mut without = lines.clone();
            without.remove(i);
            let mut twice = lines.clone();
            twice.insert(i, lines[i]);
            for edited in [without.join("\n"), twice.join("\n")] {
                let parsed = crate::parse::parse(&edited);
                let lowered = lower(&parsed.file, Catalogue::builtin());
                assert_eq!(
                    lowered.plan.is_some(),
                    !lowered.diagnostics.iter().any(Diagnostic::is_error)
                );
            }
        }
    }
}

/// Random small edits of the reference plans: whatever the parser makes of
/// them, lowering must not panic.
#[test]
fn no_panic_on_mutated_reference_plans() {
    let mut seed: u64 = 0x2545F4914F6CDD1D;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let pieces: Vec<&str> = concat!(
        "0|9|999999999999|-|+|%|kg|lb|x|/|:|99|\n|{|}|\"|week|weeks|",
        "24:00|2027-02-29|0000-01-01|9999-12-31| |@|bw|RPE|1-0|mon|",
        "wave |double |progress |taper 40 weeks\n|",
        "race \"X\" 1999-01-01\n|deload every 1 weeks\n",
    )
    .split('|')
    .collect();
    for round in 0..1000 {
        let base = if round % 2 == 0 { HALF } else { FIRST };
        let mut s = base.to_string();
        for _ in 0..(1 + next() % 4) {
            let at = (next() as usize) % s.len();
            let at = crate::span::floor_char_boundary(&s, at);
            let piece = pieces[(next() as usize) % pieces.len()];
            if next() % 3 == 0 {
                let end =
                    crate::span::floor_char_boundary(&s, (at + (next() as usize % 8)).min(s.len()));
                s.replace_range(at..end, piece);
            } else {
                s.insert_str(at, piece);
            }
        }
        let parsed = crate::parse::parse(&s);
        let _ = lower(&parsed.file, Catalogue::builtin());
    }
}

// ---------------------------------------------------------------- limits

fn numbered_sessions(count: usize, line: &str) -> String {
    (0..count)
        .map(|s| format!("  session \"S{s}\" mon {{\n    {line}\n  }}\n"))
        .collect()
}

#[test]
fn a_limit_points_at_the_first_thing_past_it() {
    let lines = "    plank 3x30s\n".repeat(limits::MAX_EXERCISES_PER_SESSION);
    let source = format!(
        "plan \"P\"\nstart 2027-01-04\nblock \"B\" weeks 1-2 {{\n  session \"S\" mon {{\n{lines}    dead-bug 3x8\n  }}\n}}\n"
    );
    let d = single(&source, "too-many-exercises");
    assert_eq!(
        text(&source, d.primary_span().expect("label")),
        "dead-bug 3x8"
    );

    let source = format!(
        "plan \"P\"\nstart 2027-01-04\nblock \"B\" weeks 1-2 {{\n{}}}\n",
        numbered_sessions(limits::MAX_SESSIONS_PER_WEEK + 1, "plank 3x30s")
    );
    let d = single(&source, "too-many-sessions");
    let label = text(&source, d.primary_span().expect("label"));
    assert!(label.starts_with("session \"S50\" mon"), "{label}");

    let runs = "  sun 30min easy\n".repeat(limits::MAX_RUNS_PER_WEEK);
    let source = format!(
        "plan \"P\"\nstart 2027-01-04\nruns {{\n{runs}  sat 20min hard \"Last\"\n}}\nblock \"B\" weeks 1-2 {{\n{}}}\n",
        numbered_sessions(1, "plank 3x30s")
    );
    let d = single(&source, "too-many-runs");
    assert_eq!(
        text(&source, d.primary_span().expect("label")),
        "sat 20min hard \"Last\""
    );
}

#[test]
fn a_progression_past_a_limit_points_at_the_progression() {
    let source = "plan \"P\"\nstart 2027-01-04\nblock \"B\" weeks 1-20 {\n  session \"S\" mon {\n    back-squat 3x5 @20kg progress sets +10/week\n  }\n}\n";
    let d = single(source, "too-many-sets");
    assert_eq!(
        text(source, d.primary_span().expect("label")),
        "sets +10/week"
    );
    assert!(
        d.message.starts_with("in week 11, 103 sets"),
        "{}",
        d.message
    );
}

#[test]
fn overlapping_blocks_are_reported_once_a_block() {
    let blocks: String = (0..5)
        .map(|b| {
            format!(
                "block \"B{b}\" weeks 1-2 {{\n  session \"S\" mon {{\n    plank 3x30s\n  }}\n}}\n"
            )
        })
        .collect();
    let source = format!("plan \"P\"\nstart 2027-01-04\n{blocks}");
    assert_eq!(codes(&source), vec!["overlapping-blocks"; 4]);
}
