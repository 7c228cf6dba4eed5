//! `stride serve PLAN...`: each plan as a calendar to subscribe to, and
//! as Markdown and JSON, rebuilt when its file changes.
//!
//! One thread answers requests one at a time (a personal feed has a
//! handful of subscribers, each polling every few hours) and, between
//! requests, looks at the files every half second; a request also looks
//! at its plan's file first, so an edit is served at once. Ctrl-C (or
//! SIGTERM) ends the loop after the request in hand: the server stops
//! cleanly with exit code 0.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use clap::Args;
use tiny_http::{Header, Method, Response, Server, StatusCode};

use super::serve_feed::{Feed, Settings};
use super::serve_http::{self, Kind, Route};
use super::{SUCCESS, USAGE, build};

#[derive(Debug, Args)]
#[command(
    after_help = "Every PLAN is served as /NAME.ics, /NAME.busy.ics (times only, \
for sharing), /NAME.md and /NAME.json, NAME being the file's name without its extension. \
Responses carry ETag and Last-Modified (conditional requests get 304) and the checker's \
verdict in X-Stride-Verdict, X-Stride-Errors and X-Stride-Warnings. While a plan has \
errors the last good build is served. Subscribing from calendar apps: docs/calendar.md."
)]
pub struct ServeArgs {
    /// The plans to serve.
    #[arg(value_name = "PLAN", required = true)]
    pub plans: Vec<PathBuf>,

    /// The address to listen on; port 0 picks a free one. Anything but
    /// loopback makes the plans visible to the network.
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:8080")]
    pub addr: String,

    /// Calendars: write times in UTC instead of the plan's time zone.
    #[arg(long)]
    pub utc: bool,

    /// Calendars: add the running sessions and the races.
    #[arg(long)]
    pub with_runs: bool,
}

/// How long the loop waits for a request before looking at the files.
const POLL: Duration = Duration::from_millis(500);

pub fn run(args: ServeArgs) -> u8 {
    match serve(&args) {
        Ok(code) => code,
        Err(message) => {
            errln!("error: {message}");
            USAGE
        }
    }
}

fn serve(args: &ServeArgs) -> Result<u8, String> {
    let settings = Settings {
        utc: args.utc,
        with_runs: args.with_runs,
        epoch: build::source_date_epoch()?,
    };
    let mut names = BTreeSet::new();
    let mut feeds = Vec::new();
    for path in &args.plans {
        let shown = path.display().to_string();
        if path.is_dir() {
            return Err(format!("{shown}: is a directory, not a plan file"));
        }
        let name = build::plan_id(None, &shown).to_string();
        if name.is_empty() || name == "-" {
            return Err(format!("{shown}: cannot serve a plan without a file name"));
        }
        if !names.insert(name.clone()) {
            return Err(format!(
                "two plans would be served as /{name}.ics; rename one of the files"
            ));
        }
        feeds.push(Feed::new(name, path.clone(), settings));
    }
    for feed in &mut feeds {
        feed.refresh();
    }

    let server =
        Server::http(&args.addr).map_err(|e| format!("cannot listen on {}: {e}", args.addr))?;
    let base = match server.server_addr().to_ip() {
        Some(addr) => format!("http://{addr}/"),
        None => format!("http://{}/", args.addr),
    };
    outln!(
        "Serving {} plan{} on {base} (Ctrl-C stops)",
        feeds.len(),
        if feeds.len() == 1 { "" } else { "s" }
    );
    for feed in &feeds {
        for kind in [Kind::Calendar, Kind::Busy, Kind::Markdown, Kind::Json] {
            outln!("  {base}{}{}", feed.name, kind.suffix());
        }
    }

    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register(signal, Arc::clone(&stop))
            .map_err(|e| format!("cannot handle Ctrl-C: {e}"))?;
    }
    while !stop.load(Ordering::Relaxed) {
        match server.recv_timeout(POLL) {
            Ok(Some(request)) => respond(&mut feeds, request),
            Ok(None) => feeds.iter_mut().for_each(Feed::refresh),
            // A signal interrupts the wait; the loop looks at `stop`.
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(format!("the server failed: {e}")),
        }
    }
    errln!("stride serve: stopped");
    Ok(SUCCESS)
}

/// A response before it is written.
struct Reply {
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: String,
    /// For 304: the length of the representation not sent, which is
    /// what its Content-Length says (RFC 9110 §8.6).
    unsent: Option<usize>,
}

impl Reply {
    fn text(status: u16, body: String) -> Reply {
        Reply {
            status,
            headers: vec![("Content-Type", "text/plain; charset=utf-8".to_string())],
            body,
            unsent: None,
        }
    }
}

fn respond(feeds: &mut [Feed], request: tiny_http::Request) {
    let header = |name: &'static str| {
        request
            .headers()
            .iter()
            .find(|h| h.field.equiv(name))
            .map(|h| h.value.as_str().to_string())
    };
    let reply = match request.method() {
        Method::Get | Method::Head => answer(
            feeds,
            request.url(),
            header("If-None-Match").as_deref(),
            header("If-Modified-Since").as_deref(),
        ),
        _ => {
            let mut reply = Reply::text(405, "only GET and HEAD\n".to_string());
            reply.headers.push(("Allow", "GET, HEAD".to_string()));
            reply
        }
    };
    let headers = reply
        .headers
        .iter()
        .filter_map(|(name, value)| Header::from_bytes(name.as_bytes(), value.as_bytes()).ok())
        .collect();
    let length = reply.unsent.unwrap_or(reply.body.len());
    let response = Response::new(
        StatusCode(reply.status),
        headers,
        std::io::Cursor::new(reply.body.into_bytes()),
        Some(length),
        None,
    );
    // A client that went away is no concern of the server's.
    let _ = request.respond(response);
}

/// The reply to a GET of `target`.
fn answer(
    feeds: &mut [Feed],
    target: &str,
    if_none_match: Option<&str>,
    if_modified_since: Option<&str>,
) -> Reply {
    let (name, kind) = match serve_http::route(target) {
        Route::Index => return index(feeds),
        Route::Feed { name, kind } => (name, kind),
        Route::NotFound => return Reply::text(404, not_found(feeds)),
    };
    let Some(feed) = feeds.iter_mut().find(|f| f.name == name) else {
        return Reply::text(404, not_found(feeds));
    };
    feed.refresh();
    let verdict = feed.verdict();
    let mut headers = vec![
        ("X-Stride-Verdict", verdict.word().to_string()),
        ("X-Stride-Errors", verdict.errors.to_string()),
        ("X-Stride-Warnings", verdict.warnings.to_string()),
        ("Cache-Control", "no-cache".to_string()),
    ];
    if feed.stale() {
        headers.push((
            "X-Stride-Stale",
            "the plan has errors; this is its last good build".to_string(),
        ));
    }
    let Some(served) = feed.get(kind) else {
        let mut reply = Reply::text(
            503,
            format!(
                "{} has {} error{} and has not been built yet; the server's log shows them\n",
                feed.path().display(),
                verdict.errors,
                if verdict.errors == 1 { "" } else { "s" }
            ),
        );
        reply.headers.extend(headers);
        return reply;
    };
    headers.push(("ETag", served.etag.clone()));
    headers.push(("Last-Modified", serve_http::http_date(served.last_modified)));
    if serve_http::not_modified(
        if_none_match,
        if_modified_since,
        &served.etag,
        served.last_modified,
    ) {
        return Reply {
            status: 304,
            headers,
            body: String::new(),
            unsent: Some(served.body.len()),
        };
    }
    headers.push(("Content-Type", kind.content_type().to_string()));
    Reply {
        status: 200,
        headers,
        body: served.body.clone(),
        unsent: None,
    }
}

/// `/`: what is served, and the verdict on each plan.
fn index(feeds: &mut [Feed]) -> Reply {
    let mut body = String::from("stride serve\n\n");
    for feed in feeds.iter_mut() {
        feed.refresh();
        let verdict = feed.verdict();
        body.push_str(&format!(
            "{} ({}: {} error{}, {} warning{})\n",
            feed.path().display(),
            verdict.word(),
            verdict.errors,
            if verdict.errors == 1 { "" } else { "s" },
            verdict.warnings,
            if verdict.warnings == 1 { "" } else { "s" },
        ));
        for kind in [Kind::Calendar, Kind::Busy, Kind::Markdown, Kind::Json] {
            body.push_str(&format!("  /{}{}\n", feed.name, kind.suffix()));
        }
    }
    Reply::text(200, body)
}

fn not_found(feeds: &[Feed]) -> String {
    let names: Vec<String> = feeds.iter().map(|f| format!("/{}.ics", f.name)).collect();
    format!("not found; this server has {}\n", names.join(", "))
}
