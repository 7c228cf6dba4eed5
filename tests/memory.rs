//! Peak heap of compiling and checking a plan, against the target: under
//! 20 times the size of the source for the large plan (52 weeks, six
//! sessions a week, eight exercises each), both in the library (parse,
//! expand, check) and for the whole `stride check` command in each output
//! format.
//!
//! A counting allocator records the most bytes live at once while the
//! pipeline runs, beyond what was live before it started (the embedded
//! catalogue, rules and time zones are loaded once, first, and not
//! counted: they are the same for every plan). Runs in every `cargo test`;
//! `cargo test --test memory -- --nocapture` prints the numbers.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};

use stride::generate::{self, Shape};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to the system allocator unchanged; the
// counters only observe sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(live, Ordering::Relaxed);
        // SAFETY: the caller's contract for `alloc` is passed on as is.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: as above, for `dealloc`.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The counters are process-wide: measurements must not overlap.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// Peak bytes live while `work` runs, above those live when it started.
fn peak_during<T>(work: impl FnOnce() -> T) -> usize {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let result = work();
    let peak = PEAK.load(Ordering::Relaxed);
    drop(result);
    peak.saturating_sub(before)
}

/// Holds the counters for one test, with what is loaded once already
/// loaded (by checking the half-marathon plan first).
fn exclusive() -> MutexGuard<'static, ()> {
    let guard = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let _ = stride::analyze(
        include_str!("../examples/half-marathon.stride"),
        &stride::Options::default(),
    );
    guard
}

/// Parse and expand.
fn compile(text: &str) -> usize {
    peak_during(|| stride::compile(text))
}

/// Parse, expand and check, keeping what `stride check` keeps.
fn pipeline(text: &str) -> usize {
    peak_during(|| stride::analyze(text, &stride::Options::default()))
}

/// The target: peak heap under this many times the plan's size.
const TARGET: f64 = 20.0;

/// Prints the peak against the source and fails past [`TARGET`].
fn assert_under_target(what: &str, peak: usize, text: &str) {
    let ratio = peak as f64 / text.len() as f64;
    println!(
        "{what}: {} bytes of source, peak heap {peak} bytes ({ratio:.1}x)",
        text.len()
    );
    assert!(
        ratio < TARGET,
        "{what}: peak heap {peak} bytes is {ratio:.1}x the {} bytes of source",
        text.len()
    );
}

#[test]
fn compiling_the_large_plan_peaks_under_twenty_times_its_size() {
    let _guard = exclusive();
    let text = generate::plan(&Shape::large());
    assert_under_target("compile, large plan", compile(&text), &text);
}

#[test]
fn checking_the_large_plan_peaks_under_twenty_times_its_size() {
    let _guard = exclusive();
    let text = generate::plan(&Shape::large());
    assert_under_target("compile and check, large plan", pipeline(&text), &text);
}

/// The whole command, reading the plan and writing the report to a file,
/// in every format: the report of a plan that draws hundreds of findings
/// is several times the plan's size, and is written a piece at a time.
#[test]
fn the_check_command_peaks_under_twenty_times_the_plan() {
    let _guard = exclusive();
    let dir = tempfile::tempdir().expect("a temporary directory");
    let plan = dir.path().join("large.stride");
    let text = generate::plan(&Shape::large());
    std::fs::write(&plan, &text).unwrap();
    let out = dir.path().join("report");
    let mut failures = Vec::new();
    for format in ["human", "concise", "json", "sarif", "github", "junit"] {
        let args = [
            "stride",
            "check",
            plan.to_str().unwrap(),
            "--format",
            format,
            "-o",
        ];
        let args = args.into_iter().chain([out.to_str().unwrap()]);
        let peak = peak_during(|| stride::cli::main_with(args));
        let written = std::fs::metadata(&out).map_or(0, |m| m.len());
        let ratio = peak as f64 / text.len() as f64;
        println!(
            "stride check --format {format}: peak heap {peak} bytes ({ratio:.1}x), report {written} bytes"
        );
        assert!(written > 0, "--format {format} wrote nothing");
        if ratio >= TARGET {
            failures.push(format!("--format {format}: {ratio:.1}x"));
        }
    }
    assert!(
        failures.is_empty(),
        "peak heap over {TARGET}x the plan: {failures:?}"
    );
}

#[test]
fn memory_grows_linearly_with_plan_length() {
    let _guard = exclusive();
    let small = generate::plan(&Shape::large());
    let big = generate::plan(&Shape {
        weeks: 520,
        ..Shape::large()
    });
    let (a, b) = (pipeline(&small), pipeline(&big));
    let (ra, rb) = (a as f64 / small.len() as f64, b as f64 / big.len() as f64);
    println!("compile and check, 52 weeks: {ra:.1}x the source; 520 weeks: {rb:.1}x");
    assert!(
        rb <= ra * 1.1,
        "peak heap per byte of source grows with length: {ra:.1}x at 52 weeks, {rb:.1}x at 520"
    );
}
