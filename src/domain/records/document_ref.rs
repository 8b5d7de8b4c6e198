//! Which text of which document a person was shown: the document id, the version label and
//! the SHA-256 of the exact text.

use serde::Serialize;
use serde_json::Value;

use super::sha256::{is_hex_digest, sha256_hex};

/// Which text of which document a person was shown: consent records name the privacy
/// policy they were made under (as [`PolicyRef`](crate::domain::consent::PolicyRef)).
/// It serialises as `{"document": …, "sha256": …, "version": …}`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct DocumentRef {
    /// The document id, e.g. `privacy-policy`.
    pub document: String,
    /// The version label, e.g. `3`.
    pub version: String,
    /// SHA-256 of the exact text shown, as 64 lowercase hex digits; `None` when unknown
    /// (for consent, records migrated from the v1 storage format).
    pub sha256: Option<String>,
}

impl DocumentRef {
    /// The reference for this text of this version: hashes `text` exactly as given (use
    /// the version's full Markdown body from the bundle, byte for byte).
    ///
    /// ```
    /// use terms_widget::domain::records::document_ref::DocumentRef;
    /// let p = DocumentRef::for_text("privacy-policy", "3", "abc");
    /// assert_eq!(
    ///     p.sha256.as_deref(),
    ///     Some("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    /// );
    /// ```
    pub fn for_text(document: &str, version: &str, text: &str) -> DocumentRef {
        DocumentRef {
            document: document.into(),
            version: version.into(),
            sha256: Some(sha256_hex(text.as_bytes())),
        }
    }

    /// The first unusable part, if any: the document id (1–64 of `a-z`, `0-9` and inner
    /// hyphens), the version label, or a digest that is not 64 lowercase hex digits.
    pub fn problem(&self) -> Option<DocumentRefProblem> {
        if !crate::domain::documents::bundle::is_valid_id(&self.document) {
            return Some(DocumentRefProblem::Document);
        }
        if !crate::domain::documents::bundle::is_valid_version_label(&self.version) {
            return Some(DocumentRefProblem::Version);
        }
        if self
            .sha256
            .as_deref()
            .is_some_and(|hash| !is_hex_digest(hash))
        {
            return Some(DocumentRefProblem::Hash);
        }
        None
    }

    /// The reference as JSON: `{"document": …, "sha256": … or null, "version": …}`.
    pub fn to_json(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

/// The part of a [`DocumentRef`] that can't be used (see [`DocumentRef::problem`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentRefProblem {
    /// The document id.
    Document,
    /// The version label.
    Version,
    /// The SHA-256 digest.
    Hash,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_are_found_part_by_part() {
        let good = DocumentRef::for_text("privacy-policy", "3", "abc");
        assert_eq!(good.problem(), None);
        let unknown_text = DocumentRef {
            sha256: None,
            ..good.clone()
        };
        assert_eq!(unknown_text.problem(), None);
        let bad = |f: fn(&mut DocumentRef)| {
            let mut r = good.clone();
            f(&mut r);
            r.problem()
        };
        assert_eq!(
            bad(|r| r.document = "Privacy Policy".into()),
            Some(DocumentRefProblem::Document)
        );
        assert_eq!(
            bad(|r| r.version = String::new()),
            Some(DocumentRefProblem::Version)
        );
        assert_eq!(
            bad(|r| r.sha256 = Some("ABC".into())),
            Some(DocumentRefProblem::Hash)
        );
        assert_eq!(
            good.to_json().to_string(),
            r#"{"document":"privacy-policy","sha256":"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad","version":"3"}"#
        );
    }
}
