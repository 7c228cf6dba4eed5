//! One open document: its text, its line index and what stride makes of it.

use lsp_types::{
    CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    Uri,
};

use crate::Analysis;
use crate::check;
use crate::diagnostic::{Diagnostic, Severity};
use crate::error_code::ErrorCode;
use crate::span::{LineIndex, Span};

/// An open document.
#[derive(Debug, Clone)]
pub struct Document {
    pub uri: Uri,
    pub version: i32,
    pub text: String,
    pub index: LineIndex,
    /// How to analyse it: the `stride.yaml` that applies, keeping the
    /// syntax tree.
    pub options: crate::Options,
    /// Why that configuration could not be read, if it could not.
    pub config_error: Option<String>,
    analysis: Option<Analysis>,
}

impl Document {
    pub fn new(uri: Uri, version: i32, text: String) -> Document {
        let (options, config_error) = options_for(&uri);
        Document {
            uri,
            version,
            index: LineIndex::new(&text),
            text,
            options,
            config_error,
            analysis: None,
        }
    }

    /// Replaces the whole text (full document sync).
    pub fn replace(&mut self, version: i32, text: String) {
        self.version = version;
        self.index = LineIndex::new(&text);
        self.text = text;
        self.analysis = None;
    }

    /// Applies one change of incremental sync (in case a client sends
    /// ranges although the server asked for full text).
    pub fn edit(&mut self, range: lsp_types::Range, new_text: &str) {
        let span = self.index.span(&self.text, range);
        let mut text = String::with_capacity(self.text.len() + new_text.len());
        text.push_str(self.text.get(..span.start).unwrap_or_default());
        text.push_str(new_text);
        text.push_str(self.text.get(span.end..).unwrap_or_default());
        let version = self.version;
        self.replace(version, text);
    }

    /// Reads the configuration again (after a save, `stride.yaml` may have
    /// changed too).
    pub fn reload_options(&mut self) {
        let (options, config_error) = options_for(&self.uri);
        self.options = options;
        self.config_error = config_error;
        self.analysis = None;
    }

    /// Analyses the current text, unless that is done already. A
    /// configuration that cannot be read is one more error, at the top.
    pub fn analyse(&mut self) {
        if self.analysis.is_some() {
            return;
        }
        let mut analysis = crate::analyze(&self.text, &self.options);
        if let Some(message) = &self.config_error {
            analysis.diagnostics.push(
                Diagnostic::error(ErrorCode::Config, message.clone())
                    .with_label(Span::point(0), "the configuration that applies here"),
            );
            crate::diagnostic::sort(&mut analysis.diagnostics);
        }
        self.analysis = Some(analysis);
    }

    /// The analysis of the current text, once [`Document::analyse`] ran.
    pub fn analysed(&self) -> Option<&Analysis> {
        self.analysis.as_ref()
    }

    /// The syntax tree of the current text, once [`Document::analyse`] ran.
    pub fn tree(&self) -> Option<&crate::ast::File> {
        self.analysis.as_ref()?.tree.as_ref()
    }

    /// The diagnostics to publish, in LSP terms.
    pub fn lsp_diagnostics(&mut self, docs: &str) -> Vec<lsp_types::Diagnostic> {
        self.analyse();
        let Some(analysis) = &self.analysis else {
            return Vec::new();
        };
        analysis
            .diagnostics
            .iter()
            .map(|d| to_lsp(d, &self.uri, &self.text, &self.index, docs))
            .collect()
    }

    pub fn range(&self, span: Span) -> lsp_types::Range {
        self.index.range(&self.text, span)
    }

    pub fn offset(&self, position: lsp_types::Position) -> usize {
        self.index.offset(&self.text, position)
    }
}

/// The options for a document: the `stride.yaml` found from its
/// directory, for a file on disk; the syntax tree is kept.
fn options_for(uri: &Uri) -> (crate::Options, Option<String>) {
    let (check, error) = match file_path(uri) {
        None => (check::Options::default(), None),
        Some(path) => match check::Options::for_plan(&path, check::Overrides::default()) {
            Ok(options) => (options, None),
            Err(e) => (
                check::Options::default(),
                Some(format!("{}: {}", e.origin, e.message)),
            ),
        },
    };
    let options = crate::Options {
        check,
        keep_tree: true,
    };
    (options, error)
}

/// The local path of a `file:` URI.
pub fn file_path(uri: &Uri) -> Option<String> {
    let rest = uri.as_str().strip_prefix("file://")?;
    let path = &rest[rest.find('/')?..];
    let path = percent_decode(path)?;
    // `file:///C:/plans/a.stride` names `C:/plans/a.stride` on Windows.
    let windows = path.len() > 2 && path.as_bytes()[2] == b':' && cfg!(windows);
    Some(if windows { path[1..].to_owned() } else { path })
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The link to the documentation of a rule or error code on the page
/// `docs` (`docs/rules.md` or a copy), when `docs` is an absolute URL.
pub fn rule_docs_link(docs: &str, code: &str) -> Option<Uri> {
    let anchor = crate::report::rules_doc::anchor(code);
    let uri: Uri = format!("{docs}#{anchor}").parse().ok()?;
    (!uri.is_relative()).then_some(uri)
}

/// A diagnostic in LSP terms: the rule name or error code as its code, a
/// link to its documentation, the help after the message, and the other
/// labels as related information.
pub fn to_lsp(
    d: &Diagnostic,
    uri: &Uri,
    text: &str,
    index: &LineIndex,
    docs: &str,
) -> lsp_types::Diagnostic {
    let range = index.range(text, d.primary_span().unwrap_or_default());
    let severity = match d.severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Advice => DiagnosticSeverity::INFORMATION,
    };
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    let related: Vec<DiagnosticRelatedInformation> = d
        .labels
        .iter()
        .filter(|l| !l.primary)
        .map(|l| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), index.range(text, l.span)),
            message: l.message.as_deref().unwrap_or_default().to_string(),
        })
        .collect();
    lsp_types::Diagnostic {
        range,
        severity: Some(severity),
        code: Some(NumberOrString::String(d.code.to_string())),
        code_description: rule_docs_link(docs, &d.code).map(|href| CodeDescription { href }),
        source: Some("stride".to_owned()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}
