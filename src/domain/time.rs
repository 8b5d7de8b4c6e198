//! Our strict textual forms for dates and UTC instants, on top of [`chrono`].
//!
//! Dates are [`chrono::NaiveDate`] and instants [`chrono::DateTime<Utc>`]; chrono does
//! the calendar (leap years, month lengths) and the arithmetic. This module keeps only
//! what is ours: the two strict shapes the widget reads and writes, and the errors that
//! tests and the UI show.
//!
//! * a calendar date, `YYYY-MM-DD` (document effective dates), and
//! * a UTC instant, `YYYY-MM-DDTHH:MM:SSZ` (the refund contract's timestamps).
//!
//! chrono's own parsers are lenient in places (`%Y` takes a sign and more than four
//! digits, `%S` takes a leap second), so the shapes are checked here first, byte by byte,
//! and chrono only builds and validates the date and time of day.
//!
//! Instants have one-second resolution. A day is always 86,400 seconds: there are no leap
//! seconds and no time zones here, and no clock: callers pass `now` in. Converting to a
//! learner's local time is the browser's job.
//!
//! ```
//! use terms_widget::domain::time::{format_instant, parse_date, parse_instant, plus_days};
//!
//! let d = parse_date("2024-02-29").unwrap();
//! assert_eq!(d.to_string(), "2024-02-29");
//! assert!(parse_date("2023-02-29").is_err());
//!
//! let t = parse_instant("2024-03-01T12:00:00Z").unwrap();
//! assert_eq!(format_instant(plus_days(t, 14)), "2024-03-15T12:00:00Z");
//! ```

use std::fmt;

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, TimeDelta, Timelike, Utc};

/// Why a date or timestamp string was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimeError {
    /// The text does not have the required shape (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SSZ`).
    Format {
        /// What was expected, e.g. `"YYYY-MM-DD"`.
        expected: &'static str,
    },
    /// The shape is right but the date does not exist, e.g. `2023-02-29` or month 13.
    NoSuchDate,
    /// The shape is right but the time of day does not exist, e.g. `24:00:00`.
    NoSuchTime,
}

impl fmt::Display for TimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimeError::Format { expected } => write!(f, "expected the form {expected}"),
            TimeError::NoSuchDate => f.write_str("that date does not exist in the calendar"),
            TimeError::NoSuchTime => f.write_str("that time of day does not exist"),
        }
    }
}

impl std::error::Error for TimeError {}

/// The first instant the contract's timestamp form can write: `0000-01-01T00:00:00Z`.
pub const FIRST_INSTANT: DateTime<Utc> = instant_at(0, 1, 1, 0, 0, 0);

/// The last instant the contract's timestamp form can write: `9999-12-31T23:59:59Z`.
pub const LAST_INSTANT: DateTime<Utc> = instant_at(9999, 12, 31, 23, 59, 59);

/// A constant instant; a date or time that does not exist fails the build.
const fn instant_at(year: i32, month: u32, day: u32, h: u32, m: u32, s: u32) -> DateTime<Utc> {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => match date.and_hms_opt(h, m, s) {
            Some(datetime) => datetime.and_utc(),
            None => panic!("no such time of day"),
        },
        None => panic!("no such date"),
    }
}

/// The number written by the ASCII digits at `range` of `text`, if they are all digits.
fn digits(text: &str, range: std::ops::Range<usize>) -> Option<u32> {
    let part = text.get(range)?;
    if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    part.parse().ok()
}

/// Parses a strict `YYYY-MM-DD` date and checks that it exists.
///
/// ```
/// use terms_widget::domain::time::{TimeError, parse_date};
/// assert!(parse_date("2026-09-01").is_ok());
/// assert_eq!(parse_date("2026-9-1"), Err(TimeError::Format { expected: "YYYY-MM-DD" }));
/// assert_eq!(parse_date("2026-04-31"), Err(TimeError::NoSuchDate));
/// ```
pub fn parse_date(text: &str) -> Result<NaiveDate, TimeError> {
    const EXPECTED: TimeError = TimeError::Format {
        expected: "YYYY-MM-DD",
    };
    let b = text.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return Err(EXPECTED);
    }
    let (Some(year), Some(month), Some(day)) =
        (digits(text, 0..4), digits(text, 5..7), digits(text, 8..10))
    else {
        return Err(EXPECTED);
    };
    let year = i32::try_from(year).map_err(|_| EXPECTED)?;
    NaiveDate::from_ymd_opt(year, month, day).ok_or(TimeError::NoSuchDate)
}

/// Parses a strict `YYYY-MM-DDTHH:MM:SSZ` UTC instant.
///
/// ```
/// use terms_widget::domain::time::{TimeError, parse_instant};
/// assert_eq!(parse_instant("1970-01-02T00:00:00Z").unwrap().timestamp(), 86_400);
/// assert_eq!(parse_instant("2023-02-29T00:00:00Z"), Err(TimeError::NoSuchDate));
/// assert!(parse_instant("2024-01-01T00:00:00+01:00").is_err());
/// ```
pub fn parse_instant(text: &str) -> Result<DateTime<Utc>, TimeError> {
    const FORM: &str = "YYYY-MM-DDTHH:MM:SSZ";
    const EXPECTED: TimeError = TimeError::Format { expected: FORM };
    let b = text.as_bytes();
    if b.len() != 20
        || b.get(10) != Some(&b'T')
        || b.get(13) != Some(&b':')
        || b.get(16) != Some(&b':')
        || b.get(19) != Some(&b'Z')
    {
        return Err(EXPECTED);
    }
    let date = match parse_date(text.get(..10).ok_or(EXPECTED)?) {
        Err(TimeError::Format { .. }) => return Err(EXPECTED),
        other => other?,
    };
    let time = parse_time_of_day(text.get(11..19).ok_or(EXPECTED)?, true, FORM)?;
    Ok(date.and_time(time).and_utc())
}

/// Parses a strict time of day, `HH:MM:SS`, or `HH:MM` when `with_seconds` is false,
/// and checks that it exists: `24:00`, `23:60` and a leap second `23:59:60` do not. A text
/// of another shape is `TimeError::Format { expected }`.
pub fn parse_time_of_day(
    text: &str,
    with_seconds: bool,
    expected: &'static str,
) -> Result<NaiveTime, TimeError> {
    let b = text.as_bytes();
    let shape_ok = if with_seconds {
        b.len() == 8 && b.get(2) == Some(&b':') && b.get(5) == Some(&b':')
    } else {
        b.len() == 5 && b.get(2) == Some(&b':')
    };
    if !shape_ok {
        return Err(TimeError::Format { expected });
    }
    let number = |range| digits(text, range).ok_or(TimeError::Format { expected });
    let (hour, minute) = (number(0..2)?, number(3..5)?);
    let second = if with_seconds { number(6..8)? } else { 0 };
    NaiveTime::from_hms_opt(hour, minute, second).ok_or(TimeError::NoSuchTime)
}

/// Can the contract's timestamp form write `t`, i.e. does it lie in the years 0000 to
/// 9999?
pub fn is_writable(t: DateTime<Utc>) -> bool {
    (FIRST_INSTANT..=LAST_INSTANT).contains(&t)
}

/// Formats `t` as `YYYY-MM-DDTHH:MM:SSZ` (fractions of a second are dropped); outside the
/// years 0000 to 9999 falls back to `@<seconds since 1970>`.
///
/// ```
/// use terms_widget::domain::time::{format_instant, parse_instant};
/// let t = parse_instant("2024-02-29T12:34:56Z").unwrap();
/// assert_eq!(format_instant(t), "2024-02-29T12:34:56Z");
/// ```
pub fn format_instant(t: DateTime<Utc>) -> String {
    let mut text = String::with_capacity(20);
    push_instant(&mut text, t);
    text
}

/// [`format_instant`], appended to `out` (no allocation of its own).
///
/// ```
/// use terms_widget::domain::time::{parse_instant, push_instant};
/// let mut out = String::from("at ");
/// push_instant(&mut out, parse_instant("0042-01-02T03:04:05Z").unwrap());
/// assert_eq!(out, "at 0042-01-02T03:04:05Z");
/// ```
pub fn push_instant(out: &mut String, t: DateTime<Utc>) {
    match InstantFields::of(t) {
        Some(fields) => {
            fields.push_date(out);
            out.push('T');
            fields.push_time(out, true);
            out.push('Z');
        }
        None => {
            out.push('@');
            push_number(out, t.timestamp());
        }
    }
}

/// The calendar fields of an instant the contract's form can write (years 0000 to 9999),
/// as `%Y-%m-%dT%H:%M:%S` would write them.
#[derive(Debug, Clone, Copy)]
pub struct InstantFields {
    year: u32,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
    second: u32,
}

impl InstantFields {
    /// The fields of `t`, or `None` outside the years 0000 to 9999.
    pub fn of(t: DateTime<Utc>) -> Option<InstantFields> {
        if !is_writable(t) {
            return None;
        }
        let (date, time) = (t.date_naive(), t.time());
        Some(InstantFields {
            year: u32::try_from(date.year()).ok()?,
            month: date.month(),
            day: date.day(),
            hour: time.hour(),
            minute: time.minute(),
            // As chrono's `%S` writes it: a leap second is `60`.
            second: time.second() + time.nanosecond() / 1_000_000_000,
        })
    }

    /// Whether the seconds are `00`.
    pub fn on_the_minute(self) -> bool {
        self.second == 0
    }

    /// Appends `YYYY-MM-DD`.
    pub fn push_date(self, out: &mut String) {
        push_padded(out, self.year, 4);
        out.push('-');
        push_padded(out, self.month, 2);
        out.push('-');
        push_padded(out, self.day, 2);
    }

    /// Appends `HH:MM:SS`, or `HH:MM` without `seconds`.
    pub fn push_time(self, out: &mut String, seconds: bool) {
        push_padded(out, self.hour, 2);
        out.push(':');
        push_padded(out, self.minute, 2);
        if seconds {
            out.push(':');
            push_padded(out, self.second, 2);
        }
    }
}

/// Appends `n` in decimal with at least `width` digits (zeros in front).
pub fn push_padded(out: &mut String, n: impl Into<u64>, width: usize) {
    let mut digits = [b'0'; 20];
    let (mut start, mut rest) = (digits.len(), n.into());
    let first = digits.len().saturating_sub(width.max(1));
    while start > first || rest > 0 {
        start -= 1;
        digits[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
    }
    // Only ASCII digits were written.
    out.push_str(std::str::from_utf8(&digits[start..]).unwrap_or_default());
}

/// Appends `n` in decimal, with a `-` when negative.
pub fn push_number(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    push_padded(out, n.unsigned_abs(), 1);
}

/// `t` plus `days` days of exactly 86,400 seconds each, saturating at the ends of
/// chrono's range (`DateTime::<Utc>::MIN_UTC` and `MAX_UTC`).
pub fn plus_days(t: DateTime<Utc>, days: i64) -> DateTime<Utc> {
    TimeDelta::try_days(days)
        .and_then(|delta| t.checked_add_signed(delta))
        .unwrap_or(if days < 0 {
            DateTime::<Utc>::MIN_UTC
        } else {
            DateTime::<Utc>::MAX_UTC
        })
}

/// Dates in words.
pub trait LongDate {
    /// The date in words, in English: `1 September 2026`.
    ///
    /// ```
    /// use terms_widget::domain::time::{LongDate, parse_date};
    /// assert_eq!(parse_date("2026-09-01").unwrap().long(), "1 September 2026");
    /// ```
    fn long(self) -> String;
}

impl LongDate for NaiveDate {
    fn long(self) -> String {
        format!(
            "{} {} {}",
            self.day(),
            month_name(self.month()),
            self.year()
        )
    }
}

/// The English name of month `month` (1 to 12), as `%B` writes it; `?` for another number.
///
/// Written out rather than through chrono's `format("%B")`: the format-string machinery
/// costs the wasm build several KB, for twelve words.
pub fn month_name(month: u32) -> &'static str {
    const MONTHS: [&str; 12] = [
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
    month
        .checked_sub(1)
        .and_then(|i| MONTHS.get(i as usize))
        .copied()
        .unwrap_or("?")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seconds(text: &str) -> Result<i64, TimeError> {
        parse_instant(text).map(|t| t.timestamp())
    }

    #[test]
    fn epoch_and_known_instants() {
        assert_eq!(seconds("1970-01-01T00:00:00Z"), Ok(0));
        assert_eq!(seconds("2000-03-01T00:00:00Z"), Ok(951_868_800));
        assert_eq!(seconds("2024-02-29T23:59:59Z"), Ok(1_709_251_199));
        assert_eq!(seconds("1969-12-31T23:59:59Z"), Ok(-1));
        assert_eq!(FIRST_INSTANT.timestamp(), -62_167_219_200);
        assert_eq!(LAST_INSTANT.timestamp(), 253_402_300_799);
    }

    #[test]
    fn leap_years_and_month_ends() {
        assert!(parse_date("2000-02-29").is_ok());
        assert_eq!(parse_date("1900-02-29"), Err(TimeError::NoSuchDate));
        assert_eq!(parse_date("2023-02-29"), Err(TimeError::NoSuchDate));
        assert!(parse_date("2024-02-29").is_ok());
        for (m, last) in [(1, 31), (4, 30), (6, 30), (9, 30), (11, 30), (12, 31)] {
            assert!(parse_date(&format!("2025-{m:02}-{last:02}")).is_ok());
            assert_eq!(
                parse_date(&format!("2025-{m:02}-{:02}", last + 1)),
                Err(TimeError::NoSuchDate)
            );
        }
        assert_eq!(parse_date("2025-13-01"), Err(TimeError::NoSuchDate));
        assert_eq!(parse_date("2025-00-10"), Err(TimeError::NoSuchDate));
        assert_eq!(parse_date("2025-01-00"), Err(TimeError::NoSuchDate));
    }

    #[test]
    fn refuses_loose_shapes() {
        for bad in [
            "",
            "2024-1-01",
            "2024/01/01",
            "2024-01-01 ",
            " 2024-01-01",
            "+024-01-01",
            "2024-01-0a",
            "２０２４-01-01",
            // chrono's `%Y` would take these.
            "+2024-01-01",
            "-0001-01-01",
            "12024-01-01",
            "2024-+1-01",
        ] {
            assert!(
                matches!(parse_date(bad), Err(TimeError::Format { .. })),
                "{bad:?}"
            );
        }
        for bad in [
            "2024-01-01T00:00:00",
            "2024-01-01t00:00:00Z",
            "2024-01-01T00:00:00.000Z",
            "2024-01-01T00:00Z",
            "2024-01-01T00:00:00+00:00",
            "2024-1-01T00:00:00Z",
            "2024-01-01T0a:00:00Z",
            "2024-01-01 00:00:00Z",
            "2024-01-01T+0:00:00Z",
        ] {
            assert!(
                matches!(parse_instant(bad), Err(TimeError::Format { .. })),
                "{bad:?}"
            );
        }
        assert_eq!(
            parse_instant("2024-01-01T24:00:00Z"),
            Err(TimeError::NoSuchTime)
        );
        assert_eq!(
            parse_instant("2024-01-01T23:60:00Z"),
            Err(TimeError::NoSuchTime)
        );
        // chrono would read this as a leap second.
        assert_eq!(
            parse_instant("2024-01-01T23:59:60Z"),
            Err(TimeError::NoSuchTime)
        );
    }

    #[test]
    fn display_round_trips() {
        for s in [
            "0000-01-01T00:00:00Z",
            "1970-01-01T00:00:00Z",
            "2024-02-29T12:34:56Z",
            "9999-12-31T23:59:59Z",
        ] {
            assert_eq!(format_instant(parse_instant(s).unwrap()), s);
        }
        let max = DateTime::<Utc>::MAX_UTC;
        assert_eq!(format_instant(max), format!("@{}", max.timestamp()));
        let min = DateTime::<Utc>::MIN_UTC;
        assert_eq!(format_instant(min), format!("@{}", min.timestamp()));
        let after = LAST_INSTANT + TimeDelta::seconds(1);
        assert_eq!(format_instant(after), "@253402300800");
        assert!(!is_writable(after));
        assert!(!is_writable(FIRST_INSTANT - TimeDelta::seconds(1)));
    }

    #[test]
    fn days_are_86400_seconds() {
        let t = parse_instant("2024-02-28T10:00:00Z").unwrap();
        assert_eq!(format_instant(plus_days(t, 1)), "2024-02-29T10:00:00Z");
        assert_eq!(format_instant(plus_days(t, 2)), "2024-03-01T10:00:00Z");
        let dec = parse_instant("2025-12-25T23:59:59Z").unwrap();
        assert_eq!(format_instant(plus_days(dec, 14)), "2026-01-08T23:59:59Z");
        let max = DateTime::<Utc>::MAX_UTC;
        assert_eq!(plus_days(max, 1), max);
        assert_eq!(plus_days(t, i64::MAX), max);
        assert_eq!(plus_days(t, i64::MIN), DateTime::<Utc>::MIN_UTC);
        // 2_932_897 days after 1970-01-01 is 10000-01-01: past what the form can write.
        assert!(!is_writable(plus_days(DateTime::UNIX_EPOCH, 2_932_897)));
        assert!(is_writable(plus_days(DateTime::UNIX_EPOCH, 2_932_896)));
    }

    #[test]
    fn format_round_trip_over_a_wide_range() {
        for days in (-719_528..=2_932_896).step_by(997) {
            let date = plus_days(DateTime::UNIX_EPOCH, days).date_naive();
            assert_eq!(parse_date(&date.to_string()), Ok(date));
        }
    }

    #[test]
    fn format_instant_writes_what_strftime_writes() {
        // The hand-written formatter against chrono's `%Y-%m-%dT%H:%M:%SZ`, over the whole
        // writable range and odd times of day.
        for days in (-719_528i64..=2_932_896).step_by(331) {
            let seconds = days.rem_euclid(86_400);
            let t = plus_days(DateTime::UNIX_EPOCH, days) + TimeDelta::seconds(seconds);
            if is_writable(t) {
                let strftime = t.format("%Y-%m-%dT%H:%M:%SZ").to_string();
                assert_eq!(format_instant(t), strftime);
            }
        }
        assert_eq!(format_instant(LAST_INSTANT), "9999-12-31T23:59:59Z");
        assert_eq!(format_instant(FIRST_INSTANT), "0000-01-01T00:00:00Z");
    }

    #[test]
    fn numbers_in_decimal() {
        let text = |n: i64| {
            let mut out = String::new();
            push_number(&mut out, n);
            out
        };
        assert_eq!(text(0), "0");
        assert_eq!(text(7), "7");
        assert_eq!(text(-86_400), "-86400");
        assert_eq!(text(i64::MAX), i64::MAX.to_string());
        assert_eq!(text(i64::MIN), i64::MIN.to_string());
        let mut out = String::new();
        push_padded(&mut out, 5u32, 4);
        push_padded(&mut out, 12_345u32, 4);
        push_padded(&mut out, u64::MAX, 2);
        assert_eq!(out, format!("000512345{}", u64::MAX));
    }

    #[test]
    fn long_dates() {
        assert_eq!(parse_date("2026-03-03").unwrap().long(), "3 March 2026");
        assert_eq!(parse_date("0005-12-31").unwrap().long(), "31 December 5");
    }
}
