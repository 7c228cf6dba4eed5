//! `stride show --grid`: weeks down, weekdays across, runs and lifts together.

use std::process::{Command, Output};

fn stride(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stride"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("run stride")
}

fn grid(args: &[&str]) -> String {
    let out = stride(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    String::from_utf8(out.stdout).expect("UTF-8")
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
    assert!(text.contains("Lower A 18:00, 50 min"), "{text}");
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
