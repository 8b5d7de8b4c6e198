//! Deep links: which document, which version and which section a URL fragment names.
//!
//! The scheme is `#<document>[@<version>][/<section>]`:
//!
//! | fragment | opens |
//! |---|---|
//! | `#refund-policy` | the current Refund Policy, at the top |
//! | `#refund-policy/guided-projects` | the section whose heading slug is `guided-projects` |
//! | `#terms-of-use@2` | version 2 of the Terms of Use |
//! | `#terms-of-use@2/revision-history` | a section of version 2 |
//! | `#terms-of-use@2/~changes` | what changed in version 2 since version 1 |
//! | `#guided-projects` (no such document) | that section of the document already open |
//!
//! ```
//! use terms_widget::domain::documents::route::Route;
//!
//! let r = Route::parse("refund-policy/guided-projects").unwrap();
//! assert_eq!(r.document, "refund-policy");
//! assert_eq!(r.section.as_deref(), Some("guided-projects"));
//! assert_eq!(r.to_fragment(), "refund-policy/guided-projects");
//! ```

use std::fmt;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use super::bundle::{Bundle, Document, is_valid_id, is_valid_version_label};
use super::markdown::{self, LinkTarget, percent_decode};

/// A place in the documents: a document, optionally a version and a section.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Route {
    /// Document id.
    pub document: String,
    /// Version label; `None` means the current version.
    pub version: Option<String>,
    /// Heading slug; `None` means the top of the document.
    pub section: Option<String>,
    /// Show what changed in this version since the one before, instead of its text.
    pub changes: bool,
}

/// The section slot value that asks for the changes view (no slug contains `~`).
pub const CHANGES: &str = "~changes";

impl Route {
    /// A route to the top of the current version of `document`.
    pub fn document(document: impl Into<String>) -> Route {
        Route {
            document: document.into(),
            ..Route::default()
        }
    }

    /// Parses a fragment (without the leading `#`; percent-encoding is decoded) in the
    /// full form `doc[@version][/section]`. Returns `None` when it is not of that shape.
    pub fn parse(fragment: &str) -> Option<Route> {
        let fragment = percent_decode(fragment.strip_prefix('#').unwrap_or(fragment));
        let (head, section) = match fragment.split_once('/') {
            Some((h, s)) => (h, Some(s)),
            None => (fragment.as_str(), None),
        };
        let (document, version) = match head.split_once('@') {
            Some((d, v)) => (d, Some(v)),
            None => (head, None),
        };
        if !is_valid_id(document) || version.is_some_and(|v| !is_valid_version_label(v)) {
            return None;
        }
        let section = section.filter(|s| !s.is_empty());
        if section.is_some_and(|s| s.contains('/')) {
            return None;
        }
        let changes = section == Some(CHANGES);
        Some(Route {
            document: document.to_string(),
            version: version.map(str::to_string),
            section: section.filter(|_| !changes).map(str::to_string),
            changes,
        })
    }

    /// The fragment for this route, without `#` (section slugs are percent-encoded
    /// where needed, so the result is safe to put in a URL).
    pub fn to_fragment(&self) -> String {
        let mut s = self.document.clone();
        if let Some(v) = &self.version {
            s.push('@');
            s.push_str(v);
        }
        if self.changes {
            s.push('/');
            s.push_str(CHANGES);
        } else if let Some(sec) = &self.section {
            s.push('/');
            s.push_str(&percent_encode(sec));
        }
        s
    }
}

impl fmt::Display for Route {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.to_fragment())
    }
}

/// Where a fragment leads, given the documents there are and the one open now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// A place that exists (the version and section are checked by [`check`]).
    Route(Route),
    /// Nothing: an empty fragment.
    Nowhere,
}

/// Resolves a fragment from a link or the address bar. A fragment naming a known
/// document is a [`Route`]; otherwise a bare word is a section of the open document.
pub fn resolve(fragment: &str, current: Option<&Route>, bundle: &Bundle) -> Resolved {
    let raw = fragment.strip_prefix('#').unwrap_or(fragment);
    if raw.is_empty() {
        return Resolved::Nowhere;
    }
    if let Some(route) = Route::parse(raw)
        && bundle.document(&route.document).is_some()
    {
        return Resolved::Route(route);
    }
    let decoded = percent_decode(raw);
    match current {
        Some(cur) if !decoded.contains('/') && !decoded.contains('@') => Resolved::Route(Route {
            document: cur.document.clone(),
            version: cur.version.clone(),
            section: Some(decoded),
            changes: false,
        }),
        _ => match Route::parse(raw) {
            Some(route) => Resolved::Route(route),
            None => Resolved::Route(Route {
                document: decoded,
                version: None,
                section: None,
                changes: false,
            }),
        },
    }
}

/// Why a route can't be shown as asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RouteError {
    /// No document has this id.
    #[error("There is no document called \"{0}\" here. Pick one from the list.")]
    NoSuchDocument(String),
    /// The document has no version with this label.
    #[error("{title} has no version \"{version}\". Showing the current version instead.")]
    NoSuchVersion {
        /// Document title.
        title: String,
        /// The label asked for.
        version: String,
    },
    /// The version shown has no heading with this slug.
    #[error("{title} has no section \"{section}\". Showing the top of the document instead.")]
    NoSuchSection {
        /// Document title.
        title: String,
        /// The slug asked for.
        section: String,
    },
}

/// Checks a route against the documents and the headings of the version it shows.
/// `headings` are the slugs of that version (see [`markdown::Document::headings`]).
pub fn check<'a>(
    route: &Route,
    bundle: &Bundle,
    headings: impl IntoIterator<Item = &'a str>,
) -> Result<(), RouteError> {
    let Some(doc) = bundle.document(&route.document) else {
        return Err(RouteError::NoSuchDocument(route.document.clone()));
    };
    if let Some(v) = &route.version
        && doc.version(v).is_none()
    {
        return Err(RouteError::NoSuchVersion {
            title: doc.title.clone(),
            version: v.clone(),
        });
    }
    if let Some(s) = &route.section
        && !headings.into_iter().any(|h| h == s)
    {
        return Err(RouteError::NoSuchSection {
            title: doc.title.clone(),
            section: s.clone(),
        });
    }
    Ok(())
}

/// A section of version `label` of `doc` named by its original's slug: in a translation
/// shown with its primary ([`Bundle::for_language`]), a link written in the primary's
/// language (an untranslated version's, another document's) names the section by the
/// primary's slug; the translation keeps the structure, so the section at the same place
/// in the outline is the one. `None` when there is no primary, no such section in it, or
/// the outlines differ in length.
pub fn translated_section(doc: &Document, label: &str, slug: &str) -> Option<String> {
    let primary = doc.primary.as_ref()?;
    let original = markdown::parse(&primary.version(label)?.body);
    let shown = markdown::parse(&doc.version(label)?.body);
    if original.headings.len() != shown.headings.len() {
        return None;
    }
    let at = original.headings.iter().position(|h| h.slug == slug)?;
    shown.headings.get(at).map(|h| h.slug.clone())
}

/// An in-widget link that leads nowhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenLink {
    /// Document holding the link.
    pub document: String,
    /// Version holding the link.
    pub version: String,
    /// The link's fragment, without `#`.
    pub fragment: String,
    /// Why it leads nowhere.
    pub error: RouteError,
}

impl fmt::Display for BrokenLink {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} version {}: the link #{} leads nowhere: {}",
            self.document, self.version, self.fragment, self.error
        )
    }
}

/// Every `#fragment` link in every version of every document that leads nowhere.
/// Links from a version to another document are checked against that document's
/// current version (or the version the link names).
pub fn broken_links(bundle: &Bundle) -> Vec<BrokenLink> {
    let parsed: Vec<Vec<markdown::Document>> = bundle
        .documents
        .iter()
        .map(|d| {
            d.versions
                .iter()
                .map(|v| markdown::parse(&v.body))
                .collect()
        })
        .collect();
    let slugs_of = |route: &Route| -> Vec<&str> {
        let Some(di) = bundle.documents.iter().position(|d| d.id == route.document) else {
            return Vec::new();
        };
        let doc = &bundle.documents[di];
        let vi = match &route.version {
            Some(v) => doc.versions.iter().position(|x| &x.version == v),
            None => Some(doc.versions.len().saturating_sub(1)),
        };
        vi.and_then(|vi| parsed[di].get(vi))
            .map(|p| p.headings.iter().map(|h| h.slug.as_str()).collect())
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    for (di, doc) in bundle.documents.iter().enumerate() {
        for (vi, version) in doc.versions.iter().enumerate() {
            let here = Route {
                document: doc.id.clone(),
                version: Some(version.version.clone()),
                section: None,
                changes: false,
            };
            let fragments = parsed[di][vi].links().into_iter().filter_map(|l| match l {
                LinkTarget::Fragment(f) => Some(f.clone()),
                _ => None,
            });
            for fragment in fragments {
                let Resolved::Route(route) = resolve(&fragment, Some(&here), bundle) else {
                    continue;
                };
                if let Err(error) = check(&route, bundle, slugs_of(&route)) {
                    // A section named in the original's words, found in the translation.
                    let translated = matches!(error, RouteError::NoSuchSection { .. })
                        && route.section.as_deref().is_some_and(|s| {
                            bundle.document(&route.document).is_some_and(|d| {
                                let label = route
                                    .version
                                    .clone()
                                    .unwrap_or_else(|| d.current().version.clone());
                                translated_section(d, &label, s).is_some()
                            })
                        });
                    if translated {
                        continue;
                    }
                    out.push(BrokenLink {
                        document: doc.id.clone(),
                        version: version.version.clone(),
                        fragment,
                        error,
                    });
                }
            }
        }
    }
    out
}

/// Percent-encodes everything but ASCII letters and digits and `-`, `.`, `_`, `~`.
pub fn percent_encode(s: &str) -> String {
    utf8_percent_encode(s, NOT_UNRESERVED).to_string()
}

/// Every byte but RFC 3986's unreserved characters (`A–Z a–z 0–9 - . _ ~`) is escaped.
const NOT_UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::documents::bundle::load_value;
    use serde_json::json;

    fn bundle() -> Bundle {
        let v = |label: &str, date: &str, body: &str| json!({"version": label, "effective": date, "summary": "s", "material": true, "body": body});
        load_value(&json!({"format": "terms-widget/bundle@1", "documents": [
            {"id": "terms", "title": "Terms", "versions": [
                v("1", "2024-01-01", "## Old part\n\nSee [refunds](#refunds/guided-projects)."),
                v("2", "2025-01-01", "## Intro\n\nSee [refunds](#refunds/guided-projects), [the intro](#intro), [gone](#refunds/nowhere), [v1](#terms@1/old-part), [v9](#terms@9), [x](#missing-doc/a), [sec](#no-such-heading)\n\n> [quoted](#refunds)\n\n| a |\n|---|\n| [cell](#nope/x) |")
            ]},
            {"id": "refunds", "title": "Refunds", "versions": [v("1", "2024-01-01", "## Guided projects\n\nNone.")]}
        ]})).bundle
    }

    #[test]
    fn parses_every_form() {
        assert_eq!(Route::parse("terms"), Some(Route::document("terms")));
        assert_eq!(
            Route::parse("#terms@2/intro"),
            Some(Route {
                document: "terms".into(),
                version: Some("2".into()),
                section: Some("intro".into()),
                changes: false,
            })
        );
        assert_eq!(
            Route::parse("terms/"),
            Some(Route::document("terms")),
            "a trailing slash is the top"
        );
        assert_eq!(
            Route::parse("privacy/pol%C3%ADtica")
                .unwrap()
                .section
                .as_deref(),
            Some("política")
        );
        for bad in [
            "",
            "Terms",
            "terms@",
            "terms@a/b/c",
            "a b",
            "terms@v 1",
            "/x",
            "-x",
        ] {
            assert_eq!(Route::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_changes_view_has_its_own_slot() {
        let r = Route::parse("terms@2/~changes").unwrap();
        assert!(r.changes);
        assert_eq!(r.section, None);
        assert_eq!(r.version.as_deref(), Some("2"));
        assert_eq!(r.to_fragment(), "terms@2/~changes");
        assert!(Route::parse("terms/~changes").unwrap().changes);
        // A heading slug can never look like the changes slot.
        assert_ne!(
            crate::domain::documents::markdown::slugify("~changes"),
            CHANGES
        );
    }

    #[test]
    fn fragments_round_trip() {
        for r in [
            Route::document("a"),
            Route {
                document: "a".into(),
                version: Some("2.1".into()),
                section: Some("política de privacidad".into()),
                changes: false,
            },
        ] {
            let f = r.to_fragment();
            assert!(f.is_ascii());
            assert_eq!(Route::parse(&f), Some(r));
        }
    }

    #[test]
    fn resolves_documents_then_sections_of_the_open_one() {
        let b = bundle();
        let here = Route {
            document: "terms".into(),
            version: Some("1".into()),
            section: None,
            changes: false,
        };
        assert_eq!(resolve("", Some(&here), &b), Resolved::Nowhere);
        assert_eq!(resolve("#", Some(&here), &b), Resolved::Nowhere);
        assert_eq!(
            resolve("#refunds", Some(&here), &b),
            Resolved::Route(Route::document("refunds"))
        );
        assert_eq!(
            resolve("old-part", Some(&here), &b),
            Resolved::Route(Route {
                document: "terms".into(),
                version: Some("1".into()),
                section: Some("old-part".into()),
                changes: false,
            })
        );
        // Without an open document, an unknown word is taken as a document id (and
        // `check` then says it does not exist).
        assert_eq!(
            resolve("ghost", None, &b),
            Resolved::Route(Route::document("ghost"))
        );
    }

    #[test]
    fn checks_documents_versions_and_sections() {
        let b = bundle();
        assert_eq!(check(&Route::document("terms"), &b, []), Ok(()));
        assert_eq!(
            check(&Route::document("nope"), &b, []),
            Err(RouteError::NoSuchDocument("nope".into()))
        );
        let v9 = Route {
            document: "terms".into(),
            version: Some("9".into()),
            section: None,
            changes: false,
        };
        assert!(
            check(&v9, &b, [])
                .unwrap_err()
                .to_string()
                .contains("Terms has no version \"9\"")
        );
        let sec = Route {
            document: "refunds".into(),
            version: None,
            section: Some("guided-projects".into()),
            changes: false,
        };
        assert_eq!(check(&sec, &b, ["guided-projects"]), Ok(()));
        assert!(matches!(
            check(&sec, &b, ["other"]),
            Err(RouteError::NoSuchSection { .. })
        ));
    }

    #[test]
    fn finds_exactly_the_broken_links() {
        let broken: Vec<String> = broken_links(&bundle())
            .iter()
            .map(|b| format!("{}@{} #{}", b.document, b.version, b.fragment))
            .collect();
        assert_eq!(
            broken,
            [
                "terms@2 #refunds/nowhere",
                "terms@2 #terms@9",
                "terms@2 #missing-doc/a",
                "terms@2 #no-such-heading",
                "terms@2 #nope/x",
            ]
        );
    }

    #[test]
    fn percent_coding() {
        assert_eq!(percent_decode("a%20b%zz%"), "a b%zz%");
        assert_eq!(
            percent_decode("%FF"),
            "\u{FFFD}",
            "invalid UTF-8 is replaced"
        );
        assert_eq!(percent_encode("a b/é"), "a%20b%2F%C3%A9");
    }

    proptest::proptest! {
        #[test]
        fn parse_and_resolve_never_panic(s in ".{0,40}") {
            let b = bundle();
            let _ = Route::parse(&s);
            let _ = resolve(&s, Some(&Route::document("terms")), &b);
            let _ = percent_decode(&s);
        }
    }
}
