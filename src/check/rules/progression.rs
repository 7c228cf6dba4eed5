//! Shared by the `progression.*` rules: the same exercise line followed
//! from week to week.

use std::collections::BTreeMap;

use crate::catalogue::Exercise;
use crate::plan::{LoadValue, Plan, Prescription, SessionOccurrence, Unit, WeekKind};

/// One exercise of one session occurrence.
pub struct Entry<'p> {
    pub session: &'p SessionOccurrence,
    pub line: &'p Prescription,
    pub kind: WeekKind,
}

/// Session name, weekday, exercise, and which occurrence of that exercise
/// in the session: the same line across weeks and across blocks (a block
/// that keeps a session's name continues it).
type Key = (String, u8, String, usize);

/// Every exercise line's occurrences, in date order.
pub fn series(plan: &Plan) -> BTreeMap<Key, Vec<Entry<'_>>> {
    let mut out: BTreeMap<Key, Vec<Entry<'_>>> = BTreeMap::new();
    for week in &plan.weeks {
        for s in &week.sessions {
            let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
            for line in &s.exercises {
                let nth = seen.entry(line.exercise.as_str()).or_default();
                let key = (s.name.clone(), s.day.index(), line.exercise.clone(), *nth);
                *nth += 1;
                out.entry(key).or_default().push(Entry {
                    session: s,
                    line,
                    kind: week.kind,
                });
            }
        }
    }
    out
}

/// The external load of each set group, in the athlete's unit.
pub fn loads(p: &Prescription) -> Vec<Option<f64>> {
    p.sets
        .iter()
        .map(|g| match &g.load {
            Some(LoadValue::Mass { value, .. }) if *value > 0.0 => Some(*value),
            Some(LoadValue::Bodyweight { added, .. }) if *added > 0.0 => Some(*added),
            _ => None,
        })
        .collect()
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
        .into_iter()
        .zip(loads(b))
        .filter_map(|(x, y)| match (x, y) {
            (Some(x), Some(y)) if y > x + 1e-9 => Some((x, y)),
            _ => None,
        })
        .max_by(|p, q| (p.1 - p.0).total_cmp(&(q.1 - q.0)))
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
