//! Diagnostics as plain data: what went wrong, where, and how to fix it.
//!
//! Every stage returns these in vectors; only the renderers turn them into
//! text. Each diagnostic has a stable kebab-case `code` (for errors found
//! by the compiler) or a dotted rule name (for findings of the checker).

use std::borrow::Cow;

use crate::error_code::ErrorCode;
use crate::span::Span;

/// Text of a diagnostic: most helps, notes and labels are fixed text,
/// shared rather than copied into each of the diagnostics that use them.
pub type Text = Cow<'static, str>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Advice,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Advice => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A labelled span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: Option<Text>,
    /// The label the diagnostic is about; the others give context.
    pub primary: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub code: Text,
    pub severity: Severity,
    pub message: String,
    pub labels: Vec<Label>,
    pub help: Option<Text>,
    /// Extra lines shown after the help (citations, notes).
    pub notes: Vec<Text>,
    /// Plan weeks the finding applies to, when it comes from the expansion.
    pub weeks: Vec<u32>,
}

impl Diagnostic {
    /// A compiler error: always an error, with one of the documented codes.
    pub fn error(code: ErrorCode, message: impl Into<String>) -> Self {
        Diagnostic::new(code.as_str(), Severity::Error, message)
    }

    pub fn warning(code: impl Into<Text>, message: impl Into<String>) -> Self {
        Diagnostic::new(code, Severity::Warning, message)
    }

    pub fn new(code: impl Into<Text>, severity: Severity, message: impl Into<String>) -> Self {
        Diagnostic {
            code: code.into(),
            severity,
            message: message.into(),
            labels: Vec::new(),
            help: None,
            notes: Vec::new(),
            weeks: Vec::new(),
        }
    }

    /// The main label.
    pub fn with_label(mut self, span: Span, message: impl Into<Text>) -> Self {
        self.labels.push(Label {
            span,
            message: Some(message.into()),
            primary: self.labels.is_empty(),
        });
        self
    }

    /// A secondary label giving context (another definition, say).
    pub fn with_context(mut self, span: Span, message: impl Into<Text>) -> Self {
        self.labels.push(Label {
            span,
            message: Some(message.into()),
            primary: false,
        });
        self
    }

    pub fn with_help(mut self, help: impl Into<Text>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_note(mut self, note: impl Into<Text>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// Whether this is the compiler error `code`.
    pub fn is(&self, code: ErrorCode) -> bool {
        self.code == code.as_str()
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The primary span, if any.
    pub fn primary_span(&self) -> Option<Span> {
        self.labels
            .iter()
            .find(|l| l.primary)
            .or(self.labels.first())
            .map(|l| l.span)
    }
}

/// The order diagnostics are shown in: by primary span, the most severe
/// first, then by code and message.
pub fn order(a: &Diagnostic, b: &Diagnostic) -> std::cmp::Ordering {
    let key = |d: &Diagnostic| d.primary_span().map_or((0, 0), |s| (s.start, s.end));
    key(a)
        .cmp(&key(b))
        .then_with(|| b.severity.cmp(&a.severity))
        .then_with(|| a.code.cmp(&b.code))
        .then_with(|| a.message.cmp(&b.message))
}

/// Sort diagnostics by [`order`], keeping ties as they are, so output
/// never depends on the order in which stages happened to find them.
///
/// The order is worked out on indexes and the diagnostics then moved into
/// it: a stable sort of the diagnostics themselves would copy half of them
/// into scratch space (about 30 KB for the 200 findings of a large plan).
pub fn sort(diagnostics: &mut [Diagnostic]) {
    let Ok(n) = u32::try_from(diagnostics.len()) else {
        diagnostics.sort_by(order);
        return;
    };
    let mut places: Vec<u32> = (0..n).collect();
    places.sort_by(
        |&a, &b| match (diagnostics.get(a as usize), diagnostics.get(b as usize)) {
            (Some(a), Some(b)) => order(a, b),
            _ => std::cmp::Ordering::Equal,
        },
    );
    // `diagnostics[i]` is to be what is now at `places[i]`: follow each
    // cycle of the permutation, marking a place done by pointing it at
    // itself.
    for start in 0..places.len() {
        let mut i = start;
        while let Some(from) = places.get(i).map(|&f| f as usize) {
            if let Some(slot) = places.get_mut(i) {
                *slot = i as u32;
            }
            if from == start || from == i {
                break;
            }
            diagnostics.swap(i, from);
            i = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Diagnostics with many ties: copies that differ only in what the
    /// order does not look at (their weeks).
    fn sample() -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for i in 0..2000u32 {
            let severity = [Severity::Advice, Severity::Warning, Severity::Error][i as usize % 3];
            let code: &'static str = ["a-code", "b-code"][i as usize % 2];
            let start = (i % 7) as usize * 10;
            let mut d = Diagnostic::new(code, severity, format!("message {}", i % 5));
            if i % 11 != 0 {
                d = d.with_label(Span::new(start, start + (i % 3) as usize), "here");
            }
            d.weeks.push(i);
            out.push(d);
        }
        out
    }

    #[test]
    fn sorting_in_place_is_a_stable_sort_by_the_order() {
        let sample = sample();
        for round in 0..5 {
            let mut shuffled = sample.clone();
            let n = shuffled.len();
            match round {
                0 => shuffled.reverse(),
                1 => shuffled.rotate_left(37),
                2 => (0..n).for_each(|i| shuffled.swap(i, (i * 7919 + 13) % n)),
                3 => shuffled.truncate(1),
                _ => {}
            }
            let mut expected = shuffled.clone();
            expected.sort_by(order);
            sort(&mut shuffled);
            assert_eq!(shuffled, expected, "round {round}");
        }
    }
}
