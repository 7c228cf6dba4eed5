//! Diagnostics as plain data: what went wrong, where, and how to fix it.
//!
//! Every stage returns these in vectors; only the renderers turn them into
//! text. Each diagnostic has a stable kebab-case `code` (for errors found
//! by the compiler) or a dotted rule name (for findings of the checker).

use std::borrow::Cow;

use serde::Serialize;

use crate::span::Span;

/// Text of a diagnostic: most helps, notes and labels are fixed text,
/// shared rather than copied into each of the diagnostics that use them.
pub type Text = Cow<'static, str>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    pub span: Span,
    pub message: Option<Text>,
    /// The label the diagnostic is about; the others give context.
    pub primary: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
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
    pub fn error(code: impl Into<Text>, message: impl Into<String>) -> Self {
        Diagnostic::new(code, Severity::Error, message)
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

/// Sort diagnostics by position, then code, so output never depends on the
/// order in which stages happened to find them.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        let key = |d: &Diagnostic| (d.primary_span().map_or((0, 0), |s| (s.start, s.end)),);
        key(a)
            .cmp(&key(b))
            .then_with(|| b.severity.cmp(&a.severity))
            .then_with(|| a.code.cmp(&b.code))
            .then_with(|| a.message.cmp(&b.message))
    });
}
