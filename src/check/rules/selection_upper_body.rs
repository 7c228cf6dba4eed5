//! `selection.upper-body`: a plan with no upper-body push or no pull at
//! all. Never more than a note: arms matter little for running, but
//! general health asks for every major muscle group.

use crate::check::Context;
use crate::check::finding::{Finding, Findings};

pub fn check(ctx: &Context<'_>, out: &mut Findings) {
    let plan = ctx.plan;
    let Some(block) = plan.blocks.first() else {
        return;
    };
    if ctx.facts.sessions().is_empty() {
        return;
    }
    let patterns: Vec<&str> = plan
        .exercises
        .values()
        .map(|e| e.pattern.as_str())
        .collect();
    let has = |prefix: &str| patterns.iter().any(|p| p.starts_with(prefix));
    for (prefix, what, example) in [
        ("push-", "pushing", "`push-up` or `overhead-press`"),
        ("pull-", "pulling", "`dumbbell-row` or `pull-up`"),
    ] {
        if !has(prefix) {
            out.push(
                Finding::new(block.header, format!("no upper-body {what}"), format!("the plan has no upper-body {what} exercise"))
                    .help(format!("for general health, add an upper-body {what} exercise such as {example} once a week; it matters little for running itself")),
            );
        }
    }
}
