//! Every emitted calendar, read back byte by byte: CRLF only, lines of at
//! most 75 octets folded on character boundaries, unique UIDs, the required
//! properties, TZIDs that resolve, DTEND after DTSTART; and the instants the
//! calendar's own VTIMEZONE gives are the ones the plan intended.

mod emit_support;

use std::collections::BTreeMap;

use emit_support::{
    EXAMPLES, check_ics, example_plan, example_source, ics_variants, instant, plan_of, stamp,
    unescape_text, zones,
};
use jiff::Timestamp;
use stride::emit::ics::{self, When};
use stride::emit::{Format, Request, emit};

#[test]
fn every_calendar_passes_the_byte_level_check() {
    for name in EXAMPLES {
        let plan = example_plan(name);
        for (label, options) in ics_variants() {
            let text = emit(&plan, Format::Icalendar, &options);
            if let Err(problems) = check_ics(text.as_bytes()) {
                panic!("{name} ({label}):\n{}", problems.join("\n"));
            }
        }
    }
}

#[test]
fn events_happen_at_the_instants_the_plan_intended() {
    let plan = example_plan("half-marathon");
    for (label, options) in ics_variants() {
        let text = emit(&plan, Format::Icalendar, &options);
        let cal = check_ics(text.as_bytes()).expect("a valid calendar");
        let zones = zones(&cal);
        let expected: BTreeMap<String, When> =
            ics::events(&plan, options.weeks, &options.icalendar)
                .into_iter()
                .map(|e| (e.uid, e.when))
                .collect();
        let events = cal.children("VEVENT");
        assert_eq!(events.len(), expected.len(), "{label}");
        for event in events {
            let uid = event.value("UID").expect("UID");
            let start = instant(event.one("DTSTART").expect("DTSTART"), &zones).expect("resolves");
            let end = instant(event.one("DTEND").expect("DTEND"), &zones).expect("resolves");
            match expected[uid] {
                When::Timed { start: s, end: e } => {
                    assert_eq!((start, end), (s, e), "{label}: {uid}");
                }
                When::AllDay(date) => {
                    assert_eq!(
                        event.value("DTSTART"),
                        Some(date.strftime("%Y%m%d").to_string().as_str())
                    );
                }
            }
        }
    }
}

#[test]
fn sessions_on_both_sides_of_the_clock_change() {
    let plan = example_plan("half-marathon");
    let options = ics::Options {
        stamp: stamp(),
        ..ics::Options::default()
    };
    let text = ics::emit(&plan, None, &options);
    let cal = check_ics(text.as_bytes()).expect("a valid calendar");
    let zones = zones(&cal);
    let utc_start = |date: &str| -> Timestamp {
        let event = cal
            .children("VEVENT")
            .into_iter()
            .find(|e| e.value("DTSTART").is_some_and(|v| v.starts_with(date)))
            .unwrap_or_else(|| panic!("an event on {date}"));
        instant(event.one("DTSTART").expect("DTSTART"), &zones).expect("resolves")
    };
    // Saturday 27 March 2027, 14:00 GMT; Tuesday 30 March, 18:00 BST.
    assert_eq!(utc_start("20270327").to_string(), "2027-03-27T14:00:00Z");
    assert_eq!(utc_start("20270330").to_string(), "2027-03-30T17:00:00Z");
    assert!(text.contains(
        "BEGIN:DAYLIGHT\r\nDTSTART:20270328T010000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\n"
    ));
    // Every timed session carries the zone; no floating times.
    for event in cal.children("VEVENT") {
        let start = event.one("DTSTART").expect("DTSTART");
        assert_eq!(
            start.params.get("TZID").map(String::as_str),
            Some("Europe/London")
        );
    }
}

#[test]
fn untimed_sessions_are_all_day_events() {
    let plan = example_plan("first-block");
    let text = emit(&plan, Format::Icalendar, &Request::default());
    let cal = check_ics(text.as_bytes()).expect("a valid calendar");
    assert!(cal.children("VTIMEZONE").is_empty());
    let events = cal.children("VEVENT");
    assert_eq!(events.len(), plan.sessions().count());
    for event in events {
        let start = event.one("DTSTART").expect("DTSTART");
        assert_eq!(start.params.get("VALUE").map(String::as_str), Some("DATE"));
    }
}

#[test]
fn building_twice_gives_the_same_bytes() {
    for name in EXAMPLES {
        for (_, options) in ics_variants() {
            let a = emit(&example_plan(name), Format::Icalendar, &options);
            let b = emit(&example_plan(name), Format::Icalendar, &options);
            assert_eq!(a, b);
        }
    }
}

#[test]
fn editing_a_load_changes_the_description_not_the_uid() {
    let source = example_source("half-marathon");
    let edited = source.replacen(
        "romanian-deadlift  3x8 @50kg",
        "romanian-deadlift  3x8 @55kg",
        1,
    );
    assert_ne!(source, edited, "the edit applies");
    let options = ics::Options {
        stamp: stamp(),
        ..ics::Options::default()
    };
    let before = ics::events(&plan_of(&source), None, &options);
    let after = ics::events(&plan_of(&edited), None, &options);
    assert_eq!(before.len(), after.len());
    let mut changed = 0;
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(b.uid, a.uid);
        assert_eq!(b.when, a.when);
        if b.description != a.description {
            changed += 1;
            assert!(!a.description.contains("Romanian deadlift: 3 × 8 @ 50 kg"));
        }
    }
    assert!(
        after[0]
            .description
            .contains("Romanian deadlift: 3 × 8 @ 55 kg"),
        "{}",
        after[0].description
    );
    // Lower A in each of the six Base weeks.
    assert_eq!(changed, 6);
}

#[test]
fn descriptions_list_the_weeks_loads() {
    let plan = example_plan("half-marathon");
    let text = emit(&plan, Format::Icalendar, &Request::default());
    let cal = check_ics(text.as_bytes()).expect("a valid calendar");
    let first = cal.children("VEVENT")[0];
    let description = unescape_text(first.value("DESCRIPTION").expect("DESCRIPTION"));
    assert!(
        description.contains("Back squat: 4 × 5 @ 75 kg (75% 1RM), rest 3 min"),
        "{description}"
    );
    assert_eq!(
        unescape_text(first.value("SUMMARY").expect("SUMMARY")),
        "Lower A (Base, week 1)"
    );
    assert_eq!(first.value("CATEGORIES"), Some("Strength training,Base"));
}

/// The checker itself: each broken calendar is caught.
#[test]
fn the_checker_catches_broken_calendars() {
    let good = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//x//EN\r\nNAME:x\r\n\
        X-WR-CALNAME:x\r\nX-WR-TIMEZONE:UTC\r\nREFRESH-INTERVAL;VALUE=DURATION:P1D\r\n\
        X-PUBLISHED-TTL:P1D\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20270101T000000Z\r\n\
        DTSTART:20270101T100000Z\r\nDTEND:20270101T110000Z\r\nSUMMARY:x\r\nEND:VEVENT\r\n\
        END:VCALENDAR\r\n";
    check_ics(good.as_bytes()).expect("the baseline passes");
    let event_b = "BEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20270101T000000Z\r\n\
        DTSTART:20270102T100000Z\r\nDTEND:20270102T110000Z\r\nSUMMARY:y\r\nEND:VEVENT\r\n";
    let broken: Vec<(&str, String)> = vec![
        (
            "bare LF",
            good.replacen("VERSION:2.0\r\n", "VERSION:2.0\n", 1),
        ),
        (
            "long line",
            good.replacen("SUMMARY:x", &format!("SUMMARY:{}", "x".repeat(70)), 1),
        ),
        ("split character", String::new()),
        (
            "duplicate UID",
            good.replacen("END:VCALENDAR", &format!("{event_b}END:VCALENDAR"), 1),
        ),
        (
            "missing VTIMEZONE",
            good.replacen("DTSTART:", "DTSTART;TZID=Europe/London:", 1)
                .replacen("20270101T100000Z", "20270101T100000", 1),
        ),
        (
            "end before start",
            good.replacen("DTEND:20270101T110000Z", "DTEND:20270101T090000Z", 1),
        ),
        (
            "unescaped comma",
            good.replacen("SUMMARY:x", "SUMMARY:x, y", 1),
        ),
        (
            "missing PRODID",
            good.replacen("PRODID:-//x//x//EN\r\n", "", 1),
        ),
        (
            "floating time",
            good.replacen("DTSTART:20270101T100000Z", "DTSTART:20270101T100000", 1),
        ),
    ];
    for (what, text) in broken {
        let bytes = if what == "split character" {
            // A fold inside "é" (0xC3 0xA9).
            let mut bytes = good
                .replacen("SUMMARY:x", &format!("SUMMARY:{}", "x".repeat(66)), 1)
                .into_bytes();
            let at = bytes.windows(3).position(|w| w == b"xxx").expect("summary") + 66;
            bytes.splice(at..at, [0xC3, b'\r', b'\n', b' ', 0xA9]);
            bytes
        } else {
            text.into_bytes()
        };
        assert!(check_ics(&bytes).is_err(), "{what} slipped through");
    }
}
