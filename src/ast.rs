//! The typed syntax tree of a `.stride` file.
//!
//! Every node carries the byte span of the text it came from. The tree is
//! purely syntactic: numbers are parsed, but dates, times, zones, exercise
//! names and units are only checked for meaning when the plan is lowered.

use crate::span::{Span, Spanned};

/// A whole parsed file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct File {
    pub items: Vec<Item>,
    /// Every comment in the file, in source order (the formatter keeps them).
    pub comments: Vec<Comment>,
    /// The `# stride: allow(...)` comments, with the statement each covers.
    pub suppressions: Vec<Suppression>,
}

/// A `#` comment, without its line break.
#[derive(Debug, Clone, PartialEq)]
pub struct Comment {
    pub text: String,
    pub span: Span,
    /// True when code precedes the comment on its line.
    pub trailing: bool,
}

/// `# stride: allow(rule-a, rule-b) -- reason`.
#[derive(Debug, Clone, PartialEq)]
pub struct Suppression {
    pub rules: Vec<Spanned<String>>,
    pub reason: Option<String>,
    /// The comment itself.
    pub span: Span,
    /// The statement the comment covers: the one it trails or, standing
    /// alone, the one below it. `None` when nothing follows it.
    pub covers: Option<Span>,
}

/// A top-level statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub kind: ItemKind,
    /// The keyword that opens the statement (`plan`, `block`, ...).
    pub keyword: Span,
    /// The whole statement, braces included.
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ItemKind {
    Plan(Spanned<String>),
    Start(Spanned<DateLit>),
    Timezone(Spanned<String>),
    Race(Race),
    Athlete(Vec<AthleteItem>),
    Runs(Vec<RunLine>),
    /// `runs weeks A-B { ... }`: the running week of those weeks.
    WeekRuns(WeekRuns),
    Spacing(Vec<Constraint>),
    Deload(Deload),
    Taper(Taper),
    Exercise(ExerciseDef),
    Rules(Vec<RuleItem>),
    Block(Block),
}

impl ItemKind {
    /// The keyword as written, for messages.
    pub fn keyword(&self) -> &'static str {
        match self {
            ItemKind::Plan(_) => "plan",
            ItemKind::Start(_) => "start",
            ItemKind::Timezone(_) => "timezone",
            ItemKind::Race(_) => "race",
            ItemKind::Athlete(_) => "athlete",
            ItemKind::Runs(_) | ItemKind::WeekRuns(_) => "runs",
            ItemKind::Spacing(_) => "spacing",
            ItemKind::Deload(_) => "deload",
            ItemKind::Taper(_) => "taper",
            ItemKind::Exercise(_) => "exercise",
            ItemKind::Rules(_) => "rules",
            ItemKind::Block(_) => "block",
        }
    }
}

/// A calendar date as written; validity is checked when lowering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateLit {
    pub year: i16,
    pub month: i8,
    pub day: i8,
}

/// A time of day as written (`07:00`); validity is checked when lowering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeLit {
    pub hour: u8,
    pub minute: u8,
}

/// A duration in whole seconds (`90s`, `45min`, `1h30min`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Duration {
    pub seconds: u32,
}

impl Duration {
    pub fn minutes(self) -> f64 {
        f64::from(self.seconds) / 60.0
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Race {
    pub name: Spanned<String>,
    pub date: Spanned<DateLit>,
    pub time: Option<Spanned<TimeLit>>,
    /// The expected finishing time (`1h45min`).
    pub duration: Option<Spanned<Duration>>,
}

/// `runs weeks 9-12 { RUN* }`.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekRuns {
    pub first_week: Spanned<u32>,
    pub last_week: Spanned<u32>,
    /// The `weeks A-B` text.
    pub weeks_span: Span,
    pub runs: Vec<RunLine>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AthleteItem {
    pub kind: AthleteItemKind,
    pub keyword: Span,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum AthleteItemKind {
    /// `level beginner`; the word is checked when lowering.
    Level(Spanned<String>),
    /// `units kg`; the word is checked when lowering.
    Units(Spanned<String>),
    Bodyweight(Spanned<Mass>),
    Max {
        exercise: Spanned<String>,
        load: Spanned<Mass>,
    },
    Round(Spanned<Mass>),
    /// `age 52`, in years.
    Age(Spanned<u32>),
}

/// A number with a unit word (`80kg`, `175lb`); the unit is checked when
/// lowering so that `80kgs` gets a helpful message instead of a parse error.
#[derive(Debug, Clone, PartialEq)]
pub struct Mass {
    pub value: f64,
    pub unit: Spanned<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    pub const ALL: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];

    /// Days since Monday.
    pub fn index(self) -> u8 {
        self as u8
    }

    pub fn keyword(self) -> &'static str {
        ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][self as usize]
    }

    pub fn from_keyword(word: &str) -> Option<Weekday> {
        Weekday::ALL.into_iter().find(|d| d.keyword() == word)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Intensity {
    Easy,
    Moderate,
    Hard,
}

impl Intensity {
    pub fn keyword(self) -> &'static str {
        match self {
            Intensity::Easy => "easy",
            Intensity::Moderate => "moderate",
            Intensity::Hard => "hard",
        }
    }
}

/// `tue 07:00 60min hard "Intervals"`.
#[derive(Debug, Clone, PartialEq)]
pub struct RunLine {
    pub day: Spanned<Weekday>,
    pub time: Option<Spanned<TimeLit>>,
    pub duration: Spanned<Duration>,
    /// `18km`, `10mi`.
    pub distance: Option<Spanned<RunDistance>>,
    pub intensity: Spanned<Intensity>,
    pub label: Option<Spanned<String>>,
    pub span: Span,
}

/// A run's distance as written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RunDistance {
    pub value: f64,
    pub unit: DistanceUnit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DistanceUnit {
    Km,
    Mi,
}

impl DistanceUnit {
    pub fn symbol(self) -> &'static str {
        match self {
            DistanceUnit::Km => "km",
            DistanceUnit::Mi => "mi",
        }
    }

    /// Meters in one of this unit.
    pub fn meters(self) -> f64 {
        match self {
            DistanceUnit::Km => 1000.0,
            DistanceUnit::Mi => 1609.344,
        }
    }
}

/// A scheduling constraint in `spacing { }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Constraint {
    pub kind: ConstraintKind,
    pub gap: Spanned<Duration>,
    pub first: Spanned<Selector>,
    pub second: Spanned<Selector>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConstraintKind {
    /// `at least D between A and B`: either order.
    Between,
    /// `at least D after A before B`: only when A comes first.
    AfterBefore,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selector {
    Strength,
    Lower,
    Upper,
    Plyo,
    Run,
    HardRun,
    EasyRun,
    Race,
    /// A quoted session name or run label.
    Named(String),
}

impl Selector {
    pub fn describe(&self) -> String {
        match self {
            Selector::Strength => "strength".into(),
            Selector::Lower => "lower".into(),
            Selector::Upper => "upper".into(),
            Selector::Plyo => "plyo".into(),
            Selector::Run => "run".into(),
            Selector::HardRun => "hard-run".into(),
            Selector::EasyRun => "easy-run".into(),
            Selector::Race => "race".into(),
            Selector::Named(name) => format!("\"{name}\""),
        }
    }
}

/// `load -10% volume -30%`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Modifiers {
    /// Signed percentage change of the load.
    pub load: Option<Spanned<f64>>,
    /// Signed percentage change of the number of sets.
    pub volume: Option<Spanned<f64>>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Deload {
    pub schedule: DeloadSchedule,
    pub modifiers: Option<Modifiers>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum DeloadSchedule {
    Every(Spanned<u32>),
    Weeks(Vec<Spanned<u32>>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Taper {
    pub weeks: Spanned<u32>,
    pub modifiers: Option<Modifiers>,
}

/// `exercise ID { ... }`: adds or overrides a catalogue entry.
#[derive(Debug, Clone, PartialEq)]
pub struct ExerciseDef {
    pub id: Spanned<String>,
    pub props: Vec<ExerciseProp>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExerciseProp {
    pub kind: ExercisePropKind,
    pub keyword: Span,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExercisePropKind {
    Name(Spanned<String>),
    Muscles(Vec<Spanned<String>>),
    Secondary(Vec<Spanned<String>>),
    Pattern(Spanned<String>),
    Equipment(Spanned<String>),
    Unilateral(Spanned<bool>),
    Compound(Spanned<bool>),
    Contacts(Spanned<u32>),
    /// `fit CATEGORY [NAME]`: the FIT exercise a watch shows.
    Fit {
        category: Spanned<String>,
        name: Option<Spanned<String>>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct RuleItem {
    pub kind: RuleItemKind,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Allow,
    Warn,
    Deny,
}

impl Level {
    pub fn keyword(self) -> &'static str {
        match self {
            Level::Allow => "allow",
            Level::Warn => "warn",
            Level::Deny => "deny",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum RuleItemKind {
    /// `allow RULE`, `warn RULE`, `deny RULE` (`all` accepted).
    Level {
        level: Spanned<Level>,
        rule: Spanned<String>,
    },
    /// `set RULE.PARAM VALUE`.
    Set {
        rule: Spanned<String>,
        param: Spanned<String>,
        value: Spanned<Value>,
    },
    /// `profile NAME`.
    Profile(Spanned<String>),
}

/// A parameter value in `rules { set ... }`.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Number(f64),
    Percent(f64),
    Duration(Duration),
    Mass(Mass),
    Word(String),
    Text(String),
}

/// `block "Name" weeks A-B { ... }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub name: Spanned<String>,
    pub first_week: Spanned<u32>,
    pub last_week: Spanned<u32>,
    /// The `weeks A-B` text.
    pub weeks_span: Span,
    pub sessions: Vec<Session>,
    /// A `runs { }` inside the block replaces the plan's running week.
    pub runs: Option<Spanned<Vec<RunLine>>>,
}

/// `session "Name" DAY[, DAY] [TIME] [DURATION] { ... }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub name: Spanned<String>,
    pub days: Vec<Spanned<Weekday>>,
    pub time: Option<Spanned<TimeLit>>,
    pub duration: Option<Spanned<Duration>>,
    /// The `optional` tag.
    pub optional: Option<Span>,
    /// The `mobility` tag.
    pub mobility: Option<Span>,
    pub location: Option<Spanned<String>>,
    pub warmup: Option<Phase>,
    pub cooldown: Option<Phase>,
    /// Every exercise line in source order, those inside groups included
    /// (each names its group); alternatives hang from their line.
    pub exercises: Vec<ExerciseLine>,
    /// The `superset` and `circuit` groups, in source order.
    pub groups: Vec<Group>,
    /// The header, from `session` to `{`.
    pub header: Span,
    pub span: Span,
}

/// `warmup 10min "note"` or `cooldown 5min`.
#[derive(Debug, Clone, PartialEq)]
pub struct Phase {
    pub duration: Spanned<Duration>,
    pub note: Option<Spanned<String>>,
    pub span: Span,
}

/// `superset [rest D] { ... }` or `circuit N rounds [work D] [rest D]
/// [between D] { ... }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub kind: GroupKind,
    /// The rest after each round.
    pub rest: Option<Spanned<Duration>>,
    /// The header, from the keyword to `{`.
    pub header: Span,
    pub span: Span,
}

impl Group {
    /// `superset` or `circuit`.
    pub fn kind_keyword(&self) -> &'static str {
        match self.kind {
            GroupKind::Superset => "superset",
            GroupKind::Circuit { .. } => "circuit",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum GroupKind {
    Superset,
    Circuit {
        rounds: Spanned<u32>,
        /// `work 40s`: each entry's time.
        work: Option<Spanned<Duration>>,
        /// `between 20s`: rest between entries.
        between: Option<Spanned<Duration>>,
    },
}

/// How an exercise line was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LineForm {
    /// `EXERCISE SETS ...`.
    #[default]
    Sets,
    /// A circuit entry `EXERCISE REPS ...`: one set per round, the set
    /// count being the circuit's rounds.
    Entry,
    /// A circuit entry without reps: as many as the circuit's `work` time
    /// allows (its reps are that time).
    EntryWithoutReps,
}

/// `EXERCISE SETS [@LOAD] [rest D] [progress P] [tempo T] ["note"]`.
#[derive(Debug, Clone, PartialEq)]
pub struct ExerciseLine {
    pub exercise: Spanned<String>,
    pub groups: Vec<SetGroup>,
    pub rest: Option<Spanned<Duration>>,
    pub progression: Option<Spanned<Progression>>,
    /// Boxed: few lines have one, and a plan is mostly lines.
    pub tempo: Option<Box<Spanned<Tempo>>>,
    pub note: Option<Spanned<String>>,
    /// `or EXERCISE ...` lines right after this one.
    pub alternatives: Vec<ExerciseLine>,
    /// Index into [`Session::groups`] of the group the line is in.
    pub group: Option<u16>,
    pub form: LineForm,
    pub span: Span,
}

/// `tempo 3-1-1`: seconds lowering, pausing, lifting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tempo {
    pub lower: u32,
    pub pause: u32,
    /// `None` for `x`: explosive.
    pub lift: Option<u32>,
}

/// `4x5 @80kg` within an exercise line.
#[derive(Debug, Clone, PartialEq)]
pub struct SetGroup {
    pub sets: Spanned<u32>,
    pub reps: Spanned<Reps>,
    pub per_side: bool,
    /// The load, or the first end of a range (`@20-25kg`: 20 kg).
    pub load: Option<Spanned<Load>>,
    /// The other end of a range, in the same unit as `load` (25).
    pub load_to: Option<f64>,
    /// `RPE8` or `RIR2-3` beside a load.
    /// Boxed: few groups have one, and a plan is mostly set groups.
    pub effort: Option<Box<Spanned<Effort>>>,
    pub span: Span,
}

/// An effort beside a load: `RPE8`, `RIR2-3`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Effort {
    pub scale: EffortScale,
    pub low: f64,
    /// Equal to `low` unless a range is written.
    pub high: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EffortScale {
    Rpe,
    Rir,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reps {
    /// `5`.
    Exactly { reps: u32 },
    /// `8-12`.
    Range { low: u32, high: u32 },
    /// `5+`: as many as possible, at least this many.
    AtLeast { reps: u32 },
    /// `30s`: held or worked for a time.
    Timed { seconds: u32 },
    /// `30m`: a distance (carries, sled pushes).
    Distance { meters: u32 },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Load {
    /// `@80kg`.
    Mass(Mass),
    /// `@75%` of the athlete's max for that exercise.
    Percent(f64),
    /// `@bw`, `@bw+10kg`, `@bw-10kg` (assisted).
    Bodyweight(Option<SignedMass>),
    /// `@RPE8`.
    Rpe(f64),
    /// `@RIR3`.
    Rir(f64),
    /// `@50%bw`: a share of the athlete's bodyweight.
    PercentBodyweight(f64),
}

#[derive(Debug, Clone, PartialEq)]
pub struct SignedMass {
    pub negative: bool,
    pub mass: Mass,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Progression {
    /// `+2.5kg/week`, `+5lb/2weeks`, `+2.5%/week`.
    Load { step: Step, every: Spanned<u32> },
    /// `double +2.5kg`.
    Double { step: Step },
    /// `wave 6/5/4 +2.5kg`.
    Wave { reps: Spanned<Vec<u32>>, step: Step },
    /// `reps +1/week`.
    Reps {
        amount: Spanned<u32>,
        every: Spanned<u32>,
    },
    /// `sets +1/2weeks`.
    Sets {
        amount: Spanned<u32>,
        every: Spanned<u32>,
    },
    /// `time +5s/week`: timed sets grow.
    Time {
        seconds: Spanned<u32>,
        every: Spanned<u32>,
    },
    /// `distance +5m/week`: distance sets grow.
    Distance {
        meters: Spanned<u32>,
        every: Spanned<u32>,
    },
    /// `none`.
    None,
}

/// A load increment: `+2.5kg` or `+2.5%`.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub amount: Spanned<StepAmount>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum StepAmount {
    Mass(Mass),
    Percent(f64),
}
