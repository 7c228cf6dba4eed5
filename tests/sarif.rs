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

/// Validates `log`; returns the validator's findings at level error.
fn validate(tool: &Path, dir: &Path, name: &str, log: &str) -> Vec<String> {
    let input = dir.join(format!("{name}.sarif"));
    let output = dir.join(format!("{name}.validation.sarif"));
    std::fs::write(&input, log).expect("the log is written");
    let run = Command::new(tool)
        .arg("validate")
        .arg(&input)
        .arg("--output")
        .arg(&output)
        .args(["--log", "ForceOverwrite"])
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
}
