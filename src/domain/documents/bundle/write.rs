//! The bundle written back in the format [`FORMAT`].

use serde::Serialize;
use serde_json::Value;

use super::{Bundle, Document, FORMAT};

/// The bundle as [`to_json`] writes it.
#[derive(Serialize)]
struct BundleOut<'a> {
    format: &'static str,
    platform: PlatformOut<'a>,
    documents: &'a [Document],
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

/// Serialises a bundle back to the JSON format [`FORMAT`].
pub fn to_json(bundle: &Bundle) -> Value {
    let out = BundleOut {
        format: FORMAT,
        platform: PlatformOut {
            name: &bundle.platform,
        },
        documents: &bundle.documents,
        refund_policy: bundle.refund_policy.as_ref(),
        consent: bundle.consent.as_ref(),
        acceptance: bundle.acceptance.as_ref().map(|a| a.to_json()),
    };
    // Cannot fail: every map key is a string and every value serialises.
    serde_json::to_value(out).unwrap_or(Value::Null)
}
