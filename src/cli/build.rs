//! `stride build`: compile a plan to Markdown, iCalendar, JSON or a
//! directory of Garmin FIT workouts.

use std::path::{Path, PathBuf};

use clap::builder::PossibleValue;
use clap::{Args, ValueEnum};
use jiff::Timestamp;

use super::sink::Sink;
use super::{FAILURE, SUCCESS, USAGE, build_fit, input, output, terminal};
use crate::emit::{self, Detail, Format, Request, WeekRange, ical_read as ics_read, ics};
use crate::render;

#[derive(Debug, Args)]
#[command(after_help = after_help())]
pub struct BuildArgs {
    /// The plan to build; `-` reads standard input.
    #[arg(value_name = "PLAN")]
    pub plan: String,

    /// Output format.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub to: Option<Target>,

    /// Write to FILE instead of standard output (atomically: on any error
    /// the previous file is left as it was); for `fit` and `fit-schedule`,
    /// the directory to write the files into.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// iCalendar: write times in UTC instead of the plan's time zone.
    #[arg(long)]
    pub utc: bool,

    /// iCalendar: add the running sessions and the races.
    #[arg(long)]
    pub with_runs: bool,

    /// iCalendar: a reminder this long before every event, e.g. `30min`, `1h`.
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub alarm: Option<u32>,

    /// Markdown: `sessions` writes each session once over its weeks; `full`
    /// writes every week's sessions in full.
    #[arg(long, value_enum, value_name = "LEVEL", default_value = "sessions")]
    pub detail: Detail,

    /// Only these plan weeks, e.g. `5-8` or `5`.
    #[arg(long, value_name = "A-B", value_parser = parse_weeks)]
    pub weeks: Option<WeekRange>,

    /// iCalendar: the calendar this one replaces, to raise the SEQUENCE of
    /// changed events and cancel vanished ones. `-o` over an existing
    /// calendar uses that file.
    #[arg(long, value_name = "OLD.ics")]
    pub previous: Option<PathBuf>,

    /// iCalendar: the plan's identity in event UIDs (default: the file
    /// name without its extension). Keep it when renaming the file.
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,

    /// Treat warnings as errors: `--deny warnings`.
    #[arg(long, value_enum, value_name = "WHAT")]
    pub deny: Option<Deny>,
}

/// The text after `stride build --help`'s options, naming every format's
/// usual extension.
fn after_help() -> String {
    let extensions: Vec<String> = Format::ALL
        .iter()
        .filter_map(|f| f.extensions().first())
        .map(|e| format!(".{e}"))
        .collect();
    format!(
        "The format follows from --to, else from the extension of -o ({}); \
Markdown is the default on standard output.

--to fit writes one Garmin FIT workout per session and week into the directory -o \
(w03-lower-a.fit, ...); --to fit-schedule adds schedule.fit, which places them on \
their dates. See docs/fit.md for putting them on a watch.

iCalendar time stamps (DTSTAMP, LAST-MODIFIED) come from SOURCE_DATE_EPOCH when it is \
set, else from the plan's start date, so the same input always gives the same bytes. \
With --previous (or -o over an existing calendar) unchanged events keep their bytes, \
changed ones get a higher SEQUENCE and vanished ones are cancelled: docs/calendar.md.",
        extensions.join(", ")
    )
}

/// What `--to` asks for: a text format, or FIT files in a directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Text(Format),
    /// Garmin FIT workouts; `schedule` adds `schedule.fit`.
    Fit {
        schedule: bool,
    },
}

impl Target {
    /// Every text format the emitters know, then FIT: a new emitter
    /// appears in `--to` without an edit here.
    const ALL: [Target; Format::ALL.len() + 2] = {
        let mut all = [Target::Fit { schedule: true }; Format::ALL.len() + 2];
        let mut i = 0;
        while i < Format::ALL.len() {
            all[i] = Target::Text(Format::ALL[i]);
            i += 1;
        }
        all[Format::ALL.len()] = Target::Fit { schedule: false };
        all
    };

    fn keyword(self) -> &'static str {
        match self {
            Target::Text(format) => format.keyword(),
            Target::Fit { schedule: false } => "fit",
            Target::Fit { schedule: true } => "fit-schedule",
        }
    }
}

/// `--to` names every format the emitters know by its keyword.
impl ValueEnum for Target {
    fn value_variants<'a>() -> &'a [Target] {
        &Target::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.keyword()))
    }
}

/// `--detail sessions` or `--detail full`.
impl ValueEnum for Detail {
    fn value_variants<'a>() -> &'a [Detail] {
        &[Detail::Sessions, Detail::Full]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(match self {
            Detail::Sessions => "sessions",
            Detail::Full => "full",
        }))
    }
}

/// What `--deny` can turn into errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    Warnings,
}

pub fn run(args: BuildArgs) -> u8 {
    match build(&args) {
        Ok(code) => code,
        Err(message) => {
            errln!("error: {message}");
            USAGE
        }
    }
}

/// Builds; `Err` is a usage or I/O problem (exit 2), `Ok` the exit code.
fn build(args: &BuildArgs) -> Result<u8, String> {
    let destination = args.output.as_deref().filter(|p| *p != Path::new("-"));
    let format = match (args.to, destination) {
        (Some(Target::Text(format)), _) => format,
        (Some(Target::Fit { schedule }), _) => return build_fit::run(args, schedule),
        (None, Some(path)) => Format::from_path(path).ok_or_else(|| {
            let keywords: Vec<&str> = Target::ALL.iter().map(|f| f.keyword()).collect();
            format!(
                "cannot tell the output format from `{}`; name it with --to {}",
                path.display(),
                or_list(&keywords)
            )
        })?,
        (None, None) => Format::Markdown,
    };
    if format != Format::Icalendar
        && (args.utc
            || args.with_runs
            || args.alarm.is_some()
            || args.previous.is_some()
            || args.id.is_some())
    {
        errln!(
            "warning: --utc, --with-runs, --alarm, --previous and --id only change iCalendar output, not {}",
            format.name()
        );
    }
    if let Some(path) = destination
        && args.plan != "-"
        && same_file(Path::new(&args.plan), path)
    {
        return Err(format!(
            "-o {} would overwrite the plan itself",
            path.display()
        ));
    }
    let epoch = source_date_epoch()?;
    let previous = match (format, &args.previous, destination) {
        (Format::Icalendar, Some(path), _) => Some(read_previous(path)?),
        // A calendar being replaced is its own previous; a file there that
        // is not one is simply replaced.
        (Format::Icalendar, None, Some(path)) if path.exists() => read_previous(path).ok(),
        _ => None,
    };
    let Some((source, analysis)) = analyze(args)? else {
        return Ok(FAILURE);
    };
    let Some(plan) = analysis.plan.as_ref() else {
        return Ok(FAILURE);
    };
    let diagnostics = &analysis.diagnostics;
    let findings = render::findings(diagnostics, Some(&source.text));
    let request = Request {
        weeks: args.weeks,
        findings: &findings,
        icalendar: ics::Options {
            utc: args.utc,
            with_runs: args.with_runs,
            alarm_s: args.alarm,
            stamp: epoch.unwrap_or_else(|| ics::content_stamp(plan)),
            id: Some(plan_id(args.id.as_deref(), &args.plan)).filter(|id| !id.is_empty()),
            previous: previous.as_ref(),
        },
        detail: args.detail,
    };
    let text = emit::emit(plan, format, &request);
    match destination {
        Some(path) => output::write_atomic(path, text.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?,
        None => Sink::stdout()
            .write(&text)
            .map_err(|e| format!("cannot write to standard output: {e}"))?,
    }
    Ok(SUCCESS)
}

/// Reads, compiles and checks the plan, printing its diagnostics; `None`
/// when it has errors (or denied warnings) and nothing may be built. A
/// returned analysis has a plan whose weeks cover `--weeks`.
pub(super) fn analyze(
    args: &BuildArgs,
) -> Result<Option<(input::Source, crate::Analysis)>, String> {
    let source = input::read(&args.plan)?;

    // The checker's findings count too: a denied rule stops the build, and
    // the Markdown lists every finding at its end.
    let check_options = crate::check::Options::for_plan(&args.plan, Default::default())
        .map_err(|e| e.to_string())?;
    let analysis = crate::analyze(&source.text, &check_options.into());
    let diagnostics = &analysis.diagnostics;
    if !diagnostics.is_empty() {
        let style = terminal::stderr_style();
        // Written a diagnostic at a time: a report can be ten times the
        // size of the plan.
        let _ = Sink::stderr().write_with(|out| {
            let mut written = Ok(());
            render::human_each(diagnostics, &source.name, &source.text, style, |part| {
                if written.is_ok() {
                    written = out.write_all(part.as_bytes());
                }
            });
            written
        });
    }
    if analysis.has_errors() {
        errln!("error: {} has errors; nothing was built", source.name);
        return Ok(None);
    }
    let warnings = analysis.warnings();
    if args.deny == Some(Deny::Warnings) && warnings > 0 {
        errln!(
            "error: {} has {warnings} warning{} and --deny warnings is set; nothing was built",
            source.name,
            if warnings == 1 { "" } else { "s" }
        );
        return Ok(None);
    }
    let Some(plan) = analysis.plan.as_ref() else {
        errln!(
            "error: {} could not be expanded; nothing was built",
            source.name
        );
        return Ok(None);
    };
    if let Some(range) = args.weeks {
        let count = plan.weeks.len();
        if usize::try_from(range.last).is_ok_and(|last| last > count) {
            return Err(format!(
                "--weeks {}-{}: the plan has {count} week{}",
                range.first,
                range.last,
                if count == 1 { "" } else { "s" }
            ));
        }
    }

    Ok(Some((source, analysis)))
}

/// `a, b or c`.
fn or_list(words: &[&str]) -> String {
    match words.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => words.concat(),
    }
}

/// Whether two paths name one existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// The plan's identity in UIDs: `--id`, else the plan file's stem (empty
/// for standard input, where the plan's name stands in).
pub(super) fn plan_id<'a>(id: Option<&'a str>, plan: &'a str) -> &'a str {
    match id {
        Some(id) => id,
        None if plan == "-" => "",
        None => Path::new(plan)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or(""),
    }
}

/// The calendar at `path`, as `--previous` reads it.
fn read_previous(path: &Path) -> Result<ics_read::Previous, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read the previous calendar {}: {e}", path.display()))?;
    ics_read::Previous::parse(&text)
        .map_err(|e| format!("{} is not a calendar: {e}", path.display()))
}

/// `SOURCE_DATE_EPOCH`, when it is set.
pub(super) fn source_date_epoch() -> Result<Option<Timestamp>, String> {
    let Some(value) = std::env::var_os("SOURCE_DATE_EPOCH").filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let text = value.to_string_lossy();
    text.trim()
        .parse::<i64>()
        .ok()
        .and_then(|s| Timestamp::from_second(s).ok())
        .map(Some)
        .ok_or_else(|| format!("SOURCE_DATE_EPOCH is not a time in seconds since 1970: `{text}`"))
}

/// `30min`, `1h`, `1h30min`, `90s`: the plan language's durations.
fn parse_duration(text: &str) -> Result<u32, String> {
    let bad = || format!("`{text}` is not a duration like 30min, 1h or 1h30min");
    let mut rest = text.trim();
    if rest.is_empty() {
        return Err(bad());
    }
    let mut total: u64 = 0;
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        if digits == 0 {
            return Err(bad());
        }
        let number: u64 = rest[..digits].parse().map_err(|_| bad())?;
        rest = &rest[digits..];
        let (unit, len) = if rest.starts_with("min") {
            (60, 3)
        } else if rest.starts_with('h') {
            (3600, 1)
        } else if rest.starts_with('s') {
            (1, 1)
        } else {
            return Err(bad());
        };
        rest = &rest[len..];
        total = number
            .checked_mul(unit)
            .and_then(|s| total.checked_add(s))
            .ok_or_else(bad)?;
    }
    const WEEK: u64 = 7 * 24 * 3600;
    if total > WEEK {
        return Err(format!("`{text}` is longer than a week"));
    }
    u32::try_from(total).map_err(|_| bad())
}

/// `5-8` or `5`.
fn parse_weeks(text: &str) -> Result<WeekRange, String> {
    let bad = || format!("`{text}` is not a week range like 5-8 or 5");
    let number = |s: &str| s.trim().parse::<u32>().map_err(|_| bad());
    let (first, last) = match text.split_once('-') {
        Some((a, b)) => (number(a)?, number(b)?),
        None => {
            let n = number(text)?;
            (n, n)
        }
    };
    if first == 0 {
        return Err(format!("`{text}`: weeks are numbered from 1"));
    }
    if first > last {
        return Err(format!("`{text}`: the first week comes after the last"));
    }
    Ok(WeekRange { first, last })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("30min"), Ok(1800));
        assert_eq!(parse_duration("1h30min"), Ok(5400));
        assert_eq!(parse_duration("90s"), Ok(90));
        assert_eq!(parse_duration("0min"), Ok(0));
        assert!(parse_duration("30").is_err());
        assert!(parse_duration("30m").is_err());
        assert!(parse_duration("min").is_err());
        assert!(parse_duration("").is_err());
        assert!(parse_duration("99999999999999999999h").is_err());
        assert!(parse_duration("200h").is_err());
    }

    #[test]
    fn week_ranges() {
        assert_eq!(parse_weeks("5-8"), Ok(WeekRange { first: 5, last: 8 }));
        assert_eq!(parse_weeks("3"), Ok(WeekRange { first: 3, last: 3 }));
        assert!(parse_weeks("0-2").is_err());
        assert!(parse_weeks("8-5").is_err());
        assert!(parse_weeks("a-b").is_err());
        assert!(parse_weeks("-3").is_err());
    }
}
