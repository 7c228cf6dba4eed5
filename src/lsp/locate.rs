//! What the cursor is on.

use crate::ast::{AthleteItemKind, ExerciseLine, File, Group, ItemKind, RuleItemKind, Session};
use crate::span::Span;

/// Something with a meaning under the cursor.
#[derive(Debug, Clone, Copy)]
pub enum Target<'a> {
    /// An exercise name: in an exercise line, a `max`, an `exercise`.
    Exercise { name: &'a str, span: Span },
    /// A rule name: in `rules { }` or a suppression comment.
    Rule { name: &'a str, span: Span },
    /// A session header.
    Session(&'a Session),
    /// A `superset` or `circuit` header: the group, its session and its
    /// index in the session's groups.
    Group {
        session: &'a Session,
        group: &'a Group,
        index: usize,
    },
    /// The exercise name of an `or` line: the alternative and the line it
    /// stands in for.
    Alternative {
        line: &'a ExerciseLine,
        alternative: &'a ExerciseLine,
    },
}

/// `span` holds `offset`, its end included (the cursor just after a word
/// is on it).
fn holds(span: Span, offset: usize) -> bool {
    span.start <= offset && offset <= span.end
}

pub fn target(file: &File, offset: usize) -> Option<Target<'_>> {
    for suppression in &file.suppressions {
        for rule in &suppression.rules {
            if holds(rule.span, offset) {
                return Some(Target::Rule {
                    name: &rule.value,
                    span: rule.span,
                });
            }
        }
    }
    for item in &file.items {
        if !holds(item.span, offset) {
            continue;
        }
        match &item.kind {
            ItemKind::Athlete(lines) => {
                for line in lines {
                    if let AthleteItemKind::Max { exercise, .. } = &line.kind
                        && holds(exercise.span, offset)
                    {
                        return Some(Target::Exercise {
                            name: &exercise.value,
                            span: exercise.span,
                        });
                    }
                }
            }
            ItemKind::Exercise(def) if holds(def.id.span, offset) => {
                return Some(Target::Exercise {
                    name: &def.id.value,
                    span: def.id.span,
                });
            }
            ItemKind::Rules(lines) => {
                for line in lines {
                    let rule = match &line.kind {
                        RuleItemKind::Level { rule, .. } | RuleItemKind::Set { rule, .. } => rule,
                        RuleItemKind::Profile(_) => continue,
                    };
                    if holds(rule.span, offset) {
                        return Some(Target::Rule {
                            name: &rule.value,
                            span: rule.span,
                        });
                    }
                }
            }
            ItemKind::Block(block) => {
                for session in &block.sessions {
                    if holds(session.header, offset) {
                        return Some(Target::Session(session));
                    }
                    for (index, group) in session.groups.iter().enumerate() {
                        if holds(group.header, offset) {
                            return Some(Target::Group {
                                session,
                                group,
                                index,
                            });
                        }
                    }
                    for line in &session.exercises {
                        if holds(line.exercise.span, offset) {
                            return Some(Target::Exercise {
                                name: &line.exercise.value,
                                span: line.exercise.span,
                            });
                        }
                        for alternative in &line.alternatives {
                            if holds(alternative.exercise.span, offset) {
                                return Some(Target::Alternative { line, alternative });
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    None
}

/// The `exercise` statement that defines `name` (or the catalogue entry
/// `name` is an alias of), if the file has one.
pub fn definition(file: &File, name: &str) -> Option<Span> {
    let catalogue = crate::catalogue::Catalogue::builtin();
    let canonical = |n: &str| {
        catalogue
            .get(n)
            .map_or_else(|| n.to_owned(), |e| e.id.clone())
    };
    let wanted = canonical(name);
    file.items.iter().find_map(|item| match &item.kind {
        ItemKind::Exercise(def) if canonical(&def.id.value) == wanted => Some(def.id.span),
        _ => None,
    })
}
