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

use crate::domain::wire::{Field, Object};

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
    contact: Field<String>,
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
    pub fn from_json(value: &Value) -> Result<ConsentConfig, Vec<String>> {
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
                let mut set = |field, key: &str, slot: &mut String| {
                    if let Some(v) = text(field, &format!("controller.{key}"), &mut problems) {
                        *slot = v;
                    }
                };
                set(c.name, "name", &mut to.name);
                set(c.contact, "contact", &mut to.contact);
                set(c.address, "address", &mut to.address);
                set(c.email, "email", &mut to.email);
                set(c.url, "url", &mut to.url);
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
            match CategorySet::from_json(&v) {
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
}

/// The hand-written reader that the derived one replaced, kept while comparing them.
#[cfg(test)]
mod old_reader {
    use serde_json::{Map, Value};

    use super::*;

    fn text(
        map: &Map<String, Value>,
        key: &str,
        path: &str,
        problems: &mut Vec<String>,
    ) -> Option<String> {
        match map.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Some(_) => {
                problems.push(format!("consent.{path}{key} must be a non-empty string."));
                None
            }
        }
    }

    impl ConsentConfig {
        /// Reads a set-up from the bundle's `consent` value; missing keys take the defaults.
        /// Every problem is listed (as sentences naming the key), and then nothing is used.
        pub(super) fn old_from_json(value: &Value) -> Result<ConsentConfig, Vec<String>> {
            let mut config = ConsentConfig::default();
            let Some(map) = value.as_object() else {
                return Err(vec![
                    "consent must be an object with keys such as \"categories\" and \"storage_key\"."
                        .into(),
                ]);
            };
            let mut problems = Vec::new();
            for key in map.keys() {
                if !KEYS.contains(&key.as_str()) {
                    problems.push(format!(
                        "consent has an unknown key \"{key}\"; the keys are {}.",
                        KEYS.join(", ")
                    ));
                }
            }
            if let Some(key) = text(map, "storage_key", "", &mut problems) {
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
            if let Some(doc) = text(map, "policy_document", "", &mut problems) {
                if crate::domain::documents::bundle::is_valid_id(&doc) {
                    config.policy_document = doc;
                } else {
                    problems.push(format!(
                        "consent.policy_document \"{doc}\" must be a document id such as \"privacy-policy\"."
                    ));
                }
            }
            if let Some(url) = text(map, "policy_url", "", &mut problems) {
                config.policy_url = url;
            }
            if let Some(j) = text(map, "jurisdiction", "", &mut problems) {
                config.jurisdiction = j;
            }
            match map.get("controller") {
                None | Some(Value::Null) => {}
                Some(Value::Object(c)) => {
                    let p = "controller.";
                    let c_ = &mut config.controller;
                    if let Some(v) = text(c, "name", p, &mut problems) {
                        c_.name = v;
                    }
                    if let Some(v) = text(c, "contact", p, &mut problems) {
                        c_.contact = v;
                    }
                    if let Some(v) = text(c, "address", p, &mut problems) {
                        c_.address = v;
                    }
                    if let Some(v) = text(c, "email", p, &mut problems) {
                        c_.email = v;
                    }
                    if let Some(v) = text(c, "url", p, &mut problems) {
                        c_.url = v;
                    }
                    c_.country = text(c, "country", p, &mut problems).or(c_.country.take());
                    c_.phone = text(c, "phone", p, &mut problems).or(c_.phone.take());
                }
                Some(_) => problems.push("consent.controller must be an object.".into()),
            }
            match map.get("categories") {
                None | Some(Value::Null) => {}
                Some(v) => match CategorySet::from_json(v) {
                    Ok(set) => config.categories = set,
                    Err(e) => problems.push(format!("consent.categories: {e}")),
                },
            }
            if problems.is_empty() {
                Ok(config)
            } else {
                Err(problems)
            }
        }
    }

    mod compare {
        use super::*;
        use proptest::prelude::*;
        use serde_json::json;

        fn leaf() -> impl Strategy<Value = Value> {
            prop_oneof![
                Just(Value::Null),
                any::<bool>().prop_map(Value::from),
                any::<i32>().prop_map(Value::from),
                Just(json!(1.5)),
                Just(json!([])),
                Just(json!(["x"])),
                Just(json!({})),
                prop::sample::select(vec![
                    "",
                    "  ",
                    " acme ",
                    "kl_consent",
                    "bad key!",
                    "privacy-policy",
                    "Privacy Policy",
                    "x",
                    "a-b_c",
                    "0123456789012345678901234567890123456789",
                    "01234567890123456789012345678901234567890",
                ])
                .prop_map(Value::from),
            ]
        }

        fn controller() -> impl Strategy<Value = Value> {
            let key = prop::sample::select(vec![
                "name", "contact", "address", "email", "url", "country", "phone", "other",
            ]);
            prop_oneof![
                4 => prop::collection::btree_map(key.prop_map(String::from), leaf(), 0..5)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
                1 => leaf(),
            ]
        }

        fn categories() -> impl Strategy<Value = Value> {
            prop_oneof![
                Just(CategorySet::default_set().to_json()),
                Just(json!([])),
                Just(json!([{"id": "Bad"}])),
                leaf(),
            ]
        }

        fn consent() -> impl Strategy<Value = Value> {
            let key = prop::sample::select(vec![
                "storage_key",
                "policy_document",
                "policy_url",
                "jurisdiction",
                "colour",
                "Storage_key",
                "zz",
            ]);
            let object = (
                prop::collection::btree_map(key.prop_map(String::from), leaf(), 0..6),
                prop::option::of(controller()),
                prop::option::of(categories()),
            )
                .prop_map(|(mut m, c, cats)| {
                    if let Some(c) = c {
                        m.insert("controller".into(), c);
                    }
                    if let Some(cats) = cats {
                        m.insert("categories".into(), cats);
                    }
                    Value::Object(m.into_iter().collect())
                });
            prop_oneof![8 => object, 1 => leaf()]
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(20_000))]
            #[test]
            fn the_derived_reader_reads_as_the_old_one(value in consent()) {
                prop_assert_eq!(
                    ConsentConfig::from_json(&value),
                    ConsentConfig::old_from_json(&value)
                );
            }
        }

        #[test]
        fn the_comparison_sees_ok_and_long_lists_of_problems() {
            use proptest::strategy::ValueTree;
            use proptest::test_runner::TestRunner;
            let mut runner = TestRunner::deterministic();
            let (mut ok, mut most) = (0, 0);
            for _ in 0..5_000 {
                let v = consent().new_tree(&mut runner).unwrap().current();
                match ConsentConfig::old_from_json(&v) {
                    Ok(_) => ok += 1,
                    Err(p) => most = most.max(p.len()),
                }
            }
            assert!(ok > 50 && most >= 6, "{ok} {most}");
        }
    }
}
