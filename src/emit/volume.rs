//! Weekly training volume: working sets and tonnage per muscle group, and
//! the top loads of the main lifts, for the Markdown overview and charts.

use std::collections::BTreeMap;

use crate::ast::Reps;
use crate::plan::{LoadValue, Plan, Prescription, SetGroup, Week};

/// The muscle groups the overview reports, each a few catalogue muscles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MuscleGroup {
    Quadriceps,
    PosteriorChain,
    Hips,
    Calves,
    Core,
    UpperBody,
}

impl MuscleGroup {
    pub const ALL: [MuscleGroup; 6] = [
        MuscleGroup::Quadriceps,
        MuscleGroup::PosteriorChain,
        MuscleGroup::Hips,
        MuscleGroup::Calves,
        MuscleGroup::Core,
        MuscleGroup::UpperBody,
    ];

    pub fn label(self) -> &'static str {
        match self {
            MuscleGroup::Quadriceps => "Quads",
            MuscleGroup::PosteriorChain => "Posterior chain",
            MuscleGroup::Hips => "Hips",
            MuscleGroup::Calves => "Calves and shins",
            MuscleGroup::Core => "Core",
            MuscleGroup::UpperBody => "Upper body",
        }
    }

    /// The group a catalogue muscle belongs to.
    pub fn of(muscle: &str) -> Option<MuscleGroup> {
        Some(match muscle {
            "quadriceps" => MuscleGroup::Quadriceps,
            "hamstrings" | "glutes" | "erectors" => MuscleGroup::PosteriorChain,
            "adductors" | "abductors" | "hip-flexors" => MuscleGroup::Hips,
            "gastrocnemius" | "soleus" | "tibialis" => MuscleGroup::Calves,
            "abdominals" | "obliques" => MuscleGroup::Core,
            "chest" | "shoulders" | "triceps" | "biceps" | "lats" | "upper-back" | "forearms" => {
                MuscleGroup::UpperBody
            }
            _ => return None,
        })
    }
}

/// Sets and tonnage.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Load {
    pub sets: u32,
    /// Reps times external load, in the athlete's unit.
    pub tonnage: f64,
}

impl Load {
    fn add(&mut self, other: Load) {
        self.sets += other.sets;
        self.tonnage += other.tonnage;
    }
}

/// One week's volume.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WeekVolume {
    pub sessions: usize,
    pub total: Load,
    /// Each exercise counts once in every group one of its primary muscles
    /// belongs to, so the groups may add up to more than the total.
    pub by_group: BTreeMap<MuscleGroup, Load>,
}

pub fn week_volume(plan: &Plan, week: &Week) -> WeekVolume {
    let mut volume = WeekVolume {
        sessions: week.sessions.len(),
        ..WeekVolume::default()
    };
    for p in week.sessions.iter().flat_map(|s| &s.exercises) {
        let load = prescription_load(plan, p);
        volume.total.add(load);
        for group in groups(plan, p) {
            volume.by_group.entry(group).or_default().add(load);
        }
    }
    volume
}

/// The muscle groups an exercise works as a primary mover.
fn groups(plan: &Plan, p: &Prescription) -> Vec<MuscleGroup> {
    let mut groups: Vec<MuscleGroup> = plan
        .exercises
        .get(&p.exercise)
        .map(|e| {
            e.muscles
                .iter()
                .filter_map(|m| MuscleGroup::of(m))
                .collect()
        })
        .unwrap_or_default();
    groups.sort();
    groups.dedup();
    groups
}

fn prescription_load(plan: &Plan, p: &Prescription) -> Load {
    p.sets.iter().fold(Load::default(), |mut acc, g| {
        acc.add(Load {
            sets: g.sets,
            tonnage: f64::from(g.sets) * f64::from(reps_for_tonnage(g)) * rep_load(plan, p, g),
        });
        acc
    })
}

/// Reps counted towards tonnage: the bottom of a range, the minimum of an
/// AMRAP set, both sides of a per-side set; none for timed or distance work.
fn reps_for_tonnage(group: &SetGroup) -> u32 {
    let reps = match group.reps {
        Reps::Exactly { reps } | Reps::AtLeast { reps } => reps,
        Reps::Range { low, .. } => low,
        Reps::Timed { .. } | Reps::Distance { .. } => 0,
    };
    if group.per_side { reps * 2 } else { reps }
}

/// The load of one rep in the athlete's unit: the mass; for bodyweight
/// work (`@bw+10kg`, or a bodyweight exercise without a mass) the declared
/// bodyweight plus what is added, or only what is added when no bodyweight
/// is declared; nothing for effort-based loads on other exercises. Jumps
/// and drills count only what is added: their volume is contacts, not
/// load.
fn rep_load(plan: &Plan, p: &Prescription, group: &SetGroup) -> f64 {
    let to = plan.athlete.units;
    let body = if lifts_body(plan, p) {
        plan.athlete.bodyweight.unwrap_or(0.0)
    } else {
        0.0
    };
    match &group.load {
        Some(LoadValue::Mass { value, unit, .. }) => unit.convert(*value, to),
        Some(LoadValue::Bodyweight { added, unit }) => (body + unit.convert(*added, to)).max(0.0),
        _ if is_bodyweight_exercise(plan, p) => body,
        _ => 0.0,
    }
}

/// Whether `p` is strength work that moves the body (not a jump, drill or
/// mobility exercise), so that a bodyweight load counts in its tonnage.
fn lifts_body(plan: &Plan, p: &Prescription) -> bool {
    plan.exercises
        .get(&p.exercise)
        .is_none_or(|e| e.is_strength() && !e.is_plyometric())
}

/// Whether `p`'s catalogue entry is a bodyweight exercise.
fn is_bodyweight_exercise(plan: &Plan, p: &Prescription) -> bool {
    plan.exercises
        .get(&p.exercise)
        .is_some_and(|e| e.equipment == "bodyweight")
}

/// Whether any set of `weeks` lifts the body (`@bw...`, or a bodyweight
/// exercise without a mass) for reps: whose tonnage depends on whether a
/// bodyweight is declared.
pub fn has_bodyweight_reps(plan: &Plan, weeks: &[&Week]) -> bool {
    weeks
        .iter()
        .flat_map(|w| &w.sessions)
        .flat_map(|s| &s.exercises)
        .filter(|p| lifts_body(plan, p))
        .any(|p| {
            p.sets.iter().any(|g| {
                reps_for_tonnage(g) > 0
                    && match &g.load {
                        Some(LoadValue::Bodyweight { .. }) => true,
                        Some(LoadValue::Mass { .. }) => false,
                        _ => is_bodyweight_exercise(plan, p),
                    }
            })
        })
}

/// The lifts whose top loads the charts follow: those with a `max` the plan
/// loads by percentage, else up to three compound lifts with the heaviest
/// loads. In order of first appearance.
pub fn main_lifts(plan: &Plan) -> Vec<String> {
    let mut peak: Vec<(String, f64)> = Vec::new();
    for p in plan.sessions().flat_map(|s| &s.exercises) {
        let Some(top) = top_load(plan, p) else {
            continue;
        };
        match peak.iter_mut().find(|(id, _)| *id == p.exercise) {
            Some((_, best)) => *best = best.max(top),
            None => peak.push((p.exercise.clone(), top)),
        }
    }
    let with_max: Vec<String> = peak
        .iter()
        .filter(|(id, _)| plan.athlete.maxes.contains_key(id))
        .map(|(id, _)| id.clone())
        .collect();
    if !with_max.is_empty() {
        return with_max;
    }
    let mut compound: Vec<(usize, &String, f64)> = peak
        .iter()
        .enumerate()
        .filter(|(_, (id, _))| plan.exercises.get(id).is_some_and(|e| e.compound))
        .map(|(i, (id, top))| (i, id, *top))
        .collect();
    compound.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
    compound.truncate(3);
    compound.sort_by_key(|c| c.0);
    compound.into_iter().map(|(_, id, _)| id.clone()).collect()
}

/// The heaviest mass of a prescription, in the athlete's unit.
fn top_load(plan: &Plan, p: &Prescription) -> Option<f64> {
    let to = plan.athlete.units;
    p.sets
        .iter()
        .filter_map(|g| match &g.load {
            Some(LoadValue::Mass { value, unit, .. }) => Some(unit.convert(*value, to)),
            _ => None,
        })
        .reduce(f64::max)
}

/// A main lift as the intensity charts draw it: its display name and its
/// top load in each week that has it (week number, load in the athlete's
/// unit).
pub struct LiftSeries {
    pub name: String,
    pub points: Vec<(u32, f64)>,
}

/// The series of every [`main_lifts`] lift over `weeks`, leaving out lifts
/// these weeks never load.
pub fn main_lift_series(plan: &Plan, weeks: &[&Week]) -> Vec<LiftSeries> {
    main_lifts(plan)
        .into_iter()
        .filter_map(|lift| {
            let points: Vec<(u32, f64)> = weeks
                .iter()
                .filter_map(|w| week_top_load(plan, w, &lift).map(|l| (w.number, l)))
                .collect();
            if points.is_empty() {
                return None;
            }
            let name = plan
                .exercises
                .get(&lift)
                .map_or(lift.clone(), |e| e.name.clone());
            Some(LiftSeries { name, points })
        })
        .collect()
}

/// The top load of `exercise` in `week`, if the week has it.
pub fn week_top_load(plan: &Plan, week: &Week, exercise: &str) -> Option<f64> {
    week.sessions
        .iter()
        .flat_map(|s| &s.exercises)
        .filter(|p| p.exercise == exercise)
        .filter_map(|p| top_load(plan, p))
        .reduce(f64::max)
}
