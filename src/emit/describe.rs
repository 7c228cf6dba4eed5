//! Words for people: how the backends spell loads, sets, rests, dates and
//! times. Markdown tables and calendar descriptions share these, so a plan
//! reads the same on paper and in a calendar.

use jiff::civil::{Date, Time, Weekday};

use crate::ast::Reps;
use crate::lower::MONTHS;
use crate::plan::{
    LoadValue, Plan, Prescription, SessionOccurrence, SetGroup, Unit, WeekKind, format_number,
};

/// The exercise's display name from the catalogue, else as written.
pub fn exercise_name(plan: &Plan, prescription: &Prescription) -> String {
    plan.exercises
        .get(&prescription.exercise)
        .map_or_else(|| prescription.written.clone(), |e| e.name.clone())
}

/// `4 × 5`, `3 × 8–12`, `3 × 8 per side`, `3 × 30 s`, `1 × 5+`.
pub fn sets_reps(group: &SetGroup) -> String {
    let reps = match group.reps {
        Reps::Exactly { reps } => reps.to_string(),
        Reps::Range { low, high } => format!("{low}–{high}"),
        Reps::AtLeast { reps } => format!("{reps}+"),
        Reps::Timed { seconds } => rest(seconds),
        Reps::Distance { meters } => format!("{meters} m"),
    };
    let side = if group.per_side { " per side" } else { "" };
    format!("{} × {reps}{side}", group.sets)
}

/// Every set group of a prescription: `1 × 5, 1 × 5, 1 × 5+`.
pub fn all_sets(prescription: &Prescription) -> String {
    join(prescription.sets.iter().map(sets_reps))
}

/// The load of every set group, once when they all share it; empty when no
/// group has one.
pub fn all_loads(prescription: &Prescription, unit: Unit) -> String {
    let loads: Vec<Option<&LoadValue>> =
        prescription.sets.iter().map(|g| g.load.as_ref()).collect();
    match loads.first() {
        None => String::new(),
        Some(first) if loads.iter().all(|l| l == first) => {
            first.map_or_else(String::new, |l| load(l, unit))
        }
        Some(_) => join(
            loads
                .iter()
                .map(|l| l.map_or_else(|| "–".to_string(), |l| load(l, unit))),
        ),
    }
}

/// `80 kg (80% 1RM)`, `bodyweight + 10 kg`, `RPE 8`, `RIR 3`.
pub fn load(value: &LoadValue, athlete_unit: Unit) -> String {
    match value {
        LoadValue::Mass {
            value,
            unit,
            percent_1rm,
        } => {
            let mass = mass(unit.convert(*value, athlete_unit), athlete_unit);
            match percent_1rm {
                // A fraction of the max: 0.75 is 75%.
                Some(p) => format!(
                    "{mass} ({}% 1RM)",
                    format_number((p * 1000.0).round() / 10.0)
                ),
                None => mass,
            }
        }
        LoadValue::Bodyweight { added, unit } => {
            let added = unit.convert(*added, athlete_unit);
            if added > 0.0 {
                format!("bodyweight + {}", mass(added, athlete_unit))
            } else if added < 0.0 {
                format!("bodyweight − {}", mass(-added, athlete_unit))
            } else {
                "bodyweight".to_string()
            }
        }
        LoadValue::Rpe { rpe } => format!("RPE {}", format_number(*rpe)),
        LoadValue::Rir { rir } => format!("RIR {}", format_number(*rir)),
    }
}

/// `82.5 kg`.
pub fn mass(value: f64, unit: Unit) -> String {
    format!("{} {}", format_number(value), unit.symbol())
}

/// A rest or hold: `90 s`, `2 min`, `2 min 30 s`.
pub fn rest(seconds: u32) -> String {
    let (min, s) = (seconds / 60, seconds % 60);
    if min == 0 || (s != 0 && seconds < 120) {
        format!("{seconds} s")
    } else if s == 0 {
        format!("{min} min")
    } else {
        format!("{min} min {s} s")
    }
}

/// A session or run length: `50 min`, `1 h 40 min`, `2 h`.
pub fn minutes(total: u32) -> String {
    let (h, m) = (total / 60, total % 60);
    match (h, m) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// A warm-up or cool-down length, which may be fractional: `7.5 min`.
pub fn phase_minutes(total: f64) -> String {
    if total >= 60.0 && total.fract() == 0.0 && total <= f64::from(u32::MAX) {
        // Whole minutes: the same spelling as sessions.
        minutes(total as u32)
    } else {
        format!("{} min", format_number(total))
    }
}

/// `18:00`.
pub fn time(t: Time) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

fn month(date: Date) -> &'static str {
    MONTHS[usize::try_from(date.month() - 1).unwrap_or(0) % 12]
}

pub fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

/// `Tuesday 5 January 2027`.
pub fn long_date(date: Date) -> String {
    format!(
        "{} {} {} {}",
        weekday_name(date.weekday()),
        date.day(),
        month(date),
        date.year()
    )
}

/// `4–10 Jan 2027`, `29 Mar – 4 Apr 2027`, `28 Dec 2026 – 3 Jan 2027`.
pub fn date_range(first: Date, last: Date) -> String {
    let short = |d: Date| &month(d)[..3];
    if first.year() != last.year() {
        format!(
            "{} {} {} – {} {} {}",
            first.day(),
            short(first),
            first.year(),
            last.day(),
            short(last),
            last.year()
        )
    } else if first.month() != last.month() {
        format!(
            "{} {} – {} {} {}",
            first.day(),
            short(first),
            last.day(),
            short(last),
            last.year()
        )
    } else {
        format!(
            "{}–{} {} {}",
            first.day(),
            last.day(),
            short(last),
            last.year()
        )
    }
}

/// `deload`, `taper`, or nothing for a normal week.
pub fn week_kind(kind: WeekKind) -> &'static str {
    match kind {
        WeekKind::Loading => "",
        WeekKind::Deload => "deload",
        WeekKind::Taper => "taper",
    }
}

/// One exercise on one line, for calendar descriptions:
/// `Back squat: 4 × 5 @ 80 kg (80% 1RM), rest 3 min — note`.
pub fn prescription_line(plan: &Plan, p: &Prescription) -> String {
    let unit = plan.athlete.units;
    let mut line = format!("{}: ", exercise_name(plan, p));
    let uniform = p.sets.windows(2).all(|w| w[0].load == w[1].load);
    if uniform {
        line.push_str(&all_sets(p));
        if let Some(l) = p.sets.first().and_then(|g| g.load.as_ref()) {
            line.push_str(" @ ");
            line.push_str(&load(l, unit));
        }
    } else {
        line.push_str(&join(p.sets.iter().map(|g| match &g.load {
            Some(l) => format!("{} @ {}", sets_reps(g), load(l, unit)),
            None => sets_reps(g),
        })));
    }
    if let Some(r) = p.rest_s {
        line.push_str(", rest ");
        line.push_str(&rest(r));
    }
    if let Some(note) = &p.note {
        line.push_str(" — ");
        line.push_str(note);
    }
    line
}

/// `Warm-up 10 min: easy bike`.
pub fn phase_line(label: &str, duration_min: f64, note: Option<&str>) -> String {
    match note {
        Some(note) => format!("{label} {}: {note}", phase_minutes(duration_min)),
        None => format!("{label} {}", phase_minutes(duration_min)),
    }
}

/// `Tuesday 5 January 2027, 18:00, 50 min` (whichever parts the session has).
pub fn session_when(session: &SessionOccurrence) -> String {
    let mut text = long_date(session.date);
    if let Some(t) = session.time {
        text.push_str(", ");
        text.push_str(&time(t));
    }
    if let Some(d) = session.duration_min {
        text.push_str(", ");
        text.push_str(&minutes(d));
    }
    text
}

fn join(parts: impl Iterator<Item = String>) -> String {
    parts.collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn rests_read_naturally() {
        assert_eq!(rest(45), "45 s");
        assert_eq!(rest(90), "90 s");
        assert_eq!(rest(60), "1 min");
        assert_eq!(rest(180), "3 min");
        assert_eq!(rest(150), "2 min 30 s");
    }

    #[test]
    fn minutes_read_naturally() {
        assert_eq!(minutes(50), "50 min");
        assert_eq!(minutes(100), "1 h 40 min");
        assert_eq!(minutes(120), "2 h");
        assert_eq!(phase_minutes(7.5), "7.5 min");
        assert_eq!(phase_minutes(10.0), "10 min");
    }

    #[test]
    fn date_ranges_say_each_part_once() {
        assert_eq!(
            date_range(date(2027, 1, 4), date(2027, 1, 10)),
            "4–10 Jan 2027"
        );
        assert_eq!(
            date_range(date(2027, 3, 29), date(2027, 4, 4)),
            "29 Mar – 4 Apr 2027"
        );
        assert_eq!(
            date_range(date(2026, 12, 28), date(2027, 1, 3)),
            "28 Dec 2026 – 3 Jan 2027"
        );
        assert_eq!(long_date(date(2027, 1, 5)), "Tuesday 5 January 2027");
    }

    #[test]
    fn loads_in_the_athletes_unit() {
        let kg = LoadValue::Mass {
            value: 80.0,
            unit: Unit::Kg,
            percent_1rm: Some(0.8),
        };
        assert_eq!(load(&kg, Unit::Kg), "80 kg (80% 1RM)");
        let odd = LoadValue::Mass {
            value: 85.0,
            unit: Unit::Kg,
            percent_1rm: Some(85.0 / 120.0),
        };
        assert_eq!(load(&odd, Unit::Kg), "85 kg (70.8% 1RM)");
        let bw = LoadValue::Bodyweight {
            added: -10.0,
            unit: Unit::Kg,
        };
        assert_eq!(load(&bw, Unit::Kg), "bodyweight − 10 kg");
        assert_eq!(load(&LoadValue::Rir { rir: 3.0 }, Unit::Kg), "RIR 3");
        let lb = LoadValue::Mass {
            value: 25.0,
            unit: Unit::Lb,
            percent_1rm: None,
        };
        assert_eq!(load(&lb, Unit::Lb), "25 lb");
    }
}
