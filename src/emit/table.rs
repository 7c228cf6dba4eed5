//! GitHub-flavoured Markdown tables and inline escaping.

/// Column alignment; numbers are right-aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A table whose cells are Markdown inline text (user text passed through
/// [`escape`]).
#[derive(Debug, Clone)]
pub struct Table {
    columns: Vec<(String, Align)>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(columns: &[(&str, Align)]) -> Table {
        Table {
            columns: columns
                .iter()
                .map(|(name, align)| (escape(name), *align))
                .collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a row; missing cells are left empty and extra ones dropped, so a
    /// row can never shift the columns.
    pub fn row(&mut self, mut cells: Vec<String>) {
        cells.resize(self.columns.len(), String::new());
        self.rows.push(cells);
    }

    /// Leaves out the columns after the first `keep` in which every row
    /// is empty or `—`: a column that says nothing for every row.
    pub fn drop_empty_columns(&mut self, keep: usize) {
        let said =
            |i: usize| i < keep || self.rows.iter().any(|r| !matches!(r[i].as_str(), "" | "—"));
        let kept: Vec<bool> = (0..self.columns.len()).map(said).collect();
        let mut i = 0;
        self.columns.retain(|_| {
            i += 1;
            kept[i - 1]
        });
        for row in &mut self.rows {
            let mut i = 0;
            row.retain(|_| {
                i += 1;
                kept[i - 1]
            });
        }
    }

    /// Appends the table and the blank line that must follow it. Columns are
    /// padded so the source reads as a table too.
    pub fn write(&self, out: &mut String) {
        let width = |i: usize| {
            self.rows
                .iter()
                .map(|r| r[i].chars().count())
                .chain([self.columns[i].0.chars().count(), 3])
                .max()
                .unwrap_or(3)
        };
        let widths: Vec<usize> = (0..self.columns.len()).map(width).collect();
        let line = |cells: &mut dyn Iterator<Item = (&String, Align)>, out: &mut String| {
            out.push('|');
            for (i, (cell, align)) in cells.enumerate() {
                let pad = widths[i].saturating_sub(cell.chars().count());
                out.push(' ');
                if align == Align::Right {
                    out.extend(std::iter::repeat_n(' ', pad));
                    out.push_str(cell);
                } else {
                    out.push_str(cell);
                    out.extend(std::iter::repeat_n(' ', pad));
                }
                out.push_str(" |");
            }
            out.push('\n');
        };
        line(&mut self.columns.iter().map(|(n, a)| (n, *a)), out);
        out.push('|');
        for (i, (_, align)) in self.columns.iter().enumerate() {
            out.push(' ');
            match align {
                Align::Left => out.extend(std::iter::repeat_n('-', widths[i])),
                Align::Right => {
                    out.extend(std::iter::repeat_n('-', widths[i] - 1));
                    out.push(':');
                }
            }
            out.push_str(" |");
        }
        out.push('\n');
        for row in &self.rows {
            line(
                &mut row.iter().zip(self.columns.iter().map(|(_, a)| *a)),
                out,
            );
        }
        out.push('\n');
    }
}

/// Makes text safe as Markdown inline content, in a paragraph, heading or
/// table cell: characters that could start emphasis, links, code, HTML,
/// math or a cell border are backslash-escaped, entity-like `&` too, and
/// line breaks become spaces.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '$' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '&' if looks_like_entity(&text[i + 1..]) => out.push_str("\\&"),
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// `amp;`, `#123;`, `#x1F;`: what would turn a preceding `&` into an entity.
fn looks_like_entity(rest: &str) -> bool {
    let name: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '#')
        .collect();
    !name.is_empty() && rest[name.len()..].starts_with(';')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_markdown_would_interpret() {
        assert_eq!(escape("a|b"), "a\\|b");
        assert_eq!(escape("*bold* _it_"), "\\*bold\\* \\_it\\_");
        assert_eq!(escape("Upper & core"), "Upper & core");
        assert_eq!(escape("&amp;"), "\\&amp;");
        assert_eq!(escape("line\nbreak"), "line break");
        assert_eq!(escape("Intervals #3"), "Intervals \\#3");
    }

    #[test]
    fn columns_that_say_nothing_are_dropped() {
        let mut table = Table::new(&[
            ("Name", Align::Left),
            ("Load", Align::Right),
            ("Rest", Align::Right),
            ("Notes", Align::Left),
        ]);
        table.row(vec!["Push-up".into(), "—".into(), "90s".into(), "".into()]);
        table.row(vec!["Plank".into(), "—".into(), "—".into(), "".into()]);
        table.drop_empty_columns(1);
        let mut out = String::new();
        table.write(&mut out);
        assert_eq!(
            out,
            "| Name    | Rest |\n\
             | ------- | ---: |\n\
             | Push-up |  90s |\n\
             | Plank   |    — |\n\n"
        );
    }

    #[test]
    fn writes_padded_aligned_rows_and_a_blank_line() {
        let mut table = Table::new(&[("Name", Align::Left), ("Sets", Align::Right)]);
        table.row(vec!["Back squat".into(), "4".into()]);
        table.row(vec!["x".into()]);
        let mut out = String::new();
        table.write(&mut out);
        assert_eq!(
            out,
            "| Name       | Sets |\n\
             | ---------- | ---: |\n\
             | Back squat |    4 |\n\
             | x          |      |\n\n"
        );
    }
}
