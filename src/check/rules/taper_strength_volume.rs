//! `taper.strength-volume`: the weekly strength volume (working sets) in
//! the taper against the last `reference-weeks` preparation weeks before
//! it. A cut smaller than `min-cut` keeps fatigue; one larger than
//! `max-cut` is milder news (more than the best tapers cut). A main load
//! that drops by more than `max-load-drop` loses the intensity a taper
//! should keep. Sets are whole, so a cut is judged line by line against the
//! sets the range allows when rounded (3 sets cut by 40-60% may be 2).

use std::collections::BTreeMap;

use serde::Deserialize;

use super::progression::loads;
use crate::check::Context;
use crate::check::finding::{Finding, Findings};
use crate::check::params::Percent;
use crate::plan::{Week, format_number};
use crate::span::Span;

/// The parameters, as `rules/taper.yaml` declares them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    min_cut: Percent,
    max_cut: Percent,
    max_load_drop: Percent,
    reference_weeks: f64,
}

pub fn check(ctx: &Context<'_>, p: &Params, out: &mut Findings) {
    let plan = ctx.plan;
    let Some(race) = plan.goal_race() else {
        return;
    };
    let taper: Vec<&Week> = ctx
        .facts
        .weeks()
        .filter(|(w, f, _)| f.taper && !w.sessions.is_empty())
        .map(|(w, ..)| w)
        .collect();
    let Some(first_taper) = taper.first() else {
        return;
    };
    let reference_weeks = p.reference_weeks.max(1.0) as usize;
    let reference: Vec<&Week> = ctx
        .facts
        .weeks()
        .filter(|(w, f, _)| {
            w.number < first_taper.number && f.preparation() && f.full && !w.sessions.is_empty()
        })
        .map(|(w, ..)| w)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .take(reference_weeks)
        .collect();
    if reference.is_empty() {
        return;
    }
    let volume = |weeks: &[&Week]| -> f64 {
        let sets: u32 = weeks
            .iter()
            .flat_map(|w| &w.sessions)
            .flat_map(|s| &s.exercises)
            // Mobility and drills are not strength volume.
            .filter(|p| {
                plan.exercises
                    .get(&p.exercise)
                    .is_none_or(|e| e.is_strength())
            })
            .map(|p| p.total_sets())
            .sum();
        f64::from(sets) / weeks.len() as f64
    };
    let (before, during) = (volume(&reference), volume(&taper));
    if before <= 0.0 {
        return;
    }
    let cut = (1.0 - during / before) * 100.0;
    let (min_cut, max_cut) = (p.min_cut.0, p.max_cut.0);
    // Sets are whole: the most and the fewest weekly sets a cut within the
    // range allows, line by line (3 sets cut by 40-60% is 2 or 1), so that
    // rounding alone never fails a taper (`taper 2 weeks` halves 3 sets to 2).
    let allowed = |keep: f64, round: fn(f64) -> f64| -> f64 {
        let sets: f64 = reference
            .iter()
            .flat_map(|w| &w.sessions)
            .flat_map(|s| &s.exercises)
            .map(|p| round(f64::from(p.total_sets()) * keep).max(1.0))
            .sum();
        sets / reference.len() as f64
    };
    let most = allowed(1.0 - min_cut / 100.0, f64::ceil);
    let fewest = allowed(1.0 - max_cut / 100.0, f64::floor);
    let span = plan.taper_span.unwrap_or(race.span);
    let label = if plan.taper_span.is_some() {
        "the taper"
    } else {
        "the race the taper leads to"
    };
    let numbers = format!(
        "{} sets a week against {} before",
        format_number(during.round()),
        format_number(before.round())
    );
    let range = format!("{}-{}%", format_number(min_cut), format_number(max_cut));
    let mut weekly = |f: Finding| {
        for w in &taper {
            out.push(f.clone().in_week(w.number));
        }
    };
    if cut + 1e-6 < min_cut && during > most + 1e-6 {
        let message = if cut.round() <= 0.0 {
            format!(
                "the taper does not cut strength volume ({numbers}); the best tapers cut {range}"
            )
        } else {
            format!(
                "the taper cuts strength volume by only {}% ({numbers}); the best tapers cut {range}",
                format_number(cut.round())
            )
        };
        weekly(
            Finding::new(span, label, message)
            .help(format!("cut the sets of the taper weeks by {range} and keep the loads, e.g. `taper 2 weeks {{ volume -50% }}`")),
        );
    } else if cut > max_cut + 1e-6 && during + 1e-6 < fewest {
        weekly(
            Finding::new(span, label, format!(
                "the taper cuts strength volume by {}% ({numbers}), more than the {range} of the best tapers",
                format_number(cut.round())
            ))
            .help("keep a little more of the strength work in the taper (the frequency and the loads, with fewer sets) so that strength holds to race day")
            .mild(),
        );
    }
    // Loads: the heaviest of each exercise in the taper against before.
    let max_drop = p.max_load_drop.0;
    let (top_before, top_during) = (heaviest(&reference), heaviest(&taper));
    let unit = plan.athlete.units.symbol();
    for (exercise, (load, line, week, date)) in top_during {
        let Some((previous, ..)) = top_before.get(exercise) else {
            continue;
        };
        let drop = (1.0 - load / previous) * 100.0;
        if drop > max_drop + 1e-6 {
            out.push(
                Finding::new(line, format!("{}{unit}, down from {}{unit}", format_number(load), format_number(*previous)), format!(
                    "{exercise} gets {}% lighter in the taper; a taper keeps the load and cuts the sets",
                    format_number(drop.round())
                ))
                .on(week, date)
                .help(format!("keep {exercise} at about {}{unit} and cut its sets instead", format_number(*previous))),
            );
        }
    }
}

/// The heaviest external load of each exercise over `weeks`, with the line,
/// week and date where it is.
fn heaviest<'p>(weeks: &[&'p Week]) -> BTreeMap<&'p str, (f64, Span, u32, jiff::civil::Date)> {
    let mut top: BTreeMap<&'p str, (f64, Span, u32, jiff::civil::Date)> = BTreeMap::new();
    for s in weeks.iter().flat_map(|w| &w.sessions) {
        for p in &s.exercises {
            let Some(load) = loads(p).flatten().reduce(f64::max) else {
                continue;
            };
            let entry = top
                .entry(p.exercise.as_str())
                .or_insert((load, p.span, s.week, s.date));
            if load > entry.0 {
                *entry = (load, p.span, s.week, s.date);
            }
        }
    }
    top
}
