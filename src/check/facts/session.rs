//! Sessions, their exercise lines and runs, with what rules ask of them.

use std::ops::Deref;

use super::LONG_RUN_MIN;
use super::exercise::ExerciseFacts;
use super::sets::SetFacts;
use super::stress::{Reason, Taxing};
use super::time::Interval;
use super::week::WeekFacts;
use crate::ast::Intensity;
use crate::catalogue::Stress;
use crate::plan::{Prescription, RunOccurrence, SessionOccurrence};

/// One prescription of one session occurrence, with its exercise. Made
/// on the fly by [`Facts::lines`]: only `heavy` changes from week to week.
#[derive(Debug, Clone, Copy)]
pub struct Line<'p> {
    pub prescription: &'p Prescription,
    /// The exercise (`None` only if the plan's catalogue lacks it).
    pub ex: Option<ExerciseFacts<'p>>,
    /// Some set is heavy: a multi-joint lift at
    /// [`super::HEAVY_PERCENT`] of 1RM or more, or a main lift with a plain
    /// load for a few reps ([`super::is_heavy`]).
    pub heavy: bool,
    /// The same exercise line followed from week to week, as a number
    /// (`0..Facts::series_count()`): every occurrence of one exercise (the
    /// first, the second... of it in the session) in the sessions of one
    /// name and weekday. A block that keeps a session's name continues the
    /// series of its lines.
    pub series: u32,
    /// The written rest between sets.
    pub rest_s: Option<u32>,
}

impl Deref for Line<'_> {
    type Target = Prescription;

    fn deref(&self) -> &Prescription {
        self.prescription
    }
}

impl Line<'_> {
    /// What its sets add up to.
    pub fn set_facts(&self) -> SetFacts {
        SetFacts::of(self.prescription, self.stress())
    }

    /// Its exercise's stress class (isolation when the catalogue lacks it).
    pub fn stress(&self) -> Stress {
        self.ex.map_or(Stress::Isolation, |e| e.stress())
    }

    /// The exercise is resolved and `test` holds for it.
    pub fn is(&self, test: impl FnOnce(&ExerciseFacts<'_>) -> bool) -> bool {
        self.ex.as_ref().is_some_and(test)
    }
}

/// One session occurrence, with what rules ask of it.
#[derive(Debug, Clone, Copy)]
pub struct Session<'p> {
    pub occurrence: &'p SessionOccurrence,
    pub interval: Interval,
    /// What its week is for.
    pub week_facts: WeekFacts,
    /// The session's name and weekday as a number, the same for every
    /// week's occurrence (and for a later block's session of that name on
    /// that day): `0..Facts::slots()`.
    pub slot: u32,
    /// Some exercise works the lower body.
    pub lower: bool,
    /// Some exercise works the upper body.
    pub upper: bool,
    /// Some exercise is a plyometric one.
    pub plyometric: bool,
    /// Some exercise is lower-body strength work (plyometrics aside), and
    /// the session counts toward minimums (not `optional`): what the
    /// frequency, pairing and selection rules count.
    pub lower_resistance: bool,
    /// Whether, and why, it taxes the legs (the stress model,
    /// [`super::stress`]).
    pub taxing: Option<Taxing>,
    /// Its lines' shared facts, in `Facts::layouts`.
    pub(super) layout: u32,
    /// Its first line's bit in `Facts::heavy`.
    pub(super) first_line: u32,
}

impl<'p> Session<'p> {
    /// Why it taxes the legs, as a message says it (`heavy back-squat`,
    /// `nordic-curl: heavy eccentric`), when it does.
    pub fn taxing_reason(&self) -> Option<Reason<'p>> {
        let taxing = self.taxing?;
        let line = match taxing {
            Taxing::Heavy { line, .. }
            | Taxing::Eccentric { line }
            | Taxing::SlowEccentric { line, .. } => Some(line),
            Taxing::HighContacts(_) | Taxing::Contacts(_) => None,
        };
        let occurrence: &'p SessionOccurrence = self.occurrence;
        // Lines are numbered first, then the `or` alternatives.
        let count = occurrence.exercises.len();
        let (exercise, alternative) = match line.map(usize::from) {
            Some(k) if k < count => (occurrence.exercises.get(k), false),
            Some(k) => (
                occurrence
                    .alternatives
                    .get(k - count)
                    .map(|a| &a.prescription),
                true,
            ),
            None => (None, false),
        };
        Some(Reason {
            taxing,
            exercise: exercise.map(|p| p.exercise.as_str()),
            alternative,
        })
    }
}

impl Deref for Session<'_> {
    type Target = SessionOccurrence;

    fn deref(&self) -> &SessionOccurrence {
        self.occurrence
    }
}

/// One run occurrence, with when it happens.
#[derive(Debug, Clone, Copy)]
pub struct Run<'p> {
    pub occurrence: &'p RunOccurrence,
    pub interval: Interval,
    /// A key run ([`is_key_run`]).
    pub key: bool,
}

impl Deref for Run<'_> {
    type Target = RunOccurrence;

    fn deref(&self) -> &RunOccurrence {
        self.occurrence
    }
}

/// Intervals, hard running and long runs: the runs lifting must not spoil.
pub fn is_key_run(run: &RunOccurrence) -> bool {
    // `long` in any case. Only ASCII letters lowercase to ASCII `l`, `o`,
    // `n` and `g`, so this is `to_lowercase().contains("long")` without
    // the copy.
    run.intensity == Intensity::Hard
        || run.duration_min >= LONG_RUN_MIN
        || run.label.as_deref().is_some_and(|l| {
            l.as_bytes()
                .windows(4)
                .any(|w| w.eq_ignore_ascii_case(b"long"))
        })
}

/// `the hard run "Intervals"`, `the 45min easy run`.
pub fn describe_run(run: &RunOccurrence) -> RunDescription<'_> {
    RunDescription(run)
}

/// A run as messages name it (see [`describe_run`]), written straight into
/// the message.
pub struct RunDescription<'a>(&'a RunOccurrence);

impl std::fmt::Display for RunDescription<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let run = self.0;
        match &run.label {
            Some(label) => write!(f, "the {} run \"{label}\"", run.intensity.keyword()),
            None => write!(
                f,
                "the {}min {} run",
                run.duration_min,
                run.intensity.keyword()
            ),
        }
    }
}
