//! The storage format's tests: v2 and v1 values, corrupt values reported precisely,
//! and properties of encode and decode.

use std::collections::BTreeSet;

use super::*;
use crate::domain::consent::test_support::*;
use crate::domain::consent::*;
use crate::domain::records::sha256::sha256_hex;
use Choice::{Denied, Granted};
use proptest::prelude::*;
use serde_json::json;

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
        describe(&crate::catalog::Catalog::en(), &h, &small_set()),
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
                    let _ = describe(&crate::catalog::Catalog::en(), &h, &cats());
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
