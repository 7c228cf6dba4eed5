//! `stride lsp` driven as an editor drives it: a real process, JSON-RPC
//! over its standard input and output, the messages a client sends while a
//! plan is opened, edited, hovered, completed and formatted, then shutdown
//! and exit. Positions are UTF-16 code units, checked on a line where bytes,
//! characters and UTF-16 units all differ.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use serde_json::{Value, json};

const URI: &str = "file:///tmp/stride-lsp-test/plan.stride";
const DOCS: &str = "https://example.org/stride/rules";

/// Version 1: a misspelt exercise and an impossible race date on a line
/// full of non-ASCII text.
const FIRST: &str = r#"# Kraftplan für Läufer 🏃
plan "Frühjahr"
start 2027-01-04
race "Halbmarathon München 🏃" 2027-04-31 09:00

athlete {
  level intermediate
  units kg
}

exercise sled-push {
  muscles quadriceps, glutes
  pattern squat
  equipment sled
}

rules {
  warn rest.heavy-sets
}

block "Base" weeks 1-4 {
  session "Kraft für Läufer 🏃" tue 18:00 45min {
    bak-squat 4x5 @100kg rest 60s
    sled-push 3x20m @40kg
  }
}
"#;

struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    /// Notifications received while waiting for something else.
    queue: VecDeque<Value>,
    next_id: i64,
}

impl Client {
    fn start() -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_stride"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("stride lsp starts");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (send, incoming) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    match reader.read_line(&mut line) {
                        Ok(0) | Err(_) => return,
                        Ok(_) => {}
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = n.parse::<usize>().ok();
                    }
                }
                let Some(length) = length else { return };
                let mut body = vec![0; length];
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                let Ok(message) = serde_json::from_slice::<Value>(&body) else {
                    return;
                };
                if send.send(message).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            incoming,
            queue: VecDeque::new(),
            next_id: 1,
        }
    }

    fn write(&mut self, message: &Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("sent");
        self.stdin.flush().expect("flushed");
    }

    fn receive(&mut self) -> Value {
        self.incoming
            .recv_timeout(Duration::from_secs(30))
            .expect("the server answers within 30 s")
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.write(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let message = self.receive();
            if message.get("id") == Some(&json!(id)) && message.get("method").is_none() {
                assert!(message.get("error").is_none(), "{method}: {message}");
                return message["result"].clone();
            }
            self.queue.push_back(message);
        }
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.write(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// The next `publishDiagnostics` for the test document at `version`.
    fn diagnostics(&mut self, version: i64) -> Vec<Value> {
        loop {
            let message = match self.queue.pop_front() {
                Some(m) => m,
                None => self.receive(),
            };
            let params = &message["params"];
            if message["method"] == "textDocument/publishDiagnostics"
                && params["uri"] == URI
                && params["version"] == version
            {
                return params["diagnostics"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
            }
        }
    }
}

fn at(line: u32, character: u32) -> Value {
    json!({"textDocument": {"uri": URI}, "position": {"line": line, "character": character}})
}

/// The LSP position of the first `needle` after `after` in `text`.
fn position_of(text: &str, after: &str, needle: &str) -> (u32, u32) {
    let from = text.find(after).expect("anchor");
    let offset = from + text[from..].find(needle).expect("needle");
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = text[..offset].matches('\n').count();
    let column = text[line_start..offset].encode_utf16().count();
    (line as u32, column as u32)
}

fn codes(diagnostics: &[Value]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap_or_default().to_owned())
        .collect()
}

fn labels(items: &Value) -> Vec<String> {
    items
        .as_array()
        .expect("a list")
        .iter()
        .map(|i| i["label"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn a_session_with_an_editor() {
    let mut client = Client::start();
    let init = client.request(
        "initialize",
        json!({
            "processId": null,
            "rootUri": null,
            "capabilities": {"general": {"positionEncodings": ["utf-16"]}},
            "initializationOptions": {"ruleDocsUrl": DOCS},
        }),
    );
    let caps = &init["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(caps["textDocumentSync"]["change"], 1, "full sync");
    for provider in [
        "hoverProvider",
        "completionProvider",
        "documentFormattingProvider",
        "documentSymbolProvider",
        "definitionProvider",
        "codeActionProvider",
    ] {
        assert!(!caps[provider].is_null(), "{provider}");
    }
    assert_eq!(init["serverInfo"]["name"], "stride");
    client.notify("initialized", json!({}));

    // Open: syntax-free, but two semantic errors.
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": URI, "languageId": "stride", "version": 1, "text": FIRST}}),
    );
    let diagnostics = client.diagnostics(1);
    assert!(
        codes(&diagnostics).contains(&"unknown-exercise".to_owned()),
        "{diagnostics:#?}"
    );
    let unknown = diagnostics
        .iter()
        .find(|d| d["code"] == "unknown-exercise")
        .expect("unknown exercise");
    let (line, column) = position_of(FIRST, "bak-squat", "bak-squat");
    assert_eq!(
        unknown["range"]["start"],
        json!({"line": line, "character": column})
    );
    assert_eq!(
        unknown["range"]["end"],
        json!({"line": line, "character": column + 9})
    );
    assert_eq!(unknown["severity"], 1);
    assert_eq!(unknown["source"], "stride");
    let anchor = stride::report::rules_doc::anchor("unknown-exercise");
    assert_eq!(
        unknown["codeDescription"]["href"],
        format!("{DOCS}#{anchor}")
    );
    assert!(
        unknown["message"]
            .as_str()
            .expect("message")
            .contains("did you mean `back-squat`?")
    );

    // On the race line, the date starts at UTF-16 column 31: 34 bytes and
    // 30 characters into the line.
    let date = diagnostics
        .iter()
        .find(|d| d["range"]["start"]["line"] == 3)
        .expect("a diagnostic on the race line");
    let race_line = FIRST.lines().nth(3).expect("race line");
    let byte = race_line.find("2027-04-31").expect("date");
    assert_eq!((byte, race_line[..byte].chars().count()), (34, 30));
    assert_eq!(date["range"]["start"], json!({"line": 3, "character": 31}));
    assert_eq!(date["range"]["end"], json!({"line": 3, "character": 41}));

    // The quick fix for the typo.
    let (line, column) = position_of(FIRST, "bak-squat", "bak-squat");
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": URI},
            "range": {"start": {"line": line, "character": column + 2}, "end": {"line": line, "character": column + 2}},
            "context": {"diagnostics": []},
        }),
    );
    let fix = actions
        .as_array()
        .expect("actions")
        .iter()
        .find(|a| a["title"] == "Replace with `back-squat`")
        .expect("the did-you-mean fix");
    assert_eq!(fix["kind"], "quickfix");
    let edit = &fix["edit"]["changes"][URI][0];
    assert_eq!(edit["newText"], "back-squat");
    assert_eq!(
        edit["range"]["start"],
        json!({"line": line, "character": column})
    );

    // Edit: the typo and the date fixed. Now the checker speaks.
    let second = FIRST
        .replace("bak-squat", "back-squat")
        .replace("04-31", "04-11");
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"text": second}]}),
    );
    let diagnostics = client.diagnostics(2);
    let found = codes(&diagnostics);
    assert!(!found.contains(&"unknown-exercise".to_owned()), "{found:?}");
    let finding = diagnostics
        .iter()
        .find(|d| d["code"] == "rest.heavy-sets")
        .unwrap_or_else(|| panic!("a rest finding in {found:?}"));
    let anchor = stride::report::rules_doc::anchor("rest.heavy-sets");
    assert_eq!(anchor, "restheavy-sets");
    assert_eq!(
        finding["codeDescription"]["href"],
        format!("{DOCS}#{anchor}")
    );
    assert_eq!(finding["severity"], 2);

    // Hover: an exercise, a finding, a rule name, a session header on the
    // non-ASCII line.
    let (line, column) = position_of(&second, "block", "back-squat");
    let hover = client.request("textDocument/hover", at(line, column + 3));
    let text = hover["contents"]["value"].as_str().expect("markdown");
    assert!(
        text.contains("Back squat") || text.contains("back-squat"),
        "{text}"
    );
    assert!(text.contains("muscles: quadriceps"), "{text}");
    assert!(text.contains("pattern: squat"), "{text}");
    assert!(text.contains("equipment: barbell"), "{text}");

    let (line, column) = position_of(&second, "block", "rest 60s");
    let hover = client.request("textDocument/hover", at(line, column + 6));
    let text = hover["contents"]["value"].as_str().expect("markdown");
    assert!(text.contains("**rest.heavy-sets**"), "{text}");
    assert!(text.contains("Evidence"), "{text}");

    let (line, column) = position_of(&second, "rules", "rest.heavy-sets");
    let hover = client.request("textDocument/hover", at(line, column + 1));
    let text = hover["contents"]["value"].as_str().expect("markdown");
    assert!(text.starts_with("**rest.heavy-sets**"), "{text}");
    assert_eq!(
        hover["range"]["start"],
        json!({"line": line, "character": column})
    );

    let (line, column) = position_of(&second, "session", "18:00");
    let hover = client.request("textDocument/hover", at(line, column));
    let text = hover["contents"]["value"].as_str().expect("markdown");
    assert!(text.contains("4 dates"), "{text}");
    assert!(text.contains("week 1 · Tue 2027-01-05 18:00"), "{text}");
    assert!(text.contains("week 4 · Tue 2027-01-26 18:00"), "{text}");
    let header_end = second
        .lines()
        .nth(line as usize)
        .expect("line")
        .trim_end_matches(" {");
    let end = header_end.encode_utf16().count() as u32;
    assert_eq!(
        hover["range"]["end"],
        json!({"line": line, "character": end})
    );

    // Completion: exercise ids at the start of a session line, weekdays in
    // a session header, rule names after `allow` and inside a suppression.
    let typing = second.replace("    sled-push 3x20m", "    back-s\n    sled-push 3x20m");
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 3}, "contentChanges": [{"text": typing}]}),
    );
    let (line, column) = position_of(&typing, "back-s\n", "\n");
    let items = client.request("textDocument/completion", at(line, column));
    let found = labels(&items);
    assert!(found.contains(&"back-squat".to_owned()), "{found:?}");
    assert!(found.contains(&"warmup".to_owned()), "{found:?}");
    assert!(
        found.contains(&"sled-push".to_owned()),
        "the plan's own exercise: {found:?}"
    );
    let back_squat = items
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["label"] == "back-squat")
        .expect("back-squat");
    assert_eq!(
        back_squat["textEdit"]["range"]["start"]["character"],
        column - 6
    );

    let (line, column) = position_of(&typing, "session \"Kraft", " tue");
    let found = labels(&client.request("textDocument/completion", at(line, column + 1)));
    assert_eq!(found, ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]);

    let (line, column) = position_of(&typing, "rules", "rest.heavy-sets");
    let found = labels(&client.request("textDocument/completion", at(line, column)));
    assert!(
        found.contains(&"schedule.same-session".to_owned()),
        "{found:?}"
    );

    // Back to the valid text, then format it.
    let messy = second.replace("    back-squat 4x5", "back-squat    4x5");
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 4}, "contentChanges": [{"text": messy}]}),
    );
    let edits = client.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": URI}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    let edits = edits.as_array().expect("edits");
    assert_eq!(edits.len(), 1);
    let expected = stride::fmt::format(&messy).expect("formattable");
    assert_eq!(edits[0]["newText"], expected);
    assert_eq!(
        edits[0]["range"]["start"],
        json!({"line": 0, "character": 0})
    );
    assert_eq!(
        edits[0]["range"]["end"],
        json!({"line": messy.lines().count(), "character": 0})
    );

    // The outline and go to definition.
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": URI}}),
    );
    assert_eq!(symbols[0]["name"], "Base");
    assert_eq!(symbols[0]["detail"], "weeks 1-4");
    assert_eq!(symbols[0]["children"][0]["name"], "Kraft für Läufer 🏃");
    assert_eq!(symbols[0]["children"][0]["detail"], "tue 18:00 45min");

    let (line, column) = position_of(&messy, "block", "sled-push");
    let location = client.request("textDocument/definition", at(line, column + 2));
    assert_eq!(location["uri"], URI);
    let (def_line, def_column) = position_of(&messy, "exercise", "sled-push");
    assert_eq!(
        location["range"]["start"],
        json!({"line": def_line, "character": def_column})
    );

    // Allowing the finding with a comment.
    let (line, column) = position_of(&messy, "block", "rest 60s");
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": URI},
            "range": {"start": {"line": line, "character": column}, "end": {"line": line, "character": column + 4}},
            "context": {"diagnostics": []},
        }),
    );
    let allow = actions
        .as_array()
        .expect("actions")
        .iter()
        .find(|a| a["title"] == "Allow `rest.heavy-sets` on this statement")
        .expect("the allow fix");
    let edit = &allow["edit"]["changes"][URI][0];
    assert_eq!(edit["newText"], "# stride: allow(rest.heavy-sets)\n");
    assert_eq!(
        edit["range"]["start"],
        json!({"line": line, "character": 0})
    );

    // A request the server does not know gets an error, not a crash.
    let id = 999;
    client.write(&json!({"jsonrpc": "2.0", "id": id, "method": "stride/unknown", "params": {}}));
    loop {
        let message = client.receive();
        if message["id"] == id {
            assert_eq!(message["error"]["code"], -32601);
            break;
        }
    }

    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": URI}}),
    );
    let shutdown = client.request("shutdown", Value::Null);
    assert!(shutdown.is_null());
    client.notify("exit", Value::Null);
    let status = client.child.wait().expect("exits");
    assert_eq!(status.code(), Some(0));
}

#[test]
fn exit_without_shutdown_is_an_error_and_end_of_input_stops_the_server() {
    let mut client = Client::start();
    client.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}}),
    );
    client.notify("initialized", json!({}));
    client.notify("exit", Value::Null);
    assert_eq!(client.child.wait().expect("exits").code(), Some(1));

    let mut client = Client::start();
    client.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}}),
    );
    client.notify("initialized", json!({}));
    let Client {
        mut child, stdin, ..
    } = client;
    drop(stdin);
    assert_eq!(child.wait().expect("exits").code(), Some(1));
}

/// A version 2 plan: a superset, a circuit and an `or` line.
const GROUPS: &str = r#"plan "Groups"
start 2027-01-04

block "Base" weeks 1-4 {
  session "Full body" mon {
    back-squat       4x5 @80kg
    or goblet-squat  4x8 @24kg
    superset rest 90s {
      bench-press  3x8 @60kg
      pull-up      3x6
    }
    circuit 2 rounds work 40s rest 60s between 20s {
      push-up  10-12
      plank    30s
      burpee
    }
  }
}
"#;

#[test]
fn groups_and_alternatives_in_the_outline_and_on_hover() {
    let mut client = Client::start();
    client.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}}),
    );
    client.notify("initialized", json!({}));
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": URI, "languageId": "stride", "version": 1, "text": GROUPS}}),
    );
    let diagnostics = client.diagnostics(1);
    assert!(
        !diagnostics.iter().any(|d| d["severity"] == 1),
        "{diagnostics:#?}"
    );

    // The outline: block, session, then each group with its lines.
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": URI}}),
    );
    let groups = &symbols[0]["children"][0]["children"];
    assert_eq!(groups[0]["name"], "superset A");
    assert_eq!(groups[0]["detail"], "2 lines · rest 90s");
    assert_eq!(groups[0]["children"][0]["name"], "bench-press");
    assert_eq!(groups[0]["children"][0]["detail"], "3x8");
    assert_eq!(groups[0]["children"][1]["name"], "pull-up");
    assert_eq!(groups[1]["name"], "circuit B");
    assert_eq!(
        groups[1]["detail"],
        "2 rounds · 3 entries · work 40s · between 20s · rest 60s"
    );
    assert_eq!(groups[1]["children"][0]["detail"], "10-12");
    assert_eq!(groups[1]["children"][2]["name"], "burpee");
    assert_eq!(groups[1]["children"][2]["detail"], "");
    let (line, column) = position_of(GROUPS, "Full body", "superset");
    assert_eq!(
        groups[0]["selectionRange"]["start"],
        json!({"line": line, "character": column})
    );

    // Hover on a group's header: what it is, its lines lettered.
    let (line, column) = position_of(GROUPS, "Full body", "superset");
    let hover = client.request("textDocument/hover", at(line, column + 2));
    let text = hover["contents"]["value"].as_str().expect("markdown");
    assert!(
        text.starts_with("**superset A** · 2 lines · rest 90s"),
        "{text}"
    );
    assert!(text.contains("one set of each a round"), "{text}");
    assert!(text.contains("- A1 `bench-press` 3x8"), "{text}");
    assert!(text.contains("- A2 `pull-up` 3x6"), "{text}");
    let (line, column) = position_of(GROUPS, "Full body", "circuit");
    let hover = client.request("textDocument/hover", at(line, column + 20));
    let text = hover["contents"]["value"].as_str().expect("markdown");
    assert!(text.starts_with("**circuit B** · 2 rounds"), "{text}");
    assert!(
        text.contains("- B3 `burpee`\n") || text.ends_with("- B3 `burpee`"),
        "{text}"
    );

    // Hover on an alternative: the line it stands in for, and the exercise.
    let (line, column) = position_of(GROUPS, "or ", "goblet-squat");
    let hover = client.request("textDocument/hover", at(line, column + 2));
    let text = hover["contents"]["value"].as_str().expect("markdown");
    assert!(
        text.starts_with("**or goblet-squat**: an alternative to `back-squat`"),
        "{text}"
    );
    assert!(text.contains("pattern: squat"), "{text}");
    assert_eq!(
        hover["range"]["start"],
        json!({"line": line, "character": column})
    );

    let shutdown = client.request("shutdown", Value::Null);
    assert!(shutdown.is_null());
    client.notify("exit", Value::Null);
    assert_eq!(client.child.wait().expect("exits").code(), Some(0));
}
