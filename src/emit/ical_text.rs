//! iCalendar content lines (RFC 5545 §3.1): escaping, folding, CRLF.

/// Longest line in octets, CRLF excluded.
pub const MAX_LINE_OCTETS: usize = 75;

/// Collects content lines, each folded and ended with CRLF.
#[derive(Debug, Default)]
pub struct ContentLines {
    out: String,
}

impl ContentLines {
    /// A line whose value is already in its final form (dates, numbers,
    /// keywords, escaped text).
    pub fn raw(&mut self, name: &str, value: &str) {
        let mut line = String::with_capacity(name.len() + value.len() + 1);
        line.push_str(name);
        line.push(':');
        line.push_str(value);
        fold_into(&mut self.out, &line);
    }

    /// A TEXT property: the value is escaped.
    pub fn text(&mut self, name: &str, value: &str) {
        self.raw(name, &escape_text(value));
    }

    /// A multi-valued TEXT property such as CATEGORIES: each value escaped,
    /// joined by commas.
    pub fn text_list(&mut self, name: &str, values: &[&str]) {
        let escaped: Vec<String> = values.iter().map(|v| escape_text(v)).collect();
        self.raw(name, &escaped.join(","));
    }

    /// A whole unfolded content line, `NAME;PARAMS:VALUE`, as it is.
    pub fn line(&mut self, line: &str) {
        fold_into(&mut self.out, line);
    }

    /// Lines another [`ContentLines`] already folded.
    pub fn append(&mut self, folded: &str) {
        self.out.push_str(folded);
    }

    pub fn begin(&mut self, component: &str) {
        self.raw("BEGIN", component);
    }

    pub fn end(&mut self, component: &str) {
        self.raw("END", component);
    }

    pub fn finish(self) -> String {
        self.out
    }
}

/// Escapes a TEXT value: backslash, semicolon, comma and line breaks; other
/// control characters, which TEXT may not hold, become spaces.
pub fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\t' => out.push('\t'),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A parameter value (`TZID=...`): quoted when it holds `:`, `;` or `,`;
/// double quotes and control characters, which no parameter may hold, are
/// dropped.
pub fn param_value(value: &str) -> String {
    let clean: String = value
        .chars()
        .filter(|c| *c != '"' && !c.is_control())
        .collect();
    if clean.contains([':', ';', ',']) {
        format!("\"{clean}\"")
    } else {
        clean
    }
}

/// Appends `line` folded at [`MAX_LINE_OCTETS`] octets, never inside a
/// UTF-8 character, each physical line ended with CRLF.
///
/// An escape such as `\n` is kept on one line too: unfolding comes before
/// unescaping, so splitting it would be legal, but naive readers trip on it.
fn fold_into(out: &mut String, line: &str) {
    let mut used = 0;
    let mut chars = line.char_indices();
    while let Some((start, c)) = chars.next() {
        let mut end = start + c.len_utf8();
        if c == '\\'
            && let Some((i, next)) = chars.next()
        {
            end = i + next.len_utf8();
        }
        let unit = &line[start..end];
        if used + unit.len() > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push_str(unit);
        used += unit.len();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_specials() {
        assert_eq!(
            escape_text("a\\b;c,d\ne\r\nf\rg"),
            "a\\\\b\\;c\\,d\\ne\\nf\\ng"
        );
        assert_eq!(escape_text("bell\u{7}"), "bell ");
    }

    #[test]
    fn quotes_parameters_that_need_it() {
        assert_eq!(param_value("Europe/London"), "Europe/London");
        assert_eq!(param_value("a:b\""), "\"a:b\"");
    }

    #[test]
    fn folds_at_75_octets_on_character_boundaries() {
        let mut lines = ContentLines::default();
        let long = "é".repeat(100);
        lines.text("SUMMARY", &long);
        let out = lines.finish();
        assert!(out.ends_with("\r\n"));
        for physical in out.split_terminator("\r\n") {
            assert!(physical.len() <= MAX_LINE_OCTETS, "{physical:?}");
        }
        let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{long}"));
    }

    #[test]
    fn escapes_stay_on_one_line() {
        let mut lines = ContentLines::default();
        lines.text(
            "DESCRIPTION",
            &format!("{}\n{}", "x".repeat(62), "y".repeat(80)),
        );
        let out = lines.finish();
        for physical in out.split_terminator("\r\n") {
            assert!(physical.len() <= MAX_LINE_OCTETS);
            assert!(!physical.ends_with('\\'), "{physical:?}");
        }
    }

    #[test]
    fn short_lines_are_not_folded() {
        let mut lines = ContentLines::default();
        let exact = "X".repeat(MAX_LINE_OCTETS - "SUMMARY:".len());
        lines.raw("SUMMARY", &exact);
        assert_eq!(lines.finish(), format!("SUMMARY:{exact}\r\n"));
    }
}
