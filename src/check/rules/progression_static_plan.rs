//! `progression.static-plan`: a session whose every exercise, set, rep and
//! load stays the same for `min-weeks` loading weeks in a row in the
//! preparation phase.

use std::collections::BTreeMap;

use crate::check::Context;
use crate::check::finding::Finding;
use crate::plan::{Prescription, SessionOccurrence};

pub fn check(ctx: &Context<'_>) -> Vec<Finding> {
    let min = ctx.params.number("min-weeks");
    // Occurrences per session (name and day), in order.
    let mut by_session: BTreeMap<(&str, u8), Vec<&SessionOccurrence>> = BTreeMap::new();
    for (week, facts) in ctx.facts.weeks() {
        if !facts.preparation() {
            continue;
        }
        for s in &week.sessions {
            by_session
                .entry((s.name.as_str(), s.day.index()))
                .or_default()
                .push(s);
        }
    }
    let mut out = Vec::new();
    for occurrences in by_session.values() {
        let mut run: Vec<&SessionOccurrence> = Vec::new();
        for s in occurrences {
            if run
                .last()
                .is_some_and(|last| !same(&last.exercises, &s.exercises))
            {
                report(&run, min, &mut out);
                run.clear();
            }
            run.push(s);
        }
        report(&run, min, &mut out);
    }
    out
}

fn same(a: &[Prescription], b: &[Prescription]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| x.exercise == y.exercise && x.sets == y.sets)
}

fn report(run: &[&SessionOccurrence], min: f64, out: &mut Vec<Finding>) {
    let n = run.len();
    if (n as f64) < min {
        return;
    }
    for s in run {
        out.push(
            Finding::new(
                s.header,
                "the same every week",
                format!(
                    "{} stays the same for {n} weeks in a row: no load, rep or set changes",
                    s.name
                ),
            )
            .in_week(s.week)
            .help("add a progression to its main lifts, e.g. `progress +2.5kg/2weeks`, `progress double +2.5kg` or `progress wave 6/5/4 +2.5kg`"),
        );
    }
}
