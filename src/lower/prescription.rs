//! Prescriptions: one exercise line made concrete for one week.
//!
//! A line is checked once, into a [`LineTemplate`] (every error about it is
//! reported there, once, however many weeks it appears in); the template
//! then gives each week's numbers without any further check.
//!
//! A week's numbers depend on its *loading index* `k`, the number of loading
//! weeks of the block before it (0 in the block's first loading week); a
//! deload or taper week repeats the prescription of the loading week before
//! it (`k` one less, never below 0) and applies its [`Modifiers`].
//!
//! Rounding: a load that comes out of a computation (a percentage of a max,
//! a percentage step, a deload or taper load change, a conversion from the
//! other unit) is rounded to the nearest multiple of the plate step, halves
//! up. A load that is a sum of absolute values written in the athlete's unit
//! is left as it is: 16 kg dumbbells `+2kg/2weeks` give 18 kg, not 17.5 kg.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use crate::ast::{
    self, Effort, EffortScale, ExerciseLine, Load, Progression, Reps, Step, StepAmount,
};
use crate::catalogue::{Exercise, PlanCatalogue};
use crate::diagnostic::Diagnostic;
use crate::error_code::ErrorCode;
use crate::plan::{
    Athlete, Level, LoadValue, PhaseInfo, PrescribedLine, Prescription, SetGroup, SetsInterner,
    format_number,
};
use crate::span::{Span, Spanned};

use super::header::Header;

/// What a line is checked against.
pub struct Context<'a> {
    pub catalogue: &'a PlanCatalogue<'a>,
    pub athlete: &'a Athlete,
    /// Exercises with a `max` line, valid or not.
    pub maxes_written: &'a BTreeSet<String>,
}

/// Signed percentage changes a deload or taper week applies.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Modifiers {
    pub load: f64,
    pub volume: f64,
}

/// The modifiers of deload and of taper weeks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WeekModifiers {
    pub deload: Modifiers,
    pub taper: Modifiers,
}

/// The deload and taper modifiers. Without `{ ... }`, a deload takes the
/// athlete level's default (beginner: load 0%, volume -50%; intermediate and
/// advanced: load -10%, volume -30%) and a taper keeps the load and halves
/// the volume. With `{ ... }`, the modifiers written replace the default
/// and a modifier left out means no change (0%).
pub fn week_modifiers(
    header: &Header<'_>,
    level: Level,
    diags: &mut Vec<Diagnostic>,
) -> WeekModifiers {
    let deload_default = match level {
        Level::Beginner => Modifiers {
            load: 0.0,
            volume: -50.0,
        },
        Level::Intermediate | Level::Advanced => Modifiers {
            load: -10.0,
            volume: -30.0,
        },
    };
    let taper_default = Modifiers {
        load: 0.0,
        volume: -50.0,
    };
    let deload = header.deload.and_then(|(d, _)| d.modifiers.as_ref());
    let taper = header.taper.and_then(|(t, _)| t.modifiers.as_ref());
    WeekModifiers {
        deload: deload.map_or(deload_default, |m| written(m, diags)),
        taper: taper.map_or(taper_default, |m| written(m, diags)),
    }
}

fn written(mods: &ast::Modifiers, diags: &mut Vec<Diagnostic>) -> Modifiers {
    let mut check = |value: &Option<Spanned<f64>>, what: &str| -> f64 {
        let Some(value) = value else { return 0.0 };
        if value.value.is_finite() && value.value >= -100.0 && value.value <= 1000.0 {
            return value.value;
        }
        diags.push(
            Diagnostic::error(
                ErrorCode::InvalidModifier,
                format!(
                    "a {what} change of {}% is out of range",
                    format_number(value.value)
                ),
            )
            .with_label(value.span, "out of range")
            .with_help(format!(
                "a {what} change lies between -100% and +1000%, e.g. `{what} -30%`"
            )),
        );
        0.0
    };
    Modifiers {
        load: check(&mods.load, "load"),
        volume: check(&mods.volume, "volume"),
    }
}

/// A load as written, in the athlete's unit.
#[derive(Debug, Clone, Copy, PartialEq)]
enum BaseLoad {
    /// `converted`: written in the other unit.
    Mass {
        value: f64,
        converted: bool,
    },
    /// Percent of the athlete's max (75.0 for `@75%`).
    Percent(f64),
    Bodyweight {
        added: f64,
        converted: bool,
    },
    Rpe(f64),
    Rir(f64),
}

/// A progression step, in the athlete's unit.
#[derive(Debug, Clone, Copy, PartialEq)]
enum StepValue {
    Mass { value: f64, converted: bool },
    Percent(f64),
}

/// A progression, checked.
#[derive(Debug, Clone, PartialEq)]
enum Rule {
    None,
    Load { step: StepValue, every: u32 },
    Double { step: StepValue },
    Wave { reps: Vec<u32>, step: StepValue },
    Reps { amount: u32, every: u32 },
    Sets { amount: u32, every: u32 },
    Time { seconds: u32, every: u32 },
    Distance { meters: u32, every: u32 },
}

#[derive(Debug, Clone, PartialEq)]
struct GroupTemplate {
    sets: u32,
    reps: Reps,
    per_side: bool,
    load: Option<BaseLoad>,
    /// The other end of a range.
    load_to: Option<BaseLoad>,
    effort: Option<Effort>,
}

/// An exercise line, checked and ready to give any week's numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct LineTemplate {
    /// What every week's prescription shares.
    line: Arc<PrescribedLine>,
    groups: Vec<GroupTemplate>,
    rule: Rule,
    /// The athlete's max for the exercise.
    max: Option<f64>,
    /// The `or` lines, checked.
    alternatives: Vec<LineTemplate>,
}

/// Checks an exercise line. `used` collects the catalogue entry of every
/// exercise a line names. `None` when the line has an error (reported).
pub fn template(
    line: &ExerciseLine,
    cx: &Context<'_>,
    used: &mut BTreeMap<String, Exercise>,
    diags: &mut Vec<Diagnostic>,
) -> Option<LineTemplate> {
    let before = diags.len();
    let entry = super::exercises::resolve(cx.catalogue, &line.exercise, diags);
    // Most exercises appear on many lines: their entry is copied once.
    if let Some(entry) = entry
        && !used.contains_key(&entry.id)
    {
        used.insert(entry.id.clone(), entry.clone());
    }
    let max = entry.and_then(|e| cx.athlete.maxes.get(&e.id).copied());
    let mut groups = Vec::with_capacity(line.groups.len());
    for group in &line.groups {
        check_group(group, diags);
        let load = group
            .load
            .as_ref()
            .and_then(|load| base_load(load, group.load_to, entry, max, cx, diags));
        let load_to = match (&group.load, group.load_to) {
            (Some(load), Some(to)) => range_end(load, to, entry, max, cx, diags),
            _ => None,
        };
        let effort = group.effort.as_ref().and_then(|e| effort(e, diags));
        groups.push(GroupTemplate {
            sets: group.sets.value,
            reps: group.reps.value,
            per_side: group.per_side,
            load,
            load_to,
            effort,
        });
    }
    let alternatives: Vec<LineTemplate> = line
        .alternatives
        .iter()
        .filter_map(|alternative| template(alternative, cx, used, diags))
        .collect();
    // Written once, for the prescription and for any message about it.
    let progression_text = line
        .progression
        .as_ref()
        .map(|p| progression_text(&p.value));
    let rule = match (&line.progression, &progression_text) {
        (Some(progression), Some(text)) => rule(line, progression, text, cx.athlete, diags),
        _ => Some(Rule::None),
    };
    if diags.len() > before {
        return None;
    }
    let prescribed = PrescribedLine {
        exercise: entry.map(|e| e.id.clone())?,
        written: line.exercise.value.clone(),
        rest_s: line.rest.as_ref().map(|r| r.value.seconds),
        // Every week's prescription keeps it: without format!'s spare room.
        progression: progression_text.map(|mut text| {
            text.shrink_to_fit();
            text
        }),
        note: line.note.as_ref().map(|n| n.value.clone()),
        span: line.span,
        progression_span: line.progression.as_ref().map(|p| p.span),
        tempo: line.tempo.as_ref().map(|t| t.value),
        group: line.group,
        form: line.form,
    };
    Some(LineTemplate {
        line: Arc::new(prescribed),
        groups,
        rule: rule?,
        max,
        alternatives,
    })
}

/// The other end of a load range (`@20-25kg`: 25 kg), checked as the
/// first end is, and not below it.
fn range_end(
    load: &Spanned<Load>,
    to: f64,
    entry: Option<&Exercise>,
    max: Option<f64>,
    cx: &Context<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Option<BaseLoad> {
    let (low, end) = match &load.value {
        Load::Mass(mass) => (
            mass.value,
            Load::Mass(ast::Mass {
                value: to,
                unit: mass.unit.clone(),
            }),
        ),
        Load::Percent(p) => (*p, Load::Percent(to)),
        Load::Rpe(rpe) => (*rpe, Load::Rpe(to)),
        Load::Rir(rir) => (*rir, Load::Rir(to)),
        Load::Bodyweight(_) | Load::PercentBodyweight(_) => return None,
    };
    if to < low {
        let written = load_text(&load.value);
        diags.push(
            Diagnostic::error(
                ErrorCode::InvalidLoad,
                format!(
                    "the range {}-{} runs backwards",
                    format_number(low),
                    format_number(to)
                ),
            )
            .with_label(load.span, "the larger number comes first")
            .with_help(format!(
                "write the smaller number first, e.g. {}",
                written.replacen(
                    &format_number(low),
                    &format!("{}-{}", format_number(to), format_number(low)),
                    1
                )
            )),
        );
        return None;
    }
    // An error of the end repeats one of the start: reported once.
    let mut quiet = Vec::new();
    base_load(
        &Spanned::new(end, load.span),
        None,
        entry,
        max,
        cx,
        &mut quiet,
    )
    .or_else(|| {
        if diags.iter().any(|d| d.is_error()) {
            return None;
        }
        diags.extend(quiet);
        None
    })
}

/// An effort beside a load, on its scale.
fn effort(effort: &Spanned<Effort>, diags: &mut Vec<Diagnostic>) -> Option<Effort> {
    let e = effort.value;
    let (name, low_ok, example) = match e.scale {
        EffortScale::Rpe => ("RPE", 1.0, "RPE8"),
        EffortScale::Rir => ("RIR", 0.0, "RIR2"),
    };
    let in_scale = |v: f64| v.is_finite() && v >= low_ok && v <= 10.0;
    if in_scale(e.low) && in_scale(e.high) && e.low <= e.high {
        return Some(e);
    }
    diags.push(
        Diagnostic::error(
            ErrorCode::InvalidLoad,
            format!("this {name} is off the scale or runs backwards"),
        )
        .with_label(effort.span, format!("{name} runs from {low_ok} to 10"))
        .with_help(format!(
            "write one effort or a range, low first, e.g. {example}"
        )),
    );
    None
}

fn check_group(group: &ast::SetGroup, diags: &mut Vec<Diagnostic>) {
    super::limits::set_group(group, diags);
    if group.sets.value == 0 {
        diags.push(
            Diagnostic::error(ErrorCode::InvalidSets, "a set group needs at least one set")
                .with_label(group.sets.span, "no sets")
                .with_help("write one set or more, e.g. 3x5, or remove the group"),
        );
    }
    let problem = match group.reps.value {
        Reps::Exactly { reps: 0 } => Some("0 reps is no work".to_owned()),
        Reps::Range { low, high } if low > high => {
            Some(format!("the rep range {low}-{high} runs backwards"))
        }
        Reps::Range { high: 0, .. } => Some("0 reps is no work".to_owned()),
        Reps::Timed { seconds: 0 } => Some("a set of 0 seconds is no work".to_owned()),
        Reps::Distance { meters: 0 } => Some("a set of 0 meters is no work".to_owned()),
        _ => None,
    };
    if let Some(problem) = problem {
        diags.push(
            Diagnostic::error(ErrorCode::InvalidReps, problem)
                .with_label(group.reps.span, "invalid reps")
                .with_help("write the lower count first, e.g. 3x8-12, and at least one rep"),
        );
    }
}

/// `to`: the other end of a range (`@70-75%`: 75), for messages to quote
/// the load whole.
fn base_load(
    load: &Spanned<Load>,
    to: Option<f64>,
    entry: Option<&Exercise>,
    max: Option<f64>,
    cx: &Context<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Option<BaseLoad> {
    let units = cx.athlete.units;
    match &load.value {
        Load::Mass(mass) => {
            super::units::mass(mass, load.span, units, diags).map(|m| BaseLoad::Mass {
                value: m.value,
                converted: m.converted,
            })
        }
        Load::Percent(percent) => {
            // An unknown exercise or an invalid max is reported already;
            // a missing max would only repeat it.
            let entry = entry?;
            if max.is_none() && cx.maxes_written.contains(&entry.id) {
                return None;
            }
            if max.is_none() {
                diags.push(
                    Diagnostic::error(
                        ErrorCode::PercentWithoutMax,
                        format!(
                            "@{}{}% of what? The athlete has no max for `{}`",
                            format_number(*percent),
                            range_end_text(to),
                            entry.id
                        ),
                    )
                    .with_label(load.span, "needs a max")
                    .with_help(format!(
                        "add `max {} 100{}` (the athlete's one-rep max) to the athlete block, or give the load in {}",
                        entry.id,
                        units.symbol(),
                        units.symbol()
                    )),
                );
                return None;
            }
            Some(BaseLoad::Percent(*percent))
        }
        Load::Bodyweight(None) => Some(BaseLoad::Bodyweight {
            added: 0.0,
            converted: false,
        }),
        Load::Bodyweight(Some(signed)) => super::units::mass(&signed.mass, load.span, units, diags)
            .map(|m| BaseLoad::Bodyweight {
                added: if signed.negative { -m.value } else { m.value },
                converted: m.converted,
            }),
        Load::PercentBodyweight(percent) => match cx.athlete.bodyweight {
            Some(bodyweight) => Some(BaseLoad::Mass {
                value: bodyweight * percent / 100.0,
                converted: true,
            }),
            None => {
                diags.push(
                    Diagnostic::error(
                        ErrorCode::BodyweightMissing,
                        format!(
                            "@{}{}%bw of what? The athlete has no bodyweight",
                            format_number(*percent),
                            range_end_text(to)
                        ),
                    )
                    .with_label(load.span, "needs a bodyweight")
                    .with_help(format!(
                        "add `bodyweight 70{}` to the athlete block, or give the load in {}",
                        units.symbol(),
                        units.symbol()
                    )),
                );
                None
            }
        },
        Load::Rpe(rpe) => {
            if *rpe > 0.0 && *rpe <= 10.0 {
                Some(BaseLoad::Rpe(*rpe))
            } else {
                diags.push(
                    Diagnostic::error(
                        ErrorCode::InvalidLoad,
                        format!("RPE {} is off the scale", format_number(*rpe)),
                    )
                    .with_label(load.span, "RPE runs from 1 to 10")
                    .with_help("write an effort from 1 to 10, e.g. @RPE8"),
                );
                None
            }
        }
        Load::Rir(rir) => {
            if rir.is_finite() && *rir <= 10.0 {
                Some(BaseLoad::Rir(*rir))
            } else {
                diags.push(
                    Diagnostic::error(
                        ErrorCode::InvalidLoad,
                        format!("{} reps in reserve is off the scale", format_number(*rir)),
                    )
                    .with_label(load.span, "RIR runs from 0 to 10")
                    .with_help("write the reps left in the tank, from 0 to 10, e.g. @RIR2"),
                );
                None
            }
        }
    }
}

/// Checks a progression against the line it progresses.
fn rule(
    line: &ExerciseLine,
    progression: &Spanned<Progression>,
    text: &str,
    athlete: &Athlete,
    diags: &mut Vec<Diagnostic>,
) -> Option<Rule> {
    let span = progression.span;
    match &progression.value {
        Progression::None => Some(Rule::None),
        Progression::Load { step, every } => {
            let step_value = step_value(step, athlete, diags);
            let every = every_weeks(every, diags);
            let ok = raisable(line, step, text, span, diags);
            Some(Rule::Load {
                step: step_value?,
                every: every?,
            })
            .filter(|_| ok)
        }
        Progression::Double { step } => {
            let step_value = step_value(step, athlete, diags);
            let mut ok = raisable(line, step, text, span, diags);
            for group in &line.groups {
                if !matches!(group.reps.value, Reps::Range { .. }) {
                    diags.push(
                        Diagnostic::error(
                            ErrorCode::DoubleWithoutRange,
                            format!(
                                "`{text}` moves through a rep range, but the sets say {}",
                                sets_text(group)
                            ),
                        )
                        .with_label(group.reps.span, "not a range")
                        .with_context(span, "double progression")
                        .with_help("write the reps as a range, e.g. 3x8-12"),
                    );
                    ok = false;
                }
            }
            Some(Rule::Double { step: step_value? }).filter(|_| ok)
        }
        Progression::Wave { reps, step } => {
            let step_value = step_value(step, athlete, diags);
            let mut ok = raisable(line, step, text, span, diags);
            let Some(&first) = reps.value.first() else {
                diags.push(
                    Diagnostic::error(
                        ErrorCode::WaveMismatch,
                        "a wave needs at least one rep count",
                    )
                    .with_label(reps.span, "empty wave")
                    .with_help("write the reps of each week of the wave, e.g. `wave 6/5/4 +2.5kg`"),
                );
                return None;
            };
            for group in &line.groups {
                if group.reps.value != (Reps::Exactly { reps: first }) {
                    diags.push(
                        Diagnostic::error(
                            ErrorCode::WaveMismatch,
                            format!(
                                "the wave starts at {first} reps but the sets say {}",
                                sets_text(group)
                            ),
                        )
                        .with_label(group.reps.span, format!("should be {first}"))
                        .with_context(reps.span, "the wave")
                        .with_help(format!(
                            "write the sets with the wave's first rep count, e.g. {}x{first}",
                            group.sets.value
                        )),
                    );
                    ok = false;
                }
            }
            Some(Rule::Wave {
                reps: reps.value.clone(),
                step: step_value?,
            })
            .filter(|_| ok)
        }
        Progression::Reps { amount, every } => {
            let every = every_weeks(every, diags);
            let mut ok = true;
            for group in &line.groups {
                let kind = match group.reps.value {
                    Reps::Timed { .. } => "timed",
                    Reps::Distance { .. } => "measured in distance",
                    _ => continue,
                };
                diags.push(
                    Diagnostic::error(
                        ErrorCode::ProgressionMismatch,
                        format!("`{text}` cannot raise {}: its sets are {kind}", sets_text(group)),
                    )
                    .with_label(span, "adds reps")
                    .with_context(group.reps.span, kind)
                    .with_help("write the sets as reps (e.g. 3x10), or progress sets instead: `progress sets +1/2weeks`"),
                );
                ok = false;
                break;
            }
            Some(Rule::Reps {
                amount: amount.value,
                every: every?,
            })
            .filter(|_| ok)
        }
        Progression::Sets { amount, every } => Some(Rule::Sets {
            amount: amount.value,
            every: every_weeks(every, diags)?,
        }),
        Progression::Time { seconds, every } => {
            let every = every_weeks(every, diags);
            let ok = measured(line, true, text, span, diags);
            Some(Rule::Time {
                seconds: seconds.value,
                every: every?,
            })
            .filter(|_| ok)
        }
        Progression::Distance { meters, every } => {
            let every = every_weeks(every, diags);
            let ok = measured(line, false, text, span, diags);
            Some(Rule::Distance {
                meters: meters.value,
                every: every?,
            })
            .filter(|_| ok)
        }
    }
}

/// Checks that every set of a line is timed (`timed`) or a distance, as a
/// time or distance progression needs.
fn measured(
    line: &ExerciseLine,
    timed: bool,
    text: &str,
    span: Span,
    diags: &mut Vec<Diagnostic>,
) -> bool {
    for group in &line.groups {
        let fits = match group.reps.value {
            Reps::Timed { .. } => timed,
            Reps::Distance { .. } => !timed,
            _ => false,
        };
        if fits {
            continue;
        }
        let (grows, kind, example) = if timed {
            ("lengthens timed sets", "a time", "3x30s")
        } else {
            ("lengthens distance sets", "a distance", "3x20m")
        };
        let counts = match group.reps.value {
            Reps::Timed { .. } => "are timed",
            Reps::Distance { .. } => "are a distance",
            _ => "count reps",
        };
        diags.push(
            Diagnostic::error(
                ErrorCode::ProgressionMismatch,
                format!("`{text}` {grows}, but the sets {} {counts}", sets_text(group)),
            )
            .with_label(span, format!("needs sets of {kind}"))
            .with_context(group.reps.span, counts.trim_start_matches("are ").to_owned())
            .with_help(format!(
                "write the sets as {kind}, e.g. {example}, or progress reps instead: `progress reps +1/week`"
            )),
        );
        return false;
    }
    true
}

/// `/Nweeks` must be at least one week.
fn every_weeks(every: &Spanned<u32>, diags: &mut Vec<Diagnostic>) -> Option<u32> {
    if every.value > 0 {
        return Some(every.value);
    }
    diags.push(
        Diagnostic::error(
            ErrorCode::InvalidWeeks,
            "a progression step every 0 weeks never comes",
        )
        .with_label(every.span, "must be at least 1")
        .with_help("step every week (`/week`) or every few weeks (`/2weeks`)"),
    );
    None
}

fn step_value(step: &Step, athlete: &Athlete, diags: &mut Vec<Diagnostic>) -> Option<StepValue> {
    match &step.amount.value {
        StepAmount::Mass(mass) => super::units::mass(mass, step.amount.span, athlete.units, diags)
            .map(|m| StepValue::Mass {
                value: m.value,
                converted: m.converted,
            }),
        StepAmount::Percent(percent) => Some(StepValue::Percent(*percent)),
    }
}

/// Checks that every set group has a load a step can raise: a mass, a
/// percentage or bodyweight (whose added load rises; not by a percentage,
/// which would have nothing to be a percentage of).
fn raisable(
    line: &ExerciseLine,
    step: &Step,
    text: &str,
    span: Span,
    diags: &mut Vec<Diagnostic>,
) -> bool {
    let percent_step = matches!(step.amount.value, StepAmount::Percent(_));
    for group in &line.groups {
        let (message, context_span, context) = match &group.load {
            None => (
                format!("`{text}` cannot raise sets that have no load"),
                group.span,
                "no load".to_owned(),
            ),
            Some(load) => match &load.value {
                Load::Rpe(_) | Load::Rir(_) => (
                    format!(
                        "`{text}` cannot raise a load given as {}",
                        range_text(&load.value, group.load_to)
                    ),
                    load.span,
                    "an effort, not a load".to_owned(),
                ),
                Load::Bodyweight(_) | Load::PercentBodyweight(_) if percent_step => (
                    format!("`{text}` cannot raise a bodyweight load by a percentage"),
                    load.span,
                    "bodyweight".to_owned(),
                ),
                _ => continue,
            },
        };
        let help = if percent_step
            && matches!(
                group.load.as_ref().map(|l| &l.value),
                Some(Load::Bodyweight(_))
            ) {
            "give the step in kg or lb, e.g. `progress +2.5kg/2weeks`".to_owned()
        } else {
            "give the exercise a load such as @60kg, or progress reps instead: `progress reps +1/week`".to_owned()
        };
        diags.push(
            Diagnostic::error(ErrorCode::ProgressionMismatch, message)
                .with_label(span, "raises the load")
                .with_context(context_span, context)
                .with_help(help),
        );
        return false;
    }
    true
}

/// `4x5`, `3x8-12/side`, `3x30s`.
fn sets_text(group: &ast::SetGroup) -> String {
    crate::spelling::Sets {
        sets: group.sets.value,
        reps: group.reps.value,
        per_side: group.per_side,
    }
    .to_string()
}

/// `-75` after `@70` of `@70-75%`; empty without a range.
fn range_end_text(to: Option<f64>) -> String {
    to.map(|to| format!("-{}", format_number(to)))
        .unwrap_or_default()
}

/// A load as written, a range whole: `@70-75%`, `@20-25kg`, `@RPE7-8`.
fn range_text(load: &Load, to: Option<f64>) -> String {
    let text = load_text(load);
    let Some(to) = to else { return text };
    // The unit or scale follows the first number (`@20kg`) or comes before
    // it (`@RPE7`): the other end goes right after that number.
    let digits = text
        .char_indices()
        .skip_while(|(_, c)| !c.is_ascii_digit())
        .skip_while(|(_, c)| c.is_ascii_digit() || *c == '.')
        .map(|(i, _)| i)
        .next()
        .unwrap_or(text.len());
    format!(
        "{}{}{}",
        &text[..digits],
        range_end_text(Some(to)),
        &text[digits..]
    )
}

/// `@80kg`, `@75%`, `@bw+10kg`, `@RPE8`, `@RIR3`.
fn load_text(load: &Load) -> String {
    match load {
        Load::Mass(mass) => format!("@{}{}", format_number(mass.value), mass.unit.value),
        Load::Percent(p) => format!("@{}%", format_number(*p)),
        Load::Bodyweight(None) => "@bw".to_owned(),
        Load::Bodyweight(Some(signed)) => format!(
            "@bw{}{}{}",
            if signed.negative { '-' } else { '+' },
            format_number(signed.mass.value),
            signed.mass.unit.value
        ),
        Load::Rpe(rpe) => format!("@RPE{}", format_number(*rpe)),
        Load::Rir(rir) => format!("@RIR{}", format_number(*rir)),
        Load::PercentBodyweight(p) => format!("@{}%bw", format_number(*p)),
    }
}

/// The canonical text of a progression: `+2.5kg/week`, `+5lb/2weeks`,
/// `double +2.5kg`, `wave 6/5/4 +2.5kg`, `reps +1/week`, `none`.
///
/// An explicit `progress none` gives `Some("none")` in the prescription (a
/// line without `progress` gives `None`), so that rules can tell a choice
/// from an omission.
pub fn progression_text(progression: &Progression) -> String {
    match progression {
        Progression::None => "none".to_owned(),
        Progression::Load { step, every } => {
            format!("{}{}", step_text(step), every_text(every.value))
        }
        Progression::Double { step } => format!("double {}", step_text(step)),
        Progression::Wave { reps, step } => {
            let reps: Vec<String> = reps.value.iter().map(u32::to_string).collect();
            format!("wave {} {}", reps.join("/"), step_text(step))
        }
        Progression::Reps { amount, every } => {
            format!("reps +{}{}", amount.value, every_text(every.value))
        }
        Progression::Sets { amount, every } => {
            format!("sets +{}{}", amount.value, every_text(every.value))
        }
        Progression::Time { seconds, every } => format!(
            "time +{}{}",
            crate::plan::format_duration(seconds.value),
            every_text(every.value)
        ),
        Progression::Distance { meters, every } => {
            format!("distance +{}m{}", meters.value, every_text(every.value))
        }
    }
}

fn step_text(step: &Step) -> String {
    let (value, unit) = match &step.amount.value {
        StepAmount::Mass(mass) => (mass.value, mass.unit.value.as_str()),
        StepAmount::Percent(p) => (*p, "%"),
    };
    let sign = if value < 0.0 { '-' } else { '+' };
    format!("{sign}{}{unit}", format_number(value.abs()))
}

fn every_text(every: u32) -> String {
    if every == 1 {
        "/week".to_owned()
    } else {
        format!("/{every}weeks")
    }
}

/// A load while a week's numbers are worked out.
#[derive(Debug, Clone, Copy)]
enum Working {
    Mass { value: f64, computed: bool },
    Bodyweight { added: f64, computed: bool },
    Rpe(f64),
    Rir(f64),
}

/// Raises a written load by `n` steps.
fn raise(base: BaseLoad, max: Option<f64>, n: u32, step: Option<StepValue>) -> Working {
    let n = f64::from(n);
    let step = step.filter(|_| n > 0.0);
    match base {
        BaseLoad::Percent(percent) => {
            let max = max.unwrap_or(0.0);
            let value = match step {
                // Percentage points of the max: 75% -> 77.5%.
                Some(StepValue::Percent(x)) => max * (percent + n * x) / 100.0,
                Some(StepValue::Mass { value, .. }) => max * percent / 100.0 + n * value,
                None => max * percent / 100.0,
            };
            Working::Mass {
                value,
                computed: true,
            }
        }
        BaseLoad::Mass { value, converted } => match step {
            // A percentage of the written load, the same every step.
            Some(StepValue::Percent(x)) => Working::Mass {
                value: value * (1.0 + n * x / 100.0),
                computed: true,
            },
            Some(StepValue::Mass {
                value: x,
                converted: step_converted,
            }) => Working::Mass {
                value: value + n * x,
                computed: converted || step_converted,
            },
            None => Working::Mass {
                value,
                computed: converted,
            },
        },
        BaseLoad::Bodyweight { added, converted } => match step {
            Some(StepValue::Mass {
                value: x,
                converted: step_converted,
            }) => Working::Bodyweight {
                added: added + n * x,
                computed: converted || step_converted,
            },
            // Refused when the line was checked.
            Some(StepValue::Percent(_)) | None => Working::Bodyweight {
                added,
                computed: converted,
            },
        },
        BaseLoad::Rpe(rpe) => Working::Rpe(rpe),
        BaseLoad::Rir(rir) => Working::Rir(rir),
    }
}

/// Rounds to the nearest multiple of `step`, halves up.
fn round_to(value: f64, step: f64) -> f64 {
    if step > 0.0 && value.is_finite() {
        tidy((value / step + 0.5).floor() * step)
    } else {
        tidy(value)
    }
}

/// Drops floating-point dust (`0.30000000000000004`).
fn tidy(value: f64) -> f64 {
    let scaled = (value * 1e6).round();
    if scaled.is_finite() {
        scaled / 1e6
    } else {
        value
    }
}

fn add_scaled(value: u32, amount: u32, times: u32) -> u32 {
    let total = u64::from(value) + u64::from(amount) * u64::from(times);
    u32::try_from(total).unwrap_or(u32::MAX)
}

/// A whole number of sets scaled by a percentage change: to the nearest
/// set, halves away from zero, at least one.
fn scale_sets(sets: u32, change: f64) -> u32 {
    if change == 0.0 {
        return sets;
    }
    // `as` saturates; the value is finite and non-negative here.
    let scaled = (f64::from(sets) * (1.0 + change / 100.0)).round().max(1.0);
    scaled as u32
}

impl LineTemplate {
    /// The numbers of loading index `k`, with a deload or taper week's
    /// modifiers when given. Equal sets share one allocation, through
    /// `interner`.
    pub fn prescribe(
        &self,
        k: u32,
        modifiers: Option<Modifiers>,
        athlete: &Athlete,
        interner: &mut SetsInterner,
    ) -> Prescription {
        let sets = interner.intern(
            self.groups
                .iter()
                .map(|group| self.group(group, k, modifiers, athlete)),
        );
        Prescription {
            line: Arc::clone(&self.line),
            sets,
        }
    }

    /// The `or` lines' numbers for the same week.
    pub fn prescribe_alternatives(
        &self,
        k: u32,
        modifiers: Option<Modifiers>,
        athlete: &Athlete,
        interner: &mut SetsInterner,
    ) -> Vec<Prescription> {
        self.alternatives
            .iter()
            .map(|a| a.prescribe(k, modifiers, athlete, interner))
            .collect()
    }

    fn group(
        &self,
        group: &GroupTemplate,
        k: u32,
        modifiers: Option<Modifiers>,
        athlete: &Athlete,
    ) -> SetGroup {
        let mut sets = group.sets;
        let mut reps = group.reps;
        let (steps, step) = match &self.rule {
            Rule::None => (0, None),
            Rule::Load { step, every } => (k / every, Some(*step)),
            Rule::Double { step } => match group.reps {
                Reps::Range { low, high } => {
                    let cycle = high.saturating_sub(low).saturating_add(1);
                    reps = Reps::Exactly {
                        reps: low.saturating_add(k % cycle),
                    };
                    (k / cycle, Some(*step))
                }
                _ => (0, None),
            },
            Rule::Wave { reps: wave, step } => {
                let len = u32::try_from(wave.len()).unwrap_or(u32::MAX).max(1);
                let at = k % len;
                if let Some(&r) = wave.get(at as usize) {
                    reps = Reps::Exactly { reps: r };
                }
                // Each new wave starts one step above the start of the last.
                (k / len + at, Some(*step))
            }
            Rule::Reps { amount, every } => {
                let times = k / every;
                reps = match reps {
                    Reps::Exactly { reps } => Reps::Exactly {
                        reps: add_scaled(reps, *amount, times),
                    },
                    Reps::AtLeast { reps } => Reps::AtLeast {
                        reps: add_scaled(reps, *amount, times),
                    },
                    Reps::Range { low, high } => Reps::Range {
                        low: add_scaled(low, *amount, times),
                        high: add_scaled(high, *amount, times),
                    },
                    other => other,
                };
                (0, None)
            }
            Rule::Sets { amount, every } => {
                sets = add_scaled(sets, *amount, k / every);
                (0, None)
            }
            Rule::Time { seconds, every } => {
                if let Reps::Timed { seconds: base } = reps {
                    reps = Reps::Timed {
                        seconds: add_scaled(base, *seconds, k / every),
                    };
                }
                (0, None)
            }
            Rule::Distance { meters, every } => {
                if let Reps::Distance { meters: base } = reps {
                    reps = Reps::Distance {
                        meters: add_scaled(base, *meters, k / every),
                    };
                }
                (0, None)
            }
        };
        let deload_load = |load: Working| match (modifiers, load) {
            (Some(m), Working::Mass { value, .. }) if m.load != 0.0 => Working::Mass {
                value: value * (1.0 + m.load / 100.0),
                computed: true,
            },
            _ => load,
        };
        let load = group
            .load
            .map(|base| deload_load(raise(base, self.max, steps, step)));
        let load_to = group
            .load_to
            .map(|base| deload_load(raise(base, self.max, steps, step)));
        if let Some(modifiers) = modifiers {
            sets = scale_sets(sets, modifiers.volume);
        }
        let units = athlete.units;
        let finish = |value: f64, computed: bool| {
            if computed {
                round_to(value, athlete.round)
            } else {
                tidy(value)
            }
        };
        let concrete = |load: Working| match load {
            Working::Mass { value, computed } => {
                let value = finish(value, computed);
                LoadValue::Mass {
                    value,
                    unit: units,
                    percent_1rm: self.max.filter(|m| *m > 0.0).map(|m| tidy(value / m)),
                }
            }
            Working::Bodyweight { added, computed } => LoadValue::Bodyweight {
                added: finish(added, computed),
                unit: units,
            },
            Working::Rpe(rpe) => LoadValue::Rpe { rpe },
            Working::Rir(rir) => LoadValue::Rir { rir },
        };
        SetGroup {
            sets,
            reps,
            per_side: group.per_side,
            load: load.map(concrete),
            load_to: load_to.map(concrete),
            effort: group.effort,
        }
    }
}

/// Warm-up and cool-down, as the plan shows them.
pub fn phase(phase: &ast::Phase) -> PhaseInfo {
    PhaseInfo {
        duration_min: phase.duration.value.minutes(),
        note: phase.note.as_ref().map(|n| n.value.clone()),
    }
}
