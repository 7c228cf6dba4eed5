//! The JSON backend: the expanded plan as is, with its `schema_version`.
//!
//! Field order is the declaration order in [`crate::plan`]; docs/json.md
//! documents every field.

use super::Options;
use crate::plan::Plan;

/// Writes the plan as pretty-printed JSON with a final newline. With
/// `Options::weeks`, only those weeks are listed.
pub fn emit(plan: &Plan, options: &Options) -> String {
    let text = if options.weeks.is_some() {
        let mut selected = plan.clone();
        selected.weeks = options.weeks(plan).cloned().collect();
        serde_json::to_string_pretty(&selected)
    } else {
        serde_json::to_string_pretty(plan)
    };
    // The plan holds only strings, numbers, dates and maps keyed by strings,
    // which always serialize; the fallback only keeps this total.
    let mut text = text.unwrap_or_else(|e| {
        serde_json::json!({ "schema_version": plan.schema_version, "error": e.to_string() })
            .to_string()
    });
    text.push('\n');
    text
}
