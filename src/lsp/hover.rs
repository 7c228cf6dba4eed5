//! Hover: a rule's explanation over a rule name or a finding, an exercise's
//! muscles, pattern and equipment, a session's dates.

use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind};

use super::docs;
use super::document::Document;
use super::locate::{self, Target};
use crate::catalogue::Catalogue;
use crate::check::Registry;
use crate::span::Span;

pub fn hover(doc: &Document, position: lsp_types::Position) -> Option<Hover> {
    let offset = doc.offset(position);
    let analysis = doc.analysed()?;
    let registry = Registry::builtin();
    let mut sections: Vec<String> = Vec::new();
    let mut range: Option<Span> = None;

    // Findings under the cursor explain their rule, once each.
    let mut explained: Vec<&str> = Vec::new();
    for d in &analysis.diagnostics {
        let Some(span) = d.primary_span() else {
            continue;
        };
        let on = span.start <= offset && offset < span.end.max(span.start + 1);
        if !on || explained.contains(&&*d.code) {
            continue;
        }
        if let Some(rule) = registry.get(&d.code) {
            explained.push(&d.code);
            sections.push(docs::rule(rule));
            range.get_or_insert(span);
        }
    }

    match locate::target(analysis.tree.as_ref()?, offset) {
        Some(Target::Rule { name, span }) => {
            if let Some(rule) = registry.get(name) {
                if !explained.contains(&name) {
                    sections.insert(0, docs::rule(rule));
                }
                range = Some(span);
            }
        }
        Some(Target::Exercise { name, span }) => {
            if let Some(text) = exercise(analysis, name) {
                sections.insert(0, text);
                range = Some(span);
            }
        }
        Some(Target::Alternative { line, alternative }) => {
            let name = &alternative.exercise.value;
            let mut text = format!(
                "**or {name}**: an alternative to `{}` (for another gym); the first line is the plan, and each alternative is checked on its own",
                line.exercise.value
            );
            if let Some(entry) = exercise(analysis, name) {
                text.push_str("\n\n");
                text.push_str(&entry);
            }
            sections.insert(0, text);
            range = Some(alternative.exercise.span);
        }
        Some(Target::Group {
            session,
            group,
            index,
        }) => {
            sections.insert(0, docs::group(session, group, index));
            range = Some(group.header);
        }
        Some(Target::Session(session)) => {
            let plan = analysis.plan.as_ref();
            sections.insert(0, docs::session(session, plan));
            range = Some(session.header);
        }
        None => {}
    }
    if sections.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: sections.join("\n\n---\n\n"),
        }),
        range: range.map(|s| doc.range(s)),
    })
}

/// The entry an exercise name stands for: the plan's own (with its
/// `exercise` overrides) when the plan compiled, else the catalogue's.
fn exercise(analysis: &crate::Analysis, name: &str) -> Option<String> {
    let builtin = Catalogue::builtin();
    let id = builtin.get(name).map_or(name, |e| e.id.as_str());
    if let Some(entry) = analysis.plan.as_ref().and_then(|p| p.exercises.get(id)) {
        return Some(docs::exercise(entry, name));
    }
    builtin.get(name).map(|entry| docs::exercise(entry, name))
}
