//! `plyo.dose-and-pairing`: plyometrics in a week with no lower-body
//! resistance work, and plans whose plyometric sessions are too few
//! (`min-sessions`) to have shown an effect on running economy. Like
//! every minimum, `optional` sessions do not count.

use serde::Deserialize;

use crate::check::Context;
use crate::check::finding::{Finding, Findings};

/// The parameters, as `rules/plyo.yaml` declares them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    min_sessions: f64,
}

pub fn check(ctx: &Context<'_>, p: &Params, out: &mut Findings) {
    let facts = ctx.facts;
    let min = p.min_sessions;
    let mut sessions = 0usize;
    let mut first_line = None;
    for (week, _, week_sessions) in facts.weeks() {
        let mut plyo_here = None;
        for s in week_sessions
            .iter()
            .filter(|s| s.plyometric && s.counts_toward_minimums())
        {
            if let Some(p) = facts.lines(s).find(|p| p.is(|e| e.plyometric)) {
                sessions += 1;
                first_line.get_or_insert(p.span);
                plyo_here.get_or_insert(p.span);
            }
        }
        let Some(span) = plyo_here else { continue };
        if !week_sessions.iter().any(|s| s.lower_resistance) {
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
}
