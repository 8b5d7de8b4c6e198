//! Spanish (español), neutral Latin American usage with "tú": every key, one table per
//! area of the UI as in English.

mod acceptance;
mod consent;
mod documents;
mod refund;
mod words;

use super::{Area, Msg, Text};

/// Every key's Spanish value, by area.
pub(super) const TABLES: &[(Area, &[(Msg, Text)])] = language_tables!();
