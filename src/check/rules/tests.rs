use super::{ALL, Rule};
use crate::check::registry::Registry;
use crate::check::suppress::UNUSED;

#[test]
fn every_rule_has_code_and_documentation() {
    let registry = Registry::builtin();
    for Rule { name, .. } in ALL {
        assert!(
            registry.get(name).is_some(),
            "`{name}` has no entry in rules/*.yaml"
        );
    }
    for doc in registry.rules() {
        let coded = ALL.iter().any(|r| r.name == doc.name) || doc.name == UNUSED;
        assert!(coded, "`{}` is documented but has no code", doc.name);
    }
}

/// `rules/deload.yaml` with `edit` applied, loaded with the profiles.
fn load_deload(edit: impl Fn(&str) -> String) -> Result<Registry, String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    let deload = edit(&read("deload.yaml"));
    assert_ne!(deload, read("deload.yaml"), "the edit changed nothing");
    // Profiles name parameters of other rules: load without them.
    Registry::load(&[("deload.yaml", &deload)], ("profiles.yaml", "[]")).map_err(|e| e.to_string())
}

#[test]
fn the_yaml_and_each_rules_params_type_agree() {
    // Every rule's defaults and allowed words read into its type (the
    // registry checks it on load; the built-in one is loaded here).
    let registry = Registry::builtin();
    for rule in ALL {
        let doc = registry.get(rule.name).unwrap();
        crate::check::registry::validate_typed(doc).unwrap_or_else(|e| panic!("{e}"));
    }
    assert!(load_deload(|t| t.replace("More than 5", "Over 5")).is_ok());
}

#[test]
fn a_misspelt_parameter_fails_naming_rule_parameter_and_file() {
    let err = load_deload(|t| t.replace("name: min-interval", "name: min-intervall")).unwrap_err();
    assert_eq!(
        err,
        "rules/deload.yaml: rule `deload.interval`: parameter `min-intervall` is declared but \
         the rule's code does not read it (it reads `max-interval`, `min-interval`)"
    );
}

#[test]
fn a_missing_parameter_fails_naming_rule_parameter_and_file() {
    // Drop the `min-interval` entry, the last parameter: its lines up to
    // `rationale`.
    let err = load_deload(|t| {
        let start = t.find("    - name: min-interval").unwrap();
        let end = start + t[start..].find("  rationale:").unwrap();
        format!("{}{}", &t[..start], &t[end..])
    })
    .unwrap_err();
    assert_eq!(
        err,
        "rules/deload.yaml: rule `deload.interval`: the rule's code reads parameter \
         `min-interval`, which its entry does not declare"
    );
}

#[test]
fn a_parameter_of_another_kind_fails() {
    let err = load_deload(|t| {
        t.replacen(
            "kind: number\n      default: 4",
            "kind: duration\n      default: 4h",
            1,
        )
    })
    .unwrap_err();
    assert_eq!(
        err,
        "rules/deload.yaml: rule `deload.interval`: parameter `min-interval`: it is a duration \
         parameter, so its field must be `Seconds`, not a plain number or text"
    );
}

/// `cargo fmt` does not see the rule files, which `build.rs` declares as
/// modules: run rustfmt over them here, so that an unformatted rule fails.
#[test]
fn rule_files_are_formatted() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/check/rules");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    let rustfmt = std::env::var_os("RUSTFMT").unwrap_or_else(|| "rustfmt".into());
    let out = std::process::Command::new(&rustfmt)
        .args(["--check", "--edition", "2024"])
        .args(&files)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", rustfmt.to_string_lossy()));
    assert!(
        out.status.success(),
        "run `rustfmt --edition 2024 src/check/rules/*.rs`:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
