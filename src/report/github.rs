//! GitHub Actions workflow commands: each diagnostic becomes an annotation
//! on the pull request's diff.
//!
//! GitHub shows at most ten annotations of each level per step (and fifty
//! per job); every command is still printed, so the log has them all, and a
//! closing notice says that more exist than the diff shows.

use std::fmt::Write;

use super::{CheckedFile, Summary};
use crate::diagnostic::Severity;
use crate::span::LineIndex;

/// Annotations of one level GitHub shows per step.
pub const SHOWN_PER_LEVEL: usize = 10;

pub fn render(files: &[CheckedFile]) -> String {
    let mut out = String::new();
    for file in files {
        let index = LineIndex::new(&file.text);
        for d in &file.diagnostics {
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Advice => "notice",
            };
            let mut properties = format!("file={}", property(&file.name));
            if let Some(at) = index.locate(&file.text, d) {
                let _ = write!(
                    properties,
                    ",line={},col={},endLine={},endColumn={}",
                    at.line, at.column, at.end_line, at.end_column
                );
            }
            let _ = write!(
                properties,
                ",title={}",
                property(&format!("stride ({})", d.code))
            );
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                message.push_str("\nhelp: ");
                message.push_str(help);
            }
            let _ = writeln!(out, "::{command} {properties}::{}", data(&message));
        }
    }
    let s = Summary::of(files);
    if s.errors > SHOWN_PER_LEVEL || s.warnings > SHOWN_PER_LEVEL || s.infos > SHOWN_PER_LEVEL {
        let _ = writeln!(
            out,
            "::notice title=stride::{}",
            data(&format!(
                "{s}: more than GitHub shows as annotations ({SHOWN_PER_LEVEL} of each level per step). \
The log above lists every one; `stride check --format concise` prints them one per line."
            ))
        );
    }
    out
}

/// Escapes a command's message.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value, which also may not hold `:` or `,`.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes() {
        assert_eq!(super::data("50% a\nb"), "50%25 a%0Ab");
        assert_eq!(super::property("a,b:c"), "a%2Cb%3Ac");
    }
}
