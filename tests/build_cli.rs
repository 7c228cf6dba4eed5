//! `stride build` end to end: formats, output files, exit codes, time stamps.

mod emit_support;
mod harness;

use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

use emit_support::{check_ics, example_path};
use harness::Test;

/// A scratch directory to build in, with time stamps fixed at 2027-01-01.
fn test() -> Test {
    Test::new().env("SOURCE_DATE_EPOCH", "1798761600")
}

fn plan(name: &str) -> String {
    example_path(name).to_string_lossy().into_owned()
}

#[test]
fn markdown_is_the_default_on_standard_output() {
    let out = test().args(["build", &plan("half-marathon")]).run();
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.stdout.starts_with("# Spring half marathon\n"));
}

/// `--to` takes every text format the emitters know, by its keyword.
#[test]
fn every_format_is_accepted_by_to() {
    for format in stride::emit::Format::ALL {
        let out = test()
            .args(["build", &plan("half-marathon"), "--to", format.keyword()])
            .run();
        assert_eq!(
            out.code,
            Some(0),
            "--to {}: {}",
            format.keyword(),
            out.stderr
        );
        assert!(!out.stdout.is_empty(), "--to {}", format.keyword());
    }
}

#[test]
fn the_format_follows_the_output_extension() {
    let dir = test();
    for (file, starts) in [
        ("plan.ics", "BEGIN:VCALENDAR\r\n"),
        ("plan.json", "{\n  \"schema_version\": 2,"),
        ("plan.md", "# Spring half marathon"),
    ] {
        let path = dir.path(file);
        let out = dir
            .again()
            .args([
                "build",
                &plan("half-marathon"),
                "-o",
                path.to_str().expect("UTF-8 path"),
            ])
            .run();
        assert_eq!(out.code, Some(0), "{}", out.stderr);
        assert!(out.stdout.is_empty());
        let text = fs::read_to_string(&path).expect("written");
        assert!(
            text.starts_with(starts),
            "{file}: {}",
            &text[..40.min(text.len())]
        );
    }
    // --to wins over the extension; an unknown extension needs --to.
    let txt = dir.path("plan.txt");
    let txt_arg = txt.to_str().expect("UTF-8 path");
    let out = dir
        .again()
        .args(["build", &plan("first-block"), "-o", txt_arg])
        .run();
    assert_eq!(out.code, Some(2));
    assert!(out.stderr.contains("--to"), "{}", out.stderr);
    assert!(!txt.exists());
    let out = dir
        .again()
        .args(["build", &plan("first-block"), "--to", "ics", "-o", txt_arg])
        .run();
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    check_ics(&fs::read(&txt).expect("written")).expect("a valid calendar");
    assert_eq!(
        dir.entries("."),
        ["plan.ics", "plan.json", "plan.md", "plan.txt"]
    );
}

#[test]
fn building_twice_gives_byte_identical_files() {
    let dir = test();
    for format in ["md", "ics", "json"] {
        let a = dir.path(&format!("a.{format}"));
        let b = dir.path(&format!("b.{format}"));
        for path in [&a, &b] {
            let out = dir
                .again()
                .args([
                    "build",
                    &plan("half-marathon"),
                    "--with-runs",
                    "--alarm",
                    "30min",
                    "-o",
                    path.to_str().expect("UTF-8 path"),
                ])
                .run();
            assert_eq!(out.code, Some(0), "{}", out.stderr);
        }
        assert_eq!(
            fs::read(&a).expect("a"),
            fs::read(&b).expect("b"),
            "{format}"
        );
    }
}

#[test]
fn time_stamps_come_from_source_date_epoch_or_the_plan() {
    let out = test()
        .args(["build", &plan("first-block"), "--to", "ics"])
        .run();
    assert!(out.stdout.contains("\r\nDTSTAMP:20270101T000000Z\r\n"));

    // Without SOURCE_DATE_EPOCH: the plan's start date, whatever the
    // file's modification time says.
    let dir = test();
    let copy = dir.path("plan.stride");
    fs::copy(example_path("first-block"), &copy).expect("copied");
    let copy_arg = copy.to_str().expect("UTF-8 path");
    let mut outputs = Vec::new();
    for seconds in [1_800_000_000, 1_900_000_000] {
        let modified = SystemTime::UNIX_EPOCH + Duration::from_secs(seconds);
        fs::File::options()
            .write(true)
            .open(&copy)
            .and_then(|f| f.set_modified(modified))
            .expect("mtime set");
        let out = dir
            .again()
            .args(["build", copy_arg, "--to", "ics"])
            .env_remove("SOURCE_DATE_EPOCH")
            .run();
        assert_eq!(out.code, Some(0), "{}", out.stderr);
        outputs.push(out.stdout);
    }
    // first-block starts on 2027-02-03.
    assert!(
        outputs[0].contains("\r\nDTSTAMP:20270203T000000Z\r\nLAST-MODIFIED:20270203T000000Z\r\n")
    );
    assert_eq!(outputs[0], outputs[1]);

    let out = dir
        .again()
        .args(["build", copy_arg, "--to", "ics"])
        .env("SOURCE_DATE_EPOCH", "yesterday")
        .run();
    assert_eq!(out.code, Some(2));
    assert!(out.stderr.contains("SOURCE_DATE_EPOCH"));
}

#[test]
fn standard_input_is_read_with_a_dash() {
    let source = fs::read(example_path("half-marathon")).expect("readable");
    let out = test()
        .args(["build", "-", "--to", "ics"])
        .stdin(source)
        .run();
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    check_ics(&out.bytes).expect("a valid calendar");
}

#[test]
fn a_plan_with_errors_is_not_built_and_the_old_file_stays() {
    let dir = test();
    let broken = dir.path("broken.stride");
    fs::write(
        &broken,
        "plan \"Broken\"\nstart 2027-13-45\nblock \"A\" weeks 1-2 {\n  session \"S\" xyz {\n",
    )
    .expect("written");
    let out_path = dir.path("plan.ics");
    fs::write(&out_path, "the previous calendar").expect("written");
    let out = dir
        .again()
        .args([
            "build",
            broken.to_str().expect("UTF-8 path"),
            "-o",
            out_path.to_str().expect("UTF-8 path"),
        ])
        .run();
    assert_eq!(out.code, Some(1));
    assert!(out.stdout.is_empty());
    assert!(out.stderr.contains("error"), "{}", out.stderr);
    assert_eq!(
        fs::read_to_string(&out_path).expect("still there"),
        "the previous calendar"
    );
    assert_eq!(dir.entries("."), ["broken.stride", "plan.ics"]);
}

#[test]
fn the_plan_is_never_overwritten() {
    let dir = test();
    let copy = dir.path("plan.md");
    fs::copy(example_path("first-block"), &copy).expect("copied");
    let arg = copy.to_str().expect("UTF-8 path");
    let out = dir.again().args(["build", arg, "-o", arg]).run();
    assert_eq!(out.code, Some(2));
    assert!(out.stderr.contains("overwrite the plan"), "{}", out.stderr);
    assert_eq!(
        fs::read(&copy).expect("readable"),
        fs::read(example_path("first-block")).expect("readable")
    );
}

#[test]
fn an_unwritable_destination_is_an_io_error_and_leaves_nothing() {
    let dir = test();
    let missing = dir.path("no-such-dir").join("plan.md");
    let out = dir
        .again()
        .args([
            "build",
            &plan("first-block"),
            "-o",
            missing.to_str().expect("UTF-8 path"),
        ])
        .run();
    assert_eq!(out.code, Some(2));
    assert!(out.stderr.contains("cannot write"), "{}", out.stderr);
    // A directory where the file should go.
    let taken = dir.path("plan.md");
    fs::create_dir(&taken).expect("created");
    let out = dir
        .again()
        .args([
            "build",
            &plan("first-block"),
            "-o",
            taken.to_str().expect("UTF-8 path"),
        ])
        .run();
    assert_eq!(out.code, Some(2));
    assert_eq!(dir.entries("."), ["plan.md"]);
}

#[test]
fn usage_problems_exit_with_2() {
    for args in [
        vec!["build", "/no/such/plan.stride"],
        vec!["build", "PLAN", "--weeks", "8-5"],
        vec!["build", "PLAN", "--weeks", "0"],
        vec!["build", "PLAN", "--alarm", "soon"],
        vec!["build", "PLAN", "--to", "pdf"],
        vec!["build", "PLAN", "--weeks", "13-15", "--to", "ics"],
    ] {
        let half = plan("half-marathon");
        let args: Vec<&str> = args
            .iter()
            .map(|a| if *a == "PLAN" { half.as_str() } else { a })
            .collect();
        let out = test().args(&args).run();
        assert_eq!(out.code, Some(2), "{args:?}: {}", out.stderr);
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn options_shape_the_calendar() {
    let out = test()
        .args([
            "build",
            &plan("half-marathon"),
            "--to",
            "ics",
            "--with-runs",
            "--alarm",
            "1h30min",
            "--weeks",
            "13-14",
            "--utc",
        ])
        .run();
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let cal = check_ics(&out.bytes).expect("a valid calendar");
    let events = cal.children("VEVENT");
    // Weeks 13 and 14: 2 sessions and 4 runs each, and the race, which
    // replaces the Sunday run of race week.
    assert_eq!(events.len(), 2 * (2 + 4) + 1 - 1);
    assert!(
        events
            .iter()
            .all(|e| e.value("DTSTART").is_some_and(|v| v.ends_with('Z')))
    );
    assert!(events.iter().all(|e| e.children("VALARM").len() == 1));
    assert!(cal.children("VTIMEZONE").is_empty());
    assert!(out.stdout.contains("TRIGGER:-PT1H30M\r\n"));
    assert!(
        events
            .iter()
            .any(|e| e.value("SUMMARY") == Some("Race: Brighton Half Marathon"))
    );

    // iCalendar options on another format are pointed out, not fatal.
    let out = test()
        .args(["build", &plan("half-marathon"), "--utc"])
        .run();
    assert_eq!(out.code, Some(0));
    assert!(out.stderr.contains("only change iCalendar output"));
}

#[test]
fn symlinked_outputs_keep_their_link() {
    #[cfg(unix)]
    {
        let dir = test();
        let real = dir.path("real.md");
        fs::write(&real, "old").expect("written");
        let link = dir.path("link.md");
        std::os::unix::fs::symlink(Path::new("real.md"), &link).expect("symlink");
        let out = dir
            .again()
            .args([
                "build",
                &plan("first-block"),
                "-o",
                link.to_str().expect("UTF-8 path"),
            ])
            .run();
        assert_eq!(out.code, Some(0), "{}", out.stderr);
        assert!(
            fs::symlink_metadata(&link)
                .expect("exists")
                .file_type()
                .is_symlink()
        );
        assert!(
            fs::read_to_string(&real)
                .expect("readable")
                .starts_with("# First strength block")
        );
    }
}
