//! The acceptance store's format: [`encode`] writes `{"v":1,"records":[…]}` under
//! [`STORAGE_KEY`], [`decode`] reads it back and checks every field of every record,
//! and [`record_from_json`] reads one record (the same check, for records from elsewhere).
//!
//! A value that can't be read is reported with what is wrong and where, never silently
//! dropped: the platform layer moves it to [`corrupt_key`] and never overwrites it (it is
//! evidence), then starts a fresh history. The outbox of records waiting for the host's
//! endpoint is kept under [`OUTBOX_KEY`] in the format of
//! [`Outbox`](crate::domain::records::outbox::Outbox).
//!
//! ```
//! use terms_widget::domain::acceptance::{decode, encode, AcceptanceHistory, StoreError};
//!
//! assert_eq!(decode(&encode(&AcceptanceHistory::default())), Ok(AcceptanceHistory::default()));
//! // Another program's value under our key:
//! assert!(matches!(decode("hello"), Err(StoreError::Envelope(_))));
//! // The consent store's value (format 2) is not ours:
//! assert_eq!(decode(r#"{"v":2,"records":[]}"#), Err(StoreError::UnknownVersion { version: 2 }));
//! ```

use std::fmt;

use serde::Deserialize;
use serde_json::Value;

use super::AcceptanceHistory;
use super::method::{AgeAttestation, Method};
use super::record::{AcceptanceRecord, RecordError, is_valid_subject};
use super::scope::Scope;
use crate::domain::documents::bundle::{is_valid_id, is_valid_version_label};
use crate::domain::records::document_ref::DocumentRef;
use crate::domain::records::envelope::{EnvelopeProblem, read_envelope};
use crate::domain::records::field::{
    FieldProblem, TIME_EXPECTED, required_field, required_name_field, shorten, time_problem,
};
use crate::domain::records::id::RecordId;
use crate::domain::records::language::is_valid_language_tag;
use crate::domain::records::outbox::envelope_words;
use crate::domain::records::sha256::is_hex_digest;
use crate::domain::time::parse_instant;
use crate::domain::wire::{Field, Object};

/// The namespace of every key the acceptance feature stores under.
pub const KEY_BASE: &str = "kl_acceptance";

/// The `localStorage` key of the history: [`KEY_BASE`] and the format version.
pub const STORAGE_KEY: &str = "kl_acceptance.v1";

/// The `localStorage` key of the outbox for the host's endpoint.
pub const OUTBOX_KEY: &str = "kl_acceptance.outbox.v1";

/// The `localStorage` key of the local pseudonymous subject, used as a record's `subject`
/// when the host gives no learner id (see [`local_subject`]).
pub const SUBJECT_KEY: &str = "kl_acceptance.subject";

/// The storage format version [`encode`] writes.
pub const STORE_VERSION: u64 = 1;

/// The key to keep an unreadable value under, `kl_acceptance.v1.corrupt.<unix-seconds>`
/// (the platform layer adds `-2`, `-3`, … should that key be taken).
///
/// ```
/// assert_eq!(terms_widget::domain::acceptance::corrupt_key(1_800_000_000),
///            "kl_acceptance.v1.corrupt.1800000000");
/// ```
pub fn corrupt_key(unix_seconds: i64) -> String {
    format!("{STORAGE_KEY}.corrupt.{unix_seconds}")
}

/// The local pseudonymous subject: the value stored under [`SUBJECT_KEY`] when it is a
/// usable subject, else a new one, `local-<UUID v4>` from 16 random bytes the caller
/// supplies (to store under [`SUBJECT_KEY`], so it stays the same in this browser).
/// Returns the subject and whether it is new.
///
/// ```
/// use terms_widget::domain::acceptance::storage::local_subject;
/// let (fresh, new) = local_subject(None, &[0; 16]);
/// assert_eq!((fresh.as_str(), new), ("local-00000000-0000-4000-8000-000000000000", true));
/// assert_eq!(local_subject(Some(&fresh), &[1; 16]), (fresh.clone(), false));
/// assert!(local_subject(Some(""), &[1; 16]).1, "an unusable value is replaced");
/// ```
pub fn local_subject(stored: Option<&str>, random: &[u8; 16]) -> (String, bool) {
    match stored {
        Some(subject) if is_valid_subject(subject) => (subject.to_string(), false),
        _ => (
            format!("local-{}", RecordId::from_random_bytes(random)),
            true,
        ),
    }
}

/// Why a stored value could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// Not JSON, not an object, or no whole-number `"v"`.
    #[error("The saved acceptances can't be read: {}.", envelope_words(.0))]
    Envelope(EnvelopeProblem),
    /// A format version this widget does not read (written by a newer widget, or by
    /// another program).
    #[error(
        "The saved acceptances are in format version {version}, but this widget reads version {STORE_VERSION}; a newer widget or another program may have written them."
    )]
    UnknownVersion {
        /// The version found.
        version: u64,
    },
    /// `records` is missing or not a list.
    #[error("In the saved acceptances, field \"records\": {0}.")]
    BadRecords(FieldProblem),
    /// A record is wrong.
    #[error(fmt = bad_record_message)]
    BadRecord {
        /// Its position in `records`, from 0.
        index: usize,
        /// What is wrong in it.
        problem: RecordProblem,
    },
}

fn bad_record_message(
    index: &usize,
    problem: &RecordProblem,
    f: &mut fmt::Formatter<'_>,
) -> fmt::Result {
    write!(
        f,
        "Saved acceptance record #{} (records[{index}]): {problem}",
        index + 1
    )
}

/// What is wrong with one stored record: a field, or the record as a whole.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecordProblem {
    /// A field is wrong: `id`, `at`, `document.sha256`, `pledges[2]`, … (empty when the
    /// record as a whole is not an object).
    #[error(fmt = field_problem_message)]
    Field {
        /// The field's path in the record.
        field: String,
        /// What is wrong.
        problem: FieldProblem,
    },
    /// The fields are each well formed but do not fit together (an age on a record that
    /// is not a sign-up, a pledge left out, …).
    #[error("{0}")]
    Inconsistent(RecordError),
}

fn field_problem_message(
    field: &str,
    problem: &FieldProblem,
    f: &mut fmt::Formatter<'_>,
) -> fmt::Result {
    if field.is_empty() {
        write!(f, "{problem}.")
    } else {
        write!(f, "field \"{field}\": {problem}.")
    }
}

/// Writes a history in the storage format, `{"v":1,"records":[…]}`, records in the order
/// they are in, each as the contract's record with its fields in the contract's order.
pub fn encode(history: &AcceptanceHistory) -> String {
    let records = serde_json::to_string(&history.records).unwrap_or_else(|_| "[]".into());
    format!("{{\"v\":{STORE_VERSION},\"records\":{records}}}")
}

/// Reads a stored history; every record is checked field by field (see
/// [`record_from_json`]) and the first problem is reported with the record's index.
pub fn decode(text: &str) -> Result<AcceptanceHistory, StoreError> {
    let envelope = read_envelope(text).map_err(StoreError::Envelope)?;
    if envelope.version != STORE_VERSION {
        return Err(StoreError::UnknownVersion {
            version: envelope.version,
        });
    }
    const RECORDS: &str = "a list of acceptance records";
    let records = match envelope.object.get("records") {
        Some(Value::Array(items)) => items,
        None | Some(Value::Null) => {
            return Err(StoreError::BadRecords(FieldProblem::Missing {
                expected: RECORDS,
            }));
        }
        Some(other) => {
            return Err(StoreError::BadRecords(FieldProblem::wrong_type(
                other, RECORDS,
            )));
        }
    };
    let records = records
        .iter()
        .enumerate()
        .map(|(index, value)| {
            record_from_json(value).map_err(|problem| StoreError::BadRecord { index, problem })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(AcceptanceHistory { records })
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RecordWire {
    id: Field<String>,
    at: Field<String>,
    document: Field<Object<DocumentWire>>,
    scope: Field<String>,
    method: Field<Method>,
    pledges: Field<Vec<Value>>,
    age: Field<AgeAttestation>,
    batch: Field<String>,
    subject: Field<String>,
    language: Field<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct DocumentWire {
    id: Field<String>,
    version: Field<String>,
    sha256: Field<String>,
}

const UUID_EXPECTED: &str = "a UUID such as 0f8fad5b-d9cb-469f-a165-70867728950e";

/// Reads one record in the contract's shape, checking every field in the contract's
/// order, then their consistency ([`AcceptanceRecord::check`]). The error names the
/// field.
///
/// ```
/// use terms_widget::domain::acceptance::record_from_json;
/// let err = record_from_json(&serde_json::json!({"id": "nope"})).unwrap_err();
/// assert!(err.to_string().starts_with("field \"id\": \"nope\" can't be used; give a UUID"));
/// ```
pub fn record_from_json(value: &Value) -> Result<AcceptanceRecord, RecordProblem> {
    let Ok(Object(wire)) = Object::<RecordWire>::deserialize(value) else {
        return Err(field(
            "",
            FieldProblem::wrong_type(value, "an object with \"id\", \"at\", \"document\", …"),
        ));
    };
    let id = read_uuid(wire.id, "id")?;
    let at_text = required_field(wire.at, TIME_EXPECTED).map_err(|p| field("at", p))?;
    let at = parse_instant(&at_text).map_err(|e| field("at", time_problem(&at_text, &e)))?;

    const DOCUMENT: &str = "an object with \"id\", \"version\" and \"sha256\"";
    let Object(doc) = required_field(wire.document, DOCUMENT).map_err(|p| field("document", p))?;
    const DOC_ID: &str = "the document's id, such as \"honor-code\"";
    let document = required_field(doc.id, DOC_ID).map_err(|p| field("document.id", p))?;
    if !is_valid_id(&document) {
        return Err(field(
            "document.id",
            FieldProblem::invalid(&document, DOC_ID),
        ));
    }
    const VERSION: &str = "the version label, such as \"2\"";
    let version = required_field(doc.version, VERSION).map_err(|p| field("document.version", p))?;
    if !is_valid_version_label(&version) {
        return Err(field(
            "document.version",
            FieldProblem::invalid(&version, VERSION),
        ));
    }
    const HASH: &str = "the SHA-256 of the version's body, 64 lowercase hex digits";
    let sha256 = required_field(doc.sha256, HASH).map_err(|p| field("document.sha256", p))?;
    if !is_hex_digest(&sha256) {
        return Err(field(
            "document.sha256",
            FieldProblem::invalid(&sha256, HASH),
        ));
    }

    const SCOPE: &str = "\"platform\" or \"course:<course-id>\" (1 to 64 of a-z 0-9 - _ .)";
    let scope_text = required_field(wire.scope, SCOPE).map_err(|p| field("scope", p))?;
    let scope = Scope::parse(&scope_text)
        .map_err(|_| field("scope", FieldProblem::invalid(&scope_text, SCOPE)))?;
    const METHOD: &str = "one of \"signup\", \"prompt\", \"reacceptance\" or \"api\"";
    let method = required_name_field(wire.method, METHOD).map_err(|p| field("method", p))?;

    const PLEDGES: &str = "a list of pledge ids such as [\"1\", \"2\"], or no field";
    let pledges = match wire.pledges {
        Field::Absent => None,
        Field::Ok(items) => Some(
            items
                .into_iter()
                .enumerate()
                .map(|(i, item)| match item {
                    Value::String(id) => Ok(id),
                    other => Err(field(
                        &format!("pledges[{i}]"),
                        FieldProblem::wrong_type(&other, "a pledge id such as \"1\""),
                    )),
                })
                .collect::<Result<Vec<_>, _>>()?,
        ),
        Field::Null => {
            return Err(field(
                "pledges",
                FieldProblem::wrong_type(&Value::Null, PLEDGES),
            ));
        }
        Field::Wrong(other) => {
            return Err(field("pledges", FieldProblem::wrong_type(&other, PLEDGES)));
        }
    };
    const AGE: &str = "\"adult\" or \"minor-with-guardian\", or no field";
    let age = match wire.age {
        Field::Absent => None,
        Field::Wrong(Value::String(text)) => {
            return Err(field("age", FieldProblem::invalid(&text, AGE)));
        }
        other => Some(required_field(other, AGE).map_err(|p| field("age", p))?),
    };
    let batch = read_uuid(wire.batch, "batch")?;
    const SUBJECT: &str = "the learner's id, 1 to 256 characters without control characters";
    let subject = required_field(wire.subject, SUBJECT).map_err(|p| field("subject", p))?;
    if !is_valid_subject(&subject) {
        return Err(field("subject", FieldProblem::invalid(&subject, SUBJECT)));
    }
    const LANGUAGE: &str = "a BCP 47 language tag such as \"en-GB\"";
    let language = required_field(wire.language, LANGUAGE).map_err(|p| field("language", p))?;
    if !is_valid_language_tag(&language) {
        return Err(field(
            "language",
            FieldProblem::invalid(&language, LANGUAGE),
        ));
    }

    let record = AcceptanceRecord {
        id,
        at,
        document: DocumentRef {
            document,
            version,
            sha256: Some(sha256),
        },
        scope,
        method,
        pledges,
        age,
        batch,
        subject,
        language,
    };
    record.check().map_err(RecordProblem::Inconsistent)?;
    Ok(record)
}

fn field(name: &str, problem: FieldProblem) -> RecordProblem {
    RecordProblem::Field {
        field: shorten(name, 64),
        problem,
    }
}

fn read_uuid(value: Field<String>, name: &str) -> Result<RecordId, RecordProblem> {
    let text = required_field(value, UUID_EXPECTED).map_err(|p| field(name, p))?;
    RecordId::parse(&text).ok_or_else(|| field(name, FieldProblem::invalid(&text, UUID_EXPECTED)))
}
