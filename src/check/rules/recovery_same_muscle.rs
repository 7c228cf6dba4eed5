//! `recovery.same-muscle`: two strength sessions that load the same limb
//! muscle less than `min-gap` apart. Measured start to start, so that the
//! classic Monday-Wednesday-Friday at one time of day passes; whole-day
//! entries count whole days. Trunk muscles and plyometrics are left out.

use std::collections::{BTreeMap, BTreeSet};

use crate::catalogue::{LOWER_BODY, UPPER_BODY};
use crate::check::Context;
use crate::check::facts::{DAY, days_between, is_resistance};
use crate::check::finding::Finding;
use crate::check::params::format_duration;
use crate::plan::SessionOccurrence;

pub fn check(ctx: &Context<'_>) -> Vec<Finding> {
    let min = ctx.params.seconds("min-gap");
    let facts = ctx.facts;
    let mut sessions: Vec<&SessionOccurrence> = ctx.plan.sessions().collect();
    sessions.sort_by_key(|s| (facts.session(s).start, s.date));
    // The last session that loaded each muscle.
    let mut last: BTreeMap<&str, &SessionOccurrence> = BTreeMap::new();
    let mut out = Vec::new();
    for s in sessions {
        let muscles: BTreeSet<&str> = s
            .exercises
            .iter()
            .filter_map(|p| facts.exercise(p))
            .filter(|e| is_resistance(e))
            .flat_map(|e| e.muscles.iter().map(String::as_str))
            .filter(|m| LOWER_BODY.contains(m) || UPPER_BODY.contains(m))
            .collect();
        // Muscles trained too soon, grouped by the earlier session.
        let mut soon: BTreeMap<(u32, jiff::civil::Date, &str), (&SessionOccurrence, Vec<&str>)> =
            BTreeMap::new();
        for &muscle in &muscles {
            if let Some(previous) = last.get(muscle) {
                let gap = gap(facts, previous, s);
                if gap < min {
                    soon.entry((previous.week, previous.date, previous.name.as_str()))
                        .or_insert((previous, Vec::new()))
                        .1
                        .push(muscle);
                }
            }
            last.insert(muscle, s);
        }
        for (previous, muscles) in soon.into_values() {
            let gap = gap(facts, previous, s);
            let when = if gap % DAY == 0 && !facts.session(s).timed {
                match gap / DAY {
                    0 => "the same day as".to_string(),
                    1 => "the day after".to_string(),
                    n => format!("{n} days after"),
                }
            } else {
                format!("{} after the start of", format_duration(gap))
            };
            let muscles = join_and(&muscles);
            out.push(
                Finding::new(
                    s.header,
                    format!("{muscles} again"),
                    format!("{} works the {muscles} again {when} {}", s.name, previous.name),
                )
                .context(previous.header, "worked here first")
                .on(s.week, s.date)
                .help(format!(
                    "leave {} between sessions that load the same muscles: move {} a day later, or split lower- and upper-body work",
                    format_duration(min),
                    s.name
                )),
            );
        }
    }
    out
}

/// Start to start for timed sessions, whole days otherwise.
fn gap(
    facts: &crate::check::facts::Facts<'_>,
    a: &SessionOccurrence,
    b: &SessionOccurrence,
) -> i64 {
    let (x, y) = (facts.session(a), facts.session(b));
    if x.timed && y.timed {
        y.start - x.start
    } else {
        days_between(a.date, b.date) * DAY
    }
}

/// `glutes`, `glutes and quadriceps`, `glutes, hamstrings and quadriceps`.
fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
