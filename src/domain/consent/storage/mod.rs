//! The storage format: [`encode`] writes `{"v":2,"records":[…]}` and [`decode`] reads it
//! (and migrates the older v1 value, in `v1.rs`; v2 records are read in `v2.rs`). The
//! format is described in the consent module's docs.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde_json::Value;

use super::record::to_value;
use super::{Choice, ConsentHistory, ConsentRecord, Method};
use crate::domain::records::envelope::{EnvelopeProblem, read_envelope};
use crate::domain::records::field::FieldProblem;
use crate::domain::wire::{Field, Label, Object};

#[cfg(test)]
mod tests;
mod v1;
mod v2;

pub use v1::V1_POLICY_DOCUMENT;
use v1::decode_v1;
use v2::decode_v2;

/// The browser storage key the widget keeps the encoded history under (listed under
/// *Strictly necessary* in the Privacy Policy).
pub const STORAGE_KEY: &str = "kl_consent";

/// The storage format version [`encode`] writes.
pub const STORE_VERSION: u64 = 2;

/// The `localStorage` key of the outbox of consent records waiting for the host's
/// `records-endpoint`, for a store under `key_base` (in the format of
/// [`Outbox`](crate::domain::records::outbox::Outbox)).
///
/// ```
/// use terms_widget::domain::consent::{outbox_key, STORAGE_KEY};
/// assert_eq!(outbox_key(STORAGE_KEY), "kl_consent.outbox.v1");
/// ```
pub fn outbox_key(key_base: &str) -> String {
    format!("{key_base}.outbox.v1")
}

/// Why a stored value could not be read. The value is reported, never silently dropped:
/// the caller sets it aside and starts a fresh history.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// The text is not JSON (a truncated write, another program's value…).
    #[error(
        "The saved privacy choices are not valid JSON ({detail}); they were probably cut off while being written."
    )]
    NotJson {
        /// The parser's message, with line and column.
        detail: String,
    },
    /// The JSON is not an object.
    #[error(
        "The saved privacy choices are {found}, but they must be a JSON object with \"v\" and \"records\"."
    )]
    NotAnObject {
        /// What it is instead.
        found: &'static str,
    },
    /// There is no `"v"` field saying which format this is.
    #[error("The saved privacy choices have no \"v\" field, so their format is unknown.")]
    MissingVersion,
    /// `"v"` is not a whole number.
    #[error(
        "The saved privacy choices have a \"v\" field that is {found}, but it must be a whole number such as 2."
    )]
    BadVersion {
        /// What it is instead, e.g. `a string`.
        found: String,
    },
    /// A format version this widget does not read (written by a newer widget?).
    #[error(
        "The saved privacy choices are in format version {version}, but this widget reads versions 1 and {STORE_VERSION}; a newer widget may have written them."
    )]
    UnknownVersion {
        /// The version found.
        version: u64,
    },
    /// A top-level field is wrong: `records` in v2; `at`, `choices`, `policy_version` in v1.
    #[error("In the saved privacy choices, field \"{field}\": {problem}.")]
    BadField {
        /// The field, e.g. `records` or `choices.analytics`.
        field: String,
        /// What is wrong.
        problem: FieldProblem,
    },
    /// A record in `records` is wrong.
    #[error(fmt = store_bad_record_message)]
    BadRecord {
        /// Its position in `records`, from 0.
        index: usize,
        /// The field, e.g. `at`, `policy.sha256` or `choices.analytics`; empty when the
        /// record as a whole is wrong.
        field: String,
        /// What is wrong.
        problem: FieldProblem,
    },
}

/// [`StoreError::BadRecord`]'s message: without a field when the whole record is wrong.
fn store_bad_record_message(
    index: &usize,
    field: &str,
    problem: &FieldProblem,
    f: &mut fmt::Formatter<'_>,
) -> fmt::Result {
    write!(f, "Saved consent record #{} (records[{index}])", index + 1)?;
    if !field.is_empty() {
        write!(f, ", field \"{field}\"")?;
    }
    write!(f, ": {problem}.")
}

/// One record as stored (format v2), keys in sorted order.
pub(crate) fn record_to_json(r: &ConsentRecord) -> Value {
    to_value(r)
}

/// Writes a history in the storage format `{"v":2,"records":[…]}` (see the module docs).
/// Records are written in the order they are in, each with its keys in sorted order.
pub fn encode(history: &ConsentHistory) -> String {
    let records = to_value(&history.records);
    format!("{{\"v\":{STORE_VERSION},\"records\":{records}}}")
}

/// Reads a stored history. Reads format v2 and migrates v1.
///
/// **v1** was one flat record, `{"v":1,"choices":{"analytics":true,…},"at":"…",
/// "policy_version":"…"}`. It becomes one record with: method [`Method::Banner`] (v1
/// only had the banner); an id derived from the content by SHA-256
/// ([`RecordId::derived_from`](crate::domain::records::id::RecordId::derived_from), a UUID v8), so every tab migrating the same value gets
/// the same id and [`merge`](super::merge) keeps one copy; the document [`V1_POLICY_DOCUMENT`] and
/// `sha256: None` (v1 did not record which text); language [`UNDETERMINED_LANGUAGE`](super::UNDETERMINED_LANGUAGE);
/// no signals (v1 did not record them, so a signal seen now overrides a v1 grant). A
/// `necessary` choice is recorded as required; it must be `true`. The time may carry
/// fractional seconds (`…:00.000Z`, as JavaScript writes it); they are dropped.
///
/// Errors name the record (its index in `records`) and the field.
///
/// ```
/// use terms_widget::domain::consent::{decode, FieldProblem, StoreError};
/// assert!(matches!(decode("{\"v\":2"), Err(StoreError::NotJson { .. })));
/// assert_eq!(decode("{\"v\":9}"), Err(StoreError::UnknownVersion { version: 9 }));
/// let h = decode(r#"{"v":1,"choices":{"analytics":true,"marketing":false},
///                    "at":"2025-03-01T09:30:00.000Z","policy_version":"2"}"#).unwrap();
/// assert_eq!(h.records[0].policy.version, "2");
/// assert_eq!(h.records[0].policy.sha256, None);
/// ```
pub fn decode(text: &str) -> Result<ConsentHistory, StoreError> {
    let envelope = read_envelope(text).map_err(|problem| match problem {
        EnvelopeProblem::NotJson { detail } => StoreError::NotJson { detail },
        EnvelopeProblem::NotAnObject { found } => StoreError::NotAnObject { found },
        EnvelopeProblem::MissingVersion => StoreError::MissingVersion,
        EnvelopeProblem::BadVersion { found } => StoreError::BadVersion { found },
    })?;
    // Every field of the wire struct is a `Field`, so reading an object cannot fail.
    let stored = StoredWire::deserialize(Value::Object(envelope.object)).unwrap_or_default();
    match envelope.version {
        1 => decode_v1(stored),
        2 => decode_v2(stored),
        v => Err(StoreError::UnknownVersion { version: v }),
    }
}

// The storage format as written, v2 and v1 in one: every field is a [`Field`], typed but
// read without failing, so the checks below report the first problem in a fixed order,
// naming the field. Records are read one by one, so the error can name the record.

#[derive(Deserialize, Default)]
#[serde(default)]
struct StoredWire {
    /// v2: the records.
    records: Field<Vec<Value>>,
    /// v1: the time of the one decision.
    at: Field<String>,
    /// v1: the policy version, a string or a whole number.
    policy_version: Field<Label>,
    /// v1: category id to `true` or `false`.
    choices: Field<BTreeMap<String, Field<bool>>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RecordWire {
    id: Field<String>,
    at: Field<String>,
    policy: Field<Object<PolicyWire>>,
    choices: Field<BTreeMap<String, Field<Choice>>>,
    required: Field<Vec<Field<String>>>,
    method: Field<Method>,
    signals: Field<Object<SignalsWire>>,
    language: Field<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PolicyWire {
    document: Field<String>,
    version: Field<String>,
    sha256: Field<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct SignalsWire {
    gpc: Field<bool>,
    dnt: Field<bool>,
}

const ID_EXPECTED_CATEGORY: &str =
    "a category id of 1 to 64 lowercase letters, digits and inner hyphens";
const CHOICE_EXPECTED: &str = "\"granted\" or \"denied\"";
