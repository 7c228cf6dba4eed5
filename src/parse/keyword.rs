//! The language's vocabulary: every keyword, where it may stand and since
//! which version of the language. Syntax errors, completion, the TextMate
//! grammar's test and the fuzz dictionary all read this one list, and a
//! test holds it to the words of `grammar/stride.pest`.

/// Where a word may stand: a statement, a body or a slot in a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// A statement at the top of a file.
    Top,
    /// A statement inside a `block`.
    Block,
    /// A line inside a `session` that is not an exercise.
    Session,
    /// A tag after a session's days and time.
    SessionTag,
    /// Options after the sets and load of an exercise line.
    LineOption,
    /// The kind of progression after `progress`.
    Progression,
    /// The effort after a load (`@RPE8`, `@80kg RPE8`).
    Effort,
    /// The header of a `circuit`.
    Circuit,
    /// A line of an `athlete` body.
    Athlete,
    /// A line of an `exercise` body.
    ExerciseDef,
    /// A line of a `rules` body.
    Rules,
    /// The words of a spacing constraint.
    Spacing,
    /// What a spacing constraint spaces.
    Selector,
    /// `deload every 4 weeks` or `deload weeks 4, 8`.
    Deload,
    /// The modifiers of a deload or taper.
    Modifier,
    Weekday,
    Intensity,
    Level,
    Units,
    Boolean,
    /// Units of measure written straight after a number.
    Unit,
}

/// A word of the language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Keyword {
    /// As written in a plan (`RPE`, `RIR` in either case).
    pub word: &'static str,
    pub places: &'static [Place],
    /// The language version that introduced it.
    pub version: u8,
}

const fn kw(word: &'static str, places: &'static [Place], version: u8) -> Keyword {
    Keyword {
        word,
        places,
        version,
    }
}

use Place::*;

/// Every keyword, in the order completion offers them within a place.
pub(crate) const KEYWORDS: &[Keyword] = &[
    kw("plan", &[Top], 1),
    kw("start", &[Top], 1),
    kw("timezone", &[Top], 1),
    kw("race", &[Top, Selector], 1),
    kw("athlete", &[Top], 1),
    kw("runs", &[Top, Block], 1),
    kw("spacing", &[Top], 1),
    kw("deload", &[Top], 1),
    kw("taper", &[Top], 1),
    kw("exercise", &[Top], 1),
    kw("rules", &[Top], 1),
    kw("block", &[Top], 1),
    kw("session", &[Block], 1),
    // Inside a session.
    kw("warmup", &[Session], 1),
    kw("cooldown", &[Session], 1),
    kw("location", &[Session], 1),
    kw("or", &[Session], 2),
    kw("superset", &[Session], 2),
    kw("circuit", &[Session], 2),
    kw("optional", &[SessionTag], 2),
    kw("mobility", &[SessionTag], 2),
    kw("rest", &[LineOption, Circuit], 1),
    kw("progress", &[LineOption], 1),
    kw("tempo", &[LineOption], 2),
    kw("rounds", &[Circuit], 2),
    kw("work", &[Circuit], 2),
    kw("double", &[Progression], 1),
    kw("wave", &[Progression], 1),
    kw("reps", &[Progression], 1),
    kw("sets", &[Progression], 1),
    kw("time", &[Progression], 2),
    kw("distance", &[Progression], 2),
    kw("none", &[Progression], 1),
    kw("RPE", &[Effort], 1),
    kw("RIR", &[Effort], 1),
    kw("bw", &[Effort], 1),
    // Bodies of the header statements.
    kw("level", &[Athlete], 1),
    kw("units", &[Athlete], 1),
    kw("bodyweight", &[Athlete], 1),
    kw("max", &[Athlete], 1),
    kw("round", &[Athlete], 1),
    kw("age", &[Athlete], 2),
    kw("name", &[ExerciseDef], 1),
    kw("muscles", &[ExerciseDef], 1),
    kw("secondary", &[ExerciseDef], 1),
    kw("pattern", &[ExerciseDef], 1),
    kw("equipment", &[ExerciseDef], 1),
    kw("unilateral", &[ExerciseDef], 1),
    kw("compound", &[ExerciseDef], 1),
    kw("contacts", &[ExerciseDef], 1),
    kw("fit", &[ExerciseDef], 1),
    kw("allow", &[Rules], 1),
    kw("warn", &[Rules], 1),
    kw("deny", &[Rules], 1),
    kw("set", &[Rules], 1),
    kw("profile", &[Rules], 1),
    kw("at", &[Spacing], 1),
    kw("least", &[Spacing], 1),
    kw("between", &[Spacing, Circuit], 1),
    kw("and", &[Spacing], 1),
    kw("after", &[Spacing], 1),
    kw("before", &[Spacing], 1),
    kw("strength", &[Selector], 1),
    kw("lower", &[Selector], 1),
    kw("upper", &[Selector], 1),
    kw("plyo", &[Selector], 1),
    kw("run", &[Selector], 1),
    kw("hard-run", &[Selector], 1),
    kw("easy-run", &[Selector], 1),
    kw("every", &[Deload], 1),
    kw("weeks", &[Deload, Top], 1),
    kw("week", &[Unit], 1),
    kw("load", &[Modifier], 1),
    kw("volume", &[Modifier], 1),
    kw("mon", &[Weekday], 1),
    kw("tue", &[Weekday], 1),
    kw("wed", &[Weekday], 1),
    kw("thu", &[Weekday], 1),
    kw("fri", &[Weekday], 1),
    kw("sat", &[Weekday], 1),
    kw("sun", &[Weekday], 1),
    kw("easy", &[Intensity], 1),
    kw("moderate", &[Intensity], 1),
    kw("hard", &[Intensity], 1),
    kw("beginner", &[Level], 1),
    kw("intermediate", &[Level], 1),
    kw("advanced", &[Level], 1),
    kw("kg", &[Units, Unit], 1),
    kw("lb", &[Units, Unit], 1),
    kw("true", &[Boolean], 1),
    kw("false", &[Boolean], 1),
    kw("yes", &[Boolean], 1),
    kw("no", &[Boolean], 1),
    kw("h", &[Unit], 1),
    kw("min", &[Unit], 1),
    kw("s", &[Unit], 1),
    kw("m", &[Unit], 1),
    kw("km", &[Unit], 2),
    kw("mi", &[Unit], 2),
    kw("side", &[Unit], 1),
];

/// The newest language version the grammar reads: keywords of later
/// versions are listed ahead of the grammar but neither offered nor named.
pub(crate) const SUPPORTED: u8 = 2;

/// The words that may stand at `place`, in the order of [`KEYWORDS`].
pub(crate) fn at(place: Place) -> Vec<&'static str> {
    KEYWORDS
        .iter()
        .filter(|k| k.version <= SUPPORTED && k.places.contains(&place))
        .map(|k| k.word)
        .collect()
}

/// Whether `word` is a keyword (in any case for `RPE` and `RIR`).
pub(crate) fn is_keyword(word: &str) -> bool {
    find(word).is_some()
}

/// The keyword spelled `word`, ignoring case.
pub(crate) fn find(word: &str) -> Option<&'static Keyword> {
    KEYWORDS.iter().find(|k| k.word.eq_ignore_ascii_case(word))
}

/// The keyword a grammar rule such as `kw_progress` spells, by its name.
pub(crate) fn for_rule(rule_name: &str) -> Option<&'static Keyword> {
    let word = rule_name.strip_prefix("kw_")?;
    // `kw_weeks_unit` spells `weeks` after a count.
    let word = word.strip_suffix("_unit").unwrap_or(word);
    find(&word.replace('_', "-"))
}

/// `` `a`, `b` or `c` ``: the words at `place`, for messages.
pub(crate) fn listed(place: Place) -> String {
    let words: Vec<String> = at(place).iter().map(|w| format!("`{w}`")).collect();
    match words.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(path: &str) -> String {
        let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
        std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
    }

    /// The quoted literals of pest text, outside `//` comments.
    fn literals(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
            let mut current: Option<String> = None;
            let mut chars = line.chars();
            while let Some(c) = chars.next() {
                match (&mut current, c) {
                    (None, '"') => current = Some(String::new()),
                    (Some(lit), '\\') => lit.extend(chars.next()),
                    (Some(_), '"') => out.extend(current.take()),
                    (Some(lit), c) => lit.push(c),
                    (None, _) => {}
                }
            }
        }
        out
    }

    /// The quoted literals of the grammar's keyword-like rules: every
    /// `kw_*` rule and the closed word lists (weekdays, intensities, ...).
    fn grammar_words() -> Vec<String> {
        let grammar = read("grammar/stride.pest");
        let mut words = Vec::new();
        for line in grammar.lines() {
            let Some((name, body)) = line.split_once('=') else {
                continue;
            };
            let name = name.trim();
            let wordy = name.starts_with("kw_")
                || matches!(
                    name,
                    "weekday"
                        | "intensity"
                        | "selector_word"
                        | "level"
                        | "boolean"
                        | "rpe_load"
                        | "rir_load"
                        | "bw_load"
                );
            if !wordy {
                continue;
            }
            for literal in literals(body) {
                // A lone `-` is a range's dash (`@RPE7-8`), not a word.
                if literal.chars().any(|c| c.is_ascii_alphabetic())
                    && literal.chars().all(|c| c.is_ascii_alphabetic() || c == '-')
                {
                    words.push(literal);
                }
            }
        }
        words
    }

    #[test]
    fn every_word_of_the_grammar_is_a_keyword() {
        let words = grammar_words();
        assert!(words.len() >= 70, "{words:?}");
        for word in &words {
            assert!(
                is_keyword(word),
                "`{word}` is in the grammar but not in KEYWORDS"
            );
        }
    }

    #[test]
    fn every_supported_keyword_is_in_the_grammar() {
        let grammar = read("grammar/stride.pest").to_ascii_lowercase();
        let all = literals(&grammar);
        let literals: Vec<&str> = all
            .iter()
            .flat_map(|l| l.split(|c: char| !(c.is_ascii_alphabetic() || c == '-')))
            .collect();
        // Levels and display units are words the grammar reads as any
        // word; lowering knows them.
        let read_as_words = |k: &Keyword| k.places.iter().any(|p| matches!(p, Level | Units));
        for k in KEYWORDS
            .iter()
            .filter(|k| k.version <= SUPPORTED && !read_as_words(k))
        {
            let word = k.word.to_ascii_lowercase();
            assert!(
                literals.contains(&word.as_str()),
                "`{}` is not in the grammar",
                k.word
            );
        }
    }

    #[test]
    fn every_keyword_rule_names_its_keyword() {
        let grammar = read("grammar/stride.pest");
        for line in grammar.lines() {
            let Some((name, _)) = line.split_once('=') else {
                continue;
            };
            let name = name.trim();
            if name.starts_with("kw_") {
                assert!(for_rule(name).is_some(), "{name} has no keyword");
            }
        }
    }

    #[test]
    fn the_fuzz_dictionary_holds_every_keyword() {
        let dict = read("fuzz/pipeline.dict");
        for k in KEYWORDS {
            let entry = format!("=\"{}\"", k.word.to_ascii_lowercase());
            assert!(
                dict.contains(&entry),
                "fuzz/pipeline.dict lacks `{}`",
                k.word
            );
        }
    }

    /// Every keyword gets a scope in the TextMate grammar: it is one of the
    /// alternatives of a `\b(?:a|b|c)\b` rule, or a unit or effort that the
    /// number and load rules cover.
    #[test]
    fn the_textmate_grammar_scopes_every_keyword() {
        let text = read("editors/vscode/syntaxes/stride.tmLanguage.json");
        let grammar: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        let mut alternatives = Vec::new();
        collect_alternatives(&grammar, &mut alternatives);
        for k in KEYWORDS {
            if k.places.iter().any(|p| matches!(p, Unit | Effort)) {
                continue;
            }
            assert!(
                alternatives.iter().any(|a| a == k.word),
                "the TextMate grammar does not scope `{}`",
                k.word
            );
        }
        let load = grammar["repository"]["load"]["match"]
            .as_str()
            .unwrap_or_default();
        for effort in ["[Rr][Pp][Ee]", "[Rr][Ii][Rr]", "bw"] {
            assert!(load.contains(effort), "{effort} in {load}");
        }
    }

    fn collect_alternatives(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                if let Some(pattern) = map.get("match").and_then(|m| m.as_str())
                    && let Some(inner) = pattern
                        .strip_prefix("\\b(?:")
                        .and_then(|p| p.split_once(")\\b"))
                        .map(|(i, _)| i)
                {
                    out.extend(inner.split('|').map(str::to_owned));
                }
                map.values().for_each(|v| collect_alternatives(v, out));
            }
            serde_json::Value::Array(items) => {
                items.iter().for_each(|v| collect_alternatives(v, out));
            }
            _ => {}
        }
    }

    #[test]
    fn places_list_their_words() {
        assert_eq!(at(Block), ["runs", "session"]);
        assert_eq!(listed(Modifier), "`load` or `volume`");
        assert_eq!(for_rule("kw_weeks_unit").map(|k| k.word), Some("weeks"));
        assert!(find("rpe").is_some());
    }
}
