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
}
