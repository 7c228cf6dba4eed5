//! `recovery.same-muscle`: two strength sessions that load the same limb
//! muscle less than `min-gap` apart. Measured start to start, so that the
//! classic Monday-Wednesday-Friday at one time of day passes; whole-day
//! entries count whole days. Trunk muscles and plyometrics are left out.

use std::fmt::Write as _;

use jiff::civil::Date;

use crate::check::Context;
use crate::check::facts::{DAY, Session, days_between, limb_muscles};
use crate::check::finding::{Finding, Findings, LazyText};
use crate::check::params::{duration, format_duration};

pub fn check(ctx: &Context<'_>, out: &mut Findings) {
    let min = ctx.params.seconds("min-gap");
    let facts = ctx.facts;
    let names = limb_muscles();
    let min_text = LazyText::new(|| format_duration(min));
    let mut sessions: Vec<&Session<'_>> = facts.sessions().iter().collect();
    sessions.sort_by_key(|s| (s.interval.start, s.date));
    // The last session that loaded each muscle.
    let mut last: Vec<Option<&Session<'_>>> = vec![None; names.len()];
    // Muscles trained too soon, grouped by the earlier session (its week,
    // date and name), as bits of `names`.
    type Group<'a, 'p> = ((u32, Date, &'p str), &'a Session<'p>, u32);
    let mut soon: Vec<Group<'_, '_>> = Vec::new();
    for s in sessions {
        let muscles = facts
            .lines(s)
            .filter_map(|p| p.ex)
            .filter(|e| e.resistance())
            .fold(0u32, |bits, e| bits | e.limb_muscles);
        for (bit, previous) in last.iter_mut().enumerate() {
            let Some(mask) = 1u32.checked_shl(bit as u32).filter(|m| muscles & m != 0) else {
                continue;
            };
            if let Some(previous) = *previous
                && gap(previous, s) < min
            {
                let key = (
                    previous.week,
                    previous.date,
                    previous.occurrence.name.as_str(),
                );
                match soon.iter_mut().find(|(k, ..)| *k == key) {
                    Some(group) => group.2 |= mask,
                    None => soon.push((key, previous, mask)),
                }
            }
            *previous = Some(s);
        }
        for (_, previous, bits) in soon.drain(..) {
            let gap = gap(previous, s);
            let mut label = join_and(names, bits);
            let muscles = label.len();
            label.push_str(" again");
            let mut message =
                String::with_capacity(s.name.len() + muscles + previous.name.len() + 48);
            let _ = write!(message, "{} works the {} ", s.name, label);
            let _ = if gap % DAY == 0 && !s.interval.timed {
                match gap / DAY {
                    0 => write!(message, "the same day as"),
                    1 => write!(message, "the day after"),
                    n => write!(message, "{n} days after"),
                }
            } else {
                write!(message, "{} after the start of", duration(gap))
            };
            let _ = write!(message, " {}", previous.name);
            out.push(
                Finding::new(s.header, label, message)
                    .context(previous.header, "worked here first")
                    .on(s.week, s.date)
                    .help(format!(
                        "leave {min_text} between sessions that load the same muscles: move {} a day later, or split lower- and upper-body work",
                        s.name
                    )),
            );
        }
    }
}

/// Start to start for timed sessions, whole days otherwise.
fn gap(a: &Session<'_>, b: &Session<'_>) -> i64 {
    let (x, y) = (a.interval, b.interval);
    if x.timed && y.timed {
        y.start - x.start
    } else {
        days_between(a.date, b.date) * DAY
    }
}

/// `glutes`, `glutes and quadriceps`, `glutes, hamstrings and
/// quadriceps`: the `names` whose bits are set, in order.
fn join_and(names: &[&str], bits: u32) -> String {
    let set = |i: usize| 1u32.checked_shl(i as u32).is_some_and(|m| bits & m != 0);
    let count = (0..names.len()).filter(|i| set(*i)).count();
    let mut out = String::with_capacity(64);
    for (k, name) in names
        .iter()
        .enumerate()
        .filter(|(i, _)| set(*i))
        .map(|(_, n)| n)
        .enumerate()
    {
        if k > 0 {
            out.push_str(if k + 1 == count { " and " } else { ", " });
        }
        out.push_str(name);
    }
    out
}
