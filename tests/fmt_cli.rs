//! `stride fmt` as a user runs it: in place, `--check`, `--diff`, standard
//! input, directories, and files it must not touch.

mod harness;

use std::fs;

use harness::Test;

const MESSY: &str = "plan \"P\"\nstart 2027-01-04\nblock \"B\" weeks 1-2 {\nsession \"A\" mon {\nback-squat 3x5   rest 120s  # heavy\n}\n}\n";
const TIDY: &str = "plan \"P\"\nstart 2027-01-04\n\nblock \"B\" weeks 1-2 {\n  session \"A\" mon {\n    back-squat  3x5  rest 2min  # heavy\n  }\n}\n";
const BROKEN: &str =
    "plan \"P\"\nstart 2027-01-04\nblock \"B\" weeks 1-2 {\n  session mon {\n  }\n}\n";

#[test]
fn formats_standard_input_to_standard_output() {
    let out = Test::new().args(["fmt"]).stdin(MESSY).run();
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.stdout, TIDY);
    let out = Test::new().args(["fmt", "-"]).stdin(TIDY).run();
    assert_eq!(out.stdout, TIDY);
}

#[test]
fn broken_standard_input_comes_back_as_it_was() {
    let out = Test::new().args(["fmt"]).stdin(BROKEN).run();
    assert_eq!(out.code, Some(1));
    assert_eq!(out.stdout, BROKEN);
    assert!(out.stderr.contains("not formatted"), "{}", out.stderr);
}

#[test]
fn rewrites_files_in_place_keeping_permissions() {
    let test = Test::new()
        .file("messy.stride", MESSY)
        .file("tidy.stride", TIDY);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(test.path("messy.stride"), fs::Permissions::from_mode(0o640))
            .expect("chmod");
    }
    let modified = || {
        fs::metadata(test.path("tidy.stride"))
            .and_then(|m| m.modified())
            .expect("mtime")
    };
    let tidy_modified = modified();
    std::thread::sleep(std::time::Duration::from_millis(20));

    test.again()
        .args(["fmt", "messy.stride", "tidy.stride"])
        .run()
        .success();
    assert_eq!(test.read("messy.stride"), TIDY);
    // An unchanged file is not written at all.
    assert_eq!(modified(), tidy_modified);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(test.path("messy.stride"))
            .expect("exists")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o640);
    }
    assert_eq!(
        test.entries("."),
        ["messy.stride", "tidy.stride"],
        "no temporary file left"
    );
}

#[test]
fn check_reports_and_changes_nothing() {
    let test = Test::new().file("messy.stride", MESSY);
    test.again()
        .args(["fmt", "--check", "messy.stride"])
        .run()
        .status(1)
        .stderr_has("would reformat");
    assert_eq!(test.read("messy.stride"), MESSY);

    test.write("messy.stride", TIDY);
    test.again()
        .args(["fmt", "--check", "messy.stride"])
        .run()
        .success();
}

#[test]
fn diff_shows_what_would_change() {
    let out = Test::new().args(["fmt", "--diff"]).stdin(MESSY).run();
    assert_eq!(out.code, Some(1));
    let diff = out.stdout;
    assert!(
        diff.starts_with("--- <stdin>\n+++ <stdin> (formatted)\n@@ "),
        "{diff}"
    );
    assert!(
        diff.contains("-back-squat 3x5   rest 120s  # heavy\n"),
        "{diff}"
    );
    assert!(
        diff.contains("+    back-squat  3x5  rest 2min  # heavy\n"),
        "{diff}"
    );
}

#[test]
fn files_with_syntax_errors_are_left_untouched() {
    let test = Test::new().file("broken.stride", BROKEN);
    test.again()
        .args(["fmt", "broken.stride"])
        .run()
        .status(1)
        .stderr_has("syntax")
        .stderr_has("not formatted");
    assert_eq!(test.read("broken.stride"), BROKEN);
}

#[test]
fn directories_are_searched_for_plans() {
    let test = Test::new()
        .file("walk/nested/a.stride", MESSY)
        .file("walk/notes.txt", MESSY);
    test.again().args(["fmt", "walk"]).run().success();
    assert_eq!(test.read("walk/nested/a.stride"), TIDY);
    assert_eq!(test.read("walk/notes.txt"), MESSY);
}

#[test]
fn a_missing_file_is_a_usage_error() {
    Test::new()
        .args(["fmt", "/definitely/not/here.stride"])
        .run()
        .status(2)
        .stderr_has("no such file");
}

#[test]
fn gitignore_is_honoured_outside_git_as_check_honours_it() {
    let test = Test::new()
        .file(".gitignore", "ignored/\n")
        .file("ignored/plan.stride", MESSY)
        .file("kept/plan.stride", MESSY);
    let out = test.again().args(["fmt", "--check", "."]).run();
    out.status(1).stderr_has("kept/plan.stride");
    assert!(!out.stderr.contains("ignored"), "{}", out.stderr);

    let out = test
        .again()
        .args(["check", "--format", "concise", "."])
        .run();
    assert!(!out.stdout.contains("ignored"), "{}", out.stdout);
    out.stderr_has("in 1 file");
}
