//! What a prescription's sets ask for: reps, share of 1RM, load, failure.

use crate::ast::Reps;
use crate::catalogue::Stress;
use crate::plan::{LoadValue, Prescription, SetGroup};

/// A set at or above this share of 1RM is heavy (the "high-load" category
/// of Llanos-Lagos 2024; ACSM's heavy 1-6RM range).
pub const HEAVY_PERCENT: f64 = 80.0;

/// Sets of a main lift with an external load and at most this many reps
/// count as heavy when the plan gives no percentage or effort (the
/// rest.heavy-sets row): the heavier reading, for safety.
pub const HEAVY_REPS: u32 = 6;

/// Whether sets of an exercise of this class can be heavy at all: only
/// multi-joint lifts. Isolation, trunk and plyometric work never is.
pub fn can_be_heavy(stress: Stress) -> bool {
    matches!(stress, Stress::Main | Stress::Accessory)
}

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
    /// The exercise is a lift whose sets can be heavy ([`can_be_heavy`]).
    const LIFT: u8 = 16;

    /// The sets of `p`, an exercise of class `stress`.
    pub(crate) fn of(p: &Prescription, stress: Stress) -> SetFacts {
        let lift = can_be_heavy(stress);
        let main = stress == Stress::Main;
        let mut top_percent = f64::NAN;
        let mut light_reps: Option<u32> = None;
        let mut flags = if p.sets.is_empty() {
            0
        } else {
            Self::TO_FAILURE
        };
        if lift {
            flags |= Self::LIFT;
        }
        for g in &p.sets {
            let percent = percent_1rm(g);
            let external = has_external_load(g);
            let heavy = match percent {
                Some(p) => {
                    top_percent = top_percent.max(p);
                    lift && p + 1e-6 >= HEAVY_PERCENT
                }
                None => {
                    let heavy =
                        main && external && reps_high(&g.reps).is_some_and(|r| r <= HEAVY_REPS);
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
        self.flags & Self::LIFT != 0
            && (self.top_percent + 1e-6 >= threshold || self.flags & Self::HEAVY_REPS != 0)
    }

    /// The highest share of 1RM a set says or implies, in percent.
    pub fn top_percent(&self) -> Option<f64> {
        (!self.top_percent.is_nan()).then_some(self.top_percent)
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

/// The RPE chart's RPE 10 column (Tuchscherer's reps-at-%1RM table, as used
/// with Zourdos et al. 2016's RIR-based RPE scale and by Helms et al.):
/// `RPE_CHART[r - 1]` is the share of 1RM a lifter can lift `r` times at
/// most. RPE 9 at `r` reps is RPE 10 at `r + 1`, and so on.
pub const RPE_CHART: [f64; 12] = [
    100.0, 95.5, 92.2, 89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 70.7, 68.0,
];

/// The share of 1RM (in percent) a lifter can lift `reps_to_failure` times
/// at most, from [`RPE_CHART`] (linear between whole reps; beyond 12 reps,
/// the chart's last value scaled as Epley's formula falls).
pub fn chart_percent(reps_to_failure: f64) -> f64 {
    let r = reps_to_failure.max(1.0);
    let last = RPE_CHART.len() as f64;
    if r >= last {
        return RPE_CHART[RPE_CHART.len() - 1] * epley_percent(r) / epley_percent(last);
    }
    let below = r.floor();
    let i = below as usize - 1;
    let (a, b) = (RPE_CHART[i], RPE_CHART[(i + 1).min(RPE_CHART.len() - 1)]);
    a + (b - a) * (r - below)
}

/// The set's share of 1RM in percent, when the plan says or implies it:
/// a `%` load, or reps with an RPE or RIR (as the load or beside it,
/// `@80kg RPE8`). Of a range (`@70-75%`, `@RPE7-8`) this is the heavier
/// end: what safety rules judge (too heavy, too close to a run or race).
pub fn percent_1rm(g: &SetGroup) -> Option<f64> {
    percent_at(g, g.heavier_load(), End::Heavier)
}

/// The set's share of 1RM at the lighter end of a range: what dose rules
/// count (enough heavy work).
pub fn dose_percent_1rm(g: &SetGroup) -> Option<f64> {
    percent_at(g, g.lighter_load(), End::Lighter)
}

#[derive(Clone, Copy)]
enum End {
    Heavier,
    Lighter,
}

fn percent_at(g: &SetGroup, load: Option<&LoadValue>, end: End) -> Option<f64> {
    let from_reps = |rir: f64| {
        let reps = reps_low(&g.reps)?;
        Some(chart_percent(f64::from(reps) + rir.max(0.0)))
    };
    match load {
        Some(LoadValue::Mass {
            percent_1rm: Some(p),
            ..
        }) => Some(p * 100.0),
        Some(load @ (LoadValue::Rpe { .. } | LoadValue::Rir { .. })) => {
            from_reps(load.reps_in_reserve()?)
        }
        // An effort beside a load (`@80kg RPE8`) says how heavy it is.
        _ => {
            let e = g.effort?;
            let (a, b) = match e.scale {
                crate::ast::EffortScale::Rpe => (10.0 - e.low, 10.0 - e.high),
                crate::ast::EffortScale::Rir => (e.low, e.high),
            };
            from_reps(match end {
                End::Heavier => a.min(b),
                End::Lighter => a.max(b),
            })
        }
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

/// A heavy set of an exercise of class `stress`: a multi-joint lift at
/// least `threshold`% of 1RM when the plan says or implies it; otherwise a
/// main lift with an external load for at most six reps.
pub fn is_heavy(g: &SetGroup, stress: Stress, threshold: f64) -> bool {
    if !can_be_heavy(stress) {
        return false;
    }
    if let Some(p) = percent_1rm(g) {
        return p + 1e-6 >= threshold;
    }
    stress == Stress::Main
        && has_external_load(g)
        && reps_high(&g.reps).is_some_and(|r| r <= HEAVY_REPS)
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
            load_to: None,
            effort: None,
        };
        let pct = |p: f64| {
            Some(LoadValue::Mass {
                value: 80.0,
                unit: Unit::Kg,
                percent_1rm: Some(p),
            })
        };
        assert!(is_heavy(&set(5, pct(0.8)), Stress::Main, 80.0));
        assert!(!is_heavy(&set(5, pct(0.775)), Stress::Main, 80.0));
        let kg = Some(LoadValue::Mass {
            value: 60.0,
            unit: Unit::Kg,
            percent_1rm: None,
        });
        assert!(is_heavy(&set(5, kg.clone()), Stress::Main, 80.0));
        assert!(!is_heavy(&set(8, kg), Stress::Main, 80.0));
        assert!(is_heavy(
            &set(5, Some(LoadValue::Rir { rir: 2.0 })),
            Stress::Main,
            80.0
        ));
        assert!(!is_heavy(
            &set(6, Some(LoadValue::Rir { rir: 2.0 })),
            Stress::Main,
            80.0
        ));
        assert!(!is_heavy(&set(5, None), Stress::Main, 80.0));
        // A plain load at few reps is heavy for a main lift only; a known
        // intensity makes any multi-joint lift heavy, never an isolation one.
        let kg10 = Some(LoadValue::Mass {
            value: 10.0,
            unit: Unit::Kg,
            percent_1rm: None,
        });
        assert!(!is_heavy(&set(6, kg10.clone()), Stress::Accessory, 80.0));
        assert!(!is_heavy(&set(6, kg10), Stress::Isolation, 80.0));
        assert!(is_heavy(&set(5, pct(0.85)), Stress::Accessory, 80.0));
        assert!(!is_heavy(&set(5, pct(0.85)), Stress::Isolation, 80.0));
    }

    #[test]
    fn the_rpe_chart() {
        assert!((chart_percent(5.0) - 86.3).abs() < 1e-9);
        assert!((chart_percent(1.0) - 100.0).abs() < 1e-9);
        assert!((chart_percent(5.5) - 85.0).abs() < 1e-9);
        assert!(chart_percent(20.0) < chart_percent(12.0));
        // RPE 8 for 4 reps: 6 reps to failure.
        let g = SetGroup {
            sets: 3,
            reps: Reps::Exactly { reps: 4 },
            per_side: false,
            load: Some(LoadValue::Rpe { rpe: 8.0 }),
            load_to: None,
            effort: None,
        };
        assert!((percent_1rm(&g).unwrap_or(0.0) - 83.7).abs() < 1e-9);
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
                    load_to: None,
                    effort: None,
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
            tempo: None,
            group: None,
            form: Default::default(),
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
                let stress = [Stress::Main, Stress::Accessory, Stress::Isolation][size % 3];
                let f = SetFacts::of(&p, stress);
                for t in [60.0, 70.0, 79.9, 80.0, 85.0, 100.0] {
                    assert_eq!(
                        f.heavy(t),
                        sets.iter().any(|g| is_heavy(g, stress, t)),
                        "{sets:?} at {t}"
                    );
                }
                let light = sets
                    .iter()
                    .filter(|g| !is_heavy(g, stress, HEAVY_PERCENT))
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
