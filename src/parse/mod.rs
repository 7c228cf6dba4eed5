//! Parsing: source text to the typed syntax tree, with error recovery.
//!
//! One call reports every syntax error it can find: the grammar skips a bad
//! line (or a bad block header) and carries on, and each skipped line is
//! explained on its own (see `syntax_error`).

mod build;
mod comments;
mod grammar;
mod syntax_error;

use pest::Parser;

use crate::ast;
use crate::diagnostic::Diagnostic;
use crate::span::Span;
use grammar::{Rule, StrideParser};

pub use build::MAX_DURATION_S;

/// Deepest nesting of braces accepted. Plans nest three deep (block,
/// session, nothing else); the limit keeps pathological input from
/// exhausting the stack.
pub const MAX_NESTING: usize = 32;

/// Longest line accepted, in bytes. Real plan lines are under 200.
pub const MAX_LINE_BYTES: usize = 10_000;

/// Most rule calls pest may make for one parse: a bound on the work any
/// input can cause, far above what a real plan needs (about 60 a byte).
pub const MAX_PARSER_CALLS: usize = 400_000_000;

#[derive(Debug, Clone, Default)]
pub struct Parsed {
    pub file: ast::File,
    pub diagnostics: Vec<Diagnostic>,
}

pub fn parse(source: &str) -> Parsed {
    if let Some(diagnostic) = check_line_length(source).or_else(|| check_nesting(source)) {
        return Parsed {
            file: ast::File::default(),
            diagnostics: vec![diagnostic],
        };
    }
    pest::set_call_limit(std::num::NonZeroUsize::new(MAX_PARSER_CALLS));
    let mut builder = build::Builder::new(source);
    let mut items = Vec::new();
    let mut comment_pairs = Vec::new();
    // `file`'s repetition, one step at a time (see `file_step` in the
    // grammar): only one statement's tokens are alive at once.
    let mut at = 0;
    loop {
        let rest = source.get(at..).unwrap_or_default();
        let (rule, last) = match StrideParser::parse(Rule::file_step, rest) {
            Ok(pairs) => (pairs, false),
            Err(step_err) => {
                // pest gave up on a limit, not on the text: say so.
                if let Some(d) = limit_reached(source, &err_at(source, at, step_err)) {
                    builder.diagnostics.push(d);
                    break;
                }
                match StrideParser::parse(Rule::file_end, rest) {
                    Ok(pairs) => (pairs, true),
                    Err(err) => {
                        let err = err_at(source, at, err);
                        let diagnostic = limit_reached(source, &err)
                            .unwrap_or_else(|| syntax_error::explain_file(source, &err));
                        builder.diagnostics.push(diagnostic);
                        break;
                    }
                }
            }
        };
        comment_pairs.extend(comments::collect(source, at, rule.clone()));
        let Some(step) = rule.into_iter().next() else {
            break;
        };
        let end = at + step.as_span().end();
        builder.base = at;
        items.extend(builder.file(step));
        // A step always reads something (a line break at least); stop
        // rather than loop if it ever does not.
        if last || end <= at {
            break;
        }
        at = end;
    }
    items.shrink_to_fit();
    let mut diagnostics = builder.diagnostics;
    let suppressions = comments::suppressions(
        source,
        &comment_pairs,
        &builder.statements,
        &mut diagnostics,
    );
    Parsed {
        file: ast::File {
            items,
            comments: comment_pairs,
            suppressions,
        },
        diagnostics,
    }
}

/// An error of parsing the text from `at` on, placed in the whole source.
fn err_at(source: &str, at: usize, err: pest::error::Error<Rule>) -> pest::error::Error<Rule> {
    let pos = syntax_error::error_offset(&err);
    let position =
        pest::Position::new(source, at + pos).or_else(|| pest::Position::new(source, at));
    match position {
        Some(position) => pest::error::Error::new_from_pos(err.variant, position),
        None => err,
    }
}

/// Explains pest giving up on a limit (its call limit, or the stack it
/// keeps free), which it reports as a custom error rather than a syntax
/// error: what the limit is, not what was expected where.
fn limit_reached(source: &str, err: &pest::error::Error<Rule>) -> Option<Diagnostic> {
    let pest::error::ErrorVariant::CustomError { message } = &err.variant else {
        return None;
    };
    let message = match message.as_str() {
        "call limit reached" => format!(
            "reading this plan takes more parser steps than the limit of {MAX_PARSER_CALLS}"
        ),
        "stack limit reached" => "this plan nests too deeply for the parser's stack".to_owned(),
        _ => return None,
    };
    let at = syntax_error::error_offset(err);
    let at = crate::span::floor_char_boundary(source, at);
    Some(
        Diagnostic::error("too-complex", message)
            .with_label(Span::new(at, at), "the parser gave up here")
            .with_help("split the plan into several files"),
    )
}

/// Rejects a line longer than [`MAX_LINE_BYTES`] before pest sees it.
fn check_line_length(source: &str) -> Option<Diagnostic> {
    let mut start = 0;
    for (number, line) in source.split('\n').enumerate() {
        if line.len() > MAX_LINE_BYTES {
            let end = crate::span::floor_char_boundary(source, start + 80.min(line.len()));
            return Some(
                Diagnostic::error(
                    "line-too-long",
                    format!(
                        "line {} is {} bytes long; the limit is {MAX_LINE_BYTES}",
                        number + 1,
                        line.len()
                    ),
                )
                .with_label(Span::new(start, end), "this line is too long")
                .with_help("a plan puts one statement on each line; split this text into lines"),
            );
        }
        start += line.len() + 1;
    }
    None
}

/// Rejects braces nested deeper than [`MAX_NESTING`] before pest sees them.
fn check_nesting(source: &str) -> Option<Diagnostic> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut in_comment = false;
    let mut escaped = false;
    for (i, c) in source.char_indices() {
        if in_comment {
            in_comment = c != '\n';
            continue;
        }
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' | '\n' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '#' => in_comment = true,
            '{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(
                        Diagnostic::error(
                            "too-deeply-nested",
                            format!("braces are nested more than {MAX_NESTING} deep"),
                        )
                        .with_label(Span::new(i, i + 1), "this `{` is too deep")
                        .with_help(
                            "a plan nests at most three levels: block, session and its lines; \
                             check for a missing `}`",
                        ),
                    );
                }
            }
            '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{MAX_LINE_BYTES, parse};

    #[test]
    fn pathological_input_is_rejected_fast() {
        for text in [
            "{".repeat(100_000),
            format!("plan \"{}\"", "x".repeat(1_000_000)),
            "x".repeat(MAX_LINE_BYTES + 1),
        ] {
            let started = std::time::Instant::now();
            let parsed = parse(&text);
            assert!(!parsed.diagnostics.is_empty());
            assert!(
                started.elapsed().as_millis() < 100,
                "{:?}",
                started.elapsed()
            );
        }
    }

    #[test]
    fn a_parser_limit_is_named_with_its_value() {
        use pest::error::{Error, ErrorVariant};
        let source = "plan \"x\"\nstart 2027-01-04\n";
        let custom = |message: &str| {
            Error::new_from_pos(
                ErrorVariant::CustomError {
                    message: message.to_owned(),
                },
                pest::Position::new(source, 9).expect("inside the text"),
            )
        };
        let d = super::limit_reached(source, &custom("call limit reached")).expect("explained");
        assert_eq!(d.code, "too-complex");
        assert!(
            d.message
                .contains(&format!("the limit of {}", super::MAX_PARSER_CALLS)),
            "{}",
            d.message
        );
        assert_eq!(d.primary_span(), Some(crate::span::Span::new(9, 9)));
        let d = super::limit_reached(source, &custom("stack limit reached")).expect("explained");
        assert_eq!(d.code, "too-complex");
        assert!(super::limit_reached(source, &custom("something else")).is_none());
    }

    #[test]
    fn reference_plans_parse_without_errors() {
        for src in [
            include_str!("../../examples/half-marathon.stride"),
            include_str!("../../examples/first-block.stride"),
        ] {
            let parsed = parse(src);
            assert!(parsed.diagnostics.is_empty(), "{:#?}", parsed.diagnostics);
            assert!(parsed.file.items.len() > 5);
        }
    }
}
