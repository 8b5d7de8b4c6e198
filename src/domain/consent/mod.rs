//! Privacy and cookie consent: categories, decisions, history, re-consent, storage and
//! receipts. Pure Rust: no clock, no random numbers, no browser.
//!
//! # The model
//!
//! * A [`CategorySet`] lists the consent categories. They are data (the content bundle
//!   will carry them); [`CategorySet::default_set`] is the table in the Privacy Policy's
//!   *Cookies and similar storage* section. A *required* category (strictly necessary) is
//!   always on, is explained rather than offered as a switch, and is recorded as granted.
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
//! assert_eq!(
//!     describe(&history, &categories)[0],
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

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::{Map, Value, json};

use super::records::sha256::{is_hex_digest, sha256, sha256_hex};
use crate::domain::time::{self, TimeError, format_instant, parse_instant};
use crate::domain::wire::{Field, Label, Object, kind_of};

impl TryFrom<String> for Choice {
    type Error = &'static str;

    fn try_from(text: String) -> Result<Choice, Self::Error> {
        Choice::parse(&text).ok_or("not \"granted\" or \"denied\"")
    }
}

impl TryFrom<String> for Method {
    type Error = &'static str;

    fn try_from(text: String) -> Result<Method, Self::Error> {
        Method::parse(&text).ok_or("not a method")
    }
}

pub mod config;
pub mod consent_mode;

/// The browser storage key the widget keeps the encoded history under (listed under
/// *Strictly necessary* in the Privacy Policy).
pub const STORAGE_KEY: &str = "kl_consent";

/// The storage format version [`encode`] writes.
pub const STORE_VERSION: u64 = 2;

/// The Kantara Consent Receipt version [`receipt`] produces.
pub const RECEIPT_VERSION: &str = "KI-CR-v1.1.0";

/// The policy document v1 values were recorded against (v1 did not say).
pub const V1_POLICY_DOCUMENT: &str = "privacy-policy";

/// The BCP 47 tag for "undetermined", used for v1 values, which did not record a language.
pub const UNDETERMINED_LANGUAGE: &str = "und";

// ---------------------------------------------------------------------------------------
// Small shared helpers
// ---------------------------------------------------------------------------------------

/// Is `id` usable as a category id: 1 to 64 of `a-z`, `0-9` and inner hyphens (the
/// same rule as document ids)?
///
/// ```
/// use terms_widget::domain::consent::is_valid_category_id;
/// assert!(is_valid_category_id("analytics"));
/// assert!(is_valid_category_id("third-party-2"));
/// assert!(!is_valid_category_id("Analytics"));
/// assert!(!is_valid_category_id("-x"));
/// ```
pub fn is_valid_category_id(id: &str) -> bool {
    crate::domain::documents::bundle::is_valid_id(id)
}

/// Is `tag` plausibly a BCP 47 language tag? Checked loosely: subtags of ASCII letters
/// and digits joined by `-`, the first 2–8 letters (or `x`/`i` followed by more subtags),
/// the others 1–8 characters, at most 64 characters in all. `en`, `en-GB`, `pt-BR`,
/// `zh-Hant-TW`, `und` pass; `en_GB`, `english!`, `` do not.
///
/// ```
/// use terms_widget::domain::consent::is_valid_language_tag;
/// assert!(is_valid_language_tag("en-GB"));
/// assert!(is_valid_language_tag("zh-Hant-TW"));
/// assert!(!is_valid_language_tag("en_GB"));
/// ```
pub fn is_valid_language_tag(tag: &str) -> bool {
    if tag.is_empty() || tag.len() > 64 {
        return false;
    }
    let mut parts = tag.split('-');
    let first = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    let first_ok = if first.eq_ignore_ascii_case("x") || first.eq_ignore_ascii_case("i") {
        !rest.is_empty()
    } else {
        (2..=8).contains(&first.len()) && first.bytes().all(|b| b.is_ascii_alphabetic())
    };
    first_ok
        && rest
            .iter()
            .all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// A storage key: 1 to 128 characters, none of them whitespace or control characters.
fn is_valid_storage_key(key: &str) -> bool {
    !key.is_empty()
        && key.chars().count() <= 128
        && !key.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// At most `max` characters of `text`, with `…` when cut (for quoting bad values).
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut out: String = text.chars().take(max).collect();
        out.push('…');
        out
    }
}

/// "A", "A and B", "A, B, and C": the serial comma, as the Privacy Policy writes lists,
/// keeps titles that contain "and" ("Diagnostics and crash reports") readable.
fn join_words(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [a, b] => format!("{a} and {b}"),
        [init @ .., last] => format!("{}, and {last}", init.join(", ")),
    }
}

/// A timestamp inside years 0000–9999, the range the text form can express.
fn time_in_range(t: DateTime<Utc>) -> bool {
    time::is_writable(t)
}

// ---------------------------------------------------------------------------------------
// Field problems (shared by category and storage errors)
// ---------------------------------------------------------------------------------------

/// What is wrong with one field of a JSON value, and what was expected instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldProblem {
    /// The field is absent (or `null`).
    Missing {
        /// What should be there, e.g. `"a UTC time as YYYY-MM-DDTHH:MM:SSZ"`.
        expected: &'static str,
    },
    /// The field has the wrong JSON type.
    WrongType {
        /// What should be there.
        expected: &'static str,
        /// What is there, e.g. `"a number"`.
        found: &'static str,
    },
    /// The field is an empty string or list where something is needed.
    Empty {
        /// What should be there.
        expected: &'static str,
    },
    /// The field has the right type but an unusable value.
    Invalid {
        /// The value found, shortened to 80 characters.
        value: String,
        /// What should be there.
        expected: &'static str,
    },
}

impl FieldProblem {
    fn invalid(value: &str, expected: &'static str) -> FieldProblem {
        FieldProblem::Invalid {
            value: shorten(value, 80),
            expected,
        }
    }

    fn wrong_type(value: &Value, expected: &'static str) -> FieldProblem {
        FieldProblem::WrongType {
            expected,
            found: kind_of(value),
        }
    }
}

impl fmt::Display for FieldProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldProblem::Missing { expected } => write!(f, "it is missing; give {expected}"),
            FieldProblem::WrongType { expected, found } => {
                write!(f, "it is {found}, but it must be {expected}")
            }
            FieldProblem::Empty { expected } => write!(f, "it is empty; give {expected}"),
            FieldProblem::Invalid { value, expected } => {
                write!(f, "\"{value}\" can't be used; give {expected}")
            }
        }
    }
}

/// A required string field of `obj`.
fn field_str<'v>(
    obj: &'v Map<String, Value>,
    key: &str,
    expected: &'static str,
) -> Result<&'v str, FieldProblem> {
    match obj.get(key) {
        None | Some(Value::Null) => Err(FieldProblem::Missing { expected }),
        Some(Value::String(s)) => Ok(s),
        Some(other) => Err(FieldProblem::wrong_type(other, expected)),
    }
}

/// A required list-of-strings field of `obj`; the error names the offending item.
fn field_strings(
    obj: &Map<String, Value>,
    key: &str,
    expected: &'static str,
) -> Result<Vec<String>, (String, FieldProblem)> {
    match obj.get(key) {
        None | Some(Value::Null) => Err((key.to_string(), FieldProblem::Missing { expected })),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, item)| match item {
                Value::String(s) => Ok(s.clone()),
                other => Err((
                    format!("{key}[{i}]"),
                    FieldProblem::wrong_type(other, "a string"),
                )),
            })
            .collect(),
        Some(other) => Err((key.to_string(), FieldProblem::wrong_type(other, expected))),
    }
}

// ---------------------------------------------------------------------------------------
// Categories
// ---------------------------------------------------------------------------------------

/// One consent category, such as *Analytics*.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Category {
    /// Stable id, e.g. `analytics`: 1–64 of `a-z`, `0-9` and inner hyphens.
    pub id: String,
    /// The name learners see, e.g. "Analytics".
    pub title: String,
    /// What it is for, one sentence each; at least one.
    pub purposes: Vec<String>,
    /// The cookies and storage keys it covers, e.g. `kl_analytics_id` (may be empty).
    pub storage: Vec<String>,
    /// Strictly necessary: always on, explained, never offered as a switch.
    pub required: bool,
    /// What a consent receipt says about it.
    pub receipt: ReceiptTerms,
}

/// How a category is described in a Kantara consent receipt.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReceiptTerms {
    /// Kantara purpose categories, e.g. `"6 - Marketing"`.
    pub purpose_category: Vec<String>,
    /// Kantara PII categories, e.g. `"5 - Network/Service"`.
    pub pii_category: Vec<String>,
    /// When the consent or the data ends, in words; empty for the generic wording.
    pub termination: String,
}

/// The consent categories in display order. Always valid: built by
/// [`CategorySet::new`], [`CategorySet::from_json`] or [`CategorySet::default_set`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategorySet {
    categories: Vec<Category>,
}

/// Why a list of categories was refused. The first problem found is reported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CategoryError {
    /// The value is not a JSON list.
    #[error("The consent categories are {found}, but they must be a list of category objects.")]
    NotAList {
        /// What it is instead.
        found: &'static str,
    },
    /// The list has no categories.
    #[error("The list of consent categories is empty: add at least one category.")]
    Empty,
    /// An entry is not a JSON object.
    #[error(
        "Consent category #{} is {found}, but each category must be an object with \"id\", \"title\", \"purposes\", \"storage\" and \"required\".",
        .index + 1
    )]
    NotAnObject {
        /// Position in the list, from 0.
        index: usize,
        /// What it is instead.
        found: &'static str,
    },
    /// A field of an entry is missing, of the wrong type or unusable.
    #[error(fmt = category_field_message)]
    Field {
        /// Position in the list, from 0.
        index: usize,
        /// The entry's id, when it has a usable one.
        id: Option<String>,
        /// The field, e.g. `title` or `storage[1]`.
        field: String,
        /// What is wrong.
        problem: FieldProblem,
    },
    /// Two entries have the same id.
    #[error(
        "Consent category #{} has the id \"{id}\", which an earlier category already uses: give each category its own id.",
        .index + 1
    )]
    DuplicateId {
        /// Position of the second one.
        index: usize,
        /// The id.
        id: String,
    },
    /// Two categories list the same storage key.
    #[error(
        "The storage key \"{key}\" is listed under both \"{other}\" and \"{id}\": list it under one category only, so that switching a category off knows what to delete."
    )]
    SharedStorageKey {
        /// Position of the second category.
        index: usize,
        /// Its id.
        id: String,
        /// The key.
        key: String,
        /// The category that listed it first.
        other: String,
    },
}

/// [`CategoryError::Field`]'s message: the category by its id, or by its position.
fn category_field_message(
    index: &usize,
    id: &Option<String>,
    field: &str,
    problem: &FieldProblem,
    f: &mut fmt::Formatter<'_>,
) -> fmt::Result {
    match id {
        Some(id) => write!(f, "Consent category \"{id}\"")?,
        None => write!(f, "Consent category #{}", index + 1)?,
    }
    write!(f, ", field \"{field}\": {problem}.")
}

impl Category {
    /// Checks one category; `index` is its position, for the error.
    fn check(&self, index: usize) -> Result<(), CategoryError> {
        let bad = |id: Option<&str>, field: String, problem| CategoryError::Field {
            index,
            id: id.map(str::to_string),
            field,
            problem,
        };
        if !is_valid_category_id(&self.id) {
            let problem = if self.id.is_empty() {
                FieldProblem::Empty {
                    expected: ID_EXPECTED,
                }
            } else {
                FieldProblem::invalid(&self.id, ID_EXPECTED)
            };
            return Err(bad(None, "id".into(), problem));
        }
        let id = Some(self.id.as_str());
        if self.title.trim().is_empty() {
            return Err(bad(
                id,
                "title".into(),
                FieldProblem::Empty {
                    expected: "the name learners see, such as \"Analytics\"",
                },
            ));
        }
        if self.purposes.is_empty() {
            return Err(bad(
                id,
                "purposes".into(),
                FieldProblem::Empty {
                    expected: "at least one sentence saying what the category is for",
                },
            ));
        }
        for (i, p) in self.purposes.iter().enumerate() {
            if p.trim().is_empty() {
                return Err(bad(
                    id,
                    format!("purposes[{i}]"),
                    FieldProblem::Empty {
                        expected: "a sentence saying what the category is for",
                    },
                ));
            }
        }
        for (i, key) in self.storage.iter().enumerate() {
            if !is_valid_storage_key(key) {
                return Err(bad(
                    id,
                    format!("storage[{i}]"),
                    FieldProblem::invalid(
                        key,
                        "a cookie or storage key of 1 to 128 characters without spaces, such as \"kl_analytics_id\"",
                    ),
                ));
            }
        }
        let receipt_lists = [
            ("receipt.purposeCategory", &self.receipt.purpose_category),
            ("receipt.piiCategory", &self.receipt.pii_category),
        ];
        for (field, list) in receipt_lists {
            for (i, item) in list.iter().enumerate() {
                if item.trim().is_empty() {
                    return Err(bad(
                        id,
                        format!("{field}[{i}]"),
                        FieldProblem::Empty {
                            expected: "a Kantara category such as \"6 - Marketing\"",
                        },
                    ));
                }
            }
        }
        Ok(())
    }

    /// The category as JSON, in the shape [`CategorySet::from_json`] reads.
    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "title": self.title,
            "purposes": self.purposes,
            "storage": self.storage,
            "required": self.required,
            "receipt": {
                "purposeCategory": self.receipt.purpose_category,
                "piiCategory": self.receipt.pii_category,
                "termination": self.receipt.termination,
            },
        })
    }
}

const ID_EXPECTED: &str =
    "an id of 1 to 64 lowercase letters, digits and inner hyphens, such as \"analytics\"";

impl CategorySet {
    /// Checks and wraps a list of categories (see the module docs for the rules).
    ///
    /// ```
    /// use terms_widget::domain::consent::{CategoryError, CategorySet};
    /// let mut cats = CategorySet::default_set().categories().to_vec();
    /// cats[1].id = "necessary".into();
    /// assert_eq!(
    ///     CategorySet::new(cats),
    ///     Err(CategoryError::DuplicateId { index: 1, id: "necessary".into() })
    /// );
    /// ```
    pub fn new(categories: Vec<Category>) -> Result<CategorySet, CategoryError> {
        if categories.is_empty() {
            return Err(CategoryError::Empty);
        }
        let mut ids = BTreeSet::new();
        let mut keys: BTreeMap<&str, &str> = BTreeMap::new();
        for (index, c) in categories.iter().enumerate() {
            c.check(index)?;
            if !ids.insert(c.id.as_str()) {
                return Err(CategoryError::DuplicateId {
                    index,
                    id: c.id.clone(),
                });
            }
            for key in &c.storage {
                if let Some(other) = keys.insert(key.as_str(), c.id.as_str())
                    && other != c.id
                {
                    return Err(CategoryError::SharedStorageKey {
                        index,
                        id: c.id.clone(),
                        key: key.clone(),
                        other: other.to_string(),
                    });
                }
            }
        }
        Ok(CategorySet { categories })
    }

    /// The categories of the Privacy Policy (version 3), *Cookies and similar storage*:
    /// `necessary` (required), then the optional `analytics`, `marketing`, `diagnostics`
    /// and `location`, with the policy's own words and storage keys.
    ///
    /// ```
    /// use terms_widget::domain::consent::CategorySet;
    /// let set = CategorySet::default_set();
    /// let ids: Vec<_> = set.categories().iter().map(|c| c.id.as_str()).collect();
    /// assert_eq!(ids, ["necessary", "analytics", "marketing", "diagnostics", "location"]);
    /// assert!(set.get("necessary").unwrap().required);
    /// assert_eq!(set.optional().count(), 4);
    /// ```
    pub fn default_set() -> CategorySet {
        fn cat(
            id: &str,
            title: &str,
            purpose: &str,
            storage: &[&str],
            required: bool,
            receipt: (&[&str], &[&str], &str),
        ) -> Category {
            let strings = |items: &[&str]| items.iter().map(|s| s.to_string()).collect();
            Category {
                id: id.into(),
                title: title.into(),
                purposes: vec![purpose.into()],
                storage: strings(storage),
                required,
                receipt: ReceiptTerms {
                    purpose_category: strings(receipt.0),
                    pii_category: strings(receipt.1),
                    termination: receipt.2.into(),
                },
            }
        }
        CategorySet {
            categories: vec![
                cat(
                    "necessary",
                    "Strictly necessary",
                    "Keeps you signed in, protects your account and our forms from misuse, and remembers your privacy choices so we do not ask again.",
                    &["kl_session", "kl_csrf", "kl_consent"],
                    true,
                    (
                        &["1 - Core Function"],
                        &["5 - Network/Service"],
                        "Always on while you use the service; your privacy choices are kept while your account is open and for 3 years after.",
                    ),
                ),
                cat(
                    "analytics",
                    "Analytics",
                    "Counts visits and measures which pages and features people use, so we can improve courses and fix confusing screens.",
                    &["kl_analytics_id", "kl_analytics_session"],
                    false,
                    (
                        &["16 - Improve Performance"],
                        &["5 - Network/Service", "15 - Behavioral"],
                        "Until you switch Analytics off in Privacy choices; analytics data is deleted or made anonymous after 14 months.",
                    ),
                ),
                cat(
                    "marketing",
                    "Marketing email and promotions",
                    "Sends you news about courses and offers, and measures which campaign brought you to us.",
                    &["kl_campaign", "kl_promo_seen"],
                    false,
                    (
                        &["6 - Marketing"],
                        &["2 - Contact", "15 - Behavioral"],
                        "Until you switch Marketing email and promotions off in Privacy choices or use the unsubscribe link in any marketing email.",
                    ),
                ),
                cat(
                    "diagnostics",
                    "Diagnostics and crash reports",
                    "Sends us a technical report when something breaks, so we can find and fix the fault.",
                    &["kl_diag_id", "kl_crash_queue"],
                    false,
                    (
                        &["16 - Improve Performance"],
                        &["5 - Network/Service"],
                        "Until you switch Diagnostics and crash reports off in Privacy choices; reports are kept for 90 days.",
                    ),
                ),
                cat(
                    "location",
                    "Approximate location",
                    "Estimates your city or region from your IP address to show local prices, nearby events and suitable time zones.",
                    &["kl_region"],
                    false,
                    (
                        &["5 - Personalized Experience"],
                        &["5 - Network/Service"],
                        "Until you switch Approximate location off in Privacy choices; the estimate is kept for 30 days.",
                    ),
                ),
            ],
        }
    }

    /// Reads categories from JSON: a list of objects with `id`, `title`, `purposes`
    /// (list of strings), `storage` (list of strings) and `required` (true/false), and
    /// optionally `receipt` (`purposeCategory`, `piiCategory`, `termination`).
    ///
    /// ```
    /// use serde_json::json;
    /// use terms_widget::domain::consent::CategorySet;
    /// let set = CategorySet::from_json(&json!([
    ///     {"id": "necessary", "title": "Strictly necessary", "purposes": ["Signs you in."],
    ///      "storage": ["kl_session"], "required": true},
    ///     {"id": "analytics", "title": "Analytics", "purposes": ["Counts visits."],
    ///      "storage": [], "required": false}
    /// ])).unwrap();
    /// assert_eq!(set.optional().next().unwrap().id, "analytics");
    ///
    /// let err = CategorySet::from_json(&json!([{"id": "a", "title": "", "purposes": ["x"],
    ///     "storage": [], "required": false}])).unwrap_err();
    /// assert!(err.to_string().contains("field \"title\": it is empty"));
    /// ```
    pub fn from_json(value: &Value) -> Result<CategorySet, CategoryError> {
        let Value::Array(items) = value else {
            return Err(CategoryError::NotAList {
                found: kind_of(value),
            });
        };
        let mut categories = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            let Value::Object(obj) = item else {
                return Err(CategoryError::NotAnObject {
                    index,
                    found: kind_of(item),
                });
            };
            let id_hint = obj
                .get("id")
                .and_then(Value::as_str)
                .filter(|id| is_valid_category_id(id))
                .map(str::to_string);
            let bad = |field: String, problem| CategoryError::Field {
                index,
                id: id_hint.clone(),
                field,
                problem,
            };
            let text = |key: &str, expected| {
                field_str(obj, key, expected)
                    .map(str::to_string)
                    .map_err(|p| bad(key.to_string(), p))
            };
            let id = text("id", ID_EXPECTED)?;
            let title = text("title", "the name learners see, such as \"Analytics\"")?;
            let purposes = field_strings(
                obj,
                "purposes",
                "a list of sentences saying what the category is for",
            )
            .map_err(|(f, p)| bad(f, p))?;
            let storage = field_strings(
                obj,
                "storage",
                "a list of the cookies and storage keys it covers (may be empty)",
            )
            .map_err(|(f, p)| bad(f, p))?;
            let required = match obj.get("required") {
                Some(Value::Bool(b)) => *b,
                None | Some(Value::Null) => {
                    return Err(bad(
                        "required".into(),
                        FieldProblem::Missing {
                            expected: "true for strictly necessary storage, false for an optional category",
                        },
                    ));
                }
                Some(other) => {
                    return Err(bad(
                        "required".into(),
                        FieldProblem::wrong_type(other, "true or false"),
                    ));
                }
            };
            let receipt = match obj.get("receipt") {
                None | Some(Value::Null) => ReceiptTerms::default(),
                Some(Value::Object(r)) => {
                    let list = |key: &str| match r.get(key) {
                        None | Some(Value::Null) => Ok(Vec::new()),
                        Some(_) => field_strings(r, key, "a list of Kantara categories")
                            .map_err(|(f, p)| bad(format!("receipt.{f}"), p)),
                    };
                    let termination = match r.get("termination") {
                        None | Some(Value::Null) => String::new(),
                        Some(Value::String(s)) => s.clone(),
                        Some(other) => {
                            return Err(bad(
                                "receipt.termination".into(),
                                FieldProblem::wrong_type(
                                    other,
                                    "a sentence saying when consent or the data ends",
                                ),
                            ));
                        }
                    };
                    ReceiptTerms {
                        purpose_category: list("purposeCategory")?,
                        pii_category: list("piiCategory")?,
                        termination,
                    }
                }
                Some(other) => {
                    return Err(bad(
                        "receipt".into(),
                        FieldProblem::wrong_type(
                            other,
                            "an object with \"purposeCategory\", \"piiCategory\" and \"termination\"",
                        ),
                    ));
                }
            };
            categories.push(Category {
                id,
                title,
                purposes,
                storage,
                required,
                receipt,
            });
        }
        CategorySet::new(categories)
    }

    /// The categories as JSON, in the shape [`CategorySet::from_json`] reads.
    pub fn to_json(&self) -> Value {
        Value::Array(self.categories.iter().map(Category::to_json).collect())
    }

    /// All categories, in display order.
    pub fn categories(&self) -> &[Category] {
        &self.categories
    }

    /// The category with this id, if any.
    pub fn get(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    /// The optional categories (the ones learners switch on or off), in display order.
    pub fn optional(&self) -> impl Iterator<Item = &Category> {
        self.categories.iter().filter(|c| !c.required)
    }

    /// The required (strictly necessary) categories, in display order.
    pub fn required(&self) -> impl Iterator<Item = &Category> {
        self.categories.iter().filter(|c| c.required)
    }
}

// ---------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------

/// A learner's answer for one category. (De)serialises as `"granted"` or `"denied"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", try_from = "String")]
pub enum Choice {
    /// Switched on: the category's storage and processing may be used.
    Granted,
    /// Switched off.
    Denied,
}

impl Choice {
    /// The storage form: `granted` or `denied`.
    pub fn as_str(self) -> &'static str {
        match self {
            Choice::Granted => "granted",
            Choice::Denied => "denied",
        }
    }

    /// Reads the storage form.
    pub fn parse(text: &str) -> Option<Choice> {
        match text {
            "granted" => Some(Choice::Granted),
            "denied" => Some(Choice::Denied),
            _ => None,
        }
    }
}

/// How a decision was given. (De)serialises as its name, e.g. `"browser-signal"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", try_from = "String")]
pub enum Method {
    /// The consent banner.
    Banner,
    /// The *Privacy choices* page.
    Preferences,
    /// Recorded automatically from the browser's Global Privacy Control or Do Not Track.
    BrowserSignal,
    /// Through the platform's API, on the learner's instruction elsewhere.
    Api,
}

impl Method {
    /// The storage form: `banner`, `preferences`, `browser-signal` or `api`.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Banner => "banner",
            Method::Preferences => "preferences",
            Method::BrowserSignal => "browser-signal",
            Method::Api => "api",
        }
    }

    /// Reads the storage form.
    pub fn parse(text: &str) -> Option<Method> {
        match text {
            "banner" => Some(Method::Banner),
            "preferences" => Some(Method::Preferences),
            "browser-signal" => Some(Method::BrowserSignal),
            "api" => Some(Method::Api),
            _ => None,
        }
    }

    /// The method in a few words, for a consent receipt's `collectionMethod`.
    pub fn collection_method(self) -> &'static str {
        match self {
            Method::Banner => {
                "Consent banner on the website, with every optional category off until switched on"
            }
            Method::Preferences => {
                "Privacy choices page, where each optional category is switched on or off"
            }
            Method::BrowserSignal => {
                "Browser privacy signal (Global Privacy Control or Do Not Track), honoured as a refusal of the optional categories"
            }
            Method::Api => "Recorded through the platform's API on the learner's instruction",
        }
    }

    /// Where the learner did it, as a phrase: "from the banner", "in Privacy choices", …
    fn phrase(self) -> &'static str {
        match self {
            Method::Banner => "from the banner",
            Method::Preferences => "in Privacy choices",
            Method::BrowserSignal => "through your browser's privacy signal",
            Method::Api => "through the platform",
        }
    }
}

/// The browser's privacy signals at the time of a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Signals {
    /// Global Privacy Control (`navigator.globalPrivacyControl`, `Sec-GPC: 1`).
    pub gpc: bool,
    /// Do Not Track (`navigator.doNotTrack == "1"`, `DNT: 1`).
    pub dnt: bool,
}

impl Signals {
    /// No signal.
    pub const NONE: Signals = Signals {
        gpc: false,
        dnt: false,
    };

    /// Is any signal on?
    pub fn any(self) -> bool {
        self.gpc || self.dnt
    }

    /// Was every signal that is on in `now` also on in `self`?
    fn covers(self, now: Signals) -> bool {
        (!now.gpc || self.gpc) && (!now.dnt || self.dnt)
    }

    /// "Global Privacy Control", "Do Not Track", both joined by "and", or "no signal".
    fn names(self) -> &'static str {
        match (self.gpc, self.dnt) {
            (true, true) => "Global Privacy Control and Do Not Track",
            (true, false) => "Global Privacy Control",
            (false, true) => "Do Not Track",
            (false, false) => "no signal",
        }
    }
}

/// A record's id: a UUID in lowercase canonical text form.
///
/// ```
/// use terms_widget::domain::consent::RecordId;
/// let id = RecordId::from_random_bytes(&[0xff; 16]);
/// assert_eq!(id.as_str(), "ffffffff-ffff-4fff-bfff-ffffffffffff");
/// assert_eq!(RecordId::parse("FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF"), Some(id));
/// assert_eq!(RecordId::parse("not-a-uuid"), None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct RecordId(String);

impl From<uuid::Uuid> for RecordId {
    fn from(id: uuid::Uuid) -> RecordId {
        RecordId(id.hyphenated().to_string())
    }
}

impl RecordId {
    /// A UUID version 4 (random) from 16 random bytes the caller supplies (in the browser:
    /// `crypto.getRandomValues`). The version and variant bits are set as RFC 9562 says
    /// (by the `uuid` crate); the other 122 bits come from `bytes`.
    pub fn from_random_bytes(bytes: &[u8; 16]) -> RecordId {
        RecordId::from(uuid::Builder::from_random_bytes(*bytes).into_uuid())
    }

    /// A UUID version 8 derived from `content` by SHA-256: the same content always gives
    /// the same id. Used for records migrated from v1, which had no id.
    pub fn derived_from(content: &[u8]) -> RecordId {
        let digest = sha256(content);
        let mut bytes = [0u8; 16];
        bytes.copy_from_slice(&digest[..16]);
        RecordId::from(uuid::Builder::from_custom_bytes(bytes).into_uuid())
    }

    /// Reads a UUID in canonical text form (`8-4-4-4-12` hex digits, any version, either
    /// case); the id keeps the lowercase form. Other forms `uuid` accepts (braced, URN,
    /// without hyphens) are refused: stored ids are always canonical.
    pub fn parse(text: &str) -> Option<RecordId> {
        if text.len() != 36 {
            return None;
        }
        uuid::Uuid::try_parse(text).ok().map(RecordId::from)
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Which policy text a decision was made under.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct PolicyRef {
    /// The document id, e.g. `privacy-policy`.
    pub document: String,
    /// The version label, e.g. `3`.
    pub version: String,
    /// SHA-256 of the exact text shown, as 64 lowercase hex digits; `None` when unknown
    /// (records migrated from the v1 storage format).
    pub sha256: Option<String>,
}

impl PolicyRef {
    /// The reference for this text of this version: hashes `text` exactly as given (use
    /// the version's full Markdown body from the bundle, byte for byte).
    ///
    /// ```
    /// use terms_widget::domain::consent::PolicyRef;
    /// let p = PolicyRef::for_text("privacy-policy", "3", "abc");
    /// assert_eq!(
    ///     p.sha256.as_deref(),
    ///     Some("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    /// );
    /// ```
    pub fn for_text(document: &str, version: &str, text: &str) -> PolicyRef {
        PolicyRef {
            document: document.into(),
            version: version.into(),
            sha256: Some(sha256_hex(text.as_bytes())),
        }
    }

    fn check(&self) -> Result<(), RecordError> {
        if !is_valid_category_id(&self.document) {
            return Err(RecordError::BadPolicyDocument {
                id: self.document.clone(),
            });
        }
        if !crate::domain::documents::bundle::is_valid_version_label(&self.version) {
            return Err(RecordError::BadPolicyVersion {
                label: self.version.clone(),
            });
        }
        if let Some(hash) = &self.sha256
            && !is_hex_digest(hash)
        {
            return Err(RecordError::BadPolicyHash { hash: hash.clone() });
        }
        Ok(())
    }

    fn to_json(&self) -> Value {
        to_value(self)
    }
}

/// Writes an instant as `YYYY-MM-DDTHH:MM:SSZ`.
fn instant<S: Serializer>(at: &DateTime<Utc>, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&format_instant(*at))
}

/// A value as JSON (keys in sorted order, as this module has always written them). Only
/// used for types whose serialisation cannot fail; `null` stands in should that change.
fn to_value(value: &impl Serialize) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// The circumstances of a new decision, from the browser layer: the record's id, the
/// time, the browser's signals and the UI language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context {
    /// A fresh id, usually [`RecordId::from_random_bytes`].
    pub id: RecordId,
    /// The current time.
    pub now: DateTime<Utc>,
    /// The privacy signals the browser sends right now.
    pub signals: Signals,
    /// The UI language, a BCP 47 tag such as `en-GB`.
    pub language: String,
}

/// One decision. Never edited once made; a new decision is a new record. It serialises
/// as one record of the storage format (see [`encode`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConsentRecord {
    /// Unique id (a UUID).
    pub id: RecordId,
    /// When the decision was made (UTC, whole seconds).
    #[serde(serialize_with = "instant")]
    pub at: DateTime<Utc>,
    /// The policy text it was made under.
    pub policy: PolicyRef,
    /// The choice for each category known at the time. Required categories are always
    /// [`Choice::Granted`].
    pub choices: BTreeMap<String, Choice>,
    /// The categories that were required (strictly necessary) at the time.
    pub required: BTreeSet<String>,
    /// How the decision was given.
    pub method: Method,
    /// The browser's privacy signals at the time.
    pub signals: Signals,
    /// The UI language (BCP 47), or `und` when unknown.
    pub language: String,
}

/// Why a record could not be made or added to a history.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecordError {
    /// A choice names a category that is not in the set.
    #[error("There is no consent category \"{id}\": choose among the categories shown.")]
    UnknownCategory {
        /// The id given.
        id: String,
    },
    /// The same category was given two choices.
    #[error("The category \"{id}\" was given two choices: give each category one.")]
    DuplicateChoice {
        /// The category.
        id: String,
    },
    /// Optional categories without an answer; nothing is switched on or off by default.
    #[error(
        "Switch each of these on or off before saving: {}. New categories are never switched on or off for the learner.",
        .ids.join(", ")
    )]
    Unanswered {
        /// Their ids, in display order.
        ids: Vec<String>,
    },
    /// A record's choices name a category with an unusable id.
    #[error(
        "The record names a category \"{}\", which is not a usable id.",
        shorten(.id, 80)
    )]
    BadCategoryId {
        /// The id.
        id: String,
    },
    /// A record lists a category as required but does not record it as granted.
    #[error(
        "The record lists \"{id}\" as strictly necessary but does not record it as granted; strictly necessary categories are always granted."
    )]
    RequiredNotGranted {
        /// The category.
        id: String,
    },
    /// The language is not a BCP 47 tag.
    #[error(
        "\"{}\" is not a language tag: use a BCP 47 tag such as \"en\" or \"en-GB\".",
        shorten(.tag, 80)
    )]
    BadLanguage {
        /// The tag given.
        tag: String,
    },
    /// The policy's document id is unusable.
    #[error(
        "\"{}\" is not a document id: use the policy's id, such as \"privacy-policy\".",
        shorten(.id, 80)
    )]
    BadPolicyDocument {
        /// The id given.
        id: String,
    },
    /// The policy's version label is unusable.
    #[error(
        "\"{}\" is not a version label: use the policy's label, such as \"3\".",
        shorten(.label, 80)
    )]
    BadPolicyVersion {
        /// The label given.
        label: String,
    },
    /// The policy's hash is not 64 lowercase hex digits.
    #[error(
        "\"{}\" is not a SHA-256 digest: give 64 lowercase hex digits (PolicyRef::for_text computes it).",
        shorten(.hash, 80)
    )]
    BadPolicyHash {
        /// The hash given.
        hash: String,
    },
    /// The time is outside years 0000–9999.
    #[error(
        "The time {} is outside the years 0000 to 9999; check the clock the time came from.",
        format_instant(.at.to_owned())
    )]
    TimeOutOfRange {
        /// The time given.
        at: DateTime<Utc>,
    },
    /// The history already has a record with this id.
    #[error(
        "The history already has a record with the id {id}: give each record fresh random bytes."
    )]
    IdAlreadyUsed {
        /// The id.
        id: String,
    },
    /// The record is not later than the history's current record.
    #[error(
        "The new record's time {} is not after the latest record's time {}; use ConsentHistory::next_timestamp to stamp it.",
        format_instant(.given.to_owned()),
        format_instant(.current.to_owned())
    )]
    NotAfterCurrent {
        /// The current record's time.
        current: DateTime<Utc>,
        /// The new record's time.
        given: DateTime<Utc>,
    },
}

impl ConsentRecord {
    /// Makes a record of `choices` for the categories in `categories`.
    ///
    /// Every optional category needs exactly one choice ([`RecordError::Unanswered`]
    /// otherwise); required categories are recorded as granted whatever is passed for
    /// them. The record is stamped with `ctx.now` exactly.
    ///
    /// ```
    /// use terms_widget::domain::consent::*;
    /// use chrono::DateTime;
    /// let ctx = Context {
    ///     id: RecordId::from_random_bytes(&[1; 16]),
    ///     now: DateTime::from_timestamp(1_800_000_000, 0).unwrap(),
    ///     signals: Signals::NONE,
    ///     language: "en".into(),
    /// };
    /// let policy = PolicyRef::for_text("privacy-policy", "3", "text");
    /// let err = ConsentRecord::new(&CategorySet::default_set(), &policy, ctx, Method::Banner,
    ///     [("analytics", Choice::Granted)]).unwrap_err();
    /// assert_eq!(err, RecordError::Unanswered {
    ///     ids: vec!["marketing".into(), "diagnostics".into(), "location".into()],
    /// });
    /// ```
    pub fn new<I, S>(
        categories: &CategorySet,
        policy: &PolicyRef,
        ctx: Context,
        method: Method,
        choices: I,
    ) -> Result<ConsentRecord, RecordError>
    where
        I: IntoIterator<Item = (S, Choice)>,
        S: AsRef<str>,
    {
        let mut given: BTreeMap<String, Choice> = BTreeMap::new();
        for (id, choice) in choices {
            let id = id.as_ref();
            if categories.get(id).is_none() {
                return Err(RecordError::UnknownCategory { id: id.into() });
            }
            if given.insert(id.to_string(), choice).is_some() {
                return Err(RecordError::DuplicateChoice { id: id.into() });
            }
        }
        let unanswered: Vec<String> = categories
            .optional()
            .filter(|c| !given.contains_key(&c.id))
            .map(|c| c.id.clone())
            .collect();
        if !unanswered.is_empty() {
            return Err(RecordError::Unanswered { ids: unanswered });
        }
        let mut required = BTreeSet::new();
        for c in categories.required() {
            given.insert(c.id.clone(), Choice::Granted);
            required.insert(c.id.clone());
        }
        let record = ConsentRecord {
            id: ctx.id,
            at: ctx.now,
            policy: policy.clone(),
            choices: given,
            required,
            method,
            signals: ctx.signals,
            language: ctx.language,
        };
        record.check()?;
        Ok(record)
    }

    /// Checks the record's own consistency (what [`decode`] also checks).
    fn check(&self) -> Result<(), RecordError> {
        if !time_in_range(self.at) {
            return Err(RecordError::TimeOutOfRange { at: self.at });
        }
        self.policy.check()?;
        if !is_valid_language_tag(&self.language) {
            return Err(RecordError::BadLanguage {
                tag: self.language.clone(),
            });
        }
        if let Some(id) = self.choices.keys().find(|id| !is_valid_category_id(id)) {
            return Err(RecordError::BadCategoryId { id: id.clone() });
        }
        if let Some(id) = self
            .required
            .iter()
            .find(|id| self.choices.get(*id) != Some(&Choice::Granted))
        {
            return Err(RecordError::RequiredNotGranted { id: id.clone() });
        }
        Ok(())
    }

    /// The choice recorded for a category, if the record has one (required ones included).
    pub fn choice(&self, category: &str) -> Option<Choice> {
        self.choices.get(category).copied()
    }

    /// The learner's own choice for an optional category: `None` when the record has no
    /// choice for it or when the category was required at the time (no choice was made).
    fn learner_choice(&self, category: &str) -> Option<Choice> {
        if self.required.contains(category) {
            None
        } else {
            self.choice(category)
        }
    }
}

// ---------------------------------------------------------------------------------------
// History
// ---------------------------------------------------------------------------------------

/// Every decision a learner made on this device, oldest first. Append-only.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConsentHistory {
    /// The records, ordered by time then id when built by this module.
    pub records: Vec<ConsentRecord>,
}

impl ConsentHistory {
    /// The decision in force: the latest record by time, then id. `None` before the first.
    pub fn current(&self) -> Option<&ConsentRecord> {
        self.records.iter().fold(None, |best, r| match best {
            Some(b) if (b.at, &b.id) > (r.at, &r.id) => Some(b),
            _ => Some(r),
        })
    }

    /// Adds a record. Refuses one whose id is already in the history, one that is not
    /// strictly later than the current record, and one that is not well formed.
    pub fn append(&mut self, record: ConsentRecord) -> Result<(), RecordError> {
        record.check()?;
        if self.records.iter().any(|r| r.id == record.id) {
            return Err(RecordError::IdAlreadyUsed {
                id: record.id.to_string(),
            });
        }
        if let Some(current) = self.current()
            && record.at <= current.at
        {
            return Err(RecordError::NotAfterCurrent {
                current: current.at,
                given: record.at,
            });
        }
        self.records.push(record);
        Ok(())
    }

    /// The time to stamp a new record made at `now`: `now`, or one second after the
    /// current record when `now` is not later than it.
    ///
    /// ```
    /// use terms_widget::domain::consent::ConsentHistory;
    /// use chrono::DateTime;
    /// let t = DateTime::from_timestamp(5, 0).unwrap();
    /// assert_eq!(ConsentHistory::default().next_timestamp(t), t);
    /// ```
    pub fn next_timestamp(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        match self.current() {
            Some(c) if now <= c.at => {
                c.at.checked_add_signed(TimeDelta::seconds(1))
                    .unwrap_or(c.at)
            }
            _ => now,
        }
    }

    /// Records a decision: makes the record (see [`ConsentRecord::new`]), stamps it with
    /// [`next_timestamp`](Self::next_timestamp) and appends it.
    pub fn record<I, S>(
        &mut self,
        categories: &CategorySet,
        policy: &PolicyRef,
        mut ctx: Context,
        method: Method,
        choices: I,
    ) -> Result<&ConsentRecord, RecordError>
    where
        I: IntoIterator<Item = (S, Choice)>,
        S: AsRef<str>,
    {
        ctx.now = self.next_timestamp(ctx.now);
        let record = ConsentRecord::new(categories, policy, ctx, method, choices)?;
        self.append(record)?;
        let last = self.records.len() - 1;
        Ok(&self.records[last])
    }

    /// Withdraws every optional consent: appends a NEW record refusing every optional
    /// category (required ones stay granted). Earlier records are left exactly as they
    /// were.
    ///
    /// ```
    /// use terms_widget::domain::consent::*;
    /// use chrono::DateTime;
    /// let cats = CategorySet::default_set();
    /// let policy = PolicyRef::for_text("privacy-policy", "3", "text");
    /// let ctx = |n: u8| Context {
    ///     id: RecordId::from_random_bytes(&[n; 16]),
    ///     now: DateTime::from_timestamp(1_800_000_000, 0).unwrap(),
    ///     signals: Signals::NONE,
    ///     language: "en".into(),
    /// };
    /// let mut h = ConsentHistory::default();
    /// h.record(&cats, &policy, ctx(1), Method::Banner,
    ///     cats.optional().map(|c| (c.id.clone(), Choice::Granted))).unwrap();
    /// let before = h.records[0].clone();
    /// h.withdraw_all(&cats, &policy, ctx(2), Method::Preferences).unwrap();
    /// assert_eq!(h.records.len(), 2);
    /// assert_eq!(h.records[0], before);
    /// let versions = PolicyVersion::new(policy.clone(), [("3", true)]);
    /// assert!(!Standing::new(&h, &versions).is_granted(cats.get("analytics").unwrap()));
    /// ```
    pub fn withdraw_all(
        &mut self,
        categories: &CategorySet,
        policy: &PolicyRef,
        ctx: Context,
        method: Method,
    ) -> Result<&ConsentRecord, RecordError> {
        let refusals: Vec<(String, Choice)> = categories
            .optional()
            .map(|c| (c.id.clone(), Choice::Denied))
            .collect();
        self.record(categories, policy, ctx, method, refusals)
    }

    /// Records what the browser's privacy signals decide, if anything.
    ///
    /// When `ctx.signals` decide a category the history does not already settle (see
    /// [`proposed_choices`]), appends a [`Method::BrowserSignal`] record under
    /// `policy.current` with the proposed choices and returns it. Returns `Ok(None)` when
    /// there is nothing to record, and also when the record would carry an earlier grant
    /// across a policy change that needs the learner's review ([`status`] gives a policy
    /// reason): then the banner must ask, pre-filled with the signal's refusals.
    pub fn honour_signals(
        &mut self,
        categories: &CategorySet,
        policy: &PolicyVersion,
        ctx: Context,
    ) -> Result<Option<&ConsentRecord>, RecordError> {
        let proposal = proposed_choices(self, categories, ctx.signals);
        if !proposal.signal_applied {
            return Ok(None);
        }
        let Some(choices) = proposal.complete_choices() else {
            return Ok(None);
        };
        let carries_grant = proposal
            .choices
            .iter()
            .any(|p| p.choice == Some(Choice::Granted) && !p.required);
        if carries_grant
            && let ConsentStatus::NeedsReconsent { reasons } = status(self, categories, policy)
            && reasons.iter().any(Reason::is_about_policy)
        {
            return Ok(None);
        }
        self.record(
            categories,
            &policy.current,
            ctx,
            Method::BrowserSignal,
            choices,
        )
        .map(Some)
    }

    /// The records ordered by time, then id (the order of decisions).
    fn ordered(&self) -> Vec<&ConsentRecord> {
        let mut records: Vec<&ConsentRecord> = self.records.iter().collect();
        records.sort_by(|a, b| (a.at, &a.id).cmp(&(b.at, &b.id)));
        records
    }
}

/// Does the current record grant `category`? Required categories: always. Optional
/// ones: only when the current record grants them; no record, or no choice for the
/// category, means no. This is the record's own answer: what may run *now* also depends
/// on the policy in force, see [`Standing::is_granted`].
fn is_granted(history: &ConsentHistory, category: &Category) -> bool {
    category.required
        || history
            .current()
            .is_some_and(|r| r.learner_choice(&category.id) == Some(Choice::Granted))
}

/// What the learner's decisions allow now, under the privacy policy in force: the one
/// answer to "may this category's scripts, storage and Consent Mode signals be used?".
///
/// Choices made under a privacy policy that has since changed materially (or whose text
/// changed, that can no longer be compared, or that another document replaced: the
/// policy reasons of [`status`]) do not count until the learner answers again: until
/// then every optional category is treated as not granted, while the record itself stays
/// in the history (the preferences start from it). Required categories are always
/// granted. (Browser signals are applied by recording them, see
/// [`ConsentHistory::honour_signals`].)
///
/// ```
/// use terms_widget::domain::consent::*;
/// let cats = CategorySet::default_set();
/// let policy = PolicyVersion::new(
///     PolicyRef { document: "privacy-policy".into(), version: "3".into(), sha256: None },
///     [("1", true), ("2", false), ("3", true)],
/// );
/// let empty = ConsentHistory::default();
/// let now = Standing::new(&empty, &policy);
/// assert!(now.is_granted(cats.get("necessary").unwrap()));
/// assert!(!now.is_granted(cats.get("analytics").unwrap()));
/// assert!(!now.suspended());
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Standing<'a> {
    history: &'a ConsentHistory,
    suspended: bool,
}

impl<'a> Standing<'a> {
    /// The standing of `history` under `policy`.
    pub fn new(history: &'a ConsentHistory, policy: &PolicyVersion) -> Standing<'a> {
        let suspended = history
            .current()
            .is_some_and(|record| !policy_reasons(record, policy).is_empty());
        Standing { history, suspended }
    }

    /// May the storage and processing of `category` be used now?
    pub fn is_granted(&self, category: &Category) -> bool {
        category.required || (!self.suspended && is_granted(self.history, category))
    }

    /// Was the current decision made under a policy that changed since, so that its
    /// optional grants wait for the learner's new answer?
    pub fn suspended(&self) -> bool {
        self.suspended
    }

    /// The current decision while it counts (`None` before the first, or while
    /// [`suspended`](Standing::suspended)).
    pub fn in_force(&self) -> Option<&'a ConsentRecord> {
        self.history.current().filter(|_| !self.suspended)
    }

    /// The history it reads.
    pub fn history(&self) -> &'a ConsentHistory {
        self.history
    }
}

// ---------------------------------------------------------------------------------------
// Re-consent
// ---------------------------------------------------------------------------------------

/// One published version of the policy: its label and whether its change was material.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedVersion {
    /// The version label, e.g. `2`.
    pub version: String,
    /// Whether the change it made (from the version before it) was material.
    pub material: bool,
}

/// The policy in force and its publication history, for [`status`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyVersion {
    /// The version in force: document id, label and SHA-256 of its text.
    pub current: PolicyRef,
    /// Every published version, oldest first, including the current one (from the
    /// bundle: each version's label and `material` flag).
    pub versions: Vec<PublishedVersion>,
}

impl PolicyVersion {
    /// Builds it from the current reference and `(label, material)` pairs, oldest first.
    pub fn new<I, S>(current: PolicyRef, versions: I) -> PolicyVersion
    where
        I: IntoIterator<Item = (S, bool)>,
        S: Into<String>,
    {
        PolicyVersion {
            current,
            versions: versions
                .into_iter()
                .map(|(version, material)| PublishedVersion {
                    version: version.into(),
                    material,
                })
                .collect(),
        }
    }
}

/// Whether to ask the learner (again).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConsentStatus {
    /// No decision yet: show the banner.
    Missing,
    /// The current decision still holds.
    Current,
    /// Ask again, for these reasons.
    NeedsReconsent {
        /// Why, in a fixed order: policy reasons first, then new categories.
        reasons: Vec<Reason>,
    },
}

/// Why a learner must be asked again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// A material change was published between the version agreed to and the current one.
    PolicyChangedMaterially {
        /// The version agreed to.
        from: String,
        /// The version in force.
        to: String,
    },
    /// The version agreed to is the current one, but its text now has another SHA-256.
    PolicyTextChanged {
        /// The version label.
        version: String,
    },
    /// The version agreed to is not in the policy's history, so the change can't be judged.
    PolicyVersionUnknown {
        /// The version agreed to.
        version: String,
    },
    /// The decision was made under another document.
    DifferentDocument {
        /// The document agreed to.
        from: String,
        /// The document in force.
        to: String,
    },
    /// Optional categories the learner has never answered, in display order.
    NewCategories(Vec<String>),
}

impl Reason {
    /// Is this about the policy text (rather than about categories)?
    pub fn is_about_policy(&self) -> bool {
        !matches!(self, Reason::NewCategories(_))
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::PolicyChangedMaterially { from, to } => write!(
                f,
                "The privacy policy changed in a way that matters between version {from}, which you agreed to, and version {to}."
            ),
            Reason::PolicyTextChanged { version } => write!(
                f,
                "The text of privacy policy version {version} has changed since you agreed to it."
            ),
            Reason::PolicyVersionUnknown { version } => write!(
                f,
                "You agreed to privacy policy version {version}, which we can no longer compare with the current one."
            ),
            Reason::DifferentDocument { from, to } => write!(
                f,
                "You agreed to \"{from}\", and \"{to}\" now applies instead."
            ),
            Reason::NewCategories(ids) => write!(
                f,
                "There are new choices for you to make: {}.",
                ids.join(", ")
            ),
        }
    }
}

/// Whether to ask the learner, and why. See the module docs for the rules; in short: no
/// record → [`ConsentStatus::Missing`]; a material change, changed text, an unknown
/// version, another document or new optional categories → ask again; otherwise (a
/// non-material change included) [`ConsentStatus::Current`].
pub fn status(
    history: &ConsentHistory,
    categories: &CategorySet,
    policy: &PolicyVersion,
) -> ConsentStatus {
    let Some(record) = history.current() else {
        return ConsentStatus::Missing;
    };
    let mut reasons = policy_reasons(record, policy);
    let new: Vec<String> = categories
        .optional()
        .filter(|c| record.learner_choice(&c.id).is_none())
        .map(|c| c.id.clone())
        .collect();
    if !new.is_empty() {
        reasons.push(Reason::NewCategories(new));
    }
    if reasons.is_empty() {
        ConsentStatus::Current
    } else {
        ConsentStatus::NeedsReconsent { reasons }
    }
}

/// Why the policy the learner agreed to in `record` no longer stands for `policy` (empty
/// when it does): a material change between the versions, changed text, an unknown
/// version, or another document.
fn policy_reasons(record: &ConsentRecord, policy: &PolicyVersion) -> Vec<Reason> {
    let mut reasons = Vec::new();
    let agreed = &record.policy;
    let now = &policy.current;
    if agreed.document != now.document {
        reasons.push(Reason::DifferentDocument {
            from: agreed.document.clone(),
            to: now.document.clone(),
        });
    } else if agreed.version == now.version {
        if let (Some(a), Some(b)) = (&agreed.sha256, &now.sha256)
            && a != b
        {
            reasons.push(Reason::PolicyTextChanged {
                version: agreed.version.clone(),
            });
        }
    } else {
        let position = |label: &str| policy.versions.iter().position(|v| v.version == label);
        match (position(&agreed.version), position(&now.version)) {
            (Some(i), Some(j)) => {
                // A rollback (j < i) is judged the same way: any material step between.
                let (lo, hi) = if i < j { (i, j) } else { (j, i) };
                let material = policy
                    .versions
                    .get(lo + 1..=hi)
                    .is_some_and(|steps| steps.iter().any(|v| v.material));
                if material {
                    reasons.push(Reason::PolicyChangedMaterially {
                        from: agreed.version.clone(),
                        to: now.version.clone(),
                    });
                }
            }
            _ => reasons.push(Reason::PolicyVersionUnknown {
                version: agreed.version.clone(),
            }),
        }
    }
    reasons
}

/// What the form should show for one category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposedChoice {
    /// The category id.
    pub category: String,
    /// Required categories: always `Some(Granted)`, shown as "always on".
    pub required: bool,
    /// The proposed position of the switch; `None` means unset (the learner must choose).
    pub choice: Option<Choice>,
    /// The browser's privacy signal decided this value.
    pub from_signal: bool,
}

/// What the form should show, category by category, in display order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    /// One entry per category.
    pub choices: Vec<ProposedChoice>,
    /// Whether a browser signal decided any value (tell the learner it was honoured).
    pub signal_applied: bool,
}

impl Proposal {
    /// The proposal as `(category, choice)` pairs when every category has a value.
    pub fn complete_choices(&self) -> Option<Vec<(String, Choice)>> {
        self.choices
            .iter()
            .map(|p| p.choice.map(|c| (p.category.clone(), c)))
            .collect()
    }

    /// The proposed value for one category (`None` when unset or unknown).
    pub fn choice(&self, category: &str) -> Option<Choice> {
        self.choices
            .iter()
            .find(|p| p.category == category)
            .and_then(|p| p.choice)
    }
}

/// What the banner or Privacy choices page should show.
///
/// * Required categories: granted.
/// * Optional categories keep the learner's last choice; ones never answered are unset
///   (`None`): never silently switched on or off.
/// * With Global Privacy Control or Do Not Track on, unset categories are proposed as
///   refused, and so are grants made *before* that signal appeared; a grant made while the
///   same signal was already on stays granted (the learner opted in knowingly). Values
///   the signal decided are marked `from_signal`, and `signal_applied` is set.
///
/// ```
/// use terms_widget::domain::consent::*;
/// let cats = CategorySet::default_set();
/// let p = proposed_choices(&ConsentHistory::default(), &cats, Signals { gpc: true, dnt: false });
/// assert!(p.signal_applied);
/// assert_eq!(p.choice("analytics"), Some(Choice::Denied));
/// assert_eq!(p.choice("necessary"), Some(Choice::Granted));
///
/// let p = proposed_choices(&ConsentHistory::default(), &cats, Signals::NONE);
/// assert_eq!(p.choice("analytics"), None);
/// ```
pub fn proposed_choices(
    history: &ConsentHistory,
    categories: &CategorySet,
    signals: Signals,
) -> Proposal {
    let record = history.current();
    let choices: Vec<ProposedChoice> = categories
        .categories()
        .iter()
        .map(|c| {
            let (choice, from_signal) = if c.required {
                (Some(Choice::Granted), false)
            } else {
                let last = record.and_then(|r| r.learner_choice(&c.id));
                let knowingly = record.is_some_and(|r| r.signals.covers(signals));
                match last {
                    _ if !signals.any() => (last, false),
                    Some(Choice::Denied) => (Some(Choice::Denied), false),
                    Some(Choice::Granted) if knowingly => (Some(Choice::Granted), false),
                    Some(Choice::Granted) | None => (Some(Choice::Denied), true),
                }
            };
            ProposedChoice {
                category: c.id.clone(),
                required: c.required,
                choice,
                from_signal,
            }
        })
        .collect();
    let signal_applied = choices.iter().any(|p| p.from_signal);
    Proposal {
        choices,
        signal_applied,
    }
}

// ---------------------------------------------------------------------------------------
// Storage
// ---------------------------------------------------------------------------------------

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
fn record_to_json(r: &ConsentRecord) -> Value {
    to_value(r)
}

/// Writes a history in the storage format `{"v":2,"records":[…]}` (see the module docs).
/// Records are written in the order they are in, each with its keys in sorted order.
pub fn encode(history: &ConsentHistory) -> String {
    let records = to_value(&history.records);
    format!("{{\"v\":{STORE_VERSION},\"records\":{records}}}")
}

const TIME_EXPECTED: &str = "a UTC time as YYYY-MM-DDTHH:MM:SSZ, such as 2026-11-24T10:00:00Z";

/// Maps a time parsing error to what was expected.
fn time_problem(text: &str, e: &TimeError) -> FieldProblem {
    let expected = match e {
        TimeError::Format { .. } => TIME_EXPECTED,
        TimeError::NoSuchDate => "a date that exists in the calendar, as YYYY-MM-DDTHH:MM:SSZ",
        TimeError::NoSuchTime => "a time of day from 00:00:00 to 23:59:59, as YYYY-MM-DDTHH:MM:SSZ",
    };
    FieldProblem::invalid(text, expected)
}

/// Reads a stored history. Reads format v2 and migrates v1.
///
/// **v1** was one flat record, `{"v":1,"choices":{"analytics":true,…},"at":"…",
/// "policy_version":"…"}`. It becomes one record with: method [`Method::Banner`] (v1
/// only had the banner); an id derived from the content by SHA-256
/// ([`RecordId::derived_from`], a UUID v8), so every tab migrating the same value gets
/// the same id and [`merge`] keeps one copy; the document [`V1_POLICY_DOCUMENT`] and
/// `sha256: None` (v1 did not record which text); language [`UNDETERMINED_LANGUAGE`];
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
    let value: Value = serde_json::from_str(text).map_err(|e| StoreError::NotJson {
        detail: e.to_string(),
    })?;
    let Ok(Object(stored)) = Object::<StoredWire>::deserialize(&value) else {
        return Err(StoreError::NotAnObject {
            found: kind_of(&value),
        });
    };
    let version = match stored.v {
        Field::Ok(v) => v,
        Field::Absent => return Err(StoreError::MissingVersion),
        Field::Wrong(Value::Number(n)) => {
            return Err(StoreError::BadVersion {
                found: format!("the number {n}"),
            });
        }
        other @ (Field::Null | Field::Wrong(_)) => {
            return Err(StoreError::BadVersion {
                found: other.found().to_string(),
            });
        }
    };
    match version {
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
    v: Field<u64>,
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

/// A required field of a stored value: its value, or what is wrong with it.
fn required_field<T>(field: Field<T>, expected: &'static str) -> Result<T, FieldProblem> {
    match field {
        Field::Ok(value) => Ok(value),
        Field::Absent | Field::Null => Err(FieldProblem::Missing { expected }),
        Field::Wrong(other) => Err(FieldProblem::wrong_type(&other, expected)),
    }
}

/// A required field read as a name (`"granted"`, `"banner"`, …): a string that is not one
/// of the names is an unusable value rather than a wrong type.
fn required_name_field<T>(field: Field<T>, expected: &'static str) -> Result<T, FieldProblem> {
    match field {
        Field::Wrong(Value::String(text)) => Err(FieldProblem::invalid(&text, expected)),
        other => required_field(other, expected),
    }
}

fn decode_v2(stored: StoredWire) -> Result<ConsentHistory, StoreError> {
    const RECORDS_EXPECTED: &str = "a list of consent records";
    let records = required_field(stored.records, RECORDS_EXPECTED).map_err(|problem| {
        StoreError::BadField {
            field: "records".into(),
            problem,
        }
    })?;
    let records = records
        .iter()
        .enumerate()
        .map(|(index, value)| {
            record_from_json(value).map_err(|(field, problem)| StoreError::BadRecord {
                index,
                field,
                problem,
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ConsentHistory { records })
}

/// Reads one v2 record; the error is `(field, problem)`.
fn record_from_json(value: &Value) -> Result<ConsentRecord, (String, FieldProblem)> {
    let Ok(Object(record)) = Object::<RecordWire>::deserialize(value) else {
        return Err((
            String::new(),
            FieldProblem::wrong_type(value, "an object with \"id\", \"at\", \"policy\", …"),
        ));
    };
    let at = |f: &str| f.to_string();

    const ID_EXPECTED: &str = "a UUID such as 0f8fad5b-d9cb-469f-a165-70867728950e";
    let id_text = required_field(record.id, ID_EXPECTED).map_err(|p| (at("id"), p))?;
    let id = RecordId::parse(&id_text)
        .ok_or_else(|| (at("id"), FieldProblem::invalid(&id_text, ID_EXPECTED)))?;

    let time_text = required_field(record.at, TIME_EXPECTED).map_err(|p| (at("at"), p))?;
    let time = parse_instant(&time_text).map_err(|e| (at("at"), time_problem(&time_text, &e)))?;

    const POLICY_EXPECTED: &str = "an object with \"document\", \"version\" and \"sha256\"";
    let Object(policy) =
        required_field(record.policy, POLICY_EXPECTED).map_err(|p| (at("policy"), p))?;
    const DOC_EXPECTED: &str = "the policy's document id, such as \"privacy-policy\"";
    let document =
        required_field(policy.document, DOC_EXPECTED).map_err(|p| (at("policy.document"), p))?;
    if !is_valid_category_id(&document) {
        return Err((
            at("policy.document"),
            FieldProblem::invalid(&document, DOC_EXPECTED),
        ));
    }
    const VERSION_EXPECTED: &str = "the policy's version label, such as \"3\"";
    let version =
        required_field(policy.version, VERSION_EXPECTED).map_err(|p| (at("policy.version"), p))?;
    if !crate::domain::documents::bundle::is_valid_version_label(&version) {
        return Err((
            at("policy.version"),
            FieldProblem::invalid(&version, VERSION_EXPECTED),
        ));
    }
    const HASH_EXPECTED: &str = "64 lowercase hex digits, or null when unknown";
    let hash = match policy.sha256 {
        Field::Absent => {
            return Err((
                at("policy.sha256"),
                FieldProblem::Missing {
                    expected: HASH_EXPECTED,
                },
            ));
        }
        Field::Null => None,
        Field::Ok(s) if is_hex_digest(&s) => Some(s),
        Field::Ok(s) => {
            return Err((
                at("policy.sha256"),
                FieldProblem::invalid(&s, HASH_EXPECTED),
            ));
        }
        Field::Wrong(other) => {
            return Err((
                at("policy.sha256"),
                FieldProblem::wrong_type(&other, HASH_EXPECTED),
            ));
        }
    };

    const CHOICES_EXPECTED: &str = "an object from category id to \"granted\" or \"denied\", such as {\"analytics\": \"denied\"}";
    let choices_read =
        required_field(record.choices, CHOICES_EXPECTED).map_err(|p| (at("choices"), p))?;
    let mut choices = BTreeMap::new();
    for (key, value) in choices_read {
        let field = format!("choices.{}", shorten(&key, 64));
        if !is_valid_category_id(&key) {
            return Err((field, FieldProblem::invalid(&key, ID_EXPECTED_CATEGORY)));
        }
        let choice = match value {
            Field::Null => {
                return Err((
                    field,
                    FieldProblem::wrong_type(&Value::Null, CHOICE_EXPECTED),
                ));
            }
            other => required_name_field(other, CHOICE_EXPECTED).map_err(|p| (field, p))?,
        };
        choices.insert(key, choice);
    }

    const REQUIRED_EXPECTED: &str =
        "a list of the strictly necessary category ids, each recorded as \"granted\" in choices";
    let required_list =
        required_field(record.required, REQUIRED_EXPECTED).map_err(|p| (at("required"), p))?;
    let mut required_ids = BTreeSet::new();
    for (i, item) in required_list.into_iter().enumerate() {
        let id = match item {
            Field::Ok(id) => id,
            other => {
                return Err((
                    format!("required[{i}]"),
                    FieldProblem::WrongType {
                        expected: "a string",
                        found: other.found(),
                    },
                ));
            }
        };
        if choices.get(&id) != Some(&Choice::Granted) {
            return Err((
                format!("required[{i}]"),
                FieldProblem::invalid(&id, REQUIRED_EXPECTED),
            ));
        }
        required_ids.insert(id);
    }

    const METHOD_EXPECTED: &str =
        "one of \"banner\", \"preferences\", \"browser-signal\" or \"api\"";
    let method =
        required_name_field(record.method, METHOD_EXPECTED).map_err(|p| (at("method"), p))?;

    const SIGNALS_EXPECTED: &str = "an object {\"gpc\": true/false, \"dnt\": true/false}";
    let Object(signals) =
        required_field(record.signals, SIGNALS_EXPECTED).map_err(|p| (at("signals"), p))?;
    let flag = |key: &str, value: Field<bool>| {
        required_field(value, "true or false").map_err(|p| (format!("signals.{key}"), p))
    };
    let signals = Signals {
        gpc: flag("gpc", signals.gpc)?,
        dnt: flag("dnt", signals.dnt)?,
    };

    const LANGUAGE_EXPECTED: &str = "a BCP 47 language tag such as \"en-GB\", or \"und\"";
    let language =
        required_field(record.language, LANGUAGE_EXPECTED).map_err(|p| (at("language"), p))?;
    if !is_valid_language_tag(&language) {
        return Err((
            at("language"),
            FieldProblem::invalid(&language, LANGUAGE_EXPECTED),
        ));
    }

    Ok(ConsentRecord {
        id,
        at: time,
        policy: PolicyRef {
            document,
            version,
            sha256: hash,
        },
        choices,
        required: required_ids,
        method,
        signals,
        language,
    })
}

const ID_EXPECTED_CATEGORY: &str =
    "a category id of 1 to 64 lowercase letters, digits and inner hyphens";
const CHOICE_EXPECTED: &str = "\"granted\" or \"denied\"";

/// Parses a v1 time: the strict form, or the same with fractional seconds
/// (`2025-03-01T09:30:00.123Z`), which are dropped.
fn parse_v1_time(text: &str) -> Result<DateTime<Utc>, TimeError> {
    let b = text.as_bytes();
    if b.len() > 21 && b.len() <= 30 && b[19] == b'.' && text.ends_with('Z') {
        let fraction = &b[20..b.len() - 1];
        if !fraction.is_empty() && fraction.iter().all(u8::is_ascii_digit) {
            return parse_instant(&format!("{}Z", &text[..19]));
        }
    }
    parse_instant(text)
}

fn decode_v1(stored: StoredWire) -> Result<ConsentHistory, StoreError> {
    let bad = |field: &str, problem| StoreError::BadField {
        field: field.to_string(),
        problem,
    };
    const V1_TIME_EXPECTED: &str =
        "a UTC time as YYYY-MM-DDTHH:MM:SSZ (fractional seconds allowed)";
    let time_text = required_field(stored.at, V1_TIME_EXPECTED).map_err(|p| bad("at", p))?;
    let at = parse_v1_time(&time_text).map_err(|e| bad("at", time_problem(&time_text, &e)))?;

    const VERSION_EXPECTED: &str = "the policy's version label, such as \"2\"";
    let Label(version) = required_field(stored.policy_version, VERSION_EXPECTED)
        .map_err(|p| bad("policy_version", p))?;
    if !crate::domain::documents::bundle::is_valid_version_label(&version) {
        return Err(bad(
            "policy_version",
            FieldProblem::invalid(&version, VERSION_EXPECTED),
        ));
    }

    const CHOICES_EXPECTED: &str =
        "an object from category id to true or false, such as {\"analytics\": true}";
    let choices_read =
        required_field(stored.choices, CHOICES_EXPECTED).map_err(|p| bad("choices", p))?;
    let mut choices = BTreeMap::new();
    let mut required = BTreeSet::new();
    for (key, value) in choices_read {
        let field = format!("choices.{}", shorten(&key, 64));
        if !is_valid_category_id(&key) {
            return Err(bad(
                &field,
                FieldProblem::invalid(&key, ID_EXPECTED_CATEGORY),
            ));
        }
        let granted = match value {
            Field::Ok(b) => b,
            other => {
                return Err(bad(
                    &field,
                    FieldProblem::WrongType {
                        expected: "true or false",
                        found: other.found(),
                    },
                ));
            }
        };
        if key == "necessary" {
            if !granted {
                return Err(bad(
                    &field,
                    FieldProblem::invalid(
                        "false",
                        "true: strictly necessary storage was always on, so false was not written by the widget",
                    ),
                ));
            }
            required.insert(key.clone());
        }
        let choice = if granted {
            Choice::Granted
        } else {
            Choice::Denied
        };
        choices.insert(key, choice);
    }

    // The id is derived from the normalised content, so equal v1 values get equal ids.
    let mut content = format!("terms-widget/consent@1\n{}\n{version}\n", at.timestamp());
    for (k, c) in &choices {
        content.push_str(&format!("{k}={}\n", c.as_str()));
    }
    let record = ConsentRecord {
        id: RecordId::derived_from(content.as_bytes()),
        at,
        policy: PolicyRef {
            document: V1_POLICY_DOCUMENT.into(),
            version,
            sha256: None,
        },
        choices,
        required,
        method: Method::Banner,
        signals: Signals::NONE,
        language: UNDETERMINED_LANGUAGE.into(),
    };
    Ok(ConsentHistory {
        records: vec![record],
    })
}

// ---------------------------------------------------------------------------------------
// Merge
// ---------------------------------------------------------------------------------------

/// Joins two histories written concurrently (two tabs): every record of either, ordered by
/// time, then id; a record present in both is kept once.
///
/// The result does not depend on the order of the arguments (commutative), merging again
/// changes nothing (idempotent), and no record is lost. Two different records with the
/// same id are both kept (ordered by their stored form), since a record is evidence.
///
/// ```
/// use terms_widget::domain::consent::*;
/// use chrono::DateTime;
/// let cats = CategorySet::default_set();
/// let policy = PolicyRef::for_text("privacy-policy", "3", "text");
/// let ctx = |n: u8, t: i64| Context {
///     id: RecordId::from_random_bytes(&[n; 16]),
///     now: DateTime::from_timestamp(t, 0).unwrap(),
///     signals: Signals::NONE,
///     language: "en".into(),
/// };
/// let mut tab_a = ConsentHistory::default();
/// tab_a.withdraw_all(&cats, &policy, ctx(1, 100), Method::Banner).unwrap();
/// let mut tab_b = tab_a.clone();
/// tab_a.withdraw_all(&cats, &policy, ctx(2, 200), Method::Preferences).unwrap();
/// tab_b.withdraw_all(&cats, &policy, ctx(3, 150), Method::Preferences).unwrap();
/// let merged = merge(&tab_a, &tab_b);
/// assert_eq!(merged.records.len(), 3);
/// assert_eq!(merged, merge(&tab_b, &tab_a));
/// assert_eq!(merged.current().unwrap().at.timestamp(), 200);
/// ```
pub fn merge(a: &ConsentHistory, b: &ConsentHistory) -> ConsentHistory {
    let mut all: Vec<(DateTime<Utc>, RecordId, String, &ConsentRecord)> = a
        .records
        .iter()
        .chain(&b.records)
        .map(|r| (r.at, r.id.clone(), record_to_json(r).to_string(), r))
        .collect();
    all.sort_by(|x, y| (x.0, &x.1, &x.2).cmp(&(y.0, &y.1, &y.2)));
    all.dedup_by(|x, y| x.3 == y.3);
    ConsentHistory {
        records: all.into_iter().map(|(_, _, _, r)| r.clone()).collect(),
    }
}

// ---------------------------------------------------------------------------------------
// Explaining: receipts and plain words
// ---------------------------------------------------------------------------------------

/// The organisation responsible for the data (the Kantara "PII controller").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Controller {
    /// Its name, e.g. "Kestrel Learning".
    pub name: String,
    /// Who or what to contact, e.g. "Privacy team".
    pub contact: String,
    /// Postal address, one line.
    pub address: String,
    /// Country of the address (ISO 3166-1 alpha-2), if known.
    pub country: Option<String>,
    /// Contact email address.
    pub email: String,
    /// Contact phone number, if there is one.
    pub phone: Option<String>,
    /// Website.
    pub url: String,
}

/// Titles for category ids: the current title, or the id for one no longer in the set.
fn title_of(categories: &CategorySet, id: &str) -> String {
    categories
        .get(id)
        .map_or_else(|| id.to_string(), |c| c.title.clone())
}

/// A document id in title case: `privacy-policy` → "Privacy Policy".
fn document_title(id: &str) -> String {
    id.split('-')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect::<String>()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// "On 2026-11-24 at 10:00 UTC".
fn when_words(at: DateTime<Utc>) -> String {
    if time::is_writable(at) {
        at.format("On %Y-%m-%d at %H:%M UTC").to_string()
    } else {
        format!("At {}", format_instant(at))
    }
}

/// The learner's optional choices in a record, as titles: (allowed, refused), in display
/// order, then categories no longer in the set by id.
fn choice_titles(record: &ConsentRecord, categories: &CategorySet) -> (Vec<String>, Vec<String>) {
    let mut ids: Vec<&String> = categories
        .categories()
        .iter()
        .map(|c| &c.id)
        .filter(|id| record.choices.contains_key(*id))
        .collect();
    ids.extend(
        record
            .choices
            .keys()
            .filter(|id| categories.get(id).is_none()),
    );
    let mut allowed = Vec::new();
    let mut refused = Vec::new();
    for id in ids {
        match record.learner_choice(id) {
            Some(Choice::Granted) => allowed.push(title_of(categories, id)),
            Some(Choice::Denied) => refused.push(title_of(categories, id)),
            None => {}
        }
    }
    (allowed, refused)
}

/// One record in one plain sentence, e.g. "On 2026-11-24 at 10:00 UTC you allowed
/// Analytics and refused Marketing, from the banner, under Privacy Policy version 3."
pub fn describe_record(record: &ConsentRecord, categories: &CategorySet) -> String {
    let when = when_words(record.at);
    let policy = format!(
        "under {} version {}",
        document_title(&record.policy.document),
        record.policy.version
    );
    let (allowed, refused) = choice_titles(record, categories);
    if record.method == Method::BrowserSignal {
        let verb = |n: usize| if n == 1 { "was" } else { "were" };
        let mut parts = Vec::new();
        if !refused.is_empty() {
            parts.push(format!(
                "{} {} refused",
                join_words(&refused),
                verb(refused.len())
            ));
        }
        if !allowed.is_empty() {
            parts.push(format!(
                "{} stayed allowed as you had chosen",
                join_words(&allowed)
            ));
        }
        if parts.is_empty() {
            parts.push("nothing optional was left to decide".into());
        }
        let source = if record.signals.any() {
            format!("the {} signal from your browser", record.signals.names())
        } else {
            "your browser's privacy signal".to_string()
        };
        return format!(
            "{when}, following {source}, {}, {policy}.",
            parts.join(" and ")
        );
    }
    let what = match (allowed.is_empty(), refused.is_empty()) {
        (false, false) => format!(
            "allowed {} and refused {}",
            join_words(&allowed),
            join_words(&refused)
        ),
        (false, true) => format!("allowed {}", join_words(&allowed)),
        (true, false) => format!("refused {}", join_words(&refused)),
        (true, true) => "acknowledged the privacy notice, with nothing optional to choose".into(),
    };
    let signal = if record.signals.any() {
        format!(
            ", while your browser was sending {}",
            record.signals.names()
        )
    } else {
        String::new()
    };
    format!(
        "{when} you {what}, {}{signal}, {policy}.",
        record.method.phrase()
    )
}

/// The whole history in plain words, one sentence per record, oldest first.
pub fn describe(history: &ConsentHistory, categories: &CategorySet) -> Vec<String> {
    history
        .ordered()
        .into_iter()
        .map(|r| describe_record(r, categories))
        .collect()
}

/// A consent receipt for the current record, shaped like a Kantara Consent Receipt v1.1
/// (`KI-CR-v1.1.0`), or `None` when there is no record yet.
///
/// `services` lists each optional category the record grants (one purpose per purpose
/// sentence, `consentType` `EXPLICIT`, `primaryPurpose` false, `thirdPartyDisclosure`
/// false). Strictly necessary categories do not rest on consent, so they are not listed
/// as consented services; the extension `strictlyNecessary` names them. Other
/// extensions: `history` (every record in words, oldest first) and `policyText` (the
/// document, version and SHA-256 the decision was made under).
///
/// `principal_id` is a local pseudonymous id for the learner, supplied by the caller.
pub fn receipt(
    history: &ConsentHistory,
    categories: &CategorySet,
    controller: &Controller,
    policy_url: &str,
    jurisdiction: &str,
    principal_id: &str,
) -> Option<Value> {
    let record = history.current()?;
    let services: Vec<Value> = categories
        .optional()
        .filter(|c| record.learner_choice(&c.id) == Some(Choice::Granted))
        .map(|c| {
            let termination = if c.receipt.termination.trim().is_empty() {
                format!("Until you switch {} off in Privacy choices.", c.title)
            } else {
                c.receipt.termination.clone()
            };
            let purposes: Vec<Value> = c
                .purposes
                .iter()
                .map(|p| {
                    json!({
                        "purpose": p,
                        "purposeCategory": c.receipt.purpose_category,
                        "consentType": "EXPLICIT",
                        "piiCategory": c.receipt.pii_category,
                        "primaryPurpose": false,
                        "termination": termination,
                        "thirdPartyDisclosure": false,
                    })
                })
                .collect();
            json!({"service": c.title, "purposes": purposes})
        })
        .collect();
    let necessary: Vec<Value> = categories
        .required()
        .map(|c| json!({"service": c.title, "purposes": c.purposes, "storage": c.storage}))
        .collect();

    let mut address = Map::new();
    address.insert("streetAddress".into(), controller.address.clone().into());
    if let Some(country) = &controller.country {
        address.insert("addressCountry".into(), country.clone().into());
    }
    let mut pii_controller = Map::new();
    pii_controller.insert("piiController".into(), controller.name.clone().into());
    pii_controller.insert("contact".into(), controller.contact.clone().into());
    pii_controller.insert("address".into(), Value::Object(address));
    pii_controller.insert("email".into(), controller.email.clone().into());
    if let Some(phone) = &controller.phone {
        pii_controller.insert("phone".into(), phone.clone().into());
    }
    pii_controller.insert("piiControllerUrl".into(), controller.url.clone().into());

    Some(json!({
        "version": RECEIPT_VERSION,
        "jurisdiction": jurisdiction,
        "consentTimestamp": record.at.timestamp(),
        "collectionMethod": record.method.collection_method(),
        "consentReceiptID": record.id.as_str(),
        "language": record.language,
        "piiPrincipalId": principal_id,
        "piiControllers": [Value::Object(pii_controller)],
        "policyUrl": policy_url,
        "services": services,
        "sensitive": false,
        "spiCat": [],
        "strictlyNecessary": necessary,
        "policyText": record.policy.to_json(),
        "history": describe(history, categories),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Choice::{Denied, Granted};
    use serde_json::json;

    const GPC: Signals = Signals {
        gpc: true,
        dnt: false,
    };
    const DNT: Signals = Signals {
        gpc: false,
        dnt: true,
    };
    const BOTH: Signals = Signals {
        gpc: true,
        dnt: true,
    };

    fn t(text: &str) -> DateTime<Utc> {
        parse_instant(text).unwrap()
    }

    fn policy(version: &str) -> PolicyRef {
        PolicyRef::for_text(
            "privacy-policy",
            version,
            &format!("Privacy Policy, version {version}."),
        )
    }

    /// The real publication history: v1 and v2 material, v3 not.
    fn versions(current: &str) -> PolicyVersion {
        let all = [("1", true), ("2", true), ("3", false)];
        let n = all.iter().position(|(v, _)| *v == current).unwrap();
        PolicyVersion::new(policy(current), all[..=n].iter().copied())
    }

    fn ctx(n: u8, at: &str, signals: Signals) -> Context {
        Context {
            id: RecordId::from_random_bytes(&[n; 16]),
            now: t(at),
            signals,
            language: "en-GB".into(),
        }
    }

    fn cats() -> CategorySet {
        CategorySet::default_set()
    }

    /// Before policy v2: only analytics and marketing were optional.
    fn small_set() -> CategorySet {
        CategorySet::from_json(&json!([
            {"id": "necessary", "title": "Strictly necessary", "purposes": ["Signs you in."],
             "storage": ["kl_session"], "required": true},
            {"id": "analytics", "title": "Analytics", "purposes": ["Counts visits."],
             "storage": ["kl_analytics_id"], "required": false},
            {"id": "marketing", "title": "Marketing", "purposes": ["Sends news."],
             "storage": ["kl_campaign"], "required": false}
        ]))
        .unwrap()
    }

    fn all_optional(set: &CategorySet, choice: Choice) -> Vec<(String, Choice)> {
        set.optional().map(|c| (c.id.clone(), choice)).collect()
    }

    fn cat<'a>(set: &'a CategorySet, id: &str) -> &'a Category {
        set.get(id).unwrap()
    }

    // --- categories -----------------------------------------------------------------

    #[test]
    fn default_set_matches_the_privacy_policy_table() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content/privacy-policy/v3.md");
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("skipped: no {}", path.display());
            return;
        };
        let section = text
            .split("## Cookies and similar storage")
            .nth(1)
            .expect("the policy has a cookies section");
        let section = section.split("\n## ").next().unwrap_or("");
        let rows: Vec<Vec<String>> = section
            .lines()
            .filter(|l| l.starts_with("| `"))
            .map(|l| {
                l.trim()
                    .trim_matches('|')
                    .split('|')
                    .map(|c| c.trim().to_string())
                    .collect()
            })
            .collect();
        let set = cats();
        assert_eq!(rows.len(), set.categories().len());
        for (row, c) in rows.iter().zip(set.categories()) {
            assert_eq!(row[0], format!("`{}`", c.id));
            assert_eq!(row[1], c.title);
            for p in &c.purposes {
                assert!(row[2].contains(p.as_str()), "{p:?} is in {:?}", row[2]);
            }
            assert_eq!(c.required, row[2].starts_with("Always on"), "{}", c.id);
            let keys: Vec<String> = row[3]
                .split(',')
                .map(|k| k.trim().trim_matches('`').to_string())
                .collect();
            assert_eq!(keys, c.storage);
        }
        assert!(
            cat(&set, "necessary")
                .storage
                .iter()
                .any(|k| k == STORAGE_KEY)
        );
    }

    #[test]
    fn default_set_is_valid_and_round_trips_through_json() {
        let set = cats();
        assert_eq!(CategorySet::new(set.categories().to_vec()), Ok(set.clone()));
        assert_eq!(CategorySet::from_json(&set.to_json()), Ok(set.clone()));
        let required: Vec<_> = set.required().map(|c| c.id.as_str()).collect();
        assert_eq!(required, ["necessary"]);
        for c in set.categories() {
            assert!(!c.receipt.termination.is_empty());
            assert!(!c.receipt.purpose_category.is_empty());
        }
    }

    #[test]
    fn any_number_of_required_categories_is_allowed() {
        let mut none_required = small_set().categories().to_vec();
        none_required[0].required = false;
        assert!(CategorySet::new(none_required).is_ok());
        let mut two_required = small_set().categories().to_vec();
        two_required[1].required = true;
        let set = CategorySet::new(two_required).unwrap();
        assert_eq!(set.required().count(), 2);
    }

    #[test]
    fn category_problems_are_reported_precisely() {
        let good = || {
            json!({"id": "analytics", "title": "Analytics", "purposes": ["Counts visits."],
                   "storage": ["kl_a"], "required": false})
        };
        let with = |key: &str, value: Value| {
            let mut v = good();
            v[key] = value;
            v
        };
        let without = |key: &str| {
            let mut v = good();
            v.as_object_mut().unwrap().remove(key);
            v
        };
        assert_eq!(
            CategorySet::from_json(&json!({})),
            Err(CategoryError::NotAList { found: "an object" })
        );
        assert_eq!(
            CategorySet::from_json(&json!([])),
            Err(CategoryError::Empty)
        );
        assert_eq!(
            CategorySet::from_json(&json!([good(), 1])),
            Err(CategoryError::NotAnObject {
                index: 1,
                found: "a number"
            })
        );
        // (entry, field, id in the error, kind of problem)
        let cases: Vec<(Value, &str, Option<&str>, &str)> = vec![
            (without("title"), "title", Some("analytics"), "missing"),
            (
                with("title", json!("  ")),
                "title",
                Some("analytics"),
                "empty",
            ),
            (with("title", json!(7)), "title", Some("analytics"), "type"),
            (with("id", json!("Analytics")), "id", None, "invalid"),
            (with("id", json!("")), "id", None, "empty"),
            (without("id"), "id", None, "missing"),
            (
                with("purposes", json!([])),
                "purposes",
                Some("analytics"),
                "empty",
            ),
            (
                with("purposes", json!(["ok", 3])),
                "purposes[1]",
                Some("analytics"),
                "type",
            ),
            (
                with("purposes", json!([" "])),
                "purposes[0]",
                Some("analytics"),
                "empty",
            ),
            (
                with("storage", json!("kl_a")),
                "storage",
                Some("analytics"),
                "type",
            ),
            (without("storage"), "storage", Some("analytics"), "missing"),
            (
                with("storage", json!(["has space"])),
                "storage[0]",
                Some("analytics"),
                "invalid",
            ),
            (
                with("storage", json!([""])),
                "storage[0]",
                Some("analytics"),
                "invalid",
            ),
            (
                with("required", json!("no")),
                "required",
                Some("analytics"),
                "type",
            ),
            (
                without("required"),
                "required",
                Some("analytics"),
                "missing",
            ),
            (
                with("receipt", json!(5)),
                "receipt",
                Some("analytics"),
                "type",
            ),
            (
                with("receipt", json!({"piiCategory": [""]})),
                "receipt.piiCategory[0]",
                Some("analytics"),
                "empty",
            ),
            (
                with("receipt", json!({"purposeCategory": "6 - Marketing"})),
                "receipt.purposeCategory",
                Some("analytics"),
                "type",
            ),
            (
                with("receipt", json!({"termination": false})),
                "receipt.termination",
                Some("analytics"),
                "type",
            ),
        ];
        for (entry, field, id, kind) in cases {
            let err = CategorySet::from_json(&json!([entry])).unwrap_err();
            let CategoryError::Field {
                index: 0,
                id: got_id,
                field: got_field,
                problem,
            } = &err
            else {
                panic!("{entry}: {err:?}");
            };
            assert_eq!(got_field, field, "{entry}");
            assert_eq!(got_id.as_deref(), id, "{entry}");
            let got_kind = match problem {
                FieldProblem::Missing { .. } => "missing",
                FieldProblem::Empty { .. } => "empty",
                FieldProblem::WrongType { .. } => "type",
                FieldProblem::Invalid { .. } => "invalid",
            };
            assert_eq!(got_kind, kind, "{entry}: {err}");
            assert!(
                err.to_string().contains(&format!("field \"{field}\"")),
                "{err}"
            );
        }

        let mut second = good();
        second["storage"] = json!(["kl_b"]);
        assert_eq!(
            CategorySet::from_json(&json!([good(), second])),
            Err(CategoryError::DuplicateId {
                index: 1,
                id: "analytics".into()
            })
        );
        let mut other = good();
        other["id"] = json!("b");
        let err = CategorySet::from_json(&json!([good(), other])).unwrap_err();
        assert_eq!(
            err,
            CategoryError::SharedStorageKey {
                index: 1,
                id: "b".into(),
                key: "kl_a".into(),
                other: "analytics".into()
            }
        );
        assert!(err.to_string().contains("list it under one category only"));
    }

    // --- records and history ----------------------------------------------------------

    #[test]
    fn record_ids_are_uuids() {
        assert_eq!(
            RecordId::from_random_bytes(&[0; 16]).as_str(),
            "00000000-0000-4000-8000-000000000000"
        );
        let bytes: [u8; 16] = std::array::from_fn(|i| i as u8);
        let id = RecordId::from_random_bytes(&bytes);
        assert_eq!(id.as_str(), "00010203-0405-4607-8809-0a0b0c0d0e0f");
        assert_eq!(RecordId::parse(id.as_str()), Some(id.clone()));
        assert_eq!(
            RecordId::parse("00010203-0405-4607-8809-0A0B0C0D0E0F"),
            Some(id)
        );
        for bad in [
            "",
            "00010203-0405-4607-8809-0a0b0c0d0e0",
            "00010203-0405-4607-8809-0a0b0c0d0e0g",
            "000102030-405-4607-8809-0a0b0c0d0e0f",
            "00010203x0405-4607-8809-0a0b0c0d0e0f",
            "00010203-0405-4607-8809-0a0b0c0d0eé",
            "{00010203-0405-4607-8809-0a0b0c0d0e}",
        ] {
            assert_eq!(RecordId::parse(bad), None, "{bad}");
        }
        let derived = RecordId::derived_from(b"content");
        assert_eq!(derived, RecordId::derived_from(b"content"));
        assert_ne!(derived, RecordId::derived_from(b"content!"));
        assert_eq!(&derived.as_str()[14..15], "8", "version 8");
        assert!("89ab".contains(&derived.as_str()[19..20]), "RFC variant");
    }

    #[test]
    fn give_change_and_withdraw_only_ever_append() {
        let cats = cats();
        let p = policy("3");
        let mut h = ConsentHistory::default();
        h.record(
            &cats,
            &p,
            ctx(1, "2026-11-24T10:00:00Z", Signals::NONE),
            Method::Banner,
            [
                ("analytics", Granted),
                ("marketing", Denied),
                ("diagnostics", Denied),
                ("location", Granted),
            ],
        )
        .unwrap();
        let first = h.records[0].clone();
        assert_eq!(first.choice("necessary"), Some(Granted));
        assert!(first.required.contains("necessary"));
        assert_eq!(first.policy, p);
        assert_eq!(first.language, "en-GB");
        assert!(is_granted(&h, cat(&cats, "analytics")));
        assert!(is_granted(&h, cat(&cats, "location")));
        assert!(!is_granted(&h, cat(&cats, "marketing")));

        // Change of mind: a new record; the first is untouched.
        h.record(
            &cats,
            &p,
            ctx(2, "2026-11-25T08:00:00Z", Signals::NONE),
            Method::Preferences,
            [
                ("analytics", Denied),
                ("marketing", Granted),
                ("diagnostics", Denied),
                ("location", Granted),
            ],
        )
        .unwrap();
        assert_eq!(h.records.len(), 2);
        assert_eq!(h.records[0], first);
        assert!(!is_granted(&h, cat(&cats, "analytics")));
        assert!(is_granted(&h, cat(&cats, "marketing")));
        let second = h.records[1].clone();

        // Withdraw everything: a third record.
        let withdrawal = h
            .withdraw_all(
                &cats,
                &p,
                ctx(3, "2026-12-01T00:00:00Z", Signals::NONE),
                Method::Preferences,
            )
            .unwrap()
            .clone();
        assert_eq!(h.records.len(), 3);
        assert_eq!(h.records[0], first);
        assert_eq!(h.records[1], second);
        assert_eq!(h.current(), Some(&withdrawal));
        assert_eq!(withdrawal.method, Method::Preferences);
        assert_eq!(withdrawal.at, t("2026-12-01T00:00:00Z"));
        for c in cats.optional() {
            assert_eq!(withdrawal.choice(&c.id), Some(Denied), "{}", c.id);
            assert!(!is_granted(&h, c));
        }
        assert_eq!(withdrawal.choice("necessary"), Some(Granted));
        assert!(is_granted(&h, cat(&cats, "necessary")));
    }

    #[test]
    fn making_a_record_checks_its_inputs() {
        let cats = cats();
        let p = policy("3");
        let make = |p: &PolicyRef, ctx: Context, choices: Vec<(&str, Choice)>| {
            ConsentRecord::new(&cats, p, ctx, Method::Banner, choices)
        };
        let c = || ctx(1, "2026-11-24T10:00:00Z", Signals::NONE);
        let mut every: Vec<(&str, Choice)> = vec![
            ("analytics", Denied),
            ("marketing", Denied),
            ("diagnostics", Denied),
            ("location", Denied),
        ];
        assert!(make(&p, c(), every.clone()).is_ok());

        let mut unknown = every.clone();
        unknown.push(("surveys", Granted));
        assert_eq!(
            make(&p, c(), unknown),
            Err(RecordError::UnknownCategory {
                id: "surveys".into()
            })
        );
        let mut twice = every.clone();
        twice.push(("analytics", Granted));
        assert_eq!(
            make(&p, c(), twice),
            Err(RecordError::DuplicateChoice {
                id: "analytics".into()
            })
        );
        let err = make(&p, c(), vec![("marketing", Denied)]).unwrap_err();
        assert_eq!(
            err,
            RecordError::Unanswered {
                ids: vec!["analytics".into(), "diagnostics".into(), "location".into()]
            }
        );
        assert!(err.to_string().contains("analytics, diagnostics, location"));

        let mut bad_language = c();
        bad_language.language = "en_GB".into();
        assert_eq!(
            make(&p, bad_language, every.clone()),
            Err(RecordError::BadLanguage {
                tag: "en_GB".into()
            })
        );
        let mut far_future = c();
        far_future.now = DateTime::<Utc>::MAX_UTC;
        assert!(matches!(
            make(&p, far_future, every.clone()),
            Err(RecordError::TimeOutOfRange { .. })
        ));
        let mut bad = p.clone();
        bad.document = "Privacy Policy".into();
        assert!(matches!(
            make(&bad, c(), every.clone()),
            Err(RecordError::BadPolicyDocument { .. })
        ));
        let mut bad = p.clone();
        bad.version = "3 (final)".into();
        assert!(matches!(
            make(&bad, c(), every.clone()),
            Err(RecordError::BadPolicyVersion { .. })
        ));
        let mut bad = p.clone();
        bad.sha256 = Some("abc".into());
        assert!(matches!(
            make(&bad, c(), every.clone()),
            Err(RecordError::BadPolicyHash { .. })
        ));

        // A choice passed for a required category is ignored: it is always granted.
        every.push(("necessary", Denied));
        let r = make(&p, c(), every).unwrap();
        assert_eq!(r.choice("necessary"), Some(Granted));
    }

    #[test]
    fn append_keeps_decisions_in_time_order_with_unique_ids() {
        let cats = cats();
        let p = policy("3");
        let denied = all_optional(&cats, Denied);
        let make = |n: u8, at: &str| {
            ConsentRecord::new(
                &cats,
                &p,
                ctx(n, at, Signals::NONE),
                Method::Banner,
                denied.clone(),
            )
            .unwrap()
        };
        let mut h = ConsentHistory::default();
        h.append(make(1, "2026-11-24T10:00:00Z")).unwrap();
        assert_eq!(
            h.append(make(1, "2026-11-25T10:00:00Z")),
            Err(RecordError::IdAlreadyUsed {
                id: RecordId::from_random_bytes(&[1; 16]).to_string()
            })
        );
        let err = h.append(make(2, "2026-11-24T10:00:00Z")).unwrap_err();
        assert_eq!(
            err,
            RecordError::NotAfterCurrent {
                current: t("2026-11-24T10:00:00Z"),
                given: t("2026-11-24T10:00:00Z")
            }
        );
        assert!(err.to_string().contains("next_timestamp"));
        assert!(h.append(make(2, "2026-11-23T10:00:00Z")).is_err());
        assert_eq!(h.records.len(), 1);

        let at = t("2026-11-24T10:00:00Z");
        let s = TimeDelta::seconds;
        assert_eq!(h.next_timestamp(at), at + s(1));
        assert_eq!(h.next_timestamp(at - s(100)), at + s(1));
        assert_eq!(h.next_timestamp(at + s(5)), at + s(5));

        // The helpers stamp a second later when the clock has gone back.
        let r = h
            .record(
                &cats,
                &p,
                ctx(3, "2026-11-01T00:00:00Z", Signals::NONE),
                Method::Preferences,
                denied.clone(),
            )
            .unwrap();
        assert_eq!(r.at, at + s(1));
        assert_eq!(
            h.current().unwrap().id,
            RecordId::from_random_bytes(&[3; 16])
        );

        // Hand-built records are checked too.
        let mut broken = make(9, "2027-01-01T00:00:00Z");
        broken.language = String::new();
        assert!(matches!(
            h.append(broken),
            Err(RecordError::BadLanguage { .. })
        ));
        let mut broken = make(9, "2027-01-01T00:00:00Z");
        broken.choices.insert("necessary".into(), Denied);
        assert_eq!(
            h.append(broken),
            Err(RecordError::RequiredNotGranted {
                id: "necessary".into()
            })
        );
        let mut broken = make(9, "2027-01-01T00:00:00Z");
        broken.choices.insert("Bad Id".into(), Denied);
        assert!(matches!(
            h.append(broken),
            Err(RecordError::BadCategoryId { .. })
        ));
        assert_eq!(h.records.len(), 2);
    }

    #[test]
    fn current_is_the_latest_by_time_then_id_in_any_order() {
        let cats = cats();
        let p = policy("3");
        let make = |n: u8, at: &str| {
            ConsentRecord::new(
                &cats,
                &p,
                ctx(n, at, Signals::NONE),
                Method::Banner,
                all_optional(&cats, Denied),
            )
            .unwrap()
        };
        let h = ConsentHistory {
            records: vec![
                make(5, "2026-01-02T00:00:00Z"),
                make(9, "2026-01-03T00:00:00Z"),
                make(7, "2026-01-03T00:00:00Z"),
                make(1, "2026-01-01T00:00:00Z"),
            ],
        };
        assert_eq!(
            h.current().unwrap().id,
            RecordId::from_random_bytes(&[9; 16])
        );
        assert_eq!(ConsentHistory::default().current(), None);
    }

    // --- re-consent -------------------------------------------------------------------

    #[test]
    fn reconsent_after_a_material_change_but_not_after_a_non_material_one() {
        let cats = cats();
        let mut h = ConsentHistory::default();
        assert_eq!(status(&h, &cats, &versions("1")), ConsentStatus::Missing);
        h.record(
            &cats,
            &policy("1"),
            ctx(1, "2024-03-01T09:00:00Z", Signals::NONE),
            Method::Banner,
            all_optional(&cats, Granted),
        )
        .unwrap();
        assert_eq!(status(&h, &cats, &versions("1")), ConsentStatus::Current);

        // v2 is material: ask again.
        assert_eq!(
            status(&h, &cats, &versions("2")),
            ConsentStatus::NeedsReconsent {
                reasons: vec![Reason::PolicyChangedMaterially {
                    from: "1".into(),
                    to: "2".into()
                }]
            }
        );
        // Skipping straight to v3 still crosses the material v2.
        assert_eq!(
            status(&h, &cats, &versions("3")),
            ConsentStatus::NeedsReconsent {
                reasons: vec![Reason::PolicyChangedMaterially {
                    from: "1".into(),
                    to: "3".into()
                }]
            }
        );

        h.record(
            &cats,
            &policy("2"),
            ctx(2, "2025-06-02T09:00:00Z", Signals::NONE),
            Method::Banner,
            all_optional(&cats, Granted),
        )
        .unwrap();
        assert_eq!(status(&h, &cats, &versions("2")), ConsentStatus::Current);
        // v3 is not material: no need to ask again, and the choices stand.
        assert_eq!(status(&h, &cats, &versions("3")), ConsentStatus::Current);
        assert!(is_granted(&h, cat(&cats, "analytics")));
    }

    #[test]
    fn other_policy_reasons_to_ask_again() {
        let cats = cats();
        let record_under = |p: PolicyRef| {
            let mut h = ConsentHistory::default();
            h.record(
                &cats,
                &p,
                ctx(1, "2026-11-24T10:00:00Z", Signals::NONE),
                Method::Banner,
                all_optional(&cats, Denied),
            )
            .unwrap();
            h
        };
        let asks = |h: &ConsentHistory, pv: &PolicyVersion| match status(h, &cats, pv) {
            ConsentStatus::NeedsReconsent { reasons } => reasons,
            other => panic!("{other:?}"),
        };

        // Same label, different text.
        let edited = PolicyRef::for_text("privacy-policy", "3", "Quietly edited text.");
        let h = record_under(edited);
        assert_eq!(
            asks(&h, &versions("3")),
            [Reason::PolicyTextChanged {
                version: "3".into()
            }]
        );
        // Unknown hash (a migrated record): the label decides.
        let mut unknown_hash = policy("3");
        unknown_hash.sha256 = None;
        let h = record_under(unknown_hash);
        assert_eq!(status(&h, &cats, &versions("3")), ConsentStatus::Current);
        // A label the policy's history does not know.
        let h = record_under(policy("7"));
        assert_eq!(
            asks(&h, &versions("3")),
            [Reason::PolicyVersionUnknown {
                version: "7".into()
            }]
        );
        // Another document.
        let h = record_under(PolicyRef::for_text("cookie-notice", "3", "x"));
        let reasons = asks(&h, &versions("3"));
        assert_eq!(
            reasons,
            [Reason::DifferentDocument {
                from: "cookie-notice".into(),
                to: "privacy-policy".into()
            }]
        );
        assert!(reasons[0].is_about_policy());
        // A rollback is judged by the steps between: 3 → 2 crosses only the non-material v3.
        let rolled_back =
            |to: &str| PolicyVersion::new(policy(to), [("1", true), ("2", true), ("3", false)]);
        let h = record_under(policy("3"));
        assert_eq!(status(&h, &cats, &rolled_back("2")), ConsentStatus::Current);
        let h = record_under(policy("2"));
        assert_eq!(
            asks(&h, &rolled_back("1")),
            [Reason::PolicyChangedMaterially {
                from: "2".into(),
                to: "1".into()
            }]
        );
    }

    #[test]
    fn new_categories_ask_again_keep_old_choices_and_start_unset() {
        let old = small_set();
        let new = cats();
        let mut h = ConsentHistory::default();
        h.record(
            &old,
            &policy("1"),
            ctx(1, "2024-03-01T09:00:00Z", Signals::NONE),
            Method::Banner,
            [("analytics", Granted), ("marketing", Denied)],
        )
        .unwrap();
        let first = h.records[0].clone();

        // Policy v2 added diagnostics and location.
        let fresh = Reason::NewCategories(vec!["diagnostics".into(), "location".into()]);
        assert_eq!(
            status(&h, &new, &versions("2")),
            ConsentStatus::NeedsReconsent {
                reasons: vec![
                    Reason::PolicyChangedMaterially {
                        from: "1".into(),
                        to: "2".into()
                    },
                    fresh.clone()
                ]
            }
        );
        // New categories alone are reason enough.
        let same_policy = PolicyVersion::new(policy("1"), [("1", true)]);
        assert_eq!(
            status(&h, &new, &same_policy),
            ConsentStatus::NeedsReconsent {
                reasons: vec![fresh]
            }
        );

        let proposal = proposed_choices(&h, &new, Signals::NONE);
        let shown: Vec<(&str, Option<Choice>)> = proposal
            .choices
            .iter()
            .map(|p| (p.category.as_str(), p.choice))
            .collect();
        assert_eq!(
            shown,
            [
                ("necessary", Some(Granted)),
                ("analytics", Some(Granted)),
                ("marketing", Some(Denied)),
                ("diagnostics", None),
                ("location", None),
            ]
        );
        assert!(!proposal.signal_applied);
        assert_eq!(proposal.complete_choices(), None);
        // The new ones stay off until answered.
        assert!(!is_granted(&h, cat(&new, "diagnostics")));

        // Saving without answering the new ones is refused.
        assert_eq!(
            h.record(
                &new,
                &policy("2"),
                ctx(2, "2025-06-02T09:00:00Z", Signals::NONE),
                Method::Banner,
                [("analytics", Granted), ("marketing", Denied)],
            )
            .unwrap_err(),
            RecordError::Unanswered {
                ids: vec!["diagnostics".into(), "location".into()]
            }
        );
        h.record(
            &new,
            &policy("2"),
            ctx(2, "2025-06-02T09:00:00Z", Signals::NONE),
            Method::Banner,
            [
                ("analytics", Granted),
                ("marketing", Denied),
                ("diagnostics", Granted),
                ("location", Denied),
            ],
        )
        .unwrap();
        assert_eq!(status(&h, &new, &versions("3")), ConsentStatus::Current);
        assert_eq!(h.records[0], first);
        assert!(is_granted(&h, cat(&new, "diagnostics")));
    }

    #[test]
    fn a_category_that_stops_being_required_is_asked_about() {
        let before = small_set();
        let mut cats = before.categories().to_vec();
        cats[0].required = false;
        let after = CategorySet::new(cats).unwrap();
        let mut h = ConsentHistory::default();
        h.record(
            &before,
            &policy("3"),
            ctx(1, "2026-11-24T10:00:00Z", Signals::NONE),
            Method::Banner,
            all_optional(&before, Denied),
        )
        .unwrap();
        assert_eq!(
            status(&h, &after, &versions("3")),
            ConsentStatus::NeedsReconsent {
                reasons: vec![Reason::NewCategories(vec!["necessary".into()])]
            }
        );
        assert_eq!(
            proposed_choices(&h, &after, Signals::NONE).choice("necessary"),
            None
        );
        assert!(!is_granted(&h, cat(&after, "necessary")));
        assert!(is_granted(&h, cat(&before, "necessary")));
    }

    // --- browser signals --------------------------------------------------------------

    #[test]
    fn gpc_or_dnt_without_a_record_refuses_every_optional_category() {
        let cats = cats();
        for signals in [GPC, DNT, BOTH] {
            let p = proposed_choices(&ConsentHistory::default(), &cats, signals);
            assert!(p.signal_applied);
            for entry in &p.choices {
                if entry.required {
                    assert_eq!((entry.choice, entry.from_signal), (Some(Granted), false));
                } else {
                    assert_eq!((entry.choice, entry.from_signal), (Some(Denied), true));
                }
            }

            let mut h = ConsentHistory::default();
            let r = h
                .honour_signals(
                    &cats,
                    &versions("3"),
                    ctx(1, "2026-11-24T10:00:00Z", signals),
                )
                .unwrap()
                .expect("the signal is recorded")
                .clone();
            assert_eq!(r.method, Method::BrowserSignal);
            assert_eq!(r.signals, signals);
            assert_eq!(r.policy, policy("3"));
            for c in cats.optional() {
                assert_eq!(r.choice(&c.id), Some(Denied));
                assert!(!is_granted(&h, c));
            }
            // Recorded once: nothing left for the signal to decide, no banner needed.
            assert_eq!(status(&h, &cats, &versions("3")), ConsentStatus::Current);
            assert!(!proposed_choices(&h, &cats, signals).signal_applied);
            assert_eq!(
                h.honour_signals(
                    &cats,
                    &versions("3"),
                    ctx(2, "2026-11-24T11:00:00Z", signals)
                ),
                Ok(None)
            );
            assert_eq!(h.records.len(), 1);
        }
    }

    #[test]
    fn without_a_signal_nothing_is_decided_for_the_learner() {
        let cats = cats();
        let mut h = ConsentHistory::default();
        let p = proposed_choices(&h, &cats, Signals::NONE);
        assert!(!p.signal_applied);
        assert!(p.choices.iter().all(|e| e.required || e.choice.is_none()));
        assert_eq!(
            h.honour_signals(
                &cats,
                &versions("3"),
                ctx(1, "2026-11-24T10:00:00Z", Signals::NONE)
            ),
            Ok(None)
        );
        assert!(h.records.is_empty());
    }

    #[test]
    fn an_explicit_opt_in_while_the_signal_is_on_stays_granted() {
        let cats = cats();
        let pv = versions("3");
        let mut h = ConsentHistory::default();
        h.honour_signals(&cats, &pv, ctx(1, "2026-11-24T10:00:00Z", GPC))
            .unwrap();
        // The learner opens Privacy choices and switches Analytics on, GPC still on.
        h.record(
            &cats,
            &pv.current,
            ctx(2, "2026-11-24T10:05:00Z", GPC),
            Method::Preferences,
            [
                ("analytics", Granted),
                ("marketing", Denied),
                ("diagnostics", Denied),
                ("location", Denied),
            ],
        )
        .unwrap();
        let p = proposed_choices(&h, &cats, GPC);
        assert_eq!(p.choice("analytics"), Some(Granted));
        assert!(!p.signal_applied);
        assert_eq!(
            h.honour_signals(&cats, &pv, ctx(3, "2026-11-25T10:00:00Z", GPC)),
            Ok(None)
        );
        assert!(is_granted(&h, cat(&cats, "analytics")));

        // A category added later is refused by the signal; the opt-in is carried over.
        let mut more = cats.categories().to_vec();
        more.push(Category {
            id: "surveys".into(),
            title: "Surveys".into(),
            purposes: vec!["Asks you about your course.".into()],
            storage: vec!["kl_survey".into()],
            required: false,
            receipt: ReceiptTerms::default(),
        });
        let more = CategorySet::new(more).unwrap();
        let r = h
            .honour_signals(&more, &pv, ctx(4, "2026-11-26T10:00:00Z", GPC))
            .unwrap()
            .unwrap()
            .clone();
        assert_eq!(r.method, Method::BrowserSignal);
        assert_eq!(r.choice("surveys"), Some(Denied));
        assert_eq!(r.choice("analytics"), Some(Granted));
        assert_eq!(status(&h, &more, &pv), ConsentStatus::Current);
    }

    #[test]
    fn a_grant_from_before_the_signal_gives_way_to_it() {
        let cats = cats();
        let pv = versions("3");
        let mut h = ConsentHistory::default();
        h.record(
            &cats,
            &pv.current,
            ctx(1, "2026-11-24T10:00:00Z", Signals::NONE),
            Method::Banner,
            [
                ("analytics", Granted),
                ("marketing", Denied),
                ("diagnostics", Granted),
                ("location", Denied),
            ],
        )
        .unwrap();
        let p = proposed_choices(&h, &cats, GPC);
        assert!(p.signal_applied);
        let analytics = p
            .choices
            .iter()
            .find(|e| e.category == "analytics")
            .unwrap();
        assert_eq!(
            (analytics.choice, analytics.from_signal),
            (Some(Denied), true)
        );
        let marketing = p
            .choices
            .iter()
            .find(|e| e.category == "marketing")
            .unwrap();
        assert_eq!(
            (marketing.choice, marketing.from_signal),
            (Some(Denied), false)
        );

        let r = h
            .honour_signals(&cats, &pv, ctx(2, "2026-12-01T10:00:00Z", GPC))
            .unwrap()
            .unwrap()
            .clone();
        assert_eq!(r.method, Method::BrowserSignal);
        assert!(!is_granted(&h, cat(&cats, "analytics")));
        assert!(!is_granted(&h, cat(&cats, "diagnostics")));
        assert_eq!(h.records.len(), 2);

        // Switching the signal off later is not an opt-in.
        assert_eq!(
            proposed_choices(&h, &cats, Signals::NONE).choice("analytics"),
            Some(Denied)
        );

        // A grant given under DNT alone gives way when GPC appears as well.
        h.record(
            &cats,
            &pv.current,
            ctx(3, "2026-12-02T10:00:00Z", DNT),
            Method::Preferences,
            [
                ("analytics", Granted),
                ("marketing", Denied),
                ("diagnostics", Denied),
                ("location", Denied),
            ],
        )
        .unwrap();
        assert_eq!(
            proposed_choices(&h, &cats, DNT).choice("analytics"),
            Some(Granted)
        );
        assert_eq!(
            proposed_choices(&h, &cats, BOTH).choice("analytics"),
            Some(Denied)
        );
    }

    #[test]
    fn signals_do_not_carry_grants_across_a_material_change() {
        let old = small_set();
        let new = cats();
        let mut h = ConsentHistory::default();
        h.record(
            &old,
            &policy("1"),
            ctx(1, "2024-03-01T09:00:00Z", GPC),
            Method::Preferences,
            [("analytics", Granted), ("marketing", Denied)],
        )
        .unwrap();
        // The opt-in was knowing, but v2 changed what it means: the banner must ask.
        assert_eq!(
            h.honour_signals(&new, &versions("2"), ctx(2, "2025-06-02T09:00:00Z", GPC)),
            Ok(None)
        );
        let p = proposed_choices(&h, &new, GPC);
        assert_eq!(p.choice("analytics"), Some(Granted));
        assert_eq!(p.choice("location"), Some(Denied));
        assert!(p.signal_applied);

        // With nothing granted, refusals can be recorded under the new version.
        let mut h = ConsentHistory::default();
        h.record(
            &old,
            &policy("1"),
            ctx(1, "2024-03-01T09:00:00Z", Signals::NONE),
            Method::Banner,
            all_optional(&old, Denied),
        )
        .unwrap();
        let r = h
            .honour_signals(&new, &versions("2"), ctx(2, "2025-06-02T09:00:00Z", GPC))
            .unwrap()
            .unwrap()
            .clone();
        assert_eq!(r.policy, policy("2"));
        assert_eq!(r.choice("location"), Some(Denied));
    }

    #[test]
    fn is_granted_gates_scripts() {
        let cats = cats();
        let mut h = ConsentHistory::default();
        assert!(is_granted(&h, cat(&cats, "necessary")));
        for c in cats.optional() {
            assert!(!is_granted(&h, c), "{} without a record", c.id);
        }
        h.record(
            &small_set(),
            &policy("1"),
            ctx(1, "2024-03-01T09:00:00Z", Signals::NONE),
            Method::Banner,
            [("analytics", Granted), ("marketing", Granted)],
        )
        .unwrap();
        assert!(is_granted(&h, cat(&cats, "analytics")));
        // A category the record never answered is not granted.
        assert!(!is_granted(&h, cat(&cats, "location")));
        // A required category is on even if no record mentions it.
        let mut audit = cat(&cats, "location").clone();
        audit.id = "audit-log".into();
        audit.required = true;
        assert!(is_granted(&h, &audit));
        h.withdraw_all(
            &small_set(),
            &policy("1"),
            ctx(2, "2024-03-02T09:00:00Z", Signals::NONE),
            Method::Preferences,
        )
        .unwrap();
        assert!(!is_granted(&h, cat(&cats, "analytics")));
        assert!(!is_granted(&h, cat(&cats, "marketing")));
    }

    // --- storage ----------------------------------------------------------------------

    /// Values as earlier versions of the widget stored them: they still load, and a v2
    /// value is written back byte for byte.
    #[test]
    fn values_stored_by_earlier_versions_still_decode() {
        const STORED_V2: &str = r#"{"v":2,"records":[{"at":"2026-11-24T10:00:00Z","choices":{"analytics":"granted","diagnostics":"denied","location":"denied","marketing":"denied","necessary":"granted"},"id":"07070707-0707-4707-8707-070707070707","language":"en-GB","method":"banner","policy":{"document":"privacy-policy","sha256":"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad","version":"3"},"required":["necessary"],"signals":{"dnt":false,"gpc":true}},{"at":"2026-11-25T08:00:00Z","choices":{"analytics":"denied","necessary":"granted"},"id":"0f8fad5b-d9cb-469f-a165-70867728950e","language":"und","method":"browser-signal","policy":{"document":"privacy-policy","sha256":null,"version":"3"},"required":["necessary"],"signals":{"dnt":true,"gpc":false}}]}"#;
        let h = decode(STORED_V2).unwrap();
        assert_eq!(h.records.len(), 2);
        let first = &h.records[0];
        assert_eq!(first.id.as_str(), "07070707-0707-4707-8707-070707070707");
        assert_eq!(first.at, t("2026-11-24T10:00:00Z"));
        assert_eq!(
            first.policy,
            PolicyRef::for_text("privacy-policy", "3", "abc")
        );
        assert_eq!(first.choices["analytics"], Granted);
        assert_eq!(first.choices["marketing"], Denied);
        assert!(first.required.contains("necessary"));
        assert_eq!(
            (first.method, first.signals.gpc, first.signals.dnt),
            (Method::Banner, true, false)
        );
        assert_eq!(h.records[1].method, Method::BrowserSignal);
        assert_eq!(h.records[1].policy.sha256, None);
        assert_eq!(encode(&h), STORED_V2);

        // v1, with the fractional seconds JavaScript writes and a numeric version.
        let h = decode(r#"{"v":1,"choices":{"necessary":true,"analytics":true,"marketing":false},"at":"2025-03-01T09:30:00.000Z","policy_version":2}"#).unwrap();
        let r = &h.records[0];
        assert_eq!(r.at, t("2025-03-01T09:30:00Z"));
        assert_eq!(r.policy.version, "2");
        assert_eq!(r.policy.document, V1_POLICY_DOCUMENT);
        assert_eq!(r.language, UNDETERMINED_LANGUAGE);
        assert_eq!(
            (r.choices["analytics"], r.choices["marketing"]),
            (Granted, Denied)
        );
        assert!(r.required.contains("necessary"));
        assert_eq!(decode(&encode(&h)), Ok(h.clone()));

        // The messages name the field, as before.
        let message = |text: &str| decode(text).unwrap_err().to_string();
        assert_eq!(
            message(
                r#"{"v":1,"choices":{"analytics":"yes"},"at":"2025-03-01T09:30:00Z","policy_version":"1"}"#
            ),
            "In the saved privacy choices, field \"choices.analytics\": it is a string, but it must be true or false."
        );
        assert_eq!(
            message(&STORED_V2.replace(r#""method":"banner""#, r#""method":"popup""#)),
            "Saved consent record #1 (records[0]), field \"method\": \"popup\" can't be used; give one of \"banner\", \"preferences\", \"browser-signal\" or \"api\"."
        );
        assert_eq!(
            message(&STORED_V2.replace(r#""analytics":"denied""#, r#""analytics":null"#)),
            "Saved consent record #2 (records[1]), field \"choices.analytics\": it is null, but it must be \"granted\" or \"denied\"."
        );
        assert_eq!(
            message(r#"{"v":2,"records":[["id"]]}"#),
            "Saved consent record #1 (records[0]): it is a list, but it must be an object with \"id\", \"at\", \"policy\", …."
        );
        assert_eq!(
            message(r#"{"v":"2"}"#),
            "The saved privacy choices have a \"v\" field that is a string, but it must be a whole number such as 2."
        );
    }

    fn sample_history() -> ConsentHistory {
        let cats = cats();
        let mut h = ConsentHistory::default();
        h.record(
            &cats,
            &PolicyRef::for_text("privacy-policy", "3", "abc"),
            Context {
                id: RecordId::from_random_bytes(&[7; 16]),
                now: t("2026-11-24T10:00:00Z"),
                signals: Signals::NONE,
                language: "en-GB".into(),
            },
            Method::Banner,
            [
                ("analytics", Granted),
                ("marketing", Denied),
                ("diagnostics", Denied),
                ("location", Denied),
            ],
        )
        .unwrap();
        h.withdraw_all(
            &cats,
            &PolicyRef::for_text("privacy-policy", "3", "abc"),
            ctx(8, "2026-11-25T12:30:00Z", GPC),
            Method::Preferences,
        )
        .unwrap();
        h
    }

    #[test]
    fn encode_writes_the_documented_format() {
        assert_eq!(
            encode(&ConsentHistory::default()),
            r#"{"v":2,"records":[]}"#
        );
        let mut h = sample_history();
        h.records.truncate(1);
        assert_eq!(
            encode(&h),
            concat!(
                r#"{"v":2,"records":[{"at":"2026-11-24T10:00:00Z","#,
                r#""choices":{"analytics":"granted","diagnostics":"denied","location":"denied","#,
                r#""marketing":"denied","necessary":"granted"},"#,
                r#""id":"07070707-0707-4707-8707-070707070707","language":"en-GB","#,
                r#""method":"banner","policy":{"document":"privacy-policy","#,
                r#""sha256":"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad","#,
                r#""version":"3"},"required":["necessary"],"signals":{"dnt":false,"gpc":false}}]}"#
            )
        );
        let h = sample_history();
        assert_eq!(decode(&encode(&h)), Ok(h));
    }

    #[test]
    fn unknown_extra_fields_are_ignored() {
        let mut v: Value = serde_json::from_str(&encode(&sample_history())).unwrap();
        v["records"][0]["note"] = json!("added by a later minor version");
        v["written_by"] = json!("tab 3");
        assert_eq!(decode(&v.to_string()), Ok(sample_history()));
    }

    const V1: &str = r#"{"v":1,"choices":{"necessary":true,"analytics":true,"marketing":false},"at":"2025-03-01T09:30:00Z","policy_version":"1"}"#;

    #[test]
    fn v1_is_migrated_to_one_banner_record() {
        let h = decode(V1).unwrap();
        assert_eq!(h.records.len(), 1);
        let r = &h.records[0];
        assert_eq!(r.method, Method::Banner);
        assert_eq!(r.at, t("2025-03-01T09:30:00Z"));
        assert_eq!(
            r.policy,
            PolicyRef {
                document: "privacy-policy".into(),
                version: "1".into(),
                sha256: None
            }
        );
        assert_eq!(
            r.choices,
            BTreeMap::from([
                ("analytics".to_string(), Granted),
                ("marketing".to_string(), Denied),
                ("necessary".to_string(), Granted),
            ])
        );
        assert_eq!(r.required, BTreeSet::from(["necessary".to_string()]));
        assert_eq!(r.signals, Signals::NONE);
        assert_eq!(r.language, "und");
        assert_eq!(&r.id.as_str()[14..15], "8");

        // The id depends on the content only: not on key order, spacing or a numeric label.
        assert_eq!(decode(V1).unwrap(), h);
        let reordered = r#"{ "at": "2025-03-01T09:30:00.000Z", "policy_version": 1, "v": 1,
            "choices": {"marketing": false, "analytics": true, "necessary": true} }"#;
        assert_eq!(decode(reordered).unwrap(), h);
        let other = V1.replace("\"marketing\":false", "\"marketing\":true");
        assert_ne!(decode(&other).unwrap().records[0].id, r.id);

        // Re-stored as v2, it reads back the same; merging two migrations keeps one.
        let stored = encode(&h);
        assert!(stored.starts_with(r#"{"v":2,"#));
        assert_eq!(decode(&stored), Ok(h.clone()));
        assert_eq!(merge(&h, &decode(V1).unwrap()), h);

        // Under today's policy: asked again (v2 was material, two new categories),
        // with the old answers kept.
        assert_eq!(
            status(&h, &cats(), &versions("3")),
            ConsentStatus::NeedsReconsent {
                reasons: vec![
                    Reason::PolicyChangedMaterially {
                        from: "1".into(),
                        to: "3".into()
                    },
                    Reason::NewCategories(vec!["diagnostics".into(), "location".into()]),
                ]
            }
        );
        let p = proposed_choices(&h, &cats(), Signals::NONE);
        assert_eq!(p.choice("analytics"), Some(Granted));
        assert_eq!(p.choice("marketing"), Some(Denied));
        assert_eq!(p.choice("location"), None);
        assert_eq!(
            describe(&h, &small_set()),
            [
                "On 2025-03-01 at 09:30 UTC you allowed Analytics and refused Marketing, from the banner, under Privacy Policy version 1."
            ]
        );
    }

    #[test]
    fn v1_problems_are_reported_precisely() {
        let with = |key: &str, value: Value| {
            let mut v: Value = serde_json::from_str(V1).unwrap();
            v[key] = value;
            v.to_string()
        };
        let field_of = |text: &str| match decode(text) {
            Err(StoreError::BadField { field, problem }) => (field, problem),
            other => panic!("{text}: {other:?}"),
        };
        let (field, problem) = field_of(&with("choices", json!({"necessary": false})));
        assert_eq!(field, "choices.necessary");
        assert!(matches!(problem, FieldProblem::Invalid { .. }));
        let (field, problem) = field_of(&with("choices", json!({"analytics": "yes"})));
        assert_eq!(field, "choices.analytics");
        assert!(matches!(
            problem,
            FieldProblem::WrongType {
                found: "a string",
                ..
            }
        ));
        let (field, _) = field_of(&with("choices", json!({"Analytics": true})));
        assert_eq!(field, "choices.Analytics");
        let (field, problem) = field_of(&with("choices", json!(["analytics"])));
        assert_eq!(field, "choices");
        assert!(matches!(
            problem,
            FieldProblem::WrongType {
                found: "a list",
                ..
            }
        ));
        let (field, problem) = field_of(&with("at", json!("yesterday")));
        assert_eq!(field, "at");
        assert!(matches!(problem, FieldProblem::Invalid { .. }));
        let (field, _) = field_of(&with("at", json!("2025-02-29T09:30:00Z")));
        assert_eq!(field, "at");
        let (field, _) = field_of(&with("at", json!("2025-03-01T09:30:00.Z")));
        assert_eq!(field, "at");
        let (field, problem) = field_of(&with("policy_version", Value::Null));
        assert_eq!(field, "policy_version");
        assert!(matches!(problem, FieldProblem::Missing { .. }));
        let (field, problem) = field_of(&with("policy_version", json!("version two")));
        assert_eq!(field, "policy_version");
        assert!(matches!(problem, FieldProblem::Invalid { .. }));
        let (field, _) = field_of(&with("policy_version", json!(-2)));
        assert_eq!(field, "policy_version");
    }

    #[test]
    fn corrupt_values_are_reported_precisely() {
        for text in ["", "not json", r#"{"v":2,"records":["#, "{'v':2}"] {
            let err = decode(text).unwrap_err();
            assert!(matches!(err, StoreError::NotJson { .. }), "{text}: {err:?}");
            assert!(err.to_string().contains("not valid JSON"));
        }
        assert_eq!(
            decode("[1,2]"),
            Err(StoreError::NotAnObject { found: "a list" })
        );
        assert_eq!(
            decode("\"kl\""),
            Err(StoreError::NotAnObject { found: "a string" })
        );
        assert_eq!(decode("{}"), Err(StoreError::MissingVersion));
        assert_eq!(
            decode(r#"{"v":"2"}"#),
            Err(StoreError::BadVersion {
                found: "a string".into()
            })
        );
        assert_eq!(
            decode(r#"{"v":2.5}"#),
            Err(StoreError::BadVersion {
                found: "the number 2.5".into()
            })
        );
        assert!(matches!(
            decode(r#"{"v":-1}"#),
            Err(StoreError::BadVersion { .. })
        ));
        let err = decode(r#"{"v":9,"records":[]}"#).unwrap_err();
        assert_eq!(err, StoreError::UnknownVersion { version: 9 });
        assert!(err.to_string().contains("a newer widget"));
        assert_eq!(
            decode(r#"{"v":0}"#),
            Err(StoreError::UnknownVersion { version: 0 })
        );
        assert!(matches!(
            decode(r#"{"v":2}"#),
            Err(StoreError::BadField { ref field, problem: FieldProblem::Missing { .. } }) if field == "records"
        ));
        assert!(matches!(
            decode(r#"{"v":2,"records":{}}"#),
            Err(StoreError::BadField { ref field, problem: FieldProblem::WrongType { found: "an object", .. } }) if field == "records"
        ));

        // A record with a date that does not exist: which record, which field.
        let mut v: Value = serde_json::from_str(&encode(&sample_history())).unwrap();
        v["records"][1]["at"] = json!("2026-02-30T10:00:00Z");
        let err = decode(&v.to_string()).unwrap_err();
        assert_eq!(
            err,
            StoreError::BadRecord {
                index: 1,
                field: "at".into(),
                problem: FieldProblem::Invalid {
                    value: "2026-02-30T10:00:00Z".into(),
                    expected: "a date that exists in the calendar, as YYYY-MM-DDTHH:MM:SSZ"
                }
            }
        );
        assert_eq!(
            err.to_string(),
            "Saved consent record #2 (records[1]), field \"at\": \"2026-02-30T10:00:00Z\" can't be used; give a date that exists in the calendar, as YYYY-MM-DDTHH:MM:SSZ."
        );
    }

    #[test]
    fn every_record_field_is_checked() {
        let base: Value = serde_json::from_str(&encode(&sample_history())).unwrap();
        // (field to change, new value or None to remove, field reported, kind)
        let cases: Vec<(&str, Option<Value>, &str, &str)> = vec![
            ("id", Some(json!("nope")), "id", "invalid"),
            ("id", Some(json!(5)), "id", "type"),
            ("id", None, "id", "missing"),
            ("at", Some(json!("2026-11-24 10:00:00")), "at", "invalid"),
            ("at", Some(json!("2026-11-24T24:00:00Z")), "at", "invalid"),
            ("at", Some(json!(1_800_000_000)), "at", "type"),
            ("policy", Some(json!("v3")), "policy", "type"),
            ("policy", None, "policy", "missing"),
            (
                "policy",
                Some(json!({"document": "privacy-policy", "version": "3"})),
                "policy.sha256",
                "missing",
            ),
            (
                "policy",
                Some(json!({"document": "privacy-policy", "version": "3", "sha256": "ABC"})),
                "policy.sha256",
                "invalid",
            ),
            (
                "policy",
                Some(json!({"document": "privacy-policy", "version": "3", "sha256": 3})),
                "policy.sha256",
                "type",
            ),
            (
                "policy",
                Some(json!({"document": "privacy-policy", "version": "", "sha256": null})),
                "policy.version",
                "invalid",
            ),
            (
                "policy",
                Some(json!({"document": "Privacy Policy", "version": "3", "sha256": null})),
                "policy.document",
                "invalid",
            ),
            (
                "policy",
                Some(json!({"version": "3", "sha256": null})),
                "policy.document",
                "missing",
            ),
            ("choices", Some(json!([])), "choices", "type"),
            ("choices", None, "choices", "missing"),
            (
                "choices",
                Some(json!({"necessary": "granted", "analytics": true})),
                "choices.analytics",
                "type",
            ),
            (
                "choices",
                Some(json!({"necessary": "granted", "analytics": "yes"})),
                "choices.analytics",
                "invalid",
            ),
            (
                "choices",
                Some(json!({"necessary": "granted", "Bad Key": "denied"})),
                "choices.Bad Key",
                "invalid",
            ),
            (
                "required",
                Some(json!(["analytics"])),
                "required[0]",
                "invalid",
            ),
            ("required", Some(json!("necessary")), "required", "type"),
            ("required", Some(json!([1])), "required[0]", "type"),
            ("required", None, "required", "missing"),
            ("method", Some(json!("email")), "method", "invalid"),
            ("method", None, "method", "missing"),
            (
                "signals",
                Some(json!({"gpc": "1", "dnt": false})),
                "signals.gpc",
                "type",
            ),
            (
                "signals",
                Some(json!({"gpc": true})),
                "signals.dnt",
                "missing",
            ),
            ("signals", Some(json!([true, false])), "signals", "type"),
            ("language", Some(json!("en_GB")), "language", "invalid"),
            ("language", Some(json!("")), "language", "invalid"),
            ("language", None, "language", "missing"),
        ];
        for (key, value, field, kind) in cases {
            let mut v = base.clone();
            let record = v["records"][1].as_object_mut().unwrap();
            match value {
                Some(value) => {
                    record.insert(key.to_string(), value);
                }
                None => {
                    record.remove(key);
                }
            }
            let err = decode(&v.to_string()).unwrap_err();
            let StoreError::BadRecord {
                index,
                field: got,
                problem,
            } = &err
            else {
                panic!("{key}: {err:?}");
            };
            assert_eq!((*index, got.as_str()), (1, field), "{key}: {err}");
            let got_kind = match problem {
                FieldProblem::Missing { .. } => "missing",
                FieldProblem::Empty { .. } => "empty",
                FieldProblem::WrongType { .. } => "type",
                FieldProblem::Invalid { .. } => "invalid",
            };
            assert_eq!(got_kind, kind, "{key}: {err}");
        }
        let mut v = base.clone();
        v["records"][0] = json!("a record");
        assert_eq!(
            decode(&v.to_string()),
            Err(StoreError::BadRecord {
                index: 0,
                field: String::new(),
                problem: FieldProblem::WrongType {
                    expected: "an object with \"id\", \"at\", \"policy\", …",
                    found: "a string"
                }
            })
        );
    }

    // --- merge ------------------------------------------------------------------------

    #[test]
    fn merge_joins_two_tabs_without_losing_anything() {
        let cats = cats();
        let p = policy("3");
        let mut tab_a = ConsentHistory::default();
        tab_a
            .record(
                &cats,
                &p,
                ctx(1, "2026-11-24T10:00:00Z", Signals::NONE),
                Method::Banner,
                all_optional(&cats, Granted),
            )
            .unwrap();
        let mut tab_b = tab_a.clone();
        tab_a
            .withdraw_all(
                &cats,
                &p,
                ctx(2, "2026-11-24T10:02:00Z", Signals::NONE),
                Method::Preferences,
            )
            .unwrap();
        tab_b
            .record(
                &cats,
                &p,
                ctx(3, "2026-11-24T10:01:00Z", Signals::NONE),
                Method::Preferences,
                all_optional(&cats, Granted),
            )
            .unwrap();
        let m = merge(&tab_a, &tab_b);
        let ids: Vec<RecordId> = m.records.iter().map(|r| r.id.clone()).collect();
        assert_eq!(
            ids,
            [1, 3, 2].map(|n| RecordId::from_random_bytes(&[n; 16]))
        );
        assert_eq!(m, merge(&tab_b, &tab_a));
        assert_eq!(merge(&m, &tab_a), m);
        assert!(
            !is_granted(&m, cat(&cats, "analytics")),
            "the later withdrawal wins"
        );

        // Same id, different content: both kept.
        let mut forged = tab_a.records[1].clone();
        forged.choices.insert("analytics".into(), Granted);
        let odd = ConsentHistory {
            records: vec![forged.clone()],
        };
        let m2 = merge(&tab_a, &odd);
        assert_eq!(m2.records.len(), 3);
        assert!(m2.records.contains(&forged));
        assert_eq!(m2, merge(&odd, &tab_a));
    }

    // --- receipts and words -----------------------------------------------------------

    fn kestrel() -> Controller {
        Controller {
            name: "Kestrel Learning".into(),
            contact: "Privacy team".into(),
            address: "400 Alder Street, Suite 12, Portland, OR 97204".into(),
            country: Some("US".into()),
            email: "privacy@kestrel-learning.example".into(),
            phone: None,
            url: "https://kestrel-learning.example".into(),
        }
    }

    #[test]
    fn receipt_has_every_required_kantara_field() {
        let cats = cats();
        let p = policy("3");
        let mut h = ConsentHistory::default();
        assert_eq!(
            receipt(&h, &cats, &kestrel(), "https://x.example/p", "US", "pid"),
            None
        );
        h.record(
            &cats,
            &p,
            ctx(1, "2026-11-24T10:00:00Z", Signals::NONE),
            Method::Banner,
            all_optional(&cats, Denied),
        )
        .unwrap();
        h.record(
            &cats,
            &p,
            ctx(2, "2026-11-25T10:00:00Z", Signals::NONE),
            Method::Preferences,
            [
                ("analytics", Granted),
                ("marketing", Denied),
                ("diagnostics", Denied),
                ("location", Granted),
            ],
        )
        .unwrap();
        let r = receipt(
            &h,
            &cats,
            &kestrel(),
            "https://kestrel-learning.example/#privacy-policy",
            "US-OR",
            "local-5b1f",
        )
        .unwrap();
        for key in [
            "version",
            "jurisdiction",
            "consentTimestamp",
            "collectionMethod",
            "consentReceiptID",
            "language",
            "piiPrincipalId",
            "piiControllers",
            "policyUrl",
            "services",
            "sensitive",
            "spiCat",
            "history",
        ] {
            assert!(r.get(key).is_some(), "missing {key}");
        }
        let current = h.current().unwrap();
        assert_eq!(r["version"], "KI-CR-v1.1.0");
        assert_eq!(r["jurisdiction"], "US-OR");
        assert_eq!(r["consentTimestamp"], json!(current.at.timestamp()));
        assert_eq!(r["consentReceiptID"], current.id.as_str());
        assert_eq!(
            r["collectionMethod"],
            Method::Preferences.collection_method()
        );
        assert_eq!(r["language"], "en-GB");
        assert_eq!(r["piiPrincipalId"], "local-5b1f");
        assert_eq!(
            r["policyUrl"],
            "https://kestrel-learning.example/#privacy-policy"
        );
        assert_eq!(r["sensitive"], false);
        assert_eq!(r["spiCat"], json!([]));

        let controller = &r["piiControllers"][0];
        for key in [
            "piiController",
            "contact",
            "address",
            "email",
            "piiControllerUrl",
        ] {
            assert!(controller.get(key).is_some(), "controller {key}");
        }
        assert_eq!(controller["piiController"], "Kestrel Learning");
        assert_eq!(controller["address"]["addressCountry"], "US");
        assert!(
            controller.get("phone").is_none(),
            "no phone given, none invented"
        );
        let mut with_phone = kestrel();
        with_phone.phone = Some("+1 503 555 0100".into());
        let r2 = receipt(&h, &cats, &with_phone, "u", "US", "p").unwrap();
        assert_eq!(r2["piiControllers"][0]["phone"], "+1 503 555 0100");

        // Only what was consented to is a service.
        let services = r["services"].as_array().unwrap();
        let names: Vec<&str> = services
            .iter()
            .map(|s| s["service"].as_str().unwrap())
            .collect();
        assert_eq!(names, ["Analytics", "Approximate location"]);
        for s in services {
            for purpose in s["purposes"].as_array().unwrap() {
                assert!(purpose["purpose"].as_str().is_some_and(|p| !p.is_empty()));
                assert!(purpose["purposeCategory"].is_array());
                assert_eq!(purpose["consentType"], "EXPLICIT");
                assert!(purpose["piiCategory"].is_array());
                assert_eq!(purpose["primaryPurpose"], false);
                assert!(
                    purpose["termination"]
                        .as_str()
                        .is_some_and(|t| !t.is_empty())
                );
                assert_eq!(purpose["thirdPartyDisclosure"], false);
            }
        }
        assert_eq!(r["strictlyNecessary"][0]["service"], "Strictly necessary");
        assert_eq!(r["policyText"]["sha256"], json!(p.sha256));
        let history = r["history"].as_array().unwrap();
        assert_eq!(history.len(), 2);
        assert_eq!(history[1], json!(describe(&h, &cats)[1]));
    }

    #[test]
    fn describe_says_what_happened_in_plain_words() {
        let cats = small_set();
        let mut more = cats.categories().to_vec();
        more.push(Category {
            id: "surveys".into(),
            title: "Surveys".into(),
            purposes: vec!["Asks you about your course.".into()],
            storage: vec![],
            required: false,
            receipt: ReceiptTerms::default(),
        });
        let more = CategorySet::new(more).unwrap();
        let p = policy("3");
        let pv = PolicyVersion::new(p.clone(), [("3", false)]);
        let mut h = ConsentHistory::default();
        h.record(
            &cats,
            &p,
            ctx(1, "2026-11-24T10:00:00Z", Signals::NONE),
            Method::Banner,
            [("analytics", Granted), ("marketing", Denied)],
        )
        .unwrap();
        h.honour_signals(&cats, &pv, ctx(2, "2026-11-24T10:05:00Z", GPC))
            .unwrap();
        h.record(
            &cats,
            &p,
            ctx(3, "2026-11-24T10:07:30Z", GPC),
            Method::Preferences,
            [("analytics", Granted), ("marketing", Denied)],
        )
        .unwrap();
        // A new category arrives; the knowing opt-in is kept.
        h.honour_signals(&more, &pv, ctx(4, "2026-11-24T10:08:00Z", GPC))
            .unwrap();
        // Do Not Track appears as well: the opt-in was not made under it.
        h.honour_signals(&more, &pv, ctx(5, "2026-11-24T10:08:10Z", BOTH))
            .unwrap();
        h.withdraw_all(
            &more,
            &p,
            ctx(6, "2026-11-24T10:09:00Z", Signals::NONE),
            Method::Api,
        )
        .unwrap();
        assert_eq!(
            describe(&h, &more),
            [
                "On 2026-11-24 at 10:00 UTC you allowed Analytics and refused Marketing, from the banner, under Privacy Policy version 3.",
                "On 2026-11-24 at 10:05 UTC, following the Global Privacy Control signal from your browser, Analytics and Marketing were refused, under Privacy Policy version 3.",
                "On 2026-11-24 at 10:07 UTC you allowed Analytics and refused Marketing, in Privacy choices, while your browser was sending Global Privacy Control, under Privacy Policy version 3.",
                "On 2026-11-24 at 10:08 UTC, following the Global Privacy Control signal from your browser, Marketing and Surveys were refused and Analytics stayed allowed as you had chosen, under Privacy Policy version 3.",
                "On 2026-11-24 at 10:08 UTC, following the Global Privacy Control and Do Not Track signal from your browser, Analytics, Marketing, and Surveys were refused, under Privacy Policy version 3.",
                "On 2026-11-24 at 10:09 UTC you refused Analytics, Marketing, and Surveys, through the platform, under Privacy Policy version 3.",
            ]
        );

        // A category no longer offered is named by its id; odd times never panic.
        let mut odd = h.records[0].clone();
        odd.choices.insert("surveys".into(), Granted);
        odd.at = DateTime::<Utc>::MAX_UTC;
        assert_eq!(
            describe_record(&odd, &cats),
            format!(
                "At @{} you allowed Analytics and surveys and refused Marketing, from the banner, under Privacy Policy version 3.",
                DateTime::<Utc>::MAX_UTC.timestamp()
            )
        );
        let mut flagless = h.records[1].clone();
        flagless.signals = Signals::NONE;
        assert_eq!(
            describe_record(&flagless, &cats),
            "On 2026-11-24 at 10:05 UTC, following your browser's privacy signal, Analytics and Marketing were refused, under Privacy Policy version 3."
        );
        let only_required = CategorySet::new(vec![cat(&cats, "necessary").clone()]).unwrap();
        let mut h2 = ConsentHistory::default();
        let r = h2
            .record(
                &only_required,
                &p,
                ctx(1, "2026-11-24T10:00:00Z", Signals::NONE),
                Method::Banner,
                Vec::<(String, Choice)>::new(),
            )
            .unwrap();
        assert!(describe_record(r, &only_required).contains("nothing optional to choose"));
    }

    #[test]
    fn language_tags_are_checked_loosely() {
        for ok in [
            "en",
            "en-GB",
            "pt-BR",
            "zh-Hant-TW",
            "und",
            "es-419",
            "x-klingon",
        ] {
            assert!(is_valid_language_tag(ok), "{ok}");
        }
        for bad in [
            "",
            "e",
            "en_GB",
            "en-",
            "-en",
            "english!",
            "x",
            "en-abcdefghi",
            "日本",
        ] {
            assert!(!is_valid_language_tag(bad), "{bad}");
        }
    }

    // --- properties -------------------------------------------------------------------

    use proptest::prelude::*;

    fn arb_record() -> impl Strategy<Value = ConsentRecord> {
        static IDS: [&str; 5] = [
            "analytics",
            "marketing",
            "diagnostics",
            "location",
            "surveys",
        ];
        (
            0u8..6,
            0i64..5,
            proptest::collection::btree_map(
                proptest::sample::select(&IDS[..]).prop_map(str::to_string),
                prop_oneof![Just(Granted), Just(Denied)],
                0..5,
            ),
            any::<bool>(),
            prop_oneof![
                Just(Method::Banner),
                Just(Method::Preferences),
                Just(Method::BrowserSignal),
                Just(Method::Api)
            ],
            any::<(bool, bool)>(),
            proptest::sample::select(&["en", "en-GB", "fr"][..]),
            proptest::sample::select(&["1", "2", "3"][..]),
            any::<bool>(),
        )
            .prop_map(
                |(
                    id,
                    at,
                    mut choices,
                    necessary,
                    method,
                    (gpc, dnt),
                    language,
                    version,
                    hashed,
                )| {
                    let mut required = BTreeSet::new();
                    if necessary {
                        choices.insert("necessary".into(), Granted);
                        required.insert("necessary".to_string());
                    }
                    let mut policy = policy(version);
                    if !hashed {
                        policy.sha256 = None;
                    }
                    ConsentRecord {
                        id: RecordId::from_random_bytes(&[id; 16]),
                        at: DateTime::from_timestamp(1_790_000_000 + at * 60, 0).unwrap(),
                        policy,
                        choices,
                        required,
                        method,
                        signals: Signals { gpc, dnt },
                        language: language.to_string(),
                    }
                },
            )
    }

    fn arb_history() -> impl Strategy<Value = ConsentHistory> {
        proptest::collection::vec(arb_record(), 0..6).prop_map(|records| ConsentHistory { records })
    }

    fn arb_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            prop_oneof![Just(1i64), Just(2), Just(9), any::<i64>()].prop_map(|n| json!(n)),
            any::<f64>().prop_map(|f| json!(f)),
            prop_oneof![
                Just("granted".to_string()),
                Just("denied".to_string()),
                Just("banner".to_string()),
                Just("browser-signal".to_string()),
                Just("2026-11-24T10:00:00Z".to_string()),
                Just("2026-02-30T10:00:00Z".to_string()),
                Just("07070707-0707-4707-8707-070707070707".to_string()),
                Just("privacy-policy".to_string()),
                Just("necessary".to_string()),
                Just("en".to_string()),
                Just(sha256_hex(b"abc")),
                "[a-z0-9-]{0,10}",
                ".{0,16}",
            ]
            .prop_map(Value::String),
        ];
        leaf.prop_recursive(5, 96, 10, |inner| {
            let keys = prop_oneof![
                Just("v".to_string()),
                Just("records".to_string()),
                Just("id".to_string()),
                Just("at".to_string()),
                Just("policy".to_string()),
                Just("document".to_string()),
                Just("version".to_string()),
                Just("sha256".to_string()),
                Just("choices".to_string()),
                Just("required".to_string()),
                Just("method".to_string()),
                Just("signals".to_string()),
                Just("gpc".to_string()),
                Just("dnt".to_string()),
                Just("language".to_string()),
                Just("policy_version".to_string()),
                Just("analytics".to_string()),
                Just("necessary".to_string()),
                "[a-z_]{1,8}",
            ];
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                proptest::collection::btree_map(keys, inner, 0..10)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn merge_is_commutative(a in arb_history(), b in arb_history()) {
            prop_assert_eq!(merge(&a, &b), merge(&b, &a));
        }

        #[test]
        fn merge_is_idempotent(a in arb_history(), b in arb_history()) {
            let m = merge(&a, &b);
            prop_assert_eq!(merge(&m, &m), m.clone());
            prop_assert_eq!(merge(&m, &a), m.clone());
            prop_assert_eq!(merge(&a, &a), merge(&a, &ConsentHistory::default()));
        }

        #[test]
        fn merge_is_associative(a in arb_history(), b in arb_history(), c in arb_history()) {
            prop_assert_eq!(merge(&merge(&a, &b), &c), merge(&a, &merge(&b, &c)));
        }

        #[test]
        fn merge_loses_nothing_and_invents_nothing(a in arb_history(), b in arb_history()) {
            let m = merge(&a, &b);
            for r in a.records.iter().chain(&b.records) {
                prop_assert!(m.records.contains(r), "lost {:?}", r.id);
            }
            for r in &m.records {
                prop_assert!(a.records.contains(r) || b.records.contains(r));
            }
            for w in m.records.windows(2) {
                prop_assert!((w[0].at, &w[0].id) <= (w[1].at, &w[1].id), "ordered by time, then id");
                prop_assert_ne!(&w[0], &w[1]);
            }
            let key = |h: &ConsentHistory| h.current().map(|r| (r.at, r.id.clone()));
            prop_assert_eq!(key(&m), key(&a).max(key(&b)));
        }

        #[test]
        fn encode_then_decode_is_the_identity(h in arb_history()) {
            prop_assert_eq!(decode(&encode(&h)), Ok(h));
        }

        #[test]
        fn a_cut_off_value_is_reported_never_misread(h in arb_history(), cut in any::<proptest::sample::Index>()) {
            let text = encode(&h);
            let mut at = cut.index(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let is_not_json = matches!(decode(&text[..at]), Err(StoreError::NotJson { .. }));
            prop_assert!(is_not_json);
        }

        #[test]
        fn decode_never_panics_on_text(text in ".{0,300}") {
            if let Ok(h) = decode(&text) {
                prop_assert_eq!(decode(&encode(&h)), Ok(h));
            }
        }

        #[test]
        fn decode_never_panics_on_json(value in arb_json(), version in prop_oneof![Just(1u64), Just(2), any::<u64>()]) {
            for candidate in [value.clone(), {
                let mut v = value.clone();
                if let Value::Object(map) = &mut v {
                    map.insert("v".into(), json!(version));
                }
                v
            }] {
                if let Ok(h) = decode(&candidate.to_string()) {
                    prop_assert_eq!(decode(&encode(&h)), Ok(h.clone()));
                    // Whatever decodes can be explained without panicking.
                    let _ = describe(&h, &cats());
                    let _ = receipt(&h, &cats(), &kestrel(), "u", "US", "p");
                    let _ = status(&h, &cats(), &versions("3"));
                    let _ = proposed_choices(&h, &cats(), BOTH);
                }
            }
        }

        #[test]
        fn decode_never_panics_on_near_valid_records(
            h in arb_history(),
            index in any::<proptest::sample::Index>(),
            key in proptest::sample::select(&["id", "at", "policy", "choices", "required", "method", "signals", "language"][..]),
            replacement in arb_json(),
        ) {
            let mut v: Value = serde_json::from_str(&encode(&h)).unwrap();
            if let Some(records) = v["records"].as_array_mut() && !records.is_empty() {
                let i = index.index(records.len());
                records[i][key] = replacement;
            }
            match decode(&v.to_string()) {
                Ok(decoded) => prop_assert_eq!(decode(&encode(&decoded)), Ok(decoded.clone())),
                // Emptied choices can also surface as a required category not granted.
                Err(StoreError::BadRecord { field, .. }) => prop_assert!(
                    field.starts_with(key) || (key == "choices" && field.starts_with("required")),
                    "{} reported at {}", key, field
                ),
                Err(other) => prop_assert!(false, "unexpected {other:?}"),
            }
        }
    }
}
