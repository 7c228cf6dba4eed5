//! `stride fmt` as a user runs it: in place, `--check`, `--diff`, standard
//! input, directories, and files it must not touch.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const MESSY: &str = "plan \"P\"\nstart 2027-01-04\nblock \"B\" weeks 1-2 {\nsession \"A\" mon {\nback-squat 3x5   rest 120s  # heavy\n}\n}\n";
const TIDY: &str = "plan \"P\"\nstart 2027-01-04\n\nblock \"B\" weeks 1-2 {\n  session \"A\" mon {\n    back-squat  3x5  rest 2min  # heavy\n  }\n}\n";
const BROKEN: &str =
    "plan \"P\"\nstart 2027-01-04\nblock \"B\" weeks 1-2 {\n  session mon {\n  }\n}\n";

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("stride-fmt-cli-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

fn stride(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_stride"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("stride runs");
    let mut input = child.stdin.take().expect("stdin");
    if let Some(text) = stdin {
        input.write_all(text.as_bytes()).expect("written");
    }
    drop(input);
    child.wait_with_output().expect("finished")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn path(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

#[test]
fn formats_standard_input_to_standard_output() {
    let out = stride(&["fmt"], Some(MESSY));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), TIDY);
    let out = stride(&["fmt", "-"], Some(TIDY));
    assert_eq!(text(&out.stdout), TIDY);
}

#[test]
fn broken_standard_input_comes_back_as_it_was() {
    let out = stride(&["fmt"], Some(BROKEN));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stdout), BROKEN);
    assert!(
        text(&out.stderr).contains("not formatted"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn rewrites_files_in_place_keeping_permissions() {
    let dir = scratch("in-place");
    let messy = dir.join("messy.stride");
    let tidy = dir.join("tidy.stride");
    fs::write(&messy, MESSY).expect("written");
    fs::write(&tidy, TIDY).expect("written");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&messy, fs::Permissions::from_mode(0o640)).expect("chmod");
    }
    let tidy_modified = fs::metadata(&tidy)
        .and_then(|m| m.modified())
        .expect("mtime");
    std::thread::sleep(std::time::Duration::from_millis(20));

    let out = stride(&["fmt", path(&messy), path(&tidy)], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(fs::read_to_string(&messy).expect("readable"), TIDY);
    // An unchanged file is not written at all.
    assert_eq!(
        fs::metadata(&tidy)
            .and_then(|m| m.modified())
            .expect("mtime"),
        tidy_modified
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&messy).expect("exists").permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
    }
    let names: Vec<_> = fs::read_dir(&dir)
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names.len(), 2, "no temporary file left: {names:?}");
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn check_reports_and_changes_nothing() {
    let dir = scratch("check");
    let messy = dir.join("messy.stride");
    fs::write(&messy, MESSY).expect("written");
    let out = stride(&["fmt", "--check", path(&messy)], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("would reformat"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(fs::read_to_string(&messy).expect("readable"), MESSY);

    fs::write(&messy, TIDY).expect("written");
    let out = stride(&["fmt", "--check", path(&messy)], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn diff_shows_what_would_change() {
    let out = stride(&["fmt", "--diff"], Some(MESSY));
    assert_eq!(out.status.code(), Some(1));
    let diff = text(&out.stdout);
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
    let dir = scratch("broken");
    let broken = dir.join("broken.stride");
    fs::write(&broken, BROKEN).expect("written");
    let out = stride(&["fmt", path(&broken)], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(fs::read_to_string(&broken).expect("readable"), BROKEN);
    let stderr = text(&out.stderr);
    assert!(stderr.contains("syntax"), "{stderr}");
    assert!(stderr.contains("not formatted"), "{stderr}");
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn directories_are_searched_for_plans() {
    let dir = scratch("walk");
    fs::create_dir_all(dir.join("nested")).expect("nested");
    fs::write(dir.join("nested/a.stride"), MESSY).expect("written");
    fs::write(dir.join("notes.txt"), MESSY).expect("written");
    let out = stride(&["fmt", path(&dir)], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        fs::read_to_string(dir.join("nested/a.stride")).expect("readable"),
        TIDY
    );
    assert_eq!(
        fs::read_to_string(dir.join("notes.txt")).expect("readable"),
        MESSY
    );
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn a_missing_file_is_a_usage_error() {
    let out = stride(&["fmt", "/definitely/not/here.stride"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("no such file"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn gitignore_is_honoured_outside_git_as_check_honours_it() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let root = dir.path();
    fs::write(root.join(".gitignore"), "ignored/\n").expect("written");
    for sub in ["ignored", "kept"] {
        fs::create_dir_all(root.join(sub)).expect("a directory");
        fs::write(root.join(sub).join("plan.stride"), MESSY).expect("written");
    }
    let out = stride(&["fmt", "--check", path(root)], None);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let listed = text(&out.stderr);
    assert!(listed.contains("kept/plan.stride"), "{listed}");
    assert!(!listed.contains("ignored"), "{listed}");

    let out = stride(&["check", "--format", "concise", path(root)], None);
    let reported = text(&out.stdout);
    assert!(!reported.contains("ignored"), "{reported}");
    assert!(
        text(&out.stderr).contains("in 1 file"),
        "{}",
        text(&out.stderr)
    );
}
