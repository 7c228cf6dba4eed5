//! Backends: the expanded [`Plan`] written out as Markdown, iCalendar or JSON.
//!
//! Every emitter is a pure function of the plan, the weeks to write and its
//! own options (`markdown::Options`, `ics::Options`; JSON has none): no
//! I/O, no clock, no environment. Whatever varies between runs (the time
//! stamp an iCalendar feed carries, the findings to list) comes in through
//! them, so the same inputs always give byte-identical output.
//!
//! A new backend is a file here, a [`Format`] variant with its names, and
//! an arm of [`emit`] making its options from the [`Request`]; its golden
//! files are a test in `tests/emit_golden.rs`. Nothing else names the
//! formats: `stride build --to`, its help, the determinism and robustness
//! tests and the fuzz target all go through [`Format::ALL`].

#[cfg(feature = "fit")]
pub mod fit;
pub mod html;
pub mod ical_read;
pub mod ics;
pub mod json;
mod markdown;
pub use markdown::Detail;
mod vtimezone;

pub(crate) mod describe;
mod estimate;
pub(crate) mod grid;
mod ical_text;
mod mermaid;
mod prescriptions;
mod previous;
mod svg;
mod table;
mod volume;

#[cfg(test)]
mod fixture;
#[cfg(test)]
mod tests;

use std::path::Path;

use crate::plan::{Plan, Week};
use crate::render::Finding;

/// An output format of `stride build`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Markdown,
    Icalendar,
    Json,
    Html,
}

impl Format {
    pub const ALL: [Format; 4] = [
        Format::Markdown,
        Format::Icalendar,
        Format::Json,
        Format::Html,
    ];

    /// The word `stride build --to` takes.
    pub fn keyword(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Icalendar => "ics",
            Format::Json => "json",
            Format::Html => "html",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown",
            Format::Icalendar => "iCalendar",
            Format::Json => "JSON",
            Format::Html => "HTML",
        }
    }

    /// The file name extensions that ask for it, the usual one first.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Format::Markdown => &["md", "markdown"],
            Format::Icalendar => &["ics", "ical", "icalendar"],
            Format::Json => &["json"],
            Format::Html => &["html", "htm"],
        }
    }

    /// The format a file name's extension asks for, if it names one.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Format::ALL
            .into_iter()
            .find(|f| f.extensions().contains(&ext.as_str()))
    }
}

pub use crate::plan::WeekRange;

/// What a build asks for besides the plan, whatever the format: [`emit`]
/// hands each backend the part it reads, as that backend's own options.
#[derive(Debug, Clone, Copy, Default)]
pub struct Request<'a> {
    /// Only these weeks (every format).
    pub weeks: Option<WeekRange>,
    /// The checker's findings, for the formats that list them.
    pub findings: &'a [Finding],
    /// How to write iCalendar.
    pub icalendar: ics::Options<'a>,
    /// How much of the weeks Markdown and HTML spell out.
    pub detail: Detail,
}

/// The weeks of `plan` that `weeks` selects (all of them without it).
pub(crate) fn select(plan: &Plan, weeks: Option<WeekRange>) -> impl Iterator<Item = &Week> {
    plan.weeks
        .iter()
        .filter(move |w| weeks.is_none_or(|r| r.contains(w.number)))
}

/// Writes `plan` in `format`.
pub fn emit(plan: &Plan, format: Format, request: &Request) -> String {
    let weeks = request.weeks;
    match format {
        Format::Markdown => {
            let options = markdown::Options {
                findings: request.findings,
                detail: request.detail,
            };
            markdown::emit(plan, weeks, &options)
        }
        Format::Icalendar => ics::emit(plan, weeks, &request.icalendar),
        Format::Json => json::emit(plan, weeks),
        Format::Html => {
            let options = html::Options {
                findings: request.findings,
                detail: request.detail,
            };
            html::emit(plan, weeks, &options)
        }
    }
}
