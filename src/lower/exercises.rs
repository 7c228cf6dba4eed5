//! Exercises: the catalogue, extended and overridden by the plan's own
//! `exercise` statements, and the names of exercise lines resolved in it.

use std::collections::BTreeMap;

use crate::ast::{ExerciseDef, ExercisePropKind, Item};
use crate::catalogue::{self, Catalogue, Exercise, PlanCatalogue};
use crate::diagnostic::Diagnostic;
use crate::error_code::ErrorCode;
use crate::span::{Span, Spanned};

/// The catalogue the plan sees: `base` plus its `exercise` statements.
///
/// `exercise ID { ... }` on a name the catalogue knows (its id or one of its
/// aliases) starts from that entry and overrides only the properties it
/// gives, keeping the entry's id; on a new name it defines a new entry,
/// which must say at least `muscles` and `pattern`. Statements apply before
/// any exercise line is read, wherever they stand in the file.
pub fn build<'a>(
    defs: &[(&ExerciseDef, &Item)],
    base: &'a Catalogue,
    diags: &mut Vec<Diagnostic>,
) -> PlanCatalogue<'a> {
    let mut catalogue = PlanCatalogue::new(base);
    // Canonical id -> the first statement about it.
    let mut defined: BTreeMap<String, Span> = BTreeMap::new();
    for (def, item) in defs {
        let existing = base.get(&def.id.value).cloned();
        let id = existing
            .as_ref()
            .map_or_else(|| def.id.value.clone(), |e| e.id.clone());
        if let Some(first) = defined.get(&id) {
            diags.push(
                Diagnostic::error(
                    ErrorCode::DuplicateStatement,
                    format!("the exercise `{id}` is defined more than once"),
                )
                .with_label(def.id.span, "defined again here")
                .with_context(*first, "first defined here")
                .with_help("merge the two `exercise` statements into one"),
            );
            continue;
        }
        defined.insert(id.clone(), def.id.span);
        let entry = define(def, item, existing, id, diags);
        catalogue.define(entry);
    }
    catalogue
}

/// Builds one entry. An entry with errors is still defined, so that the
/// lines using it are not reported as unknown exercises on top.
fn define(
    def: &ExerciseDef,
    item: &Item,
    existing: Option<Exercise>,
    id: String,
    diags: &mut Vec<Diagnostic>,
) -> Exercise {
    let is_new = existing.is_none();
    let mut entry = existing.unwrap_or_else(|| Exercise {
        name: id.replace('-', " "),
        id,
        aliases: Vec::new(),
        pattern: String::new(),
        muscles: Vec::new(),
        secondary: Vec::new(),
        equipment: "bodyweight".to_owned(),
        unilateral: false,
        compound: false,
        contacts: None,
        fit: None,
        stress: None,
    });
    let mut seen: BTreeMap<&'static str, Span> = BTreeMap::new();
    let mut gave_muscles = false;
    let mut gave_pattern = false;
    let mut contacts_span = None;
    for prop in &def.props {
        let keyword = prop_keyword(&prop.kind);
        if let Some(first) = seen.get(keyword) {
            diags.push(crate::parse::duplicate(keyword, prop.keyword, *first));
            continue;
        }
        seen.insert(keyword, prop.keyword);
        match &prop.kind {
            ExercisePropKind::Name(name) => entry.name = name.value.clone(),
            ExercisePropKind::Muscles(muscles) => {
                gave_muscles = true;
                entry.muscles = words(muscles, "muscle", catalogue::MUSCLES, diags);
                if muscles.is_empty() {
                    diags.push(
                        Diagnostic::error(
                            ErrorCode::IncompleteExercise,
                            "`muscles` lists no muscle",
                        )
                        .with_label(prop.span, "no muscles here")
                        .with_help("name the muscles it works, e.g. `muscles quadriceps, glutes`"),
                    );
                }
            }
            ExercisePropKind::Secondary(muscles) => {
                entry.secondary = words(muscles, "muscle", catalogue::MUSCLES, diags);
            }
            ExercisePropKind::Pattern(pattern) => {
                gave_pattern = true;
                if let Some(p) = word(pattern, "movement pattern", catalogue::PATTERNS, diags) {
                    entry.pattern = p;
                }
            }
            ExercisePropKind::Equipment(equipment) => {
                if let Some(e) = word(equipment, "kind of equipment", catalogue::EQUIPMENT, diags) {
                    entry.equipment = e;
                }
            }
            ExercisePropKind::Unilateral(flag) => entry.unilateral = flag.value,
            ExercisePropKind::Compound(flag) => entry.compound = flag.value,
            ExercisePropKind::Contacts(count) => {
                contacts_span = Some(prop.span);
                entry.contacts = Some(count.value);
            }
            ExercisePropKind::Fit { category, name } => {
                if let Some(fit) = super::fit_mapping::mapping(category, name.as_ref(), diags) {
                    entry.fit = Some(fit);
                }
            }
        }
    }
    if is_new && !(gave_muscles && gave_pattern) {
        let missing = match (gave_muscles, gave_pattern) {
            (false, false) => "`muscles` and `pattern`",
            (false, true) => "`muscles`",
            _ => "`pattern`",
        };
        diags.push(
            Diagnostic::error(
                ErrorCode::IncompleteExercise,
                format!(
                    "the new exercise `{}` needs {missing}",
                    def.id.value
                ),
            )
            .with_label(def.id.span, "not in the catalogue")
            .with_context(item.span, format!("add {missing} here"))
            .with_help("say what it works and how it moves, e.g. `muscles quadriceps, glutes` and `pattern squat`"),
        );
    }
    if let Some(span) = contacts_span
        && !entry.pattern.is_empty()
        && entry.pattern != "plyometric"
    {
        diags.push(
            Diagnostic::error(
                ErrorCode::InvalidExercise,
                format!(
                    "`contacts` counts foot contacts of plyometric exercises, but `{}` has the pattern {}",
                    entry.id, entry.pattern
                ),
            )
            .with_label(span, "only for plyometrics")
            .with_help("remove `contacts`, or set `pattern plyometric`"),
        );
    }
    entry
}

fn prop_keyword(kind: &ExercisePropKind) -> &'static str {
    match kind {
        ExercisePropKind::Name(_) => "name",
        ExercisePropKind::Muscles(_) => "muscles",
        ExercisePropKind::Secondary(_) => "secondary",
        ExercisePropKind::Pattern(_) => "pattern",
        ExercisePropKind::Equipment(_) => "equipment",
        ExercisePropKind::Unilateral(_) => "unilateral",
        ExercisePropKind::Compound(_) => "compound",
        ExercisePropKind::Contacts(_) => "contacts",
        ExercisePropKind::Fit { .. } => "fit",
    }
}

/// Checks a word against a vocabulary (`unknown-value` if it is not in it).
fn word(
    value: &Spanned<String>,
    what: &str,
    vocabulary: &[&str],
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    if vocabulary.contains(&value.value.as_str()) {
        return Some(value.value.clone());
    }
    let help = match super::closest(&value.value, vocabulary.iter().copied(), diags) {
        Some(near) => super::did_you_mean(near),
        None => format!("use one of: {}", vocabulary.join(", ")),
    };
    diags.push(
        Diagnostic::error(
            ErrorCode::UnknownValue,
            format!("`{}` is not a {what} stride knows", value.value),
        )
        .with_label(value.span, format!("unknown {what}"))
        .with_help(help),
    );
    None
}

fn words(
    values: &[Spanned<String>],
    what: &str,
    vocabulary: &[&str],
    diags: &mut Vec<Diagnostic>,
) -> Vec<String> {
    values
        .iter()
        .filter_map(|v| word(v, what, vocabulary, diags))
        .collect()
}

/// Resolves the name of an exercise line (id or alias) to its entry.
pub fn resolve<'c>(
    catalogue: &'c PlanCatalogue<'_>,
    name: &Spanned<String>,
    diags: &mut Vec<Diagnostic>,
) -> Option<&'c Exercise> {
    if let Some(entry) = catalogue.get(&name.value) {
        return Some(entry);
    }
    let within_bounds =
        name.value.len() <= super::SUGGEST_MAX_LEN && diags.len() < super::SUGGEST_MAX_DIAGNOSTICS;
    let near = within_bounds
        .then(|| catalogue.suggest(&name.value))
        .flatten();
    let help = match near {
        Some(near) => super::did_you_mean(near),
        None => format!(
            "define it with an `exercise {} {{ muscles ... pattern ... }}` statement, or use a name from the exercise catalogue",
            name.value
        ),
    };
    diags.push(
        Diagnostic::error(
            ErrorCode::UnknownExercise,
            format!("`{}` is not an exercise stride knows", name.value),
        )
        .with_label(name.span, "unknown exercise")
        .with_help(help),
    );
    None
}
