//! The loader's tests: each problem and its message, what still loads, round trips through
//! `to_json`, and that no text or JSON makes it panic.

use super::*;
use serde_json::json;

use crate::domain::time::parse_date;

fn version(label: &str, date: &str) -> Value {
    json!({"version": label, "effective": date, "summary": "s", "material": true, "body": "Text."})
}

fn bundle_with(docs: Value) -> Value {
    json!({"format": FORMAT, "platform": {"name": "Test"}, "documents": docs})
}

fn messages(l: &Loaded) -> Vec<String> {
    l.problems.iter().map(|p| p.to_string()).collect()
}

#[test]
fn clean_bundle_loads_with_versions_sorted() {
    let l = load_value(&bundle_with(json!([
        {"id": "terms", "title": "Terms", "versions": [version("2", "2025-01-01"), version("1", "2024-01-01")]}
    ])));
    assert!(l.problems.is_empty(), "{:?}", l.problems);
    assert_eq!(l.bundle.platform, "Test");
    let d = l.bundle.document("terms").unwrap();
    assert_eq!(d.versions[0].version, "1");
    assert_eq!(d.current().version, "2");
    assert_eq!(d.version("1").unwrap().effective.to_string(), "2024-01-01");
    assert_eq!(
        d.in_force_on(parse_date("2024-06-30").unwrap())
            .map(|v| v.version.as_str()),
        Some("1")
    );
    assert!(d.in_force_on(parse_date("2023-12-31").unwrap()).is_none());
}

#[test]
fn not_json_is_one_clear_problem() {
    let l = load_json("{\"format\": ");
    assert!(l.bundle.documents.is_empty());
    assert_eq!(l.problems.len(), 1);
    assert!(
        l.problems[0]
            .message
            .starts_with("The bundle is not valid JSON")
    );
    assert!(l.problems[0].message.contains("line 1"));
}

#[test]
fn wrong_top_level_shapes() {
    let l = load_json("[1,2]");
    assert!(messages(&l)[0].contains("The bundle is a list"));
    let l = load_value(&json!({"format": FORMAT}));
    assert!(messages(&l)[0].contains("\"documents\" is missing"));
    let l = load_value(&json!({"format": FORMAT, "documents": {}}));
    assert!(messages(&l)[0].contains("\"documents\" is an object"));
    let l = load_value(&json!({"format": FORMAT, "documents": []}));
    assert!(messages(&l)[0].contains("is empty"));
}

#[test]
fn format_tag_is_checked() {
    let l = load_value(&json!({"format": "terms-widget/bundle@2", "documents": []}));
    assert_eq!(l.problems.len(), 1);
    assert!(
        l.problems[0]
            .message
            .contains("reads \"terms-widget/bundle@1\"")
    );
    // A missing tag is reported but the documents still load.
    let l = load_value(
        &json!({"documents": [{"id": "a", "title": "A", "versions": [version("1", "2024-01-01")]}]}),
    );
    assert_eq!(l.bundle.documents.len(), 1);
    assert_eq!(l.problems[0].path, "format");
    let l = load_value(
        &json!({"format": 1, "documents": [{"id": "a", "title": "A", "versions": [version("1", "2024-01-01")]}]}),
    );
    assert!(l.problems[0].message.contains("is a number"));
    assert_eq!(l.bundle.documents.len(), 1);
}

#[test]
fn platform_problems() {
    let l = load_value(
        &json!({"format": FORMAT, "platform": "X", "documents": [{"id": "a", "title": "A", "versions": [version("1", "2024-01-01")]}]}),
    );
    assert_eq!(l.problems[0].path, "platform");
    let l = load_value(
        &json!({"format": FORMAT, "platform": {"name": 3}, "documents": [{"id": "a", "title": "A", "versions": [version("1", "2024-01-01")]}]}),
    );
    assert_eq!(l.problems[0].path, "platform.name");
    assert_eq!(l.bundle.documents.len(), 1);
}

#[test]
fn bad_document_is_left_out_and_others_still_load() {
    let l = load_value(&bundle_with(json!([
        {"id": "good", "title": "Good", "versions": [version("1", "2024-01-01")]},
        {"id": "Bad Id", "title": "Bad", "versions": [version("1", "2024-01-01")]},
        {"id": "good", "title": "Again", "versions": [version("1", "2024-01-01")]},
        {"id": "no-title", "versions": [version("1", "2024-01-01")]},
        {"id": "no-versions", "title": "X"},
        {"id": "empty-versions", "title": "X", "versions": []},
        {"id": "wrong-versions", "title": "X", "versions": "v1"},
        "not an object",
        {"title": "No id", "versions": [version("1", "2024-01-01")]},
        {"id": "refund-calculator", "title": "Tool", "versions": [version("1", "2024-01-01")]},
    ])));
    let ids: Vec<_> = l.bundle.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["good"]);
    let m = messages(&l);
    assert_eq!(m.len(), 9, "{m:#?}");
    assert!(m[8].contains("is reserved by the widget"), "{m:#?}");
    assert!(m[0].contains("The id \"Bad Id\" can't be used in links"));
    assert!(m[0].contains("documents[1].id"));
    assert!(m[1].starts_with("Document good: Another document already has the id"));
    assert!(m[2].starts_with("Document no-title: The field \"title\" is missing"));
    assert!(m[3].contains("\"versions\" is missing"));
    assert!(m[4].contains("\"versions\" is empty"));
    assert!(m[5].contains("\"versions\" is a string"));
    assert!(m[6].contains("This entry is a string"));
    assert!(m[6].contains("documents[7]"));
    assert!(m[7].starts_with("Document #9: The field \"id\" is missing"));
}

#[test]
fn every_version_field_is_checked_with_a_specific_message() {
    let cases: Vec<(Value, &str, &str)> = vec![
        (
            json!({"effective": "2024-01-01", "summary": "s", "material": true, "body": "b"}),
            "version",
            "\"version\" is missing",
        ),
        (
            json!({"version": "a/b", "effective": "2024-01-01", "summary": "s", "material": true, "body": "b"}),
            "version",
            "can't be used in links",
        ),
        (
            json!({"version": 2.5, "effective": "2024-01-01", "summary": "s", "material": true, "body": "b"}),
            "version",
            "is a number, but it must be a string",
        ),
        (
            json!({"version": "1", "summary": "s", "material": true, "body": "b"}),
            "effective",
            "\"effective\" is missing",
        ),
        (
            json!({"version": "1", "effective": "1/1/2024", "summary": "s", "material": true, "body": "b"}),
            "effective",
            "not in the form YYYY-MM-DD",
        ),
        (
            json!({"version": "1", "effective": "2023-02-29", "summary": "s", "material": true, "body": "b"}),
            "effective",
            "does not exist in the calendar",
        ),
        (
            json!({"version": "1", "effective": 20240101, "summary": "s", "material": true, "body": "b"}),
            "effective",
            "is a number",
        ),
        (
            json!({"version": "1", "effective": "2024-01-01", "material": true, "body": "b"}),
            "summary",
            "\"summary\" is missing",
        ),
        (
            json!({"version": "1", "effective": "2024-01-01", "summary": ["s"], "material": true, "body": "b"}),
            "summary",
            "is a list",
        ),
        (
            json!({"version": "1", "effective": "2024-01-01", "summary": "s", "body": "b"}),
            "material",
            "\"material\" is missing",
        ),
        (
            json!({"version": "1", "effective": "2024-01-01", "summary": "s", "material": "yes", "body": "b"}),
            "material",
            "must be true or false",
        ),
        (
            json!({"version": "1", "effective": "2024-01-01", "summary": "s", "material": true}),
            "body",
            "\"body\" is missing",
        ),
        (
            json!({"version": "1", "effective": "2024-01-01", "summary": "s", "material": true, "body": "   "}),
            "body",
            "\"body\" is empty",
        ),
        (json!(42), "", "each version must be an object"),
    ];
    for (bad, field, needle) in cases {
        let l = load_value(&bundle_with(json!([
            {"id": "doc", "title": "Doc", "versions": [version("0", "2020-01-01"), bad.clone()]}
        ])));
        // The good version still loads; the bad one is reported at its field.
        assert_eq!(l.bundle.documents[0].versions.len(), 1, "{bad}");
        let p = &l.problems[0];
        assert_eq!(p.document.as_deref(), Some("doc"));
        let want_path = if field.is_empty() {
            "documents[0].versions[1]".to_string()
        } else {
            format!("documents[0].versions[1].{field}")
        };
        assert_eq!(p.path, want_path, "{bad}");
        assert!(p.message.contains(needle), "{bad}: {}", p.message);
    }
}

#[test]
fn version_label_names_the_version_in_messages() {
    let l = load_value(&bundle_with(json!([
        {"id": "doc", "title": "Doc", "versions": [
            {"version": 3, "effective": "2024-02-30", "summary": "s", "material": true, "body": "b"}]}
    ])));
    let m = messages(&l);
    assert!(
        m[0].starts_with("Document doc, version 3: The effective date \"2024-02-30\""),
        "{m:?}"
    );
    assert!(m[1].contains("No version of this document could be read"));
    assert!(l.bundle.documents.is_empty());
}

#[test]
fn duplicate_labels_and_dates() {
    let l = load_value(&bundle_with(json!([
        {"id": "doc", "title": "Doc", "versions": [
            version("1", "2024-01-01"), version("1", "2024-05-01"), version("2", "2024-01-01"), version("3", "2024-06-01")]}
    ])));
    let d = &l.bundle.documents[0];
    assert_eq!(
        d.versions
            .iter()
            .map(|v| v.version.as_str())
            .collect::<Vec<_>>(),
        ["1", "3"]
    );
    let m = messages(&l);
    assert!(m[0].contains("already labelled \"1\""));
    assert!(m[1].contains("Version \"1\" already takes effect on 2024-01-01"));
}

#[test]
fn refund_rule_overrides_are_carried_when_they_are_an_object() {
    let docs = json!([{"id": "a", "title": "A", "versions": [version("1", "2024-01-01")]}]);
    let l = load_value(
        &json!({"format": FORMAT, "documents": docs, "refund_policy": {"standard_window_days": 30}}),
    );
    assert!(l.problems.is_empty());
    assert_eq!(
        l.bundle.refund_policy,
        Some(json!({"standard_window_days": 30}))
    );
    let again = load_value(&to_json(&l.bundle));
    assert_eq!(again.bundle, l.bundle);
    let l = load_value(&json!({"format": FORMAT, "documents": docs, "refund_policy": 30}));
    assert_eq!(l.problems[0].path, "refund_policy");
    assert!(l.problems[0].message.contains("is a number"));
    assert_eq!(l.bundle.refund_policy, None);
    assert_eq!(l.bundle.documents.len(), 1);
}

#[test]
fn round_trips_through_json() {
    let l = load_value(&bundle_with(json!([
        {"id": "a", "title": "A", "versions": [version("1", "2024-01-01"), version("2", "2024-03-01")]},
        {"id": "b", "title": "B", "versions": [version("1", "2024-01-01")]}
    ])));
    let again = load_value(&to_json(&l.bundle));
    assert!(again.problems.is_empty());
    assert_eq!(again.bundle, l.bundle);
}

#[test]
fn one_bad_document_leaves_the_others_with_the_exact_messages() {
    let l = load_value(&json!({
        "format": FORMAT,
        "platform": ["Kestrel Learning"],
        "documents": [
            {"id": "terms", "title": "Terms", "versions": [version("1", "2024-01-01")]},
            ["honor-code", "Honor Code"],
            {"id": "honor-code", "title": "Honor Code", "versions": [
                version("1", "2024-01-01"),
                {"version": 2, "effective": "2024-02-30", "summary": 7, "material": "yes", "body": " "},
                ["2", "2024-03-01"]]},
            {"id": "faq", "title": null, "versions": null},
            {"id": "privacy", "title": "Privacy", "versions": [version("1", "2024-01-01")]}
        ]
    }));
    let ids: Vec<_> = l.bundle.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["terms", "honor-code", "privacy"]);
    assert_eq!(l.bundle.document("honor-code").unwrap().versions.len(), 1);
    assert_eq!(l.bundle.platform, "");
    assert_eq!(
        messages(&l),
        [
            "The field \"platform\" is a list, but it must be an object such as {\"name\": \"Kestrel Learning\"}. (at platform)",
            "Document #2: This entry is a list, but each document must be an object with \"id\", \"title\" and \"versions\". (at documents[1])",
            "Document honor-code, version 2: The effective date \"2024-02-30\" does not exist in the calendar. Use a real date in the form YYYY-MM-DD. (at documents[2].versions[1].effective)",
            "Document honor-code, version 2: The field \"summary\" is a number, but it must be a one-line string saying what changed. (at documents[2].versions[1].summary)",
            "Document honor-code, version 2: The field \"material\" is a string, but it must be true or false. (at documents[2].versions[1].material)",
            "Document honor-code, version 2: The field \"body\" is empty: give the document text in Markdown. (at documents[2].versions[1].body)",
            "Document honor-code, version #3: This entry is a list, but each version must be an object with \"version\", \"effective\", \"summary\", \"material\" and \"body\". (at documents[2].versions[2])",
            "Document faq: The field \"title\" is missing: give the title learners see, such as \"Refund Policy\". (at documents[3].title)",
            "Document faq: The field \"versions\" is null, but it must be a list of versions. (at documents[3].versions)",
        ]
    );
}

proptest::proptest! {
    #[test]
    fn arbitrary_text_never_panics(text in ".{0,400}") {
        let _ = load_json(&text);
    }

    #[test]
    fn arbitrary_json_never_panics(value in arb_json()) {
        let l = load_value(&value);
        // Whatever loads is well formed.
        for d in &l.bundle.documents {
            proptest::prop_assert!(is_valid_id(&d.id));
            proptest::prop_assert!(!d.versions.is_empty());
        }
        // Each translation has a primary, and only its versions.
        for t in &l.bundle.translations {
            let primary = l.bundle.document(&t.id);
            proptest::prop_assert!(primary.is_some());
            proptest::prop_assert!(!t.versions.is_empty());
            for v in &t.versions {
                proptest::prop_assert!(primary.and_then(|p| p.version(&v.version)).is_some());
            }
        }
        // Any language shows one document per id, in the primaries' order.
        for lang in ["en", "es-MX", "doc", ""] {
            let shown = l.bundle.for_language(lang);
            let ids = |b: &Bundle| b.documents.iter().map(|d| d.id.clone()).collect::<Vec<_>>();
            proptest::prop_assert_eq!(ids(&shown), ids(&l.bundle));
        }
    }
}

fn arb_json() -> impl proptest::strategy::Strategy<Value = Value> {
    use proptest::prelude::*;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        prop_oneof![
            Just("2024-01-01".to_string()),
            Just(FORMAT.to_string()),
            Just("doc".to_string()),
            Just("es".to_string()),
            "[a-z0-9-]{0,8}",
            ".{0,12}"
        ]
        .prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        let keys = prop_oneof![
            Just("format".to_string()),
            Just("documents".to_string()),
            Just("id".to_string()),
            Just("title".to_string()),
            Just("versions".to_string()),
            Just("version".to_string()),
            Just("effective".to_string()),
            Just("summary".to_string()),
            Just("material".to_string()),
            Just("body".to_string()),
            Just("platform".to_string()),
            Just("lang".to_string()),
            "[a-z]{1,6}",
        ];
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(keys, inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}
