//! `volume.sets-reps-strength`: the sets and reps of loaded main
//! lower-body lifts stay within the ranges runner trials used. Deload and
//! taper weeks cut sets on purpose and are not judged.

use crate::check::Context;
use crate::check::facts::{
    has_external_load, is_main_lower_lift, percent_1rm, reps_high, reps_low,
};
use crate::check::finding::Finding;
use crate::plan::WeekKind;

pub fn check(ctx: &Context<'_>) -> Vec<Finding> {
    let p = ctx.params;
    let (min_sets, max_sets) = (p.number("min-sets"), p.number("max-sets"));
    let (min_reps, max_reps) = (p.number("min-reps"), p.number("max-reps"));
    let range = |lo: f64, hi: f64| {
        format!(
            "{}-{}",
            crate::plan::format_number(lo),
            crate::plan::format_number(hi)
        )
    };
    let mut out = Vec::new();
    for (week, facts) in ctx.facts.weeks() {
        if week.kind != WeekKind::Loading || facts.taper {
            continue;
        }
        for s in &week.sessions {
            for line in &s.exercises {
                if !ctx.facts.exercise(line).is_some_and(is_main_lower_lift) {
                    continue;
                }
                let loaded = line
                    .sets
                    .iter()
                    .any(|g| has_external_load(g) || percent_1rm(g).is_some());
                if !loaded {
                    continue;
                }
                let sets = f64::from(line.total_sets());
                let high = line.sets.iter().filter_map(|g| reps_high(&g.reps)).max();
                let low = line.sets.iter().filter_map(|g| reps_low(&g.reps)).min();
                let mut problems = Vec::new();
                if sets < min_sets {
                    problems.push((
                        "too few sets",
                        format!(
                            "fewer sets than the {} runner trials used",
                            range(min_sets, max_sets)
                        ),
                    ));
                } else if sets > max_sets {
                    problems.push((
                        "too many sets",
                        format!(
                            "more sets than the {} runner trials used",
                            range(min_sets, max_sets)
                        ),
                    ));
                }
                if high.is_some_and(|h| f64::from(h) > max_reps) {
                    problems.push((
                        "too many reps for a strength lift",
                        format!(
                            "more reps per set than the {} that built strength in runner trials",
                            range(min_reps, max_reps)
                        ),
                    ));
                } else if low.is_some_and(|l| f64::from(l) < min_reps) {
                    problems.push((
                        "too few reps",
                        format!(
                            "fewer reps per set than the {} runner trials used",
                            range(min_reps, max_reps)
                        ),
                    ));
                }
                for (label, what) in problems {
                    out.push(
                        Finding::new(line.span, label, format!("{} has {what}", line.written))
                            .on(s.week, s.date)
                            .help(format!(
                                "for strength, prescribe {} sets of {} reps, e.g. `{} 3x6 @80%`",
                                range(min_sets, max_sets),
                                range(min_reps, max_reps),
                                line.written
                            )),
                    );
                }
            }
        }
    }
    out
}
