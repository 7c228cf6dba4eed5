//! Which plans `stride check PATH...` finds: directories searched for
//! `*.stride` with .gitignore respected, standard input under a name,
//! everything sorted by path whatever order the arguments came in.

mod harness;

use harness::Test;

const GOOD: &str = include_str!("../examples/first-block.stride");
const BAD: &str = include_str!("fixtures/errors/unknown-exercise.stride");

/// `stride check --format concise` in the directory of `test`.
fn concise(test: &Test) -> Test {
    test.again().args(["check", "--format", "concise"])
}

/// A tree of plans: some ignored, some not plans at all.
fn tree() -> Test {
    Test::new()
        .file(".gitignore", "archive/\n*.draft.stride\n")
        .file("plans/zoe.stride", BAD)
        .file("plans/adam.stride", BAD)
        .file("plans/team/mia.stride", GOOD)
        .file("plans/notes.md", "not a plan")
        .file("plans/old.draft.stride", BAD)
        .file("archive/2019.stride", BAD)
        .file(".hidden/secret.stride", BAD)
}

#[test]
fn directories_are_searched_sorted_and_gitignore_is_respected() {
    let dir = tree();
    insta::assert_snapshot!("directory", concise(&dir).args(["."]).run().transcript());
}

#[test]
fn arguments_in_any_order_give_the_same_output() {
    let dir = tree();
    let a = concise(&dir)
        .args(["plans/zoe.stride", "plans", "plans/adam.stride"])
        .run()
        .transcript();
    let b = concise(&dir)
        .args(["plans/adam.stride", "plans/zoe.stride", "plans"])
        .run()
        .transcript();
    assert_eq!(a, b);
    // A file named on the command line is checked even where a directory
    // search would skip it.
    let ignored = concise(&dir)
        .args(["plans/old.draft.stride"])
        .run()
        .transcript();
    assert!(ignored.contains("plans/old.draft.stride:5:5"), "{ignored}");
}

#[test]
fn standard_input_takes_the_name_given() {
    let dir = tree();
    insta::assert_snapshot!(
        "stdin_filename",
        concise(&dir)
            .args(["--stdin-filename", "plans/edited.stride", "-", "plans/team"])
            .stdin(BAD)
            .run()
            .transcript()
    );
}

#[test]
fn a_directory_without_plans_is_a_usage_problem() {
    let dir = tree();
    dir.write("empty/readme.txt", "nothing here");
    insta::assert_snapshot!(
        "no_plans",
        concise(&dir)
            .args(["empty", "plans/team"])
            .run()
            .transcript()
    );
}

#[test]
fn stride_yaml_applies_per_directory() {
    let dir = tree();
    dir.write("plans/team/stride.yaml", "rules:\n  all: allow\n");
    dir.write("plans/team/bad.stride", BAD);
    let run = concise(&dir).args(["plans"]).run().transcript();
    // Compiler errors cannot be allowed: both directories report them.
    assert!(run.contains("plans/team/bad.stride:5:5"), "{run}");
    assert!(run.contains("plans/adam.stride:5:5"), "{run}");
}

#[test]
fn many_plans_in_parallel_come_out_in_order() {
    let dir = Test::new();
    for (i, text) in stride::generate::corpus(7, 60).iter().enumerate() {
        dir.write(&format!("p/{i:03}.stride"), text);
    }
    let run = concise(&dir).args(["p"]).run().transcript();
    let files: Vec<&str> = run
        .lines()
        .filter_map(|l| l.split(':').next())
        .filter(|f| f.ends_with(".stride"))
        .collect();
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted);
    assert!(run.contains("in 60 files"), "{run}");
    assert_eq!(
        run,
        concise(&dir).args(["p"]).run().transcript(),
        "deterministic"
    );
}
