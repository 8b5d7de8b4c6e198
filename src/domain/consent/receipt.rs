//! A consent receipt for the current decision, shaped like a Kantara Consent Receipt
//! v1.1: [`receipt`], for the organisation responsible, the [`Controller`].

use serde::Serialize;
use serde_json::Value;

use super::{CategorySet, Choice, ConsentHistory, PolicyRef, describe};
use crate::catalog::Catalog;

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
/// The receipt is a machine-readable record for the controller (Kantara's fields, with
/// `language` the language the consent was given in), so its words stay English whatever
/// the UI's language: `history` is [`describe`] in English, and a service's `termination`
/// defaults to an English sentence. The preferences dialog shows the history in the
/// learner's language.
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
    let services = categories
        .optional()
        .filter(|c| record.learner_choice(&c.id) == Some(Choice::Granted))
        .map(|c| {
            let termination = if c.receipt.termination.trim().is_empty() {
                format!("Until you switch {} off in Privacy choices.", c.title)
            } else {
                c.receipt.termination.clone()
            };
            let purposes = c
                .purposes
                .iter()
                .map(|p| Purpose {
                    purpose: p,
                    purpose_category: &c.receipt.purpose_category,
                    consent_type: "EXPLICIT",
                    pii_category: &c.receipt.pii_category,
                    primary_purpose: false,
                    termination: termination.clone(),
                    third_party_disclosure: false,
                })
                .collect();
            Service {
                service: &c.title,
                purposes,
            }
        })
        .collect();
    let strictly_necessary = categories
        .required()
        .map(|c| NecessaryService {
            service: &c.title,
            purposes: &c.purposes,
            storage: &c.storage,
        })
        .collect();
    let wire = Receipt {
        version: RECEIPT_VERSION,
        jurisdiction,
        consent_timestamp: record.at.timestamp(),
        collection_method: record.method.collection_method(),
        consent_receipt_id: record.id.as_str(),
        language: &record.language,
        pii_principal_id: principal_id,
        pii_controllers: [PiiController {
            pii_controller: &controller.name,
            contact: &controller.contact,
            address: Address {
                street_address: &controller.address,
                address_country: controller.country.as_deref(),
            },
            email: &controller.email,
            phone: controller.phone.as_deref(),
            pii_controller_url: &controller.url,
        }],
        policy_url,
        services,
        sensitive: false,
        spi_cat: [],
        strictly_necessary,
        policy_text: &record.policy,
        history: describe(&Catalog::en(), history, categories),
    };
    serde_json::to_value(&wire).ok()
}

/// The receipt as it is written (Kantara's field names).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Receipt<'a> {
    version: &'static str,
    jurisdiction: &'a str,
    consent_timestamp: i64,
    collection_method: &'static str,
    #[serde(rename = "consentReceiptID")]
    consent_receipt_id: &'a str,
    language: &'a str,
    pii_principal_id: &'a str,
    pii_controllers: [PiiController<'a>; 1],
    policy_url: &'a str,
    services: Vec<Service<'a>>,
    sensitive: bool,
    spi_cat: [&'static str; 0],
    strictly_necessary: Vec<NecessaryService<'a>>,
    policy_text: &'a PolicyRef,
    history: Vec<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PiiController<'a> {
    pii_controller: &'a str,
    contact: &'a str,
    address: Address<'a>,
    email: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    phone: Option<&'a str>,
    pii_controller_url: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Address<'a> {
    street_address: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    address_country: Option<&'a str>,
}

#[derive(Serialize)]
struct Service<'a> {
    service: &'a str,
    purposes: Vec<Purpose<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Purpose<'a> {
    purpose: &'a str,
    purpose_category: &'a [String],
    consent_type: &'static str,
    pii_category: &'a [String],
    primary_purpose: bool,
    termination: String,
    third_party_disclosure: bool,
}

#[derive(Serialize)]
struct NecessaryService<'a> {
    service: &'a str,
    purposes: &'a [String],
    storage: &'a [String],
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
        assert_eq!(history[1], json!(describe(&Catalog::en(), &h, &cats)[1]));
    }
}

/// The receipt's exact text, captured from the hand-written `json!` builder this replaced.
#[cfg(test)]
mod exact {
    use super::*;
    use crate::domain::consent::test_support::*;
    use crate::domain::consent::*;
    use Choice::{Denied, Granted};

    #[test]
    fn receipts_are_byte_for_byte_what_they_were() {
        let cats = cats();
        let p = policy("3");
        let mut h = ConsentHistory::default();
        let first = ctx(1, "2026-11-24T10:00:00Z", Signals::NONE);
        let denied = all_optional(&cats, Denied);
        h.record(&cats, &p, first, Method::Banner, denied).unwrap();
        let second = ctx(2, "2026-11-25T10:00:00Z", Signals::NONE);
        let choices = [
            ("analytics", Granted),
            ("marketing", Denied),
            ("diagnostics", Denied),
            ("location", Granted),
        ];
        h.record(&cats, &p, second, Method::Preferences, choices)
            .unwrap();
        let policy_url = "https://kestrel-learning.example/#privacy-policy";
        let a = receipt(&h, &cats, &kestrel(), policy_url, "US-OR", "local-5b1f").unwrap();
        assert_eq!(serde_json::to_string_pretty(&a).unwrap(), RECEIPT_A);

        // No receipt terms (the generic termination), a phone and no country.
        let small = small_set();
        let mut h2 = ConsentHistory::default();
        let third = ctx(3, "2026-11-26T09:30:00Z", Signals::NONE);
        let choices = [("analytics", Granted), ("marketing", Granted)];
        h2.record(&small, &policy("2"), third, Method::Banner, choices)
            .unwrap();
        let mut c = kestrel();
        c.country = None;
        c.phone = Some("+1 503 555 0100".into());
        let b = receipt(&h2, &small, &c, "u", "GB", "p").unwrap();
        assert_eq!(serde_json::to_string_pretty(&b).unwrap(), RECEIPT_B);
    }

    const RECEIPT_A: &str = r#"{
  "collectionMethod": "Privacy choices page, where each optional category is switched on or off",
  "consentReceiptID": "02020202-0202-4202-8202-020202020202",
  "consentTimestamp": 1795600800,
  "history": [
    "On 2026-11-24 at 10:00 UTC you refused Analytics, Marketing email and promotions, Diagnostics and crash reports, and Approximate location, from the banner, under Privacy Policy version 3.",
    "On 2026-11-25 at 10:00 UTC you allowed Analytics and Approximate location and refused Marketing email and promotions and Diagnostics and crash reports, in Privacy choices, under Privacy Policy version 3."
  ],
  "jurisdiction": "US-OR",
  "language": "en-GB",
  "piiControllers": [
    {
      "address": {
        "addressCountry": "US",
        "streetAddress": "400 Alder Street, Suite 12, Portland, OR 97204"
      },
      "contact": "Privacy team",
      "email": "privacy@kestrel-learning.example",
      "piiController": "Kestrel Learning",
      "piiControllerUrl": "https://kestrel-learning.example"
    }
  ],
  "piiPrincipalId": "local-5b1f",
  "policyText": {
    "document": "privacy-policy",
    "sha256": "709ce1e1f0277f42398a7ac37244409c27afb53d6e26f21d5735e61d2ac3a6d9",
    "version": "3"
  },
  "policyUrl": "https://kestrel-learning.example/#privacy-policy",
  "sensitive": false,
  "services": [
    {
      "purposes": [
        {
          "consentType": "EXPLICIT",
          "piiCategory": [
            "5 - Network/Service",
            "15 - Behavioral"
          ],
          "primaryPurpose": false,
          "purpose": "Counts visits and measures which pages and features people use, so we can improve courses and fix confusing screens.",
          "purposeCategory": [
            "16 - Improve Performance"
          ],
          "termination": "Until you switch Analytics off in Privacy choices; analytics data is deleted or made anonymous after 14 months.",
          "thirdPartyDisclosure": false
        }
      ],
      "service": "Analytics"
    },
    {
      "purposes": [
        {
          "consentType": "EXPLICIT",
          "piiCategory": [
            "5 - Network/Service"
          ],
          "primaryPurpose": false,
          "purpose": "Estimates your city or region from your IP address to show local prices, nearby events and suitable time zones.",
          "purposeCategory": [
            "5 - Personalized Experience"
          ],
          "termination": "Until you switch Approximate location off in Privacy choices; the estimate is kept for 30 days.",
          "thirdPartyDisclosure": false
        }
      ],
      "service": "Approximate location"
    }
  ],
  "spiCat": [],
  "strictlyNecessary": [
    {
      "purposes": [
        "Keeps you signed in, protects your account and our forms from misuse, and remembers your privacy choices so we do not ask again."
      ],
      "service": "Strictly necessary",
      "storage": [
        "kl_session",
        "kl_csrf",
        "kl_consent"
      ]
    }
  ],
  "version": "KI-CR-v1.1.0"
}"#;

    const RECEIPT_B: &str = r#"{
  "collectionMethod": "Consent banner on the website, with every optional category off until switched on",
  "consentReceiptID": "03030303-0303-4303-8303-030303030303",
  "consentTimestamp": 1795685400,
  "history": [
    "On 2026-11-26 at 09:30 UTC you allowed Analytics and Marketing, from the banner, under Privacy Policy version 2."
  ],
  "jurisdiction": "GB",
  "language": "en-GB",
  "piiControllers": [
    {
      "address": {
        "streetAddress": "400 Alder Street, Suite 12, Portland, OR 97204"
      },
      "contact": "Privacy team",
      "email": "privacy@kestrel-learning.example",
      "phone": "+1 503 555 0100",
      "piiController": "Kestrel Learning",
      "piiControllerUrl": "https://kestrel-learning.example"
    }
  ],
  "piiPrincipalId": "p",
  "policyText": {
    "document": "privacy-policy",
    "sha256": "e381bc20ca605d4fb5d0e5eaef40ef30d0bb1c9066e4c9d00126febce03a5b5a",
    "version": "2"
  },
  "policyUrl": "u",
  "sensitive": false,
  "services": [
    {
      "purposes": [
        {
          "consentType": "EXPLICIT",
          "piiCategory": [],
          "primaryPurpose": false,
          "purpose": "Counts visits.",
          "purposeCategory": [],
          "termination": "Until you switch Analytics off in Privacy choices.",
          "thirdPartyDisclosure": false
        }
      ],
      "service": "Analytics"
    },
    {
      "purposes": [
        {
          "consentType": "EXPLICIT",
          "piiCategory": [],
          "primaryPurpose": false,
          "purpose": "Sends news.",
          "purposeCategory": [],
          "termination": "Until you switch Marketing off in Privacy choices.",
          "thirdPartyDisclosure": false
        }
      ],
      "service": "Marketing"
    }
  ],
  "spiCat": [],
  "strictlyNecessary": [
    {
      "purposes": [
        "Signs you in."
      ],
      "service": "Strictly necessary",
      "storage": [
        "kl_session"
      ]
    }
  ],
  "version": "KI-CR-v1.1.0"
}"#;
}
