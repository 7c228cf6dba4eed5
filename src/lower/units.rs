//! Unit words and masses: `80kg`, `175lb`, and everything else people type.

use crate::ast::Mass;
use crate::diagnostic::Diagnostic;
use crate::error_code::ErrorCode;
use crate::plan::Unit;
use crate::span::{Span, Spanned};

/// Spellings people reach for, with the unit they mean.
const FAMILIAR: &[(&str, Unit)] = &[
    ("kgs", Unit::Kg),
    ("kilo", Unit::Kg),
    ("kilos", Unit::Kg),
    ("kilogram", Unit::Kg),
    ("kilograms", Unit::Kg),
    ("kilogramme", Unit::Kg),
    ("kilogrammes", Unit::Kg),
    ("k", Unit::Kg),
    ("lbs", Unit::Lb),
    ("pound", Unit::Lb),
    ("pounds", Unit::Lb),
    ("lbm", Unit::Lb),
    ("ib", Unit::Lb),
    ("ibs", Unit::Lb),
];

/// Reads a unit word: `kg` or `lb`, nothing else.
pub fn unit(word: &Spanned<String>, diags: &mut Vec<Diagnostic>) -> Option<Unit> {
    match word.value.as_str() {
        "kg" => return Some(Unit::Kg),
        "lb" => return Some(Unit::Lb),
        _ => {}
    }
    let lowered = word.value.to_lowercase();
    let suggestion = match lowered.as_str() {
        "kg" => Some(Unit::Kg),
        "lb" => Some(Unit::Lb),
        _ => FAMILIAR
            .iter()
            .find(|(spelling, _)| *spelling == lowered)
            .map(|(_, unit)| *unit),
    };
    let help = match suggestion {
        Some(unit) => format!("{} write kg or lb", super::did_you_mean(unit.symbol())),
        None => "write kg or lb".to_owned(),
    };
    diags.push(
        Diagnostic::error(
            ErrorCode::UnknownUnit,
            format!("`{}` is not a unit stride knows", word.value),
        )
        .with_label(word.span, "unknown unit")
        .with_help(help),
    );
    None
}

/// A mass converted to the athlete's unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Converted {
    pub value: f64,
    /// True when the value was written in the other unit, so that it is the
    /// result of a conversion (and gets rounded to the plate step when it
    /// becomes a load).
    pub converted: bool,
}

/// Checks a mass's unit and converts it into `to`; `span` covers the whole
/// mass as written.
pub fn mass(mass: &Mass, span: Span, to: Unit, diags: &mut Vec<Diagnostic>) -> Option<Converted> {
    let from = unit(&mass.unit, diags)?;
    if !mass.value.is_finite() {
        // Only a number with hundreds of digits gets here.
        diags.push(
            Diagnostic::error(ErrorCode::NumberTooLarge, "this number is too large")
                .with_label(span, "too large")
                .with_help("write a realistic load"),
        );
        return None;
    }
    Some(Converted {
        value: from.convert(mass.value, to),
        converted: from != to,
    })
}
