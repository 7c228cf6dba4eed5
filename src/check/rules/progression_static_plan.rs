//! `progression.static-plan`: a session whose every exercise, set, rep and
//! load stays the same for `min-weeks` loading weeks in a row in the
//! preparation phase. A session with an exercise loaded by effort (`@RPE8`,
//! `@RIR2`) is autoregulated: its load rises as the athlete gets stronger,
//! so it is not static.

use std::sync::Arc;

use serde::Deserialize;

use crate::ast::Reps;
use crate::check::Context;
use crate::check::facts::Session;
use crate::check::finding::{Finding, Findings};
use crate::plan::{LoadValue, Prescription, Unit};

/// The parameters, as `rules/progression.yaml` declares them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    min_weeks: f64,
}

pub fn check(ctx: &Context<'_>, p: &Params, out: &mut Findings) {
    let min = p.min_weeks;
    // Occurrences per session (name and day), in order.
    let mut by_session: Vec<Vec<&Session<'_>>> = vec![Vec::new(); ctx.facts.slots()];
    for (_, facts, sessions) in ctx.facts.weeks() {
        if !facts.preparation() {
            continue;
        }
        for s in sessions.iter().filter(|s| !autoregulated(s)) {
            // Mobility and drills are not lifting: nothing to progress.
            if !ctx.facts.lines(s).any(|p| p.is(|e| e.is_strength())) {
                continue;
            }
            if let Some(slot) = by_session.get_mut(s.slot as usize) {
                slot.push(s);
            }
        }
    }
    for occurrences in &by_session {
        let mut run: Vec<&Session<'_>> = Vec::new();
        for s in occurrences {
            if run
                .last()
                .is_some_and(|last| !same(&last.exercises, &s.exercises))
            {
                report(&run, min, out);
                run.clear();
            }
            run.push(s);
        }
        report(&run, min, out);
    }
}

/// Some exercise is loaded by effort (RPE or RIR).
fn autoregulated(s: &Session<'_>) -> bool {
    s.exercises
        .iter()
        .flat_map(|p| p.sets.iter())
        .any(|g| matches!(g.load, Some(LoadValue::Rpe { .. } | LoadValue::Rir { .. })))
}

fn same(a: &[Prescription], b: &[Prescription]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            (Arc::ptr_eq(&x.line, &y.line) || x.exercise == y.exercise) && x.sets == y.sets
        })
}

fn report(run: &[&Session<'_>], min: f64, out: &mut Findings) {
    let n = run.len();
    if (n as f64) < min {
        return;
    }
    for s in run {
        out.push(
            Finding::new(
                s.header,
                "the same every week",
                format!(
                    "{} stays the same for {n} weeks in a row: no load, rep or set changes",
                    s.name
                ),
            )
            .in_week(s.week)
            .help(format!(
                "add a progression to its main lifts, e.g. `{}`",
                example(s)
            )),
        );
    }
}

/// A progression the session's first line can take as written: a load
/// step for a load (double progression over a rep range), more reps for
/// bodyweight or effort-free work.
fn example(s: &Session<'_>) -> &'static str {
    let Some(group) = s.exercises.first().and_then(|p| p.sets.first()) else {
        return "progress +2.5kg/2weeks";
    };
    let lb = matches!(
        group.load,
        Some(LoadValue::Mass { unit: Unit::Lb, .. } | LoadValue::Bodyweight { unit: Unit::Lb, .. })
    );
    match (&group.load, group.reps) {
        (Some(LoadValue::Mass { .. }), Reps::Range { .. }) if lb => "progress double +5lb",
        (Some(LoadValue::Mass { .. }), Reps::Range { .. }) => "progress double +2.5kg",
        (Some(LoadValue::Mass { .. } | LoadValue::Bodyweight { .. }), _) if lb => {
            "progress +5lb/2weeks"
        }
        (Some(LoadValue::Mass { .. } | LoadValue::Bodyweight { .. }), _) => {
            "progress +2.5kg/2weeks"
        }
        _ => "progress reps +1/2weeks",
    }
}
