//! VTIMEZONE components (RFC 5545 §3.6.5) from the bundled tz database.
//!
//! Rather than guess recurrence rules, the component lists the zone's real
//! transitions over the calendar's span, one STANDARD or DAYLIGHT
//! sub-component each, plus the transition in force when the span begins.
//! Every client then computes exactly the offsets jiff does.

use jiff::civil::DateTime;
use jiff::tz::{Offset, TimeZone};
use jiff::{SignedDuration, Timestamp};

use super::ical_text::{ContentLines, param_value};

/// Whether a sub-component is STANDARD or DAYLIGHT time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Standard,
    Daylight,
}

impl Kind {
    fn component(self) -> &'static str {
        match self {
            Kind::Standard => "STANDARD",
            Kind::Daylight => "DAYLIGHT",
        }
    }
}

/// One onset of an offset: a STANDARD or DAYLIGHT sub-component.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Observance {
    pub kind: Kind,
    /// The onset in local time before it (the `offset_from` clock).
    pub onset: DateTime,
    pub offset_from: Offset,
    pub offset_to: Offset,
    pub name: String,
}

/// The observances of `tz` that decide every offset from `from` to `to`:
/// the transition in force at `from`, then each one up to `to`.
pub fn observances(tz: &TimeZone, from: Timestamp, to: Timestamp) -> Vec<Observance> {
    let just_after = from
        .checked_add(SignedDuration::from_nanos(1))
        .unwrap_or(from);
    let in_force = tz.preceding(just_after).next();
    let following = tz.following(from).take_while(|t| t.timestamp() <= to);
    let mut list: Vec<Observance> = in_force
        .into_iter()
        .chain(following)
        .map(|t| {
            let before = t
                .timestamp()
                .checked_sub(SignedDuration::from_nanos(1))
                .unwrap_or(t.timestamp());
            let offset_from = tz.to_offset(before);
            Observance {
                kind: if t.dst().is_dst() {
                    Kind::Daylight
                } else {
                    Kind::Standard
                },
                onset: offset_from.to_datetime(t.timestamp()),
                offset_from,
                offset_to: t.offset(),
                name: t.abbreviation().to_string(),
            }
        })
        .collect();
    if list.is_empty() {
        // A zone without transitions (UTC, fixed offsets): one observance
        // that has always been in force.
        let info = tz.to_offset_info(from);
        list.push(Observance {
            kind: if info.dst().is_dst() {
                Kind::Daylight
            } else {
                Kind::Standard
            },
            onset: DateTime::constant(1970, 1, 1, 0, 0, 0, 0),
            offset_from: info.offset(),
            offset_to: info.offset(),
            name: info.abbreviation().to_string(),
        });
    }
    list
}

/// Writes the VTIMEZONE of `tzid` with `observances`.
pub fn write(lines: &mut ContentLines, tzid: &str, observances: &[Observance]) {
    lines.begin("VTIMEZONE");
    lines.raw("TZID", &param_value(tzid));
    // libical and its users (Evolution, older Thunderbird) read this to map
    // the component onto their own zone of the same name.
    lines.text("X-LIC-LOCATION", tzid);
    for o in observances {
        lines.begin(o.kind.component());
        lines.raw("DTSTART", &local_datetime(o.onset));
        lines.raw("TZOFFSETFROM", &utc_offset(o.offset_from));
        lines.raw("TZOFFSETTO", &utc_offset(o.offset_to));
        if !o.name.is_empty() {
            lines.text("TZNAME", &o.name);
        }
        lines.end(o.kind.component());
    }
    lines.end("VTIMEZONE");
}

/// `20270328T010000`, a DATE-TIME without zone.
pub fn local_datetime(dt: DateTime) -> String {
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}",
        dt.year(),
        dt.month(),
        dt.day(),
        dt.hour(),
        dt.minute(),
        dt.second()
    )
}

/// `+0100`, `-0330`, `+001915` (seconds only when there are any).
pub fn utc_offset(offset: Offset) -> String {
    let total = offset.seconds();
    let sign = if total < 0 { '-' } else { '+' };
    let abs = total.unsigned_abs();
    let (h, m, s) = (abs / 3600, abs / 60 % 60, abs % 60);
    if s == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(text: &str) -> Timestamp {
        text.parse().expect("a valid timestamp in the test")
    }

    #[test]
    fn london_2027_has_the_real_transitions() {
        let tz = TimeZone::get("Europe/London").expect("bundled zone");
        let list = observances(&tz, ts("2027-01-03T00:00:00Z"), ts("2027-04-12T00:00:00Z"));
        assert_eq!(list.len(), 2, "{list:#?}");
        // In force on 3 January: GMT since 25 October 2026 02:00 BST.
        assert_eq!(list[0].kind, Kind::Standard);
        assert_eq!(local_datetime(list[0].onset), "20261025T020000");
        assert_eq!(utc_offset(list[0].offset_from), "+0100");
        assert_eq!(utc_offset(list[0].offset_to), "+0000");
        assert_eq!(list[0].name, "GMT");
        // GMT -> BST on 28 March 2027 at 01:00 UTC, 01:00 local GMT.
        assert_eq!(list[1].kind, Kind::Daylight);
        assert_eq!(local_datetime(list[1].onset), "20270328T010000");
        assert_eq!(utc_offset(list[1].offset_from), "+0000");
        assert_eq!(utc_offset(list[1].offset_to), "+0100");
        assert_eq!(list[1].name, "BST");
    }

    #[test]
    fn southern_hemisphere_and_half_hours() {
        let tz = TimeZone::get("Australia/Adelaide").expect("bundled zone");
        let list = observances(&tz, ts("2027-03-01T00:00:00Z"), ts("2027-05-01T00:00:00Z"));
        assert_eq!(list.len(), 2, "{list:#?}");
        assert_eq!(list[0].kind, Kind::Daylight);
        assert_eq!(utc_offset(list[0].offset_to), "+1030");
        assert_eq!(list[1].kind, Kind::Standard);
        assert_eq!(utc_offset(list[1].offset_from), "+1030");
        assert_eq!(utc_offset(list[1].offset_to), "+0930");
        // 3:00 daylight time on the first Sunday of April.
        assert_eq!(local_datetime(list[1].onset), "20270404T030000");
    }

    #[test]
    fn zones_without_transitions_get_one_observance() {
        let list = observances(
            &TimeZone::UTC,
            ts("2027-01-01T00:00:00Z"),
            ts("2027-12-31T00:00:00Z"),
        );
        assert_eq!(list.len(), 1);
        assert_eq!(utc_offset(list[0].offset_to), "+0000");
        let tz = TimeZone::get("Asia/Kolkata").expect("bundled zone");
        let list = observances(&tz, ts("2027-01-01T00:00:00Z"), ts("2027-12-31T00:00:00Z"));
        assert_eq!(list.len(), 1, "{list:#?}");
        assert_eq!(utc_offset(list[0].offset_to), "+0530");
    }

    #[test]
    fn writes_a_component() {
        let tz = TimeZone::get("Europe/London").expect("bundled zone");
        let list = observances(&tz, ts("2027-03-01T00:00:00Z"), ts("2027-04-01T00:00:00Z"));
        let mut lines = ContentLines::default();
        write(&mut lines, "Europe/London", &list);
        assert_eq!(
            lines.finish(),
            "BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\nX-LIC-LOCATION:Europe/London\r\n\
             BEGIN:STANDARD\r\nDTSTART:20261025T020000\r\nTZOFFSETFROM:+0100\r\n\
             TZOFFSETTO:+0000\r\nTZNAME:GMT\r\nEND:STANDARD\r\n\
             BEGIN:DAYLIGHT\r\nDTSTART:20270328T010000\r\nTZOFFSETFROM:+0000\r\n\
             TZOFFSETTO:+0100\r\nTZNAME:BST\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n"
        );
    }
}
