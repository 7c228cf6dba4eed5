//! What each week of the plan is for: preparation, taper, competition.

use std::collections::BTreeSet;

use jiff::civil::Date;

use super::TAPER_DAYS;
use super::time::add_days;
use crate::plan::{Plan, WeekKind};

/// What a week is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekFacts {
    /// Every day of the week is on or after the plan's start.
    pub full: bool,
    /// In the taper (the `taper` weeks, or the last two weeks before the
    /// goal race).
    pub taper: bool,
    /// In the competition phase: the taper, or between the first and the
    /// last race.
    pub competition: bool,
    pub kind: WeekKind,
}

impl WeekFacts {
    /// A normal training week of the preparation phase.
    pub fn preparation(&self) -> bool {
        self.kind == WeekKind::Loading && !self.competition
    }
}

/// Each week's facts, and the first day of the competition phase.
pub(super) fn week_facts(plan: &Plan) -> (Vec<WeekFacts>, Option<Date>) {
    let taper_weeks: BTreeSet<u32> = plan
        .weeks
        .iter()
        .filter(|w| w.kind == WeekKind::Taper)
        .map(|w| w.number)
        .collect();
    let goal = plan.goal_race().map(|r| r.date);
    let window_start = goal.and_then(|d| add_days(d, -TAPER_DAYS));
    let first_race = plan.races.iter().map(|r| r.date).min();
    let weeks: Vec<WeekFacts> = plan
        .weeks
        .iter()
        .map(|w| {
            let taper = if taper_weeks.is_empty() {
                match (goal, window_start) {
                    (Some(race), Some(from)) => w.sunday > from && w.monday <= race,
                    _ => false,
                }
            } else {
                taper_weeks.contains(&w.number)
            };
            let season = match (first_race, goal) {
                (Some(first), Some(last)) => w.sunday >= first && w.monday <= last,
                _ => false,
            };
            WeekFacts {
                full: w.monday >= plan.start,
                taper,
                competition: taper || season,
                kind: w.kind,
            }
        })
        .collect();
    // The season starts with the taper or the first race, whichever
    // comes first; the taper may lie beyond the plan's last week.
    let taper_start = plan
        .weeks
        .iter()
        .zip(&weeks)
        .find(|(_, f)| f.taper)
        .map(|(w, _)| w.monday)
        .or(window_start.and_then(|d| add_days(d, 1)));
    let season_start = match (taper_start, first_race) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    (weeks, season_start)
}
