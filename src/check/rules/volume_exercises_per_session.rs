//! `volume.exercises-per-session`: more than `max-exercises` exercises in
//! a session, or more than `max-lower` lower-body ones.

use serde::Deserialize;

use crate::check::Context;
use crate::check::finding::{Finding, Findings, LazyText};

/// The parameters, as `rules/volume.yaml` declares them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    max_exercises: f64,
    max_lower: f64,
}

pub fn check(ctx: &Context<'_>, p: &Params, out: &mut Findings) {
    let max_all = p.max_exercises;
    let max_lower = p.max_lower;
    let help_all = LazyText::new(|| {
        format!(
            "keep at most {}, those that matter most for running (a squat or lunge, a hinge, a calf raise), and move the rest to another day",
            crate::plan::format_number(max_all)
        )
    });
    for s in ctx.facts.sessions() {
        let total = s.exercises.len();
        let lower = ctx.facts.lines(s).filter(|p| p.is(|e| e.lower)).count();
        if total as f64 > max_all {
            out.push(
                Finding::new(s.header, format!("{total} exercises"), format!(
                    "{} has {total} exercises; runner programmes that worked used 1-4 lower-body ones, and 8-10 in all is a general-health target",
                    s.name
                ))
                .on(s.week, s.date)
                .help(help_all.to_string()),
            );
        } else if lower as f64 > max_lower {
            out.push(
                Finding::new(s.header, format!("{lower} lower-body exercises"), format!(
                    "{} has {lower} lower-body exercises; effective runner protocols used 1-4",
                    s.name
                ))
                .on(s.week, s.date)
                .help("fewer lower-body exercises done heavier serve running better; drop the ones that work the same muscles"),
            );
        }
    }
}
