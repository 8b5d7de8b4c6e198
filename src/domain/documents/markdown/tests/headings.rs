//! Heading slugs and ids.

use super::*;

// -- slugs --------------------------------------------------------------

#[test]
fn author_ids_never_take_the_widgets_own() {
    let doc = parse("## Title {#tw-doc-title}\n\n## TW skip\n\n## Tw\n\n## twin");
    let slugs: Vec<&str> = doc.headings.iter().map(|h| h.slug.as_str()).collect();
    assert_eq!(
        slugs,
        ["section-tw-doc-title", "section-tw-skip", "tw", "twin"]
    );
    for slug in slugs {
        assert!(!slug.starts_with(WIDGET_ID_PREFIX), "{slug}");
    }
}

#[test]
fn slugify_rules() {
    assert_eq!(slugify("Hello, World!"), "hello-world");
    assert_eq!(slugify("Política de privacidad"), "política-de-privacidad");
    assert_eq!(slugify("a -- b"), "a-b");
    assert_eq!(slugify("--Trim--"), "trim");
    assert_eq!(slugify("snake_case stays"), "snake_case-stays");
    assert_eq!(slugify("3.2 Fees (EUR)"), "32-fees-eur");
    assert_eq!(slugify("Ünïcödé ÄÖÜ"), "ünïcödé-äöü");
    assert_eq!(slugify("数据 保护"), "数据-保护");
    assert_eq!(slugify(""), "section");
    assert_eq!(slugify("!!! ???"), "section");
    assert_eq!(slugify("İstanbul"), "i\u{307}stanbul");
    assert_eq!(slugify("Cafe\u{301}"), "cafe\u{301}");
}

#[test]
fn duplicate_headings_get_numbered_slugs() {
    assert_eq!(
        slugs("# Overview\n## Overview\n### Overview\n# Other"),
        ["overview", "overview-1", "overview-2", "other"]
    );
}

#[test]
fn generated_suffix_never_collides_with_a_literal_heading() {
    assert_eq!(
        slugs("# Overview 1\n# Overview\n# Overview"),
        ["overview-1", "overview", "overview-2"]
    );
}

#[test]
fn explicit_ids_are_slugified_and_win_over_generated_slugs() {
    let doc = parse("# Overview\n## Other {#overview}\n## Pinned {#My_Id}");
    assert_eq!(
        doc.headings,
        [
            Heading {
                level: 1,
                text: "Overview".into(),
                slug: "overview-1".into()
            },
            Heading {
                level: 2,
                text: "Other".into(),
                slug: "overview".into()
            },
            Heading {
                level: 2,
                text: "Pinned".into(),
                slug: "my_id".into()
            },
        ]
    );
    let Block::Heading { slug, content, .. } = &doc.blocks[1] else {
        panic!("heading");
    };
    assert_eq!(slug, "overview");
    assert_eq!(content, &[text(1, "Other")]);
}

#[test]
fn heading_attributes_other_than_the_id_are_ignored() {
    let doc = parse("## Title {#custom-id .cls data-x=1}");
    assert_eq!(
        doc.headings,
        [Heading {
            level: 2,
            text: "Title".into(),
            slug: "custom-id".into()
        }]
    );
    assert_eq!(doc.leaf_count, 1);
}

#[test]
fn duplicate_explicit_ids_are_made_unique() {
    assert_eq!(slugs("# A {#x}\n# B {#x}"), ["x", "x-1"]);
}

#[test]
fn empty_headings_get_section_slugs() {
    assert_eq!(
        slugs("#\n\n## !!!\n\n#"),
        ["section", "section-1", "section-2"]
    );
}

#[test]
fn heading_text_includes_code_emphasis_and_links() {
    let doc = parse("## The `Foo` *bar* [baz](https://x) ~~qux~~");
    assert_eq!(doc.headings[0].text, "The Foo bar baz qux");
    assert_eq!(doc.headings[0].slug, "the-foo-bar-baz-qux");
}

#[test]
fn setext_heading_over_two_lines() {
    let doc = parse("Terms of\nService\n===");
    assert_eq!(doc.headings[0].text, "Terms of Service");
    assert_eq!(doc.headings[0].slug, "terms-of-service");
    assert_eq!(doc.headings[0].level, 1);
}

#[test]
fn headings_inside_containers_are_listed() {
    let doc = parse("> # Quoted\n\n- ## Listed");
    let texts: Vec<_> = doc.headings.iter().map(|h| h.text.as_str()).collect();
    assert_eq!(texts, ["Quoted", "Listed"]);
}
