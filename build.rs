//! Two jobs at build time: compiles the embedded data files
//! (`rules/*.yaml`) into the binary, and lists the rule files in
//! `src/check/rules/` so that a new rule needs no registration.
//!
//! ## The data files
//!
//! Every run of `stride` needs the exercise catalogue and the rule registry.
//! Parsing ~170 KB of YAML took about 6 ms per process, more than checking
//! a plan; as JSON it still cost ~7 M instructions, most of a small check.
//! So the catalogue (`build/catalogue.rs`) and the rules (`build/registry.rs`)
//! become Rust code that builds them directly; only the small profile file
//! is embedded as JSON. The YAML stays the source of truth: this script
//! only changes its syntax, the library still validates the rules as it
//! loads them, and `cargo test` also loads the YAML itself and compares.

//!
//! ## The rule files
//!
//! Every `src/check/rules/*.rs` (but `mod.rs` and `tests.rs`) is a module of
//! `check::rules`; a module with a `pub fn check` is a rule, named by its
//! first line, ``//! `category.name`: ...``, the file being that name with
//! `_` for `.` and `-`. The script writes the `mod` items and the `ALL`
//! table to `$OUT_DIR/rules.rs`, which `check/rules/mod.rs` includes. A
//! rule file with a `pub struct Params` gets its parameters read into it
//! (see `check/rules/mod.rs`).
//! (rustfmt does not see modules declared there: a test in
//! `check/rules/tests.rs` runs it over the rule files.)

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

#[path = "build/catalogue.rs"]
mod catalogue;
#[path = "build/registry.rs"]
mod registry;

fn main() {
    let out = env::var_os("OUT_DIR").map(PathBuf::from);
    let Some(out) = out else {
        eprintln!("error: cargo did not set OUT_DIR");
        std::process::exit(1);
    };
    data_files(&out);
    catalogue_code(&out);
    registry_code(&out);
    rule_modules(&out);
}

/// The rule files (every `rules/*.yaml` but the catalogue and the
/// profiles) to `$OUT_DIR/registry.rs` (see `build/registry.rs`).
fn registry_code(out: &Path) {
    let rules = Path::new("rules");
    let mut files: Vec<(String, String)> = Vec::new();
    let entries = fs::read_dir(rules).unwrap_or_else(|e| fail(&format!("cannot read rules/: {e}")));
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".yaml") || name == "exercises.yaml" || name == "profiles.yaml" {
            continue;
        }
        let text = fs::read_to_string(entry.path())
            .unwrap_or_else(|e| fail(&format!("cannot read rules/{name}: {e}")));
        files.push((name, text));
    }
    files.sort();
    let code = registry::generate(&files).unwrap_or_else(|e| fail(&format!("rules/{e}")));
    let target = out.join("registry.rs");
    fs::write(&target, code)
        .unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", target.display())));
}

/// `rules/exercises.yaml` to `$OUT_DIR/catalogue.rs` (see `build/catalogue.rs`).
fn catalogue_code(out: &Path) {
    println!("cargo::rerun-if-changed=build");
    let path = Path::new("rules/exercises.yaml");
    let text = fs::read_to_string(path)
        .unwrap_or_else(|e| fail(&format!("cannot read {}: {e}", path.display())));
    let code =
        catalogue::generate(&text).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
    let target = out.join("catalogue.rs");
    fs::write(&target, code)
        .unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", target.display())));
}

/// `rules/profiles.yaml` to `$OUT_DIR/profiles.json`.
fn data_files(out: &Path) {
    let rules = Path::new("rules");
    println!("cargo::rerun-if-changed=rules");
    let mut names: Vec<_> = match fs::read_dir(rules) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n == "profiles.yaml")
            .collect(),
        Err(e) => fail(&format!("cannot read rules/: {e}")),
    };
    names.sort();
    for name in names {
        let path = rules.join(&name);
        println!("cargo::rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path)
            .unwrap_or_else(|e| fail(&format!("cannot read {}: {e}", path.display())));
        let value: serde_yaml::Value = serde_yaml::from_str(&text)
            .unwrap_or_else(|e| fail(&format!("{} is not valid YAML: {e}", path.display())));
        let json = serde_json::to_string(&value)
            .unwrap_or_else(|e| fail(&format!("{} has no JSON equivalent: {e}", path.display())));
        let target = out.join(name.replace(".yaml", ".json"));
        fs::write(&target, json)
            .unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", target.display())));
    }
}

/// The `mod` items and the `ALL` table of `check::rules`, as
/// `$OUT_DIR/rules.rs`.
fn rule_modules(out: &Path) {
    let dir = Path::new("src/check/rules");
    println!("cargo::rerun-if-changed={}", dir.display());
    let manifest = env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from);
    let Some(manifest) = manifest else {
        fail("cargo did not set CARGO_MANIFEST_DIR");
    };
    let mut files: Vec<String> = match fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".rs") && n != "mod.rs" && n != "tests.rs")
            .collect(),
        Err(e) => fail(&format!("cannot read {}: {e}", dir.display())),
    };
    files.sort();
    let mut mods = String::new();
    let mut table = String::new();
    for file in &files {
        let path = dir.join(file);
        println!("cargo::rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path)
            .unwrap_or_else(|e| fail(&format!("cannot read {}: {e}", path.display())));
        let module = file.trim_end_matches(".rs");
        let absolute = manifest.join(&path);
        let _ = writeln!(
            mods,
            "#[path = {:?}]\nmod {module};",
            absolute.display().to_string()
        );
        if !text.lines().any(|l| l.starts_with("pub fn check(")) {
            continue;
        }
        let name = text
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("//! `"))
            .and_then(|l| l.split_once('`'))
            .map(|(name, _)| name)
            .filter(|name| name.replace(['.', '-'], "_") == module)
            .unwrap_or_else(|| {
                fail(&format!(
                    "{} has a `pub fn check` but its first line is not ``//! `{}`: ...``",
                    path.display(),
                    module.replacen('_', ".", 1).replace('_', "-")
                ))
            });
        let typed = text.lines().any(|l| l.starts_with("pub struct Params"));
        let (run, params) = if typed {
            (
                format!("|c, o| run_typed(c, o, {module}::check)"),
                format!("decode::<{module}::Params>"),
            )
        } else {
            (
                format!(
                    "|c, o| {{\n            {module}::check(c, o);\n            Ok(())\n        }}"
                ),
                "decode::<NoParams>".to_string(),
            )
        };
        let _ = writeln!(
            table,
            "    Rule {{\n        name: {name:?},\n        run: {run},\n        params: {params},\n    }},"
        );
    }
    let code = format!(
        "// Written by build.rs from the files in src/check/rules/.\n\n{mods}\n\
         /// Every rule with its code, by name, in the order of their files.\n\
         pub(crate) const ALL: &[Rule] = &[\n{table}];\n"
    );
    let target = out.join("rules.rs");
    fs::write(&target, code)
        .unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", target.display())));
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1);
}
