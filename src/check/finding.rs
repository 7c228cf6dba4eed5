//! What a rule reports, and how findings become diagnostics: one per
//! distinct finding, with the weeks it happens in gathered together.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::cmp::Ordering;
use std::fmt::{self, Write as _};
use std::hash::Hasher;

use jiff::civil::Date;

use super::facts::DAY_AND_DATE;
use super::fastmap::{FastHasher, FastMap};
use super::registry::{Level, RuleDoc};
use crate::diagnostic::{Diagnostic, Label, Severity};
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

/// Findings that differ only in when they happen.
struct Group {
    finding: Finding,
    whens: Vec<When>,
    /// The next group with the same span and message hash.
    next: Option<usize>,
}

/// A hash of a text, to tell most texts apart without comparing them.
fn text_hash(text: &str) -> u64 {
    let mut hasher = FastHasher::default();
    hasher.write(text.as_bytes());
    hasher.finish()
}

/// Same text: often literally the same (a fixed label or help).
fn same_text(a: &Text, b: &Text) -> bool {
    (a.len() == b.len() && std::ptr::eq(a.as_ptr(), b.as_ptr())) || a == b
}

/// Same finding but for when it happens.
fn same(a: &Finding, b: &Finding) -> bool {
    a.span == b.span
        && a.grade == b.grade
        && same_text(&a.message, &b.message)
        && same_text(&a.label, &b.label)
        && same_text(&a.help, &b.help)
        && a.context.len() == b.context.len()
        && a.context
            .iter()
            .zip(&b.context)
            .all(|(x, y)| x.0 == y.0 && same_text(&x.1, &y.1))
}

/// The order of merged findings: by span, message, label, help, context
/// and grade.
fn order(a: &Finding, b: &Finding) -> Ordering {
    (a.span, &a.message, &a.label, &a.help, &a.context, a.grade)
        .cmp(&(b.span, &b.message, &b.label, &b.help, &b.context, b.grade))
}

/// Merges findings that differ only in when they happen, and turns them
/// into diagnostics of `rule` at `level`.
pub fn to_diagnostics(
    rule: &'static RuleDoc,
    level: Level,
    findings: Vec<Finding>,
) -> Vec<Diagnostic> {
    if level == Level::Allow {
        return Vec::new();
    }
    // Groups, found by span and message: the findings of one line (or of
    // one spacing constraint) with one message are few.
    let mut groups: Vec<Group> = Vec::new();
    let mut heads: FastMap<(Span, u64), usize> = FastMap::default();
    for mut f in findings {
        let when = f.when.take();
        let key = (f.span, text_hash(&f.message));
        let first = heads.get(&key).copied();
        let mut at = first;
        while let Some(i) = at {
            match groups.get(i) {
                Some(g) if same(&g.finding, &f) => break,
                Some(g) => at = g.next,
                None => at = None,
            }
        }
        let group = match at.and_then(|i| groups.get_mut(i)) {
            Some(group) => group,
            None => {
                heads.insert(key, groups.len());
                groups.push(Group {
                    finding: f,
                    whens: Vec::new(),
                    next: first,
                });
                let Some(group) = groups.last_mut() else {
                    continue;
                };
                group
            }
        };
        if let Some(when) = when {
            group.whens.push(when);
        }
    }
    if groups.is_empty() {
        return Vec::new();
    }
    groups.sort_unstable_by(|a, b| order(&a.finding, &b.finding));
    let mut out = Vec::with_capacity(groups.len());
    let note: Text = Cow::Borrowed(rule.note());
    for Group {
        finding, mut whens, ..
    } in groups
    {
        let Finding {
            span,
            label,
            message,
            help,
            context,
            grade,
            ..
        } = finding;
        let Some(severity) = severity(level, grade) else {
            continue;
        };
        whens.sort();
        whens.dedup();
        let mut weeks: Vec<u32> = whens.iter().map(|w| w.week).collect();
        weeks.dedup();
        let text = with_prefix(&whens, &weeks, message);
        let mut d = Diagnostic::new(rule.name.as_str(), severity, text);
        d.labels.reserve_exact(1 + context.len());
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
        d.notes = vec![note.clone()];
        d.weeks = weeks;
        out.push(d);
    }
    out
}

/// The message after when it happens: `week 6, Sat 2027-02-13: ...`.
fn with_prefix(whens: &[When], weeks: &[u32], message: Text) -> String {
    if whens.is_empty() {
        return message.into_owned();
    }
    let mut out = String::with_capacity(message.len() + 40 + 4 * weeks.len());
    write_prefix(&mut out, whens, weeks);
    out.push_str(": ");
    out.push_str(&message);
    out
}

/// `week 6, Sat 2027-02-13`, `weeks 1-3, 5-7 (from Sat 2027-01-09)`,
/// `weeks 2-4`.
#[cfg(test)]
fn prefix(whens: &[When], weeks: &[u32]) -> Option<String> {
    let mut out = String::new();
    write_prefix(&mut out, whens, weeks);
    (!whens.is_empty()).then_some(out)
}

fn write_prefix(out: &mut String, whens: &[When], weeks: &[u32]) {
    let Some(first) = whens.first() else {
        return;
    };
    match weeks {
        [week] => {
            let _ = write!(out, "week {week}");
        }
        _ => {
            out.push_str("weeks ");
            write_week_ranges(out, weeks);
        }
    }
    let mut dates = whens.iter().filter_map(|w| w.date);
    let Some(date) = dates.next() else {
        return;
    };
    let _ = if dates.next().is_none() && first.date.is_some() && weeks.len() == 1 {
        write!(out, ", {}", date.strftime(DAY_AND_DATE))
    } else {
        write!(out, " (from {})", date.strftime(DAY_AND_DATE))
    };
}

/// `1-3, 5-7, 9`.
pub fn week_ranges(weeks: &[u32]) -> String {
    let mut out = String::new();
    write_week_ranges(&mut out, weeks);
    out
}

fn write_week_ranges(out: &mut String, weeks: &[u32]) {
    let start = out.len();
    let mut i = 0;
    while i < weeks.len() {
        let mut j = i;
        while j + 1 < weeks.len() && weeks[j + 1] == weeks[j] + 1 {
            j += 1;
        }
        if out.len() > start {
            out.push_str(", ");
        }
        let _ = if i == j {
            write!(out, "{}", weeks[i])
        } else {
            write!(out, "{}-{}", weeks[i], weeks[j])
        };
        i = j + 1;
    }
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
