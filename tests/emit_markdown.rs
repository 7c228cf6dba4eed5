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

/// The session tables: Exercise and Sets first, then those of Load, Rest
/// and Notes that some row fills.
fn session_tables(tables: &[ParsedTable]) -> Vec<&ParsedTable> {
    tables
        .iter()
        .filter(|t| t.header.len() >= 2 && t.header[..2] == SESSION_HEADER[..2])
        .collect()
}

/// The cell of `row` under `column`; empty when the table left it out.
fn cell<'a>(table: &ParsedTable, row: &'a [String], column: &str) -> &'a str {
    table
        .header
        .iter()
        .position(|h| h == column)
        .map_or("", |i| row[i].as_str())
}

#[test]
fn overview_has_a_row_per_week() {
    for name in EXAMPLES {
        let plan = example_plan(name);
        let doc = parse_markdown(&markdown(&plan));
        let unit = plan.athlete.units.symbol();
        let overview = doc
            .tables
            .iter()
            .find(|t| t.header.first().is_some_and(|h| h == "Week") && t.header.len() == 7)
            .expect("an overview table");
        // With a declared bodyweight, the header says it counts.
        let tonnage = [
            format!("Tonnage ({unit})"),
            format!("Tonnage ({unit}, with bodyweight)"),
        ];
        assert_eq!(
            overview.header[..6],
            ["Week", "Dates", "Block", "Phase", "Sessions", "Sets"]
        );
        assert!(
            tonnage.contains(&overview.header[6]),
            "{:?}",
            overview.header
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
            let mut columns = SESSION_HEADER.iter();
            for head in &table.header {
                assert!(columns.any(|c| c == head), "{:?}", table.header);
            }
            for (head, align) in table.header.iter().zip(&table.align) {
                let left = head == "Exercise" || head == "Notes";
                assert_eq!(align, if left { "none" } else { "right" }, "{head}");
            }
            // A column that says nothing for every exercise is left out.
            for (i, head) in table.header.iter().enumerate().skip(2) {
                assert!(
                    table.rows.iter().any(|r| !r[i].is_empty() && r[i] != "—"),
                    "{name}: an empty {head} column"
                );
            }
            assert_eq!(table.rows.len(), session.exercises.len());
            for (row, p) in table.rows.iter().zip(&session.exercises) {
                assert_eq!(row.len(), table.header.len());
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
                    let load = cell(table, row, "Load");
                    assert!(load.starts_with(&text), "{load} vs {text}");
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
    assert_eq!(cell(tables[0], &rows[0], "Notes"), "brace | breathe *hard*");
    assert_eq!(
        cell(tables[0], &rows[1], "Notes"),
        "\\ backslash & ampersand &amp;"
    );
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

const BODYWEIGHT_PLAN: &str = r#"plan "Core"
start 2027-01-04
ATHLETE
block "Base" weeks 1-2 {
  session "Core" mon 18:00 30min {
    push-up 3x10
    pull-up 3x5 @bw+10kg
  }
}
"#;

/// The first week's tonnage cell and the text, with the athlete block
/// `athlete`.
fn bodyweight_tonnage(athlete: &str) -> (String, String, String) {
    let plan = plan_of(&BODYWEIGHT_PLAN.replace("ATHLETE", athlete));
    let text = markdown(&plan);
    let doc = parse_markdown(&text);
    let overview = doc
        .tables
        .iter()
        .find(|t| t.header.len() == 7)
        .expect("overview");
    (
        overview.header[6].clone(),
        overview.rows[0][6].clone(),
        text,
    )
}

#[test]
fn bodyweight_counts_in_tonnage_when_it_is_declared() {
    let (head, week1, text) = bodyweight_tonnage("athlete {\n  bodyweight 70kg\n}\n");
    assert_eq!(head, "Tonnage (kg, with bodyweight)");
    // 3 × 10 × 70 + 3 × 5 × (70 + 10)
    assert_eq!(week1, (3 * 10 * 70 + 3 * 5 * 80).to_string());
    assert!(
        text.contains("Tonnage counts bodyweight exercises at the declared bodyweight of 70kg")
    );
}

#[test]
fn bodyweight_is_left_out_of_tonnage_and_said_so_without_it() {
    let (head, week1, text) = bodyweight_tonnage("");
    assert_eq!(head, "Tonnage (kg)");
    // Only the added 10 kg: 3 × 5 × 10.
    assert_eq!(week1, "150");
    assert!(
        text.contains("Tonnage leaves out bodyweight exercises (only loads added with `@bw+` count): declare the athlete's `bodyweight 70kg` to count them."),
        "{text}"
    );
    // The fix it names is valid plan text.
    bodyweight_tonnage("athlete {\n  bodyweight 70kg\n}\n");
}
