//! Session slots, exercise-line series and each line's catalogue entry,
//! worked out once per session rather than once per week.

use std::sync::Arc;

use super::exercise::ExerciseFacts;
use crate::plan::{Plan, SessionOccurrence};
use rustc_hash::FxHashMap;

/// What every week's occurrence of an exercise line shares.
#[derive(Debug, Clone, Copy)]
pub(super) struct Shared {
    /// The exercise's position in `Facts::exercises`, `u32::MAX` if the
    /// catalogue lacks it.
    pub(super) ex: u32,
    pub(super) series: u32,
    pub(super) rest_s: Option<u32>,
}

/// A session on a weekday: its slot and, per exercise line, the line's
/// address and what its occurrences share.
pub(super) struct Layout {
    pub(super) slot: usize,
    pub(super) lines: Vec<(usize, Shared)>,
}

/// Numbers for session slots and series, and each exercise line's
/// catalogue entry, worked out once per session.
pub(super) struct Numbering<'a, 'p> {
    exercises: &'a [ExerciseFacts<'p>],
    /// Exercise id -> its position among the plan's exercises.
    ids: FxHashMap<&'p str, usize>,
    /// Exercise line (by address) -> (exercise name as a number, its
    /// position among the plan's exercises).
    resolved: FxHashMap<usize, (u32, Option<usize>)>,
    /// Exercise name -> (a number for it, its position).
    names: FxHashMap<&'p str, (u32, Option<usize>)>,
    pub(super) slots: FxHashMap<(&'p str, u8), usize>,
    /// (slot, exercise name, nth of it in the session) -> series.
    pub(super) series: FxHashMap<(usize, u32, u32), u32>,
    /// (session, weekday), by address of the session -> its latest layout.
    layouts: FxHashMap<(usize, u8), usize>,
}

impl<'a, 'p> Numbering<'a, 'p> {
    pub(super) fn new(plan: &'p Plan, exercises: &'a [ExerciseFacts<'p>]) -> Self {
        Numbering {
            exercises,
            ids: plan
                .exercises
                .keys()
                .enumerate()
                .map(|(i, id)| (id.as_str(), i))
                .collect(),
            // Enough for a typical plan at once.
            resolved: FxHashMap::with_capacity_and_hasher(64, Default::default()),
            names: FxHashMap::with_capacity_and_hasher(32, Default::default()),
            slots: FxHashMap::with_capacity_and_hasher(16, Default::default()),
            series: FxHashMap::with_capacity_and_hasher(64, Default::default()),
            layouts: FxHashMap::with_capacity_and_hasher(16, Default::default()),
        }
    }

    /// The layout of `s` in `layouts`, added if no earlier occurrence of
    /// the session has the same lines.
    pub(super) fn layout(&mut self, s: &'p SessionOccurrence, layouts: &mut Vec<Layout>) -> usize {
        let key = (Arc::as_ptr(&s.session) as usize, s.day.index());
        let known = self.layouts.get(&key).copied().filter(|&i| {
            layouts.get(i).is_some_and(|layout| {
                layout.lines.len() == s.exercises.len()
                    && layout
                        .lines
                        .iter()
                        .zip(&s.exercises)
                        .all(|(l, p)| l.0 == Arc::as_ptr(&p.line) as usize)
            })
        });
        if let Some(i) = known {
            return i;
        }
        let layout = self.work_out(s);
        layouts.push(layout);
        let i = layouts.len() - 1;
        self.layouts.insert(key, i);
        i
    }

    fn work_out(&mut self, s: &'p SessionOccurrence) -> Layout {
        let next_slot = self.slots.len();
        let slot = *self
            .slots
            .entry((s.name.as_str(), s.day.index()))
            .or_insert(next_slot);
        let mut lines = Vec::with_capacity(s.exercises.len());
        let mut names_here: Vec<u32> = Vec::with_capacity(s.exercises.len());
        for p in &s.exercises {
            let address = Arc::as_ptr(&p.line) as usize;
            let (name, ex) = *self.resolved.entry(address).or_insert_with(|| {
                let next = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
                let ids = &self.ids;
                *self
                    .names
                    .entry(p.exercise.as_str())
                    .or_insert_with(|| (next, ids.get(p.exercise.as_str()).copied()))
            });
            // Which occurrence of the exercise in the session.
            let nth = names_here.iter().filter(|n| **n == name).count();
            names_here.push(name);
            let nth = u32::try_from(nth).unwrap_or(u32::MAX);
            let next_series = u32::try_from(self.series.len()).unwrap_or(u32::MAX);
            let series = *self.series.entry((slot, name, nth)).or_insert(next_series);
            let shared = Shared {
                ex: ex
                    .filter(|&i| i < self.exercises.len())
                    .and_then(|i| u32::try_from(i).ok())
                    .unwrap_or(u32::MAX),
                series,
                rest_s: p.rest_s,
            };
            lines.push((address, shared));
        }
        Layout { slot, lines }
    }
}
