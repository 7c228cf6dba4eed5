//! The top-level statements: which are there, once each, and the required
//! ones present.

use std::collections::BTreeMap;

use crate::ast::{
    AthleteItem, Block, Constraint, DateLit, Deload, ExerciseDef, File, Item, ItemKind, Race,
    RuleItem, RunLine, Taper, WeekRuns,
};
use crate::diagnostic::Diagnostic;
use crate::error_code::ErrorCode;
use crate::parse::duplicate;
use crate::span::{Span, Spanned};

/// The statements of a file sorted by kind. Statements that may appear once
/// keep their first occurrence; the others have been reported.
#[derive(Debug, Default)]
pub struct Header<'a> {
    pub plan: Option<&'a Spanned<String>>,
    pub start: Option<&'a Spanned<DateLit>>,
    pub timezone: Option<&'a Spanned<String>>,
    pub athlete: &'a [AthleteItem],
    pub runs: &'a [RunLine],
    pub spacing: &'a [Constraint],
    pub deload: Option<(&'a Deload, &'a Item)>,
    pub taper: Option<(&'a Taper, &'a Item)>,
    pub rules: &'a [RuleItem],
    pub races: Vec<(&'a Race, &'a Item)>,
    pub exercises: Vec<(&'a ExerciseDef, &'a Item)>,
    pub blocks: Vec<(&'a Block, &'a Item)>,
    /// `runs weeks A-B { }` statements, in source order.
    pub week_runs: Vec<(&'a WeekRuns, &'a Item)>,
}

/// Sorts the file's statements and reports repeated and missing ones.
pub fn read<'a>(file: &'a File, diags: &mut Vec<Diagnostic>) -> Header<'a> {
    let mut header = Header::default();
    let mut seen: BTreeMap<&'static str, Span> = BTreeMap::new();
    for item in &file.items {
        let once = !matches!(
            item.kind,
            ItemKind::Race(_) | ItemKind::Exercise(_) | ItemKind::Block(_) | ItemKind::WeekRuns(_)
        );
        if once {
            let keyword = item.kind.keyword();
            if let Some(first) = seen.get(keyword) {
                diags.push(duplicate(keyword, item.keyword, *first));
                continue;
            }
            seen.insert(keyword, item.keyword);
        }
        match &item.kind {
            ItemKind::Plan(name) => header.plan = Some(name),
            ItemKind::Start(date) => header.start = Some(date),
            ItemKind::Timezone(zone) => header.timezone = Some(zone),
            ItemKind::Race(race) => header.races.push((race, item)),
            ItemKind::Athlete(items) => header.athlete = items,
            ItemKind::Runs(runs) => header.runs = runs,
            ItemKind::Spacing(constraints) => header.spacing = constraints,
            ItemKind::Deload(deload) => header.deload = Some((deload, item)),
            ItemKind::Taper(taper) => header.taper = Some((taper, item)),
            ItemKind::Exercise(def) => header.exercises.push((def, item)),
            ItemKind::Rules(rules) => header.rules = rules,
            ItemKind::Block(block) => header.blocks.push((block, item)),
            ItemKind::WeekRuns(runs) => header.week_runs.push((runs, item)),
        }
    }
    if header.plan.is_none() {
        diags.push(missing(
            "plan",
            "the plan has no name",
            "plan \"Spring half marathon\"",
        ));
    }
    if header.start.is_none() {
        diags.push(missing(
            "start",
            "the plan has no start date",
            "start 2027-01-04",
        ));
    }
    header
}

fn missing(keyword: &str, message: &str, example: &str) -> Diagnostic {
    Diagnostic::error(ErrorCode::MissingStatement, message)
        .with_label(
            Span::point(0),
            format!("this file has no `{keyword}` statement"),
        )
        .with_help(format!("add a line like: {example}"))
}
