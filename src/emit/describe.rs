//! Words for people: how the backends spell loads, sets, rests, dates and
//! times. Markdown tables and calendar descriptions share these, so a plan
//! reads the same on paper and in a calendar.

use jiff::civil::{Date, Time, Weekday};

use crate::ast::{Effort, EffortScale, LineForm, Reps};
use crate::lower::MONTHS;
use crate::plan::{
    GroupInfo, GroupKind, LoadValue, Plan, Prescription, SessionOccurrence, SetGroup, Unit,
    WeekKind, format_number,
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
    let loads: Vec<Option<String>> = prescription
        .sets
        .iter()
        .map(|g| set_load(g, unit))
        .collect();
    match loads.first() {
        None => String::new(),
        Some(first) if loads.iter().all(|l| l == first) => first.clone().unwrap_or_default(),
        Some(_) => join(
            loads
                .iter()
                .map(|l| l.clone().unwrap_or_else(|| "–".to_string())),
        ),
    }
}

/// A set group's load as written, ranges whole and the effort beside it:
/// `70–75 kg (70–75% 1RM)`, `RPE 7–8`, `80 kg, RPE 8`; `None` without
/// either.
pub fn set_load(group: &SetGroup, unit: Unit) -> Option<String> {
    let mut text = match (&group.load, &group.load_to) {
        (Some(from), Some(to)) if from != to => load_range(from, to, unit),
        (Some(l), _) => load(l, unit),
        (None, _) => String::new(),
    };
    if let Some(e) = group.effort {
        if !text.is_empty() {
            text.push_str(", ");
        }
        text.push_str(&effort(e));
    }
    (!text.is_empty()).then_some(text)
}

/// `70–75 kg (70–75% 1RM)`, `RPE 7–8`, `RIR 2–3`, `bodyweight + 5–10 kg`.
fn load_range(from: &LoadValue, to: &LoadValue, athlete_unit: Unit) -> String {
    let percent = |p: f64| format_number((p * 1000.0).round() / 10.0);
    match (from, to) {
        (
            LoadValue::Mass {
                value: a,
                unit: ua,
                percent_1rm: pa,
            },
            LoadValue::Mass {
                value: b,
                unit: ub,
                percent_1rm: pb,
            },
        ) => {
            let masses = format!(
                "{}–{} {}",
                format_number(ua.convert(*a, athlete_unit)),
                format_number(ub.convert(*b, athlete_unit)),
                athlete_unit.symbol()
            );
            match (pa, pb) {
                (Some(pa), Some(pb)) => {
                    format!("{masses} ({}–{}% 1RM)", percent(*pa), percent(*pb))
                }
                _ => masses,
            }
        }
        (LoadValue::Rpe { rpe: a }, LoadValue::Rpe { rpe: b }) => {
            format!("RPE {}–{}", format_number(*a), format_number(*b))
        }
        (LoadValue::Rir { rir: a }, LoadValue::Rir { rir: b }) => {
            format!("RIR {}–{}", format_number(*a), format_number(*b))
        }
        (
            LoadValue::Bodyweight { added: a, unit: ua },
            LoadValue::Bodyweight { added: b, unit: ub },
        ) if *a > 0.0 && *b > 0.0 => format!(
            "bodyweight + {}–{} {}",
            format_number(ua.convert(*a, athlete_unit)),
            format_number(ub.convert(*b, athlete_unit)),
            athlete_unit.symbol()
        ),
        _ => format!("{} to {}", load(from, athlete_unit), load(to, athlete_unit)),
    }
}

/// `RPE 8`, `RIR 2–3`.
pub fn effort(e: Effort) -> String {
    let scale = match e.scale {
        EffortScale::Rpe => "RPE",
        EffortScale::Rir => "RIR",
    };
    if e.low == e.high {
        format!("{scale} {}", format_number(e.low))
    } else {
        format!("{scale} {}–{}", format_number(e.low), format_number(e.high))
    }
}

/// `tempo 3-1-1`, `tempo 3-0-x`, as the plan writes it.
pub fn tempo(p: &Prescription) -> Option<String> {
    p.tempo
        .map(|t| format!("tempo {}", crate::fmt::spell::tempo(t)))
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
    format!("{}: {}", exercise_name(plan, p), prescription_text(plan, p))
}

/// What follows the exercise's name: `4 × 5 @ 80 kg, tempo 3-1-1, rest 3 min — note`.
fn prescription_text(plan: &Plan, p: &Prescription) -> String {
    let unit = plan.athlete.units;
    let loads: Vec<Option<String>> = p.sets.iter().map(|g| set_load(g, unit)).collect();
    let mut line = if loads.windows(2).all(|w| w[0] == w[1]) {
        let mut line = all_sets(p);
        if let Some(Some(l)) = loads.first() {
            line.push_str(" @ ");
            line.push_str(l);
        }
        line
    } else {
        join(p.sets.iter().zip(&loads).map(|(g, l)| match l {
            Some(l) => format!("{} @ {l}", sets_reps(g)),
            None => sets_reps(g),
        }))
    };
    push_tail(&mut line, p);
    line
}

/// `, tempo 3-1-1, rest 3 min — note`: what a line says besides its sets.
fn push_tail(line: &mut String, p: &Prescription) {
    if let Some(t) = tempo(p) {
        line.push_str(", ");
        line.push_str(&t);
    }
    if let Some(r) = p.rest_s {
        line.push_str(", rest ");
        line.push_str(&rest(r));
    }
    if let Some(note) = &p.note {
        line.push_str(" — ");
        line.push_str(note);
    }
}

/// A session's exercise lines for a calendar description, one a line: a
/// line with its `or` alternatives (`Back squat: 4 × 5 @ 80 kg (or Goblet
/// squat: 4 × 8 @ 24 kg)`), a superset or circuit with its rounds and
/// entries (`Superset A (3 rounds): A1 Bench press × 8 @ 60 kg, A2 Pull-up
/// × 6, rest 90 s`).
pub fn session_lines(plan: &Plan, session: &SessionOccurrence) -> Vec<String> {
    items(session)
        .iter()
        .map(|item| match item {
            Item::Line(entry) => {
                let mut line = prescription_line(plan, entry.prescription);
                push_alternatives(&mut line, plan, &entry.alternatives);
                line
            }
            Item::Group {
                label,
                info,
                rounds,
                entries,
            } => {
                let parts: Vec<String> = entries
                    .iter()
                    .enumerate()
                    .map(|(i, e)| {
                        let mut part = format!(
                            "{label}{} {}",
                            i + 1,
                            entry_text(plan, e.prescription, *rounds)
                        );
                        push_alternatives(&mut part, plan, &e.alternatives);
                        part
                    })
                    .collect();
                format!(
                    "{}: {}",
                    group_heading(info, label, *rounds),
                    parts.join(", ")
                ) + &info
                    .rest_s
                    .filter(|_| info.kind == GroupKind::Superset)
                    .map(|r| format!(", rest {}", rest(r)))
                    .unwrap_or_default()
            }
        })
        .collect()
}

fn push_alternatives(line: &mut String, plan: &Plan, alternatives: &[&Prescription]) {
    if alternatives.is_empty() {
        return;
    }
    let parts: Vec<String> = alternatives
        .iter()
        .map(|a| format!("or {}", prescription_line(plan, a)))
        .collect();
    line.push_str(" (");
    line.push_str(&parts.join("; "));
    line.push(')');
}

/// `Superset A (3 rounds)`, `Circuit B (2 rounds, work 40 s, 20 s between
/// entries, rest 60 s)`.
pub fn group_heading(info: &GroupInfo, label: &str, rounds: u32) -> String {
    let mut facts = vec![format!(
        "{rounds} round{}",
        if rounds == 1 { "" } else { "s" }
    )];
    let name = match info.kind {
        GroupKind::Superset => "Superset",
        GroupKind::Circuit {
            work_s, between_s, ..
        } => {
            if let Some(w) = work_s {
                facts.push(format!("work {}", rest(w)));
            }
            if let Some(b) = between_s {
                facts.push(format!("{} between entries", rest(b)));
            }
            if let Some(r) = info.rest_s {
                facts.push(format!("rest {}", rest(r)));
            }
            "Circuit"
        }
    };
    format!("{name} {label} ({})", facts.join(", "))
}

/// One line of a group, per round: `Bench press × 8 @ 60 kg`, `Plank 30 s`,
/// `Goblet squat @ 16 kg` (as many as the work time allows); a line that is
/// not one set a round gives its sets: `Bench press 1 × 5, 1 × 3`.
pub fn entry_text(plan: &Plan, p: &Prescription, rounds: u32) -> String {
    let unit = plan.athlete.units;
    let mut text = exercise_name(plan, p);
    match &*p.sets {
        [g] if g.sets == rounds => {
            if p.form != LineForm::EntryWithoutReps {
                text.push(' ');
                text.push_str(&round_reps(g));
            }
            if let Some(l) = set_load(g, unit) {
                text.push_str(" @ ");
                text.push_str(&l);
            }
            push_tail(&mut text, p);
        }
        _ => {
            text.push(' ');
            text.push_str(&prescription_text(plan, p));
        }
    }
    text
}

/// The reps of one set: `× 8`, `× 8–12 per side`, `30 s`, `40 m`.
pub fn round_reps(group: &SetGroup) -> String {
    let reps = match group.reps {
        Reps::Exactly { reps } => format!("× {reps}"),
        Reps::Range { low, high } => format!("× {low}–{high}"),
        Reps::AtLeast { reps } => format!("× {reps}+"),
        Reps::Timed { seconds } => rest(seconds),
        Reps::Distance { meters } => format!("{meters} m"),
    };
    let side = if group.per_side { " per side" } else { "" };
    format!("{reps}{side}")
}

/// A session's lines in order, its `superset` and `circuit` lines gathered
/// in their groups, each with its `or` alternatives.
pub(crate) fn items(session: &SessionOccurrence) -> Vec<Item<'_>> {
    let mut items: Vec<Item<'_>> = Vec::new();
    for (index, prescription) in session.exercises.iter().enumerate() {
        let entry = Entry {
            index,
            prescription,
            alternatives: session.alternatives_of(index).collect(),
        };
        let group = prescription
            .group
            .map(usize::from)
            .and_then(|g| session.groups.get(g).map(|info| (g, info)));
        match (group, items.last_mut()) {
            (Some((g, _)), Some(Item::Group { label, entries, .. }))
                if *label == group_label(g) =>
            {
                entries.push(entry);
            }
            (Some((g, info)), _) => items.push(Item::Group {
                label: group_label(g),
                info,
                rounds: 0,
                entries: vec![entry],
            }),
            (None, _) => items.push(Item::Line(entry)),
        }
    }
    for item in &mut items {
        if let Item::Group {
            info,
            rounds,
            entries,
            ..
        } = item
        {
            // One set of each line a round: what this week does (a deload
            // halves a circuit's rounds too).
            *rounds = entries
                .iter()
                .map(|e| e.prescription.total_sets())
                .max()
                .unwrap_or(match info.kind {
                    GroupKind::Circuit { rounds, .. } => rounds,
                    GroupKind::Superset => 0,
                });
        }
    }
    items
}

/// `A`, `B`, ... for a session's groups in order; `G27` past `Z`.
pub(crate) fn group_label(index: usize) -> String {
    match u8::try_from(index) {
        Ok(i) if i < 26 => char::from(b'A' + i).to_string(),
        _ => format!("G{}", index + 1),
    }
}

/// A session's line or group, in source order.
pub(crate) enum Item<'a> {
    Line(Entry<'a>),
    Group {
        /// `A` for the session's first group.
        label: String,
        info: &'a GroupInfo,
        /// Its lines' set count this week: one set of each a round.
        rounds: u32,
        entries: Vec<Entry<'a>>,
    },
}

/// An exercise line with its `or` alternatives.
pub(crate) struct Entry<'a> {
    /// Its index in the occurrence's `exercises`.
    pub(crate) index: usize,
    pub(crate) prescription: &'a Prescription,
    pub(crate) alternatives: Vec<&'a Prescription>,
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
