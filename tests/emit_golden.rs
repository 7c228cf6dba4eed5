//! Golden files: every format of both reference plans.

mod emit_support;

use emit_support::{EXAMPLES, example_plan, example_source, stamp};
use stride::emit::{Format, Request, emit, ics};

fn options() -> Request<'static> {
    Request {
        icalendar: ics::Options {
            stamp: stamp(),
            ..ics::Options::default()
        },
        ..Request::default()
    }
}

#[test]
fn markdown() {
    for name in EXAMPLES {
        let source = example_source(name);
        let compiled = stride::compile(&source);
        let plan = compiled.plan.as_ref().expect("the reference plan compiles");
        let findings = stride::render::findings(&compiled.diagnostics, Some(&source));
        let options = Request {
            findings: &findings,
            ..options()
        };
        insta::assert_snapshot!(format!("{name}.md"), emit(plan, Format::Markdown, &options));
    }
}

#[test]
fn icalendar() {
    for name in EXAMPLES {
        let plan = example_plan(name);
        // CRLF is checked byte by byte in emit_ics.rs; LF reads better here.
        let text = emit(&plan, Format::Icalendar, &options()).replace("\r\n", "\n");
        insta::assert_snapshot!(format!("{name}.ics"), text);
    }
}

#[test]
fn icalendar_with_runs_and_alarms() {
    let plan = example_plan("half-marathon");
    let options = Request {
        weeks: Some(stride::emit::WeekRange {
            first: 12,
            last: 14,
        }),
        icalendar: ics::Options {
            with_runs: true,
            alarm_s: Some(30 * 60),
            ..options().icalendar
        },
        ..options()
    };
    let text = emit(&plan, Format::Icalendar, &options).replace("\r\n", "\n");
    insta::assert_snapshot!("half-marathon.runs-alarm-weeks-12-14.ics", text);
}

#[test]
fn json() {
    for name in EXAMPLES {
        let plan = example_plan(name);
        let text = emit(&plan, Format::Json, &options());
        let value: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        assert_eq!(value["schema_version"], stride::emit::json::SCHEMA_VERSION);
        insta::assert_snapshot!(format!("{name}.json"), text);
    }
}
