//! Every limit stride enforces, met by an input exactly at it (accepted)
//! and one just past it (refused with an error that names the limit and its
//! value). Pathological input is refused fast and without a stack overflow.

mod harness;

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use harness::{Run, Test};

use stride::lower::limits::{
    MAX_BLOCKS, MAX_DISTANCE_M, MAX_EXERCISE_DEFINITIONS, MAX_EXERCISES_PER_SESSION, MAX_RACES,
    MAX_REPS, MAX_RULE_SETTINGS, MAX_RUNS_PER_WEEK, MAX_SESSIONS_PER_WEEK, MAX_SET_GROUPS_PER_WEEK,
    MAX_SETS, MAX_SPACING_CONSTRAINTS, MAX_WEEKS,
};
use stride::parse::{MAX_LINE_BYTES, MAX_NESTING};

/// The largest plan file `stride` reads (8 MiB).
const MAX_INPUT_BYTES: usize = 8 * 1024 * 1024;

/// What `stride check` did with one file: its exit code and stderr.
trait Checked {
    /// Exit 1 with exactly one error, `code`, whose text says `needle`.
    fn refused(&self, code: &str, needle: &str);
    fn accepted(&self);
}

impl Checked for Run {
    fn refused(&self, code: &str, needle: &str) {
        self.status(1);
        assert!(
            self.stderr.contains(code) && self.stderr.contains(needle),
            "expected `{code}` saying `{needle}`:\n{}",
            self.stderr
        );
        assert!(
            self.stderr.contains("1 error,"),
            "expected exactly one error:\n{}",
            self.stderr
        );
    }

    fn accepted(&self) {
        self.success();
    }
}

/// Runs `stride check --allow all` on `text` written to a file of its own.
fn check(text: &[u8]) -> Run {
    Test::new()
        .file("plan.stride", text)
        .args(["check", "--allow", "all", "plan.stride"])
        .run()
}

/// A valid plan around `body`.
fn plan(body: &str) -> String {
    format!("plan \"Limits\"\nstart 2027-01-04\n{body}")
}

/// One block of `weeks` weeks whose sessions are `sessions`.
fn block(weeks: u32, sessions: &str) -> String {
    plan(&format!(
        "block \"Base\" weeks 1-{weeks} {{\n{sessions}}}\n"
    ))
}

/// `count` whole-day sessions, each on one day, each with `lines` lines of
/// `groups` set groups.
fn sessions(count: usize, lines: usize, groups: usize) -> String {
    const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let line = vec!["1x5 @20kg"; groups].join(", ");
    let mut out = String::new();
    for s in 0..count {
        let _ = writeln!(out, "  session \"S{s}\" {} {{", DAYS[s % 7]);
        for _ in 0..lines {
            let _ = writeln!(out, "    goblet-squat {line}");
        }
        out.push_str("  }\n");
    }
    out
}

#[test]
fn weeks() {
    check(block(MAX_WEEKS, &sessions(1, 1, 1)).as_bytes()).accepted();
    check(block(MAX_WEEKS + 1, &sessions(1, 1, 1)).as_bytes())
        .refused("too-many-weeks", &format!("at most {MAX_WEEKS} weeks"));
}

#[test]
fn blocks() {
    let blocks = |count: usize| {
        let mut out = String::new();
        for b in 1..=count {
            let week = (b - 1) % MAX_BLOCKS + 1;
            let _ = writeln!(
                out,
                "block \"B{b}\" weeks {week}-{week} {{\n  session \"S\" mon {{\n    plank 3x30s\n  }}\n}}"
            );
        }
        plan(&out)
    };
    check(blocks(MAX_BLOCKS).as_bytes()).accepted();
    check(blocks(MAX_BLOCKS + 1).as_bytes()).refused(
        "too-many-blocks",
        &format!("{} blocks; the limit is {MAX_BLOCKS}", MAX_BLOCKS + 1),
    );
}

#[test]
fn sessions_per_week() {
    check(block(2, &sessions(MAX_SESSIONS_PER_WEEK, 1, 1)).as_bytes()).accepted();
    check(block(2, &sessions(MAX_SESSIONS_PER_WEEK + 1, 1, 1)).as_bytes()).refused(
        "too-many-sessions",
        &format!("the limit is {MAX_SESSIONS_PER_WEEK}"),
    );
    // A session counts once for each of its days.
    let mut days = sessions(MAX_SESSIONS_PER_WEEK - 1, 1, 1);
    days.push_str("  session \"Twice\" mon, thu {\n    plank 3x30s\n  }\n");
    check(block(2, &days).as_bytes()).refused(
        "too-many-sessions",
        &format!("the limit is {MAX_SESSIONS_PER_WEEK}"),
    );
}

#[test]
fn exercises_per_session() {
    check(block(2, &sessions(1, MAX_EXERCISES_PER_SESSION, 1)).as_bytes()).accepted();
    check(block(2, &sessions(1, MAX_EXERCISES_PER_SESSION + 1, 1)).as_bytes()).refused(
        "too-many-exercises",
        &format!(
            "{} exercises; the limit is {MAX_EXERCISES_PER_SESSION}",
            MAX_EXERCISES_PER_SESSION + 1
        ),
    );
}

#[test]
fn set_groups_per_week() {
    let per_session = 10 * 10;
    let count = MAX_SET_GROUPS_PER_WEEK / per_session;
    check(block(2, &sessions(count, 10, 10)).as_bytes()).accepted();
    let mut over = sessions(count, 10, 10);
    over.push_str("  session \"One more\" sun {\n    plank 1x30s\n  }\n");
    check(block(2, &over).as_bytes()).refused(
        "too-many-set-groups",
        &format!("the limit is {MAX_SET_GROUPS_PER_WEEK}"),
    );
}

#[test]
fn runs_per_week() {
    let runs = |count: usize| {
        let mut out = String::from("runs {\n");
        for _ in 0..count {
            out.push_str("  sun 30min easy\n");
        }
        out.push_str("}\n");
        out
    };
    let with_runs = |runs: &str| block(2, &format!("{}  {runs}", sessions(1, 1, 1)));
    let plan_runs = |count: usize| format!("{}{}", block(2, &sessions(1, 1, 1)), runs(count));
    check(plan_runs(MAX_RUNS_PER_WEEK).as_bytes()).accepted();
    check(with_runs(&runs(MAX_RUNS_PER_WEEK)).as_bytes()).accepted();
    let refused = format!(
        "{} runs; the limit is {MAX_RUNS_PER_WEEK}",
        MAX_RUNS_PER_WEEK + 1
    );
    check(with_runs(&runs(MAX_RUNS_PER_WEEK + 1)).as_bytes()).refused("too-many-runs", &refused);
    check(plan_runs(MAX_RUNS_PER_WEEK + 1).as_bytes()).refused("too-many-runs", &refused);
}

#[test]
fn line_length() {
    let at = format!(
        "{}#{}\n",
        block(1, &sessions(1, 1, 1)),
        "x".repeat(MAX_LINE_BYTES - 1)
    );
    check(at.as_bytes()).accepted();
    let past = format!(
        "{}#{}\n",
        block(1, &sessions(1, 1, 1)),
        "x".repeat(MAX_LINE_BYTES)
    );
    check(past.as_bytes()).refused(
        "line-too-long",
        &format!(
            "{} bytes long; the limit is {MAX_LINE_BYTES}",
            MAX_LINE_BYTES + 1
        ),
    );
}

#[test]
fn nesting() {
    // Braces in a line stride cannot read are skipped as a whole.
    let nested = |depth: usize| {
        format!(
            "{}x {}{}\n",
            block(1, &sessions(1, 1, 1)),
            "{".repeat(depth),
            "}".repeat(depth)
        )
    };
    let at = check(nested(MAX_NESTING).as_bytes());
    assert!(!at.stderr.contains("too-deeply-nested"), "{}", at.stderr);
    check(nested(MAX_NESTING + 1).as_bytes()).refused(
        "too-deeply-nested",
        &format!("nested more than {MAX_NESTING} deep"),
    );
}

#[test]
fn input_size() {
    // Comment lines: text stride reads quickly, so that only size matters.
    let mut text = block(1, &sessions(1, 1, 1)).into_bytes();
    let line = format!("#{}\n", "x".repeat(1000));
    while text.len() + line.len() <= MAX_INPUT_BYTES {
        text.extend_from_slice(line.as_bytes());
    }
    text.resize(MAX_INPUT_BYTES, b'\n');
    check(&text).accepted();
    text.push(b'\n');
    let past = check(&text);
    assert_eq!(past.code, Some(2), "{}", past.stderr);
    assert!(
        past.stderr
            .contains("plan.stride: larger than the limit of 8 MiB"),
        "{}",
        past.stderr
    );
    assert_eq!(past.stderr.lines().count(), 1, "{}", past.stderr);
}

/// One session on Mondays of weeks 1-12 with `line`, and `extra` at the top.
fn one_line(line: &str, extra: &str) -> String {
    plan(&format!(
        "{extra}\nblock \"Base\" weeks 1-12 {{\n  session \"S\" mon {{\n    {line}\n  }}\n}}\n"
    ))
}

#[test]
fn numbers_as_written() {
    let at = format!("back-squat {MAX_SETS}x{MAX_REPS} @20kg");
    check(one_line(&at, "").as_bytes()).accepted();
    check(one_line(&format!("farmer-carry 3x{MAX_DISTANCE_M}m @20kg"), "").as_bytes()).accepted();
    check(one_line(&format!("back-squat {}x5 @20kg", MAX_SETS + 1), "").as_bytes()).refused(
        "too-many-sets",
        &format!(
            "{} sets in one group; the limit is {MAX_SETS}",
            MAX_SETS + 1
        ),
    );
    check(one_line(&format!("back-squat 3x5-{} @20kg", MAX_REPS + 1), "").as_bytes()).refused(
        "too-many-reps",
        &format!("{} reps in one set; the limit is {MAX_REPS}", MAX_REPS + 1),
    );
    let far = format!("farmer-carry 3x{}m @20kg", MAX_DISTANCE_M + 1);
    check(one_line(&far, "").as_bytes()).refused(
        "distance-too-long",
        &format!("the limit is {MAX_DISTANCE_M}m"),
    );
}

#[test]
fn numbers_as_progressions_and_modifiers_make_them() {
    // Week 11 is the first past the limit: 3 + 10 x 10 sets.
    check(one_line("back-squat 3x5 @20kg progress sets +10/week", "").as_bytes()).refused(
        "too-many-sets",
        &format!("in week 11, 103 sets in one group; the limit is {MAX_SETS}"),
    );
    check(one_line("push-up 3x10 @bw progress reps +100/week", "").as_bytes()).refused(
        "too-many-reps",
        &format!("in week 11, 1010 reps in one set; the limit is {MAX_REPS}"),
    );
    let deload = "deload weeks 2 { volume +1000% }";
    check(one_line("back-squat 10x5 @20kg", deload).as_bytes()).refused(
        "too-many-sets",
        &format!("in week 2, 110 sets in one group; the limit is {MAX_SETS}"),
    );
    // Just within: 3 + 10 x 9 = 93 sets in week 10, the block's last.
    let within = plan(
        "block \"Base\" weeks 1-10 {\n  session \"S\" mon {\n    \
         back-squat 3x5 @20kg progress sets +10/week\n  }\n}\n",
    );
    check(within.as_bytes()).accepted();
}

/// `count` copies of `line(i)` in the plan.
fn repeated(count: usize, line: impl Fn(usize) -> String) -> String {
    (0..count).map(|i| format!("{}\n", line(i))).collect()
}

#[test]
fn races() {
    let race = |i: usize| format!("race \"R{i}\" 2027-01-10");
    check(one_line("plank 3x30s", &repeated(MAX_RACES, race)).as_bytes()).accepted();
    check(one_line("plank 3x30s", &repeated(MAX_RACES + 1, race)).as_bytes()).refused(
        "too-many-races",
        &format!("{} races; the limit is {MAX_RACES}", MAX_RACES + 1),
    );
}

#[test]
fn exercise_definitions() {
    let define = |i: usize| format!("exercise drill-{i} {{ muscles glutes\n pattern hinge }}");
    let at = repeated(MAX_EXERCISE_DEFINITIONS, define);
    check(one_line("plank 3x30s", &at).as_bytes()).accepted();
    let past = repeated(MAX_EXERCISE_DEFINITIONS + 1, define);
    check(one_line("plank 3x30s", &past).as_bytes()).refused(
        "too-many-exercise-definitions",
        &format!("the limit is {MAX_EXERCISE_DEFINITIONS}"),
    );
}

#[test]
fn spacing_constraints() {
    let spacing = |count: usize| {
        format!(
            "spacing {{\n{}}}",
            repeated(count, |_| "  at least 4h between lower and run".to_owned())
        )
    };
    check(one_line("plank 3x30s", &spacing(MAX_SPACING_CONSTRAINTS)).as_bytes()).accepted();
    check(one_line("plank 3x30s", &spacing(MAX_SPACING_CONSTRAINTS + 1)).as_bytes()).refused(
        "too-many-constraints",
        &format!("the limit is {MAX_SPACING_CONSTRAINTS}"),
    );
}

#[test]
fn rule_settings() {
    let rules = |count: usize| {
        format!(
            "rules {{\n{}}}",
            repeated(count, |_| "  allow selection.unilateral".to_owned())
        )
    };
    check(one_line("plank 3x30s", &rules(MAX_RULE_SETTINGS)).as_bytes()).accepted();
    check(one_line("plank 3x30s", &rules(MAX_RULE_SETTINGS + 1)).as_bytes()).refused(
        "too-many-rule-settings",
        &format!("the limit is {MAX_RULE_SETTINGS}"),
    );
}

#[test]
fn long_unknown_names_are_reported_quickly() {
    // A "did you mean" compares a name with every candidate; long names and
    // thousands of them must not make that slow.
    let long = "q".repeat(MAX_LINE_BYTES - 100);
    let mut sessions = String::new();
    for s in 0..MAX_SESSIONS_PER_WEEK {
        let _ = writeln!(sessions, "  session \"S{s}\" mon {{");
        for _ in 0..10 {
            let _ = writeln!(sessions, "    {long} 3x5");
        }
        sessions.push_str("  }\n");
    }
    let text = format!(
        "{}timezone \"{long}\"\nspacing {{\n  at least 1h between \"{long}\" and run\n}}\n",
        block(1, &sessions)
    );
    let started = Instant::now();
    let compiled = stride::compile(&text);
    assert!(compiled.has_errors());
    let took = started.elapsed();
    assert!(took < Duration::from_secs(2), "took {took:?}");
}

/// The fastest of three runs: one slow run is the machine, not stride.
fn fastest(mut run: impl FnMut()) -> Duration {
    (0..3)
        .map(|_| {
            let started = Instant::now();
            run();
            started.elapsed()
        })
        .min()
        .unwrap_or_default()
}

#[test]
fn pathological_input_is_refused_fast_and_without_a_stack_overflow() {
    let inputs = [
        ("100,000 opening braces", "{".repeat(100_000)),
        ("a 1 MB line", "x".repeat(1_000_000)),
        (
            "a 1 MB string",
            format!("plan \"{}\"\nstart 2027-01-04\n", "x".repeat(1_000_000)),
        ),
        (
            "100,000 braces after a comment sign",
            format!("x # {}\n", "{".repeat(100_000)),
        ),
        (
            "100,000 braces in an unclosed string",
            format!("x \"{}\n", "{".repeat(100_000)),
        ),
        ("100,000 lines of braces", "{\n".repeat(100_000)),
    ];
    for (what, text) in &inputs {
        let mut compiled = None;
        let took = fastest(|| compiled = Some(stride::compile(text)));
        let compiled = compiled.expect("compiled");
        assert!(compiled.has_errors(), "{what}: no error");
        assert!(
            took < Duration::from_millis(100),
            "{what}: refused in {took:?}"
        );
        // The whole command, process start, reading and rendering included:
        // a generous bound, for a loaded machine.
        let started = Instant::now();
        let run = check(text.as_bytes());
        let took = started.elapsed();
        assert_eq!(run.code, Some(1), "{what}: {}", run.stderr);
        assert!(
            took < Duration::from_secs(2),
            "{what}: stride check took {took:?}"
        );
    }
}

/// About 1 MiB of `unit(i)` lines after `head`.
fn mebibyte(head: &str, unit: impl Fn(usize) -> String) -> String {
    let mut text = head.to_owned();
    let mut i = 0;
    while text.len() < 1024 * 1024 {
        text.push_str(&unit(i));
        i += 1;
    }
    text
}

/// A mebibyte of each kind of statement repeated: compiling, checking and
/// rendering every diagnostic stays fast. Each kind takes about 2 s at most
/// in the dev profile (bad lines: 116,506 diagnostics, 40 MB rendered); a
/// stage gone quadratic takes minutes.
#[test]
fn a_mebibyte_of_anything_is_handled_in_seconds() {
    let head = "plan \"x\"\nstart 2027-01-04\n";
    let in_session = |unit: &'static str| {
        mebibyte(
            &format!("{head}block \"b\" weeks 1-520 {{\n  session \"s\" mon {{\n"),
            move |_| unit.to_owned(),
        )
    };
    let inputs = [
        ("bad lines", mebibyte(head, |_| "??? what\n".to_owned())),
        (
            "repeated statements",
            mebibyte(head, |i| format!("timezone \"Zone/N{i}\"\n")),
        ),
        (
            "overlapping blocks",
            mebibyte(head, |_| "block \"b\" weeks 1-1 {}\n".to_owned()),
        ),
        (
            "nested braces",
            mebibyte(head, |_| {
                format!("x {}{}\n", "{".repeat(30), "}".repeat(30))
            }),
        ),
        (
            "exercise lines",
            in_session("    back-squat 3x5 @60kg progress +1kg/week\n"),
        ),
        ("unknown exercises", in_session("    zzz-qqq 3x5\n")),
        (
            "races",
            mebibyte(head, |i| {
                format!("race \"r{i}\" 2027-0{}-1{}\n", 1 + i % 9, i % 10)
            }),
        ),
        (
            "runs",
            mebibyte(&format!("{head}runs {{\n"), |_| {
                "  mon 10min easy\n".to_owned()
            }),
        ),
        (
            "exercise statements",
            mebibyte(head, |i| {
                format!("exercise e{i} {{ muscles quadriceps\n pattern squat }}\n")
            }),
        ),
        (
            "unknown rules",
            mebibyte(&format!("{head}rules {{\n"), |i| {
                format!("  deny qq{i}.zz\n")
            }),
        ),
        (
            "comments",
            mebibyte(head, |_| "# stride: allow(qqq.zzz)\n".to_owned()),
        ),
        ("blank lines", mebibyte(head, |_| "\n".to_owned())),
    ];
    for (what, text) in &inputs {
        let started = Instant::now();
        let all = stride::analyze(text, &stride::Options::default()).diagnostics;
        let rendered = stride::render::human(&all, "x.stride", text, stride::render::Style::PLAIN);
        let took = started.elapsed();
        assert!(
            took < Duration::from_secs(10),
            "{what}: {took:?} for {} diagnostics ({} bytes rendered)",
            all.len(),
            rendered.len()
        );
    }
}
