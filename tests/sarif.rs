//! `stride check --format sarif` against the official validator,
//! `@microsoft/sarif-multitool validate` (schema and SARIF rules), pinned in
//! `.ci/sarif/`. Runs only with `STRIDE_EXTERNAL=1` after `.ci/sarif/install`.

use std::path::{Path, PathBuf};
use std::process::Command;

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

fn sarif(args: &[&str], cwd: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_stride"))
        .args(["check", "--format", "sarif"])
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("stride runs");
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn sarif_output_is_valid() {
    let Some(tool) = validator() else {
        return;
    };
    let dir = tempfile::tempdir().expect("a temporary directory");
    // Unicode, spaces and many results in one run.
    std::fs::write(
        dir.path().join("plan café 1.stride"),
        "plan \"Café\"\nstart 2027-01-04\nblock \"B\" weeks 1-2 {\n  session \"S\" mon {\n    bak-squat 3x5 @60kg\n  }\n}\n",
    )
    .expect("a plan");
    std::fs::write(
        dir.path().join("large.stride"),
        stride::generate::plan(&stride::generate::Shape::large()),
    )
    .expect("a plan");
    let logs = [
        (
            "examples",
            sarif(&["examples", "tests/fixtures/errors"], root()),
        ),
        ("generated", sarif(&["."], dir.path())),
        ("clean", sarif(&["examples/first-block.stride"], root())),
    ];
    for (name, log) in &logs {
        let errors = validate(&tool, dir.path(), name, log);
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
    // The validator is live: a property the schema lacks is an error.
    let mut broken: serde_json::Value = serde_json::from_str(&logs[0].1).expect("JSON");
    broken["runs"][0]["unknownProperty"] = serde_json::json!(1);
    let broken = serde_json::to_string_pretty(&broken).expect("JSON");
    assert!(!validate(&tool, dir.path(), "broken", &broken).is_empty());
}
