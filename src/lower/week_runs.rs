//! `runs weeks A-B { }`: running weeks that replace the plan's (and a
//! block's) for some weeks. Ranges are checked and may not overlap.

use crate::ast::{Item, WeekRuns};
use crate::diagnostic::Diagnostic;
use crate::error_code::ErrorCode;

use super::limits;
use super::limits::MAX_WEEKS;
use super::schedule::{self, RunTemplate};

/// The running week of weeks `first..=last`.
#[derive(Debug, Clone)]
pub struct WeekRunTemplate {
    pub first: u32,
    pub last: u32,
    pub runs: Vec<RunTemplate>,
}

impl WeekRunTemplate {
    pub fn covers(&self, week: u32) -> bool {
        (self.first..=self.last).contains(&week)
    }
}

/// Checks every `runs weeks` statement; those with bad ranges are dropped
/// (and reported).
pub fn lower(
    statements: &[(&WeekRuns, &Item)],
    diags: &mut Vec<Diagnostic>,
) -> Vec<WeekRunTemplate> {
    let mut out: Vec<(WeekRunTemplate, &WeekRuns)> = Vec::new();
    for (week_runs, _) in statements {
        let (first, last) = (week_runs.first_week.value, week_runs.last_week.value);
        let problem = if first == 0 || last == 0 {
            Some((
                "weeks are numbered from 1".to_owned(),
                format!("write weeks 1-{}", last.max(1)),
            ))
        } else if first > last {
            Some((
                format!("weeks {first}-{last} run backwards"),
                format!("write the earlier week first: weeks {last}-{first}"),
            ))
        } else if last > MAX_WEEKS {
            Some((
                format!("week {last} is past the {MAX_WEEKS} weeks stride expands"),
                format!("keep the weeks within 1-{MAX_WEEKS}"),
            ))
        } else {
            None
        };
        if let Some((message, help)) = problem {
            diags.push(
                Diagnostic::error(ErrorCode::InvalidWeeks, message)
                    .with_label(week_runs.weeks_span, "invalid weeks")
                    .with_help(help),
            );
            continue;
        }
        let runs = schedule::runs(limits::runs(&week_runs.runs, diags), diags);
        if let Some((earlier, earlier_ast)) = out
            .iter()
            .find(|(e, _)| e.first.max(first) <= e.last.min(last))
        {
            let (a, b) = (earlier.first.max(first), earlier.last.min(last));
            let shared = if a == b {
                format!("week {a}")
            } else {
                format!("weeks {a}-{b}")
            };
            diags.push(
                Diagnostic::error(
                    ErrorCode::OverlappingRunWeeks,
                    format!(
                        "two `runs weeks` statements both give the running week of {shared}"
                    ),
                )
                .with_label(week_runs.weeks_span, "overlaps")
                .with_context(earlier_ast.weeks_span, "the running week of these weeks is given here")
                .with_help(format!(
                    "a week has one running week: make the ranges meet without overlapping, e.g. `runs weeks {}-{}`",
                    earlier.last + 1,
                    last.max(earlier.last + 1)
                )),
            );
            continue;
        }
        out.push((WeekRunTemplate { first, last, runs }, week_runs));
    }
    out.into_iter().map(|(t, _)| t).collect()
}
