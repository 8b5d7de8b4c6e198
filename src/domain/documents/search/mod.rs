//! Find-in-document over the text of a [`Document`].
//!
//! Matching rules:
//!
//! * The query is trimmed; an empty query matches nothing.
//! * Comparison is case-insensitive, char by char, using Unicode simple
//!   lowercase (`'İ'` folds to `'i'`, final `'ς'` to `'σ'`); there is no
//!   multi-char folding, so `"STRASSE"` does not find `"straße"`.
//! * A run of whitespace in the query matches any run of whitespace in the
//!   text (spaces, tabs, no-break spaces, the `'\n'` that soft line breaks
//!   become in the model, and hard line breaks), also when the run is split
//!   between two leaves.
//! * A match is found within one run of text ([`Document::text_runs`]): the
//!   inline content of one paragraph, heading or table cell, or one code
//!   block or HTML block. It may span inline markup (emphasis, strong,
//!   strikethrough, links, inline code, inline HTML) and hard line breaks:
//!   `You may request a **full refund** within [14 days](#x).` contains
//!   `"request a full refund within 14"`. It never spans two blocks (two
//!   paragraphs, list items, headings or table cells), nor goes into or out
//!   of an image's alt text.
//! * Matches are non-overlapping, found left to right in each run, runs in
//!   document order, and numbered `0..count` in that order.
//!
//! A match that spans several leaves is reported as several [`Piece`]s, one
//! per leaf, that share the match's index; [`Matches::count`] counts matches,
//! not pieces. A renderer computes the [`Matches`] once per (document,
//! query), then for each leaf calls [`split_leaf`] to get highlighted and
//! plain runs, each highlighted run carrying the index of its match (for
//! "match 3 of 12" styling and scrolling: every piece of match 3 carries 3).

use super::markdown::{Document, RunPart};

/// The part of one match that lies in one text leaf.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    /// The leaf number ([`super::markdown::Text::leaf`]).
    pub leaf: u32,
    /// Byte offset of the first matched char in the leaf's text.
    pub start: usize,
    /// Byte offset just past the last matched char (a char boundary).
    pub end: usize,
    /// The index of the match this piece belongs to (`0..count`, in
    /// document order).
    pub index: usize,
}

/// Every match of a query in a document, as returned by [`find_matches`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Matches {
    /// Sorted by (leaf, start), which is also the order of `index`.
    pieces: Vec<Piece>,
    count: usize,
}

impl Matches {
    /// The number of matches (a match in three leaves counts once).
    pub fn count(&self) -> usize {
        self.count
    }

    /// `true` when there is no match.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Every piece of every match, sorted by (leaf, start); the pieces of one
    /// match are consecutive and their `index` never decreases.
    pub fn pieces(&self) -> &[Piece] {
        &self.pieces
    }

    /// The pieces that fall in `leaf`, in order.
    ///
    /// ```
    /// use terms_widget::domain::documents::markdown::parse;
    /// use terms_widget::domain::documents::search::{find_matches, Piece};
    ///
    /// let matches = find_matches(&parse("a b *a*\n\nb"), "a");
    /// assert_eq!(
    ///     matches.in_leaf(1),
    ///     [Piece { leaf: 1, start: 0, end: 1, index: 1 }]
    /// );
    /// assert!(matches.in_leaf(2).is_empty());
    /// ```
    pub fn in_leaf(&self, leaf: u32) -> &[Piece] {
        pieces_in_leaf(&self.pieces, leaf)
    }

    /// The pieces of match number `index`, in order (empty if there is no
    /// such match).
    pub fn pieces_of(&self, index: usize) -> &[Piece] {
        let first = self.pieces.partition_point(|p| p.index < index);
        let rest = self.pieces.get(first..).unwrap_or_default();
        let count = rest.partition_point(|p| p.index == index);
        rest.get(..count).unwrap_or_default()
    }
}

/// A run of a leaf's text, as returned by [`split_leaf`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment<'a> {
    /// The text of this run (a slice of the leaf's text).
    pub text: &'a str,
    /// `Some(i)` when this run is (a piece of) match number `i` (0-based);
    /// `None` for text between matches.
    pub match_index: Option<usize>,
}

/// All matches of `query` in `doc`, in document order.
///
/// ```
/// use terms_widget::domain::documents::markdown::parse;
/// use terms_widget::domain::documents::search::{find_matches, Piece};
///
/// let doc = parse("Refund *policy*\n\nNo REFUNDS after 14 days.");
/// let matches = find_matches(&doc, " refund ");
/// assert_eq!(matches.count(), 2);
/// assert_eq!(
///     matches.pieces(),
///     [
///         Piece { leaf: 0, start: 0, end: 6, index: 0 },
///         Piece { leaf: 2, start: 3, end: 9, index: 1 },
///     ]
/// );
/// assert!(find_matches(&doc, "   ").is_empty());
///
/// // One match across strong text and a link: four pieces, one index.
/// let doc = parse("You may request a **full refund** within [14 days](#x).");
/// let matches = find_matches(&doc, "request a full refund within 14");
/// assert_eq!(matches.count(), 1);
/// assert_eq!(
///     matches.pieces(),
///     [
///         Piece { leaf: 0, start: 8, end: 18, index: 0 }, // "request a "
///         Piece { leaf: 1, start: 0, end: 11, index: 0 }, // "full refund"
///         Piece { leaf: 2, start: 0, end: 8, index: 0 },  // " within "
///         Piece { leaf: 3, start: 0, end: 2, index: 0 },  // "14"
///     ]
/// );
/// ```
pub fn find_matches(doc: &Document, query: &str) -> Matches {
    let mut matches = Matches::default();
    for_each_match(doc, query, |chars| {
        let index = matches.count;
        for c in chars {
            let Some((leaf, start, end)) = c.source else {
                continue;
            };
            match matches.pieces.last_mut() {
                Some(last) if last.index == index && last.leaf == leaf && last.end == start => {
                    last.end = end;
                }
                _ => matches.pieces.push(Piece {
                    leaf,
                    start,
                    end,
                    index,
                }),
            }
        }
        matches.count += 1;
    });
    matches
}

/// Number of matches of `query` in `doc` (same rules as [`find_matches`]; a
/// match that spans several leaves counts once).
///
/// ```
/// use terms_widget::domain::documents::markdown::parse;
/// use terms_widget::domain::documents::search::count_matches;
///
/// assert_eq!(count_matches(&parse("a A á"), "a"), 2);
/// assert_eq!(count_matches(&parse("a *full* `refund`, a full refund"), "full refund"), 2);
/// ```
pub fn count_matches(doc: &Document, query: &str) -> usize {
    let mut count = 0;
    for_each_match(doc, query, |_| count += 1);
    count
}

/// The pieces of `pieces` that fall in `leaf`. `pieces` must be sorted by
/// leaf, as [`Matches::pieces`] is; otherwise some may be missed, but only
/// pieces of `leaf` are returned.
fn pieces_in_leaf(pieces: &[Piece], leaf: u32) -> &[Piece] {
    let first = pieces.partition_point(|p| p.leaf < leaf);
    let rest = pieces.get(first..).unwrap_or_default();
    let count = rest.partition_point(|p| p.leaf == leaf);
    rest.get(..count).unwrap_or_default()
}

/// Splits the text of leaf number `leaf` into plain and highlighted runs.
///
/// `pieces` is sorted by leaf, e.g. [`Matches::pieces`] or
/// [`Matches::in_leaf`]; the pieces of this leaf are picked out of it. The
/// runs concatenate to exactly `text`. Pieces that do not fit `text` (out of
/// range, not on char boundaries, overlapping or unsorted, e.g. left over
/// from an older document) are ignored rather than trusted.
///
/// ```
/// use terms_widget::domain::documents::markdown::parse;
/// use terms_widget::domain::documents::search::{find_matches, split_leaf, Segment};
///
/// let doc = parse("Fees\n\nfees and FEES");
/// let matches = find_matches(&doc, "fees");
/// let leaf = doc.leaves()[1];
/// assert_eq!(
///     split_leaf(&leaf.text, leaf.leaf, matches.pieces()),
///     [
///         Segment { text: "fees", match_index: Some(1) },
///         Segment { text: " and ", match_index: None },
///         Segment { text: "FEES", match_index: Some(2) },
///     ]
/// );
/// ```
pub fn split_leaf<'a>(text: &'a str, leaf: u32, pieces: &[Piece]) -> Vec<Segment<'a>> {
    let in_leaf = pieces_in_leaf(pieces, leaf);
    let mut segments = Vec::with_capacity(in_leaf.len() * 2 + 1);
    let mut cursor = 0;
    for found in in_leaf {
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
            match_index: Some(found.index),
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

/// One char of a run of text, folded, with where it comes from.
#[derive(Debug, Clone, Copy)]
struct RunChar {
    folded: char,
    /// `(leaf, start, end)`: the leaf and the byte range of the char in it;
    /// `None` for a hard line break, which reads as whitespace.
    source: Option<(u32, usize, usize)>,
}

/// Calls `found` with the chars of each match, in document order.
///
/// Each run's chars are folded once into one buffer (reused across runs),
/// so a search is linear in the document's length times the query's.
fn for_each_match(doc: &Document, query: &str, mut found: impl FnMut(&[RunChar])) {
    // No search (every view opens with none): not even the pattern's compiler runs, so a
    // page's start-up never compiles it (wasm compiles a function on its first call).
    if query.is_empty() {
        return;
    }
    let pattern = compile(query);
    if pattern.is_empty() {
        return;
    }
    let mut chars: Vec<RunChar> = Vec::new();
    for run in doc.text_runs() {
        chars.clear();
        for part in run {
            match part {
                RunPart::Leaf(text) => {
                    chars.extend(text.text.char_indices().map(|(start, c)| RunChar {
                        folded: fold(c),
                        source: Some((text.leaf, start, start + c.len_utf8())),
                    }));
                }
                RunPart::LineBreak => chars.push(RunChar {
                    folded: '\n',
                    source: None,
                }),
            }
        }
        let mut position = 0;
        while position < chars.len() {
            match match_at(&chars, position, &pattern) {
                Some(next) if next > position => {
                    found(chars.get(position..next).unwrap_or_default());
                    position = next;
                }
                _ => position += 1,
            }
        }
    }
}

/// If `pattern` matches at char index `position`, the char index just past
/// the match.
fn match_at(chars: &[RunChar], mut position: usize, pattern: &[Atom]) -> Option<usize> {
    for atom in pattern {
        let current = chars.get(position)?.folded;
        match atom {
            Atom::Char(expected) if current == *expected => position += 1,
            Atom::Char(_) => return None,
            Atom::Space if current.is_whitespace() => {
                // The next atom is never whitespace, so greedy is exact.
                while chars
                    .get(position)
                    .is_some_and(|c| c.folded.is_whitespace())
                {
                    position += 1;
                }
            }
            Atom::Space => return None,
        }
    }
    Some(position)
}

#[cfg(test)]
mod tests;
