//! What consent records and acceptance records (honor code, sign-up) share.
//!
//! Both are evidence that a person agreed to something: each record has a random id, says
//! exactly which text was shown, is kept in an append-only history in browser storage, and
//! must explain itself when read back. The pieces here know nothing about consent
//! categories or privacy signals:
//!
//! | file | what | acceptance uses it for |
//! |---|---|---|
//! | [`id`] | [`RecordId`](id::RecordId): a UUID v4 from random bytes, or a v8 derived from content (migrations) | the id of each acceptance |
//! | [`document_ref`] | [`DocumentRef`](document_ref::DocumentRef): document id, version label and the SHA-256 of the exact text, and what is wrong with one | the honour code version accepted |
//! | [`sha256`] | the SHA-256 helpers behind it | the same |
//! | [`timestamp`] | [`next_timestamp`](timestamp::next_timestamp): stamp a new record strictly after the latest, so record order is decision order | the same rule for its history |
//! | [`language`] | BCP 47 language tags, checked loosely, and `und` | the language the text was shown in |
//! | [`field`] | [`FieldProblem`](field::FieldProblem): what is wrong with one field of a stored JSON value, and the helpers the decoders share | the acceptance storage decoder's errors |
//! | [`envelope`] | [`read_envelope`](envelope::read_envelope): a stored value's JSON object and its `"v"`, or precisely what is wrong | the acceptance store's and the outbox's decoders (consent's too) |
//! | [`merge`] | [`merge_records`](merge::merge_records) over any [`Evidence`](merge::Evidence): two tabs' histories joined, commutative, nothing lost | `AcceptanceHistory::merge` (consent's `merge` too) |
//! | [`outbox`] | [`Outbox`](outbox::Outbox): records waiting for the host's endpoint, backoff with jitter passed in, removal only on 2xx, two tabs merged, a lease per entry being sent | the acceptance outbox `kl_acceptance.outbox.v1` (consent's is `kl_consent.outbox.v1`); sent by `platform::delivery` |
//!
//! Consent-specific parts stay in [`consent`](super::consent): categories, choices,
//! signals, re-consent, the consent store's format and receipts; acceptance-specific ones
//! in [`acceptance`](super::acceptance): scopes, pledges, pending documents, the age gate. Consent re-exports
//! what it uses from here under its old paths (`consent::RecordId`, `consent::PolicyRef`
//! as an alias of `DocumentRef`, `consent::FieldProblem`, `consent::is_valid_language_tag`).

pub mod document_ref;
pub mod envelope;
pub mod field;
pub mod id;
pub mod language;
pub mod merge;
pub mod outbox;
pub mod sha256;
pub mod timestamp;
