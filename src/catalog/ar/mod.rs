//! Arabic (العربية), Modern Standard Arabic, written right to left: every key, one table
//! per area of the UI as in English, with all six plural forms where a key counts. Kept
//! so that the right-to-left layout is tested with real text; a native speaker should
//! review it before a platform relies on it.

mod acceptance;
mod consent;
mod documents;
mod refund;
mod words;

use super::{Area, Msg, Text};

/// Every key's Arabic value, by area.
pub(super) const TABLES: &[(Area, &[(Msg, Text)])] = language_tables!();
