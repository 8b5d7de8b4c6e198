//! The UI language a record was made in: BCP 47 tags, checked loosely.

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

#[cfg(test)]
mod tests {
    use super::*;

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
