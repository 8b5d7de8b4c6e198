//! The sign-up age gate's arithmetic: a date of birth, the age in whole years on the
//! calendar, and what the set-up makes of it (contract, *Age gate*).
//!
//! The age is the number of birthdays passed: a learner born on 29 February has a
//! birthday on 29 February in leap years and counts a year older from 1 March in other
//! years. Nothing here keeps the date of birth: a record keeps only the
//! [`AgeAttestation`].
//!
//! ```
//! use terms_widget::domain::acceptance::age::{AgeCheck, age_on, check_birth_date};
//! use terms_widget::domain::acceptance::setup::AcceptanceSetup;
//! use terms_widget::domain::time::{parse_date, parse_instant};
//!
//! let d = |s| parse_date(s).unwrap();
//! assert_eq!(age_on(d("2012-06-15"), d("2025-06-14")), Ok(12));
//! assert_eq!(age_on(d("2012-06-15"), d("2025-06-15")), Ok(13));
//! assert_eq!(age_on(d("2008-02-29"), d("2026-02-28")), Ok(17));
//! assert_eq!(age_on(d("2008-02-29"), d("2026-03-01")), Ok(18));
//!
//! let now = parse_instant("2026-11-29T10:00:00Z").unwrap();
//! let setup = AcceptanceSetup::default();
//! assert_eq!(check_birth_date("2011-01-01", now, &setup), Ok(AgeCheck::NeedsGuardian));
//! assert!(check_birth_date("2027-01-01", now, &setup).is_err());
//! ```

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use super::method::AgeAttestation;
use super::setup::AcceptanceSetup;
use crate::domain::time::{TimeError, parse_date};

/// The oldest age a date of birth may give, in whole years: an earlier date is a typing
/// mistake, not a learner.
pub const OLDEST_AGE: u32 = 130;

/// Why a date of birth can't be used. The messages are for the age screen's developer
/// and the JS API; the learner-facing wording is the UI's.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AgeError {
    /// Not in the form `YYYY-MM-DD` (an `<input type="date">`'s value).
    #[error("\"{}\" is not a date: give the date of birth as YYYY-MM-DD, such as 2008-02-29.", crate::domain::records::field::shorten(.0, 40))]
    NotADate(String),
    /// The form is right but the calendar has no such day (`2011-02-29`, month 13).
    #[error("{0} does not exist in the calendar: give a real date of birth.")]
    NoSuchDate(String),
    /// The date is after today.
    #[error("The date of birth {birth} is after today ({today}): give a date in the past.")]
    InTheFuture {
        /// The date of birth.
        birth: NaiveDate,
        /// Today, as the age is computed.
        today: NaiveDate,
    },
    /// The date gives an age over [`OLDEST_AGE`].
    #[error(
        "The date of birth {birth} would make the learner older than {OLDEST_AGE}: check the year."
    )]
    TooLongAgo {
        /// The date of birth.
        birth: NaiveDate,
    },
}

/// The age in whole years on `today` of someone born on `birth`: the birthdays passed.
/// Errors: a birth after `today`, or an age over [`OLDEST_AGE`].
pub fn age_on(birth: NaiveDate, today: NaiveDate) -> Result<u32, AgeError> {
    if birth > today {
        return Err(AgeError::InTheFuture { birth, today });
    }
    let mut years = today.year() - birth.year();
    // (month, day) order: a 29 February birthday is not reached on 28 February and is
    // passed on 1 March, in every year.
    if (today.month(), today.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    match u32::try_from(years) {
        Ok(age) if age <= OLDEST_AGE => Ok(age),
        _ => Err(AgeError::TooLongAgo { birth }),
    }
}

/// [`age_on`] the calendar date of `now` in UTC. A caller that knows the learner's local
/// date (the browser does) may prefer [`age_on`] with it.
pub fn age_at(birth: NaiveDate, now: DateTime<Utc>) -> Result<u32, AgeError> {
    age_on(birth, now.date_naive())
}

/// Reads a date of birth written `YYYY-MM-DD` and checks it against `now` (not in the
/// future, not over [`OLDEST_AGE`] years ago).
pub fn parse_birth_date(text: &str, now: DateTime<Utc>) -> Result<NaiveDate, AgeError> {
    let birth = parse_date(text.trim()).map_err(|e| match e {
        TimeError::NoSuchDate | TimeError::NoSuchTime => AgeError::NoSuchDate(text.trim().into()),
        TimeError::Format { .. } => AgeError::NotADate(text.into()),
    })?;
    age_at(birth, now)?;
    Ok(birth)
}

/// What the sign-up does for an age, given the set-up's `minimum_age` and
/// `age_of_majority` (contract, *Age gate*).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AgeCheck {
    /// Under the minimum age: sign-up stops with a kind explanation; nothing is stored
    /// but the session gate (see [`gate`](super::gate)).
    TooYoung,
    /// From the minimum age to below the age of majority: a parent or guardian confirms,
    /// and the records say `minor-with-guardian`.
    NeedsGuardian,
    /// At or above the age of majority: the records say `adult`.
    Adult,
}

impl AgeCheck {
    /// The check for an age in whole years.
    ///
    /// ```
    /// use terms_widget::domain::acceptance::age::AgeCheck;
    /// use terms_widget::domain::acceptance::setup::AcceptanceSetup;
    /// let s = AcceptanceSetup::default();
    /// let checks: Vec<AgeCheck> = [12, 13, 17, 18].map(|a| AgeCheck::of(a, &s)).to_vec();
    /// assert_eq!(checks, [AgeCheck::TooYoung, AgeCheck::NeedsGuardian,
    ///                     AgeCheck::NeedsGuardian, AgeCheck::Adult]);
    /// ```
    pub fn of(age: u32, setup: &AcceptanceSetup) -> AgeCheck {
        if age < setup.minimum_age {
            AgeCheck::TooYoung
        } else if age < setup.age_of_majority {
            AgeCheck::NeedsGuardian
        } else {
            AgeCheck::Adult
        }
    }

    /// What the records say once sign-up goes ahead (with the guardian's agreement for
    /// [`AgeCheck::NeedsGuardian`]); `None` for [`AgeCheck::TooYoung`], which records
    /// nothing.
    pub fn attestation(self) -> Option<AgeAttestation> {
        match self {
            AgeCheck::TooYoung => None,
            AgeCheck::NeedsGuardian => Some(AgeAttestation::MinorWithGuardian),
            AgeCheck::Adult => Some(AgeAttestation::Adult),
        }
    }
}

/// The age screen's answer in one step: [`parse_birth_date`], [`age_at`], [`AgeCheck::of`].
pub fn check_birth_date(
    text: &str,
    now: DateTime<Utc>,
    setup: &AcceptanceSetup,
) -> Result<AgeCheck, AgeError> {
    let birth = parse_birth_date(text, now)?;
    Ok(AgeCheck::of(age_at(birth, now)?, setup))
}

#[cfg(test)]
mod tests;
