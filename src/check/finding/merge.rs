//! Findings merged as they come: one group per distinct finding, with
//! the weeks it happens in gathered together, then diagnostics.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt::Write as _;
use std::hash::Hasher;

use jiff::civil::Date;

use super::{Finding, Grade, Text, When, severity};
use crate::check::facts::DAY_AND_DATE;
use crate::check::registry::{Level, RuleDoc};
use crate::diagnostic::{Diagnostic, Label};
use crate::span::Span;
use rustc_hash::{FxHashMap, FxHasher};

/// A rule's findings as it reports them: each merged, as soon as it is
/// pushed, with the earlier ones that differ from it only in when they
/// happen, so that the text of a finding repeated week after week is
/// kept once.
#[derive(Default)]
pub struct Findings {
    /// Each on its own, so that adding one never copies the others (nor
    /// keeps room for as many again).
    #[allow(clippy::vec_box)]
    groups: Vec<Box<Group>>,
    /// The first group of each span and message hash; the others with
    /// that key are chained through `Group::next`.
    heads: FxHashMap<(Span, u64), u32>,
}

/// Findings that differ only in when they happen.
struct Group {
    span: Span,
    label: Text,
    message: Text,
    help: Text,
    context: Box<[(Span, Text)]>,
    grade: Grade,
    /// The weeks it happens in, in order, each once.
    weeks: Vec<u32>,
    /// The first day it happens on, by week and date.
    first_day: Option<(u32, Date)>,
    /// It happens on some other day too.
    more_days: bool,
    /// It happens in some week without a day.
    undated: bool,
    /// The next group with the same span and message hash.
    next: Option<u32>,
}

impl Group {
    fn new(f: Finding, next: Option<u32>) -> Self {
        let Finding {
            span,
            label,
            message,
            help,
            mut context,
            grade,
            ..
        } = f;
        for (_, text) in &mut context {
            shrink(text);
        }
        Group {
            span,
            label: shrunk(label),
            message,
            help: shrunk(help),
            context: context.into_boxed_slice(),
            grade,
            weeks: Vec::new(),
            first_day: None,
            more_days: false,
            undated: false,
            next,
        }
    }

    fn add(&mut self, when: When) {
        match self.weeks.last() {
            Some(&last) if last == when.week => {}
            Some(&last) if last > when.week => {
                if let Err(i) = self.weeks.binary_search(&when.week) {
                    self.weeks.insert(i, when.week);
                }
            }
            _ => self.weeks.push(when.week),
        }
        match (when.date, self.first_day) {
            (None, _) => self.undated = true,
            (Some(date), None) => self.first_day = Some((when.week, date)),
            (Some(date), Some(first)) => {
                let day = (when.week, date);
                if day != first {
                    self.more_days = true;
                    self.first_day = Some(day.min(first));
                }
            }
        }
    }

    /// The message after when it happens (written into `prefix` first):
    /// `week 6, Sat 2027-02-13: ...`.
    fn text(&mut self, prefix: &mut String) -> String {
        let message = std::mem::take(&mut self.message);
        prefix.clear();
        write_prefix(
            prefix,
            &self.weeks,
            self.first_day.map(|(_, d)| d),
            !self.more_days && !self.undated,
        );
        if prefix.is_empty() {
            let mut text = message.into_owned();
            text.shrink_to_fit();
            return text;
        }
        let mut text = String::with_capacity(prefix.len() + 2 + message.len());
        text.push_str(prefix);
        text.push_str(": ");
        text.push_str(&message);
        text
    }

    /// Same finding as `f` but for when it happens.
    fn same(&self, f: &Finding) -> bool {
        self.span == f.span
            && self.grade == f.grade
            && same_text(&self.message, &f.message)
            && same_text(&self.label, &f.label)
            && same_text(&self.help, &f.help)
            && self.context.len() == f.context.len()
            && self
                .context
                .iter()
                .zip(&f.context)
                .all(|(x, y)| x.0 == y.0 && same_text(&x.1, &y.1))
    }

    /// The order of merged findings: by span, message, label, help,
    /// context and grade.
    fn order(&self, other: &Group) -> Ordering {
        (
            self.span,
            &self.message,
            &self.label,
            &self.help,
            &self.context,
            self.grade,
        )
            .cmp(&(
                other.span,
                &other.message,
                &other.label,
                &other.help,
                &other.context,
                other.grade,
            ))
    }
}

/// A text that takes no more room than it needs.
fn shrunk(mut text: Text) -> Text {
    shrink(&mut text);
    text
}

fn shrink(text: &mut Text) {
    if let Cow::Owned(s) = text {
        s.shrink_to_fit();
    }
}

impl Findings {
    /// Reports a finding.
    pub fn push(&mut self, mut f: Finding) {
        let when = f.when.take();
        let key = (f.span, text_hash(&f.message));
        let first = self.heads.get(&key).copied();
        let mut at = first;
        while let Some(i) = at {
            match self.groups.get(i as usize) {
                Some(g) if g.same(&f) => break,
                Some(g) => at = g.next,
                None => at = None,
            }
        }
        let i = match at {
            Some(i) => i as usize,
            None => {
                let i = self.groups.len();
                if let Ok(at) = u32::try_from(i) {
                    self.heads.insert(key, at);
                }
                self.groups.push(Box::new(Group::new(f, first)));
                i
            }
        };
        if let (Some(group), Some(when)) = (self.groups.get_mut(i), when) {
            group.add(when);
        }
    }

    /// The lines the findings point at, one per distinct finding.
    #[cfg(test)]
    pub fn spans(&self) -> impl Iterator<Item = Span> + '_ {
        self.groups.iter().map(|g| g.span)
    }

    /// Keeps the findings whose line passes `keep`, asked once per
    /// distinct finding, in the order they were first reported.
    pub fn retain(&mut self, mut keep: impl FnMut(Span) -> bool) {
        let before = self.groups.len();
        self.groups.retain(|g| keep(g.span));
        if self.groups.len() == before {
            return;
        }
        // Index what is left again.
        self.heads.clear();
        for i in 0..self.groups.len() {
            let Some(g) = self.groups.get(i) else {
                continue;
            };
            let key = (g.span, text_hash(&g.message));
            let next = u32::try_from(i)
                .ok()
                .and_then(|at| self.heads.insert(key, at));
            if let Some(g) = self.groups.get_mut(i) {
                g.next = next;
            }
        }
    }

    /// Done reporting: the findings in order, to be reported as `rule`'s at
    /// `level` (none when the rule is allowed).
    pub fn finish(self, rule: &'static RuleDoc, level: Level) -> Merged {
        let Findings { mut groups, heads } = self;
        drop(heads);
        if level == Level::Allow {
            groups = Vec::new();
        }
        groups.sort_unstable_by(|a, b| a.order(b));
        groups.shrink_to_fit();
        for group in &mut groups {
            group.weeks.shrink_to_fit();
            shrink(&mut group.message);
        }
        Merged {
            rule,
            level,
            groups,
        }
    }
}

/// A hash of a text, to tell most texts apart without comparing them.
fn text_hash(text: &str) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write(text.as_bytes());
    hasher.finish()
}

/// Same text: often literally the same (a fixed label or help).
fn same_text(a: &Text, b: &Text) -> bool {
    (a.len() == b.len() && std::ptr::eq(a.as_ptr(), b.as_ptr())) || a == b
}

/// A rule's findings, merged, sorted and filtered, ready to become
/// diagnostics ([`Findings::finish`]).
pub struct Merged {
    rule: &'static RuleDoc,
    level: Level,
    #[allow(clippy::vec_box)]
    groups: Vec<Box<Group>>,
}

impl Merged {
    /// How many diagnostics these make.
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// Appends a diagnostic per merged finding to `out`.
    pub fn into_diagnostics(self, out: &mut Vec<Diagnostic>) {
        let Merged {
            rule,
            level,
            groups,
        } = self;
        let note: Text = Cow::Borrowed(rule.note());
        let mut prefix = String::new();
        for mut group in groups {
            let Some(severity) = severity(level, group.grade) else {
                continue;
            };
            let text = group.text(&mut prefix);
            let Group {
                span,
                label,
                help,
                context,
                weeks,
                ..
            } = *group;
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
    }
}

/// When a merged finding happens, before its message: `week 6, Sat
/// 2027-02-13`, `weeks 1-3, 5-7 (from Sat 2027-01-09)`, `weeks 2-4`.
/// `weeks` are the weeks it happens in, `first_day` the first day it
/// happens on, and `one_day` says it happens on that day only (and in no
/// week without a day).
fn write_prefix(out: &mut String, weeks: &[u32], first_day: Option<Date>, one_day: bool) {
    match weeks {
        [] => return,
        [week] => {
            let _ = write!(out, "week {week}");
        }
        _ => {
            out.push_str("weeks ");
            write_week_ranges(out, weeks);
        }
    }
    let Some(date) = first_day else {
        return;
    };
    let _ = if one_day && weeks.len() == 1 {
        write!(out, ", {}", date.strftime(DAY_AND_DATE))
    } else {
        write!(out, " (from {})", date.strftime(DAY_AND_DATE))
    };
}

/// `1-3, 5-7, 9`.
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
    use crate::diagnostic::Severity;

    fn week_ranges(weeks: &[u32]) -> String {
        let mut out = String::new();
        write_week_ranges(&mut out, weeks);
        out
    }

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

    /// The message of the one diagnostic `findings` merge into.
    fn merged(findings: impl IntoIterator<Item = Finding>) -> String {
        let mut out = Findings::default();
        for f in findings {
            out.push(f);
        }
        assert_eq!(out.groups.len(), 1);
        out.groups[0].text(&mut String::new())
    }

    #[test]
    fn prefixes() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        let f = || Finding::new(Span::new(0, 1), "label", "it");
        assert_eq!(
            merged([f().on(6, d("2027-02-13"))]),
            "week 6, Sat 2027-02-13: it"
        );
        assert_eq!(
            merged([f().on(2, d("2027-01-16")), f().on(1, d("2027-01-09"))]),
            "weeks 1-2 (from Sat 2027-01-09): it"
        );
        assert_eq!(
            merged([f().on(3, d("2027-01-23")), f().on(3, d("2027-01-21"))]),
            "week 3 (from Thu 2027-01-21): it"
        );
        assert_eq!(
            merged([f().on(3, d("2027-01-23")), f().in_week(3)]),
            "week 3 (from Sat 2027-01-23): it"
        );
        assert_eq!(
            merged([f().on(3, d("2027-01-23")), f().on(3, d("2027-01-23"))]),
            "week 3, Sat 2027-01-23: it"
        );
        assert_eq!(merged([f().in_week(3)]), "week 3: it");
        assert_eq!(
            merged([
                f().in_week(7),
                f().in_week(2),
                f().in_week(3),
                f().in_week(2),
                f().in_week(5)
            ]),
            "weeks 2-3, 5, 7: it"
        );
        assert_eq!(merged([f(), f()]), "it");
        assert_eq!(merged([f(), f().in_week(4)]), "week 4: it");
    }
}
