//! `stride build --to html`: one self-contained printable page.

mod emit_support;

use emit_support::{EXAMPLES, TRICKY_PLAN, example_plan, example_source, plan_of};
use stride::emit::{Format, Request, emit};

fn html_of(name: &str) -> String {
    let source = example_source(name);
    let compiled = stride::compile(&source);
    let plan = compiled.plan.as_ref().expect("the reference plan compiles");
    let findings = stride::render::findings(&compiled.diagnostics, Some(&source));
    let request = Request {
        findings: &findings,
        ..Request::default()
    };
    emit(plan, Format::Html, &request)
}

#[test]
fn golden_html_of_both_reference_plans() {
    for name in EXAMPLES {
        insta::assert_snapshot!(format!("{name}.html"), html_of(name));
    }
}

#[test]
fn the_page_needs_nothing_from_the_network_and_no_script() {
    for name in EXAMPLES {
        let html = html_of(name);
        assert!(!html.contains("<script"), "{name}");
        for attr in ["src=", "href=", "@import", "url("] {
            assert!(!html.contains(attr), "{name}: {attr}");
        }
        // The only URL is the SVG namespace, which is never fetched.
        let urls = html.matches("http").count();
        let namespaces = html.matches("xmlns=\"http://www.w3.org/2000/svg\"").count();
        assert_eq!(urls, namespaces, "{name}");
    }
}

#[test]
fn grid_first_then_charts_with_paths_then_sessions() {
    for name in EXAMPLES {
        let plan = example_plan(name);
        let html = html_of(name);
        let grid = html.find("<table class=\"grid\">").expect("a grid");
        let chart = html.find("<svg").expect("a chart");
        let session = html.find("<article class=\"session\">").expect("sessions");
        assert!(grid < chart && chart < session, "{name}");
        let rows = html.matches("<tr class=\"").count();
        assert_eq!(rows, plan.weeks.len(), "{name}");
        for svg in html.split("<svg").skip(1) {
            let svg = &svg[..svg.find("</svg>").expect("closed")];
            assert!(svg.contains("<title>"), "{name}: a title");
            assert!(svg.contains("class=\"marks\" d=\"M"), "{name}: marks");
            assert!(svg.contains(">Week</text>"), "{name}: an x axis label");
        }
        assert!(html.contains("@media print"));
        assert!(html.contains("@media (max-width: 600px)"));
    }
}

/// The checker's estimate beside the written length: in the grid's cells
/// (lighter, in its own span), on each session card and in the Markdown
/// headings, as a range over the weeks (the deload week is shorter).
#[test]
fn estimated_lengths_beside_the_written_ones() {
    let html = html_of("half-marathon");
    assert!(
        html.contains("Lower A 18:00, 50 min<span class=\"est\"> (est. 51 min)</span>"),
        "grid cell"
    );
    assert!(
        html.contains("<small>weeks 1–6 · Tuesday 18:00, 50 min (est. 39–51 min)</small>"),
        "session card"
    );
    let markdown = emit(
        &example_plan("half-marathon"),
        Format::Markdown,
        &Request::default(),
    );
    assert!(
        markdown.contains("### Lower A · Base, weeks 1–6 · Tuesday 18:00, 50 min (est. 39–51 min)"),
        "{markdown}"
    );
}

#[test]
fn plan_text_is_escaped() {
    let plan = plan_of(TRICKY_PLAN);
    let html = emit(&plan, Format::Html, &Request::default());
    assert!(!html.contains("<b>tags</b>"), "{html}");
    assert!(html.contains("&lt;b&gt;tags&lt;/b&gt;"));
    assert!(html.contains("brace | breathe *hard*"));
}

/// The page in a real browser (`STRIDE_EXTERNAL=1`; `.ci/chromium/install`
/// puts Debian's chromium, pdftotext and a pinned playwright-core in place):
/// `.ci/chromium/check_html.mjs` opens both reference plans, prints each to
/// PDF on A4 and on Letter and screenshots it at 1280 and 400 px. The grid
/// must be whole on page 1 of both PDFs, the page must not scroll sideways
/// at 400 px, every chart must draw a non-empty path, and nothing may be
/// fetched. The PDFs and screenshots stay in `target/tmp/chromium/` to be
/// looked at.
#[test]
fn chromium_prints_the_grid_on_page_one_and_fits_a_phone() {
    if std::env::var("STRIDE_EXTERNAL").as_deref() != Ok("1") {
        eprintln!("skipped: set STRIDE_EXTERNAL=1 to run headless Chromium");
        return;
    }
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let driver = root.join(".ci/chromium");
    let chromium = std::env::var("STRIDE_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let install = "run .ci/chromium/install";
    assert!(
        std::path::Path::new(&chromium).exists(),
        "{chromium} is missing: {install}"
    );
    assert!(
        driver.join("node_modules/playwright-core").exists(),
        "playwright-core is missing: {install}"
    );
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("chromium");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a work directory");
    let mut pages = Vec::new();
    for name in EXAMPLES {
        let path = dir.join(format!("{name}.html"));
        std::fs::write(&path, html_of(name)).expect("written");
        pages.push(path);
    }

    let out = std::process::Command::new("node")
        .current_dir(&driver)
        .arg("check_html.mjs")
        .arg(&chromium)
        .arg(&dir)
        .args(&pages)
        .output()
        .expect("node starts");
    assert!(
        out.status.success(),
        "check_html.mjs failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("a JSON report");
    let report = report.as_array().expect("one entry per plan");
    assert_eq!(report.len(), EXAMPLES.len());

    for (name, entry) in EXAMPLES.iter().zip(report) {
        let plan = example_plan(name);
        assert_eq!(entry["requests"], serde_json::json!([]), "{name}: fetched");

        let overflow = &entry["overflow400"];
        let (scroll, client) = (&overflow["scrollWidth"], &overflow["clientWidth"]);
        assert!(
            scroll.as_f64() <= client.as_f64() && client.as_f64() == Some(400.0),
            "{name}: the page scrolls sideways at 400 px ({scroll} > {client})"
        );

        let charts = entry["charts"].as_array().expect("charts");
        assert!(!charts.is_empty(), "{name}: no chart");
        for chart in charts {
            let title = &chart["title"];
            let marks: Vec<_> = chart["paths"]
                .as_array()
                .expect("paths")
                .iter()
                .filter(|p| p["class"] == "marks")
                .collect();
            assert!(!marks.is_empty(), "{name}: {title} has no marks");
            for m in marks {
                let drawn = m["length"].as_f64().unwrap_or(0.0) > 0.0
                    && m["width"].as_f64().unwrap_or(0.0) > 0.0;
                assert!(
                    drawn && m["d"].as_str().is_some_and(|d| d.len() > 1),
                    "{name}: {title} draws an empty path: {m}"
                );
            }
        }

        let rows: Vec<&str> = entry["gridRows"]
            .as_array()
            .expect("grid rows")
            .iter()
            .map(|r| r.as_str().expect("a row header"))
            .collect();
        assert_eq!(rows.len(), plan.weeks.len(), "{name}: one row per week");
        for paper in ["a4", "letter"] {
            let pdf = dir.join(format!("{name}.{paper}.pdf"));
            let text = std::process::Command::new("pdftotext")
                .args(["-f", "1", "-l", "1", "-layout"])
                .arg(&pdf)
                .arg("-")
                .output()
                .expect("pdftotext starts (run .ci/chromium/install)");
            assert!(text.status.success(), "pdftotext {}", pdf.display());
            let page1 = String::from_utf8_lossy(&text.stdout);
            assert!(page1.contains("Week by week"), "{name} {paper}: {page1}");
            for row in &rows {
                assert!(
                    page1.contains(row),
                    "{name} {paper}: week \"{row}\" is not on page 1:\n{page1}"
                );
            }
            if let Some(race) = plan.races.first() {
                let first_word = race.name.split_whitespace().next().unwrap_or("");
                assert!(
                    page1.contains(&format!("Race: {first_word}")),
                    "{name} {paper}: the race is not in the grid on page 1"
                );
            }
        }
    }
}
