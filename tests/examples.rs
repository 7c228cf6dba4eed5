//! Every plan in `examples/` is in `stride fmt`'s canonical layout (CI
//! also runs `stride fmt --check examples/`) and checks without errors.

use std::path::PathBuf;

use stride::diagnostic::Severity;
use stride::render::{Style, human};

fn examples() -> Vec<(PathBuf, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut plans: Vec<(PathBuf, String)> = std::fs::read_dir(&dir)
        .expect("examples/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "stride"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("example text");
            (p, text)
        })
        .collect();
    plans.sort();
    plans
}

#[test]
fn there_is_an_example_per_published_style() {
    let names: Vec<String> = examples()
        .iter()
        .filter_map(|(p, _)| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    for name in [
        "first-block",
        "half-marathon",
        "upper-lower",
        "masters-runner",
        "dumbbell-circuit",
    ] {
        assert!(names.iter().any(|n| n == name), "no examples/{name}.stride");
    }
}

#[test]
fn every_example_is_formatted() {
    for (path, text) in examples() {
        let formatted = stride::fmt::format(&text)
            .unwrap_or_else(|_| panic!("{} has syntax errors", path.display()));
        assert!(
            formatted == text,
            "{} is not in the canonical layout: run `stride fmt examples/`",
            path.display()
        );
    }
}

#[test]
fn every_example_checks_without_errors() {
    for (path, text) in examples() {
        let diags = stride::analyze(&text, &stride::Options::default()).diagnostics;
        let name = path.display().to_string();
        assert!(
            !diags.iter().any(|d| d.severity == Severity::Error),
            "{}",
            human(&diags, &name, &text, Style::PLAIN)
        );
    }
}

/// The published styles show the version 2 constructs they need.
#[test]
fn the_examples_use_the_constructs_of_their_style() {
    let plan = |name: &str| {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples")
            .join(format!("{name}.stride"));
        let compiled = stride::compile(&std::fs::read_to_string(path).expect("example"));
        compiled.plan.expect("the example compiles")
    };
    let sessions = |plan: &stride::plan::Plan, name: &str| {
        plan.sessions()
            .find(|s| s.name == name)
            .unwrap_or_else(|| panic!("no session {name}"))
            .clone()
    };

    let upper_lower = plan("upper-lower");
    let upper = sessions(&upper_lower, "Upper 1");
    assert_eq!(upper.groups.len(), 1);
    assert_eq!(upper.groups[0].kind, stride::plan::GroupKind::Superset);
    assert_eq!(upper.alternatives.len(), 1);

    let circuit = plan("dumbbell-circuit");
    let main = sessions(&circuit, "Circuit");
    assert!(matches!(
        main.groups[0].kind,
        stride::plan::GroupKind::Circuit {
            rounds: 2,
            work_s: Some(40),
            between_s: Some(20)
        }
    ));
    assert_eq!(main.exercises.len(), 9);
    assert!(sessions(&circuit, "Extra circuit").optional);
    assert!(sessions(&circuit, "Mobility").mobility);

    let masters = plan("masters-runner");
    assert_eq!(masters.athlete.age, Some(52));
    assert!(sessions(&masters, "Mobility").mobility);
}
