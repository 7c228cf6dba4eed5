//! Shared by the `selection.*` rules: the weeks whose exercise choice is
//! judged, and what counts as which kind of exercise.

use crate::catalogue::Exercise;
use crate::check::Context;
use crate::check::facts::{Facts, Session, is_resistance};
use crate::plan::{BlockInfo, Week};

/// Full training weeks outside the taper and the competition phase that
/// hold lower-body strength work, with their block and sessions.
pub fn judged_weeks<'a>(ctx: &Context<'a>) -> Vec<(&'a Week, &'a BlockInfo, &'a [Session<'a>])> {
    ctx.facts
        .weeks()
        .filter(|(_, f, sessions)| {
            f.full && !f.competition && sessions.iter().any(|s| s.lower_resistance)
        })
        .filter_map(|(w, _, sessions)| Some((w, ctx.plan.blocks.get(w.block?)?, sessions)))
        .collect()
}

/// Whether some exercise of `sessions` passes a test, given as a table by
/// exercise (see [`table`]).
pub fn any_exercise(facts: &Facts<'_>, sessions: &[Session<'_>], table: &[bool]) -> bool {
    sessions
        .iter()
        .filter(|s| s.counts_toward_minimums())
        .flat_map(|s| facts.lines(s))
        .filter_map(|p| p.ex)
        .any(|e| table.get(e.index).copied().unwrap_or(false))
}

/// `test` of each of the plan's exercises, by position: worked out once
/// per plan rather than once per prescription.
pub fn table(facts: &Facts<'_>, test: impl Fn(&Exercise) -> bool) -> Vec<bool> {
    facts.exercises().iter().map(|e| test(e.entry)).collect()
}

/// A calf exercise: the calf pattern, or strength work whose prime movers
/// are the calves (not hops: they are plyometrics).
pub fn is_calf(e: &Exercise) -> bool {
    is_resistance(e) && (e.pattern == "calf" || e.works("gastrocnemius") || e.works("soleus"))
}

/// Quadriceps-dominant: squats, lunges, step-ups, knee extensions.
pub fn is_knee_dominant(e: &Exercise) -> bool {
    matches!(
        e.pattern.as_str(),
        "squat" | "lunge" | "step" | "knee-extension"
    )
}

/// Hip extensors and hamstrings: hinges, hip thrusts, leg curls, olympic
/// lifts.
pub fn is_hip_dominant(e: &Exercise) -> bool {
    matches!(e.pattern.as_str(), "hinge" | "knee-flexion" | "olympic")
}
