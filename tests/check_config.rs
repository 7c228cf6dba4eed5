//! Levels, parameters and profiles end to end through `stride check`: the
//! rule's default, then stride.yaml, the plan's rules block, an inline
//! comment and the command line, each overriding the one before.

mod harness;

use harness::Test;

/// A plan where Lower B starts 1h50 after the long run ends: a
/// `schedule.same-session` warning by default.
const PLAN: &str = r#"plan "Precedence"
start 2027-01-04
athlete {
  level intermediate
}
RULES
runs {
  sat 08:30 100min hard "Long run"
}
block "Base" weeks 1-2 {
  COMMENT
  session "Lower B" sat 12:00 45min {
    back-squat 4x5 @80kg rest 3min progress +2.5kg/week
    romanian-deadlift 3x8 @60kg rest 2min
    single-leg-calf-raise 3x10/side @10kg rest 60s
    push-up 3x10 @bw rest 60s
    dumbbell-row 3x10/side @20kg rest 60s
  }
  session "Lower A" tue 18:00 45min {
    split-squat 3x8/side @20kg rest 90s progress +2kg/2weeks
  }
}
"#;

/// Writes `plans/plan.stride`: [`PLAN`] with its rules block and the
/// comment before Lower B.
fn write_plan(dir: &Test, rules: &str, comment: &str) {
    let text = PLAN.replace("RULES", rules).replace("COMMENT", comment);
    dir.write("plans/plan.stride", text);
}

/// `stride check ARGS` in `dir`: the exit code and standard error, with
/// the scratch directory written `[dir]`.
fn check(dir: &Test, args: &[&str]) -> (i32, String) {
    let run = dir.again().arg("check").args(args).run();
    let root = dir.root().display().to_string();
    (run.code.unwrap_or(-1), run.stderr.replace(&root, "[dir]"))
}

const RULE: &str = "schedule.same-session";

/// How the same-session finding came out: `None` when not reported.
fn same_session(stderr: &str) -> Option<&'static str> {
    let line = stderr.lines().skip_while(|l| l.trim() != RULE).nth(2)?;
    if line.contains('×') {
        Some("error")
    } else if line.contains('⚠') {
        Some("warning")
    } else {
        Some("note")
    }
}

#[test]
fn each_layer_overrides_the_one_before() {
    let dir = Test::new();
    write_plan(&dir, "", "");
    let plan = "plans/plan.stride";

    // 1. The rule's default: a warning, and the run passes.
    let (code, err) = check(&dir, &[plan]);
    assert_eq!((code, same_session(&err)), (0, Some("warning")), "{err}");
    assert!(
        err.contains("Lower B starts 1h50 after the hard run \"Long run\" ends"),
        "{err}"
    );

    // 2. stride.yaml, found by walking up from the plan: deny.
    dir.write("stride.yaml", "rules:\n  schedule.same-session: deny\n");
    let (code, err) = check(&dir, &[plan]);
    assert_eq!((code, same_session(&err)), (1, Some("error")), "{err}");

    // 3. The plan's rules block beats the file.
    write_plan(&dir, "rules {\n  warn schedule.same-session\n}", "");
    let (code, err) = check(&dir, &[plan]);
    assert_eq!((code, same_session(&err)), (0, Some("warning")), "{err}");

    // 5. The command line beats the plan.
    let (code, err) = check(&dir, &["--deny", RULE, plan]);
    assert_eq!((code, same_session(&err)), (1, Some("error")), "{err}");
    let (code, err) = check(&dir, &["--allow", "all", plan]);
    assert_eq!((code, same_session(&err)), (0, None), "{err}");
    assert!(err.ends_with("0 errors, 0 warnings in 1 file\n"), "{err}");

    // 4. An inline comment on the session header beats the plan block...
    let comment = "# stride: allow(schedule.same-session) -- the only slot after work";
    write_plan(&dir, "rules {\n  deny schedule.same-session\n}", comment);
    let (code, err) = check(&dir, &[plan]);
    assert_eq!((code, same_session(&err)), (0, None), "{err}");
    // ...and the command line beats the comment.
    let (code, err) = check(&dir, &["--deny", RULE, plan]);
    assert_eq!((code, same_session(&err)), (1, Some("error")), "{err}");
}

#[test]
fn parameters_and_profiles_follow_the_same_order() {
    let dir = Test::new();
    let plan = "plans/plan.stride";
    // stride.yaml lowers the gap to 1h: 1h50 passes.
    dir.write(
        "stride.yaml",
        "rules:\n  schedule.same-session:\n    min-gap: 1h\n",
    );
    write_plan(&dir, "", "");
    let (_, err) = check(&dir, &[plan]);
    assert_eq!(same_session(&err), None, "{err}");
    // The plan raises it to 2h: it fires again.
    write_plan(
        &dir,
        "rules {\n  set schedule.same-session.min-gap 2h\n}",
        "",
    );
    let (_, err) = check(&dir, &[plan]);
    assert_eq!(same_session(&err), Some("warning"), "{err}");

    // Profiles: the file picks distributed, which flags lifting on the
    // long-run day; the plan picks consolidated back; the command line
    // distributed again.
    let profile = "schedule.profile";
    dir.write("stride.yaml", "profile: distributed\n");
    write_plan(&dir, "", "");
    let (_, err) = check(&dir, &["--warn", profile, plan]);
    assert!(
        err.contains("falls on the same day as the hard run \"Long run\""),
        "{err}"
    );
    write_plan(&dir, "rules {\n  profile consolidated\n}", "");
    let (_, err) = check(&dir, &["--warn", profile, plan]);
    assert!(!err.contains("falls on the same day"), "{err}");
    let (_, err) = check(&dir, &["--warn", profile, "--profile", "distributed", plan]);
    assert!(err.contains("falls on the same day"), "{err}");
}

#[test]
fn unknown_names_are_errors_with_a_suggestion() {
    let dir = Test::new();
    let plan = "plans/plan.stride";
    write_plan(&dir, "", "");

    let (code, err) = check(&dir, &["--deny", "schedule.same-sesion", plan]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("unknown rule `schedule.same-sesion`; did you mean `schedule.same-session`?"),
        "{err}"
    );

    let (code, err) = check(&dir, &["--profile", "consolidate", plan]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("did you mean `consolidated`?"), "{err}");

    dir.write("stride.yaml", "rules:\n  schedule.same-sessions: deny\n");
    let (code, err) = check(&dir, &[plan]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("stride.yaml: unknown rule `schedule.same-sessions`; did you mean `schedule.same-session`?"), "{err}");

    dir.write(
        "stride.yaml",
        "rules:\n  schedule.same-session:\n    min-gaps: 2h\n",
    );
    let (code, err) = check(&dir, &[plan]);
    assert_eq!(code, 2, "{err}");
    insta::assert_snapshot!("config__misspelt-parameter", err);

    dir.write(
        "stride.yaml",
        "rules:\n  schedule.same-session:\n    min-gap: 20%\n",
    );
    let (code, err) = check(&dir, &[plan]);
    assert_eq!(code, 2, "{err}");
    insta::assert_snapshot!("config__parameter-of-another-kind", err);

    dir.write(
        "stride.yaml",
        "rules:\n  schedule.profile:\n    layout: stacked\n  selection.unilateral:\n    min: 2\n",
    );
    let (code, err) = check(&dir, &[plan]);
    assert_eq!(code, 2, "{err}");
    insta::assert_snapshot!("config__word-parameter", err);
    dir.write(
        "stride.yaml",
        "rules:\n  selection.unilateral:\n    min: 2\n",
    );
    let (code, err) = check(&dir, &[plan]);
    assert_eq!(code, 2, "{err}");
    insta::assert_snapshot!("config__rule-without-parameters", err);

    dir.write("stride.yaml", "rule:\n  schedule.same-session: deny\n");
    let (code, err) = check(&dir, &[plan]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("unknown key `rule`; did you mean `rules`?"),
        "{err}"
    );

    std::fs::remove_file(dir.path("stride.yaml")).unwrap();
    write_plan(
        &dir,
        "rules {\n  deny schedule.same-sesion\n  set schedule.same-session.gap 2h\n  set schedule.same-session.min-gap 20%\n  profile heavvy\n}",
        "",
    );
    let (code, err) = check(&dir, &[plan]);
    assert_eq!(code, 1, "{err}");
    insta::assert_snapshot!("config__plan-block-errors", err);
}

#[test]
fn unknown_and_unused_suppressions() {
    let dir = Test::new();
    let plan = "plans/plan.stride";
    write_plan(
        &dir,
        "",
        "# stride: allow(schedule.same-sesion, rest.heavy-sets) -- typo and stale",
    );
    let (code, err) = check(&dir, &[plan]);
    assert_eq!(code, 1, "{err}");
    insta::assert_snapshot!("config__suppression-errors", err);
}

#[test]
fn files_stdin_and_exit_codes() {
    let dir = Test::new();
    write_plan(&dir, "", "");
    // A missing file is reported on one line; the others are still checked.
    let (code, err) = check(&dir, &["plans/missing.stride", "plans/plan.stride"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.starts_with("error: plans/missing.stride: no such file\n"),
        "{err}"
    );
    assert!(err.contains(RULE), "{err}");
    assert!(err.ends_with("0 errors, 1 warning in 1 file\n"), "{err}");

    // Standard input, with the configuration of the current directory.
    dir.write("stride.yaml", "rules:\n  schedule.same-session: deny\n");
    let run = dir
        .again()
        .args(["check", "-"])
        .stdin(dir.read("plans/plan.stride"))
        .run();
    let err = run.stderr;
    assert_eq!(run.code, Some(1), "{err}");
    assert!(err.contains("<stdin>:"), "{err}");
    assert!(err.ends_with("1 error, 0 warnings in 1 file\n"), "{err}");
}

/// The inline layer through the library, with the comments built by hand,
/// so that it is tested whatever the parser reads.
#[test]
fn inline_suppressions_through_the_library() {
    use stride::ast::Suppression;
    use stride::check::{Options, Overrides};
    use stride::span::{Span, Spanned};

    let text = PLAN.replace("RULES", "").replace("COMMENT", "");
    let mut compiled = stride::compile(&text);
    let plan = compiled.plan.as_mut().expect("the plan compiles");
    let header = text.find("session \"Lower B\"").unwrap();
    let session = Span::new(header, text[header..].find("\n  }").unwrap() + header + 4);
    let comment = |rules: &[&str]| Suppression {
        rules: rules
            .iter()
            .map(|r| Spanned::new(r.to_string(), Span::new(0, r.len())))
            .collect(),
        reason: None,
        span: Span::new(0, 1),
        covers: Some(session),
    };
    plan.suppressions = vec![comment(&[RULE, "rest.heavy-sets"]), comment(&["all"])];
    let codes = |options: &Options| -> Vec<String> {
        stride::check::check(&compiled, options)
            .into_iter()
            .map(|d| d.code.into_owned())
            .collect()
    };
    let found = codes(&Options::default());
    assert!(!found.iter().any(|c| c == RULE), "{found:?}");
    // `rest.heavy-sets` finds nothing in the session: reported as unused;
    // `all` suppressed the same-session finding, so it is used.
    assert_eq!(
        found.iter().filter(|c| *c == "unused-suppression").count(),
        1,
        "{found:?}"
    );
    // The command line has the last word.
    let cli = Options {
        config: None,
        overrides: Overrides {
            levels: vec![(RULE.to_string(), stride::check::Level::Warn)],
            profiles: Vec::new(),
        },
    };
    assert!(codes(&cli).iter().any(|c| c == RULE));
}
