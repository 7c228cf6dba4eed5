//! Comments, and the `# stride: allow(...)` suppressions among them.

use pest::Parser;
use pest::iterators::Pairs;

use super::grammar::{Rule, StrideParser};
use crate::ast::{Comment, Suppression};
use crate::diagnostic::Diagnostic;
use crate::error_code::ErrorCode;
use crate::span::{LineIndex, Span, Spanned};

/// Every comment in the parse tree of the text from `base` on, in source
/// order.
pub(super) fn collect(source: &str, base: usize, pairs: Pairs<'_, Rule>) -> Vec<Comment> {
    pairs
        .flatten()
        .filter(|p| p.as_rule() == Rule::COMMENT)
        .map(|p| {
            let span = Span::from(p.as_span()).shift(base);
            let line_start = source[..span.start]
                .rfind(['\n', '\r'])
                .map_or(0, |i| i + 1);
            let trailing = !source[line_start..span.start].trim().is_empty();
            Comment {
                text: p.as_str().to_string(),
                span,
                trailing,
            }
        })
        .collect()
}

/// The suppression comments, each with the statement it covers. A comment
/// that starts like one but does not parse is reported.
pub(super) fn suppressions(
    source: &str,
    comments: &[Comment],
    statements: &[Span],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Suppression> {
    let mut out = Vec::new();
    // Where each line starts, to find a statement's line without counting
    // from the start of the text for every statement and suppression.
    let mut lines: Option<LineIndex> = None;
    for comment in comments {
        let body = comment.text.trim_start_matches('#').trim_start();
        if !body.starts_with("stride:") {
            continue;
        }
        let Ok(mut pairs) = StrideParser::parse(Rule::suppression, &comment.text) else {
            diagnostics.push(
                Diagnostic::error(ErrorCode::InvalidSuppression, "this `# stride:` comment is not a suppression stride understands")
                    .with_label(comment.span, "cannot read this")
                    .with_help("write it as `# stride: allow(schedule.same-session) -- reason`, with one or more rule names separated by commas"),
            );
            continue;
        };
        let mut rules = Vec::new();
        let mut reason = None;
        for part in pairs.next().into_iter().flat_map(|p| p.into_inner()) {
            match part.as_rule() {
                Rule::suppressed_rule => {
                    let span = Span::from(part.as_span()).shift(comment.span.start);
                    rules.push(Spanned::new(part.as_str().to_string(), span));
                }
                Rule::suppression_reason => {
                    let text = part
                        .into_inner()
                        .next()
                        .map(|r| r.as_str().trim().to_string())
                        .filter(|r| !r.is_empty());
                    reason = text;
                }
                _ => {}
            }
        }
        out.push(Suppression {
            rules,
            reason,
            span: comment.span,
            covers: covered(
                lines.get_or_insert_with(|| LineIndex::new(source)),
                comment,
                statements,
            ),
        });
    }
    out
}

/// The statement a suppression covers: the one it trails (starting on its
/// line, else ending on it), or for a comment on its own line the next one.
fn covered(lines: &LineIndex, comment: &Comment, statements: &[Span]) -> Option<Span> {
    let line_of = |offset: usize| lines.line_of(offset);
    if comment.trailing {
        let line = line_of(comment.span.start);
        let starting = statements
            .iter()
            .filter(|s| s.start < comment.span.start && line_of(s.start) == line)
            .min_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
        if let Some(span) = starting {
            return Some(*span);
        }
        return statements
            .iter()
            .filter(|s| s.end <= comment.span.start && line_of(s.end) == line)
            .min_by_key(|s| s.len())
            .copied();
    }
    statements
        .iter()
        .filter(|s| s.start >= comment.span.end)
        .min_by_key(|s| (s.start, std::cmp::Reverse(s.end)))
        .copied()
}
