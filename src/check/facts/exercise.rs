//! The catalogue exercises a plan uses, classified once.

use std::ops::Deref;
use std::sync::OnceLock;

use crate::catalogue::{Exercise, LOWER_BODY, Stress, UPPER_BODY};

/// A catalogue exercise the plan uses, classified once.
#[derive(Debug, Clone, Copy)]
pub struct ExerciseFacts<'p> {
    pub entry: &'p Exercise,
    /// Its position among the plan's exercises (`Facts::exercises`), for
    /// tables a rule keeps per exercise.
    pub index: usize,
    /// Works a lower-body muscle as a prime mover.
    pub lower: bool,
    /// Works an upper-body muscle as a prime mover.
    pub upper: bool,
    pub plyometric: bool,
    /// The limb muscles it works as a prime mover: bit `i` is
    /// `limb_muscles()[i]`.
    pub limb_muscles: u32,
}

impl Deref for ExerciseFacts<'_> {
    type Target = Exercise;

    fn deref(&self) -> &Exercise {
        self.entry
    }
}

impl ExerciseFacts<'_> {
    /// Strength work: anything but plyometrics.
    pub fn resistance(&self) -> bool {
        !self.plyometric && self.is_strength()
    }

    pub fn lower_resistance(&self) -> bool {
        self.lower && self.resistance()
    }

    /// A main lower-body lift (catalogue stress class `main`): the lifts
    /// runners' trials loaded heavily.
    pub fn main_lower(&self) -> bool {
        self.entry.stress() == Stress::Main && self.lower_resistance()
    }
}

pub(super) fn classify(index: usize, entry: &Exercise) -> ExerciseFacts<'_> {
    let limb = limb_muscles();
    let limb_muscles = entry
        .muscles
        .iter()
        .filter(|_| entry.is_strength())
        .filter_map(|m| limb.iter().position(|l| *l == m.as_str()))
        .fold(0u32, |bits, i| {
            bits | 1u32.checked_shl(i as u32).unwrap_or(0)
        });
    ExerciseFacts {
        entry,
        index,
        lower: entry.is_strength() && entry.is_lower(),
        upper: entry.is_strength() && entry.is_upper(),
        plyometric: entry.is_plyometric(),
        limb_muscles,
    }
}

/// The muscles of the arms and legs ([`LOWER_BODY`] and [`UPPER_BODY`]),
/// in alphabetical order: the bits of [`ExerciseFacts::limb_muscles`].
pub fn limb_muscles() -> &'static [&'static str] {
    static LIMB: OnceLock<Vec<&'static str>> = OnceLock::new();
    LIMB.get_or_init(|| {
        let mut all: Vec<&'static str> = LOWER_BODY.iter().chain(UPPER_BODY).copied().collect();
        all.sort_unstable();
        all.dedup();
        all
    })
}

/// Strength work: anything but plyometrics.
pub fn is_resistance(ex: &Exercise) -> bool {
    !ex.is_plyometric() && ex.is_strength()
}
