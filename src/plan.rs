//! The expanded plan: every week, session, run and exercise made concrete.
//!
//! This is what lowering produces and what the checker and every backend
//! read. It is plain data: the JSON backend writes its own transfer types
//! ([`crate::emit::json`]), so nothing here is a schema.

use std::collections::BTreeMap;
use std::ops::{Deref, DerefMut};
use std::sync::Arc;

use jiff::Timestamp;
use jiff::civil::{Date, Time};
use jiff::tz::Offset;

use crate::ast::{
    self, ConstraintKind, Effort, EffortScale, Intensity, LineForm, Reps, RunDistance, Selector,
    Tempo, Weekday,
};
use crate::catalogue::Exercise;
use crate::span::Span;

/// A range of plan weeks, both ends included: the weeks a block claims,
/// or the weeks a build writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekRange {
    pub first: u32,
    pub last: u32,
}

impl WeekRange {
    pub fn contains(self, week: u32) -> bool {
        self.first <= week && week <= self.last
    }
}

#[derive(Debug, Clone)]
pub struct Plan {
    pub name: String,
    /// The `start` date: nothing is scheduled before it.
    pub start: Date,
    /// IANA time zone name; `UTC` when the plan sets none.
    pub timezone: String,
    pub athlete: Athlete,
    pub races: Vec<RaceEvent>,
    pub blocks: Vec<BlockInfo>,
    pub weeks: Vec<Week>,
    /// The catalogue entries of every exercise the plan uses, by id.
    pub exercises: BTreeMap<String, Exercise>,
    pub spacing: Vec<SpacingConstraint>,
    /// Levels and parameters set in the plan's `rules { }` block.
    pub rule_settings: Vec<ast::RuleItem>,
    /// The plan's `# stride: allow(...)` comments.
    pub suppressions: Vec<ast::Suppression>,
    /// The `taper` statement, if any.
    pub taper_span: Option<Span>,
    /// The `deload` statement, if any.
    pub deload_span: Option<Span>,
}

impl Plan {
    /// Every session occurrence, in date and time order.
    pub fn sessions(&self) -> impl Iterator<Item = &SessionOccurrence> {
        self.weeks.iter().flat_map(|w| w.sessions.iter())
    }

    /// Every run occurrence, in date and time order.
    pub fn runs(&self) -> impl Iterator<Item = &RunOccurrence> {
        self.weeks.iter().flat_map(|w| w.runs.iter())
    }

    pub fn week(&self, number: u32) -> Option<&Week> {
        number
            .checked_sub(1)
            .and_then(|i| self.weeks.get(i as usize))
    }

    /// The last race by date: the goal race that taper rules anchor on.
    pub fn goal_race(&self) -> Option<&RaceEvent> {
        self.races.iter().max_by_key(|r| (r.date, r.time))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Beginner,
    Intermediate,
    Advanced,
}

impl Level {
    pub fn keyword(self) -> &'static str {
        match self {
            Level::Beginner => "beginner",
            Level::Intermediate => "intermediate",
            Level::Advanced => "advanced",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    Kg,
    Lb,
}

impl Unit {
    pub fn symbol(self) -> &'static str {
        match self {
            Unit::Kg => "kg",
            Unit::Lb => "lb",
        }
    }

    /// Kilograms in one of this unit.
    pub fn in_kg(self) -> f64 {
        match self {
            Unit::Kg => 1.0,
            Unit::Lb => 0.453_592_37,
        }
    }

    /// Converts `value` of this unit into `to`.
    pub fn convert(self, value: f64, to: Unit) -> f64 {
        if self == to {
            value
        } else {
            value * self.in_kg() / to.in_kg()
        }
    }
}

#[derive(Debug, Clone)]
pub struct Athlete {
    pub level: Level,
    /// The unit every load of the expansion is given in.
    pub units: Unit,
    /// In `units`.
    pub bodyweight: Option<f64>,
    /// One-repetition maximums by exercise id, in `units`.
    pub maxes: BTreeMap<String, f64>,
    /// Plate step computed loads are rounded to, in `units`.
    pub round: f64,
    /// `age 52`, in years, for the rules that depend on it.
    pub age: Option<u32>,
}

#[derive(Debug, Clone)]
pub struct RaceEvent {
    pub name: String,
    pub date: Date,
    pub time: Option<Time>,
    /// The start as a UTC instant, when a time is given.
    pub start_utc: Option<Timestamp>,
    /// The expected finishing time, in whole minutes (`1h45min`: 105).
    pub duration_min: Option<u32>,
    /// Plan week the race falls in (may lie outside the plan's weeks).
    pub week: i64,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct BlockInfo {
    pub name: String,
    pub first_week: u32,
    pub last_week: u32,
    pub span: Span,
    /// Header span (`block "Name" weeks A-B`).
    pub header: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WeekKind {
    /// A normal week: progressions advance.
    Loading,
    Deload,
    Taper,
}

#[derive(Debug, Clone)]
pub struct Week {
    pub number: u32,
    pub monday: Date,
    pub sunday: Date,
    /// Index into [`Plan::blocks`], if a block covers this week.
    pub block: Option<usize>,
    pub kind: WeekKind,
    /// Sessions in date and time order; untimed ones first on their day.
    pub sessions: Vec<SessionOccurrence>,
    pub runs: Vec<RunOccurrence>,
}

/// Identifies a session definition: block index and session index within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SessionId {
    pub block: usize,
    pub session: usize,
}

/// What a session says that no week changes, shared by all its
/// occurrences (a 52-week plan repeats each session dozens of times).
#[derive(Debug, Clone, PartialEq)]
pub struct SessionInfo {
    pub name: String,
    pub block: String,
    pub id: SessionId,
    /// Local time of day in the plan's zone; `None` for a whole-day session.
    pub time: Option<Time>,
    pub duration_min: Option<u32>,
    pub location: Option<String>,
    pub warmup: Option<PhaseInfo>,
    pub cooldown: Option<PhaseInfo>,
    /// The session in the source.
    pub span: Span,
    /// Its header line.
    pub header: Span,
    /// Tagged `optional`: scheduled and exported, counted for safety
    /// (spacing, before a key run or race) but never toward a minimum.
    pub optional: bool,
    /// Tagged `mobility`: never counts as strength for any rule or selector.
    pub mobility: bool,
    /// The `superset` and `circuit` groups; a line names its group by its
    /// index here ([`PrescribedLine::group`]).
    pub groups: Vec<GroupInfo>,
}

impl SessionInfo {
    /// Whether the session counts toward minimums (frequency, dose).
    pub fn counts_toward_minimums(&self) -> bool {
        !self.optional && !self.mobility
    }

    /// Whether the session is strength work for rules and selectors.
    pub fn is_strength(&self) -> bool {
        !self.mobility
    }
}

/// A `superset` or `circuit` of a session.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupInfo {
    pub kind: GroupKind,
    /// The rest after each round, in seconds.
    pub rest_s: Option<u32>,
    /// The group in the source, and its header.
    pub span: Span,
    pub header: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupKind {
    /// Lines done back to back, one set of each per round; the rounds are
    /// the lines' (agreeing) set count.
    Superset,
    /// Each entry one set per round.
    Circuit {
        rounds: u32,
        /// Each entry's work time, in seconds (`work 40s`).
        work_s: Option<u32>,
        /// Rest between entries, in seconds (`between 20s`).
        between_s: Option<u32>,
    },
}

impl GroupKind {
    pub fn keyword(self) -> &'static str {
        match self {
            GroupKind::Superset => "superset",
            GroupKind::Circuit { .. } => "circuit",
        }
    }
}

/// One session on one date. Its unchanging parts are in [`SessionInfo`],
/// which it dereferences to: `occurrence.name`, `occurrence.time`.
#[derive(Debug, Clone)]
pub struct SessionOccurrence {
    pub session: Arc<SessionInfo>,
    pub week: u32,
    pub day: Weekday,
    pub date: Date,
    /// Start and end as UTC instants, for timed sessions.
    pub start_utc: Option<Timestamp>,
    pub end_utc: Option<Timestamp>,
    /// UTC offset at the start; serialized as `+01:00`.
    pub utc_offset: Option<Offset>,
    pub exercises: Vec<Prescription>,
    /// The `or` lines, each naming the line of `exercises` it replaces.
    pub alternatives: Alternatives,
}

impl SessionOccurrence {
    /// The alternatives to `exercises[index]`, in source order.
    pub fn alternatives_of(&self, index: usize) -> impl Iterator<Item = &Prescription> {
        self.alternatives
            .iter()
            .filter(move |a| a.of == index)
            .map(|a| &a.prescription)
    }
}

impl Deref for SessionOccurrence {
    type Target = SessionInfo;

    fn deref(&self) -> &SessionInfo {
        &self.session
    }
}

/// `+01:00`, `-05:00`, `+05:30`.
pub fn offset_text(offset: Offset) -> String {
    let seconds = offset.seconds();
    let sign = if seconds < 0 { '-' } else { '+' };
    let abs = seconds.unsigned_abs();
    format!("{sign}{:02}:{:02}", abs / 3600, abs % 3600 / 60)
}

#[derive(Debug, Clone, PartialEq)]
pub struct PhaseInfo {
    pub duration_min: f64,
    pub note: Option<String>,
}

/// What an exercise line says that no week changes, shared by every
/// week's prescription of the line.
#[derive(Debug, Clone, PartialEq)]
pub struct PrescribedLine {
    /// Canonical catalogue id (aliases resolved).
    pub exercise: String,
    /// The name as written in the plan.
    pub written: String,
    pub rest_s: Option<u32>,
    pub progression: Option<String>,
    pub note: Option<String>,
    /// The exercise line in the source.
    pub span: Span,
    /// The progression text, if any.
    pub progression_span: Option<Span>,
    /// `tempo 3-1-1`.
    pub tempo: Option<Tempo>,
    /// Index into [`SessionInfo::groups`] of the line's group.
    pub group: Option<u16>,
    /// A circuit entry (one set per round) or a line of sets.
    pub form: LineForm,
}

impl Tempo {
    /// Seconds of one rep at this tempo (an explosive lift counts 1 s).
    pub fn rep_seconds(self) -> u32 {
        self.lower
            .saturating_add(self.pause)
            .saturating_add(self.lift.unwrap_or(1))
    }

    /// Eccentric stress: lowering for 4 s or more.
    pub fn is_eccentric(self) -> bool {
        self.lower >= 4
    }
}

/// One exercise of one session occurrence, with that week's numbers. The
/// line's unchanging parts are in [`PrescribedLine`], which it dereferences
/// to: `prescription.exercise`, `prescription.span`.
#[derive(Debug, Clone)]
pub struct Prescription {
    pub line: Arc<PrescribedLine>,
    pub sets: Sets,
}

/// The alternatives of a session occurrence's lines, held behind one
/// pointer that is null when there are none (nearly every session), so that
/// the expansion of a plan without `or` lines costs one word a session.
#[derive(Debug, Clone, Default)]
#[allow(clippy::box_collection)] // one word, not three: see above
pub struct Alternatives(Option<Box<Vec<Alternative>>>);

/// An `or` line with this week's numbers.
#[derive(Debug, Clone)]
pub struct Alternative {
    /// Index into the occurrence's `exercises` of the line it replaces.
    pub of: usize,
    pub prescription: Prescription,
}

impl Deref for Alternatives {
    type Target = [Alternative];

    fn deref(&self) -> &[Alternative] {
        self.0.as_deref().map_or(&[], Vec::as_slice)
    }
}

impl FromIterator<Alternative> for Alternatives {
    fn from_iter<I: IntoIterator<Item = Alternative>>(items: I) -> Alternatives {
        let items: Vec<Alternative> = items.into_iter().collect();
        Alternatives((!items.is_empty()).then(|| Box::new(items)))
    }
}

/// The set groups of one prescription, shared: a 52-week plan holds
/// thousands of prescriptions but only a few hundred different sets (a
/// line without a progression says the same every week, and many lines
/// say `3x10`), so lowering hands out one [`Sets`] for equal ones
/// ([`SetsInterner`]) and a prescription keeps only a pointer. Nearly every
/// line has exactly one group (`4x5 @80kg`), which is kept inline behind
/// that pointer. Reads as a slice: `sets.iter()`, `sets[0]`, `sets.len()`;
/// writing through it copies shared sets first.
#[derive(Clone)]
pub struct Sets(Arc<SetList>);

#[derive(Clone)]
enum SetList {
    One(SetGroup),
    Many(Box<[SetGroup]>),
}

impl SetList {
    fn groups(&self) -> &[SetGroup] {
        match self {
            SetList::One(group) => std::slice::from_ref(group),
            SetList::Many(groups) => groups,
        }
    }
}

impl From<Vec<SetGroup>> for SetList {
    fn from(mut groups: Vec<SetGroup>) -> SetList {
        match groups.pop() {
            Some(only) if groups.is_empty() => SetList::One(only),
            Some(last) => {
                groups.push(last);
                SetList::Many(groups.into_boxed_slice())
            }
            None => SetList::Many(Box::default()),
        }
    }
}

impl FromIterator<SetGroup> for SetList {
    fn from_iter<I: IntoIterator<Item = SetGroup>>(groups: I) -> SetList {
        let mut groups = groups.into_iter();
        match (groups.next(), groups.next()) {
            (Some(only), None) => SetList::One(only),
            (first, second) => first
                .into_iter()
                .chain(second)
                .chain(groups)
                .collect::<Vec<_>>()
                .into(),
        }
    }
}

/// Equal bit for bit, as the interner compares: `0.0` and `-0.0` print
/// differently, so they must not share.
impl PartialEq for SetList {
    fn eq(&self, other: &SetList) -> bool {
        let (a, b) = (self.groups(), other.groups());
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.same_bits(y))
    }
}

impl Eq for SetList {}

impl std::hash::Hash for SetList {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let groups = self.groups();
        state.write_usize(groups.len());
        for g in groups {
            g.hash_bits(state);
        }
    }
}

impl SetGroup {
    fn same_bits(&self, other: &SetGroup) -> bool {
        let same = |a: &Option<LoadValue>, b: &Option<LoadValue>| match (a, b) {
            (None, None) => true,
            (Some(a), Some(b)) => a.bits() == b.bits(),
            _ => false,
        };
        self.sets == other.sets
            && self.reps == other.reps
            && self.per_side == other.per_side
            && same(&self.load, &other.load)
            && same(&self.load_to, &other.load_to)
            && effort_bits(self.effort) == effort_bits(other.effort)
    }

    fn hash_bits<H: std::hash::Hasher>(&self, state: &mut H) {
        let (kind, a, b) = match self.reps {
            Reps::Exactly { reps } => (0, reps, 0),
            Reps::Range { low, high } => (1, low, high),
            Reps::AtLeast { reps } => (2, reps, 0),
            Reps::Timed { seconds } => (3, seconds, 0),
            Reps::Distance { meters } => (4, meters, 0),
        };
        state.write_u32(self.sets);
        state.write_u32(kind | u32::from(self.per_side) << 8);
        state.write_u32(a);
        state.write_u32(b);
        for load in [&self.load, &self.load_to].into_iter().flatten() {
            let (tag, x, y) = load.bits();
            state.write_u32(tag);
            state.write_u64(x);
            state.write_u64(y);
        }
        if let Some(bits) = effort_bits(self.effort) {
            state.write_u32(bits.0);
            state.write_u64(bits.1);
            state.write_u64(bits.2);
        }
    }
}

fn effort_bits(effort: Option<Effort>) -> Option<(u32, u64, u64)> {
    effort.map(|e| {
        let scale = match e.scale {
            EffortScale::Rpe => 0,
            EffortScale::Rir => 1,
        };
        (scale, e.low.to_bits(), e.high.to_bits())
    })
}

impl LoadValue {
    /// The variant, unit and numbers, exactly.
    fn bits(&self) -> (u32, u64, u64) {
        let unit = |u: &Unit| match u {
            Unit::Kg => 0,
            Unit::Lb => 1,
        };
        match self {
            LoadValue::Mass {
                value,
                unit: u,
                percent_1rm,
            } => (
                unit(u) | u32::from(percent_1rm.is_some()) << 1,
                value.to_bits(),
                percent_1rm.map_or(0, f64::to_bits),
            ),
            LoadValue::Bodyweight { added, unit: u } => (4 | unit(u), added.to_bits(), 0),
            LoadValue::Rpe { rpe } => (8, rpe.to_bits(), 0),
            LoadValue::Rir { rir } => (16, rir.to_bits(), 0),
        }
    }
}

/// Hands out one shared [`Sets`] for all set groups equal bit for bit,
/// while a plan is lowered.
#[derive(Default)]
pub(crate) struct SetsInterner {
    table: rustc_hash::FxHashSet<Interned>,
}

/// A [`Sets`] in the interner's table, found by its groups.
struct Interned(Sets);

impl PartialEq for Interned {
    fn eq(&self, other: &Interned) -> bool {
        *self.0.0 == *other.0.0
    }
}

impl Eq for Interned {}

impl std::hash::Hash for Interned {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.0.hash(state);
    }
}

impl std::borrow::Borrow<SetList> for Interned {
    fn borrow(&self) -> &SetList {
        &self.0.0
    }
}

impl SetsInterner {
    /// The shared sets of `groups`.
    pub(crate) fn intern(&mut self, groups: impl IntoIterator<Item = SetGroup>) -> Sets {
        let list: SetList = groups.into_iter().collect();
        if let Some(Interned(sets)) = self.table.get(&list) {
            return sets.clone();
        }
        let sets = Sets(Arc::new(list));
        self.table.insert(Interned(sets.clone()));
        sets
    }
}

impl Deref for Sets {
    type Target = [SetGroup];

    fn deref(&self) -> &[SetGroup] {
        self.0.groups()
    }
}

impl DerefMut for Sets {
    fn deref_mut(&mut self) -> &mut [SetGroup] {
        match Arc::make_mut(&mut self.0) {
            SetList::One(group) => std::slice::from_mut(group),
            SetList::Many(groups) => groups,
        }
    }
}

/// Equal sets, as numbers compare (`0.0 == -0.0`).
impl PartialEq for Sets {
    fn eq(&self, other: &Sets) -> bool {
        **self == **other
    }
}

impl From<Vec<SetGroup>> for Sets {
    fn from(groups: Vec<SetGroup>) -> Sets {
        Sets(Arc::new(groups.into()))
    }
}

impl FromIterator<SetGroup> for Sets {
    fn from_iter<I: IntoIterator<Item = SetGroup>>(groups: I) -> Sets {
        Sets(Arc::new(groups.into_iter().collect()))
    }
}

impl<'a> IntoIterator for &'a Sets {
    type Item = &'a SetGroup;
    type IntoIter = std::slice::Iter<'a, SetGroup>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl std::fmt::Debug for Sets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Deref for Prescription {
    type Target = PrescribedLine;

    fn deref(&self) -> &PrescribedLine {
        &self.line
    }
}

impl Prescription {
    pub fn total_sets(&self) -> u32 {
        self.sets.iter().map(|g| g.sets).sum()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SetGroup {
    pub sets: u32,
    pub reps: Reps,
    pub per_side: bool,
    /// The load, or the first end of a range as written (`@20-25kg`: 20).
    pub load: Option<LoadValue>,
    /// The other end of a range (`@20-25kg`: 25, `@RPE7-8`: RPE 8).
    pub load_to: Option<LoadValue>,
    /// The effort beside a load (`@80kg RPE8`).
    pub effort: Option<Effort>,
}

impl SetGroup {
    /// The heavier end of the load: what safety rules judge (too heavy,
    /// too close to a run or race).
    pub fn heavier_load(&self) -> Option<&LoadValue> {
        self.load_ends()
            .map(|(a, b)| if heavier(b, a) { b } else { a })
    }

    /// The lighter end of the load: what dose rules count (enough heavy
    /// work, tonnage).
    pub fn lighter_load(&self) -> Option<&LoadValue> {
        self.load_ends()
            .map(|(a, b)| if heavier(b, a) { a } else { b })
    }

    fn load_ends(&self) -> Option<(&LoadValue, &LoadValue)> {
        let load = self.load.as_ref()?;
        Some((load, self.load_to.as_ref().unwrap_or(load)))
    }

    /// Reps in reserve the load or the effort beside it implies, at the
    /// harder end of a range (fewest reps in reserve).
    pub fn hardest_reps_in_reserve(&self) -> Option<f64> {
        let from_effort = self.effort.map(|e| match e.scale {
            EffortScale::Rpe => 10.0 - e.low.max(e.high),
            EffortScale::Rir => e.low.min(e.high),
        });
        let from_load = [&self.load, &self.load_to]
            .into_iter()
            .flatten()
            .filter_map(LoadValue::reps_in_reserve)
            .reduce(f64::min);
        from_effort.or(from_load)
    }
}

/// Whether `a` is heavier than `b`: a larger mass or RPE, fewer reps in
/// reserve.
fn heavier(a: &LoadValue, b: &LoadValue) -> bool {
    match (a, b) {
        (LoadValue::Mass { value: x, .. }, LoadValue::Mass { value: y, .. }) => x > y,
        (LoadValue::Bodyweight { added: x, .. }, LoadValue::Bodyweight { added: y, .. }) => x > y,
        (LoadValue::Rpe { rpe: x }, LoadValue::Rpe { rpe: y }) => x > y,
        (LoadValue::Rir { rir: x }, LoadValue::Rir { rir: y }) => x < y,
        _ => false,
    }
}

/// A concrete load.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadValue {
    /// An external load in the athlete's unit; `percent_1rm` when the
    /// athlete has a max for the exercise.
    Mass {
        value: f64,
        unit: Unit,
        percent_1rm: Option<f64>,
    },
    /// Bodyweight, plus (or, negative, minus) an external load.
    Bodyweight {
        added: f64,
        unit: Unit,
    },
    Rpe {
        rpe: f64,
    },
    Rir {
        rir: f64,
    },
}

impl LoadValue {
    /// The external load in the athlete's unit, when there is one.
    pub fn mass(&self) -> Option<f64> {
        match self {
            LoadValue::Mass { value, .. } => Some(*value),
            _ => None,
        }
    }

    /// Reps in reserve this load implies, when it says.
    pub fn reps_in_reserve(&self) -> Option<f64> {
        match self {
            LoadValue::Rir { rir } => Some(*rir),
            LoadValue::Rpe { rpe } => Some(10.0 - rpe),
            _ => None,
        }
    }
}

/// What a run of a running week says that no week changes, shared by all
/// its occurrences.
#[derive(Debug, Clone, PartialEq)]
pub struct RunInfo {
    pub label: Option<String>,
    /// Local time of day in the plan's zone; `None` for an untimed run.
    pub time: Option<Time>,
    pub duration_min: u32,
    pub intensity: Intensity,
    /// The run's line in the source.
    pub span: Span,
    /// `18km`, `10mi`.
    pub distance: Option<RunDistance>,
}

impl RunInfo {
    /// The run's distance in meters, when it gives one.
    pub fn distance_m(&self) -> Option<f64> {
        self.distance.map(|d| d.value * d.unit.meters())
    }
}

/// One run on one date. Its unchanging parts are in [`RunInfo`], which it
/// dereferences to: `run.label`, `run.intensity`.
#[derive(Debug, Clone)]
pub struct RunOccurrence {
    pub run: Arc<RunInfo>,
    pub week: u32,
    pub day: Weekday,
    pub date: Date,
    pub start_utc: Option<Timestamp>,
    pub end_utc: Option<Timestamp>,
}

impl Deref for RunOccurrence {
    type Target = RunInfo;

    fn deref(&self) -> &RunInfo {
        &self.run
    }
}

/// A `spacing` constraint, ready for the checker.
#[derive(Debug, Clone)]
pub struct SpacingConstraint {
    pub kind: ConstraintKind,
    pub gap_s: u32,
    pub first: Selector,
    pub second: Selector,
    pub span: Span,
}

/// Formats a load value for people: `82.5`, `80`, `72.5`.
pub fn format_number(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        let text = format!("{rounded:.2}");
        text.trim_end_matches('0').to_string()
    }
}

impl SetGroup {
    /// `4x5`, `3x8-12/side`, `1x5+`, `3x30s`, `3x30m`.
    pub fn sets_text(&self) -> String {
        crate::spelling::Sets {
            sets: self.sets,
            reps: self.reps,
            per_side: self.per_side,
        }
        .to_string()
    }
}

impl LoadValue {
    /// `80 kg`, `bw`, `bw+10 kg`, `RPE 8`, `RIR 3`.
    pub fn text(&self) -> String {
        match self {
            LoadValue::Mass { value, unit, .. } => {
                format!("{} {}", format_number(*value), unit.symbol())
            }
            LoadValue::Bodyweight { added, unit } if *added == 0.0 => {
                let _ = unit;
                "bw".to_string()
            }
            LoadValue::Bodyweight { added, unit } => {
                let sign = if *added < 0.0 { '-' } else { '+' };
                format!("bw{sign}{} {}", format_number(added.abs()), unit.symbol())
            }
            LoadValue::Rpe { rpe } => format!("RPE {}", format_number(*rpe)),
            LoadValue::Rir { rir } => format!("RIR {}", format_number(*rir)),
        }
    }
}

/// `90s`, `45min`, `1h30min`, `2min30s`, as the language writes durations.
pub fn format_duration(seconds: u32) -> String {
    crate::spelling::Duration(seconds).to_string()
}
