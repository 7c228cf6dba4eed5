//! Byte offsets (what the parser and diagnostics speak) and LSP positions
//! (line and UTF-16 code unit, what editors speak), both ways, over the
//! one [`LineIndex`].
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`, as in the LSP specification
//! and the grammar. Positions past the end of a line clamp to its end, and
//! lines past the end of the text to the end of the text; a position inside
//! a character (between the two halves of a surrogate pair) moves to its
//! start. Nothing here panics on any input.

use lsp_types::{Position, Range};

use crate::span::{LineIndex, Span};

impl LineIndex {
    /// The LSP position of byte `offset` in `text` (the text this index
    /// was built from).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = crate::span::floor_char_boundary(text, offset);
        let line = self.line_of(offset);
        let span = self.line_span(text, line);
        let before = text
            .get(span.start..offset.min(span.end))
            .unwrap_or_default();
        Position::new(to_u32(line), to_u32(utf16_len(before)))
    }

    /// The byte offset of an LSP position in `text`.
    pub fn offset(&self, text: &str, position: Position) -> usize {
        let line = position.line as usize;
        if line >= self.line_count() {
            return text.len();
        }
        let span = self.line_span(text, line);
        let column = position.character as usize;
        let content = text.get(span.start..span.end).unwrap_or_default();
        // Where UTF-16 columns are bytes.
        if content.is_ascii() {
            return span.start + column.min(span.len());
        }
        let mut units = 0;
        for (i, c) in content.char_indices() {
            let next = units + c.len_utf16();
            if next > column {
                return span.start + i;
            }
            units = next;
        }
        span.end
    }

    pub fn range(&self, text: &str, span: Span) -> Range {
        Range::new(
            self.position(text, span.start),
            self.position(text, span.end),
        )
    }

    pub fn span(&self, text: &str, range: Range) -> Span {
        let start = self.offset(text, range.start);
        let end = self.offset(text, range.end);
        Span::new(start.min(end), start.max(end))
    }
}

/// The UTF-16 code units of `text`.
fn utf16_len(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.chars().map(char::len_utf16).sum()
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_lines() {
        let text = "plan \"A\"\nstart 2027-01-04\n";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 3);
        assert_eq!(index.position(text, 9), Position::new(1, 0));
        assert_eq!(index.offset(text, Position::new(1, 5)), 14);
        assert_eq!(index.position(text, text.len()), Position::new(2, 0));
    }

    #[test]
    fn utf16_columns() {
        // `é` is one UTF-16 unit and two bytes; `🏃` two units and four bytes.
        let text = "# é🏃 x\nnext";
        let index = LineIndex::new(text);
        let x = text.find('x').expect("x");
        assert_eq!(index.position(text, x), Position::new(0, 6));
        assert_eq!(index.offset(text, Position::new(0, 6)), x);
        // Inside the surrogate pair: the start of the runner.
        let runner = text.find('🏃').expect("runner");
        assert_eq!(index.position(text, runner), Position::new(0, 3));
        assert_eq!(index.offset(text, Position::new(0, 3)), runner);
        assert_eq!(index.offset(text, Position::new(0, 4)), runner);
        assert_eq!(index.offset(text, Position::new(0, 5)), runner + 4);
        // Past the end of a line: its end, not the next line.
        assert_eq!(
            index.offset(text, Position::new(0, 99)),
            text.find('\n').expect("nl")
        );
        assert_eq!(index.offset(text, Position::new(9, 0)), text.len());
        // Inside a character's bytes: its start.
        assert_eq!(index.position(text, runner + 1), Position::new(0, 3));
    }

    #[test]
    fn every_line_break() {
        let text = "a\r\nb\rc\nd";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        assert_eq!(index.offset(text, Position::new(1, 0)), 3);
        assert_eq!(index.offset(text, Position::new(2, 0)), 5);
        assert_eq!(index.offset(text, Position::new(3, 0)), 7);
        assert_eq!(index.offset(text, Position::new(0, 5)), 1);
        assert_eq!(index.position(text, 2), Position::new(0, 1));
    }
}
