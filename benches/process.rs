//! The whole `stride check` process, as a user or CI runs it: start-up,
//! reading files, compiling, checking, rendering, exit. Targets: under 5 ms
//! for `examples/half-marathon.stride`, under 1 s for a directory of 1,000
//! typical plans on 2 cores; within 1.3x of a bare Rust process that only
//! reads the same file (`check_half_marathon_floor_bare_read`, run side by
//! side with `check_half_marathon`).
//!
//! `cargo bench --bench process` (builds the release binary first). Each
//! sample spawns `target/release/stride`; the corpus is written once to a
//! temporary directory.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use divan::Bencher;
use divan::counter::ItemsCount;

fn main() {
    // The floor `check_half_marathon` is compared with: this same bench
    // binary, started again, reads the plan and exits (see `bare_read`).
    if let Some(path) = std::env::var_os(BARE_READ) {
        let text = std::fs::read(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
        std::hint::black_box(text);
        return;
    }
    divan::main();
}

/// Set to a path: the process only reads that file and exits.
const BARE_READ: &str = "STRIDE_BENCH_BARE_READ";

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

/// A bare Rust process (this bench binary, started again) that reads the
/// half-marathon plan and exits: the floor for `check_half_marathon`,
/// measured side by side in the same run. Target: the check within 1.3x.
#[divan::bench(sample_count = 200)]
fn check_half_marathon_floor_bare_read() {
    let me = std::env::current_exe().unwrap_or_else(|e| panic!("current exe: {e}"));
    let status = Command::new(me)
        .env(BARE_READ, example("half-marathon.stride"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    assert!(
        status.as_ref().is_ok_and(|s| s.success()),
        "bare read: {status:?}"
    );
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
