//! The bundle written back in the format [`FORMAT`].

use serde::Serialize;
use serde_json::Value;

use super::{Bundle, DEFAULT_LANG, Document, FORMAT};

/// The bundle as [`to_json`] writes it.
#[derive(Serialize)]
struct BundleOut<'a> {
    format: &'static str,
    platform: PlatformOut<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<&'a str>,
    documents: Vec<DocumentOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    refund_policy: Option<&'a Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    consent: Option<&'a Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    acceptance: Option<Value>,
}

#[derive(Serialize)]
struct PlatformOut<'a> {
    name: &'a str,
}

/// A document with its `lang` where it differs from the bundle's.
#[derive(Serialize)]
struct DocumentOut<'a> {
    #[serde(flatten)]
    document: &'a Document,
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<&'a str>,
}

/// Serialises a bundle back to the JSON format [`FORMAT`]: the primaries in their order,
/// then the translations (so each id's first document is still its primary). `"lang"` is
/// written at the top when it is not `"en"`, and on a document when it is not the
/// bundle's.
pub fn to_json(bundle: &Bundle) -> Value {
    let documents = bundle
        .documents
        .iter()
        .chain(&bundle.translations)
        .map(|document| DocumentOut {
            document,
            lang: (document.lang != bundle.lang).then_some(document.lang.as_str()),
        })
        .collect();
    let out = BundleOut {
        format: FORMAT,
        platform: PlatformOut {
            name: &bundle.platform,
        },
        lang: (bundle.lang != DEFAULT_LANG).then_some(bundle.lang.as_str()),
        documents,
        refund_policy: bundle.refund_policy.as_ref(),
        consent: bundle.consent.as_ref(),
        acceptance: bundle.acceptance.as_ref().map(|a| a.to_json()),
    };
    // Cannot fail: every map key is a string and every value serialises.
    serde_json::to_value(out).unwrap_or(Value::Null)
}
