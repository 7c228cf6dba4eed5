//! Byte offsets (what the parser and diagnostics speak) and LSP positions
//! (line and UTF-16 code unit, what editors speak), both ways.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`, as in the LSP specification
//! and the grammar. Positions past the end of a line clamp to its end, and
//! lines past the end of the text to the end of the text; a position inside
//! a character (between the two halves of a surrogate pair) moves to its
//! start. Nothing here panics on any input.

use lsp_types::{Position, Range};

use crate::span::Span;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    /// Byte offset where each line starts.
    starts: Vec<usize>,
    /// Byte offset where each line's content ends (before its line break).
    ends: Vec<usize>,
    /// Whether each line is pure ASCII, where UTF-16 columns are bytes.
    ascii: Vec<bool>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut ends = Vec::new();
        let mut ascii = Vec::new();
        let mut line_ascii = true;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b == b'\n' || b == b'\r' {
                ends.push(i);
                ascii.push(line_ascii);
                line_ascii = true;
                if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                starts.push(i + 1);
            } else if !b.is_ascii() {
                line_ascii = false;
            }
            i += 1;
        }
        ends.push(bytes.len());
        ascii.push(line_ascii);
        LineIndex {
            starts,
            ends,
            ascii,
            len: bytes.len(),
        }
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset.min(self.len)) {
            Ok(line) => line,
            Err(next) => next.saturating_sub(1),
        }
    }

    /// Byte range of a line's content, without its line break.
    pub fn line_span(&self, line: usize) -> Span {
        match (self.starts.get(line), self.ends.get(line)) {
            (Some(&start), Some(&end)) => Span::new(start, end),
            _ => Span::point(self.len),
        }
    }

    /// The LSP position of byte `offset` in `text` (the text this index
    /// was built from).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = crate::span::floor_char_boundary(text, offset.min(self.len));
        let line = self.line_of(offset);
        let span = self.line_span(line);
        let offset = offset.min(span.end);
        let column = if self.ascii.get(line).copied().unwrap_or(false) {
            offset - span.start
        } else {
            text.get(span.start..offset)
                .map_or(0, |s| s.chars().map(char::len_utf16).sum())
        };
        Position::new(to_u32(line), to_u32(column))
    }

    /// The byte offset of an LSP position in `text`.
    pub fn offset(&self, text: &str, position: Position) -> usize {
        let line = position.line as usize;
        if line >= self.starts.len() {
            return self.len;
        }
        let span = self.line_span(line);
        let column = position.character as usize;
        if self.ascii.get(line).copied().unwrap_or(false) {
            return span.start + column.min(span.len());
        }
        let content = text.get(span.start..span.end).unwrap_or_default();
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
