//! The command line as a user meets it: help, version, `show`, exit codes.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn stride(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stride"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("run stride")
}

fn stride_with_stdin(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_stride"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn stride");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("wait")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn version_names_the_program() {
    let out = stride(&["--version"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stdout),
        format!("stride {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn every_command_has_help() {
    for command in ["check", "build", "show", "rules", "explain", "fmt", "lsp"] {
        let out = stride(&[command, "--help"]);
        assert_eq!(out.status.code(), Some(0), "{command} --help");
        let help = text(&out.stdout);
        assert!(help.contains("Usage: stride"), "{command}: {help}");
    }
    let out = stride(&["--help"]);
    insta::assert_snapshot!("top-level-help", text(&out.stdout));
}

#[test]
fn show_prints_the_weeks_a_coach_computes_by_hand() {
    let out = stride(&["show", "examples/half-marathon.stride", "--week", "3-5"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("back-squat         4x5         80 kg"),
        "{stdout}"
    );
    assert!(
        stdout.contains("back-squat         3x5       72.5 kg"),
        "{stdout}"
    );
    assert!(
        stdout.contains("back-squat         4x5       82.5 kg"),
        "{stdout}"
    );
    insta::assert_snapshot!("show-half-marathon-weeks-3-5", stdout);
}

#[test]
fn show_puts_sessions_on_both_sides_of_the_clock_change() {
    let out = stride(&["show", "examples/half-marathon.stride", "--week", "12-13"]);
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("Sat 2027-03-27 14:00 (UTC+00:00)  Lower B"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Tue 2027-03-30 18:00 (UTC+01:00)  Lower"),
        "{stdout}"
    );
}

#[test]
fn show_rejects_a_bad_week_as_usage() {
    for week in ["0", "x", "5-3", "99"] {
        let out = stride(&["show", "examples/half-marathon.stride", "--week", week]);
        assert_eq!(out.status.code(), Some(2), "--week {week}");
        assert!(
            text(&out.stderr).starts_with("error:"),
            "{}",
            text(&out.stderr)
        );
    }
}

#[test]
fn show_of_a_plan_with_errors_exits_1_with_diagnostics() {
    let out = stride(&["show", "tests/fixtures/errors/unknown-exercise.stride"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(text(&out.stderr).contains("did you mean `back-squat`?"));
}

#[test]
fn check_reads_standard_input() {
    let plan = std::fs::read_to_string(format!(
        "{}/examples/first-block.stride",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("example");
    let out = stride_with_stdin(&["check", "-"], &plan);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = stride_with_stdin(&["check", "-"], "plan \"x\"\nstart 2027-13-01\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("is not a date"));
}

#[test]
fn exit_codes_separate_plan_errors_from_usage_problems() {
    assert_eq!(
        stride(&["check", "examples/half-marathon.stride"])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        stride(&["check", "tests/fixtures/errors/invalid-date.stride"])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        stride(&["check", "no/such/plan.stride"]).status.code(),
        Some(2)
    );
    assert_eq!(stride(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(stride(&["build"]).status.code(), Some(2));
}

#[test]
fn the_readme_build_command_works() {
    let out = stride(&["build", "examples/half-marathon.stride"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("# Spring half marathon"));
}

#[test]
fn build_lists_findings_and_deny_warnings_stops_it() {
    let plan = "tests/fixtures/rules/schedule.same-session/fires.stride";
    let out = stride(&["build", plan]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("schedule.same-session"));
    let markdown = text(&out.stdout);
    assert!(markdown.contains("## Findings"), "{markdown}");
    assert!(markdown.contains("`schedule.same-session`"), "{markdown}");

    let out = stride(&["build", plan, "--deny", "warnings"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(text(&out.stderr).contains("--deny warnings"));
}
