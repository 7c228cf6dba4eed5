//! Valid plans of any size, for benchmarks, property tests and fuzz seeds.
//!
//! Deterministic: the same [`Shape`] always gives the same text. The plans
//! use only catalogue exercises and valid combinations of sets, loads and
//! progressions, so they compile without errors (checker warnings aside).

use std::fmt::Write as _;

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    pub weeks: u32,
    /// Strength sessions a week, one a day (at most 7).
    pub sessions_per_week: u32,
    pub exercises_per_session: u32,
    /// Weeks per block (the last block takes what is left).
    pub block_weeks: u32,
    pub seed: u64,
}

impl Shape {
    /// A plan like the reference half-marathon plan: 14 weeks, three
    /// sessions of five or six exercises.
    pub fn typical(seed: u64) -> Shape {
        Shape {
            weeks: 12 + (seed % 5) as u32,
            sessions_per_week: 2 + (seed % 2) as u32,
            exercises_per_session: 5 + (seed % 3) as u32,
            block_weeks: 6,
            seed,
        }
    }

    /// The large plan of the benchmarks: 52 weeks, six sessions a week,
    /// eight exercises each.
    pub fn large() -> Shape {
        Shape {
            weeks: 52,
            sessions_per_week: 6,
            exercises_per_session: 8,
            block_weeks: 8,
            seed: 52,
        }
    }
}

/// A small deterministic generator (SplitMix64): no dependency, same
/// numbers on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// How an exercise is loaded, which decides its valid prescriptions.
#[derive(Clone, Copy)]
enum Kind {
    /// Barbell lift with a max: `%` loads, single or wave progression.
    Barbell,
    /// Dumbbell or kettlebell: kg loads, double progression over a range.
    Dumbbell,
    /// Bodyweight reps: rep progression.
    Bodyweight,
    /// Timed core holds.
    Timed,
    /// Plyometrics: reps only.
    Plyo,
}

const EXERCISES: &[(&str, Kind)] = &[
    ("back-squat", Kind::Barbell),
    ("trap-bar-deadlift", Kind::Barbell),
    ("bench-press", Kind::Barbell),
    ("front-squat", Kind::Barbell),
    ("romanian-deadlift", Kind::Barbell),
    ("bent-over-row", Kind::Barbell),
    ("overhead-press", Kind::Barbell),
    ("hip-thrust", Kind::Barbell),
    ("goblet-squat", Kind::Dumbbell),
    ("bulgarian-split-squat", Kind::Dumbbell),
    ("step-up", Kind::Dumbbell),
    ("reverse-lunge", Kind::Dumbbell),
    ("single-leg-romanian-deadlift", Kind::Dumbbell),
    ("dumbbell-row", Kind::Dumbbell),
    ("calf-raise", Kind::Dumbbell),
    ("soleus-raise", Kind::Dumbbell),
    ("push-up", Kind::Bodyweight),
    ("pull-up", Kind::Bodyweight),
    ("nordic-curl", Kind::Bodyweight),
    ("glute-bridge", Kind::Bodyweight),
    ("plank", Kind::Timed),
    ("side-plank", Kind::Timed),
    ("dead-bug", Kind::Bodyweight),
    ("pogo-hop", Kind::Plyo),
    ("box-jump", Kind::Plyo),
    ("bounding", Kind::Plyo),
];

const MAXES: &[(&str, u32)] = &[
    ("back-squat", 100),
    ("trap-bar-deadlift", 120),
    ("bench-press", 60),
    ("front-squat", 80),
    ("romanian-deadlift", 90),
    ("bent-over-row", 60),
    ("overhead-press", 40),
    ("hip-thrust", 110),
];

const SESSION_DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// The plan text for `shape`, in the language of version 1 (benchmarks
/// compare against it, so it does not change).
pub fn plan(shape: &Shape) -> String {
    render(shape, false)
}

/// The plan text for `shape` with version 2 constructs mixed in, the seed
/// choosing where: efforts beside loads and ranges, `tempo`, `or`
/// alternatives, a `superset` and a `circuit`, `optional` and `mobility`
/// sessions, time progressions, `runs weeks`, run distances, a race
/// duration and `age`. Compiles without errors, like [`plan`].
pub fn plan_v2(shape: &Shape) -> String {
    render(shape, true)
}

fn render(shape: &Shape, v2: bool) -> String {
    let mut rng = Rng(shape.seed);
    let mut out = String::new();
    let weeks = shape.weeks.max(1);
    let _ = writeln!(out, "# Generated plan (seed {}).", shape.seed);
    let _ = writeln!(out, "plan \"Generated {}\"", shape.seed);
    let _ = writeln!(out, "start 2027-01-04");
    let _ = writeln!(
        out,
        "timezone \"{}\"",
        rng.pick(&["Europe/London", "America/New_York", "UTC"])
    );
    let _ = writeln!(out);
    let _ = writeln!(out, "athlete {{");
    let _ = writeln!(
        out,
        "  level {}",
        rng.pick(&["beginner", "intermediate", "advanced"])
    );
    let _ = writeln!(out, "  units kg");
    if v2 {
        let _ = writeln!(out, "  age {}", 20 + rng.below(50));
    }
    let _ = writeln!(out, "  bodyweight 70kg");
    for (exercise, max) in MAXES {
        let _ = writeln!(out, "  max {exercise} {max}kg");
    }
    let _ = writeln!(out, "}}");
    let _ = writeln!(out);
    // Runs in the morning, lifting in the evening: never overlapping.
    let _ = writeln!(out, "runs {{");
    let _ = writeln!(out, "  tue 07:00 60min hard \"Intervals\"");
    let _ = writeln!(out, "  thu 07:00 45min easy");
    if v2 {
        let _ = writeln!(out, "  sat 08:00 100min 18km hard \"Long run\"");
    } else {
        let _ = writeln!(out, "  sat 08:00 100min hard \"Long run\"");
    }
    let _ = writeln!(out, "}}");
    let _ = writeln!(out);
    if v2 && weeks >= 2 {
        // A longer long run in the second half.
        let from = weeks / 2 + 1;
        let _ = writeln!(out, "runs weeks {from}-{weeks} {{");
        let _ = writeln!(out, "  tue 07:00 60min hard \"Intervals\"");
        let _ = writeln!(out, "  sat 08:00 2h 22km easy \"Long run\"");
        let _ = writeln!(out, "}}");
        let _ = writeln!(out);
    }
    if v2 && rng.below(2) == 0 {
        let _ = writeln!(
            out,
            "race \"Goal race\" {} 09:00 1h{}min",
            race_date(weeks),
            30 + rng.below(30)
        );
        let _ = writeln!(out);
    }
    let _ = writeln!(out, "deload every {} weeks", 4 + rng.below(3));
    let mut first = 1;
    let mut block = 1;
    while first <= weeks {
        let last = (first + shape.block_weeks.max(1) - 1).min(weeks);
        let _ = writeln!(out);
        let _ = writeln!(out, "block \"Block {block}\" weeks {first}-{last} {{");
        let sessions = shape.sessions_per_week.clamp(1, 7) as usize;
        for s in 0..sessions {
            // Spread the sessions over the week.
            let day = SESSION_DAYS[s * 7 / sessions];
            if s > 0 {
                let _ = writeln!(out);
            }
            let _ = writeln!(out, "  session \"Session {}\" {day} 18:00 50min {{", s + 1);
            let _ = writeln!(out, "    warmup 10min");
            for e in 0..shape.exercises_per_session {
                let (exercise, kind) =
                    EXERCISES[(rng.below(EXERCISES.len()) + e as usize) % EXERCISES.len()];
                if v2 {
                    v2_line(&mut out, &mut rng, exercise, kind);
                } else {
                    let _ = writeln!(out, "    {}", exercise_line(&mut rng, exercise, kind));
                }
            }
            if v2 {
                v2_groups(&mut out, &mut rng);
            }
            let _ = writeln!(out, "  }}");
        }
        if v2 && sessions < 7 {
            // An untimed mobility or optional session on the free day
            // after the last one.
            let day = SESSION_DAYS[((sessions - 1) * 7 / sessions + 1).min(6)];
            let _ = writeln!(out);
            if rng.below(2) == 0 {
                let _ = writeln!(out, "  session \"Mobility\" {day} mobility {{");
                let _ = writeln!(out, "    hip-flexor-stretch  2x30s/side");
                let _ = writeln!(out, "    leg-swing           2x10/side");
            } else {
                let _ = writeln!(out, "  session \"Extra\" {day} optional {{");
                let _ = writeln!(out, "    split-squat  3x8/side @RPE7-8");
            }
            let _ = writeln!(out, "  }}");
        }
        let _ = writeln!(out, "}}");
        first = last + 1;
        block += 1;
    }
    out
}

fn exercise_line(rng: &mut Rng, exercise: &str, kind: Kind) -> String {
    match kind {
        Kind::Barbell => {
            if rng.below(2) == 0 {
                let percent = rng.pick(&[65, 70, 75, 80]);
                let step = rng.pick(&["2.5", "5"]);
                format!("{exercise} 4x5 @{percent}% rest 3min progress +{step}kg/week")
            } else {
                format!("{exercise} 4x6 @75% rest 3min progress wave 6/5/4 +2.5kg")
            }
        }
        Kind::Dumbbell => {
            let load = rng.pick(&[10, 12, 16, 20, 24]);
            let side = if rng.below(2) == 0 { "/side" } else { "" };
            format!("{exercise} 3x8-12{side} @{load}kg rest 90s progress double +2kg")
        }
        Kind::Bodyweight => {
            let reps = rng.pick(&[5, 8, 10]);
            format!("{exercise} 3x{reps} @bw rest 90s progress reps +1/2weeks")
        }
        Kind::Timed => format!("{exercise} 3x{}s", rng.pick(&[20, 30, 45])),
        Kind::Plyo => format!("{exercise} 3x{} rest 2min", rng.pick(&[5, 8, 10])),
    }
}

/// An exercise line with version 2 touches: a range, an effort beside the
/// load, a tempo, and sometimes an `or` alternative below it.
fn v2_line(out: &mut String, rng: &mut Rng, exercise: &str, kind: Kind) {
    let line = match (kind, rng.below(3)) {
        (Kind::Barbell, 0) => format!("{exercise} 4x5 @70-75% rest 3min tempo 3-1-1"),
        (Kind::Barbell, 1) => {
            format!("{exercise} 4x5 @75% RPE8 rest 3min progress +2.5kg/week tempo 2-0-x")
        }
        (Kind::Dumbbell, 0) => format!("{exercise} 3x10 @12-16kg RIR2-3 rest 90s"),
        (Kind::Bodyweight, 0) => format!("{exercise} 3x8 @RIR2-3 rest 90s"),
        (Kind::Timed, 0) => format!("{exercise} 3x30s progress time +5s/week"),
        _ => exercise_line(rng, exercise, kind),
    };
    let _ = writeln!(out, "    {line}");
    if rng.below(4) == 0 {
        let alternative = match kind {
            Kind::Barbell | Kind::Dumbbell => "goblet-squat 3x10 @16kg",
            Kind::Bodyweight => "dead-bug 3x8/side",
            Kind::Timed => "side-plank 3x20s/side",
            Kind::Plyo => "pogo-hop 3x10",
        };
        let _ = writeln!(out, "    or {alternative}");
    }
}

/// A `superset` and a `circuit`, each on half the sessions.
fn v2_groups(out: &mut String, rng: &mut Rng) {
    if rng.below(2) == 0 {
        let _ = writeln!(out, "    superset rest 90s {{");
        let _ = writeln!(out, "      push-up       3x10 @bw  progress reps +1/2weeks");
        let _ = writeln!(out, "      dumbbell-row  3x10/side @16kg");
        let _ = writeln!(out, "    }}");
    }
    if rng.below(2) == 0 {
        let _ = writeln!(out, "    circuit 2 rounds work 40s rest 60s between 20s {{");
        let _ = writeln!(out, "      goblet-squat  @12kg");
        let _ = writeln!(out, "      dead-bug      8  progress reps +1/2weeks");
        let _ = writeln!(out, "      plank         30s  progress time +5s/week");
        let _ = writeln!(out, "    }}");
    }
}

/// The Sunday of the plan's last week (week 1 holds 2027-01-04, a Monday).
fn race_date(weeks: u32) -> String {
    let sunday = jiff::civil::date(2027, 1, 10)
        .checked_add(jiff::Span::new().weeks(i64::from(weeks) - 1))
        .unwrap_or(jiff::civil::date(2027, 1, 10));
    sunday.to_string()
}

/// `count` typical plans with version 2 constructs, one per seed from
/// `first_seed`.
pub fn corpus_v2(first_seed: u64, count: usize) -> Vec<String> {
    (0..count as u64)
        .map(|i| plan_v2(&Shape::typical(first_seed + i)))
        .collect()
}

/// `count` typical plans, one per seed from `first_seed`.
pub fn corpus(first_seed: u64, count: usize) -> Vec<String> {
    (0..count as u64)
        .map(|i| plan(&Shape::typical(first_seed + i)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_plans_compile_without_errors() {
        for text in corpus(0, 40).iter().chain([&plan(&Shape::large())]) {
            let compiled = crate::compile(text);
            assert!(
                !compiled.has_errors(),
                "{text}\n{:#?}",
                compiled.diagnostics
            );
        }
    }

    #[test]
    fn generated_v2_plans_compile_without_errors_and_use_v2() {
        let plans = corpus_v2(0, 40);
        for text in &plans {
            let compiled = crate::compile(text);
            assert!(
                !compiled.has_errors(),
                "{text}\n{:#?}",
                compiled.diagnostics
            );
        }
        for construct in [
            "superset",
            "circuit",
            " or ",
            "tempo",
            "RIR2-3",
            "@70-75%",
            "optional",
            "mobility",
            "progress time",
            "runs weeks",
            "18km",
            "age ",
            "race ",
        ] {
            assert!(
                plans.iter().any(|p| p.contains(construct)),
                "no generated plan has `{construct}`"
            );
        }
    }

    #[test]
    fn generation_is_deterministic() {
        assert_eq!(plan(&Shape::typical(7)), plan(&Shape::typical(7)));
        assert_ne!(plan(&Shape::typical(7)), plan(&Shape::typical(8)));
    }

    #[test]
    fn the_large_plan_has_the_promised_shape() {
        let compiled = crate::compile(&plan(&Shape::large()));
        let plan = compiled.plan.expect("plan");
        assert_eq!(plan.weeks.len(), 52);
        assert!(plan.weeks.iter().all(|w| w.sessions.len() == 6));
        assert!(plan.sessions().all(|s| s.exercises.len() == 8));
    }
}
