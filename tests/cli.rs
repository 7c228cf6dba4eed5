//! The command line as a user meets it: help, version, `show`, exit codes.

mod harness;

use harness::Test;

#[test]
fn version_names_the_program() {
    let out = Test::new().in_repo().args(["--version"]).run();
    assert_eq!(out.code, Some(0));
    assert_eq!(
        out.stdout,
        format!("stride {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn every_command_has_help() {
    for command in [
        "check", "build", "show", "rules", "explain", "fmt", "lsp", "serve",
    ] {
        let out = Test::new().in_repo().args([command, "--help"]).run();
        assert_eq!(out.code, Some(0), "{command} --help");
        let help = out.stdout;
        assert!(help.contains("Usage: stride"), "{command}: {help}");
    }
    let out = Test::new().in_repo().args(["--help"]).run();
    insta::assert_snapshot!("top-level-help", out.stdout);
}

#[test]
fn show_prints_the_weeks_a_coach_computes_by_hand() {
    let out = Test::new()
        .in_repo()
        .args(["show", "examples/half-marathon.stride", "--week", "3-5"])
        .run();
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let stdout = out.stdout;
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
    let out = Test::new()
        .in_repo()
        .args(["show", "examples/half-marathon.stride", "--week", "12-13"])
        .run();
    let stdout = out.stdout;
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
        let out = Test::new()
            .in_repo()
            .args(["show", "examples/half-marathon.stride", "--week", week])
            .run();
        assert_eq!(out.code, Some(2), "--week {week}");
        assert!(out.stderr.starts_with("error:"), "{}", out.stderr);
    }
}

#[test]
fn show_of_a_plan_with_errors_exits_1_with_diagnostics() {
    let out = Test::new()
        .in_repo()
        .args(["show", "tests/fixtures/errors/unknown-exercise.stride"])
        .run();
    assert_eq!(out.code, Some(1));
    assert!(out.stdout.is_empty());
    assert!(out.stderr.contains("did you mean `back-squat`?"));
}

#[test]
fn check_reads_standard_input() {
    let plan = std::fs::read_to_string(format!(
        "{}/examples/first-block.stride",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("example");
    let out = Test::new().args(["check", "-"]).stdin(&plan).run();
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let out = Test::new()
        .args(["check", "-"])
        .stdin("plan \"x\"\nstart 2027-13-01\n")
        .run();
    assert_eq!(out.code, Some(1));
    assert!(out.stderr.contains("is not a date"));
}

#[test]
fn exit_codes_separate_plan_errors_from_usage_problems() {
    assert_eq!(
        Test::new()
            .in_repo()
            .args(["check", "examples/half-marathon.stride"])
            .run()
            .code,
        Some(0)
    );
    assert_eq!(
        Test::new()
            .in_repo()
            .args(["check", "tests/fixtures/errors/invalid-date.stride"])
            .run()
            .code,
        Some(1)
    );
    assert_eq!(
        Test::new()
            .in_repo()
            .args(["check", "no/such/plan.stride"])
            .run()
            .code,
        Some(2)
    );
    assert_eq!(
        Test::new().in_repo().args(["frobnicate"]).run().code,
        Some(2)
    );
    assert_eq!(Test::new().in_repo().args(["build"]).run().code, Some(2));
}

#[test]
fn the_readme_build_command_works() {
    let out = Test::new()
        .in_repo()
        .args(["build", "examples/half-marathon.stride"])
        .run();
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.stdout.starts_with("# Spring half marathon"));
}

#[test]
fn build_lists_findings_and_deny_warnings_stops_it() {
    let plan = "tests/fixtures/rules/schedule.same-session/fires.stride";
    let out = Test::new().in_repo().args(["build", plan]).run();
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.stderr.contains("schedule.same-session"));
    let markdown = out.stdout;
    assert!(markdown.contains("## Findings"), "{markdown}");
    assert!(markdown.contains("`schedule.same-session`"), "{markdown}");

    let out = Test::new()
        .in_repo()
        .args(["build", plan, "--deny", "warnings"])
        .run();
    assert_eq!(out.code, Some(1));
    assert!(out.stdout.is_empty());
    assert!(out.stderr.contains("--deny warnings"));
}
