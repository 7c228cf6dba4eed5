//! `superset` and `circuit` groups: their lines checked together (a
//! superset's lines agree on their set count) and described for the plan.

use crate::ast::{self, GroupKind, Session};
use crate::diagnostic::Diagnostic;
use crate::error_code::ErrorCode;
use crate::plan::{self, GroupInfo};

/// The session's groups, each checked.
pub fn lower(session: &Session, diags: &mut Vec<Diagnostic>) -> Vec<GroupInfo> {
    session
        .groups
        .iter()
        .enumerate()
        .map(|(index, group)| {
            let lines = session
                .exercises
                .iter()
                .filter(|l| l.group.map(usize::from) == Some(index));
            let kind = match &group.kind {
                GroupKind::Superset => {
                    superset_sets(group, lines, diags);
                    plan::GroupKind::Superset
                }
                GroupKind::Circuit {
                    rounds,
                    work,
                    between,
                } => {
                    if rounds.value == 0 {
                        diags.push(
                            Diagnostic::error(
                                ErrorCode::InvalidSets,
                                "a circuit of 0 rounds is no work",
                            )
                            .with_label(rounds.span, "no rounds")
                            .with_help(
                                "give the circuit one round or more, e.g. `circuit 2 rounds`",
                            ),
                        );
                    }
                    plan::GroupKind::Circuit {
                        rounds: rounds.value,
                        work_s: work.as_ref().map(|w| w.value.seconds),
                        between_s: between.as_ref().map(|b| b.value.seconds),
                    }
                }
            };
            GroupInfo {
                kind,
                rest_s: group.rest.as_ref().map(|r| r.value.seconds),
                span: group.span,
                header: group.header,
            }
        })
        .collect()
}

/// A superset is done in rounds: every line gives the same number of sets
/// (the first line's count is the one the others are held to).
fn superset_sets<'a>(
    group: &ast::Group,
    mut lines: impl Iterator<Item = &'a ast::ExerciseLine>,
    diags: &mut Vec<Diagnostic>,
) {
    let total = |line: &ast::ExerciseLine| -> u32 {
        line.groups
            .iter()
            .map(|g| g.sets.value)
            .fold(0, u32::saturating_add)
    };
    let Some(first) = lines.next() else { return };
    let rounds = total(first);
    for line in lines {
        let sets = total(line);
        if sets == rounds {
            continue;
        }
        let sets_span = match (line.groups.first(), line.groups.last()) {
            (Some(a), Some(b)) => a.span.join(b.span),
            _ => line.span,
        };
        let first_span = match (first.groups.first(), first.groups.last()) {
            (Some(a), Some(b)) => a.span.join(b.span),
            _ => first.span,
        };
        let fixed: Vec<String> = line
            .groups
            .iter()
            .take(1)
            .map(|g| {
                let text = crate::fmt::set_group_text(g);
                match text.split_once('x') {
                    Some((_, rest)) => format!("{rounds}x{rest}"),
                    None => text,
                }
            })
            .collect();
        diags.push(
            Diagnostic::error(
                ErrorCode::SupersetSetsMismatch,
                format!(
                    "the lines of this superset disagree on their sets: `{}` has {rounds}, `{}` has {sets}",
                    first.exercise.value, line.exercise.value
                ),
            )
            .with_label(sets_span, format!("{sets} sets"))
            .with_context(first_span, format!("{rounds} sets: the superset's rounds"))
            .with_context(group.header, "done back to back, one set of each per round")
            .with_help(format!(
                "give every line of the superset {rounds} sets, e.g. `{} {}`, or move this line out of the superset",
                line.exercise.value,
                fixed.join(", ")
            )),
        );
    }
}
