//! `stride serve`: started on an ephemeral loopback port and fetched with
//! a real HTTP client (ureq): validators and 304, a rebuild after an edit
//! with SEQUENCE raised, the last good build kept while the plan has
//! errors, the busy-only calendar, and a clean stop on Ctrl-C.

mod harness;

use std::io::{BufRead as _, BufReader, Read as _};
use std::process::Child;
use std::time::{Duration, Instant};

use harness::Test;

/// A two-session plan over three weeks (shared with the other calendar tests).
const PLAN: &str = include_str!("fixtures/club-plan.stride");

/// A running `stride serve`, ended when dropped.
struct Server {
    child: Child,
    base: String,
}

impl Server {
    /// Starts `stride serve plan.stride --addr 127.0.0.1:0` in `test`'s
    /// directory and reads the URL it
    /// listens on from its first line.
    fn start(test: &Test) -> Server {
        let mut child = test
            .again()
            .args(["serve", "plan.stride", "--addr", "127.0.0.1:0"])
            .spawn();
        let stdout = child.stdout.take().expect("stdout is a pipe");
        let mut first = String::new();
        BufReader::new(stdout)
            .read_line(&mut first)
            .expect("stride serve prints where it listens");
        let base = first
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no URL in {first:?}"))
            .to_string();
        assert!(base.starts_with("http://127.0.0.1:"), "{base}");
        Server { child, base }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Sends SIGINT, as Ctrl-C does, and waits for the exit; the exit
    /// code and standard error.
    fn interrupt(mut self) -> (Option<i32>, String) {
        let status = std::process::Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success());
        let deadline = Instant::now() + Duration::from_secs(10);
        let code = loop {
            if let Some(status) = self.child.try_wait().expect("the server's status") {
                break status.code();
            }
            assert!(Instant::now() < deadline, "stride serve did not stop");
            std::thread::sleep(Duration::from_millis(50));
        };
        let mut stderr = String::new();
        if let Some(mut pipe) = self.child.stderr.take() {
            pipe.read_to_string(&mut stderr).expect("stderr");
        }
        (code, stderr)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A fetched response.
struct Got {
    status: u16,
    headers: ureq::http::HeaderMap,
    body: String,
}

impl Got {
    fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .unwrap_or_else(|| panic!("no {name} header"))
            .to_str()
            .expect("an ASCII header")
    }
}

/// GET `url` with `headers`; 4xx and 5xx are answers too.
fn get(url: &str, headers: &[(&str, &str)]) -> Got {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(20)))
        .build()
        .into();
    let mut request = agent.get(url);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let mut response = request.call().expect("the server answers");
    Got {
        status: response.status().as_u16(),
        headers: response.headers().clone(),
        body: response.body_mut().read_to_string().expect("a UTF-8 body"),
    }
}

/// The value of property `name` of every event, in order.
fn values(calendar: &str, name: &str) -> Vec<String> {
    let prefix = format!("{name}:");
    calendar
        .replace("\r\n ", "")
        .split("\r\n")
        .filter_map(|l| l.strip_prefix(&prefix).map(str::to_string))
        .collect()
}

#[test]
fn serves_validators_304_and_a_rebuild_with_sequence_raised() {
    let test = Test::new().file("plan.stride", PLAN);
    let server = Server::start(&test);

    let first = get(&server.url("plan.ics"), &[]);
    assert_eq!(first.status, 200);
    assert_eq!(first.header("content-type"), "text/calendar; charset=utf-8");
    // The plan draws warnings (one lower-body session a week...).
    assert_eq!(first.header("x-stride-verdict"), "warnings");
    assert_eq!(first.header("x-stride-errors"), "0");
    let etag = first.header("etag").to_string();
    assert!(etag.starts_with('"') && etag.ends_with('"'), "{etag}");
    let modified = first.header("last-modified").to_string();
    assert!(modified.ends_with(" GMT"), "{modified}");
    assert!(values(&first.body, "SEQUENCE").iter().all(|s| s == "0"));

    let again = get(&server.url("plan.ics"), &[("If-None-Match", &etag)]);
    assert_eq!(again.status, 304);
    assert_eq!(again.body, "");
    assert_eq!(again.header("etag"), etag);
    let since = get(&server.url("plan.ics"), &[("If-Modified-Since", &modified)]);
    assert_eq!(since.status, 304);

    // The Monday session moves from 14:00 to 15:00.
    test.write("plan.stride", PLAN.replace("mon 14:00", "mon 15:00"));
    let edited = get(&server.url("plan.ics"), &[("If-None-Match", &etag)]);
    assert_eq!(edited.status, 200);
    assert_ne!(edited.header("etag"), etag);
    assert_ne!(edited.body, first.body);
    assert_eq!(values(&edited.body, "UID"), values(&first.body, "UID"));
    let summaries = values(&edited.body, "SUMMARY");
    let sequences = values(&edited.body, "SEQUENCE");
    for (summary, sequence) in summaries.iter().zip(&sequences) {
        let expected = if summary.starts_with("Lower") {
            "1"
        } else {
            "0"
        };
        assert_eq!(sequence, expected, "{summary}");
    }
    let since = get(&server.url("plan.ics"), &[("If-Modified-Since", &modified)]);
    assert_eq!(since.status, 200, "a changed calendar is modified later");

    let (code, stderr) = server.interrupt();
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("plan.stride: rebuilt"), "{stderr}");
    assert!(stderr.contains("stopped"), "{stderr}");
}

#[test]
fn a_plan_with_errors_keeps_its_last_good_build() {
    let test = Test::new().file("plan.stride", PLAN);
    let server = Server::start(&test);
    let good = get(&server.url("plan.ics"), &[]);
    assert_eq!(good.status, 200);

    // Two unknown exercises.
    test.write(
        "plan.stride",
        PLAN.replace("back-squat", "bak-squat")
            .replace("push-up", "pushh-up"),
    );
    let stale = get(&server.url("plan.ics"), &[]);
    assert_eq!(stale.status, 200);
    assert_eq!(stale.body, good.body);
    assert_eq!(stale.header("etag"), good.header("etag"));
    assert_eq!(stale.header("x-stride-verdict"), "errors");
    assert_eq!(stale.header("x-stride-errors"), "2");
    assert!(stale.header("x-stride-stale").contains("last good build"));
    let revalidated = get(
        &server.url("plan.ics"),
        &[("If-None-Match", good.header("etag"))],
    );
    assert_eq!(revalidated.status, 304);
    assert_eq!(revalidated.header("x-stride-errors"), "2");

    test.write("plan.stride", PLAN);
    let fixed = get(&server.url("plan.ics"), &[]);
    assert_eq!(fixed.header("x-stride-errors"), "0");
    assert!(fixed.headers.get("x-stride-stale").is_none());
    assert_eq!(fixed.body, good.body, "the same plan, the same calendar");

    let (code, stderr) = server.interrupt();
    assert_eq!(code, Some(0));
    assert!(
        stderr.contains("plan.stride: 2 errors; still serving the last good build"),
        "{stderr}"
    );
    assert!(stderr.contains("unknown-exercise"), "{stderr}");
}

#[test]
fn a_plan_with_errors_from_the_start_is_503_until_fixed() {
    let test = Test::new().file("plan.stride", PLAN.replace("push-up", "pushh-up"));
    let server = Server::start(&test);
    let got = get(&server.url("plan.ics"), &[]);
    assert_eq!(got.status, 503);
    assert_eq!(got.header("x-stride-errors"), "1");
    assert!(got.body.contains("has 1 error"), "{}", got.body);
    test.write("plan.stride", PLAN);
    assert_eq!(get(&server.url("plan.ics"), &[]).status, 200);
}

#[test]
fn busy_calendar_has_times_only() {
    let test = Test::new().file("plan.stride", PLAN);
    let server = Server::start(&test);
    let full = get(&server.url("plan.ics"), &[]);
    let busy = get(&server.url("plan.busy.ics"), &[]);
    assert_eq!(busy.status, 200);
    assert_eq!(busy.header("content-type"), "text/calendar; charset=utf-8");
    assert_eq!(values(&busy.body, "DTSTART;TZID=Europe/London").len(), 6);
    assert_eq!(
        values(&busy.body, "DTSTART;TZID=Europe/London"),
        values(&full.body, "DTSTART;TZID=Europe/London")
    );
    assert!(values(&busy.body, "SUMMARY").iter().all(|s| s == "Busy"));
    for property in ["DESCRIPTION", "LOCATION", "CATEGORIES"] {
        assert!(values(&busy.body, property).is_empty(), "{property}");
    }
    for content in ["back-squat", "Lower", "Base"] {
        assert!(!busy.body.contains(content), "{content} in\n{}", busy.body);
    }
    let full_uids = values(&full.body, "UID");
    assert!(
        values(&busy.body, "UID")
            .iter()
            .all(|u| !full_uids.contains(u))
    );
}

#[test]
fn markdown_json_index_and_not_found() {
    let test = Test::new().file("plan.stride", PLAN);
    let server = Server::start(&test);
    let md = get(&server.url("plan.md"), &[]);
    assert_eq!(md.status, 200);
    assert_eq!(md.header("content-type"), "text/markdown; charset=utf-8");
    assert!(md.body.starts_with("# Club plan"), "{}", md.body);
    let json = get(&server.url("plan.json"), &[]);
    assert_eq!(json.header("content-type"), "application/json");
    let value: serde_json::Value = serde_json::from_str(&json.body).expect("JSON");
    assert_eq!(value["name"], "Club plan");
    let index = get(&server.url(""), &[]);
    assert_eq!(index.status, 200);
    assert!(index.body.contains("/plan.busy.ics"), "{}", index.body);
    let missing = get(&server.url("other.ics"), &[]);
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("/plan.ics"), "{}", missing.body);
}

#[test]
fn usage_problems_exit_2() {
    let test = Test::new()
        .file("a/plan.stride", PLAN)
        .file("b/plan.stride", PLAN);
    test.again()
        .args([
            "serve",
            "a/plan.stride",
            "b/plan.stride",
            "--addr",
            "127.0.0.1:0",
        ])
        .run()
        .status(2)
        .stderr_has("two plans would be served as /plan.ics");
    test.again()
        .args(["serve", "a/plan.stride", "--addr", "not an address"])
        .run()
        .status(2)
        .stderr_has("cannot listen on not an address");
    test.again()
        .args(["serve", "a"])
        .run()
        .status(2)
        .stderr_has("is a directory");
}
