//! Local date-times, as an `<input type="datetime-local">` holds them.

use chrono::{DateTime, NaiveDate, NaiveTime, Timelike, Utc};

use crate::domain::time::{TimeError, parse_date, parse_time_of_day};

/// A wall-clock date and time with no time zone: the value of an
/// `<input type="datetime-local">`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalDateTime {
    /// The calendar date (checked to exist).
    pub date: NaiveDate,
    /// The time of day, in whole seconds (no leap second).
    pub time: NaiveTime,
}

impl LocalDateTime {
    /// The value written back for a datetime-local input: `YYYY-MM-DDTHH:MM`, with `:SS`
    /// only when the seconds are not zero.
    pub fn to_input_value(self) -> String {
        let (h, m, s) = (self.time.hour(), self.time.minute(), self.time.second());
        if s == 0 {
            format!("{}T{h:02}:{m:02}", self.date)
        } else {
            format!("{}T{h:02}:{m:02}:{s:02}", self.date)
        }
    }

    /// The instant this wall-clock time names in UTC (as if the learner's zone were UTC).
    /// Used by tests and by callers that have already applied an offset; `None` never
    /// happens for a valid value but keeps the signature of a conversion.
    pub fn as_if_utc(self) -> Option<DateTime<Utc>> {
        Some(self.date.and_time(self.time).and_utc())
    }
}

/// Parses a strict datetime-local value, `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS`,
/// checking that the date exists and the time of day is real.
///
/// No fractions of a second, no zone, no space instead of `T`: anything else is a
/// [`TimeError::Format`], an impossible date [`TimeError::NoSuchDate`], an impossible time
/// [`TimeError::NoSuchTime`].
///
/// ```
/// use terms_widget::domain::refund::form::parse_local_input;
/// use terms_widget::domain::time::TimeError;
///
/// assert_eq!(parse_local_input("2024-05-14T15:30").unwrap().to_input_value(), "2024-05-14T15:30");
/// assert_eq!(parse_local_input("2023-02-29T10:00"), Err(TimeError::NoSuchDate));
/// assert!(parse_local_input("2024-05-14 15:30").is_err());
/// ```
pub fn parse_local_input(text: &str) -> Result<LocalDateTime, TimeError> {
    const FORM: &str = "YYYY-MM-DDTHH:MM";
    const EXPECTED: TimeError = TimeError::Format { expected: FORM };
    let b = text.as_bytes();
    let shape_ok = match b.len() {
        16 => b.get(10) == Some(&b'T') && b.get(13) == Some(&b':'),
        19 => b.get(10) == Some(&b'T') && b.get(13) == Some(&b':') && b.get(16) == Some(&b':'),
        _ => false,
    };
    if !shape_ok {
        return Err(EXPECTED);
    }
    let date = match parse_date(text.get(..10).ok_or(EXPECTED)?) {
        Err(TimeError::Format { .. }) => return Err(EXPECTED),
        other => other?,
    };
    let time = parse_time_of_day(text.get(11..).ok_or(EXPECTED)?, b.len() == 19, FORM)?;
    Ok(LocalDateTime { date, time })
}

/// The datetime-local value as the browser would write it back (`:00` seconds dropped), or
/// `None` when it is not a valid value. Comparing this with the value the UTC instant
/// converts back to tells whether the browser had to move a time that does not exist in
/// the learner's zone (the hour skipped when clocks go forward).
pub fn canonical_local_input(text: &str) -> Option<String> {
    parse_local_input(text)
        .ok()
        .map(LocalDateTime::to_input_value)
}
