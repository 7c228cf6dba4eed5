//! Every ```stride block of `docs/language.md` is a whole plan: it compiles
//! without errors and is already as `stride fmt` writes it, so the language
//! reference cannot drift from the language.

use std::path::Path;

/// The ```stride blocks of `text`, with the line each starts on.
fn stride_blocks(text: &str) -> Vec<(usize, String)> {
    let mut blocks = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (n, line) in text.lines().enumerate() {
        match (&mut current, line.trim_end()) {
            (None, "```stride") => current = Some((n + 2, String::new())),
            (Some(_), "```") => blocks.extend(current.take()),
            (Some((_, body)), _) => {
                body.push_str(line);
                body.push('\n');
            }
            (None, _) => {}
        }
    }
    assert!(current.is_none(), "a ```stride block is never closed");
    blocks
}

fn language_md() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/language.md");
    std::fs::read_to_string(path).expect("docs/language.md is readable")
}

#[test]
fn every_stride_example_compiles_without_errors() {
    let blocks = stride_blocks(&language_md());
    // The opening example and one per version 2 construct group.
    assert!(blocks.len() >= 7, "only {} stride blocks", blocks.len());
    for (line, source) in &blocks {
        let compiled = stride::compile(source);
        let errors: Vec<String> = compiled
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.message.clone())
            .collect();
        assert!(
            errors.is_empty(),
            "docs/language.md:{line}: the example has errors: {errors:#?}\n{source}"
        );
        assert!(compiled.plan.is_some(), "docs/language.md:{line}: no plan");
    }
}

#[test]
fn every_stride_example_is_formatted() {
    for (line, source) in stride_blocks(&language_md()) {
        let formatted = stride::fmt::format(&source)
            .unwrap_or_else(|d| panic!("docs/language.md:{line}: cannot format: {d:#?}"));
        assert_eq!(
            formatted, source,
            "docs/language.md:{line}: `stride fmt` would rewrite this example"
        );
    }
}

#[test]
fn the_extractor_finds_only_stride_blocks() {
    let text = "a\n```stride\nplan \"A\"\n```\n```\nnot stride\n```\n```stride\nplan \"B\"\n```\n";
    assert_eq!(
        stride_blocks(text),
        vec![
            (3, "plan \"A\"\n".to_string()),
            (9, "plan \"B\"\n".to_string())
        ]
    );
}
