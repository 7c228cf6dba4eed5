//! No input makes stride panic: every truncation of every example and
//! fixture compiles to a result (usually diagnostics), never a crash.

use std::path::Path;

fn sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["examples", "tests/fixtures/errors"] {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
            .expect("dir")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "stride"))
            .collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).expect("text");
            out.push((path.display().to_string(), text));
        }
    }
    out
}

#[test]
fn every_truncation_of_every_example_compiles_without_panicking() {
    for (name, text) in sources() {
        let bytes = text.as_bytes();
        for cut in 0..=bytes.len() {
            // A cut inside a multi-byte character becomes U+FFFD, as a
            // lossy reader would give it.
            let prefix = String::from_utf8_lossy(&bytes[..cut]);
            let result = std::panic::catch_unwind(|| stride::compile(&prefix));
            assert!(result.is_ok(), "{name} truncated at byte {cut} panicked");
            let compiled = result.expect("checked");
            for d in &compiled.diagnostics {
                for label in &d.labels {
                    assert!(label.span.end <= prefix.len(), "{name}@{cut}: {d:?}");
                    assert!(
                        prefix.is_char_boundary(label.span.start),
                        "{name}@{cut}: {d:?}"
                    );
                    assert!(
                        prefix.is_char_boundary(label.span.end),
                        "{name}@{cut}: {d:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn every_line_deleted_from_an_example_compiles_without_panicking() {
    for (name, text) in sources() {
        let lines: Vec<&str> = text.lines().collect();
        for skip in 0..lines.len() {
            let edited: String = lines
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != skip)
                .map(|(_, l)| format!("{l}\n"))
                .collect();
            let result = std::panic::catch_unwind(|| stride::compile(&edited));
            assert!(result.is_ok(), "{name} without line {} panicked", skip + 1);
        }
    }
}
