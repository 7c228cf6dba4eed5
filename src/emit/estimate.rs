//! How long a session takes by its content, shown beside the written time:
//! `Tuesday 18:00, 50 min (est. 52 min)`. The estimate is the checker's own
//! (`check::facts::estimate`: warm-up, sets, reps, rests, changes,
//! cool-down), so the page and `session.duration` never disagree.

use super::prescriptions::SessionSummary;
use crate::check::facts::estimate;
use crate::plan::{SessionOccurrence, Week};

/// The estimated length of a session over some weeks, in whole minutes:
/// the shortest and the longest week (a deload week is shorter).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Estimate {
    pub(crate) low: u32,
    pub(crate) high: u32,
}

impl Estimate {
    /// One week's session.
    pub(crate) fn of(session: &SessionOccurrence) -> Estimate {
        let minutes = (estimate(session) + 30) / 60;
        Estimate {
            low: minutes,
            high: minutes,
        }
    }

    /// The weeks `summary` covers among `weeks`; `None` when none is there.
    pub(crate) fn of_summary(weeks: &[&Week], summary: &SessionSummary) -> Option<Estimate> {
        weeks
            .iter()
            .filter(|w| summary.weeks.contains(&w.number))
            .flat_map(|w| &w.sessions)
            .filter(|s| s.name == summary.name && s.block == summary.block && s.day == summary.day)
            .map(Estimate::of)
            .reduce(|a, b| Estimate {
                low: a.low.min(b.low),
                high: a.high.max(b.high),
            })
    }

    /// `est. 52 min`, `est. 38–52 min`.
    pub(crate) fn text(self) -> String {
        if self.low == self.high {
            format!("est. {} min", self.high)
        } else {
            format!("est. {}–{} min", self.low, self.high)
        }
    }

    /// After the written time: ` (est. 52 min)`; alone: `, est. 52 min`.
    pub(crate) fn beside(self, written: Option<u32>) -> String {
        match written {
            Some(_) => format!(" ({})", self.text()),
            None => format!(", {}", self.text()),
        }
    }
}

/// The summary's day, time and written length with the estimate beside
/// it: `Tuesday 18:00, 50 min (est. 48–52 min)`.
pub(crate) fn when(weeks: &[&Week], summary: &SessionSummary) -> String {
    let mut text = summary.when();
    if let Some(e) = Estimate::of_summary(weeks, summary) {
        text.push_str(&e.beside(summary.minutes));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_length_or_a_range() {
        let e = Estimate { low: 52, high: 52 };
        assert_eq!(e.text(), "est. 52 min");
        assert_eq!(e.beside(Some(50)), " (est. 52 min)");
        assert_eq!(e.beside(None), ", est. 52 min");
        let e = Estimate { low: 38, high: 52 };
        assert_eq!(e.text(), "est. 38–52 min");
    }
}
