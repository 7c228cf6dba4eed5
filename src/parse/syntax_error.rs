//! Syntax errors in the user's words.
//!
//! The tolerant grammar skips what it cannot parse as a `bad_*` line. Here
//! that line is parsed again on its own with the strict rule for where it
//! stood, and pest's failure (the furthest position reached and what it
//! expected there) becomes a message that never names a grammar rule.

use std::sync::OnceLock;

use pest::Parser;
use pest::error::InputLocation;

use super::grammar::{Rule, StrideParser};
use super::keyword::{self, Place};
use crate::diagnostic::Diagnostic;
use crate::error_code::ErrorCode;
use crate::span::{Span, floor_char_boundary};

/// Where a skipped line stood, which decides what it should have been.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Top,
    Athlete,
    Runs,
    Spacing,
    Rules,
    ExerciseDef,
    Block,
    BlockOpen,
    Session,
    SessionOpen,
}

impl Context {
    pub(crate) fn rule(self) -> Rule {
        match self {
            Context::Top => Rule::top_line,
            Context::Athlete => Rule::athlete_line,
            Context::Runs => Rule::run_line_only,
            Context::Spacing => Rule::spacing_line,
            Context::Rules => Rule::rules_line,
            Context::ExerciseDef => Rule::exercise_line_only,
            Context::Block => Rule::block_line,
            Context::BlockOpen => Rule::block_open,
            Context::Session => Rule::session_line,
            Context::SessionOpen => Rule::session_open,
        }
    }

    /// What a correct line looks like here.
    fn example(self) -> &'static str {
        match self {
            Context::Top => {
                "a plan is made of statements such as `plan \"Name\"`, `start 2027-01-04`, \
                 `runs { ... }` and `block \"Base\" weeks 1-6 { ... }`"
            }
            Context::Athlete => {
                "athlete lines look like `level intermediate`, `units kg`, `bodyweight 64kg`, \
                 `max back-squat 100kg` or `round 2.5kg`"
            }
            Context::Runs => {
                "a run looks like `tue 07:00 60min hard \"Intervals\"`; a distance goes after \
                 the duration: `sat 08:30 100min 18km easy \"Long run\"`"
            }
            Context::Spacing => {
                "a constraint looks like `at least 3h between strength and run` or \
                 `at least 24h after lower before hard-run`"
            }
            Context::Rules => {
                "rule lines look like `allow schedule.same-session`, `deny all`, \
                 `set schedule.same-session.min-gap 4h` or `profile distributed`"
            }
            Context::ExerciseDef => {
                "exercise lines look like `muscles quadriceps, glutes`, `pattern squat`, \
                 `equipment dumbbell`, `unilateral true` or `contacts 1`"
            }
            Context::Block => {
                "a block holds sessions like `session \"Lower A\" tue 18:00 50min { ... }` \
                 and optionally its own `runs { ... }`"
            }
            Context::BlockOpen => "a block starts like `block \"Base\" weeks 1-6 {`",
            Context::Session => {
                "an exercise line looks like `back-squat 4x5 @80kg rest 3min progress +2.5kg/week`; \
                 a session also takes `warmup 10min`, `cooldown 5min` and `location \"Gym\"`"
            }
            Context::SessionOpen => {
                "a session starts like `session \"Lower A\" tue, fri 18:00 50min {`"
            }
        }
    }
}

/// Explains why the text at `span` is not valid where it stands.
pub fn explain_line(src: &str, span: Span, context: Context) -> Diagnostic {
    if let Some(diagnostic) = super::mistakes::diagnose(src, span, context) {
        return diagnostic;
    }
    let text = &src[span.start..span.end];
    // Detailed attempts (which literal tokens were tried) cost time on
    // every parse, so they are switched on only to explain a failure.
    pest::set_error_detail(true);
    let result = StrideParser::parse(context.rule(), text);
    pest::set_error_detail(false);
    let (offset, expected) = match result {
        Ok(_) => (text.len(), vec!["the end of the line".to_string()]),
        Err(err) => {
            let offset = error_offset(&err);
            (offset.min(text.len()), expected_phrases(&err))
        }
    };
    let at = span.start + floor_char_boundary(text, offset);
    // Inside a word (`3mins`), blame the whole word.
    let word_start = src[span.start..at]
        .char_indices()
        .rfind(|&(_, c)| !(c.is_alphanumeric() || matches!(c, '.' | '-' | '_')))
        .map_or(span.start, |(i, c)| span.start + i + c.len_utf8());
    let mid_word = src[at..span.end].starts_with(|c: char| c.is_alphanumeric());
    if word_start < at && mid_word {
        let found = found_token(src, word_start, span.end);
        return mistyped_word(&src[found.start..found.end], found, context, &expected);
    }
    describe(src, at, span, context, &expected)
}

/// Where pest stopped: the byte offset of an error, in the text it parsed.
pub fn error_offset(err: &pest::error::Error<Rule>) -> usize {
    match err.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    }
}

/// Explains a failure of the whole-file parse (which the tolerant grammar
/// should prevent, but the limits of pest can still cause).
pub fn explain_file(src: &str, err: &pest::error::Error<Rule>) -> Diagnostic {
    let offset = error_offset(err);
    let at = floor_char_boundary(src, offset);
    describe(
        src,
        at,
        Span::new(0, src.len()),
        Context::Top,
        &expected_phrases(err),
    )
}

fn describe(src: &str, at: usize, line: Span, context: Context, expected: &[String]) -> Diagnostic {
    let found = found_token(src, at, line.end);
    let found_text = &src[found.start..found.end];
    let found_words = if found.is_empty() {
        "the end of the line".to_string()
    } else {
        format!("`{found_text}`")
    };

    // An unknown word where a statement should start reads better as such.
    if at == line.start && context == Context::Top && is_word(found_text) {
        let keywords = keyword::at(Place::Top);
        let mut diagnostic = Diagnostic::error(
            ErrorCode::Syntax,
            format!("unknown statement `{found_text}`"),
        )
        .with_label(found, "not a statement stride knows");
        diagnostic = match crate::suggest::closest(found_text, keywords) {
            Some(keyword) => diagnostic.with_help(format!(
                "did you mean `{keyword}`? {}",
                capitalize(context.example())
            )),
            None => diagnostic.with_help(capitalize(context.example())),
        };
        return diagnostic;
    }
    if at == line.start && context == Context::Block && is_word(found_text) {
        let mut diagnostic = Diagnostic::error(
            ErrorCode::Syntax,
            format!("unknown statement `{found_text}` in a block"),
        )
        .with_label(found, "a block holds only sessions and runs");
        diagnostic = match crate::suggest::closest(found_text, keyword::at(Place::Block)) {
            Some(keyword) => diagnostic.with_help(format!(
                "did you mean `{keyword}`? {}",
                capitalize(context.example())
            )),
            None => diagnostic.with_help(capitalize(context.example())),
        };
        return diagnostic;
    }

    if found_text == "}" {
        return Diagnostic::error(ErrorCode::Syntax, "this `}` closes nothing")
            .with_label(found, "no `{` is open here")
            .with_help("remove it, or look above for a `{` that was closed too early");
    }
    if found_text.starts_with('"') {
        let rest = &src[found.start + 1..line.end];
        let line_rest = rest.split('\n').next().unwrap_or(rest);
        if !line_rest.contains('"') {
            let end = found.start + 1 + line_rest.trim_end_matches('\r').len();
            return Diagnostic::error(ErrorCode::Syntax, "this text in quotes is never closed")
                .with_label(Span::new(found.start, end), "no closing `\"` on this line")
                .with_help(
                    "add a `\"` at the end of the text; to put a quote inside it, write `\\\"`",
                );
        }
    }
    // Right after a word such as `60min`, a digit could only continue it
    // (`60min30s`): not worth suggesting next to what the user meant.
    let after_letter = src[..at].ends_with(|c: char| c.is_ascii_alphabetic());
    let expected: Vec<String> = if after_letter && expected.len() > 1 {
        expected
            .iter()
            .filter(|e| *e != "a whole number")
            .cloned()
            .collect()
    } else {
        expected.to_vec()
    };
    let expected = &expected[..];
    let list = join_or(expected);
    let message = if list.is_empty() {
        format!("unexpected {found_words}")
    } else {
        format!("expected {list}, found {found_words}")
    };
    let label = if list.is_empty() {
        "not valid here".to_string()
    } else {
        format!("expected {list}")
    };
    let mut help = capitalize(context.example());
    if is_word(found_text) {
        let candidates = expected
            .iter()
            .flat_map(|e| words_in(e))
            .collect::<Vec<_>>();
        if let Some(word) =
            crate::suggest::closest(found_text, candidates.iter().map(String::as_str))
            && word != found_text
        {
            help = format!("did you mean `{word}`? {help}");
        }
    }
    if let Some(unclosed) = unclosed_brace(src, line) {
        return Diagnostic::error(ErrorCode::Syntax, "this `{` is never closed")
            .with_label(Span::new(unclosed, unclosed + 1), "opened here")
            .with_context(found, format!("expected `}}`, found {found_words}"))
            .with_help("add a `}` on its own line after the last line of the body");
    }
    Diagnostic::error(ErrorCode::Syntax, message)
        .with_label(found, label)
        .with_help(help)
}

/// A word that went wrong partway, like `3mins` or `45minutes`.
fn mistyped_word(text: &str, found: Span, context: Context, expected: &[String]) -> Diagnostic {
    let digits = text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &text[digits.len()..];
    let is_number = !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit() || c == '.');
    if is_number && !suffix.is_empty() {
        let units = [
            "s", "min", "h", "sec", "secs", "mins", "minutes", "hr", "hrs", "hours", "seconds",
        ];
        if let Some(unit) = crate::suggest::closest(suffix, units) {
            let canonical = match unit {
                "s" | "sec" | "secs" | "seconds" => "s",
                "h" | "hr" | "hrs" | "hours" => "h",
                _ => "min",
            };
            return Diagnostic::error(ErrorCode::Syntax, format!("`{text}` is not a duration stride understands"))
                .with_label(found, "not a duration")
                .with_help(format!(
                    "did you mean `{digits}{canonical}`? Durations are written like 90s, 45min, 3h or 1h30min"
                ));
        }
    }
    Diagnostic::error(ErrorCode::Syntax, format!("`{text}` is not valid here"))
        .with_label(
            found,
            format!("expected {} partway through this", join_or(expected)),
        )
        .with_help(capitalize(context.example()))
}

/// The token at `at`: up to the next space, at most 24 characters, never
/// past `end` or the line.
fn found_token(src: &str, at: usize, end: usize) -> Span {
    let rest = &src[at..end.max(at)];
    let mut len = 0;
    for (count, (i, c)) in rest.char_indices().enumerate() {
        if c.is_whitespace() || count >= 24 || (i > 0 && matches!(c, '{' | '}' | ',' | '"')) {
            break;
        }
        len = i + c.len_utf8();
        if matches!(c, '{' | '}' | ',' | '"' | '@') {
            break;
        }
    }
    Span::new(at, at + len)
}

/// The last `{` in `line` without its `}`, when the text runs out unbalanced.
fn unclosed_brace(src: &str, line: Span) -> Option<usize> {
    let text = &src[line.start..line.end];
    let mut stack = Vec::new();
    for (i, c) in super::code_chars(text) {
        match c {
            '{' => stack.push(line.start + i),
            '}' => {
                stack.pop();
            }
            _ => {}
        }
    }
    // Only blame a brace when the text reaches the end of the file.
    if line.end == src.len() {
        stack.first().copied()
    } else {
        None
    }
}

fn is_word(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_alphabetic())
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Backquoted words in a phrase, as candidates for "did you mean".
fn words_in(phrase: &str) -> Vec<String> {
    let mut words: Vec<String> = phrase
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|w| is_word(w))
        .map(str::to_string)
        .collect();
    for list in [
        "mon, tue, wed, thu, fri, sat, sun",
        "easy, moderate or hard",
    ] {
        if phrase.contains(list) {
            words.extend(
                list.split([',', ' '])
                    .filter(|w| is_word(w) && *w != "or")
                    .map(str::to_string),
            );
        }
    }
    words
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn join_or(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{}, or {last}", rest.join(", ")),
    }
}

/// What pest expected, in words, without duplicates.
fn expected_phrases(err: &pest::error::Error<Rule>) -> Vec<String> {
    let mut phrases: Vec<String> = Vec::new();
    let mut push = |phrase: Option<String>| {
        if let Some(p) = phrase
            && !phrases.contains(&p)
        {
            phrases.push(p);
        }
    };
    if let pest::error::ErrorVariant::ParsingError { positives, .. } = &err.variant {
        for rule in positives {
            push(phrase(*rule));
        }
    }
    if let Some(attempts) = err.parse_attempts() {
        for token in attempts.expected_tokens() {
            push(token_phrase(&token.to_string()));
        }
    }
    // Keywords first, then descriptions, then the end of the line.
    let rank = |p: &String| match p.as_str() {
        "the end of the line" => 2,
        _ if p.starts_with('`') => 0,
        _ => 1,
    };
    phrases.sort_by_key(rank);
    phrases
}

fn token_phrase(token: &str) -> Option<String> {
    match token {
        "{" | "}" | "," | "-" | "@" | "x" | "/" | "%" | ":" => Some(format!("`{token}`")),
        _ => None,
    }
}

/// A rule in words. `None` for rules that never stand alone in a message.
fn phrase(rule: Rule) -> Option<String> {
    Some(match rule {
        Rule::EOI | Rule::line_end => "the end of the line",
        Rule::string | Rule::string_inner => "a name in double quotes",
        Rule::date | Rule::year | Rule::month | Rule::day => "a date like 2027-01-04",
        Rule::time | Rule::hour | Rule::minute => "a time of day like 07:00",
        Rule::duration | Rule::timed_reps | Rule::hours | Rule::minutes | Rule::seconds => {
            "a duration like 45min"
        }
        Rule::weekday => "a weekday (mon, tue, wed, thu, fri, sat, sun)",
        Rule::intensity => "an intensity (easy, moderate or hard)",
        Rule::int => "a whole number",
        Rule::number | Rule::number_value => "a number",
        Rule::ident => "a name like back-squat",
        Rule::word => "a word",
        Rule::word_list => "a list like quadriceps, glutes",
        Rule::boolean => "`true` or `false`",
        Rule::mass => "a load like 80kg",
        Rule::unit_word => "a unit (kg or lb)",
        Rule::load | Rule::bw_load | Rule::rpe_load | Rule::rir_load => "a load like @80kg",
        Rule::bw_sign => "`+` or `-`",
        Rule::set_groups | Rule::set_group | Rule::sets => "sets and reps like 4x5",
        Rule::reps | Rule::rep_count | Rule::rep_range | Rule::amrap | Rule::distance_reps => {
            "reps like 5, 8-12, 5+, 30s or 30m"
        }
        Rule::per_side => "`/side`",
        Rule::percent => "a percentage like 75%",
        Rule::signed_percent => "a change like -10%",
        Rule::progression
        | Rule::load_prog
        | Rule::double_prog
        | Rule::wave_prog
        | Rule::reps_prog
        | Rule::sets_prog
        | Rule::none_prog => "a progression like +2.5kg/week",
        Rule::step => "an increment like +2.5kg",
        Rule::count_step => "an increment like +1",
        Rule::per_weeks | Rule::week_unit | Rule::weeks_unit => "a period like /week or /2weeks",
        Rule::wave_reps => "wave reps like 6/5/4",
        Rule::selector | Rule::selector_word => {
            "what to space (strength, lower, upper, plyo, run, hard-run, easy-run, race, or a quoted name)"
        }
        Rule::week_range => "weeks like `weeks 1-6`",
        Rule::modifiers => "modifiers like `{ load -10% volume -30% }`",
        Rule::modifier => "`load -10%` or `volume -30%`",
        Rule::rule_name | Rule::suppressed_rule => "a rule name like schedule.same-session",
        Rule::rule_param => "a rule parameter like schedule.same-session.min-gap",
        Rule::value => "a value",
        Rule::level => "`allow`, `warn` or `deny`",
        Rule::rule_item
        | Rule::rules_line
        | Rule::rule_level
        | Rule::rule_set
        | Rule::rule_profile => return Some(keyword::listed(Place::Rules)),
        Rule::athlete_item | Rule::athlete_line => return Some(keyword::listed(Place::Athlete)),
        Rule::exercise_prop | Rule::exercise_line_only => {
            return Some(keyword::listed(Place::ExerciseDef));
        }
        Rule::line_option | Rule::rest_option | Rule::progress_option => {
            let words: Vec<String> = keyword::at(Place::LineOption)
                .iter()
                .map(|w| format!("`{w}`"))
                .collect();
            return Some(words.join(", "));
        }
        Rule::run_line | Rule::run_line_only => "a weekday (mon, tue, wed, thu, fri, sat, sun)",
        Rule::constraint
        | Rule::spacing_line
        | Rule::between_constraint
        | Rule::after_constraint => "a constraint like `at least 3h between strength and run`",
        Rule::exercise_line => "an exercise line",
        Rule::session_head | Rule::block_head => return None,
        Rule::deload_every => "`every`",
        Rule::deload_weeks => "`weeks`",
        Rule::plan_stmt => "`plan`",
        Rule::start_stmt => "`start`",
        Rule::timezone_stmt => "`timezone`",
        Rule::race_stmt => "`race`",
        Rule::athlete_stmt => "`athlete`",
        Rule::runs_stmt => "`runs`",
        Rule::spacing_stmt => "`spacing`",
        Rule::deload_stmt => "`deload`",
        Rule::taper_stmt => "`taper`",
        Rule::exercise_stmt => "`exercise`",
        Rule::rules_stmt => "`rules`",
        Rule::block_stmt => "`block`",
        Rule::session_stmt => "`session`",
        Rule::location_item => "`location`",
        Rule::warmup_item => "`warmup`",
        Rule::cooldown_item => "`cooldown`",
        Rule::fit_word => "a FIT exercise word",
        // Every `kw_*` rule says its keyword.
        _ => return keyword_phrase(rule),
    }
    .to_string())
}

/// `` `progress` `` for `kw_progress`: looked up by the rule's name once per
/// rule, since a file of bad lines asks for the same rules over and over.
fn keyword_phrase(rule: Rule) -> Option<String> {
    static WORDS: [OnceLock<Option<&'static str>>; 1024] = [const { OnceLock::new() }; 1024];
    let word = WORDS
        .get(rule as usize)?
        .get_or_init(|| keyword::for_rule(&format!("{rule:?}")).map(|k| k.word))
        .as_ref()?;
    Some(format!("`{word}`"))
}
