//! Errors in the input: the contract's error codes, the field at fault and a message for
//! the learner.

use std::fmt;

use serde::Serialize;
use serde_json::Value;

use crate::domain::time::TimeError;

use super::decision::to_value;
use super::duration::day_count;

/// Why an input was refused. [`RefundError::code`] is the contract's error code;
/// [`RefundError::field`] is the input field to show the message at; [`fmt::Display`] is a
/// message for the learner. It serialises as [`RefundError::to_json`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(into = "ErrorJson")]
pub enum RefundError {
    /// `missing_field`: the text given to [`evaluate_str`] is not JSON.
    #[error("The request isn't readable JSON. Send an object with kind, paid_at and now.")]
    NotJson,
    /// `missing_field`: the input is JSON but not an object.
    #[error("The request must be a JSON object with kind, paid_at and now.")]
    NotAnObject,
    /// `missing_field`: a required field (`kind`, `paid_at`, `now`) is absent or `null`.
    #[error(fmt = missing_field_message)]
    MissingField {
        /// The field.
        field: &'static str,
    },
    /// `missing_field`: `pre_enrolled` or `honor_code_violation` is not `true`, `false` or
    /// `null`.
    #[error(fmt = not_yes_or_no_message)]
    NotYesOrNo {
        /// The field.
        field: &'static str,
    },
    /// `invalid_timestamp`: a timestamp field is not a `YYYY-MM-DDTHH:MM:SSZ` instant that
    /// exists.
    #[error(fmt = invalid_timestamp_message)]
    InvalidTimestamp {
        /// The field.
        field: &'static str,
        /// Why the text was refused; `None` when the value is not a string.
        problem: Option<TimeError>,
    },
    /// `unknown_kind`: `kind` is not one of the contract's kinds.
    #[error(
        "Choose what was bought: a monthly subscription, a Plus subscription, a course, a \
         Specialization, a guided project, a degree, a university certificate or another \
         service."
    )]
    UnknownKind,
    /// `unknown_via`: `via` is not one of the contract's channels.
    #[error(
        "Choose how it was bought: directly, through the App Store, through Google Play or \
         through an organization."
    )]
    UnknownVia,
    /// `invalid_custom_window`: `custom_window_days` is not a JSON integer.
    #[error("Enter the refund window stated at sign-up as a whole number of days.")]
    InvalidCustomWindow,
    /// `negative_custom_window`: `custom_window_days` is below zero.
    #[error("The refund window stated at sign-up can't be negative.")]
    NegativeCustomWindow,
    /// `custom_window_exceeds_standard`: `custom_window_days` is above the kind's limit.
    #[error(
        "A refund window stated at sign-up can be at most {} for this purchase.",
        day_count(*.max_days)
    )]
    CustomWindowExceedsStandard {
        /// The largest window accepted for this kind (14 for courses by default).
        max_days: u64,
    },
    /// `now_before_payment`: `now` is before `paid_at`.
    #[error("The date judged can't be before the payment.")]
    NowBeforePayment,
    /// `certificate_before_payment`: `certificate_earned_at` is before `paid_at`.
    #[error("The certificate can't have been earned before the payment.")]
    CertificateBeforePayment,
    /// `certificate_after_now`: `certificate_earned_at` is after `now`.
    #[error(
        "The certificate can't be earned after the date judged: enter it once it has been earned."
    )]
    CertificateAfterNow,
    /// `cancelled_before_payment`: `cancelled_at` is before `paid_at`.
    #[error("The cancellation can't be before the payment.")]
    CancelledBeforePayment,
    /// `cancelled_after_now`: `cancelled_at` is after `now`.
    #[error("The cancellation can't be after the date judged: enter it once it has happened.")]
    CancelledAfterNow,
}

impl RefundError {
    /// The contract's error code, e.g. `"invalid_timestamp"`.
    pub fn code(&self) -> &'static str {
        match self {
            RefundError::NotJson
            | RefundError::NotAnObject
            | RefundError::MissingField { .. }
            | RefundError::NotYesOrNo { .. } => "missing_field",
            RefundError::InvalidTimestamp { .. } => "invalid_timestamp",
            RefundError::UnknownKind => "unknown_kind",
            RefundError::UnknownVia => "unknown_via",
            RefundError::InvalidCustomWindow => "invalid_custom_window",
            RefundError::NegativeCustomWindow => "negative_custom_window",
            RefundError::CustomWindowExceedsStandard { .. } => "custom_window_exceeds_standard",
            RefundError::NowBeforePayment => "now_before_payment",
            RefundError::CertificateBeforePayment => "certificate_before_payment",
            RefundError::CertificateAfterNow => "certificate_after_now",
            RefundError::CancelledBeforePayment => "cancelled_before_payment",
            RefundError::CancelledAfterNow => "cancelled_after_now",
        }
    }

    /// The input field at fault, so the UI can show the message beside it; `None` when the
    /// input as a whole is unusable (not JSON, not an object).
    pub fn field(&self) -> Option<&'static str> {
        match self {
            RefundError::NotJson | RefundError::NotAnObject => None,
            RefundError::MissingField { field }
            | RefundError::NotYesOrNo { field }
            | RefundError::InvalidTimestamp { field, .. } => Some(field),
            RefundError::UnknownKind => Some("kind"),
            RefundError::UnknownVia => Some("via"),
            RefundError::InvalidCustomWindow
            | RefundError::NegativeCustomWindow
            | RefundError::CustomWindowExceedsStandard { .. } => Some("custom_window_days"),
            RefundError::NowBeforePayment => Some("now"),
            RefundError::CertificateBeforePayment | RefundError::CertificateAfterNow => {
                Some("certificate_earned_at")
            }
            RefundError::CancelledBeforePayment | RefundError::CancelledAfterNow => {
                Some("cancelled_at")
            }
        }
    }

    /// The error as the contract's JSON: `{"error": code}`, plus `field` (string or `null`)
    /// and `message` (the [`fmt::Display`] text).
    pub fn to_json(&self) -> Value {
        to_value(self)
    }
}

/// A [`RefundError`] as the contract writes it.
#[derive(Serialize)]
struct ErrorJson {
    error: &'static str,
    field: Option<&'static str>,
    message: String,
}

impl From<RefundError> for ErrorJson {
    fn from(error: RefundError) -> ErrorJson {
        ErrorJson {
            error: error.code(),
            field: error.field(),
            message: error.to_string(),
        }
    }
}

/// How a message names the value of each timestamp field.
fn timestamp_label(field: &str) -> &'static str {
    match field {
        "paid_at" => "the payment date and time",
        "now" => "the date and time to judge at",
        "launch_at" => "the launch date and time",
        "certificate_earned_at" => "the date and time the certificate was earned",
        "free_trial_ends_at" => "the end of the free trial",
        "cancelled_at" => "the cancellation date and time",
        _ => "the date and time",
    }
}

/// [`RefundError::MissingField`]'s message.
fn missing_field_message(field: &str, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    match field {
        "kind" => f.write_str("Choose what was bought."),
        "paid_at" => f.write_str("Enter the payment date and time."),
        "now" => f.write_str("Enter the date and time to judge at."),
        other => write!(f, "Fill in {other}."),
    }
}

/// [`RefundError::NotYesOrNo`]'s message.
fn not_yes_or_no_message(field: &str, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    match field {
        "pre_enrolled" => {
            f.write_str("Answer yes or no: was it paid for before it launched (pre-enrolment)?")
        }
        "honor_code_violation" => f.write_str(
            "Answer yes or no: has a violation of the Terms, Acceptable Use Policy \
             or Honor Code been confirmed?",
        ),
        other => write!(f, "Answer yes or no for {other}."),
    }
}

/// [`RefundError::InvalidTimestamp`]'s message.
fn invalid_timestamp_message(
    field: &str,
    problem: &Option<TimeError>,
    f: &mut fmt::Formatter<'_>,
) -> fmt::Result {
    let label = timestamp_label(field);
    match problem {
        Some(TimeError::NoSuchDate) => write!(f, "That date doesn't exist: check {label}."),
        Some(TimeError::NoSuchTime) => {
            write!(f, "That time of day doesn't exist: check {label}.")
        }
        _ => write!(
            f,
            "Enter {label} in UTC, written like 2024-03-01T12:00:00Z."
        ),
    }
}
