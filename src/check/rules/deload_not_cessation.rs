//! `deload.not-cessation`: a deload week, between weeks of training, with
//! no strength session at all.

use crate::check::Context;
use crate::check::finding::{Finding, Findings};
use crate::plan::WeekKind;

pub fn check(ctx: &Context<'_>, out: &mut Findings) {
    let plan = ctx.plan;
    let trained: Vec<u32> = plan
        .weeks
        .iter()
        .filter(|w| !w.sessions.is_empty())
        .map(|w| w.number)
        .collect();
    let (Some(&first), Some(&last)) = (trained.first(), trained.last()) else {
        return;
    };
    for week in &plan.weeks {
        if week.kind != WeekKind::Deload
            || !week.sessions.is_empty()
            || week.number < first
            || week.number > last
        {
            continue;
        }
        let block = week
            .block
            .and_then(|b| plan.blocks.get(b))
            .map(|b| b.header);
        let Some(span) = plan.deload_span.or(block) else {
            continue;
        };
        out.push(
            Finding::new(
                span,
                "a deload without training",
                "the deload week has no strength session: it stops training instead of lightening it",
            )
            .in_week(week.number)
            .help("keep the sessions in deload weeks and cut their volume (`deload every 4 weeks { volume -40% }`): a week off mid-block gave smaller strength gains"),
        );
    }
}
