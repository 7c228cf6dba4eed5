//! The codes of the errors the compiler reports, with their documentation:
//! the one list that diagnostics, SARIF, `docs/rules.md` and
//! `stride explain CODE` read, as the rule registry is for the checker.
//!
//! A code's text is part of the output (JSON, SARIF, `# stride:` help), so
//! it never changes once released; the descriptions may.

/// Declares [`ErrorCode`]: each variant with its code, a one-line summary
/// and a longer description (plain text, at most 1,024 characters, as
/// SARIF wants of a `fullDescription`).
macro_rules! error_codes {
    ($(
        $variant:ident = $code:literal {
            summary: $summary:literal,
            description: $description:literal $(,)?
        }
    )*) => {
        /// A compiler error: a problem that stops a plan from compiling (or,
        /// for the formatter and the editor, from being formatted or read).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum ErrorCode {
            $($variant,)*
        }

        impl ErrorCode {
            /// Every code, in the order of the documentation.
            pub const ALL: &[ErrorCode] = &[$(ErrorCode::$variant,)*];

            /// The code as diagnostics carry it: `unknown-exercise`.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $code,)*
                }
            }

            /// What the error means, in one line.
            pub const fn summary(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $summary,)*
                }
            }

            /// What the error means and how it is usually fixed.
            pub const fn description(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $description,)*
                }
            }
        }
    };
}

error_codes! {
    // Reading the text.
    Syntax = "syntax" {
        summary: "The text is not written the way the plan language is.",
        description: "The parser could not read a statement: an unknown keyword, a missing or \
            extra brace, an unclosed quote, or a value written in a form stride does not know \
            (`3mins` for `3min`). The message says what was expected and the help shows the \
            statement written correctly. docs/language.md describes every statement.",
    }
    LineTooLong = "line-too-long" {
        summary: "A line is longer than stride reads.",
        description: "A plan puts one statement on each line, so no real line comes near the \
            limit; a line this long is usually a file that is not a plan, or text whose line \
            breaks were lost. Split the text into lines.",
    }
    TooDeeplyNested = "too-deeply-nested" {
        summary: "Braces are nested deeper than a plan ever needs.",
        description: "A plan nests at most three levels: a block, its sessions and their \
            lines. Deeper nesting is almost always a missing `}` further up; find the body \
            that was never closed.",
    }
    TooComplex = "too-complex" {
        summary: "The plan takes the parser more work than it allows.",
        description: "The parser stops after a fixed number of steps, or when the input nests \
            too deeply for its stack, so that no input can keep it busy for long. A real plan \
            stays far below the limit; split a very large plan into several files.",
    }
    NumberTooLarge = "number-too-large" {
        summary: "A number is larger than stride can count or than makes sense as a load.",
        description: "Counts in a plan (sets, reps, weeks, minutes) are at most 4294967295, \
            and a load must be a realistic weight. Check the number for a typo.",
    }
    DurationTooLong = "duration-too-long" {
        summary: "A duration is longer than a week.",
        description: "Durations in a plan (rests, session lengths, timed sets, runs) are at \
            most 168h, one week. Check the duration for a typo or a missing unit.",
    }
    DuplicateStatement = "duplicate-statement" {
        summary: "A statement that may appear once is given twice.",
        description: "Statements such as `plan`, `start`, `athlete`, a max for one exercise, \
            the definition of one exercise, or the `rest` of one exercise line may appear \
            only once where they are: a second one would silently replace the first. Keep \
            the one you mean and remove the other; the error points at both.",
    }
    InvalidSuppression = "invalid-suppression" {
        summary: "A `# stride:` comment is not a suppression stride understands.",
        description: "Comments that start with `# stride:` are read as suppressions, written \
            `# stride: allow(RULE, ...) -- reason`, with one or more rule names separated by \
            commas. Write the comment that way, or start it with `#` alone if it is not meant \
            for stride.",
    }

    // Meaning: the plan's header, dates and calendar.
    MissingStatement = "missing-statement" {
        summary: "A statement every plan needs is missing.",
        description: "Every plan names itself (`plan \"Name\"`) and gives the date it starts \
            (`start 2027-01-04`); without them there is nothing to date the weeks from. Add \
            the statement the message names; the help shows an example.",
    }
    InvalidDate = "invalid-date" {
        summary: "A date does not exist, or the plan runs past the last date stride knows.",
        description: "Dates are written YYYY-MM-DD and must exist (no 31 April, no 29 \
            February outside leap years). A plan must also end by 9999-12-31.",
    }
    InvalidTime = "invalid-time" {
        summary: "A time of day does not exist.",
        description: "Times are written on the 24-hour clock, from 00:00 to 23:59, such as \
            07:00 or 18:30.",
    }
    UnknownTimezone = "unknown-timezone" {
        summary: "The time zone is not one stride knows.",
        description: "Time zones are IANA names such as `Europe/London` or \
            `America/New_York`; stride carries the IANA database, so the name must be \
            spelled as it is there. The help suggests the nearest name.",
    }
    TooManyWeeks = "too-many-weeks" {
        summary: "The plan (or a block or race in it) reaches further than stride expands.",
        description: "stride expands plans of at most 520 weeks, ten years: anything longer \
            is a typo, and the cap keeps every later computation small. Keep blocks and \
            races within that many weeks of the start, or split the plan.",
    }
    InvalidWeeks = "invalid-weeks" {
        summary: "A range or count of weeks makes no sense.",
        description: "Weeks are numbered from 1 (the week holding the `start` date) and \
            ranges run forwards (`weeks 1-6`, not \
            `weeks 6-1`), and counts of weeks are at least 1: `deload every 0 weeks`, a \
            taper of 0 weeks or a progression step every 0 weeks never happen.",
    }
    OverlappingBlocks = "overlapping-blocks" {
        summary: "Two blocks claim the same weeks.",
        description: "Each week of a plan belongs to at most one block, so that every \
            session of a week has one source. Move one block's weeks so that the ranges \
            no longer overlap.",
    }
    TaperWithoutRace = "taper-without-race" {
        summary: "The plan tapers, but has no race to taper for.",
        description: "`taper` counts its weeks back from the plan's last race. Add the race \
            (`race \"Name\" 2027-04-11`), or remove the `taper` statement.",
    }
    WeekOutsidePlan = "week-outside-plan" {
        summary: "A week number lies outside the plan's weeks.",
        description: "Deload weeks, tapers and other week numbers must fall within the plan, \
            which runs from week 1 to its last block or race. Pick a week in that range, or \
            extend the plan.",
    }

    // Meaning: athlete, units, exercises.
    UnknownLevel = "unknown-level" {
        summary: "The athlete level is not one stride knows.",
        description: "An athlete is a `beginner`, `intermediate` or `advanced` lifter; the \
            level chooses the defaults of deloads and of several rules.",
    }
    UnknownUnit = "unknown-unit" {
        summary: "A unit of weight is not one stride knows.",
        description: "Loads, maxes and bodyweight are in `kg` or `lb`. The help suggests the \
            unit that was probably meant.",
    }
    InvalidLoad = "invalid-load" {
        summary: "A load, bodyweight or effort is out of range.",
        description: "Maxes and bodyweight must be above zero, RPE runs from 1 to 10 and \
            reps in reserve (RIR) from 0 to 10.",
    }
    UnknownExercise = "unknown-exercise" {
        summary: "The exercise is neither in the catalogue nor defined in the plan.",
        description: "Exercises are named by their catalogue id or an alias (`back-squat`, \
            `rdl`). The help suggests the nearest name; an exercise the catalogue lacks can \
            be defined in the plan with an `exercise` statement giving its muscles, pattern \
            and equipment.",
    }
    IncompleteExercise = "incomplete-exercise" {
        summary: "An exercise defined in the plan lacks what the checker needs to know.",
        description: "An `exercise` that is not in the catalogue must say which muscles it \
            works and its movement pattern, so that the checker can count its volume and judge \
            its spacing; a `muscles` statement must list at least one muscle. Add what the \
            message names.",
    }
    InvalidExercise = "invalid-exercise" {
        summary: "An exercise definition contradicts itself.",
        description: "`contacts` counts the foot contacts of plyometric exercises, so it \
            belongs only to an exercise whose pattern is `plyometric`.",
    }
    UnknownValue = "unknown-value" {
        summary: "A muscle, pattern or equipment in an exercise definition is not one stride \
            knows.",
        description: "An `exercise` definition names its muscles, pattern and equipment from \
            fixed vocabularies, so that the checker can compare it with the catalogue's \
            exercises. The help suggests the nearest word or lists them all.",
    }

    // Meaning: sessions, prescriptions and progressions.
    DuplicateSession = "duplicate-session" {
        summary: "A block has two sessions with the same name.",
        description: "Sessions are known by their names (in diagnostics, spacing constraints \
            and calendars), so the names within one block must differ. Rename one.",
    }
    DuplicateDay = "duplicate-day" {
        summary: "A session lists the same day twice.",
        description: "A session takes place at most once on each day it lists. Remove the \
            repeated day, or add a second session for a second workout that day.",
    }
    SessionOverlap = "session-overlap" {
        summary: "Two sessions take place at the same time.",
        description: "Two timed sessions on the same day overlap, given their start times \
            and durations. Move one of them, or shorten it.",
    }
    SessionOverlapsRun = "session-overlaps-run" {
        summary: "A session takes place at the same time as a run.",
        description: "A timed session and a timed run on the same day overlap, given their \
            start times and durations. Move one of them.",
    }
    UnknownSelector = "unknown-selector" {
        summary: "A spacing constraint names no session, run or race of the plan.",
        description: "The sides of a `spacing` constraint name a session, a run label, a \
            race, or a kind (`strength`, `lower`, `hard-run`, ...). The help suggests the \
            nearest name in the plan.",
    }
    InvalidSets = "invalid-sets" {
        summary: "A set group has no sets.",
        description: "A set group is written SETSxREPS with at least one set, such as 3x5. \
            Remove a group that is not meant to be done.",
    }
    InvalidReps = "invalid-reps" {
        summary: "A rep count or range makes no sense.",
        description: "A set has at least one rep, and a rep range puts the lower count first \
            (3x8-12).",
    }
    PercentWithoutMax = "percent-without-max" {
        summary: "A load is a percentage of a max the athlete does not have.",
        description: "`@80%` means 80% of the athlete's one-repetition maximum for that \
            exercise, so the athlete needs a `max` for it. Add the max, or write the load in \
            kg or lb.",
    }
    InvalidModifier = "invalid-modifier" {
        summary: "A deload or taper changes load or volume by an impossible percentage.",
        description: "A change to load or volume lies between -100% (nothing) and +1000%.",
    }
    DoubleWithoutRange = "double-without-range" {
        summary: "A double progression is given sets without a rep range.",
        description: "A double progression adds reps through a range (3x8-12) before it adds \
            load, so its sets must give the range.",
    }
    WaveMismatch = "wave-mismatch" {
        summary: "A wave's rep counts do not fit the line's sets.",
        description: "A wave gives the reps of each week of the wave (`wave 6/5/4 +2.5kg`) \
            and starts at the reps the sets prescribe; it needs at least one rep count.",
    }
    ProgressionMismatch = "progression-mismatch" {
        summary: "A progression cannot apply to the line's sets.",
        description: "A progression must suit what it raises: reps can only be added to sets \
            of a fixed rep count, and load only to sets that have a load it can raise. The \
            labels show the progression and the sets it does not fit.",
    }
    EffortTwice = "effort-twice" {
        summary: "A load gives its effort more than once.",
        description: "A load may carry one effort beside it, as RPE or as RIR \
            (`@80kg RPE8`, `@35lb RIR3`); the two scales say the same thing, so give one.",
    }
    BodyweightMissing = "bodyweight-missing" {
        summary: "A load is a share of a bodyweight the athlete does not declare.",
        description: "`@50%bw` means half the athlete's bodyweight, so the athlete block needs \
            a `bodyweight`. Add it, or write the load in kg or lb.",
    }
    OrWithoutExercise = "or-without-exercise" {
        summary: "An `or` line has no exercise line above it to be an alternative to.",
        description: "A line `or EXERCISE SETS ...` offers an alternative to the exercise line \
            right above it (for another gym, say). Put it under the line it replaces, or write \
            it as an exercise line of its own.",
    }
    SupersetSetsMismatch = "superset-sets-mismatch" {
        summary: "The lines of a superset disagree on their number of sets.",
        description: "A superset is done in rounds, one set of each line per round, so every \
            line gives the same number of sets. Make the counts agree, or move the odd line \
            out of the superset.",
    }
    CircuitEntry = "circuit-entry" {
        summary: "A circuit entry gives sets, or gives neither reps nor a time.",
        description: "Each entry of a circuit is one set per round: write its reps (`10`, \
            `10-12`) or time (`30s`), not a set count (`3x10`); the circuit's rounds give the \
            sets. With `work 40s` on the circuit an entry may leave the reps out.",
    }
    OverlappingRunWeeks = "overlapping-runs-weeks" {
        summary: "Two `runs weeks` statements cover the same week.",
        description: "Each `runs weeks A-B` statement gives the running week of its weeks; a \
            week can have only one, so the ranges may not overlap.",
    }

    // Limits on how much one plan may expand into.
    TooManyBlocks = "too-many-blocks" {
        summary: "The plan has more blocks than it has weeks to hold.",
        description: "Blocks may not overlap, so a plan has at most one block a week. Merge \
            blocks, or split the plan into several files.",
    }
    TooManyRaces = "too-many-races" {
        summary: "The plan has more races than stride expands.",
        description: "A plan holds at most one race a week on average. Keep the races of one \
            plan.",
    }
    TooManyExerciseDefinitions = "too-many-exercise-definitions" {
        summary: "The plan defines more exercises than stride accepts.",
        description: "Define only the exercises the plan uses that the catalogue lacks.",
    }
    TooManyConstraints = "too-many-constraints" {
        summary: "`spacing { }` has more constraints than stride accepts.",
        description: "One constraint covers every session and run its selectors name, so a \
            few constraints are enough for any plan.",
    }
    TooManyRuleSettings = "too-many-rule-settings" {
        summary: "`rules { }` has more lines than stride accepts.",
        description: "`all` names every rule at once (`allow all`), so a few lines are \
            enough for any plan.",
    }
    TooManyRuns = "too-many-runs" {
        summary: "A running week has more runs than stride expands.",
        description: "A running week holds at most a few runs a day. Check for lines that \
            were repeated by mistake.",
    }
    TooManyExercises = "too-many-exercises" {
        summary: "A session has more exercises than stride expands.",
        description: "A session holds at most a hundred exercise lines. Split it into \
            several sessions.",
    }
    TooManySessions = "too-many-sessions" {
        summary: "A block has more sessions a week than stride expands.",
        description: "A session counts once for each day it lists. A block holds at most a \
            few sessions a day; check for sessions or days repeated by mistake.",
    }
    TooManySetGroups = "too-many-set-groups" {
        summary: "A block prescribes more set groups a week than stride expands.",
        description: "Each SETSxREPS group of each line counts once for each day of its \
            session. Prescribe fewer groups, or split the block.",
    }
    TooManySets = "too-many-sets" {
        summary: "A set group has more sets than stride expands, in some week.",
        description: "A set group holds at most a hundred sets, in every week of its \
            progression. Write the sets of one session (3x10), and progress more slowly or \
            for fewer weeks.",
    }
    TooManyReps = "too-many-reps" {
        summary: "A set has more reps than stride expands, in some week.",
        description: "A set holds at most a thousand reps, in every week of its progression. \
            Write a long effort as a timed set (3x2min).",
    }
    DistanceTooLong = "distance-too-long" {
        summary: "A set covers a longer distance than stride expands, in some week.",
        description: "A set covers at most 10,000 m, in every week of its progression. Split \
            the distance into several sets (5x2000m).",
    }

    // The checker's configuration, as a plan writes it.
    UnknownRule = "unknown-rule" {
        summary: "A `rules { }` line or a suppression names no rule of the checker.",
        description: "Rules are named `category.name` (`schedule.same-session`), or `all` \
            for every rule. `stride rules` lists them; the help suggests the nearest name.",
    }
    UnknownParameter = "unknown-parameter" {
        summary: "A `set` line names a parameter the rule does not have.",
        description: "`set RULE.PARAMETER VALUE` changes one of a rule's parameters. \
            `stride explain RULE` lists the rule's parameters; the help suggests the nearest \
            one.",
    }
    InvalidParameter = "invalid-parameter" {
        summary: "A rule parameter is set to a value it cannot take.",
        description: "Each parameter takes a number, a duration, a word or a flag within a \
            range. `stride explain RULE` shows what each parameter takes.",
    }
    UnknownProfile = "unknown-profile" {
        summary: "A `profile` line names no profile of the checker.",
        description: "Profiles choose between readings of the evidence (`heavy`, \
            `moderate`, `recovery-24h`, ...). `stride explain PROFILE` describes each; the \
            help suggests the nearest name.",
    }

    // The formatter and the editor.
    OverriddenStatement = "overridden-statement" {
        summary: "A statement has no effect because a later one replaces it, so formatting \
            would drop it.",
        description: "`stride fmt` never loses text silently: a statement that a later one \
            replaces is reported instead. Remove it, or the statement that replaces it, and \
            format again.",
    }
    FormatterBug = "formatter-bug" {
        summary: "`stride fmt` could not format the file without changing its meaning.",
        description: "The formatter checks that its output means the same as its input and \
            keeps every comment; when it does not, the file is left as it is. This is a bug \
            in stride: please report it with the file attached.",
    }
    Config = "config" {
        summary: "The `stride.yaml` that applies to the plan cannot be read.",
        description: "The language server checks a plan with the nearest `stride.yaml` \
            above it; when that file is not valid, the plan is checked with the defaults and \
            this error says why. `stride check` reports the same problem on its own.",
    }
}

impl ErrorCode {
    /// The code whose text is `code`.
    pub fn from_code(code: &str) -> Option<ErrorCode> {
        ErrorCode::ALL.iter().copied().find(|c| c.as_str() == code)
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::ErrorCode;

    #[test]
    fn codes_are_distinct_kebab_case_and_not_rule_names() {
        let registry = crate::check::Registry::builtin();
        let mut seen = std::collections::BTreeSet::new();
        for code in ErrorCode::ALL {
            let text = code.as_str();
            assert!(seen.insert(text), "{text} twice");
            assert!(
                text.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{text}"
            );
            assert!(registry.get(text).is_none(), "{text} is a rule's name");
            assert_eq!(ErrorCode::from_code(text), Some(*code));
        }
    }

    #[test]
    fn every_code_is_documented_within_sarif_limits() {
        for code in ErrorCode::ALL {
            let (summary, description) = (code.summary(), code.description());
            assert!(summary.ends_with('.') && !summary.contains('\n'), "{code}");
            assert!(
                !description.is_empty() && description.len() <= 1024,
                "{code}"
            );
        }
    }
}
