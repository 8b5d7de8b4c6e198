//! Spanish (español), neutral Latin American usage with "tú": every key, one table per
//! area of the UI as in English.

mod acceptance;
mod consent;
mod documents;
mod refund;
mod words;

use super::{Area, Msg, Text, area};

/// Every key's Spanish value, by area.
pub(super) const TABLES: &[(Area, &[(Msg, Text)])] = &[
    area(Area::Refund, refund::TABLE),
    area(Area::Documents, documents::TABLE),
    area(Area::Consent, consent::TABLE),
    area(Area::Acceptance, acceptance::TABLE),
    area(Area::Words, words::TABLE),
];
