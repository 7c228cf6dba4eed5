//! SARIF 2.1.0, the format code-scanning services read (GitHub's among
//! them): one run, with a `tool.driver.rules` entry for every rule of the
//! checker and every compiler error code that occurs, each with its help
//! text, a link to its documentation and its default level.
//!
//! `.ci/sarif/` validates this output against the official schema with
//! `@microsoft/sarif-multitool` (tests/sarif.rs, `STRIDE_EXTERNAL=1`).
//!
//! The document is serialized straight from typed data that borrows from
//! the checked files and the registry; the results are streamed from
//! `files` one by one, so the only large allocation is the output itself.
//! Every object's fields are declared in sorted (bytewise) key order, the
//! order this output has always had (it used to be built as a
//! `serde_json::Value`, whose objects sort their keys); keep it that way
//! when adding fields, or the snapshots change.

use std::collections::BTreeMap;
use std::{fmt, io};

use serde::ser::SerializeSeq;
use serde::{Serialize, Serializer};

use super::location::Location;
use super::{CheckedFile, rule_url};
use crate::check::{Level, Registry};
use crate::diagnostic::{Diagnostic, Severity};
use crate::error_code::ErrorCode;
use crate::span::LineIndex;

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// GitHub code scanning rejects a rule whose `fullDescription` is longer.
const FULL_DESCRIPTION_MAX: usize = 1024;

/// The `fullDescription` of a compiler error code without documentation
/// in `src/error_code.rs` (every code has it; this keeps the log valid
/// for GitHub should one be added without).
const UNDOCUMENTED: &str = "A compiler error: the plan cannot be compiled until it is \
fixed. The message names the problem and the help shows a fix.";

/// `text` if it fits in `max` bytes, else its longest run of whole
/// sentences that does (at least its first `max` bytes, cut at a character
/// boundary, when the first sentence is already too long).
fn clip(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    match head.rfind(". ") {
        Some(stop) => &head[..=stop],
        None => head,
    }
}

/// The SARIF log of `files`, pretty-printed, with a trailing newline.
/// `stride check` streams it instead ([`write`]).
pub fn render(files: &[CheckedFile]) -> String {
    let mut out = Vec::new();
    // Writing to a `Vec` cannot fail, and neither can any `Serialize`
    // impl here.
    let _ = write(files, &mut out);
    // serde_json writes only valid UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

/// Writes what [`render`] returns to `out` as it is made, without holding
/// the whole log in memory. serde_json writes many small pieces: give it a
/// buffered writer.
pub fn write(files: &[CheckedFile], mut out: impl io::Write) -> io::Result<()> {
    let registry = Registry::builtin();
    let codes = compiler_codes(files, registry);
    let mut rules: Vec<Rule> = Vec::with_capacity(registry.rules().len() + codes.len());
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    for doc in registry.rules() {
        index.insert(&doc.name, rules.len());
        rules.push(Rule {
            default_configuration: Configuration {
                level: sarif_level(doc.level),
            },
            full_description: Message::new(clip(doc.rationale.trim(), FULL_DESCRIPTION_MAX)),
            help: Message {
                text: Joined([doc.summary.trim(), "\n\n", doc.rationale.trim()]),
            },
            help_uri: rule_url(&doc.name),
            id: &doc.name,
            properties: Tags {
                tags: [&doc.category],
            },
            short_description: ShortDescription::Text(doc.summary.trim()),
        });
    }
    for code in codes {
        index.insert(code, rules.len());
        let documented = ErrorCode::from_code(code);
        rules.push(Rule {
            default_configuration: Configuration { level: "error" },
            full_description: match documented {
                Some(c) => Message::new(clip(c.description(), FULL_DESCRIPTION_MAX)),
                None => Message::new(UNDOCUMENTED),
            },
            help: Message::new(
                "The plan cannot be compiled until this is fixed; the message says how.",
            ),
            help_uri: rule_url(code),
            id: code,
            properties: Tags { tags: ["compiler"] },
            short_description: match documented {
                Some(c) => ShortDescription::Text(c.summary()),
                None => ShortDescription::CompilerError(code),
            },
        });
    }

    let document = Document {
        schema: SCHEMA,
        runs: [Run {
            column_kind: "unicodeCodePoints",
            results: Results {
                files,
                index: &index,
            },
            tool: Tool {
                driver: Driver {
                    information_uri: "https://github.com/stride-plans/stride",
                    name: "stride",
                    rules,
                    semantic_version: env!("CARGO_PKG_VERSION"),
                },
            },
        }],
        version: "2.1.0",
    };
    serde_json::to_writer_pretty(&mut out, &document)?;
    out.write_all(b"\n")
}

/// The codes of the compiler errors among the diagnostics, sorted and
/// without repeats: they have no registry entry, and each gets a rule of
/// its own after the registry's, always an error.
fn compiler_codes<'a>(files: &'a [CheckedFile], registry: &Registry) -> Vec<&'a str> {
    let mut codes: Vec<&str> = files
        .iter()
        .flat_map(|f| &f.diagnostics)
        .map(|d| &*d.code)
        .filter(|c| registry.get(c).is_none())
        .collect();
    codes.sort_unstable();
    codes.dedup();
    codes
}

fn sarif_level(level: Level) -> &'static str {
    match level {
        Level::Allow => "none",
        Level::Info => "note",
        Level::Warn => "warning",
        Level::Deny => "error",
    }
}

/// The whole SARIF log.
#[derive(Serialize)]
struct Document<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    runs: [Run<'a>; 1],
    version: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    column_kind: &'static str,
    results: Results<'a>,
    tool: Tool<'a>,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    information_uri: &'static str,
    name: &'static str,
    rules: Vec<Rule<'a>>,
    semantic_version: &'static str,
}

/// A `reportingDescriptor`: one checker rule or compiler error code.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule<'a> {
    default_configuration: Configuration,
    /// The rationale, or what a compiler error means, at most
    /// [`FULL_DESCRIPTION_MAX`] bytes.
    full_description: Message<'a>,
    help: Message<'a>,
    help_uri: String,
    id: &'a str,
    properties: Tags<'a>,
    short_description: ShortDescription<'a>,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Tags<'a> {
    tags: [&'a str; 1],
}

/// A rule's one-line description: its summary, or for a code that is
/// not documented, `stride compiler error `CODE``.
enum ShortDescription<'a> {
    Text(&'a str),
    CompilerError(&'a str),
}

impl Serialize for ShortDescription<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = match *self {
            ShortDescription::Text(text) => Joined([text, "", ""]),
            ShortDescription::CompilerError(code) => Joined(["stride compiler error `", code, "`"]),
        };
        Message { text }.serialize(serializer)
    }
}

/// A SARIF `message` (or `multiformatMessageString`): `{"text": ...}`.
#[derive(Serialize)]
struct Message<'a> {
    text: Joined<'a>,
}

impl<'a> Message<'a> {
    fn new(text: &'a str) -> Self {
        Message {
            text: Joined([text, "", ""]),
        }
    }
}

/// Up to three pieces of text serialized as one JSON string, without
/// joining them in memory first.
#[derive(Clone, Copy)]
struct Joined<'a>([&'a str; 3]);

impl fmt::Display for Joined<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.iter().try_for_each(|part| f.write_str(part))
    }
}

impl Serialize for Joined<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Every diagnostic of every file as a SARIF `result`, in order, made one
/// at a time while serializing.
struct Results<'a> {
    files: &'a [CheckedFile],
    /// The position of each rule in `tool.driver.rules`.
    index: &'a BTreeMap<&'a str, usize>,
}

impl Serialize for Results<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let count = self.files.iter().map(|f| f.diagnostics.len()).sum();
        let mut seq = serializer.serialize_seq(Some(count))?;
        for file in self.files {
            let lines = LineIndex::new(&file.text);
            let uri = uri(&file.name);
            let mut fingerprints = Fingerprints::default();
            for d in &file.diagnostics {
                let region = lines.locate(&file.text, d).map(Region::from);
                let fingerprint = fingerprints.next(d, &file.text);
                let mut result = SarifResult::new(d, &uri, region, self.index);
                result.partial_fingerprints = PartialFingerprints {
                    stride: fingerprint,
                };
                seq.serialize_element(&result)?;
            }
        }
        seq.end()
    }
}

/// One finding.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    level: &'static str,
    locations: [LocationEntry<'a>; 1],
    message: Message<'a>,
    partial_fingerprints: PartialFingerprints,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<Weeks<'a>>,
    rule_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
}

impl<'a> SarifResult<'a> {
    fn new(
        d: &'a Diagnostic,
        uri: &'a str,
        region: Option<Region>,
        index: &BTreeMap<&str, usize>,
    ) -> Self {
        let text = match &d.help {
            Some(help) => Joined([&d.message, "\nhelp: ", help]),
            None => Joined([&d.message, "", ""]),
        };
        SarifResult {
            level: match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Advice => "note",
            },
            locations: [LocationEntry {
                physical_location: PhysicalLocation {
                    artifact_location: ArtifactLocation { uri },
                    region,
                },
            }],
            message: Message { text },
            partial_fingerprints: PartialFingerprints::default(),
            properties: (!d.weeks.is_empty()).then_some(Weeks { weeks: &d.weeks }),
            rule_id: &d.code,
            rule_index: index.get(&*d.code).copied(),
        }
    }
}

/// A result's `partialFingerprints`: how code scanning (and the REST
/// upload, which requires them) knows a finding it has seen before.
#[derive(Serialize, Default)]
struct PartialFingerprints {
    #[serde(rename = "stride/v1")]
    stride: String,
}

/// Fingerprints stable across unrelated edits: the rule, the first line of
/// the text the finding points at (whitespace collapsed) and how many
/// findings of that rule on that same text came before it in the file.
/// Line and column numbers, the message (which names dates and weeks) and
/// the file name stay out, so adding a block above a finding, or renaming
/// the file, keeps its fingerprint.
#[derive(Default)]
struct Fingerprints {
    seen: BTreeMap<(String, String), u32>,
}

impl Fingerprints {
    fn next(&mut self, d: &Diagnostic, text: &str) -> String {
        let snippet = d
            .primary_span()
            .and_then(|s| text.get(s.start..s.end))
            .and_then(|s| s.lines().map(str::trim).find(|l| !l.is_empty()))
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default();
        let count = self
            .seen
            .entry((d.code.to_string(), snippet.clone()))
            .or_insert(0);
        *count += 1;
        let nth = count.to_string();
        crate::stable_hash::hex(&["sarif", &d.code, &snippet, &nth])
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LocationEntry<'a> {
    physical_location: PhysicalLocation<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation<'a> {
    artifact_location: ArtifactLocation<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
struct ArtifactLocation<'a> {
    uri: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    end_column: usize,
    end_line: usize,
    start_column: usize,
    start_line: usize,
}

impl From<Location> for Region {
    fn from(at: Location) -> Self {
        Region {
            end_column: at.end_column,
            end_line: at.end_line,
            start_column: at.column,
            start_line: at.line,
        }
    }
}

#[derive(Serialize)]
struct Weeks<'a> {
    weeks: &'a [u32],
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
    use super::*;
    use crate::span::Span;

    /// The output, rendered or streamed, is exactly what `serde_json::Value`
    /// would print: keys in sorted order (the order SARIF output has always had), optional
    /// fields left out, pretty-printed with a trailing newline.
    #[test]
    fn fields_in_sorted_order() {
        let rule = &Registry::builtin().rules()[0].name;
        let text = "plan \"Café\"\nstart 2027-01-04\n";
        let files = [
            CheckedFile {
                name: "plans/a b.stride".to_string(),
                text: text.to_string(),
                diagnostics: vec![
                    Diagnostic::new("E-TEST", Severity::Error, "broken \"quote\"")
                        .with_label(Span::new(6, 12), "here")
                        .with_help("fix it"),
                    Diagnostic {
                        weeks: vec![1, 3],
                        ..Diagnostic::warning(rule.clone(), "no span")
                    },
                ],
            },
            CheckedFile {
                name: "/tmp/empty.stride".to_string(),
                text: String::new(),
                diagnostics: Vec::new(),
            },
        ];
        let out = render(&files);
        let mut streamed = Vec::new();
        write(&files, &mut streamed).unwrap();
        assert_eq!(String::from_utf8(streamed).unwrap(), out);
        let value: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(out, serde_json::to_string_pretty(&value).unwrap() + "\n");

        let results = &value["runs"][0]["results"];
        assert_eq!(
            results[0]["message"]["text"],
            "broken \"quote\"\nhelp: fix it"
        );
        assert_eq!(
            results[0]["locations"][0]["physicalLocation"]["region"]["startColumn"],
            7
        );
        assert!(results[0].get("properties").is_none());
        assert_eq!(results[1]["properties"]["weeks"], serde_json::json!([1, 3]));
        let rules = value["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap();
        let compiler = &rules[results[0]["ruleIndex"].as_u64().unwrap() as usize];
        assert_eq!(compiler["id"], "E-TEST");
        assert_eq!(compiler["fullDescription"]["text"], UNDOCUMENTED);
        assert_eq!(
            rules[results[1]["ruleIndex"].as_u64().unwrap() as usize]["id"],
            **rule
        );
    }

    #[test]
    fn long_descriptions_end_at_a_sentence() {
        assert_eq!(clip("One. Two. Three.", 100), "One. Two. Three.");
        assert_eq!(clip("One. Two. Three.", 12), "One. Two.");
        assert_eq!(clip("Étoile", 2), "É");
        for doc in Registry::builtin().rules() {
            let full = clip(doc.rationale.trim(), FULL_DESCRIPTION_MAX);
            assert!(full.len() <= FULL_DESCRIPTION_MAX && !full.is_empty());
        }
    }

    /// A fingerprint survives edits elsewhere in the file (a line added
    /// above moves every line number) and tells repeated findings apart.
    #[test]
    fn fingerprints_survive_unrelated_edits() {
        let fingerprints = |text: &str| -> Vec<String> {
            let at = |needle: &str| {
                let start = text.find(needle).unwrap();
                Span::new(start, start + needle.len())
            };
            let file = CheckedFile {
                name: "a.stride".to_string(),
                text: text.to_string(),
                diagnostics: vec![
                    Diagnostic::warning("rule.x", "week 1").with_label(at("squat"), "here"),
                    Diagnostic::warning("rule.x", "week 1b").with_label(at("squat 3x5"), "here"),
                    Diagnostic::warning("rule.x", "week 2").with_label(at("lunge 3x8"), "here"),
                ],
            };
            let value: serde_json::Value = serde_json::from_str(&render(&[file])).unwrap();
            value["runs"][0]["results"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| {
                    r["partialFingerprints"]["stride/v1"]
                        .as_str()
                        .unwrap()
                        .to_string()
                })
                .collect()
        };
        let before = fingerprints("a\n  squat 3x5\n  lunge 3x8\n");
        let after = fingerprints("# a new note\na\n\n      squat 3x5\n  lunge 3x8\n");
        assert_eq!(before, after);
        assert_ne!(before[0], before[1]);
        assert_eq!(before[0].len(), 32);
    }

    #[test]
    fn uris() {
        assert_eq!(super::uri("plans/a b.stride"), "plans/a%20b.stride");
        assert_eq!(super::uri("/tmp/é.stride"), "file:///tmp/%C3%A9.stride");
        assert_eq!(super::uri("<stdin>"), "%3Cstdin%3E");
    }
}
