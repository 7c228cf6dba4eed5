//! The language server: `stride lsp`, over standard input and output.
//!
//! Built on `lsp-server` (the scaffold rust-analyzer and ruff use): one
//! thread, one loop over incoming messages, full-document sync. Each
//! document is compiled and checked when its diagnostics are due or a
//! request needs them; a burst of changes is checked once, after the last.
//!
//! - diagnostics: syntax and semantic errors and rule findings, with the
//!   rule name (or error code) as code and a link to its documentation in
//!   `docs/rules.md` (the initialization option `ruleDocsUrl` names another
//!   copy of that page);
//! - hover: exercises (muscles, pattern, equipment), rule names and
//!   findings (the rule's explanation), session headers (their dates);
//! - completion: keywords, exercise ids, weekdays, rule names and the words
//!   each statement takes;
//! - formatting (the same code as `stride fmt`), document symbols (blocks
//!   and sessions), go to definition for `exercise` statements;
//! - quick fixes: the did-you-mean of a name, allowing a rule on one
//!   statement, removing an unused suppression.
//!
//! Positions are UTF-16 code units (`position`). No request panics the
//! server: a handler that panics answers with an internal error instead.

mod actions;
mod completion;
mod docs;
mod document;
mod hover;
mod locate;
mod position;
mod symbols;

use std::collections::{BTreeMap, BTreeSet};
use std::panic::{AssertUnwindSafe, catch_unwind};

use lsp_server::{
    Connection, ErrorCode, Message, Notification, ProtocolError, Request, Response, ResponseError,
};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, DidSaveTextDocument,
    Notification as _, PublishDiagnostics, ShowMessage,
};
use lsp_types::request::{
    CodeActionRequest, Completion, DocumentSymbolRequest, Formatting, GotoDefinition, HoverRequest,
    Request as _,
};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CompletionOptions,
    DocumentSymbolResponse, GotoDefinitionResponse, HoverProviderCapability, InitializeParams,
    OneOf, PositionEncodingKind, PublishDiagnosticsParams, ServerCapabilities, ServerInfo,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, TextEdit, Uri,
};
use serde::de::DeserializeOwned;
use serde_json::Value;

pub use document::Document;

use crate::diagnostic::Diagnostic;

/// What the server can do.
pub fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(PositionEncodingKind::UTF16),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec!["(".to_owned()]),
            ..CompletionOptions::default()
        }),
        document_formatting_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        definition_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        ..ServerCapabilities::default()
    }
}

/// Serves over standard input and output until the client says `exit`.
/// Returns whether the client shut the server down properly (an `exit`
/// without `shutdown`, or input that just ends, is not).
pub fn run_stdio() -> Result<bool, String> {
    let (connection, io_threads) = Connection::stdio();
    let served = serve(&connection);
    // Let the writer finish what was sent before going away.
    drop(connection);
    let joined = io_threads.join();
    let clean = served.map_err(|e| e.to_string())?;
    joined.map_err(|e| e.to_string())?;
    Ok(clean)
}

/// Serves one client on `connection`: the handshake, then every message
/// until `exit`.
pub fn serve(connection: &Connection) -> Result<bool, ProtocolError> {
    let (id, params) = connection.initialize_start()?;
    let init: InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let rule_docs = init
        .initialization_options
        .as_ref()
        .and_then(|o| o.get("ruleDocsUrl"))
        .and_then(Value::as_str)
        .unwrap_or(crate::report::RULES_DOC_URL)
        .to_owned();
    let result = serde_json::json!({
        "capabilities": capabilities(),
        "serverInfo": ServerInfo {
            name: "stride".to_owned(),
            version: Some(env!("CARGO_PKG_VERSION").to_owned()),
        },
    });
    connection.initialize_finish(id, result)?;
    let mut server = Server {
        connection,
        documents: BTreeMap::new(),
        stale: BTreeSet::new(),
        rule_docs,
    };
    server.run()
}

struct Server<'c> {
    connection: &'c Connection,
    documents: BTreeMap<String, Document>,
    /// Documents whose diagnostics are to be published.
    stale: BTreeSet<String>,
    rule_docs: String,
}

impl Server<'_> {
    fn run(&mut self) -> Result<bool, ProtocolError> {
        loop {
            let message = if self.stale.is_empty() {
                match self.connection.receiver.recv() {
                    Ok(message) => message,
                    Err(_) => return Ok(false),
                }
            } else {
                // Publish only once the client has nothing more to say:
                // a burst of keystrokes is checked once.
                match self.connection.receiver.try_recv() {
                    Ok(message) => message,
                    Err(e) if e.is_empty() => {
                        self.publish_stale();
                        continue;
                    }
                    Err(_) => return Ok(false),
                }
            };
            match message {
                Message::Request(request) => {
                    if self.connection.handle_shutdown(&request)? {
                        return Ok(true);
                    }
                    let response = self.respond(request);
                    self.send(response.into());
                }
                Message::Notification(notification) => {
                    if notification.method == lsp_types::notification::Exit::METHOD {
                        return Ok(false);
                    }
                    self.notified(notification);
                }
                Message::Response(_) => {}
            }
        }
    }

    fn send(&self, message: Message) {
        // The writer thread only goes away when the client does; the loop
        // then ends on the next receive.
        let _ = self.connection.sender.send(message);
    }

    fn publish_stale(&mut self) {
        let stale = std::mem::take(&mut self.stale);
        for uri in stale {
            let Some(doc) = self.documents.get_mut(&uri) else {
                continue;
            };
            let docs = self.rule_docs.as_str();
            let diagnostics = match catch_unwind(AssertUnwindSafe(|| doc.lsp_diagnostics(docs))) {
                Ok(diagnostics) => diagnostics,
                Err(_) => {
                    log(&format!("checking {uri} failed; please report this"));
                    continue;
                }
            };
            let params = PublishDiagnosticsParams {
                uri: doc.uri.clone(),
                diagnostics,
                version: Some(doc.version),
            };
            self.send(Notification::new(PublishDiagnostics::METHOD.to_owned(), params).into());
        }
    }

    fn notified(&mut self, notification: Notification) {
        match notification.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let Some(params) =
                    params::<lsp_types::DidOpenTextDocumentParams>(notification.params)
                else {
                    return;
                };
                let item = params.text_document;
                let key = item.uri.as_str().to_owned();
                self.documents.insert(
                    key.clone(),
                    Document::new(item.uri, item.version, item.text),
                );
                self.stale.insert(key);
            }
            DidChangeTextDocument::METHOD => {
                let Some(params) =
                    params::<lsp_types::DidChangeTextDocumentParams>(notification.params)
                else {
                    return;
                };
                let key = params.text_document.uri.as_str().to_owned();
                let Some(doc) = self.documents.get_mut(&key) else {
                    return;
                };
                for change in params.content_changes {
                    match change.range {
                        Some(range) => doc.edit(range, &change.text),
                        None => doc.replace(params.text_document.version, change.text),
                    }
                }
                doc.version = params.text_document.version;
                self.stale.insert(key);
            }
            DidSaveTextDocument::METHOD => {
                let Some(params) =
                    params::<lsp_types::DidSaveTextDocumentParams>(notification.params)
                else {
                    return;
                };
                let key = params.text_document.uri.as_str().to_owned();
                if let Some(doc) = self.documents.get_mut(&key) {
                    doc.reload_options();
                    self.stale.insert(key);
                }
            }
            DidCloseTextDocument::METHOD => {
                let Some(params) =
                    params::<lsp_types::DidCloseTextDocumentParams>(notification.params)
                else {
                    return;
                };
                let key = params.text_document.uri.as_str().to_owned();
                self.documents.remove(&key);
                self.stale.remove(&key);
                let params = PublishDiagnosticsParams {
                    uri: params.text_document.uri,
                    diagnostics: Vec::new(),
                    version: None,
                };
                self.send(Notification::new(PublishDiagnostics::METHOD.to_owned(), params).into());
            }
            _ => {}
        }
    }

    fn respond(&mut self, request: Request) -> Response {
        let id = request.id.clone();
        let method = request.method.clone();
        match catch_unwind(AssertUnwindSafe(|| self.handle(request))) {
            Ok(response_result) => Response {
                id,
                response_result,
            },
            Err(_) => Response::new_err(
                id,
                ErrorCode::InternalError as i32,
                format!("stride failed on {method}; please report this"),
            ),
        }
    }

    /// The document a request is about, analysed.
    fn document(&mut self, uri: &Uri) -> Option<&Document> {
        let doc = self.documents.get_mut(uri.as_str())?;
        doc.analyse();
        Some(doc)
    }

    fn handle(&mut self, request: Request) -> Result<Value, ResponseError> {
        let docs = self.rule_docs.clone();
        match request.method.as_str() {
            HoverRequest::METHOD => {
                let p: lsp_types::HoverParams = parse(request.params)?;
                let at = p.text_document_position_params;
                let hover = self
                    .document(&at.text_document.uri)
                    .and_then(|doc| hover::hover(doc, at.position));
                json(hover)
            }
            Completion::METHOD => {
                let p: lsp_types::CompletionParams = parse(request.params)?;
                let at = p.text_document_position;
                let items = self
                    .documents
                    .get(at.text_document.uri.as_str())
                    .map(|doc| completion::complete(doc, at.position));
                json(items.map(lsp_types::CompletionResponse::Array))
            }
            Formatting::METHOD => {
                let p: lsp_types::DocumentFormattingParams = parse(request.params)?;
                let Some(doc) = self.documents.get(p.text_document.uri.as_str()) else {
                    return json(Value::Null);
                };
                match formatting(doc) {
                    Ok(edits) => json(edits),
                    Err(Some(why)) => {
                        let params = lsp_types::ShowMessageParams {
                            typ: lsp_types::MessageType::WARNING,
                            message: why,
                        };
                        self.send(Notification::new(ShowMessage::METHOD.to_owned(), params).into());
                        json(Value::Null)
                    }
                    Err(None) => json(Value::Null),
                }
            }
            DocumentSymbolRequest::METHOD => {
                let p: lsp_types::DocumentSymbolParams = parse(request.params)?;
                let symbols = self
                    .document(&p.text_document.uri)
                    .map(|doc| DocumentSymbolResponse::Nested(symbols::outline(doc)));
                json(symbols)
            }
            GotoDefinition::METHOD => {
                let p: lsp_types::GotoDefinitionParams = parse(request.params)?;
                let at = p.text_document_position_params;
                let location = self
                    .document(&at.text_document.uri)
                    .and_then(|doc| symbols::definition(doc, at.position));
                json(location.map(GotoDefinitionResponse::Scalar))
            }
            CodeActionRequest::METHOD => {
                let p: lsp_types::CodeActionParams = parse(request.params)?;
                let actions = self
                    .document(&p.text_document.uri)
                    .map(|doc| actions::actions(doc, p.range, &docs));
                json(actions)
            }
            method => Err(ResponseError {
                code: ErrorCode::MethodNotFound as i32,
                message: format!("stride does not handle {method}"),
                data: None,
            }),
        }
    }
}

/// The whole document, formatted, as one edit (none when it is formatted
/// already). A text with syntax errors is not formatted: `Err(None)`, the
/// diagnostics say why; any other refusal comes with its reason.
fn formatting(doc: &Document) -> Result<Vec<TextEdit>, Option<String>> {
    let formatted = match crate::fmt::format(&doc.text) {
        Ok(text) => text,
        Err(errors) => {
            let refused = |d: &Diagnostic| {
                use crate::error_code::ErrorCode::{FormatterBug, OverriddenStatement};
                d.is(OverriddenStatement) || d.is(FormatterBug)
            };
            if !errors.iter().all(refused) {
                return Err(None);
            }
            let why = errors.first().map(|d| {
                let line = d
                    .primary_span()
                    .map_or(0, |s| doc.index.line_of(s.start) + 1);
                format!("stride fmt: line {line}: {}", d.message)
            });
            return Err(why);
        }
    };
    if formatted == doc.text {
        return Ok(Vec::new());
    }
    let end = doc.index.position(&doc.text, doc.text.len());
    let range = lsp_types::Range::new(lsp_types::Position::new(0, 0), end);
    Ok(vec![TextEdit::new(range, formatted)])
}

/// A line for the client's log (our standard error). Never panics: a
/// closed standard error is no reason to stop serving.
fn log(message: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "stride lsp: {message}");
}

fn parse<T: DeserializeOwned>(params: Value) -> Result<T, ResponseError> {
    serde_json::from_value(params).map_err(|e| ResponseError {
        code: ErrorCode::InvalidParams as i32,
        message: e.to_string(),
        data: None,
    })
}

fn params<T: DeserializeOwned>(params: Value) -> Option<T> {
    match serde_json::from_value(params) {
        Ok(p) => Some(p),
        Err(e) => {
            log(&format!("ignoring a notification with bad parameters: {e}"));
            None
        }
    }
}

fn json<T: serde::Serialize>(value: T) -> Result<Value, ResponseError> {
    serde_json::to_value(value).map_err(|e| ResponseError {
        code: ErrorCode::InternalError as i32,
        message: e.to_string(),
        data: None,
    })
}
