//! SARIF 2.1.0, the format code-scanning services read (GitHub's among
//! them): one run, with a `tool.driver.rules` entry for every rule of the
//! checker and every compiler error code that occurs, each with its help
//! text, a link to its documentation and its default level.
//!
//! `.ci/sarif/` validates this output against the official schema with
//! `@microsoft/sarif-multitool` (tests/sarif.rs, `STRIDE_EXTERNAL=1`).

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::location::LineIndex;
use super::{CheckedFile, rule_url};
use crate::check::{Level, Registry};
use crate::diagnostic::Severity;

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub fn render(files: &[CheckedFile]) -> String {
    let registry = Registry::builtin();
    let mut rules: Vec<Value> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    for doc in registry.rules() {
        index.insert(doc.name.clone(), rules.len());
        rules.push(json!({
            "id": doc.name,
            "shortDescription": { "text": doc.summary.trim() },
            "fullDescription": { "text": doc.rationale.trim() },
            "help": { "text": format!("{}\n\n{}", doc.summary.trim(), doc.rationale.trim()) },
            "helpUri": rule_url(&doc.name),
            "defaultConfiguration": { "level": sarif_level(doc.level) },
            "properties": { "tags": [doc.category] },
        }));
    }
    // Compiler errors have no registry entry; they are always errors.
    let mut codes: Vec<&str> = files
        .iter()
        .flat_map(|f| &f.diagnostics)
        .map(|d| &*d.code)
        .filter(|c| !index.contains_key(*c))
        .collect();
    codes.sort_unstable();
    codes.dedup();
    for code in codes {
        index.insert(code.to_string(), rules.len());
        rules.push(json!({
            "id": code,
            "shortDescription": { "text": format!("stride compiler error `{code}`") },
            "help": { "text": "The plan cannot be compiled until this is fixed; the message says how." },
            "helpUri": rule_url(code),
            "defaultConfiguration": { "level": "error" },
            "properties": { "tags": ["compiler"] },
        }));
    }

    let mut results = Vec::new();
    for file in files {
        let lines = LineIndex::new(&file.text);
        let uri = uri(&file.name);
        for d in &file.diagnostics {
            let mut text = d.message.clone();
            if let Some(help) = &d.help {
                text.push_str("\nhelp: ");
                text.push_str(help);
            }
            let mut physical = json!({ "artifactLocation": { "uri": uri } });
            if let Some(at) = lines.locate(d) {
                physical["region"] = json!({
                    "startLine": at.line,
                    "startColumn": at.column,
                    "endLine": at.end_line,
                    "endColumn": at.end_column,
                });
            }
            let mut result = json!({
                "ruleId": d.code,
                "level": match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                    Severity::Advice => "note",
                },
                "message": { "text": text },
                "locations": [{ "physicalLocation": physical }],
            });
            if let Some(&i) = index.get(&*d.code) {
                result["ruleIndex"] = json!(i);
            }
            if !d.weeks.is_empty() {
                result["properties"] = json!({ "weeks": d.weeks });
            }
            results.push(result);
        }
    }

    let document = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "stride",
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/stride-plans/stride",
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}

fn sarif_level(level: Level) -> &'static str {
    match level {
        Level::Allow => "none",
        Level::Info => "note",
        Level::Warn => "warning",
        Level::Deny => "error",
    }
}

/// A plan's name as a URI reference: relative paths stay relative (code
/// scanning resolves them against the checkout), absolute ones become
/// `file://` URIs, and everything outside the unreserved set is
/// percent-encoded.
pub fn uri(name: &str) -> String {
    let slashed = name.replace('\\', "/");
    let mut out = String::new();
    if slashed.starts_with('/') {
        out.push_str("file://");
    }
    for byte in slashed.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn uris() {
        assert_eq!(super::uri("plans/a b.stride"), "plans/a%20b.stride");
        assert_eq!(super::uri("/tmp/é.stride"), "file:///tmp/%C3%A9.stride");
        assert_eq!(super::uri("<stdin>"), "%3Cstdin%3E");
    }
}
