//! Calendar dates and UTC instants, without a clock and without a time-zone database.
//!
//! The widget only ever needs two textual forms, both strict:
//!
//! * a calendar date, `YYYY-MM-DD` (document effective dates), and
//! * a UTC instant, `YYYY-MM-DDTHH:MM:SSZ` (the refund contract's timestamps).
//!
//! Instants are counted in whole seconds since 1970-01-01T00:00:00Z. A day is always
//! 86,400 seconds: there are no leap seconds and no time zones here. Converting to a
//! learner's local time is the browser's job.
//!
//! ```
//! use terms_widget::domain::time::{Date, Timestamp};
//!
//! let d = Date::parse("2024-02-29").unwrap();
//! assert_eq!(d.to_string(), "2024-02-29");
//! assert!(Date::parse("2023-02-29").is_err());
//!
//! let t = Timestamp::parse("2024-03-01T12:00:00Z").unwrap();
//! assert_eq!(t.plus_days(14).to_string(), "2024-03-15T12:00:00Z");
//! ```

use std::fmt;

/// Seconds in one day: the refund contract's unit of time.
pub const SECONDS_PER_DAY: i64 = 86_400;

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

/// A calendar date in the proleptic Gregorian calendar, years 0000 to 9999.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, 0..=9999.
    pub year: u16,
    /// Month, 1..=12.
    pub month: u8,
    /// Day of the month, 1..=31 (checked against the month's length).
    pub day: u8,
}

/// Is `year` a leap year in the Gregorian calendar?
pub fn is_leap_year(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` (1..=12) of `year`; 0 for a month outside 1..=12.
pub fn days_in_month(year: i64, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Parses a non-empty run of ASCII digits (the callers slice fixed widths).
fn digits(bytes: &[u8]) -> Option<u32> {
    if bytes.is_empty() || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(
        bytes
            .iter()
            .fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0')),
    )
}

impl Date {
    /// Parses a strict `YYYY-MM-DD` date and checks that it exists.
    ///
    /// ```
    /// use terms_widget::domain::time::{Date, TimeError};
    /// assert!(Date::parse("2026-09-01").is_ok());
    /// assert_eq!(Date::parse("2026-9-1"), Err(TimeError::Format { expected: "YYYY-MM-DD" }));
    /// assert_eq!(Date::parse("2026-04-31"), Err(TimeError::NoSuchDate));
    /// ```
    pub fn parse(text: &str) -> Result<Date, TimeError> {
        const EXPECTED: TimeError = TimeError::Format {
            expected: "YYYY-MM-DD",
        };
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(EXPECTED);
        }
        let (Some(year), Some(month), Some(day)) =
            (digits(&b[0..4]), digits(&b[5..7]), digits(&b[8..10]))
        else {
            return Err(EXPECTED);
        };
        Date::new(year as u16, month as u8, day as u8)
    }

    /// Builds a date, checking that it exists.
    pub fn new(year: u16, month: u8, day: u8) -> Result<Date, TimeError> {
        if year > 9999 || day == 0 || day > days_in_month(i64::from(year), month) {
            return Err(TimeError::NoSuchDate);
        }
        Ok(Date { year, month, day })
    }

    /// The date in words, in English: `1 September 2026`.
    ///
    /// ```
    /// use terms_widget::domain::time::Date;
    /// assert_eq!(Date::parse("2026-09-01").unwrap().long(), "1 September 2026");
    /// ```
    pub fn long(self) -> String {
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
        let month = MONTHS
            .get(usize::from(self.month.saturating_sub(1)))
            .unwrap_or(&"?");
        format!("{} {month} {}", self.day, self.year)
    }

    /// The day before, if it lies in years 0..=9999.
    pub fn previous_day(self) -> Option<Date> {
        Date::from_days_since_epoch(self.days_since_epoch() - 1)
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days_since_epoch(self) -> i64 {
        days_from_civil(i64::from(self.year), self.month, self.day)
    }

    /// The date `days` days after 1970-01-01, if it lies in years 0..=9999.
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        // 0000-01-01 and 9999-12-31; outside them the arithmetic below could overflow.
        if !(-719_528..=2_932_896).contains(&days) {
            return None;
        }
        let (y, m, d) = civil_from_days(days);
        if !(0..=9999).contains(&y) {
            return None;
        }
        Some(Date {
            year: y as u16,
            month: m,
            day: d,
        })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Days from 1970-01-01 to the given civil date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: u8, day: u8) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count from 1970-01-01 (inverse of [`days_from_civil`]).
fn civil_from_days(days: i64) -> (i64, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// A UTC instant with one-second resolution, as seconds since the Unix epoch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub i64);

impl Timestamp {
    /// Parses a strict `YYYY-MM-DDTHH:MM:SSZ` UTC instant.
    ///
    /// ```
    /// use terms_widget::domain::time::{Timestamp, TimeError};
    /// assert_eq!(Timestamp::parse("1970-01-02T00:00:00Z").unwrap().0, 86_400);
    /// assert_eq!(Timestamp::parse("2023-02-29T00:00:00Z"), Err(TimeError::NoSuchDate));
    /// assert!(Timestamp::parse("2024-01-01T00:00:00+01:00").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Timestamp, TimeError> {
        const EXPECTED: TimeError = TimeError::Format {
            expected: "YYYY-MM-DDTHH:MM:SSZ",
        };
        let b = text.as_bytes();
        if b.len() != 20 || b[10] != b'T' || b[13] != b':' || b[16] != b':' || b[19] != b'Z' {
            return Err(EXPECTED);
        }
        let date = match Date::parse(&text[..10]) {
            Err(TimeError::Format { .. }) => return Err(EXPECTED),
            other => other?,
        };
        let (Some(h), Some(m), Some(s)) =
            (digits(&b[11..13]), digits(&b[14..16]), digits(&b[17..19]))
        else {
            return Err(EXPECTED);
        };
        if h > 23 || m > 59 || s > 59 {
            return Err(TimeError::NoSuchTime);
        }
        Ok(Timestamp(
            date.days_since_epoch() * SECONDS_PER_DAY
                + i64::from(h) * 3600
                + i64::from(m) * 60
                + i64::from(s),
        ))
    }

    /// This instant plus `days` days of exactly 86,400 seconds each (saturating).
    pub fn plus_days(self, days: i64) -> Timestamp {
        Timestamp(self.0.saturating_add(days.saturating_mul(SECONDS_PER_DAY)))
    }

    /// The calendar date (in UTC) this instant falls on, if it lies in years 0..=9999.
    pub fn date(self) -> Option<Date> {
        Date::from_days_since_epoch(self.0.div_euclid(SECONDS_PER_DAY))
    }
}

impl fmt::Display for Timestamp {
    /// Formats as `YYYY-MM-DDTHH:MM:SSZ`; outside years 0..=9999 falls back to `@<seconds>`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some(date) = self.date() else {
            return write!(f, "@{}", self.0);
        };
        let secs = self.0.rem_euclid(SECONDS_PER_DAY);
        write!(
            f,
            "{date}T{:02}:{:02}:{:02}Z",
            secs / 3600,
            secs % 3600 / 60,
            secs % 60
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_and_known_instants() {
        assert_eq!(Timestamp::parse("1970-01-01T00:00:00Z"), Ok(Timestamp(0)));
        assert_eq!(
            Timestamp::parse("2000-03-01T00:00:00Z"),
            Ok(Timestamp(951_868_800))
        );
        assert_eq!(
            Timestamp::parse("2024-02-29T23:59:59Z"),
            Ok(Timestamp(1_709_251_199))
        );
        assert_eq!(Timestamp::parse("1969-12-31T23:59:59Z"), Ok(Timestamp(-1)));
    }

    #[test]
    fn leap_years_and_month_ends() {
        assert!(Date::parse("2000-02-29").is_ok());
        assert_eq!(Date::parse("1900-02-29"), Err(TimeError::NoSuchDate));
        assert_eq!(Date::parse("2023-02-29"), Err(TimeError::NoSuchDate));
        assert!(Date::parse("2024-02-29").is_ok());
        for (m, last) in [(1, 31), (4, 30), (6, 30), (9, 30), (11, 30), (12, 31)] {
            assert!(Date::new(2025, m, last).is_ok());
            assert_eq!(Date::new(2025, m, last + 1), Err(TimeError::NoSuchDate));
        }
        assert_eq!(Date::parse("2025-13-01"), Err(TimeError::NoSuchDate));
        assert_eq!(Date::parse("2025-00-10"), Err(TimeError::NoSuchDate));
        assert_eq!(Date::parse("2025-01-00"), Err(TimeError::NoSuchDate));
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
        ] {
            assert!(
                matches!(Date::parse(bad), Err(TimeError::Format { .. })),
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
        ] {
            assert!(
                matches!(Timestamp::parse(bad), Err(TimeError::Format { .. })),
                "{bad:?}"
            );
        }
        assert_eq!(
            Timestamp::parse("2024-01-01T24:00:00Z"),
            Err(TimeError::NoSuchTime)
        );
        assert_eq!(
            Timestamp::parse("2024-01-01T23:60:00Z"),
            Err(TimeError::NoSuchTime)
        );
        assert_eq!(
            Timestamp::parse("2024-01-01T23:59:60Z"),
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
            assert_eq!(Timestamp::parse(s).unwrap().to_string(), s);
        }
        assert_eq!(Timestamp(i64::MAX).to_string(), format!("@{}", i64::MAX));
    }

    #[test]
    fn days_are_86400_seconds() {
        let t = Timestamp::parse("2024-02-28T10:00:00Z").unwrap();
        assert_eq!(t.plus_days(1).to_string(), "2024-02-29T10:00:00Z");
        assert_eq!(t.plus_days(2).to_string(), "2024-03-01T10:00:00Z");
        let dec = Timestamp::parse("2025-12-25T23:59:59Z").unwrap();
        assert_eq!(dec.plus_days(14).to_string(), "2026-01-08T23:59:59Z");
        assert_eq!(Timestamp(i64::MAX).plus_days(1), Timestamp(i64::MAX));
        assert_eq!(Date::from_days_since_epoch(i64::MAX), None);
        assert_eq!(Date::from_days_since_epoch(i64::MIN), None);
        assert_eq!(Date::from_days_since_epoch(2_932_897), None);
        assert_eq!(Timestamp(i64::MIN).to_string(), format!("@{}", i64::MIN));
    }

    #[test]
    fn civil_round_trip_over_a_wide_range() {
        for days in (-719_528..=2_932_896).step_by(997) {
            let date = Date::from_days_since_epoch(days).unwrap();
            assert_eq!(date.days_since_epoch(), days);
            assert_eq!(Date::parse(&date.to_string()), Ok(date));
        }
    }
}
