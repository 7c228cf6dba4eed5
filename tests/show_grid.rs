//! `stride show --grid`: weeks down, weekdays across, runs and lifts together.

mod harness;

use harness::Test;

fn grid(args: &[&str]) -> String {
    let run = Test::new().in_repo().args(args).run();
    run.success().stderr_is("");
    run.stdout
}

#[test]
fn grid_of_every_example_plan() {
    for name in ["first-block", "half-marathon", "upper-lower"] {
        let path = format!("examples/{name}.stride");
        let text = grid(&["show", "--grid", &path]);
        insta::assert_snapshot!(format!("grid-{name}"), text);
    }
}

#[test]
fn grid_marks_deload_and_race_weeks() {
    let text = grid(&["show", "--grid", "examples/half-marathon.stride"]);
    assert!(text.contains("Base · deload"), "{text}");
    assert!(text.contains("Peak · race"), "{text}");
    assert!(
        text.contains("Race: Brighton Half Marathon 09:00"),
        "{text}"
    );
    // The week's runs, not only its sessions.
    assert!(text.contains("hard run 1 h 40 min"), "{text}");
    assert!(
        text.contains("Lower A 18:00, 50 min (est. 51 min)"),
        "{text}"
    );
}

#[test]
fn grid_follows_the_week_range() {
    let text = grid(&[
        "show",
        "--grid",
        "--week",
        "13-14",
        "examples/half-marathon.stride",
    ]);
    let rows: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    assert_eq!(rows.len(), 2, "{text}");
    assert!(rows[0].starts_with("13 "), "{text}");
}

/// The checker's estimate (`session.duration`'s) beside the written length,
/// alone where none is written. Legs: warm-up 600 s + 3 × 5 reps × 4 s +
/// 2 rests × 120 s + 60 s to set up = 960 s, 16 min; Core: 2 × 30 s +
/// 60 s rest + 60 s = 180 s, 3 min.
#[test]
fn grid_shows_the_estimated_length_beside_the_written_one() {
    let plan = r#"plan "Estimate"
start 2027-01-04
athlete {
  level intermediate
  units kg
}
block "A" weeks 1-1 {
  session "Legs" mon 18:00 30min {
    warmup 10min
    back-squat 3x5 @100kg rest 2min
  }
  session "Core" wed {
    plank 2x30s rest 1min
  }
}
"#;
    Test::new()
        .file("estimate.stride", plan)
        .args(["show", "--grid", "estimate.stride"])
        .run()
        .success()
        .stdout_has("│ Legs 18:00, 30 min (est. 16 min) │")
        .stdout_has("│ Core, est. 3 min │");
}

/// A run's distance, as written, after its length.
#[test]
fn grid_shows_run_distances() {
    let text = grid(&["show", "--grid", "tests/fixtures/v2/runs-weeks.stride"]);
    assert!(
        text.contains("│ moderate run 1 h 40 min, 18 km │"),
        "{text}"
    );
    assert!(text.contains("│ moderate run 2 h, 22 km "), "{text}");
}
