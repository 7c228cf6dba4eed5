//! Every stage on arbitrary input: parse and expand (`compile`), check,
//! render the diagnostics, format, emit every format under two sets of
//! options, and a language-server session that opens the text, asks about
//! it at a few places and edits it. Nothing may panic, hang or run away
//! with memory; every diagnostic must point inside the text it is about;
//! formatting formatted text changes nothing.
#![no_main]

use std::time::Duration;

use libfuzzer_sys::fuzz_target;
use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::{Value, json};
use stride::diagnostic::Diagnostic;
use stride::emit::{self, Format, WeekRange, ics};
use stride::render::{self, Style};

fuzz_target!(|data: &[u8]| {
    // The CLI refuses text that is not UTF-8 before compiling; do the same.
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let analysis = stride::analyze(source, &stride::Options::default());
    assert_inside(source, &analysis.diagnostics);
    let _ = render::human(&analysis.diagnostics, "fuzz.stride", source, Style::PLAIN);

    match stride::fmt::format(source) {
        Ok(formatted) => match stride::fmt::format(&formatted) {
            Ok(again) => assert!(again == formatted, "formatting is not idempotent"),
            Err(diagnostics) => panic!("formatted text does not format: {diagnostics:?}"),
        },
        Err(diagnostics) => assert_inside(source, &diagnostics),
    }

    lsp_session(source);

    let Some(plan) = &analysis.plan else {
        return;
    };
    let weeks = u32::try_from(plan.weeks.len()).unwrap_or(u32::MAX);
    let findings = render::findings(&analysis.diagnostics, Some(source));
    let variants = [
        emit::Request {
            findings: &findings,
            ..emit::Request::default()
        },
        emit::Request {
            weeks: Some(WeekRange {
                first: weeks.div_ceil(2).max(1),
                last: weeks.max(1),
            }),
            findings: &findings,
            icalendar: ics::Options {
                utc: true,
                with_runs: true,
                alarm_s: Some(1800),
                ..Default::default()
            },
        },
    ];
    for options in &variants {
        for format in Format::ALL {
            let _ = emit::emit(plan, format, options);
        }
    }
});

/// Every label of every diagnostic lies inside `source`, on character
/// boundaries, with its start before its end.
fn assert_inside(source: &str, diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        for label in &d.labels {
            let span = label.span;
            assert!(
                span.start <= span.end
                    && span.end <= source.len()
                    && source.is_char_boundary(span.start)
                    && source.is_char_boundary(span.end),
                "{} points outside the text: {span:?}",
                d.code
            );
        }
    }
}

/// The editor's side of a language-server session over `source`.
struct Client {
    connection: Connection,
    next_id: i32,
}

const URI: &str = "untitled:fuzz.stride";

impl Client {
    fn notify(&self, method: &str, params: Value) {
        let message = Notification::new(method.to_owned(), params);
        assert!(
            self.connection.sender.send(message.into()).is_ok(),
            "the server went away"
        );
    }

    /// Sends a request and waits for its response.
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = RequestId::from(self.next_id);
        self.next_id += 1;
        let message = Request::new(id.clone(), method.to_owned(), params);
        assert!(
            self.connection.sender.send(message.into()).is_ok(),
            "the server went away"
        );
        loop {
            match self.receive(method) {
                Message::Response(response) if response.id == id => {
                    return response.response_result.unwrap_or(Value::Null);
                }
                _ => continue,
            }
        }
    }

    /// Waits for the diagnostics of the document.
    fn diagnostics(&self) {
        loop {
            if let Message::Notification(n) = self.receive("publishDiagnostics")
                && n.method == "textDocument/publishDiagnostics"
            {
                return;
            }
        }
    }

    fn receive(&self, waiting_for: &str) -> Message {
        match self
            .connection
            .receiver
            .recv_timeout(Duration::from_secs(20))
        {
            Ok(message) => message,
            Err(e) => panic!("no answer to {waiting_for}: {e}"),
        }
    }
}

/// Places to ask about: a few offsets the text itself picks, as LSP
/// positions (UTF-16 columns, sometimes inside a surrogate pair), and some
/// past the end of the text.
fn positions(source: &str) -> Vec<Value> {
    let mut out = vec![
        json!({"line": 0, "character": 0}),
        json!({"line": 100_000, "character": 3}),
        json!({"line": 0, "character": 100_000}),
    ];
    let bytes = source.as_bytes();
    for k in 1..=3u64 {
        let seed = bytes
            .iter()
            .fold(k.wrapping_mul(0x9E37_79B9_7F4A_7C15), |h, b| {
                (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01B3)
            });
        let mut offset = (seed % (bytes.len() as u64 + 1)) as usize;
        while !source.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &source[..offset];
        let line = before.matches('\n').count();
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let mut character: usize = source[line_start..offset].encode_utf16().count();
        if source[offset..]
            .chars()
            .next()
            .is_some_and(|c| c.len_utf16() == 2)
            && k == 2
        {
            character += 1;
        }
        out.push(json!({"line": line, "character": character}));
    }
    out
}

/// Opens `source`, asks every kind of question at a few places, edits the
/// text (a ranged edit, then a whole new text), and shuts the server down.
fn lsp_session(source: &str) {
    let (server, connection) = Connection::memory();
    let thread = std::thread::spawn(move || stride::lsp::serve(&server));
    let mut client = Client {
        connection,
        next_id: 0,
    };
    client.request("initialize", json!({"capabilities": {}}));
    client.notify("initialized", json!({}));
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": URI, "languageId": "stride", "version": 1, "text": source}}),
    );
    client.diagnostics();
    let document = json!({"uri": URI});
    let positions = positions(source);
    for position in &positions {
        let at = json!({"textDocument": document, "position": position});
        client.request("textDocument/hover", at.clone());
        client.request("textDocument/completion", at.clone());
        client.request("textDocument/definition", at);
    }
    let range = json!({"start": positions[3], "end": positions[positions.len() - 1]});
    client.request(
        "textDocument/codeAction",
        json!({"textDocument": document, "range": range, "context": {"diagnostics": []}}),
    );
    client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": document}),
    );
    client.request(
        "textDocument/formatting",
        json!({"textDocument": document, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    // A keystroke in the middle, then the text cut in half.
    let half = &source[..stride::span::floor_char_boundary(source, source.len() / 2)];
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": URI, "version": 2},
            "contentChanges": [
                {"range": {"start": positions[4], "end": positions[3]}, "text": "}{\"é🏃\n"},
            ],
        }),
    );
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 3}, "contentChanges": [{"text": half}]}),
    );
    client.diagnostics();
    client.request(
        "textDocument/hover",
        json!({"textDocument": document, "position": positions[5]}),
    );
    client.notify("textDocument/didClose", json!({"textDocument": document}));
    client.request("shutdown", Value::Null);
    client.notify("exit", Value::Null);
    match thread.join() {
        Ok(Ok(clean)) => assert!(clean, "the server did not shut down cleanly"),
        Ok(Err(e)) => panic!("the server failed: {e}"),
        Err(_) => panic!("the server panicked"),
    }
}
