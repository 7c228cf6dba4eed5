//! What a rule reports, and how findings become diagnostics: one per
//! distinct finding, with the weeks it happens in gathered together
//! (`merge`).

mod merge;

pub use merge::{Findings, Merged};

use std::borrow::Cow;
use std::cell::OnceCell;
use std::fmt;

use jiff::civil::Date;

use super::registry::Level;
use crate::diagnostic::Severity;
use crate::span::Span;

/// Text a rule works out on first use: wording built from its parameters,
/// which most plans never need (`LazyText::new(|| format_number(max))`,
/// then `{max}` in a message or `max.to_string()`).
pub struct LazyText<F> {
    text: OnceCell<String>,
    make: F,
}

impl<F: Fn() -> String> LazyText<F> {
    pub fn new(make: F) -> Self {
        LazyText {
            text: OnceCell::new(),
            make,
        }
    }

    pub fn get(&self) -> &str {
        self.text.get_or_init(&self.make)
    }
}

impl<F: Fn() -> String> fmt::Display for LazyText<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.get())
    }
}

/// How a finding compares with the rule's usual ones. The evidence rates
/// some findings of a rule one step milder (more than three sessions a
/// week) or one step more serious (heavy legs less than 48 h before a race)
/// than its main one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Grade {
    Mild,
    Normal,
    Severe,
}

/// When a finding happens: a week, and the day when it is about one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct When {
    pub week: u32,
    pub date: Option<Date>,
}

/// Text of a finding: most labels and helps are fixed text, which need
/// no copy for each of the hundreds of weeks a finding may repeat in.
pub use crate::diagnostic::Text;

/// One thing a rule found, in one week (or in the plan as a whole).
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The line that causes it: a session, exercise or constraint.
    pub span: Span,
    pub label: Text,
    /// The message, without the week and date (added when rendered).
    pub message: Text,
    pub help: Text,
    /// Other lines that explain it (the run it is too close to).
    pub context: Vec<(Span, Text)>,
    pub when: Option<When>,
    pub grade: Grade,
}

impl Finding {
    pub fn new(span: Span, label: impl Into<Text>, message: impl Into<Text>) -> Self {
        Finding {
            span,
            label: label.into(),
            message: message.into(),
            help: Cow::Borrowed(""),
            context: Vec::new(),
            when: None,
            grade: Grade::Normal,
        }
    }

    /// On this day of this week.
    pub fn on(mut self, week: u32, date: Date) -> Self {
        self.when = Some(When {
            week,
            date: Some(date),
        });
        self
    }

    /// In this week, not on one day of it.
    pub fn in_week(mut self, week: u32) -> Self {
        self.when = Some(When { week, date: None });
        self
    }

    pub fn help(mut self, help: impl Into<Text>) -> Self {
        self.help = help.into();
        self
    }

    pub fn context(mut self, span: Span, label: impl Into<Text>) -> Self {
        self.context.push((span, label.into()));
        self
    }

    pub fn mild(mut self) -> Self {
        self.grade = Grade::Mild;
        self
    }

    pub fn severe(mut self) -> Self {
        self.grade = Grade::Severe;
        self
    }
}

/// The severity a finding of `grade` gets under `level`; `None` when the
/// rule is allowed.
pub fn severity(level: Level, grade: Grade) -> Option<Severity> {
    let base: i8 = match level {
        Level::Allow => return None,
        Level::Info => 0,
        Level::Warn => 1,
        Level::Deny => 2,
    };
    let shift = match grade {
        Grade::Mild => -1,
        Grade::Normal => 0,
        Grade::Severe => 1,
    };
    Some(match (base + shift).clamp(0, 2) {
        0 => Severity::Advice,
        1 => Severity::Warning,
        _ => Severity::Error,
    })
}
