//! Migrating the v1 value, one flat record, to a history of one record (see
//! [`decode`](super::decode)).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};

use super::{ID_EXPECTED_CATEGORY, StoreError, StoredWire};
use crate::domain::consent::{
    Choice, ConsentHistory, ConsentRecord, Method, PolicyRef, RecordId, Signals,
    is_valid_category_id,
};
use crate::domain::records::field::{FieldProblem, required_field, shorten, time_problem};
use crate::domain::records::language::UNDETERMINED_LANGUAGE;
use crate::domain::time::{TimeError, parse_instant};
use crate::domain::wire::{Field, Label};

/// The policy document v1 values were recorded against (v1 did not say).
pub const V1_POLICY_DOCUMENT: &str = "privacy-policy";

/// Parses a v1 time: the strict form, or the same with fractional seconds
/// (`2025-03-01T09:30:00.123Z`), which are dropped.
fn parse_v1_time(text: &str) -> Result<DateTime<Utc>, TimeError> {
    let b = text.as_bytes();
    if b.len() > 21 && b.len() <= 30 && b[19] == b'.' && text.ends_with('Z') {
        let fraction = &b[20..b.len() - 1];
        if !fraction.is_empty() && fraction.iter().all(u8::is_ascii_digit) {
            return parse_instant(&format!("{}Z", &text[..19]));
        }
    }
    parse_instant(text)
}

pub(super) fn decode_v1(stored: StoredWire) -> Result<ConsentHistory, StoreError> {
    let bad = |field: &str, problem| StoreError::BadField {
        field: field.to_string(),
        problem,
    };
    const V1_TIME_EXPECTED: &str =
        "a UTC time as YYYY-MM-DDTHH:MM:SSZ (fractional seconds allowed)";
    let time_text = required_field(stored.at, V1_TIME_EXPECTED).map_err(|p| bad("at", p))?;
    let at = parse_v1_time(&time_text).map_err(|e| bad("at", time_problem(&time_text, &e)))?;

    const VERSION_EXPECTED: &str = "the policy's version label, such as \"2\"";
    let Label(version) = required_field(stored.policy_version, VERSION_EXPECTED)
        .map_err(|p| bad("policy_version", p))?;
    if !crate::domain::documents::bundle::is_valid_version_label(&version) {
        return Err(bad(
            "policy_version",
            FieldProblem::invalid(&version, VERSION_EXPECTED),
        ));
    }

    const CHOICES_EXPECTED: &str =
        "an object from category id to true or false, such as {\"analytics\": true}";
    let choices_read =
        required_field(stored.choices, CHOICES_EXPECTED).map_err(|p| bad("choices", p))?;
    let mut choices = BTreeMap::new();
    let mut required = BTreeSet::new();
    for (key, value) in choices_read {
        let field = format!("choices.{}", shorten(&key, 64));
        if !is_valid_category_id(&key) {
            return Err(bad(
                &field,
                FieldProblem::invalid(&key, ID_EXPECTED_CATEGORY),
            ));
        }
        let granted = match value {
            Field::Ok(b) => b,
            other => {
                return Err(bad(
                    &field,
                    FieldProblem::WrongType {
                        expected: "true or false",
                        found: other.found(),
                    },
                ));
            }
        };
        if key == "necessary" {
            if !granted {
                return Err(bad(
                    &field,
                    FieldProblem::invalid(
                        "false",
                        "true: strictly necessary storage was always on, so false was not written by the widget",
                    ),
                ));
            }
            required.insert(key.clone());
        }
        let choice = if granted {
            Choice::Granted
        } else {
            Choice::Denied
        };
        choices.insert(key, choice);
    }

    // The id is derived from the normalised content, so equal v1 values get equal ids.
    let mut content = format!("terms-widget/consent@1\n{}\n{version}\n", at.timestamp());
    for (k, c) in &choices {
        content.push_str(&format!("{k}={}\n", c.as_str()));
    }
    let record = ConsentRecord {
        id: RecordId::derived_from(content.as_bytes()),
        at,
        policy: PolicyRef {
            document: V1_POLICY_DOCUMENT.into(),
            version,
            sha256: None,
        },
        choices,
        required,
        method: Method::Banner,
        signals: Signals::NONE,
        language: UNDETERMINED_LANGUAGE.into(),
    };
    Ok(ConsentHistory {
        records: vec![record],
    })
}
