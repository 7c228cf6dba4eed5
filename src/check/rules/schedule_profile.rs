//! `schedule.profile`: lower-body sessions placed against the plan's
//! layout. `consolidated` lifts on hard-run days, after the run;
//! `distributed` lifts on easy or rest days. With `auto`, the layout most
//! of the plan's lower-body sessions follow is the one checked.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::Deserialize;

use crate::check::Context;
use crate::check::facts::{Run, Session, describe_run};
use crate::check::finding::{Finding, Findings};
use crate::plan::RunOccurrence;

enum Place<'p> {
    /// No key run that day.
    EasyDay,
    /// On a key-run day, after the run (or order unknown).
    HardDay(&'p RunOccurrence),
    /// On a key-run day, before the run.
    BeforeRun(&'p RunOccurrence),
}

/// The parameters, as `rules/schedule.yaml` declares them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    layout: Layout,
}

/// Which layout the plan is held to.
#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
enum Layout {
    /// The one most lower-body sessions follow.
    Auto,
    Consolidated,
    Distributed,
}

pub fn check(ctx: &Context<'_>, p: &Params, out: &mut Findings) {
    let facts = ctx.facts;
    let mut key_runs: BTreeMap<Date, Vec<&Run<'_>>> = BTreeMap::new();
    for run in facts.runs().iter().filter(|r| r.key) {
        key_runs.entry(run.date).or_default().push(run);
    }
    let mut placed: Vec<(&Session<'_>, Place<'_>)> = Vec::new();
    for s in facts.sessions() {
        if !s.lower {
            continue;
        }
        let place = match key_runs
            .get(&s.date)
            .and_then(|runs| runs.first().map(|r| (runs, r)))
        {
            None => Place::EasyDay,
            Some((runs, first)) => {
                let session = s.interval;
                let later = runs.iter().find(|r| {
                    let run = r.interval;
                    session.timed && run.timed && run.start >= session.start
                });
                match later {
                    Some(run) => Place::BeforeRun(run.occurrence),
                    None => Place::HardDay(first.occurrence),
                }
            }
        };
        placed.push((s, place));
    }
    let layout = match p.layout {
        Layout::Consolidated => "consolidated",
        Layout::Distributed => "distributed",
        Layout::Auto => match majority(&placed, facts.slots()) {
            Some(layout) => layout,
            None => return,
        },
    };
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
}

/// The layout most lower-body sessions (counted by name and day) follow;
/// `None` on a tie.
fn majority(placed: &[(&Session<'_>, Place<'_>)], slots: usize) -> Option<&'static str> {
    let mut votes: Vec<(u32, u32)> = vec![(0, 0); slots];
    for (s, place) in placed {
        let Some(v) = votes.get_mut(s.slot as usize) else {
            continue;
        };
        match place {
            Place::EasyDay => v.1 += 1,
            _ => v.0 += 1,
        }
    }
    let hard = votes.iter().filter(|(h, e)| h > e).count();
    let easy = votes.iter().filter(|(h, e)| e > h).count();
    match hard.cmp(&easy) {
        std::cmp::Ordering::Greater => Some("consolidated"),
        std::cmp::Ordering::Less => Some("distributed"),
        std::cmp::Ordering::Equal => None,
    }
}
