//! JUnit XML for CI dashboards: one test case per plan, one `<failure>`
//! per error; warnings and notes go to the test case's `<system-out>`.

use std::fmt::Write;

use super::concise::one_line;
use super::{CheckedFile, Summary, level};
use crate::diagnostic::Severity;
use crate::span::LineIndex;

pub fn render(files: &[CheckedFile]) -> String {
    let failing = files
        .iter()
        .filter(|f| f.diagnostics.iter().any(|d| d.severity == Severity::Error))
        .count();
    let summary = Summary::of(files);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let counts = format!(
        "tests=\"{}\" failures=\"{failing}\" errors=\"0\" skipped=\"0\"",
        files.len()
    );
    let _ = writeln!(out, "<testsuites name=\"stride\" {counts}>");
    let _ = writeln!(
        out,
        "  <testsuite name=\"stride check\" {counts}>\n    <properties>\n      <property name=\"summary\" value=\"{}\"/>\n    </properties>",
        escape(&summary.to_string())
    );
    for file in files {
        let index = LineIndex::new(&file.text);
        let name = escape(&file.name);
        let _ = write!(
            out,
            "    <testcase classname=\"stride\" name=\"{name}\" file=\"{name}\""
        );
        if file.diagnostics.is_empty() {
            out.push_str("/>\n");
            continue;
        }
        out.push_str(">\n");
        let mut other = String::new();
        for d in &file.diagnostics {
            let at = match index.locate(&file.text, d) {
                Some(at) => format!("{}:{}:{}", file.name, at.line, at.column),
                None => file.name.clone(),
            };
            let line = format!(
                "{at}: {}[{}] {}",
                level(d.severity),
                d.code,
                one_line(&d.message)
            );
            if d.severity == Severity::Error {
                let mut body = line;
                if let Some(help) = &d.help {
                    body.push_str("\nhelp: ");
                    body.push_str(help);
                }
                let _ = writeln!(
                    out,
                    "      <failure type=\"{}\" message=\"{}\">{}</failure>",
                    escape(&d.code),
                    escape(&one_line(&d.message)),
                    content(&body)
                );
            } else {
                other.push_str(&line);
                other.push('\n');
            }
        }
        if !other.is_empty() {
            let _ = writeln!(out, "      <system-out>{}</system-out>", content(&other));
        }
        out.push_str("    </testcase>\n");
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

/// Escapes element content, where line breaks stay as they are.
fn content(text: &str) -> String {
    escape(text).replace("&#10;", "\n")
}

/// Escapes text for XML attribute values (and content); drops the control
/// characters XML 1.0 cannot hold at all.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\t' | '\r' => out.push(c),
            c if (c as u32) < 0x20 => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup_and_control_characters() {
        assert_eq!(
            super::escape("a<b & \"c\"\u{1}\n"),
            "a&lt;b &amp; &quot;c&quot;&#10;"
        );
    }
}
