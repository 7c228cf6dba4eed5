//! Parsing: source text to the typed syntax tree, with error recovery.
//!
//! One call reports every syntax error it can find: the grammar skips a bad
//! line (or a bad block header) and carries on, and each skipped line is
//! explained on its own (see `syntax_error`).

mod build;
mod comments;
mod grammar;
pub(crate) mod keyword;
mod mistakes;
mod syntax_error;

use pest::Parser;
use pest::iterators::{Pair, Pairs};

use crate::ast;
use crate::diagnostic::Diagnostic;
use crate::error_code::ErrorCode;
use crate::span::{LineIndex, Span};
use grammar::{Rule, StrideParser};

pub use build::duplicate;

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
    parse_with(source, true)
}

/// Parses, reading blocks a piece at a time (`pieces`) or whole, as
/// `file_step` does: the two read the same, which the tests check.
fn parse_with(source: &str, pieces: bool) -> Parsed {
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
    // grammar), and a block a session at a time: only one statement's
    // tokens are alive at once.
    let mut at = 0;
    loop {
        if pieces
            && let Some(end) = read_block(&mut builder, source, at, &mut items, &mut comment_pairs)
        {
            at = end;
            continue;
        }
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
/// Reads a block at `at` a piece at a time (see `block_open_step` in the
/// grammar), so that only one session's tokens are alive at once. Returns
/// where the block's line ends; `None`, having kept nothing, when the text
/// at `at` is not a block that `file_step` would read whole, which
/// `file_step` then reads as it always has (a block without its closing
/// brace, say, is a bad line).
fn read_block<'s>(
    builder: &mut build::Builder<'s>,
    source: &'s str,
    at: usize,
    items: &mut Vec<ast::Item>,
    comments: &mut Vec<ast::Comment>,
) -> Option<usize> {
    let rest = source.get(at..)?;
    // Most statements are not blocks: tell without asking pest, whose
    // failing parses cost an error each.
    if !rest.trim_start_matches([' ', '\t']).starts_with("block") {
        return None;
    }
    let marks = (
        builder.diagnostics.len(),
        builder.statements.len(),
        comments.len(),
    );
    let (open, mut pos) = step(Rule::block_open_step, builder, source, at, comments)?;
    let mut block = builder.block_open(open);
    loop {
        let rest = source.get(pos..).unwrap_or_default();
        // The closing brace ends the body (nothing in it starts so).
        if rest.trim_start_matches([' ', '\t']).starts_with('}') {
            break;
        }
        let Some((body, end)) = step(Rule::block_body_step, builder, source, pos, comments) else {
            break;
        };
        builder.block_body(&mut block, body);
        if end <= pos {
            break;
        }
        pos = end;
    }
    let Some((close, end)) = step(Rule::block_close_step, builder, source, pos, comments) else {
        // Not a whole block: forget what was read of it.
        builder.diagnostics.truncate(marks.0);
        builder.statements.truncate(marks.1);
        comments.truncate(marks.2);
        return None;
    };
    items.extend(builder.block_close(block, close));
    Some(end)
}

/// One step of `rule` on the text from `at`: its pair, for the builder
/// (whose base it sets to `at`), and where it ends; its comments are
/// collected. `None`, having kept nothing, when the text does not match.
fn step<'s>(
    rule: Rule,
    builder: &mut build::Builder<'s>,
    source: &'s str,
    at: usize,
    comments: &mut Vec<ast::Comment>,
) -> Option<(Pair<'s, Rule>, usize)> {
    let pair = StrideParser::parse(rule, source.get(at..)?).ok()?.next()?;
    comments.extend(comments::collect(source, at, Pairs::single(pair.clone())));
    builder.base = at;
    let end = at + pair.as_span().end();
    Some((pair, end))
}

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
        Diagnostic::error(ErrorCode::TooComplex, message)
            .with_label(Span::new(at, at), "the parser gave up here")
            .with_help("split the plan into several files"),
    )
}

/// Rejects a line longer than [`MAX_LINE_BYTES`] before pest sees it.
fn check_line_length(source: &str) -> Option<Diagnostic> {
    let lines = LineIndex::new(source);
    for number in 0..lines.line_count() {
        // A line's bytes up to its last one (the `\r` of a `\r\n` counts).
        let start = lines.line_start(number);
        let end = if number + 1 < lines.line_count() {
            lines.line_start(number + 1) - 1
        } else {
            source.len()
        };
        let line = Span::new(start, end);
        if line.len() > MAX_LINE_BYTES {
            let end = crate::span::floor_char_boundary(source, start + 80.min(line.len()));
            return Some(
                Diagnostic::error(
                    ErrorCode::LineTooLong,
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
    }
    None
}

/// The characters of `text` outside strings and comments, with their
/// offsets: what matching braces looks at.
pub(crate) fn code_chars(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut in_string = false;
    let mut in_comment = false;
    let mut escaped = false;
    text.char_indices().filter(move |&(_, c)| {
        if in_comment {
            in_comment = c != '\n';
        } else if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' | '\n' => in_string = false,
                _ => {}
            }
        } else {
            match c {
                '"' => in_string = true,
                '#' => in_comment = true,
                _ => return true,
            }
        }
        false
    })
}

/// Rejects braces nested deeper than [`MAX_NESTING`] before pest sees them.
fn check_nesting(source: &str) -> Option<Diagnostic> {
    let mut depth = 0usize;
    for (i, c) in code_chars(source) {
        match c {
            '{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(
                        Diagnostic::error(
                            ErrorCode::TooDeeplyNested,
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
    use super::{MAX_LINE_BYTES, parse, parse_with};

    /// Every plan the repository has, and the bundled examples.
    fn corpus() -> Vec<String> {
        let mut files = Vec::new();
        let mut dirs = vec![
            std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures")),
            std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/examples")),
        ];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "stride") {
                    files.push(path);
                }
            }
        }
        files.sort();
        let mut texts: Vec<String> = files
            .iter()
            .filter_map(|f| std::fs::read_to_string(f).ok())
            .collect();
        texts.push(crate::generate::plan(&crate::generate::Shape::large()));
        texts
    }

    /// Reading blocks a piece at a time gives the same tree, comments,
    /// suppressions and diagnostics as reading them whole, for every plan
    /// in the repository and for each of them with a line dropped or cut
    /// short (unclosed blocks and sessions, bad heads, stray braces).
    #[test]
    fn blocks_read_in_pieces_read_as_blocks_read_whole() {
        let mut texts = Vec::new();
        for text in corpus() {
            let lines: Vec<&str> = text.split_inclusive('\n').collect();
            if lines.len() < 120 {
                for i in 0..lines.len() {
                    let mut dropped = lines.clone();
                    dropped.remove(i);
                    texts.push(dropped.concat());
                    let mut cut = lines.clone();
                    let line = cut[i];
                    cut[i] = &line[..crate::span::floor_char_boundary(line, line.len() / 2)];
                    texts.push(cut.concat());
                }
            }
            texts.push(text);
        }
        texts.push("block \"B\" weeks 1-2 { session \"A\" mon { squat 3x5 } }".into());
        texts.push("block \"B\" weeks 1-2 {\n  session \"A\" mon {\n  }\n} junk\n".into());
        texts.push("block \"B\" weeks 1-2 {\n  session \"A\" mon {\n".into());
        texts.push("block weeks {\n  runs {\n    mon 30min easy\n  }\n}\n# end\n".into());
        texts.push(
            "plan \"P\"\n# stride: allow(deload.interval) -- short\nblock \"B\" weeks 1-9 { # a\n  \
             # stride: allow(rest.heavy-sets)\n  session \"A\" mon {\n    squat 3x5 # b\n  }\n} # c\n"
                .into(),
        );
        assert!(texts.len() > 1000, "{} texts", texts.len());
        for text in &texts {
            let (pieces, whole) = (parse_with(text, true), parse_with(text, false));
            assert_eq!(pieces.file, whole.file, "{text}");
            assert_eq!(pieces.diagnostics, whole.diagnostics, "{text}");
        }
    }

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
