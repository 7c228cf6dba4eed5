//! The TextMate grammar of `editors/vscode`: it is valid JSON whose rules
//! all resolve (always checked), and, with `STRIDE_EXTERNAL=1`, it leaves
//! no piece of the example plans without a scope when VS Code's own engine
//! tokenizes them (`.ci/editors`, installed by `.ci/editors/install`).

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn grammar_path() -> PathBuf {
    root().join("editors/vscode/syntaxes/stride.tmLanguage.json")
}

fn includes<'a>(value: &'a Value, out: &mut Vec<&'a str>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                if key == "include"
                    && let Some(name) = v.as_str()
                {
                    out.push(name);
                }
                includes(v, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| includes(v, out)),
        _ => {}
    }
}

#[test]
fn grammar_is_valid_json_and_every_include_resolves() {
    let text = std::fs::read_to_string(grammar_path()).expect("grammar");
    let grammar: Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(grammar["scopeName"], "source.stride");
    let repository = grammar["repository"].as_object().expect("repository");
    let mut found = Vec::new();
    includes(&grammar, &mut found);
    assert!(!found.is_empty());
    for name in found {
        let key = name.strip_prefix('#').expect("a repository include");
        assert!(repository.contains_key(key), "unknown include {name}");
    }
    let manifest: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("editors/vscode/package.json")).expect("manifest"),
    )
    .expect("valid JSON");
    assert_eq!(
        manifest["contributes"]["grammars"][0]["path"],
        "./syntaxes/stride.tmLanguage.json"
    );
}

#[test]
fn vscode_textmate_scopes_every_token_of_the_examples() {
    if std::env::var_os("STRIDE_EXTERNAL").is_none_or(|v| v != "1") {
        eprintln!("skipped: set STRIDE_EXTERNAL=1 (after .ci/editors/install) to run");
        return;
    }
    let tools = root().join(".ci/editors");
    assert!(
        tools.join("node_modules/vscode-textmate").is_dir(),
        "run .ci/editors/install first"
    );
    let mut plans: Vec<PathBuf> = std::fs::read_dir(root().join("examples"))
        .expect("examples")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "stride"))
        .collect();
    plans.sort();
    assert!(plans.len() >= 2);
    let output = Command::new("node")
        .arg(tools.join("check.mjs"))
        .arg(grammar_path())
        .args(&plans)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains(" 0 unscoped or invalid"), "{stdout}");
}
