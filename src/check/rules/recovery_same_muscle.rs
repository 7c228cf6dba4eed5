//! `recovery.same-muscle`: a session that loads a leg muscle with
//! multi-joint or eccentric work less than `min-gap` after one that taxed
//! it (the stress model: heavy sets of multi-joint lifts, eccentric-biased
//! exercises). Measured start to start and in calendar days, so that the
//! classic Monday-Wednesday-Friday passes even an hour earlier; whole-day
//! entries count whole days. Light accessory, isolation, trunk and
//! upper-body work is not what the 48 h is for; plyometrics are judged on
//! their own.

use std::fmt::Write as _;

use jiff::civil::Date;
use serde::Deserialize;

use crate::catalogue::{LOWER_BODY, Stress};
use crate::check::Context;
use crate::check::facts::{DAY, Session, days_between, limb_muscles};
use crate::check::finding::{Finding, Findings, LazyText};
use crate::check::params::{Seconds, duration, format_duration};

/// The parameters, as `rules/recovery.yaml` declares them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    min_gap: Seconds,
}

pub fn check(ctx: &Context<'_>, p: &Params, out: &mut Findings) {
    let min = p.min_gap.0;
    let facts = ctx.facts;
    let names = limb_muscles();
    // The leg muscles among them, as bits.
    let legs = names
        .iter()
        .enumerate()
        .filter(|(_, m)| LOWER_BODY.contains(m))
        .fold(0u32, |bits, (i, _)| {
            bits | 1u32.checked_shl(i as u32).unwrap_or(0)
        });
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
        // Leg muscles this session loads with multi-joint or eccentric
        // work, and those it taxes (heavy sets, eccentric exercises).
        let (loaded, taxed) = facts
            .lines(s)
            .filter(|p| p.is(|e| e.resistance()))
            .filter(|p| {
                matches!(
                    p.stress(),
                    Stress::Main | Stress::Accessory | Stress::Eccentric
                )
            })
            .fold((0u32, 0u32), |(loaded, taxed), p| {
                let bits = p.ex.map_or(0, |e| e.limb_muscles) & legs;
                let taxing = p.heavy || p.stress() == Stress::Eccentric;
                (loaded | bits, if taxing { taxed | bits } else { taxed })
            });
        for (bit, previous) in last.iter_mut().enumerate() {
            let Some(mask) = 1u32.checked_shl(bit as u32) else {
                continue;
            };
            if loaded & mask != 0
                && let Some(previous) = *previous
                && too_soon(previous, s, min)
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
            if taxed & mask != 0 {
                *previous = Some(s);
            }
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

/// `b` follows `a` by less than `min`: start to start, and on fewer
/// calendar days than `min` spans (Monday 18:00 and Wednesday 17:00 are two
/// days apart, as a coach counts them).
fn too_soon(a: &Session<'_>, b: &Session<'_>, min: i64) -> bool {
    gap(a, b) < min && days_between(a.date, b.date) * DAY < min
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
