//! The language server in memory (the same `serve` loop `stride lsp` runs,
//! over channels): completion in each context, quick fixes, incremental
//! edits, formatting refused on broken text, and no error or crash on any
//! half-typed version of the example plans.

use std::thread::JoinHandle;

use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::{Value, json};

const URI: &str = "file:///memory/plan.stride";

struct Server {
    client: Connection,
    thread: Option<JoinHandle<bool>>,
    next: i32,
    /// Notifications that came while waiting for a response.
    notifications: std::collections::VecDeque<Notification>,
}

impl Server {
    fn start() -> Server {
        let (server, client) = Connection::memory();
        let thread = std::thread::spawn(move || stride::lsp::serve(&server).unwrap_or(false));
        let mut s = Server {
            client,
            thread: Some(thread),
            next: 1,
            notifications: std::collections::VecDeque::new(),
        };
        s.request("initialize", json!({"capabilities": {}}));
        s.notify("initialized", json!({}));
        s
    }

    fn notify(&self, method: &str, params: Value) {
        let n = Notification::new(method.to_owned(), params);
        self.client.sender.send(n.into()).expect("server alive");
    }

    /// The response to a request; its error, if any, as `Err`.
    fn call(&mut self, method: &str, params: Value) -> Result<Value, Value> {
        let id = RequestId::from(self.next);
        self.next += 1;
        let r = Request::new(id.clone(), method.to_owned(), params);
        self.client.sender.send(r.into()).expect("server alive");
        loop {
            let message = self
                .client
                .receiver
                .recv_timeout(std::time::Duration::from_secs(30))
                .expect("an answer");
            match message {
                Message::Response(response) if response.id == id => {
                    return response
                        .response_result
                        .map_err(|e| json!({"code": e.code, "message": e.message}));
                }
                Message::Notification(n) => self.notifications.push_back(n),
                _ => {}
            }
        }
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.call(method, params)
            .unwrap_or_else(|e| panic!("{method}: {e}"))
    }

    fn open(&self, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": URI, "languageId": "stride", "version": 1, "text": text}}),
        );
    }

    fn change(&self, version: i32, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": URI, "version": version}, "contentChanges": [{"text": text}]}),
        );
    }

    /// The next notification of `method`.
    fn notification(&mut self, method: &str) -> Notification {
        while let Some(n) = self.notifications.pop_front() {
            if n.method == method {
                return n;
            }
        }
        loop {
            let message = self
                .client
                .receiver
                .recv_timeout(std::time::Duration::from_secs(30))
                .expect("a notification");
            if let Message::Notification(n) = message
                && n.method == method
            {
                return n;
            }
        }
    }

    fn stop(mut self) {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let clean = self.thread.take().map(|t| t.join().expect("no panic"));
        assert_eq!(clean, Some(true));
    }
}

fn at(text: &str, needle: &str, shift: usize) -> Value {
    let offset = text.find(needle).expect("needle") + shift;
    let line = text[..offset].matches('\n').count();
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let character = text[start..offset].encode_utf16().count();
    json!({"textDocument": {"uri": URI}, "position": {"line": line, "character": character}})
}

fn labels(items: &Value) -> Vec<String> {
    items
        .as_array()
        .map(|a| {
            a.iter()
                .map(|i| i["label"].as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

const PLAN: &str = r#"plan "P"
start 2027-01-04

athlete {
  level intermediate
  max 
}

spacing {
  at least 3h between 
}

rules {
  allow 
  set 
}

block "B" weeks 1-4 {
  session "A" mon 18:00 45min {
    back-squat 4x5 @100kg rest 60s progress 
  }
}
"#;

#[test]
fn completion_by_context() {
    let mut server = Server::start();
    server.open(PLAN);
    let complete = |server: &mut Server, needle: &str, shift: usize| {
        labels(&server.request("textDocument/completion", at(PLAN, needle, shift)))
    };
    let top = complete(&mut server, "plan", 0);
    assert!(
        top.contains(&"block".to_owned()) && top.contains(&"athlete".to_owned()),
        "{top:?}"
    );
    let maxes = complete(&mut server, "max ", 4);
    assert!(maxes.contains(&"trap-bar-deadlift".to_owned()), "{maxes:?}");
    let selectors = complete(&mut server, "between ", 8);
    assert!(selectors.contains(&"hard-run".to_owned()), "{selectors:?}");
    let rules = complete(&mut server, "allow ", 6);
    assert!(rules.contains(&"rest.heavy-sets".to_owned()), "{rules:?}");
    let params = complete(&mut server, "set ", 4);
    assert!(
        params.iter().any(|p| p == "rest.heavy-sets.min-rest"),
        "{params:?}"
    );
    let progressions = complete(&mut server, "progress ", 9);
    assert_eq!(
        progressions,
        ["double", "wave", "reps", "sets", "time", "distance", "none"]
    );
    let levels = complete(&mut server, "level ", 6);
    assert_eq!(levels, ["beginner", "intermediate", "advanced"]);
    server.stop();
}

#[test]
fn suppression_comments_complete_rule_names_and_fixes_apply() {
    let mut server = Server::start();
    let text = "plan \"P\"\nstart 2027-01-04\n# stride: allow(sched\n";
    server.open(text);
    let rules = labels(&server.request("textDocument/completion", at(text, "sched", 5)));
    assert!(
        rules.contains(&"schedule.same-session".to_owned()),
        "{rules:?}"
    );

    // `kgs` is not a unit; the fix is the did-you-mean.
    let text = "plan \"P\"\nstart 2027-01-04\nathlete {\n  bodyweight 70kgs\n}\n";
    server.change(2, text);
    let actions = server.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI},
               "range": {"start": {"line": 3, "character": 15}, "end": {"line": 3, "character": 15}},
               "context": {"diagnostics": []}}),
    );
    let titles: Vec<&str> = actions
        .as_array()
        .expect("actions")
        .iter()
        .filter_map(|a| a["title"].as_str())
        .collect();
    assert_eq!(titles, ["Replace with `kg`"]);
    assert_eq!(actions[0]["edit"]["changes"][URI][0]["newText"], "kg");
    server.stop();
}

#[test]
fn ranged_edits_formatting_and_broken_text() {
    let mut server = Server::start();
    let text = "plan \"P\"\nstart 2027-01-04\n";
    server.open(text);
    // An incremental change, although the server asked for full text.
    server.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [
            {"range": {"start": {"line": 1, "character": 6}, "end": {"line": 1, "character": 16}}, "text": "2027-02-01   # é"}
        ]}),
    );
    let edits = server.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": URI}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    assert_eq!(edits[0]["newText"], "plan \"P\"\nstart 2027-02-01  # é\n");
    assert_eq!(edits[0]["range"]["end"], json!({"line": 2, "character": 0}));

    server.change(3, "plan \"P\"\nstart 2027-02-01\n");
    let edits = server.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": URI}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    assert_eq!(edits, json!([]), "already formatted");

    server.change(4, "plan \"P\"\nstart 2027-02-01\nblock {\n");
    let edits = server.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": URI}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    assert!(edits.is_null(), "broken text is not formatted: {edits}");
    // Requests about a document that is not open answer nothing.
    let hover = server.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///other.stride"}, "position": {"line": 0, "character": 0}}),
    );
    assert!(hover.is_null());
    server.stop();
}

/// Every request at many positions of many half-typed versions of every
/// example: answers, never errors, never a dead server.
#[test]
fn half_typed_plans_never_break_the_server() {
    let mut server = Server::start();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut paths: Vec<_> = std::fs::read_dir(root)
        .expect("examples")
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    server.open("");
    let mut version = 1;
    for path in paths {
        let full = std::fs::read_to_string(&path).expect("example");
        for cut in (0..full.len()).step_by(97) {
            let mut cut = cut;
            while !full.is_char_boundary(cut) {
                cut -= 1;
            }
            let text = &full[..cut];
            version += 1;
            server.change(version, text);
            let lines = text.lines().count().max(1);
            for line in [0, lines / 3, lines / 2, lines.saturating_sub(1), lines + 3] {
                for character in [0, 3, 9, 200] {
                    let position = json!({"textDocument": {"uri": URI}, "position": {"line": line, "character": character}});
                    let range = json!({"start": {"line": 0, "character": 0}, "end": {"line": line, "character": character}});
                    for (method, params) in [
                        ("textDocument/hover", position.clone()),
                        ("textDocument/completion", position.clone()),
                        ("textDocument/definition", position.clone()),
                        (
                            "textDocument/codeAction",
                            json!({"textDocument": {"uri": URI}, "range": range, "context": {"diagnostics": []}}),
                        ),
                    ] {
                        if let Err(e) = server.call(method, params) {
                            panic!(
                                "{method} at {line}:{character} of {} cut at {cut}: {e}",
                                path.display()
                            );
                        }
                    }
                }
            }
            for (method, params) in [
                (
                    "textDocument/documentSymbol",
                    json!({"textDocument": {"uri": URI}}),
                ),
                (
                    "textDocument/formatting",
                    json!({"textDocument": {"uri": URI}, "options": {"tabSize": 2, "insertSpaces": true}}),
                ),
            ] {
                if let Err(e) = server.call(method, params) {
                    panic!("{method} of {} cut at {cut}: {e}", path.display());
                }
            }
        }
    }
    server.stop();
}

/// Applies LSP text edits to `text` (last first, so offsets hold).
fn apply(text: &str, edits: &Value) -> String {
    let offset = |p: &Value| {
        let line = p["line"].as_u64().unwrap_or(0) as usize;
        let character = p["character"].as_u64().unwrap_or(0) as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let rest = &text[start..];
        let mut units = 0;
        for (i, c) in rest.char_indices() {
            if units >= character || c == '\n' {
                return start + i;
            }
            units += c.len_utf16();
        }
        text.len()
    };
    let mut edits: Vec<&Value> = edits.as_array().expect("edits").iter().collect();
    edits.sort_by_key(|e| std::cmp::Reverse(offset(&e["range"]["start"])));
    let mut out = text.to_owned();
    for e in edits {
        let (start, end) = (offset(&e["range"]["start"]), offset(&e["range"]["end"]));
        out.replace_range(start..end, e["newText"].as_str().unwrap_or_default());
    }
    out
}

fn diagnostics_for(server: &mut Server, version: i32) -> Vec<String> {
    loop {
        let n = server.notification("textDocument/publishDiagnostics");
        if n.params["version"] == version {
            return n.params["diagnostics"]
                .as_array()
                .expect("list")
                .iter()
                .map(|d| d["code"].as_str().unwrap_or_default().to_owned())
                .collect();
        }
    }
}

#[test]
fn allowing_a_finding_silences_it_and_a_stale_allow_can_go() {
    let mut server = Server::start();
    let text = "plan \"P\"\nstart 2027-01-04\nathlete {\n  level intermediate\n}\n\
                block \"B\" weeks 1-4 {\n  session \"A\" tue 18:00 45min {\n    back-squat 4x5 @100kg rest 60s\n  }\n}\n";
    server.open(text);
    assert!(diagnostics_for(&mut server, 1).contains(&"rest.heavy-sets".to_owned()));
    let actions = server.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI},
               "range": {"start": {"line": 7, "character": 30}, "end": {"line": 7, "character": 30}},
               "context": {"diagnostics": []}}),
    );
    let allow = actions
        .as_array()
        .expect("actions")
        .iter()
        .find(|a| a["title"] == "Allow `rest.heavy-sets` on this statement")
        .expect("allow action");
    let allowed = apply(text, &allow["edit"]["changes"][URI]);
    assert!(
        allowed.contains("    # stride: allow(rest.heavy-sets)\n    back-squat"),
        "{allowed}"
    );
    server.change(2, &allowed);
    let codes = diagnostics_for(&mut server, 2);
    assert!(!codes.contains(&"rest.heavy-sets".to_owned()), "{codes:?}");
    assert!(
        !codes.contains(&"unused-suppression".to_owned()),
        "{codes:?}"
    );

    // With a full rest the comment suppresses nothing: remove it.
    let stale = allowed.replace("rest 60s", "rest 3min");
    server.change(3, &stale);
    assert!(diagnostics_for(&mut server, 3).contains(&"unused-suppression".to_owned()));
    let line = stale
        .lines()
        .position(|l| l.contains("# stride:"))
        .expect("comment");
    let character = stale
        .lines()
        .nth(line)
        .and_then(|l| l.find("rest."))
        .expect("rule")
        + 2;
    let actions = server.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI},
               "range": {"start": {"line": line, "character": character}, "end": {"line": line, "character": character}},
               "context": {"diagnostics": []}}),
    );
    let remove = actions
        .as_array()
        .expect("actions")
        .iter()
        .find(|a| a["title"] == "Remove this suppression")
        .expect("remove action");
    let removed = apply(&stale, &remove["edit"]["changes"][URI]);
    assert_eq!(removed, text.replace("rest 60s", "rest 3min"));
    server.stop();
}

#[test]
fn a_repeated_statement_is_published_and_not_formatted_away() {
    let mut server = Server::start();
    let text = "plan \"P\"\nstart 2027-01-04\nblock \"B\" weeks 1-2 {\n  session \"A\" mon {\n    warmup 5min\n    warmup 10min\n  }\n}\n";
    server.open(text);
    assert!(diagnostics_for(&mut server, 1).contains(&"duplicate-statement".to_owned()));
    let edits = server.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": URI}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    assert!(edits.is_null(), "{edits}");
    server.stop();
}
