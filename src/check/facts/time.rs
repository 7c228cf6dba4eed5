//! When things happen: intervals of Unix seconds, days in the plan's time
//! zone, and dates as messages write them.

use jiff::civil::Date;
use jiff::tz::TimeZone;

/// Seconds in a day.
pub const DAY: i64 = 86_400;
/// Seconds in an hour.
pub const HOUR: i64 = 3_600;

/// A span of time as Unix seconds: `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Interval {
    pub start: i64,
    pub end: i64,
    /// False for a whole-day entry, which occupies its whole day.
    pub timed: bool,
}

impl Interval {
    /// Seconds from the end of `self` to the start of `later` (negative
    /// when they overlap).
    pub fn gap_to(&self, later: &Interval) -> i64 {
        later.start - self.end
    }
}

/// The bundled tz database, as lowering reads it: jiff's global one
/// (`TimeZone::get`) walks the machine's zoneinfo directory on first use,
/// milliseconds of every `stride check` process.
pub(super) fn bundled_zones() -> &'static jiff::tz::TimeZoneDatabase {
    static DB: std::sync::OnceLock<jiff::tz::TimeZoneDatabase> = std::sync::OnceLock::new();
    DB.get_or_init(jiff::tz::TimeZoneDatabase::bundled)
}

pub(super) fn unix(date: Date, tz: &TimeZone) -> i64 {
    date.to_zoned(tz.clone())
        .map(|z| z.timestamp().as_second())
        .unwrap_or(0)
}

pub fn add_days(date: Date, days: i64) -> Option<Date> {
    date.checked_add(jiff::Span::new().days(days)).ok()
}

/// The format of [`day_and_date`].
pub const DAY_AND_DATE: &str = "%a %Y-%m-%d";

/// `Sat 2027-02-13`.
pub fn day_and_date(date: Date) -> String {
    date.strftime(DAY_AND_DATE).to_string()
}

/// Whole days from `a` to `b`.
pub fn days_between(a: Date, b: Date) -> i64 {
    (unix(b, &TimeZone::UTC) - unix(a, &TimeZone::UTC)).div_euclid(DAY)
}
