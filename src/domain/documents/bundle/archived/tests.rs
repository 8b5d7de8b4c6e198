//! Archived revisions: what loads, in which order, and each problem's message.

use serde_json::{Value, json};

use super::super::{FORMAT, Loaded, load_value, to_json};
use super::*;

fn bundle(archived: Value) -> Value {
    json!({"format": FORMAT, "platform": {"name": "Test"}, "documents": [
        {"id": "terms", "title": "Terms", "versions": [
            {"version": "2", "effective": "2024-06-01", "summary": "s", "material": false, "body": "Two."},
            {"version": "1", "effective": "2024-01-01", "summary": "s", "material": true, "body": "One."}
        ], "archived": archived}
    ]})
}

fn messages(l: &Loaded) -> Vec<String> {
    l.problems.iter().map(ToString::to_string).collect()
}

fn dates(l: &Loaded) -> Vec<String> {
    l.bundle.documents[0]
        .archived
        .iter()
        .map(|a| a.effective.to_string())
        .collect()
}

#[test]
fn entries_load_oldest_first_whatever_their_order() {
    let l = load_value(&bundle(json!([
        {"effective": "2022-03-04", "summary": " Adds certificates. ", "material": true,
         "link": "https://example.com/terms/2022-03-04"},
        {"effective": "2019-11-20", "summary": "First published."},
        {"effective": "2021-07-01", "summary": "Clarifies fees.", "material": false, "link": null}
    ])));
    assert!(l.problems.is_empty(), "{:?}", messages(&l));
    assert_eq!(dates(&l), ["2019-11-20", "2021-07-01", "2022-03-04"]);
    let a = &l.bundle.documents[0].archived;
    assert_eq!(a[2].summary, "Adds certificates.");
    assert_eq!(a[2].material, Some(true));
    assert_eq!(
        a[2].link.as_deref(),
        Some("https://example.com/terms/2022-03-04")
    );
    assert_eq!(a[0].material, None);
    assert_eq!(a[0].link, None);
    assert_eq!(a[1].material, Some(false));
}

#[test]
fn no_archived_list_is_no_entries() {
    for value in [json!(null), json!([])] {
        let l = load_value(&bundle(value));
        assert!(l.problems.is_empty());
        assert!(l.bundle.documents[0].archived.is_empty());
    }
}

#[test]
fn round_trips_through_to_json() {
    let l = load_value(&bundle(json!([
        {"effective": "2020-02-29", "summary": "Leap day.", "link": "http://example.com/x"},
        {"effective": "2021-02-28", "summary": "Plain.", "material": true}
    ])));
    assert!(l.problems.is_empty());
    let written = to_json(&l.bundle);
    let archived = &written["documents"][0]["archived"];
    assert_eq!(
        *archived,
        json!([
            {"effective": "2020-02-29", "summary": "Leap day.", "link": "http://example.com/x"},
            {"effective": "2021-02-28", "summary": "Plain.", "material": true}
        ])
    );
    assert_eq!(load_value(&written), l);
    // A document without archived revisions writes no "archived" key.
    let plain = to_json(&load_value(&bundle(json!(null))).bundle);
    assert!(plain["documents"][0].get("archived").is_none());
}

#[test]
fn bad_dates_are_reported_and_left_out() {
    let l = load_value(&bundle(json!([
        {"effective": "2019-02-30", "summary": "No such day."},
        {"effective": "4 March 2019", "summary": "Words."},
        {"summary": "No date."},
        {"effective": "2018-05-05", "summary": "Fine."}
    ])));
    let m = messages(&l).join("\n");
    assert_eq!(l.problems.len(), 3, "{m}");
    assert!(
        m.contains("Document terms: The date \"2019-02-30\" of this archived revision does not exist in the calendar. Use a real date in the form YYYY-MM-DD. (at documents[0].archived[0].effective)"),
        "{m}"
    );
    assert!(
        m.contains("\"4 March 2019\" of this archived revision is not in the form YYYY-MM-DD"),
        "{m}"
    );
    assert!(
        m.contains("The field \"effective\" is missing: give the date the revision took effect, as YYYY-MM-DD. (at documents[0].archived[2].effective)"),
        "{m}"
    );
    assert_eq!(dates(&l), ["2018-05-05"]);
    // The document itself still loads, with both versions.
    assert_eq!(l.bundle.documents[0].versions.len(), 2);
}

#[test]
fn entries_on_or_after_the_first_version_are_refused() {
    let l = load_value(&bundle(json!([
        {"effective": "2024-03-01", "summary": "Between versions 1 and 2."},
        {"effective": "2024-01-01", "summary": "The day version 1 took effect."},
        {"effective": "2025-01-01", "summary": "After the current version."},
        {"effective": "2023-12-31", "summary": "The day before: fine."}
    ])));
    let m = messages(&l);
    assert_eq!(m.len(), 3, "{m:?}");
    assert!(
        m[0].contains(
            "The archived revision of 2024-03-01 is not earlier than version \"1\" (2024-01-01)"
        ),
        "{m:?}"
    );
    assert!(m[0].ends_with("(at documents[0].archived[0].effective)"));
    assert!(m[1].contains("archived revision of 2024-01-01"), "{m:?}");
    assert!(m[2].contains("archived revision of 2025-01-01"), "{m:?}");
    assert_eq!(dates(&l), ["2023-12-31"]);
}

#[test]
fn duplicate_dates_keep_the_first() {
    let l = load_value(&bundle(json!([
        {"effective": "2020-01-01", "summary": "First of the day."},
        {"effective": "2020-01-01", "summary": "Second of the day."}
    ])));
    let m = messages(&l);
    assert_eq!(m.len(), 1);
    assert!(
        m[0].contains("Another archived revision is already dated 2020-01-01"),
        "{m:?}"
    );
    assert!(m[0].contains("archived[1]"));
    assert_eq!(
        l.bundle.documents[0].archived[0].summary,
        "First of the day."
    );
}

#[test]
fn links_must_be_web_addresses() {
    let bad = [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,<b>x</b>",
        "mailto:legal@example.com",
        "//example.com/protocol-relative",
        "/terms/changes",
        "ftp://example.com/x",
        "https://",
        "https:///path",
        "https://user@/x",
        "https://exa mple.com/",
        "https://example.com/\u{0}",
    ];
    for link in bad {
        let l = load_value(&bundle(json!([
            {"effective": "2020-01-01", "summary": "x", "link": link}
        ])));
        assert_eq!(l.problems.len(), 1, "{link}");
        let p = &l.problems[0];
        assert_eq!(p.path, "documents[0].archived[0].link", "{link}");
        assert!(
            p.message.starts_with("The link \""),
            "{link}: {}",
            p.message
        );
        assert!(p.message.contains("or leave \"link\" out"), "{}", p.message);
        assert!(
            l.bundle.documents[0].archived.is_empty(),
            "{link} is left out"
        );
    }
    let m = load_value(&bundle(json!([
        {"effective": "2020-01-01", "summary": "x", "link": "javascript:alert(1)"}
    ])))
    .problems[0]
        .message
        .clone();
    assert!(
        m.contains("is not a web address: it must start with https:// (or http://)"),
        "{m}"
    );
    for good in [
        "https://example.com",
        "HTTPS://Example.com/Terms?v=3#diff",
        "http://example.com:8080/a",
        "https://archive.example.org/web/2019/https://example.com/terms",
    ] {
        assert_eq!(check_external_link(good), Ok(()), "{good}");
    }
    assert!(
        check_external_link(&format!("https://example.com/{}", "a".repeat(MAX_LINK_LEN))).is_err()
    );
}

#[test]
fn wrong_shapes_are_reported() {
    let l = load_value(&bundle(json!({"effective": "2020-01-01"})));
    assert!(
        messages(&l)[0].contains("The field \"archived\" is an object, but it must be a list"),
        "{:?}",
        messages(&l)
    );
    assert_eq!(l.bundle.documents.len(), 1);
    let l = load_value(&bundle(json!([
        "2020-01-01: something",
        {"effective": "2020-01-02", "summary": "", "material": "yes", "link": 7}
    ])));
    let m = messages(&l).join("\n");
    assert!(
        m.contains("This entry is a string, but each archived revision must be an object"),
        "{m}"
    );
    assert!(m.contains("The field \"summary\" is empty"), "{m}");
    assert!(
        m.contains("The field \"material\" is a string, but it must be true or false"),
        "{m}"
    );
    assert!(m.contains("The field \"link\" is a number"), "{m}");
    assert!(l.bundle.documents[0].archived.is_empty());
}
