//! `plyo.dose-and-pairing`: plyometrics in a week with no lower-body
//! resistance work, and plans whose plyometric sessions are too few
//! (`min-sessions`) to have shown an effect on running economy.

use crate::check::Context;
use crate::check::facts::has_lower_resistance;
use crate::check::finding::Finding;
use crate::plan::Prescription;

pub fn check(ctx: &Context<'_>) -> Vec<Finding> {
    let facts = ctx.facts;
    let min = ctx.params.number("min-sessions");
    let plyo_line = |p: &&Prescription| facts.exercise(p).is_some_and(|e| e.is_plyometric());
    let mut out = Vec::new();
    let mut sessions = 0usize;
    let mut first_line = None;
    for week in &ctx.plan.weeks {
        let mut plyo_here = None;
        for s in &week.sessions {
            if let Some(p) = s.exercises.iter().find(plyo_line) {
                sessions += 1;
                first_line.get_or_insert(p.span);
                plyo_here.get_or_insert(p.span);
            }
        }
        let Some(span) = plyo_here else { continue };
        if !week.sessions.iter().any(|s| has_lower_resistance(facts, s)) {
            out.push(
                Finding::new(span, "plyometrics alone", "plyometrics with no lower-body strength work in the week")
                    .in_week(week.number)
                    .help("pair the jumps with a squat, lunge or hinge in the same week: combined with resistance training, plyometrics improved running economy far more than alone"),
            );
        }
    }
    if let Some(span) = first_line
        && (sessions as f64) < min
    {
        out.push(
            Finding::new(
                span,
                format!("{sessions} plyometric sessions in all"),
                format!(
                    "the plan has only {sessions} sessions with plyometrics; blocks that improved running economy had more ({} or more, e.g. 2 a week for 8 weeks)",
                    crate::plan::format_number(min)
                ),
            )
            .help("keep plyometrics in two sessions a week for more than seven weeks, or leave them out until a block can"),
        );
    }
    out
}
