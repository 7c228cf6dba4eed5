//! Which plans `stride check PATH...` finds: directories searched for
//! `*.stride` with .gitignore respected, standard input under a name,
//! everything sorted by path whatever order the arguments came in.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

const GOOD: &str = include_str!("../examples/first-block.stride");
const BAD: &str = include_str!("fixtures/errors/unknown-exercise.stride");

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("a directory");
    }
    std::fs::write(path, text).expect("a file");
}

/// Runs `stride check --format concise` in `dir`; the whole outcome.
fn check(dir: &Path, args: &[&str], stdin: Option<&str>) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_stride"))
        .args(["check", "--format", "concise"])
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("STRIDE_FORMAT")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("stride runs");
    if let Some(mut pipe) = child.stdin.take() {
        let _ = pipe.write_all(stdin.unwrap_or_default().as_bytes());
    }
    let out = child.wait_with_output().expect("stride ends");
    format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// A tree of plans: some ignored, some not plans at all.
fn tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let d = dir.path();
    write(d, ".gitignore", "archive/\n*.draft.stride\n");
    write(d, "plans/zoe.stride", BAD);
    write(d, "plans/adam.stride", BAD);
    write(d, "plans/team/mia.stride", GOOD);
    write(d, "plans/notes.md", "not a plan");
    write(d, "plans/old.draft.stride", BAD);
    write(d, "archive/2019.stride", BAD);
    write(d, ".hidden/secret.stride", BAD);
    dir
}

#[test]
fn directories_are_searched_sorted_and_gitignore_is_respected() {
    let dir = tree();
    insta::assert_snapshot!("directory", check(dir.path(), &["."], None));
}

#[test]
fn arguments_in_any_order_give_the_same_output() {
    let dir = tree();
    let a = check(
        dir.path(),
        &["plans/zoe.stride", "plans", "plans/adam.stride"],
        None,
    );
    let b = check(
        dir.path(),
        &["plans/adam.stride", "plans/zoe.stride", "plans"],
        None,
    );
    assert_eq!(a, b);
    // A file named on the command line is checked even where a directory
    // search would skip it.
    let ignored = check(dir.path(), &["plans/old.draft.stride"], None);
    assert!(ignored.contains("plans/old.draft.stride:5:5"), "{ignored}");
}

#[test]
fn standard_input_takes_the_name_given() {
    let dir = tree();
    insta::assert_snapshot!(
        "stdin_filename",
        check(
            dir.path(),
            &["--stdin-filename", "plans/edited.stride", "-", "plans/team"],
            Some(BAD)
        )
    );
}

#[test]
fn a_directory_without_plans_is_a_usage_problem() {
    let dir = tree();
    write(dir.path(), "empty/readme.txt", "nothing here");
    insta::assert_snapshot!(
        "no_plans",
        check(dir.path(), &["empty", "plans/team"], None)
    );
}

#[test]
fn stride_yaml_applies_per_directory() {
    let dir = tree();
    write(
        dir.path(),
        "plans/team/stride.yaml",
        "rules:\n  all: allow\n",
    );
    write(dir.path(), "plans/team/bad.stride", BAD);
    let run = check(dir.path(), &["plans"], None);
    // Compiler errors cannot be allowed: both directories report them.
    assert!(run.contains("plans/team/bad.stride:5:5"), "{run}");
    assert!(run.contains("plans/adam.stride:5:5"), "{run}");
}

#[test]
fn many_plans_in_parallel_come_out_in_order() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    for (i, text) in stride::generate::corpus(7, 60).iter().enumerate() {
        write(dir.path(), &format!("p/{i:03}.stride"), text);
    }
    let run = check(dir.path(), &["p"], None);
    let files: Vec<&str> = run
        .lines()
        .filter_map(|l| l.split(':').next())
        .filter(|f| f.ends_with(".stride"))
        .collect();
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted);
    assert!(run.contains("in 60 files"), "{run}");
    assert_eq!(run, check(dir.path(), &["p"], None), "deterministic");
}
