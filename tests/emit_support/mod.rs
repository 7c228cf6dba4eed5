//! Shared by the emit and build tests: the reference plans, and checkers
//! that read emitted iCalendar and Markdown back independently of the code
//! that wrote them.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use stride::emit::{Request, WeekRange, ics};
use stride::plan::{Plan, Prescription, SessionOccurrence};

/// The reference plans, by file stem.
pub const EXAMPLES: [&str; 2] = ["first-block", "half-marathon"];

pub fn example_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(format!("{name}.stride"))
}

pub fn example_source(name: &str) -> String {
    std::fs::read_to_string(example_path(name)).expect("the reference plan is readable")
}

/// A plan whose text looks like Markdown syntax: it must stay text.
pub const TRICKY_PLAN: &str = r#"
plan "Pipes | *stars* _under_ <b>tags</b> `code` $x$ [link](y) #1"
start 2027-01-04
athlete {
  level advanced
  units kg
}
block "A|B" weeks 1-1 {
  session "Legs | core" mon 18:00 45min {
    warmup 10min "bike | rower"
    back-squat 3x5 @100kg rest 3min "brace | breathe *hard*"
    plank 3x30s "\\ backslash & ampersand &amp;"
  }
}
"#;

/// Compiles `source`, failing the test on errors.
pub fn plan_of(source: &str) -> Plan {
    let compiled = stride::compile(source);
    assert!(
        !compiled.has_errors(),
        "the plan has errors: {:#?}",
        compiled.diagnostics
    );
    compiled.plan.expect("a plan without errors is expanded")
}

pub fn example_plan(name: &str) -> Plan {
    plan_of(&example_source(name))
}

/// The session called `name` in week `week`, failing the test without it.
pub fn session<'p>(plan: &'p Plan, week: u32, name: &str) -> &'p SessionOccurrence {
    plan.week(week)
        .expect("week")
        .sessions
        .iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no session {name} in week {week}"))
}

/// The line of `session` for exercise `id`, failing the test without it.
pub fn exercise<'s>(session: &'s SessionOccurrence, id: &str) -> &'s Prescription {
    session
        .exercises
        .iter()
        .find(|e| e.exercise == id)
        .unwrap_or_else(|| panic!("no {id} in {}", session.name))
}

/// A fixed time stamp, as `SOURCE_DATE_EPOCH` would give.
pub fn stamp() -> Timestamp {
    Timestamp::from_second(1_798_761_600).expect("2027-01-01T00:00:00Z")
}

/// The iCalendar option sets every emitted calendar is checked under.
pub fn ics_variants() -> Vec<(&'static str, Request<'static>)> {
    let base = ics::Options {
        stamp: stamp(),
        ..ics::Options::default()
    };
    let request = |icalendar| Request {
        icalendar,
        ..Request::default()
    };
    vec![
        ("default", request(base)),
        ("utc", request(ics::Options { utc: true, ..base })),
        (
            "runs-alarm",
            request(ics::Options {
                with_runs: true,
                alarm_s: Some(30 * 60),
                ..base
            }),
        ),
        (
            "runs-utc-weeks",
            Request {
                weeks: Some(WeekRange { first: 5, last: 8 }),
                ..request(ics::Options {
                    with_runs: true,
                    utc: true,
                    ..base
                })
            },
        ),
    ]
}

// ---------------------------------------------------------------------------
// iCalendar
// ---------------------------------------------------------------------------

/// A content line, unfolded.
#[derive(Debug, Clone)]
pub struct Property {
    pub name: String,
    pub params: BTreeMap<String, String>,
    pub value: String,
}

/// A component with its properties and sub-components.
#[derive(Debug, Clone, Default)]
pub struct Component {
    pub name: String,
    pub properties: Vec<Property>,
    pub children: Vec<Component>,
}

impl Component {
    pub fn all(&self, name: &str) -> Vec<&Property> {
        self.properties.iter().filter(|p| p.name == name).collect()
    }

    pub fn one(&self, name: &str) -> Option<&Property> {
        let all = self.all(name);
        (all.len() == 1).then(|| all[0])
    }

    pub fn value(&self, name: &str) -> Option<&str> {
        self.one(name).map(|p| p.value.as_str())
    }

    pub fn children(&self, name: &str) -> Vec<&Component> {
        self.children.iter().filter(|c| c.name == name).collect()
    }
}

/// Checks an emitted calendar byte by byte and property by property;
/// returns the parsed VCALENDAR or every problem found.
pub fn check_ics(bytes: &[u8]) -> Result<Component, Vec<String>> {
    let mut problems = Vec::new();
    // CRLF only: every LF follows a CR, every CR precedes an LF.
    for (i, b) in bytes.iter().enumerate() {
        match b {
            b'\n' if i == 0 || bytes[i - 1] != b'\r' => {
                problems.push(format!("bare LF at byte {i}"))
            }
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => {
                problems.push(format!("bare CR at byte {i}"))
            }
            _ => {}
        }
    }
    if !bytes.ends_with(b"\r\n") {
        problems.push("does not end with CRLF".into());
    }
    // Physical lines: at most 75 octets, each valid UTF-8 on its own (so no
    // fold splits a character), none empty.
    let body = bytes.strip_suffix(b"\r\n").unwrap_or(bytes);
    let mut logical: Vec<String> = Vec::new();
    for (n, line) in split_crlf(body).into_iter().enumerate() {
        if line.len() > 75 {
            problems.push(format!("line {} has {} octets", n + 1, line.len()));
        }
        let text = match std::str::from_utf8(line) {
            Ok(text) => text,
            Err(e) => {
                problems.push(format!("line {} is not UTF-8 on its own: {e}", n + 1));
                continue;
            }
        };
        if text.is_empty() {
            problems.push(format!("line {} is empty", n + 1));
        } else if let Some(rest) = text.strip_prefix([' ', '\t']) {
            match logical.last_mut() {
                Some(last) => last.push_str(rest),
                None => problems.push("the first line is a continuation".into()),
            }
        } else {
            logical.push(text.to_string());
        }
        if text.chars().any(|c| c.is_control() && c != '\t') {
            problems.push(format!("line {} holds a control character", n + 1));
        }
    }

    let mut stack: Vec<Component> = vec![Component::default()];
    for line in &logical {
        let Some(property) = parse_line(line) else {
            problems.push(format!("not a content line: {line:?}"));
            continue;
        };
        match property.name.as_str() {
            "BEGIN" => stack.push(Component {
                name: property.value.clone(),
                ..Component::default()
            }),
            "END" => {
                let Some(done) = stack.pop() else { break };
                if done.name != property.value || stack.is_empty() {
                    problems.push(format!("END:{} closes {}", property.value, done.name));
                    stack.push(Component::default());
                    continue;
                }
                if let Some(parent) = stack.last_mut() {
                    parent.children.push(done);
                }
            }
            _ => match stack.last_mut() {
                Some(c) => c.properties.push(property),
                None => problems.push("property outside any component".into()),
            },
        }
    }
    let root = stack.pop().unwrap_or_default();
    if !stack.is_empty() {
        problems.push(format!("unclosed component {}", root.name));
    }
    let calendars = root.children("VCALENDAR");
    if calendars.len() != 1 || root.children.len() != 1 || !root.properties.is_empty() {
        problems.push("not exactly one VCALENDAR".into());
        return Err(problems);
    }
    let cal = calendars[0].clone();
    check_calendar(&cal, &mut problems);
    if problems.is_empty() {
        Ok(cal)
    } else {
        Err(problems)
    }
}

fn split_crlf(bytes: &[u8]) -> Vec<&[u8]> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] == b'\r' && bytes[i + 1] == b'\n' {
            lines.push(&bytes[start..i]);
            start = i + 2;
            i += 2;
        } else {
            i += 1;
        }
    }
    lines.push(&bytes[start..]);
    lines
}

/// `NAME;P=V;Q="a:b":VALUE`.
fn parse_line(line: &str) -> Option<Property> {
    let mut in_quotes = false;
    let mut colon = None;
    for (i, c) in line.char_indices() {
        match c {
            '"' => in_quotes = !in_quotes,
            ':' if !in_quotes => {
                colon = Some(i);
                break;
            }
            _ => {}
        }
    }
    let colon = colon?;
    let (head, value) = (&line[..colon], &line[colon + 1..]);
    let mut parts = head.split(';');
    let name = parts.next()?.to_string();
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return None;
    }
    let mut params = BTreeMap::new();
    for part in parts {
        let (k, v) = part.split_once('=')?;
        params.insert(k.to_string(), v.trim_matches('"').to_string());
    }
    Some(Property {
        name,
        params,
        value: value.to_string(),
    })
}

/// TEXT escaping: only `\\ \; \, \n \N` escapes, no bare `;` or `,`.
fn check_text(name: &str, value: &str, problems: &mut Vec<String>) {
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('\\' | ';' | ',' | 'n' | 'N') => {}
                other => problems.push(format!("{name}: bad escape \\{other:?} in {value:?}")),
            },
            ';' | ',' => problems.push(format!("{name}: unescaped {c:?} in {value:?}")),
            _ => {}
        }
    }
}

fn check_calendar(cal: &Component, problems: &mut Vec<String>) {
    for (name, expected) in [("VERSION", Some("2.0")), ("PRODID", None)] {
        match cal.value(name) {
            None => problems.push(format!("VCALENDAR needs exactly one {name}")),
            Some(v) if expected.is_some_and(|e| e != v) => {
                problems.push(format!("{name} is {v}"));
            }
            Some(_) => {}
        }
    }
    for name in [
        "NAME",
        "X-WR-CALNAME",
        "X-WR-TIMEZONE",
        "REFRESH-INTERVAL",
        "X-PUBLISHED-TTL",
    ] {
        if cal.one(name).is_none() {
            problems.push(format!("VCALENDAR needs exactly one {name}"));
        }
    }
    let zones: BTreeMap<String, &Component> = cal
        .children("VTIMEZONE")
        .into_iter()
        .filter_map(|z| z.value("TZID").map(|id| (id.to_string(), z)))
        .collect();
    for zone in cal.children("VTIMEZONE") {
        let observances: Vec<&Component> = zone
            .children
            .iter()
            .filter(|c| c.name == "STANDARD" || c.name == "DAYLIGHT")
            .collect();
        if observances.is_empty() {
            problems.push("VTIMEZONE without STANDARD or DAYLIGHT".into());
        }
        for o in observances {
            for name in ["DTSTART", "TZOFFSETFROM", "TZOFFSETTO"] {
                if o.one(name).is_none() {
                    problems.push(format!("{} needs exactly one {name}", o.name));
                }
            }
        }
    }
    let mut uids = BTreeSet::new();
    for event in cal.children("VEVENT") {
        for name in ["UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"] {
            if event.one(name).is_none() {
                problems.push(format!("VEVENT needs exactly one {name}"));
            }
        }
        for name in ["DTSTAMP", "LAST-MODIFIED"] {
            if let Some(v) = event.value(name)
                && !(v.len() == 16 && v.ends_with('Z'))
            {
                problems.push(format!("{name} is not a UTC date-time: {v}"));
            }
        }
        if let Some(uid) = event.value("UID")
            && !uids.insert(uid.to_string())
        {
            problems.push(format!("UID {uid} is used twice"));
        }
        for p in &event.properties {
            if let Some(tzid) = p.params.get("TZID")
                && !zones.contains_key(tzid)
            {
                problems.push(format!("{} names TZID {tzid} without a VTIMEZONE", p.name));
            }
            if matches!(p.name.as_str(), "SUMMARY" | "DESCRIPTION" | "LOCATION") {
                check_text(&p.name, &p.value, problems);
            }
        }
        for alarm in event.children("VALARM") {
            for name in ["ACTION", "TRIGGER", "DESCRIPTION"] {
                if alarm.one(name).is_none() {
                    problems.push(format!("VALARM needs exactly one {name}"));
                }
            }
        }
        let (Some(start), Some(end)) = (event.one("DTSTART"), event.one("DTEND")) else {
            continue;
        };
        match (instant(start, &zones), instant(end, &zones)) {
            (Ok(s), Ok(e)) if e <= s => problems.push(format!(
                "DTEND {} is not after DTSTART {}",
                end.value, start.value
            )),
            (Ok(_), Ok(_)) => {}
            (Err(e), _) | (_, Err(e)) => problems.push(e),
        }
        if start.params.get("VALUE").map(String::as_str) == Some("DATE")
            && end.params.get("VALUE").map(String::as_str) != Some("DATE")
        {
            problems.push("an all-day DTSTART needs an all-day DTEND".into());
        }
        if start.params.is_empty() && !start.value.ends_with('Z') {
            problems.push(format!("floating time {}", start.value));
        }
    }
}

/// When a DTSTART or DTEND happens: dates at midnight UTC (only compared
/// with each other), UTC times, and zoned times resolved with the calendar's
/// own VTIMEZONE, not a tz database.
pub fn instant(p: &Property, zones: &BTreeMap<String, &Component>) -> Result<Timestamp, String> {
    if p.params.get("VALUE").map(String::as_str) == Some("DATE") {
        let d = parse_date(&p.value).ok_or_else(|| format!("bad date {}", p.value))?;
        return d
            .to_zoned(TimeZone::UTC)
            .map(|z| z.timestamp())
            .map_err(|e| e.to_string());
    }
    if let Some(utc) = p.value.strip_suffix('Z') {
        let dt = parse_datetime(utc).ok_or_else(|| format!("bad date-time {}", p.value))?;
        return dt
            .to_zoned(TimeZone::UTC)
            .map(|z| z.timestamp())
            .map_err(|e| e.to_string());
    }
    let tzid = p
        .params
        .get("TZID")
        .ok_or_else(|| format!("floating time {}", p.value))?;
    let zone = zones
        .get(tzid)
        .ok_or_else(|| format!("no VTIMEZONE {tzid}"))?;
    let local = parse_datetime(&p.value).ok_or_else(|| format!("bad date-time {}", p.value))?;
    let offset = offset_at(zone, local)?;
    let naive_utc = local
        .to_zoned(TimeZone::UTC)
        .map_err(|e| e.to_string())?
        .timestamp();
    naive_utc
        .checked_sub(SignedDuration::from_secs(i64::from(offset)))
        .map_err(|e| e.to_string())
}

/// The offset, in seconds, a VTIMEZONE gives a local time: that of the
/// latest observance whose onset (in the clock before it) is not after it.
fn offset_at(zone: &Component, local: DateTime) -> Result<i32, String> {
    let mut best: Option<(DateTime, i32)> = None;
    let mut earliest: Option<(DateTime, i32)> = None;
    for o in zone
        .children
        .iter()
        .filter(|c| c.name == "STANDARD" || c.name == "DAYLIGHT")
    {
        let onset = o
            .value("DTSTART")
            .and_then(parse_datetime)
            .ok_or("observance without a DTSTART")?;
        let from = o
            .value("TZOFFSETFROM")
            .and_then(parse_offset)
            .ok_or("bad TZOFFSETFROM")?;
        let to = o
            .value("TZOFFSETTO")
            .and_then(parse_offset)
            .ok_or("bad TZOFFSETTO")?;
        // The onset as an instant, compared on the new clock.
        let onset_new = onset
            .checked_add(SignedDuration::from_secs(i64::from(to - from)))
            .map_err(|e| e.to_string())?;
        if onset_new <= local && best.is_none_or(|(b, _)| onset_new > b) {
            best = Some((onset_new, to));
        }
        if earliest.is_none_or(|(e, _)| onset < e) {
            earliest = Some((onset, from));
        }
    }
    best.or(earliest)
        .map(|(_, offset)| offset)
        .ok_or_else(|| "VTIMEZONE without observances".to_string())
}

fn parse_date(text: &str) -> Option<Date> {
    if text.len() != 8 {
        return None;
    }
    Date::new(
        text[..4].parse().ok()?,
        text[4..6].parse().ok()?,
        text[6..8].parse().ok()?,
    )
    .ok()
}

fn parse_datetime(text: &str) -> Option<DateTime> {
    let (date, time) = text.split_once('T')?;
    if time.len() != 6 {
        return None;
    }
    let d = parse_date(date)?;
    let t = jiff::civil::Time::new(
        time[..2].parse().ok()?,
        time[2..4].parse().ok()?,
        time[4..6].parse().ok()?,
        0,
    )
    .ok()?;
    Some(d.to_datetime(t))
}

fn parse_offset(text: &str) -> Option<i32> {
    let sign = match text.get(..1)? {
        "+" => 1,
        "-" => -1,
        _ => return None,
    };
    let digits = &text[1..];
    if !(digits.len() == 4 || digits.len() == 6) || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let h: i32 = digits[..2].parse().ok()?;
    let m: i32 = digits[2..4].parse().ok()?;
    let s: i32 = digits.get(4..6).map_or(Some(0), |s| s.parse().ok())?;
    Some(sign * (h * 3600 + m * 60 + s))
}

/// The zones a calendar defines, by TZID.
pub fn zones(cal: &Component) -> BTreeMap<String, &Component> {
    cal.children("VTIMEZONE")
        .into_iter()
        .filter_map(|z| z.value("TZID").map(|id| (id.to_string(), z)))
        .collect()
}

/// Undoes TEXT escaping.
pub fn unescape_text(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------

/// A table as a CommonMark parser sees it: cell texts, escapes resolved.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ParsedTable {
    pub align: Vec<String>,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// What the tests look at in a Markdown document.
#[derive(Debug, Default)]
pub struct ParsedMarkdown {
    pub tables: Vec<ParsedTable>,
    /// (level, text)
    pub headings: Vec<(u8, String)>,
    /// (info string, content)
    pub code_blocks: Vec<(String, String)>,
}

pub fn parse_markdown(text: &str) -> ParsedMarkdown {
    use pulldown_cmark::{Alignment, CodeBlockKind, Event, Parser, Tag, TagEnd};
    let mut options = pulldown_cmark::Options::empty();
    options.insert(pulldown_cmark::Options::ENABLE_TABLES);
    options.insert(pulldown_cmark::Options::ENABLE_STRIKETHROUGH);
    let mut doc = ParsedMarkdown::default();
    let mut table: Option<ParsedTable> = None;
    let mut row: Vec<String> = Vec::new();
    let mut cell: Option<String> = None;
    let mut heading: Option<(u8, String)> = None;
    let mut code: Option<(String, String)> = None;
    for event in Parser::new_ext(text, options) {
        match event {
            Event::Start(Tag::Table(align)) => {
                table = Some(ParsedTable {
                    align: align
                        .iter()
                        .map(|a| {
                            match a {
                                Alignment::None => "none",
                                Alignment::Left => "left",
                                Alignment::Center => "center",
                                Alignment::Right => "right",
                            }
                            .to_string()
                        })
                        .collect(),
                    header: Vec::new(),
                    rows: Vec::new(),
                });
            }
            Event::End(TagEnd::Table) => doc.tables.extend(table.take()),
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => row.extend(cell.take()),
            Event::End(TagEnd::TableHead) => {
                if let Some(t) = table.as_mut() {
                    t.header = std::mem::take(&mut row);
                }
            }
            Event::End(TagEnd::TableRow) => {
                if let Some(t) = table.as_mut() {
                    t.rows.push(std::mem::take(&mut row));
                }
            }
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((level as u8, String::new()))
            }
            Event::End(TagEnd::Heading(_)) => doc.headings.extend(heading.take()),
            Event::Start(Tag::CodeBlock(kind)) => {
                let info = match kind {
                    CodeBlockKind::Fenced(info) => info.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((info, String::new()));
            }
            Event::End(TagEnd::CodeBlock) => doc.code_blocks.extend(code.take()),
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, c)) = code.as_mut() {
                    c.push_str(&t);
                } else if let Some(c) = cell.as_mut() {
                    c.push_str(&t);
                } else if let Some((_, h)) = heading.as_mut() {
                    h.push_str(&t);
                }
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                if let Some(c) = cell.as_mut() {
                    c.push_str("<html>");
                }
            }
            _ => {}
        }
    }
    doc
}
