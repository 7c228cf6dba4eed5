//! `schedule.profile`: lower-body sessions placed against the plan's
//! layout. `consolidated` lifts on hard-run days, after the run;
//! `distributed` lifts on easy or rest days. With `auto`, the layout most
//! of the plan's lower-body sessions follow is the one checked.

use std::collections::BTreeMap;

use jiff::civil::Date;

use crate::check::Context;
use crate::check::facts::{describe_run, is_key_run};
use crate::check::finding::Finding;
use crate::plan::{RunOccurrence, SessionOccurrence};

enum Place<'p> {
    /// No key run that day.
    EasyDay,
    /// On a key-run day, after the run (or order unknown).
    HardDay(&'p RunOccurrence),
    /// On a key-run day, before the run.
    BeforeRun(&'p RunOccurrence),
}

pub fn check(ctx: &Context<'_>) -> Vec<Finding> {
    let facts = ctx.facts;
    let mut key_runs: BTreeMap<Date, Vec<&RunOccurrence>> = BTreeMap::new();
    for run in ctx.plan.runs().filter(|r| is_key_run(r)) {
        key_runs.entry(run.date).or_default().push(run);
    }
    let mut placed: Vec<(&SessionOccurrence, Place<'_>)> = Vec::new();
    for s in ctx.plan.sessions() {
        let lower = s
            .exercises
            .iter()
            .any(|p| facts.exercise(p).is_some_and(|e| e.is_lower()));
        if !lower {
            continue;
        }
        let place = match key_runs
            .get(&s.date)
            .and_then(|runs| runs.first().map(|r| (runs, r)))
        {
            None => Place::EasyDay,
            Some((runs, first)) => {
                let session = facts.session(s);
                let later = runs.iter().find(|r| {
                    let run = facts.run(r);
                    session.timed && run.timed && run.start >= session.start
                });
                match later {
                    Some(run) => Place::BeforeRun(run),
                    None => Place::HardDay(first),
                }
            }
        };
        placed.push((s, place));
    }
    let layout = match ctx.params.word("layout") {
        "consolidated" => "consolidated",
        "distributed" => "distributed",
        _ => match majority(&placed) {
            Some(layout) => layout,
            None => return Vec::new(),
        },
    };
    let mut out = Vec::new();
    for (s, place) in placed {
        let finding = match (layout, place) {
            ("consolidated", Place::EasyDay) => Finding::new(
                s.header,
                "not on a hard-run day",
                format!("{} falls on a day without a hard or long run, though the plan lifts on its hard days", s.name),
            )
            .help("move it to a hard-run day, a few hours after the run, or choose `profile distributed`"),
            ("consolidated", Place::BeforeRun(run)) => Finding::new(
                s.header,
                "before the run",
                format!("{} comes before {} on the same day; on a stacked day the run goes first", s.name, describe_run(run)),
            )
            .context(run.span, "the key run")
            .help("lift after the run, at least 3h later: strength work first made the next day's running harder"),
            ("distributed", Place::HardDay(run) | Place::BeforeRun(run)) => Finding::new(
                s.header,
                "on a hard-run day",
                format!("{} falls on the same day as {}, though the plan lifts on easy days", s.name, describe_run(run)),
            )
            .context(run.span, "the key run")
            .help("move it to an easy or rest day, at least a day before the next key run, or choose `profile consolidated`"),
            _ => continue,
        };
        out.push(finding.on(s.week, s.date));
    }
    out
}

/// The layout most lower-body sessions (counted by name and day) follow;
/// `None` on a tie.
fn majority(placed: &[(&SessionOccurrence, Place<'_>)]) -> Option<&'static str> {
    let mut votes: BTreeMap<(&str, u8), (u32, u32)> = BTreeMap::new();
    for (s, place) in placed {
        let v = votes.entry((s.name.as_str(), s.day.index())).or_default();
        match place {
            Place::EasyDay => v.1 += 1,
            _ => v.0 += 1,
        }
    }
    let hard = votes.values().filter(|(h, e)| h > e).count();
    let easy = votes.values().filter(|(h, e)| e > h).count();
    match hard.cmp(&easy) {
        std::cmp::Ordering::Greater => Some("consolidated"),
        std::cmp::Ordering::Less => Some("distributed"),
        std::cmp::Ordering::Equal => None,
    }
}
