//! `stride check` as CI sees it: every output format and every exit path,
//! snapshotted whole (exit code, stdout and stderr).

mod harness;

use std::path::Path;

use harness::Test;

const UPPER_LOWER: &str = "examples/upper-lower.stride";
const FIRST_BLOCK: &str = "examples/first-block.stride";
const UNKNOWN: &str = "tests/fixtures/errors/unknown-exercise.stride";

fn exit_code(run: &str) -> &str {
    run.lines().next().unwrap_or_default()
}

#[test]
fn every_format() {
    for format in ["human", "concise", "json", "sarif", "github", "junit"] {
        let run = Test::new()
            .in_repo()
            .args(["check", "--format", format, UPPER_LOWER, UNKNOWN])
            .run()
            .transcript();
        assert_eq!(exit_code(&run), "exit: 1", "{run}");
        insta::assert_snapshot!(format!("format_{format}"), run);
    }
}

#[test]
fn the_environment_chooses_the_format_and_the_flag_wins() {
    let by_flag = Test::new()
        .in_repo()
        .args(["check", "--format", "concise", UPPER_LOWER])
        .run()
        .transcript();
    let by_env = Test::new()
        .in_repo()
        .args(["check", UPPER_LOWER])
        .env("STRIDE_FORMAT", "concise")
        .run()
        .transcript();
    assert_eq!(by_flag, by_env);
    let both = Test::new()
        .in_repo()
        .args(["check", "--format", "concise", UPPER_LOWER])
        .env("STRIDE_FORMAT", "json")
        .run()
        .transcript();
    assert_eq!(by_flag, both);
    insta::assert_snapshot!(
        "bad_format_env",
        Test::new()
            .in_repo()
            .args(["check", UPPER_LOWER])
            .env("STRIDE_FORMAT", "xml")
            .run()
            .transcript()
    );
    insta::assert_snapshot!(
        "bad_format_flag",
        Test::new()
            .in_repo()
            .args(["check", "--format", "xml", UPPER_LOWER])
            .run()
            .transcript()
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
        insta::assert_snapshot!(
            format!("exit_{name}"),
            Test::new().in_repo().args(&all).run().transcript()
        );
    }
}

#[test]
fn output_file_gets_the_diagnostics_and_stderr_the_summary() {
    let test = Test::new().in_repo();
    let out_arg = test.arg_path("report.json");
    let run = test
        .again()
        .args(["check", "--format", "json", "-o", &out_arg, UPPER_LOWER])
        .run()
        .transcript();
    assert_eq!(
        run,
        "exit: 0\n--- stdout\n--- stderr\n0 errors, 1 warning, 2 notes in 1 file\n"
    );
    let json: serde_json::Value = serde_json::from_str(&test.read("report.json")).expect("JSON");
    assert_eq!(json["summary"]["warnings"], 1);

    // The human format in a file has no colour and no escape codes.
    test.again()
        .args(["check", "-o", &test.arg_path("report.txt"), UNKNOWN])
        .env("NO_COLOR", "")
        .run();
    let written = test.read("report.txt");
    assert!(written.contains("unknown-exercise"), "{written}");
    assert!(!written.contains('\u{1b}'), "{written}");
}

#[test]
fn json_has_the_documented_shape() {
    let run = Test::new()
        .in_repo()
        .args(["check", "--format", "json", UPPER_LOWER, UNKNOWN])
        .run();
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
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
    let run = Test::new()
        .in_repo()
        .args(["check", "--format", "sarif", UNKNOWN])
        .run();
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
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
    let large = stride::generate::plan(&stride::generate::Shape::large());
    let run = Test::new()
        .file("large.stride", large)
        .args(["check", "--format", "github", "large.stride"])
        .run();
    let last = run
        .stdout
        .lines()
        .rfind(|l| l.starts_with("::"))
        .unwrap_or_default();
    assert!(last.starts_with("::notice title=stride::"), "{last}");
    assert!(last.contains("more than GitHub shows"), "{last}");
    let few = Test::new()
        .in_repo()
        .args(["check", "--format", "github", UPPER_LOWER])
        .run()
        .transcript();
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
