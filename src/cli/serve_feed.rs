//! One plan that `stride serve` follows: its file, the checker's verdict
//! on what the file says now, and the last build without errors, in every
//! representation the server offers.
//!
//! A feed rebuilds when the file's text changes (not its modification
//! time). Each calendar is built with the one served before as its
//! previous (`emit/previous.rs`), so a subscriber sees changed events with
//! a higher SEQUENCE and removed ones cancelled. While the file has
//! errors the last good build stays.

use std::path::{Path, PathBuf};

use jiff::{SignedDuration, Timestamp};

use super::input;
use super::serve_http::Kind;
use super::sink::Sink;
use super::terminal;
use crate::emit::{self, Detail, Format, Request, ical_read::Previous, ics};
use crate::render;
use crate::stable_hash;

/// How every feed is built.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Settings {
    pub(super) utc: bool,
    pub(super) with_runs: bool,
    /// `SOURCE_DATE_EPOCH`, else each build uses the plan's start.
    pub(super) epoch: Option<Timestamp>,
}

/// The checker's verdict on the file as it is now.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Verdict {
    pub(super) errors: usize,
    pub(super) warnings: usize,
}

impl Verdict {
    /// `clean`, `warnings` or `errors`: the `X-Stride-Verdict` header.
    pub(super) fn word(self) -> &'static str {
        if self.errors > 0 {
            "errors"
        } else if self.warnings > 0 {
            "warnings"
        } else {
            "clean"
        }
    }
}

/// One representation as served: its bytes and validators.
#[derive(Debug, Clone)]
pub(super) struct Representation {
    pub(super) body: String,
    /// Quoted, from the body's content.
    pub(super) etag: String,
    pub(super) last_modified: Timestamp,
}

/// The last build without errors.
#[derive(Debug, Clone)]
struct Build {
    calendar: Representation,
    busy: Representation,
    markdown: Representation,
    json: Representation,
}

impl Build {
    fn get(&self, kind: Kind) -> &Representation {
        match kind {
            Kind::Calendar => &self.calendar,
            Kind::Busy => &self.busy,
            Kind::Markdown => &self.markdown,
            Kind::Json => &self.json,
        }
    }
}

/// A plan file followed by the server.
#[derive(Debug)]
pub(super) struct Feed {
    /// The name in URLs, also the plan's id in UIDs: the file's stem.
    pub(super) name: String,
    path: PathBuf,
    settings: Settings,
    /// The text last read, to notice changes; `None` before the first read.
    text: Option<String>,
    /// Why the file could not be read, while it cannot.
    unreadable: Option<String>,
    verdict: Verdict,
    build: Option<Build>,
}

impl Feed {
    pub(super) fn new(name: String, path: PathBuf, settings: Settings) -> Feed {
        Feed {
            name,
            path,
            settings,
            text: None,
            unreadable: None,
            verdict: Verdict::default(),
            build: None,
        }
    }

    pub(super) fn path(&self) -> &Path {
        &self.path
    }

    pub(super) fn verdict(&self) -> Verdict {
        self.verdict
    }

    /// The representation `kind` of the last good build, if there is one.
    pub(super) fn get(&self, kind: Kind) -> Option<&Representation> {
        self.build.as_ref().map(|b| b.get(kind))
    }

    /// Whether what is served is older than the file (the file has
    /// errors or cannot be read).
    pub(super) fn stale(&self) -> bool {
        self.verdict.errors > 0 || self.unreadable.is_some()
    }

    /// Reads the file and rebuilds when its text changed, logging what
    /// happened to standard error.
    pub(super) fn refresh(&mut self) {
        let shown = self.path.display().to_string();
        let source = match input::read(&shown) {
            Ok(source) => source,
            Err(message) => {
                if self.unreadable.as_ref() != Some(&message) {
                    errln!("error: {message}; {}", self.serving());
                    self.unreadable = Some(message);
                }
                return;
            }
        };
        self.unreadable = None;
        if self.text.as_deref() == Some(source.text.as_str()) {
            return;
        }
        let modified = std::fs::metadata(&self.path)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| Timestamp::try_from(t).ok())
            .unwrap_or_else(Timestamp::now);
        self.rebuild(&source, modified);
        self.text = Some(source.text);
    }

    /// What the server keeps serving, for a log line.
    fn serving(&self) -> &'static str {
        if self.build.is_some() {
            "still serving the last good build"
        } else {
            "nothing to serve until it is fixed"
        }
    }

    fn rebuild(&mut self, source: &input::Source, modified: Timestamp) {
        let check = match crate::check::Options::for_plan(&source.name, Default::default()) {
            Ok(options) => options,
            Err(e) => {
                self.verdict = Verdict {
                    errors: 1,
                    warnings: 0,
                };
                errln!("error: {e}; {}", self.serving());
                return;
            }
        };
        let analysis = crate::analyze(&source.text, &check.into());
        let errors = analysis.diagnostics.iter().filter(|d| d.is_error()).count();
        self.verdict = Verdict {
            errors,
            warnings: analysis.warnings(),
        };
        if !analysis.diagnostics.is_empty() {
            let style = terminal::stderr_style();
            let text = render::human(&analysis.diagnostics, &source.name, &source.text, style);
            let _ = Sink::stderr().write(&text);
        }
        let plan = match analysis.plan.as_ref() {
            Some(plan) if errors == 0 => plan,
            _ => {
                let errors = errors.max(1);
                errln!(
                    "{}: {errors} error{}; {}",
                    source.name,
                    if errors == 1 { "" } else { "s" },
                    self.serving()
                );
                self.verdict.errors = errors;
                return;
            }
        };
        let old = self.build.take();
        let previous = |kind| {
            old.as_ref()
                .and_then(|b: &Build| Previous::parse(&b.get(kind).body).ok())
        };
        let (calendar_before, busy_before) = (previous(Kind::Calendar), previous(Kind::Busy));
        let icalendar = ics::Options {
            utc: self.settings.utc,
            with_runs: self.settings.with_runs,
            alarm_s: None,
            stamp: self
                .settings
                .epoch
                .unwrap_or_else(|| ics::content_stamp(plan)),
            id: Some(self.name.as_str()),
            previous: calendar_before.as_ref(),
        };
        let findings = render::findings(&analysis.diagnostics, Some(&source.text));
        let request = Request {
            weeks: None,
            findings: &findings,
            icalendar,
            detail: Detail::Sessions,
        };
        let busy_options = ics::Options {
            previous: busy_before.as_ref(),
            ..icalendar
        };
        let represent =
            |kind: Kind, body: String| represent(old.as_ref().map(|b| b.get(kind)), body, modified);
        let build = Build {
            calendar: represent(Kind::Calendar, ics::emit(plan, None, &icalendar)),
            busy: represent(Kind::Busy, ics::emit_busy(plan, None, &busy_options)),
            markdown: represent(Kind::Markdown, emit::emit(plan, Format::Markdown, &request)),
            json: represent(Kind::Json, emit::emit(plan, Format::Json, &request)),
        };
        let verb = if old.is_some() { "rebuilt" } else { "built" };
        self.build = Some(build);
        errln!(
            "{}: {verb} ({} warning{})",
            source.name,
            self.verdict.warnings,
            if self.verdict.warnings == 1 { "" } else { "s" }
        );
    }
}

/// `body` as served: an unchanged body keeps its validators; a changed
/// one is modified at `modified`, and never at or before its old time, so
/// that `If-Modified-Since` (whole seconds) sees the change.
fn represent(old: Option<&Representation>, body: String, modified: Timestamp) -> Representation {
    let modified = Timestamp::from_second(modified.as_second()).unwrap_or(modified);
    if let Some(old) = old.filter(|o| o.body == body) {
        return old.clone();
    }
    let last_modified = match old {
        Some(old) if old.last_modified >= modified => old
            .last_modified
            .checked_add(SignedDuration::from_secs(1))
            .unwrap_or(old.last_modified),
        _ => modified,
    };
    Representation {
        etag: format!("\"{}\"", stable_hash::hex(&[&body])),
        body,
        last_modified,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_body_is_modified_later_and_gets_a_new_etag() {
        let at = Timestamp::from_second(100).unwrap();
        let first = represent(None, "a".to_string(), at);
        assert_eq!(first.last_modified, at);
        let same = represent(Some(&first), "a".to_string(), at);
        assert_eq!(same.etag, first.etag);
        let changed = represent(Some(&first), "b".to_string(), at);
        assert_ne!(changed.etag, first.etag);
        assert_eq!(changed.last_modified.as_second(), 101);
        let later = Timestamp::from_second(500).unwrap();
        assert_eq!(
            represent(Some(&first), "c".into(), later).last_modified,
            later
        );
    }
}
