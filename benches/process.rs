//! The whole `stride check` process, as a user or CI runs it: start-up,
//! reading files, compiling, checking, rendering, exit. Targets: under 5 ms
//! for `examples/half-marathon.stride`, under 1 s for a directory of 1,000
//! typical plans on 2 cores.
//!
//! `cargo bench --bench process` (builds the release binary first). Each
//! sample spawns `target/release/stride`; the corpus is written once to a
//! temporary directory.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use divan::Bencher;
use divan::counter::ItemsCount;

fn main() {
    divan::main();
}

const STRIDE: &str = env!("CARGO_BIN_EXE_stride");

fn run(args: &[&str]) {
    let status = Command::new(STRIDE)
        .args(args)
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    // Exit 1 (findings at error level) is a normal outcome; only a crash or
    // a usage problem means the measurement is wrong.
    match status.map(|s| s.code()) {
        Ok(Some(0 | 1)) => {}
        other => panic!("stride {args:?}: {other:?}"),
    }
}

fn example(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// `stride --version`: the floor, process start-up and nothing else.
#[divan::bench(sample_count = 200)]
fn version() {
    run(&["--version"]);
}

/// `stride check examples/half-marathon.stride`: target < 5 ms.
#[divan::bench(sample_count = 200)]
fn check_half_marathon() {
    run(&["check", &example("half-marathon.stride")]);
}

/// The large plan (52 weeks, six sessions a week, eight exercises each).
#[divan::bench(sample_count = 50)]
fn check_large_52w(bencher: Bencher) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temporary directory: {e}"));
    let path = dir.path().join("large.stride");
    write(
        &path,
        &stride::generate::plan(&stride::generate::Shape::large()),
    );
    let path = path.to_string_lossy().into_owned();
    bencher.bench(|| run(&["check", &path]));
}

/// 1,000 typical plans in one `stride check DIR`: target < 1 s on 2 cores.
/// Human output (the default) and the concise format CI problem matchers
/// read.
#[divan::bench(sample_count = 10, args = ["human", "concise"])]
fn check_corpus_1000(bencher: Bencher, format: &str) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temporary directory: {e}"));
    for (i, text) in stride::generate::corpus(0, 1000).iter().enumerate() {
        write(&dir.path().join(format!("plan-{i:04}.stride")), text);
    }
    let path: PathBuf = dir.path().to_path_buf();
    let path = path.to_string_lossy().into_owned();
    bencher
        .counter(ItemsCount::new(1000usize))
        .bench(|| run(&["check", "--format", format, &path]));
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}
