//! One open document: its text, its line index and what stride makes of it.

use lsp_types::{
    CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    Uri,
};

use super::position::LineIndex;
use crate::check::{self, Options};
use crate::diagnostic::{Diagnostic, Severity};
use crate::error_code::ErrorCode;
use crate::span::Span;

/// The compiler's and the checker's verdict on one text.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The syntax tree, for questions about the text.
    pub file: crate::ast::File,
    pub compiled: crate::Compiled,
    /// Everything to show: compiler diagnostics, then checker findings,
    /// sorted by position.
    pub diagnostics: Vec<Diagnostic>,
}

impl Analysis {
    pub fn new(text: &str, options: &Options, config_error: Option<&str>) -> Analysis {
        let (file, compiled) = crate::compile_with_tree(text);
        let mut diagnostics = compiled.diagnostics.clone();
        diagnostics.extend(check::check(&compiled, options));
        if let Some(message) = config_error {
            diagnostics.push(
                Diagnostic::error(ErrorCode::Config, message.to_owned())
                    .with_label(Span::point(0), "the configuration that applies here"),
            );
        }
        crate::diagnostic::sort(&mut diagnostics);
        Analysis {
            file,
            compiled,
            diagnostics,
        }
    }
}

/// An open document.
#[derive(Debug, Clone)]
pub struct Document {
    pub uri: Uri,
    pub version: i32,
    pub text: String,
    pub index: LineIndex,
    /// How to check it: the `stride.yaml` that applies.
    pub options: Options,
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

    /// Analyses the current text, unless that is done already.
    pub fn analyse(&mut self) {
        if self.analysis.is_none() {
            let error = self.config_error.as_deref();
            self.analysis = Some(Analysis::new(&self.text, &self.options, error));
        }
    }

    /// The analysis of the current text, once [`Document::analyse`] ran.
    pub fn analysed(&self) -> Option<&Analysis> {
        self.analysis.as_ref()
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

/// The checking options for a document: the `stride.yaml` found from its
/// directory, for a file on disk.
fn options_for(uri: &Uri) -> (Options, Option<String>) {
    let Some(path) = file_path(uri) else {
        return (Options::default(), None);
    };
    match Options::for_plan(&path, check::Overrides::default()) {
        Ok(options) => (options, None),
        Err(e) => (
            Options::default(),
            Some(format!("{}: {}", e.origin, e.message)),
        ),
    }
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
