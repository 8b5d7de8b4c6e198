//! The default documents: well formed, linked, stating the facts the widget computes
//! with, and written in our own words (no 8-word run copied from the reference seeds).

#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;

use terms_widget::domain::documents::bundle::{Bundle, load_json};
use terms_widget::domain::documents::markdown::{self, Block};
use terms_widget::domain::documents::route::broken_links;

fn bundle() -> Bundle {
    let loaded = load_json(terms_widget::DEFAULT_BUNDLE);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded.bundle
}

fn slugs(body: &str) -> Vec<String> {
    markdown::parse(body)
        .headings
        .into_iter()
        .map(|h| h.slug)
        .collect()
}

#[test]
fn every_document_the_product_needs_is_there() {
    let b = bundle();
    assert_eq!(b.platform, "Kestrel Learning");
    let ids: Vec<&str> = b.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "terms-of-use",
            "acceptable-use",
            "copyright-trademark",
            "refund-policy",
            "honor-code",
            "privacy-policy",
            "integrity-code"
        ]
    );
    let multi = b.documents.iter().filter(|d| d.versions.len() >= 3).count();
    assert!(
        multi >= 2,
        "at least two documents have three or more versions"
    );
}

#[test]
fn internal_links_all_lead_somewhere() {
    let broken = broken_links(&bundle());
    assert!(
        broken.is_empty(),
        "{}",
        broken
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn versions_really_differ() {
    for d in &bundle().documents {
        for pair in d.versions.windows(2) {
            assert_ne!(
                pair[0].body, pair[1].body,
                "{} v{} and v{} are identical",
                d.id, pair[0].version, pair[1].version
            );
        }
    }
}

#[test]
fn terms_carry_a_revision_list_and_the_rules_the_widget_uses() {
    let b = bundle();
    let terms = b.document("terms-of-use").unwrap();
    assert!(terms.versions.len() >= 3);
    for v in &terms.versions {
        assert!(
            slugs(&v.body).contains(&"revision-history".to_string()),
            "terms v{} has a revision history",
            v.version
        );
        // Every version lists itself in its revision history.
        assert!(
            v.body.contains(&format!("(version {})", v.version)),
            "terms v{} lists itself",
            v.version
        );
    }
    let current = &terms.current().body;
    assert!(current.contains("13"), "minimum age is stated");
    assert!(current.contains("7-day"), "the free trial is stated");
    assert!(
        current.contains("#refund-policy"),
        "links to the Refund Policy"
    );
    assert!(current.contains("#honor-code"), "links to the Honor Code");
}

#[test]
fn terms_have_archived_revisions_before_version_1() {
    let b = bundle();
    let terms = b.document("terms-of-use").unwrap();
    let first = terms.versions[0].effective;
    assert!(terms.archived.len() >= 3, "a few archived entries");
    assert!(terms.archived.iter().all(|a| a.effective < first));
    assert!(
        terms
            .archived
            .windows(2)
            .all(|w| w[0].effective < w[1].effective)
    );
    assert!(
        terms.archived.iter().any(|a| a.link.is_some()),
        "one with a link"
    );
    assert!(
        terms.archived.iter().any(|a| a.link.is_none()),
        "one without"
    );
}

#[test]
fn refund_policy_has_a_section_for_every_clause_the_engine_cites() {
    let b = bundle();
    let refund = b.document("refund-policy").unwrap();
    let have = slugs(&refund.current().body);
    for clause in [
        "how-refund-windows-are-measured",
        "monthly-subscriptions",
        "kestrel-plus",
        "courses-and-specializations",
        "pre-enrolment",
        "shorter-refund-windows",
        "guided-projects",
        "degrees-and-university-certificates",
        "app-store-purchases",
        "purchases-through-an-organization",
        "other-services",
        "violations-of-our-policies",
    ] {
        assert!(have.iter().any(|s| s == clause), "missing section {clause}");
    }
    let text = &refund.current().body;
    for fact in ["14 days", "24 hours", "free trial", "0 to 14"] {
        assert!(text.contains(fact), "the Refund Policy states {fact:?}");
    }
}

#[test]
fn honor_code_lists_its_pledges_as_a_numbered_list() {
    let b = bundle();
    let doc = markdown::parse(&b.document("honor-code").unwrap().current().body);
    let at = doc
        .blocks
        .iter()
        .position(|blk| matches!(blk, Block::Heading { slug, .. } if slug == "the-pledges"))
        .expect("a section called The pledges");
    let list = doc.blocks[at + 1..]
        .iter()
        .find_map(|blk| match blk {
            Block::List {
                ordered: true,
                items,
                ..
            } => Some(items.len()),
            _ => None,
        })
        .expect("a numbered list of pledges");
    assert_eq!(list, 5);
}

#[test]
fn privacy_policy_names_every_consent_category() {
    let b = bundle();
    let current = &b.document("privacy-policy").unwrap().current().body;
    for category in [
        "necessary",
        "analytics",
        "marketing",
        "diagnostics",
        "location",
    ] {
        assert!(
            current.contains(&format!("`{category}`")),
            "category {category} is named"
        );
    }
    assert!(current.contains("Global Privacy Control"));
}

/// Lowercased words, punctuation stripped.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .map(|w| w.trim_matches('\'').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

fn shingles(text: &str, n: usize) -> HashSet<String> {
    words(text).windows(n).map(|w| w.join(" ")).collect()
}

#[test]
fn no_sentence_is_copied_from_the_seeds() {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let Ok(entries) = std::fs::read_dir(&seeds) else {
        // Outside the team's workspace there are no seeds to compare with.
        eprintln!("skipped: no {}", seeds.display());
        return;
    };
    let mut seed_shingles = HashSet::new();
    for entry in entries.flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        seed_shingles.extend(shingles(&text, 8));
    }
    assert!(seed_shingles.len() > 1000, "the seeds were read");
    let mut copied = Vec::new();
    let b = bundle();
    for d in b.documents.iter().chain(&b.translations) {
        for v in &d.versions {
            for s in shingles(&v.body, 8) {
                if seed_shingles.contains(&s) {
                    copied.push(format!("{} ({}) v{}: \"{s}\"", d.id, d.lang, v.version));
                }
            }
        }
        for a in &d.archived {
            for s in shingles(&a.summary, 8) {
                if seed_shingles.contains(&s) {
                    copied.push(format!("{} archived {}: \"{s}\"", d.id, a.effective));
                }
            }
        }
    }
    assert!(
        copied.is_empty(),
        "copied from the seeds:\n{}",
        copied.join("\n")
    );
}

#[test]
fn the_default_refund_rules_name_the_current_refund_policy() {
    use terms_widget::domain::refund::{DEFAULT_POLICY_EFFECTIVE, DEFAULT_POLICY_VERSION};
    let b = bundle();
    let current = b.document("refund-policy").unwrap().current();
    assert_eq!(DEFAULT_POLICY_VERSION, current.version);
    assert_eq!(DEFAULT_POLICY_EFFECTIVE, current.effective.to_string());
}

#[test]
fn the_consent_set_up_is_the_default_one_and_matches_the_privacy_policy() {
    use terms_widget::domain::consent::config::ConsentConfig;
    let b = bundle();
    let config = ConsentConfig::from_json(b.consent.as_ref().expect("content/consent.json"))
        .expect("a valid consent set-up");
    assert_eq!(config, ConsentConfig::default());
    // Every storage key the categories name is in the Privacy Policy's table.
    let policy = &b.document(&config.policy_document).unwrap().current().body;
    for category in config.categories.categories() {
        assert!(
            policy.contains(&format!("`{}`", category.id)),
            "{}",
            category.id
        );
        for key in &category.storage {
            assert!(
                policy.contains(key.as_str()),
                "{key} is named in the policy"
            );
        }
    }
}

/// The consent-only build's built-in bundle agrees with the full one on everything
/// consent uses: the platform, the consent set-up, and the privacy policy's versions,
/// their material flags and the SHA-256 of every text (records bind to it), while it
/// carries none of the texts.
#[test]
fn the_consent_build_binds_to_the_same_privacy_policy() {
    use terms_widget::domain::consent::PolicyVersion;
    use terms_widget::domain::documents::bundle::{load_json, load_json_for_consent};

    let full = bundle();
    let loaded = load_json_for_consent(terms_widget::CONSENT_BUNDLE);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    // Digest-only: no text, and the documents view's loader says so.
    assert!(
        terms_widget::CONSENT_BUNDLE.len() < 8_000,
        "{} bytes",
        terms_widget::CONSENT_BUNDLE.len()
    );
    let shown = load_json(terms_widget::CONSENT_BUNDLE);
    assert!(
        shown.problems.iter().any(|p| p.path.ends_with(".body"))
            && shown.bundle.documents.is_empty(),
        "{:?}",
        shown.problems
    );
    // What a record binds to, in every language, the same as the full build's.
    for lang in ["en", "es", "es-MX", "ar", "fr"] {
        assert_eq!(
            PolicyVersion::from_bundle(&loaded.bundle, "privacy-policy", lang),
            PolicyVersion::from_bundle(&full, "privacy-policy", lang),
            "{lang}"
        );
    }
    let light = loaded.bundle;
    assert_eq!(light.platform, full.platform);
    assert_eq!(light.consent, full.consent);
    let ids: Vec<&str> = light.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["privacy-policy"]);
    let (a, b) = (
        full.document("privacy-policy").unwrap(),
        light.document("privacy-policy").unwrap(),
    );
    let labels = |d: &terms_widget::domain::documents::bundle::Document| {
        d.versions
            .iter()
            .map(|v| (v.version.clone(), v.effective, v.material))
            .collect::<Vec<_>>()
    };
    assert_eq!(labels(a), labels(b));
    assert_eq!(a.current().text_sha256(), b.current().text_sha256());
    assert!(b.versions.iter().all(|v| v.body.is_empty()));
    // Its translations too: a Spanish reader binds to the same Spanish text.
    assert_eq!(
        light.languages("privacy-policy"),
        full.languages("privacy-policy")
    );
    for lang in full.languages("privacy-policy") {
        let (a, b) = (
            full.document_in("privacy-policy", lang).unwrap(),
            light.document_in("privacy-policy", lang).unwrap(),
        );
        assert_eq!(a.lang, b.lang);
        assert_eq!(a.current().text_sha256(), b.current().text_sha256());
    }
}

#[test]
fn spanish_readers_see_spanish_where_we_have_it_and_english_elsewhere() {
    let b = bundle();
    assert_eq!(b.lang, "en");
    assert_eq!(b.languages("honor-code"), ["en", "es"]);
    assert_eq!(b.languages("privacy-policy"), ["en", "es"]);
    assert_eq!(b.languages("terms-of-use"), ["en"]);
    let es = b.for_language("es-419");
    let ids: Vec<&str> = es.documents.iter().map(|d| d.id.as_str()).collect();
    let en_ids: Vec<&str> = b.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, en_ids, "the same documents, in the same order");
    for d in &es.documents {
        let spanish = matches!(d.id.as_str(), "honor-code" | "privacy-policy");
        assert_eq!(d.is_in("es"), spanish, "{}", d.id);
        assert_eq!(
            d.current().version,
            b.document(&d.id).unwrap().current().version
        );
    }
    assert_eq!(es.document("honor-code").unwrap().title, "Código de honor");
    assert_eq!(es.document("honor-code").unwrap().versions.len(), 2);
    // The current privacy policy only is in Spanish: the whole history is there, its
    // earlier versions in English.
    let policy = es.document("privacy-policy").unwrap();
    assert_eq!(policy.title, "Política de privacidad");
    assert_eq!(policy.versions.len(), 3);
    let langs: Vec<&str> = ["1", "2", "3"].iter().map(|v| policy.lang_of(v)).collect();
    assert_eq!(langs, ["en", "en", "es"]);
    // Every internal link of the Spanish view leads somewhere.
    let broken = broken_links(&es);
    assert!(
        broken.is_empty(),
        "{}",
        broken
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn translations_keep_the_structure_of_their_original() {
    let b = bundle();
    let outline = |body: &str| {
        markdown::parse(body)
            .headings
            .iter()
            .map(|h| h.level)
            .collect::<Vec<_>>()
    };
    for t in &b.translations {
        let original = b.document(&t.id).unwrap();
        for v in &t.versions {
            let o = original.version(&v.version).unwrap();
            assert_eq!(
                outline(&v.body),
                outline(&o.body),
                "{} ({}) v{}",
                t.id,
                t.lang,
                v.version
            );
            assert_eq!(
                v.pledge_list().len(),
                o.pledge_list().len(),
                "{} v{}",
                t.id,
                v.version
            );
            assert_ne!(
                v.body, o.body,
                "{} ({}) v{} is translated",
                t.id, t.lang, v.version
            );
        }
    }
    let honor = b.document_in("honor-code", "es").unwrap();
    assert_eq!(honor.current().pledge_list().len(), 5);
}

#[test]
fn the_spanish_consent_set_up_matches_the_spanish_privacy_policy() {
    use terms_widget::domain::consent::config::ConsentConfig;
    let b = bundle();
    let consent = b.consent.as_ref().expect("content/consent.json");
    let en = ConsentConfig::from_json(consent).unwrap();
    let es = ConsentConfig::from_json_in(consent, "es").unwrap();
    let policy = &b
        .document_in("privacy-policy", "es")
        .unwrap()
        .current()
        .body;
    assert_eq!(es.controller.contact, "Equipo de privacidad");
    assert_eq!(es.controller.name, en.controller.name);
    for (e, s) in en
        .categories
        .categories()
        .iter()
        .zip(es.categories.categories())
    {
        assert_eq!(
            (&e.id, &e.storage, e.required),
            (&s.id, &s.storage, s.required)
        );
        assert_ne!(e.title, s.title, "{} has a Spanish title", e.id);
        assert_ne!(e.purposes, s.purposes, "{} has Spanish purposes", e.id);
        assert_ne!(e.receipt.termination, s.receipt.termination, "{}", e.id);
        // The policy's table row names the category, its Spanish title and purpose.
        let row = policy
            .lines()
            .find(|l| l.starts_with(&format!("| `{}` |", s.id)))
            .unwrap_or_else(|| panic!("a row for {}", s.id));
        assert!(row.contains(&format!("| {} |", s.title)), "{row}");
        for p in &s.purposes {
            assert!(row.contains(p.as_str()), "{p:?} in {row}");
        }
        for key in &s.storage {
            assert!(row.contains(&format!("`{key}`")), "{key} in {row}");
        }
    }
}
