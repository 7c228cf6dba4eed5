//! One spelling of reps and durations for everything that prints them:
//! `fmt`, `show`, the checker's messages and lowering's errors write a
//! duration and a set's reps the way a plan writes them, so that what a
//! message quotes can be pasted back into the plan.

use std::fmt;

use crate::ast::Reps;

/// A length of time as a plan writes it: seconds under two minutes (`45s`,
/// `90s`), minutes under two hours (`2min30s`, `60min`, `100min`), hours
/// above (`3h`, `2h30min`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duration(pub u32);

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let seconds = self.0;
        if seconds < 120 {
            return write!(f, "{seconds}s");
        }
        let hours = if seconds >= 7200 { seconds / 3600 } else { 0 };
        let rest = seconds - hours * 3600;
        let (minutes, seconds) = (rest / 60, rest % 60);
        if hours > 0 {
            write!(f, "{hours}h")?;
        }
        if minutes > 0 {
            write!(f, "{minutes}min")?;
        }
        if seconds > 0 {
            write!(f, "{seconds}s")?;
        }
        Ok(())
    }
}

/// `5`, `8-12`, `5+`, `30s`, `2min`, `30m`.
impl fmt::Display for Reps {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Reps::Exactly { reps } => write!(f, "{reps}"),
            Reps::Range { low, high } => write!(f, "{low}-{high}"),
            Reps::AtLeast { reps } => write!(f, "{reps}+"),
            Reps::Timed { seconds } => Duration(seconds).fmt(f),
            Reps::Distance { meters } => write!(f, "{meters}m"),
        }
    }
}

/// `4x5`, `3x8-12/side`, `3x30s`: a count of sets and their reps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sets {
    pub sets: u32,
    pub reps: Reps,
    pub per_side: bool,
}

impl fmt::Display for Sets {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let side = if self.per_side { "/side" } else { "" };
        write!(f, "{}x{}{side}", self.sets, self.reps)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_spelling_reads_back_as_written() {
        let sets = |sets, reps, per_side| {
            Sets {
                sets,
                reps,
                per_side,
            }
            .to_string()
        };
        assert_eq!(sets(4, Reps::Exactly { reps: 5 }, false), "4x5");
        assert_eq!(
            sets(3, Reps::Range { low: 8, high: 12 }, true),
            "3x8-12/side"
        );
        assert_eq!(sets(1, Reps::AtLeast { reps: 5 }, false), "1x5+");
        assert_eq!(sets(3, Reps::Timed { seconds: 90 }, false), "3x90s");
        assert_eq!(sets(3, Reps::Timed { seconds: 150 }, false), "3x2min30s");
        assert_eq!(sets(3, Reps::Distance { meters: 40 }, false), "3x40m");
        assert_eq!(Duration(5400).to_string(), "90min");
        assert_eq!(Duration(9000).to_string(), "2h30min");
    }
}
