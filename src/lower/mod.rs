//! Lowering: from the syntax tree to the expanded, dated plan.
//!
//! Lowering owns meaning. It checks every name, date, unit and number the
//! parser could only read, resolves exercises through the catalogue, lays
//! the blocks out on the calendar and expands every session of every week
//! with that week's concrete sets, reps and loads.
//!
//! It reports every error it finds, not just the first: each step works on
//! whatever the steps before it could make sense of, and an error in one
//! statement never hides the errors of another. The plan is only handed on
//! when no error was found.
//!
//! The steps, one file each:
//! - [`header`]: the top-level statements, once each, and the required ones;
//! - [`exercises`]: the catalogue with the plan's own `exercise` statements;
//! - [`athlete`]: level, display unit, bodyweight, maxes and plate step;
//! - [`calendar`]: dates, times, the time zone, weeks, blocks, deloads, taper;
//! - [`prescription`]: one exercise line made concrete for one week;
//! - [`schedule`]: sessions and runs placed on their dates;
//! - [`spacing`]: the scheduling constraints the checker enforces;
//! - [`limits`]: how much one plan may expand to.

mod athlete;
mod calendar;
mod exercises;
mod fit_mapping;
mod groups;
mod header;
pub mod limits;
mod prescription;
mod schedule;
mod spacing;
mod units;
mod week_runs;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use crate::ast;
use crate::catalogue::Catalogue;
use crate::diagnostic::Diagnostic;
use crate::plan::Plan;
use crate::span::Span;

pub(crate) use calendar::MONTHS;
pub use calendar::time_zone;

/// The expansion and every semantic problem found on the way.
#[derive(Debug, Clone, Default)]
pub struct Lowered {
    /// `None` when an error prevents a trustworthy expansion.
    pub plan: Option<Plan>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Lowers a parsed file against an exercise catalogue.
///
/// Never panics, whatever the file holds; every problem becomes a
/// diagnostic, and the plan is `None` as soon as one of them is an error.
pub fn lower(file: &ast::File, catalogue: &Catalogue) -> Lowered {
    prepare(file, catalogue).expand()
}

/// A file checked and ready to expand, holding nothing of the syntax tree:
/// every statement is checked and every error reported here, once, however
/// many weeks repeat it. The caller may drop the tree before
/// [`Prepared::expand`], so that a large plan never holds its syntax tree
/// and its expansion at once.
#[derive(Debug)]
pub struct Prepared {
    /// Everything expansion needs, when nothing stops it.
    ready: Option<Ready>,
    diagnostics: Vec<Diagnostic>,
}

/// What expansion needs besides the calendar of weeks.
#[derive(Debug)]
struct Ready {
    name: String,
    calendar: calendar::Calendar,
    zone: calendar::Zone,
    athlete: crate::plan::Athlete,
    races: Vec<crate::plan::RaceEvent>,
    blocks: Vec<crate::plan::BlockInfo>,
    templates: Vec<schedule::BlockTemplate>,
    plan_runs: Vec<schedule::RunTemplate>,
    week_runs: Vec<week_runs::WeekRunTemplate>,
    modifiers: prescription::WeekModifiers,
    used: BTreeMap<String, crate::catalogue::Exercise>,
    spacing: Vec<crate::plan::SpacingConstraint>,
    rule_settings: Vec<ast::RuleItem>,
    suppressions: Vec<ast::Suppression>,
    taper_span: Option<Span>,
    deload_span: Option<Span>,
}

/// Checks every statement of `file` and lays out its weeks.
pub fn prepare(file: &ast::File, catalogue: &Catalogue) -> Prepared {
    let mut diags = Vec::new();

    let mut header = header::read(file, &mut diags);
    limits::statements(&mut header, &mut diags);
    let catalogue = exercises::build(&header.exercises, catalogue, &mut diags);
    let athlete::Lowered {
        athlete,
        maxes_written,
    } = athlete::lower(header.athlete, &catalogue, &mut diags);
    let zone = calendar::zone(header.timezone, &mut diags);
    let start = header.start.and_then(|s| calendar::date(s, &mut diags));
    let races = calendar::races(&header.races, start, &zone, &mut diags);
    let block_weeks = calendar::block_weeks(&header.blocks, &mut diags);
    calendar::check_counts(header.deload, header.taper, &mut diags);
    let modifiers = prescription::week_modifiers(&header, athlete.level, &mut diags);

    let plan_runs = schedule::runs(limits::runs(header.runs, &mut diags), &mut diags);
    let week_runs = week_runs::lower(&header.week_runs, &mut diags);
    let mut used = BTreeMap::new();
    let templates = schedule::blocks(
        &header.blocks,
        &plan_runs,
        &week_runs,
        &prescription::Context {
            catalogue: &catalogue,
            athlete: &athlete,
            maxes_written: &maxes_written,
        },
        &mut used,
        &mut diags,
    );
    let spacing = spacing::lower(header.spacing, &header, &mut diags);

    let calendar = start.and_then(|start| {
        calendar::Calendar::build(
            &calendar::Layout {
                start,
                start_span: header.start.map_or(Span::point(0), |s| s.span),
                blocks: &block_weeks,
                races: &races,
                deload: header.deload,
                taper: header.taper,
            },
            &mut diags,
        )
    });

    let has_errors = diags.iter().any(Diagnostic::is_error);
    let ready = match (header.plan, calendar) {
        (Some(name), Some(calendar)) if !has_errors => Some(Ready {
            name: name.value.clone(),
            calendar,
            zone,
            athlete,
            races,
            blocks: calendar::block_infos(&header.blocks, &block_weeks),
            templates,
            plan_runs,
            week_runs,
            modifiers,
            used,
            spacing,
            rule_settings: header.rules.to_vec(),
            suppressions: file.suppressions.clone(),
            taper_span: header.taper.map(|(_, item)| item.span),
            deload_span: header.deload.map(|(_, item)| item.span),
        }),
        _ => None,
    };
    Prepared {
        ready,
        diagnostics: diags,
    }
}

impl Prepared {
    /// Every week with its sessions, runs and prescriptions.
    pub fn expand(self) -> Lowered {
        let mut diags = self.diagnostics;
        let plan = self.ready.and_then(|r| {
            let weeks = schedule::expand(&schedule::Expansion {
                calendar: &r.calendar,
                blocks: &r.templates,
                plan_runs: &r.plan_runs,
                week_runs: &r.week_runs,
                zone: &r.zone,
                modifiers: &r.modifiers,
                athlete: &r.athlete,
                races: &r.races,
            });
            limits::expanded(&weeks, &mut diags).then_some(Plan {
                name: r.name,
                start: r.calendar.start,
                timezone: r.zone.name,
                athlete: r.athlete,
                races: r.races,
                blocks: r.blocks,
                weeks,
                exercises: r.used,
                spacing: r.spacing,
                rule_settings: r.rule_settings,
                suppressions: r.suppressions,
                taper_span: r.taper_span,
                deload_span: r.deload_span,
            })
        });
        Lowered {
            plan,
            diagnostics: diags,
        }
    }
}

/// `did you mean `x`?`, the opening of most helps that suggest a name.
fn did_you_mean(name: &str) -> String {
    format!("did you mean `{name}`?")
}

/// Longest word, and longest candidate, a "did you mean" is looked for:
/// the edit distance costs the product of their lengths.
const SUGGEST_MAX_LEN: usize = 64;

/// Most candidates a "did you mean" compares a word with.
const SUGGEST_MAX_CANDIDATES: usize = 2000;

/// No "did you mean" is looked for once this many problems have been
/// found: a file of thousands of unknown names gets the first suggestions
/// at once, not all of them after minutes.
const SUGGEST_MAX_DIAGNOSTICS: usize = 100;

/// The candidate closest to `word`, if it is close enough to be a typo and
/// the search is within the bounds above.
fn closest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    diags: &[Diagnostic],
) -> Option<&'a str> {
    if word.len() > SUGGEST_MAX_LEN || diags.len() >= SUGGEST_MAX_DIAGNOSTICS {
        return None;
    }
    crate::suggest::closest(
        word,
        candidates
            .into_iter()
            .filter(|c| c.len() <= SUGGEST_MAX_LEN)
            .take(SUGGEST_MAX_CANDIDATES),
    )
}

/// The closest candidate to `word` ignoring case, as the candidate is
/// spelled: for names people capitalise (time zones, session names).
fn closest_ignoring_case<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    diags: &[Diagnostic],
) -> Option<&'a str> {
    let lowered: Vec<(String, &'a str)> = candidates
        .into_iter()
        .filter(|c| c.len() <= SUGGEST_MAX_LEN)
        .take(SUGGEST_MAX_CANDIDATES)
        .map(|c| (c.to_lowercase(), c))
        .collect();
    let hit = closest(
        &word.to_lowercase(),
        lowered.iter().map(|(l, _)| l.as_str()),
        diags,
    )?
    .to_owned();
    lowered
        .iter()
        .find(|(l, _)| *l == hit)
        .map(|(_, original)| *original)
}

/// `week` or `N weeks`, for messages.
fn weeks_text(n: u64) -> String {
    if n == 1 {
        "1 week".to_owned()
    } else {
        format!("{n} weeks")
    }
}
