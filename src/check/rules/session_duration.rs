//! `session.duration`: a session longer than `max`, as written or, without
//! a written duration, as estimated from its warm-up, sets, reps, rests
//! and cool-down ([`estimate`]); and a written duration that its content
//! overruns by more than `max-overrun` (one step more serious), once per
//! session, in the first week it does.

use serde::Deserialize;

use crate::check::Context;
use crate::check::facts::estimate;
use crate::check::finding::{Finding, Findings, LazyText};
use crate::check::params::{Percent, Seconds, format_duration};

/// The parameters, as `rules/session.yaml` declares them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    max: Seconds,
    max_overrun: Percent,
}

pub fn check(ctx: &Context<'_>, p: &Params, out: &mut Findings) {
    let max = p.max.0;
    let max_text = LazyText::new(|| format_duration(max));
    let help = LazyText::new(|| {
        format!(
            "keep sessions within {max_text} including the warm-up (drop or superset accessories), or split the session in two"
        )
    });
    let overrun = p.max_overrun.0;
    // Each session (name and weekday) is reported overrunning once, in the
    // first week it does: its content grows with the progressions, and one
    // finding says it.
    let mut overran = vec![false; ctx.facts.slots()];
    for session in ctx.facts.sessions() {
        let s = session.occurrence;
        if let Some(written) = s.duration_min.filter(|m| *m > 0)
            && let Some(done) = overran.get_mut(session.slot as usize)
            && !*done
        {
            let content = i64::from(estimate(s));
            let written_s = i64::from(written) * 60;
            if content as f64 > written_s as f64 * overrun / 100.0 + 1e-6 {
                *done = true;
                let minutes = (content + 30) / 60;
                out.push(
                    Finding::new(
                        s.header,
                        format!("about {minutes}min of content in {written}min"),
                        format!(
                            "{} is written as {written}min, but its sets, reps and rests take about {minutes}min ({}% of it)",
                            s.name,
                            (content * 100 + written_s / 2) / written_s
                        ),
                    )
                    .on(s.week, s.date)
                    .help(format!(
                        "write the time the session takes (e.g. `{minutes}min`), or cut exercises or sets to fit {written}min"
                    ))
                    .severe(),
                );
            }
        }
        let (seconds, estimated) = match s.duration_min {
            Some(m) => (i64::from(m) * 60, false),
            None => (i64::from(estimate(s)), true),
        };
        if seconds <= max {
            continue;
        }
        let minutes = (seconds + 30) / 60;
        let (label, message) = if estimated {
            (
                format!("about {minutes}min"),
                format!(
                    "{} takes about {minutes}min by its sets and rests, more than {max_text}",
                    s.name,
                ),
            )
        } else {
            (
                format!("{minutes}min"),
                format!("{} lasts {minutes}min, more than {max_text}", s.name),
            )
        };
        out.push(
            Finding::new(s.header, label, message)
                .on(s.week, s.date)
                .help(help.to_string()),
        );
    }
}
