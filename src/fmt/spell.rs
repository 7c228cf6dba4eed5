//! The canonical spelling of every leaf of the language: numbers, durations,
//! loads, sets, progressions.
//!
//! Each function prints a value so that parsing the text gives the same
//! value back. Strings, identifiers and unit words are the exception: they
//! are copied as written, because their spelling is their meaning.

use crate::ast::{
    DateLit, Effort, EffortScale, Load, Mass, Progression, Reps, SetGroup, Step, StepAmount, Tempo,
    TimeLit, Value,
};
use crate::span::Span;

/// A number as the grammar reads it: digits with an optional fraction, no
/// exponent, no leading or trailing zeros (`82.5`, `100`).
///
/// Rust prints an `f64` as the shortest text that reads back as the same
/// value and never in exponent form, which is exactly that.
pub fn number(value: f64) -> String {
    format!("{value}")
}

/// A duration by its length, the way people write them: seconds under two
/// minutes (`45s`, `90s`), minutes under two hours (`2min30s`, `60min`,
/// `100min`), hours above (`3h`, `2h30min`, `24h`).
pub fn duration(seconds: u32) -> String {
    crate::spelling::Duration(seconds).to_string()
}

/// `written` when it is a tidy spelling of `seconds` in hours and minutes
/// (`1h45min`, `1h30min20s`: hours, minutes and seconds in that order, each
/// at most once and not 0, no leading zeros, minutes and seconds under 60),
/// so that `fmt` keeps the split its author wrote (a race of `1h45min` does
/// not become `105min`); else [`duration`] (`1h` is `60min`, `120min` is
/// `2h`, `1h0s` is `60min`).
pub fn duration_as_written(written: &str, seconds: u32) -> String {
    if tidy_duration(written) == Some(seconds) {
        written.to_owned()
    } else {
        duration(seconds)
    }
}

fn tidy_duration(text: &str) -> Option<u32> {
    let mut rest = text;
    let mut total: u32 = 0;
    let mut larger = false;
    let mut minutes = false;
    for (unit, factor) in [("h", 3600), ("min", 60), ("s", 1)] {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || !rest[digits..].starts_with(unit) {
            continue;
        }
        // `1h5` followed by `s`, not `min`: `s` is tried next, so a digit
        // run is only taken by the unit that follows it.
        let number = &rest[..digits];
        if number.starts_with('0') {
            return None;
        }
        let value: u32 = number.parse().ok()?;
        if (larger && value >= 60) || (!larger && unit != "h") {
            return None;
        }
        total = total.checked_add(value.checked_mul(factor)?)?;
        rest = &rest[digits + unit.len()..];
        larger = true;
        minutes |= unit == "min";
    }
    (minutes && rest.is_empty()).then_some(total)
}

pub fn date(date: DateLit) -> String {
    format!("{:04}-{:02}-{:02}", date.year, date.month, date.day)
}

pub fn time(time: TimeLit) -> String {
    format!("{:02}:{:02}", time.hour, time.minute)
}

/// `80kg`: the unit word is kept as written (a misspelt one is an error the
/// compiler reports, and the formatter does not guess).
pub fn mass(mass: &Mass) -> String {
    format!("{}{}", number(mass.value), mass.unit.value)
}

/// `75%`.
pub fn percent(value: f64) -> String {
    format!("{}%", number(value))
}

/// `-10%`, `+5%`: a modifier keeps its sign, `-0%` included.
pub fn signed_percent(value: f64) -> String {
    if value.is_sign_negative() {
        format!("-{}%", number(-value))
    } else {
        format!("+{}%", number(value))
    }
}

/// `@80kg`, `@75%`, `@bw+10kg`, `@RPE8`, `@RIR3`.
pub fn load(load: &Load) -> String {
    match load {
        Load::Mass(m) => format!("@{}", mass(m)),
        Load::Percent(p) => format!("@{}", percent(*p)),
        Load::Bodyweight(None) => "@bw".to_owned(),
        Load::Bodyweight(Some(added)) => {
            let sign = if added.negative { '-' } else { '+' };
            format!("@bw{sign}{}", mass(&added.mass))
        }
        Load::Rpe(v) => format!("@RPE{}", number(*v)),
        Load::Rir(v) => format!("@RIR{}", number(*v)),
        Load::PercentBodyweight(p) => format!("@{}bw", percent(*p)),
    }
}

/// A load, with the other end of its range: `@20-25kg`, `@70-75%`,
/// `@RPE7-8`, `@RIR2-3`.
pub fn load_range(first: &Load, to: Option<f64>) -> String {
    let Some(to) = to else {
        return load(first);
    };
    match first {
        Load::Mass(m) => format!(
            "@{}-{}",
            number(m.value),
            mass(&Mass {
                value: to,
                unit: m.unit.clone(),
            })
        ),
        Load::Percent(p) => format!("@{}-{}", number(*p), percent(to)),
        Load::Rpe(v) => format!("@RPE{}-{}", number(*v), number(to)),
        Load::Rir(v) => format!("@RIR{}-{}", number(*v), number(to)),
        other => load(other),
    }
}

/// `RPE8`, `RIR2-3`: an effort beside a load.
pub fn effort(effort: &Effort) -> String {
    let scale = match effort.scale {
        EffortScale::Rpe => "RPE",
        EffortScale::Rir => "RIR",
    };
    if effort.low == effort.high {
        format!("{scale}{}", number(effort.low))
    } else {
        format!("{scale}{}-{}", number(effort.low), number(effort.high))
    }
}

/// `3-1-1`, `3-0-x`.
pub fn tempo(tempo: Tempo) -> String {
    let lift = tempo.lift.map_or("x".to_owned(), |l| l.to_string());
    format!("{}-{}-{lift}", tempo.lower, tempo.pause)
}

/// `5`, `8-12`, `5+`, `30s`, `30m`.
pub fn reps(reps: Reps) -> String {
    reps.to_string()
}

/// `4x5 @80kg`, `3x8/side`.
pub fn set_group(group: &SetGroup) -> String {
    let side = if group.per_side { "/side" } else { "" };
    let mut out = format!("{}x{}{side}", group.sets.value, reps(group.reps.value));
    out.push_str(&load_spec(group));
    out
}

/// ` @80kg RPE8`: a set group's load and effort, with a space before.
pub fn load_spec(group: &SetGroup) -> String {
    let mut out = String::new();
    if let Some(l) = &group.load {
        out.push(' ');
        out.push_str(&load_range(&l.value, group.load_to));
    }
    if let Some(e) = &group.effort {
        out.push(' ');
        out.push_str(&effort(&e.value));
    }
    out
}

/// `+2.5kg`, `+2.5%`.
fn step(step: &Step) -> String {
    match &step.amount.value {
        StepAmount::Mass(m) => format!("+{}", mass(m)),
        StepAmount::Percent(p) => format!("+{}", percent(*p)),
    }
}

/// `/week`, `/2weeks`.
fn per_weeks(every: u32) -> String {
    if every == 1 {
        "/week".to_owned()
    } else {
        format!("/{every}weeks")
    }
}

/// `+2.5kg/week`, `double +2.5kg`, `wave 6/5/4 +2.5kg`, `reps +1/week`, ...
pub fn progression(progression: &Progression) -> String {
    match progression {
        Progression::Load { step: s, every } => format!("{}{}", step(s), per_weeks(every.value)),
        Progression::Double { step: s } => format!("double {}", step(s)),
        Progression::Wave { reps, step: s } => {
            let wave: Vec<String> = reps.value.iter().map(u32::to_string).collect();
            format!("wave {} {}", wave.join("/"), step(s))
        }
        Progression::Reps { amount, every } => {
            format!("reps +{}{}", amount.value, per_weeks(every.value))
        }
        Progression::Sets { amount, every } => {
            format!("sets +{}{}", amount.value, per_weeks(every.value))
        }
        Progression::Time { seconds, every } => {
            format!(
                "time +{}{}",
                duration(seconds.value),
                per_weeks(every.value)
            )
        }
        Progression::Distance { meters, every } => {
            format!("distance +{}m{}", meters.value, per_weeks(every.value))
        }
        Progression::None => "none".to_owned(),
    }
}

/// `N week` or `N weeks`, after `deload every` and `taper`.
pub fn weeks(n: u32) -> String {
    if n == 1 {
        "1 week".to_owned()
    } else {
        format!("{n} weeks")
    }
}

/// `true` or `false` (`yes` and `no` read the same).
pub fn boolean(value: bool) -> &'static str {
    if value { "true" } else { "false" }
}

/// The text of `span`, as written: strings keep their escapes this way.
pub fn verbatim(src: &str, span: Span) -> &str {
    src.get(span.start..span.end).unwrap_or_default()
}

/// A rule parameter's value.
pub fn value(src: &str, value: &Value, span: Span) -> String {
    match value {
        Value::Number(n) => number(*n),
        Value::Percent(p) => percent(*p),
        Value::Duration(d) => duration(d.seconds),
        Value::Mass(m) => mass(m),
        Value::Word(w) => w.clone(),
        Value::Text(_) => verbatim(src, span).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_the_way_people_write_them() {
        let cases = [
            (0, "0s"),
            (45, "45s"),
            (60, "60s"),
            (90, "90s"),
            (120, "2min"),
            (150, "2min30s"),
            (600, "10min"),
            (3600, "60min"),
            (5400, "90min"),
            (6000, "100min"),
            (7199, "119min59s"),
            (7200, "2h"),
            (9000, "2h30min"),
            (10800, "3h"),
            (86400, "24h"),
            (86401, "24h1s"),
        ];
        for (seconds, text) in cases {
            assert_eq!(duration(seconds), text, "{seconds}s");
        }
    }

    #[test]
    fn durations_keep_a_tidy_split_as_written() {
        assert_eq!(duration_as_written("1h45min", 6300), "1h45min");
        assert_eq!(duration_as_written("105min", 6300), "105min");
        assert_eq!(duration_as_written("1h30min", 5400), "1h30min");
        assert_eq!(duration_as_written("1h30min20s", 5420), "1h30min20s");
        assert_eq!(duration_as_written("1h0min5s", 3605), "60min5s");
        // Whole hours, or hours and seconds, take the canonical spelling.
        assert_eq!(duration_as_written("1h", 3600), "60min");
        assert_eq!(duration_as_written("3h", 10800), "3h");
        assert_eq!(duration_as_written("1h5s", 3605), "60min5s");
        // Without hours, or untidy, the canonical spelling.
        assert_eq!(duration_as_written("120min", 7200), "2h");
        assert_eq!(duration_as_written("150s", 150), "2min30s");
        assert_eq!(duration_as_written("0h45min", 2700), "45min");
        assert_eq!(duration_as_written("1h75min", 9900), "2h45min");
        assert_eq!(duration_as_written("01h", 3600), "60min");
        assert_eq!(duration_as_written("1h 45min", 6300), "105min");
        // A text that says another length is not kept.
        assert_eq!(duration_as_written("1h", 5400), "90min");
    }

    #[test]
    fn numbers_have_no_exponent_and_no_trailing_zeros() {
        assert_eq!(number(82.5), "82.5");
        assert_eq!(number(100.0), "100");
        assert_eq!(number(1e21), "1000000000000000000000");
        assert_eq!(number(0.000_000_1), "0.0000001");
        assert_eq!(signed_percent(-10.0), "-10%");
        assert_eq!(signed_percent(-0.0), "-0%");
        assert_eq!(signed_percent(5.0), "+5%");
    }
}
