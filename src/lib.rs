//! stride: a compiler for strength-training plans for runners.
//!
//! Data flows one way: [`parse`] turns source text into a typed
//! [`ast::File`], [`lower`] expands it into a dated [`plan::Plan`], and
//! everything after that (checker, backends) reads only the plan. Each stage
//! returns its problems as plain [`diagnostic::Diagnostic`] values.

// Library code never unwraps or panics on what a user can influence;
// tests may.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod ast;
pub mod catalogue;
pub mod check;
#[cfg(feature = "cli")]
pub mod cli;
pub mod diagnostic;
pub mod emit;
pub mod fmt;
pub mod generate;
pub mod lower;
pub mod lsp;
pub mod parse;
pub mod plan;
pub mod render;
pub mod report;
pub mod span;
pub mod suggest;

use diagnostic::Diagnostic;

/// The result of compiling one source text.
#[derive(Debug, Clone)]
pub struct Compiled {
    pub file: ast::File,
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

/// Parses and expands `source`, reporting every problem found.
pub fn compile(source: &str) -> Compiled {
    let parsed = parse::parse(source);
    let mut diagnostics = parsed.diagnostics;
    let syntax_errors = diagnostics.iter().any(Diagnostic::is_error);
    // Lower what did parse, so one run reports semantic errors too; but a
    // statement lost to a syntax error is not "missing".
    let lowered = lower::lower(&parsed.file, catalogue::Catalogue::builtin());
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
            .filter(|d| !syntax_errors || d.code != "missing-statement"),
    );
    let plan = if syntax_errors { None } else { lowered.plan };
    diagnostic::sort(&mut diagnostics);
    Compiled {
        file: parsed.file,
        plan,
        diagnostics,
    }
}
