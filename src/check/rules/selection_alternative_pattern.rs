//! `selection.alternative-pattern`: an `or` alternative whose movement
//! pattern differs from the line it replaces (a bench press for a squat),
//! so that the session trains something else when it is chosen.

use crate::check::Context;
use crate::check::finding::{Finding, Findings};

pub fn check(ctx: &Context<'_>, out: &mut Findings) {
    let facts = ctx.facts;
    for s in facts.sessions() {
        if s.alternatives.is_empty() {
            continue;
        }
        let lines: Vec<_> = facts.lines(s).collect();
        for (of, alt) in facts.alternatives(s) {
            let (Some(line), Some(a)) = (lines.get(of), alt.ex) else {
                continue;
            };
            let Some(e) = line.ex else { continue };
            if a.pattern == e.pattern {
                continue;
            }
            out.push(
                Finding::new(
                    alt.span,
                    format!("a {} exercise for a {}", a.pattern, e.pattern),
                    format!(
                        "{} ({}) is the alternative to {} ({}): chosen, the session trains another movement",
                        alt.written, a.pattern, line.written, e.pattern
                    ),
                )
                .context(line.span, "the line it replaces")
                .on(s.week, s.date)
                .help(format!(
                    "choose an alternative that trains the same movement ({}), or give {} a line of its own",
                    e.pattern, alt.written
                )),
            );
        }
    }
}
