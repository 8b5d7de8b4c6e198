//! Consent categories: one [`Category`], the checked [`CategorySet`] (by default the
//! Privacy Policy's table) and why a list was refused ([`CategoryError`]).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::Deserialize;
use serde_json::{Value, json};

use crate::domain::documents::bundle::DEFAULT_LANG;
use crate::domain::records::field::FieldProblem;
use crate::domain::wire::{Field, Object, kind_of};

use super::localized::localize;

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

/// A storage key: 1 to 128 characters, none of them whitespace or control characters.
fn is_valid_storage_key(key: &str) -> bool {
    !key.is_empty()
        && key.chars().count() <= 128
        && !key.chars().any(|c| c.is_whitespace() || c.is_control())
}

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

/// One category as written: every field read without failing, then checked in a fixed
/// order by [`CategoryWire::read`].
#[derive(Deserialize)]
struct CategoryWire {
    #[serde(default)]
    id: Field<String>,
    #[serde(default)]
    title: Field<Value>,
    #[serde(default)]
    purposes: Field<Vec<Field<Value>>>,
    #[serde(default)]
    storage: Field<Vec<Field<String>>>,
    #[serde(default)]
    required: Field<bool>,
    #[serde(default)]
    receipt: Field<Object<ReceiptWire>>,
}

/// A category's `receipt` as written.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ReceiptWire {
    #[serde(default)]
    purpose_category: Field<Vec<Field<String>>>,
    #[serde(default)]
    pii_category: Field<Vec<Field<String>>>,
    #[serde(default)]
    termination: Field<Value>,
}

/// A required field: its value, or what is wrong with it.
fn required<T>(field: Field<T>, expected: &'static str) -> Result<T, FieldProblem> {
    match field {
        Field::Ok(value) => Ok(value),
        Field::Absent | Field::Null => Err(FieldProblem::Missing { expected }),
        Field::Wrong(other) => Err(FieldProblem::wrong_type(&other, expected)),
    }
}

/// A list of strings; the error names the field (`key`, or `key[i]` for an item).
fn strings(
    field: Field<Vec<Field<String>>>,
    key: &str,
    expected: &'static str,
) -> Result<Vec<String>, (String, FieldProblem)> {
    let items = required(field, expected).map_err(|p| (key.to_string(), p))?;
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| match item {
            Field::Ok(text) => Ok(text),
            other => Err((
                format!("{key}[{i}]"),
                FieldProblem::WrongType {
                    expected: "a string",
                    found: other.found(),
                },
            )),
        })
        .collect()
}

/// A list of learner-facing texts (see [`localize`]), each read for `lang`; the error
/// names the field (`key[i]`, or `key[i].<tag>` for a text of a localized item).
fn texts(
    field: Field<Vec<Field<Value>>>,
    key: &str,
    expected: &'static str,
    lang: &str,
) -> Result<Vec<String>, (String, FieldProblem)> {
    let items = required(field, expected).map_err(|p| (key.to_string(), p))?;
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| match localize(item, lang) {
            Ok(Field::Ok(text)) => Ok(text),
            Ok(other) => Err((
                format!("{key}[{i}]"),
                FieldProblem::WrongType {
                    expected: "a string",
                    found: other.found(),
                },
            )),
            Err((tag, p)) => Err((at(&format!("{key}[{i}]"), tag), p)),
        })
        .collect()
}

/// The path of a localized text's problem: the field, or `field.<tag>`.
fn at(field: &str, tag: Option<String>) -> String {
    match tag {
        Some(tag) => format!("{field}.{tag}"),
        None => field.to_string(),
    }
}

impl CategoryWire {
    /// The category at `index` with its texts in `lang`, or the first problem in the
    /// order id, title, purposes, storage, required, receipt (whose termination is
    /// checked before its lists).
    fn read(self, index: usize, lang: &str) -> Result<Category, CategoryError> {
        let id_hint = match &self.id {
            Field::Ok(id) if is_valid_category_id(id) => Some(id.clone()),
            _ => None,
        };
        let bad = |field: String, problem| CategoryError::Field {
            index,
            id: id_hint.clone(),
            field,
            problem,
        };
        let id = required(self.id, ID_EXPECTED).map_err(|p| bad("id".into(), p))?;
        let title = localize(self.title, lang).map_err(|(tag, p)| bad(at("title", tag), p))?;
        let title = required(title, "the name learners see, such as \"Analytics\"")
            .map_err(|p| bad("title".into(), p))?;
        let purposes = texts(
            self.purposes,
            "purposes",
            "a list of sentences saying what the category is for",
            lang,
        )
        .map_err(|(f, p)| bad(f, p))?;
        let storage = strings(
            self.storage,
            "storage",
            "a list of the cookies and storage keys it covers (may be empty)",
        )
        .map_err(|(f, p)| bad(f, p))?;
        let required = match self.required {
            Field::Ok(flag) => flag,
            Field::Absent | Field::Null => {
                return Err(bad(
                    "required".into(),
                    FieldProblem::Missing {
                        expected: "true for strictly necessary storage, false for an optional category",
                    },
                ));
            }
            Field::Wrong(other) => {
                return Err(bad(
                    "required".into(),
                    FieldProblem::wrong_type(&other, "true or false"),
                ));
            }
        };
        let receipt = match self.receipt {
            Field::Absent | Field::Null => ReceiptTerms::default(),
            Field::Ok(Object(r)) => {
                let termination = localize(r.termination, lang)
                    .map_err(|(tag, p)| bad(at("receipt.termination", tag), p))?;
                let termination = match termination {
                    Field::Absent | Field::Null => String::new(),
                    Field::Ok(text) => text,
                    Field::Wrong(other) => {
                        return Err(bad(
                            "receipt.termination".into(),
                            FieldProblem::wrong_type(
                                &other,
                                "a sentence saying when consent or the data ends",
                            ),
                        ));
                    }
                };
                let list = |field: Field<Vec<Field<String>>>, key: &str| match field {
                    Field::Absent | Field::Null => Ok(Vec::new()),
                    field => strings(field, key, "a list of Kantara categories")
                        .map_err(|(f, p)| bad(format!("receipt.{f}"), p)),
                };
                ReceiptTerms {
                    purpose_category: list(r.purpose_category, "purposeCategory")?,
                    pii_category: list(r.pii_category, "piiCategory")?,
                    termination,
                }
            }
            Field::Wrong(other) => {
                return Err(bad(
                    "receipt".into(),
                    FieldProblem::wrong_type(
                        &other,
                        "an object with \"purposeCategory\", \"piiCategory\" and \"termination\"",
                    ),
                ));
            }
        };
        Ok(Category {
            id,
            title,
            purposes,
            storage,
            required,
            receipt,
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
        CategorySet::from_json_in(value, DEFAULT_LANG)
    }

    /// [`CategorySet::from_json`] with the learner-facing texts (`title`, each of
    /// `purposes`, `receipt.termination`) in `lang`, a BCP 47 tag: each may be a string or
    /// an object of language tag → string, read as the module `localized` says (the
    /// language, else one of the same primary subtag, else `en`, else the first). Every
    /// text of such an object is checked, whichever is read. [`CategorySet::from_json`]
    /// reads them in English.
    ///
    /// ```
    /// use serde_json::json;
    /// use terms_widget::domain::consent::CategorySet;
    /// let value = json!([
    ///     {"id": "necessary", "title": {"en": "Strictly necessary", "es": "Estrictamente necesarias"},
    ///      "purposes": [{"en": "Signs you in.", "es": "Inicia tu sesión."}],
    ///      "storage": ["kl_session"], "required": true}
    /// ]);
    /// let es = CategorySet::from_json_in(&value, "es-MX").unwrap();
    /// assert_eq!(es.categories()[0].title, "Estrictamente necesarias");
    /// assert_eq!(es.categories()[0].purposes, ["Inicia tu sesión."]);
    /// let fr = CategorySet::from_json_in(&value, "fr").unwrap();
    /// assert_eq!(fr.categories()[0].title, "Strictly necessary");
    ///
    /// let err = CategorySet::from_json_in(&json!([{"id": "a", "title": {"en": "A", "es": ""},
    ///     "purposes": ["x"], "storage": [], "required": false}]), "en").unwrap_err();
    /// assert!(err.to_string().contains("field \"title.es\": it is empty"));
    /// ```
    pub fn from_json_in(value: &Value, lang: &str) -> Result<CategorySet, CategoryError> {
        let Value::Array(items) = value else {
            return Err(CategoryError::NotAList {
                found: kind_of(value),
            });
        };
        let categories = items
            .iter()
            .enumerate()
            .map(
                |(index, item)| match Object::<CategoryWire>::deserialize(item) {
                    Ok(Object(wire)) => wire.read(index, lang),
                    Err(_) => Err(CategoryError::NotAnObject {
                        index,
                        found: kind_of(item),
                    }),
                },
            )
            .collect::<Result<Vec<_>, _>>()?;
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

#[cfg(test)]
mod tests;
