//! `stride build`: compile a plan to Markdown, iCalendar or JSON.

use std::path::{Path, PathBuf};

use clap::builder::PossibleValue;
use clap::{Args, ValueEnum};
use jiff::Timestamp;

use super::sink::Sink;
use super::{FAILURE, SUCCESS, USAGE, input, output, terminal};
use crate::emit::markdown::Detail;
use crate::emit::{self, Format, Request, WeekRange, ics};
use crate::render;

#[derive(Debug, Args)]
#[command(after_help = after_help())]
pub struct BuildArgs {
    /// The plan to build; `-` reads standard input.
    #[arg(value_name = "PLAN")]
    pub plan: String,

    /// Output format.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub to: Option<Format>,

    /// Write to FILE instead of standard output (atomically: on any error
    /// the previous file is left as it was).
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

iCalendar time stamps (DTSTAMP, LAST-MODIFIED) come from SOURCE_DATE_EPOCH when it is \
set, else from the plan file's modification time (the Unix epoch for standard input), \
so the same input always gives the same bytes.",
        extensions.join(", ")
    )
}

/// `--to` names every format the emitters know by its keyword.
impl ValueEnum for Format {
    fn value_variants<'a>() -> &'a [Format] {
        &Format::ALL
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
        (Some(to), _) => to,
        (None, Some(path)) => Format::from_path(path).ok_or_else(|| {
            let keywords: Vec<&str> = Format::ALL.iter().map(|f| f.keyword()).collect();
            format!(
                "cannot tell the output format from `{}`; name it with --to {}",
                path.display(),
                or_list(&keywords)
            )
        })?,
        (None, None) => Format::Markdown,
    };
    if format != Format::Icalendar && (args.utc || args.with_runs || args.alarm.is_some()) {
        errln!(
            "warning: --utc, --with-runs and --alarm only change iCalendar output, not {}",
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
    let stamp = stamp(&args.plan)?;
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
        return Ok(FAILURE);
    }
    let warnings = analysis.warnings();
    if args.deny == Some(Deny::Warnings) && warnings > 0 {
        errln!(
            "error: {} has {warnings} warning{} and --deny warnings is set; nothing was built",
            source.name,
            if warnings == 1 { "" } else { "s" }
        );
        return Ok(FAILURE);
    }
    let Some(plan) = analysis.plan.as_ref() else {
        errln!(
            "error: {} could not be expanded; nothing was built",
            source.name
        );
        return Ok(FAILURE);
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

    let findings = render::findings(diagnostics, Some(&source.text));
    let request = Request {
        weeks: args.weeks,
        findings: &findings,
        icalendar: ics::Options {
            utc: args.utc,
            with_runs: args.with_runs,
            alarm_s: args.alarm,
            stamp,
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

/// DTSTAMP and LAST-MODIFIED: `SOURCE_DATE_EPOCH`, else the plan file's
/// modification time, else (standard input) the Unix epoch. Never the clock.
fn stamp(plan: &str) -> Result<Timestamp, String> {
    if let Some(value) = std::env::var_os("SOURCE_DATE_EPOCH").filter(|v| !v.is_empty()) {
        let text = value.to_string_lossy();
        return text
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|s| Timestamp::from_second(s).ok())
            .ok_or_else(|| {
                format!("SOURCE_DATE_EPOCH is not a time in seconds since 1970: `{text}`")
            });
    }
    if plan == "-" {
        return Ok(Timestamp::UNIX_EPOCH);
    }
    // An unreadable file is reported when it is read.
    let modified = std::fs::metadata(plan).and_then(|m| m.modified());
    Ok(modified
        .ok()
        .and_then(|t| Timestamp::try_from(t).ok())
        .and_then(|t| Timestamp::from_second(t.as_second()).ok())
        .unwrap_or(Timestamp::UNIX_EPOCH))
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
