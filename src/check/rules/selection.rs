//! Shared by the `selection.*` rules: the weeks whose exercise choice is
//! judged, and what counts as which kind of exercise.

use crate::catalogue::Exercise;
use crate::check::Context;
use crate::check::facts::{has_lower_resistance, is_resistance};
use crate::plan::{BlockInfo, Week};

/// Full training weeks outside the taper and the competition phase that
/// hold lower-body strength work, with their block.
pub fn judged_weeks<'p>(ctx: &Context<'p>) -> Vec<(&'p Week, &'p BlockInfo)> {
    ctx.facts
        .weeks()
        .filter(|(w, f)| {
            f.full
                && !f.competition
                && w.sessions
                    .iter()
                    .any(|s| has_lower_resistance(ctx.facts, s))
        })
        .filter_map(|(w, _)| Some((w, ctx.plan.blocks.get(w.block?)?)))
        .collect()
}

/// Every exercise of a week, with its catalogue entry.
pub fn exercises<'p>(ctx: &Context<'p>, week: &'p Week) -> impl Iterator<Item = &'p Exercise> {
    let facts = ctx.facts;
    week.sessions
        .iter()
        .flat_map(|s| &s.exercises)
        .filter_map(move |p| facts.exercise(p))
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
