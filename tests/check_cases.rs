//! The checker's cases from issue 12 and the rules' boundaries: each plan
//! under `tests/fixtures/cases/` says in its first comment lines what it
//! must draw (`# expect RULE SEVERITY "text"...`: a finding of RULE at that
//! severity whose rendering contains every text) and what it must not
//! (`# quiet RULE`).

use std::path::Path;

use stride::diagnostic::Severity;
use stride::render::{Style, human};

fn cases() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cases");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "stride"))
        .map(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
            let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{e}"));
            (name.unwrap_or_default(), text)
        })
        .collect();
    out.sort();
    out
}

/// The quoted texts of an expectation line.
fn quoted(line: &str) -> Vec<String> {
    line.split('"')
        .skip(1)
        .step_by(2)
        .map(|s| s.replace("\\\"", "\""))
        .collect()
}

#[test]
fn every_case_draws_what_it_says() {
    let all = cases();
    assert!(all.len() >= 20, "{} cases", all.len());
    let mut failures = Vec::new();
    for (name, source) in &all {
        let analysis = stride::analyze(source, &stride::Options::default());
        assert!(
            analysis.plan.is_some(),
            "{name} does not compile:\n{}",
            human(&analysis.diagnostics, name, source, Style::PLAIN)
        );
        let mut expectations = 0;
        for line in source.lines().take_while(|l| l.starts_with('#')) {
            let words: Vec<&str> = line.trim_start_matches('#').split_whitespace().collect();
            match words.as_slice() {
                ["quiet", rule, ..] => {
                    expectations += 1;
                    let found: Vec<_> = analysis
                        .diagnostics
                        .iter()
                        .filter(|d| d.code == *rule)
                        .cloned()
                        .collect();
                    if !found.is_empty() {
                        failures.push(format!(
                            "{name}: {rule} should be quiet, but draws:\n{}",
                            human(&found, name, source, Style::PLAIN)
                        ));
                    }
                }
                ["expect", rule, severity, ..] => {
                    expectations += 1;
                    let severity = match *severity {
                        "error" => Severity::Error,
                        "warning" => Severity::Warning,
                        _ => Severity::Advice,
                    };
                    let texts = quoted(line.replace("\\\"", "\u{1}").as_str())
                        .into_iter()
                        .map(|t| t.replace('\u{1}', "\""))
                        .collect::<Vec<_>>();
                    let hit = analysis.diagnostics.iter().any(|d| {
                        d.code == *rule && d.severity == severity && {
                            let text = human(std::slice::from_ref(d), name, source, Style::PLAIN);
                            texts.iter().all(|t| text.contains(t.as_str()))
                        }
                    });
                    if !hit {
                        failures.push(format!(
                            "{name}: no {rule} {severity:?} containing {texts:?}; it draws:\n{}",
                            human(&analysis.diagnostics, name, source, Style::PLAIN)
                        ));
                    }
                }
                _ => {}
            }
        }
        assert!(expectations > 0, "{name} says nothing to expect");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
