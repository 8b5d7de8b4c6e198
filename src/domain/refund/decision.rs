//! The answer: the contract's `outcome`, the [`Decision`] and how both are written as JSON.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::domain::time::format_instant;

use super::Why;

/// The contract's `outcome`. Serialises as its contract name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// `full_refund`: a full refund is due (`eligible: true`).
    FullRefund,
    /// `no_refund`: no refund is due (`eligible: false`).
    NoRefund,
    /// `partner_policy`: the university partner's policy decides (`eligible: null`).
    PartnerPolicy,
    /// `marketplace_policy`: the app marketplace's policy decides (`eligible: null`).
    MarketplacePolicy,
    /// `organization_contract`: the organization's contract decides (`eligible: null`).
    OrganizationContract,
    /// `not_eligible_violation`: a confirmed violation; not entitled (`eligible: false`).
    NotEligibleViolation,
}

impl Outcome {
    /// The contract's name, e.g. `"full_refund"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::FullRefund => "full_refund",
            Outcome::NoRefund => "no_refund",
            Outcome::PartnerPolicy => "partner_policy",
            Outcome::MarketplacePolicy => "marketplace_policy",
            Outcome::OrganizationContract => "organization_contract",
            Outcome::NotEligibleViolation => "not_eligible_violation",
        }
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The answer: the contract's three fields plus an explanation for the learner. It
/// serialises as [`Decision::to_json`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    /// `Some(true)`: a full refund is due; `Some(false)`: it is not; `None`: another party
    /// (marketplace, organization, university partner) decides.
    pub eligible: Option<bool>,
    /// The contract's outcome.
    pub outcome: Outcome,
    /// The first instant at which the window is closed (`eligible` ⇔ `as_of < deadline`),
    /// reported even after it has passed; `None` where there is no window, its end is not
    /// known yet, or it lies after 9999-12-31T23:59:59Z (then the window is open).
    #[serde(serialize_with = "optional_instant")]
    pub deadline: Option<DateTime<Utc>>,
    /// Why, in plain language, with the dates that decided it.
    pub reason: String,
    /// Id of the deciding section of the Refund Policy document, e.g. `"pre-enrolment"`.
    pub clause: String,
    /// The instant judged: `cancelled_at` if given, else `now`.
    #[serde(serialize_with = "instant")]
    pub as_of: DateTime<Utc>,
    /// Seconds from `as_of` to `deadline`, when eligible and the deadline is known.
    pub seconds_left: Option<i64>,
    /// [`RefundPolicy::version`] of the policy applied.
    pub policy_version: String,
    /// [`RefundPolicy::effective`] of the policy applied.
    pub policy_effective: String,
    /// The facts behind `reason`, for wording it in another language
    /// ([`crate::domain::refund::form::reason_in`]). Not part of the contract's JSON.
    #[serde(skip)]
    pub why: Why,
}

impl Decision {
    /// The decision as the contract's JSON: `eligible`, `outcome` and `deadline`
    /// (`YYYY-MM-DDTHH:MM:SSZ` or `null`), plus `reason`, `clause`, `as_of`, `seconds_left`,
    /// `policy_version` and `policy_effective`.
    pub fn to_json(&self) -> Value {
        to_value(self)
    }
}

/// Writes an instant in the contract's form, `YYYY-MM-DDTHH:MM:SSZ`.
fn instant<S: Serializer>(at: &DateTime<Utc>, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&format_instant(*at))
}

/// Writes an instant in the contract's form, or `null`.
fn optional_instant<S: Serializer>(
    at: &Option<DateTime<Utc>>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match at {
        Some(at) => instant(at, serializer),
        None => serializer.serialize_none(),
    }
}

/// A value as JSON. Only used for types whose serialisation cannot fail (string keys, no
/// custom errors); `null` stands in should that ever change.
pub(super) fn to_value(value: &impl Serialize) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}
