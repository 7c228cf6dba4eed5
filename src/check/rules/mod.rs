//! One file per rule. Each file's `check` reports the plan's findings
//! into a `Findings`, and does nothing else; its documentation (summary, rationale, evidence,
//! examples) is the rule's entry in `rules/*.yaml`.
//!
//! A new rule is a new file here and its entry in the YAML: `build.rs`
//! declares every file of this folder as a module and lists each one with a
//! `pub fn check` in [`ALL`], by the name on its first line
//! (``//! `category.name`: ...``; the file is that name with `_` for `.` and
//! `-`). Files without a `check` are helpers the rules share. The
//! `unused-suppression` rule is not in `ALL`: it reports on comments, not on
//! the plan (see `suppress`).

use super::RuleFn;

include!(concat!(env!("OUT_DIR"), "/rules.rs"));

#[cfg(test)]
mod tests;
