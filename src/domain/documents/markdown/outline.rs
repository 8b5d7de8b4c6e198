//! A document's outline: which heading levels it actually uses, ranked from its highest.
//!
//! Documents don't agree on levels: one has `##` sections and `###` subsections, another
//! only `####` sections, another setext `====`/`----` headings, another a `#` title over
//! `##` sections. What matters is a heading's rank among the levels the document uses:
//! the highest used level is rank 0 (a section), the next rank 1 (a subsection), and so
//! on. The table of contents takes ranks 0 and 1; the renderer nests headings by rank
//! under the widget's own title, so the page's heading levels never skip one.
//!
//! ```
//! use terms_widget::domain::documents::markdown::{Outline, parse};
//!
//! let doc = parse("#### Scope\n\nText.\n\n###### Details\n\n#### Changes\n");
//! let outline = Outline::of(&doc.headings);
//! assert_eq!(outline.rank(4), 0);
//! assert_eq!(outline.rank(6), 1);
//! let toc: Vec<_> = outline.toc(&doc.headings).iter().map(|e| (e.heading.text.as_str(), e.rank)).collect();
//! assert_eq!(toc, [("Scope", 0), ("Details", 1), ("Changes", 0)]);
//! ```

use super::model::Heading;

/// How many ranks the table of contents shows.
pub const TOC_RANKS: u8 = 2;

/// The heading levels (1 to 6) a document uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Outline {
    /// Bit `level` is set when the document has a heading of that level.
    used: u8,
}

/// One line of a table of contents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TocEntry<'a> {
    /// The heading.
    pub heading: &'a Heading,
    /// 0 for a section (the document's highest level), 1 for a subsection.
    pub rank: u8,
}

impl Outline {
    /// The levels used by `headings`.
    pub fn of(headings: &[Heading]) -> Self {
        let used = headings
            .iter()
            .filter(|h| (1..=6).contains(&h.level))
            .fold(0u8, |used, h| used | (1 << h.level));
        Outline { used }
    }

    /// The levels used, highest (smallest number) first.
    pub fn levels(&self) -> Vec<u8> {
        (1..=6).filter(|l| self.used & (1 << l) != 0).collect()
    }

    /// How many used levels are above `level`: 0 for the document's highest level. A
    /// level the document does not use ranks as the next used level below it would.
    pub fn rank(&self, level: u8) -> u8 {
        (1..level.min(7))
            .filter(|l| self.used & (1 << l) != 0)
            .count() as u8
    }

    /// The HTML heading level (2 to 6) for a heading of `level` under the widget's `<h1>`
    /// title: rank 0 is `<h2>`, rank 1 `<h3>`, …, never deeper than `<h6>`.
    pub fn html_level(&self, level: u8) -> u8 {
        (2 + self.rank(level)).min(6)
    }

    /// The table of contents: the headings of the two highest levels the document uses,
    /// in document order. Empty when the document has no headings.
    pub fn toc<'a>(&self, headings: &'a [Heading]) -> Vec<TocEntry<'a>> {
        headings
            .iter()
            .map(|heading| TocEntry {
                heading,
                rank: self.rank(heading.level),
            })
            .filter(|e| e.rank < TOC_RANKS)
            .collect()
    }
}
