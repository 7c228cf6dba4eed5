//! No input crashes stride and no failure destroys a file: bad paths and
//! bad bytes give exit 2 and a one-line error naming the path while the
//! other files are still checked; outputs are replaced atomically or not at
//! all; `fmt` rewrites only what changes; and every input the fuzzer ever
//! found a bug with (`tests/fixtures/regressions/`) goes through every
//! stage cleanly.

mod harness;

use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use harness::{Run, Test, entries};
use stride::diagnostic::Diagnostic;
use stride::emit::{self, Format, WeekRange};
use stride::render::{self, Style};

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/// A scratch directory to run in, with time stamps fixed at 2027-01-01.
fn scratch() -> Test {
    Test::new().env("SOURCE_DATE_EPOCH", "1798761600")
}

const GOOD: &str = include_str!("../examples/first-block.stride");

/// A plan with one error (an unknown exercise) and nothing else wrong.
fn bad_plan() -> String {
    GOOD.replacen("plank ", "plonk ", 1)
}

/// Whether permissions stop this process (they do not stop root): it
/// cannot read `path` if a file, or write into it if a directory.
fn permissions_apply(path: &Path) -> bool {
    if !path.is_dir() {
        return fs::read(path).is_err();
    }
    let probe = path.join("probe");
    let refused = fs::write(&probe, "x").is_err();
    let _ = fs::remove_file(probe);
    refused
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).expect("chmod");
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).expect("exists").permissions().mode() & 0o777
}

// ---------------------------------------------------------------------------
// Reading: bad paths and bad bytes
// ---------------------------------------------------------------------------

#[test]
fn non_utf8_input_names_the_path_and_the_byte_offset() {
    let dir = scratch();
    let bad = dir.write("latin1.stride", b"plan \"Caf\xe9\"\nstart 2027-01-04\n");
    let good = dir.write("good.stride", GOOD);
    let output = dir.again().args(["check"]).args([&bad, &good]).run();
    assert_eq!(output.code, Some(2), "{}", output.stderr);
    assert_eq!(
        output.error_lines(),
        [format!(
            "error: {}: not valid UTF-8 (invalid byte 0xE9 at offset 9, line 1)",
            bad.display()
        )]
    );
    // The other file was still checked.
    assert!(output.stderr.contains("in 1 file"), "{}", output.stderr);
}

#[test]
fn non_utf8_standard_input_gives_the_byte_offset() {
    let output = Test::new()
        .args(["check", "-"])
        .stdin(b"plan \"x\"\n\xff\xfe")
        .run();
    assert_eq!(output.code, Some(2));
    assert_eq!(
        output.error_lines(),
        ["error: <stdin>: not valid UTF-8 (invalid byte 0xFF at offset 9, line 2)"]
    );
}

#[test]
fn a_byte_order_mark_is_no_part_of_the_plan() {
    let dir = scratch();
    let path = dir.write("bom.stride", format!("\u{feff}{GOOD}"));
    let output = dir.again().args(["check"]).args([&path]).run();
    assert_eq!(output.code, Some(0), "{}", output.stderr);
}

#[test]
fn a_directory_without_plans_gives_exit_2_and_the_other_files_are_still_checked() {
    let dir = scratch();
    let sub = dir.path("plans.stride");
    fs::create_dir(&sub).expect("a directory");
    let good = dir.write("good.stride", GOOD);
    let bad = dir.write("bad.stride", bad_plan());
    let output = dir.again().args(["check"]).args([&sub, &good, &bad]).run();
    assert_eq!(output.code, Some(2), "{}", output.stderr);
    let errors = output.error_lines();
    assert_eq!(errors.len(), 1, "{}", output.stderr);
    assert!(errors[0].contains(&sub.display().to_string()), "{errors:?}");
    let text = output.stderr;
    assert!(text.contains("unknown-exercise"), "{text}");
    assert!(text.contains("in 2 files"), "{text}");
}

#[test]
fn a_directory_given_for_one_plan_gives_exit_2_and_a_one_line_error() {
    let dir = scratch();
    let sub = dir.path("plan.stride");
    fs::create_dir(&sub).expect("a directory");
    for command in ["build", "show"] {
        let output = dir.again().args([command]).args([&sub]).run();
        assert_eq!(output.code, Some(2), "{}", output.stderr);
        assert_eq!(
            output.error_lines(),
            [format!(
                "error: {}: is a directory, not a plan file",
                sub.display()
            )],
            "stride {command}"
        );
    }
}

#[test]
fn a_missing_file_gives_exit_2_and_the_other_files_are_still_checked() {
    let dir = scratch();
    let missing = dir.path("missing.stride");
    let bad = dir.write("bad.stride", bad_plan());
    let output = dir.again().args(["check"]).args([&missing, &bad]).run();
    assert_eq!(output.code, Some(2), "{}", output.stderr);
    assert_eq!(
        output.error_lines(),
        [format!("error: {}: no such file", missing.display())]
    );
    assert!(output.stderr.contains("unknown-exercise"));
}

/// A file without read permission and a socket: permission denied (except
/// to root, who reads the file), and a socket cannot be opened by anyone.
#[cfg(unix)]
#[test]
fn an_unreadable_file_gives_exit_2_and_the_other_files_are_still_checked() {
    let dir = scratch();
    let locked = dir.write("locked.stride", GOOD);
    set_mode(&locked, 0o000);
    let socket = dir.path("socket.stride");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).expect("a socket");
    let good = dir.write("good.stride", GOOD);
    let output = dir
        .again()
        .args(["check"])
        .args([&locked, &socket, &good])
        .run();
    assert_eq!(output.code, Some(2), "{}", output.stderr);
    let errors = output.error_lines();
    let socket_error = format!("error: {}: ", socket.display());
    if permissions_apply(&locked) {
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert_eq!(
            errors[0],
            format!("error: {}: permission denied", locked.display())
        );
        assert!(errors[1].starts_with(&socket_error), "{errors:?}");
        output.stderr_has("in 1 file");
    } else {
        // Root reads the file whatever its mode; still not the socket.
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].starts_with(&socket_error), "{errors:?}");
        output.stderr_has("in 2 files");
    }
}

#[cfg(unix)]
#[test]
fn special_files_are_read_within_the_size_limit() {
    // /dev/zero never ends: reading stops at the limit.
    let output = Test::new().args(["check", "/dev/zero"]).run();
    assert_eq!(output.code, Some(2), "{}", output.stderr);
    assert_eq!(
        output.error_lines(),
        ["error: /dev/zero: larger than the limit of 8 MiB for a plan"]
    );
}

// ---------------------------------------------------------------------------
// Writing: atomic, or not at all
// ---------------------------------------------------------------------------

#[test]
fn build_over_an_existing_file_leaves_it_byte_for_byte_when_the_plan_has_errors() {
    let dir = scratch();
    let plan = dir.write("plan.stride", bad_plan());
    let old: Vec<u8> = (0..=255u8).cycle().take(5000).collect();
    let out = dir.write("plan.md", &old);
    let output = dir.again().args(["build", "-o"]).args([&out, &plan]).run();
    assert_eq!(output.code, Some(1), "{}", output.stderr);
    assert_eq!(fs::read(&out).expect("still there"), old);
    assert_eq!(dir.entries("."), ["plan.md", "plan.stride"]);
}

#[test]
fn build_replaces_an_existing_file_atomically_keeping_its_permissions() {
    let dir = scratch();
    let plan = dir.write("plan.stride", GOOD);
    let out = dir.write("plan.ics", "old");
    #[cfg(unix)]
    set_mode(&out, 0o640);
    let output = dir.again().args(["build", "-o"]).args([&out, &plan]).run();
    assert_eq!(output.code, Some(0), "{}", output.stderr);
    let text = fs::read_to_string(&out).expect("written");
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"), "{text}");
    #[cfg(unix)]
    assert_eq!(mode(&out), 0o640);
    assert_eq!(dir.entries("."), ["plan.ics", "plan.stride"]);
}

/// A directory this process cannot write to: a read-only scratch
/// directory, or for root (whom permissions do not stop) sysfs or procfs,
/// where no one can make a file.
#[cfg(unix)]
fn read_only_dir(dir: &Test) -> PathBuf {
    let ro = dir.path("read-only");
    fs::create_dir(&ro).expect("a directory");
    set_mode(&ro, 0o555);
    if permissions_apply(&ro) {
        return ro;
    }
    ["/sys", "/proc"]
        .into_iter()
        .map(PathBuf::from)
        .find(|p| p.is_dir() && permissions_apply(p))
        .expect("a directory this process cannot write to")
}

#[cfg(unix)]
#[test]
fn build_into_a_read_only_location_gives_exit_2_and_a_one_line_error() {
    let dir = scratch();
    let plan = dir.write("plan.stride", GOOD);
    let ro = read_only_dir(&dir);
    let before = entries(&ro);
    let out = ro.join("stride-robustness.md");
    let output = dir.again().args(["build", "-o"]).args([&out, &plan]).run();
    assert_eq!(output.code, Some(2), "{}", output.stderr);
    let errors = output.error_lines();
    assert_eq!(errors.len(), 1, "{}", output.stderr);
    assert!(
        errors[0].contains(&out.display().to_string()),
        "{}",
        errors[0]
    );
    assert_eq!(entries(&ro), before, "a temporary file was left behind");
    set_mode(&dir.path("read-only"), 0o755);
}

/// A file in a read-only directory stays as it was; root, whom permissions
/// do not stop, gets it replaced whole, with no temporary file left.
#[cfg(unix)]
#[test]
fn build_over_a_read_only_file_leaves_it_as_it_was() {
    let dir = scratch();
    let plan = dir.write("plan.stride", GOOD);
    let out = dir.write("read-only/plan.md", "old text");
    let ro = dir.path("read-only");
    set_mode(&ro, 0o555);
    let output = dir.again().args(["build", "-o"]).args([&out, &plan]).run();
    if permissions_apply(&ro) {
        assert_eq!(output.code, Some(2), "{}", output.stderr);
        assert_eq!(fs::read_to_string(&out).expect("still there"), "old text");
    } else {
        assert_eq!(output.code, Some(0), "{}", output.stderr);
        let text = fs::read_to_string(&out).expect("written");
        assert!(text.starts_with("# First strength block"), "{text}");
    }
    assert_eq!(entries(&ro), ["plan.md"]);
    set_mode(&ro, 0o755);
}

#[test]
fn build_into_a_directory_gives_exit_2_and_leaves_it_alone() {
    let dir = scratch();
    let plan = dir.write("plan.stride", GOOD);
    let out = dir.path("out.md");
    fs::create_dir(&out).expect("a directory");
    let output = dir.again().args(["build", "-o"]).args([&out, &plan]).run();
    assert_eq!(output.code, Some(2), "{}", output.stderr);
    assert_eq!(output.error_lines().len(), 1, "{}", output.stderr);
    assert!(out.is_dir());
    assert_eq!(dir.entries("."), ["out.md", "plan.stride"]);
}

// ---------------------------------------------------------------------------
// fmt: only what changes, permissions kept, bad files untouched
// ---------------------------------------------------------------------------

#[test]
fn fmt_leaves_a_formatted_file_untouched() {
    let dir = scratch();
    let formatted = stride::fmt::format(GOOD).expect("the example formats");
    let path = dir.write("plan.stride", &formatted);
    let before = fs::metadata(&path).expect("exists");
    std::thread::sleep(std::time::Duration::from_millis(20));
    let output = dir.again().args(["fmt"]).args([&path]).run();
    assert_eq!(output.code, Some(0), "{}", output.stderr);
    let after = fs::metadata(&path).expect("exists");
    assert_eq!(
        before.modified().expect("mtime"),
        after.modified().expect("mtime"),
        "an unchanged file was rewritten"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        assert_eq!(before.ino(), after.ino(), "an unchanged file was replaced");
    }
}

#[test]
fn fmt_rewrites_a_changed_file_keeping_its_permissions() {
    let dir = scratch();
    let messy = GOOD.replace("  ", "   ");
    let path = dir.write("plan.stride", &messy);
    #[cfg(unix)]
    set_mode(&path, 0o600);
    let output = dir.again().args(["fmt"]).args([&path]).run();
    assert_eq!(output.code, Some(0), "{}", output.stderr);
    let text = fs::read_to_string(&path).expect("readable");
    assert_eq!(Ok(text.clone()), stride::fmt::format(&messy));
    assert_ne!(text, messy);
    #[cfg(unix)]
    assert_eq!(mode(&path), 0o600);
    assert_eq!(dir.entries("."), ["plan.stride"]);
}

#[test]
fn fmt_leaves_a_file_with_syntax_errors_byte_for_byte() {
    let dir = scratch();
    let broken = format!("{GOOD}\nblock \"Oops\" weeks 9-10 {{\n  session \"X\" mon {{\n");
    let path = dir.write("broken.stride", &broken);
    let output = dir.again().args(["fmt"]).args([&path]).run();
    assert_eq!(output.code, Some(1), "{}", output.stderr);
    assert_eq!(fs::read_to_string(&path).expect("readable"), broken);
    assert_eq!(dir.entries("."), ["broken.stride"]);
}

#[test]
fn fmt_with_a_bad_path_gives_exit_2_and_formats_the_other_files() {
    let dir = scratch();
    let latin1 = dir.write("latin1.stride", b"plan \"Caf\xe9\"\n");
    let missing = dir.path("missing.stride");
    let messy = GOOD.replace("  ", "   ");
    let path = dir.write("plan.stride", &messy);
    let output = dir
        .again()
        .args(["fmt"])
        .args([&latin1, &missing, &path])
        .run();
    assert_eq!(output.code, Some(2), "{}", output.stderr);
    assert_eq!(
        output.error_lines(),
        [
            format!(
                "error: {}: not valid UTF-8 (invalid byte 0xE9 at offset 9, line 1)",
                latin1.display()
            ),
            format!("error: {}: no such file", missing.display()),
        ]
    );
    assert_ne!(fs::read_to_string(&path).expect("readable"), messy);
    assert_eq!(
        fs::read(&latin1).expect("readable"),
        b"plan \"Caf\xe9\"\n",
        "an unreadable file was changed"
    );
}

// ---------------------------------------------------------------------------
// A reader that goes away
// ---------------------------------------------------------------------------

/// Runs `args` on `text` with stderr a pipe whose reader is gone by the
/// time stride writes, as in `stride check plan 2>&1 | head -1`.
fn with_stderr_closed(args: &[&str], text: &str) -> Option<i32> {
    let dir = scratch();
    let plan = dir.write("plan.stride", text);
    let mut child = dir
        .again()
        .args(args)
        .arg(&plan)
        .command()
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("stride runs");
    // Read a little, then hang up: the rest (far more than a pipe holds)
    // meets a closed pipe.
    let mut first = [0u8; 1];
    if let Some(mut pipe) = child.stderr.take() {
        let _ = pipe.read(&mut first);
    }
    child.wait().expect("stride ends").code()
}

/// Thousands of lines stride cannot read: a long report on stderr.
fn syntax_errors() -> String {
    format!("plan \"x\"\n{}", "bogus line here\n".repeat(3000))
}

#[test]
fn check_build_and_show_survive_a_closed_stderr() {
    for command in ["check", "build", "show"] {
        for text in [bad_plan().repeat(100), syntax_errors()] {
            assert_ne!(
                with_stderr_closed(&[command], &text),
                Some(101),
                "stride {command} panicked"
            );
        }
    }
}

/// The exit code of `args` with stdout a pipe whose reader is gone before
/// stride writes, as in `stride build plan --to json | head -0`, and with
/// stdout read to the end.
fn with_stdout_closed(args: &[&str]) -> (Option<i32>, Option<i32>) {
    let run = |closed: bool| {
        let mut child = Test::new()
            .args(args)
            .command()
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("stride runs");
        let mut out = child.stdout.take().expect("a pipe");
        if !closed {
            let _ = out.read_to_end(&mut Vec::new());
        }
        drop(out);
        child.wait().expect("stride ends").code()
    };
    (run(true), run(false))
}

#[test]
fn a_closed_stdout_changes_no_exit_code() {
    let plan = format!(
        "{}/examples/half-marathon.stride",
        env!("CARGO_MANIFEST_DIR")
    );
    // Each writes far more than a pipe holds.
    for args in [
        vec!["build", plan.as_str(), "--to", "json"],
        vec!["check", "--format", "sarif", plan.as_str()],
        vec!["explain", "schedule.same-session"],
    ] {
        let (closed, read) = with_stdout_closed(&args);
        assert_eq!(closed, read, "stride {args:?}");
    }
}

#[test]
fn fmt_survives_a_closed_stderr() {
    assert_ne!(
        with_stderr_closed(&["fmt"], &syntax_errors()),
        Some(101),
        "stride fmt panicked"
    );
}

// ---------------------------------------------------------------------------
// Regressions found by fuzzing
// ---------------------------------------------------------------------------

/// Every stage on one input, as the fuzz target runs them.
fn pipeline(name: &str, source: &str) {
    let analysis = stride::analyze(source, &stride::Options::default());
    assert_inside(name, source, &analysis.diagnostics);
    let _ = render::human(&analysis.diagnostics, name, source, Style::PLAIN);
    match stride::fmt::format(source) {
        Ok(formatted) => assert_eq!(
            stride::fmt::format(&formatted).as_ref(),
            Ok(&formatted),
            "{name}: formatting is not idempotent"
        ),
        Err(diagnostics) => assert_inside(name, source, &diagnostics),
    }
    let Some(plan) = &analysis.plan else {
        return;
    };
    let weeks = u32::try_from(plan.weeks.len()).unwrap_or(u32::MAX);
    let findings = render::findings(&analysis.diagnostics, Some(source));
    let variants = [
        emit::Request {
            findings: &findings,
            ..emit::Request::default()
        },
        emit::Request {
            weeks: Some(WeekRange {
                first: weeks.div_ceil(2).max(1),
                last: weeks.max(1),
            }),
            findings: &findings,
            icalendar: emit::ics::Options {
                utc: true,
                with_runs: true,
                alarm_s: Some(1800),
                ..Default::default()
            },
            detail: emit::Detail::Full,
        },
    ];
    for options in &variants {
        for format in Format::ALL {
            let _ = emit::emit(plan, format, options);
        }
    }
}

fn assert_inside(name: &str, source: &str, diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        for label in &d.labels {
            let span = label.span;
            assert!(
                span.start <= span.end
                    && span.end <= source.len()
                    && source.is_char_boundary(span.start)
                    && source.is_char_boundary(span.end),
                "{name}: {} points outside the text: {span:?}",
                d.code
            );
        }
    }
}

#[test]
fn every_regression_input_goes_through_every_stage() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/regressions");
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("the regressions directory")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "stride"))
        .collect();
    paths.sort();
    for path in paths {
        let bytes = fs::read(&path).expect("readable");
        // The command line refuses text that is not UTF-8 before compiling.
        let Ok(source) = String::from_utf8(bytes) else {
            continue;
        };
        pipeline(&path.display().to_string(), &source);
    }
}

#[test]
fn the_examples_and_fixtures_go_through_every_stage() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in ["examples", "tests/fixtures/errors"] {
        for entry in fs::read_dir(root.join(dir)).expect("a directory") {
            let path = entry.expect("an entry").path();
            if path.extension().is_some_and(|e| e == "stride") {
                let source = fs::read_to_string(&path).expect("readable");
                pipeline(&path.display().to_string(), &source);
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The machine's time zone files
// ---------------------------------------------------------------------------

/// `args` on the half-marathon plan with `TZDIR` naming a directory whose
/// copy of the plan's zone is garbage: stride reads only its own copy.
fn with_bad_tzdir(args: &[&str]) -> (Run, Run) {
    let dir = scratch();
    fs::create_dir_all(dir.path("zoneinfo/Europe")).expect("a directory");
    dir.write("zoneinfo/Europe/London", "not a time zone");
    dir.write("zoneinfo/UTC", "not a time zone either");
    let plan = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/half-marathon.stride");
    let run = |test: Test| test.args(args).arg(&plan).run();
    (
        run(dir.again().env_remove("TZDIR")),
        run(dir.again().env("TZDIR", dir.path("zoneinfo"))),
    )
}

#[test]
fn the_machines_time_zone_files_change_nothing_in_the_expansion() {
    let (plain, odd) = with_bad_tzdir(&["show"]);
    assert_eq!(plain.code, Some(0), "{}", plain.stderr);
    assert_eq!(odd.code, Some(0), "{}", odd.stderr);
    assert_eq!(plain.bytes, odd.bytes);
}

#[test]
fn the_machines_time_zone_files_change_nothing_in_any_output() {
    for args in [
        &["build", "--to", "ics"][..],
        &["build", "--to", "md"],
        &["check"],
    ] {
        let (plain, odd) = with_bad_tzdir(args);
        assert_eq!(plain.code, odd.code, "{args:?}");
        assert_eq!(plain.bytes, odd.bytes, "{args:?}");
        assert_eq!(plain.stderr, odd.stderr, "{args:?}");
    }
}
