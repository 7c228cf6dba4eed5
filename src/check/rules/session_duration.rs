//! `session.duration`: a session longer than `max`, as written or, without
//! a written duration, as estimated from its warm-up, sets, reps, rests
//! and cool-down.

use crate::ast::Reps;
use crate::check::Context;
use crate::check::finding::{Finding, Findings, LazyText};
use crate::check::params::format_duration;
use crate::plan::SessionOccurrence;

/// Seconds per rep, per metre carried, and to change exercise.
const REP_S: u32 = 4;
const METRE_S: u32 = 1;
const CHANGE_S: u32 = 60;
/// Rest assumed between sets when the plan does not say.
const REST_S: u32 = 90;

pub fn check(ctx: &Context<'_>, out: &mut Findings) {
    let max = ctx.params.seconds("max");
    let max_text = LazyText::new(|| format_duration(max));
    let help = LazyText::new(|| {
        format!(
            "keep sessions within {max_text} including the warm-up (drop or superset accessories), or split the session in two"
        )
    });
    for s in ctx.plan.sessions() {
        let (seconds, estimated) = match s.duration_min {
            Some(m) => (i64::from(m) * 60, false),
            None => (i64::from(estimate(s)), true),
        };
        if seconds <= max {
            continue;
        }
        let minutes = (seconds + 30) / 60;
        let (label, message) = if estimated {
            (
                format!("about {minutes}min"),
                format!(
                    "{} takes about {minutes}min by its sets and rests, more than {max_text}",
                    s.name,
                ),
            )
        } else {
            (
                format!("{minutes}min"),
                format!("{} lasts {minutes}min, more than {max_text}", s.name),
            )
        };
        out.push(
            Finding::new(s.header, label, message)
                .on(s.week, s.date)
                .help(help.to_string()),
        );
    }
}

/// Seconds a session takes: warm-up, work, rests, changes, cool-down.
fn estimate(s: &SessionOccurrence) -> u32 {
    let phase = |p: &Option<crate::plan::PhaseInfo>| {
        p.as_ref()
            .map_or(0, |p| (p.duration_min * 60.0).round() as u32)
    };
    let mut total = phase(&s.warmup) + phase(&s.cooldown);
    for p in &s.exercises {
        let rest = p.rest_s.unwrap_or(REST_S);
        let sets = p.total_sets();
        for g in &p.sets {
            let work = match g.reps {
                Reps::Exactly { reps }
                | Reps::AtLeast { reps }
                | Reps::Range { high: reps, .. } => reps * REP_S,
                Reps::Timed { seconds } => seconds,
                Reps::Distance { meters } => meters * METRE_S,
            };
            let sides = if g.per_side { 2 } else { 1 };
            total = total.saturating_add(g.sets.saturating_mul(work).saturating_mul(sides));
        }
        total = total
            .saturating_add(sets.saturating_sub(1).saturating_mul(rest))
            .saturating_add(CHANGE_S);
    }
    total
}
