//! `progression.load-increment`: the load of an exercise rises by more
//! than `max-percent` from one loading week to the next at the same reps
//! (more than `error-percent`, when set, is an error). The rise is judged on
//! the total load moved: bodyweight work counts the athlete's declared
//! bodyweight, and says so when it is not declared. A rise no bigger than
//! the smallest step the equipment allows is never reported: 5 lb on a 25
//! lb dumbbell is how dumbbells work.

use serde::Deserialize;

use super::progression::{Base, smallest_step, total_rise};
use crate::check::Context;
use crate::check::facts::Line;
use crate::check::finding::{Finding, Findings};
use crate::check::params::Percent;
use crate::plan::{WeekKind, format_number};

/// The parameters, as `rules/progression.yaml` declares them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    max_percent: Percent,
    error_percent: Percent,
}

pub fn check(ctx: &Context<'_>, p: &Params, out: &mut Findings) {
    let max = p.max_percent.0;
    let error = p.error_percent.0;
    let athlete = &ctx.plan.athlete;
    let unit = athlete.units.symbol();
    let facts = ctx.facts;
    // Each series' line of the last loading week, following every series
    // at once in one pass over the plan.
    let mut previous: Vec<Option<Line<'_>>> = vec![None; facts.series_count()];
    let loading = facts
        .sessions()
        .iter()
        .filter(|s| s.week_facts.kind == WeekKind::Loading);
    for session in loading {
        for line in facts.lines(session) {
            let Some(before) = previous
                .get_mut(line.series as usize)
                .and_then(|p| p.replace(line))
            else {
                continue;
            };
            let Some((increase, from, base)) = total_rise(&before, &line, athlete.bodyweight)
            else {
                continue;
            };
            let exercise = line.ex.map(|e| e.entry);
            let step = smallest_step(exercise, athlete.units, athlete.round);
            let percent = increase / from * 100.0;
            if increase <= step + 1e-9 || percent <= max + 1e-9 {
                continue;
            }
            let severe = error > 0.0 && percent > error + 1e-9;
            let limit = if severe { error } else { max };
            let what = match base {
                Base::External => "the load",
                Base::Total => "the total load (bodyweight included)",
                Base::AddedOnly => {
                    "the added load (no `bodyweight` declared, so bodyweight is not counted)"
                }
            };
            // The same jump in several weeks is one finding: no loads in
            // the message, which the weeks list completes.
            let finding = Finding::new(
                line.progression_span.unwrap_or(line.span),
                format!(
                    "+{}{unit} in one step, more than {}%",
                    format_number(increase),
                    format_number(limit)
                ),
                format!(
                    "{what} of {} rises more than {}% from one loading week to the next at the same reps",
                    line.written,
                    format_number(limit)
                ),
            )
            .on(session.week, session.date)
            .help(format!(
                "add 2-10% at a time once the reps are done with 1-2 to spare, e.g. `progress +{}{unit}/week`",
                format_number(step)
            ));
            out.push(if severe { finding.severe() } else { finding });
        }
    }
}
