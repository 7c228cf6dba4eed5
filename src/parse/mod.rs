//! Parsing: source text to the typed syntax tree, with error recovery.

use crate::ast;
use crate::diagnostic::Diagnostic;

#[derive(Debug, Clone, Default)]
pub struct Parsed {
    pub file: ast::File,
    pub diagnostics: Vec<Diagnostic>,
}

pub fn parse(_source: &str) -> Parsed {
    Parsed::default()
}
