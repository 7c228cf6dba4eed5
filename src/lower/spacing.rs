//! Spacing constraints, handed to the checker once their selectors are
//! known to name something.

use std::collections::BTreeSet;

use crate::ast::{Constraint, Selector};
use crate::diagnostic::Diagnostic;
use crate::error_code::ErrorCode;
use crate::plan::SpacingConstraint;
use crate::span::Spanned;

use super::header::Header;

/// Lowers the `spacing { }` constraints. A quoted selector must name a
/// session (of any block), a run label (of the plan's or a block's running
/// week) or a race, exactly as written there.
pub fn lower(
    constraints: &[Constraint],
    header: &Header<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<SpacingConstraint> {
    let names = names(header);
    for constraint in constraints {
        for selector in [&constraint.first, &constraint.second] {
            check(selector, &names, diags);
        }
    }
    constraints
        .iter()
        .map(|c| SpacingConstraint {
            kind: c.kind,
            gap_s: c.gap.value.seconds,
            first: c.first.value.clone(),
            second: c.second.value.clone(),
            span: c.span,
        })
        .collect()
}

fn check(selector: &Spanned<Selector>, names: &BTreeSet<&str>, diags: &mut Vec<Diagnostic>) {
    let Selector::Named(name) = &selector.value else {
        return;
    };
    if names.contains(name.as_str()) {
        return;
    }
    let help = match super::closest_ignoring_case(name, names.iter().copied(), diags) {
        Some(near) => format!("did you mean \"{near}\"?"),
        None if names.is_empty() => {
            "the plan names no session, run or race yet; or use a kind: strength, lower, upper, plyo, run, hard-run, easy-run, race".to_owned()
        }
        None => "quote a session name, run label or race name exactly as written, or use a kind: strength, lower, upper, plyo, run, hard-run, easy-run, race".to_owned(),
    };
    diags.push(
        Diagnostic::error(
            ErrorCode::UnknownSelector,
            format!("\"{name}\" names no session, run or race of the plan"),
        )
        .with_label(selector.span, "nothing has this name")
        .with_help(help),
    );
}

/// Every session name, run label and race name.
fn names<'a>(header: &Header<'a>) -> BTreeSet<&'a str> {
    let mut names = BTreeSet::new();
    let labels = |runs: &'a [crate::ast::RunLine], names: &mut BTreeSet<&'a str>| {
        names.extend(
            runs.iter()
                .filter_map(|r| r.label.as_ref().map(|l| l.value.as_str())),
        );
    };
    labels(header.runs, &mut names);
    for (block, _) in &header.blocks {
        names.extend(block.sessions.iter().map(|s| s.name.value.as_str()));
        if let Some(runs) = &block.runs {
            labels(&runs.value, &mut names);
        }
    }
    names.extend(
        header
            .races
            .iter()
            .map(|(race, _)| race.name.value.as_str()),
    );
    names
}
