//! What changed between two versions of a document, paragraph by paragraph and, inside
//! a reworded paragraph, word by word.
//!
//! Both versions are cut into *units*: headings, paragraphs, list items, table rows,
//! code blocks and raw HTML, each as plain text with the heading it sits under. The
//! units are aligned by the [`similar`] crate (patience diff, anchored on the units that
//! occur once in each version); a removed unit followed by an added one that shares most
//! of its words is shown as one reworded unit with the words that changed (Myers' diff
//! of the words).
//!
//! ```
//! use terms_widget::domain::documents::diff::{diff, Change};
//!
//! let old = "## Fees\n\nRefunds take 10 days.\n\nContact us.";
//! let new = "## Fees\n\nRefunds take 5 to 10 business days.\n\nContact us.\n\n## Taxes\n\nPrices include tax.";
//! let changes = diff(old, new);
//! assert_eq!(changes.len(), 3);
//! assert!(matches!(&changes[0], Change::Reworded { section, .. } if section == "Fees"));
//! assert!(matches!(&changes[1], Change::Added { unit, .. } if unit.text == "Taxes"));
//! ```

use std::collections::HashMap;
use std::ops::Range;

use similar::{Algorithm, DiffTag};

use super::markdown::{self, Block, Inline};

/// The largest changed middle (old units × new units, or old words × new words, once the
/// common beginning and end are set aside) that is diffed item by item; past it the
/// middle is reported as wholly removed and added, so hostile input stays cheap.
pub const MAX_CELLS: usize = 4_000_000;

/// What sort of block a unit came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnitKind {
    /// A heading of the given level.
    Heading(u8),
    /// A paragraph (also block quotes' paragraphs).
    Paragraph,
    /// One item of a list.
    ListItem,
    /// One row of a table (cells joined by " | ").
    TableRow,
    /// A code block.
    Code,
}

/// One comparable piece of a document.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Unit {
    /// What it came from.
    pub kind: UnitKind,
    /// Its plain text (whitespace runs collapsed).
    pub text: String,
}

/// A run of words in a reworded unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Words {
    /// Words in both versions.
    Same(String),
    /// Words only in the older version.
    Removed(String),
    /// Words only in the newer version.
    Added(String),
}

/// One change between the versions, with the heading it sits under in the newer
/// version (or the older one, for removals); the empty string before any heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A unit only in the newer version.
    Added {
        /// Section heading text.
        section: String,
        /// The new unit.
        unit: Unit,
    },
    /// A unit only in the older version.
    Removed {
        /// Section heading text.
        section: String,
        /// The old unit.
        unit: Unit,
    },
    /// A unit in both, reworded.
    Reworded {
        /// Section heading text.
        section: String,
        /// The kind of the newer unit.
        kind: UnitKind,
        /// The words, in order.
        words: Vec<Words>,
    },
}

impl Change {
    /// The section heading this change sits under.
    pub fn section(&self) -> &str {
        match self {
            Change::Added { section, .. }
            | Change::Removed { section, .. }
            | Change::Reworded { section, .. } => section,
        }
    }
}

/// Cuts a Markdown text into units, each with the text of the heading above it.
pub fn units(markdown_text: &str) -> Vec<(String, Unit)> {
    let doc = markdown::parse(markdown_text);
    let mut out = Vec::new();
    let mut section = String::new();
    collect(&doc.blocks, &mut section, &mut out);
    out
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn collect(blocks: &[Block], section: &mut String, out: &mut Vec<(String, Unit)>) {
    for block in blocks {
        match block {
            Block::Heading { level, content, .. } => {
                let text = squash(&markdown::plain_text(content));
                *section = text.clone();
                out.push((
                    section.clone(),
                    Unit {
                        kind: UnitKind::Heading(*level),
                        text,
                    },
                ));
            }
            Block::Paragraph(inlines) => push(out, section, UnitKind::Paragraph, inlines),
            Block::BlockQuote(inner) => collect(inner, section, out),
            Block::List { items, .. } => {
                for item in items {
                    // An item's own paragraphs make one unit; nested lists their own.
                    let mut text = String::new();
                    let mut nested = Vec::new();
                    for b in &item.blocks {
                        match b {
                            Block::Paragraph(inlines) => {
                                if !text.is_empty() {
                                    text.push(' ');
                                }
                                text.push_str(&markdown::plain_text(inlines));
                            }
                            other => nested.push(other.clone()),
                        }
                    }
                    let text = squash(&text);
                    if !text.is_empty() {
                        out.push((
                            section.clone(),
                            Unit {
                                kind: UnitKind::ListItem,
                                text,
                            },
                        ));
                    }
                    collect(&nested, section, out);
                }
            }
            Block::Table { head, rows, .. } => {
                for row in std::iter::once(head).chain(rows.iter()) {
                    let text = row
                        .iter()
                        .map(|cell| squash(&markdown::plain_text(cell)))
                        .collect::<Vec<_>>()
                        .join(" | ");
                    out.push((
                        section.clone(),
                        Unit {
                            kind: UnitKind::TableRow,
                            text,
                        },
                    ));
                }
            }
            Block::CodeBlock { code, .. } => out.push((
                section.clone(),
                Unit {
                    kind: UnitKind::Code,
                    text: code.text.clone(),
                },
            )),
            Block::RawHtml(text) => out.push((
                section.clone(),
                Unit {
                    kind: UnitKind::Paragraph,
                    text: squash(&text.text),
                },
            )),
            Block::ThematicBreak => {}
        }
    }
}

fn push(out: &mut Vec<(String, Unit)>, section: &str, kind: UnitKind, inlines: &[Inline]) {
    let text = squash(&markdown::plain_text(inlines));
    if !text.is_empty() {
        out.push((section.to_string(), Unit { kind, text }));
    }
}

/// Token ids: every distinct unit (its kind and text) and every distinct word of a diff
/// gets one `u32`, so that the alignments compare integers and `similar`'s generic code is
/// compiled once, for `[u32]`, rather than once per kind of item. Two tokens have the same
/// id exactly when they are equal, so the alignments are the same as over the items.
#[derive(Default)]
struct Interner<'a> {
    /// Units are keyed with their kind, words with `None`.
    ids: HashMap<(Option<UnitKind>, &'a str), u32>,
}

impl<'a> Interner<'a> {
    fn id(&mut self, kind: Option<UnitKind>, text: &'a str) -> u32 {
        let next = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        *self.ids.entry((kind, text)).or_insert(next)
    }

    fn units(&mut self, units: &'a [(String, Unit)]) -> Vec<u32> {
        units
            .iter()
            .map(|(_, unit)| self.id(Some(unit.kind), &unit.text))
            .collect()
    }

    fn words(&mut self, words: &[&'a str]) -> Vec<u32> {
        words.iter().map(|word| self.id(None, word)).collect()
    }
}

/// One run of an alignment of two sequences, as ranges of their indices.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Run {
    /// Items equal in both (the range is in the older sequence).
    Same(Range<usize>),
    /// A stretch that differs: the older items removed, then the newer ones added
    /// (either may be empty).
    Changed {
        removed: Range<usize>,
        added: Range<usize>,
    },
}

/// Aligns `a` and `b` with `similar`'s `algorithm`, as alternating runs of equal items and
/// changed stretches. Past [`MAX_CELLS`], the changed middle is one removal and addition.
///
/// No clock is involved: `similar` is built without `std`, so its deadlines are ignored
/// (its `Instant` is `()`), and `std::time::Instant::now` would panic on wasm32 anyway.
/// The bound on the changed middle is the fallback instead; it gives the same answer on
/// every machine.
fn align(algorithm: Algorithm, a: &[u32], b: &[u32]) -> Vec<Run> {
    // The common ends are set aside first, so the bound applies to what changed: most
    // versions share most of their text.
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a_end, b_end) = (a.len() - suffix, b.len() - suffix);

    let mut runs = Vec::new();
    let mut push = |tag: DiffTag, old: Range<usize>, new: Range<usize>| {
        if old.is_empty() && new.is_empty() {
            return;
        }
        match (tag, runs.last_mut()) {
            (DiffTag::Equal, Some(Run::Same(last))) => last.end = old.end,
            (DiffTag::Equal, _) => runs.push(Run::Same(old)),
            (_, Some(Run::Changed { removed, added })) => {
                removed.end = old.end;
                added.end = new.end;
            }
            (_, _) => runs.push(Run::Changed {
                removed: old,
                added: new,
            }),
        }
    };
    push(DiffTag::Equal, 0..prefix, 0..prefix);
    if (a_end - prefix).saturating_mul(b_end - prefix) > MAX_CELLS {
        push(DiffTag::Replace, prefix..a_end, prefix..b_end);
    } else {
        for op in similar::capture_diff(algorithm, a, prefix..a_end, b, prefix..b_end) {
            let (tag, old, new) = op.as_tag_tuple();
            push(tag, old, new);
        }
    }
    push(DiffTag::Equal, a_end..a.len(), b_end..b.len());
    runs
}

/// Share of words two texts have in common (0.0 to 1.0), by multiset overlap, from their
/// word ids, sorted.
fn similarity(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    (2 * common) as f64 / (a.len() + b.len()) as f64
}

/// The word-by-word difference of two texts, with runs merged: in each stretch that
/// differs, the removed words come before the added ones.
pub fn word_diff(old: &str, new: &str) -> Vec<Words> {
    word_diff_with(&mut Interner::default(), old, new)
}

fn word_diff_with<'a>(interner: &mut Interner<'a>, old: &'a str, new: &'a str) -> Vec<Words> {
    let a: Vec<&str> = old.split_whitespace().collect();
    let b: Vec<&str> = new.split_whitespace().collect();
    let (a_ids, b_ids) = (interner.words(&a), interner.words(&b));
    let mut out = Vec::new();
    for run in align(Algorithm::Myers, &a_ids, &b_ids) {
        match run {
            Run::Same(same) => out.push(Words::Same(a[same].join(" "))),
            Run::Changed { removed, added } => {
                if !removed.is_empty() {
                    out.push(Words::Removed(a[removed].join(" ")));
                }
                if !added.is_empty() {
                    out.push(Words::Added(b[added].join(" ")));
                }
            }
        }
    }
    out
}

/// The changes from `old` to `new` (both Markdown), in the newer version's order.
pub fn diff(old: &str, new: &str) -> Vec<Change> {
    let a = units(old);
    let b = units(new);
    let mut interner = Interner::default();
    let (a_ids, b_ids) = (interner.units(&a), interner.units(&b));

    let mut changes = Vec::new();
    for run in align(Algorithm::Patience, &a_ids, &b_ids) {
        if let Run::Changed { removed, added } = run {
            // A run of removals and additions between two unchanged units.
            let removed: Vec<usize> = removed.collect();
            let added: Vec<usize> = added.collect();
            pair_run(&mut interner, &a, &b, &removed, &added, &mut changes);
        }
    }
    changes
}

/// A unit's word ids, sorted, for [`similarity`].
fn bag<'a>(interner: &mut Interner<'a>, text: &'a str) -> Vec<u32> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut ids = interner.words(&words);
    ids.sort_unstable();
    ids
}

/// Turns one run of removed and added units into changes, pairing similar units of
/// the same kind as rewordings.
fn pair_run<'a>(
    interner: &mut Interner<'a>,
    a: &'a [(String, Unit)],
    b: &'a [(String, Unit)],
    removed: &[usize],
    added: &[usize],
    out: &mut Vec<Change>,
) {
    // Each removed unit's words, counted once, not once per unit it is compared with.
    let removed_bags: Vec<Vec<u32>> = removed
        .iter()
        .map(|&i| bag(interner, &a[i].1.text))
        .collect();
    let mut used = vec![false; removed.len()];
    let mut next_removed = 0;
    for &j in added {
        let (section, unit) = &b[j];
        let unit_bag = bag(interner, &unit.text);
        // The best still-unused removed unit of the same kind, in order.
        let best = removed
            .iter()
            .enumerate()
            .skip(next_removed)
            .filter(|(r, i)| !used[*r] && a[**i].1.kind == unit.kind)
            .map(|(r, _)| (r, similarity(&removed_bags[r], &unit_bag)))
            .filter(|(_, s)| *s >= 0.5)
            .max_by(|x, y| x.1.total_cmp(&y.1));
        match best {
            Some((r, _)) => {
                // Removed units skipped over come first, as removals.
                for (s, &i) in removed.iter().enumerate().take(r).skip(next_removed) {
                    if !used[s] {
                        used[s] = true;
                        out.push(Change::Removed {
                            section: a[i].0.clone(),
                            unit: a[i].1.clone(),
                        });
                    }
                }
                used[r] = true;
                next_removed = r + 1;
                out.push(Change::Reworded {
                    section: section.clone(),
                    kind: unit.kind,
                    words: word_diff_with(interner, &a[removed[r]].1.text, &unit.text),
                });
            }
            None => out.push(Change::Added {
                section: section.clone(),
                unit: unit.clone(),
            }),
        }
    }
    for (s, &i) in removed.iter().enumerate() {
        if !used[s] {
            out.push(Change::Removed {
                section: a[i].0.clone(),
                unit: a[i].1.clone(),
            });
        }
    }
}

/// Two long versions of a document, for timing the diff (`examples/diff_timing.rs`) and
/// testing it at size: `base` (Markdown) repeated until the older version has at least
/// `bytes` bytes (cut at a blank line), each copy's headings numbered so that they stay distinct, then edited
/// deterministically for the newer one: one paragraph in 5 reworded, one in 11 removed,
/// and a new paragraph after one in 13.
#[doc(hidden)]
pub fn long_versions(base: &str, bytes: usize) -> (String, String) {
    let mut old = String::new();
    let mut copy = 0;
    'copies: while old.len() < bytes && !base.trim().is_empty() {
        copy += 1;
        for line in base.lines().chain([""]) {
            // Stop at the first blank line past the size (never inside a block).
            if line.is_empty() && old.len() >= bytes {
                break 'copies;
            }
            old.push_str(line);
            if line.starts_with('#') {
                old.push_str(&format!(" (part {copy})"));
            }
            old.push('\n');
        }
    }
    let mut new = String::with_capacity(old.len() + old.len() / 8);
    for (n, block) in old.split("\n\n").enumerate() {
        let plain = !block.starts_with(['#', '|', '-', '>', '`', ' ']) && !block.is_empty();
        if plain && n % 11 == 3 {
            continue;
        }
        if plain && n % 5 == 1 {
            // Reworded: a word replaced near the start, a clause added at the end.
            let mut words: Vec<&str> = block.split(' ').collect();
            if let Some(word) = words.get_mut(2) {
                *word = "(reworded)";
            }
            new.push_str(&words.join(" "));
            new.push_str(" This clause is new in this version.");
        } else {
            new.push_str(block);
        }
        new.push_str("\n\n");
        if plain && n % 13 == 7 {
            new.push_str(&format!(
                "A new paragraph {n}: we added it to explain a change to these terms.\n\n"
            ));
        }
    }
    (old, new)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_texts_have_no_changes() {
        let t = "## A\n\nOne.\n\n- x\n- y\n\n| a | b |\n|---|---|\n| 1 | 2 |";
        assert!(diff(t, t).is_empty());
        assert!(diff("", "").is_empty());
    }

    #[test]
    fn additions_removals_and_rewordings() {
        let old = "## Intro\n\nWelcome to the site.\n\nThis part goes away entirely now.\n\n## Fees\n\nFees are due monthly.";
        let new = "## Intro\n\nWelcome to the platform.\n\n## Fees\n\nFees are due monthly.\n\n## New rules\n\nA brand new paragraph.";
        let c = diff(old, new);
        assert_eq!(c.len(), 4, "{c:#?}");
        assert_eq!(
            c[0],
            Change::Reworded {
                section: "Intro".into(),
                kind: UnitKind::Paragraph,
                words: vec![
                    Words::Same("Welcome to the".into()),
                    Words::Removed("site.".into()),
                    Words::Added("platform.".into())
                ]
            }
        );
        assert!(
            matches!(&c[1], Change::Removed { section, unit } if section == "Intro" && unit.text.starts_with("This part"))
        );
        assert!(matches!(&c[2], Change::Added { unit, .. } if unit.kind == UnitKind::Heading(2)));
        assert_eq!(c[3].section(), "New rules");
    }

    #[test]
    fn list_items_and_table_rows_are_units() {
        let old = "- one\n- two\n- three\n\n| k | v |\n|---|---|\n| a | 1 |";
        let new = "- one\n- three\n- four\n\n| k | v |\n|---|---|\n| a | 2 |";
        let c = diff(old, new);
        let kinds: Vec<_> = c
            .iter()
            .map(|ch| match ch {
                Change::Added { unit, .. } => ("added", unit.text.clone()),
                Change::Removed { unit, .. } => ("removed", unit.text.clone()),
                Change::Reworded { words, .. } => ("reworded", format!("{words:?}")),
            })
            .collect();
        assert_eq!(kinds[0], ("removed", "two".to_string()));
        assert_eq!(kinds[1], ("added", "four".to_string()));
        assert_eq!(
            kinds[2],
            (
                "reworded",
                r#"[Same("a |"), Removed("1"), Added("2")]"#.to_string()
            ),
            "a table row with one cell changed is reworded"
        );
        assert_eq!(kinds.len(), 3);
    }

    #[test]
    fn markup_only_changes_are_not_changes() {
        assert!(diff("Refunds take **14 days**.", "Refunds take *14 days*.").is_empty());
        assert!(diff("A  long\nline", "A long line").is_empty());
    }

    #[test]
    fn word_diff_round_trips_both_sides() {
        let old = "the quick brown fox jumps over the lazy dog";
        let new = "the quick red fox leaps over the dog today";
        let w = word_diff(old, new);
        let side = |keep_removed: bool| {
            w.iter()
                .filter_map(|x| match x {
                    Words::Same(s) => Some(s.as_str()),
                    Words::Removed(s) if keep_removed => Some(s.as_str()),
                    Words::Added(s) if !keep_removed => Some(s.as_str()),
                    _ => None,
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(side(true), old);
        assert_eq!(side(false), new);
    }

    #[test]
    fn huge_inputs_fall_back_without_blowing_up() {
        let old: String = (0..2500).map(|i| format!("Para {i} a.\n\n")).collect();
        let new: String = (0..2500).map(|i| format!("Para {i} b.\n\n")).collect();
        let c = diff(&old, &new);
        // 2500 × 2500 units is more than MAX_CELLS: everything is removed then added,
        // and the pairing still finds the rewordings.
        assert_eq!(c.len(), 2500);
    }

    #[test]
    fn a_long_document_with_one_change_is_diffed_exactly() {
        // 3000 × 3000 units is more than MAX_CELLS, but the bound applies to the changed
        // middle only, here one unit on each side.
        let old: String = (0..3000).map(|i| format!("Para {i} a.\n\n")).collect();
        let new = old.replacen("Para 1500 a.", "Para 1500 b.", 1);
        assert_eq!(
            diff(&old, &new),
            vec![Change::Reworded {
                section: String::new(),
                kind: UnitKind::Paragraph,
                words: vec![
                    Words::Same("Para 1500".into()),
                    Words::Removed("a.".into()),
                    Words::Added("b.".into())
                ]
            }]
        );
    }

    #[test]
    fn the_default_documents_diff_sensibly() {
        let bundle = super::super::bundle::load_json(crate::DEFAULT_BUNDLE).bundle;
        for d in &bundle.documents {
            for pair in d.versions.windows(2) {
                let c = diff(&pair[0].body, &pair[1].body);
                assert!(
                    !c.is_empty(),
                    "{} v{} changes something",
                    d.id,
                    pair[1].version
                );
            }
        }
    }

    #[test]
    fn fifty_kilobyte_versions_diff_as_edited() {
        let bundle = super::super::bundle::load_json(crate::DEFAULT_BUNDLE).bundle;
        let terms = bundle
            .documents
            .iter()
            .find(|d| d.id == "terms-of-use")
            .and_then(|d| d.versions.last())
            .expect("the Terms of Use");
        let (old, new) = long_versions(&terms.body, 50_000);
        assert!((50_000..52_000).contains(&old.len()), "{}", old.len());
        let changes = diff(&old, &new);
        let count = |f: fn(&Change) -> bool| changes.iter().filter(|c| f(c)).count();
        let reworded = count(|c| matches!(c, Change::Reworded { .. }));
        let added = count(|c| matches!(c, Change::Added { .. }));
        let removed = count(|c| matches!(c, Change::Removed { .. }));
        assert!(
            reworded >= 20 && added >= 5 && removed >= 10,
            "{reworded} {added} {removed}"
        );
        // Every rewording is an edit made: a word replaced or a clause added.
        for change in &changes {
            if let Change::Reworded { words, .. } = change {
                assert!(
                    words
                        .iter()
                        .any(|w| matches!(w, Words::Added(t) if t.contains("(reworded)") || t.ends_with("new in this version."))),
                    "{words:?}"
                );
            }
        }
        assert_eq!(diff(&old, &old), vec![]);
    }

    proptest::proptest! {
        #[test]
        fn diff_never_panics(a in "[a-c #*\\n|-]{0,200}", b in "[a-c #*\\n|-]{0,200}") {
            let _ = diff(&a, &b);
        }

        #[test]
        fn word_diff_reconstructs(a in "[a-d ]{0,60}", b in "[a-d ]{0,60}") {
            let w = word_diff(&a, &b);
            let join = |keep_removed: bool| w.iter().filter_map(|x| match x {
                Words::Same(s) => Some(s.clone()),
                Words::Removed(s) if keep_removed => Some(s.clone()),
                Words::Added(s) if !keep_removed => Some(s.clone()),
                _ => None,
            }).collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(join(true), a.split_whitespace().collect::<Vec<_>>().join(" "));
            proptest::prop_assert_eq!(join(false), b.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }
}
