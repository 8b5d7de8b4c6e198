//! A document's pledges: the items of the first ordered list in the body of a version
//! marked `"pledges": true` (contract, *Pledges*).
//!
//! Pledges are numbered `"1"`, `"2"`, … in the order of the list, whatever number the
//! list starts at: a record's `pledges` holds these ids. A four-pledge honor code and a
//! five-pledge one both work; lists nested inside a pledge belong to that pledge.
//!
//! ```
//! use terms_widget::domain::acceptance::pledges::pledges_of;
//!
//! let body = "Intro.\n\n- not this list\n\n1. **Mine.** I do my own work.\n2. I keep\n   one account.\n\nText.\n\n1. Not this list.\n";
//! let pledges = pledges_of(body);
//! assert_eq!(pledges.len(), 2);
//! assert_eq!(pledges[0].id, "1");
//! assert_eq!(pledges[0].text, "Mine. I do my own work.");
//! assert_eq!(pledges[0].markdown, "**Mine.** I do my own work.");
//! assert_eq!(pledges[1].text, "I keep one account.");
//! assert_eq!(pledges[1].markdown, "I keep\none account.");
//! ```
//!
//! This file depends on nothing but `pulldown-cmark`: the build script compiles it too, so
//! that `content/` is checked with the same rule.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// One pledge of a document version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pledge {
    /// Its id: its position in the list from 1, as text (`"1"`, `"2"`, …).
    pub id: String,
    /// Its words as plain text (emphasis and links dropped, line breaks as spaces), for
    /// labels, receipts and screen readers.
    pub text: String,
    /// Its Markdown without the list marker (continuation lines unindented), for the UI
    /// to render with the document's own Markdown renderer.
    pub markdown: String,
    /// Where the item (marker included) lies in the body, in bytes.
    pub source: Range<usize>,
}

/// The Markdown options the widget's renderer uses, so the list found is the list shown.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// The pledges of a body: the items of its first ordered list, in order. Empty when the
/// body has no ordered list (for a version with `"pledges": true`, the bundle loader
/// reports that as a problem).
pub fn pledges_of(body: &str) -> Vec<Pledge> {
    let mut pledges = Vec::new();
    // Depth of lists opened inside the first ordered list (1 = the list itself).
    let mut depth = 0usize;
    let mut current: Option<(Range<usize>, String)> = None;
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::List(start)) => {
                if depth == 0 {
                    if start.is_none() || !pledges.is_empty() {
                        continue;
                    }
                    depth = 1;
                } else {
                    depth += 1;
                }
            }
            Event::End(TagEnd::List(_)) if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            Event::Start(Tag::Item) if depth == 1 => current = Some((range, String::new())),
            Event::End(TagEnd::Item) if depth == 1 => {
                if let Some((source, text)) = current.take() {
                    pledges.push(Pledge {
                        id: (pledges.len() + 1).to_string(),
                        text: squash_spaces(&text),
                        markdown: item_markdown(&body[source.clone()]),
                        source,
                    });
                }
            }
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) | Event::Html(t) => {
                if let Some((_, text)) = current.as_mut() {
                    text.push_str(&t);
                }
            }
            Event::SoftBreak
            | Event::HardBreak
            | Event::Start(Tag::Item | Tag::Paragraph)
            | Event::End(TagEnd::Item | TagEnd::Paragraph) => {
                if let Some((_, text)) = current.as_mut() {
                    text.push(' ');
                }
            }
            _ => {}
        }
    }
    pledges
}

/// Does the body have an ordered list, i.e. at least one pledge?
pub fn has_pledges(body: &str) -> bool {
    !pledges_of(body).is_empty()
}

fn squash_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An item's source without its marker (`1.` or `1)` and the spaces after it), its
/// continuation lines unindented by the marker's width, and trailing blank lines dropped.
fn item_markdown(item: &str) -> String {
    let trimmed = item.trim_start_matches([' ', '\t']);
    let lead = item.len() - trimmed.len();
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    let after_marker = &trimmed[(digits + 1).min(trimmed.len())..];
    let content = after_marker.trim_start_matches([' ', '\t']);
    let width = lead + digits + 1 + (after_marker.len() - content.len());
    let mut lines = content.lines();
    let mut out = lines.next().unwrap_or("").to_string();
    for line in lines {
        out.push('\n');
        let spaces = line.bytes().take_while(|b| *b == b' ').count().min(width);
        out.push_str(&line[spaces..]);
    }
    out.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_first_ordered_list_counts() {
        assert!(pledges_of("").is_empty());
        assert!(pledges_of("- a\n- b\n").is_empty());
        assert!(!has_pledges("Text with 1. inside a line.\n"));
        let p = pledges_of("- a\n\n3. first\n4. second\n\ntext\n\n1. other\n");
        let ids: Vec<&str> = p.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(
            ids,
            ["1", "2"],
            "numbered by position, not by the list's start"
        );
        assert_eq!(p[1].text, "second");
    }

    #[test]
    fn nested_lists_belong_to_their_pledge() {
        let body = "1. Outer one:\n   1. inner a\n   2. inner b\n2. Outer two `code`.\n";
        let p = pledges_of(body);
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].text, "Outer one: inner a inner b");
        assert_eq!(p[0].markdown, "Outer one:\n1. inner a\n2. inner b");
        assert_eq!(p[1].text, "Outer two code.");
        assert_eq!(&body[p[1].source.clone()], "2. Outer two `code`.\n");
    }

    proptest::proptest! {
        /// Any number of items, any start number, any text: numbered from "1" in order,
        /// and the plain text is the item's words.
        #[test]
        fn every_item_is_a_pledge_in_order(
            words in proptest::collection::vec("[a-z]{1,8}( [a-z]{1,8}){0,4}", 1..12),
            start in 0u32..1000,
        ) {
            let body: String = words
                .iter()
                .enumerate()
                .map(|(i, w)| format!("{}. {w}\n", start + i as u32))
                .collect();
            let pledges = pledges_of(&format!("Intro.\n\n{body}\nAfter.\n"));
            proptest::prop_assert_eq!(pledges.len(), words.len());
            for (i, (p, w)) in pledges.iter().zip(&words).enumerate() {
                proptest::prop_assert_eq!(&p.id, &(i + 1).to_string());
                proptest::prop_assert_eq!(&p.text, w);
                proptest::prop_assert_eq!(&p.markdown, w);
            }
        }
    }

    #[test]
    fn loose_lists_and_parenthesis_markers() {
        let body = "1) First [link](#x).\n\n2) Second.\n";
        let p = pledges_of(body);
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].text, "First link.");
        assert_eq!(p[0].markdown, "First [link](#x).");
        assert_eq!(p[1].markdown, "Second.");
    }
}
