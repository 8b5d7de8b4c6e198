//! Heading anchors: GitHub-like slugs that never take the widget's own ids.

/// The prefix of every element id the widget gives its own elements; heading slugs
/// never start with it (see [`slugify`]).
pub const WIDGET_ID_PREFIX: &str = "tw-";

/// Turns heading text into a GitHub-like anchor id.
///
/// Lowercases; keeps Unicode letters and digits (and combining marks), `-`
/// and `_`; turns whitespace into `-`; drops other punctuation; collapses
/// repeated `-`; trims `-` at both ends; returns `section` if nothing is left.
/// (Uniqueness within a document is handled by [`parse`](super::parse).)
///
/// Slugs become element ids in the same shadow root as the widget's own ids, which all
/// start with [`WIDGET_ID_PREFIX`] (`tw-`): a slug that would start with it (an author's
/// `{#tw-doc-title}`, a heading "TW — Notes") gets `section-` in front, so the two id
/// spaces never meet.
///
/// ```
/// use terms_widget::domain::documents::markdown::slugify;
///
/// assert_eq!(slugify("Política de privacidad"), "política-de-privacidad");
/// assert_eq!(slugify("tw-doc-title"), "section-tw-doc-title");
/// assert_eq!(slugify("  1. Terms & Conditions! "), "1-terms-conditions");
/// assert_eq!(slugify("???"), "section");
/// ```
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for lower in text.chars().flat_map(char::to_lowercase) {
        let keep = if lower.is_whitespace() || lower == '-' {
            Some('-')
        } else if lower.is_alphanumeric() || lower == '_' || is_combining_mark(lower) {
            Some(lower)
        } else {
            None
        };
        match keep {
            Some('-') if slug.is_empty() || slug.ends_with('-') => {}
            Some(c) => slug.push(c),
            None => {}
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        slug.push_str("section");
    }
    if slug.starts_with(WIDGET_ID_PREFIX) {
        slug.insert_str(0, "section-");
    }
    slug
}

fn is_combining_mark(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036F}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE20}'..='\u{FE2F}'
    )
}
