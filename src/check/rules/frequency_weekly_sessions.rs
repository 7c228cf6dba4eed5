//! `frequency.weekly-sessions`: strength sessions per week in the
//! preparation phase. Fewer than `min` is a warning; more than `max` a
//! milder note. Only sessions with lower-body strength work count (an
//! upper-body or core session does not train the running muscles). Weeks
//! without any session are `frequency.minimum-dose`'s.

use serde::Deserialize;

use crate::check::Context;
use crate::check::finding::{Finding, Findings, LazyText};

/// The parameters, as `rules/frequency.yaml` declares them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    min: f64,
    max: f64,
}

pub fn check(ctx: &Context<'_>, p: &Params, out: &mut Findings) {
    let min = p.min;
    let max = p.max;
    let min_text = LazyText::new(|| crate::plan::format_number(min));
    for (week, facts, week_sessions) in ctx.facts.weeks() {
        if !facts.full || !facts.preparation() || week.sessions.is_empty() {
            continue;
        }
        let Some(block) = week.block.and_then(|b| ctx.plan.blocks.get(b)) else {
            continue;
        };
        let n = week_sessions.iter().filter(|s| s.lower_resistance).count();
        let count = n as f64;
        if count < min {
            out.push(
                Finding::new(
                    block.header,
                    format!("{} a week here", sessions(n)),
                    format!(
                        "only {} in the week; runners gained running economy with 2-3 a week",
                        sessions(n)
                    ),
                )
                .in_week(week.number)
                .help(format!(
                    "add a session to reach {min_text} a week (on an easy-run or rest day), or `set frequency.weekly-sessions.min {n}` for a maintenance block"
                )),
            );
        } else if count > max {
            out.push(
                Finding::new(
                    block.header,
                    format!("{} a week here", sessions(n)),
                    format!(
                        "{} in the week; runner studies used 2-3, and more adds fatigue to the running",
                        sessions(n)
                    ),
                )
                .in_week(week.number)
                .help(format!(
                    "merge sessions so that 2-3 a week remain, or `set frequency.weekly-sessions.max {n}` if the extra sessions are short mobility or core work"
                ))
                .mild(),
            );
        }
    }
}

fn sessions(n: usize) -> String {
    if n == 1 {
        "1 lower-body strength session".to_string()
    } else {
        format!("{n} lower-body strength sessions")
    }
}
