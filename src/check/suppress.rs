//! Inline suppressions: `# stride: allow(RULE) -- reason`.
//!
//! A comment allows its rules on the statement it covers: a finding whose
//! primary span lies inside the covered statement is not reported. A
//! session or block header comment covers the whole statement, so
//! everything inside. A suppression that suppresses nothing is itself a
//! finding (`unused-suppression`), so that stale ones do not pile up.

use super::finding::Finding;
use super::registry::Registry;
use crate::ast::Suppression;
use crate::diagnostic::Diagnostic;
use crate::span::Span;

/// The name of the rule that reports unused suppressions.
pub const UNUSED: &str = "unused-suppression";

#[derive(Debug)]
struct Entry<'a> {
    suppression: &'a Suppression,
    /// Per rule named in the comment: it names a known rule, and whether
    /// it suppressed something.
    known: Vec<bool>,
    used: Vec<bool>,
}

#[derive(Debug)]
pub struct Suppressor<'a> {
    entries: Vec<Entry<'a>>,
}

impl<'a> Suppressor<'a> {
    /// Reads the plan's suppressions; unknown rule names are errors.
    pub fn new(suppressions: &'a [Suppression], registry: &Registry) -> (Self, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let mut entries = Vec::new();
        for suppression in suppressions {
            let mut known = Vec::new();
            for rule in &suppression.rules {
                let ok = rule.value == "all" || registry.get(&rule.value).is_some();
                if !ok {
                    diags.push(
                        Diagnostic::error(
                            "unknown-rule",
                            format!("there is no rule `{}` to allow", rule.value),
                        )
                        .with_label(rule.span, "unknown rule")
                        .with_help(registry.unknown_rule_help(&rule.value)),
                    );
                }
                known.push(ok);
            }
            entries.push(Entry {
                suppression,
                used: vec![false; known.len()],
                known,
            });
        }
        (Suppressor { entries }, diags)
    }

    /// Whether a finding of `rule` at `span` is allowed by a comment;
    /// marks the comment used.
    pub fn suppresses(&mut self, rule: &str, span: Span) -> bool {
        let mut hit = false;
        for entry in &mut self.entries {
            let Some(covers) = entry.suppression.covers else {
                continue;
            };
            if !covers.contains(span) {
                continue;
            }
            for (i, named) in entry.suppression.rules.iter().enumerate() {
                if named.value == rule || named.value == "all" {
                    entry.used[i] = true;
                    hit = true;
                }
            }
        }
        hit
    }

    /// A finding for every known rule name that suppressed nothing.
    pub fn unused(&self) -> Vec<Finding> {
        let mut out = Vec::new();
        for entry in &self.entries {
            for (i, named) in entry.suppression.rules.iter().enumerate() {
                if !entry.known[i] || entry.used[i] {
                    continue;
                }
                let finding = match entry.suppression.covers {
                    None => Finding::new(
                        named.span,
                        "nothing to allow here",
                        format!(
                            "`allow({})` covers no statement: nothing follows the comment",
                            named.value
                        ),
                    )
                    .help("put the comment at the end of the line it is about, or on the line above it"),
                    Some(_) => Finding::new(
                        named.span,
                        "suppresses nothing",
                        format!(
                            "`allow({})` suppresses nothing: the rule finds nothing in the statement it covers",
                            named.value
                        ),
                    )
                    .help(format!(
                        "remove `{}` from the comment, or move the comment to the line the finding points at",
                        named.value
                    )),
                };
                out.push(finding);
            }
        }
        out
    }
}
