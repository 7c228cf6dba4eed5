//! `selection.unilateral`: a session with lower-body strength work but no
//! single-leg exercise, outside the taper and the competition phase.

use crate::check::Context;
use crate::check::finding::{Finding, Findings};

pub fn check(ctx: &Context<'_>, out: &mut Findings) {
    let facts = ctx.facts;
    for (_, f, sessions) in facts.weeks() {
        if f.competition {
            continue;
        }
        for s in sessions {
            if !s.lower_resistance {
                continue;
            }
            let single_leg = facts
                .lines(s)
                .filter_map(|p| p.ex)
                .any(|e| e.unilateral && e.lower);
            if single_leg {
                continue;
            }
            out.push(
                Finding::new(s.header, "no single-leg exercise", format!("{} has no single-leg exercise", s.name))
                    .on(s.week, s.date)
                    .help("running is a series of single-leg landings; add a split squat, step-up, single-leg RDL or single-leg calf raise"),
            );
        }
    }
}
