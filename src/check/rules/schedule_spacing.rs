//! `schedule.spacing`: the plan's own `spacing { }` constraints. Each
//! constraint is checked in one sweep over the plan's events in time order:
//! for every event the second selector matches, the event of the first
//! selector that ended last before it.

use std::fmt::{self, Write as _};

use jiff::civil::Date;

use crate::ast::{ConstraintKind, Intensity, Selector};
use crate::check::Context;
use crate::check::facts::{Interval, Session, days_between, describe_run};
use crate::check::finding::{Finding, Findings, LazyText};
use crate::check::params::{duration, format_duration};
use crate::plan::{RaceEvent, RunOccurrence, SpacingConstraint};
use crate::span::Span;

enum Kind<'p> {
    Session(&'p Session<'p>),
    Run(&'p RunOccurrence),
    Race(&'p RaceEvent),
}

struct Event<'p> {
    interval: Interval,
    date: Date,
    week: u32,
    kind: Kind<'p>,
}

/// What an event is called in a message: `Lower A`, `the hard run
/// "Intervals"`, `the race "Brighton Half"`.
struct What<'a, 'p>(&'a Event<'p>);

impl fmt::Display for What<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.kind {
            Kind::Session(s) => f.write_str(&s.name),
            Kind::Run(r) => write!(f, "{}", describe_run(r)),
            Kind::Race(r) => write!(f, "the race \"{}\"", r.name),
        }
    }
}

impl<'p> Event<'p> {
    fn what(&self) -> What<'_, 'p> {
        What(self)
    }

    fn span(&self) -> Span {
        match self.kind {
            Kind::Session(s) => s.header,
            Kind::Run(r) => r.span,
            Kind::Race(r) => r.span,
        }
    }

    /// `this session`, `and this session`, `this session, on two days`.
    fn labels(&self) -> [&'static str; 3] {
        match self.kind {
            Kind::Session(_) => [
                "this session",
                "and this session",
                "this session, on two days",
            ],
            Kind::Run(_) => ["this run", "and this run", "this run, on two days"],
            Kind::Race(_) => ["this race", "and this race", "this race, on two days"],
        }
    }
}

fn matches(selector: &Selector, event: &Event<'_>) -> bool {
    match (&event.kind, selector) {
        (Kind::Session(_), Selector::Strength) => true,
        (Kind::Session(s), Selector::Lower) => s.lower,
        (Kind::Session(s), Selector::Upper) => s.upper,
        (Kind::Session(s), Selector::Plyo) => s.plyometric,
        (Kind::Session(s), Selector::Named(name)) => s.name == *name,
        (Kind::Run(_), Selector::Run) => true,
        (Kind::Run(r), Selector::HardRun) => r.intensity == Intensity::Hard,
        (Kind::Run(r), Selector::EasyRun) => r.intensity == Intensity::Easy,
        (Kind::Run(r), Selector::Named(name)) => r.label.as_deref() == Some(name.as_str()),
        (Kind::Race(_), Selector::Race) => true,
        (Kind::Race(r), Selector::Named(name)) => r.name == *name,
        _ => false,
    }
}

pub fn check(ctx: &Context<'_>, out: &mut Findings) {
    if ctx.plan.spacing.is_empty() {
        return;
    }
    let facts = ctx.facts;
    let mut events: Vec<Event<'_>> = facts
        .sessions()
        .iter()
        .map(|s| Event {
            interval: s.interval,
            date: s.date,
            week: s.week,
            kind: Kind::Session(s),
        })
        .chain(facts.runs().iter().map(|r| Event {
            interval: r.interval,
            date: r.date,
            week: r.week,
            kind: Kind::Run(r.occurrence),
        }))
        .chain(ctx.plan.races.iter().filter_map(|r| {
            Some(Event {
                interval: facts.race(r),
                date: r.date,
                week: u32::try_from(r.week).ok()?,
                kind: Kind::Race(r),
            })
        }))
        .collect();
    events.sort_by_key(|e| (e.interval.start, e.interval.end));
    for constraint in &ctx.plan.spacing {
        let required = LazyText::new(|| format_duration(i64::from(constraint.gap_s)));
        let wording = LazyText::new(|| format!("requires {required}"));
        let help = LazyText::new(|| {
            format!("move one of them so that {required} separate them, or change the constraint")
        });
        let first: Vec<bool> = events
            .iter()
            .map(|e| matches(&constraint.first, e))
            .collect();
        let second: Vec<bool> = events
            .iter()
            .map(|e| matches(&constraint.second, e))
            .collect();
        let gap = i64::from(constraint.gap_s);
        let mut pairs = violations(&events, &first, &second, gap);
        if constraint.kind == ConstraintKind::Between {
            pairs.extend(violations(&events, &second, &first, gap));
            for pair in &mut pairs {
                if pair.0 > pair.1 {
                    *pair = (pair.1, pair.0);
                }
            }
            pairs.sort_unstable();
            pairs.dedup();
        }
        for (a, b) in pairs {
            let f = finding(constraint, &events[a], &events[b], wording.to_string());
            out.push(f.help(help.to_string()));
        }
    }
}

/// Pairs (a, b) of event indices, a matching `first` and starting no later
/// than b matching `second`, less than `gap` apart. One pair per b: the a
/// that ends last. Events are sorted by start.
fn violations(
    events: &[Event<'_>],
    first: &[bool],
    second: &[bool],
    gap: i64,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // The two first-events seen so far that end last (two, so that an
    // event matching both selectors is not compared with itself).
    let mut best: [Option<usize>; 2] = [None, None];
    let mut i = 0;
    while i < events.len() {
        // Events starting together: all enter before any is compared.
        let mut j = i;
        while j < events.len() && events[j].interval.start == events[i].interval.start {
            if first[j] {
                let end = events[j].interval.end;
                match best {
                    [Some(b0), _] if events[b0].interval.end >= end => {
                        if best[1].is_none_or(|b1| events[b1].interval.end < end) {
                            best[1] = Some(j);
                        }
                    }
                    _ => best = [Some(j), best[0]],
                }
            }
            j += 1;
        }
        for b in i..j {
            if !second[b] {
                continue;
            }
            let a = best.iter().flatten().copied().find(|&a| a != b);
            if let Some(a) = a
                && events[a].interval.gap_to(&events[b].interval) < gap
            {
                out.push((a, b));
            }
        }
        i = j;
    }
    out
}

/// The finding for two events too close together, labelled `label`.
fn finding(constraint: &SpacingConstraint, a: &Event<'_>, b: &Event<'_>, label: String) -> Finding {
    let (first, second) =
        if (a.interval.start, a.interval.end) <= (b.interval.start, b.interval.end) {
            (a, b)
        } else {
            (b, a)
        };
    let gap = first.interval.gap_to(&second.interval);
    let mut message = String::with_capacity(80);
    let _ = write!(message, "{} ", second.what());
    let _ = if first.interval.timed && second.interval.timed {
        if gap < 0 {
            write!(message, "overlaps {}", first.what())
        } else {
            write!(
                message,
                "starts {} after {} ends",
                duration(gap),
                first.what()
            )
        }
    } else {
        match days_between(first.date, second.date) {
            0 => write!(message, "is on the same day as {}", first.what()),
            1 => write!(message, "is the day after {}", first.what()),
            n => write!(message, "is {n} days after {}", first.what()),
        }
    };
    let f = Finding::new(constraint.span, label, capitalize(message)).on(second.week, second.date);
    if first.span() == second.span() {
        f.context(first.span(), first.labels()[2])
    } else {
        f.context(first.span(), first.labels()[0])
            .context(second.span(), second.labels()[1])
    }
}

/// `text` with its first letter in upper case.
fn capitalize(mut text: String) -> String {
    match text.chars().next() {
        Some(c) if c.is_ascii() => {
            text[..1].make_ascii_uppercase();
            text
        }
        Some(_) => {
            let mut chars = text.chars();
            match chars.next() {
                Some(c) => c.to_uppercase().chain(chars).collect(),
                None => String::new(),
            }
        }
        None => text,
    }
}
