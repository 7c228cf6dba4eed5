//! Shared by the `rest.*` rules: which band a set falls in.

use crate::catalogue::Stress;
use crate::check::facts::{HEAVY_PERCENT, is_heavy, reps_low};
use crate::plan::SetGroup;

/// The reps of a set of an exercise of class `stress` that is not heavy
/// ([`is_heavy`]), if it is counted in reps.
pub fn light_reps(g: &SetGroup, stress: Stress) -> Option<u32> {
    if is_heavy(g, stress, HEAVY_PERCENT) {
        None
    } else {
        reps_low(&g.reps)
    }
}
