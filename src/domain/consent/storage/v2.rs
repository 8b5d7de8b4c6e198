//! Reading the records of a v2 value, one by one, so that an error names the record and
//! the field.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;
use serde_json::Value;

use super::{CHOICE_EXPECTED, ID_EXPECTED_CATEGORY, RecordWire, StoreError, StoredWire};
use crate::domain::consent::{
    Choice, ConsentHistory, ConsentRecord, PolicyRef, RecordId, Signals, is_valid_category_id,
};
use crate::domain::records::field::{
    FieldProblem, TIME_EXPECTED, required_field, required_name_field, shorten, time_problem,
};
use crate::domain::records::language::is_valid_language_tag;
use crate::domain::records::sha256::is_hex_digest;
use crate::domain::time::parse_instant;
use crate::domain::wire::{Field, Object};

pub(super) fn decode_v2(stored: StoredWire) -> Result<ConsentHistory, StoreError> {
    const RECORDS_EXPECTED: &str = "a list of consent records";
    let records = required_field(stored.records, RECORDS_EXPECTED).map_err(|problem| {
        StoreError::BadField {
            field: "records".into(),
            problem,
        }
    })?;
    let records = records
        .iter()
        .enumerate()
        .map(|(index, value)| {
            record_from_json(value).map_err(|(field, problem)| StoreError::BadRecord {
                index,
                field,
                problem,
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ConsentHistory { records })
}

/// Reads one v2 record; the error is `(field, problem)`.
fn record_from_json(value: &Value) -> Result<ConsentRecord, (String, FieldProblem)> {
    let Ok(Object(record)) = Object::<RecordWire>::deserialize(value) else {
        return Err((
            String::new(),
            FieldProblem::wrong_type(value, "an object with \"id\", \"at\", \"policy\", …"),
        ));
    };
    let at = |f: &str| f.to_string();

    const ID_EXPECTED: &str = "a UUID such as 0f8fad5b-d9cb-469f-a165-70867728950e";
    let id_text = required_field(record.id, ID_EXPECTED).map_err(|p| (at("id"), p))?;
    let id = RecordId::parse(&id_text)
        .ok_or_else(|| (at("id"), FieldProblem::invalid(&id_text, ID_EXPECTED)))?;

    let time_text = required_field(record.at, TIME_EXPECTED).map_err(|p| (at("at"), p))?;
    let time = parse_instant(&time_text).map_err(|e| (at("at"), time_problem(&time_text, &e)))?;

    const POLICY_EXPECTED: &str = "an object with \"document\", \"version\" and \"sha256\"";
    let Object(policy) =
        required_field(record.policy, POLICY_EXPECTED).map_err(|p| (at("policy"), p))?;
    const DOC_EXPECTED: &str = "the policy's document id, such as \"privacy-policy\"";
    let document =
        required_field(policy.document, DOC_EXPECTED).map_err(|p| (at("policy.document"), p))?;
    if !is_valid_category_id(&document) {
        return Err((
            at("policy.document"),
            FieldProblem::invalid(&document, DOC_EXPECTED),
        ));
    }
    const VERSION_EXPECTED: &str = "the policy's version label, such as \"3\"";
    let version =
        required_field(policy.version, VERSION_EXPECTED).map_err(|p| (at("policy.version"), p))?;
    if !crate::domain::documents::bundle::is_valid_version_label(&version) {
        return Err((
            at("policy.version"),
            FieldProblem::invalid(&version, VERSION_EXPECTED),
        ));
    }
    const HASH_EXPECTED: &str = "64 lowercase hex digits, or null when unknown";
    let hash = match policy.sha256 {
        Field::Absent => {
            return Err((
                at("policy.sha256"),
                FieldProblem::Missing {
                    expected: HASH_EXPECTED,
                },
            ));
        }
        Field::Null => None,
        Field::Ok(s) if is_hex_digest(&s) => Some(s),
        Field::Ok(s) => {
            return Err((
                at("policy.sha256"),
                FieldProblem::invalid(&s, HASH_EXPECTED),
            ));
        }
        Field::Wrong(other) => {
            return Err((
                at("policy.sha256"),
                FieldProblem::wrong_type(&other, HASH_EXPECTED),
            ));
        }
    };

    const CHOICES_EXPECTED: &str = "an object from category id to \"granted\" or \"denied\", such as {\"analytics\": \"denied\"}";
    let choices_read =
        required_field(record.choices, CHOICES_EXPECTED).map_err(|p| (at("choices"), p))?;
    let mut choices = BTreeMap::new();
    for (key, value) in choices_read {
        let field = format!("choices.{}", shorten(&key, 64));
        if !is_valid_category_id(&key) {
            return Err((field, FieldProblem::invalid(&key, ID_EXPECTED_CATEGORY)));
        }
        let choice = match value {
            Field::Null => {
                return Err((
                    field,
                    FieldProblem::wrong_type(&Value::Null, CHOICE_EXPECTED),
                ));
            }
            other => required_name_field(other, CHOICE_EXPECTED).map_err(|p| (field, p))?,
        };
        choices.insert(key, choice);
    }

    const REQUIRED_EXPECTED: &str =
        "a list of the strictly necessary category ids, each recorded as \"granted\" in choices";
    let required_list =
        required_field(record.required, REQUIRED_EXPECTED).map_err(|p| (at("required"), p))?;
    let mut required_ids = BTreeSet::new();
    for (i, item) in required_list.into_iter().enumerate() {
        let id = match item {
            Field::Ok(id) => id,
            other => {
                return Err((
                    format!("required[{i}]"),
                    FieldProblem::WrongType {
                        expected: "a string",
                        found: other.found(),
                    },
                ));
            }
        };
        if choices.get(&id) != Some(&Choice::Granted) {
            return Err((
                format!("required[{i}]"),
                FieldProblem::invalid(&id, REQUIRED_EXPECTED),
            ));
        }
        required_ids.insert(id);
    }

    const METHOD_EXPECTED: &str =
        "one of \"banner\", \"preferences\", \"browser-signal\" or \"api\"";
    let method =
        required_name_field(record.method, METHOD_EXPECTED).map_err(|p| (at("method"), p))?;

    const SIGNALS_EXPECTED: &str = "an object {\"gpc\": true/false, \"dnt\": true/false}";
    let Object(signals) =
        required_field(record.signals, SIGNALS_EXPECTED).map_err(|p| (at("signals"), p))?;
    let flag = |key: &str, value: Field<bool>| {
        required_field(value, "true or false").map_err(|p| (format!("signals.{key}"), p))
    };
    let signals = Signals {
        gpc: flag("gpc", signals.gpc)?,
        dnt: flag("dnt", signals.dnt)?,
    };

    const LANGUAGE_EXPECTED: &str = "a BCP 47 language tag such as \"en-GB\", or \"und\"";
    let language =
        required_field(record.language, LANGUAGE_EXPECTED).map_err(|p| (at("language"), p))?;
    if !is_valid_language_tag(&language) {
        return Err((
            at("language"),
            FieldProblem::invalid(&language, LANGUAGE_EXPECTED),
        ));
    }

    Ok(ConsentRecord {
        id,
        at: time,
        policy: PolicyRef {
            document,
            version,
            sha256: hash,
        },
        choices,
        required: required_ids,
        method,
        signals,
        language,
    })
}
