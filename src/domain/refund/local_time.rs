//! Wall-clock times in the learner's zone, and the instants they name.
//!
//! A datetime-local value (`2025-10-26T01:30`) usually names one instant. When the clocks
//! go back it names two: in Europe/Dublin, 01:30 on 26 October 2025 happens first in
//! summer time (00:30 UTC) and an hour later again in winter time (01:30 UTC). When the
//! clocks go forward it names none, and the browser reads it one gap later (see
//! `platform::localtime`). The zone's rules live in the browser, so the domain asks a
//! [`WallClock`] for the instants and lets the learner say which [`Occurrence`] they meant.
//!
//! ```
//! use chrono::{DateTime, Utc};
//! use terms_widget::domain::refund::local_time::{pick, Occurrence, WallClock};
//! use terms_widget::domain::time::parse_instant;
//!
//! /// Dublin's autumn change, for one value only.
//! struct Dublin;
//! impl WallClock for Dublin {
//!     fn instants(&self, value: &str) -> Vec<DateTime<Utc>> {
//!         match value {
//!             "2025-10-26T01:30" => ["2025-10-26T00:30:00Z", "2025-10-26T01:30:00Z"]
//!                 .map(|t| parse_instant(t).unwrap())
//!                 .to_vec(),
//!             _ => Vec::new(),
//!         }
//!     }
//! }
//! let both = Dublin.instants("2025-10-26T01:30");
//! assert_eq!(pick(&both, Occurrence::First), Some(both[0]));
//! assert_eq!(pick(&both, Occurrence::Second), Some(both[1]));
//! ```

use chrono::{DateTime, Utc};

/// Which of the two instants a repeated wall-clock time means (the clocks went back and
/// the time happened twice). Only asked when there are two.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Occurrence {
    /// The first time the clock showed it (still in the earlier offset): what a browser
    /// reads by default.
    #[default]
    First,
    /// The second time, after the clocks went back.
    Second,
}

/// Converts a datetime-local value in the learner's zone to the instants it names.
pub trait WallClock {
    /// The instants `value` names, earliest first: one as a rule, two for a time the
    /// clocks repeat, none when it cannot be converted.
    fn instants(&self, value: &str) -> Vec<DateTime<Utc>>;
}

/// A plain conversion gives the one instant it knows (the first, for a repeated time).
impl<F: Fn(&str) -> Option<DateTime<Utc>>> WallClock for F {
    fn instants(&self, value: &str) -> Vec<DateTime<Utc>> {
        self(value).into_iter().collect()
    }
}

/// The instant the learner meant: the `occurrence` asked for when there are two, else
/// the only one.
pub fn pick(instants: &[DateTime<Utc>], occurrence: Occurrence) -> Option<DateTime<Utc>> {
    match occurrence {
        Occurrence::Second => instants.get(1).or(instants.first()).copied(),
        Occurrence::First => instants.first().copied(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::time::parse_instant;

    #[test]
    fn one_instant_whatever_is_asked() {
        let t = parse_instant("2025-06-01T10:00:00Z").unwrap();
        assert_eq!(pick(&[t], Occurrence::First), Some(t));
        assert_eq!(pick(&[t], Occurrence::Second), Some(t));
        assert_eq!(pick(&[], Occurrence::Second), None);
    }

    #[test]
    fn a_closure_is_a_wall_clock_with_one_instant() {
        let t = parse_instant("2025-06-01T10:00:00Z").unwrap();
        let clock = |_: &str| Some(t);
        assert_eq!(clock.instants("2025-06-01T10:00"), vec![t]);
        let none = |_: &str| None;
        assert!(none.instants("x").is_empty());
    }
}
