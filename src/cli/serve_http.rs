//! The HTTP side of `stride serve` that needs no socket: which feed a
//! path names, HTTP dates, and whether a conditional request is answered
//! with 304 Not Modified (RFC 9110 §13).

use jiff::Timestamp;
use jiff::civil::DateTime;
use jiff::tz::TimeZone;

/// One representation of a plan: `/NAME.ics`, `/NAME.busy.ics`,
/// `/NAME.md` or `/NAME.json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Calendar,
    Busy,
    Markdown,
    Json,
}

impl Kind {
    /// Longest suffix first, so that `.busy.ics` is not read as `.ics`.
    pub(super) const ALL: [Kind; 4] = [Kind::Busy, Kind::Calendar, Kind::Markdown, Kind::Json];

    pub(super) fn suffix(self) -> &'static str {
        match self {
            Kind::Calendar => ".ics",
            Kind::Busy => ".busy.ics",
            Kind::Markdown => ".md",
            Kind::Json => ".json",
        }
    }

    pub(super) fn content_type(self) -> &'static str {
        match self {
            Kind::Calendar | Kind::Busy => "text/calendar; charset=utf-8",
            Kind::Markdown => "text/markdown; charset=utf-8",
            Kind::Json => "application/json",
        }
    }
}

/// What a request's path asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Route {
    /// `/`: the list of feeds.
    Index,
    /// `/NAME.SUFFIX`.
    Feed {
        name: String,
        kind: Kind,
    },
    NotFound,
}

/// The route of a request target such as `/plan.ics?x=1`.
pub(super) fn route(target: &str) -> Route {
    let path = target.split(['?', '#']).next().unwrap_or("");
    if path == "/" || path.is_empty() {
        return Route::Index;
    }
    let Some(file) = path.strip_prefix('/').filter(|f| !f.contains('/')) else {
        return Route::NotFound;
    };
    Kind::ALL
        .into_iter()
        .find_map(|kind| {
            let name = file.strip_suffix(kind.suffix())?;
            (!name.is_empty()).then(|| Route::Feed {
                name: name.to_string(),
                kind,
            })
        })
        .unwrap_or(Route::NotFound)
}

/// `Sun, 06 Dec 2026 05:03:38 GMT` (RFC 9110's IMF-fixdate).
pub(super) fn http_date(at: Timestamp) -> String {
    at.to_zoned(TimeZone::UTC)
        .strftime("%a, %d %b %Y %H:%M:%S GMT")
        .to_string()
}

/// An IMF-fixdate; other forms are ignored, as RFC 9110 allows.
pub(super) fn parse_http_date(text: &str) -> Option<Timestamp> {
    let text = text.trim().strip_suffix(" GMT")?;
    let datetime = DateTime::strptime("%a, %d %b %Y %H:%M:%S", text).ok()?;
    datetime.to_zoned(TimeZone::UTC).ok().map(|z| z.timestamp())
}

/// Whether a GET with these `If-None-Match` and `If-Modified-Since`
/// values gets 304 for a representation with `etag` (quoted) and
/// `last_modified`. `If-None-Match`, when present, decides alone, by weak
/// comparison; `If-Modified-Since` is compared in whole seconds.
pub(super) fn not_modified(
    if_none_match: Option<&str>,
    if_modified_since: Option<&str>,
    etag: &str,
    last_modified: Timestamp,
) -> bool {
    if let Some(tags) = if_none_match {
        let bare = |t: &str| t.trim().trim_start_matches("W/").to_string();
        return tags
            .split(',')
            .any(|t| t.trim() == "*" || bare(t) == bare(etag));
    }
    match if_modified_since.and_then(parse_http_date) {
        Some(since) => last_modified.as_second() <= since.as_second(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes() {
        let feed = |name: &str, kind| Route::Feed {
            name: name.to_string(),
            kind,
        };
        assert_eq!(route("/"), Route::Index);
        assert_eq!(route("/plan.ics"), feed("plan", Kind::Calendar));
        assert_eq!(route("/plan.busy.ics"), feed("plan", Kind::Busy));
        assert_eq!(route("/plan.md?x=1"), feed("plan", Kind::Markdown));
        assert_eq!(
            route("/half.marathon.json"),
            feed("half.marathon", Kind::Json)
        );
        assert_eq!(route("/.ics"), Route::NotFound);
        assert_eq!(route("/a/plan.ics"), Route::NotFound);
        assert_eq!(route("/plan.txt"), Route::NotFound);
    }

    #[test]
    fn http_dates_round_trip() {
        let at = Timestamp::from_second(1_796_533_418).unwrap();
        let text = http_date(at);
        assert_eq!(text, "Sun, 06 Dec 2026 05:03:38 GMT");
        assert_eq!(parse_http_date(&text), Some(at));
        assert_eq!(parse_http_date("Sunday, 06-Dec-26 05:03:38 GMT"), None);
    }

    #[test]
    fn conditional_requests() {
        let at = Timestamp::from_second(1_796_533_418).unwrap();
        let date = http_date(at);
        let etag = "\"abc\"";
        assert!(not_modified(Some("\"abc\""), None, etag, at));
        assert!(not_modified(Some("\"x\", W/\"abc\""), None, etag, at));
        assert!(not_modified(Some("*"), None, etag, at));
        // If-None-Match decides alone.
        assert!(!not_modified(Some("\"x\""), Some(&date), etag, at));
        assert!(not_modified(None, Some(&date), etag, at));
        let later = Timestamp::from_second(1_796_533_419).unwrap();
        assert!(!not_modified(None, Some(&date), etag, later));
        assert!(!not_modified(None, Some("yesterday"), etag, at));
        assert!(!not_modified(None, None, etag, at));
    }
}
