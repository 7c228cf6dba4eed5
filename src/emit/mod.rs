//! Backends: the expanded [`Plan`] written out as Markdown, iCalendar or JSON.
//!
//! Every emitter is a pure function of the plan and [`Options`]: no I/O, no
//! clock, no environment. Whatever varies between runs (the time stamp an
//! iCalendar feed carries, the findings to list) comes in through `Options`,
//! so the same inputs always give byte-identical output.

pub mod ics;
pub mod json;
pub mod markdown;
pub mod vtimezone;

mod describe;
mod ical_text;
mod mermaid;
mod table;
mod volume;

#[cfg(test)]
mod fixture;
#[cfg(test)]
mod tests;

use std::path::Path;

use jiff::Timestamp;

use crate::diagnostic::Diagnostic;
use crate::plan::{Plan, Week};

/// An output format of `stride build`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Markdown,
    Icalendar,
    Json,
}

impl Format {
    /// The format a file name's extension asks for, if it names one.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "ics" | "ical" | "icalendar" => Some(Format::Icalendar),
            "json" => Some(Format::Json),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown",
            Format::Icalendar => "iCalendar",
            Format::Json => "JSON",
        }
    }
}

/// A range of plan weeks, both ends included.
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

/// Everything an emitter needs besides the plan.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    /// iCalendar: times in UTC instead of the plan's zone with a VTIMEZONE.
    pub utc: bool,
    /// iCalendar: add the running sessions and the races as events.
    pub with_runs: bool,
    /// iCalendar: a display alarm this many seconds before every event.
    pub alarm_s: Option<u32>,
    /// Only these weeks (every format).
    pub weeks: Option<WeekRange>,
    /// iCalendar: DTSTAMP and LAST-MODIFIED. The caller decides where it
    /// comes from (`SOURCE_DATE_EPOCH`, the file's modification time), never
    /// the wall clock, so that a build is reproducible.
    pub stamp: Timestamp,
    /// Markdown: check findings, listed at the end.
    pub findings: &'a [Diagnostic],
    /// The plan's source text, to give findings line numbers.
    pub source: Option<&'a str>,
}

impl Default for Options<'_> {
    fn default() -> Self {
        Options {
            utc: false,
            with_runs: false,
            alarm_s: None,
            weeks: None,
            stamp: Timestamp::UNIX_EPOCH,
            findings: &[],
            source: None,
        }
    }
}

impl Options<'_> {
    /// The weeks of `plan` these options select.
    pub(crate) fn weeks<'p>(&self, plan: &'p Plan) -> impl Iterator<Item = &'p Week> + use<'p> {
        let range = self.weeks;
        plan.weeks
            .iter()
            .filter(move |w| range.is_none_or(|r| r.contains(w.number)))
    }
}

/// Writes `plan` in `format`.
pub fn emit(plan: &Plan, format: Format, options: &Options) -> String {
    match format {
        Format::Markdown => markdown::emit(plan, options),
        Format::Icalendar => ics::emit(plan, options),
        Format::Json => json::emit(plan, options),
    }
}
