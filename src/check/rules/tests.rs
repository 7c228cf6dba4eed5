use super::ALL;
use crate::check::registry::Registry;
use crate::check::suppress::UNUSED;

#[test]
fn every_rule_has_code_and_documentation() {
    let registry = Registry::builtin();
    for (name, _) in ALL {
        assert!(
            registry.get(name).is_some(),
            "`{name}` has no entry in rules/*.yaml"
        );
    }
    for doc in registry.rules() {
        let coded = ALL.iter().any(|(n, _)| *n == doc.name) || doc.name == UNUSED;
        assert!(coded, "`{}` is documented but has no code", doc.name);
    }
}

#[test]
fn every_parameter_a_rule_reads_is_documented() {
    // Each rule file reads its parameters by name; list them here from the
    // sources so that a typo in either place fails.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/check/rules");
    let registry = Registry::builtin();
    for (name, _) in ALL {
        let file = dir.join(format!("{}.rs", name.replace(['.', '-'], "_")));
        let text =
            std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let doc = registry.get(name).unwrap();
        for getter in ["number(\"", "seconds(\"", "word(\""] {
            for (i, _) in text.match_indices(getter) {
                let rest = &text[i + getter.len()..];
                let param = &rest[..rest.find('"').unwrap()];
                assert!(
                    doc.param(param).is_some(),
                    "`{name}` reads undocumented parameter `{param}`"
                );
            }
        }
    }
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
