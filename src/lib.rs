//! stride: a compiler for strength-training plans for runners.
//!
//! Data flows one way: [`parse`] turns source text into a typed
//! [`ast::File`], [`lower`] expands it into a dated [`plan::Plan`], and
//! everything after that (checker, backends) reads only the plan. Each stage
//! returns its problems as plain [`diagnostic::Diagnostic`] values;
//! [`analyze`] runs the stages up to the checker in one call.

// Library code never unwraps or panics on what a user can influence;
// tests may.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod analysis;
pub mod ast;
pub mod catalogue;
pub mod check;
#[cfg(feature = "cli")]
pub mod cli;
pub mod diagnostic;
pub mod emit;
mod error_code;
pub(crate) mod fit_exercise;
pub mod fmt;
#[cfg(any(test, feature = "generate"))]
pub mod generate;
pub mod lower;
#[cfg(feature = "lsp")]
pub mod lsp;
pub mod parse;
pub mod plan;
pub mod render;
pub mod report;
pub mod span;
mod stable_hash;
mod suggest;

pub use analysis::{Analysis, Options, analyze};
use diagnostic::Diagnostic;

/// The result of compiling one source text.
#[derive(Debug, Clone)]
pub struct Compiled {
    /// The expansion, when the source had no errors that prevent it.
    pub plan: Option<plan::Plan>,
    /// Every problem found, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
}

impl Compiled {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Parses and expands `source`, reporting every problem found. The syntax
/// tree is dropped before the weeks are expanded, so a large plan never
/// holds both; [`compile_with_tree`] keeps it, for editors.
pub fn compile(source: &str) -> Compiled {
    let parsed = parse::parse(source);
    let prepared = lower::prepare(&parsed.file, catalogue::Catalogue::builtin());
    drop(parsed.file);
    finish(parsed.diagnostics, prepared)
}

/// [`compile`], keeping the syntax tree: what an editor needs to answer
/// questions about the text (hover, symbols, quick fixes).
pub fn compile_with_tree(source: &str) -> (ast::File, Compiled) {
    let parsed = parse::parse(source);
    let prepared = lower::prepare(&parsed.file, catalogue::Catalogue::builtin());
    (parsed.file, finish(parsed.diagnostics, prepared))
}

/// Expands a prepared file and merges its problems with the syntax errors.
fn finish(syntax: Vec<Diagnostic>, prepared: lower::Prepared) -> Compiled {
    let mut diagnostics = syntax;
    let syntax_errors = diagnostics.iter().any(Diagnostic::is_error);
    // Lower what did parse, so one run reports semantic errors too; but a
    // statement lost to a syntax error is not "missing".
    let lowered = prepared.expand();
    let blamed: Vec<span::Span> = diagnostics
        .iter()
        .filter_map(Diagnostic::primary_span)
        .collect();
    let overlaps = |d: &Diagnostic| {
        d.primary_span().is_some_and(|s| {
            blamed
                .iter()
                .any(|b| s.start < b.end.max(b.start + 1) && b.start < s.end.max(s.start + 1))
        })
    };
    diagnostics.extend(
        lowered
            .diagnostics
            .into_iter()
            .filter(|d| !overlaps(d))
            .filter(|d| !syntax_errors || !d.is(error_code::ErrorCode::MissingStatement)),
    );
    let plan = if syntax_errors { None } else { lowered.plan };
    diagnostic::sort(&mut diagnostics);
    Compiled { plan, diagnostics }
}
