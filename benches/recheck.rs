//! What the language server does on every keystroke, on the large plan
//! (52 weeks, six sessions a week, eight exercises each): take the new
//! text, compile and check it, and turn the diagnostics into LSP ones.
//! The budget is 10 ms.
//!
//! `cargo bench --bench recheck`

use divan::Bencher;
use stride::lsp::Document;

fn main() {
    divan::main();
}

const DOCS: &str = "https://example.org/stride/rules";

fn large() -> String {
    stride::generate::plan(&stride::generate::Shape::large())
}

/// The plan with the `rest` in the middle of the file set to `seconds`:
/// each edit makes a text the server has not seen.
fn edited(text: &str, seconds: u32) -> String {
    let middle = text.len() / 2;
    let at = text[middle..].find("rest 90s").map_or(0, |i| middle + i);
    format!(
        "{}rest {seconds}s{}",
        &text[..at],
        &text[at + "rest 90s".len()..]
    )
}

#[divan::bench(sample_count = 200)]
fn recheck_after_an_edit(bencher: Bencher) {
    let text = large();
    let uri = "file:///bench/plan.stride".parse().expect("uri");
    let mut doc = Document::new(uri, 0, text.clone());
    // The first check loads the catalogue, the rules and the time zones.
    doc.lsp_diagnostics(DOCS);
    let mut version = 0;
    bencher
        .with_inputs(|| {
            version += 1;
            (version, edited(&text, 30 + (version as u32 % 90)))
        })
        .bench_local_values(|(version, text)| {
            doc.replace(version, text);
            doc.lsp_diagnostics(DOCS).len()
        });
}

#[divan::bench]
fn check_only(bencher: Bencher) {
    let compiled = stride::compile(&large());
    let options = stride::check::Options::default();
    bencher.bench(|| stride::check::check(divan::black_box(&compiled), &options).len());
}

#[divan::bench]
fn compile_only(bencher: Bencher) {
    let text = large();
    bencher.bench(|| stride::compile(divan::black_box(&text)).diagnostics.len());
}

#[divan::bench]
fn format_the_plan(bencher: Bencher) {
    let text = large();
    bencher.bench(|| stride::fmt::format(divan::black_box(&text)).map(|t| t.len()));
}
