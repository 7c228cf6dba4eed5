//! Cross-checks with third-party readers, run only with `STRIDE_EXTERNAL=1`
//! (`.ci/run` sets it after installing the pinned tools into `.ci/tools/`):
//!
//! - Python `icalendar` and `vobject` (with validation) read every calendar,
//!   and ical.js (the parser Thunderbird uses) too; each event must resolve to
//!   exactly the UTC instant the plan intended, through the calendar's own
//!   VTIMEZONE (half-marathon.stride crosses the 28 March 2027 change to BST);
//! - markdown-it-py finds the same tables as pulldown-cmark does here;
//! - `mermaid.parse`, under jsdom, accepts every chart.
//!
//! The tools: `.ci/tools/venv` (from `.ci/external/requirements.txt`) and
//! `.ci/tools/node_modules` (from `.ci/external/package-lock.json`).

mod emit_support;

use std::path::{Path, PathBuf};
use std::process::Command;

use emit_support::{
    EXAMPLES, TRICKY_PLAN, example_plan, example_source, ics_variants, parse_markdown, plan_of,
};
use serde_json::json;
use stride::emit::ics::{self, When};
use stride::emit::{Format, Request, emit};

fn enabled() -> bool {
    if std::env::var("STRIDE_EXTERNAL").as_deref() == Ok("1") {
        true
    } else {
        eprintln!("skipped: set STRIDE_EXTERNAL=1 to run the external readers");
        false
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn tools() -> PathBuf {
    root().join(".ci").join("tools")
}

fn script(name: &str) -> PathBuf {
    root().join(".ci").join("external").join(name)
}

/// A fresh directory for one test's files.
fn workdir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("external")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a work directory");
    dir
}

fn python() -> PathBuf {
    let python = tools().join("venv").join("bin").join("python");
    assert!(
        python.exists(),
        "{} is missing: python3 -m venv .ci/tools/venv && \
         .ci/tools/venv/bin/pip install -r .ci/external/requirements.txt",
        python.display()
    );
    python
}

fn node_tools() -> PathBuf {
    let tools = tools();
    assert!(
        tools.join("node_modules").join("ical.js").exists(),
        "{}/node_modules is missing: cp .ci/external/package.json \
         .ci/external/package-lock.json .ci/tools/ && npm ci --prefix .ci/tools",
        tools.display()
    );
    tools
}

/// Runs a checker; its output is shown, its failure fails the test.
fn check(command: &mut Command) {
    let out = command.output().expect("the checker starts");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!("{stdout}");
    assert!(
        out.status.success(),
        "{command:?} failed:\n{stdout}\n{stderr}"
    );
}

/// Writes every calendar and a manifest of the instants each event should
/// have; returns the manifest's path.
fn calendars(dir: &Path) -> PathBuf {
    let mut manifest = Vec::new();
    for name in EXAMPLES {
        let plan = example_plan(name);
        for (label, options) in ics_variants() {
            let path = dir.join(format!("{name}.{label}.ics"));
            std::fs::write(&path, emit(&plan, Format::Icalendar, &options)).expect("written");
            let events = manifest_events(&plan, options.weeks, &options.icalendar, "");
            manifest.push(json!({ "ics": path, "events": events }));
        }
        // An update that drops the last two weeks: their events come back
        // cancelled, at their old times, and must read like the others.
        let full = ics_variants().remove(2).1;
        let old = emit(&plan, Format::Icalendar, &full);
        let previous = stride::emit::ical_read::Previous::parse(&old).expect("a calendar");
        let weeks = u32::try_from(plan.weeks.len()).expect("a week count");
        let update = Request {
            weeks: Some(stride::emit::WeekRange {
                first: 1,
                last: weeks.saturating_sub(2).max(1),
            }),
            icalendar: ics::Options {
                previous: Some(&previous),
                ..full.icalendar
            },
            ..full
        };
        let text = emit(&plan, Format::Icalendar, &update);
        assert!(text.contains("STATUS:CANCELLED"), "{name}");
        let path = dir.join(format!("{name}.updated.ics"));
        std::fs::write(&path, text).expect("written");
        manifest.push(
            json!({ "ics": path, "events": manifest_events(&plan, None, &full.icalendar, "") }),
        );
        // The busy-only calendar `stride serve` shares: times, no content.
        let path = dir.join(format!("{name}.busy.ics"));
        std::fs::write(&path, ics::emit_busy(&plan, None, &full.icalendar)).expect("written");
        manifest.push(
            json!({ "ics": path, "events": manifest_events(&plan, None, &full.icalendar, "busy-") }),
        );
    }
    let path = dir.join("manifest.json");
    std::fs::write(
        &path,
        serde_json::to_string_pretty(&manifest).expect("JSON"),
    )
    .expect("written");
    path
}

/// The manifest entries of the events of `weeks` of `plan` (all without
/// it), their UIDs prefixed.
fn manifest_events(
    plan: &stride::plan::Plan,
    weeks: Option<stride::emit::WeekRange>,
    options: &ics::Options,
    prefix: &str,
) -> Vec<serde_json::Value> {
    ics::events(plan, weeks, options)
        .into_iter()
        .map(|e| {
            let uid = format!("{prefix}{}", e.uid);
            match e.when {
                When::Timed { start, end } => json!({
                    "uid": uid, "start": start.as_second(), "end": end.as_second(), "date": null,
                }),
                When::AllDay(date) => json!({
                    "uid": uid, "start": null, "end": null, "date": date.to_string(),
                }),
            }
        })
        .collect()
}

/// Writes every Markdown document and a manifest of the tables
/// pulldown-cmark finds in each; returns the manifest's path and the files.
fn documents(dir: &Path) -> (PathBuf, Vec<PathBuf>) {
    let mut sources: Vec<(String, String)> = EXAMPLES
        .iter()
        .map(|name| (name.to_string(), example_source(name)))
        .collect();
    sources.push(("tricky".to_string(), TRICKY_PLAN.to_string()));
    let mut manifest = Vec::new();
    let mut files = Vec::new();
    for (name, source) in sources {
        let plan = plan_of(&source);
        let text = emit(&plan, Format::Markdown, &Request::default());
        let path = dir.join(format!("{name}.md"));
        std::fs::write(&path, &text).expect("written");
        let tables = parse_markdown(&text).tables;
        manifest.push(json!({ "md": path, "tables": tables }));
        files.push(path);
    }
    let path = dir.join("manifest.json");
    std::fs::write(
        &path,
        serde_json::to_string_pretty(&manifest).expect("JSON"),
    )
    .expect("written");
    (path, files)
}

#[test]
fn python_icalendar_and_vobject_read_every_event_at_its_instant() {
    if !enabled() {
        return;
    }
    let dir = workdir("python-ics");
    let manifest = calendars(&dir);
    check(
        Command::new(python())
            .arg(script("check_ics.py"))
            .arg(&manifest),
    );
}

#[test]
fn ical_js_reads_every_event_at_its_instant() {
    if !enabled() {
        return;
    }
    let dir = workdir("ical-js");
    let manifest = calendars(&dir);
    check(
        Command::new("node")
            .arg(script("check_ics.mjs"))
            .arg(node_tools())
            .arg(&manifest),
    );
}

#[test]
fn markdown_it_py_finds_the_same_tables() {
    if !enabled() {
        return;
    }
    let dir = workdir("markdown-it");
    let (manifest, _) = documents(&dir);
    check(
        Command::new(python())
            .arg(script("check_md.py"))
            .arg(&manifest),
    );
}

#[test]
fn mermaid_parses_every_chart() {
    if !enabled() {
        return;
    }
    let dir = workdir("mermaid");
    let (_, files) = documents(&dir);
    // The one-week tricky plan has a chart too.
    check(
        Command::new("node")
            .arg(script("check_mermaid.mjs"))
            .arg(node_tools())
            .args(&files),
    );
}
