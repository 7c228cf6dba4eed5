//! One file per rule. Each file's `check` reports the plan's findings
//! into a `Findings`, and does nothing else; its documentation (summary, rationale, evidence,
//! examples) is the rule's entry in `rules/*.yaml`.

use super::RuleFn;

mod deload_interval;
mod deload_not_cessation;
mod effort_proximity_to_failure;
mod frequency_in_season_maintenance;
mod frequency_minimum_dose;
mod frequency_weekly_sessions;
mod load_above_max;
mod load_heavy_intensity;
mod load_novice_range;
mod plyo_contacts_per_session;
mod plyo_dose_and_pairing;
mod plyo_novice_intensity;
mod progression;
mod progression_load_increment;
mod progression_static_plan;
mod progression_trigger;
mod recovery_same_muscle;
mod rest;
mod rest_endurance_sets;
mod rest_heavy_sets;
mod rest_moderate_sets;
mod schedule_heavy_before_key_run;
mod schedule_profile;
mod schedule_race_day;
mod schedule_same_session;
mod schedule_spacing;
mod selection;
mod selection_knee_hip_extensors;
mod selection_plantarflexors;
mod selection_unilateral;
mod selection_upper_body;
mod session_duration;
mod taper_last_heavy_session;
mod taper_no_novel_exercise;
mod taper_strength_volume;
mod volume_exercises_per_session;
mod volume_sets_reps_strength;

#[cfg(test)]
mod tests;

/// Every rule with its code, by name. The `unused-suppression` rule is
/// not here: it reports on comments, not on the plan (see `suppress`).
pub const ALL: &[(&str, RuleFn)] = &[
    (
        "frequency.weekly-sessions",
        frequency_weekly_sessions::check,
    ),
    (
        "frequency.in-season-maintenance",
        frequency_in_season_maintenance::check,
    ),
    ("frequency.minimum-dose", frequency_minimum_dose::check),
    ("load.heavy-intensity", load_heavy_intensity::check),
    ("load.novice-range", load_novice_range::check),
    ("load.above-max", load_above_max::check),
    (
        "volume.sets-reps-strength",
        volume_sets_reps_strength::check,
    ),
    (
        "volume.exercises-per-session",
        volume_exercises_per_session::check,
    ),
    (
        "effort.proximity-to-failure",
        effort_proximity_to_failure::check,
    ),
    ("rest.heavy-sets", rest_heavy_sets::check),
    ("rest.moderate-sets", rest_moderate_sets::check),
    ("rest.endurance-sets", rest_endurance_sets::check),
    (
        "progression.load-increment",
        progression_load_increment::check,
    ),
    ("progression.trigger", progression_trigger::check),
    ("progression.static-plan", progression_static_plan::check),
    ("deload.interval", deload_interval::check),
    ("deload.not-cessation", deload_not_cessation::check),
    ("schedule.same-session", schedule_same_session::check),
    (
        "schedule.heavy-before-key-run",
        schedule_heavy_before_key_run::check,
    ),
    ("schedule.profile", schedule_profile::check),
    ("schedule.race-day", schedule_race_day::check),
    ("schedule.spacing", schedule_spacing::check),
    ("recovery.same-muscle", recovery_same_muscle::check),
    (
        "plyo.contacts-per-session",
        plyo_contacts_per_session::check,
    ),
    ("plyo.dose-and-pairing", plyo_dose_and_pairing::check),
    ("plyo.novice-intensity", plyo_novice_intensity::check),
    ("taper.strength-volume", taper_strength_volume::check),
    ("taper.last-heavy-session", taper_last_heavy_session::check),
    ("taper.no-novel-exercise", taper_no_novel_exercise::check),
    ("selection.plantarflexors", selection_plantarflexors::check),
    (
        "selection.knee-hip-extensors",
        selection_knee_hip_extensors::check,
    ),
    ("selection.unilateral", selection_unilateral::check),
    ("selection.upper-body", selection_upper_body::check),
    ("session.duration", session_duration::check),
];
