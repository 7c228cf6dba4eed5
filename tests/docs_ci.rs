//! What docs/ci.md tells people to copy works: the GitHub workflow uploads
//! SARIF even when the check step fails, and the pre-commit hooks build
//! stride with the locked dependencies.

mod harness;

fn read(path: &str) -> String {
    std::fs::read_to_string(harness::repo(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The first ```yaml block of docs/ci.md that holds `jobs:`.
fn workflow() -> serde_yaml::Value {
    let doc = read("docs/ci.md");
    let block = doc
        .split("```yaml\n")
        .skip(1)
        .filter_map(|rest| rest.split_once("```").map(|(block, _)| block))
        .find(|block| block.contains("jobs:"))
        .expect("docs/ci.md shows a workflow");
    serde_yaml::from_str(block).expect("the workflow is YAML")
}

#[test]
fn sarif_steps_run_after_a_failed_check() {
    let workflow = workflow();
    let steps = workflow["jobs"]["stride"]["steps"]
        .as_sequence()
        .expect("steps");
    let text =
        |step: &serde_yaml::Value, key: &str| step[key].as_str().unwrap_or_default().to_string();
    let failing = steps
        .iter()
        .position(|s| text(s, "run").contains("--format github"))
        .expect("a step that fails on errors");
    let sarif: Vec<&serde_yaml::Value> = steps
        .iter()
        .filter(|s| text(s, "run").contains("sarif") || text(s, "uses").contains("upload-sarif"))
        .collect();
    assert_eq!(sarif.len(), 2, "writing and uploading SARIF");
    for step in sarif {
        let position = steps.iter().position(|s| s == step).expect("a step");
        assert!(position > failing);
        assert_eq!(text(step, "if"), "${{ !cancelled() }}", "{step:?}");
    }
}

#[test]
fn pre_commit_hooks_build_with_the_lock_file() {
    let hooks: serde_yaml::Value =
        serde_yaml::from_str(&read(".pre-commit-hooks.yaml")).expect("YAML");
    let hooks = hooks.as_sequence().expect("a list of hooks");
    for hook in hooks {
        let language = hook["language"].as_str().expect("a language");
        let entry = hook["entry"].as_str().expect("an entry");
        match language {
            // pre-commit runs `cargo install` without --locked for these.
            "rust" => panic!("{entry}: language rust cannot build with --locked"),
            "script" => {
                let script = read(entry);
                let build = script
                    .lines()
                    .find(|l| l.trim_start().starts_with("cargo "))
                    .expect("the script builds stride");
                assert!(build.contains("--locked"), "{build}");
            }
            "system" => assert!(entry.starts_with("stride check")),
            other => panic!("unexpected hook language {other}"),
        }
    }
    let documented = read("docs/ci.md");
    for hook in hooks {
        let id = hook["id"].as_str().expect("an id");
        assert!(
            documented.contains(&format!("id: {id}")),
            "{id} in docs/ci.md"
        );
    }
}

/// pre-commit runs the script directly: it must be executable in git too.
#[cfg(unix)]
#[test]
fn hook_script_is_executable() {
    let script = harness::repo("hooks/stride-check");
    let meta = std::fs::metadata(&script).expect("the script exists");
    use std::os::unix::fs::PermissionsExt;
    assert!(
        meta.permissions().mode() & 0o111 != 0,
        "the script is executable"
    );
}
