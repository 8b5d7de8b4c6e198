//! The content bundle: every document the widget can show, with all its versions.
//!
//! A bundle is one JSON value in the format [`FORMAT`] (schema: `schema/bundle.schema.json`):
//!
//! ```json
//! {
//!   "format": "terms-widget/bundle@1",
//!   "platform": { "name": "Kestrel Learning" },
//!   "documents": [
//!     { "id": "refund-policy", "title": "Refund Policy",
//!       "versions": [
//!         { "version": "1", "effective": "2024-02-01", "summary": "First published version.",
//!           "material": true, "body": "Markdown text…" } ],
//!       "archived": [
//!         { "effective": "2021-06-01", "summary": "Adds the refund window.",
//!           "link": "https://example.com/refund-policy/2021-06-01" } ] } ]
//! }
//! ```
//!
//! `"lang"` (optional, at the top and on a document) says the documents' language; several
//! documents may share an id in different languages (translations, see `languages.rs` and
//! [`Bundle::for_language`]).
//!
//! Loading never fails as a whole and never panics: [`load_json`] returns the documents
//! that are well formed together with a [`Problem`] for everything that is not, so the
//! widget can show both. A version with a bad field is left out; a document left with
//! no versions is left out; the rest still renders.
//!
//! ```
//! use terms_widget::domain::documents::bundle::load_json;
//!
//! let loaded = load_json(r#"{"format":"terms-widget/bundle@1","documents":[
//!   {"id":"honor-code","title":"Honor Code","versions":[
//!     {"version":"1","effective":"2024-02-01","summary":"First.","material":true,"body":"Be honest."},
//!     {"version":"2","effective":"2024-02-30","summary":"Typo.","material":false,"body":"Be kind."}]}]}"#);
//! assert_eq!(loaded.bundle.documents[0].versions.len(), 1);
//! assert_eq!(loaded.problems.len(), 1);
//! assert!(loaded.problems[0].to_string().contains("2024-02-30"));
//! ```
//!
//! | file | what it holds |
//! |---|---|
//! | `mod.rs` | The bundle's types: [`Bundle`], [`Document`], [`Version`]. |
//! | `acceptance.rs` | A version's `pledges` flag and the `acceptance` set-up, checked ([`Version::pledge_list`], [`Bundle::acceptance_setup`]). |
//! | `archived.rs` | Archived revisions: dated entries without their text ([`ArchivedRevision`]). |
//! | `languages.rs` | Documents in several languages: translations checked against their primary, [`Bundle::for_language`], [`Bundle::languages`]. |
//! | `ids.rs` | Which ids and version labels are usable ([`is_valid_id`], [`is_valid_version_label`]). |
//! | `problems.rs` | [`Problem`] and [`Loaded`]: what is wrong and what still loads. |
//! | `load.rs` | The tolerant loader over wire structs ([`load_json`], [`load_value`]). |
//! | `write.rs` | The bundle back as JSON ([`to_json`]). |
//! | `tests.rs` | The loader's tests, round trips and its property tests. |

use chrono::{DateTime, NaiveDate};
use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::domain::acceptance::setup::AcceptanceSetup;

mod acceptance;
mod archived;
mod ids;
mod languages;
mod load;
mod problems;
mod write;

pub use archived::{ArchivedRevision, MAX_LINK_LEN, check_external_link};
pub use ids::{is_valid_id, is_valid_version_label};
pub use languages::DEFAULT_LANG;
pub use load::{load_built_in, load_json, load_json_for_consent, load_value};
pub use problems::{Loaded, Problem};
pub use write::to_json;

/// Ids a document can't take, because their fragments open the widget's own views.
pub const RESERVED_IDS: [&str; 1] = ["refund-calculator"];

/// The format tag this widget reads and writes.
pub const FORMAT: &str = "terms-widget/bundle@1";

/// A set of documents, each with its versions, oldest first.
///
/// A document may exist in several languages: `documents` holds each id once (the
/// *primary*, the first document with that id in the bundle's order), and
/// `translations` the others (see [`Bundle::for_language`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Bundle {
    /// The platform's display name, e.g. "Kestrel Learning" (may be empty).
    pub platform: String,
    /// `platform.short_name`, e.g. "Kestrel" (empty: the name's first word).
    pub platform_short: String,
    /// `platform.strings`: the platform's own values for UI messages, per language.
    pub strings: crate::catalog::PartnerStrings,
    /// The language of the documents that do not say theirs: a BCP 47 tag, `"en"`
    /// ([`DEFAULT_LANG`]) unless the bundle's `"lang"` says otherwise.
    pub lang: String,
    /// Documents in display order, one per id: the primaries. Their versions are the
    /// reference for every translation.
    pub documents: Vec<Document>,
    /// The other documents: translations of a primary (same id, another language), in
    /// the bundle's order. Each one's versions are some of its primary's (same labels,
    /// dates and `material`), checked by the loader.
    pub translations: Vec<Document>,
    /// Overrides of the refund rules (the JSON shape of
    /// `refund::RefundPolicy::from_json`), checked where the rules are built.
    pub refund_policy: Option<Value>,
    /// The consent categories (the JSON shape of `consent::CategorySet::from_json`),
    /// checked where consent is asked; `None` means the default set.
    pub consent: Option<Value>,
    /// The `acceptance` set-up as the bundle gives it, checked; `None` when it gives none
    /// ([`Bundle::acceptance_setup`] is the one in force either way).
    pub acceptance: Option<AcceptanceSetup>,
}

impl Bundle {
    /// `cat` speaking for this bundle's platform: its name, short name and own values
    /// (`platform.strings`) for the catalog's language.
    pub fn words(&self, cat: crate::catalog::Catalog) -> crate::catalog::Catalog {
        cat.with_platform(&self.platform)
            .with_short_name(&self.platform_short)
            .with_partner_strings(&self.strings)
    }
}

impl Default for Bundle {
    /// An empty bundle in English.
    fn default() -> Self {
        Bundle {
            platform: String::new(),
            platform_short: String::new(),
            strings: crate::catalog::PartnerStrings::default(),
            lang: DEFAULT_LANG.to_string(),
            documents: Vec::new(),
            translations: Vec::new(),
            refund_policy: None,
            consent: None,
            acceptance: None,
        }
    }
}

/// One legal document (e.g. the Refund Policy) and its published versions. It serialises
/// in the bundle's format.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// Stable id used in links and deep links, e.g. `refund-policy`.
    pub id: String,
    /// Title shown to learners, in the document's language.
    pub title: String,
    /// The language the document is written in: a BCP 47 tag such as `"en"` or `"es"`,
    /// the document's `"lang"` or else the bundle's. [`to_json`] writes it only where it
    /// differs from the bundle's.
    #[serde(skip)]
    pub lang: String,
    /// Versions sorted by effective date, oldest first; never empty.
    pub versions: Vec<Version>,
    /// Earlier revisions known only by their date and summary (and perhaps a link),
    /// oldest first, all before the first version.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub archived: Vec<ArchivedRevision>,
    /// In a document as [`Bundle::for_language`] shows a translation: the primary, whose
    /// versions fill in the ones the translation lacks (see [`Document::lang_of`]) and
    /// compare versions across languages. `None` for a primary shown as itself.
    #[serde(skip)]
    pub primary: Option<Box<Document>>,
    /// With `primary`: the labels of the versions in this document's own language.
    #[serde(skip)]
    pub translated: Vec<String>,
}

/// One published version of a document. It serialises in the bundle's format.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Version {
    /// Version label, e.g. `"3"` or `"2.1"`.
    pub version: String,
    /// The date this version took effect.
    #[serde(serialize_with = "date_text")]
    pub effective: NaiveDate,
    /// One line saying what changed.
    pub summary: String,
    /// Whether the change matters enough that learners must be told (and asked again).
    pub material: bool,
    /// The Markdown text. Empty in a digest-only version (see `sha256`).
    pub body: String,
    /// Whether the items of the body's first ordered list are pledges the learner
    /// affirms one by one (see [`Version::pledge_list`]). Written only when true.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub pledges: bool,
    /// A digest-only version: the SHA-256 of its text (64 lowercase hex digits), given in
    /// place of `body`. Only the consent elements read such versions
    /// ([`load_json_for_consent`]): they bind records to a text without showing it. The
    /// consent-only build's built-in privacy policy comes this way, about 10 KB (brotli)
    /// lighter; the documents view, which shows the text, has the full bundle.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
}

impl Version {
    /// The SHA-256 of this version's text, as 64 lowercase hex digits: the one a
    /// digest-only version gives, else the body's, byte for byte (what consent and
    /// acceptance records bind to).
    ///
    /// ```
    /// use terms_widget::domain::documents::bundle::{load_json, load_json_for_consent};
    ///
    /// let full = load_json(r#"{"format": "terms-widget/bundle@1", "documents": [{"id": "privacy-policy",
    ///     "title": "Privacy Policy", "versions": [{"version": "1", "effective": "2026-01-01",
    ///     "summary": "First.", "material": false, "body": "abc"}]}]}"#);
    /// let digest = load_json_for_consent(r#"{"format": "terms-widget/bundle@1", "documents": [{"id": "privacy-policy",
    ///     "title": "Privacy Policy", "versions": [{"version": "1", "effective": "2026-01-01",
    ///     "summary": "First.", "material": false,
    ///     "sha256": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"}]}]}"#);
    /// assert!(full.problems.is_empty() && digest.problems.is_empty());
    /// let sha = |l: &terms_widget::domain::documents::bundle::Loaded| l.bundle.documents[0].current().text_sha256();
    /// assert_eq!(sha(&full), sha(&digest));
    /// ```
    pub fn text_sha256(&self) -> String {
        match &self.sha256 {
            Some(digest) => digest.clone(),
            None => crate::domain::records::sha256::sha256_hex(self.body.as_bytes()),
        }
    }
}

impl Document {
    /// The version in force: the one with the latest effective date.
    pub fn current(&self) -> &Version {
        // `versions` is never empty for a loaded document; fall back defensively anyway.
        self.versions
            .last()
            .unwrap_or_else(|| unreachable_empty_document())
    }

    /// The version with this label, if any.
    pub fn version(&self, label: &str) -> Option<&Version> {
        self.versions.iter().find(|v| v.version == label)
    }

    /// The version in force on `date`: the latest one effective on or before it.
    pub fn in_force_on(&self, date: NaiveDate) -> Option<&Version> {
        self.versions.iter().rev().find(|v| v.effective <= date)
    }
}

#[cold]
fn unreachable_empty_document() -> &'static Version {
    static EMPTY: std::sync::OnceLock<Version> = std::sync::OnceLock::new();
    EMPTY.get_or_init(|| Version {
        version: String::new(),
        effective: DateTime::UNIX_EPOCH.date_naive(),
        summary: String::new(),
        material: false,
        body: String::new(),
        pledges: false,
        sha256: None,
    })
}

impl Bundle {
    /// The document with this id, if any.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }
}

/// Writes a date as `YYYY-MM-DD`.
fn date_text<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(date)
}

#[cfg(test)]
mod tests;
