//! `schedule.heavy-before-key-run`: a session that taxes the legs (the
//! stress model: heavy lifting, eccentric work or many jumps) and ends less
//! than `min-gap` before a key run (hard or long). Races are
//! `taper.last-heavy-session`'s.
//! A whole-day entry on the same day as the run is not judged: the order
//! is not known, and lifting after the run is fine.

use std::fmt::Write as _;

use serde::Deserialize;

use crate::check::Context;
use crate::check::facts::{Interval, Run, days_between, describe_run};
use crate::check::finding::{Finding, Findings, LazyText};
use crate::check::params::{Seconds, duration, format_duration};
use jiff::civil::Date;

struct Key<'p> {
    interval: Interval,
    date: Date,
    run: &'p Run<'p>,
}

/// The parameters, as `rules/schedule.yaml` declares them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    min_gap: Seconds,
}

pub fn check(ctx: &Context<'_>, p: &Params, out: &mut Findings) {
    let min = p.min_gap.0;
    let help = LazyText::new(|| {
        format!(
            "leave at least {} between heavy leg work, jumps or eccentric work and a key run, or do it after the key run; a heavy leg session raised the cost of running for up to 48h",
            format_duration(min)
        )
    });
    let facts = ctx.facts;
    let mut keys: Vec<Key<'_>> = facts
        .runs()
        .iter()
        .filter(|r| r.key)
        .map(|r| Key {
            interval: r.interval,
            date: r.date,
            run: r,
        })
        .collect();
    keys.sort_by_key(|k| (k.interval.start, k.interval.end));
    for s in facts.sessions() {
        let Some(reason) = s.taxing_reason() else {
            continue;
        };
        let session = s.interval;
        let first = keys.partition_point(|k| k.interval.start < session.start);
        let next = keys[first..].iter().find(|k| {
            // Same day with no time on one side: the order is not known.
            !(k.date == s.date && !(k.interval.timed && session.timed))
        });
        let Some(key) = next else { continue };
        let gap = session.gap_to(&key.interval);
        if gap >= min {
            continue;
        }
        let mut message = String::with_capacity(s.name.len() + 80);
        let _ = write!(message, "{} ", s.name);
        let _ = if session.timed && key.interval.timed {
            write!(message, "ends {} before", duration(gap))
        } else {
            match days_between(s.date, key.date) {
                1 => write!(message, "is the day before"),
                n => write!(message, "is {n} days before"),
            }
        };
        let _ = write!(message, " {}", describe_run(key.run));
        out.push(
            Finding::new(s.header, reason.to_string(), message)
                .context(key.run.span, "key run")
                .on(s.week, s.date)
                .help(help.to_string()),
        );
    }
}
