//! Reading the contract's input: the wire structs, then the validated facts, checked in the
//! contract's order.

use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::domain::time::parse_instant;

use super::{Kind, RefundError, RefundPolicy, Via};

/// The input, validated.
pub(super) struct Facts {
    pub(super) kind: Kind,
    pub(super) via: Via,
    pub(super) paid_at: DateTime<Utc>,
    pub(super) now: DateTime<Utc>,
    pub(super) pre_enrolled: bool,
    pub(super) launch_at: Option<DateTime<Utc>>,
    pub(super) certificate_earned_at: Option<DateTime<Utc>>,
    pub(super) custom_window_days: Option<u64>,
    pub(super) honor_code_violation: bool,
    pub(super) free_trial_ends_at: Option<DateTime<Utc>>,
    pub(super) cancelled_at: Option<DateTime<Utc>>,
}

/// The contract's input as written: each known field's value, `None` where it is absent
/// or `null` (the contract treats both alike). Unknown fields are ignored.
///
/// The fields are read straight from the JSON value, without serde: a decision is made
/// millions of times a second, and copying each value into a typed wire struct was most
/// of its cost. The checks then go through the fields in the contract's order, whatever
/// order the JSON lists them in.
#[derive(Default)]
struct Found<'a> {
    kind: Option<&'a Value>,
    via: Option<&'a Value>,
    paid_at: Option<&'a Value>,
    now: Option<&'a Value>,
    pre_enrolled: Option<&'a Value>,
    launch_at: Option<&'a Value>,
    certificate_earned_at: Option<&'a Value>,
    custom_window_days: Option<&'a Value>,
    honor_code_violation: Option<&'a Value>,
    free_trial_ends_at: Option<&'a Value>,
    cancelled_at: Option<&'a Value>,
}

impl<'a> Found<'a> {
    /// The fields of `input`, or `None` when it is not a JSON object.
    fn read(input: &'a Value) -> Option<Found<'a>> {
        let mut found = Found::default();
        for (key, value) in input.as_object()? {
            let slot = match key.as_str() {
                "kind" => &mut found.kind,
                "via" => &mut found.via,
                "paid_at" => &mut found.paid_at,
                "now" => &mut found.now,
                "pre_enrolled" => &mut found.pre_enrolled,
                "launch_at" => &mut found.launch_at,
                "certificate_earned_at" => &mut found.certificate_earned_at,
                "custom_window_days" => &mut found.custom_window_days,
                "honor_code_violation" => &mut found.honor_code_violation,
                "free_trial_ends_at" => &mut found.free_trial_ends_at,
                "cancelled_at" => &mut found.cancelled_at,
                _ => continue,
            };
            *slot = Some(value).filter(|value| !value.is_null());
        }
        Some(found)
    }
}

/// `true`, `false`, or absent (`false`); any other value is refused.
fn read_bool(value: Option<&Value>, field: &'static str) -> Result<bool, RefundError> {
    match value {
        None => Ok(false),
        Some(Value::Bool(flag)) => Ok(*flag),
        Some(_) => Err(RefundError::NotYesOrNo { field }),
    }
}

fn read_timestamp(
    value: Option<&Value>,
    field: &'static str,
) -> Result<Option<DateTime<Utc>>, RefundError> {
    match value {
        None => Ok(None),
        Some(Value::String(text)) => match parse_instant(text) {
            Ok(instant) => Ok(Some(instant)),
            Err(problem) => Err(RefundError::InvalidTimestamp {
                field,
                problem: Some(problem),
            }),
        },
        Some(_) => Err(RefundError::InvalidTimestamp {
            field,
            problem: None,
        }),
    }
}

fn required_timestamp(
    value: Option<&Value>,
    field: &'static str,
) -> Result<DateTime<Utc>, RefundError> {
    read_timestamp(value, field)?.ok_or(RefundError::MissingField { field })
}

/// Any JSON integer: a negative one is `negative_custom_window`, not a wrong type; a number
/// the parser read as floating-point (`3.0`, `1e2`, `-0`, or too large for 64 bits) is
/// not an integer.
fn read_custom_window(value: Option<&Value>) -> Result<Option<u64>, RefundError> {
    let Some(value) = value else {
        return Ok(None);
    };
    match value.as_u64() {
        Some(days) => Ok(Some(days)),
        None if value.is_i64() => Err(RefundError::NegativeCustomWindow),
        None => Err(RefundError::InvalidCustomWindow),
    }
}

/// A name the contract knows, read with `from_name`; `Err` for another name or a value
/// that is not a string.
fn read_name<T>(value: &Value, from_name: fn(&str) -> Option<T>) -> Result<T, ()> {
    value.as_str().and_then(from_name).ok_or(())
}

impl Facts {
    /// Validates the input in the contract's order: the first failure wins.
    pub(super) fn read(input: &Value, policy: &RefundPolicy) -> Result<Facts, RefundError> {
        let Some(input) = Found::read(input) else {
            return Err(RefundError::NotAnObject);
        };

        // 1. missing_field
        for (field, value) in [
            ("kind", input.kind),
            ("paid_at", input.paid_at),
            ("now", input.now),
        ] {
            if value.is_none() {
                return Err(RefundError::MissingField { field });
            }
        }
        let pre_enrolled = read_bool(input.pre_enrolled, "pre_enrolled")?;
        let honor_code_violation = read_bool(input.honor_code_violation, "honor_code_violation")?;

        // 2. invalid_timestamp, in the order of the contract's table
        let paid_at = required_timestamp(input.paid_at, "paid_at")?;
        let now = required_timestamp(input.now, "now")?;
        let launch_at = read_timestamp(input.launch_at, "launch_at")?;
        let certificate_earned_at =
            read_timestamp(input.certificate_earned_at, "certificate_earned_at")?;
        let free_trial_ends_at = read_timestamp(input.free_trial_ends_at, "free_trial_ends_at")?;
        let cancelled_at = read_timestamp(input.cancelled_at, "cancelled_at")?;

        // 3. unknown_kind (a name that is not a kind, or not a string), then unknown_via
        let Some(Ok(kind)) = input.kind.map(|kind| read_name(kind, Kind::from_name)) else {
            return Err(RefundError::UnknownKind);
        };
        let via = match input.via.map(|via| read_name(via, Via::from_name)) {
            None => Via::Direct,
            Some(Ok(via)) => via,
            Some(Err(())) => return Err(RefundError::UnknownVia),
        };

        // 4. invalid_custom_window, negative_custom_window, custom_window_exceeds_standard
        let custom_window_days = read_custom_window(input.custom_window_days)?;
        if let (Some(days), Some(max_days)) = (custom_window_days, policy.custom_window_limit(kind))
            && days > max_days
        {
            return Err(RefundError::CustomWindowExceedsStandard { max_days });
        }

        // 5.-9. the order of events
        if now < paid_at {
            return Err(RefundError::NowBeforePayment);
        }
        if let Some(earned) = certificate_earned_at {
            if earned < paid_at {
                return Err(RefundError::CertificateBeforePayment);
            }
            if earned > now {
                return Err(RefundError::CertificateAfterNow);
            }
        }
        if let Some(cancelled) = cancelled_at {
            if cancelled < paid_at {
                return Err(RefundError::CancelledBeforePayment);
            }
            if cancelled > now {
                return Err(RefundError::CancelledAfterNow);
            }
        }

        Ok(Facts {
            kind,
            via,
            paid_at,
            now,
            pre_enrolled,
            launch_at,
            certificate_earned_at,
            custom_window_days,
            honor_code_violation,
            free_trial_ends_at,
            cancelled_at,
        })
    }
}
