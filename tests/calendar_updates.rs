//! Calendars that update cleanly (RFC 5546): the same plan gives the same
//! bytes; a changed event keeps its UID and raises its SEQUENCE by one;
//! moving a session to another weekday or renaming the plan keeps UIDs;
//! a removed session is cancelled.

mod harness;

use std::collections::BTreeMap;

use harness::Test;

/// A two-session plan over three weeks (shared with the other calendar tests).
const PLAN: &str = include_str!("fixtures/club-plan.stride");

/// `stride build ARGS --to ics` in `test`'s directory; the calendar.
fn build(test: &Test, args: &[&str]) -> String {
    let run = test
        .again()
        .arg("build")
        .args(args)
        .args(["--to", "ics"])
        .run();
    run.success();
    run.stdout
}

/// A property of each event, by UID.
fn property(calendar: &str, name: &str) -> BTreeMap<String, String> {
    let unfolded = calendar.replace("\r\n ", "");
    let mut out = BTreeMap::new();
    let mut uid = String::new();
    for line in unfolded.split("\r\n") {
        if let Some(value) = line.strip_prefix("UID:") {
            uid = value.to_string();
        }
        let (head, value) = line.split_once(':').unwrap_or((line, ""));
        if head.split(';').next() == Some(name) && !uid.is_empty() {
            out.insert(uid.clone(), value.to_string());
        }
        if line == "END:VEVENT" {
            uid.clear();
        }
    }
    out
}

fn uids(calendar: &str) -> Vec<String> {
    property(calendar, "UID").into_keys().collect()
}

#[test]
fn rebuilding_an_unchanged_plan_is_byte_identical() {
    let test = Test::new().file("club.stride", PLAN);
    let plan = "club.stride";
    let first = build(&test, &[plan]);
    assert_eq!(build(&test, &[plan]), first);
    // Over its own output, and with it as --previous.
    let out_arg = "club.ics";
    for _ in 0..2 {
        build(&test, &[plan, "-o", out_arg]);
        assert_eq!(test.read(out_arg), first);
    }
    assert_eq!(build(&test, &[plan, "--previous", out_arg]), first);
    assert!(first.contains("\r\nSEQUENCE:0\r\n"));
    assert!(!first.contains("CANCELLED"));
}

#[test]
fn a_time_change_raises_sequence_by_one_and_keeps_the_uid() {
    let test = Test::new().file("club.stride", PLAN);
    let plan = "club.stride";
    let old_arg = "old.ics";
    test.write(old_arg, build(&test, &[plan]));
    test.write(plan, PLAN.replace("mon 14:00", "mon 15:00"));
    let new = build(&test, &[plan, "--previous", old_arg]);

    let before = test.read(old_arg);
    assert_eq!(uids(&new), uids(&before));
    let (old_seq, new_seq) = (property(&before, "SEQUENCE"), property(&new, "SEQUENCE"));
    let (old_start, new_start) = (property(&before, "DTSTART"), property(&new, "DTSTART"));
    let mut moved = 0;
    for uid in uids(&new) {
        if old_start[&uid] == new_start[&uid] {
            assert_eq!(new_seq[&uid], old_seq[&uid], "{uid} did not change");
        } else {
            assert!(new_start[&uid].ends_with("T150000"), "{}", new_start[&uid]);
            assert_eq!(new_seq[&uid], "1");
            moved += 1;
        }
    }
    assert_eq!(moved, 3, "the Lower session of each of the 3 weeks");

    // Unchanged events are byte for byte what they were.
    let upper = |calendar: &str| -> Vec<String> {
        calendar
            .split("BEGIN:VEVENT")
            .filter(|e| e.contains("SUMMARY:Upper"))
            .map(String::from)
            .collect()
    };
    assert_eq!(upper(&new), upper(&before));

    // A second change raises it again; building again changes nothing.
    test.write(old_arg, &new);
    test.write(plan, PLAN.replace("mon 14:00", "mon 16:00"));
    let newer = build(&test, &[plan, "--previous", old_arg]);
    assert_eq!(
        property(&newer, "SEQUENCE")
            .values()
            .filter(|s| *s == "2")
            .count(),
        3
    );
    test.write(old_arg, &newer);
    assert_eq!(build(&test, &[plan, "--previous", old_arg]), newer);
}

#[test]
fn moving_a_weekday_and_renaming_the_plan_keep_uids() {
    let test = Test::new().file("club.stride", PLAN);
    let plan = "club.stride";
    let before = build(&test, &[plan]);

    test.write(plan, PLAN.replace("thu 18:00", "wed 18:00"));
    let moved = build(&test, &[plan]);
    assert_eq!(uids(&moved), uids(&before));
    assert_ne!(property(&moved, "DTSTART"), property(&before, "DTSTART"));

    test.write(
        plan,
        PLAN.replace("plan \"Club plan\"", "plan \"Spring plan\""),
    );
    assert_eq!(uids(&build(&test, &[plan])), uids(&before));

    // A renamed file keeps them with --id naming the old stem.
    test.write("spring.stride", PLAN);
    let renamed = "spring.stride";
    assert_ne!(uids(&build(&test, &[renamed])), uids(&before));
    assert_eq!(
        uids(&build(&test, &[renamed, "--id", "club"])),
        uids(&before)
    );
}

#[test]
fn previous_cancels_a_removed_session() {
    let test = Test::new().file("club.stride", PLAN);
    let plan = "club.stride";
    let old_arg = "club.ics";
    build(&test, &[plan, "-o", old_arg]);
    let before = test.read(old_arg);

    let without_upper = PLAN.replace(
        "  session \"Upper\" thu 18:00 45min {\n    push-up 3x10\n  }\n",
        "",
    );
    assert_ne!(without_upper, PLAN);
    test.write(plan, &without_upper);
    let new = build(&test, &[plan, "--previous", old_arg]);
    let status = property(&new, "STATUS");
    let summary = property(&before, "SUMMARY");
    assert_eq!(status.len(), 3);
    for (uid, status) in &status {
        assert_eq!(status, "CANCELLED");
        assert!(summary[uid].starts_with("Upper"), "{}", summary[uid]);
        assert_eq!(property(&new, "SEQUENCE")[uid], "1");
    }
    assert_eq!(uids(&new), uids(&before));

    // -o over the old calendar does the same, and the cancellations stay
    // in later builds so that a late subscriber removes them too.
    build(&test, &[plan, "-o", old_arg]);
    assert_eq!(test.read(old_arg), new);
    build(&test, &[plan, "-o", old_arg]);
    assert_eq!(test.read(old_arg), new);
}

#[test]
fn a_previous_file_that_is_not_a_calendar_is_an_error() {
    let test = Test::new().file("club.stride", PLAN);
    let plan = "club.stride";
    test.again()
        .args(["build", plan, "--to", "ics", "--previous", plan])
        .run()
        .status(2)
        .stderr_has("is not a calendar");
}
