//! `load.heavy-intensity`: in each preparation week, at least one set of a
//! main lower-body lift reaches `min-percent` of 1RM. The first
//! `ramp-weeks` loading weeks of a block may build up to it.
//!
//! A set's intensity is known from a `%` load or from reps with an RPE or
//! RIR. A plain load (`@60kg`) with few reps could be heavy, and is given
//! the benefit of the doubt; with many reps it cannot be (nobody does 10
//! reps at 80% of their max), so it counts as below.

use crate::check::Context;
use crate::check::facts::{epley_percent, percent_1rm, reps_low};
use crate::check::finding::{Finding, Findings};
use crate::plan::{SetGroup, WeekKind};

pub fn check(ctx: &Context<'_>, out: &mut Findings) {
    let min = ctx.params.number("min-percent");
    let ramp = ctx.params.number("ramp-weeks");
    // Loading weeks seen so far in each block.
    let mut loading = vec![0u32; ctx.plan.blocks.len()];
    for (week, facts, sessions) in ctx.facts.weeks() {
        let Some((index, block)) = week
            .block
            .and_then(|b| ctx.plan.blocks.get(b).map(|block| (b, block)))
        else {
            continue;
        };
        if week.kind == WeekKind::Loading {
            loading[index] += 1;
        }
        if !facts.preparation() || f64::from(loading[index]) <= ramp {
            continue;
        }
        let mut lifts = 0;
        let mut reached = false;
        for p in sessions.iter().flat_map(|s| ctx.facts.lines(s)) {
            if !p.is(|e| e.main_lower()) {
                continue;
            }
            lifts += 1;
            if p.sets.iter().any(|g| may_reach(g, min)) {
                reached = true;
            }
        }
        if lifts == 0 || reached {
            continue;
        }
        let min_text = crate::plan::format_number(min);
        out.push(
            Finding::new(
                block.header,
                format!("no main lower-body lift at {min_text}% 1RM or more"),
                format!("no set of a main lower-body lift reaches {min_text}% 1RM in the week"),
            )
            .in_week(week.number)
            .help(format!(
                "make one lift a week heavy, e.g. `back-squat 4x5 @{min_text}%` or `4x4 @RPE8`; or, for a novice or a return from injury, choose `profile moderate`"
            )),
        );
    }
}

/// Whether a set reaches `min`% of 1RM or might (the plan does not say).
fn may_reach(g: &SetGroup, min: f64) -> bool {
    if let Some(p) = percent_1rm(g) {
        return p + 1e-6 >= min;
    }
    match reps_low(&g.reps) {
        // Even to failure, this many reps means a lighter load.
        Some(reps) => epley_percent(f64::from(reps)) + 1e-6 >= min,
        None => false,
    }
}
