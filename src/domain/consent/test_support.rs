//! Helpers shared by the consent tests: times, policies, contexts, category sets, the
//! Kestrel controller and proptest strategies for records and histories.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use proptest::prelude::*;
use serde_json::json;

use crate::domain::consent::*;
use crate::domain::time::parse_instant;
use Choice::{Denied, Granted};

pub(crate) const GPC: Signals = Signals {
    gpc: true,
    dnt: false,
};
pub(crate) const DNT: Signals = Signals {
    gpc: false,
    dnt: true,
};
pub(crate) const BOTH: Signals = Signals {
    gpc: true,
    dnt: true,
};

pub(crate) fn t(text: &str) -> DateTime<Utc> {
    parse_instant(text).unwrap()
}

pub(crate) fn policy(version: &str) -> PolicyRef {
    PolicyRef::for_text(
        "privacy-policy",
        version,
        &format!("Privacy Policy, version {version}."),
    )
}

/// The real publication history: v1 and v2 material, v3 not.
pub(crate) fn versions(current: &str) -> PolicyVersion {
    let all = [("1", true), ("2", true), ("3", false)];
    let n = all.iter().position(|(v, _)| *v == current).unwrap();
    PolicyVersion::new(policy(current), all[..=n].iter().copied())
}

pub(crate) fn ctx(n: u8, at: &str, signals: Signals) -> Context {
    Context {
        id: RecordId::from_random_bytes(&[n; 16]),
        now: t(at),
        signals,
        language: "en-GB".into(),
    }
}

pub(crate) fn cats() -> CategorySet {
    CategorySet::default_set()
}

/// Before policy v2: only analytics and marketing were optional.
pub(crate) fn small_set() -> CategorySet {
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

pub(crate) fn all_optional(set: &CategorySet, choice: Choice) -> Vec<(String, Choice)> {
    set.optional().map(|c| (c.id.clone(), choice)).collect()
}

pub(crate) fn cat<'a>(set: &'a CategorySet, id: &str) -> &'a Category {
    set.get(id).unwrap()
}

pub(crate) fn kestrel() -> Controller {
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

pub(crate) fn arb_record() -> impl Strategy<Value = ConsentRecord> {
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
            |(id, at, mut choices, necessary, method, (gpc, dnt), language, version, hashed)| {
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

pub(crate) fn arb_history() -> impl Strategy<Value = ConsentHistory> {
    proptest::collection::vec(arb_record(), 0..6).prop_map(|records| ConsentHistory { records })
}
