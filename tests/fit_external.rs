//! The FIT files read back by third-party decoders, run only with
//! `STRIDE_EXTERNAL=1` (`.ci/run` sets it after `.ci/fit/install` has put
//! the pinned readers into `.ci/fit/venv`): Garmin's own FIT SDK for Python
//! (`garmin-fit-sdk`) and `fitdecode` decode every file of every example
//! plan with no error and no CRC failure (`.ci/fit/check_fit.py`), agree on
//! every message, and read week 3's "Lower A" of the half-marathon plan as
//! the plan wrote it.

mod harness;

use std::path::PathBuf;
use std::process::Command;

use harness::Test;
use serde_json::Value;

fn enabled() -> bool {
    if std::env::var("STRIDE_EXTERNAL").as_deref() == Ok("1") {
        true
    } else {
        eprintln!("skipped: set STRIDE_EXTERNAL=1 to run the FIT readers");
        false
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Builds `plan` (a path in the repository) with `--to fit-schedule` into
/// a scratch directory and reads every file back with both decoders:
/// file name -> {"garmin": .., "fitdecode": ..}.
fn build_and_read(plan: &str) -> serde_json::Map<String, Value> {
    let test = Test::new();
    test.again()
        .args(["build", &harness::repo(plan), "--to", "fit-schedule", "-o"])
        .arg(test.path("fit"))
        .env("SOURCE_DATE_EPOCH", "1798761600")
        .run()
        .success();
    let python = root().join(".ci/fit/venv/bin/python");
    assert!(python.exists(), "run .ci/fit/install first");
    let out = Command::new(python)
        .arg(root().join(".ci/fit/check_fit.py"))
        .arg(test.path("fit"))
        .output()
        .expect("python runs");
    assert!(
        out.status.success(),
        "a FIT reader failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    match serde_json::from_slice(&out.stdout).expect("check_fit.py prints JSON") {
        Value::Object(files) => files,
        other => panic!("not an object: {other}"),
    }
}

#[test]
fn both_readers_decode_every_file_alike() {
    if !enabled() {
        return;
    }
    for plan in [
        "first-block",
        "half-marathon",
        "upper-lower",
        "dumbbell-circuit",
    ] {
        let files = build_and_read(&format!("examples/{plan}.stride"));
        assert!(files.contains_key("schedule.fit"), "{plan}");
        assert!(files.len() > 1, "{plan}");
        let mut scheduled = 0;
        for (name, readers) in &files {
            assert_eq!(readers["garmin"], readers["fitdecode"], "{plan}/{name}");
            let garmin = &readers["garmin"];
            if name == "schedule.fit" {
                assert_eq!(garmin["file_type"], "schedules");
                scheduled = garmin["schedule"].as_array().map_or(0, Vec::len);
                continue;
            }
            assert_eq!(garmin["file_type"], "workout", "{plan}/{name}");
            assert_eq!(garmin["workout"]["sport"], "training");
            assert_eq!(garmin["workout"]["sub_sport"], "strength_training");
            let steps = garmin["steps"].as_array().expect("steps");
            assert_eq!(garmin["workout"]["num_valid_steps"], steps.len());
            for step in steps {
                if step["intensity"] == "active"
                    && step["duration_type"] != "repeat_until_steps_cmplt"
                {
                    assert!(step["category"].is_string(), "{plan}/{name}: {step}");
                }
                // first-block weighs in pounds: the watch shows pounds.
                if !step["weight"].is_null() {
                    let unit = if ["half-marathon", "dumbbell-circuit"].contains(&plan) {
                        "kilogram"
                    } else {
                        "pound"
                    };
                    assert_eq!(step["weight_unit"], unit, "{plan}/{name}: {step}");
                }
            }
        }
        assert!(
            scheduled >= files.len() - 1,
            "{plan}: {scheduled} scheduled"
        );
    }
}

#[test]
fn week_3_lower_a_reads_as_the_plan_wrote_it() {
    if !enabled() {
        return;
    }
    let files = build_and_read("examples/half-marathon.stride");
    let garmin = &files["w03-lower-a.fit"]["garmin"];
    assert_eq!(garmin["workout"]["name"], "W3 Lower A");
    assert_eq!(garmin["time_created"], "2027-01-01T00:00:00+00:00");
    let steps = garmin["steps"].as_array().expect("steps");
    // Warm-up, five lines of exercise + rest + repeat, cool-down.
    assert_eq!(steps.len(), 17);
    assert_eq!(garmin["workout"]["num_valid_steps"], 17);
    let squat = &steps[1];
    assert_eq!(squat["name"], "Back squat");
    assert_eq!(squat["category"], "squat");
    assert_eq!(squat["exercise"], "barbell_back_squat");
    assert_eq!(squat["duration_type"], "reps");
    assert_eq!(squat["reps"], 5);
    assert_eq!(squat["weight"], 80.0);
    assert_eq!(squat["weight_unit"], "kilogram");
    let rest = &steps[2];
    assert_eq!(rest["intensity"], "rest");
    assert_eq!(rest["duration_type"], "time");
    assert_eq!(rest["seconds"], 180.0);
    let repeat = &steps[3];
    assert_eq!(repeat["duration_type"], "repeat_until_steps_cmplt");
    assert_eq!(repeat["repeat_from"], 1);
    assert_eq!(repeat["repeat_count"], 4);
}

/// Supersets and circuits are repeat groups over their lines, as both
/// readers see them: v2 fixtures' week 1.
#[test]
fn groups_read_as_repeat_groups_over_their_lines() {
    if !enabled() {
        return;
    }
    let files = build_and_read("tests/fixtures/v2/superset.stride");
    let steps = files["w01-upper.fit"]["garmin"]["steps"]
        .as_array()
        .expect("steps")
        .clone();
    let kinds: Vec<&str> = steps
        .iter()
        .map(|s| s["duration_type"].as_str().unwrap_or("?"))
        .collect();
    assert_eq!(kinds, ["reps", "reps", "time", "repeat_until_steps_cmplt"]);
    assert_eq!(steps[0]["exercise"], "barbell_bench_press");
    assert_eq!(steps[0]["reps"], 8);
    assert_eq!(steps[0]["weight"], 60.0);
    assert_eq!(steps[1]["category"], "pull_up");
    assert_eq!(steps[1]["reps"], 6);
    assert_eq!(steps[2]["intensity"], "rest");
    assert_eq!(steps[2]["seconds"], 90.0);
    assert_eq!(steps[3]["repeat_from"], 0);
    assert_eq!(steps[3]["repeat_count"], 3);

    let files = build_and_read("tests/fixtures/v2/circuit.stride");
    let garmin = &files["w01-circuit.fit"]["garmin"];
    let steps = garmin["steps"].as_array().expect("steps");
    assert_eq!(garmin["workout"]["num_valid_steps"], 7);
    let rests: Vec<&Value> = steps
        .iter()
        .filter(|s| s["intensity"] == "rest")
        .map(|s| &s["seconds"])
        .collect();
    assert_eq!(
        rests,
        [&Value::from(20.0), &Value::from(20.0), &Value::from(60.0)]
    );
    assert_eq!(steps[0]["category"], "squat");
    assert_eq!(steps[0]["seconds"], 40.0);
    assert_eq!(steps[0]["weight"], 16.0);
    assert_eq!(steps[6]["duration_type"], "repeat_until_steps_cmplt");
    assert_eq!(steps[6]["repeat_from"], 0);
    assert_eq!(steps[6]["repeat_count"], 2);
}
