//! `selection.plantarflexors`: a training week without a calf exercise.

use super::selection::{any_exercise, is_calf, judged_weeks, table};
use crate::check::Context;
use crate::check::finding::{Finding, Findings};

pub fn check(ctx: &Context<'_>, out: &mut Findings) {
    let calf = table(ctx.facts, is_calf);
    for (week, block, sessions) in judged_weeks(ctx) {
        if any_exercise(ctx.facts, sessions, &calf) {
            continue;
        }
        out.push(
            Finding::new(block.header, "no calf exercise", "no calf exercise in the week")
                .in_week(week.number)
                .help("add a calf raise once a week or more: straight-knee (`calf-raise`) for the gastrocnemius, bent-knee (`seated-calf-raise`) for the soleus; the calves give most of the support and push-off in running"),
        );
    }
}
