//! One acceptance: an [`AcceptanceRecord`], the [`Context`] of the action it belongs to,
//! what was accepted ([`Acceptance`]), and why a record could not be made or added
//! ([`RecordError`]).

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};
use serde_json::Value;

use super::method::{AgeAttestation, Method};
use super::scope::Scope;
use crate::domain::documents::bundle::{Document, Version};
use crate::domain::records::document_ref::{DocumentRef, DocumentRefProblem};
use crate::domain::records::field::shorten;
use crate::domain::records::id::RecordId;
use crate::domain::records::language::is_valid_language_tag;
use crate::domain::records::timestamp::serialize_instant;
use crate::domain::time::{self, format_instant};

/// The longest `subject`, in characters.
pub const MAX_SUBJECT_LEN: usize = 256;

/// One acceptance of one document version, exactly the contract's record (*The record*).
/// Never edited once made. It serialises as the contract's JSON, fields in the contract's
/// order; `pledges` and `age` are left out when absent:
///
/// ```json
/// {"id": "…", "at": "2026-11-29T10:00:00Z",
///  "document": {"id": "honor-code", "version": "2", "sha256": "…"},
///  "scope": "platform", "method": "signup", "pledges": ["1", "2", "3", "4", "5"],
///  "age": "adult", "batch": "…", "subject": "…", "language": "en"}
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AcceptanceRecord {
    /// A random UUID (v4), unique per record.
    pub id: RecordId,
    /// When the learner accepted (UTC, whole seconds).
    #[serde(serialize_with = "serialize_instant")]
    pub at: DateTime<Utc>,
    /// The document, version and SHA-256 of the version's Markdown body (always known:
    /// `sha256` is never `None` in an acceptance record). Written as
    /// `{"id", "version", "sha256"}`.
    #[serde(serialize_with = "document_wire")]
    pub document: DocumentRef,
    /// Where the acceptance counts.
    pub scope: Scope,
    /// How it was given.
    pub method: Method,
    /// For a version with pledges: every pledge id, `"1"` to `"n"` in order (a pledge
    /// left out is not an acceptance). `None` for a version without pledges.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pledges: Option<Vec<String>>,
    /// Sign-up records only (method `signup`): what the age gate found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age: Option<AgeAttestation>,
    /// The id shared by the records accepted in one action (a UUID v4).
    pub batch: RecordId,
    /// The host's learner id, or a local pseudonymous id stable in this browser.
    pub subject: String,
    /// The UI language, a BCP 47 tag.
    pub language: String,
}

/// Writes a [`DocumentRef`] as the contract's `document`: `{"id", "version", "sha256"}`.
fn document_wire<S: Serializer>(doc: &DocumentRef, serializer: S) -> Result<S::Ok, S::Error> {
    let mut s = serializer.serialize_struct("document", 3)?;
    s.serialize_field("id", &doc.document)?;
    s.serialize_field("version", &doc.version)?;
    s.serialize_field("sha256", &doc.sha256)?;
    s.end()
}

/// The action a batch of records comes from: the same for every document accepted in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context {
    /// The batch id, fresh for the action (usually
    /// [`RecordId::from_random_bytes`]).
    pub batch: RecordId,
    /// The current time.
    pub now: DateTime<Utc>,
    /// Where the acceptances count.
    pub scope: Scope,
    /// How they are given.
    pub method: Method,
    /// For [`Method::Signup`]: what the age gate found; `None` for the other methods.
    pub age: Option<AgeAttestation>,
    /// The host's learner id, or the local pseudonymous id.
    pub subject: String,
    /// The UI language, a BCP 47 tag.
    pub language: String,
}

/// One document accepted in an action: which version, and the pledges the learner
/// affirmed.
#[derive(Debug, Clone, Copy)]
pub struct Acceptance<'a> {
    /// The document (from the bundle).
    pub document: &'a Document,
    /// The version accepted: the one shown, usually [`Document::current`].
    pub version: &'a Version,
    /// The pledge ids affirmed, in any order: all of the version's pledges
    /// ([`Version::pledge_list`]), or none when it has none.
    pub pledges: &'a [String],
}

/// Why a record could not be made or added to a history.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecordError {
    /// Some of the version's pledges were not affirmed.
    #[error(
        "The {document} has pledges that were not affirmed: {}. Every pledge must be affirmed for the acceptance to count.",
        .missing.join(", ")
    )]
    PledgesMissing {
        /// The document id.
        document: String,
        /// The ids of the pledges not affirmed.
        missing: Vec<String>,
    },
    /// A pledge id the version does not have.
    #[error("The {document} has no pledge \"{}\": affirm the version's own pledges, \"1\" to \"{count}\".", shorten(.pledge, 40))]
    UnknownPledge {
        /// The document id.
        document: String,
        /// The id given.
        pledge: String,
        /// How many pledges the version has.
        count: usize,
    },
    /// Pledges were given for a version without pledges.
    #[error("This version of the {document} has no pledges: give none.")]
    NoPledges {
        /// The document id.
        document: String,
    },
    /// A stored record's `pledges` is not `"1"` to `"n"` in order.
    #[error("The pledges must be every pledge id from \"1\" up, in order (such as [\"1\", \"2\", \"3\"]), not [{}].", shorten(&.given.join(", "), 80))]
    BadPledgeList {
        /// The ids found.
        given: Vec<String>,
    },
    /// A sign-up record without an age attestation.
    #[error("A sign-up acceptance says the learner's age: \"adult\" or \"minor-with-guardian\".")]
    AgeRequired,
    /// An age attestation on a record that is not a sign-up.
    #[error("Only sign-up acceptances say the learner's age; this one is \"{}\".", .method.name())]
    AgeOnlyAtSignup {
        /// The record's method.
        method: Method,
    },
    /// The subject is empty, too long or has control characters.
    #[error("\"{}\" can't be the subject: give the learner's id, 1 to {MAX_SUBJECT_LEN} characters without control characters.", shorten(.subject, 80))]
    BadSubject {
        /// The subject given.
        subject: String,
    },
    /// The language is not a BCP 47 tag.
    #[error("\"{}\" is not a language tag: use a BCP 47 tag such as \"en\" or \"en-GB\".", shorten(.tag, 80))]
    BadLanguage {
        /// The tag given.
        tag: String,
    },
    /// The document reference is unusable (id, version label or hash).
    #[error("The document reference {} is not usable: its {}.", shorten(&format!("{}@{}", .document.document, .document.version), 80), match .part {
        DocumentRefProblem::Document => "document id is not one of 1 to 64 lowercase letters, digits and inner hyphens",
        DocumentRefProblem::Version => "version label is not one of 1 to 32 letters, digits, dots, hyphens or underscores",
        DocumentRefProblem::Hash => "SHA-256 is not 64 lowercase hex digits (DocumentRef::for_text computes it)",
    })]
    BadDocument {
        /// The reference.
        document: DocumentRef,
        /// The part at fault.
        part: DocumentRefProblem,
    },
    /// The document reference has no SHA-256: an acceptance is bound to the exact text.
    #[error("The acceptance of {} has no SHA-256 of the text: an acceptance is bound to the exact text.", .document.document)]
    MissingHash {
        /// The reference.
        document: DocumentRef,
    },
    /// The time is outside years 0000–9999.
    #[error("The time {} is outside the years 0000 to 9999; check the clock the time came from.", format_instant(*.at))]
    TimeOutOfRange {
        /// The time given.
        at: DateTime<Utc>,
    },
    /// The version given is not one of the document's versions.
    #[error(
        "Version {version} is not a version of the {document}: accept one of its own versions."
    )]
    NotThisDocumentsVersion {
        /// The document id.
        document: String,
        /// The version label given.
        version: String,
    },
    /// An action with nothing to accept.
    #[error("Nothing was accepted: give at least one document.")]
    EmptyBatch,
    /// The same document twice in one action.
    #[error("The {document} is accepted twice in one action: accept each document once.")]
    DocumentTwice {
        /// The document id.
        document: String,
    },
    /// The history already has a record with this id.
    #[error(
        "The history already has a record with the id {id}: give each record fresh random bytes."
    )]
    IdAlreadyUsed {
        /// The id.
        id: RecordId,
    },
    /// The record is earlier than the latest record, or as early but from another batch.
    #[error("The new record's time {} is not after the latest record's time {}; stamp it with AcceptanceHistory::next_timestamp.", format_instant(*.given), format_instant(*.latest))]
    NotAfterLatest {
        /// The latest record's time.
        latest: DateTime<Utc>,
        /// The new record's time.
        given: DateTime<Utc>,
    },
}

impl AcceptanceRecord {
    /// Makes the record of one document accepted in the action `ctx`, with the id `id`,
    /// stamped `ctx.now` exactly (see
    /// [`AcceptanceHistory::accept`](super::AcceptanceHistory::accept), which stamps and
    /// appends a whole batch). The document's hash is computed from the version's body.
    ///
    /// Errors: a version that is not the document's; pledges not all affirmed, unknown or
    /// given for a version without any;
    /// an age missing at sign-up or given elsewhere; an unusable subject, language or
    /// time.
    pub fn new(
        ctx: &Context,
        id: RecordId,
        acceptance: Acceptance<'_>,
    ) -> Result<AcceptanceRecord, RecordError> {
        let document = &acceptance.document.id;
        if !acceptance.document.versions.contains(acceptance.version) {
            return Err(RecordError::NotThisDocumentsVersion {
                document: document.clone(),
                version: acceptance.version.version.clone(),
            });
        }
        let ids: Vec<String> = acceptance
            .version
            .pledge_list()
            .into_iter()
            .map(|p| p.id)
            .collect();
        let given: BTreeSet<&str> = acceptance.pledges.iter().map(String::as_str).collect();
        if let Some(unknown) = given.iter().find(|g| !ids.iter().any(|id| id == *g)) {
            return Err(if ids.is_empty() {
                RecordError::NoPledges {
                    document: document.clone(),
                }
            } else {
                RecordError::UnknownPledge {
                    document: document.clone(),
                    pledge: (*unknown).to_string(),
                    count: ids.len(),
                }
            });
        }
        let missing: Vec<String> = ids
            .iter()
            .filter(|id| !given.contains(id.as_str()))
            .cloned()
            .collect();
        if !missing.is_empty() {
            return Err(RecordError::PledgesMissing {
                document: document.clone(),
                missing,
            });
        }
        let record = AcceptanceRecord {
            id,
            at: ctx.now,
            document: DocumentRef::for_text(
                document,
                &acceptance.version.version,
                &acceptance.version.body,
            ),
            scope: ctx.scope.clone(),
            method: ctx.method,
            pledges: (!ids.is_empty()).then_some(ids),
            age: ctx.age,
            batch: ctx.batch.clone(),
            subject: ctx.subject.clone(),
            language: ctx.language.clone(),
        };
        record.check()?;
        Ok(record)
    }

    /// Checks the record's own consistency: what [`decode`](super::decode) checks of a
    /// stored record beyond the types, and [`AcceptanceHistory::append`](super::AcceptanceHistory::append) of a new one.
    pub fn check(&self) -> Result<(), RecordError> {
        if !time::is_writable(self.at) {
            return Err(RecordError::TimeOutOfRange { at: self.at });
        }
        if let Some(part) = self.document.problem() {
            return Err(RecordError::BadDocument {
                document: self.document.clone(),
                part,
            });
        }
        if self.document.sha256.is_none() {
            return Err(RecordError::MissingHash {
                document: self.document.clone(),
            });
        }
        if let Some(pledges) = &self.pledges
            && (pledges.is_empty()
                || pledges
                    .iter()
                    .enumerate()
                    .any(|(i, id)| *id != (i + 1).to_string()))
        {
            return Err(RecordError::BadPledgeList {
                given: pledges.clone(),
            });
        }
        match (self.method, self.age) {
            (Method::Signup, None) => return Err(RecordError::AgeRequired),
            (Method::Signup, Some(_)) | (_, None) => {}
            (method, Some(_)) => return Err(RecordError::AgeOnlyAtSignup { method }),
        }
        if !is_valid_subject(&self.subject) {
            return Err(RecordError::BadSubject {
                subject: self.subject.clone(),
            });
        }
        if !is_valid_language_tag(&self.language) {
            return Err(RecordError::BadLanguage {
                tag: self.language.clone(),
            });
        }
        Ok(())
    }

    /// The record as the contract's JSON value.
    pub fn to_json(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }

    /// The record as the contract's JSON text, fields in the contract's order.
    pub fn to_json_string(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Does this record accept `version` of `document` (by document id and version label)?
    pub fn accepts(&self, document: &str, version: &str) -> bool {
        self.document.document == document && self.document.version == version
    }
}

/// Is `subject` usable: 1 to [`MAX_SUBJECT_LEN`] characters, not only spaces, no control
/// characters?
pub fn is_valid_subject(subject: &str) -> bool {
    !subject.trim().is_empty()
        && subject.chars().count() <= MAX_SUBJECT_LEN
        && !subject.chars().any(char::is_control)
}
