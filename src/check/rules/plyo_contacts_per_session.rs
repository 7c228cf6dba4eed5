//! `plyo.contacts-per-session`: foot contacts of a session's plyometrics
//! above the cap for the athlete's level. A rep is one contact unless the
//! catalogue says otherwise (a skip is two); `/side` doubles it.

use serde::Deserialize;

use crate::check::Context;
use crate::check::facts::reps_high;
use crate::check::finding::{Finding, Findings};
use crate::plan::Level;

/// The parameters, as `rules/plyo.yaml` declares them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    max_beginner: f64,
    max_intermediate: f64,
    max_advanced: f64,
}

pub fn check(ctx: &Context<'_>, p: &Params, out: &mut Findings) {
    let level = ctx.plan.athlete.level;
    let cap = match level {
        Level::Beginner => p.max_beginner,
        Level::Intermediate => p.max_intermediate,
        Level::Advanced => p.max_advanced,
    };
    for s in ctx.facts.sessions() {
        if !s.plyometric {
            continue;
        }
        let mut contacts = 0u64;
        for p in ctx.facts.lines(s) {
            let Some(ex) = p.ex.filter(|e| e.plyometric) else {
                continue;
            };
            let per_rep = u64::from(ex.contacts.unwrap_or(1));
            for g in &p.sets {
                let reps = u64::from(reps_high(&g.reps).unwrap_or(0));
                let sides = if g.per_side { 2 } else { 1 };
                contacts += u64::from(g.sets) * reps * per_rep * sides;
            }
        }
        if contacts as f64 <= cap {
            continue;
        }
        let cap_text = crate::plan::format_number(cap);
        out.push(
            Finding::new(
                s.header,
                format!("{contacts} foot contacts"),
                format!(
                    "{} has {contacts} plyometric foot contacts, more than the {cap_text} suggested for {} athletes",
                    s.name,
                    level.keyword()
                ),
            )
            .on(s.week, s.date)
            .help(format!(
                "cut sets or reps of the jumps to {cap_text} contacts or fewer, or spread them over two sessions"
            )),
        );
    }
}
