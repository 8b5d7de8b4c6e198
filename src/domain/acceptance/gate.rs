//! The session gate: after an answer under the minimum age, the age screen stays closed
//! for the rest of the browser session, so that another date can't be tried (contract,
//! *Age gate*). The platform layer keeps one flag in `sessionStorage`; this module names
//! it and reads it.
//!
//! ```
//! use terms_widget::domain::acceptance::age::AgeCheck;
//! use terms_widget::domain::acceptance::gate::{Gate, SESSION_GATE_KEY, value_after};
//!
//! assert_eq!(SESSION_GATE_KEY, "kl_acceptance.gate");
//! assert_eq!(Gate::from_stored(None), Gate::Open);
//! let stored = value_after(AgeCheck::TooYoung).unwrap();
//! assert_eq!(Gate::from_stored(Some(stored)), Gate::Closed);
//! assert_eq!(value_after(AgeCheck::Adult), None);
//! ```

use super::age::AgeCheck;

/// The `sessionStorage` key of the gate flag (the session ends with the browser tab's
/// session, so does the flag).
pub const SESSION_GATE_KEY: &str = "kl_acceptance.gate";

/// The value stored under [`SESSION_GATE_KEY`] when the gate closes.
pub const GATE_CLOSED: &str = "closed";

/// Whether the sign-up's age screen may be answered in this session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gate {
    /// No flag: the age screen asks.
    Open,
    /// The flag is set: sign-up shows the kind stop again, without asking.
    Closed,
}

impl Gate {
    /// The gate for the value stored under [`SESSION_GATE_KEY`]. Any value closes it, a
    /// value this widget did not write included: a flag that can't be read is not a
    /// reason to ask a learner who was told to stop.
    pub fn from_stored(value: Option<&str>) -> Gate {
        match value {
            None => Gate::Open,
            Some(_) => Gate::Closed,
        }
    }
}

/// What to store under [`SESSION_GATE_KEY`] after the age screen's answer: [`GATE_CLOSED`]
/// for [`AgeCheck::TooYoung`], nothing otherwise. Nothing else is stored for a learner
/// under the minimum age: no record, no date of birth.
pub fn value_after(check: AgeCheck) -> Option<&'static str> {
    match check {
        AgeCheck::TooYoung => Some(GATE_CLOSED),
        AgeCheck::NeedsGuardian | AgeCheck::Adult => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::acceptance::age::check_birth_date;
    use crate::domain::acceptance::setup::AcceptanceSetup;
    use crate::domain::time::parse_instant;

    /// A 12-year-old is stopped and the gate closes; a retry with an adult's date in the
    /// same session meets the closed gate before any date is read; a new session asks.
    #[test]
    fn the_gate_closes_for_the_session_after_an_answer_under_the_minimum_age() {
        let now = parse_instant("2026-11-29T10:00:00Z").unwrap();
        let setup = AcceptanceSetup::default();
        let mut session: Option<&str> = None;
        assert_eq!(Gate::from_stored(session), Gate::Open);
        let check = check_birth_date("2014-06-01", now, &setup).unwrap();
        assert_eq!(check, AgeCheck::TooYoung);
        session = value_after(check).or(session);
        assert_eq!(session, Some("closed"));
        assert_eq!(Gate::from_stored(session), Gate::Closed, "retry refused");
        let new_session: Option<&str> = None;
        assert_eq!(Gate::from_stored(new_session), Gate::Open);
        for other in ["", "open", "{\"v\":1}"] {
            assert_eq!(Gate::from_stored(Some(other)), Gate::Closed, "{other:?}");
        }
        for ok in ["2011-01-01", "1990-01-01"] {
            let check = check_birth_date(ok, now, &setup).unwrap();
            assert_eq!(value_after(check), None, "{ok}");
        }
    }
}
