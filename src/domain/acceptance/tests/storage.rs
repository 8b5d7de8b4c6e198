use serde_json::{Value, json};

use crate::domain::acceptance::test_support::*;
use crate::domain::acceptance::*;
use crate::domain::records::envelope::EnvelopeProblem;
use crate::domain::records::field::FieldProblem;

fn stored_history() -> (AcceptanceHistory, String) {
    let b = bundle();
    let mut h = AcceptanceHistory::default();
    accept(
        &mut h,
        &b,
        &ctx(1, "2026-03-01T10:00:00Z", Scope::Platform),
        10,
        &[("terms-of-use", "2"), ("honor-code", "3")],
    );
    accept(
        &mut h,
        &b,
        &ctx(2, "2026-03-02T10:00:00Z", course("ml-101")),
        20,
        &[("honor-code", "3")],
    );
    let text = encode(&h);
    (h, text)
}

#[test]
fn the_store_round_trips_under_a_namespaced_versioned_key() {
    let (h, text) = stored_history();
    assert_eq!(STORAGE_KEY, "kl_acceptance.v1");
    assert_eq!(storage::OUTBOX_KEY, "kl_acceptance.outbox.v1");
    assert!(text.starts_with("{\"v\":1,\"records\":[{\"id\":"));
    assert_eq!(decode(&text), Ok(h));
    assert_eq!(corrupt_key(5), "kl_acceptance.v1.corrupt.5");
}

/// The fuzz target's seeds are valid values.
#[test]
fn the_fuzz_seeds_decode() {
    let history = decode(include_str!(
        "../../../../fuzz/seeds/acceptance_store/history.json"
    ))
    .unwrap();
    assert_eq!(history.records.len(), 2);
    let outbox = crate::domain::records::outbox::Outbox::decode(include_str!(
        "../../../../fuzz/seeds/acceptance_store/outbox.json"
    ))
    .unwrap();
    assert_eq!((outbox.entries.len(), outbox.delivered.len()), (1, 1));
}

/// Each corrupt or foreign value is reported, with where and what.
#[test]
fn corrupt_and_foreign_values_are_reported_never_dropped() {
    let (_, text) = stored_history();
    let cut = &text[..text.len() / 2];
    assert!(matches!(
        decode(cut),
        Err(StoreError::Envelope(EnvelopeProblem::NotJson { .. }))
    ));
    assert!(
        decode(cut)
            .unwrap_err()
            .to_string()
            .contains("probably cut off while being written")
    );
    assert!(matches!(
        decode(""),
        Err(StoreError::Envelope(EnvelopeProblem::NotJson { .. }))
    ));
    assert!(matches!(
        decode("hello"),
        Err(StoreError::Envelope(EnvelopeProblem::NotJson { .. }))
    ));
    assert_eq!(
        decode("[]"),
        Err(StoreError::Envelope(EnvelopeProblem::NotAnObject {
            found: "a list"
        }))
    );
    assert_eq!(
        decode("\"kl\""),
        Err(StoreError::Envelope(EnvelopeProblem::NotAnObject {
            found: "a string"
        }))
    );
    assert_eq!(
        decode("{\"records\":[]}"),
        Err(StoreError::Envelope(EnvelopeProblem::MissingVersion))
    );
    // The consent store's values (v2, and the v1 flat record) are foreign here.
    assert_eq!(
        decode(r#"{"v":2,"records":[]}"#),
        Err(StoreError::UnknownVersion { version: 2 })
    );
    let consent_v1 =
        r#"{"v":1,"choices":{"analytics":true},"at":"2025-03-01T09:30:00Z","policy_version":"2"}"#;
    assert_eq!(
        decode(consent_v1),
        Err(StoreError::BadRecords(FieldProblem::Missing {
            expected: "a list of acceptance records"
        }))
    );
    assert!(
        decode(consent_v1)
            .unwrap_err()
            .to_string()
            .starts_with("In the saved acceptances, field \"records\": it is missing")
    );
    assert!(matches!(
        decode(r#"{"v":1,"records":{}}"#),
        Err(StoreError::BadRecords(FieldProblem::WrongType {
            found: "an object",
            ..
        }))
    ));
}

/// A stored record with one field spoilt at a time: the error names the record and the
/// field.
#[test]
fn every_field_of_a_stored_record_is_checked() {
    let (h, text) = stored_history();
    let good: Value = serde_json::from_str(&text).unwrap();
    let spoil = |index: usize, path: &[&str], value: Option<Value>| -> String {
        let mut v = good.clone();
        let mut target = &mut v["records"][index];
        for key in &path[..path.len() - 1] {
            target = &mut target[*key];
        }
        let last = path[path.len() - 1];
        match value {
            Some(x) => target[last] = x,
            None => {
                target.as_object_mut().unwrap().remove(last);
            }
        }
        decode(&v.to_string()).unwrap_err().to_string()
    };
    let cases: Vec<(usize, &[&str], Option<Value>, &str)> = vec![
        (
            0,
            &["id"],
            Some(json!("x")),
            "records[0]): field \"id\": \"x\" can't be used; give a UUID",
        ),
        (0, &["id"], None, "field \"id\": it is missing"),
        (
            1,
            &["at"],
            Some(json!("2026-02-30T10:00:00Z")),
            "records[1]): field \"at\": \"2026-02-30T10:00:00Z\" can't be used; give a date that exists",
        ),
        (
            0,
            &["at"],
            Some(json!(1_700_000_000)),
            "field \"at\": it is a number",
        ),
        (
            0,
            &["document"],
            Some(json!("honor-code")),
            "field \"document\": it is a string",
        ),
        (
            0,
            &["document", "id"],
            Some(json!("Honor Code")),
            "field \"document.id\": \"Honor Code\" can't be used",
        ),
        (
            0,
            &["document", "version"],
            None,
            "field \"document.version\": it is missing",
        ),
        (
            0,
            &["document", "sha256"],
            Some(json!("ABC")),
            "field \"document.sha256\": \"ABC\" can't be used",
        ),
        (
            0,
            &["document", "sha256"],
            Some(Value::Null),
            "field \"document.sha256\": it is missing",
        ),
        (
            0,
            &["scope"],
            Some(json!("course:")),
            "field \"scope\": \"course:\" can't be used",
        ),
        (
            0,
            &["scope"],
            Some(json!("site")),
            "field \"scope\": \"site\" can't be used",
        ),
        (
            0,
            &["method"],
            Some(json!("banner")),
            "field \"method\": \"banner\" can't be used; give one of \"signup\"",
        ),
        (
            1,
            &["pledges"],
            Some(json!("1,2,3")),
            "field \"pledges\": it is a string",
        ),
        (
            1,
            &["pledges"],
            Some(json!(["1", 2])),
            "field \"pledges[1]\": it is a number",
        ),
        (
            1,
            &["pledges"],
            Some(json!(["1", "3"])),
            "The pledges must be every pledge id from \"1\" up",
        ),
        (
            1,
            &["pledges"],
            Some(json!([])),
            "The pledges must be every pledge id from \"1\" up",
        ),
        (
            0,
            &["age"],
            Some(json!("child")),
            "field \"age\": \"child\" can't be used",
        ),
        (
            0,
            &["age"],
            None,
            "A sign-up acceptance says the learner's age",
        ),
        (
            2,
            &["age"],
            Some(json!("adult")),
            "Only sign-up acceptances say the learner's age; this one is \"prompt\"",
        ),
        (0, &["batch"], None, "field \"batch\": it is missing"),
        (
            0,
            &["subject"],
            Some(json!("")),
            "field \"subject\": \"\" can't be used",
        ),
        (
            0,
            &["subject"],
            Some(json!(42)),
            "field \"subject\": it is a number",
        ),
        (
            0,
            &["language"],
            Some(json!("english!")),
            "field \"language\": \"english!\" can't be used",
        ),
    ];
    for (index, path, value, says) in cases {
        let err = spoil(index, path, value.clone());
        assert!(err.contains(says), "{path:?} = {value:?}: {err}");
    }
    let mut not_a_record = good.clone();
    not_a_record["records"][1] = json!("record");
    assert!(
        decode(&not_a_record.to_string())
            .unwrap_err()
            .to_string()
            .starts_with(
                "Saved acceptance record #2 (records[1]): it is a string, but it must be an object"
            )
    );
    // Unknown extra fields are not a problem (a newer widget may add some).
    let mut extra = good;
    extra["records"][0]["note"] = json!("x");
    assert_eq!(decode(&extra.to_string()), Ok(h));
}
