//! The mistakes newcomers make on a line, and their fixes.
//!
//! A line the grammar rejected is read as words. Spellings a runner would
//! type (`back squat 3x5`, `@ 80kg`, `3 x 5`, `@RPE 8`, `3mins`, `80 kg`)
//! are each rewritten to what stride reads; the problem is named where it
//! stands, and the help gives the fix, as the whole corrected line when
//! that line then parses.

use pest::Parser;

use super::grammar::StrideParser;
use super::keyword;
use super::syntax_error::Context;
use crate::diagnostic::Diagnostic;
use crate::error_code::ErrorCode;
use crate::span::Span;

/// One word of a line: its place in the line and its text.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

/// One mistake: the text it covers, what replaces it, and what to say.
#[derive(Debug)]
struct Mistake {
    start: usize,
    end: usize,
    fix: String,
    message: String,
    label: String,
    help: String,
}

/// A diagnostic for the line at `span`, when it holds a known mistake.
pub(crate) fn diagnose(src: &str, span: Span, context: Context) -> Option<Diagnostic> {
    let line = src.get(span.start..span.end)?;
    // Every mistake here involves a number.
    if !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // One line only: a skipped body of several lines is not a typo.
    if line.trim_end().contains(['\n', '\r']) {
        return None;
    }
    let words = words(line);
    let mistakes = find(&words, context);
    let first = mistakes.first()?;
    let at = |m: &Mistake| Span::new(span.start + m.start, span.start + m.end);
    let fixed = apply(line, &mistakes);
    let parses = StrideParser::parse(context.rule(), fixed.trim_end()).is_ok();
    let help = if mistakes.len() > 1 && parses {
        format!("write the line as `{}`", fixed.trim())
    } else {
        first.help.clone()
    };
    let mut diagnostic = Diagnostic::error(ErrorCode::Syntax, first.message.clone())
        .with_label(at(first), first.label.clone())
        .with_help(help);
    for other in &mistakes[1..] {
        diagnostic = diagnostic.with_context(at(other), other.label.clone());
    }
    Some(diagnostic)
}

/// The words of `line` up to a comment; a quoted text is one word.
fn words(line: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        if c.is_whitespace() || c == '#' {
            if let Some(s) = start.take() {
                out.push(Word {
                    start: s,
                    end: i,
                    text: &line[s..i],
                });
            }
            if c == '#' {
                return out;
            }
            continue;
        }
        if start.is_none() {
            start = Some(i);
        }
        in_string = c == '"';
    }
    if let Some(s) = start {
        out.push(Word {
            start: s,
            end: line.len(),
            text: &line[s..],
        });
    }
    out
}

fn find(words: &[Word<'_>], context: Context) -> Vec<Mistake> {
    let mut mistakes = Vec::new();
    let mut i = 0;
    if context == Context::Session {
        // `or` opens an alternative; the exercise name follows it.
        i = usize::from(words.first().is_some_and(|w| w.text == "or"));
        if let Some(mistake) = spaced_name(&words[i.min(words.len())..]) {
            i += mistake.1;
            mistakes.push(mistake.0);
        }
    }
    while i < words.len() {
        let rest = &words[i..];
        let found = spaced_load(rest)
            .or_else(|| spaced_sets(rest))
            .or_else(|| spaced_effort(rest))
            .or_else(|| spaced_unit(rest))
            .or_else(|| long_unit(rest[0]));
        match found {
            Some((mistake, used)) => {
                mistakes.push(mistake);
                i += used;
            }
            None => i += 1,
        }
    }
    mistakes
}

/// The line with every mistake replaced by its fix.
fn apply(line: &str, mistakes: &[Mistake]) -> String {
    let mut out = String::new();
    let mut at = 0;
    for m in mistakes {
        out.push_str(&line[at..m.start]);
        out.push_str(&m.fix);
        at = m.end;
    }
    out.push_str(&line[at..]);
    out
}

fn is_name_word(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_alphabetic())
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

fn starts_with_digit(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_digit())
}

/// `back squat 3x5`: an exercise name written as several words.
fn spaced_name(words: &[Word<'_>]) -> Option<(Mistake, usize)> {
    let count = words
        .iter()
        .take_while(|w| is_name_word(w.text) && !keyword::is_keyword(w.text))
        .count();
    let next = words.get(count)?;
    if count < 2 || !starts_with_digit(next.text) {
        return None;
    }
    let name = words[..count]
        .iter()
        .map(|w| w.text.to_ascii_lowercase().replace('_', "-"))
        .collect::<Vec<_>>()
        .join("-");
    let spaced = &words[..count];
    Some((
        Mistake {
            start: spaced[0].start,
            end: spaced[count - 1].end,
            message: "an exercise name is written with dashes, not spaces".into(),
            label: format!("write `{name}`"),
            help: format!("did you mean `{name}`? Exercise names are joined by dashes"),
            fix: name,
        },
        count,
    ))
}

/// `@ 80kg`: a space after `@`.
fn spaced_load(words: &[Word<'_>]) -> Option<(Mistake, usize)> {
    let [at, load, ..] = words else { return None };
    if at.text != "@" {
        return None;
    }
    let fix = format!("@{}", load.text);
    Some((
        Mistake {
            start: at.start,
            end: load.end,
            message: "a load is written right after `@`, without a space".into(),
            label: "no space after `@`".into(),
            help: format!("did you mean `{fix}`?"),
            fix,
        },
        2,
    ))
}

/// `3 x 5`, `3 x5`, `3x 5`: sets and reps apart.
fn spaced_sets(words: &[Word<'_>]) -> Option<(Mistake, usize)> {
    let is_x = |t: &str| t == "x" || t == "×" || t == "X";
    let digits = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit());
    let (fix, used) = match words {
        [sets, x, reps, ..]
            if digits(sets.text) && is_x(x.text) && starts_with_digit(reps.text) =>
        {
            (format!("{}x{}", sets.text, reps.text), 3)
        }
        [sets, xreps, ..]
            if digits(sets.text)
                && xreps
                    .text
                    .strip_prefix(['x', '×', 'X'])
                    .is_some_and(starts_with_digit) =>
        {
            let reps = xreps.text.trim_start_matches(['x', '×', 'X']);
            (format!("{}x{reps}", sets.text), 2)
        }
        [setsx, reps, ..]
            if setsx.text.strip_suffix(['x', '×', 'X']).is_some_and(digits)
                && starts_with_digit(reps.text) =>
        {
            let sets = setsx.text.trim_end_matches(['x', '×', 'X']);
            (format!("{sets}x{}", reps.text), 2)
        }
        _ => return None,
    };
    Some((
        Mistake {
            start: words[0].start,
            end: words[used - 1].end,
            message: format!("sets and reps are written together, like `{fix}`"),
            label: "no spaces in sets and reps".into(),
            help: format!("did you mean `{fix}`?"),
            fix,
        },
        used,
    ))
}

/// `@RPE 8`, `RIR 2`: an effort apart from its number.
fn spaced_effort(words: &[Word<'_>]) -> Option<(Mistake, usize)> {
    let [effort, number, ..] = words else {
        return None;
    };
    let name = effort.text.trim_start_matches('@');
    let is_effort = name.eq_ignore_ascii_case("rpe") || name.eq_ignore_ascii_case("rir");
    if !is_effort || !starts_with_digit(number.text) {
        return None;
    }
    let fix = format!("{}{}", effort.text, number.text);
    Some((
        Mistake {
            start: effort.start,
            end: number.end,
            message: format!("an effort is written together with its number, like `{fix}`"),
            label: "no space before the number".into(),
            help: format!("did you mean `{fix}`?"),
            fix,
        },
        2,
    ))
}

/// The unit a spelling of one stands for, when stride reads it.
fn unit(word: &str) -> Option<&'static str> {
    Some(match word {
        "s" | "sec" | "secs" | "second" | "seconds" => "s",
        "min" | "mins" | "minute" | "minutes" => "min",
        "h" | "hr" | "hrs" | "hour" | "hours" => "h",
        "kg" | "lb" | "km" | "mi" => return keyword::find(word).map(|k| k.word),
        _ => return None,
    })
}

/// `3 min`, `80 kg`: a number apart from its unit.
fn spaced_unit(words: &[Word<'_>]) -> Option<(Mistake, usize)> {
    let [number, word, ..] = words else {
        return None;
    };
    // `@80 kg` is a load apart from its unit.
    let digits = number.text.strip_prefix('@').unwrap_or(number.text);
    let is_number =
        starts_with_digit(digits) && digits.chars().all(|c| c.is_ascii_digit() || c == '.');
    let unit = unit(&word.text.to_ascii_lowercase()).filter(|_| is_number)?;
    let fix = format!("{}{unit}", number.text);
    Some((
        Mistake {
            start: number.start,
            end: word.end,
            message: format!("a number is written together with its unit, like `{fix}`"),
            label: "no space before the unit".into(),
            help: format!("did you mean `{fix}`?"),
            fix,
        },
        2,
    ))
}

/// `3mins`, `3x30secs`, `1h30mins`: a unit spelled out.
fn long_unit(word: Word<'_>) -> Option<(Mistake, usize)> {
    let text = word.text;
    if text.starts_with('"') {
        return None;
    }
    let mut fix = String::new();
    let mut changed = false;
    let mut rest = text;
    while !rest.is_empty() {
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let after = &rest[digits..];
        let letters = after.len()
            - after
                .trim_start_matches(|c: char| c.is_ascii_alphabetic())
                .len();
        let spelled = &after[..letters];
        if digits > 0 && letters > 0 {
            let lower = spelled.to_ascii_lowercase();
            match unit(&lower).filter(|u| *u != lower && matches!(*u, "s" | "min" | "h")) {
                Some(canonical) => {
                    changed = true;
                    fix.push_str(&rest[..digits]);
                    fix.push_str(canonical);
                }
                None => fix.push_str(&rest[..digits + letters]),
            }
        } else if digits + letters > 0 {
            fix.push_str(&rest[..digits + letters]);
        } else {
            let c = rest.chars().next()?;
            fix.push(c);
            rest = &rest[c.len_utf8()..];
            continue;
        }
        rest = &rest[digits + letters..];
    }
    if !changed {
        return None;
    }
    Some((
        Mistake {
            start: word.start,
            end: word.end,
            message: format!("`{text}` is not a duration stride understands"),
            label: "not a duration".into(),
            help: format!(
                "did you mean `{fix}`? Durations are written like 90s, 45min, 3h or 1h30min"
            ),
            fix,
        },
        1,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(line: &str) -> String {
        let words = words(line);
        apply(line, &find(&words, Context::Session))
    }

    #[test]
    fn each_mistake_is_fixed() {
        assert_eq!(fixed("back squat 3x5 @80kg"), "back-squat 3x5 @80kg");
        assert_eq!(fixed("or Goblet squat 3x5"), "or goblet-squat 3x5");
        assert_eq!(fixed("back-squat 3x5 @ 80kg"), "back-squat 3x5 @80kg");
        assert_eq!(fixed("back-squat 3 x 5"), "back-squat 3x5");
        assert_eq!(fixed("back-squat 3 x5"), "back-squat 3x5");
        assert_eq!(fixed("back-squat 3x 5"), "back-squat 3x5");
        assert_eq!(fixed("back-squat 3x5 @RPE 8"), "back-squat 3x5 @RPE8");
        assert_eq!(
            fixed("back-squat 3x5 @80kg rest 3 min"),
            "back-squat 3x5 @80kg rest 3min"
        );
        assert_eq!(
            fixed("plank 3x30secs rest 1min30sec"),
            "plank 3x30s rest 1min30s"
        );
        assert_eq!(fixed("back-squat 3x5 @80 kg"), "back-squat 3x5 @80kg");
        assert_eq!(
            fixed("single leg deadlift 3 x 8/side @ 20kg rest 90secs \"note # x\" # 3 x 5"),
            "single-leg-deadlift 3x8/side @20kg rest 90s \"note # x\" # 3 x 5"
        );
    }

    #[test]
    fn correct_lines_and_keywords_are_left_alone() {
        for line in [
            "back-squat 3x5 @80kg rest 3min progress +2.5kg/week",
            "warmup 10min \"easy\"",
            "plank 3x30s",
            "rest 90s",
        ] {
            assert!(find(&words(line), Context::Session).is_empty(), "{line}");
        }
    }
}
