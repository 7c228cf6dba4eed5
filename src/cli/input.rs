//! Reading plan sources from files or standard input.

use std::io::Read;
use std::path::Path;

use super::sink::Sink;
use super::terminal;
use crate::span::LineIndex;

/// Largest plan accepted, in bytes.
pub const MAX_INPUT_BYTES: usize = 8 * 1024 * 1024;

/// A plan's text and the name diagnostics call it by.
#[derive(Debug, Clone)]
pub struct Source {
    pub name: String,
    pub text: String,
}

/// Reads `path` (`-` is standard input). The error is one line naming the path.
pub fn read(path: &str) -> Result<Source, String> {
    let (name, bytes) = if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .take(MAX_INPUT_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        ("<stdin>".to_string(), bytes)
    } else {
        let p = Path::new(path);
        if p.is_dir() {
            return Err(format!("{path}: is a directory, not a plan file"));
        }
        let file = std::fs::File::open(p).map_err(|e| format!("{path}: {}", io_reason(&e)))?;
        let mut bytes = Vec::new();
        file.take(MAX_INPUT_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("{path}: {}", io_reason(&e)))?;
        (path.to_string(), bytes)
    };
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(format!(
            "{name}: larger than the limit of {} MiB for a plan",
            MAX_INPUT_BYTES / 1024 / 1024
        ));
    }
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        // The bytes before `offset` are valid UTF-8.
        let before = std::str::from_utf8(bytes.get(..offset).unwrap_or_default()).unwrap_or("");
        let (line, _) = LineIndex::new(before).line_col(before, offset);
        let byte = bytes
            .get(offset)
            .map_or(String::new(), |b| format!(" 0x{b:02X}"));
        format!("{name}: not valid UTF-8 (invalid byte{byte} at offset {offset}, line {line})")
    })?;
    // Some Windows editors start a file with a byte order mark, which is
    // no part of the plan.
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(Source { name, text })
}

fn io_reason(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => err.to_string(),
    }
}

/// Reads and compiles `path`, printing its diagnostics to stderr. On an I/O
/// problem prints a one-line error and returns the exit code to use.
pub fn compile_path(path: &str) -> Result<(Source, crate::Compiled), u8> {
    let source = match read(path) {
        Ok(source) => source,
        Err(message) => {
            errln!("error: {message}");
            return Err(super::USAGE);
        }
    };
    let compiled = crate::compile(&source.text);
    Sink::stderr().text(&terminal::render(&compiled.diagnostics, &source));
    Ok((source, compiled))
}
