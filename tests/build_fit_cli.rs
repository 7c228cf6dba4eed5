//! `stride build --to fit`: a directory of Garmin FIT workouts, end to end.

mod emit_support;

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use emit_support::example_path;

fn stride(args: &[&str], epoch: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_stride"));
    cmd.args(args)
        .env_remove("SOURCE_DATE_EPOCH")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null());
    if let Some(epoch) = epoch {
        cmd.env("SOURCE_DATE_EPOCH", epoch);
    }
    cmd.output().expect("stride runs")
}

fn plan(name: &str) -> String {
    example_path(name).to_string_lossy().into_owned()
}

/// The files of a directory, by name, with their bytes.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = fs::read_dir(dir)
        .expect("readable")
        .map(|e| {
            let e = e.expect("entry");
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).expect("readable"),
            )
        })
        .collect();
    out.sort();
    out
}

fn build(dir: &Path, to: &str, extra: &[&str], epoch: Option<&str>) -> Output {
    let plan = plan("half-marathon");
    let dir = dir.to_string_lossy();
    let mut args = vec!["build", plan.as_str(), "--to", to, "-o", &dir];
    args.extend_from_slice(extra);
    stride(&args, epoch)
}

#[test]
fn one_file_per_session_and_week_named_after_both() {
    let scratch = tempfile::tempdir().expect("scratch");
    let dir = scratch.path().join("watch");
    let out = build(&dir, "fit", &[], Some("1798761600"));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    let names: Vec<String> = files(&dir).into_iter().map(|(n, _)| n).collect();
    assert!(names.contains(&"w01-lower-a.fit".to_owned()), "{names:?}");
    assert!(names.contains(&"w03-lower-a.fit".to_owned()), "{names:?}");
    assert!(!names.contains(&"schedule.fit".to_owned()));
    for name in &names {
        assert!(name.starts_with('w') && name.ends_with(".fit"), "{name}");
    }
    // Every file is a FIT file: a 14-byte header saying `.FIT`.
    for (name, bytes) in files(&dir) {
        assert_eq!(&bytes[8..12], b".FIT", "{name}");
    }
}

#[test]
fn the_same_plan_gives_byte_identical_files() {
    let scratch = tempfile::tempdir().expect("scratch");
    let (a, b, c) = (
        scratch.path().join("a"),
        scratch.path().join("b"),
        scratch.path().join("c"),
    );
    for dir in [&a, &b] {
        let out = build(dir, "fit-schedule", &[], Some("1798761600"));
        assert_eq!(out.status.code(), Some(0));
    }
    assert_eq!(files(&a), files(&b));
    // Without SOURCE_DATE_EPOCH the time comes from the plan's start
    // date: still the same every run, but not the same as above.
    for dir in [&c, &a] {
        let _ = fs::remove_dir_all(dir);
        assert_eq!(build(dir, "fit-schedule", &[], None).status.code(), Some(0));
    }
    assert_eq!(files(&a), files(&c));
    assert_ne!(files(&a), files(&b));
}

#[test]
fn fit_schedule_adds_the_schedule_and_weeks_select() {
    let scratch = tempfile::tempdir().expect("scratch");
    let out = build(scratch.path(), "fit-schedule", &["--weeks", "3"], Some("0"));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let names: Vec<String> = files(scratch.path()).into_iter().map(|(n, _)| n).collect();
    assert!(names.contains(&"schedule.fit".to_owned()), "{names:?}");
    assert!(
        names
            .iter()
            .all(|n| n.starts_with("w03-") || n == "schedule.fit"),
        "{names:?}"
    );
}

#[test]
fn fit_needs_a_directory() {
    let plan = plan("half-marathon");
    let out = stride(&["build", &plan, "--to", "fit"], None);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("name a directory with -o DIR"), "{stderr}");
    assert!(out.stdout.is_empty());

    let scratch = tempfile::tempdir().expect("scratch");
    let file = scratch.path().join("plan.fit");
    fs::write(&file, "x").expect("writable");
    let out = build(&file, "fit", &[], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("this is a file"));
}

#[test]
fn a_plan_with_errors_writes_nothing() {
    let scratch = tempfile::tempdir().expect("scratch");
    let source = scratch.path().join("broken.stride");
    fs::write(&source, "plan \"x\"\nstart 2027-01-04\nnonsense here\n").expect("writable");
    let dir = scratch.path().join("out");
    let out = stride(
        &[
            "build",
            &source.to_string_lossy(),
            "--to",
            "fit",
            "-o",
            &dir.to_string_lossy(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(!dir.exists());
}

#[test]
fn help_names_the_fit_formats() {
    let out = stride(&["build", "--help"], None);
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("fit-schedule"), "{help}");
    assert!(help.contains("docs/fit.md"), "{help}");
}

#[test]
fn rules_fit_lists_the_approximate_mappings() {
    let out = stride(&["rules", "--fit"], None);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("Of the "), "{text}");
    assert!(
        text.contains("| `half-squat` | `squat` | `barbell_quarter_squat` |"),
        "{text}"
    );
    assert!(text.contains("| `nordic-curl` | `leg_curl` |"), "{text}");
    assert!(
        !text.contains("`back-squat`"),
        "exact mappings are not listed: {text}"
    );

    let out = stride(&["rules", "--fit", "--format", "json"], None);
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let squat = rows
        .as_array()
        .and_then(|rows| rows.iter().find(|r| r["exercise"] == "back-squat"))
        .expect("back-squat listed");
    assert_eq!(squat["category"], "squat");
    assert_eq!(squat["name"], "barbell_back_squat");
    assert_eq!(squat["exact"], true);
}
