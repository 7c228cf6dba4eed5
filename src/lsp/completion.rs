//! Completion of keywords, exercise ids, weekdays, rule names and the
//! words each statement takes, by where the cursor stands: which body it is
//! in and what the line says before it.
//!
//! This reads the raw text, not the tree: the line being typed rarely
//! parses yet.

use lsp_types::{CompletionItem, CompletionItemKind, CompletionTextEdit, TextEdit};

use super::document::Document;
use crate::catalogue::{self, Catalogue};
use crate::check::Registry;
use crate::span::Span;

const TOP: &[&str] = &[
    "plan", "start", "timezone", "race", "athlete", "runs", "spacing", "deload", "taper",
    "exercise", "rules", "block",
];
const WEEKDAYS: &[&str] = &["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const ATHLETE: &[&str] = &["level", "units", "bodyweight", "max", "round"];
const EXERCISE_PROPS: &[&str] = &[
    "name",
    "muscles",
    "secondary",
    "pattern",
    "equipment",
    "unilateral",
    "compound",
    "contacts",
    "fit",
];
const SELECTORS: &[&str] = &[
    "strength", "lower", "upper", "plyo", "run", "hard-run", "easy-run", "race",
];
const PROGRESSIONS: &[&str] = &["double", "wave", "reps", "sets", "none"];

/// What kind of word to offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Offer {
    Keywords(&'static [&'static str]),
    Exercises,
    SessionLine,
    Rules,
    RuleParams,
    Profiles,
}

pub fn complete(doc: &Document, position: lsp_types::Position) -> Vec<CompletionItem> {
    let offset = doc.offset(position);
    let text = &doc.text;
    let line_start = doc
        .index
        .line_span(&doc.text, doc.index.line_of(offset))
        .start;
    let before = text.get(line_start..offset).unwrap_or_default();
    let word_len = before
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .map(char::len_utf8)
        .sum::<usize>();
    let replace = doc.range(Span::new(offset - word_len, offset));
    let prefix = &before[..before.len() - word_len];

    let offers = match comment_start(prefix) {
        Some(hash) => {
            let comment = prefix[hash..].trim_start_matches('#').trim_start();
            if comment.starts_with("stride:")
                && comment.contains("allow(")
                && !comment.contains(')')
            {
                vec![Offer::Rules]
            } else {
                Vec::new()
            }
        }
        None => {
            let context = enclosing(text.get(..line_start).unwrap_or_default(), prefix);
            offers(context.as_deref(), &words(prefix))
        }
    };
    let mut items = Vec::new();
    for offer in offers {
        add(&mut items, offer, doc, replace);
    }
    items
}

fn add(items: &mut Vec<CompletionItem>, offer: Offer, doc: &Document, range: lsp_types::Range) {
    let item = |label: String, kind: CompletionItemKind, detail: Option<String>| CompletionItem {
        text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(
            range,
            label.clone(),
        ))),
        label,
        kind: Some(kind),
        detail,
        ..CompletionItem::default()
    };
    match offer {
        Offer::Keywords(words) => {
            for w in words {
                let kind = if WEEKDAYS.contains(w) {
                    CompletionItemKind::ENUM_MEMBER
                } else {
                    CompletionItemKind::KEYWORD
                };
                items.push(item((*w).to_owned(), kind, None));
            }
        }
        Offer::SessionLine => {
            for w in ["warmup", "cooldown", "location"] {
                items.push(item(w.to_owned(), CompletionItemKind::KEYWORD, None));
            }
            add(items, Offer::Exercises, doc, range);
        }
        Offer::Exercises => {
            let catalogue = Catalogue::builtin();
            for entry in catalogue.iter() {
                let detail = format!(
                    "{} · {} · {}",
                    entry.name,
                    entry.pattern,
                    entry.muscles.join(", ")
                );
                items.push(item(
                    entry.id.clone(),
                    CompletionItemKind::VALUE,
                    Some(detail),
                ));
            }
            for id in custom_exercises(&doc.text) {
                if catalogue.get(&id).is_none() {
                    let detail = Some("defined in this plan".to_owned());
                    items.push(item(id, CompletionItemKind::VALUE, detail));
                }
            }
        }
        Offer::Rules => {
            for rule in Registry::builtin().rules() {
                let detail = Some(rule.summary.trim().to_owned());
                items.push(item(
                    rule.name.clone(),
                    CompletionItemKind::REFERENCE,
                    detail,
                ));
            }
        }
        Offer::RuleParams => {
            for rule in Registry::builtin().rules() {
                for p in &rule.parameters {
                    let label = format!("{}.{}", rule.name, p.name);
                    let detail = Some(p.description.trim().to_owned());
                    items.push(item(label, CompletionItemKind::PROPERTY, detail));
                }
            }
        }
        Offer::Profiles => {
            for profile in Registry::builtin().profiles() {
                let detail = Some(profile.summary.trim().to_owned());
                items.push(item(
                    profile.name.clone(),
                    CompletionItemKind::ENUM_MEMBER,
                    detail,
                ));
            }
        }
    }
}

/// What to offer in body `context` (the keyword that opened it; `None` at
/// the top level) after the words `before` on the line.
fn offers(context: Option<&str>, before: &[&str]) -> Vec<Offer> {
    use Offer::*;
    let first = before.first().copied().unwrap_or("");
    let last = before.last().copied().unwrap_or("");
    // Headers that open a body, whatever body they stand in.
    match first {
        "session" if before.len() >= 2 => return vec![Keywords(WEEKDAYS)],
        "block" if before.len() == 2 => return vec![Keywords(&["weeks"])],
        "deload" if before.len() == 1 => return vec![Keywords(&["every", "weeks"])],
        _ => {}
    }
    match context {
        None => match before {
            [] => vec![Keywords(TOP)],
            ["exercise"] => vec![Exercises],
            _ => Vec::new(),
        },
        Some("block") => match before {
            [] => vec![Keywords(&["session", "runs"])],
            _ => Vec::new(),
        },
        Some("session") => match before {
            [] => vec![SessionLine],
            ["warmup" | "cooldown" | "location", ..] => Vec::new(),
            _ if last == "progress" => vec![Keywords(PROGRESSIONS)],
            _ => vec![Keywords(&["rest", "progress"])],
        },
        Some("runs") => match before {
            [] => vec![Keywords(WEEKDAYS)],
            _ if last.ends_with("min") || last.ends_with('h') || last.ends_with('s') => {
                vec![Keywords(&["easy", "moderate", "hard"])]
            }
            _ => Vec::new(),
        },
        Some("athlete") => match before {
            [] => vec![Keywords(ATHLETE)],
            ["max"] => vec![Exercises],
            ["level"] => vec![Keywords(&["beginner", "intermediate", "advanced"])],
            ["units"] => vec![Keywords(&["kg", "lb"])],
            _ => Vec::new(),
        },
        Some("spacing") => match last {
            "" => vec![Keywords(&["at"])],
            "at" => vec![Keywords(&["least"])],
            "between" | "and" | "after" | "before" => vec![Keywords(SELECTORS)],
            _ if before.len() == 3 => vec![Keywords(&["between", "after"])],
            _ if before.len() == 5 => vec![Keywords(&["and", "before"])],
            _ => Vec::new(),
        },
        Some("rules") => match before {
            [] => vec![Keywords(&["allow", "warn", "deny", "set", "profile"])],
            ["allow" | "warn" | "deny"] => vec![Rules],
            ["set"] => vec![RuleParams],
            ["profile"] => vec![Profiles],
            _ => Vec::new(),
        },
        Some("exercise") => match before {
            [] => vec![Keywords(EXERCISE_PROPS)],
            ["muscles" | "secondary", ..] => vec![Keywords(catalogue::MUSCLES)],
            ["pattern"] => vec![Keywords(catalogue::PATTERNS)],
            ["equipment"] => vec![Keywords(catalogue::EQUIPMENT)],
            ["unilateral" | "compound"] => vec![Keywords(&["true", "false"])],
            _ => Vec::new(),
        },
        Some("deload" | "taper") => vec![Keywords(&["load", "volume"])],
        Some(_) => Vec::new(),
    }
}

/// The words of a line before the one being typed, strings counted as one
/// word.
fn words(prefix: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    let mut in_string = false;
    for (i, c) in prefix.char_indices() {
        if in_string {
            if c == '"' {
                in_string = false;
            }
            continue;
        }
        if c.is_whitespace() || c == '{' || c == '}' || c == ',' {
            if let Some(s) = start.take() {
                out.push(&prefix[s..i]);
            }
            if c == '{' || c == '}' {
                // A body opened or closed on this line: what follows starts
                // afresh.
                out.clear();
            }
        } else {
            if start.is_none() {
                start = Some(i);
            }
            if c == '"' {
                in_string = true;
            }
        }
    }
    if let Some(s) = start {
        out.push(&prefix[s..]);
    }
    out
}

/// Where a comment starts in `line`, outside strings.
fn comment_start(line: &str) -> Option<usize> {
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' => in_string = !in_string,
            '#' if !in_string => return Some(i),
            _ => {}
        }
    }
    None
}

/// The keyword of the innermost open body at the end of `above` followed by
/// `line` (`block`, `session`, `athlete`, ...), `None` at the top level.
fn enclosing(above: &str, line: &str) -> Option<String> {
    let mut stack: Vec<String> = Vec::new();
    for text in above.lines().chain(std::iter::once(line)) {
        let code = match comment_start(text) {
            Some(i) => &text[..i],
            None => text,
        };
        let mut statement_start = 0;
        let mut in_string = false;
        let mut escaped = false;
        for (i, c) in code.char_indices() {
            match c {
                _ if escaped => escaped = false,
                '\\' if in_string => escaped = true,
                '"' => in_string = !in_string,
                '{' if !in_string => {
                    let keyword = code[statement_start..i]
                        .split_whitespace()
                        .next()
                        .unwrap_or("")
                        .to_owned();
                    stack.push(keyword);
                    statement_start = i + 1;
                }
                '}' if !in_string => {
                    stack.pop();
                    statement_start = i + 1;
                }
                _ => {}
            }
        }
    }
    stack.pop()
}

/// The ids of the file's own `exercise` statements.
fn custom_exercises(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| l.trim_start().strip_prefix("exercise "))
        .filter_map(|rest| rest.split_whitespace().next())
        .filter(|id| catalogue::is_kebab(id))
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contexts() {
        let above = "plan \"P\"\nblock \"B\" weeks 1-2 {\n  session \"A\" mon {\n";
        assert_eq!(enclosing(above, "    back-sq").as_deref(), Some("session"));
        assert_eq!(
            enclosing("athlete { level beginner }\n", "").as_deref(),
            None
        );
        assert_eq!(
            enclosing("block \"B\" weeks 1-2 {\n", "  session \"A{\" mon {").as_deref(),
            Some("session")
        );
        assert_eq!(enclosing("# {\n", ""), None);
    }

    #[test]
    fn what_is_offered() {
        assert_eq!(offers(None, &[]), vec![Offer::Keywords(TOP)]);
        assert_eq!(offers(Some("session"), &[]), vec![Offer::SessionLine]);
        assert_eq!(
            offers(Some("block"), &["session", "\"Lower\""]),
            vec![Offer::Keywords(WEEKDAYS)]
        );
        assert_eq!(offers(Some("rules"), &["allow"]), vec![Offer::Rules]);
        assert_eq!(
            offers(Some("session"), &["squat", "3x5", "progress"]),
            vec![Offer::Keywords(PROGRESSIONS)]
        );
        assert_eq!(
            words("  squat 3x5 @80kg \"a b\" "),
            vec!["squat", "3x5", "@80kg", "\"a b\""]
        );
    }
}
