//! The formatter: one canonical layout for every plan.
//!
//! [`format`] parses the text, prints the tree in the canonical layout with
//! every comment kept beside the statement it belongs to (see `printer`),
//! and checks its own work before handing it back: the result parses to the
//! same tree, keeps every comment, and each suppression comment still covers
//! the statement it covered. It is idempotent: formatting formatted text
//! gives the same text.
//!
//! The layout (`layout`):
//! - one statement per line, indented two spaces per level;
//! - one blank line between sessions and around every statement with a
//!   body; blank lines elsewhere are kept, several becoming one;
//! - the exercise lines of a session in aligned columns: name, sets and
//!   loads, rest, progression, note;
//! - canonical spelling of numbers (`82.5`, `100`), durations (`90s`,
//!   `2min30s`, `60min`, `3h`), loads (`@RPE8`), sets (`3x5`), progressions
//!   (`+5lb/2weeks`, `/week`), booleans (`true`); strings, names and unit
//!   words are kept exactly as written;
//! - a trailing comment two spaces after its statement.

mod diff;
mod layout;
mod printer;
pub(crate) mod spell;
mod verify;

pub use diff::unified as unified_diff;
pub use spell::duration as duration_text;
pub(crate) use spell::set_group as set_group_text;

use crate::diagnostic::Diagnostic;
use crate::error_code::ErrorCode;

/// Formats a plan. A text with syntax errors is not formatted: the errors
/// come back instead.
pub fn format(source: &str) -> Result<String, Vec<Diagnostic>> {
    let parsed = crate::parse::parse(source);
    if parsed.diagnostics.iter().any(Diagnostic::is_error) {
        return Err(parsed.diagnostics);
    }
    let (formatted, overridden) = layout::print(source, &parsed.file);
    if !overridden.is_empty() {
        return Err(overridden
            .into_iter()
            .map(|span| {
                Diagnostic::error(
                    ErrorCode::OverriddenStatement,
                    "a later statement replaces this one, so formatting would drop it",
                )
                .with_label(span, "has no effect")
                .with_help("remove it, or the statement that replaces it, and format again")
            })
            .collect());
    }
    if let Some(reason) = verify::difference(&parsed.file, source, &formatted) {
        return Err(vec![verify::bug(&reason)]);
    }
    Ok(formatted)
}
