//! The `athlete { }` block: level, display unit, bodyweight, maxes and the
//! plate step, every mass converted to the display unit.

use std::collections::{BTreeMap, BTreeSet};

use crate::ast::{AthleteItem, AthleteItemKind, Mass};
use crate::catalogue::PlanCatalogue;
use crate::diagnostic::Diagnostic;
use crate::error_code::ErrorCode;
use crate::plan::{Athlete, Level, Unit};
use crate::span::{Span, Spanned};

const LEVELS: [Level; 3] = [Level::Beginner, Level::Intermediate, Level::Advanced];

/// The plate step when the plan sets none.
pub fn default_round(units: Unit) -> f64 {
    match units {
        Unit::Kg => 2.5,
        Unit::Lb => 5.0,
    }
}

/// The athlete, and the ids of every exercise given a `max` line, valid or
/// not (so that a `@75%` load does not repeat the error of a bad max).
pub struct Lowered {
    pub athlete: Athlete,
    pub maxes_written: BTreeSet<String>,
}

/// Lowers the athlete block. The unit is read first, so that every mass is
/// converted to it whatever order the lines come in.
///
/// Maxes and bodyweight are kept exactly as converted, never rounded: they
/// are references, not loads; the loads computed from them are rounded.
pub fn lower(
    items: &[AthleteItem],
    catalogue: &PlanCatalogue<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Lowered {
    let mut athlete = Athlete {
        level: Level::Beginner,
        units: Unit::Kg,
        bodyweight: None,
        maxes: BTreeMap::new(),
        round: 0.0,
        age: None,
    };
    let mut seen: BTreeMap<&'static str, Span> = BTreeMap::new();
    let mut maxes: BTreeMap<String, Span> = BTreeMap::new();
    let mut kept = Vec::new();
    for item in items {
        let keyword = match &item.kind {
            AthleteItemKind::Level(_) => "level",
            AthleteItemKind::Units(_) => "units",
            AthleteItemKind::Bodyweight(_) => "bodyweight",
            AthleteItemKind::Round(_) => "round",
            AthleteItemKind::Age(_) => "age",
            AthleteItemKind::Max { .. } => {
                kept.push(item);
                continue;
            }
        };
        if let Some(first) = seen.get(keyword) {
            diags.push(crate::parse::duplicate(keyword, item.keyword, *first));
            continue;
        }
        seen.insert(keyword, item.keyword);
        match &item.kind {
            AthleteItemKind::Level(word) => {
                if let Some(level) = level(word, diags) {
                    athlete.level = level;
                }
            }
            AthleteItemKind::Units(word) => {
                if let Some(unit) = super::units::unit(word, diags) {
                    athlete.units = unit;
                }
            }
            AthleteItemKind::Age(years) => athlete.age = age(years, diags),
            _ => kept.push(item),
        }
    }
    let units = athlete.units;
    athlete.round = default_round(units);
    for item in kept {
        match &item.kind {
            AthleteItemKind::Bodyweight(mass) => {
                athlete.bodyweight = positive(mass, "bodyweight", units, diags);
            }
            AthleteItemKind::Round(mass) => {
                if let Some(step) = positive(mass, "plate step", units, diags) {
                    athlete.round = step;
                }
            }
            AthleteItemKind::Max { exercise, load } => {
                let entry = super::exercises::resolve(catalogue, exercise, diags);
                let value = positive(load, "max", units, diags);
                let Some(entry) = entry else { continue };
                if let Some(first) = maxes.get(&entry.id) {
                    diags.push(
                        Diagnostic::error(
                            ErrorCode::DuplicateStatement,
                            format!("the max for `{}` is given more than once", entry.id),
                        )
                        .with_label(exercise.span, "given again here")
                        .with_context(*first, "first given here")
                        .with_help("remove one of them"),
                    );
                    continue;
                }
                maxes.insert(entry.id.clone(), exercise.span);
                if let Some(value) = value {
                    athlete.maxes.insert(entry.id.clone(), value);
                }
            }
            AthleteItemKind::Level(_) | AthleteItemKind::Units(_) | AthleteItemKind::Age(_) => {}
        }
    }
    Lowered {
        athlete,
        maxes_written: maxes.into_keys().collect(),
    }
}

fn level(word: &Spanned<String>, diags: &mut Vec<Diagnostic>) -> Option<Level> {
    if let Some(level) = LEVELS.into_iter().find(|l| l.keyword() == word.value) {
        return Some(level);
    }
    let names = LEVELS.map(Level::keyword);
    let help = match super::closest(&word.value, names, diags) {
        Some(near) => format!(
            "{} levels are beginner, intermediate and advanced",
            super::did_you_mean(near)
        ),
        None => "write beginner, intermediate or advanced".to_owned(),
    };
    diags.push(
        Diagnostic::error(
            ErrorCode::UnknownLevel,
            format!("`{}` is not an athlete level", word.value),
        )
        .with_label(word.span, "unknown level")
        .with_help(help),
    );
    None
}

/// A mass that must be more than zero (a max, a bodyweight, a plate step).
fn positive(
    mass: &Spanned<Mass>,
    what: &str,
    units: Unit,
    diags: &mut Vec<Diagnostic>,
) -> Option<f64> {
    let value = super::units::mass(&mass.value, mass.span, units, diags)?.value;
    if value > 0.0 {
        return Some(value);
    }
    diags.push(
        Diagnostic::error(
            ErrorCode::InvalidLoad,
            format!("a {what} must be more than zero"),
        )
        .with_label(mass.span, "not more than zero")
        .with_help(format!("give a {what} above zero, in kg or lb")),
    );
    None
}

/// An age in years: from 5 to 120.
fn age(years: &Spanned<u32>, diags: &mut Vec<Diagnostic>) -> Option<u32> {
    if (5..=120).contains(&years.value) {
        return Some(years.value);
    }
    diags.push(
        Diagnostic::error(
            ErrorCode::UnknownValue,
            format!("an age of {} years is not an athlete's age", years.value),
        )
        .with_label(years.span, "out of range")
        .with_help("give the athlete's age in whole years, e.g. `age 52`"),
    );
    None
}
