//! `plyo.introduction`: the first time the plan prescribes a plyometric
//! (moderate or high intensity) or eccentric-heavy exercise (the catalogue's
//! `eccentric` class, or lower-body strength work lowered slowly), its first
//! exposure is large (more than `max-first-contacts` foot contacts or
//! `max-first-reps` eccentric reps) or, for high-intensity jumps (depth and
//! drop jumps) and eccentric-heavy work, ends less than `window` before a
//! key run. An unaccustomed bout damages the muscle most; after it, the
//! same work damages far less (the repeated-bout effect). Moderate jumps
//! (box jumps, bounding) are judged on their volume only: a few of them
//! spoil no run.

use serde::Deserialize;

use crate::catalogue::Stress;
use crate::check::Context;
use crate::check::facts::stress::contacts;
use crate::check::facts::{Line, describe_run, reps_high};
use crate::check::finding::{Finding, Findings};
use crate::check::params::{Seconds, format_duration};
use crate::plan::format_number;

/// The parameters, as `rules/plyo.yaml` declares them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    max_first_contacts: f64,
    max_first_reps: f64,
    window: Seconds,
}

/// What makes a line's exercise one the muscle must get used to.
enum Kind {
    /// Plyometric: its foot contacts, and whether they are high-intensity.
    Jumps(u32, bool),
    /// Eccentric-heavy: its reps.
    Eccentric(u32),
}

fn kind(line: &Line<'_>) -> Option<Kind> {
    let e = line.ex?;
    match e.stress() {
        class @ (Stress::PlyoModerate | Stress::PlyoHigh) => Some(Kind::Jumps(
            contacts(line, e.contacts.unwrap_or(1)),
            class == Stress::PlyoHigh,
        )),
        Stress::Eccentric => Some(Kind::Eccentric(reps(line))),
        _ if e.lower_resistance() && line.tempo.is_some_and(|t| t.is_eccentric()) => {
            Some(Kind::Eccentric(reps(line)))
        }
        _ => None,
    }
}

/// Reps of all the line's sets, both sides counted.
fn reps(line: &Line<'_>) -> u32 {
    line.sets.iter().fold(0u32, |sum, g| {
        let reps = reps_high(&g.reps).unwrap_or(0);
        let sides = if g.per_side { 2 } else { 1 };
        sum.saturating_add(g.sets.saturating_mul(reps).saturating_mul(sides))
    })
}

pub fn check(ctx: &Context<'_>, p: &Params, out: &mut Findings) {
    let facts = ctx.facts;
    let window = p.window.0;
    let mut keys: Vec<_> = facts.runs().iter().filter(|r| r.key).collect();
    keys.sort_by_key(|r| (r.interval.start, r.interval.end));
    let mut seen = vec![false; facts.exercises().len()];
    for s in facts.sessions().iter().filter(|s| s.is_strength()) {
        for line in facts.lines(s) {
            let Some(ex) = line.ex else { continue };
            // Only an exercise's first line in the plan is its first
            // exposure (whatever that line asks for).
            let Some(seen) = seen.get_mut(ex.index) else {
                continue;
            };
            if std::mem::replace(seen, true) {
                continue;
            }
            let Some(kind) = kind(&line) else { continue };
            let large = match kind {
                Kind::Jumps(n, _) if f64::from(n) > p.max_first_contacts + 1e-9 => Some(format!(
                    "{n} foot contacts, more than the {} suggested for a first time",
                    format_number(p.max_first_contacts)
                )),
                Kind::Eccentric(n) if f64::from(n) > p.max_first_reps + 1e-9 => Some(format!(
                    "{n} eccentric reps, more than the {} suggested for a first time",
                    format_number(p.max_first_reps)
                )),
                _ => None,
            };
            let end = s.interval.end;
            let next = keys.partition_point(|r| r.interval.start < end);
            let damaging = !matches!(kind, Kind::Jumps(_, false));
            let close = keys
                .get(next)
                .filter(|_| damaging)
                .filter(|r| r.interval.start - end < window)
                .map(|r| {
                    let gap = r.interval.start - end;
                    format!("{} before {}", format_duration(gap), describe_run(r))
                });
            let help = match (&large, &close) {
                // Only the size is the problem: a smaller first bout fixes it.
                (Some(_), None) => format!(
                    "introduce it small, e.g. `{} 2x5`; after one such bout the same work damages far less",
                    line.written
                ),
                _ => format!(
                    "give its first bout at least {} before a key run (move the session or the run), and keep it small; after one such bout the same work damages far less",
                    format_duration(window)
                ),
            };
            let why = match (large, close) {
                (Some(a), Some(b)) => format!("{a}, and {b}"),
                (Some(a), None) => a,
                (None, Some(b)) => b,
                (None, None) => continue,
            };
            let what = match kind {
                Kind::Jumps(..) => "plyometric",
                Kind::Eccentric(_) => "eccentric",
            };
            out.push(
                Finding::new(
                    line.span,
                    "a first exposure",
                    format!(
                        "{} ({what}) is new to the plan here: {why}; an unaccustomed bout damages the muscle most",
                        line.written
                    ),
                )
                .on(s.week, s.date)
                .help(help),
            );
        }
    }
}
