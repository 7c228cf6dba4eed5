//! From pest pairs to the typed syntax tree. Nothing after this file sees a
//! `Pair`.
//!
//! The tolerant grammar guarantees the shape of every pair it produces, so
//! the accessors here fall back to defaults instead of panicking if that
//! guarantee were ever broken by a grammar change.

use pest::iterators::Pair;

use super::grammar::Rule;
use super::syntax_error::{self, Context};
use crate::ast::*;
use crate::diagnostic::Diagnostic;
use crate::error_code::ErrorCode;
use crate::span::{Span, Spanned};

pub(super) struct Builder<'s> {
    /// The whole source.
    pub src: &'s str,
    /// Where in `src` the text being built from starts: the file is parsed
    /// one statement at a time (see `parse`), each from its own offset.
    pub base: usize,
    pub diagnostics: Vec<Diagnostic>,
    /// Every statement's span, for attaching suppression comments.
    pub statements: Vec<Span>,
}

type P<'s> = Pair<'s, Rule>;

/// The children that carry meaning (comments are collected separately).
fn children<'s>(pair: P<'s>) -> impl Iterator<Item = P<'s>> {
    pair.into_inner().filter(|p| p.as_rule() != Rule::COMMENT)
}

fn first<'s>(pair: P<'s>) -> Option<P<'s>> {
    children(pair).next()
}

/// A block being read: the statement `block_stmt` matches, whether
/// whole or a piece at a time (see `parse`).
pub struct OpenBlock {
    /// The statement so far (the keyword, until the closing brace).
    whole: Span,
    keyword: Span,
    /// Its place in [`Builder::statements`].
    statement: usize,
    header_ok: bool,
    block: Block,
}

impl OpenBlock {
    fn new(whole: Span, keyword: Span, statement: usize) -> Self {
        OpenBlock {
            whole,
            keyword,
            statement,
            header_ok: false,
            block: Block {
                name: Spanned::new(String::new(), whole),
                first_week: Spanned::new(0, whole),
                last_week: Spanned::new(0, whole),
                weeks_span: whole,
                sessions: Vec::new(),
                runs: None,
            },
        }
    }

    /// The block, when its head could be read.
    fn finish(self) -> Option<Block> {
        let mut block = self.block;
        block.sessions.shrink_to_fit();
        self.header_ok.then_some(block)
    }
}

impl<'s> Builder<'s> {
    pub fn new(src: &'s str) -> Self {
        Builder {
            src,
            base: 0,
            diagnostics: Vec::new(),
            statements: Vec::new(),
        }
    }

    /// Where a pair lies in the whole source: pairs come from parsing the
    /// text from [`Builder::base`] on.
    fn span(&self, pair: &P<'_>) -> Span {
        Span::from(pair.as_span()).shift(self.base)
    }

    pub fn file(&mut self, pair: P<'s>) -> Vec<Item> {
        let mut items = Vec::new();
        for child in children(pair) {
            match child.as_rule() {
                Rule::bad_top => self.bad(&child, Context::Top),
                Rule::EOI => {}
                _ => {
                    if let Some(item) = self.item(child) {
                        items.push(item);
                    }
                }
            }
        }
        items
    }

    /// Reports a line the tolerant grammar skipped.
    fn bad(&mut self, pair: &P<'s>, context: Context) {
        let diagnostic = syntax_error::explain_line(self.src, self.span(pair), context);
        self.diagnostics.push(diagnostic);
    }

    fn statement(&mut self, span: Span) -> Span {
        self.statements.push(span);
        span
    }

    fn item(&mut self, pair: P<'s>) -> Option<Item> {
        let whole = self.statement(self.span(&pair));
        let rule = pair.as_rule();
        let mut parts = children(pair);
        let keyword = parts.next().map(|k| self.span(&k)).unwrap_or(whole);
        let kind = match rule {
            Rule::plan_stmt => ItemKind::Plan(self.string(parts.next())),
            Rule::start_stmt => ItemKind::Start(self.date(parts.next())),
            Rule::timezone_stmt => ItemKind::Timezone(self.string(parts.next())),
            Rule::race_stmt => {
                let name = self.string(parts.next());
                let date = self.date(parts.next());
                let (mut time, mut duration) = (None, None);
                for part in parts {
                    match part.as_rule() {
                        Rule::time => time = Some(self.time(Some(part))),
                        Rule::duration => duration = Some(self.duration(Some(part))),
                        _ => {}
                    }
                }
                ItemKind::Race(Race {
                    name,
                    date,
                    time,
                    duration,
                })
            }
            Rule::week_runs_stmt => {
                let mut week_runs = WeekRuns {
                    first_week: Spanned::new(0, whole),
                    last_week: Spanned::new(0, whole),
                    weeks_span: whole,
                    runs: Vec::new(),
                };
                let mut rest = Vec::new();
                for part in parts {
                    if part.as_rule() == Rule::week_range {
                        week_runs.weeks_span = self.span(&part);
                        let mut ints = children(part).filter(|p| p.as_rule() == Rule::int);
                        week_runs.first_week = self.int(ints.next());
                        week_runs.last_week = self.int(ints.next());
                    } else {
                        rest.push(part);
                    }
                }
                week_runs.runs = self.runs_body(rest.into_iter());
                ItemKind::WeekRuns(week_runs)
            }
            Rule::athlete_stmt => ItemKind::Athlete(
                self.body(parts, Context::Athlete, |b, p| Some(b.athlete_item(p))),
            ),
            Rule::runs_stmt => ItemKind::Runs(self.runs_body(parts)),
            Rule::spacing_stmt => {
                ItemKind::Spacing(self.body(parts, Context::Spacing, |b, p| b.constraint(p)))
            }
            Rule::deload_stmt => ItemKind::Deload(self.deload(parts)),
            Rule::taper_stmt => ItemKind::Taper(Taper {
                weeks: self.int(parts.next()),
                modifiers: parts
                    .find(|p| p.as_rule() == Rule::modifiers)
                    .map(|m| self.modifiers(m)),
            }),
            Rule::exercise_stmt => {
                let id = self.ident(parts.next());
                let props = self.body(parts, Context::ExerciseDef, |b, p| b.exercise_prop(p));
                ItemKind::Exercise(ExerciseDef { id, props })
            }
            Rule::rules_stmt => {
                ItemKind::Rules(self.body(parts, Context::Rules, |b, p| b.rule_item(p)))
            }
            Rule::block_stmt => ItemKind::Block(self.block(whole, parts)?),
            _ => return None,
        };
        Some(Item {
            kind,
            keyword,
            span: whole,
        })
    }

    /// The lines of a braced body: good ones through `line`, bad ones reported.
    fn body<T>(
        &mut self,
        parts: impl Iterator<Item = P<'s>>,
        context: Context,
        mut line: impl FnMut(&mut Self, P<'s>) -> Option<T>,
    ) -> Vec<T> {
        let mut out = Vec::new();
        for part in parts {
            if part.as_rule() == Rule::bad_line {
                self.bad(&part, context);
            } else if let Some(value) = line(self, part) {
                out.push(value);
            }
        }
        out
    }

    fn runs_body(&mut self, parts: impl Iterator<Item = P<'s>>) -> Vec<RunLine> {
        self.body(parts, Context::Runs, |b, p| b.run_line(p))
    }

    // ------------------------------------------------------------ header

    fn athlete_item(&mut self, pair: P<'s>) -> AthleteItem {
        let whole = self.statement(self.span(&pair));
        let mut parts = children(pair);
        let Some(keyword) = parts.next() else {
            return AthleteItem {
                kind: AthleteItemKind::Level(Spanned::new(String::new(), whole)),
                keyword: whole,
                span: whole,
            };
        };
        let kind = match keyword.as_rule() {
            Rule::kw_level => AthleteItemKind::Level(self.word(parts.next())),
            Rule::kw_units => AthleteItemKind::Units(self.word(parts.next())),
            Rule::kw_bodyweight => AthleteItemKind::Bodyweight(self.mass(parts.next())),
            Rule::kw_max => AthleteItemKind::Max {
                exercise: self.ident(parts.next()),
                load: self.mass(parts.next()),
            },
            Rule::kw_age => AthleteItemKind::Age(self.int(parts.next())),
            _ => AthleteItemKind::Round(self.mass(parts.next())),
        };
        AthleteItem {
            kind,
            keyword: self.span(&keyword),
            span: whole,
        }
    }

    fn run_line(&mut self, pair: P<'s>) -> Option<RunLine> {
        let whole = self.statement(self.span(&pair));
        let mut day = None;
        let mut time = None;
        let mut duration = None;
        let mut distance = None;
        let mut intensity = None;
        let mut label = None;
        for part in children(pair) {
            match part.as_rule() {
                Rule::weekday => day = Some(self.weekday(part)),
                Rule::run_distance => {
                    let span = self.span(&part);
                    let text = part.as_str();
                    let unit = if text.ends_with("mi") {
                        DistanceUnit::Mi
                    } else {
                        DistanceUnit::Km
                    };
                    let value = parse_number(text.get(..text.len() - 2).unwrap_or_default());
                    distance = Some(Spanned::new(RunDistance { value, unit }, span));
                }
                Rule::time => time = Some(self.time(Some(part))),
                Rule::duration => duration = Some(self.duration(Some(part))),
                Rule::intensity => {
                    let value = match part.as_str().trim() {
                        "easy" => Intensity::Easy,
                        "moderate" => Intensity::Moderate,
                        _ => Intensity::Hard,
                    };
                    intensity = Some(Spanned::new(value, self.span(&part)));
                }
                Rule::string => label = Some(self.string(Some(part))),
                _ => {}
            }
        }
        Some(RunLine {
            day: day?,
            time,
            duration: duration?,
            distance,
            intensity: intensity?,
            label,
            span: whole,
        })
    }

    fn constraint(&mut self, pair: P<'s>) -> Option<Constraint> {
        let whole = self.statement(self.span(&pair));
        let inner = first(pair)?;
        let kind = if inner.as_rule() == Rule::between_constraint {
            ConstraintKind::Between
        } else {
            ConstraintKind::AfterBefore
        };
        let mut gap = None;
        let mut selectors = Vec::new();
        for part in children(inner) {
            match part.as_rule() {
                Rule::duration => gap = Some(self.duration(Some(part))),
                Rule::selector => selectors.push(self.selector(part)),
                _ => {}
            }
        }
        let mut selectors = selectors.into_iter();
        Some(Constraint {
            kind,
            gap: gap?,
            first: selectors.next()?,
            second: selectors.next()?,
            span: whole,
        })
    }

    fn selector(&mut self, pair: P<'s>) -> Spanned<Selector> {
        let whole = self.span(&pair);
        let Some(inner) = first(pair) else {
            return Spanned::new(Selector::Strength, whole);
        };
        let value = match inner.as_rule() {
            Rule::string => Selector::Named(self.string(Some(inner)).value),
            _ => match inner.as_str() {
                "strength" => Selector::Strength,
                "lower" => Selector::Lower,
                "upper" => Selector::Upper,
                "plyo" => Selector::Plyo,
                "hard-run" => Selector::HardRun,
                "easy-run" => Selector::EasyRun,
                "race" => Selector::Race,
                _ => Selector::Run,
            },
        };
        Spanned::new(value, whole)
    }

    fn deload(&mut self, parts: impl Iterator<Item = P<'s>>) -> Deload {
        let mut schedule = DeloadSchedule::Weeks(Vec::new());
        let mut modifiers = None;
        for part in parts {
            match part.as_rule() {
                Rule::deload_every => {
                    let count = children(part).find(|p| p.as_rule() == Rule::int);
                    schedule = DeloadSchedule::Every(self.int(count));
                }
                Rule::deload_weeks => {
                    let weeks = children(part)
                        .filter(|p| p.as_rule() == Rule::int)
                        .map(|p| self.int(Some(p)))
                        .collect();
                    schedule = DeloadSchedule::Weeks(weeks);
                }
                Rule::modifiers => modifiers = Some(self.modifiers(part)),
                _ => {}
            }
        }
        Deload {
            schedule,
            modifiers,
        }
    }

    fn modifiers(&mut self, pair: P<'s>) -> Modifiers {
        let mut out = Modifiers {
            span: self.span(&pair),
            ..Modifiers::default()
        };
        // The keyword of the first `load` and of the first `volume`.
        let (mut first_load, mut first_volume) = (None, None);
        for modifier in children(pair) {
            let mut parts = children(modifier);
            let (Some(keyword), Some(value)) = (parts.next(), parts.next()) else {
                continue;
            };
            let amount = Spanned::new(
                parse_number(value.as_str().trim_end_matches('%')),
                self.span(&value),
            );
            let (what, first, slot) = if keyword.as_rule() == Rule::kw_load {
                ("load", &mut first_load, &mut out.load)
            } else {
                ("volume", &mut first_volume, &mut out.volume)
            };
            let again = self.span(&keyword);
            match *first {
                Some(first) => self.duplicate(what, again, first),
                None => {
                    *first = Some(again);
                    *slot = Some(amount);
                }
            }
        }
        out
    }

    fn exercise_prop(&mut self, pair: P<'s>) -> Option<ExerciseProp> {
        let whole = self.statement(self.span(&pair));
        let mut parts = children(pair);
        let keyword = parts.next()?;
        let value = parts.next();
        let kind = match keyword.as_rule() {
            Rule::kw_name => ExercisePropKind::Name(self.string(value)),
            Rule::kw_muscles => ExercisePropKind::Muscles(self.word_list(value)),
            Rule::kw_secondary => ExercisePropKind::Secondary(self.word_list(value)),
            Rule::kw_pattern => ExercisePropKind::Pattern(self.word(value)),
            Rule::kw_equipment => ExercisePropKind::Equipment(self.word(value)),
            Rule::kw_unilateral => ExercisePropKind::Unilateral(self.boolean(value)),
            Rule::kw_compound => ExercisePropKind::Compound(self.boolean(value)),
            Rule::kw_fit => ExercisePropKind::Fit {
                category: self.word(value),
                name: parts.next().map(|name| self.word(Some(name))),
            },
            _ => ExercisePropKind::Contacts(self.int(value)),
        };
        Some(ExerciseProp {
            kind,
            keyword: self.span(&keyword),
            span: whole,
        })
    }

    fn rule_item(&mut self, pair: P<'s>) -> Option<RuleItem> {
        let whole = self.statement(self.span(&pair));
        let inner = first(pair)?;
        let rule = inner.as_rule();
        let mut parts = children(inner);
        let kind = match rule {
            Rule::rule_level => {
                let level = parts.next()?;
                let name = parts.next()?;
                let value = match level.as_str() {
                    "allow" => Level::Allow,
                    "warn" => Level::Warn,
                    _ => Level::Deny,
                };
                RuleItemKind::Level {
                    level: Spanned::new(value, self.span(&level)),
                    rule: Spanned::new(name.as_str().to_string(), self.span(&name)),
                }
            }
            Rule::rule_set => {
                let _keyword = parts.next()?;
                let target = parts.next()?;
                let value = parts.next()?;
                let text = target.as_str();
                let dot = text.rfind('.')?;
                let start = self.base + target.as_span().start();
                RuleItemKind::Set {
                    rule: Spanned::new(text[..dot].to_string(), Span::new(start, start + dot)),
                    param: Spanned::new(
                        text[dot + 1..].to_string(),
                        Span::new(start + dot + 1, start + text.len()),
                    ),
                    value: self.value(value),
                }
            }
            _ => {
                let _keyword = parts.next()?;
                RuleItemKind::Profile(self.word(parts.next()))
            }
        };
        Some(RuleItem { kind, span: whole })
    }

    fn value(&mut self, pair: P<'s>) -> Spanned<Value> {
        let whole = self.span(&pair);
        let Some(inner) = first(pair) else {
            return Spanned::new(Value::Word(String::new()), whole);
        };
        let value = match inner.as_rule() {
            Rule::duration => Value::Duration(self.duration(Some(inner)).value),
            Rule::mass => Value::Mass(self.mass(Some(inner)).value),
            Rule::percent => Value::Percent(parse_number(inner.as_str().trim_end_matches('%'))),
            Rule::number_value => Value::Number(parse_number(inner.as_str())),
            Rule::string => Value::Text(self.string(Some(inner)).value),
            _ => Value::Word(inner.as_str().to_string()),
        };
        Spanned::new(value, whole)
    }

    // ------------------------------------------------------------ blocks

    fn block(&mut self, whole: Span, parts: impl Iterator<Item = P<'s>>) -> Option<Block> {
        let mut open = OpenBlock::new(whole, whole, 0);
        for part in parts {
            self.block_part(&mut open, part);
        }
        open.finish()
    }

    /// The opening of a block read a piece at a time (`block_open_step`):
    /// its keyword and head. The block's statement is registered now, in
    /// the place `item` would give it, and completed by `block_close`.
    pub fn block_open(&mut self, step: P<'s>) -> OpenBlock {
        let whole = self.span(&step);
        let mut parts = children(step);
        let keyword = parts.next().map(|k| self.span(&k)).unwrap_or(whole);
        let statement = self.statements.len();
        self.statements.push(keyword);
        let mut open = OpenBlock::new(keyword, keyword, statement);
        for part in parts {
            self.block_part(&mut open, part);
        }
        open
    }

    /// One repetition of a block's body (`block_body_step`).
    pub fn block_body(&mut self, open: &mut OpenBlock, step: P<'s>) {
        for part in children(step) {
            self.block_part(open, part);
        }
    }

    /// The closing brace (`block_close_step`): the block as `item` would
    /// have built it from the whole statement.
    pub fn block_close(&mut self, mut open: OpenBlock, step: P<'s>) -> Option<Item> {
        let close = first(step).map_or(open.whole, |brace| self.span(&brace));
        let whole = Span::new(open.whole.start, close.end);
        open.whole = whole;
        if let Some(statement) = self.statements.get_mut(open.statement) {
            *statement = whole;
        }
        let keyword = open.keyword;
        Some(Item {
            kind: ItemKind::Block(open.finish()?),
            keyword,
            span: whole,
        })
    }

    fn block_part(&mut self, open: &mut OpenBlock, part: P<'s>) {
        let block = &mut open.block;
        match part.as_rule() {
            Rule::block_head => {
                open.header_ok = true;
                let mut head = children(part);
                block.name = self.string(head.next());
                if let Some(range) = head.next() {
                    block.weeks_span = self.span(&range);
                    let mut ints = children(range).filter(|p| p.as_rule() == Rule::int);
                    block.first_week = self.int(ints.next());
                    block.last_week = self.int(ints.next());
                }
            }
            Rule::bad_head => {
                let line = Span::new(open.whole.start, self.base + part.as_span().end());
                self.diagnostics.push(syntax_error::explain_line(
                    self.src,
                    line,
                    Context::BlockOpen,
                ));
            }
            Rule::session_stmt => {
                if let Some(session) = self.session(part) {
                    block.sessions.push(session);
                }
            }
            Rule::runs_stmt => {
                let runs_span = self.statement(self.span(&part));
                let mut inner = children(part);
                let keyword = inner.next().map_or(runs_span, |k| self.span(&k));
                let lines = self.runs_body(inner);
                match &block.runs {
                    Some(first) => self.duplicate("runs", keyword, first.span),
                    None => block.runs = Some(Spanned::new(lines, runs_span)),
                }
            }
            Rule::bad_line => self.bad(&part, Context::Block),
            _ => {}
        }
    }

    fn session(&mut self, pair: P<'s>) -> Option<Session> {
        let whole = self.statement(self.span(&pair));
        let mut session = Session {
            name: Spanned::new(String::new(), whole),
            days: Vec::new(),
            time: None,
            duration: None,
            optional: None,
            mobility: None,
            location: None,
            warmup: None,
            cooldown: None,
            exercises: Vec::new(),
            groups: Vec::new(),
            header: whole,
            span: whole,
        };
        let mut header_ok = false;
        let mut first_location = None;
        for part in children(pair) {
            match part.as_rule() {
                Rule::session_head => {
                    header_ok = true;
                    let head = part.as_str().trim_end();
                    session.header =
                        Span::new(whole.start, self.base + part.as_span().start() + head.len());
                    for head in children(part) {
                        match head.as_rule() {
                            Rule::string => session.name = self.string(Some(head)),
                            Rule::weekday => session.days.push(self.weekday(head)),
                            Rule::time => session.time = Some(self.time(Some(head))),
                            Rule::duration => session.duration = Some(self.duration(Some(head))),
                            Rule::session_tag => {
                                let span = self.span(&head);
                                let (what, slot) = if head.as_str() == "optional" {
                                    ("optional", &mut session.optional)
                                } else {
                                    ("mobility", &mut session.mobility)
                                };
                                match *slot {
                                    Some(first) => self.duplicate(what, span, first),
                                    None => *slot = Some(span),
                                }
                            }
                            _ => {}
                        }
                    }
                }
                Rule::bad_head => {
                    let line = Span::new(whole.start, self.base + part.as_span().end());
                    self.diagnostics.push(syntax_error::explain_line(
                        self.src,
                        line,
                        Context::SessionOpen,
                    ));
                }
                Rule::location_item => {
                    let statement = self.statement(self.span(&part));
                    let mut inner = children(part);
                    let keyword = inner.next().map_or(statement, |k| self.span(&k));
                    let location = self.string(inner.next());
                    match first_location {
                        Some(first) => self.duplicate("location", keyword, first),
                        None => {
                            first_location = Some(statement);
                            session.location = Some(location);
                        }
                    }
                }
                Rule::warmup_item => {
                    let (keyword, phase) = self.phase(part);
                    match &session.warmup {
                        Some(first) => self.duplicate("warmup", keyword, first.span),
                        None => session.warmup = Some(phase),
                    }
                }
                Rule::cooldown_item => {
                    let (keyword, phase) = self.phase(part);
                    match &session.cooldown {
                        Some(first) => self.duplicate("cooldown", keyword, first.span),
                        None => session.cooldown = Some(phase),
                    }
                }
                Rule::exercise_line => {
                    if let Some(line) = self.exercise_line(part) {
                        session.exercises.push(line);
                    }
                }
                Rule::or_line => self.or_line(&mut session, part, None),
                Rule::superset_item => self.superset(&mut session, part),
                Rule::circuit_item => self.circuit(&mut session, part),
                Rule::bad_line => self.bad(&part, Context::Session),
                _ => {}
            }
        }
        session.groups.shrink_to_fit();
        // The tree of a large plan is mostly exercise lines: no spare room.
        session.days.shrink_to_fit();
        session.exercises.shrink_to_fit();
        header_ok.then_some(session)
    }

    /// A `warmup` or `cooldown` statement, and the span of its keyword.
    fn phase(&mut self, pair: P<'s>) -> (Span, Phase) {
        let whole = self.statement(self.span(&pair));
        let mut parts = children(pair);
        let keyword = parts.next().map_or(whole, |k| self.span(&k));
        let phase = Phase {
            duration: self.duration(parts.next()),
            note: parts.next().map(|n| self.string(Some(n))),
            span: whole,
        };
        (keyword, phase)
    }

    /// Reports a statement that may be given once, given again; the caller
    /// keeps the first. `first` is the first one's keyword, or the whole
    /// statement, which begins with it.
    fn duplicate(&mut self, keyword: &'static str, again: Span, first: Span) {
        let first = Span::new(first.start, first.start + keyword.len());
        self.diagnostics.push(duplicate(keyword, again, first));
    }

    /// `or EXERCISE ...`: an alternative to the last exercise line, which
    /// must be in the same group (`group`) and come right before it.
    fn or_line(&mut self, session: &mut Session, pair: P<'s>, group: Option<u16>) {
        let whole = self.span(&pair);
        let mut parts = children(pair);
        let keyword = parts.next().map_or(whole, |k| self.span(&k));
        let Some(line) = parts.next().and_then(|p| self.exercise_line(p)) else {
            return;
        };
        // The line's statement is the whole `or` line.
        if let Some(last) = self.statements.last_mut() {
            *last = whole;
        }
        let mut line = line;
        line.span = whole;
        line.group = group;
        let previous = session
            .exercises
            .last_mut()
            .filter(|p| p.group == group && self.only_blank_between(p, whole));
        match previous {
            Some(previous) => previous.alternatives.push(line),
            None => self.diagnostics.push(
                Diagnostic::error(
                    ErrorCode::OrWithoutExercise,
                    "`or` offers an alternative, but there is no exercise line right above it",
                )
                .with_label(keyword, "an alternative to nothing")
                .with_help(format!(
                    "put it right under the line it replaces, or drop `or`: `{}`",
                    self.src
                        .get(line.span.start..line.span.end)
                        .map_or("", |t| t.trim_start_matches("or").trim())
                )),
            ),
        }
    }

    /// Whether only blank lines and comments separate `line` (or its last
    /// alternative) from `at`.
    fn only_blank_between(&self, line: &ExerciseLine, at: Span) -> bool {
        let end = line
            .alternatives
            .last()
            .map_or(line.span.end, |a| a.span.end);
        self.src.get(end..at.start).is_some_and(|between| {
            between
                .lines()
                .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
        })
    }

    fn superset(&mut self, session: &mut Session, pair: P<'s>) {
        let whole = self.statement(self.span(&pair));
        let index = u16::try_from(session.groups.len()).unwrap_or(u16::MAX);
        let mut group = Group {
            kind: GroupKind::Superset,
            rest: None,
            header: whole,
            span: whole,
        };
        let mut lines = Vec::new();
        for part in children(pair) {
            match part.as_rule() {
                Rule::kw_superset => group.header = self.span(&part),
                Rule::rest_option => {
                    let rest = self.duration(children(part).nth(1));
                    group.header = Span::new(group.header.start, rest.span.end);
                    group.rest = Some(rest);
                }
                _ => lines.push(part),
            }
        }
        session.groups.push(group);
        for part in lines {
            match part.as_rule() {
                Rule::exercise_line => {
                    if let Some(mut line) = self.exercise_line(part) {
                        line.group = Some(index);
                        session.exercises.push(line);
                    }
                }
                Rule::or_line => self.or_line(session, part, Some(index)),
                Rule::bad_line => self.bad(&part, Context::Session),
                _ => {}
            }
        }
    }

    fn circuit(&mut self, session: &mut Session, pair: P<'s>) {
        let whole = self.statement(self.span(&pair));
        let index = u16::try_from(session.groups.len()).unwrap_or(u16::MAX);
        let mut rounds = Spanned::new(0, whole);
        let (mut work, mut rest, mut between) = (None, None, None);
        let mut keywords: (Option<Span>, Option<Span>, Option<Span>) = (None, None, None);
        let mut header_end = whole.start;
        let mut entries = Vec::new();
        for part in children(pair) {
            match part.as_rule() {
                Rule::int => rounds = self.int(Some(part)),
                Rule::kw_circuit | Rule::kw_rounds => header_end = self.span(&part).end,
                Rule::circuit_option => {
                    header_end = self.span(&part).end;
                    let mut inner = children(part);
                    let Some(keyword) = inner.next() else {
                        continue;
                    };
                    let value = self.duration(inner.next());
                    let (what, slot, first) = match keyword.as_rule() {
                        Rule::kw_work => ("work", &mut work, &mut keywords.0),
                        Rule::kw_rest => ("rest", &mut rest, &mut keywords.1),
                        _ => ("between", &mut between, &mut keywords.2),
                    };
                    let keyword = self.span(&keyword);
                    match *first {
                        Some(first) => self.duplicate(what, keyword, first),
                        None => {
                            *first = Some(keyword);
                            *slot = Some(value);
                        }
                    }
                }
                _ => entries.push(part),
            }
        }
        session.groups.push(Group {
            kind: GroupKind::Circuit {
                rounds: rounds.clone(),
                work: work.clone(),
                between,
            },
            rest,
            header: Span::new(whole.start, header_end),
            span: whole,
        });
        for part in entries {
            match part.as_rule() {
                Rule::circuit_entry => {
                    if let Some(mut line) = self.circuit_entry(part, rounds.clone(), work.clone()) {
                        line.group = Some(index);
                        session.exercises.push(line);
                    }
                }
                Rule::bad_line => self.bad(&part, Context::Session),
                _ => {}
            }
        }
    }

    /// A circuit entry, as a line of `rounds` sets.
    fn circuit_entry(
        &mut self,
        pair: P<'s>,
        rounds: Spanned<u32>,
        work: Option<Spanned<Duration>>,
    ) -> Option<ExerciseLine> {
        let whole = self.span(&pair);
        let mut reps = None;
        let mut load = None;
        let mut rest = Vec::new();
        let mut name = None;
        for part in children(pair) {
            match part.as_rule() {
                Rule::ident => name = Some(self.ident(Some(part))),
                Rule::sets => {
                    let span = self.span(&part);
                    let written = part.as_str().to_owned();
                    let per_round = written
                        .split_once(['x', '×'])
                        .map_or(written.as_str(), |(_, r)| r)
                        .to_owned();
                    self.diagnostics.push(
                        Diagnostic::error(
                            ErrorCode::CircuitEntry,
                            format!("a circuit entry is one set per round, but `{written}` gives sets"),
                        )
                        .with_label(span, "sets inside a circuit")
                        .with_help(format!(
                            "write the reps of one round, `{per_round}`; the circuit's rounds give the sets"
                        )),
                    );
                    return None;
                }
                Rule::reps => {
                    let span = self.span(&part);
                    reps = Some(Spanned::new(self.reps(first(part)?), span));
                }
                Rule::load_spec => load = Some(part),
                _ => rest.push(part),
            }
        }
        let name = name?;
        let form = if reps.is_some() {
            LineForm::Entry
        } else {
            LineForm::EntryWithoutReps
        };
        let reps = match (reps, work) {
            (Some(reps), _) => reps,
            (None, Some(work)) => Spanned::new(
                Reps::Timed {
                    seconds: work.value.seconds,
                },
                name.span,
            ),
            (None, None) => {
                self.diagnostics.push(
                    Diagnostic::error(
                        ErrorCode::CircuitEntry,
                        format!("the circuit entry `{}` says neither reps nor a time", name.value),
                    )
                    .with_label(name.span, "how much of it?")
                    .with_help(format!(
                        "give its reps or time, e.g. `{} 10` or `{} 30s`, or the circuit a work time: `work 40s`",
                        name.value, name.value
                    )),
                );
                return None;
            }
        };
        let (load, load_to, effort) = match load {
            Some(spec) => self.load_spec(spec),
            None => (None, None, None),
        };
        let mut line = self.line_parts(whole, rest.into_iter())?;
        line.exercise = name;
        line.form = form;
        line.groups.push(SetGroup {
            sets: rounds,
            reps,
            per_side: false,
            load,
            load_to,
            effort,
            span: whole,
        });
        Some(line)
    }

    fn exercise_line(&mut self, pair: P<'s>) -> Option<ExerciseLine> {
        let whole = self.span(&pair);
        self.line_parts(whole, children(pair))
    }

    /// An exercise line from its parts: name, set groups and options.
    fn line_parts(
        &mut self,
        whole: Span,
        parts: impl Iterator<Item = P<'s>>,
    ) -> Option<ExerciseLine> {
        let whole = self.statement(whole);
        let mut line = ExerciseLine {
            exercise: Spanned::new(String::new(), whole),
            groups: Vec::new(),
            rest: None,
            progression: None,
            tempo: None,
            note: None,
            alternatives: Vec::new(),
            group: None,
            form: LineForm::Sets,
            span: whole,
        };
        let (mut first_rest, mut first_progress, mut first_tempo) = (None, None, None);
        for part in parts {
            match part.as_rule() {
                Rule::ident => line.exercise = self.ident(Some(part)),
                Rule::set_groups => {
                    for group in children(part) {
                        line.groups.push(self.set_group(group)?);
                    }
                }
                Rule::tempo_option => {
                    let mut inner = children(part);
                    let keyword = inner.next().map_or(whole, |k| self.span(&k));
                    let Some(t) = inner.next() else { continue };
                    let span = self.span(&t);
                    let mut numbers = children(t);
                    let mut next = || {
                        numbers
                            .next()
                            .filter(|n| n.as_rule() == Rule::int)
                            .map(|n| n.as_str().parse::<u32>().unwrap_or(u32::MAX))
                    };
                    let tempo = Tempo {
                        lower: next().unwrap_or(0),
                        pause: next().unwrap_or(0),
                        lift: next(),
                    };
                    match first_tempo {
                        Some(first) => self.duplicate("tempo", keyword, first),
                        None => {
                            first_tempo = Some(keyword);
                            line.tempo = Some(Box::new(Spanned::new(tempo, span)));
                        }
                    }
                }
                Rule::rest_option => {
                    let mut inner = children(part);
                    let keyword = inner.next().map_or(whole, |k| self.span(&k));
                    let rest = self.duration(inner.next());
                    match first_rest {
                        Some(first) => self.duplicate("rest", keyword, first),
                        None => {
                            first_rest = Some(keyword);
                            line.rest = Some(rest);
                        }
                    }
                }
                Rule::progress_option => {
                    let mut inner = children(part);
                    let keyword = inner.next().map_or(whole, |k| self.span(&k));
                    let Some(p) = inner.next() else { continue };
                    let progression = self.progression(p);
                    match first_progress {
                        Some(first) => self.duplicate("progress", keyword, first),
                        None => {
                            first_progress = Some(keyword);
                            line.progression = Some(progression);
                        }
                    }
                }
                Rule::string => line.note = Some(self.string(Some(part))),
                _ => {}
            }
        }
        line.groups.shrink_to_fit();
        Some(line)
    }

    fn set_group(&mut self, pair: P<'s>) -> Option<SetGroup> {
        let whole = self.span(&pair);
        let mut parts = children(pair);
        let sets_pair = parts.next()?;
        let (load, load_to, effort) = match parts.next() {
            Some(spec) => self.load_spec(spec),
            None => (None, None, None),
        };
        let mut sets_parts = children(sets_pair);
        let count = self.int(sets_parts.next());
        let reps_pair = sets_parts.next()?;
        let per_side = sets_parts.next().is_some();
        let reps_span = self.span(&reps_pair);
        let reps = self.reps(first(reps_pair)?);
        Some(SetGroup {
            sets: count,
            reps: Spanned::new(reps, reps_span),
            per_side,
            load,
            load_to,
            effort,
            span: whole,
        })
    }

    /// `@80kg RPE8`: the load, the other end of its range, and the effort
    /// beside it. An effort given twice is reported; the first is kept.
    #[allow(clippy::type_complexity)]
    fn load_spec(
        &mut self,
        pair: P<'s>,
    ) -> (
        Option<Spanned<Load>>,
        Option<f64>,
        Option<Box<Spanned<Effort>>>,
    ) {
        let mut parts = children(pair);
        let Some(load_pair) = parts.next() else {
            return (None, None, None);
        };
        let (load, load_to) = self.load(load_pair);
        // The first effort: the load's own (`@RPE8`) or one beside it.
        let mut first_effort =
            matches!(load.value, Load::Rpe(_) | Load::Rir(_)).then_some(load.span);
        let mut effort = None;
        for part in parts {
            let span = self.span(&part);
            let Some(inner) = first(part) else { continue };
            let (low, high) = effort_numbers(inner.as_str());
            let scale = if inner.as_rule() == Rule::rpe_load {
                EffortScale::Rpe
            } else {
                EffortScale::Rir
            };
            match first_effort {
                Some(first) => self.diagnostics.push(
                    Diagnostic::error(ErrorCode::EffortTwice, "the effort is given twice")
                        .with_label(span, "given again here")
                        .with_context(first, "first given here")
                        .with_help(
                            "give one effort, as RPE or as RIR: `@80kg RPE8` or `@80kg RIR2`",
                        ),
                ),
                None => {
                    first_effort = Some(span);
                    effort = Some(Box::new(Spanned::new(Effort { scale, low, high }, span)));
                }
            }
        }
        (Some(load), load_to, effort)
    }

    fn reps(&mut self, reps_inner: P<'s>) -> Reps {
        match reps_inner.as_rule() {
            Rule::timed_reps => Reps::Timed {
                seconds: self.duration(first(reps_inner)).value.seconds,
            },
            Rule::distance_reps => Reps::Distance {
                meters: self.int(first(reps_inner)).value,
            },
            Rule::rep_range => {
                let mut ints = children(reps_inner);
                Reps::Range {
                    low: self.int(ints.next()).value,
                    high: self.int(ints.next()).value,
                }
            }
            Rule::amrap => Reps::AtLeast {
                reps: self.int(first(reps_inner)).value,
            },
            _ => Reps::Exactly {
                reps: self.int(first(reps_inner)).value,
            },
        }
    }

    /// A load and, for a range, its other end.
    fn load(&mut self, pair: P<'s>) -> (Spanned<Load>, Option<f64>) {
        let whole = self.span(&pair);
        let Some(inner) = first(pair) else {
            return (Spanned::new(Load::Rir(0.0), whole), None);
        };
        let text = inner.as_str();
        let mut to = None;
        let value = match inner.as_rule() {
            Rule::bw_load => {
                let mut parts = children(inner);
                match (parts.next(), parts.next()) {
                    (Some(sign), Some(mass)) => Load::Bodyweight(Some(SignedMass {
                        negative: sign.as_str() == "-",
                        mass: self.mass(Some(mass)).value,
                    })),
                    _ => Load::Bodyweight(None),
                }
            }
            Rule::rpe_load | Rule::rir_load => {
                let (low, high) = effort_numbers(text);
                if high != low || text.contains('-') {
                    to = Some(high);
                }
                if inner.as_rule() == Rule::rpe_load {
                    Load::Rpe(low)
                } else {
                    Load::Rir(low)
                }
            }
            Rule::percent => Load::Percent(parse_number(text.trim_end_matches('%'))),
            Rule::percent_bw => Load::PercentBodyweight(parse_number(
                text.trim_end_matches("bw").trim_end_matches('%'),
            )),
            Rule::percent_range => {
                let (low, high) = text
                    .trim_end_matches('%')
                    .split_once('-')
                    .unwrap_or((text, text));
                to = Some(parse_number(high));
                Load::Percent(parse_number(low))
            }
            Rule::mass_range => {
                let (low, high) = text.split_once('-').unwrap_or((text, text));
                let digits = high
                    .find(|c: char| c.is_ascii_alphabetic())
                    .unwrap_or(high.len());
                to = Some(parse_number(&high[..digits]));
                let unit_start = self.span(&inner).end - (high.len() - digits);
                Load::Mass(Mass {
                    value: parse_number(low),
                    unit: Spanned::new(
                        high[digits..].to_owned(),
                        Span::new(unit_start, self.span(&inner).end),
                    ),
                })
            }
            _ => Load::Mass(self.mass(Some(inner)).value),
        };
        (Spanned::new(value, whole), to)
    }

    fn progression(&mut self, pair: P<'s>) -> Spanned<Progression> {
        let whole = self.span(&pair);
        let Some(inner) = first(pair) else {
            return Spanned::new(Progression::None, whole);
        };
        let rule = inner.as_rule();
        let mut parts = children(inner);
        let value = match rule {
            Rule::load_prog => Progression::Load {
                step: self.step(parts.next()),
                every: self.per_weeks(parts.next()),
            },
            Rule::double_prog => {
                let _keyword = parts.next();
                Progression::Double {
                    step: self.step(parts.next()),
                }
            }
            Rule::wave_prog => {
                let _keyword = parts.next();
                let reps = match parts.next() {
                    Some(wave) => {
                        let wave_span = self.span(&wave);
                        let values = children(wave).map(|p| self.int(Some(p)).value).collect();
                        Spanned::new(values, wave_span)
                    }
                    None => Spanned::new(Vec::new(), whole),
                };
                Progression::Wave {
                    reps,
                    step: self.step(parts.next()),
                }
            }
            Rule::time_prog | Rule::distance_prog => {
                let _keyword = parts.next();
                let amount = match parts.next() {
                    Some(step) => {
                        let step_span = self.span(&step);
                        let value = match first(step) {
                            Some(d) if d.as_rule() == Rule::duration => {
                                self.duration(Some(d)).value.seconds
                            }
                            other => self.int(other).value,
                        };
                        Spanned::new(value, step_span)
                    }
                    None => Spanned::new(0, whole),
                };
                let every = self.per_weeks(parts.next());
                if rule == Rule::time_prog {
                    Progression::Time {
                        seconds: amount,
                        every,
                    }
                } else {
                    Progression::Distance {
                        meters: amount,
                        every,
                    }
                }
            }
            Rule::reps_prog | Rule::sets_prog => {
                let _keyword = parts.next();
                let amount = match parts.next() {
                    Some(step) => {
                        let step_span = self.span(&step);
                        Spanned::new(self.int(first(step)).value, step_span)
                    }
                    None => Spanned::new(0, whole),
                };
                let every = self.per_weeks(parts.next());
                if rule == Rule::reps_prog {
                    Progression::Reps { amount, every }
                } else {
                    Progression::Sets { amount, every }
                }
            }
            _ => Progression::None,
        };
        Spanned::new(value, whole)
    }

    fn step(&mut self, pair: Option<P<'s>>) -> Step {
        let Some(pair) = pair else {
            return Step {
                amount: Spanned::new(StepAmount::Percent(0.0), Span::default()),
            };
        };
        let whole = self.span(&pair);
        let amount = match first(pair) {
            Some(inner) if inner.as_rule() == Rule::percent => {
                StepAmount::Percent(parse_number(inner.as_str().trim_end_matches('%')))
            }
            Some(inner) => StepAmount::Mass(self.mass(Some(inner)).value),
            None => StepAmount::Percent(0.0),
        };
        Step {
            amount: Spanned::new(amount, whole),
        }
    }

    /// `/week` is every week; `/2weeks` every second week.
    fn per_weeks(&mut self, pair: Option<P<'s>>) -> Spanned<u32> {
        let Some(pair) = pair else {
            return Spanned::new(1, Span::default());
        };
        let whole = self.span(&pair);
        let count = children(pair)
            .find(|p| p.as_rule() == Rule::int)
            .map_or(1, |p| self.int(Some(p)).value);
        Spanned::new(count, whole)
    }

    // ------------------------------------------------------------ leaves

    fn string(&mut self, pair: Option<P<'s>>) -> Spanned<String> {
        let Some(pair) = pair else {
            return Spanned::new(String::new(), Span::default());
        };
        let whole = self.span(&pair);
        let raw = first(pair).map_or("", |inner| inner.as_str());
        let mut value = String::with_capacity(raw.len());
        let mut chars = raw.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                if let Some(escaped) = chars.next() {
                    value.push(escaped);
                }
            } else {
                value.push(c);
            }
        }
        Spanned::new(value, whole)
    }

    fn ident(&mut self, pair: Option<P<'s>>) -> Spanned<String> {
        self.word(pair)
    }

    fn word(&mut self, pair: Option<P<'s>>) -> Spanned<String> {
        match pair {
            Some(pair) => Spanned::new(pair.as_str().to_string(), self.span(&pair)),
            None => Spanned::new(String::new(), Span::default()),
        }
    }

    fn word_list(&mut self, pair: Option<P<'s>>) -> Vec<Spanned<String>> {
        match pair {
            Some(pair) => children(pair).map(|w| self.word(Some(w))).collect(),
            None => Vec::new(),
        }
    }

    fn boolean(&mut self, pair: Option<P<'s>>) -> Spanned<bool> {
        match pair {
            Some(pair) => {
                let value = matches!(pair.as_str(), "true" | "yes");
                Spanned::new(value, self.span(&pair))
            }
            None => Spanned::new(false, Span::default()),
        }
    }

    fn weekday(&mut self, pair: P<'s>) -> Spanned<Weekday> {
        let day = Weekday::from_keyword(pair.as_str()).unwrap_or(Weekday::Mon);
        Spanned::new(day, self.span(&pair))
    }

    /// A whole number; one too large for 32 bits is reported, not wrapped.
    fn int(&mut self, pair: Option<P<'s>>) -> Spanned<u32> {
        let Some(pair) = pair else {
            return Spanned::new(0, Span::default());
        };
        let whole = self.span(&pair);
        match pair.as_str().parse::<u32>() {
            Ok(value) => Spanned::new(value, whole),
            Err(_) => {
                self.diagnostics.push(
                    Diagnostic::error(ErrorCode::NumberTooLarge, "this number is too large")
                        .with_label(whole, "larger than stride can count")
                        .with_help("numbers in a plan are at most 4294967295"),
                );
                Spanned::new(0, whole)
            }
        }
    }

    fn date(&mut self, pair: Option<P<'s>>) -> Spanned<DateLit> {
        let Some(pair) = pair else {
            return Spanned::new(
                DateLit {
                    year: 0,
                    month: 0,
                    day: 0,
                },
                Span::default(),
            );
        };
        let whole = self.span(&pair);
        let mut parts = children(pair).map(|p| p.as_str().parse::<i16>().unwrap_or(0));
        let year = parts.next().unwrap_or(0);
        let month = parts.next().unwrap_or(0);
        let day = parts.next().unwrap_or(0);
        Spanned::new(
            DateLit {
                year,
                month: i8::try_from(month).unwrap_or(0),
                day: i8::try_from(day).unwrap_or(0),
            },
            whole,
        )
    }

    fn time(&mut self, pair: Option<P<'s>>) -> Spanned<TimeLit> {
        let Some(pair) = pair else {
            return Spanned::new(TimeLit { hour: 0, minute: 0 }, Span::default());
        };
        let whole = self.span(&pair);
        let mut parts = children(pair).map(|p| p.as_str().parse::<u8>().unwrap_or(u8::MAX));
        let hour = parts.next().unwrap_or(0);
        let minute = parts.next().unwrap_or(0);
        Spanned::new(TimeLit { hour, minute }, whole)
    }

    fn duration(&mut self, pair: Option<P<'s>>) -> Spanned<Duration> {
        let Some(pair) = pair else {
            return Spanned::new(Duration { seconds: 0 }, Span::default());
        };
        let whole = self.span(&pair);
        let mut seconds: u64 = 0;
        for part in children(pair) {
            let factor = match part.as_rule() {
                Rule::hours => 3600,
                Rule::minutes => 60,
                _ => 1,
            };
            let amount = first(part).map_or(0, |n| n.as_str().parse::<u64>().unwrap_or(u64::MAX));
            seconds = seconds.saturating_add(amount.saturating_mul(factor));
        }
        let seconds = match u32::try_from(seconds) {
            Ok(s) if s <= MAX_DURATION_S => s,
            _ => {
                self.diagnostics.push(
                    Diagnostic::error(ErrorCode::DurationTooLong, "this duration is too long")
                        .with_label(whole, "longer than a week")
                        .with_help("durations in a plan are at most 168h (one week)"),
                );
                MAX_DURATION_S
            }
        };
        Spanned::new(Duration { seconds }, whole)
    }

    fn mass(&mut self, pair: Option<P<'s>>) -> Spanned<Mass> {
        let Some(pair) = pair else {
            return Spanned::new(
                Mass {
                    value: 0.0,
                    unit: Spanned::new(String::new(), Span::default()),
                },
                Span::default(),
            );
        };
        let whole = self.span(&pair);
        let mut parts = children(pair);
        let value = parts.next().map_or(0.0, |n| parse_number(n.as_str()));
        let unit = self.word(parts.next());
        Spanned::new(Mass { value, unit }, whole)
    }
}

/// Longest duration accepted anywhere: one week.
pub const MAX_DURATION_S: u32 = 7 * 24 * 3600;

/// The grammar only lets digits and one dot through, so this cannot fail
/// for text it produced; anything else reads as zero.
/// `duplicate-statement`: something that may be said once was said again.
/// `again` and `first` are the spans of the two keywords.
pub fn duplicate(what: &str, again: Span, first: Span) -> Diagnostic {
    Diagnostic::error(
        ErrorCode::DuplicateStatement,
        format!("`{what}` is given more than once"),
    )
    .with_label(again, "given again here")
    .with_context(first, "first given here")
    .with_help("remove one of them")
}

/// The numbers of `RPE7-8` or `rir2` (one number: both ends the same).
fn effort_numbers(text: &str) -> (f64, f64) {
    let numbers = text.get(3..).unwrap_or_default();
    match numbers.split_once('-') {
        Some((low, high)) => (parse_number(low), parse_number(high)),
        None => {
            let value = parse_number(numbers);
            (value, value)
        }
    }
}

fn parse_number(text: &str) -> f64 {
    let text = text.trim_start_matches('+');
    text.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .unwrap_or(0.0)
}
