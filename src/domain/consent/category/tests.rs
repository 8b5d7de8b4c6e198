//! Tests of the consent categories and of reading them from JSON.

use super::*;
use crate::domain::consent::test_support::*;
use crate::domain::consent::*;
use serde_json::json;

#[test]
fn default_set_matches_the_privacy_policy_table() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content/privacy-policy/v3.md");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: no {}", path.display());
        return;
    };
    let section = text
        .split("## Cookies and similar storage")
        .nth(1)
        .expect("the policy has a cookies section");
    let section = section.split("\n## ").next().unwrap_or("");
    let rows: Vec<Vec<String>> = section
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            l.trim()
                .trim_matches('|')
                .split('|')
                .map(|c| c.trim().to_string())
                .collect()
        })
        .collect();
    let set = cats();
    assert_eq!(rows.len(), set.categories().len());
    for (row, c) in rows.iter().zip(set.categories()) {
        assert_eq!(row[0], format!("`{}`", c.id));
        assert_eq!(row[1], c.title);
        for p in &c.purposes {
            assert!(row[2].contains(p.as_str()), "{p:?} is in {:?}", row[2]);
        }
        assert_eq!(c.required, row[2].starts_with("Always on"), "{}", c.id);
        let keys: Vec<String> = row[3]
            .split(',')
            .map(|k| k.trim().trim_matches('`').to_string())
            .collect();
        assert_eq!(keys, c.storage);
    }
    assert!(
        cat(&set, "necessary")
            .storage
            .iter()
            .any(|k| k == STORAGE_KEY)
    );
}

#[test]
fn default_set_is_valid_and_round_trips_through_json() {
    let set = cats();
    assert_eq!(CategorySet::new(set.categories().to_vec()), Ok(set.clone()));
    assert_eq!(CategorySet::from_json(&set.to_json()), Ok(set.clone()));
    let required: Vec<_> = set.required().map(|c| c.id.as_str()).collect();
    assert_eq!(required, ["necessary"]);
    for c in set.categories() {
        assert!(!c.receipt.termination.is_empty());
        assert!(!c.receipt.purpose_category.is_empty());
    }
}

#[test]
fn any_number_of_required_categories_is_allowed() {
    let mut none_required = small_set().categories().to_vec();
    none_required[0].required = false;
    assert!(CategorySet::new(none_required).is_ok());
    let mut two_required = small_set().categories().to_vec();
    two_required[1].required = true;
    let set = CategorySet::new(two_required).unwrap();
    assert_eq!(set.required().count(), 2);
}

#[test]
fn category_problems_are_reported_precisely() {
    let good = || {
        json!({"id": "analytics", "title": "Analytics", "purposes": ["Counts visits."],
               "storage": ["kl_a"], "required": false})
    };
    let with = |key: &str, value: Value| {
        let mut v = good();
        v[key] = value;
        v
    };
    let without = |key: &str| {
        let mut v = good();
        v.as_object_mut().unwrap().remove(key);
        v
    };
    assert_eq!(
        CategorySet::from_json(&json!({})),
        Err(CategoryError::NotAList { found: "an object" })
    );
    assert_eq!(
        CategorySet::from_json(&json!([])),
        Err(CategoryError::Empty)
    );
    assert_eq!(
        CategorySet::from_json(&json!([good(), 1])),
        Err(CategoryError::NotAnObject {
            index: 1,
            found: "a number"
        })
    );
    // (entry, field, id in the error, kind of problem)
    let cases: Vec<(Value, &str, Option<&str>, &str)> = vec![
        (without("title"), "title", Some("analytics"), "missing"),
        (
            with("title", json!("  ")),
            "title",
            Some("analytics"),
            "empty",
        ),
        (with("title", json!(7)), "title", Some("analytics"), "type"),
        (with("id", json!("Analytics")), "id", None, "invalid"),
        (with("id", json!("")), "id", None, "empty"),
        (without("id"), "id", None, "missing"),
        (
            with("purposes", json!([])),
            "purposes",
            Some("analytics"),
            "empty",
        ),
        (
            with("purposes", json!(["ok", 3])),
            "purposes[1]",
            Some("analytics"),
            "type",
        ),
        (
            with("purposes", json!([" "])),
            "purposes[0]",
            Some("analytics"),
            "empty",
        ),
        (
            with("storage", json!("kl_a")),
            "storage",
            Some("analytics"),
            "type",
        ),
        (without("storage"), "storage", Some("analytics"), "missing"),
        (
            with("storage", json!(["has space"])),
            "storage[0]",
            Some("analytics"),
            "invalid",
        ),
        (
            with("storage", json!([""])),
            "storage[0]",
            Some("analytics"),
            "invalid",
        ),
        (
            with("required", json!("no")),
            "required",
            Some("analytics"),
            "type",
        ),
        (
            without("required"),
            "required",
            Some("analytics"),
            "missing",
        ),
        (
            with("receipt", json!(5)),
            "receipt",
            Some("analytics"),
            "type",
        ),
        (
            with("receipt", json!({"piiCategory": [""]})),
            "receipt.piiCategory[0]",
            Some("analytics"),
            "empty",
        ),
        (
            with("receipt", json!({"purposeCategory": "6 - Marketing"})),
            "receipt.purposeCategory",
            Some("analytics"),
            "type",
        ),
        (
            with("receipt", json!({"termination": false})),
            "receipt.termination",
            Some("analytics"),
            "type",
        ),
    ];
    for (entry, field, id, kind) in cases {
        let err = CategorySet::from_json(&json!([entry])).unwrap_err();
        let CategoryError::Field {
            index: 0,
            id: got_id,
            field: got_field,
            problem,
        } = &err
        else {
            panic!("{entry}: {err:?}");
        };
        assert_eq!(got_field, field, "{entry}");
        assert_eq!(got_id.as_deref(), id, "{entry}");
        let got_kind = match problem {
            FieldProblem::Missing { .. } => "missing",
            FieldProblem::Empty { .. } => "empty",
            FieldProblem::WrongType { .. } => "type",
            FieldProblem::Invalid { .. } => "invalid",
        };
        assert_eq!(got_kind, kind, "{entry}: {err}");
        assert!(
            err.to_string().contains(&format!("field \"{field}\"")),
            "{err}"
        );
    }

    let mut second = good();
    second["storage"] = json!(["kl_b"]);
    assert_eq!(
        CategorySet::from_json(&json!([good(), second])),
        Err(CategoryError::DuplicateId {
            index: 1,
            id: "analytics".into()
        })
    );
    let mut other = good();
    other["id"] = json!("b");
    let err = CategorySet::from_json(&json!([good(), other])).unwrap_err();
    assert_eq!(
        err,
        CategoryError::SharedStorageKey {
            index: 1,
            id: "b".into(),
            key: "kl_a".into(),
            other: "analytics".into()
        }
    );
    assert!(err.to_string().contains("list it under one category only"));
}

/// Every message, word for word, with the JSON that causes it.
#[test]
fn category_messages_are_exact() {
    let cases: [(&str, &str); 33] = [
        (
            r#"{}"#,
            r#"The consent categories are an object, but they must be a list of category objects."#,
        ),
        (
            r#""x""#,
            r#"The consent categories are a string, but they must be a list of category objects."#,
        ),
        (
            r#"[]"#,
            r#"The list of consent categories is empty: add at least one category."#,
        ),
        (
            r#"[{"id":"analytics","purposes":["Counts visits."],"required":false,"storage":["kl_a"],"title":"Analytics"},1]"#,
            r#"Consent category #2 is a number, but each category must be an object with "id", "title", "purposes", "storage" and "required"."#,
        ),
        (
            r#"[null]"#,
            r#"Consent category #1 is null, but each category must be an object with "id", "title", "purposes", "storage" and "required"."#,
        ),
        (
            r#"[{"id":"analytics","purposes":["Counts visits."],"required":false,"storage":["kl_a"]}]"#,
            r#"Consent category "analytics", field "title": it is missing; give the name learners see, such as "Analytics"."#,
        ),
        (
            r#"[{"id":"analytics","purposes":["Counts visits."],"required":false,"storage":["kl_a"],"title":"  "}]"#,
            r#"Consent category "analytics", field "title": it is empty; give the name learners see, such as "Analytics"."#,
        ),
        (
            r#"[{"id":"analytics","purposes":["Counts visits."],"required":false,"storage":["kl_a"],"title":7}]"#,
            r#"Consent category "analytics", field "title": it is a number, but it must be the name learners see, such as "Analytics"."#,
        ),
        (
            r#"[{"id":"Analytics","purposes":["Counts visits."],"required":false,"storage":["kl_a"],"title":"Analytics"}]"#,
            r#"Consent category #1, field "id": "Analytics" can't be used; give an id of 1 to 64 lowercase letters, digits and inner hyphens, such as "analytics"."#,
        ),
        (
            r#"[{"id":"","purposes":["Counts visits."],"required":false,"storage":["kl_a"],"title":"Analytics"}]"#,
            r#"Consent category #1, field "id": it is empty; give an id of 1 to 64 lowercase letters, digits and inner hyphens, such as "analytics"."#,
        ),
        (
            r#"[{"purposes":["Counts visits."],"required":false,"storage":["kl_a"],"title":"Analytics"}]"#,
            r#"Consent category #1, field "id": it is missing; give an id of 1 to 64 lowercase letters, digits and inner hyphens, such as "analytics"."#,
        ),
        (
            r#"[{"id":3,"purposes":["Counts visits."],"required":false,"storage":["kl_a"],"title":"Analytics"}]"#,
            r#"Consent category #1, field "id": it is a number, but it must be an id of 1 to 64 lowercase letters, digits and inner hyphens, such as "analytics"."#,
        ),
        (
            r#"[{"id":"analytics","purposes":[],"required":false,"storage":["kl_a"],"title":"Analytics"}]"#,
            r#"Consent category "analytics", field "purposes": it is empty; give at least one sentence saying what the category is for."#,
        ),
        (
            r#"[{"id":"analytics","purposes":["ok",3],"required":false,"storage":["kl_a"],"title":"Analytics"}]"#,
            r#"Consent category "analytics", field "purposes[1]": it is a number, but it must be a string."#,
        ),
        (
            r#"[{"id":"analytics","purposes":["ok",null],"required":false,"storage":["kl_a"],"title":"Analytics"}]"#,
            r#"Consent category "analytics", field "purposes[1]": it is null, but it must be a string."#,
        ),
        (
            r#"[{"id":"analytics","purposes":[" "],"required":false,"storage":["kl_a"],"title":"Analytics"}]"#,
            r#"Consent category "analytics", field "purposes[0]": it is empty; give a sentence saying what the category is for."#,
        ),
        (
            r#"[{"id":"analytics","required":false,"storage":["kl_a"],"title":"Analytics"}]"#,
            r#"Consent category "analytics", field "purposes": it is missing; give a list of sentences saying what the category is for."#,
        ),
        (
            r#"[{"id":"analytics","purposes":["Counts visits."],"required":false,"storage":"kl_a","title":"Analytics"}]"#,
            r#"Consent category "analytics", field "storage": it is a string, but it must be a list of the cookies and storage keys it covers (may be empty)."#,
        ),
        (
            r#"[{"id":"analytics","purposes":["Counts visits."],"required":false,"title":"Analytics"}]"#,
            r#"Consent category "analytics", field "storage": it is missing; give a list of the cookies and storage keys it covers (may be empty)."#,
        ),
        (
            r#"[{"id":"analytics","purposes":["Counts visits."],"required":false,"storage":["has space"],"title":"Analytics"}]"#,
            r#"Consent category "analytics", field "storage[0]": "has space" can't be used; give a cookie or storage key of 1 to 128 characters without spaces, such as "kl_analytics_id"."#,
        ),
        (
            r#"[{"id":"analytics","purposes":["Counts visits."],"required":false,"storage":[""],"title":"Analytics"}]"#,
            r#"Consent category "analytics", field "storage[0]": "" can't be used; give a cookie or storage key of 1 to 128 characters without spaces, such as "kl_analytics_id"."#,
        ),
        (
            r#"[{"id":"analytics","purposes":["Counts visits."],"required":false,"storage":[{}],"title":"Analytics"}]"#,
            r#"Consent category "analytics", field "storage[0]": it is an object, but it must be a string."#,
        ),
        (
            r#"[{"id":"analytics","purposes":["Counts visits."],"required":"no","storage":["kl_a"],"title":"Analytics"}]"#,
            r#"Consent category "analytics", field "required": it is a string, but it must be true or false."#,
        ),
        (
            r#"[{"id":"analytics","purposes":["Counts visits."],"storage":["kl_a"],"title":"Analytics"}]"#,
            r#"Consent category "analytics", field "required": it is missing; give true for strictly necessary storage, false for an optional category."#,
        ),
        (
            r#"[{"id":"analytics","purposes":["Counts visits."],"required":null,"storage":["kl_a"],"title":"Analytics"}]"#,
            r#"Consent category "analytics", field "required": it is missing; give true for strictly necessary storage, false for an optional category."#,
        ),
        (
            r#"[{"id":"analytics","purposes":["Counts visits."],"receipt":5,"required":false,"storage":["kl_a"],"title":"Analytics"}]"#,
            r#"Consent category "analytics", field "receipt": it is a number, but it must be an object with "purposeCategory", "piiCategory" and "termination"."#,
        ),
        (
            r#"[{"id":"analytics","purposes":["Counts visits."],"receipt":[],"required":false,"storage":["kl_a"],"title":"Analytics"}]"#,
            r#"Consent category "analytics", field "receipt": it is a list, but it must be an object with "purposeCategory", "piiCategory" and "termination"."#,
        ),
        (
            r#"[{"id":"analytics","purposes":["Counts visits."],"receipt":{"piiCategory":[""]},"required":false,"storage":["kl_a"],"title":"Analytics"}]"#,
            r#"Consent category "analytics", field "receipt.piiCategory[0]": it is empty; give a Kantara category such as "6 - Marketing"."#,
        ),
        (
            r#"[{"id":"analytics","purposes":["Counts visits."],"receipt":{"purposeCategory":"6 - Marketing"},"required":false,"storage":["kl_a"],"title":"Analytics"}]"#,
            r#"Consent category "analytics", field "receipt.purposeCategory": it is a string, but it must be a list of Kantara categories."#,
        ),
        (
            r#"[{"id":"analytics","purposes":["Counts visits."],"receipt":{"purposeCategory":[" ",1]},"required":false,"storage":["kl_a"],"title":"Analytics"}]"#,
            r#"Consent category "analytics", field "receipt.purposeCategory[1]": it is a number, but it must be a string."#,
        ),
        (
            r#"[{"id":"analytics","purposes":["Counts visits."],"receipt":{"piiCategory":1,"termination":false},"required":false,"storage":["kl_a"],"title":"Analytics"}]"#,
            r#"Consent category "analytics", field "receipt.termination": it is true/false, but it must be a sentence saying when consent or the data ends."#,
        ),
        (
            r#"[{"id":"analytics","purposes":["Counts visits."],"required":false,"storage":["kl_a"],"title":"Analytics"},{"id":"analytics","purposes":["Counts visits."],"required":false,"storage":["kl_b"],"title":"Analytics"}]"#,
            r#"Consent category #2 has the id "analytics", which an earlier category already uses: give each category its own id."#,
        ),
        (
            r#"[{"id":"analytics","purposes":["Counts visits."],"required":false,"storage":["kl_a"],"title":"Analytics"},{"id":"b","purposes":["Counts visits."],"required":false,"storage":["kl_a"],"title":"Analytics"}]"#,
            r#"The storage key "kl_a" is listed under both "analytics" and "b": list it under one category only, so that switching a category off knows what to delete."#,
        ),
    ];
    for (text, message) in cases {
        let value: Value = serde_json::from_str(text).unwrap();
        let err = CategorySet::from_json(&value).unwrap_err();
        assert_eq!(err.to_string(), message, "{text}");
    }
}

#[test]
fn texts_in_several_languages_are_read_for_one() {
    let value = json!([
        {"id": "necessary",
         "title": {"en": "Strictly necessary", "es": "Estrictamente necesarias"},
         "purposes": [{"en": "Signs you in.", "es": "Inicia tu sesión."}, "Same everywhere."],
         "storage": ["kl_session"], "required": true,
         "receipt": {"termination": {"en": "While signed in.", "es": "Mientras tengas la sesión iniciada."}}},
        {"id": "analytics", "title": "Analytics", "purposes": ["Counts visits."],
         "storage": [], "required": false}
    ]);
    let es = CategorySet::from_json_in(&value, "es-MX").unwrap();
    let necessary = &es.categories()[0];
    assert_eq!(necessary.title, "Estrictamente necesarias");
    assert_eq!(
        necessary.purposes,
        ["Inicia tu sesión.", "Same everywhere."]
    );
    assert_eq!(
        necessary.receipt.termination,
        "Mientras tengas la sesión iniciada."
    );
    assert_eq!(es.categories()[1].title, "Analytics");
    // English, for English, for a language it lacks, and by default.
    for en in [
        CategorySet::from_json_in(&value, "en").unwrap(),
        CategorySet::from_json_in(&value, "ar").unwrap(),
        CategorySet::from_json(&value).unwrap(),
    ] {
        assert_eq!(en.categories()[0].title, "Strictly necessary");
        assert_eq!(en.categories()[0].purposes[0], "Signs you in.");
        assert_eq!(en.categories()[0].receipt.termination, "While signed in.");
    }
    // Written back, it is the texts read: plain strings.
    assert_eq!(CategorySet::from_json(&es.to_json()), Ok(es.clone()));
}

#[test]
fn texts_in_several_languages_have_exact_problems() {
    let with = |field: &str, text: Value| {
        let mut c = json!({"id": "ads", "title": "Ads", "purposes": ["Shows ads."],
            "storage": [], "required": false, "receipt": {"termination": "Ends."}});
        match field {
            "purposes" => c["purposes"] = json!([text]),
            "termination" => c["receipt"]["termination"] = text,
            _ => c[field] = text,
        }
        // The problems are the same whatever the language read.
        let es = CategorySet::from_json_in(&json!([c.clone()]), "es").unwrap_err();
        assert_eq!(CategorySet::from_json(&json!([c])).unwrap_err(), es);
        es.to_string()
    };
    assert_eq!(
        with("title", json!({})),
        "Consent category \"ads\", field \"title\": it is empty; give a text, or an object of texts by language such as {\"en\": \"…\", \"es\": \"…\"}."
    );
    assert_eq!(
        with("title", json!({"en": "Ads", "es": "  "})),
        "Consent category \"ads\", field \"title.es\": it is empty; give the text in that language, or leave the language out."
    );
    assert_eq!(
        with(
            "purposes",
            json!({"en": "Shows ads.", "es_ES": "Anuncios."})
        ),
        "Consent category \"ads\", field \"purposes[0].es_ES\": \"es_ES\" can't be used; give a language tag such as \"es\" for each text."
    );
    assert_eq!(
        with("termination", json!({"en": ["Ends."]})),
        "Consent category \"ads\", field \"receipt.termination.en\": it is a list, but it must be a string: the text in that language."
    );
    // Plain strings keep their messages.
    assert_eq!(
        with("title", json!(3)),
        "Consent category \"ads\", field \"title\": it is a number, but it must be the name learners see, such as \"Analytics\"."
    );
    assert_eq!(
        with("purposes", json!(null)),
        "Consent category \"ads\", field \"purposes[0]\": it is null, but it must be a string."
    );
}
