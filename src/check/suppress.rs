//! Inline suppressions: `# stride: allow(RULE) -- reason`.
//!
//! A comment allows its rules on the statement it covers: a finding whose
//! primary span lies inside the covered statement is not reported. A
//! session or block header comment covers the whole statement, so
//! everything inside. A suppression that suppresses nothing is itself a
//! finding (`unused-suppression`), so that stale ones do not pile up.

use super::finding::{Finding, Findings};
use super::registry::Registry;
use crate::ast::Suppression;
use crate::diagnostic::Diagnostic;
use crate::error_code::ErrorCode;
use crate::span::Span;
use crate::span::Spanned;
use rustc_hash::FxHashMap;

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
    /// The statements comments cover, by start: (start, end, entry).
    covered: Vec<(usize, usize, usize)>,
    /// A max-tree over the ends of `covered` (node 1 is the root; the
    /// children of node `i` are `2i` and `2i + 1`), to find the statements
    /// that cover a span without trying every comment for every finding.
    ends: Vec<usize>,
    /// What `suppresses` answered for the rule last asked about, by span:
    /// a rule's findings repeat their spans week after week.
    memo_rule: String,
    memo: FxHashMap<Span, bool>,
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
                            ErrorCode::UnknownRule,
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
        let mut covered: Vec<(usize, usize, usize)> = entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| e.suppression.covers.map(|c| (c.start, c.end, i)))
            .collect();
        covered.sort_unstable();
        let mut ends = vec![0; 2 * covered.len().next_power_of_two()];
        let leaves = ends.len() / 2;
        for (i, (_, end, _)) in covered.iter().enumerate() {
            if let Some(leaf) = ends.get_mut(leaves + i) {
                *leaf = *end;
            }
        }
        for i in (1..leaves).rev() {
            let children = ends.get(2 * i..2 * i + 2).map_or(0, |c| c[0].max(c[1]));
            if let Some(node) = ends.get_mut(i) {
                *node = children;
            }
        }
        (
            Suppressor {
                entries,
                covered,
                ends,
                memo_rule: String::new(),
                memo: FxHashMap::default(),
            },
            diags,
        )
    }

    /// The comments whose statement contains `span`: those that start at
    /// or before it (a prefix of `covered`) and end at or after it.
    fn covering(&self, span: Span, out: &mut Vec<usize>) {
        let before = self.covered.partition_point(|c| c.0 <= span.start);
        self.visit(1, 0, self.ends.len() / 2, before, span.end, out);
    }

    fn visit(
        &self,
        node: usize,
        lo: usize,
        hi: usize,
        before: usize,
        end: usize,
        out: &mut Vec<usize>,
    ) {
        if lo >= before || self.ends.get(node).is_none_or(|e| *e < end) {
            return;
        }
        if hi - lo == 1 {
            if let Some((_, _, entry)) = self.covered.get(lo) {
                out.push(*entry);
            }
            return;
        }
        let mid = (lo + hi) / 2;
        self.visit(2 * node, lo, mid, before, end, out);
        self.visit(2 * node + 1, mid, hi, before, end, out);
    }

    /// Whether a finding of `rule` at `span` is allowed by a comment;
    /// marks the comment used.
    pub fn suppresses(&mut self, rule: &str, span: Span) -> bool {
        if self.covered.is_empty() {
            return false;
        }
        if self.memo_rule != rule {
            self.memo_rule.clear();
            self.memo_rule.push_str(rule);
            self.memo.clear();
        }
        if let Some(&hit) = self.memo.get(&span) {
            // Asked before: the comments it names are already marked used.
            return hit;
        }
        let mut covering = Vec::new();
        self.covering(span, &mut covering);
        let mut hit = false;
        for i in covering {
            let Some(entry) = self.entries.get_mut(i) else {
                continue;
            };
            for (i, named) in entry.suppression.rules.iter().enumerate() {
                if named.value == rule || named.value == "all" {
                    entry.used[i] = true;
                    hit = true;
                }
            }
        }
        self.memo.insert(span, hit);
        hit
    }

    /// The known rule names of comments that suppressed nothing, with
    /// their comment.
    fn unused_names(&self) -> impl Iterator<Item = (&'a Suppression, &'a Spanned<String>)> + '_ {
        self.entries.iter().flat_map(|entry| {
            let suppression = entry.suppression;
            suppression
                .rules
                .iter()
                .enumerate()
                .filter(|(i, _)| entry.known[*i] && !entry.used[*i])
                .map(move |(_, named)| (suppression, named))
        })
    }

    /// A finding for every known rule name that suppressed nothing.
    pub fn unused(&self) -> Findings {
        let mut out = Findings::default();
        for (suppression, named) in self.unused_names() {
            let finding = match suppression.covers {
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
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (SplitMix64).
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            ((z ^ (z >> 31)) % n as u64) as usize
        }
    }

    /// The index of covered statements answers as trying every comment
    /// does, for nested, overlapping, touching and empty spans alike.
    #[test]
    fn finds_the_comments_that_cover_a_span_as_a_scan_does() {
        let registry = Registry::builtin();
        let rules = ["recovery.same-muscle", "schedule.profile", "all"];
        let mut rng = Rng(7);
        for round in 0..200 {
            let n = rng.below(12);
            let suppressions: Vec<Suppression> = (0..n)
                .map(|_| {
                    let start = rng.below(60);
                    let covers =
                        (rng.below(8) > 0).then(|| Span::new(start, start + rng.below(30)));
                    Suppression {
                        rules: vec![Spanned::new(
                            rules[rng.below(rules.len())].to_string(),
                            Span::new(0, 1),
                        )],
                        reason: None,
                        span: Span::new(0, 1),
                        covers,
                    }
                })
                .collect();
            let (mut indexed, _) = Suppressor::new(&suppressions, registry);
            let mut used = vec![false; suppressions.len()];
            for _ in 0..40 {
                let start = rng.below(70);
                let span = Span::new(start, start + rng.below(10));
                let rule = rules[rng.below(2)];
                let mut expected = false;
                for (i, s) in suppressions.iter().enumerate() {
                    let named = s.rules[0].value == rule || s.rules[0].value == "all";
                    if named && s.covers.is_some_and(|c| c.contains(span)) {
                        used[i] = true;
                        expected = true;
                    }
                }
                assert_eq!(
                    indexed.suppresses(rule, span),
                    expected,
                    "round {round}, {span:?}"
                );
            }
            let unused = indexed.unused_names().count();
            assert_eq!(
                unused,
                used.iter().filter(|u| !**u).count(),
                "round {round}"
            );
        }
    }
}
