//! From byte spans to the 1-based lines and columns line-oriented formats
//! print. Columns count characters (Unicode scalar values), as SARIF's
//! `unicodeCodePoints` column kind and most editors do.
//!
//! A [`LineIndex`] is built once per file, so a file with thousands of
//! findings costs a binary search per position, not a scan from the start.

use crate::diagnostic::Diagnostic;
use crate::span::{Span, floor_char_boundary};

/// The start offset of every line of one text.
#[derive(Debug, Clone)]
pub struct LineIndex<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

/// A 1-based range: where a diagnostic's primary label starts and ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

impl<'t> LineIndex<'t> {
    pub fn new(text: &'t str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { text, starts }
    }

    /// 1-based line and character column of a byte offset (clamped into
    /// the text and onto a character boundary).
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(self.text, offset);
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let column = self.text[start..offset].chars().count() + 1;
        (line, column)
    }

    /// The range of `span`; an empty span is one character wide so that
    /// every consumer has something to underline.
    pub fn span(&self, span: Span) -> Location {
        let (line, column) = self.line_col(span.start);
        let (end_line, end_column) = if span.end > span.start {
            self.line_col(span.end)
        } else {
            (line, column + 1)
        };
        Location {
            line,
            column,
            end_line,
            end_column,
        }
    }

    /// Where a diagnostic points, if it points anywhere.
    pub fn locate(&self, diagnostic: &Diagnostic) -> Option<Location> {
        diagnostic.primary_span().map(|s| self.span(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_line_col_everywhere() {
        let text = "plan \"Café\"\n\nstart 2027-01-04\r\n  séance ✓\nlast";
        let index = LineIndex::new(text);
        for offset in 0..=text.len() + 2 {
            assert_eq!(
                index.line_col(offset),
                crate::span::line_col(text, offset),
                "offset {offset}"
            );
        }
    }

    #[test]
    fn empty_spans_are_one_character_wide() {
        let index = LineIndex::new("ab\ncd");
        assert_eq!(
            index.span(Span::point(4)),
            Location {
                line: 2,
                column: 2,
                end_line: 2,
                end_column: 3
            }
        );
        assert_eq!(index.span(Span::new(0, 2)).end_column, 3);
    }
}
