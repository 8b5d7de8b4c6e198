//! The acceptance history in words, and the receipt a learner can download: every
//! sentence comes from the catalog ([`Catalog`]), in the learner's language, naming the
//! bundle's platform.
//!
//! Dates are the UTC calendar date of the record's `at`, written long ("29 November
//! 2026"); the record itself keeps the exact time.
//!
//! ```
//! use terms_widget::catalog::Catalog;
//! use terms_widget::domain::acceptance::receipt::{accepted_line, describe_record};
//! use terms_widget::domain::acceptance::*;
//! use terms_widget::domain::records::document_ref::DocumentRef;
//! use terms_widget::domain::records::id::RecordId;
//! use terms_widget::domain::time::parse_instant;
//!
//! let record = AcceptanceRecord {
//!     id: RecordId::from_random_bytes(&[1; 16]),
//!     at: parse_instant("2026-03-03T09:00:00Z").unwrap(),
//!     document: DocumentRef::for_text("honor-code", "2", "body"),
//!     scope: Scope::parse("course:ml-101").unwrap(),
//!     method: Method::Prompt,
//!     pledges: Some((1..=5).map(|n| n.to_string()).collect()),
//!     age: None,
//!     batch: RecordId::from_random_bytes(&[2; 16]),
//!     subject: "learner-42".into(),
//!     language: "en".into(),
//! };
//! let cat = Catalog::en();
//! assert_eq!(
//!     describe_record(&cat, &record, "Honor Code"),
//!     "On 3 March 2026 you accepted the Honor Code (version 2) for the course ml-101 \
//!      and affirmed all 5 of its pledges."
//! );
//! assert_eq!(
//!     accepted_line(&cat, &record, "Honor Code"),
//!     "You accepted the Honor Code (version 2) on 3 March 2026"
//! );
//! ```

use serde::Serialize;
use serde_json::Value;

use super::AcceptanceHistory;
use super::method::{AgeAttestation, Method};
use super::record::AcceptanceRecord;
use super::scope::Scope;
use crate::catalog::{Catalog, Msg};
use crate::domain::documents::bundle::Bundle;

/// The format tag of [`receipt`].
pub const RECEIPT_FORMAT: &str = "terms-widget/acceptance-receipt@1";

/// The record's date in words (UTC calendar date), in the catalog's language.
fn date_words(cat: &Catalog, record: &AcceptanceRecord) -> String {
    cat.date(record.at.date_naive())
}

/// How and where the record was accepted, as the middle of a sentence.
fn how_words(cat: &Catalog, record: &AcceptanceRecord) -> String {
    let course = match &record.scope {
        Scope::Platform => None,
        Scope::Course(id) => Some(id.as_str()),
    };
    match (record.method, course) {
        (Method::Signup, _) if record.age == Some(AgeAttestation::MinorWithGuardian) => {
            cat.text(Msg::AcceptedHowSignupGuardian)
        }
        (Method::Signup, _) => cat.text(Msg::AcceptedHowSignup),
        (Method::Prompt, Some(c)) => cat.with(Msg::AcceptedHowCourse, &[("course", c)]),
        (Method::Prompt, None) => cat.text(Msg::AcceptedHowPlatform),
        (Method::Reacceptance, Some(c)) => cat.with(Msg::AcceptedHowAgainCourse, &[("course", c)]),
        (Method::Reacceptance, None) => cat.text(Msg::AcceptedHowAgain),
        (Method::Api, Some(c)) => cat.with(Msg::AcceptedHowApiCourse, &[("course", c)]),
        (Method::Api, None) => cat.text(Msg::AcceptedHowApi),
    }
}

/// One record in one sentence, e.g. "On 29 November 2026 you accepted the Honor Code
/// (version 2) when you signed up and affirmed all 5 of its pledges." `title` is the
/// document's title (see [`title_of`]).
pub fn describe_record(cat: &Catalog, record: &AcceptanceRecord, title: &str) -> String {
    let date = date_words(cat, record);
    let how = how_words(cat, record);
    let args = [
        ("date", date.as_str()),
        ("title", title),
        ("version", record.document.version.as_str()),
        ("how", how.as_str()),
    ];
    match &record.pledges {
        Some(pledges) => cat.count(Msg::AcceptedRecordPledges, pledges.len() as u64, &args),
        None => cat.with(Msg::AcceptedRecord, &args),
    }
}

/// The course page's compact line for an accepted document: "You accepted the Honor Code
/// (version 2) on 3 March 2026".
pub fn accepted_line(cat: &Catalog, record: &AcceptanceRecord, title: &str) -> String {
    cat.with(
        Msg::AcceptedOn,
        &[
            ("title", title),
            ("version", &record.document.version),
            ("date", &date_words(cat, record)),
        ],
    )
}

/// A document's title in the bundle, or its id when the bundle no longer has it.
pub fn title_of<'a>(bundle: &'a Bundle, document: &'a str) -> &'a str {
    bundle
        .document(document)
        .map_or(document, |d| d.title.as_str())
}

/// The whole history in words, one sentence per record, oldest first; one sentence
/// saying there is nothing yet for an empty history.
pub fn describe(cat: &Catalog, history: &AcceptanceHistory, bundle: &Bundle) -> Vec<String> {
    if history.records.is_empty() {
        return vec![cat.text(Msg::NothingAccepted)];
    }
    history
        .ordered()
        .into_iter()
        .map(|r| describe_record(cat, r, title_of(bundle, &r.document.document)))
        .collect()
}

/// The receipt a learner can download, as JSON:
///
/// ```json
/// {"format": "terms-widget/acceptance-receipt@1", "platform": "Kestrel Learning",
///  "subject": "…", "language": "en",
///  "records": [ …every record of `subject`, the contract's shape, oldest first… ],
///  "history": [ …the same records in words… ]}
/// ```
///
/// Only the records of `subject` are in it (a shared browser may hold another
/// learner's).
pub fn receipt(
    cat: &Catalog,
    history: &AcceptanceHistory,
    bundle: &Bundle,
    subject: &str,
) -> Value {
    let mine = AcceptanceHistory {
        records: history
            .ordered()
            .into_iter()
            .filter(|r| r.subject == subject)
            .cloned()
            .collect(),
    };
    let wire = Receipt {
        format: RECEIPT_FORMAT,
        platform: cat.platform(),
        subject,
        language: cat.lang().tag(),
        records: &mine.records,
        history: describe(cat, &mine, bundle),
    };
    serde_json::to_value(&wire).unwrap_or(Value::Null)
}

#[derive(Serialize)]
struct Receipt<'a> {
    format: &'static str,
    platform: &'a str,
    subject: &'a str,
    language: &'static str,
    records: &'a [AcceptanceRecord],
    history: Vec<String>,
}
