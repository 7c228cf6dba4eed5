//! What a rule reports, and how findings become diagnostics: one per
//! distinct finding, with the weeks it happens in gathered together.

use std::collections::BTreeMap;

use jiff::civil::Date;

use super::facts::day_and_date;
use super::registry::{Level, RuleDoc};
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::span::Span;

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

/// One thing a rule found, in one week (or in the plan as a whole).
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The line that causes it: a session, exercise or constraint.
    pub span: Span,
    pub label: String,
    /// The message, without the week and date (added when rendered).
    pub message: String,
    pub help: String,
    /// Other lines that explain it (the run it is too close to).
    pub context: Vec<(Span, String)>,
    pub when: Option<When>,
    pub grade: Grade,
}

impl Finding {
    pub fn new(span: Span, label: impl Into<String>, message: impl Into<String>) -> Self {
        Finding {
            span,
            label: label.into(),
            message: message.into(),
            help: String::new(),
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

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = help.into();
        self
    }

    pub fn context(mut self, span: Span, label: impl Into<String>) -> Self {
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

type Key = (Span, String, String, String, Vec<(Span, String)>, Grade);

/// Merges findings that differ only in when they happen, and turns them
/// into diagnostics of `rule` at `level`.
pub fn to_diagnostics(rule: &RuleDoc, level: Level, findings: Vec<Finding>) -> Vec<Diagnostic> {
    let mut groups: BTreeMap<Key, Vec<When>> = BTreeMap::new();
    for f in findings {
        let key = (f.span, f.message, f.label, f.help, f.context, f.grade);
        let whens = groups.entry(key).or_default();
        if let Some(when) = f.when {
            whens.push(when);
        }
    }
    let mut out = Vec::new();
    for ((span, message, label, help, context, grade), mut whens) in groups {
        let Some(severity) = severity(level, grade) else {
            continue;
        };
        whens.sort();
        whens.dedup();
        let mut weeks: Vec<u32> = whens.iter().map(|w| w.week).collect();
        weeks.dedup();
        let text = match prefix(&whens, &weeks) {
            Some(prefix) => format!("{prefix}: {message}"),
            None => message,
        };
        let mut d = Diagnostic::new(&rule.name, severity, text);
        d.labels.push(Label {
            span,
            message: Some(label),
            primary: true,
        });
        for (span, label) in context {
            d.labels.push(Label {
                span,
                message: Some(label),
                primary: false,
            });
        }
        if !help.is_empty() {
            d.help = Some(help);
        }
        d.notes.push(rule.note());
        d.weeks = weeks;
        out.push(d);
    }
    out
}

/// `week 6, Sat 2027-02-13`, `weeks 1-3, 5-7 (from Sat 2027-01-09)`,
/// `weeks 2-4`.
fn prefix(whens: &[When], weeks: &[u32]) -> Option<String> {
    let first = whens.first()?;
    let dates: Vec<Date> = whens.iter().filter_map(|w| w.date).collect();
    let week_text = if weeks.len() == 1 {
        format!("week {}", weeks[0])
    } else {
        format!("weeks {}", week_ranges(weeks))
    };
    Some(match (dates.len(), first.date) {
        (1, Some(date)) if weeks.len() == 1 => format!("{week_text}, {}", day_and_date(date)),
        (0, _) => week_text,
        _ => format!("{week_text} (from {})", day_and_date(dates[0])),
    })
}

/// `1-3, 5-7, 9`.
pub fn week_ranges(weeks: &[u32]) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < weeks.len() {
        let mut j = i;
        while j + 1 < weeks.len() && weeks[j + 1] == weeks[j] + 1 {
            j += 1;
        }
        parts.push(if i == j {
            weeks[i].to_string()
        } else {
            format!("{}-{}", weeks[i], weeks[j])
        });
        i = j + 1;
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges() {
        assert_eq!(week_ranges(&[1, 2, 3, 5, 6, 7, 9]), "1-3, 5-7, 9");
        assert_eq!(week_ranges(&[4]), "4");
    }

    #[test]
    fn grades_shift_the_level() {
        assert_eq!(severity(Level::Warn, Grade::Mild), Some(Severity::Advice));
        assert_eq!(severity(Level::Warn, Grade::Severe), Some(Severity::Error));
        assert_eq!(severity(Level::Info, Grade::Mild), Some(Severity::Advice));
        assert_eq!(severity(Level::Deny, Grade::Normal), Some(Severity::Error));
        assert_eq!(severity(Level::Allow, Grade::Severe), None);
    }

    #[test]
    fn prefixes() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        let one = [When {
            week: 6,
            date: Some(d("2027-02-13")),
        }];
        assert_eq!(prefix(&one, &[6]).unwrap(), "week 6, Sat 2027-02-13");
        let many = [
            When {
                week: 1,
                date: Some(d("2027-01-09")),
            },
            When {
                week: 2,
                date: Some(d("2027-01-16")),
            },
        ];
        assert_eq!(
            prefix(&many, &[1, 2]).unwrap(),
            "weeks 1-2 (from Sat 2027-01-09)"
        );
        let weekly = [When {
            week: 3,
            date: None,
        }];
        assert_eq!(prefix(&weekly, &[3]).unwrap(), "week 3");
    }
}
