//! Limits: how much one plan may ask lowering to expand.
//!
//! The expansion multiplies: every line of a session is prescribed on each
//! of its days in each week of its block. These caps keep the expanded plan
//! (and so the checker's work and every backend's output) small for any
//! input, however large or strange, and keep the numbers in it small
//! enough that no sum or product of them overflows. Each lies far above
//! what a real plan needs; going over one is an error that names the limit
//! and its value, and lowering looks no further than the limit, so the work
//! an input can cause stays bounded even when the limit is broken.

use std::collections::BTreeSet;

use crate::ast::{self, Block, ExerciseLine, Item, ItemKind, Reps, RunLine, Session};
use crate::diagnostic::Diagnostic;
use crate::error_code::ErrorCode;
use crate::plan::{Week, WeekKind};
use crate::span::Span;

use super::header::Header;

/// The longest plan stride expands: ten years of weeks. Anything longer is
/// a typo, and capping it keeps every later computation small.
pub const MAX_WEEKS: u32 = 520;

/// Most blocks in a plan: blocks may not overlap and each covers a week at
/// least, so a plan can use no more than it has weeks.
pub const MAX_BLOCKS: usize = MAX_WEEKS as usize;

/// Most strength sessions in one week of a block, counting a session once
/// for each of its days (`mon, thu` is two). Twice a day is fourteen.
pub const MAX_SESSIONS_PER_WEEK: usize = 50;

/// Most exercise lines in one session.
pub const MAX_EXERCISES_PER_SESSION: usize = 100;

/// Most set groups prescribed in one week of a block: each `NxR` of an
/// exercise line (`1x5 @65%, 1x5 @75%` is two), once for each day of its
/// session. Six sessions of ten three-group lines are 180.
pub const MAX_SET_GROUPS_PER_WEEK: usize = 1000;

/// Most runs in one running week (`runs { }`). Twice a day is fourteen.
pub const MAX_RUNS_PER_WEEK: usize = 50;

/// Most sets in one set group, in any week.
pub const MAX_SETS: u32 = 100;

/// Most reps in one set, in any week.
pub const MAX_REPS: u32 = 1000;

/// Longest distance of one set, in metres, in any week.
pub const MAX_DISTANCE_M: u32 = 10_000;

/// Most races in a plan: one a week.
pub const MAX_RACES: usize = MAX_WEEKS as usize;

/// Most `exercise` statements in a plan.
pub const MAX_EXERCISE_DEFINITIONS: usize = 500;

/// Most constraints in `spacing { }`.
pub const MAX_SPACING_CONSTRAINTS: usize = 100;

/// Most lines in `rules { }`.
pub const MAX_RULE_SETTINGS: usize = 200;

/// Applies the limits on the number of top-level statements of each kind
/// and of lines in the plan's bodies: keeps those within each limit and
/// reports the first one past it.
pub fn statements(header: &mut Header<'_>, diags: &mut Vec<Diagnostic>) {
    let help = "blocks may not overlap, so a plan has at most one a week; merge blocks, \
                or split the plan into several files";
    let kept = first(&header.blocks, MAX_BLOCKS, |(_, item)| block_header(item));
    if let Some((span, count)) = kept {
        diags.push(too_many(
            ErrorCode::TooManyBlocks,
            "blocks",
            count,
            MAX_BLOCKS,
            span,
            help,
        ));
        header.blocks.truncate(MAX_BLOCKS);
    }
    let help = "keep the races of one plan, one a week at most";
    if let Some((span, count)) = first(&header.races, MAX_RACES, |(_, item)| item.span) {
        diags.push(too_many(
            ErrorCode::TooManyRaces,
            "races",
            count,
            MAX_RACES,
            span,
            help,
        ));
        header.races.truncate(MAX_RACES);
    }
    let help = "define only the exercises the plan uses that the catalogue lacks";
    let kept = first(&header.exercises, MAX_EXERCISE_DEFINITIONS, |(def, _)| {
        def.id.span
    });
    if let Some((span, count)) = kept {
        diags.push(too_many(
            ErrorCode::TooManyExerciseDefinitions,
            "`exercise` statements",
            count,
            MAX_EXERCISE_DEFINITIONS,
            span,
            help,
        ));
        header.exercises.truncate(MAX_EXERCISE_DEFINITIONS);
    }
    let help = "one constraint covers every session and run its selectors name";
    let kept = first(header.spacing, MAX_SPACING_CONSTRAINTS, |c| c.span);
    if let Some((span, count)) = kept {
        diags.push(too_many(
            ErrorCode::TooManyConstraints,
            "spacing constraints",
            count,
            MAX_SPACING_CONSTRAINTS,
            span,
            help,
        ));
        header.spacing = header
            .spacing
            .get(..MAX_SPACING_CONSTRAINTS)
            .unwrap_or_default();
    }
    let help = "`all` names every rule at once: `allow all`";
    if let Some((span, count)) = first(header.rules, MAX_RULE_SETTINGS, |r| r.span) {
        diags.push(too_many(
            ErrorCode::TooManyRuleSettings,
            "lines in `rules { }`",
            count,
            MAX_RULE_SETTINGS,
            span,
            help,
        ));
        header.rules = header.rules.get(..MAX_RULE_SETTINGS).unwrap_or_default();
    }
}

/// The span of the first of `items` past `limit`, and how many there are.
fn first<T>(items: &[T], limit: usize, span: impl Fn(&T) -> Span) -> Option<(Span, usize)> {
    items.get(limit).map(|extra| (span(extra), items.len()))
}

fn too_many(
    code: ErrorCode,
    what: &str,
    count: usize,
    limit: usize,
    span: Span,
    help: &'static str,
) -> Diagnostic {
    Diagnostic::error(
        code,
        format!("the plan has {count} {what}; the limit is {limit}"),
    )
    .with_label(span, format!("number {} of them", limit + 1))
    .with_help(help)
}

/// The runs of a running week up to [`MAX_RUNS_PER_WEEK`];
/// `too-many-runs` on the first one past the limit.
pub fn runs<'a>(lines: &'a [RunLine], diags: &mut Vec<Diagnostic>) -> &'a [RunLine] {
    let Some(extra) = lines.get(MAX_RUNS_PER_WEEK) else {
        return lines;
    };
    diags.push(
        Diagnostic::error(
            ErrorCode::TooManyRuns,
            format!(
                "this running week has {} runs; the limit is {MAX_RUNS_PER_WEEK}",
                lines.len()
            ),
        )
        .with_label(
            extra.span,
            format!("run {} of the week", MAX_RUNS_PER_WEEK + 1),
        )
        .with_help("a `runs { }` block lists one week of running: each run once"),
    );
    lines.get(..MAX_RUNS_PER_WEEK).unwrap_or(lines)
}

/// The exercise lines of a session up to [`MAX_EXERCISES_PER_SESSION`];
/// `too-many-exercises` on the first one past the limit.
pub fn exercises<'a>(session: &'a Session, diags: &mut Vec<Diagnostic>) -> &'a [ExerciseLine] {
    let lines = &session.exercises;
    let Some(extra) = lines.get(MAX_EXERCISES_PER_SESSION) else {
        return lines;
    };
    diags.push(
        Diagnostic::error(
            ErrorCode::TooManyExercises,
            format!(
                "the session \"{}\" has {} exercises; the limit is {MAX_EXERCISES_PER_SESSION}",
                session.name.value,
                lines.len()
            ),
        )
        .with_label(
            extra.span,
            format!("exercise {} of the session", MAX_EXERCISES_PER_SESSION + 1),
        )
        .with_help("split the session into several sessions"),
    );
    lines.get(..MAX_EXERCISES_PER_SESSION).unwrap_or(lines)
}

/// One week of a block against the per-week limits: what the whole block
/// asks for, and what the sessions counted so far add up to.
#[derive(Debug)]
pub struct WeekLoad {
    total_sessions: usize,
    total_set_groups: usize,
    sessions: usize,
    set_groups: usize,
}

/// Distinct days of a session, and the set groups of its lines within
/// [`MAX_EXERCISES_PER_SESSION`].
fn counts(session: &Session) -> (usize, usize) {
    let days: BTreeSet<ast::Weekday> = session.days.iter().map(|d| d.value).collect();
    let groups = session
        .exercises
        .iter()
        .take(MAX_EXERCISES_PER_SESSION)
        .map(|line| line.groups.len())
        .sum();
    (days.len(), groups)
}

impl WeekLoad {
    pub fn new(block: &Block) -> WeekLoad {
        let (mut total_sessions, mut total_set_groups) = (0usize, 0usize);
        for session in &block.sessions {
            let (days, groups) = counts(session);
            total_sessions = total_sessions.saturating_add(days);
            total_set_groups = total_set_groups.saturating_add(groups.saturating_mul(days));
        }
        WeekLoad {
            total_sessions,
            total_set_groups,
            sessions: 0,
            set_groups: 0,
        }
    }

    /// Counts `session` into the week. `false`, with `too-many-sessions` or
    /// `too-many-set-groups` reported, when that takes the week past a
    /// limit: the block is then looked at no further.
    pub fn add(&mut self, block: &Block, session: &Session, diags: &mut Vec<Diagnostic>) -> bool {
        let (days, groups) = counts(session);
        self.sessions = self.sessions.saturating_add(days);
        self.set_groups = self.set_groups.saturating_add(groups.saturating_mul(days));
        if self.sessions > MAX_SESSIONS_PER_WEEK {
            diags.push(
                Diagnostic::error(
                    ErrorCode::TooManySessions,
                    format!(
                        "the block \"{}\" has {} sessions a week; the limit is \
                         {MAX_SESSIONS_PER_WEEK}",
                        block.name.value, self.total_sessions
                    ),
                )
                .with_label(session.header, "this session goes past the limit")
                .with_help(
                    "a session counts once for each of its days; spread the sessions \
                     over several blocks or plans",
                ),
            );
            return false;
        }
        if self.set_groups > MAX_SET_GROUPS_PER_WEEK {
            diags.push(
                Diagnostic::error(
                    ErrorCode::TooManySetGroups,
                    format!(
                        "the block \"{}\" prescribes {} set groups a week; the limit is \
                         {MAX_SET_GROUPS_PER_WEEK}",
                        block.name.value, self.total_set_groups
                    ),
                )
                .with_label(session.header, "this session goes past the limit")
                .with_help(
                    "each `NxR` of an exercise line is a set group, counted once for each \
                     day of its session; write fewer groups or fewer sessions",
                ),
            );
            return false;
        }
        true
    }
}

/// `block "Name" weeks A-B`: the part of a block to point at.
fn block_header(item: &Item) -> Span {
    match &item.kind {
        ItemKind::Block(block) => Span::new(
            item.keyword.start,
            block.weeks_span.end.max(item.keyword.end),
        ),
        _ => item.keyword,
    }
}

/// A set group's number past its limit.
struct Excess {
    code: ErrorCode,
    message: String,
    help: &'static str,
}

/// What is wrong with a set group's numbers, if anything: sets, reps or
/// distance past its limit.
fn numbers(sets: u32, reps: Reps) -> Option<Excess> {
    let most_reps = match reps {
        Reps::Exactly { reps } | Reps::AtLeast { reps } => Some(reps),
        Reps::Range { low, high } => Some(low.max(high)),
        Reps::Timed { .. } | Reps::Distance { .. } => None,
    };
    if sets > MAX_SETS {
        return Some(Excess {
            code: ErrorCode::TooManySets,
            message: format!("{sets} sets in one group; the limit is {MAX_SETS}"),
            help: "write the sets of one session, e.g. 3x10",
        });
    }
    if let Some(reps) = most_reps.filter(|r| *r > MAX_REPS) {
        return Some(Excess {
            code: ErrorCode::TooManyReps,
            message: format!("{reps} reps in one set; the limit is {MAX_REPS}"),
            help: "write a long effort as a timed set, e.g. 3x2min",
        });
    }
    if let Reps::Distance { meters } = reps
        && meters > MAX_DISTANCE_M
    {
        return Some(Excess {
            code: ErrorCode::DistanceTooLong,
            message: format!("{meters}m in one set; the limit is {MAX_DISTANCE_M}m"),
            help: "split the distance into several sets, e.g. 5x2000m",
        });
    }
    None
}

/// Checks the numbers of a set group as written.
pub fn set_group(group: &ast::SetGroup, diags: &mut Vec<Diagnostic>) {
    if let Some(excess) = numbers(group.sets.value, group.reps.value) {
        diags.push(
            Diagnostic::error(excess.code, excess.message)
                .with_label(group.span, "past the limit")
                .with_help(excess.help),
        );
    }
}

/// Checks the numbers of the expanded weeks, which progressions and
/// deload or taper modifiers can take past what was written: once for each
/// exercise line, at the first week that goes past a limit. `false` when
/// one does.
pub fn expanded(weeks: &[Week], diags: &mut Vec<Diagnostic>) -> bool {
    let mut reported: BTreeSet<(usize, usize)> = BTreeSet::new();
    for week in weeks {
        for session in &week.sessions {
            for line in &session.exercises {
                let key = (line.span.start, line.span.end);
                if reported.contains(&key) {
                    continue;
                }
                let Some(excess) = line.sets.iter().find_map(|g| numbers(g.sets, g.reps)) else {
                    continue;
                };
                reported.insert(key);
                let n = week.number;
                let (span, label) = match (week.kind, &line.progression, line.progression_span) {
                    (WeekKind::Loading, Some(progression), Some(span)) => (
                        span,
                        format!("`{progression}` goes past the limit in week {n}"),
                    ),
                    (WeekKind::Deload, ..) => (
                        line.span,
                        format!(
                            "week {n} is a deload week, whose volume change goes past the limit"
                        ),
                    ),
                    (WeekKind::Taper, ..) => (
                        line.span,
                        format!(
                            "week {n} is a taper week, whose volume change goes past the limit"
                        ),
                    ),
                    _ => (line.span, format!("goes past the limit in week {n}")),
                };
                diags.push(
                    Diagnostic::error(excess.code, format!("in week {n}, {}", excess.message))
                        .with_label(span, label)
                        .with_help(
                            "progress more slowly or for fewer weeks, or start a new block \
                             with new numbers",
                        ),
                );
            }
        }
    }
    reported.is_empty()
}
