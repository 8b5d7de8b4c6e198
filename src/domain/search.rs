//! Find-in-document over the text leaves of a [`Document`].
//!
//! Matching rules:
//!
//! * The query is trimmed; an empty query matches nothing.
//! * Comparison is case-insensitive, char by char, using Unicode simple
//!   lowercase (`'İ'` folds to `'i'`, final `'ς'` to `'σ'`); there is no
//!   multi-char folding, so `"STRASSE"` does not find `"straße"`.
//! * A run of whitespace in the query matches any run of whitespace in the
//!   text (spaces, tabs, no-break spaces, and the `'\n'` that soft line
//!   breaks become in the model).
//! * Matches are non-overlapping, found left to right, in leaf order.
//! * Matches never span leaves: text split by markup (`**Company** shall`),
//!   hard breaks, or block boundaries cannot be found as one phrase.
//!
//! A renderer computes the matches once per (document, query), then for each
//! leaf calls [`split_leaf`] to get highlighted and plain runs, each
//! highlighted run carrying its index in the overall match list (for
//! "match 3 of 12" styling and scrolling).

use super::markdown::Document;

/// One occurrence of the query inside one text leaf.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// The leaf number ([`super::markdown::Text::leaf`]).
    pub leaf: u32,
    /// Byte offset of the first matched char in the leaf's text.
    pub start: usize,
    /// Byte offset just past the last matched char (a char boundary).
    pub end: usize,
}

/// A run of a leaf's text, as returned by [`split_leaf`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment<'a> {
    /// The text of this run (a slice of the leaf's text).
    pub text: &'a str,
    /// `Some(i)` when this run is match number `i` (0-based) of the list
    /// returned by [`find_matches`]; `None` for text between matches.
    pub match_index: Option<usize>,
}

/// All matches of `query` in `doc`, in document order.
///
/// ```
/// use terms_widget::domain::markdown::parse;
/// use terms_widget::domain::search::{find_matches, Match};
///
/// let doc = parse("Refund *policy*\n\nNo REFUNDS after 14 days.");
/// assert_eq!(
///     find_matches(&doc, " refund "),
///     [
///         Match { leaf: 0, start: 0, end: 6 },
///         Match { leaf: 2, start: 3, end: 9 },
///     ]
/// );
/// assert!(find_matches(&doc, "   ").is_empty());
/// ```
pub fn find_matches(doc: &Document, query: &str) -> Vec<Match> {
    let pattern = compile(query);
    let mut matches = Vec::new();
    if pattern.is_empty() {
        return matches;
    }
    for leaf in doc.leaves() {
        find_in_leaf(&leaf.text, leaf.leaf, &pattern, &mut matches);
    }
    matches
}

/// Number of matches of `query` in `doc` (same rules as [`find_matches`]).
///
/// ```
/// let doc = terms_widget::domain::markdown::parse("a A á");
/// assert_eq!(terms_widget::domain::search::count_matches(&doc, "a"), 2);
/// ```
pub fn count_matches(doc: &Document, query: &str) -> usize {
    find_matches(doc, query).len()
}

/// The matches that fall in `leaf`, and the overall index of the first of
/// them. `matches` must be sorted by leaf, as [`find_matches`] returns them.
///
/// ```
/// use terms_widget::domain::search::{matches_in_leaf, Match};
///
/// let all = [
///     Match { leaf: 0, start: 0, end: 1 },
///     Match { leaf: 2, start: 0, end: 1 },
///     Match { leaf: 2, start: 3, end: 4 },
/// ];
/// assert_eq!(matches_in_leaf(&all, 2), (1, &all[1..]));
/// assert_eq!(matches_in_leaf(&all, 1), (1, &all[1..1]));
/// ```
pub fn matches_in_leaf(matches: &[Match], leaf: u32) -> (usize, &[Match]) {
    let first = matches.partition_point(|m| m.leaf < leaf);
    let rest = matches.get(first..).unwrap_or_default();
    let count = rest.partition_point(|m| m.leaf == leaf);
    (first, rest.get(..count).unwrap_or_default())
}

/// Splits the text of leaf number `leaf` into plain and highlighted runs.
///
/// `matches` is the whole list from [`find_matches`]; the matches of this
/// leaf are picked out of it. The runs concatenate to exactly `text`. Matches
/// that do not fit `text` (out of range, not on char boundaries,
/// overlapping or unsorted, e.g. left over from an older document) are
/// ignored rather than trusted.
///
/// ```
/// use terms_widget::domain::markdown::parse;
/// use terms_widget::domain::search::{find_matches, split_leaf, Segment};
///
/// let doc = parse("Fees\n\nfees and FEES");
/// let matches = find_matches(&doc, "fees");
/// let leaf = doc.leaves()[1];
/// assert_eq!(
///     split_leaf(&leaf.text, leaf.leaf, &matches),
///     [
///         Segment { text: "fees", match_index: Some(1) },
///         Segment { text: " and ", match_index: None },
///         Segment { text: "FEES", match_index: Some(2) },
///     ]
/// );
/// ```
pub fn split_leaf<'a>(text: &'a str, leaf: u32, matches: &[Match]) -> Vec<Segment<'a>> {
    let (first_index, in_leaf) = matches_in_leaf(matches, leaf);
    let mut segments = Vec::with_capacity(in_leaf.len() * 2 + 1);
    let mut cursor = 0;
    for (offset, found) in in_leaf.iter().enumerate() {
        if found.start < cursor || found.start >= found.end {
            continue;
        }
        let (Some(before), Some(hit)) = (
            text.get(cursor..found.start),
            text.get(found.start..found.end),
        ) else {
            continue;
        };
        if !before.is_empty() {
            segments.push(Segment {
                text: before,
                match_index: None,
            });
        }
        segments.push(Segment {
            text: hit,
            match_index: Some(first_index + offset),
        });
        cursor = found.end;
    }
    if let Some(rest) = text.get(cursor..)
        && !rest.is_empty()
    {
        segments.push(Segment {
            text: rest,
            match_index: None,
        });
    }
    segments
}

/// One step of a compiled query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Atom {
    /// One char, already folded.
    Char(char),
    /// One or more whitespace chars.
    Space,
}

fn compile(query: &str) -> Vec<Atom> {
    let mut atoms = Vec::new();
    for c in query.trim().chars() {
        if c.is_whitespace() {
            if atoms.last() != Some(&Atom::Space) {
                atoms.push(Atom::Space);
            }
        } else {
            atoms.push(Atom::Char(fold(c)));
        }
    }
    atoms
}

/// Simple (one char to one char) lowercase. Rust's `to_lowercase` is the
/// full mapping, which is multi-char only for U+0130 'İ' ("i\u{307}"); its
/// first char is the simple mapping 'i'. Final sigma folds to sigma.
fn fold(c: char) -> char {
    match c.to_lowercase().next() {
        Some('ς') => 'σ',
        Some(lower) => lower,
        None => c,
    }
}

fn find_in_leaf(text: &str, leaf: u32, pattern: &[Atom], out: &mut Vec<Match>) {
    let chars: Vec<(usize, char)> = text.char_indices().map(|(i, c)| (i, fold(c))).collect();
    let mut position = 0;
    while let Some(&(start, _)) = chars.get(position) {
        match match_at(&chars, position, pattern) {
            Some(next) if next > position => {
                let end = chars.get(next).map_or(text.len(), |&(offset, _)| offset);
                out.push(Match { leaf, start, end });
                position = next;
            }
            _ => position += 1,
        }
    }
}

/// If `pattern` matches at char index `position`, the char index just past
/// the match.
fn match_at(chars: &[(usize, char)], mut position: usize, pattern: &[Atom]) -> Option<usize> {
    for atom in pattern {
        let &(_, current) = chars.get(position)?;
        match atom {
            Atom::Char(expected) if current == *expected => position += 1,
            Atom::Char(_) => return None,
            Atom::Space if current.is_whitespace() => {
                // The next atom is never whitespace, so greedy is exact.
                while chars.get(position).is_some_and(|&(_, c)| c.is_whitespace()) {
                    position += 1;
                }
            }
            Atom::Space => return None,
        }
    }
    Some(position)
}

#[cfg(test)]
mod tests {
    use super::super::markdown::parse;
    use super::*;
    use proptest::prelude::*;

    fn found(markdown: &str, query: &str) -> Vec<(u32, String)> {
        let doc = parse(markdown);
        let leaves = doc.leaves();
        find_matches(&doc, query)
            .into_iter()
            .map(|m| {
                let text = leaves
                    .get(m.leaf as usize)
                    .and_then(|leaf| leaf.text.get(m.start..m.end))
                    .unwrap_or("<invalid>");
                (m.leaf, text.to_owned())
            })
            .collect()
    }

    fn pairs(expected: &[(u32, &str)]) -> Vec<(u32, String)> {
        expected
            .iter()
            .map(|&(leaf, text)| (leaf, text.to_owned()))
            .collect()
    }

    fn concat(segments: &[Segment<'_>]) -> String {
        segments.iter().map(|segment| segment.text).collect()
    }

    #[test]
    fn case_insensitive() {
        assert_eq!(
            found("Refund REFUND refund rEfUnD", "ReFuNd"),
            pairs(&[(0, "Refund"), (0, "REFUND"), (0, "refund"), (0, "rEfUnD")])
        );
    }

    #[test]
    fn multiple_matches_in_one_leaf_have_exact_offsets() {
        let doc = parse("a fee, a Fee, a FEE");
        assert_eq!(
            find_matches(&doc, "fee"),
            [
                Match {
                    leaf: 0,
                    start: 2,
                    end: 5
                },
                Match {
                    leaf: 0,
                    start: 9,
                    end: 12
                },
                Match {
                    leaf: 0,
                    start: 16,
                    end: 19
                },
            ]
        );
    }

    #[test]
    fn matches_across_leaves_are_in_document_order() {
        assert_eq!(
            found(
                "# Data\n\n*data* `DATA`\n\n- data\n\n```\ndata\n```",
                "data"
            ),
            pairs(&[
                (0, "Data"),
                (1, "data"),
                (3, "DATA"),
                (4, "data"),
                (5, "data")
            ])
        );
    }

    #[test]
    fn raw_html_and_code_are_searchable() {
        assert_eq!(
            found("<div>Secret</div>\n\n`secret` x", "secret"),
            pairs(&[(0, "Secret"), (1, "secret")])
        );
    }

    #[test]
    fn unicode_case_folding() {
        assert_eq!(
            found("POLÍTICA de política", "Política"),
            pairs(&[(0, "POLÍTICA"), (0, "política")])
        );
        assert_eq!(
            found("ΟΔΟΣ οδος", "οδος"),
            pairs(&[(0, "ΟΔΟΣ"), (0, "οδος")])
        );
        assert_eq!(found("DATENSCHUTZ", "datenschutz").len(), 1);
        // No multi-char folding.
        assert!(found("straße", "STRASSE").is_empty());
    }

    #[test]
    fn dotted_capital_i_folds_to_i_without_panicking() {
        assert_eq!(found("İstanbul", "istanbul"), pairs(&[(0, "İstanbul")]));
        assert_eq!(found("istanbul", "İSTANBUL"), pairs(&[(0, "istanbul")]));
        assert_eq!(found("İİİ", "i"), pairs(&[(0, "İ"), (0, "İ"), (0, "İ")]));
        assert!(found("İ", "i\u{307}").is_empty());
        assert_eq!(found("i\u{307}", "İ\u{307}"), pairs(&[(0, "i\u{307}")]));
    }

    #[test]
    fn empty_and_whitespace_queries_match_nothing() {
        let doc = parse("some text");
        assert!(find_matches(&doc, "").is_empty());
        assert!(find_matches(&doc, " \t\n\u{a0}").is_empty());
        assert_eq!(count_matches(&doc, ""), 0);
    }

    #[test]
    fn query_is_trimmed() {
        assert_eq!(found("the fee", "  fee\n"), pairs(&[(0, "fee")]));
    }

    #[test]
    fn query_longer_than_text() {
        assert!(found("fee", "fees and charges").is_empty());
        assert!(found("", "x").is_empty());
    }

    #[test]
    fn matches_do_not_overlap() {
        assert_eq!(found("aaaa", "aa"), pairs(&[(0, "aa"), (0, "aa")]));
        assert_eq!(found("aaa", "aa"), pairs(&[(0, "aa")]));
        assert_eq!(found("ababab", "abab"), pairs(&[(0, "abab")]));
    }

    #[test]
    fn whitespace_in_query_matches_any_whitespace_run() {
        assert_eq!(
            found("personal\ndata and personal \u{a0} data", "personal data"),
            pairs(&[(0, "personal\ndata"), (0, "personal \u{a0} data")])
        );
        assert_eq!(found("personal data", "personal    data").len(), 1);
        assert!(found("personaldata", "personal data").is_empty());
    }

    #[test]
    fn matches_do_not_span_leaves() {
        assert!(found("the **Company** shall", "company shall").is_empty());
        assert!(found("line one  \nline two", "one line").is_empty());
    }

    #[test]
    fn count_matches_counts_all_leaves() {
        let doc = parse("# Fee\n\nfee *fee* | x\n\n| fee |\n|---|\n| FEE |");
        assert_eq!(count_matches(&doc, "FEE"), 5);
    }

    #[test]
    fn split_leaf_marks_matches_with_global_indices() {
        let doc = parse("Terms\n\nterms, TERMS and terms.");
        let matches = find_matches(&doc, "terms");
        let leaves = doc.leaves();
        assert_eq!(
            split_leaf(&leaves[0].text, 0, &matches),
            [Segment {
                text: "Terms",
                match_index: Some(0)
            }]
        );
        assert_eq!(
            split_leaf(&leaves[1].text, 1, &matches),
            [
                Segment {
                    text: "terms",
                    match_index: Some(1)
                },
                Segment {
                    text: ", ",
                    match_index: None
                },
                Segment {
                    text: "TERMS",
                    match_index: Some(2)
                },
                Segment {
                    text: " and ",
                    match_index: None
                },
                Segment {
                    text: "terms",
                    match_index: Some(3)
                },
                Segment {
                    text: ".",
                    match_index: None
                },
            ]
        );
    }

    #[test]
    fn split_leaf_without_matches_is_the_whole_text() {
        assert_eq!(
            split_leaf(
                "plain",
                7,
                &[Match {
                    leaf: 1,
                    start: 0,
                    end: 1
                }]
            ),
            [Segment {
                text: "plain",
                match_index: None
            }]
        );
        assert!(split_leaf("", 0, &[]).is_empty());
    }

    #[test]
    fn split_leaf_ignores_matches_that_do_not_fit() {
        let text = "añb";
        let bogus = [
            Match {
                leaf: 0,
                start: 2,
                end: 3,
            }, // inside 'ñ'
            Match {
                leaf: 0,
                start: 3,
                end: 99,
            }, // past the end
            Match {
                leaf: 0,
                start: 2,
                end: 2,
            }, // empty
            Match {
                leaf: 0,
                start: 3,
                end: 4,
            }, // "b": fine
            Match {
                leaf: 0,
                start: 0,
                end: 4,
            }, // overlaps / unsorted
        ];
        let segments = split_leaf(text, 0, &bogus);
        assert_eq!(concat(&segments), text);
        assert_eq!(
            segments,
            [
                Segment {
                    text: "añ",
                    match_index: None
                },
                Segment {
                    text: "b",
                    match_index: Some(3)
                },
            ]
        );
    }

    #[test]
    fn matches_in_leaf_on_empty_and_missing() {
        assert_eq!(matches_in_leaf(&[], 0), (0, &[][..]));
        let all = [Match {
            leaf: 3,
            start: 0,
            end: 1,
        }];
        assert_eq!(matches_in_leaf(&all, 5), (1, &[][..]));
        assert_eq!(matches_in_leaf(&all, 3), (0, &all[..]));
    }

    fn folded(text: &str) -> Vec<Atom> {
        compile(text)
    }

    proptest! {
        #[test]
        fn matches_are_on_char_boundaries_sorted_and_equal_to_the_query(
            markdown in "[aAİıiß Σσς*_`\n#-]{0,60}",
            query in "[aAİıiß Σσς]{0,4}",
        ) {
            let doc = parse(&markdown);
            let leaves = doc.leaves();
            let matches = find_matches(&doc, &query);
            prop_assert_eq!(matches.len(), count_matches(&doc, &query));
            let mut previous: Option<Match> = None;
            for m in &matches {
                let leaf = leaves.get(m.leaf as usize);
                prop_assert!(leaf.is_some());
                let text = leaf.map(|l| l.text.as_str()).unwrap_or_default();
                let slice = text.get(m.start..m.end);
                prop_assert!(slice.is_some(), "not on char boundaries: {:?}", m);
                prop_assert!(m.start < m.end);
                // The matched text is the query, up to case and whitespace runs.
                prop_assert_eq!(folded(slice.unwrap_or_default()), folded(&query));
                if let Some(p) = previous {
                    prop_assert!((p.leaf, p.end) <= (m.leaf, m.start), "{:?} then {:?}", p, m);
                }
                previous = Some(*m);
            }
        }

        #[test]
        fn find_matches_never_panics(markdown in ".{0,200}", query in ".{0,20}") {
            let doc = parse(&markdown);
            for m in find_matches(&doc, &query) {
                let leaves = doc.leaves();
                let text = leaves.get(m.leaf as usize).map(|l| l.text.as_str()).unwrap_or_default();
                prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
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
                let segments = split_leaf(&leaf.text, leaf.leaf, &matches);
                prop_assert_eq!(concat(&segments), leaf.text.clone());
                highlighted.extend(segments.iter().filter_map(|s| s.match_index));
            }
            // Every match is highlighted exactly once, in order.
            prop_assert_eq!(highlighted, (0..matches.len()).collect::<Vec<_>>());
        }

        #[test]
        fn split_leaf_round_trips_arbitrary_matches(
            text in ".{0,40}",
            raw in prop::collection::vec((0u32..3, 0usize..50, 0usize..50), 0..8),
        ) {
            let matches: Vec<Match> = raw
                .into_iter()
                .map(|(leaf, start, end)| Match { leaf, start, end })
                .collect();
            for leaf in 0..3 {
                let segments = split_leaf(&text, leaf, &matches);
                prop_assert_eq!(concat(&segments), text.clone());
            }
        }
    }
}
