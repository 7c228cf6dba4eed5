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
//!
//! A rule with parameters declares them as `pub struct Params` (with
//! `#[derive(Deserialize)]`, `#[serde(deny_unknown_fields, rename_all =
//! "kebab-case")]`: durations as [`Seconds`](crate::check::params::Seconds),
//! percentages as [`Percent`](crate::check::params::Percent), numbers as
//! `f64`, words as an enum) and takes them as `check(ctx, &Params, out)`;
//! the registry reads every rule's values into its type when it loads, so a
//! parameter the YAML and the code disagree on fails there.

use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::Context;
use super::finding::Findings;
use super::params::{ParamError, Params};

/// A rule's code, as `build.rs` lists it.
pub(crate) struct Rule {
    /// `category.name`, as in `rules/*.yaml`.
    pub(crate) name: &'static str,
    /// Reads the parameters into the rule's type and reports its findings.
    pub(crate) run: fn(&Context<'_>, &mut Findings) -> Result<(), ParamError>,
    /// Reads a set of values into the rule's parameter type, and drops it.
    pub(crate) params: fn(&Params) -> Result<(), ParamError>,
}

/// The rule in `ALL` named `name`.
pub(crate) fn find(name: &str) -> Option<&'static Rule> {
    ALL.iter().find(|r| r.name == name)
}

/// Runs a rule with parameters.
fn run_typed<P: DeserializeOwned>(
    ctx: &Context<'_>,
    out: &mut Findings,
    check: fn(&Context<'_>, &P, &mut Findings),
) -> Result<(), ParamError> {
    let params = ctx.params.typed::<P>()?;
    check(ctx, &params, out);
    Ok(())
}

/// Whether `values` read into `P`.
fn decode<P: DeserializeOwned>(values: &Params) -> Result<(), ParamError> {
    values.typed::<P>().map(drop)
}

/// The parameters of a rule without a `Params` type: none.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NoParams {}

include!(concat!(env!("OUT_DIR"), "/rules.rs"));

#[cfg(test)]
mod tests;
