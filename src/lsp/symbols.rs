//! The outline (blocks and their sessions) and go to definition.

use lsp_types::{DocumentSymbol, Location, SymbolKind};

use super::docs;
use super::document::Document;
use super::locate::{self, Target};
use crate::ast::{ItemKind, Session};
use crate::span::Span;

#[allow(deprecated)] // `DocumentSymbol::deprecated` must still be given.
fn symbol(
    doc: &Document,
    name: &str,
    detail: String,
    kind: SymbolKind,
    (span, name_span): (Span, Span),
    children: Vec<DocumentSymbol>,
) -> DocumentSymbol {
    DocumentSymbol {
        name: if name.is_empty() {
            "(unnamed)".to_owned()
        } else {
            name.to_owned()
        },
        detail: Some(detail),
        kind,
        tags: None,
        deprecated: None,
        range: doc.range(span),
        selection_range: doc.range(name_span),
        children: (!children.is_empty()).then_some(children),
    }
}

pub fn outline(doc: &Document) -> Vec<DocumentSymbol> {
    let Some(file) = doc.tree() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in &file.items {
        let ItemKind::Block(block) = &item.kind else {
            continue;
        };
        let sessions = block
            .sessions
            .iter()
            .map(|s| {
                symbol(
                    doc,
                    &s.name.value,
                    session_detail(s),
                    SymbolKind::EVENT,
                    (s.span, s.name.span),
                    groups(doc, s),
                )
            })
            .collect();
        out.push(symbol(
            doc,
            &block.name.value,
            format!("weeks {}-{}", block.first_week.value, block.last_week.value),
            SymbolKind::NAMESPACE,
            (item.span, block.name.span),
            sessions,
        ));
    }
    out
}

/// A session's `superset` and `circuit` groups (`superset A`, `2 lines ·
/// rest 90s`), each with its lines.
fn groups(doc: &Document, session: &Session) -> Vec<DocumentSymbol> {
    session
        .groups
        .iter()
        .enumerate()
        .map(|(index, group)| {
            let lines = docs::group_lines(session, index);
            let children = lines
                .iter()
                .map(|line| {
                    symbol(
                        doc,
                        &line.exercise.value,
                        docs::line_sets(line),
                        SymbolKind::FIELD,
                        (line.span, line.exercise.span),
                        Vec::new(),
                    )
                })
                .collect();
            symbol(
                doc,
                &docs::group_name(group, index),
                docs::group_facts(group, lines.len()),
                SymbolKind::ARRAY,
                (group.span, group.header),
                children,
            )
        })
        .collect()
}

/// `tue, thu 18:00 50min`.
fn session_detail(session: &Session) -> String {
    let mut parts: Vec<String> = vec![
        session
            .days
            .iter()
            .map(|d| d.value.keyword())
            .collect::<Vec<_>>()
            .join(", "),
    ];
    if let Some(time) = &session.time {
        parts.push(format!("{:02}:{:02}", time.value.hour, time.value.minute));
    }
    if let Some(duration) = &session.duration {
        parts.push(crate::fmt::duration_text(duration.value.seconds));
    }
    parts.join(" ")
}

/// The `exercise` statement of the exercise name under the cursor.
pub fn definition(doc: &Document, position: lsp_types::Position) -> Option<Location> {
    let offset = doc.offset(position);
    let file = doc.tree()?;
    let Some(Target::Exercise { name, .. }) = locate::target(file, offset) else {
        return None;
    };
    let span = locate::definition(file, name)?;
    Some(Location::new(doc.uri.clone(), doc.range(span)))
}
