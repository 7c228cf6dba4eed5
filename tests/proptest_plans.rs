//! Properties over generated plans of every shape (`stride::generate`), in
//! the language of version 1 and with version 2's constructs:
//! they compile without errors, the checker's findings point inside the
//! source, every emitted calendar passes the byte-level check, and `fmt`
//! round-trips (formatting is idempotent and the formatted plan expands to
//! the same weeks). The same plans, damaged by random edits, never make
//! any stage panic.

mod emit_support;

use proptest::prelude::*;
use stride::diagnostic::Diagnostic;
use stride::emit::{self, Format};
use stride::generate::{self, Shape};

fn shapes() -> impl Strategy<Value = Shape> {
    (1u32..=40, 1u32..=7, 1u32..=9, 1u32..=10, any::<u64>()).prop_map(
        |(weeks, sessions_per_week, exercises_per_session, block_weeks, seed)| Shape {
            weeks,
            sessions_per_week,
            exercises_per_session,
            block_weeks,
            seed,
        },
    )
}

/// Every label lies inside `source` on character boundaries.
fn inside(source: &str, diagnostics: &[Diagnostic]) -> Result<(), TestCaseError> {
    for d in diagnostics {
        for label in &d.labels {
            let span = label.span;
            prop_assert!(
                span.start <= span.end
                    && span.end <= source.len()
                    && source.is_char_boundary(span.start)
                    && source.is_char_boundary(span.end),
                "{} points outside the text: {:?}",
                d.code,
                span
            );
        }
    }
    Ok(())
}

fn json(plan: &stride::plan::Plan) -> String {
    emit::emit(plan, Format::Json, &emit::Request::default())
}

/// Text a plan is made of, and text that breaks it: what a random edit
/// puts in.
const TOKENS: &[&str] = &[
    "{",
    "}",
    "\n",
    "\r\n",
    "\"",
    "\\",
    "# ",
    "# stride: allow(all)",
    "x",
    "-",
    ",",
    "@",
    "%",
    "0",
    "9",
    "4294967296",
    "99999999999999999999",
    "é",
    "🏃",
    "\t",
    " ",
    "weeks 1-600",
    "weeks 0-0",
    "session \"S\" mon {",
    "block \"B\" weeks 1-2 {",
    "runs { mon 00:00 168h hard }",
    "@bw+",
    "/side",
    "3x5",
    "1000000x1000000",
    "progress +2.5kg/0weeks",
    "progress sets +4000000000/week",
    "progress reps +4000000000/week",
    "wave 6/5/4 +2.5kg",
    "race \"R\" 9999-12-31 23:59",
    "start 9999-12-31",
    "start 0001-01-01",
    "timezone \"America/St_Johns\"",
    "deload every 1 weeks { load -100% volume -100% }",
    "taper 520 weeks",
    "max back-squat 0kg",
    "@RPE10",
    "@RIR0",
    "@1e308kg",
    "25:61",
    "2027-02-30",
];

/// Applies `edits` to `text`: each replaces up to a few bytes at a position
/// with a token.
fn damage(text: &str, edits: &[(usize, usize, usize)]) -> String {
    let mut out = text.to_owned();
    for &(at, len, token) in edits {
        let start = floor(&out, at % (out.len() + 1));
        let end = floor(&out, (start + len % 8).min(out.len()));
        out.replace_range(start..end, TOKENS[token % TOKENS.len()]);
    }
    out
}

fn floor(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Every stage on `source`: nothing panics, every diagnostic points inside,
/// and whatever expands emits a calendar that passes the byte-level check.
fn every_stage(source: &str) -> Result<Option<stride::Analysis>, TestCaseError> {
    let analysis = stride::analyze(source, &stride::Options::default());
    inside(source, &analysis.diagnostics)?;
    if let Err(diagnostics) = stride::fmt::format(source) {
        inside(source, &diagnostics)?;
    }
    if let Some(plan) = &analysis.plan {
        for (variant, options) in emit_support::ics_variants() {
            let text = emit::emit(plan, Format::Icalendar, &options);
            if let Err(problems) = emit_support::check_ics(text.as_bytes()) {
                return Err(TestCaseError::fail(format!(
                    "{variant}: {problems:#?}\n{text}"
                )));
            }
        }
        let findings = stride::render::findings(&analysis.diagnostics, Some(source));
        let markdown = emit::emit(
            plan,
            Format::Markdown,
            &emit::Request {
                findings: &findings,
                ..emit::Request::default()
            },
        );
        prop_assert!(!markdown.is_empty());
        let _ = json(plan);
    }
    Ok(Some(analysis))
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn generated_plans_go_through_every_stage(shape in shapes(), v2 in any::<bool>()) {
        // Half the plans use the constructs of language version 2.
        let source = if v2 { generate::plan_v2(&shape) } else { generate::plan(&shape) };
        let analysis = every_stage(&source)?.expect("analysed");
        prop_assert!(analysis.plan.is_some(), "{:#?}", analysis.diagnostics);
        let plan = analysis.plan.as_ref().expect("a plan without errors is expanded");
        prop_assert_eq!(plan.weeks.len(), shape.weeks as usize);

        // fmt round-trips: idempotent, and the same expansion.
        let formatted = stride::fmt::format(&source);
        prop_assert!(formatted.is_ok(), "{:#?}", formatted);
        let formatted = formatted.unwrap_or_default();
        prop_assert_eq!(stride::fmt::format(&formatted), Ok(formatted.clone()));
        let again = stride::compile(&formatted);
        prop_assert!(!again.has_errors(), "{:#?}", again.diagnostics);
        let again = again.plan.as_ref().expect("the formatted plan expands");
        prop_assert_eq!(json(plan), json(again));
    }

    #[test]
    fn damaged_plans_never_crash_any_stage(
        shape in shapes(),
        v2 in any::<bool>(),
        edits in proptest::collection::vec((any::<usize>(), any::<usize>(), any::<usize>()), 1..6),
    ) {
        let plan = if v2 { generate::plan_v2(&shape) } else { generate::plan(&shape) };
        let source = damage(&plan, &edits);
        every_stage(&source)?;
    }
}
