//! One decision: a [`ConsentRecord`], the [`Context`] it is made in, and why one could
//! not be made or added ([`RecordError`]).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;

use super::{CategorySet, Choice, Method, PolicyRef, Signals, is_valid_category_id};
use crate::domain::records::document_ref::DocumentRefProblem;
use crate::domain::records::field::shorten;
use crate::domain::records::id::RecordId;
use crate::domain::records::language::is_valid_language_tag;
use crate::domain::records::timestamp::serialize_instant;
use crate::domain::time::{self, format_instant};

/// A timestamp inside years 0000–9999, the range the text form can express.
fn time_in_range(t: DateTime<Utc>) -> bool {
    time::is_writable(t)
}

/// A value as JSON (keys in sorted order, as this module has always written them). Only
/// used for types whose serialisation cannot fail; `null` stands in should that change.
pub(crate) fn to_value(value: &impl Serialize) -> Value {
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
/// as one record of the storage format (see [`encode`](super::encode)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConsentRecord {
    /// Unique id (a UUID).
    pub id: RecordId,
    /// When the decision was made (UTC, whole seconds).
    #[serde(serialize_with = "serialize_instant")]
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
    pub(crate) fn check(&self) -> Result<(), RecordError> {
        if !time_in_range(self.at) {
            return Err(RecordError::TimeOutOfRange { at: self.at });
        }
        match self.policy.problem() {
            None => {}
            Some(DocumentRefProblem::Document) => {
                return Err(RecordError::BadPolicyDocument {
                    id: self.policy.document.clone(),
                });
            }
            Some(DocumentRefProblem::Version) => {
                return Err(RecordError::BadPolicyVersion {
                    label: self.policy.version.clone(),
                });
            }
            Some(DocumentRefProblem::Hash) => {
                return Err(RecordError::BadPolicyHash {
                    hash: self.policy.sha256.clone().unwrap_or_default(),
                });
            }
        }
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
    pub(crate) fn learner_choice(&self, category: &str) -> Option<Choice> {
        if self.required.contains(category) {
            None
        } else {
            self.choice(category)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::consent::test_support::*;
    use crate::domain::consent::*;
    use Choice::{Denied, Granted};

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
}
