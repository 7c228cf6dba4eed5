//! Every stage on arbitrary input: parse and expand (`compile`), check,
//! render the diagnostics, format, and emit every format under two sets of
//! options. Nothing may panic, hang or run away with memory; every
//! diagnostic must point inside the text it is about; formatting formatted
//! text changes nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stride::diagnostic::Diagnostic;
use stride::emit::{self, Format, Options, WeekRange};
use stride::render::{self, Style};

fuzz_target!(|data: &[u8]| {
    // The CLI refuses text that is not UTF-8 before compiling; do the same.
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let compiled = stride::compile(source);
    assert_inside(source, &compiled.diagnostics);
    let findings = stride::check::check(&compiled, &stride::check::Options::default());
    assert_inside(source, &findings);

    let mut all = compiled.diagnostics.clone();
    all.extend(findings.iter().cloned());
    let _ = render::human(&all, "fuzz.stride", source, Style::PLAIN);

    match stride::fmt::format(source) {
        Ok(formatted) => match stride::fmt::format(&formatted) {
            Ok(again) => assert!(again == formatted, "formatting is not idempotent"),
            Err(diagnostics) => panic!("formatted text does not format: {diagnostics:?}"),
        },
        Err(diagnostics) => assert_inside(source, &diagnostics),
    }

    let Some(plan) = &compiled.plan else {
        return;
    };
    let weeks = u32::try_from(plan.weeks.len()).unwrap_or(u32::MAX);
    let variants = [
        Options {
            findings: &findings,
            source: Some(source),
            ..Options::default()
        },
        Options {
            utc: true,
            with_runs: true,
            alarm_s: Some(1800),
            weeks: Some(WeekRange {
                first: weeks.div_ceil(2).max(1),
                last: weeks.max(1),
            }),
            findings: &findings,
            source: Some(source),
            ..Options::default()
        },
    ];
    for options in &variants {
        for format in [Format::Markdown, Format::Icalendar, Format::Json] {
            let _ = emit::emit(plan, format, options);
        }
    }
});

/// Every label of every diagnostic lies inside `source`, on character
/// boundaries, with its start before its end.
fn assert_inside(source: &str, diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        for label in &d.labels {
            let span = label.span;
            assert!(
                span.start <= span.end
                    && span.end <= source.len()
                    && source.is_char_boundary(span.start)
                    && source.is_char_boundary(span.end),
                "{} points outside the text: {span:?}",
                d.code
            );
        }
    }
}
