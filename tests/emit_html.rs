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

#[test]
fn plan_text_is_escaped() {
    let plan = plan_of(TRICKY_PLAN);
    let html = emit(&plan, Format::Html, &Request::default());
    assert!(!html.contains("<b>tags</b>"), "{html}");
    assert!(html.contains("&lt;b&gt;tags&lt;/b&gt;"));
    assert!(html.contains("brace | breathe *hard*"));
}
