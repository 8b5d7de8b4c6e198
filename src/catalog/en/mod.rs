//! English: the widget's first language and the fallback for any key another language
//! lacks. Every value here is the text the widget showed before the catalog existed, byte
//! for byte (the component and browser tests check it). One table per area of the UI.

mod acceptance;
mod consent;
mod documents;
mod refund;
mod words;

use super::{Area, Form, Msg, Text, area};

/// English plural forms: `one` for exactly 1, `other` for everything else.
pub(super) fn plural(n: u64) -> Form {
    if n == 1 { Form::One } else { Form::Other }
}

/// Every key's English value, by area.
pub(super) const TABLES: &[(Area, &[(Msg, Text)])] = &[
    area(Area::Refund, refund::TABLE),
    area(Area::Documents, documents::TABLE),
    area(Area::Consent, consent::TABLE),
    area(Area::Acceptance, acceptance::TABLE),
    area(Area::Words, words::TABLE),
];
