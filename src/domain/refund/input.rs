//! Reading the contract's input: the wire structs, then the validated facts, checked in the
//! contract's order.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::Value;

use crate::domain::time::{TimeError, parse_instant};
use crate::domain::wire::{Field, Object};

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

/// The contract's input as written. Each field has its type, but is read without failing
/// ([`Field`]), so that [`Facts::read`] can report the first problem in the contract's
/// order rather than in the order the JSON lists the fields. Unknown fields are ignored.
#[derive(Deserialize, Default)]
#[serde(default)]
struct InputWire {
    kind: Field<Kind>,
    via: Field<Via>,
    paid_at: Field<Stamp>,
    now: Field<Stamp>,
    pre_enrolled: Field<bool>,
    launch_at: Field<Stamp>,
    certificate_earned_at: Field<Stamp>,
    /// Any JSON integer: a negative one is `negative_custom_window`, not a wrong type.
    custom_window_days: Field<i128>,
    honor_code_violation: Field<bool>,
    free_trial_ends_at: Field<Stamp>,
    cancelled_at: Field<Stamp>,
}

/// A timestamp field's text, read as an instant; the error says why the text is refused.
#[derive(Deserialize)]
#[serde(from = "String")]
struct Stamp(Result<DateTime<Utc>, TimeError>);

impl From<String> for Stamp {
    fn from(text: String) -> Stamp {
        Stamp(parse_instant(&text))
    }
}

/// Whether a field has a value (`null` counts as absent).
fn given<T>(field: &Field<T>) -> bool {
    matches!(field, Field::Ok(_) | Field::Wrong(_))
}

fn read_bool(value: Field<bool>, field: &'static str) -> Result<bool, RefundError> {
    match value.present() {
        Ok(flag) => Ok(flag.unwrap_or(false)),
        Err(_) => Err(RefundError::NotYesOrNo { field }),
    }
}

fn read_timestamp(
    value: Field<Stamp>,
    field: &'static str,
) -> Result<Option<DateTime<Utc>>, RefundError> {
    match value.present() {
        Ok(None) => Ok(None),
        Ok(Some(Stamp(Ok(instant)))) => Ok(Some(instant)),
        Ok(Some(Stamp(Err(problem)))) => Err(RefundError::InvalidTimestamp {
            field,
            problem: Some(problem),
        }),
        Err(_) => Err(RefundError::InvalidTimestamp {
            field,
            problem: None,
        }),
    }
}

fn required_timestamp(
    value: Field<Stamp>,
    field: &'static str,
) -> Result<DateTime<Utc>, RefundError> {
    read_timestamp(value, field)?.ok_or(RefundError::MissingField { field })
}

fn read_custom_window(value: Field<i128>) -> Result<Option<u64>, RefundError> {
    match value.present() {
        Ok(None) => Ok(None),
        Ok(Some(days)) => u64::try_from(days)
            .map(Some)
            .map_err(|_| RefundError::NegativeCustomWindow),
        Err(_) => Err(RefundError::InvalidCustomWindow),
    }
}

impl Facts {
    /// Validates the input in the contract's order: the first failure wins.
    pub(super) fn read(input: &Value, policy: &RefundPolicy) -> Result<Facts, RefundError> {
        let Ok(Object(input)) = Object::<InputWire>::deserialize(input) else {
            return Err(RefundError::NotAnObject);
        };

        // 1. missing_field
        for (field, is_given) in [
            ("kind", given(&input.kind)),
            ("paid_at", given(&input.paid_at)),
            ("now", given(&input.now)),
        ] {
            if !is_given {
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
        let Field::Ok(kind) = input.kind else {
            return Err(RefundError::UnknownKind);
        };
        let via = match input.via.present() {
            Ok(via) => via.unwrap_or(Via::Direct),
            Err(_) => return Err(RefundError::UnknownVia),
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
