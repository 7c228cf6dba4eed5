//! The calendar: dates and times checked, the time zone, plan weeks, blocks
//! laid out on them, deload and taper weeks, and local times made instants.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use jiff::civil::{Date, Time};
use jiff::tz::{TimeZone, TimeZoneDatabase};
use jiff::{SignedDuration, Timestamp, Zoned};

use crate::ast::{Block, DateLit, Deload, DeloadSchedule, Item, Race, Taper, TimeLit};
use crate::diagnostic::Diagnostic;
use crate::error_code::ErrorCode;
use crate::plan::{BlockInfo, RaceEvent, WeekKind};
use crate::span::{Span, Spanned};

use super::limits::MAX_WEEKS;
use crate::plan::WeekRange;

pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Checks a written date (`invalid-date` if there is no such day).
pub fn date(lit: &Spanned<DateLit>, diags: &mut Vec<Diagnostic>) -> Option<Date> {
    let DateLit { year, month, day } = lit.value;
    let written = format!("{year:04}-{month:02}-{day:02}");
    let problem = if !(1..=9999).contains(&year) {
        "stride knows the years 0001 to 9999".to_owned()
    } else if !(1..=12).contains(&month) {
        "a year has 12 months".to_owned()
    } else if day < 1 {
        "days are numbered from 1".to_owned()
    } else {
        match Date::new(year, month, day) {
            Ok(date) => return Some(date),
            Err(_) => {
                let days = Date::new(year, month, 1).map_or(31, |d| d.days_in_month());
                let name = MONTHS
                    .get(usize::try_from(month - 1).unwrap_or(0))
                    .copied()
                    .unwrap_or("that month");
                format!("{name} {year} has {days} days")
            }
        }
    };
    diags.push(
        Diagnostic::error(
            ErrorCode::InvalidDate,
            format!("{written} is not a date: {problem}"),
        )
        .with_label(lit.span, "no such day")
        .with_help("write a date that exists, as YYYY-MM-DD"),
    );
    None
}

/// Checks a written time of day (`invalid-time` past 23:59).
pub fn time(lit: &Spanned<TimeLit>, diags: &mut Vec<Diagnostic>) -> Option<Time> {
    let TimeLit { hour, minute } = lit.value;
    let problem = if hour > 23 {
        "hours run from 00 to 23"
    } else if minute > 59 {
        "minutes run from 00 to 59"
    } else {
        // Both in range, so this cannot fail; stay panic-free regardless.
        return Time::new(hour as i8, minute as i8, 0, 0).ok();
    };
    diags.push(
        Diagnostic::error(
            ErrorCode::InvalidTime,
            format!("{hour:02}:{minute:02} is not a time of day: {problem}"),
        )
        .with_label(lit.span, "no such time")
        .with_help("write a 24-hour time such as 07:00 or 18:30"),
    );
    None
}

/// The plan's time zone.
#[derive(Debug, Clone)]
pub struct Zone {
    pub tz: TimeZone,
    /// The IANA name as the database spells it (`Europe/London`).
    pub name: String,
}

/// The time zone database built into stride, the only one it reads.
///
/// jiff's global database (`TimeZone::get`) prefers the machine's copy, or
/// whatever directory `TZDIR` names, to the bundled one: results would
/// depend on the machine, and `TZDIR=/` makes it walk the whole file system.
pub fn time_zones() -> &'static TimeZoneDatabase {
    static DB: OnceLock<TimeZoneDatabase> = OnceLock::new();
    DB.get_or_init(TimeZoneDatabase::bundled)
}

/// The zone of that IANA name in [`time_zones`], ignoring case.
pub fn time_zone(name: &str) -> Option<TimeZone> {
    time_zones().get(name).ok()
}

/// Looks the `timezone` up in the bundled tz database; UTC without one.
pub fn zone(name: Option<&Spanned<String>>, diags: &mut Vec<Diagnostic>) -> Zone {
    let utc = Zone {
        tz: TimeZone::UTC,
        name: "UTC".to_owned(),
    };
    let Some(name) = name else { return utc };
    match time_zones().get(&name.value) {
        Ok(tz) => Zone {
            name: tz.iana_name().unwrap_or(&name.value).to_owned(),
            tz,
        },
        Err(_) => {
            let names: Vec<_> = time_zones().available().collect();
            let help = match super::closest_ignoring_case(
                &name.value,
                names.iter().map(|n| n.as_str()),
                diags,
            ) {
                Some(near) => super::did_you_mean(near),
                None => {
                    "use an IANA time zone name such as \"Europe/London\" or \"America/New_York\""
                        .to_owned()
                }
            };
            diags.push(
                Diagnostic::error(
                    ErrorCode::UnknownTimezone,
                    format!("\"{}\" is not a time zone stride knows", name.value),
                )
                .with_label(name.span, "unknown time zone")
                .with_help(help),
            );
            utc
        }
    }
}

/// `date` plus `days`, or `None` past the calendar's ends.
pub fn add_days(date: Date, days: i64) -> Option<Date> {
    let span = jiff::Span::new().try_days(days).ok()?;
    date.checked_add(span).ok()
}

/// The Monday of the Monday–Sunday week holding `date`.
pub fn monday_of(date: Date) -> Option<Date> {
    add_days(date, -i64::from(date.weekday().to_monday_zero_offset()))
}

/// The plan week `date` falls in, counting from the week of `monday`
/// (week 1); 0 and below lie before the plan.
pub fn week_of(monday: Date, date: Date) -> i64 {
    let days = date.duration_since(monday).as_secs().div_euclid(86_400);
    days.div_euclid(7) + 1
}

/// A local date and time in the plan's zone, as a zoned instant. Times that
/// a clock change skips or repeats resolve the usual way (jiff's
/// "compatible" rule: a skipped time moves forward by the gap, a repeated
/// one takes the earlier instant).
pub fn instant(date: Date, time: Time, zone: &Zone) -> Option<Zoned> {
    date.to_datetime(time).to_zoned(zone.tz.clone()).ok()
}

/// `start` plus `seconds`.
pub fn later(start: Timestamp, seconds: u32) -> Option<Timestamp> {
    start
        .checked_add(SignedDuration::from_secs(i64::from(seconds)))
        .ok()
}

/// Lowers the races, in date order. Their plan weeks need the start date;
/// without a valid one (already reported) they are all week 0.
pub fn races(
    races: &[(&Race, &Item)],
    start: Option<Date>,
    zone: &Zone,
    diags: &mut Vec<Diagnostic>,
) -> Vec<RaceEvent> {
    let monday = start.and_then(monday_of);
    let mut lowered = Vec::new();
    for (race, item) in races {
        let date_value = date(&race.date, diags);
        let time_value = race.time.as_ref().and_then(|t| time(t, diags));
        let Some(date_value) = date_value else {
            continue;
        };
        let week = monday.map_or(0, |m| week_of(m, date_value));
        if week > i64::from(MAX_WEEKS) {
            diags.push(too_many_weeks(
                race.date.span,
                &format!("the race \"{}\" falls in week {week}", race.name.value),
            ));
        }
        let start_utc = time_value
            .and_then(|t| instant(date_value, t, zone))
            .map(|z| z.timestamp());
        lowered.push(RaceEvent {
            name: race.name.value.clone(),
            date: date_value,
            time: time_value,
            start_utc,
            duration_min: race
                .duration
                .as_ref()
                .map(|d| d.value.seconds / 60 + u32::from(d.value.seconds % 60 >= 30)),
            week,
            span: item.span,
        });
    }
    lowered.sort_by_key(|r| (r.date, r.time));
    lowered
}

fn too_many_weeks(span: Span, what: &str) -> Diagnostic {
    Diagnostic::error(
        ErrorCode::TooManyWeeks,
        format!("{what}, but stride expands plans of at most {MAX_WEEKS} weeks"),
    )
    .with_label(span, "too far out")
    .with_help(format!(
        "keep the plan within {MAX_WEEKS} weeks of its start, or split it into several plans"
    ))
}

fn range_text(first: u32, last: u32) -> String {
    if first == last {
        format!("week {first}")
    } else {
        format!("weeks {first}-{last}")
    }
}

/// Checks every block's `weeks A-B` and that no two blocks share a week
/// (reporting each block against the first earlier one it overlaps). A
/// block with invalid weeks gets `None` (and covers nothing).
pub fn block_weeks(
    blocks: &[(&Block, &Item)],
    diags: &mut Vec<Diagnostic>,
) -> Vec<Option<WeekRange>> {
    let mut ranges: Vec<Option<WeekRange>> = Vec::new();
    for (block, _) in blocks {
        let (first, last) = (block.first_week.value, block.last_week.value);
        let problem = if first == 0 || last == 0 {
            Some((
                "weeks are numbered from 1".to_owned(),
                format!(
                    "week 1 is the week holding the `start` date: write weeks 1-{}",
                    last.max(1)
                ),
            ))
        } else if first > last {
            Some((
                format!("weeks {first}-{last} run backwards"),
                format!("write the earlier week first: weeks {last}-{first}"),
            ))
        } else {
            None
        };
        if let Some((message, help)) = problem {
            diags.push(
                Diagnostic::error(ErrorCode::InvalidWeeks, message)
                    .with_label(block.weeks_span, "invalid weeks")
                    .with_help(help),
            );
            ranges.push(None);
            continue;
        }
        if last > MAX_WEEKS {
            diags.push(too_many_weeks(
                block.weeks_span,
                &format!("the block \"{}\" runs to week {last}", block.name.value),
            ));
            ranges.push(None);
            continue;
        }
        let range = WeekRange { first, last };
        for (earlier, (other, _)) in ranges.iter().zip(blocks) {
            let Some(earlier) = earlier else { continue };
            let shared_first = earlier.first.max(first);
            let shared_last = earlier.last.min(last);
            if shared_first > shared_last {
                continue;
            }
            diags.push(
                Diagnostic::error(
                    ErrorCode::OverlappingBlocks,
                    format!(
                        "blocks \"{}\" ({}) and \"{}\" ({}) both claim {}",
                        other.name.value,
                        range_text(earlier.first, earlier.last),
                        block.name.value,
                        range_text(first, last),
                        range_text(shared_first, shared_last),
                    ),
                )
                .with_label(
                    block.weeks_span,
                    format!("overlaps \"{}\"", other.name.value),
                )
                .with_context(
                    other.weeks_span,
                    format!("\"{}\" claims these weeks", other.name.value),
                )
                .with_help("make each block start after the one before it ends"),
            );
            // One overlap a block is enough to act on, and it keeps the
            // report linear in the number of blocks.
            break;
        }
        ranges.push(Some(range));
    }
    ranges
}

/// The plan's view of the blocks, in source order (the order
/// [`crate::plan::Week::block`] indexes).
pub fn block_infos(blocks: &[(&Block, &Item)], weeks: &[Option<WeekRange>]) -> Vec<BlockInfo> {
    blocks
        .iter()
        .zip(weeks)
        .map(|((block, item), weeks)| BlockInfo {
            name: block.name.value.clone(),
            first_week: weeks.map_or(block.first_week.value, |w| w.first),
            last_week: weeks.map_or(block.last_week.value, |w| w.last),
            span: item.span,
            header: Span::new(item.keyword.start, block.weeks_span.end),
        })
        .collect()
}

/// Checks the counts in `deload every N weeks` and `taper N weeks`, which
/// need no calendar (so they are reported even without a start date).
pub fn check_counts(
    deload: Option<(&Deload, &Item)>,
    taper: Option<(&Taper, &Item)>,
    diags: &mut Vec<Diagnostic>,
) {
    if let Some((deload, _)) = deload
        && let DeloadSchedule::Every(n) = &deload.schedule
        && n.value == 0
    {
        diags.push(
            Diagnostic::error(
                ErrorCode::InvalidWeeks,
                "`deload every 0 weeks` never comes round",
            )
            .with_label(n.span, "must be at least 1")
            .with_help("deload every few weeks, e.g. `deload every 4 weeks`"),
        );
    }
    if let Some((taper, _)) = taper
        && taper.weeks.value == 0
    {
        diags.push(
            Diagnostic::error(ErrorCode::InvalidWeeks, "a taper of 0 weeks does nothing")
                .with_label(taper.weeks.span, "must be at least 1")
                .with_help("taper for one week or more, or remove the `taper` statement"),
        );
    }
}

/// What [`Calendar::build`] lays out.
pub struct Layout<'a> {
    pub start: Date,
    pub start_span: Span,
    pub blocks: &'a [Option<WeekRange>],
    pub races: &'a [RaceEvent],
    pub deload: Option<(&'a Deload, &'a Item)>,
    pub taper: Option<(&'a Taper, &'a Item)>,
}

/// One plan week before anything is scheduled in it.
#[derive(Debug, Clone)]
pub struct WeekSlot {
    pub number: u32,
    pub monday: Date,
    pub sunday: Date,
    /// Index of the block covering the week.
    pub block: Option<usize>,
    pub kind: WeekKind,
}

/// The plan's weeks.
#[derive(Debug, Clone)]
pub struct Calendar {
    pub start: Date,
    pub weeks: Vec<WeekSlot>,
}

impl Calendar {
    /// Lays out the weeks: as many as the last block or the last race
    /// needs (a plan with neither has none), each with its block and kind.
    /// A week that is both a deload and a taper week is a taper week.
    pub fn build(layout: &Layout<'_>, diags: &mut Vec<Diagnostic>) -> Option<Calendar> {
        let out_of_range = |diags: &mut Vec<Diagnostic>| {
            diags.push(
                Diagnostic::error(
                    ErrorCode::InvalidDate,
                    "the plan runs past 9999-12-31, the last date stride knows",
                )
                .with_label(layout.start_span, "starts too late")
                .with_help("start the plan earlier"),
            );
            None
        };
        let Some(first_monday) = monday_of(layout.start) else {
            return out_of_range(diags);
        };
        let last_block = layout
            .blocks
            .iter()
            .flatten()
            .map(|r| r.last)
            .max()
            .unwrap_or(0);
        let last_race = layout
            .races
            .iter()
            .map(|r| r.week)
            .filter(|w| (1..=i64::from(MAX_WEEKS)).contains(w))
            .max()
            .and_then(|w| u32::try_from(w).ok())
            .unwrap_or(0);
        let count = last_block.max(last_race);

        let mut deloads = BTreeSet::new();
        if let Some((deload, _)) = layout.deload {
            match &deload.schedule {
                DeloadSchedule::Every(n) if n.value > 0 => {
                    deloads.extend((n.value..=count).step_by(n.value as usize));
                }
                DeloadSchedule::Every(_) => {}
                DeloadSchedule::Weeks(weeks) => {
                    for week in weeks {
                        if (1..=count).contains(&week.value) {
                            deloads.insert(week.value);
                        } else {
                            diags.push(outside_plan(week, count));
                        }
                    }
                }
            }
        }
        let tapers = taper_weeks(layout, count, diags);

        let mut weeks = Vec::new();
        for number in 1..=count {
            let offset = i64::from(number - 1) * 7;
            let (Some(monday), Some(sunday)) = (
                add_days(first_monday, offset),
                add_days(first_monday, offset + 6),
            ) else {
                return out_of_range(diags);
            };
            let block = layout
                .blocks
                .iter()
                .position(|r| r.is_some_and(|r| r.contains(number)));
            let kind = if tapers.contains(&number) {
                WeekKind::Taper
            } else if deloads.contains(&number) {
                WeekKind::Deload
            } else {
                WeekKind::Loading
            };
            weeks.push(WeekSlot {
                number,
                monday,
                sunday,
                block,
                kind,
            });
        }
        Some(Calendar {
            start: layout.start,
            weeks,
        })
    }
}

/// The taper weeks: the `N` weeks up to and including the goal race's week
/// (the last race by date, as [`crate::plan::Plan::goal_race`] picks it).
fn taper_weeks(layout: &Layout<'_>, count: u32, diags: &mut Vec<Diagnostic>) -> BTreeSet<u32> {
    let mut weeks = BTreeSet::new();
    let Some((taper, item)) = layout.taper else {
        return weeks;
    };
    let Some(race) = layout.races.iter().max_by_key(|r| (r.date, r.time)) else {
        diags.push(
            Diagnostic::error(
                ErrorCode::TaperWithoutRace,
                "`taper` counts back from a race, but the plan has none",
            )
            .with_label(item.keyword, "no race to taper for")
            .with_help(
                "add a `race` statement, e.g. race \"City Half\" 2027-04-11, or remove the taper",
            ),
        );
        return weeks;
    };
    let n = taper.weeks.value;
    let race_week = race.week;
    if n == 0 || race_week > i64::from(MAX_WEEKS) {
        // Reported already.
        return weeks;
    }
    let first = race_week - i64::from(n) + 1;
    if first < 1 {
        let help = if race_week >= 1 {
            format!(
                "shorten the taper to at most {}, or start the plan earlier",
                super::weeks_text(race_week.unsigned_abs())
            )
        } else {
            "the race is before the plan's first week: check the `start` and race dates".to_owned()
        };
        diags.push(
            Diagnostic::error(
                ErrorCode::WeekOutsidePlan,
                format!(
                    "a {n}-week taper for \"{}\" (in week {race_week}) would begin in week {first}, before the plan starts",
                    race.name
                ),
            )
            .with_label(taper.weeks.span, "too long")
            .with_help(help),
        );
        return weeks;
    }
    let (Ok(first), Ok(last)) = (u32::try_from(first), u32::try_from(race_week)) else {
        return weeks;
    };
    weeks.extend((first..=last).filter(|w| *w <= count));
    weeks
}

fn outside_plan(week: &Spanned<u32>, count: u32) -> Diagnostic {
    let (message, help) = if count == 0 {
        (
            format!(
                "week {} is outside the plan, which has no weeks",
                week.value
            ),
            "add a block (or a race) so that the plan has weeks".to_owned(),
        )
    } else {
        (
            format!(
                "week {} is outside the plan, which has {}",
                week.value,
                super::weeks_text(u64::from(count))
            ),
            format!("the plan runs weeks 1-{count}: pick a week in that range"),
        )
    };
    Diagnostic::error(ErrorCode::WeekOutsidePlan, message)
        .with_label(week.span, "not a week of the plan")
        .with_help(help)
}
