//! The formatter's own safety net: the output must parse to the same tree
//! (spans aside), keep every comment, and leave every suppression covering
//! the same statement. Formatting that fails this is not written.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::hash::{DefaultHasher, Hasher};

use crate::ast::{File, ItemKind};
use crate::diagnostic::Diagnostic;
use crate::error_code::ErrorCode;
use crate::span::Span;

/// What differs between `before` (parsed from the original text) and the
/// formatted text `after`, if anything.
pub fn difference(before: &File, before_src: &str, after_src: &str) -> Option<String> {
    let parsed = crate::parse::parse(after_src);
    if let Some(error) = parsed.diagnostics.iter().find(|d| d.is_error()) {
        return Some(format!("the output does not parse: {}", error.message));
    }
    let after = &parsed.file;
    if shape(before) != shape(after) {
        return Some("the output says something else".to_owned());
    }
    let texts = |file: &File| -> Vec<String> {
        file.comments
            .iter()
            .map(|c| c.text.trim_end().to_owned())
            .collect()
    };
    if texts(before) != texts(after) {
        return Some("a comment was lost or changed".to_owned());
    }
    let covered = |file: &File, src: &str| -> Vec<(Vec<String>, Option<String>, Option<usize>)> {
        let mut index: HashMap<Span, usize> = HashMap::new();
        for (i, span) in statements(file, src).into_iter().enumerate() {
            index.entry(span).or_insert(i);
        }
        file.suppressions
            .iter()
            .map(|s| {
                let rules = s.rules.iter().map(|r| r.value.clone()).collect();
                let covers = s
                    .covers
                    .map(|c| index.get(&c).copied().unwrap_or(usize::MAX));
                (rules, s.reason.clone(), covers)
            })
            .collect()
    };
    if covered(before, before_src) != covered(after, after_src) {
        return Some("a suppression would cover another statement".to_owned());
    }
    None
}

/// The error reported when the safety net catches the formatter.
pub fn bug(reason: &str) -> Diagnostic {
    Diagnostic::error(
        ErrorCode::FormatterBug,
        format!("stride fmt could not format this file without changing it ({reason})"),
    )
    .with_help("the file was left as it is; please report this with the file attached")
}

/// A fingerprint of the tree without its spans: a hash of its debug text
/// with every `Span { .. }` blanked, computed as the text is written so that
/// a large plan never has its whole debug text in memory.
fn shape(file: &File) -> u64 {
    let mut writer = Unspanned {
        hasher: DefaultHasher::new(),
        pending: String::with_capacity(2 * Unspanned::CHUNK),
    };
    let _ = write!(writer, "{:?}", file.items);
    writer.hash_pending(true);
    writer.hasher.finish()
}

struct Unspanned {
    hasher: DefaultHasher,
    /// Text not hashed yet.
    pending: String,
}

impl Unspanned {
    /// Debug text is written in tiny pieces; it is hashed in chunks.
    const CHUNK: usize = 64 * 1024;

    /// Hashes the pending text with its spans blanked: all of it at the
    /// end, else up to where a span could be cut in two.
    fn hash_pending(&mut self, all: bool) {
        const OPEN: &str = "Span {";
        let (text, hasher) = (&self.pending, &mut self.hasher);
        let mut done = 0;
        while let Some(found) = text[done..].find(OPEN) {
            let at = done + found;
            let Some(close) = text[at..].find('}') else {
                break;
            };
            hasher.write(&text.as_bytes()[done..at]);
            hasher.write(b"_");
            done = at + close + 1;
        }
        let safe = if all {
            text.len()
        } else if let Some(found) = text[done..].find(OPEN) {
            done + found
        } else {
            crate::span::floor_char_boundary(text, text.len().saturating_sub(OPEN.len())).max(done)
        };
        hasher.write(&text.as_bytes()[done..safe]);
        self.pending.drain(..safe);
    }
}

impl std::fmt::Write for Unspanned {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.pending.push_str(s);
        if self.pending.len() >= Self::CHUNK {
            self.hash_pending(false);
        }
        Ok(())
    }
}

/// Every statement a suppression can cover, in a fixed order.
fn statements(file: &File, src: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for item in &file.items {
        out.push(item.span);
        match &item.kind {
            ItemKind::Athlete(lines) => out.extend(lines.iter().map(|l| l.span)),
            ItemKind::Runs(lines) => out.extend(lines.iter().map(|l| l.span)),
            ItemKind::Spacing(lines) => out.extend(lines.iter().map(|l| l.span)),
            ItemKind::Exercise(def) => out.extend(def.props.iter().map(|p| p.span)),
            ItemKind::Rules(lines) => out.extend(lines.iter().map(|l| l.span)),
            ItemKind::Block(block) => {
                if let Some(runs) = &block.runs {
                    out.push(runs.span);
                    out.extend(runs.value.iter().map(|l| l.span));
                }
                for session in &block.sessions {
                    out.push(session.span);
                    if let Some(location) = &session.location {
                        let head = src.get(..location.span.start).unwrap_or_default();
                        let keyword = head.trim_end().len().saturating_sub("location".len());
                        out.push(Span::new(keyword, location.span.end));
                    }
                    out.extend(session.warmup.iter().map(|p| p.span));
                    out.extend(session.cooldown.iter().map(|p| p.span));
                    out.extend(session.exercises.iter().map(|e| e.span));
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::shape;

    #[test]
    fn the_shape_ignores_spans_only() {
        let parse = |s: &str| crate::parse::parse(s).file;
        let a = parse("plan \"P\"\nstart 2027-01-04\n");
        let b = parse("\n\nplan   \"P\"\n\n  start 2027-01-04   # moved\n");
        let c = parse("plan \"P\"\nstart 2027-01-05\n");
        let d = parse("plan \"Span { x }\"\nstart 2027-01-04\n");
        assert_eq!(shape(&a), shape(&b));
        assert_ne!(shape(&a), shape(&c));
        assert_ne!(shape(&a), shape(&d));
    }
}
