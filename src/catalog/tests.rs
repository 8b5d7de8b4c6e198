//! The catalog's checks. The per-language ones loop over [`Lang::ALL`], so a second
//! table is held to the same rules as English as soon as it is added.

use std::collections::HashSet;

use super::*;

/// The names every message may use.
const GLOBALS: [&str; 2] = ["platform", "platform_short"];

#[test]
fn every_key_has_a_value_in_every_language_exactly_once() {
    for lang in Lang::ALL {
        let table: Vec<&(Msg, Text)> = lang.entries().collect();
        let mut seen = HashSet::new();
        for (msg, _) in &table {
            assert!(
                seen.insert(*msg),
                "{}: {} is given twice",
                lang.tag(),
                msg.name()
            );
        }
        let missing: Vec<&str> = Msg::ALL
            .iter()
            .filter(|m| !seen.contains(*m))
            .map(|m| m.name())
            .collect();
        assert!(
            missing.is_empty(),
            "{}: no value for {missing:?}",
            lang.tag()
        );
        for (msg, text) in &table {
            for form in text.forms() {
                assert!(!form.is_empty(), "{}: {} is empty", lang.tag(), msg.name());
            }
        }
    }
}

#[test]
fn keys_are_listed_in_order_so_they_index_the_tables() {
    for (i, msg) in Msg::ALL.iter().enumerate() {
        assert_eq!(*msg as usize, i, "{}", msg.name());
    }
}

#[test]
fn plurals_are_exactly_the_keys_that_count_and_placeholders_are_declared() {
    for lang in Lang::ALL {
        for (msg, text) in lang.entries() {
            let counts = msg.args().contains(&"n");
            assert_eq!(
                text.is_plural(),
                counts,
                "{}: {} should {}be a plural",
                lang.tag(),
                msg.name(),
                if counts { "" } else { "not " }
            );
            let mut used = HashSet::new();
            for form in text.forms() {
                for name in placeholders(form) {
                    assert!(
                        msg.args().contains(&name) || GLOBALS.contains(&name),
                        "{}: {} uses {{{name}}}, which it does not declare",
                        lang.tag(),
                        msg.name()
                    );
                    used.insert(name);
                }
            }
            for arg in msg.args() {
                assert!(
                    used.contains(arg) || *arg == "n",
                    "{}: {} never uses {{{arg}}}",
                    lang.tag(),
                    msg.name()
                );
            }
        }
    }
}

#[test]
fn the_default_platform_is_the_built_in_bundles() {
    let loaded = crate::domain::documents::bundle::load_json(crate::DEFAULT_BUNDLE);
    assert_eq!(loaded.bundle.platform, DEFAULT_PLATFORM);
    assert_eq!(Catalog::en().platform(), DEFAULT_PLATFORM);
    assert_eq!(
        Catalog::en().with_platform("  ").platform(),
        DEFAULT_PLATFORM
    );
}

#[test]
fn named_values_and_the_platform_are_filled_in() {
    let cat = Catalog::en();
    assert_eq!(
        cat.text(Msg::ViaDirect),
        "Directly with Kestrel Learning (card or PayPal on our site)"
    );
    assert_eq!(cat.text(Msg::KindPlusSubscription), "Kestrel Plus (annual)");
    assert_eq!(
        cat.with(
            Msg::PolicyLine,
            &[("version", "2"), ("since", "1 September 2025")]
        ),
        "Policy version 2, in effect since 1 September 2025"
    );
    // Values are not read again: braces in a value stay as they are.
    assert_eq!(
        cat.with(Msg::ReadTheRule, &[("section", "{platform}")]),
        "Read the rule: {platform}"
    );
    // A value left out keeps its placeholder visible rather than vanishing.
    assert_eq!(cat.text(Msg::ReadTheRule), "Read the rule: {section}");
    assert_eq!(
        cat.around(Msg::OlderVersion, &[("from", "1 February 2024")], "link"),
        (
            "You are reading an earlier version. It was in effect from 1 February 2024. "
                .to_string(),
            String::new()
        )
    );
    assert_eq!(
        cat.around(Msg::Dismiss, &[], "link"),
        ("Dismiss".to_string(), String::new())
    );
}

#[test]
fn plurals_follow_the_count() {
    let cat = Catalog::en();
    assert_eq!(
        cat.count(Msg::ProblemsInDocuments, 1, &[]),
        "1 problem in the documents: some content is not shown"
    );
    assert_eq!(
        cat.count(Msg::ProblemsInDocuments, 0, &[]),
        "0 problems in the documents: some content is not shown"
    );
    assert_eq!(
        cat.count(Msg::MatchCount, 1, &[("current", "1")]),
        "1 of 1 match"
    );
    assert_eq!(
        cat.count(Msg::MatchCount, 12, &[("current", "3")]),
        "3 of 12 matches"
    );
    let sections = cat.count(Msg::ChangedSections, 1, &[]);
    assert_eq!(
        cat.count(Msg::ChangesCount, 2, &[("sections", &sections)]),
        "2 changes in 1 section."
    );
    assert_eq!(
        cat.count(Msg::CustomWindowExceedsStandard, 14, &[]),
        "A shorter window stated at sign-up can be at most 14 days, the standard window. If \
         no shorter window was stated, untick the box."
    );
    assert!(
        cat.count(Msg::CustomWindowExceedsStandard, 1, &[])
            .contains("at most 1 day,")
    );
    // A plural used without a count takes its general form.
    assert_eq!(cat.text(Msg::DurationDays), "{n} days");
}

#[test]
fn durations_match_the_engines_words() {
    let cat = Catalog::en();
    for seconds in [
        -5, 0, 59, 60, 61, 119, 3599, 3600, 3660, 7200, 86_399, 86_400, 90_000, 475_200, 1_209_600,
        1_213_260,
    ] {
        assert_eq!(
            crate::domain::refund::form::duration(&cat, seconds),
            crate::domain::refund::format_duration(seconds),
            "{seconds}"
        );
    }
}

#[test]
fn dates_in_english_are_the_domains_long_dates() {
    use crate::domain::time::LongDate;
    let cat = Catalog::en();
    for year in [1, 999, 2024, 9999] {
        for month in 1..=12 {
            for day in [1, 9, 28] {
                let date = chrono::NaiveDate::from_ymd_opt(year, month, day).unwrap();
                assert_eq!(cat.date(date), date.long());
            }
        }
    }
    let date = chrono::NaiveDate::from_ymd_opt(2026, 3, 3).unwrap();
    assert_eq!(Catalog::new(Lang::Ar).date(date), "3 مارس 2026");
}

#[test]
fn lists_join_with_the_serial_comma() {
    let cat = Catalog::en();
    let words = |list: &[&str]| cat.list(&list.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    assert_eq!(words(&[]), "");
    assert_eq!(words(&["A"]), "A");
    assert_eq!(words(&["A", "B"]), "A and B");
    assert_eq!(words(&["A", "B", "C"]), "A, B, and C");
}

#[test]
fn a_partner_bundle_names_the_partner_and_never_kestrel() {
    let cat = Catalog::en().with_platform("Heron Academy");
    assert_eq!(cat.platform(), "Heron Academy");
    assert_eq!(
        cat.text(Msg::AskViolation),
        "Heron Academy has confirmed a breach of the Terms of Use, the Acceptable Use Policy \
         or the Honor Code on this account"
    );
    assert_eq!(
        cat.text(Msg::ViaDirect),
        "Directly with Heron Academy (card or PayPal on our site)"
    );
    assert_eq!(cat.text(Msg::HeadlineStore), "The store decides, not Heron");
    // Every message, in every form, with any values.
    for msg in Msg::ALL {
        let args: Vec<(&str, &str)> = msg.args().iter().map(|a| (*a, "x")).collect();
        for text in [cat.with(*msg, &args), cat.count(*msg, 1, &args)] {
            assert!(!text.contains("Kestrel"), "{}: {text}", msg.name());
            assert!(!text.contains('{'), "{}: {text}", msg.name());
        }
    }
    // A one-word name is its own short name.
    assert_eq!(
        Catalog::en().with_platform("Wren").text(Msg::SectionPlus),
        "Wren Plus"
    );
}

#[test]
fn catalogs_compare_by_language_and_platform() {
    assert_eq!(Catalog::en(), Catalog::default());
    assert_ne!(Catalog::en(), Catalog::en().with_platform("Heron Academy"));
    assert_eq!(Catalog::en().lang().tag(), "en");
    assert!(format!("{:?}", Catalog::en()).contains("Kestrel Learning"));
}

#[test]
fn placeholders_are_found() {
    assert_eq!(placeholders("a {b} c {d_e} {F} {} {"), ["b", "d_e"]);
}

#[test]
fn right_to_left_languages() {
    for rtl in ["ar", "ar-EG", "he", "fa-IR", "ur"] {
        assert_eq!(crate::catalog::direction(rtl), "rtl", "{rtl}");
    }
    for ltr in ["en", "en-GB", "es", "", "arn"] {
        assert_eq!(crate::catalog::direction(ltr), "ltr", "{ltr}");
    }
}

#[test]
fn each_language_gives_each_area_the_same_keys_in_the_same_order_as_english() {
    for lang in Lang::ALL {
        let areas: Vec<Area> = lang.tables().iter().map(|(a, _)| *a).collect();
        assert_eq!(areas, Area::ALL, "{}", lang.tag());
        for ((area, own), (_, en)) in lang.tables().iter().zip(Lang::En.tables()) {
            let own: Vec<&str> = own.iter().map(|(m, _)| m.name()).collect();
            let en: Vec<&str> = en.iter().map(|(m, _)| m.name()).collect();
            assert_eq!(own, en, "{}: {area:?}", lang.tag());
        }
    }
}

#[test]
fn plural_values_have_the_forms_their_language_uses() {
    for lang in Lang::ALL {
        let six = lang == Lang::Ar;
        for (msg, text) in lang.entries() {
            if text.is_plural() {
                assert_eq!(
                    matches!(text, Text::Plurals { .. }),
                    six,
                    "{}: {} should have {} forms",
                    lang.tag(),
                    msg.name(),
                    if six { "six" } else { "two" }
                );
            }
        }
    }
    // Arabic's categories, CLDR's integer rule.
    let forms: Vec<Form> = [0, 1, 2, 3, 10, 11, 99, 100, 101, 102, 103, 111]
        .into_iter()
        .map(|n| Lang::Ar.plural(n))
        .collect();
    use Form::*;
    assert_eq!(
        forms,
        [
            Zero, One, Two, Few, Few, Many, Many, Other, Other, Other, Few, Many
        ]
    );
}

/// Whether a template has words of its own, outside its placeholders.
fn has_words(template: &str) -> bool {
    let mut inside = false;
    template.chars().any(|c| {
        match c {
            '{' => inside = true,
            '}' => inside = false,
            _ => {}
        }
        !inside && c.is_alphabetic()
    })
}

#[test]
fn other_languages_are_translated_not_copied() {
    // A product's name may stay as it is ("{platform_short} Plus"); formats of values.
    const SAME: [Msg; 3] = [Msg::SectionPlus, Msg::WhyWindow, Msg::DateLong];
    for lang in [Lang::Es, Lang::Ar] {
        let copied: Vec<&str> = lang
            .entries()
            .filter(|(msg, text)| {
                !SAME.contains(msg)
                    && Lang::En.entries().any(|(m, t)| {
                        m == msg && t == text && text.forms().iter().any(|f| has_words(f))
                    })
            })
            .map(|(m, _)| m.name())
            .collect();
        assert!(
            copied.is_empty(),
            "{}: these still read as in English: {copied:?}",
            lang.tag()
        );
    }
    assert!(has_words("{n} days") && !has_words("{title} · {platform}"));
}

#[test]
fn no_language_names_the_default_platform_except_through_placeholders() {
    for lang in Lang::ALL {
        let cat = Catalog::new(lang).with_platform("Heron Academy");
        for msg in Msg::ALL {
            let args: Vec<(&str, &str)> = msg.args().iter().map(|a| (*a, "x")).collect();
            for n in [0, 1, 2, 5, 11, 100] {
                let text = cat.count(*msg, n, &args);
                assert!(
                    !text.contains("Kestrel"),
                    "{}: {}: {text}",
                    lang.tag(),
                    msg.name()
                );
                assert!(
                    !text.contains('{'),
                    "{}: {}: {text}",
                    lang.tag(),
                    msg.name()
                );
            }
        }
    }
}

#[test]
fn the_language_is_negotiated_from_the_learners_candidates_in_order() {
    assert_eq!(Lang::negotiate([]), (Lang::En, "en".to_string()));
    assert_eq!(
        Lang::negotiate(["", " es_AR "]),
        (Lang::Es, "es-AR".to_string())
    );
    assert_eq!(Lang::negotiate(["ar", "es"]).0, Lang::Ar);
    assert_eq!(
        Lang::negotiate(["pt-BR", "fr", "en-GB"]),
        (Lang::En, "en-GB".to_string())
    );
    let cat = Catalog::negotiated(["ar-EG"]);
    assert_eq!(
        (cat.lang(), cat.locale(), cat.dir()),
        (Lang::Ar, "ar-EG", "rtl")
    );
    assert_eq!(Catalog::negotiated(["es"]).dir(), "ltr");
}

/// The source the consent-only build (`src/bin/terms-consent.rs`, `register_consent`) runs,
/// apart from the language tables: the consent elements and what they reach (the
/// platform edge, the consent and records domains, the catalog itself). That build
/// carries only the areas [`Area::in_consent_build`] names, so a key this code names in
/// another area would show as nothing there. A folder stands for every `.rs` file under
/// it. Code the documents view alone uses is kept out of these files (`state.rs` holds the
/// view's state, `Source` is in `source.rs`; `landmark.rs` names the view's landmarks;
/// durations are the refund's, `domain::refund::form::duration`).
const CONSENT_BUILD_SOURCES: [&str; 20] = [
    "src/embed/mod.rs",
    "src/embed/api.rs",
    "src/components/mod.rs",
    "src/components/source.rs",
    "src/components/consent.rs",
    "src/components/consent_app.rs",
    "src/components/policy_frame.rs",
    "src/platform/mod.rs",
    "src/platform/consent_store.rs",
    "src/platform/consent_host.rs",
    "src/platform/language.rs",
    "src/platform/localtime.rs",
    "src/platform/documents_build.rs",
    "src/platform/delivery.rs",
    "src/platform/signals.rs",
    "src/platform/focus.rs",
    "src/domain/consent",
    "src/domain/records",
    "src/catalog/mod.rs",
    "src/catalog/partner.rs",
];

/// The `.rs` files at `path` (a file, or a folder read recursively).
fn rust_files(path: &std::path::Path) -> Vec<std::path::PathBuf> {
    if path.is_file() {
        return vec![path.to_path_buf()];
    }
    let mut files = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for entry in entries {
        if entry.is_dir() {
            files.extend(rust_files(&entry));
        } else if entry.extension().is_some_and(|e| e == "rs") {
            files.push(entry);
        }
    }
    files
}

/// The keys a source file's code names as `Msg::Name`: not in comments (doc examples
/// name any key) nor in an inline `#[cfg(test)] mod tests { … }` (by convention the end
/// of the file; a `mod tests;` elsewhere is read with the folder). Errs on a glob or list
/// import of the keys (`Msg::*`, `Msg::{…}`), which would name keys this cannot see.
fn keys_named_in(source: &str) -> Result<Vec<&str>, String> {
    let code = source
        .split("#[cfg(test)]\nmod tests {")
        .next()
        .unwrap_or_default();
    let mut names = Vec::new();
    for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
        for (_, after) in line
            .match_indices("Msg::")
            .map(|(i, _)| line.split_at(i + 5))
        {
            if after.starts_with(['*', '{']) {
                return Err(format!("imports the keys by name: {}", line.trim()));
            }
            let end = after
                .find(|c: char| !c.is_ascii_alphanumeric() && c != '_')
                .unwrap_or(after.len());
            let name = after.get(..end).unwrap_or_default();
            if name.starts_with(|c: char| c.is_ascii_uppercase()) && name != "ALL" {
                names.push(name);
            }
        }
    }
    Ok(names)
}

/// The keys the code in `sources` (as [`CONSENT_BUILD_SOURCES`]) names that lie outside
/// the areas `carried` accepts, as readable problems, with how many keys it named.
fn keys_outside(sources: &[&str], carried: fn(Area) -> bool) -> (usize, Vec<String>) {
    let carried: HashSet<&str> = Lang::En
        .tables()
        .iter()
        .filter(|(area, _)| carried(*area))
        .flat_map(|(_, table)| table.iter().map(|(m, _)| m.name()))
        .collect();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut problems = Vec::new();
    let mut named = 0;
    for path in sources {
        let files = rust_files(&root.join(path));
        assert!(!files.is_empty(), "{path}: no such file or folder");
        for file in files {
            let source = std::fs::read_to_string(&file).expect("a source file");
            let shown = file
                .strip_prefix(root)
                .unwrap_or(&file)
                .display()
                .to_string();
            match keys_named_in(&source) {
                Ok(names) => {
                    named += names.len();
                    for name in names {
                        assert!(
                            Msg::ALL.iter().any(|m| m.name() == name),
                            "{shown}: Msg::{name} is not a key"
                        );
                        if !carried.contains(name) {
                            let area = Lang::En
                                .tables()
                                .iter()
                                .find(|(_, t)| t.iter().any(|(m, _)| m.name() == name))
                                .map(|(a, _)| *a);
                            problems.push(format!("{shown}: Msg::{name} (in {area:?})"));
                        }
                    }
                }
                Err(problem) => problems.push(format!("{shown}: {problem}")),
            }
        }
    }
    (named, problems)
}

/// Fails unless the code in `sources` names only keys of the areas `carried` accepts
/// (`build` and `areas` say whose and which in the message), and at least `at_least`.
fn assert_build_keys(
    build: &str,
    areas: &str,
    sources: &[&str],
    carried: fn(Area) -> bool,
    at_least: usize,
) {
    let (named, problems) = keys_outside(sources, carried);
    assert!(
        named >= at_least,
        "{build}: the scan found only {named} keys"
    );
    assert!(
        problems.is_empty(),
        "the {build} carries only the areas `{areas}` names, but its code uses keys outside \
         them (move the key to a carried area, or the code out of the {build}'s files):\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_consent_builds_code_uses_only_keys_in_the_areas_it_carries() {
    assert_build_keys(
        "consent-only build",
        "Area::in_consent_build",
        &CONSENT_BUILD_SOURCES,
        Area::in_consent_build,
        50,
    );
}

/// The source the documents build (`src/bin/terms-documents.rs`, `register_documents`)
/// runs, apart from the language tables: `<terms-widget>` (the documents view, the refund
/// calculator and the verdict card) and what it reaches. Not the consent or acceptance
/// elements, their stores or the records' delivery, which only the other builds register.
const DOCUMENTS_BUILD_SOURCES: [&str; 19] = [
    "src/embed/mod.rs",
    "src/embed/api.rs",
    "src/components/mod.rs",
    "src/components/source.rs",
    "src/components/state.rs",
    "src/components/app.rs",
    "src/components/archived.rs",
    "src/components/landmark.rs",
    "src/components/markdown_view.rs",
    "src/components/parse_cache.rs",
    "src/components/parts.rs",
    "src/components/refund",
    "src/platform/mod.rs",
    "src/platform/focus.rs",
    "src/platform/language.rs",
    "src/platform/localtime.rs",
    "src/domain/documents",
    "src/domain/refund",
    "src/catalog/mod.rs",
];

#[test]
fn the_documents_builds_code_uses_only_keys_in_the_areas_it_carries() {
    assert_build_keys(
        "documents build",
        "Area::in_documents_build",
        &DOCUMENTS_BUILD_SOURCES,
        Area::in_documents_build,
        200,
    );
}

#[test]
fn the_key_scan_sees_keys_in_code_only() {
    let source = "let a = cat.text(Msg::Close);\n/// Msg::HeadlineStore\n\
                  #[prop_or(Msg::PolicyLoading)] x(Msg::ALL)\n\
                  #[cfg(test)]\nmod tests;\nlet b = Msg::Allow;\n\
                  #[cfg(test)]\nmod tests { Msg::ViaDirect }";
    assert_eq!(
        keys_named_in(source),
        Ok(vec!["Close", "PolicyLoading", "Allow"])
    );
    assert!(keys_named_in("use crate::catalog::Msg::*;").is_err());
    assert!(keys_named_in("use crate::catalog::Msg::{Close, Allow};").is_err());
}
