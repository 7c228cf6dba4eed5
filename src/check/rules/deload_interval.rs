//! `deload.interval`: loading weeks in a row between reduced weeks
//! (deloads, the taper, the competition phase, weeks off). An interval
//! longer than `max-interval` weeks is reported; between two deloads, one
//! shorter than `min-interval` too.

use serde::Deserialize;

use crate::check::Context;
use crate::check::finding::{Finding, Findings};
use crate::plan::{Week, WeekKind};

/// The parameters, as `rules/deload.yaml` declares them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    max_interval: f64,
    min_interval: f64,
}

pub fn check(ctx: &Context<'_>, p: &Params, out: &mut Findings) {
    let max = p.max_interval;
    let min = p.min_interval;
    let mut streak: Vec<&Week> = Vec::new();
    // Whether the streak started right after a deload week.
    let mut after_deload = false;
    for (week, facts, _) in ctx.facts.weeks() {
        let loading = facts.preparation() && !week.sessions.is_empty();
        if loading {
            streak.push(week);
            continue;
        }
        let deload = week.kind == WeekKind::Deload;
        judge(ctx, &streak, after_deload && deload, max, min, out);
        streak.clear();
        after_deload = deload;
    }
    judge(ctx, &streak, false, max, min, out);
}

fn judge(
    ctx: &Context<'_>,
    streak: &[&Week],
    between_deloads: bool,
    max: f64,
    min: f64,
    out: &mut Findings,
) {
    let (Some(first), n) = (streak.first(), streak.len()) else {
        return;
    };
    // From one deload to the next, counting the deload week.
    let interval = (n + 1) as f64;
    let block = first.block.and_then(|b| ctx.plan.blocks.get(b));
    let Some(span) = ctx.plan.deload_span.or(block.map(|b| b.header)) else {
        return;
    };
    let finding = if interval > max {
        Finding::new(
            span,
            if ctx.plan.deload_span.is_some() {
                "deloads too far apart"
            } else {
                "no lighter week in the plan"
            },
            format!("{n} loading weeks in a row without a lighter week"),
        )
        .help(format!(
            "plan a lighter week at least every {} weeks, e.g. `deload every 4 weeks` or `deload weeks {}`",
            crate::plan::format_number(max),
            deload_weeks(streak, max)
        ))
    } else if between_deloads && interval < min {
        Finding::new(
            span,
            "deloads close together",
            format!("only {n} loading weeks between two deloads"),
        )
        .help(format!(
            "space deloads {}-{} weeks apart so that there is time to load in between",
            crate::plan::format_number(min),
            crate::plan::format_number(max)
        ))
    } else {
        return;
    };
    for week in streak {
        out.push(finding.clone().in_week(week.number));
    }
}

/// The weeks of `streak` that, made deloads, leave no more than `max`
/// weeks from one lighter week to the next: `6, 12`.
fn deload_weeks(streak: &[&Week], max: f64) -> String {
    let step = (max as usize).max(2);
    (step - 1..streak.len())
        .step_by(step)
        .map(|i| streak[i].number.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
