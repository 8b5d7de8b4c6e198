//! Stamping a new record of an append-only history so that the order of records is the
//! order of decisions.

use chrono::{DateTime, TimeDelta, Utc};
use serde::Serializer;

use crate::domain::time::format_instant;

/// Writes a record's time as `YYYY-MM-DDTHH:MM:SSZ`, for `#[serde(serialize_with)]`.
pub fn serialize_instant<S: Serializer>(
    at: &DateTime<Utc>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&format_instant(*at))
}

/// The time to stamp a new record made at `now`, given the time of the latest record:
/// `now`, or one second after the latest when `now` is not later than it (two decisions
/// in one second, or a clock set back).
///
/// ```
/// use chrono::DateTime;
/// use terms_widget::domain::records::timestamp::next_timestamp;
/// let t = |s| DateTime::from_timestamp(s, 0).unwrap();
/// assert_eq!(next_timestamp(None, t(5)), t(5));
/// assert_eq!(next_timestamp(Some(t(3)), t(5)), t(5));
/// assert_eq!(next_timestamp(Some(t(5)), t(5)), t(6));
/// assert_eq!(next_timestamp(Some(t(9)), t(5)), t(10));
/// ```
pub fn next_timestamp(latest: Option<DateTime<Utc>>, now: DateTime<Utc>) -> DateTime<Utc> {
    match latest {
        Some(at) if now <= at => at.checked_add_signed(TimeDelta::seconds(1)).unwrap_or(at),
        _ => now,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_instant_there_is_stays_put() {
        assert_eq!(
            next_timestamp(Some(DateTime::<Utc>::MAX_UTC), DateTime::<Utc>::MIN_UTC),
            DateTime::<Utc>::MAX_UTC
        );
    }
}
