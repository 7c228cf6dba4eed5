//! How long a session takes by its content: warm-up, sets, reps, rests,
//! changes between exercises and cool-down. `session.duration` compares it
//! with the written time; other output may show it.

use crate::ast::Reps;
use crate::plan::SessionOccurrence;

/// Seconds per rep, per metre carried, and to change exercise.
pub const REP_S: u32 = 4;
pub const METRE_S: u32 = 1;
pub const CHANGE_S: u32 = 60;
/// Rest assumed between sets when the plan does not say.
pub const REST_S: u32 = 90;

/// Seconds a session takes: warm-up, work, rests, changes, cool-down.
pub fn estimate(s: &SessionOccurrence) -> u32 {
    let phase = |p: &Option<crate::plan::PhaseInfo>| {
        p.as_ref()
            .map_or(0, |p| (p.duration_min * 60.0).round() as u32)
    };
    let mut total = phase(&s.warmup) + phase(&s.cooldown);
    for p in &s.exercises {
        let rest = p.rest_s.unwrap_or(REST_S);
        let sets = p.total_sets();
        for g in &p.sets {
            let work = match g.reps {
                Reps::Exactly { reps }
                | Reps::AtLeast { reps }
                | Reps::Range { high: reps, .. } => reps * REP_S,
                Reps::Timed { seconds } => seconds,
                Reps::Distance { meters } => meters * METRE_S,
            };
            let sides = if g.per_side { 2 } else { 1 };
            total = total.saturating_add(g.sets.saturating_mul(work).saturating_mul(sides));
        }
        total = total
            .saturating_add(sets.saturating_sub(1).saturating_mul(rest))
            .saturating_add(CHANGE_S);
    }
    total
}
