//! `frequency.minimum-dose`: a training week inside the plan with no
//! strength session at all. A single set once a week already counts as a
//! dose, so only a week with none is reported, and only as information.
//! `optional` and `mobility` sessions are no dose.

use crate::check::Context;
use crate::check::finding::{Finding, Findings};
use crate::plan::{BlockInfo, WeekKind};

pub fn check(ctx: &Context<'_>, out: &mut Findings) {
    let plan = ctx.plan;
    let with_sessions: Vec<u32> = plan
        .weeks
        .iter()
        .filter(|w| w.sessions.iter().any(|s| s.counts_toward_minimums()))
        .map(|w| w.number)
        .collect();
    let (Some(&first), Some(&last)) = (with_sessions.first(), with_sessions.last()) else {
        return;
    };
    // Blocks by first week, for the one that follows a gap.
    let mut by_start: Vec<&BlockInfo> = plan.blocks.iter().collect();
    by_start.sort_by_key(|b| b.first_week);
    for (week, facts, _) in ctx.facts.weeks() {
        if week.number <= first
            || week.number >= last
            || week.sessions.iter().any(|s| s.counts_toward_minimums())
            || week.kind != WeekKind::Loading
            || !facts.full
        {
            continue;
        }
        // The block the week is in, or else the one that follows the gap.
        let block = week.block.and_then(|b| plan.blocks.get(b)).or_else(|| {
            let next = by_start.partition_point(|b| b.first_week <= week.number);
            by_start.get(next).copied()
        });
        let Some(block) = block else { continue };
        let label = if week.block.is_some() {
            "no session of this block falls in the week"
        } else {
            "the week before this block has no strength session"
        };
        out.push(
            Finding::new(block.header, label, "no strength session in the week")
                .in_week(week.number)
                .help(format!("even one short session with a set or two of the main lifts keeps the gains; if the week is meant as a break, make it a deload with `deload weeks {}` and keep some training in it", week.number))
        );
    }
}
