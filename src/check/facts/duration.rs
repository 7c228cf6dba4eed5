//! How long a session takes by its content: warm-up, sets, reps (at their
//! tempo), rests, changes between exercises and cool-down. A `superset`
//! rests once a round (its `rest`), a `circuit` its `rest` between rounds
//! and its `between` between entries, each entry taking the circuit's
//! `work` time when it gives one. `session.duration` compares it with the
//! written time; other output may show it.

use crate::ast::Reps;
use crate::plan::{GroupKind, Prescription, SessionOccurrence};

/// Seconds per rep, per metre carried, and to change exercise.
pub const REP_S: u32 = 4;
pub const METRE_S: u32 = 1;
pub const CHANGE_S: u32 = 60;
/// Rest assumed between sets (or a group's rounds) when the plan does not
/// say.
pub const REST_S: u32 = 90;

/// Seconds a session takes: warm-up, work, rests, changes, cool-down.
pub fn estimate(s: &SessionOccurrence) -> u32 {
    let phase = |p: &Option<crate::plan::PhaseInfo>| {
        p.as_ref()
            .map_or(0, |p| (p.duration_min * 60.0).round() as u32)
    };
    let mut total = phase(&s.warmup) + phase(&s.cooldown);
    for p in s.exercises.iter().filter(|p| p.group.is_none()) {
        let rest = p.rest_s.unwrap_or(REST_S);
        let sets = p.total_sets();
        total = total
            .saturating_add(work(p, None))
            .saturating_add(sets.saturating_sub(1).saturating_mul(rest))
            .saturating_add(CHANGE_S);
    }
    for (index, group) in s.groups.iter().enumerate() {
        let lines: Vec<&Prescription> = s
            .exercises
            .iter()
            .filter(|p| p.group.map(usize::from) == Some(index))
            .collect();
        if lines.is_empty() {
            continue;
        }
        let rest = group.rest_s.unwrap_or(REST_S);
        let (rounds, work_s, between) = match group.kind {
            GroupKind::Superset => {
                let rounds = lines.iter().map(|p| p.total_sets()).max().unwrap_or(0);
                (rounds, None, 0)
            }
            GroupKind::Circuit {
                rounds,
                work_s,
                between_s,
            } => (rounds, work_s, between_s.unwrap_or(0)),
        };
        let entries = u32::try_from(lines.len()).unwrap_or(u32::MAX);
        let done = lines
            .iter()
            .fold(0u32, |sum, p| sum.saturating_add(work(p, work_s)));
        total = total
            .saturating_add(done)
            .saturating_add(rounds.saturating_sub(1).saturating_mul(rest))
            .saturating_add(
                rounds
                    .saturating_mul(entries.saturating_sub(1))
                    .saturating_mul(between),
            )
            .saturating_add(CHANGE_S);
    }
    total
}

/// Seconds of work in a line's sets: each rep at its tempo (or
/// [`REP_S`]), or the set's time or distance; `per_set` when a circuit
/// gives each entry a work time.
fn work(p: &Prescription, per_set: Option<u32>) -> u32 {
    let rep_s = p.tempo.map_or(REP_S, |t| t.rep_seconds());
    p.sets.iter().fold(0u32, |total, g| {
        let one = per_set.unwrap_or(match g.reps {
            Reps::Exactly { reps } | Reps::AtLeast { reps } | Reps::Range { high: reps, .. } => {
                reps.saturating_mul(rep_s)
            }
            Reps::Timed { seconds } => seconds,
            Reps::Distance { meters } => meters.saturating_mul(METRE_S),
        });
        let sides = if g.per_side && per_set.is_none() {
            2
        } else {
            1
        };
        total.saturating_add(g.sets.saturating_mul(one).saturating_mul(sides))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(body: &str) -> u32 {
        let source = format!(
            "plan \"Estimate\"\nstart 2027-01-04\nblock \"B\" weeks 1-1 {{\n  session \"S\" mon 18:00 60min {{\n{body}\n  }}\n}}\n"
        );
        let analysis = crate::analyze(&source, &crate::Options::default());
        let plan = analysis.plan.expect("compiles");
        let s = plan.sessions().next().expect("a session");
        estimate(s)
    }

    #[test]
    fn a_superset_rests_once_a_round() {
        // 3 rounds of 8 + 10 reps at 4 s, 2 rests of 120 s, one change.
        let got = session("superset rest 2min {\n split-squat 3x8\n push-up 3x10\n }");
        assert_eq!(got, 3 * (8 + 10) * 4 + 2 * 120 + CHANGE_S);
    }

    #[test]
    fn a_circuit_counts_rounds_work_and_rests() {
        // 3 rounds of 3 entries of 40 s, 20 s between entries, 60 s
        // between rounds, one change.
        let got = session(
            "circuit 3 rounds work 40s rest 60s between 20s {\n goblet-squat @16kg\n push-up 10-12\n plank 30s\n }",
        );
        assert_eq!(got, 3 * 3 * 40 + 3 * 2 * 20 + 2 * 60 + CHANGE_S);
    }

    #[test]
    fn tempo_lengthens_the_reps() {
        // 3x5 at 3-1-1: 5 s a rep, two rests of 90 s, one change.
        let got = session("back-squat 3x5 @60kg tempo 3-1-1");
        assert_eq!(got, 3 * 5 * 5 + 2 * REST_S + CHANGE_S);
    }
}
