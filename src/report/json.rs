//! A JSON document for scripts, documented in `docs/ci.md`:
//!
//! ```json
//! {"version": 1, "diagnostics": [{"rule": "...", "level": "warning", "file": "...",
//!   "line": 3, "column": 5, "end_line": 3, "end_column": 14, "message": "...",
//!   "help": "...", "weeks": [1, 2]}],
//!  "summary": {"errors": 0, "warnings": 1, "infos": 0, "files": 1}}
//! ```
//!
//! Lines and columns are 1-based and count characters; they are `null` for
//! a diagnostic about the whole file. The end is exclusive.

use serde::Serialize;

use super::{CheckedFile, Summary, level};
use crate::span::LineIndex;

/// The version of this document's shape; it changes only when a field
/// changes meaning or goes away.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    diagnostics: Vec<Entry<'a>>,
    summary: SummaryJson,
}

#[derive(Serialize)]
struct Entry<'a> {
    rule: &'a str,
    level: &'static str,
    file: &'a str,
    line: Option<usize>,
    column: Option<usize>,
    end_line: Option<usize>,
    end_column: Option<usize>,
    message: &'a str,
    help: Option<&'a str>,
    weeks: &'a [u32],
}

#[derive(Serialize)]
struct SummaryJson {
    errors: usize,
    warnings: usize,
    infos: usize,
    files: usize,
}

pub fn render(files: &[CheckedFile]) -> String {
    let mut diagnostics = Vec::new();
    for file in files {
        let index = LineIndex::new(&file.text);
        for d in &file.diagnostics {
            let at = index.locate(&file.text, d);
            diagnostics.push(Entry {
                rule: &d.code,
                level: level(d.severity),
                file: &file.name,
                line: at.map(|a| a.line),
                column: at.map(|a| a.column),
                end_line: at.map(|a| a.end_line),
                end_column: at.map(|a| a.end_column),
                message: &d.message,
                help: d.help.as_deref(),
                weeks: &d.weeks,
            });
        }
    }
    let s = Summary::of(files);
    let document = Document {
        version: VERSION,
        diagnostics,
        summary: SummaryJson {
            errors: s.errors,
            warnings: s.warnings,
            infos: s.infos,
            files: s.files,
        },
    };
    // Room for the whole report at once, so that the buffer does not
    // double (and copy) as it grows: each entry's texts plus its keys,
    // indentation and numbers.
    let estimate: usize = document
        .diagnostics
        .iter()
        .map(|e| {
            e.rule.len()
                + e.file.len()
                + e.message.len()
                + e.help.map_or(0, str::len)
                + 12 * e.weeks.len()
                + 320
        })
        .sum::<usize>()
        + 256;
    let mut out = Vec::with_capacity(estimate);
    // Plain structs of strings and numbers always serialize.
    if serde_json::to_writer_pretty(&mut out, &document).is_err() {
        out.clear();
    }
    out.push(b'\n');
    String::from_utf8(out).unwrap_or_default()
}
