//! "Did you mean ...?" suggestions.

/// The candidate closest to `word`, if it is close enough to be a typo:
/// a small edit distance relative to the word's length, or a candidate
/// that contains the word (or is contained by it) as whole dash-separated parts.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word = word.to_ascii_lowercase();
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates {
        let distance = strsim::damerau_levenshtein(&word, candidate);
        let limit = (word.chars().count().max(candidate.len()) / 3).max(1);
        let score = if distance <= limit {
            distance
        } else if part_match(&word, candidate) {
            limit + 1 + candidate.len().abs_diff(word.len())
        } else {
            continue;
        };
        if best.is_none_or(|(s, c)| score < s || (score == s && candidate < c)) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// The known exercise name that `word` most likely means: the same name
/// in another case, with `_` or a plural `s`; else a near spelling (at most
/// one edit in five letters, so `tempo-squat` is not `jump-squat`); else a
/// known name that the word holds whole among its dash-separated parts
/// (`tempo-squat` holds `squat`, `back-squat-paused` holds `back-squat`).
pub fn exercise<'a>(word: &str, names: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let names: Vec<&'a str> = names.into_iter().collect();
    let word = word.to_ascii_lowercase().replace(['_', ' '], "-");
    let known = |w: &str| -> Option<&'a str> {
        let singular = w.strip_suffix('s').unwrap_or(w);
        let plural = format!("{w}s");
        [w, singular, plural.as_str()]
            .into_iter()
            .find_map(|form| names.iter().copied().find(|n| *n == form))
    };
    if let Some(name) = known(&word) {
        return Some(name);
    }
    let mut best: Option<(usize, &'a str)> = None;
    for name in names.iter().copied() {
        let distance = strsim::damerau_levenshtein(&word, name);
        let limit = (word.len().max(name.len()) / 5).max(1);
        if distance <= limit
            && best.is_none_or(|(d, b)| distance < d || (distance == d && name < b))
        {
            best = Some((distance, name));
        }
    }
    if let Some((_, name)) = best {
        return Some(name);
    }
    let parts: Vec<&str> = word.split('-').collect();
    for len in (1..parts.len()).rev() {
        let tail = parts[parts.len() - len..].join("-");
        let head = parts[..len].join("-");
        for part in [tail, head] {
            if part.len() >= 3
                && let Some(name) = known(&part)
            {
                return Some(name);
            }
        }
    }
    None
}

fn part_match(word: &str, candidate: &str) -> bool {
    let contains = |long: &str, short: &str| {
        short.len() >= 3
            && long.match_indices(short).any(|(i, _)| {
                (i == 0 || long.as_bytes()[i - 1] == b'-')
                    && (i + short.len() == long.len() || long.as_bytes()[i + short.len()] == b'-')
            })
    };
    let prefix = |long: &str, short: &str| short.len() >= 3 && long.starts_with(short);
    contains(candidate, word)
        || contains(word, candidate)
        || prefix(word, candidate)
        || prefix(candidate, word)
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn finds_typos() {
        let names = ["back-squat", "front-squat", "romanian-deadlift", "rdl"];
        assert_eq!(closest("bak-squat", names), Some("back-squat"));
        assert_eq!(
            closest("romanain-deadlift", names),
            Some("romanian-deadlift")
        );
        assert_eq!(closest("zercher-carry", names), None);
    }

    #[test]
    fn exercise_names_need_to_be_close_or_held_whole() {
        use super::exercise;
        let names = [
            "back-squat",
            "squat",
            "jump-squat",
            "goblet-squat",
            "romanian-deadlift",
            "push-up",
        ];
        assert_eq!(exercise("tempo-squat", names), Some("squat"));
        assert_eq!(exercise("bak-squat", names), Some("back-squat"));
        assert_eq!(exercise("Goblet_Squats", names), Some("goblet-squat"));
        assert_eq!(
            exercise("romanain-deadlift", names),
            Some("romanian-deadlift")
        );
        assert_eq!(exercise("back-squat-paused", names), Some("back-squat"));
        assert_eq!(exercise("pushup", names), Some("push-up"));
        assert_eq!(exercise("zercher-flip", names), None);
        assert_eq!(exercise("lunge", names), None);
    }
}
