//! The canonical layout: one statement per line, two spaces of indentation
//! per level, aligned exercise columns within a session, one blank line
//! between sessions and around every statement with a body.

use super::printer::{Gap, Printer};
use super::spell;
use crate::ast::*;
use crate::span::Span;

/// Prints `file`, whose source is `src`. Also returns the source lines with
/// code the tree does not hold (see [`Printer::unprinted_lines`]).
pub fn print(src: &str, file: &File) -> (String, Vec<Span>) {
    let mut comments = file.comments.clone();
    comments.sort_by_key(|c| c.span.start);
    let mut layout = Layout {
        src,
        out: Printer::new(src, &comments),
    };
    let mut previous_multiline = false;
    for item in &file.items {
        let first = layout.out.len();
        let anchor = layout.item(item);
        let multiline = layout.out.len() > anchor + 1;
        if multiline || previous_multiline {
            layout.out.blank_before(first);
        }
        previous_multiline = multiline;
    }
    let mut overridden = layout.out.unprinted_lines();
    overridden.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    let mut kept: Vec<Span> = Vec::new();
    for span in overridden {
        if !kept.iter().any(|k| k.contains(span)) {
            kept.push(span);
        }
    }
    let overridden = kept;
    (layout.out.finish(newline(src)), overridden)
}

/// `\r\n` when the file's first line ends so, else `\n`.
fn newline(src: &str) -> &'static str {
    match src.find(['\n', '\r']) {
        Some(i) if src[i..].starts_with("\r\n") => "\r\n",
        _ => "\n",
    }
}

struct Layout<'a> {
    src: &'a str,
    out: Printer<'a>,
}

impl Layout<'_> {
    fn text(&self, span: Span) -> &str {
        spell::verbatim(self.src, span)
    }

    /// A duration as its author split it (`1h45min` stays, not `105min`),
    /// or the canonical spelling when the written one is untidy.
    fn duration(&self, d: &crate::span::Spanned<Duration>) -> String {
        spell::duration_as_written(self.text(d.span), d.value.seconds)
    }

    /// The offset of the first `{` at or after `from`.
    fn brace_after(&self, from: usize) -> usize {
        self.src
            .get(from..)
            .and_then(|rest| rest.find('{'))
            .map_or(from, |i| from + i)
    }

    /// Where the word before `at` starts (the keyword before a value).
    fn word_before(&self, at: usize) -> usize {
        let head = self.src.get(..at).unwrap_or_default().trim_end();
        let is_word = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
        let word = head
            .char_indices()
            .rev()
            .find(|&(_, c)| !is_word(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        if word < head.len() { word } else { at }
    }

    /// Returns the index of the item's first output line.
    fn item(&mut self, item: &Item) -> usize {
        let at = item.span.start;
        let close = item.span.end.saturating_sub(1);
        match &item.kind {
            ItemKind::Plan(name) => {
                let text = format!("plan {}", self.text(name.span));
                self.out.line(at, 0, text, Gap::Keep)
            }
            ItemKind::Start(date) => {
                let text = format!("start {}", spell::date(date.value));
                self.out.line(at, 0, text, Gap::Keep)
            }
            ItemKind::Timezone(zone) => {
                let text = format!("timezone {}", self.text(zone.span));
                self.out.line(at, 0, text, Gap::Keep)
            }
            ItemKind::Race(race) => {
                let mut text = format!(
                    "race {} {}",
                    self.text(race.name.span),
                    spell::date(race.date.value)
                );
                if let Some(time) = &race.time {
                    text.push(' ');
                    text.push_str(&spell::time(time.value));
                }
                if let Some(duration) = &race.duration {
                    text.push(' ');
                    text.push_str(&self.duration(duration));
                }
                self.out.line(at, 0, text, Gap::Keep)
            }
            ItemKind::Athlete(lines) => {
                let body: Vec<(usize, String)> = lines
                    .iter()
                    .map(|l| (l.span.start, self.athlete_item(l)))
                    .collect();
                self.body(at, close, 0, "athlete".to_owned(), body, Gap::Keep)
            }
            ItemKind::Runs(lines) => {
                let body = lines.iter().map(|r| (r.span.start, run(self, r))).collect();
                self.body(at, close, 0, "runs".to_owned(), body, Gap::Keep)
            }
            ItemKind::WeekRuns(week_runs) => {
                let body = week_runs
                    .runs
                    .iter()
                    .map(|r| (r.span.start, run(self, r)))
                    .collect();
                let header = format!(
                    "runs weeks {}-{}",
                    week_runs.first_week.value, week_runs.last_week.value
                );
                self.body(at, close, 0, header, body, Gap::Keep)
            }
            ItemKind::Spacing(constraints) => {
                let body = constraints
                    .iter()
                    .map(|c| (c.span.start, self.constraint(c)))
                    .collect();
                self.body(at, close, 0, "spacing".to_owned(), body, Gap::Keep)
            }
            ItemKind::Deload(deload) => {
                let mut text = "deload ".to_owned();
                match &deload.schedule {
                    DeloadSchedule::Every(n) => {
                        text.push_str("every ");
                        text.push_str(&spell::weeks(n.value));
                    }
                    DeloadSchedule::Weeks(weeks) => {
                        let list: Vec<String> = weeks.iter().map(|w| w.value.to_string()).collect();
                        text.push_str("weeks ");
                        text.push_str(&list.join(", "));
                    }
                }
                self.with_modifiers(at, text, deload.modifiers.as_ref())
            }
            ItemKind::Taper(taper) => {
                let text = format!("taper {}", spell::weeks(taper.weeks.value));
                self.with_modifiers(at, text, taper.modifiers.as_ref())
            }
            ItemKind::Exercise(def) => {
                let body = def
                    .props
                    .iter()
                    .map(|p| (p.span.start, self.exercise_prop(p)))
                    .collect();
                let header = format!("exercise {}", def.id.value);
                self.body(at, close, 0, header, body, Gap::Keep)
            }
            ItemKind::Rules(rules) => {
                let body = rules
                    .iter()
                    .map(|r| (r.span.start, self.rule_item(r)))
                    .collect();
                self.body(at, close, 0, "rules".to_owned(), body, Gap::Keep)
            }
            ItemKind::Block(block) => self.block(item, block),
        }
    }

    /// A header, a body of one-line statements, and the closing brace. An
    /// empty body without comments is written `{}`.
    fn body(
        &mut self,
        at: usize,
        close: usize,
        depth: usize,
        header: String,
        lines: Vec<(usize, String)>,
        gap: Gap,
    ) -> usize {
        let open = self.brace_after(at);
        if lines.is_empty() && !self.out.has_comment_between(open, close) {
            let index = self.out.line(at, depth, format!("{header} {{}}"), gap);
            self.out.join(close);
            return index;
        }
        let index = self.out.open(at, depth, format!("{header} {{"), gap);
        for (start, text) in lines {
            self.out.line(start, depth + 1, text, Gap::Keep);
        }
        self.out.close(close, depth);
        index
    }

    /// `deload ...` or `taper ...` with its `{ load -10% volume -30% }`, on
    /// one line unless comments sit inside the braces.
    fn with_modifiers(&mut self, at: usize, text: String, mods: Option<&Modifiers>) -> usize {
        let Some(mods) = mods else {
            return self.out.line(at, 0, text, Gap::Keep);
        };
        let open = mods.span.start;
        let close = mods.span.end.saturating_sub(1);
        let mut parts: Vec<(usize, usize, String)> = Vec::new();
        if let Some(load) = &mods.load {
            let keyword = self.word_before(load.span.start);
            let text = format!("load {}", spell::signed_percent(load.value));
            parts.push((keyword, load.span.start, text));
        }
        if let Some(volume) = &mods.volume {
            let keyword = self.word_before(volume.span.start);
            let text = format!("volume {}", spell::signed_percent(volume.value));
            parts.push((keyword, volume.span.start, text));
        }
        parts.sort_by_key(|p| p.0);
        if !self.out.has_comment_between(open, close) {
            let inner: Vec<&str> = parts.iter().map(|p| p.2.as_str()).collect();
            let text = if inner.is_empty() {
                format!("{text} {{}}")
            } else {
                format!("{text} {{ {} }}", inner.join(" "))
            };
            let index = self.out.line(at, 0, text, Gap::Keep);
            for (keyword, _, _) in &parts {
                self.out.join(*keyword);
            }
            self.out.join(close);
            return index;
        }
        let index = self.out.open(at, 0, format!("{text} {{"), Gap::Keep);
        for (keyword, _, text) in parts {
            self.out.line(keyword, 1, text, Gap::Keep);
        }
        self.out.close(close, 0);
        index
    }

    fn athlete_item(&self, item: &AthleteItem) -> String {
        match &item.kind {
            AthleteItemKind::Level(word) => format!("level {}", word.value),
            AthleteItemKind::Units(word) => format!("units {}", word.value),
            AthleteItemKind::Bodyweight(mass) => format!("bodyweight {}", spell::mass(&mass.value)),
            AthleteItemKind::Max { exercise, load } => {
                format!("max {} {}", exercise.value, spell::mass(&load.value))
            }
            AthleteItemKind::Round(mass) => format!("round {}", spell::mass(&mass.value)),
            AthleteItemKind::Age(years) => format!("age {}", years.value),
        }
    }

    fn selector(&self, selector: &crate::span::Spanned<Selector>) -> String {
        match &selector.value {
            Selector::Named(_) => self.text(selector.span).to_owned(),
            other => other.describe(),
        }
    }

    fn constraint(&self, c: &Constraint) -> String {
        let gap = self.duration(&c.gap);
        let (first, second) = (self.selector(&c.first), self.selector(&c.second));
        match c.kind {
            ConstraintKind::Between => format!("at least {gap} between {first} and {second}"),
            ConstraintKind::AfterBefore => format!("at least {gap} after {first} before {second}"),
        }
    }

    fn exercise_prop(&self, prop: &ExerciseProp) -> String {
        let list = |words: &[crate::span::Spanned<String>]| {
            words
                .iter()
                .map(|w| w.value.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        match &prop.kind {
            ExercisePropKind::Name(name) => format!("name {}", self.text(name.span)),
            ExercisePropKind::Muscles(words) => format!("muscles {}", list(words)),
            ExercisePropKind::Secondary(words) => format!("secondary {}", list(words)),
            ExercisePropKind::Pattern(word) => format!("pattern {}", word.value),
            ExercisePropKind::Equipment(word) => format!("equipment {}", word.value),
            ExercisePropKind::Unilateral(b) => format!("unilateral {}", spell::boolean(b.value)),
            ExercisePropKind::Compound(b) => format!("compound {}", spell::boolean(b.value)),
            ExercisePropKind::Contacts(n) => format!("contacts {}", n.value),
            ExercisePropKind::Fit { category, name } => match name {
                Some(name) => format!("fit {} {}", category.value, name.value),
                None => format!("fit {}", category.value),
            },
        }
    }

    fn rule_item(&self, item: &RuleItem) -> String {
        match &item.kind {
            RuleItemKind::Level { level, rule } => {
                format!("{} {}", level.value.keyword(), rule.value)
            }
            RuleItemKind::Set { rule, param, value } => format!(
                "set {}.{} {}",
                rule.value,
                param.value,
                spell::value(self.src, &value.value, value.span)
            ),
            RuleItemKind::Profile(word) => format!("profile {}", word.value),
        }
    }

    // ------------------------------------------------------------ blocks

    fn block(&mut self, item: &Item, block: &Block) -> usize {
        let header = format!(
            "block {} weeks {}-{}",
            self.text(block.name.span),
            block.first_week.value,
            block.last_week.value
        );
        let at = item.span.start;
        let close = item.span.end.saturating_sub(1);
        let open = self.brace_after(block.weeks_span.end);
        if block.sessions.is_empty()
            && block.runs.is_none()
            && !self.out.has_comment_between(open, close)
        {
            let index = self.out.line(at, 0, format!("{header} {{}}"), Gap::Keep);
            self.out.join(close);
            return index;
        }
        let index = self.out.open(at, 0, format!("{header} {{"), Gap::Keep);
        enum Part<'b> {
            Session(&'b Session),
            Runs(&'b crate::span::Spanned<Vec<RunLine>>),
        }
        let mut parts: Vec<(usize, Part<'_>)> = block
            .sessions
            .iter()
            .map(|s| (s.span.start, Part::Session(s)))
            .collect();
        if let Some(runs) = &block.runs {
            parts.push((runs.span.start, Part::Runs(runs)));
        }
        parts.sort_by_key(|p| p.0);
        for (_, part) in parts {
            match part {
                Part::Session(session) => self.session(session),
                Part::Runs(runs) => {
                    let lines = runs
                        .value
                        .iter()
                        .map(|r| (r.span.start, run(self, r)))
                        .collect();
                    let close = runs.span.end.saturating_sub(1);
                    self.body(
                        runs.span.start,
                        close,
                        1,
                        "runs".to_owned(),
                        lines,
                        Gap::Blank,
                    );
                }
            }
        }
        self.out.close(close, 0);
        index
    }

    fn session(&mut self, session: &Session) {
        let days: Vec<&str> = session.days.iter().map(|d| d.value.keyword()).collect();
        let mut header = format!(
            "session {} {}",
            self.text(session.name.span),
            days.join(", ")
        );
        if let Some(time) = &session.time {
            header.push(' ');
            header.push_str(&spell::time(time.value));
        }
        if let Some(duration) = &session.duration {
            header.push(' ');
            header.push_str(&self.duration(duration));
        }
        if session.optional.is_some() {
            header.push_str(" optional");
        }
        if session.mobility.is_some() {
            header.push_str(" mobility");
        }

        let mut lines: Vec<(usize, String)> = Vec::new();
        if let Some(location) = &session.location {
            let at = self.word_before(location.span.start);
            lines.push((at, format!("location {}", self.text(location.span))));
        }
        for (keyword, phase) in [("warmup", &session.warmup), ("cooldown", &session.cooldown)] {
            if let Some(phase) = phase {
                let mut text = format!("{keyword} {}", self.duration(&phase.duration));
                if let Some(note) = &phase.note {
                    text.push(' ');
                    text.push_str(self.text(note.span));
                }
                lines.push((phase.span.start, text));
            }
        }
        lines.extend(self.rows(session.exercises.iter().filter(|l| l.group.is_none())));
        let close = session.span.end.saturating_sub(1);
        if session.groups.is_empty() {
            lines.sort_by_key(|l| l.0);
            self.body(session.span.start, close, 1, header, lines, Gap::Blank);
            return;
        }
        let mut entries: Vec<(usize, Option<usize>, String)> = lines
            .into_iter()
            .map(|(at, text)| (at, None, text))
            .collect();
        for (index, group) in session.groups.iter().enumerate() {
            entries.push((group.span.start, Some(index), String::new()));
        }
        entries.sort_by_key(|e| e.0);
        self.out
            .open(session.span.start, 1, format!("{header} {{"), Gap::Blank);
        for (at, group, text) in entries {
            match group.and_then(|g| session.groups.get(g).map(|group| (g, group))) {
                Some((index, group)) => self.group(session, index, group),
                None => {
                    self.out.line(at, 2, text, Gap::Keep);
                }
            }
        }
        self.out.close(close, 1);
    }

    /// A `superset` or `circuit` and its lines, one level in.
    fn group(&mut self, session: &Session, index: usize, group: &Group) {
        let mut header = group.kind_keyword().to_owned();
        let duration = |d: &Option<crate::span::Spanned<Duration>>, what: &str| {
            d.as_ref()
                .map(|d| format!(" {what} {}", self.duration(d)))
                .unwrap_or_default()
        };
        match &group.kind {
            GroupKind::Superset => header.push_str(&duration(&group.rest, "rest")),
            GroupKind::Circuit {
                rounds,
                work,
                between,
            } => {
                let word = if rounds.value == 1 { "round" } else { "rounds" };
                header.push_str(&format!(" {} {word}", rounds.value));
                header.push_str(&duration(work, "work"));
                header.push_str(&duration(&group.rest, "rest"));
                header.push_str(&duration(between, "between"));
            }
        }
        let lines = self.rows(
            session
                .exercises
                .iter()
                .filter(|l| l.group.map(usize::from) == Some(index)),
        );
        let close = group.span.end.saturating_sub(1);
        self.body(group.span.start, close, 2, header, lines, Gap::Keep);
    }

    /// The exercise lines and their alternatives, aligned in columns.
    fn rows<'l>(&self, lines: impl Iterator<Item = &'l ExerciseLine>) -> Vec<(usize, String)> {
        let mut starts = Vec::new();
        let mut rows: Vec<[String; 6]> = Vec::new();
        for line in lines {
            starts.push(line.span.start);
            rows.push(self.cells(line, ""));
            for alternative in &line.alternatives {
                starts.push(alternative.span.start);
                rows.push(self.cells(alternative, "or "));
            }
        }
        starts.into_iter().zip(align(&rows)).collect()
    }

    /// Name, sets and loads, rest, progression, tempo, note.
    fn cells(&self, line: &ExerciseLine, prefix: &str) -> [String; 6] {
        let sets = match (line.form, line.groups.first()) {
            (LineForm::Entry, Some(group)) => {
                format!(
                    "{}{}",
                    spell::reps(group.reps.value),
                    spell::load_spec(group)
                )
            }
            (LineForm::EntryWithoutReps, Some(group)) => {
                spell::load_spec(group).trim_start().to_owned()
            }
            _ => line
                .groups
                .iter()
                .map(spell::set_group)
                .collect::<Vec<_>>()
                .join(", "),
        };
        [
            format!("{prefix}{}", line.exercise.value),
            sets,
            line.rest
                .as_ref()
                .map_or(String::new(), |r| format!("rest {}", self.duration(r))),
            line.progression.as_ref().map_or(String::new(), |p| {
                format!("progress {}", spell::progression(&p.value))
            }),
            line.tempo.as_ref().map_or(String::new(), |t| {
                format!("tempo {}", spell::tempo(t.value))
            }),
            line.note
                .as_ref()
                .map_or(String::new(), |n| self.text(n.span).to_owned()),
        ]
    }
}

/// Cells wider than this do not widen their column: one long name should
/// not push every other line far to the right.
const MAX_ALIGNED: usize = 40;

/// Lines with each column padded to the widest cell in it, two spaces apart.
fn align(rows: &[[String; 6]]) -> Vec<String> {
    let mut widths = [0usize; 6];
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            let len = cell.chars().count();
            if len <= MAX_ALIGNED {
                *width = (*width).max(len);
            }
        }
    }
    rows.iter()
        .map(|row| {
            let last = row.iter().rposition(|c| !c.is_empty()).unwrap_or(0);
            let mut text = String::new();
            for (i, cell) in row.iter().enumerate().take(last + 1) {
                if widths[i] == 0 && cell.is_empty() {
                    continue;
                }
                text.push_str(cell);
                if i < last {
                    let pad = widths[i].saturating_sub(cell.chars().count()) + 2;
                    text.extend(std::iter::repeat_n(' ', pad));
                }
            }
            text
        })
        .collect()
}

/// `tue 07:00 60min hard "Intervals"`.
fn run(layout: &Layout<'_>, run: &RunLine) -> String {
    let mut text = run.day.value.keyword().to_owned();
    if let Some(time) = &run.time {
        text.push(' ');
        text.push_str(&spell::time(time.value));
    }
    text.push(' ');
    text.push_str(&layout.duration(&run.duration));
    if let Some(distance) = &run.distance {
        text.push(' ');
        text.push_str(&spell::number(distance.value.value));
        text.push_str(distance.value.unit.symbol());
    }
    text.push(' ');
    text.push_str(run.intensity.value.keyword());
    if let Some(label) = &run.label {
        text.push(' ');
        text.push_str(layout.text(label.span));
    }
    text
}
