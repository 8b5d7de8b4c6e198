//! Whether to ask the learner (again), [`status`], and what their decisions allow now
//! under the policy in force, [`Standing`].

use std::fmt;

use super::history::is_granted;
use super::{Category, CategorySet, ConsentHistory, ConsentRecord, PolicyRef};
use crate::domain::documents::bundle::Bundle;

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
    /// The SHA-256 of the current version's text in the bundle's other languages (64
    /// lowercase hex digits each): a decision made under any of them stands, being the
    /// same version translated. Empty from [`PolicyVersion::new`]; filled by
    /// [`PolicyVersion::from_bundle`].
    pub translations: Vec<String>,
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
            translations: Vec::new(),
        }
    }

    /// The policy `document` of `bundle` as a learner reading `lang` (a BCP 47 tag) is
    /// shown it: `current` is the text [`Bundle::for_language`] shows (so a record binds
    /// to it), `versions` the primary document's full history (a translation may have
    /// fewer versions), and `translations` the hashes of the current version's other
    /// texts, so that a decision made in one language still stands in another. `None`
    /// when the bundle has no such document.
    ///
    /// ```
    /// use terms_widget::domain::consent::PolicyVersion;
    /// use terms_widget::domain::documents::bundle::load_json;
    /// let bundle = load_json(r#"{"format":"terms-widget/bundle@1","documents":[
    ///   {"id":"privacy-policy","title":"Privacy Policy","versions":[
    ///     {"version":"1","effective":"2024-01-01","summary":"First.","material":true,"body":"Old."},
    ///     {"version":"2","effective":"2025-01-01","summary":"New.","material":true,"body":"New."}]},
    ///   {"id":"privacy-policy","lang":"es","title":"Política de privacidad","versions":[
    ///     {"version":"2","effective":"2025-01-01","summary":"Nueva.","material":true,"body":"Nuevo."}]}]}"#)
    ///     .bundle;
    /// let es = PolicyVersion::from_bundle(&bundle, "privacy-policy", "es").unwrap();
    /// let en = PolicyVersion::from_bundle(&bundle, "privacy-policy", "en").unwrap();
    /// assert_eq!(es.current.version, "2");
    /// assert_ne!(es.current.sha256, en.current.sha256);
    /// assert_eq!(es.versions.len(), 2);
    /// assert_eq!(es.translations, [en.current.sha256.clone().unwrap()]);
    /// ```
    ///
    /// [`Bundle::for_language`]: crate::domain::documents::bundle::Bundle::for_language
    pub fn from_bundle(bundle: &Bundle, document: &str, lang: &str) -> Option<PolicyVersion> {
        let primary = bundle.document(document)?;
        let shown = bundle.document_in(document, lang)?.current();
        let label = &primary.current().version;
        let shown_sha256 = shown.text_sha256();
        let mut policy = PolicyVersion::new(
            PolicyRef {
                document: document.into(),
                version: shown.version.clone(),
                sha256: Some(shown_sha256.clone()),
            },
            primary
                .versions
                .iter()
                .map(|v| (v.version.clone(), v.material)),
        );
        policy.translations = std::iter::once(primary)
            .chain(bundle.translations_of(document))
            .filter_map(|d| d.version(label))
            .map(|v| v.text_sha256())
            .filter(|sha256| *sha256 != shown_sha256)
            .collect();
        Some(policy)
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
    /// The version agreed to is the current one, but its text now has another SHA-256
    /// (and so has none of its translations, see [`PolicyVersion::translations`]).
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
            && !policy.translations.contains(a)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::consent::history::is_granted;
    use crate::domain::consent::test_support::*;
    use crate::domain::consent::*;
    use Choice::{Denied, Granted};

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

    #[test]
    fn a_decision_stands_in_every_language_of_the_same_version() {
        let bundle = crate::domain::documents::bundle::load_value(&serde_json::json!({
            "format": crate::domain::documents::bundle::FORMAT,
            "documents": [
                {"id": "privacy-policy", "title": "Privacy Policy", "versions": [
                    {"version": "1", "effective": "2024-01-01", "summary": "s", "material": true, "body": "Old."},
                    {"version": "2", "effective": "2025-01-01", "summary": "s", "material": false, "body": "New."}]},
                {"id": "privacy-policy", "lang": "es", "title": "Política", "versions": [
                    {"version": "2", "effective": "2025-01-01", "summary": "s", "material": false, "body": "Nuevo."}]},
                {"id": "privacy-policy", "lang": "fr", "title": "Politique", "versions": [
                    {"version": "1", "effective": "2024-01-01", "summary": "s", "material": true, "body": "Ancien."}]}
            ]
        }))
        .bundle;
        let cats = cats();
        let under =
            |lang: &str| PolicyVersion::from_bundle(&bundle, "privacy-policy", lang).unwrap();
        let (en, es, fr) = (under("en"), under("es-MX"), under("fr"));
        assert_eq!(
            es.current,
            PolicyRef::for_text("privacy-policy", "2", "Nuevo.")
        );
        assert_eq!(
            en.current,
            PolicyRef::for_text("privacy-policy", "2", "New.")
        );
        assert_eq!(
            fr.current, en.current,
            "no French text of the current version"
        );
        assert_eq!(
            es.versions, en.versions,
            "the whole history, even in Spanish"
        );
        assert_eq!(es.versions.len(), 2);
        assert!(PolicyVersion::from_bundle(&bundle, "cookie-notice", "es").is_none());

        let decided_under = |policy: &PolicyRef| {
            let mut h = ConsentHistory::default();
            h.record(
                &cats,
                policy,
                ctx(1, "2025-03-01T09:00:00Z", Signals::NONE),
                Method::Banner,
                all_optional(&cats, Granted),
            )
            .unwrap();
            h
        };
        // Agreed in English, read in Spanish, and the other way round: it stands.
        let h = decided_under(&en.current);
        assert_eq!(status(&h, &cats, &es), ConsentStatus::Current);
        assert!(!Standing::new(&h, &es).suspended());
        let h = decided_under(&es.current);
        assert_eq!(status(&h, &cats, &en), ConsentStatus::Current);
        // An older version agreed in English is judged on the full history in Spanish.
        let h = decided_under(&PolicyRef::for_text("privacy-policy", "1", "Old."));
        assert_eq!(
            status(&h, &cats, &es),
            ConsentStatus::Current,
            "v2 is not material"
        );
        // A text that is in no language is a changed text.
        let h = decided_under(&PolicyRef::for_text("privacy-policy", "2", "Edited."));
        assert_eq!(
            status(&h, &cats, &es),
            ConsentStatus::NeedsReconsent {
                reasons: vec![Reason::PolicyTextChanged {
                    version: "2".into()
                }]
            }
        );
    }
}
