//! The UI language a record was made in: BCP 47 tags, checked loosely; and which of
//! several tagged texts suits a language (documents' translations, localized set-up texts).
//!
//! This file depends on nothing: the build script compiles it with the bundle.

/// The BCP 47 tag for "undetermined", used for v1 values, which did not record a language.
pub const UNDETERMINED_LANGUAGE: &str = "und";

/// Is `tag` plausibly a BCP 47 language tag? Checked loosely: subtags of ASCII letters
/// and digits joined by `-`, the first 2–8 letters (or `x`/`i` followed by more subtags),
/// the others 1–8 characters, at most 64 characters in all. `en`, `en-GB`, `pt-BR`,
/// `zh-Hant-TW`, `und` pass; `en_GB`, `english!`, `` do not.
///
/// ```
/// use terms_widget::domain::consent::is_valid_language_tag;
/// assert!(is_valid_language_tag("en-GB"));
/// assert!(is_valid_language_tag("zh-Hant-TW"));
/// assert!(!is_valid_language_tag("en_GB"));
/// ```
pub fn is_valid_language_tag(tag: &str) -> bool {
    if tag.is_empty() || tag.len() > 64 {
        return false;
    }
    let mut parts = tag.split('-');
    let first = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    let first_ok = if first.eq_ignore_ascii_case("x") || first.eq_ignore_ascii_case("i") {
        !rest.is_empty()
    } else {
        (2..=8).contains(&first.len()) && first.bytes().all(|b| b.is_ascii_alphabetic())
    };
    first_ok
        && rest
            .iter()
            .all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// The primary language subtag of `tag`, the part before the first `-`: `"es"` for
/// `"es-MX"`, `"zh"` for `"zh-Hant-TW"`.
///
/// ```
/// use terms_widget::domain::records::language::primary_subtag;
/// assert_eq!(primary_subtag("es-MX"), "es");
/// assert_eq!(primary_subtag("en"), "en");
/// ```
pub fn primary_subtag(tag: &str) -> &str {
    tag.split('-').next().unwrap_or(tag)
}

/// Which of `tags` (in order) suits the wanted language `lang`: the first one equal to it
/// (ignoring case), else the first whose primary subtag is the same (ignoring case), so
/// `es-MX` takes an `es` text, and `es` an `es-419` one. `None` when none does. Its
/// index in `tags`.
///
/// ```
/// use terms_widget::domain::records::language::best_match;
/// assert_eq!(best_match("es-MX", ["en", "es", "es-MX"]), Some(2));
/// assert_eq!(best_match("ES-AR", ["en", "es", "es-MX"]), Some(1));
/// assert_eq!(best_match("fr", ["en", "es"]), None);
/// ```
pub fn best_match<'a>(lang: &str, tags: impl IntoIterator<Item = &'a str>) -> Option<usize> {
    let tags: Vec<&str> = tags.into_iter().collect();
    tags.iter()
        .position(|t| t.eq_ignore_ascii_case(lang))
        .or_else(|| {
            let wanted = primary_subtag(lang);
            tags.iter()
                .position(|t| primary_subtag(t).eq_ignore_ascii_case(wanted))
        })
}

/// Which of several texts tagged by language to show in `lang` (see [`best_match`]),
/// falling back to English (`en`), then to the first one. `None` only when `tags` is
/// empty. Its index in `tags`.
///
/// ```
/// use terms_widget::domain::records::language::pick_text;
/// assert_eq!(pick_text("es-MX", ["en", "es"]), Some(1));
/// assert_eq!(pick_text("fr", ["es", "en-GB"]), Some(1));
/// assert_eq!(pick_text("fr", ["es", "de"]), Some(0));
/// assert_eq!(pick_text("fr", []), None);
/// ```
pub fn pick_text<'a>(lang: &str, tags: impl IntoIterator<Item = &'a str>) -> Option<usize> {
    let tags: Vec<&str> = tags.into_iter().collect();
    best_match(lang, tags.iter().copied())
        .or_else(|| best_match("en", tags.iter().copied()))
        .or(if tags.is_empty() { None } else { Some(0) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matching_prefers_the_exact_tag_then_the_primary_subtag() {
        assert_eq!(primary_subtag("zh-Hant-TW"), "zh");
        assert_eq!(primary_subtag(""), "");
        assert_eq!(best_match("es", ["en", "es-MX", "es"]), Some(2));
        assert_eq!(best_match("es", ["en", "es-MX"]), Some(1));
        assert_eq!(best_match("Es-mx", ["es-MX"]), Some(0));
        assert_eq!(best_match("en-US", ["en", "en-GB"]), Some(0));
        assert_eq!(best_match("e", ["es"]), None);
        assert_eq!(best_match("es", []), None);
        assert_eq!(pick_text("ar", ["en", "es"]), Some(0));
        assert_eq!(pick_text("es", ["en", "es"]), Some(1));
        assert_eq!(pick_text("de", ["fr"]), Some(0));
    }

    #[test]
    fn language_tags_are_checked_loosely() {
        for ok in [
            "en",
            "en-GB",
            "pt-BR",
            "zh-Hant-TW",
            "und",
            "es-419",
            "x-klingon",
        ] {
            assert!(is_valid_language_tag(ok), "{ok}");
        }
        for bad in [
            "",
            "e",
            "en_GB",
            "en-",
            "-en",
            "english!",
            "x",
            "en-abcdefghi",
            "日本",
        ] {
            assert!(!is_valid_language_tag(bad), "{bad}");
        }
    }
}
