//! `progression.trigger`: the load rises every loading week, at the same
//! reps, more than `max-rises` times in a row without a deload: a calendar
//! progression that never waits for the athlete to beat the reps.

use super::progression::{Entry, rise, series};
use crate::check::Context;
use crate::check::finding::Finding;
use crate::plan::WeekKind;

pub fn check(ctx: &Context<'_>) -> Vec<Finding> {
    let max = ctx.params.number("max-rises");
    let mut out = Vec::new();
    for entries in series(ctx.plan).values() {
        let mut streak: Vec<&Entry<'_>> = Vec::new();
        let mut previous: Option<&Entry<'_>> = None;
        for entry in entries {
            if entry.kind != WeekKind::Loading {
                flush(&mut streak, max, &mut out);
                previous = None;
                continue;
            }
            let rose = previous.is_some_and(|p| rise(p.line, entry.line).is_some());
            if rose {
                streak.push(entry);
            } else {
                flush(&mut streak, max, &mut out);
            }
            previous = Some(entry);
        }
        flush(&mut streak, max, &mut out);
    }
    out
}

fn flush(streak: &mut Vec<&Entry<'_>>, max: f64, out: &mut Vec<Finding>) {
    let n = streak.len();
    if n as f64 > max
        && let Some(first) = streak.first()
    {
        let line = first.line;
        for entry in streak.iter() {
            out.push(
                Finding::new(
                    line.progression_span.unwrap_or(line.span),
                    "load rises on the calendar",
                    format!(
                        "the load of {} rises {n} weeks in a row with no rep target or deload to check it",
                        line.written
                    ),
                )
                .in_week(entry.session.week)
                .help("let reps decide when the load goes up (`progress double +2.5kg` raises it once the top of the rep range is reached), or add a deload"),
            );
        }
    }
    streak.clear();
}
