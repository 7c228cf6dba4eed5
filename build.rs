//! Converts the embedded data files (`rules/*.yaml`) to JSON at build time.
//!
//! Every run of `stride` needs the exercise catalogue and the rule registry.
//! Parsing ~130 KB of YAML took about 6 ms per process, more than checking
//! a plan; the same data as JSON reads in a tenth of that. The YAML stays
//! the source of truth: this script only changes its syntax, and the
//! library still validates what it reads (`cargo test` also loads the YAML
//! itself and compares).

use std::path::Path;
use std::{env, fs};

fn main() {
    let rules = Path::new("rules");
    println!("cargo::rerun-if-changed=rules");
    let out = env::var_os("OUT_DIR").map(std::path::PathBuf::from);
    let Some(out) = out else {
        eprintln!("error: cargo did not set OUT_DIR");
        std::process::exit(1);
    };
    let mut names: Vec<_> = match fs::read_dir(rules) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".yaml"))
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

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1);
}
