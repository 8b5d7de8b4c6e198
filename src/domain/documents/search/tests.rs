//! Tests of [`super`]: unit tests and properties.

use super::*;
use crate::domain::documents::markdown::parse;
use proptest::prelude::*;

/// `(index, leaf, text)` of every piece of every match.
fn found(markdown: &str, query: &str) -> Vec<(usize, u32, String)> {
    let doc = parse(markdown);
    let leaves = doc.leaves();
    find_matches(&doc, query)
        .pieces()
        .iter()
        .map(|p| {
            let text = leaves
                .get(p.leaf as usize)
                .and_then(|leaf| leaf.text.get(p.start..p.end))
                .unwrap_or("<invalid>");
            (p.index, p.leaf, text.to_owned())
        })
        .collect()
}

fn pieces(expected: &[(usize, u32, &str)]) -> Vec<(usize, u32, String)> {
    expected
        .iter()
        .map(|&(index, leaf, text)| (index, leaf, text.to_owned()))
        .collect()
}

fn piece(leaf: u32, start: usize, end: usize, index: usize) -> Piece {
    Piece {
        leaf,
        start,
        end,
        index,
    }
}

fn segment(text: &str, match_index: Option<usize>) -> Segment<'_> {
    Segment { text, match_index }
}

fn concat(segments: &[Segment<'_>]) -> String {
    segments.iter().map(|segment| segment.text).collect()
}

#[test]
fn case_insensitive() {
    assert_eq!(
        found("Refund REFUND refund rEfUnD", "ReFuNd"),
        pieces(&[
            (0, 0, "Refund"),
            (1, 0, "REFUND"),
            (2, 0, "refund"),
            (3, 0, "rEfUnD")
        ])
    );
}

#[test]
fn multiple_matches_in_one_leaf_have_exact_offsets() {
    let doc = parse("a fee, a Fee, a FEE");
    let matches = find_matches(&doc, "fee");
    assert_eq!(matches.count(), 3);
    assert_eq!(
        matches.pieces(),
        [piece(0, 2, 5, 0), piece(0, 9, 12, 1), piece(0, 16, 19, 2)]
    );
}

#[test]
fn matches_across_leaves_are_in_document_order() {
    assert_eq!(
        found(
            "# Data\n\n*data* `DATA`\n\n- data\n\n```\ndata\n```",
            "data"
        ),
        pieces(&[
            (0, 0, "Data"),
            (1, 1, "data"),
            (2, 3, "DATA"),
            (3, 4, "data"),
            (4, 5, "data")
        ])
    );
}

#[test]
fn raw_html_and_code_are_searchable() {
    assert_eq!(
        found("<div>Secret</div>\n\n`secret` x", "secret"),
        pieces(&[(0, 0, "Secret"), (1, 1, "secret")])
    );
}

#[test]
fn unicode_case_folding() {
    assert_eq!(
        found("POLÍTICA de política", "Política"),
        pieces(&[(0, 0, "POLÍTICA"), (1, 0, "política")])
    );
    assert_eq!(
        found("ΟΔΟΣ οδος", "οδος"),
        pieces(&[(0, 0, "ΟΔΟΣ"), (1, 0, "οδος")])
    );
    assert_eq!(found("DATENSCHUTZ", "datenschutz").len(), 1);
    // No multi-char folding.
    assert!(found("straße", "STRASSE").is_empty());
}

#[test]
fn dotted_capital_i_folds_to_i_without_panicking() {
    assert_eq!(found("İstanbul", "istanbul"), pieces(&[(0, 0, "İstanbul")]));
    assert_eq!(found("istanbul", "İSTANBUL"), pieces(&[(0, 0, "istanbul")]));
    assert_eq!(
        found("İİİ", "i"),
        pieces(&[(0, 0, "İ"), (1, 0, "İ"), (2, 0, "İ")])
    );
    assert!(found("İ", "i\u{307}").is_empty());
    assert_eq!(found("i\u{307}", "İ\u{307}"), pieces(&[(0, 0, "i\u{307}")]));
}

#[test]
fn empty_and_whitespace_queries_match_nothing() {
    let doc = parse("some text");
    assert!(find_matches(&doc, "").is_empty());
    assert!(find_matches(&doc, " \t\n\u{a0}").is_empty());
    assert_eq!(find_matches(&doc, "").count(), 0);
    assert_eq!(count_matches(&doc, ""), 0);
}

#[test]
fn query_is_trimmed() {
    assert_eq!(found("the fee", "  fee\n"), pieces(&[(0, 0, "fee")]));
}

#[test]
fn query_longer_than_text() {
    assert!(found("fee", "fees and charges").is_empty());
    assert!(found("", "x").is_empty());
}

#[test]
fn matches_do_not_overlap() {
    assert_eq!(found("aaaa", "aa"), pieces(&[(0, 0, "aa"), (1, 0, "aa")]));
    assert_eq!(found("aaa", "aa"), pieces(&[(0, 0, "aa")]));
    assert_eq!(found("ababab", "abab"), pieces(&[(0, 0, "abab")]));
}

#[test]
fn whitespace_in_query_matches_any_whitespace_run() {
    assert_eq!(
        found("personal\ndata and personal \u{a0} data", "personal data"),
        pieces(&[(0, 0, "personal\ndata"), (1, 0, "personal \u{a0} data")])
    );
    assert_eq!(found("personal data", "personal    data").len(), 1);
    assert!(found("personaldata", "personal data").is_empty());
}

// -- matches across inline markup ---------------------------------------

#[test]
fn the_field_case_is_one_match_in_four_leaves() {
    let markdown = "You may request a **full refund** within [14 days](#x).";
    let query = "request a full refund within 14";
    assert_eq!(
        found(markdown, query),
        pieces(&[
            (0, 0, "request a "),
            (0, 1, "full refund"),
            (0, 2, " within "),
            (0, 3, "14"),
        ])
    );
    let doc = parse(markdown);
    let matches = find_matches(&doc, query);
    assert_eq!(matches.count(), 1);
    assert_eq!(count_matches(&doc, query), 1);
    assert_eq!(matches.pieces_of(0), matches.pieces());
    assert!(matches.pieces_of(1).is_empty());
    // Each leaf it covers is highlighted, with the one match index.
    let leaves = doc.leaves();
    let split: Vec<Vec<Segment<'_>>> = leaves
        .iter()
        .map(|leaf| split_leaf(&leaf.text, leaf.leaf, matches.pieces()))
        .collect();
    assert_eq!(
        split,
        [
            vec![segment("You may ", None), segment("request a ", Some(0))],
            vec![segment("full refund", Some(0))],
            vec![segment(" within ", Some(0))],
            vec![segment("14", Some(0)), segment(" days", None)],
            vec![segment(".", None)],
        ]
    );
}

#[test]
fn a_phrase_across_a_link_and_inline_code() {
    assert_eq!(
        found(
            "See the [refund policy](#refund-policy) now",
            "the refund policy now"
        ),
        pieces(&[(0, 0, "the "), (0, 1, "refund policy"), (0, 2, " now")])
    );
    assert_eq!(
        found("Run `cargo test` daily", "run cargo test daily"),
        pieces(&[(0, 0, "Run "), (0, 1, "cargo test"), (0, 2, " daily")])
    );
    // Inside one word, too: the pieces meet without whitespace.
    assert_eq!(
        found("re`fund`s", "refunds"),
        pieces(&[(0, 0, "re"), (0, 1, "fund"), (0, 2, "s")])
    );
    assert_eq!(
        found("the **Company** shall", "company shall"),
        pieces(&[(0, 1, "Company"), (0, 2, " shall")])
    );
}

#[test]
fn a_phrase_across_strikethrough_emphasis_and_inline_html() {
    assert_eq!(
        found("a ~~b~~ *c **d***, x<b>y", "A B C D"),
        pieces(&[
            (0, 0, "a "),
            (0, 1, "b"),
            (0, 2, " "),
            (0, 3, "c "),
            (0, 4, "d")
        ])
    );
    assert_eq!(
        found("x<b>y", "x<B>Y"),
        pieces(&[(0, 0, "x"), (0, 1, "<b>"), (0, 2, "y")])
    );
}

#[test]
fn whitespace_between_pieces_may_sit_in_either_leaf_or_both() {
    // At the end of the first leaf.
    assert_eq!(
        found("full *refund*", "full refund"),
        pieces(&[(0, 0, "full "), (0, 1, "refund")])
    );
    // At the start of the next one.
    assert_eq!(
        found("*full* refund", "full refund"),
        pieces(&[(0, 0, "full"), (0, 1, " refund")])
    );
    // In both: one whitespace run.
    assert_eq!(
        found("[full ](#a) refund", "full refund"),
        pieces(&[(0, 0, "full "), (0, 1, " refund")])
    );
    // A soft line break, in a leaf of its own or not.
    assert_eq!(
        found("*full* \n *refund*", "full refund"),
        pieces(&[(0, 0, "full"), (0, 1, "\n"), (0, 2, "refund")])
    );
    assert_eq!(
        found("*full*\nrefund", "full refund"),
        pieces(&[(0, 0, "full"), (0, 1, "\nrefund")])
    );
    // No whitespace at all is not a match for a query with a space.
    assert!(found("*full*refund", "full refund").is_empty());
    assert_eq!(found("*full*refund", "fullrefund").len(), 2);
}

#[test]
fn a_hard_break_reads_as_whitespace_in_its_paragraph() {
    assert_eq!(
        found("line one  \nline two", "one line"),
        pieces(&[(0, 0, "one"), (0, 1, "line")])
    );
    assert_eq!(
        found("line one\\\nline two", "one  line"),
        pieces(&[(0, 0, "one"), (0, 1, "line")])
    );
    assert!(found("line one  \nline two", "oneline").is_empty());
}

#[test]
fn case_folding_across_pieces() {
    assert_eq!(
        found("ΤΕΛ**ΟΣ** and İ*stanbul*", "τελος AND istanbul"),
        pieces(&[
            (0, 0, "ΤΕΛ"),
            (0, 1, "ΟΣ"),
            (0, 2, " and İ"),
            (0, 3, "stanbul")
        ])
    );
}

#[test]
fn no_match_across_blocks() {
    for markdown in [
        "full\n\nrefund",
        "- full\n- refund",
        "- full\n\n- refund",
        "# full\nrefund",
        "| full | refund |\n|---|---|",
        "| a |\n|---|\n| full |\n| refund |",
        "> full\n\nrefund",
        "```\nfull\n```\nrefund",
        "<div>full</div>\n\nrefund",
        "full ![refund](x.png)",
        "![full](x.png) refund",
    ] {
        assert!(found(markdown, "full refund").is_empty(), "{markdown:?}");
        let doc = parse(markdown);
        assert_eq!(count_matches(&doc, "full refund"), 0, "{markdown:?}");
        assert_eq!(count_matches(&doc, "full"), 1, "{markdown:?}");
    }
    // Within each block it still matches.
    assert_eq!(
        count_matches(&parse("- a full refund\n- full *refund*"), "full refund"),
        2
    );
    assert_eq!(
        found("![a *full* refund](x.png)", "full refund"),
        pieces(&[(0, 1, "full"), (0, 2, " refund")])
    );
}

#[test]
fn matches_continue_after_a_match_that_spans_leaves() {
    let markdown = "Fee *one*. fee **one** and fee one.\n\n*fee* one";
    assert_eq!(
        found(markdown, "fee one"),
        pieces(&[
            (0, 0, "Fee "),
            (0, 1, "one"),
            (1, 2, "fee "),
            (1, 3, "one"),
            (2, 4, "fee one"),
            (3, 5, "fee"),
            (3, 6, " one"),
        ])
    );
    let doc = parse(markdown);
    let matches = find_matches(&doc, "fee one");
    assert_eq!(matches.count(), 4);
    assert_eq!(matches.in_leaf(4), [piece(4, 5, 12, 2)]);
    assert_eq!(matches.pieces_of(1), [piece(2, 2, 6, 1), piece(3, 0, 3, 1)]);
}

#[test]
fn the_browser_test_document_has_three_matches() {
    // tests/web.rs `search_highlights_counts_and_steps`: three marks, "1 of 3".
    let doc = parse("Fee one. FEE two.\n\n**fee** three.");
    let matches = find_matches(&doc, "fee");
    assert_eq!(matches.count(), 3);
    assert_eq!(matches.pieces().len(), 3);
    assert_eq!(count_matches(&parse("A fee here."), "fee"), 1);
}

#[test]
fn count_matches_counts_all_leaves() {
    let doc = parse("# Fee\n\nfee *fee* | x\n\n| fee |\n|---|\n| FEE |");
    assert_eq!(count_matches(&doc, "FEE"), 5);
    assert_eq!(find_matches(&doc, "FEE").count(), 5);
}

#[test]
fn split_leaf_marks_matches_with_global_indices() {
    let doc = parse("Terms\n\nterms, TERMS and terms.");
    let matches = find_matches(&doc, "terms");
    let leaves = doc.leaves();
    assert_eq!(
        split_leaf(&leaves[0].text, 0, matches.pieces()),
        [segment("Terms", Some(0))]
    );
    assert_eq!(
        split_leaf(&leaves[1].text, 1, matches.pieces()),
        [
            segment("terms", Some(1)),
            segment(", ", None),
            segment("TERMS", Some(2)),
            segment(" and ", None),
            segment("terms", Some(3)),
            segment(".", None),
        ]
    );
    // The leaf's own pieces give the same runs.
    assert_eq!(
        split_leaf(&leaves[1].text, 1, matches.in_leaf(1)),
        split_leaf(&leaves[1].text, 1, matches.pieces())
    );
}

#[test]
fn split_leaf_without_matches_is_the_whole_text() {
    assert_eq!(
        split_leaf("plain", 7, &[piece(1, 0, 1, 0)]),
        [segment("plain", None)]
    );
    assert!(split_leaf("", 0, &[]).is_empty());
}

#[test]
fn split_leaf_ignores_matches_that_do_not_fit() {
    let text = "añb";
    let bogus = [
        piece(0, 2, 3, 0),  // inside 'ñ'
        piece(0, 3, 99, 1), // past the end
        piece(0, 2, 2, 2),  // empty
        piece(0, 3, 4, 3),  // "b": fine
        piece(0, 0, 4, 4),  // overlaps / unsorted
    ];
    let segments = split_leaf(text, 0, &bogus);
    assert_eq!(concat(&segments), text);
    assert_eq!(segments, [segment("añ", None), segment("b", Some(3))]);
}

#[test]
fn in_leaf_and_pieces_of_on_empty_and_missing() {
    let none = Matches::default();
    assert!(none.is_empty());
    assert!(none.in_leaf(0).is_empty());
    assert!(none.pieces_of(0).is_empty());
    let all = [piece(3, 0, 1, 0)];
    assert_eq!(pieces_in_leaf(&all, 5), &[][..]);
    assert_eq!(pieces_in_leaf(&all, 3), &all[..]);
    assert_eq!(pieces_in_leaf(&[], 0), &[][..]);
}

fn folded(text: &str) -> Vec<Atom> {
    compile(text)
}

/// For each leaf (by number), the index of its run in [`Document::text_runs`].
fn run_of_leaf(doc: &Document) -> Vec<usize> {
    let mut runs = vec![usize::MAX; doc.leaf_count as usize];
    for (run, parts) in doc.text_runs().iter().enumerate() {
        for part in parts {
            if let RunPart::Leaf(text) = part
                && let Some(slot) = runs.get_mut(text.leaf as usize)
            {
                *slot = run;
            }
        }
    }
    runs
}

/// The text of match `index`: its pieces, with a `'\n'` where a hard break
/// lies between two of them.
fn spelled(doc: &Document, matches: &Matches, index: usize) -> String {
    let leaves = doc.leaves();
    let mut break_before = vec![false; leaves.len()];
    for run in doc.text_runs() {
        let mut pending = false;
        for part in run {
            match part {
                RunPart::LineBreak => pending = true,
                RunPart::Leaf(text) => {
                    if let Some(slot) = break_before.get_mut(text.leaf as usize) {
                        *slot = pending;
                    }
                    pending = false;
                }
            }
        }
    }
    let mut out = String::new();
    for (n, p) in matches.pieces_of(index).iter().enumerate() {
        if n > 0 && break_before.get(p.leaf as usize) == Some(&true) {
            out.push('\n');
        }
        let text = leaves.get(p.leaf as usize).map(|l| l.text.as_str());
        out.push_str(
            text.and_then(|t| t.get(p.start..p.end))
                .unwrap_or("<invalid>"),
        );
    }
    out
}

/// Markdown made of a few words, inline markup and block breaks.
fn markdownish() -> impl Strategy<Value = String> {
    let token = prop::sample::select(vec![
        "a", "b", "ab", " ", " ", "\n", "*a*", "**b **", "_ab_", "`a b`", "~~b~~", "[a](#x)",
        "[ b](#x)", "<i>", "![a](x)", "  \n", "\\\n", "\n\n", "\n- ", "\n# ", " | ",
    ]);
    prop::collection::vec(token, 0..24).prop_map(|tokens| tokens.concat())
}

proptest! {
    #[test]
    fn pieces_are_on_char_boundaries_sorted_and_spell_the_query(
        markdown in "[aAİıiß Σσς*_`\n#-]{0,60}",
        query in "[aAİıiß Σσς]{0,4}",
    ) {
        let doc = parse(&markdown);
        let leaves = doc.leaves();
        let matches = find_matches(&doc, &query);
        prop_assert_eq!(matches.count(), count_matches(&doc, &query));
        let mut previous: Option<Piece> = None;
        for p in matches.pieces() {
            let leaf = leaves.get(p.leaf as usize);
            prop_assert!(leaf.is_some());
            let text = leaf.map(|l| l.text.as_str()).unwrap_or_default();
            let slice = text.get(p.start..p.end);
            prop_assert!(slice.is_some(), "not on char boundaries: {:?}", p);
            prop_assert!(p.start < p.end);
            if let Some(q) = previous {
                prop_assert!((q.leaf, q.end) <= (p.leaf, p.start), "{:?} then {:?}", q, p);
                prop_assert!(q.index <= p.index, "{:?} then {:?}", q, p);
            }
            previous = Some(*p);
        }
        // The matched text is the query, up to case and whitespace runs.
        for index in 0..matches.count() {
            prop_assert_eq!(folded(&spelled(&doc, &matches, index)), folded(&query));
        }
    }
}

proptest! {
    // Matches across markup are rarer in random input: more cases.
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn pieces_of_a_match_are_consecutive_leaves_of_one_run(
        markdown in markdownish(),
        query in "[ab ]{1,5}",
    ) {
        let doc = parse(&markdown);
        let leaves = doc.leaves();
        let run_of = run_of_leaf(&doc);
        let matches = find_matches(&doc, &query);
        let pieces = matches.pieces();
        // Indices are 0..count, each used, in order.
        let mut indices: Vec<usize> = pieces.iter().map(|p| p.index).collect();
        indices.dedup();
        prop_assert_eq!(indices, (0..matches.count()).collect::<Vec<_>>());
        prop_assert_eq!(count_matches(&doc, &query), matches.count());
        for pair in pieces.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if a.index != b.index {
                continue;
            }
            // Same match: one run, the first piece runs to the end of its
            // leaf, the next starts its leaf, and only a hard break (no
            // leaf) may lie between them.
            prop_assert_eq!(run_of[a.leaf as usize], run_of[b.leaf as usize]);
            prop_assert_eq!(a.leaf + 1, b.leaf, "{:?} then {:?}", a, b);
            prop_assert_eq!(a.end, leaves[a.leaf as usize].text.len());
            prop_assert_eq!(b.start, 0);
        }
        // Every piece is highlighted once, with its match's index.
        let mut highlighted = Vec::new();
        for leaf in &leaves {
            let segments = split_leaf(&leaf.text, leaf.leaf, matches.in_leaf(leaf.leaf));
            prop_assert_eq!(concat(&segments), leaf.text.clone());
            highlighted.extend(segments.iter().filter_map(|s| s.match_index));
        }
        prop_assert_eq!(highlighted, pieces.iter().map(|p| p.index).collect::<Vec<_>>());
        for index in 0..matches.count() {
            prop_assert_eq!(folded(&spelled(&doc, &matches, index)), folded(&query));
        }
    }
}

proptest! {

    #[test]
    fn find_matches_never_panics(markdown in ".{0,200}", query in ".{0,20}") {
        let doc = parse(&markdown);
        let leaves = doc.leaves();
        let matches = find_matches(&doc, &query);
        prop_assert_eq!(matches.count(), count_matches(&doc, &query));
        for p in matches.pieces() {
            let text = leaves.get(p.leaf as usize).map(|l| l.text.as_str()).unwrap_or_default();
            prop_assert!(text.is_char_boundary(p.start) && text.is_char_boundary(p.end));
        }
    }

    #[test]
    fn split_leaf_round_trips_real_matches(
        markdown in "[aAbB İ\n*]{0,80}",
        query in "[aAbİ ]{1,3}",
    ) {
        let doc = parse(&markdown);
        let matches = find_matches(&doc, &query);
        let mut highlighted = Vec::new();
        for leaf in doc.leaves() {
            let segments = split_leaf(&leaf.text, leaf.leaf, matches.pieces());
            prop_assert_eq!(concat(&segments), leaf.text.clone());
            highlighted.extend(segments.iter().filter_map(|s| s.match_index));
        }
        // Every match is highlighted, in order; a match in several leaves
        // once per leaf.
        highlighted.dedup();
        prop_assert_eq!(highlighted, (0..matches.count()).collect::<Vec<_>>());
    }

    #[test]
    fn split_leaf_round_trips_arbitrary_matches(
        text in ".{0,40}",
        raw in prop::collection::vec((0u32..3, 0usize..50, 0usize..50, 0usize..9), 0..8),
    ) {
        let pieces: Vec<Piece> = raw
            .into_iter()
            .map(|(leaf, start, end, index)| Piece { leaf, start, end, index })
            .collect();
        for leaf in 0..3 {
            let segments = split_leaf(&text, leaf, &pieces);
            prop_assert_eq!(concat(&segments), text.clone());
        }
    }
}
