//! `load.heavy-intensity`: in each preparation week, at least one set of a
//! main lower-body lift reaches `min-percent` of 1RM. The first
//! `ramp-weeks` loading weeks of a block may build up to it.
//!
//! A set's intensity is known from a `%` load, from a load and the
//! athlete's declared max, or from reps with an RPE or RIR (the RPE chart).
//! In the heavy range a plain load (`@40kg`) without a max says nothing
//! about intensity, so it never satisfies the rule (the dose end of the
//! stress model, where safety rules take the heavier reading); below it
//! (the moderate profile), a plain load with reps that allow the minimum
//! is given the benefit of the doubt. A week whose main lifts are all
//! of unknown intensity is noted one step milder, asking for a max or an
//! effort. Of a range (`@75-85%`, `@RPE7-8`) the lighter end counts: a
//! dose rule must not be met by the end the athlete may not lift.

use serde::Deserialize;

use crate::check::Context;
use crate::check::facts::{HEAVY_PERCENT, chart_percent, dose_percent_1rm, reps_low};
use crate::check::finding::{Finding, Findings};
use crate::check::params::Percent;
use crate::plan::WeekKind;

/// The parameters, as `rules/load.yaml` declares them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    min_percent: Percent,
    ramp_weeks: f64,
}

pub fn check(ctx: &Context<'_>, p: &Params, out: &mut Findings) {
    let min = p.min_percent.0;
    let ramp = p.ramp_weeks;
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
        let mut known = false;
        let mut reached = false;
        let mut unknown: Option<&str> = None;
        for p in sessions
            .iter()
            .filter(|s| s.counts_toward_minimums())
            .flat_map(|s| ctx.facts.lines(s))
        {
            if !p.is(|e| e.main_lower()) {
                continue;
            }
            lifts += 1;
            for g in p.sets.iter() {
                match dose_percent_1rm(g) {
                    Some(percent) => {
                        known = true;
                        reached |= percent + 1e-6 >= min;
                    }
                    // Below the heavy range, a plain load with reps that
                    // allow `min` is given the benefit of the doubt: any
                    // real working set is that heavy.
                    None if min + 1e-6 < HEAVY_PERCENT
                        && reps_low(&g.reps)
                            .is_some_and(|r| chart_percent(f64::from(r)) + 1e-6 >= min) =>
                    {
                        reached = true;
                    }
                    None => unknown = unknown.or(Some(p.prescription.exercise.as_str())),
                }
            }
        }
        if lifts == 0 || reached {
            continue;
        }
        let min_text = crate::plan::format_number(min);
        let finding = match (known, unknown) {
            (false, Some(exercise)) => Finding::new(
                block.header,
                "intensity of the main lifts unknown",
                format!(
                    "no set of a main lower-body lift has a known intensity in the week, so whether one reaches {min_text}% 1RM cannot be told"
                ),
            )
            .help(format!(
                "declare the athlete's max in `athlete`, e.g. `max {exercise} 100kg`, or load by effort, e.g. `{exercise} 4x5 @RPE8`"
            ))
            .mild(),
            _ => Finding::new(
                block.header,
                format!("no main lower-body lift at {min_text}% 1RM or more"),
                format!("no set of a main lower-body lift reaches {min_text}% 1RM in the week"),
            )
            .help(format!(
                "make one lift a week heavy, e.g. `back-squat 4x5 @{min_text}%` or `back-squat 4x4 @RPE8`; or, for a novice or a return from injury, choose `profile moderate`"
            )),
        };
        out.push(finding.in_week(week.number));
    }
}
