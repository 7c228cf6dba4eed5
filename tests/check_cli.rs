//! `stride rules` and `stride explain` as a user sees them.

mod harness;

use harness::{Run, Test};

fn example(name: &str) -> String {
    harness::repo(&format!("examples/{name}"))
}

#[test]
fn explain_shows_the_papers_a_rule_rests_on() {
    let Run {
        code,
        stdout: out,
        stderr: err,
        ..
    } = Test::new().args(["explain", "schedule.same-session"]).run();
    assert_eq!(code, Some(0), "{err}");
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
    let Run {
        code,
        stdout: out,
        stderr: err,
        ..
    } = Test::new()
        .args(["explain", "load.heavy-intensity", "--plan", &plan])
        .run();
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.contains("min-percent = 40% (% of 1RM)    default 80%"),
        "{out}"
    );
    assert!(
        out.contains("load:     moderate (the default for beginner athletes)"),
        "{out}"
    );

    let plan = example("half-marathon.stride");
    let Run { stdout: out, .. } = Test::new()
        .args([
            "explain",
            "schedule.profile",
            "--plan",
            &plan,
            "--profile",
            "distributed",
        ])
        .run();
    assert!(out.contains("layout = distributed"), "{out}");
    assert!(
        out.contains("schedule: distributed (set on the command line)"),
        "{out}"
    );
}

#[test]
fn explain_profiles_and_unknown_names() {
    let Run {
        code, stdout: out, ..
    } = Test::new().args(["explain", "recovery-48h"]).run();
    assert_eq!(code, Some(0));
    insta::assert_snapshot!("explain__recovery-48h", out);

    let Run {
        code, stderr: err, ..
    } = Test::new().args(["explain", "schedule.same-sesion"]).run();
    assert_eq!(code, Some(2));
    assert_eq!(
        err,
        "error: there is no rule or profile `schedule.same-sesion`; did you mean `schedule.same-session`?\n"
    );
}

#[test]
fn rules_lists_every_rule() {
    let Run {
        code, stdout: out, ..
    } = Test::new().args(["rules"]).run();
    assert_eq!(code, Some(0));
    insta::assert_snapshot!("rules__text", out);

    let Run {
        code, stdout: out, ..
    } = Test::new().args(["rules", "--format", "json"]).run();
    assert_eq!(code, Some(0));
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
    let Run {
        code,
        stdout: out,
        stderr: err,
        ..
    } = Test::new().args(["explain", "percent-without-max"]).run();
    assert_eq!(code, Some(0), "{err}");
    insta::assert_snapshot!("explain__percent-without-max", out);

    let Run {
        code, stderr: err, ..
    } = Test::new().args(["explain", "percent-without-mx"]).run();
    assert_eq!(code, Some(2));
    assert!(err.contains("did you mean `percent-without-max`?"), "{err}");
}
