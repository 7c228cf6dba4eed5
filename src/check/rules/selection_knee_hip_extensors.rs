//! `selection.knee-hip-extensors`: a training week without a
//! quadriceps-dominant exercise, or without a hip-extensor one.

use super::selection::{any_exercise, is_hip_dominant, is_knee_dominant, judged_weeks, table};
use crate::check::Context;
use crate::check::facts::is_resistance;
use crate::check::finding::{Finding, Findings};

pub fn check(ctx: &Context<'_>, out: &mut Findings) {
    let knee_table = table(ctx.facts, |e| is_resistance(e) && is_knee_dominant(e));
    let hip_table = table(ctx.facts, |e| is_resistance(e) && is_hip_dominant(e));
    for (week, block, sessions) in judged_weeks(ctx) {
        let knee = any_exercise(ctx.facts, sessions, &knee_table);
        let hip = any_exercise(ctx.facts, sessions, &hip_table);
        if !knee {
            out.push(
                Finding::new(block.header, "no squat, lunge or step-up", "no quadriceps-dominant exercise in the week")
                    .in_week(week.number)
                    .help("add a squat, split squat, lunge or step-up: the quadriceps do most of the braking and support in early stance"),
            );
        }
        if !hip {
            out.push(
                Finding::new(block.header, "no hinge or hamstring exercise", "no hip-extensor exercise in the week")
                    .in_week(week.number)
                    .help("add a hinge (`romanian-deadlift`, `hip-thrust`) or a hamstring exercise (`nordic-curl`): hip extensors and hamstrings drove the faster stride at sprinting speeds"),
            );
        }
    }
}
