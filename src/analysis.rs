//! The whole pipeline in one call: compile, check, merge and sort. Every
//! front end (`stride check`, `stride build`, the language server, the
//! benches and the tests) goes through [`analyze`], so they agree on what a
//! plan's problems are and in which order they are shown.

use crate::diagnostic::{self, Diagnostic, Severity};
use crate::plan::Plan;
use crate::{Compiled, ast, check};

/// How to analyse a plan.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// How to check it: the `stride.yaml` that applies and the levels set
    /// on the command line.
    pub check: check::Options,
    /// Keep the syntax tree, for questions about the text (an editor's).
    /// Without it, the tree is dropped before the weeks are expanded.
    pub keep_tree: bool,
}

impl From<check::Options> for Options {
    fn from(check: check::Options) -> Options {
        Options {
            check,
            keep_tree: false,
        }
    }
}

/// What stride makes of one source text.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The syntax tree, with [`Options::keep_tree`].
    pub tree: Option<ast::File>,
    /// The expansion, when the source had no errors that prevent it.
    pub plan: Option<Plan>,
    /// Every problem: the compiler's and the checker's, sorted by
    /// [`diagnostic::order`].
    pub diagnostics: Vec<Diagnostic>,
}

impl Analysis {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// How many diagnostics are warnings.
    pub fn warnings(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }
}

/// Compiles `source`, checks the plan and returns everything found.
pub fn analyze(source: &str, options: &Options) -> Analysis {
    let (tree, compiled) = if options.keep_tree {
        let (tree, compiled) = crate::compile_with_tree(source);
        (Some(tree), compiled)
    } else {
        (None, crate::compile(source))
    };
    let found = check::check(&compiled, &options.check);
    let Compiled {
        plan,
        mut diagnostics,
    } = compiled;
    diagnostics.extend(found);
    diagnostic::sort(&mut diagnostics);
    Analysis {
        tree,
        plan,
        diagnostics,
    }
}
