//! The formatter's promises, on the reference plans, generated plans and
//! randomly perturbed versions of both: it never fails on a valid plan, it
//! is idempotent, it never changes meaning (the expansion, the compiler's
//! and the checker's diagnostics are identical before and after), and every
//! comment of the input appears in the output, in order.

use std::path::Path;

use proptest::prelude::*;

fn reference_plans() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["examples", "tests/fixtures/errors", "tests/fixtures/v2"] {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
            .expect("directory")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "stride"))
            .collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).expect("readable");
            out.push((path.display().to_string(), text));
        }
    }
    out
}

fn generated_plans() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = stride::generate::corpus(0, 24)
        .into_iter()
        .enumerate()
        .map(|(i, text)| (format!("generated #{i}"), text))
        .collect();
    let large = stride::generate::plan(&stride::generate::Shape::large());
    out.push(("generated 52 weeks".to_owned(), large));
    out
}

/// Everything a plan means, as comparable text: the expansion as JSON, and
/// every diagnostic of the compiler and the checker without its position.
fn meaning(source: &str) -> (Option<String>, Vec<String>) {
    let analysis = stride::analyze(source, &stride::Options::default());
    let plan = analysis
        .plan
        .as_ref()
        .map(|p| stride::emit::json::emit(p, None));
    let diagnostics = analysis
        .diagnostics
        .iter()
        .map(|d| format!("{} {:?} {} {:?}", d.code, d.severity, d.message, d.help))
        .collect();
    (plan, diagnostics)
}

fn comments(source: &str) -> Vec<String> {
    stride::parse::parse(source)
        .file
        .comments
        .iter()
        .map(|c| c.text.trim_end().to_owned())
        .collect()
}

/// Checks every promise for one valid source; returns the formatted text.
fn assert_formats(name: &str, source: &str) -> String {
    let formatted = match stride::fmt::format(source) {
        Ok(text) => text,
        Err(diagnostics) => panic!("{name}: not formatted:\n{diagnostics:#?}\n{source}"),
    };
    let again = stride::fmt::format(&formatted).expect("formatted text formats");
    assert_eq!(again, formatted, "{name}: not idempotent");
    assert_eq!(
        meaning(source),
        meaning(&formatted),
        "{name}: meaning changed\n--- before\n{source}\n--- after\n{formatted}"
    );
    assert_eq!(
        comments(source),
        comments(&formatted),
        "{name}: comments changed\n{formatted}"
    );
    formatted
}

fn has_syntax_errors(source: &str) -> bool {
    stride::parse::parse(source)
        .diagnostics
        .iter()
        .any(|d| d.is_error())
}

#[test]
fn reference_and_generated_plans() {
    for (name, source) in reference_plans().into_iter().chain(generated_plans()) {
        if has_syntax_errors(&source) {
            // Left untouched, with the errors reported.
            let errors = stride::fmt::format(&source).expect_err("syntax errors");
            assert!(errors.iter().any(|d| d.is_error()), "{name}");
        } else {
            assert_formats(&name, &source);
        }
    }
}

/// Rewrites a valid plan into an equivalent, messier one: other
/// indentation and spacing, other spellings of the same values, blank
/// lines, and comments everywhere a comment can stand.
fn perturb(source: &str, choices: &[u8]) -> String {
    let mut out = String::new();
    let pick = |i: usize| choices.get(i % choices.len().max(1)).copied().unwrap_or(0);
    for (i, line) in source.lines().enumerate() {
        let c = pick(i);
        let newline = if pick(i + 7) & 1 == 1 { "\r\n" } else { "\n" };
        if c & 0b10 != 0 {
            let indent = " ".repeat(usize::from(pick(i + 3) % 6));
            out.push_str(&format!("{indent}# own {i} é🏃{newline}"));
        }
        if c & 0b100 != 0 {
            out.push_str(newline);
            if pick(i + 1) & 1 == 1 {
                out.push_str("   \t");
                out.push_str(newline);
            }
        }
        let mut text = respell(line.trim_start(), pick(i + 5));
        if c & 0b10_0000 != 0 {
            text = widen(&text);
        }
        let indent = match (c >> 3) & 0b11 {
            0 => "",
            1 => " ",
            2 => "\t",
            _ => "      ",
        };
        out.push_str(indent);
        out.push_str(&text);
        if c & 0b1 != 0 {
            let gap = if c & 0b100_0000 != 0 { "" } else { "   " };
            if c & 0b1000_0000 != 0 {
                out.push_str(&format!(
                    "{gap}# stride: allow(rest.heavy-sets) -- trail {i}"
                ));
            } else {
                out.push_str(&format!("{gap}# trail {i} — ünïcode  "));
            }
        }
        out.push_str(newline);
    }
    out
}

/// Doubles the spaces outside strings and comments.
fn widen(line: &str) -> String {
    let mut out = String::new();
    let mut in_string = false;
    let mut escaped = false;
    for (i, ch) in line.char_indices() {
        if in_string {
            if escaped {
                escaped = false;
            } else if ch == '\\' {
                escaped = true;
            } else if ch == '"' {
                in_string = false;
            }
        } else if ch == '"' {
            in_string = true;
        } else if ch == '#' {
            out.push_str(&line[i..]);
            return out;
        } else if ch == ' ' {
            out.push(' ');
        }
        out.push(ch);
    }
    out
}

/// Other spellings of the same values, outside strings and comments.
fn respell(line: &str, choice: u8) -> String {
    if line.contains('"') || line.contains('#') {
        return line.to_owned();
    }
    let mut text = line.to_owned();
    if choice & 1 != 0 {
        text = text.replace("/week", "/1weeks");
    }
    if choice & 2 != 0 {
        text = text.replace(" 60min", " 1h").replace(" 90s", " 1min30s");
    }
    if choice & 4 != 0 {
        text = text.replace("kg ", ".0kg ").replace(" 3x", " 03x");
    }
    if choice & 8 != 0 {
        // `3x5` as `3×5`.
        let chars: Vec<char> = text.chars().collect();
        text = chars
            .iter()
            .enumerate()
            .map(|(i, &ch)| {
                let digit = |j: usize| chars.get(j).is_some_and(char::is_ascii_digit);
                if ch == 'x' && i > 0 && digit(i - 1) && digit(i + 1) {
                    '×'
                } else {
                    ch
                }
            })
            .collect();
    }
    if choice & 16 != 0 {
        text = text.replace("@RIR", "@rir").replace(" true", " yes");
    }
    text
}

fn valid_sources() -> Vec<(String, String)> {
    reference_plans()
        .into_iter()
        .chain(
            stride::generate::corpus(100, 8)
                .into_iter()
                .chain(stride::generate::corpus_v2(200, 8))
                .map(|t| ("generated".to_owned(), t)),
        )
        .filter(|(_, s)| !has_syntax_errors(s))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 96,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn perturbed_plans(index in 0usize..1000, choices in proptest::collection::vec(any::<u8>(), 1..64)) {
        let sources = valid_sources();
        let (name, source) = &sources[index % sources.len()];
        let messy = perturb(source, &choices);
        prop_assume!(!has_syntax_errors(&messy));
        let formatted = assert_formats(name, &messy);
        // The mess and the original are the same plan, so they format alike
        // (but for the comments the mess added).
        let clean = stride::fmt::format(source).expect("valid");
        let strip = |text: &str| -> Vec<String> {
            text.lines()
                .map(|l| l.split("# own").next().unwrap_or_default())
                .map(|l| l.split("# trail").next().unwrap_or_default())
                .map(|l| l.split("# stride:").next().unwrap_or_default().trim_end().to_owned())
                .filter(|l| !l.trim().is_empty())
                .collect()
        };
        let strip_plain = |text: &str| -> Vec<String> {
            text.lines().map(|l| l.trim_end().to_owned()).filter(|l| !l.trim().is_empty()).collect()
        };
        prop_assert_eq!(strip(&formatted), strip_plain(&strip(&clean).join("\n")));
    }
}

/// Every truncation of every example (as an editor formats a half-typed
/// file): refused with errors, or formatted with every promise kept.
#[test]
fn truncated_plans() {
    for (name, source) in reference_plans().into_iter().take(3) {
        for cut in (0..source.len()).step_by(7) {
            if !source.is_char_boundary(cut) {
                continue;
            }
            let text = &source[..cut];
            match stride::fmt::format(text) {
                Ok(_) => {
                    assert_formats(&format!("{name} cut at {cut}"), text);
                }
                Err(errors) => assert!(errors.iter().any(|d| d.is_error()), "{name} at {cut}"),
            }
        }
    }
}
