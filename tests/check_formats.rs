//! `stride check` as CI sees it: every output format and every exit path,
//! snapshotted whole (exit code, stdout and stderr).

use std::path::Path;
use std::process::{Command, Stdio};

const UPPER_LOWER: &str = "examples/upper-lower.stride";
const FIRST_BLOCK: &str = "examples/first-block.stride";
const UNKNOWN: &str = "tests/fixtures/errors/unknown-exercise.stride";

/// Runs stride from the repository root with a fixed environment.
fn stride(args: &[&str], env: &[(&str, &str)]) -> String {
    let mut command = Command::new(env!("CARGO_BIN_EXE_stride"));
    command
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS")
        .env_remove("STRIDE_FORMAT")
        .stdin(Stdio::null());
    for (key, value) in env {
        command.env(key, value);
    }
    let out = command.output().expect("stride runs");
    format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn exit_code(run: &str) -> &str {
    run.lines().next().unwrap_or_default()
}

#[test]
fn every_format() {
    for format in ["human", "concise", "json", "sarif", "github", "junit"] {
        let run = stride(&["check", "--format", format, UPPER_LOWER, UNKNOWN], &[]);
        assert_eq!(exit_code(&run), "exit: 1", "{run}");
        insta::assert_snapshot!(format!("format_{format}"), run);
    }
}

#[test]
fn the_environment_chooses_the_format_and_the_flag_wins() {
    let by_flag = stride(&["check", "--format", "concise", UPPER_LOWER], &[]);
    let by_env = stride(&["check", UPPER_LOWER], &[("STRIDE_FORMAT", "concise")]);
    assert_eq!(by_flag, by_env);
    let both = stride(
        &["check", "--format", "concise", UPPER_LOWER],
        &[("STRIDE_FORMAT", "json")],
    );
    assert_eq!(by_flag, both);
    insta::assert_snapshot!(
        "bad_format_env",
        stride(&["check", UPPER_LOWER], &[("STRIDE_FORMAT", "xml")])
    );
    insta::assert_snapshot!(
        "bad_format_flag",
        stride(&["check", "--format", "xml", UPPER_LOWER], &[])
    );
}

#[test]
fn exit_paths() {
    let cases: &[(&str, &[&str])] = &[
        ("clean", &[FIRST_BLOCK]),
        ("warnings_pass", &[UPPER_LOWER]),
        ("deny_warnings", &["--deny", "warnings", UPPER_LOWER]),
        (
            "max_warnings_exceeded",
            &["--max-warnings", "0", UPPER_LOWER],
        ),
        ("max_warnings_kept", &["--max-warnings", "1", UPPER_LOWER]),
        ("errors", &[UNKNOWN]),
        ("exit_zero", &["--exit-zero", UNKNOWN]),
        (
            "exit_zero_keeps_io_problems",
            &["--exit-zero", "no/such.stride"],
        ),
        ("missing_file", &["no/such.stride", FIRST_BLOCK]),
        (
            "unknown_rule",
            &["--deny", "schedule.same-sesion", FIRST_BLOCK],
        ),
        ("no_paths", &[]),
    ];
    for (name, args) in cases {
        let mut all = vec!["check", "--format", "concise"];
        all.extend_from_slice(args);
        insta::assert_snapshot!(format!("exit_{name}"), stride(&all, &[]));
    }
}

#[test]
fn output_file_gets_the_diagnostics_and_stderr_the_summary() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let out = dir.path().join("report.json");
    let out_arg = out.display().to_string();
    let run = stride(
        &["check", "--format", "json", "-o", &out_arg, UPPER_LOWER],
        &[],
    );
    assert_eq!(
        run,
        "exit: 0\n--- stdout\n--- stderr\n0 errors, 1 warning in 1 file\n"
    );
    let written = std::fs::read_to_string(&out).expect("the report is written");
    let json: serde_json::Value = serde_json::from_str(&written).expect("JSON");
    assert_eq!(json["summary"]["warnings"], 1);

    // The human format in a file has no colour and no escape codes.
    let out = dir.path().join("report.txt");
    let out_arg = out.display().to_string();
    stride(&["check", "-o", &out_arg, UNKNOWN], &[("NO_COLOR", "")]);
    let written = std::fs::read_to_string(&out).expect("the report is written");
    assert!(written.contains("unknown-exercise"), "{written}");
    assert!(!written.contains('\u{1b}'), "{written}");
}

#[test]
fn json_has_the_documented_shape() {
    let run = stride(&["check", "--format", "json", UPPER_LOWER, UNKNOWN], &[]);
    let stdout = run
        .split("--- stdout\n")
        .nth(1)
        .and_then(|s| s.split("--- stderr\n").next())
        .unwrap_or_default();
    let json: serde_json::Value = serde_json::from_str(stdout).expect("JSON");
    assert_eq!(json["version"], 1);
    let keys = [
        "rule",
        "level",
        "file",
        "line",
        "column",
        "end_line",
        "end_column",
        "message",
        "help",
        "weeks",
    ];
    for d in json["diagnostics"].as_array().expect("an array") {
        let object = d.as_object().expect("an object");
        let mut found: Vec<&str> = object.keys().map(String::as_str).collect();
        found.sort_unstable();
        let mut expected = keys.to_vec();
        expected.sort_unstable();
        assert_eq!(found, expected);
    }
    assert_eq!(json["summary"]["errors"], 2);
    assert_eq!(json["summary"]["files"], 2);
}

#[test]
fn sarif_lists_every_rule_with_help_and_a_link() {
    let run = stride(&["check", "--format", "sarif", UNKNOWN], &[]);
    let stdout = run
        .split("--- stdout\n")
        .nth(1)
        .and_then(|s| s.split("--- stderr\n").next())
        .unwrap_or_default();
    let json: serde_json::Value = serde_json::from_str(stdout).expect("JSON");
    let rules = json["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules");
    let registry = stride::check::Registry::builtin();
    // Every rule of the checker, and the compiler error that occurred.
    assert_eq!(rules.len(), registry.rules().len() + 1);
    for rule in rules {
        let uri = rule["helpUri"].as_str().expect("a help URI");
        assert!(uri.starts_with(stride::report::RULES_DOC_URL), "{uri}");
        let anchor = uri.rsplit('#').next().unwrap_or_default();
        let docs =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md"))
                .expect("docs/rules.md");
        assert!(
            docs.lines().any(|l| l.starts_with("## ")
                && stride::report::rules_doc::anchor_of_heading(&l[3..]) == anchor),
            "no heading for #{anchor}"
        );
        assert!(rule["help"]["text"].as_str().is_some_and(|t| !t.is_empty()));
        assert!(rule["defaultConfiguration"]["level"].is_string());
    }
}

#[test]
fn github_says_when_annotations_are_left_out() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let plan = dir.path().join("large.stride");
    std::fs::write(
        &plan,
        stride::generate::plan(&stride::generate::Shape::large()),
    )
    .expect("the plan is written");
    let plan = plan.display().to_string();
    let run = stride(&["check", "--format", "github", &plan], &[]);
    let last = run
        .lines()
        .rfind(|l| l.starts_with("::"))
        .unwrap_or_default();
    assert!(last.starts_with("::notice title=stride::"), "{last}");
    assert!(last.contains("more than GitHub shows"), "{last}");
    let few = stride(&["check", "--format", "github", UPPER_LOWER], &[]);
    assert!(!few.contains("more than GitHub shows"), "{few}");
}

/// docs/rules.md is generated; `STRIDE_BLESS=1` rewrites it.
#[test]
fn rules_doc_is_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    let expected = stride::report::rules_doc::markdown();
    if std::env::var_os("STRIDE_BLESS").is_some() {
        std::fs::write(&path, &expected).expect("docs/rules.md is written");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == expected,
        "docs/rules.md is out of date: run `STRIDE_BLESS=1 cargo test --test check_formats`"
    );
}
