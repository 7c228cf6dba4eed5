//! The exercise catalogue: what each exercise works, how it moves, what it
//! needs. Written in `rules/exercises.yaml`, compiled into the binary as the
//! Rust code `build.rs` makes of it (`build/catalogue.rs`): a run reads no
//! embedded data, it looks names up in a sorted table and builds an entry
//! the first time a plan uses it.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

/// The built-in entries: `COUNT`, the sorted `NAMES` table (every id and
/// alias with its entry's index) and one constructor per entry in `ENTRIES`.
mod builtin {
    use super::{Exercise, FitMapping, Stress};

    include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));
}

/// Built-in entry `i` (by id order), built on first use.
fn builtin_entry(i: usize) -> &'static Exercise {
    static CELLS: [OnceLock<Exercise>; builtin::COUNT] =
        [const { OnceLock::new() }; builtin::COUNT];
    CELLS[i].get_or_init(builtin::ENTRIES[i])
}

/// The index of the built-in entry with this id or alias.
fn builtin_index(name: &str) -> Option<usize> {
    let names = builtin::NAMES;
    names
        .binary_search_by(|(n, _)| (*n).cmp(name))
        .ok()
        .map(|k| usize::from(names[k].1))
}

/// Movement patterns, the vocabulary of `pattern`.
pub const PATTERNS: &[&str] = &[
    "squat",
    "hinge",
    "lunge",
    "step",
    "calf",
    "knee-flexion",
    "knee-extension",
    "hip-abduction",
    "hip-adduction",
    "hip-flexion",
    "push-horizontal",
    "push-vertical",
    "pull-horizontal",
    "pull-vertical",
    "arm",
    "carry",
    "anti-extension",
    "anti-rotation",
    "anti-lateral-flexion",
    "flexion-rotation",
    "plyometric",
    "olympic",
    "mobility",
    "drill",
];

/// Muscle groups, the vocabulary of `muscles` and `secondary`.
pub const MUSCLES: &[&str] = &[
    "quadriceps",
    "hamstrings",
    "glutes",
    "adductors",
    "abductors",
    "hip-flexors",
    "gastrocnemius",
    "soleus",
    "tibialis",
    "erectors",
    "abdominals",
    "obliques",
    "chest",
    "shoulders",
    "triceps",
    "biceps",
    "lats",
    "upper-back",
    "forearms",
];

/// Equipment, the vocabulary of `equipment`.
pub const EQUIPMENT: &[&str] = &[
    "barbell",
    "trap-bar",
    "dumbbell",
    "kettlebell",
    "bodyweight",
    "machine",
    "cable",
    "band",
    "medicine-ball",
    "sandbag",
    "sled",
    "landmine",
    "box",
    "bench",
    "pull-up-bar",
    "rings",
    "slider",
    "plate",
    "foam-roller",
];

/// Muscles of the lower body: work on them makes a session a "lower" one.
pub const LOWER_BODY: &[&str] = &[
    "quadriceps",
    "hamstrings",
    "glutes",
    "adductors",
    "abductors",
    "hip-flexors",
    "gastrocnemius",
    "soleus",
    "tibialis",
];

/// Muscles of the upper body.
pub const UPPER_BODY: &[&str] = &[
    "chest",
    "shoulders",
    "triceps",
    "biceps",
    "lats",
    "upper-back",
    "forearms",
];

/// One exercise.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub pattern: String,
    pub muscles: Vec<String>,
    #[serde(default)]
    pub secondary: Vec<String>,
    pub equipment: String,
    #[serde(default)]
    pub unilateral: bool,
    #[serde(default)]
    pub compound: bool,
    /// Foot contacts per rep, for plyometrics.
    #[serde(default)]
    pub contacts: Option<u32>,
    /// How a FIT workout (a watch) names it.
    #[serde(default)]
    pub fit: Option<FitMapping>,
    /// How it taxes the body (`None`: worked out from the pattern, see
    /// [`Exercise::stress`]). Every built-in entry gives it.
    #[serde(default)]
    pub stress: Option<Stress>,
}

/// How an exercise taxes the body, for the checker's stress model. The
/// header of `rules/exercises.yaml` says where each class comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stress {
    /// A multi-joint lift loaded heavily in runners' programmes (squats,
    /// deadlifts, hip thrusts, split squats, Olympic lifts, presses, rows).
    Main,
    /// Multi-joint work usually done lighter (lunges, step-ups, bridges).
    Accessory,
    /// Single-joint work (calf raises, leg extensions, curls).
    Isolation,
    /// Trunk work.
    Core,
    /// Eccentric-biased work that damages muscle when unaccustomed (Nordic
    /// curls, reverse Nordics, heel drops).
    Eccentric,
    /// Low-intensity plyometrics (pogo hops, skipping, jumps in place).
    PlyoLow,
    /// Moderate-intensity plyometrics (bounding, box jumps, hops).
    PlyoModerate,
    /// High-intensity plyometrics (depth and drop jumps).
    PlyoHigh,
    /// No training load: mobility, stretching, foam rolling and running
    /// drills (patterns `mobility` and `drill`).
    None,
}

/// An exercise's FIT `exercise_category` and, where the FIT profile has
/// it, its `exercise_name` (the snake-case words of the FIT SDK profile;
/// see [`crate::fit_exercise`]).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FitMapping {
    pub category: String,
    /// `None`: FIT has nothing close in the category; the watch shows the
    /// category and the step's text carries the stride name.
    #[serde(default)]
    pub name: Option<String>,
    /// The name is the closest FIT has, not this exercise.
    #[serde(default)]
    pub approximate: bool,
}

impl FitMapping {
    /// The FIT name is this very exercise.
    pub fn is_exact(&self) -> bool {
        self.name.is_some() && !self.approximate
    }
}

impl Exercise {
    /// Works a lower-body muscle as a primary mover.
    pub fn is_lower(&self) -> bool {
        self.muscles
            .iter()
            .any(|m| LOWER_BODY.contains(&m.as_str()))
    }

    pub fn is_upper(&self) -> bool {
        self.muscles
            .iter()
            .any(|m| UPPER_BODY.contains(&m.as_str()))
    }

    /// Strength or plyometric work: anything but mobility, stretching and
    /// running drills, which no rule counts as training load.
    pub fn is_strength(&self) -> bool {
        !matches!(self.pattern.as_str(), "mobility" | "drill")
    }

    pub fn is_plyometric(&self) -> bool {
        self.pattern == "plyometric"
    }

    /// Its stress class: the one given, or for an entry without one (a
    /// plan's own exercise) one worked out from its pattern: plyometrics
    /// are moderate, multi-joint work an accessory, the rest isolation or
    /// trunk work.
    pub fn stress(&self) -> Stress {
        if let Some(stress) = self.stress {
            return stress;
        }
        match self.pattern.as_str() {
            "plyometric" => Stress::PlyoModerate,
            "mobility" | "drill" => Stress::None,
            "anti-extension" | "anti-rotation" | "anti-lateral-flexion" | "flexion-rotation" => {
                Stress::Core
            }
            _ if self.compound => Stress::Accessory,
            _ => Stress::Isolation,
        }
    }

    pub fn works(&self, muscle: &str) -> bool {
        self.muscles.iter().any(|m| m == muscle)
    }
}

/// The catalogue with its alias index.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    exercises: BTreeMap<String, Exercise>,
    /// alias or id -> id
    names: BTreeMap<String, String>,
    /// The built-in catalogue: its entries are the generated ones (the two
    /// maps are then empty; [`Catalogue::define`] copies them in first).
    builtin: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum CatalogueError {
    #[error("the exercise catalogue is not valid YAML: {0}")]
    Yaml(#[from] serde_yaml::Error),
    #[error("the embedded exercise catalogue is not valid: {0}")]
    Json(#[from] serde_json::Error),
    #[error("exercise `{id}`: {problem}")]
    Invalid { id: String, problem: String },
}

impl Catalogue {
    /// The catalogue built into the binary.
    /// (`cargo test` validates the YAML and compares it with this.)
    pub fn builtin() -> &'static Catalogue {
        static BUILTIN: Catalogue = Catalogue {
            exercises: BTreeMap::new(),
            names: BTreeMap::new(),
            builtin: true,
        };
        &BUILTIN
    }

    pub fn from_yaml(text: &str) -> Result<Catalogue, CatalogueError> {
        Catalogue::from_entries(serde_yaml::from_str(text)?)
    }

    fn from_entries(entries: Vec<Exercise>) -> Result<Catalogue, CatalogueError> {
        let mut catalogue = Catalogue::default();
        for entry in entries {
            validate(&entry)?;
            catalogue.insert(entry)?;
        }
        Ok(catalogue)
    }

    fn insert(&mut self, entry: Exercise) -> Result<(), CatalogueError> {
        for name in std::iter::once(&entry.id).chain(&entry.aliases) {
            if let Some(other) = self.names.get(name) {
                return Err(CatalogueError::Invalid {
                    id: entry.id.clone(),
                    problem: format!("the name `{name}` is already used by `{other}`"),
                });
            }
        }
        for name in std::iter::once(&entry.id).chain(&entry.aliases) {
            self.names.insert(name.clone(), entry.id.clone());
        }
        self.exercises.insert(entry.id.clone(), entry);
        Ok(())
    }

    /// Adds or replaces an entry (a plan's `exercise` statement). A plan's
    /// entry takes its name from catalogue aliases too.
    pub fn define(&mut self, entry: Exercise) {
        if self.builtin {
            self.builtin = false;
            for &(name, i) in builtin::NAMES {
                let id = builtin_entry(usize::from(i)).id.clone();
                self.names.insert(name.to_string(), id);
            }
            for i in 0..builtin::COUNT {
                let exercise = builtin_entry(i).clone();
                self.exercises.insert(exercise.id.clone(), exercise);
            }
        }
        self.names.insert(entry.id.clone(), entry.id.clone());
        self.exercises.insert(entry.id.clone(), entry);
    }

    /// Resolves an id or alias to its entry.
    pub fn get(&self, name: &str) -> Option<&Exercise> {
        if self.builtin {
            return builtin_index(name).map(builtin_entry);
        }
        self.names.get(name).and_then(|id| self.exercises.get(id))
    }

    /// The id an id or alias stands for.
    fn id_of(&self, name: &str) -> Option<&str> {
        if self.builtin {
            return self.get(name).map(|e| e.id.as_str());
        }
        self.names.get(name).map(String::as_str)
    }

    pub fn len(&self) -> usize {
        if self.builtin {
            builtin::COUNT
        } else {
            self.exercises.len()
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every entry, by id.
    pub fn iter(&self) -> impl Iterator<Item = &Exercise> {
        let builtin = if self.builtin { builtin::COUNT } else { 0 };
        let entry = |i| -> &Exercise { builtin_entry(i) };
        (0..builtin).map(entry).chain(self.exercises.values())
    }

    /// Every id and alias, sorted, for completion and suggestions.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        let builtin = if self.builtin { builtin::NAMES } else { &[] };
        builtin
            .iter()
            .map(|(name, _)| *name)
            .chain(self.names.keys().map(String::as_str))
    }

    /// The exercise a mistyped name most likely means, by its id (see
    /// [`crate::suggest::exercise`]).
    pub fn suggest(&self, name: &str) -> Option<&str> {
        let near = crate::suggest::exercise(name, self.names())?;
        self.get(near).map(|e| e.id.as_str())
    }
}

/// The catalogue a plan sees: the built-in one with the plan's own
/// `exercise` statements over it. The plan's entries are kept apart, so a
/// plan costs only what it defines, not a copy of the whole catalogue.
#[derive(Debug, Clone)]
pub struct PlanCatalogue<'a> {
    base: &'a Catalogue,
    own: Catalogue,
}

impl<'a> PlanCatalogue<'a> {
    pub fn new(base: &'a Catalogue) -> PlanCatalogue<'a> {
        PlanCatalogue {
            base,
            own: Catalogue::default(),
        }
    }

    /// Adds or replaces an entry; see [`Catalogue::define`].
    pub fn define(&mut self, entry: Exercise) {
        self.own.define(entry);
    }

    /// Resolves an id or alias: a name the plan defines is its own; an
    /// alias of the built-in catalogue leads to the plan's entry when the
    /// plan redefines that exercise.
    pub fn get(&self, name: &str) -> Option<&Exercise> {
        let id = match self.own.names.get(name) {
            Some(id) => id.as_str(),
            None => self.base.id_of(name)?,
        };
        self.own.exercises.get(id).or_else(|| self.base.get(id))
    }

    /// The exercise a mistyped name most likely means, by its id: the
    /// plan's own names and the catalogue's, aliases included (see
    /// [`crate::suggest::exercise`]).
    pub fn suggest(&self, name: &str) -> Option<&str> {
        let near = crate::suggest::exercise(name, self.names())?;
        self.get(near).map(|e| e.id.as_str())
    }

    /// Every id and alias, for suggestions (the plan's own may repeat).
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.base.names().chain(self.own.names())
    }
}

fn validate(entry: &Exercise) -> Result<(), CatalogueError> {
    let fail = |problem: String| {
        Err(CatalogueError::Invalid {
            id: entry.id.clone(),
            problem,
        })
    };
    for name in std::iter::once(&entry.id).chain(&entry.aliases) {
        if !is_kebab(name) {
            return fail(format!("`{name}` is not a kebab-case name"));
        }
    }
    if !PATTERNS.contains(&entry.pattern.as_str()) {
        return fail(format!("unknown pattern `{}`", entry.pattern));
    }
    if !EQUIPMENT.contains(&entry.equipment.as_str()) {
        return fail(format!("unknown equipment `{}`", entry.equipment));
    }
    if entry.muscles.is_empty() {
        return fail("lists no primary muscles".into());
    }
    for muscle in entry.muscles.iter().chain(&entry.secondary) {
        if !MUSCLES.contains(&muscle.as_str()) {
            return fail(format!("unknown muscle `{muscle}`"));
        }
    }
    if entry.contacts.is_some() && entry.pattern != "plyometric" {
        return fail("only plyometric exercises count foot contacts".into());
    }
    let plyo_stress = matches!(
        entry.stress,
        Some(Stress::PlyoLow | Stress::PlyoModerate | Stress::PlyoHigh)
    );
    if entry.stress.is_some() && plyo_stress != (entry.pattern == "plyometric") {
        return fail("plyometric exercises, and only they, have a plyo-* stress class".into());
    }
    let not_strength = matches!(entry.pattern.as_str(), "mobility" | "drill");
    if entry.stress.is_some() && (entry.stress == Some(Stress::None)) != not_strength {
        return fail(
            "mobility and drill exercises, and only they, have stress class `none`".into(),
        );
    }
    if let Some(fit) = &entry.fit {
        if let Some(problem) = crate::fit_exercise::problem(&fit.category, fit.name.as_deref()) {
            return fail(format!("fit: {problem}"));
        }
        if fit.approximate && fit.name.is_none() {
            return fail("fit: `approximate` needs a `name`".into());
        }
    }
    Ok(())
}

/// `back-squat`, `single-leg-calf-raise`, `a-skip`.
pub fn is_kebab(name: &str) -> bool {
    !name.is_empty()
        && name.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
        && name.starts_with(|c: char| c.is_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `build.rs` embeds the YAML as JSON: the two must say the same.
    #[test]
    fn the_embedded_catalogue_is_the_yaml() {
        let yaml = Catalogue::from_yaml(include_str!("../rules/exercises.yaml"))
            .unwrap_or_else(|e| panic!("{e}"));
        let builtin = Catalogue::builtin();
        assert!(builtin.len() >= 225, "{}", builtin.len());
        assert_eq!(
            builtin.iter().collect::<Vec<_>>(),
            yaml.iter().collect::<Vec<_>>()
        );
        assert_eq!(
            builtin.names().collect::<Vec<_>>(),
            yaml.names().collect::<Vec<_>>()
        );
    }

    /// A watch can show every exercise of the catalogue: a new entry
    /// without a `fit:` mapping fails here.
    #[test]
    fn every_exercise_has_a_fit_mapping() {
        let missing: Vec<&str> = Catalogue::builtin()
            .iter()
            .filter(|e| e.fit.is_none())
            .map(|e| e.id.as_str())
            .collect();
        assert!(
            missing.is_empty(),
            "add `fit: {{category: ..., name: ...}}` after `equipment:` in rules/exercises.yaml for: {}",
            missing.join(", ")
        );
    }

    #[test]
    fn a_wrong_fit_mapping_is_rejected() {
        let entry = |fit: &str| {
            format!(
                "- id: thing\n  name: Thing\n  pattern: squat\n  muscles: [quadriceps]\n  equipment: barbell\n  fit: {fit}\n"
            )
        };
        assert!(
            Catalogue::from_yaml(&entry("{category: squat, name: barbell_back_squat}")).is_ok()
        );
        let error = Catalogue::from_yaml(&entry("{category: squat, name: barbell_back_sqat}"))
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            error.contains("did you mean `barbell_back_squat`"),
            "{error}"
        );
        assert!(Catalogue::from_yaml(&entry("{category: sqat}")).is_err());
        assert!(Catalogue::from_yaml(&entry("{category: squat, approximate: true}")).is_err());
    }

    /// Every built-in entry says how it taxes the body; the checker's stress
    /// model never falls back to guessing for them.
    #[test]
    fn every_builtin_entry_has_a_stress_class() {
        let missing: Vec<&str> = Catalogue::builtin()
            .iter()
            .filter(|e| e.stress.is_none())
            .map(|e| e.id.as_str())
            .collect();
        assert!(missing.is_empty(), "no `stress:` for {missing:?}");
        let get = |id: &str| Catalogue::builtin().get(id).map(Exercise::stress);
        assert_eq!(get("depth-jump"), Some(Stress::PlyoHigh));
        assert_eq!(get("bounding"), Some(Stress::PlyoModerate));
        assert_eq!(get("pogo-hop"), Some(Stress::PlyoLow));
        assert_eq!(get("nordic-curl"), Some(Stress::Eccentric));
        assert_eq!(get("back-squat"), Some(Stress::Main));
        assert_eq!(get("step-up"), Some(Stress::Accessory));
        assert_eq!(get("calf-raise"), Some(Stress::Isolation));
    }

    #[test]
    fn mobility_and_drills_are_not_strength() {
        let base = Catalogue::builtin();
        let not_strength = base.iter().filter(|e| !e.is_strength()).count();
        assert!(not_strength >= 30, "{not_strength}");
        for id in [
            "hip-flexor-stretch",
            "leg-swing",
            "a-skip",
            "b-skip",
            "foam-rolling",
        ] {
            let entry = base.get(id).unwrap_or_else(|| panic!("{id}"));
            assert!(!entry.is_strength(), "{id}");
            assert!(entry.contacts.is_none(), "{id}");
        }
        for id in ["back-squat", "box-jump", "plank"] {
            assert!(base.get(id).is_some_and(Exercise::is_strength), "{id}");
        }
    }

    #[test]
    fn a_plan_entry_shadows_the_builtin_one_under_every_alias() {
        let base = Catalogue::builtin();
        let squat = base
            .get("back-squat")
            .cloned()
            .unwrap_or_else(|| panic!("known"));
        let alias = squat
            .aliases
            .first()
            .cloned()
            .unwrap_or_else(|| panic!("has an alias"));
        let mut plan = PlanCatalogue::new(base);
        assert_eq!(plan.get(&alias), Some(&squat));
        plan.define(Exercise {
            unilateral: true,
            ..squat.clone()
        });
        assert_eq!(plan.get(&alias).map(|e| e.unilateral), Some(true));
        assert_eq!(plan.get("back-squat").map(|e| e.unilateral), Some(true));
        assert_eq!(base.get("back-squat"), Some(&squat));
        assert!(plan.get("no-such-exercise").is_none());
    }
}
