//! Every fixture of bad input in `tests/fixtures/errors/` is compiled and its
//! fully rendered diagnostics compared with a snapshot.

use std::path::Path;

use stride::render::{Style, human};

fn fixtures() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/errors");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("fixture directory")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "stride"))
        .map(|path| {
            let name = path
                .file_stem()
                .expect("stem")
                .to_string_lossy()
                .into_owned();
            let text = std::fs::read_to_string(&path).expect("fixture text");
            (name, text)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn there_are_at_least_forty_fixtures() {
    assert!(fixtures().len() >= 40, "only {} fixtures", fixtures().len());
}

#[test]
fn every_fixture_renders_as_in_its_snapshot() {
    for (name, text) in fixtures() {
        let compiled = stride::compile(&text);
        assert!(
            compiled.has_errors(),
            "fixture {name} was meant to fail but compiled cleanly"
        );
        let rendered = human(
            &compiled.diagnostics,
            &format!("{name}.stride"),
            &text,
            Style::PLAIN,
        );
        insta::assert_snapshot!(name, rendered);
    }
}

#[test]
fn every_span_lies_inside_its_source_on_char_boundaries() {
    for (name, text) in fixtures() {
        let compiled = stride::compile(&text);
        for diagnostic in &compiled.diagnostics {
            for label in &diagnostic.labels {
                let span = label.span;
                assert!(span.start <= span.end, "{name}: {diagnostic:?}");
                assert!(
                    span.end <= text.len(),
                    "{name}: span past the end: {diagnostic:?}"
                );
                assert!(text.is_char_boundary(span.start), "{name}: {diagnostic:?}");
                assert!(text.is_char_boundary(span.end), "{name}: {diagnostic:?}");
            }
        }
    }
}

#[test]
fn syntax_errors_never_name_grammar_rules() {
    for (name, text) in fixtures() {
        let compiled = stride::compile(&text);
        for d in &compiled.diagnostics {
            let all = format!("{} {:?} {:?}", d.message, d.help, d.labels);
            for internal in [
                "_stmt", "_line", "_item", "kw_", "EOI", "SOI", "bad_", "Rule::",
            ] {
                assert!(!all.contains(internal), "{name}: `{internal}` in {all}");
            }
        }
    }
}
