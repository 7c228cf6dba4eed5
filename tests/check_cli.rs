//! `stride rules` and `stride explain` as a user sees them.

use std::process::Command;

/// Runs stride in a directory with no stride.yaml above it.
fn stride(args: &[&str]) -> (i32, String, String) {
    let dir = std::env::temp_dir().join(format!("stride-check-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_stride"))
        .args(args)
        .current_dir(&dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn example(name: &str) -> String {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn explain_shows_the_papers_a_rule_rests_on() {
    let (code, out, err) = stride(&["explain", "schedule.same-session"]);
    assert_eq!(code, 0, "{err}");
    for doi in [
        "10.1007/s40279-021-01587-7",
        "10.1007/s40279-021-01426-9",
        "10.1519/JSC.0000000000000798",
    ] {
        assert!(out.contains(&format!("doi:{doi}")), "{out}");
    }
    insta::assert_snapshot!("explain__schedule.same-session", out);
}

#[test]
fn explain_shows_the_profile_in_force_for_a_plan() {
    let plan = example("first-block.stride");
    let (code, out, err) = stride(&["explain", "load.heavy-intensity", "--plan", &plan]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("min-percent = 40% (% of 1RM)    default 80%"),
        "{out}"
    );
    assert!(
        out.contains("load:     moderate (the default for beginner athletes)"),
        "{out}"
    );

    let plan = example("half-marathon.stride");
    let (_, out, _) = stride(&[
        "explain",
        "schedule.profile",
        "--plan",
        &plan,
        "--profile",
        "distributed",
    ]);
    assert!(out.contains("layout = distributed"), "{out}");
    assert!(
        out.contains("schedule: distributed (set on the command line)"),
        "{out}"
    );
}

#[test]
fn explain_profiles_and_unknown_names() {
    let (code, out, _) = stride(&["explain", "recovery-48h"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("explain__recovery-48h", out);

    let (code, _, err) = stride(&["explain", "schedule.same-sesion"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "error: there is no rule or profile `schedule.same-sesion`; did you mean `schedule.same-session`?\n"
    );
}

#[test]
fn rules_lists_every_rule() {
    let (code, out, _) = stride(&["rules"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("rules__text", out);

    let (code, out, _) = stride(&["rules", "--format", "json"]);
    assert_eq!(code, 0);
    let rows: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), stride::check::Registry::builtin().rules().len());
    let spacing = rows
        .iter()
        .find(|r| r["name"] == "schedule.spacing")
        .unwrap();
    assert_eq!(spacing["level"], "deny");
    assert_eq!(spacing["category"], "schedule");
    assert!(spacing["summary"].as_str().unwrap().contains("spacing"));
}

#[test]
fn explain_knows_the_compiler_error_codes() {
    let (code, out, err) = stride(&["explain", "percent-without-max"]);
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!("explain__percent-without-max", out);

    let (code, _, err) = stride(&["explain", "percent-without-mx"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `percent-without-max`?"), "{err}");
}
