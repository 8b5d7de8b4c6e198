//! A consent receipt for the current decision, shaped like a Kantara Consent Receipt
//! v1.1: [`receipt`], for the organisation responsible, the [`Controller`].

use serde_json::{Map, Value, json};

use super::{CategorySet, Choice, ConsentHistory, describe};

/// The Kantara Consent Receipt version [`receipt`] produces.
pub const RECEIPT_VERSION: &str = "KI-CR-v1.1.0";

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
    use crate::domain::consent::test_support::*;
    use crate::domain::consent::*;
    use Choice::{Denied, Granted};
    use serde_json::json;

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
}
