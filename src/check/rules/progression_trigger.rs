//! `progression.trigger`: the load rises every loading week, at the same
//! reps, more than `max-rises` times in a row without a deload: a calendar
//! progression that never waits for the athlete to beat the reps.

use serde::Deserialize;

use super::progression::rise;
use crate::check::Context;
use crate::check::facts::Line;
use crate::check::finding::{Finding, Findings};
use crate::plan::WeekKind;

/// Where one series (one exercise line followed from week to week) is.
#[derive(Clone, Default)]
struct Series<'p> {
    /// Its line in the last week, unless that was not a loading week.
    previous: Option<Line<'p>>,
    /// The lines whose load rose, one after the other, with their weeks.
    streak: Vec<(Line<'p>, u32)>,
}

/// The parameters, as `rules/progression.yaml` declares them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    max_rises: f64,
}

pub fn check(ctx: &Context<'_>, p: &Params, out: &mut Findings) {
    let max = p.max_rises;
    let facts = ctx.facts;
    // Every series at once, in one pass over the plan.
    let mut all: Vec<Series<'_>> = vec![Series::default(); facts.series_count()];
    for session in facts.sessions() {
        let loading = session.week_facts.kind == WeekKind::Loading;
        for line in facts.lines(session) {
            let Some(series) = all.get_mut(line.series as usize) else {
                continue;
            };
            if !loading {
                flush(&mut series.streak, max, out);
                series.previous = None;
                continue;
            }
            let rose = series.previous.is_some_and(|p| rise(&p, &line).is_some());
            if rose {
                series.streak.push((line, session.week));
            } else {
                flush(&mut series.streak, max, out);
            }
            series.previous = Some(line);
        }
    }
    for series in &mut all {
        flush(&mut series.streak, max, out);
    }
}

fn flush(streak: &mut Vec<(Line<'_>, u32)>, max: f64, out: &mut Findings) {
    let n = streak.len();
    if n as f64 > max
        && let Some((line, _)) = streak.first()
    {
        let finding = Finding::new(
            line.progression_span.unwrap_or(line.span),
            "load rises on the calendar",
            format!(
                "the load of {} rises {n} weeks in a row with no rep target or deload to check it",
                line.written
            ),
        )
        .help("let reps decide when the load goes up (`progress double +2.5kg` raises it once the top of the rep range is reached), or add a deload");
        for (_, week) in streak.iter() {
            out.push(finding.clone().in_week(*week));
        }
    }
    streak.clear();
}
