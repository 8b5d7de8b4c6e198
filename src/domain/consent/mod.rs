//! Privacy and cookie consent: categories, decisions, history, re-consent, storage and
//! receipts. Pure Rust: no clock, no random numbers, no browser.
//!
//! # The model
//!
//! * A [`CategorySet`] lists the consent categories. They are data (the content bundle
//!   will carry them); [`CategorySet::default_set`] is the table in the Privacy Policy's
//!   *Cookies and similar storage* section. A *required* category (strictly necessary) is
//!   always on, is explained rather than offered as a switch, and is recorded as granted.
//!   Its learner-facing texts may be given in several languages (a string, or an object
//!   of language tag → string, `localized.rs`), read for one language with
//!   [`CategorySet::from_json_in`] (and [`config::ConsentConfig::from_json_in`]).
//! * Every decision is a [`ConsentRecord`]: a random id, when, under which policy text
//!   (document id, version and the SHA-256 of its exact text), the choice for every
//!   category, how it was given ([`Method`]), the browser's privacy signals and the UI
//!   language. A [`ConsentHistory`] only ever grows: changing your mind or withdrawing
//!   adds a record and never edits an old one.
//! * [`status`] says whether to ask (again), [`proposed_choices`] what the form should
//!   show when it does, and [`Standing::is_granted`] whether a script may run (not while
//!   the decision was made under a policy that has since changed materially).
//! * [`encode`] and [`decode`] are the storage format (see below); [`merge`] joins what
//!   two browser tabs wrote; [`receipt`] and [`describe`] explain the history to a person.
//!
//! # How the widget uses it
//!
//! 1. Read the value stored under [`STORAGE_KEY`] and [`decode`] it. If that fails, set
//!    the value aside under another key (never overwrite evidence) and start afresh.
//! 2. If the browser sends Global Privacy Control or Do Not Track, call
//!    [`ConsentHistory::honour_signals`]: it records the refusal the signal expresses.
//! 3. Ask [`status`]. For [`ConsentStatus::Missing`] or
//!    [`ConsentStatus::NeedsReconsent`], show the banner pre-filled from
//!    [`proposed_choices`]; save with [`ConsentHistory::record`].
//! 4. [`encode`] and store. If another tab stored meanwhile, [`merge`] first.
//! 5. Gate every optional script or storage key with [`Standing::is_granted`].
//!
//! ```
//! use terms_widget::domain::consent::*;
//! use terms_widget::domain::time::parse_instant;
//!
//! let categories = CategorySet::default_set();
//! let policy = PolicyRef::for_text("privacy-policy", "3", "…the exact policy text…");
//! let versions = PolicyVersion::new(policy.clone(), [("1", true), ("2", true), ("3", false)]);
//! let mut history = ConsentHistory::default();
//! assert_eq!(status(&history, &categories, &versions), ConsentStatus::Missing);
//!
//! let ctx = Context {
//!     id: RecordId::from_random_bytes(&[7; 16]),
//!     now: parse_instant("2026-11-24T10:00:00Z").unwrap(),
//!     signals: Signals::NONE,
//!     language: "en-GB".into(),
//! };
//! use Choice::*;
//! history
//!     .record(&categories, &policy, ctx, Method::Banner, [
//!         ("analytics", Granted), ("marketing", Denied),
//!         ("diagnostics", Denied), ("location", Denied),
//!     ])
//!     .unwrap();
//! assert_eq!(status(&history, &categories, &versions), ConsentStatus::Current);
//! assert!(Standing::new(&history, &versions).is_granted(categories.get("analytics").unwrap()));
//! let english = terms_widget::catalog::Catalog::en();
//! assert_eq!(
//!     describe(&english, &history, &categories)[0],
//!     "On 2026-11-24 at 10:00 UTC you allowed Analytics and refused Marketing email and \
//!      promotions, Diagnostics and crash reports, and Approximate location, from the banner, \
//!      under Privacy Policy version 3."
//! );
//! let stored = encode(&history);
//! assert_eq!(decode(&stored), Ok(history));
//! ```
//!
//! # Storage format
//!
//! [`encode`] writes one JSON object, `{"v":2,"records":[…]}`, records oldest first:
//!
//! ```json
//! {"v":2,"records":[{
//!   "at": "2026-11-24T10:00:00Z",
//!   "choices": {"analytics": "granted", "marketing": "denied", "necessary": "granted"},
//!   "id": "07070707-0707-4707-8707-070707070707",
//!   "language": "en-GB",
//!   "method": "banner",
//!   "policy": {"document": "privacy-policy", "sha256": "…64 hex digits…", "version": "3"},
//!   "required": ["necessary"],
//!   "signals": {"dnt": false, "gpc": false}}]}
//! ```
//!
//! `method` is one of `banner`, `preferences`, `browser-signal`, `api`; `policy.sha256`
//! is `null` when unknown (records migrated from v1). Unknown extra fields are ignored.
//! [`decode`] also reads the older v1 value, a single flat record:
//! `{"v":1,"choices":{"analytics":true,…},"at":"…","policy_version":"2"}` (see [`decode`]).
//!
//! # Decisions
//!
//! * **Categories.** At least one; ids are 1–64 of `a-z`, `0-9` and inner hyphens, unique;
//!   titles and purposes non-empty; a storage key belongs to one category only (switching
//!   a category off deletes its keys). Any number of categories may be required, including
//!   none; the id `necessary` is not special, the `required` flag is.
//! * **Record order.** A history is ordered by time, then id. [`ConsentHistory::append`]
//!   refuses a record that is not strictly later than the current one, so the order of
//!   records is the order of decisions. The helpers [`ConsentHistory::record`],
//!   [`ConsentHistory::withdraw_all`] and [`ConsentHistory::honour_signals`] never fail
//!   for that reason: if `now` is not after the current record (two decisions in one
//!   second, or a clock set back), they stamp the new record one second after it.
//! * **New categories** are never silently granted or refused: a record cannot be made
//!   while an optional category has no answer, and [`proposed_choices`] leaves them unset.
//!   A category that used to be required and is now optional counts as new.
//! * **Browser signals** (GPC, DNT) are a refusal of every optional category, as the
//!   Privacy Policy promises. A grant survives a signal only when it was given while that
//!   same signal was already on (the learner opted in knowingly, overriding it); a grant
//!   from before the signal appeared gives way to it. Refusals recorded because of the
//!   signal say [`Method::BrowserSignal`].
//! * **Re-consent.** Asked again after a *material* policy change (any version between the
//!   one agreed to and the current one is material), when the same version's text has a
//!   different SHA-256, when the agreed version is unknown, or when there are new optional
//!   categories. A non-material change alone does not ask again.
//! * **Same id, different content** (tampering, or a broken random source) is not merged
//!   away: [`merge`] keeps both records, because a consent record is evidence.
//!
//! # Files
//!
//! One idea a file; everything public is re-exported here, so paths such as
//! `consent::ConsentHistory` do not depend on the file. `category` (categories and their
//! checks), `choice` ([`Choice`], [`Method`]), `signals`, `record` (one decision and
//! [`RecordError`]), `history` (the append-only [`ConsentHistory`]), `status` ([`status`],
//! [`Reason`], [`Standing`]), `proposal` ([`proposed_choices`]), `storage/` ([`encode`],
//! [`decode`]: `v2.rs` reads records, `v1.rs` migrates), `merge`, `receipt`, `describe`;
//! `config` and `consent_mode` as before. Tests sit beside the code; `test_support` holds
//! their shared helpers. What is not consent-specific lives in
//! [`records`](crate::domain::records): [`RecordId`], [`DocumentRef`] (here under its old
//! name [`PolicyRef`]), [`FieldProblem`], language tags and time stamping.

pub mod config;
pub mod consent_mode;

mod category;
mod choice;
mod describe;
mod history;
mod localized;
mod merge;
mod proposal;
mod receipt;
mod record;
mod signals;
mod status;
mod storage;
#[cfg(test)]
mod test_support;

pub use category::{Category, CategoryError, CategorySet, ReceiptTerms, is_valid_category_id};
pub use choice::{Choice, Method};
pub use describe::{describe, describe_record, describe_record_titled, describe_titled};
pub use history::ConsentHistory;
pub use merge::merge;
pub use proposal::{Proposal, ProposedChoice, proposed_choices};
pub use receipt::{Controller, RECEIPT_VERSION, receipt};
pub use record::{ConsentRecord, Context, RecordError};
pub use signals::Signals;
pub use status::{ConsentStatus, PolicyVersion, PublishedVersion, Reason, Standing, status};
pub use storage::{
    STORAGE_KEY, STORE_VERSION, StoreError, V1_POLICY_DOCUMENT, decode, encode, outbox_key,
};

pub use crate::domain::records::document_ref::DocumentRef;
pub use crate::domain::records::field::FieldProblem;
pub use crate::domain::records::id::RecordId;
pub use crate::domain::records::language::{UNDETERMINED_LANGUAGE, is_valid_language_tag};

/// Which privacy-policy text a decision was made under: a [`DocumentRef`] (document id,
/// version label and the SHA-256 of the exact text). The name consent has always used.
pub type PolicyRef = DocumentRef;
