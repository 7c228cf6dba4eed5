//! The reference plans (copies of ../shared/lang/ in examples/) check with
//! no errors; what they still draw is snapshotted, and each finding is one
//! we defend to a coach.

use stride::diagnostic::{self, Severity};
use stride::render::{Style, human};

fn check_example(name: &str) -> (Vec<diagnostic::Diagnostic>, String) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(format!("{name}.stride"));
    let source =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let diags = stride::analyze(&source, &stride::Options::default()).diagnostics;
    let rendered = human(&diags, &format!("{name}.stride"), &source, Style::PLAIN);
    (diags, rendered)
}

#[test]
fn first_block_checks_clean() {
    let (diags, rendered) = check_example("first-block");
    assert!(
        !diags.iter().any(|d| d.severity == Severity::Error),
        "{rendered}"
    );
    insta::assert_snapshot!("reference__first-block", rendered);
}

/// The taper note, and the trap-bar deadlift's 4x4 progressed to 110 kg,
/// 91.7% of the declared 120 kg max in week 12: about a 3RM, more than four
/// reps allow by the RPE chart (89%).
#[test]
fn half_marathon_draws_the_taper_note_and_the_deadlift_past_the_chart() {
    let (diags, rendered) = check_example("half-marathon");
    assert!(
        !diags.iter().any(|d| d.severity == Severity::Error),
        "{rendered}"
    );
    let codes: Vec<&str> = diags.iter().map(|d| d.code.as_ref()).collect();
    assert_eq!(
        codes,
        ["taper.strength-volume", "load.above-max"],
        "{rendered}"
    );
    insta::assert_snapshot!("reference__half-marathon", rendered);
}
