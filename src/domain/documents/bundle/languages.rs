//! Documents in several languages.
//!
//! Each document has a language ([`Document::lang`]): its `"lang"`, or else the bundle's
//! (`"en"` when the bundle does not say). Several documents may share an id in different
//! languages: the first in the bundle's order is the *primary* (its place in the list and
//! its versions are the reference), the others are *translations*
//! ([`Bundle::translations`]). A translation has some of its primary's versions, with the
//! same labels, effective dates, `material` and `pledges` flags; it may have fewer (only
//! the current one, say).
//!
//! [`Bundle::for_language`] picks, for each id, the document a learner reading a given
//! language is shown, and [`Document::lang`] says which language that is, so a page can
//! say when it fell back.
//!
//! ```
//! use terms_widget::domain::documents::bundle::load_json;
//!
//! let loaded = load_json(r#"{"format":"terms-widget/bundle@1","documents":[
//!   {"id":"honor-code","title":"Honor Code","versions":[
//!     {"version":"1","effective":"2024-02-01","summary":"First.","material":true,"body":"Be honest."}]},
//!   {"id":"honor-code","lang":"es","title":"Código de honor","versions":[
//!     {"version":"1","effective":"2024-02-01","summary":"Primera.","material":true,"body":"Sé honesto."}]},
//!   {"id":"privacy-policy","title":"Privacy Policy","versions":[
//!     {"version":"1","effective":"2024-02-01","summary":"First.","material":true,"body":"We care."}]}]}"#);
//! assert!(loaded.problems.is_empty());
//! let bundle = loaded.bundle;
//! assert_eq!(bundle.languages("honor-code"), ["en", "es"]);
//!
//! let shown = bundle.for_language("es-MX");
//! assert_eq!(shown.documents[0].title, "Código de honor");
//! assert_eq!(shown.documents[0].lang, "es");
//! // No Spanish privacy policy: the English one, and it says so.
//! assert_eq!(shown.documents[1].lang, "en");
//! assert!(!shown.documents[1].is_in("es-MX"));
//! ```

use crate::domain::records::language::{best_match, is_valid_language_tag, primary_subtag};
use crate::domain::wire::{Field, kind_of};

use super::problems::Ctx;
use super::{Bundle, Document, Version};

/// The language of a bundle's documents when the bundle does not say: English.
pub const DEFAULT_LANG: &str = "en";

/// A `"lang"` field: `None` when absent or `null` (no problem), or when it is not a BCP
/// 47 tag (a problem at `lang`).
pub(super) fn read_lang(field: Field<String>, ctx: &mut Ctx<'_>) -> Option<String> {
    match field.present() {
        Ok(None) => None,
        Ok(Some(tag)) if is_valid_language_tag(tag.trim()) => Some(tag.trim().to_string()),
        Ok(Some(tag)) => {
            ctx.problem(
                "lang",
                format!(
                    "The language \"{tag}\" is not a BCP 47 language tag: use one such as \"en\", \"es\" or \"pt-BR\"."
                ),
            );
            None
        }
        Err(other) => {
            ctx.problem(
                "lang",
                format!(
                    "The field \"lang\" is {}, but it must be a language tag such as \"es\".",
                    kind_of(&other)
                ),
            );
            None
        }
    }
}

/// Whether a translation's `version` matches its `primary`'s version of the same label:
/// the label exists there, with the same effective date, `material` and `pledges`. Each
/// mismatch is a problem at the field, and the version is left out.
pub(super) fn matches_primary(primary: &Document, version: &Version, ctx: &mut Ctx<'_>) -> bool {
    let label = &version.version;
    let lang = &primary.lang;
    let Some(original) = primary.version(label) else {
        let labels: Vec<&str> = primary
            .versions
            .iter()
            .map(|v| v.version.as_str())
            .collect();
        ctx.problem(
            "version",
            format!(
                "This translation has a version \"{label}\", but the primary document (in \"{lang}\") has none: a translation can only have the primary's versions ({}). This version is left out.",
                labels.join(", ")
            ),
        );
        return false;
    };
    let mut same = true;
    if version.effective != original.effective {
        ctx.problem(
            "effective",
            format!(
                "This translation says version \"{label}\" takes effect on {}, but the primary document (in \"{lang}\") says {}: use the same date. This version is left out.",
                version.effective, original.effective
            ),
        );
        same = false;
    }
    if version.material != original.material {
        ctx.problem(
            "material",
            format!(
                "This translation says \"material\": {}, but version \"{label}\" of the primary document (in \"{lang}\") says {}: a translation changes nothing, so use the same value. This version is left out.",
                version.material, original.material
            ),
        );
        same = false;
    }
    if version.pledges != original.pledges {
        ctx.problem(
            "pledges",
            format!(
                "This translation says \"pledges\": {}, but version \"{label}\" of the primary document (in \"{lang}\") says {}: use the same value. This version is left out.",
                version.pledges, original.pledges
            ),
        );
        same = false;
    }
    same
}

impl Document {
    /// The language version `label` is shown in: the document's, or, for a version its
    /// translation lacks (see [`Bundle::for_language`]), the primary's.
    pub fn lang_of(&self, label: &str) -> &str {
        match &self.primary {
            Some(primary) if !self.translated.iter().any(|l| l == label) => &primary.lang,
            _ => &self.lang,
        }
    }

    /// Versions `a` and `b` as texts in one language, for comparing them: as shown when
    /// both are in the same language, else both from the primary. `None` when either is
    /// not a version of the document.
    pub fn comparable(&self, a: &str, b: &str) -> Option<(&Version, &Version)> {
        let doc: &Document = match &self.primary {
            Some(primary) if self.lang_of(a) != self.lang_of(b) => primary,
            _ => self,
        };
        Some((doc.version(a)?, doc.version(b)?))
    }

    /// The language of the texts [`comparable`](Self::comparable) gives for `a` and `b`.
    pub fn comparison_lang(&self, a: &str, b: &str) -> &str {
        match &self.primary {
            Some(primary) if self.lang_of(a) != self.lang_of(b) => &primary.lang,
            _ => self.lang_of(b),
        }
    }

    /// Whether the document is written in `lang`, by the primary subtag, ignoring case:
    /// a document in `es` is in `es-MX`, one in `en` is not in `es`. `false` means the
    /// learner is reading a fallback.
    pub fn is_in(&self, lang: &str) -> bool {
        primary_subtag(&self.lang).eq_ignore_ascii_case(primary_subtag(lang))
    }
}

impl Bundle {
    /// The bundle a learner reading `lang` (a BCP 47 tag such as `es-MX`) is shown:
    /// `documents` holds one document per id, in the primaries' order, each being
    ///
    /// - the translation (or primary) whose language is `lang` itself, ignoring case, else
    ///   the first whose primary subtag is `lang`'s (`es-MX` reads an `es` text), the
    ///   primary first, then the translations in the bundle's order;
    /// - counting only translations that have the primary's current version (so learners
    ///   always see the text in force);
    /// - else the primary.
    ///
    /// A translation shown has the primary's whole history: the versions it lacks are the
    /// primary's ([`Document::lang_of`] tells which language each version is in, and
    /// [`Document::comparable`] gives two versions in one language, to compare). Each
    /// shown document's [`Document::lang`] says its language ([`Document::is_in`] tells
    /// a fallback). `translations` is empty; everything else (platform, `lang`, consent,
    /// refund rules, acceptance) is kept.
    ///
    /// Show and record from this view: a record made for a shown document's version
    /// binds to that text (its SHA-256). Judge standings on the whole bundle, whose
    /// primaries have the full history: a translation may lack the version a learner
    /// accepted earlier (acceptance standings take the primary document;
    /// `consent::PolicyVersion::from_bundle` does this for consent).
    ///
    /// ```
    /// use terms_widget::domain::documents::bundle::load_json;
    /// let bundle = load_json(r#"{"format":"terms-widget/bundle@1","documents":[
    ///   {"id":"faq","title":"FAQ","versions":[
    ///     {"version":"1","effective":"2024-01-01","summary":"First.","material":true,"body":"Old."},
    ///     {"version":"2","effective":"2025-01-01","summary":"New.","material":true,"body":"New."}]},
    ///   {"id":"faq","lang":"es","title":"Preguntas","versions":[
    ///     {"version":"1","effective":"2024-01-01","summary":"Primera.","material":true,"body":"Viejo."}]}]}"#)
    ///     .bundle;
    /// // The Spanish text is not of the current version: English it is.
    /// assert_eq!(bundle.for_language("es").documents[0].lang, "en");
    /// ```
    pub fn for_language(&self, lang: &str) -> Bundle {
        let documents = self
            .documents
            .iter()
            .map(|primary| {
                let shown = self.shown_in(primary, lang);
                if std::ptr::eq(shown, primary) {
                    return primary.clone();
                }
                // A translation with every version of its primary: the versions it
                // lacks come from the primary, in the primary's language.
                let versions = primary
                    .versions
                    .iter()
                    .map(|v| shown.version(&v.version).unwrap_or(v).clone())
                    .collect();
                Document {
                    versions,
                    archived: primary.archived.clone(),
                    primary: Some(Box::new(primary.clone())),
                    translated: shown.versions.iter().map(|v| v.version.clone()).collect(),
                    ..shown.clone()
                }
            })
            .collect();
        Bundle {
            documents,
            translations: Vec::new(),
            ..self.clone()
        }
    }

    /// The document with this id as shown in `lang` (the rule of
    /// [`Bundle::for_language`]); `None` when the bundle has no such id.
    pub fn document_in(&self, id: &str, lang: &str) -> Option<&Document> {
        self.document(id)
            .map(|primary| self.shown_in(primary, lang))
    }

    /// The languages document `id` exists in: the primary's first, then its
    /// translations' in the bundle's order. Empty when the bundle has no such id.
    pub fn languages(&self, id: &str) -> Vec<&str> {
        self.document(id)
            .into_iter()
            .chain(self.translations_of(id))
            .map(|d| d.lang.as_str())
            .collect()
    }

    /// The translations of document `id`, in the bundle's order.
    pub fn translations_of(&self, id: &str) -> impl Iterator<Item = &Document> + use<'_> {
        let id = id.to_owned();
        self.translations.iter().filter(move |d| d.id == id)
    }

    /// The document shown for `primary` in `lang` (a primary or one of its translations,
    /// as loaded): see [`Bundle::for_language`].
    fn shown_in<'a>(&'a self, primary: &'a Document, lang: &str) -> &'a Document {
        let current = &primary.current().version;
        let candidates: Vec<&Document> = std::iter::once(primary)
            .chain(
                self.translations_of(&primary.id)
                    .filter(|t| t.version(current).is_some()),
            )
            .collect();
        best_match(lang, candidates.iter().map(|d| d.lang.as_str()))
            .map_or(primary, |i| candidates[i])
    }
}

#[cfg(test)]
mod tests;
