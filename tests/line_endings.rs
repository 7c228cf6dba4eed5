//! One plan written with `\n`, `\r\n` and lone `\r` line breaks: the
//! grammar reads all three as line breaks, so every place that prints a
//! line or column (the terminal, JSON, SARIF, Markdown and the language
//! server) must give the same numbers for all three.

use stride::lsp::Document;
use stride::render::{Style, human};
use stride::report::{CheckedFile, Format};

/// The half-marathon plan with a suppression naming no rule on line 7,
/// which the checker reports (`unknown-rule`) while the plan still builds.
fn plan(newline: &str) -> String {
    let text = include_str!("../examples/half-marathon.stride");
    let mut lines: Vec<&str> = text.lines().collect();
    lines.insert(6, "# stride: allow(no.such-rule)");
    lines.join(newline) + newline
}

/// What each consumer prints for `text`, with everything else the same.
struct Outputs {
    terminal: String,
    json: String,
    sarif: String,
    markdown: String,
    lsp: Vec<(u32, u32, u32, u32, String)>,
}

fn outputs(text: &str) -> Outputs {
    let analysis = stride::analyze(text, &stride::Options::default());
    let plan = analysis.plan.as_ref().expect("the plan compiles");
    let findings = stride::render::findings(&analysis.diagnostics, Some(text));
    let markdown = stride::emit::emit(
        plan,
        stride::emit::Format::Markdown,
        &stride::emit::Request {
            findings: &findings,
            ..Default::default()
        },
    );
    let files = [CheckedFile {
        name: "plan.stride".to_owned(),
        text: text.to_owned(),
        diagnostics: analysis.diagnostics.clone(),
    }];
    let uri = "file:///nowhere/plan.stride".parse().expect("a URI");
    let lsp = Document::new(uri, 1, text.to_owned())
        .lsp_diagnostics("")
        .into_iter()
        .map(|d| {
            let r = d.range;
            (
                r.start.line,
                r.start.character,
                r.end.line,
                r.end.character,
                d.message,
            )
        })
        .collect();
    Outputs {
        terminal: human(&analysis.diagnostics, "plan.stride", text, Style::PLAIN),
        json: Format::Json.render(&files).expect("JSON renders"),
        sarif: Format::Sarif.render(&files).expect("SARIF renders"),
        markdown,
        lsp,
    }
}

#[test]
fn every_consumer_counts_lines_alike_whatever_ends_them() {
    let expected = outputs(&plan("\n"));
    // The suppression's line, as each format writes it.
    let json: serde_json::Value = serde_json::from_str(&expected.json).expect("JSON");
    let unknown = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .find(|d| d["rule"] == "unknown-rule")
        .expect("the unknown rule is reported");
    assert_eq!(
        (unknown["line"].as_u64(), unknown["column"].as_u64()),
        (Some(7), Some(17))
    );
    assert!(
        expected.terminal.contains("[plan.stride:7:17]"),
        "{}",
        expected.terminal
    );
    assert!(
        expected.sarif.contains("\"startLine\": 7"),
        "{}",
        expected.sarif
    );
    assert!(
        expected.markdown.contains("`unknown-rule` (line 7)"),
        "{}",
        expected.markdown
    );
    assert!(
        expected
            .lsp
            .iter()
            .any(|d| (d.0, d.1) == (6, 16) && d.4.contains("no.such-rule")),
        "{:?}",
        expected.lsp
    );

    for (name, newline) in [("\\r\\n", "\r\n"), ("lone \\r", "\r")] {
        let got = outputs(&plan(newline));
        assert_eq!(got.terminal, expected.terminal, "terminal, {name}");
        assert_eq!(got.json, expected.json, "JSON, {name}");
        assert_eq!(got.sarif, expected.sarif, "SARIF, {name}");
        assert_eq!(got.markdown, expected.markdown, "Markdown, {name}");
        assert_eq!(got.lsp, expected.lsp, "LSP, {name}");
    }
}
