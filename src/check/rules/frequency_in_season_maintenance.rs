//! `frequency.in-season-maintenance`: in the competition phase (the taper
//! and the weeks between races), no lower-body strength session for more
//! than `max-gap` days. One session a week keeps strength in season.

use serde::Deserialize;

use crate::check::Context;
use crate::check::facts::{day_and_date, days_between};
use crate::check::finding::{Finding, Findings};

/// The parameters, as `rules/frequency.yaml` declares them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    max_gap: f64,
}

pub fn check(ctx: &Context<'_>, p: &Params, out: &mut Findings) {
    let plan = ctx.plan;
    let max_gap = p.max_gap;
    let Some(goal) = plan.goal_race() else {
        return;
    };
    let Some(season_start) = ctx.facts.season_start() else {
        return;
    };
    let season_start = season_start.max(plan.start);
    // Dates of lower-body strength sessions, in order.
    let dates: Vec<_> = ctx
        .facts
        .sessions()
        .iter()
        .filter(|s| s.lower_resistance)
        .map(|s| s.date)
        .collect();
    // (date, is a session): the last session before the season (or the
    // season's start), the sessions in it, and the race.
    let mut points = match dates.iter().rev().find(|d| **d < season_start) {
        Some(d) => vec![(*d, true)],
        None => vec![(season_start, false)],
    };
    points.extend(
        dates
            .iter()
            .filter(|d| **d >= season_start && **d <= goal.date)
            .map(|d| (*d, true)),
    );
    points.push((goal.date, false));
    for pair in points.windows(2) {
        let ((from, from_session), (to, _)) = (pair[0], pair[1]);
        let gap = days_between(from, to);
        if (gap as f64) <= max_gap {
            continue;
        }
        let since = if from_session {
            format!("between the session of {}", day_and_date(from))
        } else {
            format!("between the start of the phase, {},", day_and_date(from))
        };
        let until = if to == goal.date {
            "and the race".to_string()
        } else {
            format!("and the session of {}", day_and_date(to))
        };
        out.push(
            Finding::new(
                goal.span,
                "the race this season leads to",
                format!(
                    "no lower-body strength session for {gap} days in the competition phase, {since} {until}"
                ),
            )
            .help(format!(
                "keep one lower-body session a week in season, at the load of the preparation phase, until about five days before the race; gaps of up to {} days are fine",
                crate::plan::format_number(max_gap)
            )),
        );
    }
}
