//! The emitters on the hand-built fixture plan: rendered output as
//! snapshots, plus the properties every output must have.

use jiff::Timestamp;

use super::{Format, Request, WeekRange, emit, fixture, ics};
use crate::diagnostic::Diagnostic;
use crate::span::Span;

fn stamp() -> Timestamp {
    Timestamp::from_second(1_798_761_600).expect("in range")
}

#[test]
fn markdown_snapshot() {
    let plan = fixture::plan();
    let source = "plan \"Spring half marathon\"\nstart 2027-03-15\n";
    let findings = [
        Diagnostic::warning("schedule.same-session", "Lifting | running < 3 h apart")
            .with_label(Span::new(28, 33), "here")
            .with_help("Move the session to the evening."),
    ];
    let mut d = findings[0].clone();
    d.weeks = vec![1, 2];
    let findings = crate::render::findings(&[d], Some(source));
    let request = Request {
        findings: &findings,
        ..Request::default()
    };
    insta::assert_snapshot!(emit(&plan, Format::Markdown, &request));
}

#[test]
fn ics_snapshot() {
    let plan = fixture::plan();
    let options = ics::Options {
        stamp: stamp(),
        with_runs: true,
        alarm_s: Some(30 * 60),
        ..ics::Options::default()
    };
    let text = ics::emit(&plan, None, &options);
    // Snapshots keep LF; the CRLF is checked below.
    insta::assert_snapshot!(text.replace("\r\n", "\n"));
}

#[test]
fn ics_utc_snapshot() {
    let plan = fixture::plan();
    let options = ics::Options {
        stamp: stamp(),
        utc: true,
        ..ics::Options::default()
    };
    let text = ics::emit(&plan, Some(WeekRange { first: 2, last: 3 }), &options);
    insta::assert_snapshot!(text.replace("\r\n", "\n"));
}

#[test]
fn json_snapshot() {
    let plan = fixture::plan();
    insta::assert_snapshot!(emit(&plan, Format::Json, &Request::default()));
}

#[test]
fn sessions_either_side_of_the_clock_change_keep_their_local_time() {
    let plan = fixture::plan();
    let text = ics::emit(&plan, None, &ics::Options::default());
    assert!(text.contains("DTSTART;TZID=Europe/London:20270323T180000\r\n"));
    assert!(text.contains("DTSTART;TZID=Europe/London:20270330T180000\r\n"));
    let options = ics::Options {
        utc: true,
        ..ics::Options::default()
    };
    let utc = ics::emit(&plan, None, &options);
    assert!(utc.contains("DTSTART:20270323T180000Z\r\n"));
    assert!(utc.contains("DTSTART:20270330T170000Z\r\n"));
    assert!(!utc.contains("VTIMEZONE"));
}

#[test]
fn uids_follow_identity_not_content() {
    let plan = fixture::plan();
    let before = ics::events(&plan, None, &ics::Options::default());
    let mut edited = plan.clone();
    if let Some(crate::plan::LoadValue::Mass { value, .. }) =
        &mut edited.weeks[0].sessions[0].exercises[0].sets[0].load
    {
        *value = 90.0;
    }
    let after = ics::events(&edited, None, &ics::Options::default());
    assert_eq!(before.len(), after.len());
    assert_eq!(before[0].uid, after[0].uid);
    assert_ne!(before[0].description, after[0].description);
    assert_eq!(before[1..], after[1..]);
}

#[test]
fn output_is_deterministic() {
    let plan = fixture::plan();
    let request = Request {
        icalendar: ics::Options {
            with_runs: true,
            ..ics::Options::default()
        },
        ..Request::default()
    };
    for format in Format::ALL {
        assert_eq!(emit(&plan, format, &request), emit(&plan, format, &request));
    }
}
