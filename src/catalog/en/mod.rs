//! English: the widget's first language and the fallback for any key another language
//! lacks. Every value here is the text the widget showed before the catalog existed, byte
//! for byte (the component and browser tests check it). One table per area of the UI.

mod acceptance;
mod consent;
mod documents;
mod refund;
mod words;

use super::{Area, Form, Msg, Text};

/// English plural forms: `one` for exactly 1, `other` for everything else.
pub(super) fn plural(n: u64) -> Form {
    if n == 1 { Form::One } else { Form::Other }
}

/// Every key's English value, by area.
pub(super) const TABLES: &[(Area, &[(Msg, Text)])] = language_tables!();
