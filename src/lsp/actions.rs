//! Quick fixes where one is obvious: take the did-you-mean, allow a rule on
//! the statement it fires on, remove a suppression that suppresses nothing.

use std::collections::HashMap;

use lsp_types::{CodeAction, CodeActionKind, CodeActionOrCommand, TextEdit, WorkspaceEdit};

use super::document::{Document, to_lsp};
use crate::check::Registry;
use crate::diagnostic::Diagnostic;
use crate::span::Span;

pub fn actions(doc: &Document, range: lsp_types::Range, docs: &str) -> Vec<CodeActionOrCommand> {
    let Some(analysis) = doc.analysed() else {
        return Vec::new();
    };
    let wanted = doc.index.span(&doc.text, range);
    let mut out = Vec::new();
    for d in &analysis.diagnostics {
        let Some(span) = d.primary_span() else {
            continue;
        };
        let touches = span.start <= wanted.end && wanted.start <= span.end;
        if !touches {
            continue;
        }
        let lsp = to_lsp(d, &doc.uri, &doc.text, &doc.index, docs);
        let mut fix = |title: String, edits: Vec<(Span, String)>, preferred: bool| {
            let edits = edits
                .into_iter()
                .map(|(span, text)| TextEdit::new(doc.range(span), text))
                .collect();
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![lsp.clone()]),
                edit: Some(WorkspaceEdit {
                    changes: Some(HashMap::from([(doc.uri.clone(), edits)])),
                    ..WorkspaceEdit::default()
                }),
                is_preferred: Some(preferred),
                ..CodeAction::default()
            }));
        };
        if let Some((replacement, text)) = did_you_mean(d, &doc.text, span) {
            fix(
                format!("Replace with `{replacement}`"),
                vec![(span, text)],
                true,
            );
        }
        if d.code == crate::check::suppress::UNUSED {
            if let Some(removal) = removal(doc, span) {
                fix(
                    "Remove this suppression".to_owned(),
                    vec![(removal, String::new())],
                    true,
                );
            }
        } else if Registry::builtin().get(&d.code).is_some() {
            let line = doc
                .index
                .line_span(&doc.text, doc.index.line_of(span.start));
            let code = doc.text.get(line.start..line.end).unwrap_or_default();
            let indent = &code[..code.len() - code.trim_start().len()];
            let newline = if doc.text.contains("\r\n") {
                "\r\n"
            } else {
                "\n"
            };
            let comment = format!("{indent}# stride: allow({}){newline}", d.code);
            fix(
                format!("Allow `{}` on this statement", d.code),
                vec![(Span::point(line.start), comment)],
                false,
            );
        }
    }
    out
}

/// The name a "did you mean `X`?" help offers, and the text to put at the
/// diagnostic's span: a bare word, or a string when the span is one.
fn did_you_mean(d: &Diagnostic, text: &str, span: Span) -> Option<(String, String)> {
    let help = d.help.as_deref()?;
    let start = help.find("did you mean `")? + "did you mean `".len();
    let len = help[start..].find('`')?;
    let name = &help[start..start + len];
    let written = text.get(span.start..span.end)?;
    if written.is_empty() || written.contains('\n') || name.is_empty() {
        return None;
    }
    if written.starts_with('"') {
        let escaped = name.replace('\\', "\\\\").replace('"', "\\\"");
        return Some((name.to_owned(), format!("\"{escaped}\"")));
    }
    let bare = written
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    bare.then(|| (name.to_owned(), name.to_owned()))
}

/// What to delete to remove the one-rule suppression comment at `span`:
/// its whole line when it stands alone, else the comment and the blanks
/// before it.
fn removal(doc: &Document, span: Span) -> Option<Span> {
    let file = doc.tree()?;
    let suppression = file
        .suppressions
        .iter()
        .find(|s| s.span.contains(span) || span.contains(s.span))?;
    if suppression.rules.len() != 1 {
        return None;
    }
    let line_number = doc.index.line_of(suppression.span.start);
    let line = doc.index.line_span(&doc.text, line_number);
    let before = doc.text.get(line.start..suppression.span.start)?;
    if before.trim().is_empty() {
        let next = doc.index.line_span(&doc.text, line_number + 1).start;
        let end = if line_number + 1 < doc.index.line_count() {
            next
        } else {
            line.end
        };
        return Some(Span::new(line.start, end));
    }
    let start = line.start + before.trim_end().len();
    Some(Span::new(start, suppression.span.end))
}
