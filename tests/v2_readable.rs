//! Version 2 plans read the way a coach writes them in every backend:
//! supersets and circuits with their rounds and entries, `or`
//! alternatives beside their line, ranges whole, tempo, and optional and
//! mobility sessions marked as such.

mod emit_support;
mod harness;

use emit_support::{check_ics, plan_of, unescape_text};
use harness::Test;
use stride::emit::{Format, Request, emit};

const FIXTURE: &str = "tests/fixtures/v2/readable.stride";

fn plan() -> stride::plan::Plan {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE);
    plan_of(&std::fs::read_to_string(path).expect("the fixture is readable"))
}

#[test]
fn show_lists_groups_with_their_rounds_and_alternatives_under_their_line() {
    let out = Test::new()
        .in_repo()
        .args(["show", FIXTURE, "--week", "1"])
        .run();
    out.success();
    let stdout = &out.stdout;
    for part in [
        "back-squat         4x5         70-75 kg    tempo 3-1-1\n",
        "\n      or goblet-squat  3x10     24 kg RIR 3\n",
        "\n    superset A · 3 rounds · rest 90s\n      A1 bench-press",
        "\n    circuit B · 2 rounds · work 40s · between 20s · rest 60s\n      B1 goblet-squat",
        "Extra (optional)\n    split-squat  3x8/side  RPE 7-8\n",
        "Hips (mobility)\n",
    ] {
        assert!(stdout.contains(part), "{part:?} in\n{stdout}");
    }
    insta::assert_snapshot!("show-v2-readable-week-1", stdout);
}

#[test]
fn show_of_a_deload_week_counts_the_rounds_done() {
    let out = Test::new()
        .in_repo()
        .args(["show", FIXTURE, "--week", "3"])
        .run();
    out.success();
    out.stdout_has("superset A · 2 rounds · rest 90s")
        .stdout_has("circuit B · 1 round · work 40s");
}

/// The Markdown's session tables, from `## Sessions` to the findings.
fn markdown_sessions() -> String {
    let text = emit(&plan(), Format::Markdown, &Request::default());
    let start = text.find("## Sessions").expect("a Sessions section");
    let end = text[start..]
        .find("## Findings")
        .map_or(text.len(), |e| start + e);
    text[start..end].to_string()
}

#[test]
fn markdown_tables_give_groups_a_heading_row_and_alternatives_their_own_row() {
    let text = markdown_sessions();
    for part in [
        "| Back squat ",
        " 70–75 kg (70–75% 1RM) |",
        " tempo 3-1-1 |",
        "| or Goblet squat ",
        " 24 kg, RIR 3 |",
        "| Superset A (3 rounds), rest 90 s after each round ",
        "| A1 Bench press ",
        "| A2 Pull-up ",
        " RIR 2–3 |",
        "| Circuit B (2 rounds, work 40 s, 20 s between entries, rest 1 min) ",
        "| B3 Plank ",
        "**Optional** (not counted toward the weekly minimums)",
        "**Mobility** (not counted as strength work)",
        " RPE 7–8 |",
    ] {
        assert!(text.contains(part), "{part:?} in\n{text}");
    }
    insta::assert_snapshot!("markdown-v2-readable-sessions", text);
}

/// Each session event of week `week`: its summary, categories and
/// description, unescaped.
fn calendar_week(week: u32) -> String {
    let text = emit(&plan(), Format::Icalendar, &Request::default());
    let cal = check_ics(text.as_bytes()).expect("a valid calendar");
    let mut out = String::new();
    for event in cal.children("VEVENT") {
        let summary = unescape_text(event.value("SUMMARY").expect("SUMMARY"));
        if !summary.contains(&format!("week {week}")) {
            continue;
        }
        out.push_str(&format!(
            "SUMMARY {summary}\nCATEGORIES {}\n{}\n\n",
            event.value("CATEGORIES").unwrap_or_default(),
            unescape_text(event.value("DESCRIPTION").expect("DESCRIPTION"))
        ));
    }
    out
}

#[test]
fn calendar_descriptions_read_groups_alternatives_and_tags() {
    let text = calendar_week(1);
    for part in [
        "Back squat: 4 × 5 @ 70–75 kg (70–75% 1RM), tempo 3-1-1 (or Goblet squat: 3 × 10 @ 24 kg, RIR 3)\n",
        "Superset A (3 rounds): A1 Bench press × 8 @ 60 kg, A2 Pull-up × 6 @ RIR 2–3, rest 90 s\n",
        "Circuit B (2 rounds, work 40 s, 20 s between entries, rest 1 min): B1 Goblet squat @ 16 kg, B2 Push-up × 10–12, B3 Plank 30 s\n",
        "SUMMARY Extra (Base, week 1, optional)\nCATEGORIES Strength training,Base\n",
        "Optional session.\nSplit squat: 3 × 8 per side @ RPE 7–8",
        "SUMMARY Hips (Base, week 1, mobility)\nCATEGORIES Mobility,Base\n",
    ] {
        assert!(text.contains(part), "{part:?} in\n{text}");
    }
    insta::assert_snapshot!("ics-v2-readable-week-1", text);
}

#[test]
fn calendar_descriptions_of_a_deload_week_count_the_rounds_done() {
    let text = calendar_week(3);
    assert!(
        text.contains("Superset A (2 rounds): A1 Bench press × 8 @ 62.5 kg"),
        "{text}"
    );
    assert!(text.contains("Circuit B (1 round, work 40 s"), "{text}");
}
