//! Table-of-contents levels: the two highest heading levels a document actually uses.

use super::*;

/// The table of contents of `markdown` as (text, rank) pairs.
fn toc(markdown: &str) -> Vec<(String, u8)> {
    let doc = parse(markdown);
    Outline::of(&doc.headings)
        .toc(&doc.headings)
        .iter()
        .map(|e| (e.heading.text.clone(), e.rank))
        .collect()
}

fn pairs(list: &[(&str, u8)]) -> Vec<(String, u8)> {
    list.iter().map(|(t, r)| (t.to_string(), *r)).collect()
}

#[test]
fn only_level_four_sections_get_a_toc() {
    let md = "Intro paragraph.\n\n#### Permitted use\n\nText.\n\n#### Prohibited use\n\nText.\n";
    assert_eq!(
        toc(md),
        pairs(&[("Permitted use", 0), ("Prohibited use", 0)])
    );
    let doc = parse(md);
    assert_eq!(Outline::of(&doc.headings).html_level(4), 2);
}

#[test]
fn setext_headings_get_a_toc() {
    let md =
        "Using the service\n-----------------\n\nText.\n\nYour content\n------------\n\nText.\n";
    assert_eq!(
        toc(md),
        pairs(&[("Using the service", 0), ("Your content", 0)])
    );
    let md = "Agreement\n=========\n\nAccounts\n--------\n\nText.\n\n#### Deep\n";
    assert_eq!(toc(md), pairs(&[("Agreement", 0), ("Accounts", 1)]));
}

#[test]
fn three_levels_give_the_top_two() {
    let md = "## One\n\n### One.a\n\n#### One.a.i\n\n## Two\n\n#### Two.i\n\n### Two.a\n";
    assert_eq!(
        toc(md),
        pairs(&[("One", 0), ("One.a", 1), ("Two", 0), ("Two.a", 1)])
    );
    let doc = parse(md);
    let outline = Outline::of(&doc.headings);
    assert_eq!(outline.levels(), [2, 3, 4]);
    assert_eq!([2, 3, 4].map(|l| outline.html_level(l)), [2, 3, 4]);
}

#[test]
fn a_title_heading_counts_as_a_level() {
    // `#` over `##` over `###`: the top two are `#` and `##`.
    let md = "# Terms\n\n## Accounts\n\n### Age\n\n## Fees\n";
    assert_eq!(
        toc(md),
        pairs(&[("Terms", 0), ("Accounts", 1), ("Fees", 1)])
    );
}

#[test]
fn skipped_levels_close_up() {
    // `##` and `#####`: the second used level is the subsection, whatever its number.
    let md = "## Scope\n\n##### Detail\n\n## Changes\n";
    assert_eq!(
        toc(md),
        pairs(&[("Scope", 0), ("Detail", 1), ("Changes", 0)])
    );
    let doc = parse(md);
    let outline = Outline::of(&doc.headings);
    assert_eq!(outline.html_level(2), 2);
    assert_eq!(outline.html_level(5), 3);
    // A level the document doesn't use ranks where it would fall.
    assert_eq!(outline.rank(3), 1);
    assert_eq!(outline.rank(6), 2);
    assert_eq!(outline.rank(1), 0);
}

#[test]
fn six_levels_never_go_past_h6() {
    let md = "# a\n## b\n### c\n#### d\n##### e\n###### f\n";
    let doc = parse(md);
    let outline = Outline::of(&doc.headings);
    assert_eq!(
        (1..=6).map(|l| outline.html_level(l)).collect::<Vec<_>>(),
        [2, 3, 4, 5, 6, 6]
    );
    assert_eq!(toc(md).len(), 2);
}

#[test]
fn bold_lines_are_not_headings() {
    let md = "**Permitted use**\n\nText.\n\n**Prohibited use**\n\nText.\n";
    assert!(toc(md).is_empty());
    assert!(toc("Just a paragraph.").is_empty());
    assert_eq!(Outline::of(&[]).levels(), Vec::<u8>::new());
}

#[test]
fn headings_in_containers_count() {
    let md = "> #### Quoted section\n\n- #### Listed section\n";
    assert_eq!(
        toc(md),
        pairs(&[("Quoted section", 0), ("Listed section", 0)])
    );
}
