//! Property tests: whatever the input, links stay safe and leaves stay numbered.

use std::collections::HashSet;

use proptest::prelude::*;

use super::super::links::{clean_href, scheme_of};
use super::*;

// -- properties ---------------------------------------------------------

/// A link target that could become a clickable href must be a safe one.
fn assert_target_is_safe(target: &LinkTarget) {
    match target {
        LinkTarget::External(url) => {
            let lower = url.to_ascii_lowercase();
            let protocol_relative = lower.starts_with("//")
                || lower.starts_with("\\\\")
                || lower.starts_with("/\\")
                || lower.starts_with("\\/");
            assert!(
                lower.starts_with("http:") || lower.starts_with("https:") || protocol_relative,
                "{url:?}"
            );
            assert_eq!(url, &clean_href(url));
        }
        LinkTarget::Mailto(url) => {
            assert!(url.to_ascii_lowercase().starts_with("mailto:"), "{url:?}");
        }
        LinkTarget::Relative(url) => {
            assert_eq!(scheme_of(url), None, "{url:?}");
            assert_eq!(url, &clean_href(url));
            assert!(!url.is_empty());
        }
        LinkTarget::Fragment(_) | LinkTarget::Blocked(_) => {}
    }
}

fn markdownish() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("["),
        Just("]"),
        Just("("),
        Just(")"),
        Just("<"),
        Just(">"),
        Just("#"),
        Just("*"),
        Just("_"),
        Just("`"),
        Just("\n"),
        Just("|"),
        Just("-"),
        Just(":"),
        Just("!"),
        Just("&"),
        Just(";"),
        Just(" "),
        Just("  "),
        Just("\t"),
        Just("~"),
        Just("\\"),
        Just("{#"),
        Just("}"),
        Just("1."),
        Just("> "),
        Just("- [x] "),
        Just("a"),
        Just("İ"),
        Just("é"),
        Just("javascript"),
        Just("JaVa\tScript"),
        Just("&#106;"),
        Just("&#x09;"),
        Just("&amp;"),
        Just("&lt;"),
        Just("http"),
        Just("//"),
        Just("mailto"),
        Just("data"),
        Just("<script>"),
        Just("```"),
        Just("    "),
        Just("\""),
        Just("'"),
        Just("\u{0}"),
        Just("\r\n"),
    ];
    prop::collection::vec(token, 0..80).prop_map(|tokens| tokens.concat())
}

fn javascript_variants() -> impl Strategy<Value = String> {
    let junk = prop::collection::vec(prop_oneof![Just('\t'), Just('\n'), Just('\r')], 0..3);
    (
        prop::collection::vec(prop::char::range('\u{0}', ' '), 0..4),
        prop::collection::vec((any::<bool>(), junk), 10),
        ".*",
    )
        .prop_map(|(leading, letter_cases, rest)| {
            let mut href: String = leading.into_iter().collect();
            for ((upper, junk), letter) in letter_cases.into_iter().zip("javascript".chars()) {
                href.push(if upper {
                    letter.to_ascii_uppercase()
                } else {
                    letter
                });
                href.extend(junk);
            }
            href.push(':');
            href.push_str(&rest);
            href
        })
}

proptest! {
    #[test]
    fn parse_never_panics_on_any_string(input in ".*") {
        let doc = parse(&input);
        assert_leaves_contiguous(&doc);
    }

    #[test]
    fn parse_never_panics_on_markdownish_input(input in markdownish()) {
        let doc = parse(&input);
        assert_leaves_contiguous(&doc);
        for (target, _) in links(&doc) {
            assert_target_is_safe(&target);
        }
        let unique: HashSet<_> = doc.headings.iter().map(|h| &h.slug).collect();
        prop_assert_eq!(unique.len(), doc.headings.len());
    }

    #[test]
    fn links_built_from_arbitrary_destinations_are_safe(dest in ".*", title in "[a-z ]*") {
        let doc = parse(&format!("[x]({dest} \"{title}\") <{dest}>\n\n[r]\n\n[r]: {dest}"));
        for (target, _) in links(&doc) {
            assert_target_is_safe(&target);
        }
    }

    #[test]
    fn classify_link_never_panics_and_is_safe(href in ".*") {
        let target = classify_link(&href);
        assert_target_is_safe(&target);
        if clean_href(&href).to_ascii_lowercase().starts_with("javascript:") {
            prop_assert_eq!(target, LinkTarget::Blocked(href.clone()));
        }
    }

    #[test]
    fn javascript_in_any_disguise_is_blocked(href in javascript_variants()) {
        prop_assert_eq!(classify_link(&href), LinkTarget::Blocked(href.clone()));
    }

    #[test]
    fn slugify_output_is_clean(text in ".*") {
        let slug = slugify(&text);
        prop_assert!(!slug.is_empty());
        prop_assert!(!slug.starts_with('-') && !slug.ends_with('-'));
        prop_assert!(!slug.contains("--"));
        prop_assert!(!slug.chars().any(char::is_whitespace));
    }
}
