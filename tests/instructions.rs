//! Instruction counts of the release binary, counted by valgrind's
//! callgrind: unlike wall time they do not depend on a noisy machine, so a
//! regression fails CI. Runs only with `STRIDE_EXTERNAL=1` (`.ci/run` sets
//! it); valgrind must then be installed, or the test fails saying so.
//!
//! Under a debug `cargo test` the test builds the release binary first
//! (`cargo build --release --bin stride`); under `cargo test --release` it
//! counts the binary cargo built. README.md's "Performance" section gives
//! the numbers and how to reproduce them by hand.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use stride::generate::{self, Shape};

/// `stride check` on a two-line plan: start-up (no embedded data is parsed,
/// see `build.rs`) and little else. 8.5 M before the catalogue and the
/// rules became Rust code; about 1.5 M since.
const TWO_LINE_CEILING: u64 = 1_700_000;

/// `stride check examples/half-marathon.stride`, whole process. The
/// issue's target is 2.5 M; this ceiling holds today's count (see README)
/// with room for valgrind versions and environment size.
const HALF_MARATHON_CEILING: u64 = 7_500_000;

/// `stride check --format concise` on the 520-week plan, per byte of
/// source. The target is 300; this ceiling holds today's count.
const PER_BYTE_CEILING: u64 = 2_100;

fn enabled() -> bool {
    if std::env::var("STRIDE_EXTERNAL").as_deref() == Ok("1") {
        true
    } else {
        eprintln!("skipped: set STRIDE_EXTERNAL=1 to count instructions with valgrind");
        false
    }
}

/// The release binary, built once per test run.
fn release_binary() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| {
        let cargo_built = PathBuf::from(env!("CARGO_BIN_EXE_stride"));
        if !cfg!(debug_assertions) {
            return cargo_built;
        }
        let status = Command::new(env!("CARGO"))
            .args(["build", "--release", "--locked", "--bin", "stride"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .unwrap_or_else(|e| panic!("cannot run cargo: {e}"));
        assert!(status.success(), "cargo build --release failed: {status}");
        // target/debug/stride -> target/release/stride
        let target = cargo_built
            .parent()
            .and_then(Path::parent)
            .unwrap_or_else(|| panic!("no target directory above {}", cargo_built.display()));
        target.join("release").join("stride")
    })
}

/// Instructions executed by `stride ARGS`, the whole process.
fn instructions(args: &[&str]) -> u64 {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temporary directory: {e}"));
    let out = dir.path().join("callgrind.out");
    let run = Command::new("valgrind")
        .arg("--tool=callgrind")
        .arg(format!("--callgrind-out-file={}", out.display()))
        .arg(release_binary())
        .args(args)
        .env("NO_COLOR", "1")
        .output();
    let run = match run {
        Ok(run) => run,
        Err(e) => panic!(
            "STRIDE_EXTERNAL=1 but valgrind cannot run ({e}): install it (apt-get install valgrind)"
        ),
    };
    // Exit 1 (findings at error level) is a normal outcome.
    assert!(
        matches!(run.status.code(), Some(0 | 1)),
        "valgrind stride {args:?}: {}\n{}",
        run.status,
        String::from_utf8_lossy(&run.stderr)
    );
    let text = std::fs::read_to_string(&out).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    text.lines()
        .find_map(|l| l.strip_prefix("summary: ").or(l.strip_prefix("totals: ")))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no instruction total in {}", out.display()))
}

#[test]
fn start_up_parses_no_embedded_data() {
    if !enabled() {
        return;
    }
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temporary directory: {e}"));
    let path = dir.path().join("two-lines.stride");
    std::fs::write(&path, "plan \"Two lines\"\nstart 2027-01-04\n")
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let count = instructions(&["check", &path.to_string_lossy()]);
    eprintln!("stride check on a two-line plan: {count} instructions");
    assert!(
        count <= TWO_LINE_CEILING,
        "stride check on a two-line plan took {count} instructions, over {TWO_LINE_CEILING}: \
         does start-up parse embedded data again?"
    );
}

#[test]
fn checking_the_half_marathon_plan_stays_under_its_ceiling() {
    if !enabled() {
        return;
    }
    let plan = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/half-marathon.stride");
    let plan = plan.to_string_lossy();
    let version = instructions(&["--version"]);
    let check = instructions(&["check", &plan]);
    eprintln!("stride --version: {version} instructions; stride check half-marathon: {check}");
    assert!(
        check <= HALF_MARATHON_CEILING,
        "stride check examples/half-marathon.stride took {check} instructions, over {HALF_MARATHON_CEILING}"
    );
    assert!(version < check, "{version} {check}");
}

#[test]
fn checking_a_520_week_plan_stays_under_its_ceiling_per_byte() {
    if !enabled() {
        return;
    }
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temporary directory: {e}"));
    let path = dir.path().join("plan-520w.stride");
    let text = generate::plan(&Shape {
        weeks: 520,
        ..Shape::large()
    });
    std::fs::write(&path, &text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let count = instructions(&["check", "--format", "concise", &path.to_string_lossy()]);
    let bytes = text.len() as u64;
    let per_byte = count / bytes;
    eprintln!(
        "stride check --format concise, 520 weeks ({bytes} bytes): {count} instructions, {per_byte} per byte"
    );
    assert!(
        per_byte <= PER_BYTE_CEILING,
        "{per_byte} instructions per byte of the 520-week plan, over {PER_BYTE_CEILING}"
    );
}
