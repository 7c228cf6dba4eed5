//! Every rule's examples from `rules/*.yaml`: the bad one fires the rule,
//! the good one does not.

use stride::check::Registry;
use stride::render::{Style, human};

fn run(name: &str, kind: &str, source: &str) -> Vec<stride::diagnostic::Diagnostic> {
    let analysis = stride::analyze(source, &stride::Options::default());
    assert!(
        analysis.plan.is_some(),
        "the {kind} example of `{name}` does not compile:\n{}",
        human(&analysis.diagnostics, kind, source, Style::PLAIN)
    );
    analysis.diagnostics
}

#[test]
fn bad_examples_fire_and_good_ones_do_not() {
    let mut failures = Vec::new();
    for rule in Registry::builtin().rules() {
        let bad = run(&rule.name, "bad", &rule.examples.bad);
        if !bad.iter().any(|d| d.code == rule.name) {
            failures.push(format!(
                "`{}`: the bad example does not fire it; it draws:\n{}",
                rule.name,
                human(&bad, "bad", &rule.examples.bad, Style::PLAIN)
            ));
        }
        let good = run(&rule.name, "good", &rule.examples.good);
        if good.iter().any(|d| d.code == rule.name) {
            failures.push(format!(
                "`{}`: the good example fires it:\n{}",
                rule.name,
                human(&good, "good", &rule.examples.good, Style::PLAIN)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
