//! The default Markdown plan: the week grid first, then each session once
//! over its weeks, short enough to print.

mod emit_support;

use emit_support::{EXAMPLES, example_plan, parse_markdown};
use stride::emit::Detail;
use stride::emit::{Format, Request, emit};

fn markdown(name: &str, detail: Detail) -> String {
    let request = Request {
        detail,
        ..Request::default()
    };
    emit(&example_plan(name), Format::Markdown, &request)
}

#[test]
fn the_half_marathon_plan_fits_in_under_200_lines() {
    let text = markdown("half-marathon", Detail::Sessions);
    let lines = text.lines().count();
    assert!(lines < 200, "{lines} lines");
    // Every week in full is still there when asked for.
    let full = markdown("half-marathon", Detail::Full);
    assert!(full.lines().count() > 2 * lines);
}

#[test]
fn the_grid_comes_first_with_a_row_per_week_and_a_column_per_day() {
    for name in EXAMPLES {
        let plan = example_plan(name);
        let doc = parse_markdown(&markdown(name, Detail::Sessions));
        assert_eq!(doc.headings[1], (2, "Week by week".to_string()), "{name}");
        let grid = &doc.tables[0];
        assert_eq!(
            grid.header,
            ["Week", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        );
        assert_eq!(grid.rows.len(), plan.weeks.len(), "{name}");
        for (row, week) in grid.rows.iter().zip(&plan.weeks) {
            assert!(row[0].starts_with(&week.number.to_string()), "{row:?}");
            for session in &week.sessions {
                let cell = &row[1 + usize::from(session.day.index())];
                assert!(
                    cell.contains(&session.name),
                    "{cell} lacks {}",
                    session.name
                );
            }
            for run in &week.runs {
                let cell = &row[1 + usize::from(run.day.index())];
                assert!(cell.contains(run.intensity.keyword()), "{cell}");
            }
        }
    }
}

#[test]
fn each_session_is_written_once_over_its_weeks() {
    for name in EXAMPLES {
        let plan = example_plan(name);
        let doc = parse_markdown(&markdown(name, Detail::Sessions));
        let mut definitions: Vec<_> = plan.sessions().map(|s| s.id).collect();
        definitions.sort();
        definitions.dedup();
        let headings: Vec<&String> = doc
            .headings
            .iter()
            .filter(|(level, h)| *level == 3 && h.contains(" · ") && h.contains("week"))
            .map(|(_, h)| h)
            .collect();
        assert_eq!(headings.len(), definitions.len(), "{name}: {headings:?}");
        assert!(
            !doc.headings
                .iter()
                .any(|(l, h)| *l == 2 && h.starts_with("Week 1 ")),
            "{name}: no per-week sections by default"
        );
    }
}

#[test]
fn a_progression_reads_as_the_range_its_weeks_cover() {
    let text = markdown("half-marathon", Detail::Sessions);
    assert!(
        text.contains("### Lower A · Base, weeks 1–6 · Tuesday 18:00, 50 min"),
        "{text}"
    );
    let squat = text
        .lines()
        .find(|l| l.starts_with("| Back squat") && l.contains("+2.5kg/week"))
        .expect("the base block's squat");
    assert!(squat.contains("|          4 × 5 |"), "{squat}");
    assert!(squat.contains("75–85 kg"), "{squat}");
    assert!(squat.contains("3 × 5 @ 72.5 kg"), "deload week: {squat}");
    assert!(text.contains("| Deload (week 4) |") || text.contains("Deload (week 4)"));
    assert!(text.contains("3 × 12 → 15"), "a double progression climbs");
}
