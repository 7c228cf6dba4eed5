//! Turning diagnostics into text for people.
//!
//! [`Report`] adapts a [`Diagnostic`] to `miette::Diagnostic` over its
//! [`IndexedSource`]; [`human`] renders a list of them with miette's graphical
//! handler.

use std::fmt;

use miette::{LabeledSpan, MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use crate::diagnostic::{Diagnostic, Severity};
use crate::span::LineIndex;

/// A diagnostic together with the source it points into.
#[derive(Debug)]
pub struct Report<'a> {
    pub diagnostic: &'a Diagnostic,
    pub source: &'a IndexedSource<'a>,
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.diagnostic.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Advice => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        let d = self.diagnostic;
        if d.help.is_none() && d.notes.is_empty() {
            return None;
        }
        let mut text = d.help.as_deref().unwrap_or_default().to_string();
        for note in &d.notes {
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(note);
        }
        Some(Box::new(text))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        if self.diagnostic.labels.is_empty() {
            None
        } else {
            Some(self.source)
        }
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.diagnostic.labels.is_empty() {
            return None;
        }
        Some(Box::new(self.diagnostic.labels.iter().map(|label| {
            let span = miette::SourceSpan::from(label.span);
            if label.primary {
                LabeledSpan::new_primary_with_span(
                    label.message.as_deref().map(str::to_string),
                    span,
                )
            } else {
                LabeledSpan::new_with_span(label.message.as_deref().map(str::to_string), span)
            }
        })))
    }
}

/// A file's name and text with the [`LineIndex`] of its lines, built once
/// per file.
///
/// miette's own [`SourceCode`] for `str` scans the text from the top for every
/// span it reads, which makes rendering thousands of diagnostics of a large
/// file quadratic. This finds a span's lines by binary search in the line
/// index instead, and returns exactly what miette's `str` implementation
/// inside a `miette::NamedSource` returns: the same bytes, span, line, column
/// and line count for the same numbers of context lines, quirks included.
#[derive(Debug)]
pub struct IndexedSource<'a> {
    name: String,
    text: &'a str,
    lines: LineIndex,
}

impl<'a> IndexedSource<'a> {
    pub fn new(name: &str, text: &'a str) -> IndexedSource<'a> {
        IndexedSource {
            name: name.to_owned(),
            text,
            lines: LineIndex::new(text),
        }
    }

    /// Where line break `index` ends (the next line starts), or the end of
    /// the text if there are not that many line breaks.
    fn break_end(&self, index: usize) -> usize {
        self.lines.line_start(index + 1)
    }

    /// Where `line`'s text ends and its line break (if any) begins.
    fn content_end(&self, line: usize) -> usize {
        self.lines.line_end(self.text, line)
    }

    /// What miette's `context_info` (in its `source_impls.rs`) computes by
    /// scanning the text, derived from the line table.
    ///
    /// miette considers the span read once it has passed its last byte, or,
    /// for an empty span, the byte before it. With no context lines after,
    /// the contents end right there (after the whole line break if that byte
    /// is in one); otherwise they run on to the line break that ends the
    /// span's last line plus `after` more lines. With no context lines
    /// before, they start at the span itself and the column counts the bytes
    /// before it on its line, except that miette resets it to 0 when it passes
    /// a line break after the span; otherwise they start at the line `before`
    /// lines above the span's, with column 0.
    fn contents(
        &self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<MietteSpanContents<'a>, MietteError> {
        let len = self.text.len();
        let offset = span.offset();
        let last = offset
            .checked_add(span.len())
            .ok_or(MietteError::OutOfBounds)?
            .saturating_sub(1);
        if last > len {
            return Err(MietteError::OutOfBounds);
        }
        let breaks = self.lines.line_count() - 1;

        let line = self.lines.line_of(offset);
        let first_line = line.saturating_sub(before);
        let start = if before == 0 {
            offset
        } else {
            self.lines.line_start(first_line)
        };

        // Where the contents end, and whether there is a line break after
        // the byte `last` (miette passes it when `after > 0`).
        let (end, break_after) = if last == len {
            (len, false)
        } else {
            let last_line = self.lines.line_of(last);
            let in_break = last >= self.content_end(last_line);
            // The first line break wholly after the byte `last`.
            let next_break = last_line + usize::from(in_break);
            let end = if after > 0 {
                self.break_end(next_break + after)
            } else if in_break {
                self.break_end(last_line)
            } else {
                last + 1
            };
            (end, next_break < breaks)
        };

        let column = if before > 0 || (after > 0 && break_after) {
            0
        } else {
            offset.min(self.content_end(line)) - self.lines.line_start(line)
        };
        // miette would panic slicing here (an empty span just past the end,
        // read without context lines before).
        if start > end {
            return Err(MietteError::OutOfBounds);
        }
        let data = self
            .text
            .as_bytes()
            .get(start..end)
            .ok_or(MietteError::OutOfBounds)?;
        Ok(MietteSpanContents::new_named(
            self.name.clone(),
            data,
            (start, end - start).into(),
            first_line,
            column,
            self.lines.line_of(end),
        ))
    }
}

impl SourceCode for IndexedSource<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let contents = self.contents(span, context_lines_before, context_lines_after)?;
        Ok(Box::new(contents))
    }
}

/// A finding in words, for a document that lists findings (the Markdown
/// backend): its place in the plan worked out, nothing left to look up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    /// The rule or error code.
    pub code: String,
    /// `line 7; weeks 1, 2`: where it is, when it says; else empty.
    pub place: String,
    pub message: String,
    /// The help, then the notes, one a line.
    pub details: Vec<String>,
}

/// `diagnostics` as [`Finding`]s; with the text they point into, each
/// says its line.
pub fn findings(diagnostics: &[Diagnostic], text: Option<&str>) -> Vec<Finding> {
    let lines = text.map(|text| (text, LineIndex::new(text)));
    diagnostics
        .iter()
        .map(|d| {
            let mut wheres = Vec::new();
            if let (Some((text, lines)), Some(span)) = (&lines, d.primary_span()) {
                let (line, _) = lines.line_col(text, span.start);
                wheres.push(format!("line {line}"));
            }
            if !d.weeks.is_empty() {
                let numbers: Vec<String> = d.weeks.iter().map(u32::to_string).collect();
                let word = if numbers.len() == 1 { "week" } else { "weeks" };
                wheres.push(format!("{word} {}", numbers.join(", ")));
            }
            Finding {
                severity: d.severity,
                code: d.code.to_string(),
                place: wheres.join("; "),
                message: d.message.clone(),
                details: d
                    .help
                    .iter()
                    .chain(&d.notes)
                    .map(|t| t.to_string())
                    .collect(),
            }
        })
        .collect()
}

/// How to draw diagnostics for a terminal.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    pub unicode: bool,
    pub width: usize,
}

impl Style {
    /// No colour, ASCII-safe unicode off, fixed width: for snapshots and pipes.
    pub const PLAIN: Style = Style {
        color: false,
        unicode: true,
        width: 100,
    };
}

/// Renders diagnostics the way `stride check` prints them.
#[cfg(feature = "cli")]
pub fn human(diagnostics: &[Diagnostic], name: &str, text: &str, style: Style) -> String {
    human_parts(diagnostics, name, text, style).concat()
}

/// [`human`], one piece per diagnostic: a large plan's report (ten times
/// its size, for a plan that draws hundreds of findings) can then be
/// written out without first being copied into one growing string.
#[cfg(feature = "cli")]
pub fn human_parts(
    diagnostics: &[Diagnostic],
    name: &str,
    text: &str,
    style: Style,
) -> Vec<String> {
    let mut parts = Vec::with_capacity(diagnostics.len());
    human_each(diagnostics, name, text, style, |part| parts.push(part));
    parts
}

/// [`human`], handing each diagnostic's rendering to `each` as soon as it
/// is made (to write it out and drop it).
#[cfg(feature = "cli")]
pub fn human_each(
    diagnostics: &[Diagnostic],
    name: &str,
    text: &str,
    style: Style,
    mut each: impl FnMut(String),
) {
    use miette::{GraphicalReportHandler, GraphicalTheme, ThemeCharacters, ThemeStyles};

    let theme = GraphicalTheme {
        characters: if style.unicode {
            ThemeCharacters::unicode()
        } else {
            ThemeCharacters::ascii()
        },
        styles: if style.color {
            ThemeStyles::rgb()
        } else {
            ThemeStyles::none()
        },
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(false)
        .with_context_lines(1);
    let text = lone_cr_as_lf(text);
    let source = IndexedSource::new(name, &text);
    for diagnostic in diagnostics {
        let report = Report {
            diagnostic,
            source: &source,
        };
        let mut out = String::new();
        // Writing into a String cannot fail.
        let _ = handler.render_report(&mut out, &report);
        out.shrink_to_fit();
        each(out);
    }
}

/// `text` with every lone `\r` made a `\n`, byte for byte. miette numbers
/// lines as the grammar does, a lone `\r` ending one, but its graphical
/// handler cuts the snippet it shows into lines only at `\n`; given this,
/// it shows the lines the numbers count. Spans stay valid: both are one
/// byte.
#[cfg(feature = "cli")]
fn lone_cr_as_lf(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    let lone = |i: usize| bytes.get(i) == Some(&b'\r') && bytes.get(i + 1) != Some(&b'\n');
    if !text.contains('\r') || !(0..bytes.len()).any(lone) {
        return text.into();
    }
    let mut out = bytes.to_vec();
    for (i, byte) in out.iter_mut().enumerate() {
        if lone(i) {
            *byte = b'\n';
        }
    }
    // Only ASCII bytes changed, so the text is still UTF-8.
    String::from_utf8(out).map_or(text.into(), Into::into)
}

#[cfg(test)]
mod tests {
    use miette::{NamedSource, SourceCode, SpanContents};

    use super::IndexedSource;

    /// Texts where line ends, the end of the text and multibyte characters
    /// meet in every way that matters.
    const TRICKY: &[&str] = &[
        "",
        "a",
        "\n",
        "\r",
        "\r\n",
        "\n\r",
        "\r\r\n",
        "\n\n\n",
        "\r\n\r\n",
        "abc",
        "abc\n",
        "abc\r\n",
        "a\nb",
        "a\n\nb\n\n",
        "a\r\nb\r\nc",
        "a\rb\nc\r\nd\n\re",
        "foo\nbarbar\nbaz\n",
        "xxx\nfoo\nbar\nbaz\n\nyyy\n",
        "one\ntwo\n\nthree\nfour\nfive\n\nsix\nseven\n",
        "héllo\nwörld",
        "日本\r\n語\n\n€",
        "é\r\n\r\né",
        "  session \"s\" mon {\r\n    back-squat 3x5\r\n  }\r\n",
    ];

    /// A few hundred short texts over an alphabet of line ends, letters and
    /// a two-byte character, from a fixed seed.
    fn random_texts() -> Vec<String> {
        const PIECES: &[&str] = &["a", "b", " ", "\n", "\r", "\r\n", "é", "\n\n"];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        (0..400)
            .map(|_| {
                let pieces = next() % 9;
                (0..pieces)
                    .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                    .collect()
            })
            .collect()
    }

    /// Everything a `SpanContents` tells the renderer.
    type Fields = (
        Vec<u8>,
        miette::SourceSpan,
        usize,
        usize,
        usize,
        Option<String>,
        Option<String>,
    );

    fn fields<'a>(contents: &(dyn SpanContents<'a> + 'a)) -> Fields {
        (
            contents.data().to_vec(),
            *contents.span(),
            contents.line(),
            contents.column(),
            contents.line_count(),
            contents.name().map(str::to_owned),
            contents.language().map(str::to_owned),
        )
    }

    /// Every span from every start to every end (and a little past the end
    /// of the text), with 0 to 3 context lines before and after, reads the
    /// same as miette's own `str` implementation under a `NamedSource`.
    fn same_as_miette(text: &str) -> usize {
        let ours = IndexedSource::new("plan.stride", text);
        let theirs = NamedSource::new("plan.stride", text.to_owned());
        let mut compared = 0;
        for offset in 0..=text.len() + 2 {
            for len in 0..=text.len() + 2 - offset {
                let span = (offset, len).into();
                for before in 0..=3 {
                    for after in 0..=3 {
                        let got = ours.read_span(&span, before, after);
                        if before == 0 && len == 0 && offset == text.len() + 1 {
                            // miette panics slicing its input here.
                            assert!(got.is_err(), "{text:?} {offset}+{len}");
                            continue;
                        }
                        let want = theirs.read_span(&span, before, after);
                        match (got, want) {
                            (Ok(got), Ok(want)) => assert_eq!(
                                fields(&*got),
                                fields(&*want),
                                "{text:?} span {offset}+{len}, {before} before, {after} after"
                            ),
                            (Err(_), Err(_)) => {}
                            (got, want) => panic!(
                                "{text:?} span {offset}+{len}, {before} before, {after} after: \
                                 ours {:?}, miette's {:?}",
                                got.map(|c| fields(&*c)),
                                want.map(|c| fields(&*c)),
                            ),
                        }
                        compared += 1;
                    }
                }
            }
        }
        compared
    }

    #[test]
    fn reads_spans_exactly_as_miette_does_on_tricky_texts() {
        let compared: usize = TRICKY.iter().map(|text| same_as_miette(text)).sum();
        assert!(compared > 10_000, "{compared}");
    }

    #[test]
    fn reads_spans_exactly_as_miette_does_on_random_texts() {
        let texts = random_texts();
        assert!(texts.iter().any(|t| t.contains("\r\n") && t.contains('é')));
        let compared: usize = texts.iter().map(|text| same_as_miette(text)).sum();
        assert!(compared > 10_000, "{compared}");
    }
}
