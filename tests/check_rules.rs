//! One fixture that fires each rule and one that does not, under
//! `tests/fixtures/rules/RULE/`, with the rule's rendered diagnostics
//! snapshotted.

use std::path::Path;

use stride::check::Registry;
use stride::render::{Style, human};

fn fixtures() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules")
}

/// The rule's diagnostics for one fixture, rendered.
fn render(rule: &str, kind: &str) -> (usize, String) {
    let name = format!("{rule}/{kind}.stride");
    let path = fixtures().join(&name);
    let source =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let analysis = stride::analyze(&source, &stride::Options::default());
    assert!(
        analysis.plan.is_some(),
        "{name} does not compile:\n{}",
        human(&analysis.diagnostics, &name, &source, Style::PLAIN)
    );
    let diags: Vec<_> = analysis
        .diagnostics
        .into_iter()
        .filter(|d| d.code == rule)
        .collect();
    (diags.len(), human(&diags, &name, &source, Style::PLAIN))
}

#[test]
fn every_rule_has_fixtures() {
    for rule in Registry::builtin().rules() {
        for kind in ["fires", "passes"] {
            let path = fixtures().join(&rule.name).join(format!("{kind}.stride"));
            assert!(path.is_file(), "missing fixture {}", path.display());
        }
    }
}

#[test]
fn fixtures_fire_or_pass() {
    for rule in Registry::builtin().rules() {
        let (fired, rendered) = render(&rule.name, "fires");
        assert!(fired > 0, "{}/fires.stride does not fire it", rule.name);
        insta::assert_snapshot!(format!("{}__fires", rule.name), rendered);
        let (fired, rendered) = render(&rule.name, "passes");
        assert_eq!(
            fired, 0,
            "{}/passes.stride fires it:\n{rendered}",
            rule.name
        );
    }
}

/// Every fixture with one line removed: whatever compiles is checked, and
/// the checker never panics.
#[test]
fn the_checker_survives_every_one_line_edit() {
    let mut checked = 0;
    for rule in Registry::builtin().rules() {
        for kind in ["fires", "passes"] {
            let path = fixtures().join(&rule.name).join(format!("{kind}.stride"));
            let source = std::fs::read_to_string(&path).unwrap();
            let lines: Vec<&str> = source.lines().collect();
            for skip in 0..lines.len() {
                let edited: Vec<&str> = lines
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i != skip)
                    .map(|(_, l)| *l)
                    .collect();
                let analysis = stride::analyze(&edited.join("\n"), &stride::Options::default());
                if analysis.plan.is_some() {
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 100, "only {checked} variants compiled");
}
