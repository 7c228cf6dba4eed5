//! How stride draws diagnostics on the terminal: the one policy every
//! command follows.

use std::io::IsTerminal;

use super::input::Source;
use crate::diagnostic::Diagnostic;
use crate::render::{self, Style};

/// The style for diagnostics on stderr: colour only on a terminal and when
/// `NO_COLOR` is unset or empty (as no-color.org asks); as wide as
/// `COLUMNS` says, else 100 columns.
pub fn stderr_style() -> Style {
    let color = std::io::stderr().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let width = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(Style::PLAIN.width);
    Style {
        color,
        unicode: true,
        width,
    }
}

/// The diagnostics of `source` as stride prints them on stderr.
pub fn render(diagnostics: &[Diagnostic], source: &Source) -> String {
    render::human(diagnostics, &source.name, &source.text, stderr_style())
}
