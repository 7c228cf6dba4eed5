//! `path:line:col: level[rule] message`, one line per diagnostic: the
//! shape editors' problem matchers (and `grep`) read.

use std::fmt::Write;

use super::{CheckedFile, level};
use crate::span::LineIndex;

pub fn render(files: &[CheckedFile]) -> String {
    let mut out = String::new();
    for file in files {
        let index = LineIndex::new(&file.text);
        for d in &file.diagnostics {
            let message = one_line(&d.message);
            let level = level(d.severity);
            // Writing into a String cannot fail.
            let _ = match index.locate(&file.text, d) {
                Some(at) => writeln!(
                    out,
                    "{}:{}:{}: {level}[{}] {message}",
                    file.name, at.line, at.column, d.code
                ),
                None => writeln!(out, "{}: {level}[{}] {message}", file.name, d.code),
            };
        }
    }
    out
}

/// Messages are one line already; this keeps a stray newline from
/// splitting a record.
pub(crate) fn one_line(text: &str) -> String {
    text.replace(['\r', '\n'], " ")
}
