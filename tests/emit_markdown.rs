//! The Markdown read back with pulldown-cmark: the tables and cells a
//! reader sees are the ones the plan holds, and nothing a plan can say
//! breaks the document's structure.

mod emit_support;

use emit_support::{EXAMPLES, ParsedTable, TRICKY_PLAN, example_plan, parse_markdown, plan_of};
use stride::emit::Detail;
use stride::emit::{Format, Request, emit};
use stride::plan::Plan;

const SESSION_HEADER: [&str; 5] = ["Exercise", "Sets × reps", "Load", "Rest", "Notes"];

/// The document with every week in full (`--detail full`), whose session
/// tables these tests read.
fn markdown(plan: &Plan) -> String {
    let request = Request {
        detail: Detail::Full,
        ..Request::default()
    };
    emit(plan, Format::Markdown, &request)
}

fn session_tables(tables: &[ParsedTable]) -> Vec<&ParsedTable> {
    tables
        .iter()
        .filter(|t| t.header == SESSION_HEADER)
        .collect()
}

#[test]
fn overview_has_a_row_per_week() {
    for name in EXAMPLES {
        let plan = example_plan(name);
        let doc = parse_markdown(&markdown(&plan));
        let unit = plan.athlete.units.symbol();
        let tonnage = format!("Tonnage ({unit})");
        let overview = doc
            .tables
            .iter()
            .find(|t| t.header.first().is_some_and(|h| h == "Week") && t.header.len() == 7)
            .expect("an overview table");
        assert_eq!(
            overview.header,
            [
                "Week",
                "Dates",
                "Block",
                "Phase",
                "Sessions",
                "Sets",
                tonnage.as_str()
            ]
        );
        assert_eq!(
            overview.align,
            ["right", "none", "none", "none", "right", "right", "right"]
        );
        assert_eq!(overview.rows.len(), plan.weeks.len());
        for (row, week) in overview.rows.iter().zip(&plan.weeks) {
            assert_eq!(row[0], week.number.to_string());
            assert_eq!(row[4], week.sessions.len().to_string());
            let sets: u32 = week
                .sessions
                .iter()
                .flat_map(|s| &s.exercises)
                .map(|p| p.total_sets())
                .sum();
            assert_eq!(row[5], sets.to_string());
            let block = week
                .block
                .map(|b| plan.blocks[b].name.as_str())
                .unwrap_or("");
            assert_eq!(row[2], block);
        }
    }
}

#[test]
fn a_table_per_session_with_a_row_per_exercise() {
    for name in EXAMPLES {
        let plan = example_plan(name);
        let doc = parse_markdown(&markdown(&plan));
        let tables = session_tables(&doc.tables);
        let sessions: Vec<_> = plan
            .sessions()
            .filter(|s| !s.exercises.is_empty())
            .collect();
        assert_eq!(tables.len(), sessions.len(), "{name}");
        for (table, session) in tables.iter().zip(sessions) {
            assert_eq!(table.align, ["none", "right", "right", "right", "none"]);
            assert_eq!(table.rows.len(), session.exercises.len());
            for (row, p) in table.rows.iter().zip(&session.exercises) {
                assert_eq!(row.len(), 5);
                let expected = plan
                    .exercises
                    .get(&p.exercise)
                    .map_or(&p.written, |e| &e.name);
                assert_eq!(&row[0], expected);
                let sets = p.total_sets();
                let written: u32 = row[1]
                    .split(", ")
                    .map(|g| {
                        g.split(" × ")
                            .next()
                            .and_then(|n| n.parse::<u32>().ok())
                            .expect("N × reps")
                    })
                    .sum();
                assert_eq!(written, sets, "{}", row[1]);
                if let Some(stride::plan::LoadValue::Mass { value, .. }) = p.sets[0].load {
                    let unit = plan.athlete.units.symbol();
                    let text = format!("{} {unit}", stride::plan::format_number(value));
                    assert!(row[2].starts_with(&text), "{} vs {text}", row[2]);
                }
            }
        }
        // Headings: one per week and one per session.
        for week in &plan.weeks {
            let prefix = format!("Week {} · ", week.number);
            assert!(
                doc.headings
                    .iter()
                    .any(|(level, h)| *level == 2 && h.starts_with(&prefix)),
                "{prefix}"
            );
        }
        let level3 = doc
            .headings
            .iter()
            .filter(|(l, h)| *l == 3 && !h.starts_with("Weekly"))
            .count();
        assert_eq!(level3, plan.sessions().count());
    }
}

#[test]
fn charts_are_mermaid_xycharts_with_quoted_titles() {
    for name in EXAMPLES {
        let doc = parse_markdown(&markdown(&example_plan(name)));
        let charts: Vec<_> = doc
            .code_blocks
            .iter()
            .filter(|(info, _)| info == "mermaid")
            .collect();
        assert!(
            charts.len() >= 2,
            "{name}: a volume chart and at least one lift"
        );
        for (_, chart) in charts {
            let mut lines = chart.lines();
            // The palette first: Mermaid's default is too faint on white.
            let init = lines.next().unwrap_or_default();
            assert!(init.starts_with("%%{init:") && init.contains("plotColorPalette"));
            assert_eq!(lines.next(), Some("xychart-beta"));
            assert!(chart.contains("    title \""), "{chart}");
            assert!(chart.contains("    x-axis \"Week\" ["), "{chart}");
            assert!(
                chart.contains("    bar [") || chart.contains("    line ["),
                "{chart}"
            );
        }
    }
}

#[test]
fn every_table_is_followed_by_a_blank_line() {
    for name in EXAMPLES {
        let text = markdown(&example_plan(name));
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            if line.starts_with('|') {
                let next = lines.get(i + 1).copied().unwrap_or("");
                assert!(
                    next.is_empty() || next.starts_with('|'),
                    "line {}: {next:?}",
                    i + 2
                );
            }
        }
        assert!(text.ends_with('\n') && !text.ends_with("\n\n"));
    }
}

#[test]
fn text_that_looks_like_markdown_stays_text() {
    let source = TRICKY_PLAN;
    let plan = plan_of(source);
    let text = markdown(&plan);
    let doc = parse_markdown(&text);
    assert_eq!(
        doc.headings[0],
        (
            1,
            "Pipes | *stars* _under_ <b>tags</b> `code` $x$ [link](y) #1".to_string()
        )
    );
    let tables = session_tables(&doc.tables);
    assert_eq!(tables.len(), 1);
    let rows = &tables[0].rows;
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0][4], "brace | breathe *hard*");
    assert_eq!(rows[1][4], "\\ backslash & ampersand &amp;");
    let overview = doc
        .tables
        .iter()
        .find(|t| t.header.len() == 7)
        .expect("overview");
    assert_eq!(overview.rows[0][2], "A|B");
    assert!(
        doc.headings
            .iter()
            .any(|(_, h)| h.starts_with("Legs | core · "))
    );
    assert!(text.contains("**Warm-up:** 10 min — bike \\| rower"));
}
