//! `schedule.heavy-before-key-run`: a session with heavy lower-body work
//! that ends less than `min-gap` before a key run (hard or long). Races
//! are `taper.last-heavy-session`'s.
//! A whole-day entry on the same day as the run is not judged: the order
//! is not known, and lifting after the run is fine.

use crate::check::Context;
use crate::check::facts::{Interval, days_between, describe_run, heavy_lower, is_key_run};
use crate::check::finding::Finding;
use crate::check::params::format_duration;
use crate::span::Span;
use jiff::civil::Date;

struct Key {
    interval: Interval,
    date: Date,
    what: String,
    span: Span,
}

pub fn check(ctx: &Context<'_>) -> Vec<Finding> {
    let min = ctx.params.seconds("min-gap");
    let facts = ctx.facts;
    let mut keys: Vec<Key> = ctx
        .plan
        .runs()
        .filter(|r| is_key_run(r))
        .map(|r| Key {
            interval: facts.run(r),
            date: r.date,
            what: describe_run(r),
            span: r.span,
        })
        .collect();
    keys.sort_by_key(|k| (k.interval.start, k.interval.end));
    let mut out = Vec::new();
    for s in ctx.plan.sessions() {
        let Some(heavy) = heavy_lower(facts, s) else {
            continue;
        };
        let session = facts.session(s);
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
        let when = if session.timed && key.interval.timed {
            format!("ends {} before", format_duration(gap))
        } else {
            match days_between(s.date, key.date) {
                1 => "is the day before".to_string(),
                n => format!("is {n} days before"),
            }
        };
        out.push(
            Finding::new(s.header, format!("heavy {heavy}"), format!("{} {when} {}", s.name, key.what))
                .context(key.span, "key run")
                .on(s.week, s.date)
                .help(format!(
                    "leave at least {} between heavy leg work and a key run, or lift after the key run; a heavy leg session raised the cost of running for up to 48h",
                    format_duration(min)
                )),
        );
    }
    out
}
