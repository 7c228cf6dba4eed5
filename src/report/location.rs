//! From byte spans to the 1-based lines and columns line-oriented formats
//! print. Columns count characters (Unicode scalar values), as SARIF's
//! `unicodeCodePoints` column kind and most editors do; lines are those of
//! the one [`LineIndex`].

use crate::diagnostic::Diagnostic;
use crate::span::{LineIndex, Span};

/// A 1-based range: where a diagnostic's primary label starts and ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

impl LineIndex {
    /// The range of `span` in `text` (the text this index was built from);
    /// an empty span is one character wide so that every consumer has
    /// something to underline.
    pub fn location(&self, text: &str, span: Span) -> Location {
        let (line, column) = self.line_col(text, span.start);
        let (end_line, end_column) = if span.end > span.start {
            self.line_col(text, span.end)
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
    pub fn locate(&self, text: &str, diagnostic: &Diagnostic) -> Option<Location> {
        diagnostic.primary_span().map(|s| self.location(text, s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_spans_are_one_character_wide() {
        let text = "ab\ncd";
        let index = LineIndex::new(text);
        assert_eq!(
            index.location(text, Span::point(4)),
            Location {
                line: 2,
                column: 2,
                end_line: 2,
                end_column: 3
            }
        );
        assert_eq!(index.location(text, Span::new(0, 2)).end_column, 3);
    }
}
