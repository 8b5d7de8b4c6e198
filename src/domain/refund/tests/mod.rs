//! The engine's tests: the contract's examples and readings, validation, the policy as data,
//! and properties. The helpers here are shared by every file.

use super::*;
use chrono::{DateTime, TimeDelta, Utc};
use serde_json::{Map, Value, json};

use crate::domain::time::{TimeError, format_instant, parse_date, parse_instant};

use super::engine::{LAST_WRITABLE_INSTANT, after_days};
use super::kind::{KIND_NAMES, VIA_NAMES};
use super::overrides::{CLAUSE_KEYS, KIND_POLICY_KEYS};

const P: &str = "2024-03-01T12:00:00Z";
const P_PLUS_14: &str = "2024-03-15T12:00:00Z";

fn ts(text: &str) -> DateTime<Utc> {
    parse_instant(text).unwrap()
}

fn at(t: DateTime<Utc>) -> String {
    format_instant(t)
}

/// `base` with the fields of `extra` added or replaced.
fn with(base: &Value, extra: Value) -> Value {
    let mut merged = base.as_object().cloned().unwrap_or_default();
    for (key, value) in extra.as_object().cloned().unwrap_or_default() {
        merged.insert(key, value);
    }
    Value::Object(merged)
}

fn run(input: &Value) -> Result<Decision, RefundError> {
    evaluate(input, &RefundPolicy::default())
}

/// The contract's three fields, or the error code.
fn contract(input: &Value) -> Result<(Option<bool>, &'static str, Option<String>), &'static str> {
    contract_with(input, &RefundPolicy::default())
}

fn contract_with(
    input: &Value,
    policy: &RefundPolicy,
) -> Result<(Option<bool>, &'static str, Option<String>), &'static str> {
    evaluate(input, policy)
        .map(|d| (d.eligible, d.outcome.as_str(), d.deadline.map(at)))
        .map_err(|e| e.code())
}

fn code(input: &Value) -> &'static str {
    match run(input) {
        Ok(decision) => panic!("expected an error, got {decision:?}"),
        Err(error) => error.code(),
    }
}

const FULL: Option<bool> = Some(true);
const NO: Option<bool> = Some(false);

fn course() -> Value {
    json!({"kind": "course", "paid_at": P, "now": P})
}

mod boundaries;
mod contract;
mod output;
mod policy;
mod properties;
mod routing;
mod validation;
