//! `stride check --format sarif` against the official validator,
//! `@microsoft/sarif-multitool validate` (schema and SARIF rules), pinned in
//! `.ci/sarif/`. Runs only with `STRIDE_EXTERNAL=1` after `.ci/sarif/install`.

mod harness;

use std::path::{Path, PathBuf};
use std::process::Command;

use harness::Test;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn validator() -> Option<PathBuf> {
    std::env::var_os("STRIDE_EXTERNAL")?;
    let tool = root().join(".ci/sarif/node_modules/.bin/sarif-multitool");
    assert!(
        tool.exists(),
        "STRIDE_EXTERNAL is set but {} is missing: run .ci/sarif/install",
        tool.display()
    );
    Some(tool)
}

/// Validates `log` with the SARIF rules and then with GitHub's (`--rule-kind
/// Gh`: what code scanning requires); returns the findings at level error.
fn validate(tool: &Path, dir: &Path, name: &str, log: &str) -> Vec<String> {
    let mut errors = validate_as(tool, dir, name, log, None);
    errors.extend(validate_as(tool, dir, name, log, Some("Gh")));
    errors
}

fn validate_as(
    tool: &Path,
    dir: &Path,
    name: &str,
    log: &str,
    rule_kind: Option<&str>,
) -> Vec<String> {
    let input = dir.join(format!("{name}.sarif"));
    let output = dir.join(format!("{name}.validation.sarif"));
    std::fs::write(&input, log).expect("the log is written");
    let run = Command::new(tool)
        .arg("validate")
        .arg(&input)
        .arg("--output")
        .arg(&output)
        .args(["--log", "ForceOverwrite"])
        .args(
            rule_kind
                .map(|kind| ["--rule-kind", kind])
                .into_iter()
                .flatten(),
        )
        .output()
        .expect("the validator runs");
    assert!(
        run.status.success(),
        "{}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&output).expect("a validation log"))
            .expect("the validation log is JSON");
    report["runs"][0]["results"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|r| r["level"] == "error" || r["level"].is_null())
        .map(|r| r.to_string())
        .collect()
}

/// The SARIF log of `stride check` on `paths`.
fn sarif(test: Test, paths: &[&str]) -> String {
    test.args(["check", "--format", "sarif"])
        .args(paths)
        .run()
        .stdout
}

#[test]
fn sarif_output_is_valid() {
    let Some(tool) = validator() else {
        return;
    };
    // Unicode, spaces and many results in one run.
    let dir = Test::new()
        .file(
            "plan café 1.stride",
            "plan \"Café\"\nstart 2027-01-04\nblock \"B\" weeks 1-2 {\n  session \"S\" mon {\n    bak-squat 3x5 @60kg\n  }\n}\n",
        )
        .file(
            "large.stride",
            stride::generate::plan(&stride::generate::Shape::large()),
        );
    let logs = [
        (
            "examples",
            sarif(
                Test::new().in_repo(),
                &["examples", "tests/fixtures/errors"],
            ),
        ),
        ("generated", sarif(dir.again(), &["."])),
        (
            "clean",
            sarif(Test::new().in_repo(), &["examples/first-block.stride"]),
        ),
    ];
    for (name, log) in &logs {
        let errors = validate(&tool, dir.root(), name, log);
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
    // The validator is live: a property the schema lacks is an error.
    let mut broken: serde_json::Value = serde_json::from_str(&logs[0].1).expect("JSON");
    broken["runs"][0]["unknownProperty"] = serde_json::json!(1);
    let broken = serde_json::to_string_pretty(&broken).expect("JSON");
    assert!(!validate(&tool, dir.root(), "broken", &broken).is_empty());
    // So are GitHub's rules: a rule without a fullDescription is GH2012.
    let mut bare: serde_json::Value = serde_json::from_str(&logs[0].1).expect("JSON");
    let rule = &mut bare["runs"][0]["tool"]["driver"]["rules"][0];
    rule.as_object_mut()
        .expect("a rule")
        .remove("fullDescription");
    let bare = serde_json::to_string_pretty(&bare).expect("JSON");
    let errors = validate_as(&tool, dir.root(), "bare", &bare, Some("Gh"));
    assert!(errors.iter().any(|e| e.contains("GH2012")), "{errors:#?}");
}

/// What GitHub asks of every result beyond the schema: a fingerprint, and
/// rule descriptions it accepts.
#[test]
fn sarif_carries_what_github_needs() {
    let log: serde_json::Value = serde_json::from_str(&sarif(
        Test::new().in_repo(),
        &["examples", "tests/fixtures/errors"],
    ))
    .expect("JSON");
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    for rule in rules {
        for field in ["shortDescription", "fullDescription"] {
            let text = rule[field]["text"].as_str().unwrap_or_default();
            assert!(
                !text.is_empty() && text.len() <= 1024,
                "{}: {field} has {} bytes",
                rule["id"],
                text.len()
            );
        }
        assert!(
            rule["helpUri"]
                .as_str()
                .is_some_and(|u| u.starts_with("https://"))
        );
    }
    let results = run["results"].as_array().expect("results");
    assert!(results.len() > 10);
    for result in results {
        let fingerprint = result["partialFingerprints"]["stride/v1"].as_str();
        assert!(fingerprint.is_some_and(|f| f.len() == 32), "{result}");
    }
}
