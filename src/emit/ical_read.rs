//! Reading back a calendar stride wrote before (`--previous OLD.ics`, or
//! the file `-o` is about to replace): for each event its UID, SEQUENCE,
//! time stamps, whether it was cancelled, and a hash of everything else
//! it says, so that [`previous`](super::previous) can tell which events
//! changed.
//!
//! It reads any RFC 5545 text leniently (unfolding, CRLF or LF), looking
//! only at the top-level VEVENTs; it never fails on content it does not
//! understand, only on text that is not a calendar at all.

use std::collections::BTreeMap;

/// The events of a previous calendar, by UID.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Previous {
    pub(crate) events: BTreeMap<String, PreviousEvent>,
}

/// One VEVENT of a previous calendar.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PreviousEvent {
    pub(crate) sequence: u32,
    pub(crate) dtstamp: Option<String>,
    pub(crate) last_modified: Option<String>,
    pub(crate) cancelled: bool,
    /// [`content_hash`] of its lines other than the ones [`is_revision`]
    /// names.
    pub(crate) hash: u128,
    /// Its unfolded content lines between BEGIN:VEVENT and END:VEVENT.
    pub(crate) lines: Vec<String>,
}

impl Previous {
    /// Reads `text`, a calendar; `Err` says why it is not one.
    pub fn parse(text: &str) -> Result<Previous, String> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let lines = unfold(text);
        if !lines
            .first()
            .is_some_and(|l| l.eq_ignore_ascii_case("BEGIN:VCALENDAR"))
        {
            return Err("it does not start with BEGIN:VCALENDAR".to_string());
        }
        let mut events = BTreeMap::new();
        let mut depth = 0usize;
        let mut current: Option<Vec<String>> = None;
        for line in lines {
            let (name, value) = split(&line);
            match name.as_str() {
                "BEGIN" => {
                    depth += 1;
                    if depth == 2 && value.eq_ignore_ascii_case("VEVENT") {
                        current = Some(Vec::new());
                        continue;
                    }
                }
                "END" => {
                    depth = depth.saturating_sub(1);
                    if depth == 1 && value.eq_ignore_ascii_case("VEVENT") {
                        if let Some(event) = current.take().and_then(PreviousEvent::new) {
                            events.insert(event.0, event.1);
                        }
                        continue;
                    }
                }
                _ => {}
            }
            if let Some(event) = &mut current {
                event.push(line);
            }
        }
        Ok(Previous { events })
    }

    /// Whether it holds no events.
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }
}

impl PreviousEvent {
    /// The event of `lines`, with its UID; none without a UID.
    fn new(lines: Vec<String>) -> Option<(String, PreviousEvent)> {
        let mut uid = None;
        let mut event = PreviousEvent {
            sequence: 0,
            dtstamp: None,
            last_modified: None,
            cancelled: false,
            hash: content_hash(&lines),
            lines: Vec::new(),
        };
        for line in &lines {
            let (name, value) = split(line);
            match name.as_str() {
                "UID" => uid = Some(value.to_string()),
                "SEQUENCE" => event.sequence = value.trim().parse().unwrap_or(0),
                "DTSTAMP" => event.dtstamp = Some(value.to_string()),
                "LAST-MODIFIED" => event.last_modified = Some(value.to_string()),
                "STATUS" => event.cancelled = value.eq_ignore_ascii_case("CANCELLED"),
                _ => {}
            }
        }
        event.lines = lines;
        Some((uid?, event))
    }
}

/// Whether a property says which revision of an event this is (and so
/// stays out of [`content_hash`]): its UID, SEQUENCE and time stamps.
pub(crate) fn is_revision(name: &str) -> bool {
    matches!(name, "UID" | "SEQUENCE" | "DTSTAMP" | "LAST-MODIFIED")
}

/// The [`stable_hash`](crate::stable_hash) of an event's unfolded lines,
/// those [`is_revision`] names left out: equal exactly when the event says
/// the same thing.
pub(crate) fn content_hash<S: AsRef<str>>(lines: &[S]) -> u128 {
    let kept: Vec<&str> = lines
        .iter()
        .map(AsRef::as_ref)
        .filter(|l| !is_revision(&split(l).0))
        .collect();
    crate::stable_hash::hash128(&kept)
}

/// The content lines of `text`, unfolded (RFC 5545 §3.1: a line break
/// followed by a space or tab continues the line); blank lines dropped.
pub(crate) fn unfold(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for physical in text.split('\n') {
        let physical = physical.strip_suffix('\r').unwrap_or(physical);
        match physical.strip_prefix([' ', '\t']) {
            Some(rest) if !lines.is_empty() => {
                if let Some(last) = lines.last_mut() {
                    last.push_str(rest);
                }
            }
            _ if physical.is_empty() => {}
            _ => lines.push(physical.to_string()),
        }
    }
    lines
}

/// A content line's name in upper case (parameters dropped) and value.
fn split(line: &str) -> (String, &str) {
    // The value starts at the first colon outside a quoted parameter.
    let mut quoted = false;
    let mut colon = line.len();
    for (i, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ':' if !quoted => {
                colon = i;
                break;
            }
            _ => {}
        }
    }
    let head = &line[..colon];
    let name = head.split(';').next().unwrap_or(head).to_ascii_uppercase();
    (name, line.get(colon + 1..).unwrap_or(""))
}

#[cfg(test)]
mod tests {
    use super::*;

    const OLD: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTIMEZONE\r\nTZID:X\r\n\
BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n\
BEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20270101T000000Z\r\nSEQUENCE:3\r\n\
SUMMARY:Lower bo\r\n dy\r\nDTSTART;TZID=\"Europe/A:B\":20270105T180000\r\n\
BEGIN:VALARM\r\nACTION:DISPLAY\r\nEND:VALARM\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:b\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nSUMMARY:no uid\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    #[test]
    fn reads_events_by_uid() {
        let previous = Previous::parse(OLD).unwrap();
        assert_eq!(previous.events.len(), 2);
        let a = &previous.events["a"];
        assert_eq!(a.sequence, 3);
        assert_eq!(a.dtstamp.as_deref(), Some("20270101T000000Z"));
        assert!(!a.cancelled);
        assert!(a.lines.contains(&"SUMMARY:Lower body".to_string()));
        assert!(a.lines.contains(&"END:VALARM".to_string()));
        assert!(previous.events["b"].cancelled);
        assert_eq!(
            split("DTSTART;TZID=\"Europe/A:B\":20270105T180000"),
            ("DTSTART".to_string(), "20270105T180000")
        );
    }

    #[test]
    fn hash_ignores_revision_only() {
        let a = ["UID:a", "SEQUENCE:1", "SUMMARY:x"];
        let b = ["UID:b", "DTSTAMP:2", "LAST-MODIFIED:3", "SUMMARY:x"];
        assert_eq!(content_hash(&a), content_hash(&b));
        assert_ne!(content_hash(&a), content_hash(&["SUMMARY:y"]));
    }

    #[test]
    fn not_a_calendar() {
        assert!(Previous::parse("plan \"x\"").is_err());
        assert!(Previous::parse("").is_err());
        assert!(
            Previous::parse("BEGIN:VCALENDAR\nEND:VCALENDAR\n")
                .unwrap()
                .is_empty()
        );
    }
}
