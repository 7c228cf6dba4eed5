//! Lines out, comments in: the printer that keeps every comment with the
//! statement it belongs to.
//!
//! The layout walks the tree in source order and hands the printer one
//! *anchor* per output line: a statement, a header ending in `{`, or a
//! closing `}`, each with the byte offset it came from. Comments are placed
//! by those offsets:
//!
//! - a comment that trails code goes at the end of the output line of the
//!   first anchor on its source line (the statement a suppression comment
//!   there covers);
//! - a comment on a line of its own goes on a line of its own just above
//!   the next anchor, at that anchor's depth (a comment above a closing `}`
//!   stays inside the body).
//!
//! Blank lines between statements are kept (several become one), except
//! after an opening `{` and before a closing `}`; the layout can ask for one
//! where the canonical layout wants it.

use crate::ast::Comment;
use crate::span::{LineIndex, Span};

const INDENT: &str = "  ";

/// Whether a new group of lines starts with a blank line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// As in the source: a blank line if there was at least one.
    Keep,
    /// Always one (but never right after `{` or at the top of the file).
    Blank,
}

#[derive(Debug)]
struct Line {
    indent: usize,
    text: String,
    blank_before: bool,
    comment: Option<String>,
}

pub struct Printer<'a> {
    src: &'a str,
    comments: &'a [Comment],
    next_comment: usize,
    /// Where every source line starts.
    index: LineIndex,
    /// Source lines that some anchor stands on.
    anchored: Vec<bool>,
    lines: Vec<Line>,
    /// The last line pushed opened a body.
    opened: bool,
}

impl<'a> Printer<'a> {
    pub fn new(src: &'a str, comments: &'a [Comment]) -> Self {
        let index = LineIndex::new(src);
        let anchored = vec![false; index.line_count()];
        Printer {
            src,
            comments,
            next_comment: 0,
            index,
            anchored,
            lines: Vec::new(),
            opened: false,
        }
    }

    /// Number of output lines so far.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// Puts a blank line before output line `index` (not the first line).
    pub fn blank_before(&mut self, index: usize) {
        if index > 0
            && let Some(line) = self.lines.get_mut(index)
        {
            line.blank_before = true;
        }
    }

    /// A statement on one line. Returns the index of its output line.
    pub fn line(&mut self, at: usize, depth: usize, text: String, gap: Gap) -> usize {
        self.anchor(at, depth, text, gap, false)
    }

    /// A header that opens a body; its text ends with `{`.
    pub fn open(&mut self, at: usize, depth: usize, text: String, gap: Gap) -> usize {
        let index = self.anchor(at, depth, text, gap, false);
        self.opened = true;
        index
    }

    /// The `}` at `at` that closes a body opened at `depth`. Comments left in
    /// the body go above it, one level deeper.
    pub fn close(&mut self, at: usize, depth: usize) {
        self.leading(at, depth + 1, Gap::Keep);
        self.anchor(at, depth, "}".to_owned(), Gap::Keep, true);
    }

    /// Source text at `at` that is printed as part of the last output line
    /// (the `}` of an empty body written `{}`, a deload's `{ load -10% }`
    /// spread over several lines): its line counts as printed, and a comment
    /// trailing it moves to the end of that output line.
    pub fn join(&mut self, at: usize) {
        let line = self.index.line_of(at);
        self.mark(line);
        if let Some(c) = self.comments.get(self.next_comment)
            && c.span.start > at
            && self.index.line_of(c.span.start) == line
        {
            let text = comment_text(c);
            if let Some(last) = self.lines.last_mut()
                && last.comment.is_none()
            {
                last.comment = Some(text);
                self.next_comment += 1;
            }
        }
    }

    /// Whether any comment starts strictly between the two offsets.
    pub fn has_comment_between(&self, start: usize, end: usize) -> bool {
        self.first_comment_from(start + 1)
            .is_some_and(|c| c.span.start < end)
    }

    /// The first comment starting at or after `offset` (comments are
    /// sorted).
    fn first_comment_from(&self, offset: usize) -> Option<&Comment> {
        let i = self.comments.partition_point(|c| c.span.start < offset);
        self.comments.get(i)
    }

    /// Source lines with code on them (not only blanks and comments) that
    /// no anchor stands on: text the tree does not hold. The parser reports
    /// a repeated statement, so this is a safety net.
    pub fn unprinted_lines(&self) -> Vec<Span> {
        let mut out = Vec::new();
        for number in 0..self.index.line_count() {
            if self.anchored.get(number).copied().unwrap_or(true) {
                continue;
            }
            let start = self.index.line_start(number);
            let end = self.index.line_start(number + 1);
            let code_end = match self.first_comment_from(start) {
                Some(c) if c.span.start >= start && c.span.start < end => c.span.start,
                _ => end,
            };
            let code = self.src.get(start..code_end).unwrap_or_default();
            if !code.trim().is_empty() {
                let lead = code.len() - code.trim_start().len();
                let trail = code.len() - code.trim_end().len();
                out.push(Span::new(start + lead, code_end - trail));
            }
        }
        out
    }

    /// The formatted text: the comments left at the end of the file, then
    /// every line, with `newline` between lines and at the end.
    pub fn finish(mut self, newline: &str) -> String {
        self.leading(self.src.len() + 1, 0, Gap::Keep);
        let mut out = String::with_capacity(self.src.len() + 64);
        for line in &self.lines {
            if line.blank_before {
                out.push_str(newline);
            }
            let mut text = String::new();
            if !line.text.is_empty() || line.comment.is_some() {
                for _ in 0..line.indent {
                    text.push_str(INDENT);
                }
            }
            text.push_str(&line.text);
            if let Some(comment) = &line.comment {
                if !line.text.is_empty() {
                    text.push_str("  ");
                }
                text.push_str(comment);
            }
            out.push_str(text.trim_end());
            out.push_str(newline);
        }
        out
    }

    // -------------------------------------------------------------- inside

    fn anchor(&mut self, at: usize, depth: usize, text: String, gap: Gap, closing: bool) -> usize {
        let line = self.index.line_of(at);
        self.mark(line);
        let had_leading = self.leading(at, depth, gap);
        let blank = if closing {
            false
        } else if had_leading {
            self.blank_above(at)
        } else {
            self.gap(at, gap)
        };
        let mut comment = None;
        if let Some(c) = self.comments.get(self.next_comment)
            && c.span.start > at
            && self.index.line_of(c.span.start) == line
        {
            comment = Some(comment_text(c));
            self.next_comment += 1;
        }
        self.push(depth, text, blank, comment)
    }

    /// The comments before `at`, each on its own line at `depth`. Returns
    /// whether there were any.
    fn leading(&mut self, at: usize, depth: usize, gap: Gap) -> bool {
        let mut first = true;
        while let Some(c) = self.comments.get(self.next_comment) {
            if c.span.start >= at {
                break;
            }
            self.next_comment += 1;
            let blank = if first {
                self.gap(c.span.start, gap)
            } else {
                self.blank_above(c.span.start)
            };
            first = false;
            self.push(depth, comment_text(c), blank, None);
        }
        !first
    }

    fn gap(&self, at: usize, gap: Gap) -> bool {
        match gap {
            Gap::Keep => self.blank_above(at),
            Gap::Blank => true,
        }
    }

    fn push(&mut self, depth: usize, text: String, blank: bool, comment: Option<String>) -> usize {
        let blank = blank && !self.opened && !self.lines.is_empty();
        self.opened = false;
        self.lines.push(Line {
            indent: depth,
            text,
            blank_before: blank,
            comment,
        });
        self.lines.len() - 1
    }

    fn mark(&mut self, line: usize) {
        if let Some(slot) = self.anchored.get_mut(line) {
            *slot = true;
        }
    }

    /// `at` begins its source line (after indentation) and a blank line
    /// comes right above it.
    fn blank_above(&self, at: usize) -> bool {
        let line = self.index.line_of(at);
        if line >= self.index.line_count() {
            return false;
        }
        let start = self.index.line_start(line);
        let before = self.src.get(start..at.min(self.src.len())).unwrap_or("x");
        if line == 0 || !before.trim().is_empty() {
            return false;
        }
        let above = self
            .src
            .get(self.index.line_start(line - 1)..start)
            .unwrap_or("x");
        above.trim().is_empty()
    }
}

/// A comment as printed: without trailing blanks.
pub fn comment_text(comment: &Comment) -> String {
    comment.text.trim_end().to_owned()
}
