//! `load.above-max`: a computed load above the athlete's declared max.
//! Above 100% of the max is an error (one step more serious than the
//! rule's level); above what the set's reps allow by the RPE chart (5 reps
//! at more than about 87%) a warning. Sets loaded by effort (`@RPE8`) are
//! possible by definition. Of a range (`@80-90%`) the heavier end is
//! judged. Each exercise is reported once, on the first
//! line and week it crosses each threshold; an `or` alternative is
//! checked as if chosen.

use crate::check::Context;
use crate::check::facts::{chart_percent, reps_low};
use crate::check::finding::{Finding, Findings};
use crate::plan::{LoadValue, format_number};

/// Points of 1RM above the RPE chart's value a set may lie before it is
/// reported: the chart is an average, and lifters differ.
const CHART_MARGIN: f64 = 1.0;

pub fn check(ctx: &Context<'_>, out: &mut Findings) {
    let facts = ctx.facts;
    let athlete = &ctx.plan.athlete;
    let unit = athlete.units.symbol();
    // Per exercise: 0 nothing reported yet, 1 the warning, 2 the error.
    let mut reported = vec![0u8; facts.exercises().len()];
    for s in facts.sessions() {
        for line in facts.options(s) {
            let Some(done) = line.ex.and_then(|e| reported.get_mut(e.index)) else {
                continue;
            };
            if *done == 2 {
                continue;
            }
            // The worst set of the line: (grade, percent, load, reps).
            let mut worst: Option<(u8, f64, f64, u32)> = None;
            for g in line.sets.iter() {
                let Some(LoadValue::Mass {
                    value,
                    percent_1rm: Some(share),
                    ..
                }) = g.heavier_load()
                else {
                    continue;
                };
                let Some(reps) = reps_low(&g.reps).filter(|r| *r > 0) else {
                    continue;
                };
                let percent = share * 100.0;
                let grade = if percent > 100.0 + 1e-6 {
                    2
                } else if percent > chart_percent(f64::from(reps)) + CHART_MARGIN + 1e-6 {
                    1
                } else {
                    continue;
                };
                if worst.is_none_or(|w| (grade, percent) > (w.0, w.1)) {
                    worst = Some((grade, percent, *value, reps));
                }
            }
            let Some((grade, percent, load, reps)) = worst else {
                continue;
            };
            if grade <= *done {
                continue;
            }
            *done = grade;
            let max = athlete.maxes.get(&line.exercise).copied();
            let max_text = max.map_or_else(String::new, |m| {
                format!(" of the declared max ({}{unit})", format_number(m))
            });
            let percent_text = format_number((percent * 10.0).round() / 10.0);
            let load_text = format!("{}{unit}", format_number(load));
            let finding = if grade == 2 {
                Finding::new(
                    line.span,
                    format!("{load_text}, {percent_text}% of max"),
                    format!(
                        "{} reaches {load_text} for {reps} reps, {percent_text}%{max_text}: more than the athlete can lift once",
                        line.written
                    ),
                )
                .help("cap the progression below the max, e.g. end the block earlier or raise the max with a new test; or load by effort, e.g. `@RPE8`")
                .severe()
            } else {
                let allowed = format_number(chart_percent(f64::from(reps)).round());
                Finding::new(
                    line.span,
                    format!("{load_text}, {percent_text}% of max"),
                    format!(
                        "{} reaches {load_text} for {reps} reps, {percent_text}%{max_text}; by the RPE chart {reps} reps are possible up to about {allowed}% 1RM",
                        line.written
                    ),
                )
                .help(format!(
                    "keep {reps}-rep sets at or below about {allowed}% of the max, or cut the reps as the load rises (`progress wave 6/5/4 +2.5kg`)"
                ))
            };
            out.push(finding.on(s.week, s.date));
        }
    }
}
