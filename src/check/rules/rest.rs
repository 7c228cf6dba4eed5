//! Shared by the `rest.*` rules: which band a set falls in.

use crate::check::facts::{HEAVY_PERCENT, is_heavy, reps_low};
use crate::plan::SetGroup;

/// A heavy set (at least 80% 1RM, or an external load for at most 6 reps).
pub fn heavy(g: &SetGroup) -> bool {
    is_heavy(g, HEAVY_PERCENT)
}

/// The reps of a set that is not heavy, if it is counted in reps.
pub fn light_reps(g: &SetGroup) -> Option<u32> {
    if heavy(g) { None } else { reps_low(&g.reps) }
}
