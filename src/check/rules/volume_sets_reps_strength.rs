//! `volume.sets-reps-strength`: the sets and reps of loaded main
//! lower-body lifts stay within the ranges runner trials used. Deload and
//! taper weeks cut sets on purpose and are not judged.

use serde::Deserialize;

use crate::check::Context;
use crate::check::facts::{reps_high, reps_low};
use crate::check::finding::{Finding, Findings, LazyText};
use crate::plan::WeekKind;

/// The parameters, as `rules/volume.yaml` declares them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    min_sets: f64,
    max_sets: f64,
    min_reps: f64,
    max_reps: f64,
}

pub fn check(ctx: &Context<'_>, p: &Params, out: &mut Findings) {
    let (min_sets, max_sets) = (p.min_sets, p.max_sets);
    let (min_reps, max_reps) = (p.min_reps, p.max_reps);
    let range = |lo: f64, hi: f64| {
        format!(
            "{}-{}",
            crate::plan::format_number(lo),
            crate::plan::format_number(hi)
        )
    };
    let sets_range = LazyText::new(|| range(min_sets, max_sets));
    let reps_range = LazyText::new(|| range(min_reps, max_reps));
    for (week, facts, sessions) in ctx.facts.weeks() {
        if week.kind != WeekKind::Loading || facts.taper {
            continue;
        }
        for s in sessions {
            for line in ctx.facts.lines(s) {
                if !line.is(|e| e.main_lower()) {
                    continue;
                }
                if !line.set_facts().loaded() {
                    continue;
                }
                let sets = f64::from(line.total_sets());
                let high = line.sets.iter().filter_map(|g| reps_high(&g.reps)).max();
                let low = line.sets.iter().filter_map(|g| reps_low(&g.reps)).min();
                let mut problems = Vec::new();
                if sets < min_sets {
                    problems.push((
                        "too few sets",
                        format!("fewer sets than the {sets_range} runner trials used"),
                    ));
                } else if sets > max_sets {
                    problems.push((
                        "too many sets",
                        format!("more sets than the {sets_range} runner trials used"),
                    ));
                }
                if high.is_some_and(|h| f64::from(h) > max_reps) {
                    problems.push((
                        "too many reps for a strength lift",
                        format!(
                            "more reps per set than the {reps_range} that built strength in runner trials"
                        ),
                    ));
                } else if low.is_some_and(|l| f64::from(l) < min_reps) {
                    problems.push((
                        "too few reps",
                        format!("fewer reps per set than the {reps_range} runner trials used"),
                    ));
                }
                for (label, what) in problems {
                    out.push(
                        Finding::new(line.span, label, format!("{} has {what}", line.written))
                            .on(s.week, s.date)
                            .help(format!(
                                "for strength, prescribe {sets_range} sets of {reps_range} reps, e.g. `{} 3x6 @RPE8`",
                                line.written
                            )),
                    );
                }
            }
        }
    }
}
