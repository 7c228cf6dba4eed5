//! Updating a calendar rather than replacing it (RFC 5546): given the
//! calendar written before, an event that says the same thing again is
//! written byte for byte as before; one that changed gets a SEQUENCE one
//! above its old one and a newer time stamp; one that is gone is written
//! once more with `STATUS:CANCELLED`, so that a client re-importing or
//! refreshing the calendar removes it.

use std::collections::BTreeSet;

use jiff::Timestamp;
use jiff::civil::DateTime;
use jiff::tz::TimeZone;

use super::ical_read::{Previous, PreviousEvent, is_revision};

/// The lines that say which revision of an event this is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Revision {
    pub(crate) sequence: u32,
    pub(crate) dtstamp: String,
    pub(crate) last_modified: String,
}

/// The revision of the event `uid`, whose content hashes to `hash`, when
/// this build's time stamp is `stamp`.
pub(crate) fn revision(
    previous: Option<&Previous>,
    uid: &str,
    hash: u128,
    stamp: Timestamp,
) -> Revision {
    let fresh = |sequence| Revision {
        sequence,
        dtstamp: utc(stamp),
        last_modified: utc(stamp),
    };
    let Some(old) = previous.and_then(|p| p.events.get(uid)) else {
        return fresh(0);
    };
    if old.hash == hash && !old.cancelled {
        return Revision {
            sequence: old.sequence,
            dtstamp: old.dtstamp.clone().unwrap_or_else(|| utc(stamp)),
            last_modified: old.last_modified.clone().unwrap_or_else(|| utc(stamp)),
        };
    }
    let stamp = utc(later(stamp, old));
    Revision {
        sequence: old.sequence.saturating_add(1),
        dtstamp: stamp.clone(),
        last_modified: stamp,
    }
}

/// The events of `previous` whose UIDs are not in `current`, as unfolded
/// content lines (without BEGIN and END), each cancelled: already
/// cancelled ones as they were, the others with SEQUENCE raised,
/// `STATUS:CANCELLED` and no alarm. In UID order.
pub(crate) fn cancelled(
    previous: Option<&Previous>,
    current: &BTreeSet<&str>,
    stamp: Timestamp,
) -> Vec<Vec<String>> {
    let Some(previous) = previous else {
        return Vec::new();
    };
    previous
        .events
        .iter()
        .filter(|(uid, _)| !current.contains(uid.as_str()))
        .map(|(uid, old)| {
            if old.cancelled {
                return old.lines.clone();
            }
            let stamp = utc(later(stamp, old));
            let mut lines = vec![
                format!("UID:{uid}"),
                format!("DTSTAMP:{stamp}"),
                format!("LAST-MODIFIED:{stamp}"),
                format!("SEQUENCE:{}", old.sequence.saturating_add(1)),
                "STATUS:CANCELLED".to_string(),
            ];
            let mut depth = 0usize;
            for line in &old.lines {
                let name = name(line);
                match name.as_str() {
                    "BEGIN" => depth += 1,
                    "END" => {
                        depth = depth.saturating_sub(1);
                        continue;
                    }
                    _ => {}
                }
                if depth == 0 && !is_revision(&name) && name != "STATUS" {
                    lines.push(line.clone());
                }
            }
            lines
        })
        .collect()
}

/// The DTSTART and DTEND of an event's `lines` written in the zone
/// `tzid` (as `tz`), as instants: what a VTIMEZONE for them must cover.
pub(crate) fn instants(
    lines: &[String],
    tzid: &str,
    tz: &TimeZone,
) -> Option<(Timestamp, Timestamp)> {
    let mut found = lines.iter().filter_map(|line| {
        let (head, value) = line.split_once(':')?;
        let mut parts = head.split(';');
        let name = parts.next()?.to_ascii_uppercase();
        if name != "DTSTART" && name != "DTEND" {
            return None;
        }
        let zone = parts.find_map(|p| p.strip_prefix("TZID="))?;
        if zone.trim_matches('"') != tzid {
            return None;
        }
        let local = DateTime::strptime("%Y%m%dT%H%M%S", value.trim()).ok()?;
        local.to_zoned(tz.clone()).ok().map(|z| z.timestamp())
    });
    let first = found.next()?;
    let (low, high) = found.fold((first, first), |(a, b), t| (a.min(t), b.max(t)));
    Some((low, high))
}

/// `stamp`, or a second after the old event's last time stamp when that
/// is not earlier: a changed event's stamp never goes back.
fn later(stamp: Timestamp, old: &PreviousEvent) -> Timestamp {
    let old = [&old.last_modified, &old.dtstamp]
        .into_iter()
        .flatten()
        .filter_map(|s| parse_utc(s))
        .max();
    match old {
        Some(old) if old >= stamp => old
            .checked_add(jiff::SignedDuration::from_secs(1))
            .unwrap_or(old),
        _ => stamp,
    }
}

/// `20270105T180000Z`.
pub(crate) fn utc(ts: Timestamp) -> String {
    ts.to_zoned(TimeZone::UTC)
        .datetime()
        .strftime("%Y%m%dT%H%M%SZ")
        .to_string()
}

fn parse_utc(text: &str) -> Option<Timestamp> {
    let local = text.trim().strip_suffix('Z')?;
    let datetime = DateTime::strptime("%Y%m%dT%H%M%S", local).ok()?;
    datetime.to_zoned(TimeZone::UTC).ok().map(|z| z.timestamp())
}

/// A content line's name, upper case, parameters dropped.
fn name(line: &str) -> String {
    let end = line.find([':', ';']).unwrap_or(line.len());
    line[..end].to_ascii_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: i64) -> Timestamp {
        Timestamp::from_second(s).unwrap()
    }

    fn previous() -> Previous {
        Previous::parse(
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20270101T000000Z\r\n\
SEQUENCE:2\r\nSUMMARY:A\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nEND:VALARM\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:gone\r\nSTATUS:CANCELLED\r\nSEQUENCE:4\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        )
        .unwrap()
    }

    #[test]
    fn unchanged_keeps_changed_rises() {
        let p = previous();
        let same = p.events["a"].hash;
        let early = at(0);
        let kept = revision(Some(&p), "a", same, early);
        assert_eq!(kept.sequence, 2);
        assert_eq!(kept.dtstamp, "20270101T000000Z");
        let changed = revision(Some(&p), "a", same ^ 1, early);
        assert_eq!(changed.sequence, 3);
        // Never before the old stamp.
        assert_eq!(changed.dtstamp, "20270101T000001Z");
        let new = revision(Some(&p), "b", 0, early);
        assert_eq!(new.sequence, 0);
        assert_eq!(new.dtstamp, "19700101T000000Z");
        // A cancelled event that comes back is a new revision.
        assert_eq!(
            revision(Some(&p), "gone", p.events["gone"].hash, early).sequence,
            5
        );
    }

    #[test]
    fn vanished_events_are_cancelled_once_and_kept() {
        let p = previous();
        let none = BTreeSet::new();
        let out = cancelled(Some(&p), &none, at(0));
        assert_eq!(
            out[0],
            [
                "UID:a",
                "DTSTAMP:20270101T000001Z",
                "LAST-MODIFIED:20270101T000001Z",
                "SEQUENCE:3",
                "STATUS:CANCELLED",
                "SUMMARY:A",
            ]
        );
        assert_eq!(out[1], p.events["gone"].lines);
        let current = BTreeSet::from(["a", "gone"]);
        assert!(cancelled(Some(&p), &current, at(0)).is_empty());
    }
}
