//! Link safety: every destination is classified, and only safe ones become clickable.

use pulldown_cmark as cm;

use super::model::LinkTarget;

/// Classifies a link destination so that only safe URLs become clickable.
///
/// The href is first cleaned the way browsers clean URLs: leading and
/// trailing ASCII whitespace and C0 control characters are stripped, and
/// TAB, LF and CR are removed everywhere. Then:
///
/// * empty → [`LinkTarget::Blocked`];
/// * `#frag` → [`LinkTarget::Fragment`] (percent-decoded, without `#`);
/// * two leading slashes or backslashes (`//host`, `\\host`, browsers treat
///   `\` like `/`) → [`LinkTarget::External`];
/// * a `:` before the first `/`, `?` or `#` is a scheme: `http`/`https`
///   (any case) → External, `mailto` → Mailto, anything else
///   (`javascript:`, `data:`, `vbscript:`, `file:`, `ftp:`, `foo:`, even an
///   invalid scheme such as `java script:` or `%6Aavascript:`) → Blocked;
/// * otherwise → [`LinkTarget::Relative`].
///
/// Blocked keeps the original href; the other variants hold the cleaned one.
///
/// ```
/// use terms_widget::domain::documents::markdown::{classify_link, LinkTarget};
///
/// assert_eq!(classify_link("HTTPS://x.example"), LinkTarget::External("HTTPS://x.example".into()));
/// assert_eq!(classify_link("#refund-policy"), LinkTarget::Fragment("refund-policy".into()));
/// assert_eq!(classify_link("a/b:c"), LinkTarget::Relative("a/b:c".into()));
/// assert_eq!(classify_link(" java\tscript:alert(1)"), LinkTarget::Blocked(" java\tscript:alert(1)".into()));
/// ```
pub fn classify_link(href: &str) -> LinkTarget {
    let cleaned = clean_href(href);
    if cleaned.is_empty() {
        return LinkTarget::Blocked(href.to_owned());
    }
    if let Some(fragment) = cleaned.strip_prefix('#') {
        return LinkTarget::Fragment(percent_decode(fragment));
    }
    let mut chars = cleaned.chars();
    if matches!(
        (chars.next(), chars.next()),
        (Some('/' | '\\'), Some('/' | '\\'))
    ) {
        return LinkTarget::External(cleaned);
    }
    match scheme_of(&cleaned) {
        None => LinkTarget::Relative(cleaned),
        Some(scheme)
            if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") =>
        {
            LinkTarget::External(cleaned)
        }
        Some(scheme) if scheme.eq_ignore_ascii_case("mailto") => LinkTarget::Mailto(cleaned),
        Some(_) => LinkTarget::Blocked(href.to_owned()),
    }
}

/// Strips leading/trailing C0 controls and spaces, removes TAB/LF/CR anywhere
/// (what the URL parser does before looking for a scheme).
pub(super) fn clean_href(href: &str) -> String {
    href.trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// The text before a `:` that comes before any `/`, `?` or `#`, if any.
pub(super) fn scheme_of(href: &str) -> Option<&str> {
    let end = href.find([':', '/', '?', '#'])?;
    if href.as_bytes().get(end) == Some(&b':') {
        href.get(..end)
    } else {
        None
    }
}

/// Decodes `%XX` escapes; invalid escapes stay as they are and invalid UTF-8
/// becomes U+FFFD.
/// Decodes `%XX` escapes as UTF-8 (invalid sequences become U+FFFD); other text is
/// kept as it is.
///
/// ```
/// assert_eq!(terms_widget::domain::documents::markdown::percent_decode("pol%C3%ADtica%20x%zz"), "política x%zz");
/// ```
pub fn percent_decode(text: &str) -> String {
    percent_encoding::percent_decode_str(text)
        .decode_utf8_lossy()
        .into_owned()
}

pub(super) fn link_target(link_type: cm::LinkType, dest_url: &str) -> LinkTarget {
    match link_type {
        // `<someone@example.org>`: pulldown-cmark gives the bare address.
        cm::LinkType::Email => classify_link(&format!("mailto:{dest_url}")),
        _ => classify_link(dest_url),
    }
}
