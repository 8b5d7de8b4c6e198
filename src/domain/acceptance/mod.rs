//! Acceptance records (clickwrap): a learner accepts the Terms of Use, the Privacy Policy
//! and the Honor Code at sign-up, a course's documents on its page before graded work,
//! and a document again after a material change. Pure Rust: no clock, no random
//! numbers, no browser; callers pass `now`, ids and jitter in.
//!
//! The contract is `shared/specs/acceptance.md`: its field names, values and codes
//! (`platform`, `course:<id>`, `signup`, `prompt`, `reacceptance`, `api`, `adult`,
//! `minor-with-guardian`, `never_accepted`, `material_change`) are public API and are
//! used here exactly. Consent and acceptance share one record machinery,
//! [`crate::domain::records`]: record ids, document references and their SHA-256,
//! stamping, language tags, field problems, the stored value's envelope, the two-tab
//! merge and the delivery outbox.
//!
//! # The model
//!
//! | file | what |
//! |---|---|
//! | [`setup`] | [`AcceptanceSetup`]: the bundle's `acceptance` (who accepts what at sign-up and on a course page, the ages), its defaults and checks |
//! | [`pledges`] | [`Pledge`]s: the first numbered list of a version with `"pledges": true` |
//! | [`scope`] | [`Scope`] (`platform`, `course:<id>`) and [`CourseId`] |
//! | [`method`] | [`Method`] and the record's [`AgeAttestation`] |
//! | [`record`] | [`AcceptanceRecord`], the action's [`Context`], one [`Acceptance`], [`RecordError`] |
//! | [`history`] | [`AcceptanceHistory`]: append-only, one action a batch, two tabs merged |
//! | [`pending`](mod@pending) | each document's [`Standing`] per scope, and the [`PendingDocument`]s |
//! | [`age`] | the age in whole years on the calendar and the [`AgeCheck`] |
//! | [`gate`] | the session gate after an answer under the minimum age |
//! | [`storage`] | the store's keys, [`encode`], [`decode`] and [`record_from_json`] |
//! | [`receipt`] | the history in words through the catalog, and the downloadable receipt |
//!
//! # How the widget uses it
//!
//! 1. Read [`STORAGE_KEY`] and [`decode`]; on an error, keep the value under
//!    [`corrupt_key`] (never overwrite it) and start afresh (in memory, with a notice,
//!    when storage is unavailable).
//! 2. Sign-up: read the session gate ([`gate::Gate::from_stored`]); ask the date of birth,
//!    [`age::check_birth_date`]; under the minimum age store [`gate::value_after`] and
//!    stop; otherwise show [`pending()`] documents of [`Scope::Platform`], each
//!    version's [`Version::pledge_list`](crate::domain::documents::bundle::Version::pledge_list),
//!    and record them with [`AcceptanceHistory::accept`] in one batch.
//! 3. Course page: [`standings`] for `Scope::Course(id)`: pending ones are asked (for a
//!    `material_change`, with the changes from `accepted_version` to `current`), updated
//!    ones are said, accepted ones are summed up ([`receipt::accepted_line`]).
//! 4. Before storing, merge what another tab stored ([`AcceptanceHistory::merge`]),
//!    then [`encode`]; queue each new record in the outbox when the host gave an
//!    endpoint.
//!
//! ```
//! use terms_widget::domain::acceptance::*;
//! use terms_widget::domain::documents::bundle::load_json;
//! use terms_widget::domain::records::id::RecordId;
//! use terms_widget::domain::time::parse_instant;
//!
//! let bundle = load_json(terms_widget::DEFAULT_BUNDLE).bundle;
//! let setup = bundle.acceptance_setup();
//! let now = parse_instant("2026-11-29T10:00:00Z").unwrap();
//! let check = age::check_birth_date("1990-05-17", now, &setup).unwrap();
//!
//! let mut history = AcceptanceHistory::default();
//! let ctx = Context {
//!     batch: RecordId::from_random_bytes(&[0xb0; 16]),
//!     now,
//!     scope: Scope::Platform,
//!     method: Method::Signup,
//!     age: check.attestation(),
//!     subject: "learner-42".into(),
//!     language: "en".into(),
//! };
//! let docs = documents_for(&bundle, &setup, &Scope::Platform);
//! let affirmed: Vec<Vec<String>> = docs
//!     .iter()
//!     .map(|d| d.current().pledge_list().into_iter().map(|p| p.id).collect())
//!     .collect();
//! let batch = history
//!     .accept(&ctx, docs.iter().zip(&affirmed).enumerate().map(|(n, (d, p))| {
//!         (RecordId::from_random_bytes(&[n as u8; 16]),
//!          Acceptance { document: d, version: d.current(), pledges: p })
//!     }))
//!     .unwrap();
//! assert_eq!(batch.len(), 3);
//! assert!(pending(&history, &bundle, &setup, None).is_empty());
//! assert_eq!(decode(&encode(&history)), Ok(history));
//! ```

pub mod age;
pub mod gate;
pub mod history;
pub mod method;
pub mod pending;
pub mod pledges;
pub mod receipt;
pub mod record;
pub mod scope;
pub mod setup;
pub mod storage;

#[cfg(test)]
mod test_support;
#[cfg(test)]
mod tests;

pub use age::{AgeCheck, AgeError};
pub use history::AcceptanceHistory;
pub use method::{AgeAttestation, Method};
pub use pending::{
    DocumentStanding, PendingDocument, PendingReason, Standing, documents_for, pending, standing,
    standings,
};
pub use pledges::Pledge;
pub use record::{Acceptance, AcceptanceRecord, Context, RecordError};
pub use scope::{CourseId, Scope, ScopeError};
pub use setup::AcceptanceSetup;
pub use storage::{
    RecordProblem, STORAGE_KEY, StoreError, corrupt_key, decode, encode, record_from_json,
};
