//! How a platform asks for consent: its categories, where choices are stored, and who
//! is responsible (for receipts). Carried in the content bundle as `"consent"`; every key
//! is optional and defaults to Kestrel Learning's set-up.
//!
//! ```json
//! "consent": {
//!   "storage_key": "kl_consent",
//!   "policy_document": "privacy-policy",
//!   "policy_url": "https://kestrel-learning.example/privacy",
//!   "jurisdiction": "US-OR",
//!   "controller": { "name": "Kestrel Learning", "contact": "Privacy team",
//!                   "address": "…", "country": "US",
//!                   "email": "privacy@kestrel-learning.example",
//!                   "url": "https://kestrel-learning.example" },
//!   "categories": [ { "id": "necessary", "title": "Strictly necessary", … }, … ]
//! }
//! ```
//!
//! ```
//! use serde_json::json;
//! use terms_widget::domain::consent::config::ConsentConfig;
//!
//! let config = ConsentConfig::from_json(&json!({"storage_key": "acme_consent"})).unwrap();
//! assert_eq!(config.storage_key, "acme_consent");
//! assert!(config.categories.get("analytics").is_some(), "the default categories");
//!
//! let problems = ConsentConfig::from_json(&json!({"storage_key": "no spaces"})).unwrap_err();
//! assert!(problems[0].contains("storage_key"));
//! ```

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

use crate::domain::documents::bundle::DEFAULT_LANG;
use crate::domain::wire::{Field, Object};

use super::localized::localize;
use super::{CategorySet, Controller};

/// A platform's consent set-up.
#[derive(Debug, Clone, PartialEq)]
pub struct ConsentConfig {
    /// Base of the browser-storage keys (`{key}.v2` holds the history).
    pub storage_key: String,
    /// Id of the document whose exact version a decision is bound to.
    pub policy_document: String,
    /// Public address of the privacy policy, for receipts.
    pub policy_url: String,
    /// Jurisdiction named in receipts, e.g. `US-OR`.
    pub jurisdiction: String,
    /// Who is responsible for the data, for receipts.
    pub controller: Controller,
    /// The consent categories.
    pub categories: CategorySet,
}

impl Default for ConsentConfig {
    /// Kestrel Learning's set-up, matching the default Privacy Policy.
    fn default() -> Self {
        ConsentConfig {
            storage_key: super::STORAGE_KEY.to_string(),
            policy_document: "privacy-policy".into(),
            policy_url: "https://kestrel-learning.example/privacy".into(),
            jurisdiction: "US-OR".into(),
            controller: Controller {
                name: "Kestrel Learning".into(),
                contact: "Privacy team".into(),
                address: "400 Alder Street, Suite 12, Portland, OR 97204, USA".into(),
                country: Some("US".into()),
                email: "privacy@kestrel-learning.example".into(),
                phone: None,
                url: "https://kestrel-learning.example".into(),
            },
            categories: CategorySet::default_set(),
        }
    }
}

/// The keys `consent` may have.
const KEYS: [&str; 6] = [
    "storage_key",
    "policy_document",
    "policy_url",
    "jurisdiction",
    "controller",
    "categories",
];

/// The bundle's `consent` as written: every key read without failing, then checked in
/// a fixed order by [`ConsentConfig::from_json`]. Keys it doesn't name are kept, to be
/// reported.
#[derive(Deserialize)]
struct ConsentWire {
    #[serde(default)]
    storage_key: Field<String>,
    #[serde(default)]
    policy_document: Field<String>,
    #[serde(default)]
    policy_url: Field<String>,
    #[serde(default)]
    jurisdiction: Field<String>,
    #[serde(default)]
    controller: Field<Object<ControllerWire>>,
    #[serde(default)]
    categories: Option<Value>,
    #[serde(flatten)]
    unknown: BTreeMap<String, Value>,
}

/// `consent.controller` as written (other keys are ignored).
#[derive(Deserialize)]
struct ControllerWire {
    #[serde(default)]
    name: Field<String>,
    #[serde(default)]
    contact: Field<Value>,
    #[serde(default)]
    address: Field<String>,
    #[serde(default)]
    email: Field<String>,
    #[serde(default)]
    url: Field<String>,
    #[serde(default)]
    country: Field<String>,
    #[serde(default)]
    phone: Field<String>,
}

/// An optional non-blank string, trimmed; anything else but absent or `null` is a
/// problem, named by its path under `consent`.
fn text(field: Field<String>, path: &str, problems: &mut Vec<String>) -> Option<String> {
    match field {
        Field::Absent | Field::Null => None,
        Field::Ok(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Field::Ok(_) | Field::Wrong(_) => {
            problems.push(format!("consent.{path} must be a non-empty string."));
            None
        }
    }
}

impl ConsentConfig {
    /// Reads a set-up from the bundle's `consent` value; missing keys take the defaults.
    /// Every problem is listed (as sentences naming the key), and then nothing is used.
    /// Learner-facing texts given in several languages are read in English (see
    /// [`ConsentConfig::from_json_in`]).
    pub fn from_json(value: &Value) -> Result<ConsentConfig, Vec<String>> {
        ConsentConfig::from_json_in(value, DEFAULT_LANG)
    }

    /// [`ConsentConfig::from_json`] with the learner-facing texts in `lang` (a BCP 47 tag
    /// such as `es-MX`): the categories' `title`, `purposes` and `receipt.termination`,
    /// and `controller.contact`, may each be a string or an object of language tag →
    /// string, and such an object
    /// gives the text of `lang`, else of a tag with the same primary subtag, else of
    /// `en`, else its first (see [`CategorySet::from_json_in`]). The problems are the
    /// same whatever `lang` is.
    ///
    /// ```
    /// use serde_json::json;
    /// use terms_widget::domain::consent::config::ConsentConfig;
    /// let value = json!({"categories": [
    ///     {"id": "necessary", "title": {"en": "Strictly necessary", "es": "Estrictamente necesarias"},
    ///      "purposes": ["Signs you in."], "storage": ["kl_session"], "required": true}]});
    /// let es = ConsentConfig::from_json_in(&value, "es").unwrap();
    /// assert_eq!(es.categories.categories()[0].title, "Estrictamente necesarias");
    /// assert_eq!(es.categories.categories()[0].purposes, ["Signs you in."]);
    /// let en = ConsentConfig::from_json(&value).unwrap();
    /// assert_eq!(en.categories.categories()[0].title, "Strictly necessary");
    /// ```
    pub fn from_json_in(value: &Value, lang: &str) -> Result<ConsentConfig, Vec<String>> {
        let mut config = ConsentConfig::default();
        let Ok(Object(wire)) = Object::<ConsentWire>::deserialize(value) else {
            return Err(vec![
                "consent must be an object with keys such as \"categories\" and \"storage_key\"."
                    .into(),
            ]);
        };
        let mut problems = Vec::new();
        for key in wire.unknown.keys() {
            problems.push(format!(
                "consent has an unknown key \"{key}\"; the keys are {}.",
                KEYS.join(", ")
            ));
        }
        if let Some(key) = text(wire.storage_key, "storage_key", &mut problems) {
            if key.len() <= 40
                && key
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
            {
                config.storage_key = key;
            } else {
                problems.push(format!(
                    "consent.storage_key \"{key}\" must be 1 to 40 letters, digits, '_' or '-', such as \"kl_consent\"."
                ));
            }
        }
        if let Some(doc) = text(wire.policy_document, "policy_document", &mut problems) {
            if crate::domain::documents::bundle::is_valid_id(&doc) {
                config.policy_document = doc;
            } else {
                problems.push(format!(
                    "consent.policy_document \"{doc}\" must be a document id such as \"privacy-policy\"."
                ));
            }
        }
        if let Some(url) = text(wire.policy_url, "policy_url", &mut problems) {
            config.policy_url = url;
        }
        if let Some(j) = text(wire.jurisdiction, "jurisdiction", &mut problems) {
            config.jurisdiction = j;
        }
        match wire.controller {
            Field::Absent | Field::Null => {}
            Field::Ok(Object(c)) => {
                let to = &mut config.controller;
                let set = |field, key: &str, slot: &mut String, problems: &mut Vec<String>| {
                    if let Some(v) = text(field, &format!("controller.{key}"), problems) {
                        *slot = v;
                    }
                };
                set(c.name, "name", &mut to.name, &mut problems);
                // Learners read it in receipts: it may be given per language.
                match localize(c.contact, lang) {
                    Ok(contact) => set(contact, "contact", &mut to.contact, &mut problems),
                    Err((tag, p)) => problems.push(match tag {
                        Some(tag) => format!("consent.controller.contact.{tag}: {p}."),
                        None => format!("consent.controller.contact: {p}."),
                    }),
                }
                set(c.address, "address", &mut to.address, &mut problems);
                set(c.email, "email", &mut to.email, &mut problems);
                set(c.url, "url", &mut to.url, &mut problems);
                if let Some(v) = text(c.country, "controller.country", &mut problems) {
                    to.country = Some(v);
                }
                if let Some(v) = text(c.phone, "controller.phone", &mut problems) {
                    to.phone = Some(v);
                }
            }
            Field::Wrong(_) => problems.push("consent.controller must be an object.".into()),
        }
        if let Some(v) = wire.categories {
            match CategorySet::from_json_in(&v, lang) {
                Ok(set) => config.categories = set,
                Err(e) => problems.push(format!("consent.categories: {e}")),
            }
        }
        if problems.is_empty() {
            Ok(config)
        } else {
            Err(problems)
        }
    }

    /// The set-up as JSON, in the shape [`ConsentConfig::from_json`] reads.
    pub fn to_json(&self) -> Value {
        let c = &self.controller;
        let mut controller = serde_json::json!({
            "name": c.name, "contact": c.contact, "address": c.address,
            "email": c.email, "url": c.url,
        });
        if let Some(map) = controller.as_object_mut() {
            if let Some(country) = &c.country {
                map.insert("country".into(), Value::String(country.clone()));
            }
            if let Some(phone) = &c.phone {
                map.insert("phone".into(), Value::String(phone.clone()));
            }
        }
        serde_json::json!({
            "storage_key": self.storage_key,
            "policy_document": self.policy_document,
            "policy_url": self.policy_url,
            "jurisdiction": self.jurisdiction,
            "controller": controller,
            "categories": self.categories.to_json(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn defaults_round_trip() {
        let d = ConsentConfig::default();
        assert_eq!(ConsentConfig::from_json(&d.to_json()), Ok(d.clone()));
        assert_eq!(ConsentConfig::from_json(&json!({})), Ok(d));
    }

    #[test]
    fn every_problem_is_listed() {
        let p = ConsentConfig::from_json(&json!({
            "storage_key": "bad key!",
            "policy_document": "Privacy Policy",
            "controller": {"name": ""},
            "categories": [],
            "colour": "red",
        }))
        .unwrap_err();
        let all = p.join("\n");
        assert_eq!(p.len(), 5, "{all}");
        assert!(all.contains("unknown key \"colour\""));
        assert!(all.contains("consent.storage_key \"bad key!\""));
        assert!(all.contains("consent.policy_document \"Privacy Policy\""));
        assert!(all.contains("consent.controller.name must be a non-empty string"));
        assert!(all.contains("consent.categories:"));
        assert!(ConsentConfig::from_json(&json!([1])).is_err());
    }

    #[test]
    fn partial_set_ups_keep_the_rest() {
        let c = ConsentConfig::from_json(&json!({
            "controller": {"name": "Acme", "phone": "+1 555 0100"},
            "jurisdiction": "GB"
        }))
        .unwrap();
        assert_eq!(c.controller.name, "Acme");
        assert_eq!(c.controller.phone.as_deref(), Some("+1 555 0100"));
        assert_eq!(c.controller.email, "privacy@kestrel-learning.example");
        assert_eq!(c.jurisdiction, "GB");
    }

    /// Every problem list, word for word and in order, with the JSON that causes it.
    #[test]
    fn problems_are_exact_and_in_order() {
        let cases: [(&str, &[&str]); 10] = [
            (
                r#"[1]"#,
                &[r#"consent must be an object with keys such as "categories" and "storage_key"."#],
            ),
            (
                r#"null"#,
                &[r#"consent must be an object with keys such as "categories" and "storage_key"."#],
            ),
            (
                r#""consent""#,
                &[r#"consent must be an object with keys such as "categories" and "storage_key"."#],
            ),
            (
                r#"{"categories":[],"colour":"red","controller":{"name":""},"policy_document":"Privacy Policy","storage_key":"bad key!"}"#,
                &[
                    r#"consent has an unknown key "colour"; the keys are storage_key, policy_document, policy_url, jurisdiction, controller, categories."#,
                    r#"consent.storage_key "bad key!" must be 1 to 40 letters, digits, '_' or '-', such as "kl_consent"."#,
                    r#"consent.policy_document "Privacy Policy" must be a document id such as "privacy-policy"."#,
                    r#"consent.controller.name must be a non-empty string."#,
                    r#"consent.categories: The list of consent categories is empty: add at least one category."#,
                ],
            ),
            (
                r#"{"Alpha":2,"jurisdiction":[],"policy_document":"","policy_url":"  ","storage_key":5,"zeta":1}"#,
                &[
                    r#"consent has an unknown key "Alpha"; the keys are storage_key, policy_document, policy_url, jurisdiction, controller, categories."#,
                    r#"consent has an unknown key "zeta"; the keys are storage_key, policy_document, policy_url, jurisdiction, controller, categories."#,
                    r#"consent.storage_key must be a non-empty string."#,
                    r#"consent.policy_document must be a non-empty string."#,
                    r#"consent.policy_url must be a non-empty string."#,
                    r#"consent.jurisdiction must be a non-empty string."#,
                ],
            ),
            (
                r#"{"storage_key":"01234567890123456789012345678901234567890"}"#,
                &[
                    r#"consent.storage_key "01234567890123456789012345678901234567890" must be 1 to 40 letters, digits, '_' or '-', such as "kl_consent"."#,
                ],
            ),
            (
                r#"{"controller":3}"#,
                &[r#"consent.controller must be an object."#],
            ),
            (
                r#"{"categories":{},"controller":[]}"#,
                &[
                    r#"consent.controller must be an object."#,
                    r#"consent.categories: The consent categories are an object, but they must be a list of category objects."#,
                ],
            ),
            (
                r#"{"controller":{"address":null,"contact":"","country":2,"email":[],"fax":1,"name":1,"phone":"","url":" "}}"#,
                &[
                    r#"consent.controller.name must be a non-empty string."#,
                    r#"consent.controller.contact must be a non-empty string."#,
                    r#"consent.controller.email must be a non-empty string."#,
                    r#"consent.controller.url must be a non-empty string."#,
                    r#"consent.controller.country must be a non-empty string."#,
                    r#"consent.controller.phone must be a non-empty string."#,
                ],
            ),
            (
                r#"{"categories":[{"id":"Bad"}]}"#,
                &[
                    r#"consent.categories: Consent category #1, field "title": it is missing; give the name learners see, such as "Analytics"."#,
                ],
            ),
        ];
        for (text, problems) in cases {
            let value: Value = serde_json::from_str(text).unwrap();
            assert_eq!(
                ConsentConfig::from_json(&value),
                Err(problems.iter().map(|p| p.to_string()).collect()),
                "{text}"
            );
        }
    }

    #[test]
    fn the_controller_s_contact_may_be_given_per_language() {
        let value = json!({"controller": {"contact": {"en": "Privacy team", "es": "Equipo de privacidad"}}});
        let es = ConsentConfig::from_json_in(&value, "es-ES").unwrap();
        assert_eq!(es.controller.contact, "Equipo de privacidad");
        assert_eq!(
            ConsentConfig::from_json(&value).unwrap(),
            ConsentConfig::default()
        );
        let problems = |contact: Value| {
            ConsentConfig::from_json_in(
                &json!({"controller": {"name": 1, "contact": contact}}),
                "es",
            )
            .unwrap_err()
        };
        assert_eq!(
            problems(json!({"en": "Privacy team", "es": ""})),
            [
                "consent.controller.name must be a non-empty string.",
                "consent.controller.contact.es: it is empty; give the text in that language, or leave the language out.",
            ]
        );
        assert_eq!(
            problems(json!({}))[1],
            "consent.controller.contact: it is empty; give a text, or an object of texts by language such as {\"en\": \"…\", \"es\": \"…\"}."
        );
        assert_eq!(
            problems(json!(["Privacy team"]))[1],
            "consent.controller.contact must be a non-empty string."
        );
    }
}
