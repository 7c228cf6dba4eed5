//! What a prescription's sets ask for: reps, share of 1RM, load, failure.

use crate::ast::Reps;
use crate::plan::{LoadValue, Prescription, SetGroup};

/// A set at or above this share of 1RM is heavy (the "high-load" category
/// of Llanos-Lagos 2024; ACSM's heavy 1-6RM range).
pub const HEAVY_PERCENT: f64 = 80.0;

/// Sets with an external load and at most this many reps count as heavy
/// when the plan gives no percentage or effort (the rest.heavy-sets row).
pub const HEAVY_REPS: u32 = 6;

/// What the sets of one prescription add up to, in one walk over them
/// ([`Line::set_facts`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SetFacts {
    /// The highest share of 1RM a set says or implies ([`percent_1rm`]);
    /// NaN when none does.
    top_percent: f64,
    /// The most reps of a set that is not heavy ([`reps_low`] of it), if
    /// `LIGHT_REPS`.
    light_reps: u32,
    flags: u8,
}

impl SetFacts {
    /// Some set with no known share of 1RM has an external load for at
    /// most [`HEAVY_REPS`] reps.
    const HEAVY_REPS: u8 = 1;
    /// Some set has an external load or a known share of 1RM.
    const LOADED: u8 = 2;
    /// It has sets, every one to failure.
    const TO_FAILURE: u8 = 4;
    /// Some set that is not heavy is counted in reps.
    const LIGHT_REPS: u8 = 8;

    pub(crate) fn of(p: &Prescription) -> SetFacts {
        let mut top_percent = f64::NAN;
        let mut light_reps: Option<u32> = None;
        let mut flags = if p.sets.is_empty() {
            0
        } else {
            Self::TO_FAILURE
        };
        for g in &p.sets {
            let percent = percent_1rm(g);
            let external = has_external_load(g);
            let heavy = match percent {
                Some(p) => {
                    top_percent = top_percent.max(p);
                    p + 1e-6 >= HEAVY_PERCENT
                }
                None => {
                    let heavy = external && reps_high(&g.reps).is_some_and(|r| r <= HEAVY_REPS);
                    if heavy {
                        flags |= Self::HEAVY_REPS;
                    }
                    heavy
                }
            };
            if !heavy {
                light_reps = light_reps.max(reps_low(&g.reps));
            }
            if external || percent.is_some() {
                flags |= Self::LOADED;
            }
            if !is_to_failure(g) {
                flags &= !Self::TO_FAILURE;
            }
        }
        if light_reps.is_some() {
            flags |= Self::LIGHT_REPS;
        }
        SetFacts {
            top_percent,
            light_reps: light_reps.unwrap_or(0),
            flags,
        }
    }

    /// Some set is heavy at `threshold`% of 1RM ([`is_heavy`]).
    pub fn heavy(&self, threshold: f64) -> bool {
        self.top_percent + 1e-6 >= threshold || self.flags & Self::HEAVY_REPS != 0
    }

    /// Some set has an external load or a known share of 1RM.
    pub fn loaded(&self) -> bool {
        self.flags & Self::LOADED != 0
    }

    /// It has sets, every one to failure ([`is_to_failure`]).
    pub fn to_failure(self) -> bool {
        self.flags & Self::TO_FAILURE != 0
    }

    /// The most reps of a set that is not heavy at [`HEAVY_PERCENT`]
    /// ([`reps_low`] of it).
    pub fn light_reps(&self) -> Option<u32> {
        (self.flags & Self::LIGHT_REPS != 0).then_some(self.light_reps)
    }
}

/// The fewest reps a set asks for (`8-12` is 8), for counted sets.
pub fn reps_low(reps: &Reps) -> Option<u32> {
    match *reps {
        Reps::Exactly { reps } | Reps::AtLeast { reps } => Some(reps),
        Reps::Range { low, .. } => Some(low),
        Reps::Timed { .. } | Reps::Distance { .. } => None,
    }
}

/// The most reps a set asks for (`8-12` is 12).
pub fn reps_high(reps: &Reps) -> Option<u32> {
    match *reps {
        Reps::Exactly { reps } | Reps::AtLeast { reps } => Some(reps),
        Reps::Range { high, .. } => Some(high),
        Reps::Timed { .. } | Reps::Distance { .. } => None,
    }
}

/// Share of 1RM a load a lifter can do `reps` times at most amounts to
/// (Epley): 5 reps to failure is about 86%, 8 about 79%, 12 about 71%.
pub fn epley_percent(reps_to_failure: f64) -> f64 {
    100.0 / (1.0 + reps_to_failure / 30.0)
}

/// The set's share of 1RM in percent, when the plan says or implies it:
/// a `%` load, or reps with an RPE or RIR.
pub fn percent_1rm(g: &SetGroup) -> Option<f64> {
    match &g.load {
        Some(LoadValue::Mass {
            percent_1rm: Some(p),
            ..
        }) => Some(p * 100.0),
        Some(load @ (LoadValue::Rpe { .. } | LoadValue::Rir { .. })) => {
            let rir = load.reps_in_reserve()?.max(0.0);
            let reps = reps_low(&g.reps)?;
            Some(epley_percent(f64::from(reps) + rir))
        }
        _ => None,
    }
}

/// Whether the set carries an external load (`@80kg`, `@bw+10kg`).
pub fn has_external_load(g: &SetGroup) -> bool {
    match &g.load {
        Some(LoadValue::Mass { value, .. }) => *value > 0.0,
        Some(LoadValue::Bodyweight { added, .. }) => *added > 0.0,
        _ => false,
    }
}

/// A set to failure: `5+` reps, or RIR 0 (RPE 10).
pub fn is_to_failure(g: &SetGroup) -> bool {
    matches!(g.reps, Reps::AtLeast { .. })
        || g.load
            .as_ref()
            .and_then(|l| l.reps_in_reserve())
            .is_some_and(|rir| rir <= 0.0)
}

/// A heavy set: at least `threshold`% of 1RM when the plan says or implies
/// it; otherwise an external load for at most six reps.
pub fn is_heavy(g: &SetGroup, threshold: f64) -> bool {
    if let Some(p) = percent_1rm(g) {
        return p + 1e-6 >= threshold;
    }
    has_external_load(g) && reps_high(&g.reps).is_some_and(|r| r <= HEAVY_REPS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn epley_matches_the_usual_table() {
        assert!((epley_percent(5.0) - 85.7).abs() < 0.1);
        assert!((epley_percent(8.0) - 78.9).abs() < 0.1);
        assert!((epley_percent(12.0) - 71.4).abs() < 0.1);
    }

    #[test]
    fn heaviness() {
        use crate::plan::Unit;
        let set = |reps: u32, load: Option<LoadValue>| SetGroup {
            sets: 3,
            reps: Reps::Exactly { reps },
            per_side: false,
            load,
        };
        let pct = |p: f64| {
            Some(LoadValue::Mass {
                value: 80.0,
                unit: Unit::Kg,
                percent_1rm: Some(p),
            })
        };
        assert!(is_heavy(&set(5, pct(0.8)), 80.0));
        assert!(!is_heavy(&set(5, pct(0.775)), 80.0));
        let kg = Some(LoadValue::Mass {
            value: 60.0,
            unit: Unit::Kg,
            percent_1rm: None,
        });
        assert!(is_heavy(&set(5, kg.clone()), 80.0));
        assert!(!is_heavy(&set(8, kg), 80.0));
        assert!(is_heavy(&set(5, Some(LoadValue::Rir { rir: 2.0 })), 80.0));
        assert!(!is_heavy(&set(6, Some(LoadValue::Rir { rir: 2.0 })), 80.0));
        assert!(!is_heavy(&set(5, None), 80.0));
    }

    /// The summary of a prescription's sets answers as walking the sets
    /// does, for every kind of set and load.
    #[test]
    fn set_facts_agree_with_the_sets() {
        use crate::plan::{PrescribedLine, Unit};
        use crate::span::Span;
        let reps = [
            Reps::Exactly { reps: 5 },
            Reps::Exactly { reps: 8 },
            Reps::Range { low: 0, high: 6 },
            Reps::Range { low: 8, high: 12 },
            Reps::AtLeast { reps: 5 },
            Reps::Timed { seconds: 30 },
            Reps::Distance { meters: 20 },
        ];
        let loads = [
            None,
            Some(LoadValue::Mass {
                value: 80.0,
                unit: Unit::Kg,
                percent_1rm: Some(0.8),
            }),
            Some(LoadValue::Mass {
                value: 70.0,
                unit: Unit::Kg,
                percent_1rm: Some(0.7),
            }),
            Some(LoadValue::Mass {
                value: 40.0,
                unit: Unit::Lb,
                percent_1rm: None,
            }),
            Some(LoadValue::Bodyweight {
                added: 10.0,
                unit: Unit::Kg,
            }),
            Some(LoadValue::Bodyweight {
                added: 0.0,
                unit: Unit::Kg,
            }),
            Some(LoadValue::Rpe { rpe: 10.0 }),
            Some(LoadValue::Rir { rir: 2.0 }),
        ];
        let groups: Vec<SetGroup> = reps
            .iter()
            .flat_map(|r| {
                loads.iter().map(move |l| SetGroup {
                    sets: 3,
                    reps: *r,
                    per_side: false,
                    load: l.clone(),
                })
            })
            .collect();
        let line = Arc::new(PrescribedLine {
            exercise: "back-squat".to_string(),
            written: "back-squat".to_string(),
            rest_s: None,
            progression: None,
            note: None,
            span: Span::new(0, 1),
            progression_span: None,
        });
        let mut seed = 1u64;
        for size in 0..4 {
            for _ in 0..300 {
                let sets: Vec<SetGroup> = (0..size)
                    .map(|_| {
                        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                        groups[(seed >> 33) as usize % groups.len()].clone()
                    })
                    .collect();
                let p = Prescription {
                    line: Arc::clone(&line),
                    sets: sets.clone().into(),
                };
                let f = SetFacts::of(&p);
                for t in [60.0, 70.0, 79.9, 80.0, 85.0, 100.0] {
                    assert_eq!(
                        f.heavy(t),
                        sets.iter().any(|g| is_heavy(g, t)),
                        "{sets:?} at {t}"
                    );
                }
                let light = sets
                    .iter()
                    .filter(|g| !is_heavy(g, HEAVY_PERCENT))
                    .filter_map(|g| reps_low(&g.reps))
                    .max();
                assert_eq!(f.light_reps(), light, "{sets:?}");
                let failure = !sets.is_empty() && sets.iter().all(is_to_failure);
                assert_eq!(f.to_failure(), failure, "{sets:?}");
                let loaded = sets
                    .iter()
                    .any(|g| has_external_load(g) || percent_1rm(g).is_some());
                assert_eq!(f.loaded(), loaded, "{sets:?}");
            }
        }
    }
}
