//! Which document ids and version labels are usable: ids appear in deep links, labels in
//! messages and URLs.

/// Is `id` usable in a deep link: lowercase ASCII letters, digits and inner hyphens?
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

/// Is `label` usable as a version label: 1 to 32 of ASCII letters, digits, `.`, `-`, `_`?
pub fn is_valid_version_label(label: &str) -> bool {
    !label.is_empty()
        && label.len() <= 32
        && label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_labels() {
        for ok in ["a", "refund-policy", "v2-terms", "x9"] {
            assert!(is_valid_id(ok), "{ok}");
        }
        for bad in [
            "",
            "-a",
            "a-",
            "A",
            "a b",
            "a/b",
            "a@b",
            "é",
            &"a".repeat(65),
        ] {
            assert!(!is_valid_id(bad), "{bad}");
        }
        for ok in ["1", "2.1", "2025-01", "v3_beta"] {
            assert!(is_valid_version_label(ok), "{ok}");
        }
        for bad in ["", "a/b", "1 2", "#3", &"1".repeat(33)] {
            assert!(!is_valid_version_label(bad), "{bad}");
        }
    }
}
