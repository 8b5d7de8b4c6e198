//! Documents in several languages: the loader's rules and problems, and the choice of
//! the document shown for a language.

use serde_json::{Value, json};

use crate::domain::documents::bundle::{FORMAT, Loaded, load_value, to_json};

fn version(label: &str, date: &str, body: &str) -> Value {
    json!({"version": label, "effective": date, "summary": "s", "material": true, "body": body})
}

fn doc(id: &str, lang: Option<&str>, versions: Value) -> Value {
    let mut d =
        json!({"id": id, "title": format!("{id} {}", lang.unwrap_or("-")), "versions": versions});
    if let Some(lang) = lang {
        d["lang"] = json!(lang);
    }
    d
}

fn load(docs: Value) -> Loaded {
    load_value(&json!({"format": FORMAT, "documents": docs}))
}

fn messages(l: &Loaded) -> Vec<String> {
    l.problems.iter().map(ToString::to_string).collect()
}

/// `faq` in English with versions 1 and 2, then the given translations.
fn faq_with(translations: Vec<Value>) -> Loaded {
    let mut docs = vec![doc(
        "faq",
        None,
        json!([
            version("1", "2024-01-01", "Old."),
            version("2", "2025-01-01", "New.")
        ]),
    )];
    docs.extend(translations);
    load(Value::Array(docs))
}

#[test]
fn languages_default_to_the_bundle_s_which_defaults_to_english() {
    let l = faq_with(vec![]);
    assert!(l.problems.is_empty());
    assert_eq!(l.bundle.lang, "en");
    assert_eq!(l.bundle.documents[0].lang, "en");

    let l = load_value(&json!({"format": FORMAT, "lang": "es", "documents": [
        doc("faq", None, json!([version("1", "2024-01-01", "Hola.")])),
        doc("faq", Some("en"), json!([version("1", "2024-01-01", "Hello.")])),
    ]}));
    assert!(l.problems.is_empty(), "{:?}", messages(&l));
    assert_eq!(l.bundle.lang, "es");
    assert_eq!(l.bundle.documents[0].lang, "es");
    assert_eq!(l.bundle.translations[0].lang, "en");
}

#[test]
fn a_bad_bundle_language_is_a_problem_and_english_stays() {
    for (lang, needle) in [
        (
            json!("en_GB"),
            "The language \"en_GB\" is not a BCP 47 language tag",
        ),
        (
            json!(7),
            "The field \"lang\" is a number, but it must be a language tag",
        ),
    ] {
        let l = load_value(&json!({"format": FORMAT, "lang": lang, "documents": [
            doc("faq", None, json!([version("1", "2024-01-01", "x")]))]}));
        assert_eq!(l.problems.len(), 1);
        assert_eq!(l.problems[0].path, "lang");
        assert!(l.problems[0].message.contains(needle), "{:?}", l.problems);
        assert_eq!(l.bundle.lang, "en");
        assert_eq!(l.bundle.documents[0].lang, "en");
    }
    let l = load_value(&json!({"format": FORMAT, "lang": null, "documents": [
        doc("faq", None, json!([version("1", "2024-01-01", "x")]))]}));
    assert!(l.problems.is_empty());
}

#[test]
fn a_document_with_a_bad_language_is_left_out() {
    let l = load(json!([
        doc("faq", Some("english!"), json!([version("1", "2024-01-01", "x")])),
        doc("terms", None, json!([version("1", "2024-01-01", "x")])),
        {"id": "faq", "lang": ["es"], "title": "FAQ", "versions": [version("1", "2024-01-01", "x")]},
    ]));
    let ids: Vec<&str> = l.bundle.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["terms"]);
    assert_eq!(
        messages(&l),
        [
            "Document faq: The language \"english!\" is not a BCP 47 language tag: use one such as \"en\", \"es\" or \"pt-BR\". (at documents[0].lang)",
            "Document faq: The field \"lang\" is a list, but it must be a language tag such as \"es\". (at documents[2].lang)",
        ]
    );
}

#[test]
fn the_same_id_in_the_same_language_is_a_problem() {
    let l = faq_with(vec![
        doc(
            "faq",
            Some("es"),
            json!([version("2", "2025-01-01", "Nuevo.")]),
        ),
        doc(
            "faq",
            Some("ES"),
            json!([version("2", "2025-01-01", "Otro.")]),
        ),
        doc(
            "faq",
            Some("EN"),
            json!([version("2", "2025-01-01", "Again.")]),
        ),
        doc("faq", None, json!([version("2", "2025-01-01", "Again.")])),
        doc(
            "faq",
            Some("es-MX"),
            json!([version("2", "2025-01-01", "Nuevo.")]),
        ),
    ]);
    let m = messages(&l);
    assert_eq!(m.len(), 3, "{m:#?}");
    assert_eq!(
        m[0],
        "Document faq: Another document already has the id \"faq\" in the language \"es\": each document needs its own id (a translation has the same id and another \"lang\"). This one is left out. (at documents[2].id)"
    );
    assert!(m[1].contains("in the language \"en\"") && m[1].contains("documents[3].id"));
    assert!(m[2].contains("in the language \"en\"") && m[2].contains("documents[4].id"));
    assert_eq!(l.bundle.documents.len(), 1);
    assert_eq!(l.bundle.documents[0].versions[0].body, "Old.");
    assert_eq!(l.bundle.languages("faq"), ["en", "es", "es-MX"]);
}

#[test]
fn a_translation_has_only_its_primary_s_versions() {
    let l = faq_with(vec![doc(
        "faq",
        Some("es"),
        json!([
            version("2", "2025-01-01", "Nuevo."),
            version("3", "2025-06-01", "Futuro.")
        ]),
    )]);
    assert_eq!(
        messages(&l),
        [
            "Document faq, version 3: This translation has a version \"3\", but the primary document (in \"en\") has none: a translation can only have the primary's versions (1, 2). This version is left out. (at documents[1].versions[1].version)"
        ]
    );
    let es = &l.bundle.translations[0];
    assert_eq!(es.versions.len(), 1);
    assert_eq!(es.current().version, "2");

    // With no version left, the translation is left out.
    let l = faq_with(vec![doc(
        "faq",
        Some("es"),
        json!([version("9", "2025-01-01", "x")]),
    )]);
    assert_eq!(l.problems.len(), 2);
    assert!(
        l.problems[1]
            .message
            .contains("No version of its translation into \"es\" could be read")
    );
    assert!(l.bundle.translations.is_empty());
}

#[test]
fn a_translated_version_keeps_its_primary_s_date_material_and_pledges() {
    let mut immaterial = version("1", "2024-01-01", "Viejo.");
    immaterial["material"] = json!(false);
    let mut pledged = version("2", "2025-01-01", "1. Prometo.");
    pledged["pledges"] = json!(true);
    let l = faq_with(vec![doc(
        "faq",
        Some("es"),
        json!([immaterial, pledged, version("2", "2025-01-02", "Tarde.")]),
    )]);
    assert_eq!(
        messages(&l),
        [
            "Document faq, version 1: This translation says \"material\": false, but version \"1\" of the primary document (in \"en\") says true: a translation changes nothing, so use the same value. This version is left out. (at documents[1].versions[0].material)",
            "Document faq, version 2: This translation says \"pledges\": true, but version \"2\" of the primary document (in \"en\") says false: use the same value. This version is left out. (at documents[1].versions[1].pledges)",
            "Document faq, version 2: This translation says version \"2\" takes effect on 2025-01-02, but the primary document (in \"en\") says 2025-01-01: use the same date. This version is left out. (at documents[1].versions[2].effective)",
            "Document faq: No version of its translation into \"es\" could be read, so that translation is not shown (the document in \"en\" still is). Fix the problems listed for its versions. (at documents[1].versions)",
        ]
    );
    assert!(l.bundle.translations.is_empty());
}

#[test]
fn the_first_document_of_an_id_is_the_primary_whatever_its_language() {
    let l = load(json!([
        doc(
            "faq",
            Some("es"),
            json!([version("1", "2024-01-01", "Hola.")])
        ),
        doc("faq", None, json!([version("1", "2024-01-01", "Hello.")])),
    ]));
    assert!(l.problems.is_empty());
    assert_eq!(l.bundle.documents[0].lang, "es");
    assert_eq!(l.bundle.languages("faq"), ["es", "en"]);
    assert_eq!(l.bundle.for_language("fr").documents[0].lang, "es");
    assert_eq!(l.bundle.for_language("en-US").documents[0].lang, "en");
}

#[test]
fn for_language_picks_by_exact_tag_then_primary_subtag() {
    let l = load(json!([
        doc("terms", None, json!([version("1", "2024-01-01", "Terms.")])),
        doc("faq", None, json!([version("1", "2024-01-01", "Hi.")])),
        doc(
            "faq",
            Some("es-MX"),
            json!([version("1", "2024-01-01", "Quiubo.")])
        ),
        doc(
            "faq",
            Some("es"),
            json!([version("1", "2024-01-01", "Hola.")])
        ),
        doc(
            "faq",
            Some("en-GB"),
            json!([version("1", "2024-01-01", "Hello.")])
        ),
    ]));
    assert!(l.problems.is_empty(), "{:?}", messages(&l));
    let body = |lang: &str| {
        let shown = l.bundle.for_language(lang);
        let ids: Vec<&str> = shown.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["terms", "faq"], "the primaries' order");
        assert!(shown.translations.is_empty());
        shown.documents[1].current().body.clone()
    };
    assert_eq!(body("es"), "Hola.");
    assert_eq!(body("ES-mx"), "Quiubo.");
    assert_eq!(body("es-AR"), "Quiubo.", "the first Spanish one");
    assert_eq!(body("en-GB"), "Hello.");
    assert_eq!(body("en-US"), "Hi.", "the primary comes first");
    assert_eq!(body("ar"), "Hi.");
    assert_eq!(body(""), "Hi.");
    assert_eq!(l.bundle.document_in("faq", "es").unwrap().lang, "es");
    assert_eq!(l.bundle.document_in("terms", "es").unwrap().lang, "en");
    assert!(l.bundle.document_in("ghost", "es").is_none());
    assert!(l.bundle.languages("ghost").is_empty());
}

#[test]
fn only_a_translation_of_the_current_version_is_shown() {
    // Spanish has only the current version: shown, with the whole history, the versions
    // it lacks in English.
    let l = faq_with(vec![doc(
        "faq",
        Some("es"),
        json!([version("2", "2025-01-01", "Nuevo.")]),
    )]);
    let shown = l.bundle.for_language("es");
    let faq = &shown.documents[0];
    assert_eq!((faq.lang.as_str(), faq.versions.len()), ("es", 2));
    assert!(faq.is_in("es-MX") && !faq.is_in("en"));
    let bodies: Vec<&str> = faq.versions.iter().map(|v| v.body.as_str()).collect();
    assert_eq!(bodies, ["Old.", "Nuevo."]);
    assert_eq!((faq.lang_of("1"), faq.lang_of("2")), ("en", "es"));
    // Comparing across the gap compares the originals; within one language, as shown.
    let (a, b) = faq.comparable("1", "2").unwrap();
    assert_eq!((a.body.as_str(), b.body.as_str()), ("Old.", "New."));
    let (a, b) = faq.comparable("2", "2").unwrap();
    assert_eq!((a.body.as_str(), b.body.as_str()), ("Nuevo.", "Nuevo."));
    assert!(faq.comparable("1", "9").is_none());
    // A primary shown as itself has no gap.
    let en = &l.bundle.for_language("en").documents[0];
    assert!(en.primary.is_none());
    assert_eq!(en.lang_of("1"), "en");
    // No version beyond the primary's, no document beyond the bundle's.
    assert!(faq.version("3").is_none());
    assert!(shown.document("ghost").is_none());

    // Spanish only has the old version: the English current one is shown.
    let l = faq_with(vec![doc(
        "faq",
        Some("es"),
        json!([version("1", "2024-01-01", "Viejo.")]),
    )]);
    let shown = l.bundle.for_language("es");
    assert_eq!(shown.documents[0].lang, "en");
    assert!(!shown.documents[0].is_in("es"));
    assert_eq!(shown.documents[0].lang_of("1"), "en");
}

#[test]
fn for_language_keeps_everything_else() {
    let l = load_value(&json!({
        "format": FORMAT,
        "platform": {"name": "Demo"},
        "lang": "en-US",
        "consent": {"storage_key": "x"},
        "refund_policy": {"standard_window_days": 30},
        "acceptance": {"signup": ["faq"]},
        "documents": [
            doc("faq", None, json!([version("1", "2024-01-01", "Hi.")])),
            doc("faq", Some("es"), json!([version("1", "2024-01-01", "Hola.")])),
        ]
    }));
    assert!(l.problems.is_empty(), "{:?}", messages(&l));
    let shown = l.bundle.for_language("es");
    assert_eq!(shown.platform, "Demo");
    assert_eq!(shown.lang, "en-US");
    assert_eq!(shown.consent, l.bundle.consent);
    assert_eq!(shown.refund_policy, l.bundle.refund_policy);
    assert_eq!(shown.acceptance, l.bundle.acceptance);
    // The view is a bundle of its own: it writes and reads back as it is (its link to the
    // primary is the view's, not the format's).
    let again = load_value(&to_json(&shown));
    assert!(again.problems.is_empty(), "{:?}", messages(&again));
    assert_eq!(to_json(&again.bundle), to_json(&shown));
}

#[test]
fn translations_round_trip_through_json() {
    let l = load_value(&json!({"format": FORMAT, "lang": "es", "documents": [
        doc("faq", None, json!([version("1", "2024-01-01", "Hola."), version("2", "2025-01-01", "Nuevo.")])),
        doc("terms", Some("en"), json!([version("1", "2024-01-01", "Terms.")])),
        doc("faq", Some("en"), json!([version("2", "2025-01-01", "New.")])),
        doc("faq", Some("pt-BR"), json!([version("1", "2024-01-01", "Olá.")])),
    ]}));
    assert!(l.problems.is_empty(), "{:?}", messages(&l));
    let out = to_json(&l.bundle);
    assert_eq!(out["lang"], "es");
    assert!(out["documents"][0].get("lang").is_none(), "the bundle's");
    assert_eq!(out["documents"][1]["lang"], "en");
    let again = load_value(&out);
    assert!(again.problems.is_empty());
    assert_eq!(again.bundle, l.bundle);
    // An English bundle writes no "lang" at all.
    let en = faq_with(vec![]);
    assert!(to_json(&en.bundle).get("lang").is_none());
}

#[test]
fn a_link_in_the_original_s_words_finds_the_translated_section() {
    use crate::domain::documents::route::translated_section;
    let l = load(json!([
        doc(
            "faq",
            None,
            json!([version(
                "1",
                "2024-01-01",
                "## Contact us\n\nx\n\n## Cookies\n\ny"
            )])
        ),
        doc(
            "faq",
            Some("es"),
            json!([version(
                "1",
                "2024-01-01",
                "## Contacto\n\nx\n\n## Cookies propias\n\ny"
            )])
        ),
    ]));
    let es = l.bundle.for_language("es");
    let faq = &es.documents[0];
    assert_eq!(
        translated_section(faq, "1", "cookies").as_deref(),
        Some("cookies-propias")
    );
    assert_eq!(translated_section(faq, "1", "nope"), None);
    assert_eq!(translated_section(faq, "9", "cookies"), None);
    // A primary shown as itself has nothing to translate.
    assert_eq!(
        translated_section(&l.bundle.documents[0], "1", "cookies"),
        None
    );
}
