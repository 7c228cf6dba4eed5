//! `progression.load-increment`: the load of an exercise rises by more
//! than `max-percent` from one loading week to the next at the same reps
//! (more than `error-percent` is an error). A rise no bigger than the
//! smallest step the equipment allows is never reported: 5 lb on a 25 lb
//! dumbbell is how dumbbells work.

use super::progression::{rise, series, smallest_step};
use crate::check::Context;
use crate::check::finding::Finding;
use crate::plan::{WeekKind, format_number};

pub fn check(ctx: &Context<'_>) -> Vec<Finding> {
    let max = ctx.params.number("max-percent");
    let error = ctx.params.number("error-percent");
    let athlete = &ctx.plan.athlete;
    let unit = athlete.units.symbol();
    let mut out = Vec::new();
    for entries in series(ctx.plan).values() {
        let mut previous = None;
        for entry in entries.iter().filter(|e| e.kind == WeekKind::Loading) {
            let Some(before) = previous.replace(entry) else {
                continue;
            };
            let Some((from, to)) = rise(before.line, entry.line) else {
                continue;
            };
            let step = smallest_step(ctx.facts.exercise(entry.line), athlete.units, athlete.round);
            let increase = to - from;
            let percent = increase / from * 100.0;
            if increase <= step + 1e-9 || percent <= max + 1e-9 {
                continue;
            }
            let limit = if percent > error { error } else { max };
            let line = entry.line;
            // The same jump in several weeks is one finding: no loads in
            // the message, which the weeks list completes.
            let finding = Finding::new(
                line.progression_span.unwrap_or(line.span),
                format!("+{}{unit} a week", format_number(increase)),
                format!(
                    "the load of {} rises more than {}% from one week to the next at the same reps",
                    line.written,
                    format_number(limit)
                ),
            )
            .on(entry.session.week, entry.session.date)
            .help(format!(
                "add 2-10% at a time once the reps are done with 1-2 to spare, e.g. `progress +{}%/week` or `progress double +{}{unit}`",
                format_number(max.min(5.0)),
                format_number(step)
            ));
            out.push(if percent > error {
                finding.severe()
            } else {
                finding
            });
        }
    }
    out
}
