//! Every stage of the pipeline, measured separately on generated plans:
//! the half-marathon reference plan, a large plan (52 weeks, six sessions a
//! week, eight exercises each) and the same at ten times the size, and a
//! corpus of 1,000 typical plans.
//!
//! `cargo bench --bench pipeline`; divan prints time per iteration and, with
//! the counters below, MB/s of source and plans/s.

use divan::counter::{BytesCount, ItemsCount};
use divan::{Bencher, black_box};
use stride::generate::{self, Shape};

fn main() {
    divan::main();
}

fn half_marathon() -> String {
    include_str!("../examples/half-marathon.stride").to_string()
}

fn large() -> String {
    generate::plan(&Shape::large())
}

/// The large plan ten times over in length: 520 weeks.
fn huge() -> String {
    generate::plan(&Shape {
        weeks: 520,
        ..Shape::large()
    })
}

fn inputs() -> [(&'static str, String); 3] {
    [
        ("half-marathon", half_marathon()),
        ("large-52w", large()),
        ("large-520w", huge()),
    ]
}

const SIZES: &[&str] = &["half-marathon", "large-52w", "large-520w"];

fn source(name: &str) -> String {
    inputs()
        .into_iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| text)
        .unwrap_or_default()
}

#[divan::bench(args = SIZES)]
fn parse(bencher: Bencher, name: &str) {
    let text = source(name);
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| stride::parse::parse(black_box(&text)));
}

#[divan::bench(args = SIZES)]
fn expand(bencher: Bencher, name: &str) {
    let text = source(name);
    let parsed = stride::parse::parse(&text);
    let catalogue = stride::catalogue::Catalogue::builtin();
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| stride::lower::lower(black_box(&parsed.file), catalogue));
}

#[divan::bench(args = SIZES)]
fn check(bencher: Bencher, name: &str) {
    let text = source(name);
    let compiled = stride::compile(&text);
    let options = stride::check::Options::default();
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| stride::check::check(black_box(&compiled), &options));
}

/// Parse + expand + check: what `stride check` does for one file.
#[divan::bench(args = SIZES)]
fn parse_expand_check(bencher: Bencher, name: &str) {
    let text = source(name);
    let options = stride::Options::default();
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| stride::analyze(black_box(&text), &options));
}

/// Each emitter on its own, from an expanded plan.
mod emit {
    use super::*;
    use stride::emit::{Format, Request, emit};

    #[divan::bench(args = SIZES)]
    fn json(bencher: Bencher, name: &str) {
        emit_one(bencher, name, Format::Json);
    }

    #[divan::bench(args = SIZES)]
    fn markdown(bencher: Bencher, name: &str) {
        emit_one(bencher, name, Format::Markdown);
    }

    #[divan::bench(args = SIZES)]
    fn icalendar(bencher: Bencher, name: &str) {
        emit_one(bencher, name, Format::Icalendar);
    }

    fn emit_one(bencher: Bencher, name: &str, format: Format) {
        let text = source(name);
        let plan = stride::compile(&text)
            .plan
            .unwrap_or_else(|| panic!("{name} compiles"));
        let request = Request::default();
        bencher
            .counter(BytesCount::of_str(&text))
            .bench(|| emit(black_box(&plan), format, &request));
    }
}

/// 1,000 typical plans checked one after the other on one thread.
#[divan::bench(sample_count = 10)]
fn corpus_1000_sequential(bencher: Bencher) {
    let corpus = generate::corpus(0, 1000);
    let options = stride::Options::default();
    bencher.counter(ItemsCount::new(corpus.len())).bench(|| {
        corpus
            .iter()
            .map(|text| stride::analyze(text, &options).diagnostics.len())
            .sum::<usize>()
    });
}

/// The same on every core, as `stride check DIR` does it.
#[divan::bench(sample_count = 10)]
fn corpus_1000_parallel(bencher: Bencher) {
    use rayon::prelude::*;
    let corpus = generate::corpus(0, 1000);
    let options = stride::Options::default();
    bencher.counter(ItemsCount::new(corpus.len())).bench(|| {
        corpus
            .par_iter()
            .map(|text| stride::analyze(text, &options).diagnostics.len())
            .sum::<usize>()
    });
}

const REPORTS: &[&str] = &["concise", "json", "sarif", "github", "junit"];

/// Each `stride check --format` emitter on the large plan's ~200 findings
/// (520-week plan: ~2,000), measured apart from checking.
#[divan::bench(args = REPORTS, consts = [52, 520])]
fn report<const WEEKS: usize>(bencher: Bencher, format: &str) {
    use stride::report::{CheckedFile, Format};
    let text = generate::plan(&Shape {
        weeks: WEEKS as _,
        ..Shape::large()
    });
    let diagnostics = stride::analyze(&text, &stride::Options::default()).diagnostics;
    let files = [CheckedFile {
        name: "large.stride".to_string(),
        text,
        diagnostics,
    }];
    let format: Format = format.parse().unwrap_or(Format::Concise);
    bencher
        .counter(ItemsCount::new(files[0].diagnostics.len()))
        .bench(|| format.render(black_box(&files)));
}
