//! Byte ranges into the source text.

/// A half-open byte range `start..end` into one source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// An empty span at `offset`, for "something is missing here".
    pub const fn point(offset: usize) -> Self {
        Span {
            start: offset,
            end: offset,
        }
    }

    pub const fn len(self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both.
    pub fn join(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn shift(self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }
}

impl From<Span> for miette::SourceSpan {
    fn from(span: Span) -> Self {
        miette::SourceSpan::new(span.start.into(), span.len())
    }
}

impl<'i> From<pest::Span<'i>> for Span {
    fn from(span: pest::Span<'i>) -> Self {
        Span::new(span.start(), span.end())
    }
}

/// A value together with the source text it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

/// Where each line of a text starts, built once per text so that finding
/// an offset's line is a binary search, not a scan from the top.
///
/// Lines end at `\n`, at `\r\n` and at a lone `\r`, as the grammar, miette
/// and the LSP specification have it. Every consumer of lines and columns
/// reads them here: the terminal renderer, the machine formats (JSON,
/// SARIF, ...), the Markdown backend, the formatter and the language server
/// (which adds UTF-16 columns in `lsp::position`).
///
/// The index does not keep the text; the methods that look at characters
/// take the text it was built from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    /// 0, then the offset just past each line break: entry `i + 1` is where
    /// the line break ending line `i` ends. A text that ends in a line break
    /// has an empty last line starting at its length.
    starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, &byte) in bytes.iter().enumerate() {
            // `\r\n` is one line break, counted at its `\n`.
            let ends_line = match byte {
                b'\n' => true,
                b'\r' => bytes.get(i + 1) != Some(&b'\n'),
                _ => false,
            };
            if ends_line {
                starts.push(i + 1);
            }
        }
        LineIndex {
            starts,
            len: text.len(),
        }
    }

    /// How many lines the text has (at least one, however short).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The line (from 0) that the byte at `offset` belongs to; a line break
    /// belongs to the line it ends, and an offset past the end to the last
    /// line.
    pub fn line_of(&self, offset: usize) -> usize {
        // Never 0: the first line starts at 0.
        self.starts
            .partition_point(|&start| start <= offset)
            .saturating_sub(1)
    }

    /// Where `line` starts; the end of the text for a line past the last.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(self.len)
    }

    /// Where `line`'s text ends and its line break (if any) begins.
    pub fn line_end(&self, text: &str, line: usize) -> usize {
        let Some(&next) = self.starts.get(line + 1) else {
            return self.len;
        };
        let bytes = text.as_bytes();
        let crlf = next >= self.line_start(line) + 2
            && bytes.get(next - 2) == Some(&b'\r')
            && bytes.get(next - 1) == Some(&b'\n');
        if crlf { next - 2 } else { next - 1 }
    }

    /// The text of `line` without its line break; an empty span at the end
    /// of the text for a line past the last.
    pub fn line_span(&self, text: &str, line: usize) -> Span {
        if line >= self.starts.len() {
            return Span::point(self.len);
        }
        Span::new(self.line_start(line), self.line_end(text, line))
    }

    /// 1-based line and column (in characters) of a byte offset, clamped
    /// into the text and onto a character boundary: what line-oriented
    /// output formats print.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset);
        let line = self.line_of(offset);
        let start = self.line_start(line).min(offset);
        let column = text.get(start..offset).map_or(0, |s| s.chars().count()) + 1;
        (line + 1, column)
    }
}

/// The largest char boundary not after `offset`.
pub fn floor_char_boundary(source: &str, offset: usize) -> usize {
    let mut i = offset.min(source.len());
    while !source.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_every_kind_of_line_end() {
        let text = "a\nb\r\nc\rd\r\re\n";
        let index = LineIndex::new(text);
        assert_eq!(index.starts, [0, 2, 5, 7, 9, 10, 12]);
        assert_eq!(index.line_end(text, 1), 3);
        assert_eq!(index.line_end(text, 4), 9);
        assert_eq!(index.line_end(text, 6), 12);
        assert_eq!(index.line_of(4), 1);
        assert_eq!(index.line_of(12), 6);
        assert_eq!(index.line_span(text, 2), Span::new(5, 6));
        assert_eq!(index.line_span(text, 9), Span::point(12));
    }

    #[test]
    fn line_col_counts_characters_from_one() {
        let text = "plan \"Café\"\n\nstart 2027-01-04\r\n  séance ✓\rlast";
        let index = LineIndex::new(text);
        let at = |needle: &str| index.line_col(text, text.find(needle).expect("in the text"));
        assert_eq!(at("plan"), (1, 1));
        assert_eq!(at("\"\n"), (1, 11));
        assert_eq!(at("start"), (3, 1));
        assert_eq!(at("\r\n"), (3, 17));
        assert_eq!(at("✓"), (4, 10));
        assert_eq!(at("last"), (5, 1));
        // Past the end, and inside a character: clamped.
        assert_eq!(index.line_col(text, text.len() + 5), (5, 5));
        assert_eq!(
            index.line_col(text, text.find('é').expect("é") + 1),
            (1, 10)
        );
    }
}
