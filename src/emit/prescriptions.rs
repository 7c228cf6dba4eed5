//! Each session written once: every week a session occurs in, folded into
//! one table whose cells give the range the weeks cover (`4 × 5`,
//! `75–80 kg`), with the deload or taper weeks in a column of their own.
//! The Markdown and HTML plans print these instead of every week in full.

use std::collections::BTreeMap;

use jiff::civil::Time;

use super::describe;
use crate::ast::{Reps, Weekday};
use crate::plan::{
    GroupKind, LoadValue, PhaseInfo, Plan, Prescription, SessionId, SessionOccurrence, Week,
    WeekKind, format_number,
};

/// One session definition over the weeks it occurs in.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SessionSummary {
    pub(crate) name: String,
    pub(crate) block: String,
    pub(crate) day: Weekday,
    pub(crate) time: Option<Time>,
    pub(crate) minutes: Option<u32>,
    pub(crate) location: Option<String>,
    pub(crate) warmup: Option<PhaseInfo>,
    pub(crate) cooldown: Option<PhaseInfo>,
    /// The weeks it occurs in, in order.
    pub(crate) weeks: Vec<u32>,
    /// `Deload (week 4)`, when some of those weeks are lighter.
    pub(crate) lighter: Option<String>,
    /// Tagged `optional`: scheduled, never counted toward a minimum.
    pub(crate) optional: bool,
    /// Tagged `mobility`: never counted as strength work.
    pub(crate) mobility: bool,
    /// The table's rows: lines, each followed by its `or` alternatives
    /// (`or Goblet squat`); a group's heading row (`Superset A (3 rounds)`)
    /// before its lines (`A1 Bench press`).
    pub(crate) lines: Vec<LineSummary>,
}

/// One exercise line over the weeks.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct LineSummary {
    pub(crate) exercise: String,
    /// `4 × 5`, `4 × 6 / 4 × 5 / 4 × 4` when the weeks differ.
    pub(crate) sets: String,
    /// `75–80 kg`, `bodyweight`, empty for no load.
    pub(crate) load: String,
    /// The lighter weeks' `sets @ load`, empty without them.
    pub(crate) lighter: String,
    pub(crate) rest: String,
    pub(crate) progression: String,
    pub(crate) note: String,
}

impl SessionSummary {
    /// `weeks 1–6`, `week 3`, `weeks 1–3, 5`.
    pub(crate) fn week_text(&self) -> String {
        week_list(&self.weeks)
    }

    /// `Tuesday 18:00, 50 min`.
    pub(crate) fn when(&self) -> String {
        let mut text = describe::weekday_name(jiff_day(self.day)).to_string();
        if let Some(t) = self.time {
            text.push(' ');
            text.push_str(&describe::time(t));
        }
        if let Some(m) = self.minutes {
            text.push_str(", ");
            text.push_str(&describe::minutes(m));
        }
        text
    }
}

fn jiff_day(day: Weekday) -> jiff::civil::Weekday {
    use jiff::civil::Weekday as J;
    [
        J::Monday,
        J::Tuesday,
        J::Wednesday,
        J::Thursday,
        J::Friday,
        J::Saturday,
        J::Sunday,
    ][usize::from(day.index()) % 7]
}

/// Every session of `weeks`, once, in block and session order.
pub(crate) fn summaries(plan: &Plan, weeks: &[&Week]) -> Vec<SessionSummary> {
    let mut by_id: BTreeMap<SessionId, Vec<(&Week, &SessionOccurrence)>> = BTreeMap::new();
    for week in weeks {
        for session in &week.sessions {
            by_id.entry(session.id).or_default().push((week, session));
        }
    }
    by_id
        .into_values()
        .filter_map(|occurrences| summary(plan, &occurrences))
        .collect()
}

fn summary(plan: &Plan, occurrences: &[(&Week, &SessionOccurrence)]) -> Option<SessionSummary> {
    let (_, first) = occurrences.first()?;
    let loading = |k: WeekKind| k == WeekKind::Loading;
    let (mut main, mut lighter): (Vec<_>, Vec<_>) = occurrences
        .iter()
        .copied()
        .partition(|(w, _)| loading(w.kind));
    if main.is_empty() {
        std::mem::swap(&mut main, &mut lighter);
    }
    let lighter_label = lighter.first().map(|(w, _)| {
        let kind = match w.kind {
            WeekKind::Taper => "Taper",
            _ => "Deload",
        };
        let weeks: Vec<u32> = lighter.iter().map(|(w, _)| w.number).collect();
        format!("{kind} ({})", week_list(&weeks))
    });
    let unit = plan.athlete.units;
    // One row of the table: the line `pick` finds in each week.
    let row = |label: String,
               p: &Prescription,
               pick: &dyn Fn(&SessionOccurrence) -> Option<Prescription>|
     -> LineSummary {
        let at = |set: &[(&Week, &SessionOccurrence)]| -> Vec<Prescription> {
            set.iter().filter_map(|(_, s)| pick(s)).collect()
        };
        let main_ps = at(&main);
        let lighter_ps = at(&lighter);
        let lighter_text = if lighter_ps.is_empty() {
            String::new()
        } else {
            let (sets, load) = (sets_range(&lighter_ps), load_range(&lighter_ps, unit));
            if load.is_empty() {
                sets
            } else {
                format!("{sets} @ {load}")
            }
        };
        let note = [describe::tempo(p), p.note.clone()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("; ");
        LineSummary {
            exercise: format!("{label}{}", describe::exercise_name(plan, p)),
            sets: sets_range(&main_ps),
            load: load_range(&main_ps, unit),
            lighter: lighter_text,
            rest: p.rest_s.map(describe::rest).unwrap_or_default(),
            progression: p.progression.clone().unwrap_or_default(),
            note,
        }
    };
    let mut lines: Vec<LineSummary> = Vec::new();
    let entry = |lines: &mut Vec<LineSummary>, label: String, e: &describe::Entry<'_>| {
        let index = e.index;
        lines.push(row(label, e.prescription, &|s| {
            s.exercises.get(index).cloned()
        }));
        for (k, alternative) in e.alternatives.iter().enumerate() {
            lines.push(row("or ".to_string(), alternative, &|s| {
                s.alternatives_of(index).nth(k).cloned()
            }));
        }
    };
    for item in describe::items(first) {
        match item {
            describe::Item::Line(e) => entry(&mut lines, String::new(), &e),
            describe::Item::Group {
                label,
                info,
                rounds,
                entries,
            } => {
                let mut heading = describe::group_heading(info, &label, rounds);
                if let (GroupKind::Superset, Some(r)) = (info.kind, info.rest_s) {
                    heading = format!("{heading}, rest {} after each round", describe::rest(r));
                }
                lines.push(LineSummary {
                    exercise: heading,
                    ..LineSummary::default()
                });
                for (i, e) in entries.iter().enumerate() {
                    entry(&mut lines, format!("{label}{} ", i + 1), e);
                }
            }
        }
    }
    Some(SessionSummary {
        name: first.name.clone(),
        block: first.block.clone(),
        day: first.day,
        time: first.time,
        minutes: first.duration_min,
        location: first.location.clone(),
        warmup: first.warmup.clone(),
        cooldown: first.cooldown.clone(),
        weeks: occurrences.iter().map(|(w, _)| w.number).collect(),
        lighter: lighter_label,
        optional: first.optional,
        mobility: first.mobility,
        lines,
    })
}

/// The set texts over the weeks: `4 × 5` when they agree, `3 × 12 → 15`
/// when only the reps climb, `4 × 6/5/4` when they wave, else the distinct
/// texts in week order.
fn sets_range(ps: &[Prescription]) -> String {
    let texts = distinct(ps.iter().map(describe::all_sets));
    if texts.len() <= 1 {
        return texts.into_iter().next().unwrap_or_default();
    }
    let first = ps.first().and_then(|p| p.sets.first());
    let reps: Option<Vec<u32>> = ps
        .iter()
        .map(|p| match (&*p.sets, first) {
            ([g], Some(f)) if g.sets == f.sets && g.per_side == f.per_side => match g.reps {
                Reps::Exactly { reps } => Some(reps),
                _ => None,
            },
            _ => None,
        })
        .collect();
    match (reps, first) {
        (Some(reps), Some(f)) => {
            let mut seen: Vec<u32> = Vec::new();
            for r in reps {
                if !seen.contains(&r) {
                    seen.push(r);
                }
            }
            let side = if f.per_side { " per side" } else { "" };
            let climbing = seen.windows(2).all(|w| w[0] < w[1]);
            match (seen.first(), seen.last()) {
                (Some(lo), Some(hi)) if climbing => format!("{} × {lo} → {hi}{side}", f.sets),
                _ => {
                    let list: Vec<String> = seen.iter().map(u32::to_string).collect();
                    format!("{} × {}{side}", f.sets, list.join("/"))
                }
            }
        }
        _ => texts.join(" / "),
    }
}

/// One load, a range of masses (`75–80 kg`), or the distinct loads.
fn load_range(ps: &[Prescription], unit: crate::plan::Unit) -> String {
    let texts = distinct(ps.iter().map(|p| describe::all_loads(p, unit)));
    if texts.len() <= 1 {
        return texts.into_iter().next().unwrap_or_default();
    }
    let masses: Option<Vec<f64>> = ps
        .iter()
        .map(|p| {
            let first = p.sets.first()?.load.as_ref()?;
            let uniform = p.sets.iter().all(|g| {
                g.load.as_ref() == Some(first) && g.load_to.is_none() && g.effort.is_none()
            });
            match first {
                LoadValue::Mass { value, unit: u, .. } if uniform => Some(u.convert(*value, unit)),
                _ => None,
            }
        })
        .collect();
    match masses {
        Some(m) if !m.is_empty() => {
            let low = m.iter().copied().fold(f64::INFINITY, f64::min);
            let high = m.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            format!(
                "{}–{} {}",
                format_number(low),
                format_number(high),
                unit.symbol()
            )
        }
        _ => texts.join(" / "),
    }
}

fn distinct(texts: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in texts {
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// `weeks 1–6`, `week 3`, `weeks 1–3, 5`.
pub(crate) fn week_list(weeks: &[u32]) -> String {
    let mut runs: Vec<(u32, u32)> = Vec::new();
    for &w in weeks {
        match runs.last_mut() {
            Some(last) if last.1 + 1 == w => last.1 = w,
            _ => runs.push((w, w)),
        }
    }
    let parts: Vec<String> = runs
        .iter()
        .map(|&(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            }
        })
        .collect();
    let word = if weeks.len() == 1 { "week" } else { "weeks" };
    format!("{word} {}", parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::week_list;

    #[test]
    fn week_lists_read_as_ranges() {
        assert_eq!(week_list(&[3]), "week 3");
        assert_eq!(week_list(&[1, 2, 3, 4, 5, 6]), "weeks 1–6");
        assert_eq!(week_list(&[1, 2, 3, 5, 6]), "weeks 1–3, 5–6");
        assert_eq!(week_list(&[4, 8]), "weeks 4, 8");
    }
}
