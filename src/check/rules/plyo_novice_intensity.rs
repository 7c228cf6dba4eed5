//! `plyo.novice-intensity`: for a beginner, high-intensity plyometrics
//! (depth and drop jumps, catalogue stress class `plyo-high`), and weeks
//! whose foot contacts pass `max-weekly-contacts`.

use serde::Deserialize;

use crate::catalogue::Stress;
use crate::check::Context;
use crate::check::facts::stress::contacts;
use crate::check::facts::{Line, Session};
use crate::check::finding::{Finding, Findings, LazyText};
use crate::plan::{Level, format_number};

/// The parameters, as `rules/plyo.yaml` declares them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    max_weekly_contacts: f64,
}

pub fn check(ctx: &Context<'_>, p: &Params, out: &mut Findings) {
    if ctx.plan.athlete.level != Level::Beginner {
        return;
    }
    let max = p.max_weekly_contacts;
    let max_text = LazyText::new(|| format_number(max));
    let facts = ctx.facts;
    for (week, _, sessions) in facts.weeks() {
        let mut total = 0u64;
        let mut first = None;
        for s in sessions.iter().filter(|s| s.plyometric) {
            for line in facts.lines(s) {
                let Some(ex) = line.ex.filter(|e| e.plyometric) else {
                    continue;
                };
                total += u64::from(contacts(&line, ex.contacts.unwrap_or(1)));
                first = first.or(Some(s));
                if ex.stress() == Stress::PlyoHigh {
                    out.push(high_intensity(&line, s));
                }
            }
            // An alternative is judged as if chosen; its contacts replace
            // its line's, so the week's total keeps the lines'.
            for (_, line) in facts.alternatives(s) {
                if line.ex.is_some_and(|e| e.stress() == Stress::PlyoHigh) {
                    out.push(high_intensity(&line, s));
                }
            }
        }
        if (total as f64) > max + 1e-9
            && let Some(s) = first
        {
            out.push(
                Finding::new(
                    s.header,
                    format!("{total} foot contacts this week"),
                    format!(
                        "the week holds {total} plyometric foot contacts, more than the {max_text} suggested for a beginner"
                    ),
                )
                .in_week(week.number)
                .help(format!(
                    "keep a beginner's week at {max_text} contacts or fewer (two sessions of 80-100), building up over the weeks"
                )),
            );
        }
    }
}

/// A high-intensity plyometric line for a beginner.
fn high_intensity(line: &Line<'_>, s: &Session<'_>) -> Finding {
    Finding::new(
        line.span,
        "high-intensity jumps for a beginner",
        format!(
            "{} is a high-intensity plyometric exercise, prescribed for a beginner",
            line.written
        ),
    )
    .on(s.week, s.date)
    .help("start with low- and moderate-intensity jumps (`pogo-hop`, `box-jump`, `a-skip`) and add depth or drop jumps after some months of plyometric training, or set `level intermediate` in `athlete` if that time has passed")
}
