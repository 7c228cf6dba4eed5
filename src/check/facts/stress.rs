//! The stress model: whether a session taxes the legs enough to matter
//! before a key run or a race, between sessions for the same muscles, and
//! why. Every rule about spacing, pre-run, pre-race and recovery reads its
//! verdict from here rather than testing for "heavy" its own way.
//!
//! A session is taxing when, in the lower body, it has
//! - a heavy set of a multi-joint lift: at least [`HEAVY_PERCENT`] of 1RM
//!   (declared, computed from the athlete's declared max, or read from RPE
//!   or RIR with the RPE chart), or a plain load for a few reps on a main
//!   lift (the heavier reading, for safety; see `rules/exercises.yaml`);
//! - an eccentric-biased exercise (Nordic curls, reverse Nordics, heel
//!   drops), whatever its load;
//! - lower-body strength work lowered slowly (`tempo 4-0-1` or slower:
//!   [`crate::ast::Tempo::is_eccentric`]): eccentric stress as the
//!   language defines it;
//! - at least [`TAXING_HIGH_CONTACTS`] high-intensity plyometric contacts
//!   (depth and drop jumps), or at least [`TAXING_CONTACTS`] moderate- or
//!   high-intensity ones (bounding, box jumps, hops).
//!
//! Isolation and trunk work and low-intensity plyometrics (pogo hops,
//! skipping) are never taxing. The contact floors are practice, not trial
//! evidence: Marcora & Bosio 2007 found 100 drop jumps slowed a time trial
//! 48 h later, and NSCA caps a beginner's whole session at 80-100 contacts.

use std::fmt;

use super::exercise::ExerciseFacts;
use crate::catalogue::Stress;
use crate::plan::Prescription;

/// High-intensity contacts (depth and drop jumps) that make a session
/// taxing.
pub const TAXING_HIGH_CONTACTS: u32 = 20;

/// Moderate- and high-intensity contacts together that make a session
/// taxing.
pub const TAXING_CONTACTS: u32 = 60;

/// Why a session is taxing: the first reason found, in this order of
/// weight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Taxing {
    /// A heavy set of a multi-joint lower-body lift: the line's position in
    /// the session. (Its share of 1RM is left out: it changes from week to
    /// week, and a finding repeated every week is kept once.)
    Heavy { line: u16 },
    /// This many high-intensity plyometric contacts.
    HighContacts(u32),
    /// An eccentric-biased lower-body exercise: the line's position.
    Eccentric { line: u16 },
    /// Lower-body strength work lowered for `lower` seconds a rep: the
    /// line's position.
    SlowEccentric { line: u16, lower: u32 },
    /// This many moderate- and high-intensity contacts.
    Contacts(u32),
}

/// The parts of a session the stress model adds up, line by line.
#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    heavy: Option<u16>,
    eccentric: Option<u16>,
    slow: Option<(u16, u32)>,
    high: u32,
    moderate: u32,
}

impl Tally {
    /// Adds the session's line `k`: an exercise of class `stress` that
    /// works the lower body (`lower`) or not, with a heavy set (`heavy`),
    /// and `contacts` foot contacts.
    pub fn add(&mut self, k: usize, stress: Stress, lower: bool, heavy: bool, contacts: u32) {
        let k = u16::try_from(k).unwrap_or(u16::MAX);
        if lower && heavy && self.heavy.is_none() {
            self.heavy = Some(k);
        }
        match stress {
            Stress::Eccentric if lower && self.eccentric.is_none() => self.eccentric = Some(k),
            Stress::PlyoHigh => self.high = self.high.saturating_add(contacts),
            Stress::PlyoModerate => self.moderate = self.moderate.saturating_add(contacts),
            _ => {}
        }
    }

    /// A line with its `or` alternatives, to add up as one ([`Choice`]).
    pub fn choice(&self) -> Choice {
        Choice::default()
    }

    /// Adds a line at its worst option: heavy or eccentric if any option
    /// is, and the most contacts of each intensity any option has.
    pub fn take(&mut self, choice: Choice) {
        if self.heavy.is_none() {
            self.heavy = choice.heavy;
        }
        if self.eccentric.is_none() {
            self.eccentric = choice.eccentric;
        }
        if self.slow.is_none() {
            self.slow = choice.slow;
        }
        self.high = self.high.saturating_add(choice.high);
        self.moderate = self.moderate.saturating_add(choice.moderate);
    }

    /// The session's verdict.
    pub fn verdict(&self) -> Option<Taxing> {
        if let Some(line) = self.heavy {
            return Some(Taxing::Heavy { line });
        }
        if self.high >= TAXING_HIGH_CONTACTS {
            return Some(Taxing::HighContacts(self.high));
        }
        if let Some(line) = self.eccentric {
            return Some(Taxing::Eccentric { line });
        }
        if let Some((line, lower)) = self.slow {
            return Some(Taxing::SlowEccentric { line, lower });
        }
        let both = self.high.saturating_add(self.moderate);
        (both >= TAXING_CONTACTS).then_some(Taxing::Contacts(both))
    }
}

/// The options of one line (the line and its `or` alternatives), each
/// as if chosen: [`Tally::take`] adds the worst of them.
#[derive(Debug, Default, Clone, Copy)]
pub struct Choice {
    heavy: Option<u16>,
    eccentric: Option<u16>,
    slow: Option<(u16, u32)>,
    high: u32,
    moderate: u32,
}

impl Choice {
    /// One option: at index `k` (the session's lines, then its
    /// alternatives), as [`Tally::add`] takes a line.
    pub fn add(&mut self, k: usize, stress: Stress, lower: bool, heavy: bool, contacts: u32) {
        let mut one = Tally::default();
        one.add(k, stress, lower, heavy, contacts);
        self.heavy = self.heavy.or(one.heavy);
        self.eccentric = self.eccentric.or(one.eccentric);
        self.high = self.high.max(one.high);
        self.moderate = self.moderate.max(one.moderate);
    }

    /// The option at index `k` is lower-body strength work lowered for
    /// `lower` seconds a rep.
    pub fn slow_eccentric(&mut self, k: usize, lower: u32) {
        let k = u16::try_from(k).unwrap_or(u16::MAX);
        self.slow = self.slow.or(Some((k, lower)));
    }
}

/// Foot contacts of a line of exercise `e`: none unless it is plyometric.
pub fn line_contacts(p: &Prescription, e: &ExerciseFacts<'_>) -> u32 {
    if e.plyometric {
        contacts(p, e.contacts.unwrap_or(1))
    } else {
        0
    }
}

/// Foot contacts of a plyometric line: `per_rep` a rep (a skip is two),
/// the most reps a set asks for, `/side` doubled.
pub fn contacts(p: &Prescription, per_rep: u32) -> u32 {
    let mut total = 0u64;
    for g in &p.sets {
        let reps = u64::from(super::reps_high(&g.reps).unwrap_or(0));
        let sides = if g.per_side { 2 } else { 1 };
        total += u64::from(g.sets) * reps * u64::from(per_rep) * sides;
    }
    u32::try_from(total).unwrap_or(u32::MAX)
}

/// A [`Taxing`] verdict as a message says it, with the exercise the
/// session names at that line: `heavy back-squat`, `50
/// high-intensity plyometric contacts`, `nordic-curl: heavy eccentric`.
pub struct Reason<'a> {
    pub taxing: Taxing,
    pub exercise: Option<&'a str>,
    /// The exercise is an `or` alternative (judged as if chosen).
    pub alternative: bool,
}

impl fmt::Display for Reason<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ex = self.exercise.unwrap_or("leg work");
        match self.taxing {
            Taxing::Heavy { .. } => write!(f, "heavy {ex}")?,
            Taxing::HighContacts(n) => write!(f, "{n} high-intensity plyometric contacts")?,
            Taxing::Eccentric { .. } => write!(f, "{ex}: heavy eccentric")?,
            Taxing::SlowEccentric { lower, .. } => {
                write!(f, "{ex}: slow eccentric ({lower}s lowering a rep)")?;
            }
            Taxing::Contacts(n) => {
                write!(f, "{n} moderate- to high-intensity plyometric contacts")?;
            }
        }
        if self.alternative {
            f.write_str(" (if the alternative is chosen)")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts_in_order_of_weight() {
        let mut t = Tally::default();
        t.add(0, Stress::PlyoLow, true, false, 200);
        t.add(1, Stress::Isolation, true, false, 0);
        assert_eq!(t.verdict(), None);
        t.add(2, Stress::PlyoModerate, true, false, 59);
        assert_eq!(t.verdict(), None);
        t.add(3, Stress::PlyoModerate, true, false, 1);
        assert_eq!(t.verdict(), Some(Taxing::Contacts(60)));
        let mut slow = t.choice();
        slow.slow_eccentric(9, 4);
        t.take(slow);
        assert_eq!(
            t.verdict(),
            Some(Taxing::SlowEccentric { line: 9, lower: 4 })
        );
        t.add(4, Stress::Eccentric, true, false, 0);
        assert_eq!(t.verdict(), Some(Taxing::Eccentric { line: 4 }));
        t.add(5, Stress::PlyoHigh, true, false, 20);
        assert_eq!(t.verdict(), Some(Taxing::HighContacts(20)));
        t.add(6, Stress::Main, false, true, 0);
        assert_eq!(t.verdict(), Some(Taxing::HighContacts(20)));
        t.add(7, Stress::Main, true, true, 0);
        assert_eq!(t.verdict(), Some(Taxing::Heavy { line: 7 }));
    }

    #[test]
    fn reasons_read_as_prose() {
        let r = |taxing, exercise| {
            Reason {
                taxing,
                exercise,
                alternative: false,
            }
            .to_string()
        };
        assert_eq!(
            r(Taxing::Heavy { line: 0 }, Some("back-squat")),
            "heavy back-squat"
        );
        assert_eq!(
            r(Taxing::HighContacts(50), None),
            "50 high-intensity plyometric contacts"
        );
        assert_eq!(
            r(Taxing::Eccentric { line: 0 }, Some("nordic-curl")),
            "nordic-curl: heavy eccentric"
        );
    }
}
