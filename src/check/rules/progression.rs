//! Shared by the `progression.*` rules: the loads of an exercise line and
//! how they rise from week to week (the lines themselves, followed from
//! week to week, are `Facts::series`).

use crate::catalogue::Exercise;
use crate::plan::{LoadValue, Prescription, SetGroup, Unit};

/// The external load of each set group, in the athlete's unit.
pub fn loads(p: &Prescription) -> impl Iterator<Item = Option<f64>> + '_ {
    p.sets.iter().map(load)
}

/// A set group's external load, in the athlete's unit.
fn load(g: &SetGroup) -> Option<f64> {
    match &g.load {
        Some(LoadValue::Mass { value, .. }) if *value > 0.0 => Some(*value),
        Some(LoadValue::Bodyweight { added, .. }) if *added > 0.0 => Some(*added),
        _ => None,
    }
}

/// Same set groups with the same reps (loads may differ).
pub fn same_reps(a: &Prescription, b: &Prescription) -> bool {
    a.sets.len() == b.sets.len()
        && a.sets
            .iter()
            .zip(&b.sets)
            .all(|(x, y)| x.reps == y.reps && x.per_side == y.per_side)
}

/// The biggest load increase from `a` to `b` at the same reps: (before,
/// after), in the athlete's unit.
pub fn rise(a: &Prescription, b: &Prescription) -> Option<(f64, f64)> {
    if !same_reps(a, b) {
        return None;
    }
    loads(a)
        .zip(loads(b))
        .filter_map(|(x, y)| match (x, y) {
            (Some(x), Some(y)) if y > x + 1e-9 => Some((x, y)),
            _ => None,
        })
        .max_by(|p, q| (p.1 - p.0).total_cmp(&(q.1 - q.0)))
}

/// What a load rise is measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    /// An external load (`@80kg`).
    External,
    /// Bodyweight plus the added load, the bodyweight declared.
    Total,
    /// The added load alone: bodyweight work, the bodyweight not declared.
    AddedOnly,
}

/// The biggest relative load increase from `a` to `b` at the same reps, on
/// the total load moved: (increase, before, base), `before` including the
/// athlete's `bodyweight` for bodyweight work when it is declared.
pub fn total_rise(
    a: &Prescription,
    b: &Prescription,
    bodyweight: Option<f64>,
) -> Option<(f64, f64, Base)> {
    if !same_reps(a, b) {
        return None;
    }
    a.sets
        .iter()
        .zip(&b.sets)
        .filter_map(|(x, y)| {
            let (from, to) = (load(x)?, load(y)?);
            if to <= from + 1e-9 {
                return None;
            }
            let base = match (&x.load, bodyweight) {
                (Some(LoadValue::Bodyweight { .. }), Some(bw)) if bw > 0.0 => {
                    (from + bw, Base::Total)
                }
                (Some(LoadValue::Bodyweight { .. }), _) => (from, Base::AddedOnly),
                _ => (from, Base::External),
            };
            Some((to - from, base.0, base.1))
        })
        .max_by(|p, q| (p.0 / p.1).total_cmp(&(q.0 / q.1)))
}

/// The smallest jump the equipment allows, in `unit`: the next dumbbell,
/// two of the smallest plates, the next kettlebell. A plan's `round` (its
/// plate step) raises it.
pub fn smallest_step(ex: Option<&Exercise>, unit: Unit, round: f64) -> f64 {
    let equipment = ex.map_or("barbell", |e| e.equipment.as_str());
    let (kg, lb): (f64, f64) = match equipment {
        "dumbbell" => (2.5, 5.0),
        "kettlebell" => (4.0, 10.0),
        "machine" | "cable" | "sandbag" => (5.0, 10.0),
        "sled" => (5.0, 10.0),
        "medicine-ball" => (1.0, 2.0),
        // Barbells, trap bars, landmines and plates; added load on
        // bodyweight work comes in plates too.
        _ => (2.5, 5.0),
    };
    let step = match unit {
        Unit::Kg => kg,
        Unit::Lb => lb,
    };
    step.max(round)
}
