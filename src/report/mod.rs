//! Check results as text for machines: one file per output format, all
//! reading the same plain data ([`CheckedFile`]) and sharing one mapping
//! from byte spans to lines and columns ([`location`]).
//!
//! The human format is miette's, in [`crate::render`]; everything here is
//! deterministic text meant for editors, CI systems and dashboards.

mod concise;
mod github;
mod json;
mod junit;
mod location;
pub mod rules_doc;
mod sarif;

use std::fmt;
use std::io;
use std::str::FromStr;

use crate::diagnostic::{Diagnostic, Severity};

/// Where each rule's documentation lives: `docs/rules.md` on the default
/// branch. Help links in SARIF and elsewhere point at its anchors.
pub const RULES_DOC_URL: &str = "https://github.com/stride-plans/stride/blob/main/docs/rules.md";

/// The link to the documentation of `rule` (a checker rule or a compiler
/// error code).
pub fn rule_url(rule: &str) -> String {
    format!("{RULES_DOC_URL}#{}", rules_doc::anchor(rule))
}

/// One checked plan: its name as shown, its text and every diagnostic,
/// sorted by position.
#[derive(Debug, Clone)]
pub struct CheckedFile {
    pub name: String,
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
}

/// Counts over a whole run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub files: usize,
}

impl Summary {
    pub fn of(files: &[CheckedFile]) -> Summary {
        let mut summary = Summary {
            files: files.len(),
            ..Summary::default()
        };
        for d in files.iter().flat_map(|f| &f.diagnostics) {
            match d.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Advice => summary.infos += 1,
            }
        }
        summary
    }
}

/// `2 errors, 3 warnings in 1 file`, with notes when there are any.
impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        write!(
            f,
            "{}, {}",
            count(self.errors, "error", "errors"),
            count(self.warnings, "warning", "warnings")
        )?;
        if self.infos > 0 {
            write!(f, ", {}", count(self.infos, "note", "notes"))?;
        }
        write!(f, " in {}", count(self.files, "file", "files"))
    }
}

/// The output formats of `stride check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Human,
    Concise,
    Json,
    Sarif,
    Github,
    Junit,
}

impl Format {
    pub const ALL: [Format; 6] = [
        Format::Human,
        Format::Concise,
        Format::Json,
        Format::Sarif,
        Format::Github,
        Format::Junit,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Format::Human => "human",
            Format::Concise => "concise",
            Format::Json => "json",
            Format::Sarif => "sarif",
            Format::Github => "github",
            Format::Junit => "junit",
        }
    }

    /// Renders every file's diagnostics; `None` for [`Format::Human`],
    /// which needs a terminal style (see [`crate::render::human`]).
    pub fn render(self, files: &[CheckedFile]) -> Option<String> {
        Some(match self {
            Format::Human => return None,
            Format::Concise => concise::render(files),
            Format::Json => json::render(files),
            Format::Sarif => sarif::render(files),
            Format::Github => github::render(files),
            Format::Junit => junit::render(files),
        })
    }

    /// Writes every file's diagnostics to `out`, as [`Format::render`]
    /// renders them, without holding the whole report where the format
    /// allows (SARIF); `None` for [`Format::Human`].
    pub fn write(self, files: &[CheckedFile], out: &mut dyn io::Write) -> Option<io::Result<()>> {
        match self {
            Format::Sarif => Some(sarif::write(files, out)),
            _ => self
                .render(files)
                .map(|text| out.write_all(text.as_bytes())),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(word: &str) -> Result<Format, String> {
        Format::ALL
            .into_iter()
            .find(|f| f.name() == word)
            .ok_or_else(|| {
                let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
                format!(
                    "unknown format `{word}`; the formats are {}",
                    names.join(", ")
                )
            })
    }
}

/// The words formats use for a severity: `error`, `warning`, `info`.
pub fn level(severity: Severity) -> &'static str {
    severity.as_str()
}
