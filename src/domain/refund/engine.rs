//! Deciding: [`evaluate`] and [`evaluate_str`] route and judge a validated input.

use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::domain::time;

use super::input::Facts;
use super::reason::{
    ORGANIZATION_REASON, certificate_noun, marketplace_reason, push_plural_lowercase, push_verdict,
    push_when, push_window_rule,
};
use super::why::{Basis, Ending, Window};
use super::{
    CustomWindow, Decision, Kind, KindTreatment, Outcome, RefundError, RefundPolicy, ViaTreatment,
    Why,
};

/// Judges a refund request: the contract's input JSON in, a [`Decision`] or the first
/// [`RefundError`] (in the contract's order) out.
///
/// `null` for an optional field means its default and unknown fields are ignored. See the
/// module documentation for how wrong JSON types are read.
///
/// ```
/// use serde_json::json;
/// use terms_widget::domain::refund::{evaluate, Outcome, RefundPolicy};
/// use terms_widget::domain::time::format_instant;
///
/// let policy = RefundPolicy::default();
///
/// // A certificate earned on day 3 ends the window then; the learner asks on day 5.
/// let decision = evaluate(
///     &json!({
///         "kind": "course",
///         "paid_at": "2024-02-20T10:00:00Z",
///         "now": "2024-03-01T00:00:00Z",
///         "certificate_earned_at": "2024-02-23T10:00:00Z",
///         "cancelled_at": "2024-02-25T10:00:00Z",
///     }),
///     &policy,
/// )
/// .unwrap();
/// assert_eq!(decision.eligible, Some(false));
/// assert_eq!(decision.outcome, Outcome::NoRefund);
/// assert_eq!(format_instant(decision.deadline.unwrap()), "2024-02-23T10:00:00Z");
///
/// // Bought in the App Store: Apple's policy decides, but validation still comes first.
/// let decision = evaluate(
///     &json!({"kind": "course", "via": "app_store",
///             "paid_at": "2024-02-20T10:00:00Z", "now": "2024-02-21T10:00:00Z"}),
///     &policy,
/// )
/// .unwrap();
/// assert_eq!((decision.eligible, decision.outcome), (None, Outcome::MarketplacePolicy));
///
/// let error = evaluate(
///     &json!({"kind": "course", "via": "app_store",
///             "paid_at": "2024-02-20T10:00:00Z", "now": "2024-02-19T10:00:00Z"}),
///     &policy,
/// )
/// .unwrap_err();
/// assert_eq!(error.code(), "now_before_payment");
/// assert_eq!(error.field(), Some("now"));
/// assert_eq!(error.to_string(), "The date judged can't be before the payment.");
/// ```
pub fn evaluate(input: &Value, policy: &RefundPolicy) -> Result<Decision, RefundError> {
    let facts = Facts::read(input, policy)?;
    Ok(decide(&facts, policy))
}

/// [`evaluate`] from and to JSON text, for the JS API: returns [`Decision::to_json`] or
/// [`RefundError::to_json`] (`{"error": code, "field": …, "message": …}`). Text that is not
/// JSON is `missing_field` with `field: null`.
///
/// ```
/// use terms_widget::domain::refund::{evaluate_str, RefundPolicy};
///
/// let policy = RefundPolicy::default();
/// let input = r#"{"kind": "guided_project",
///                 "paid_at": "2024-01-01T00:00:00Z", "now": "2024-01-02T00:00:00Z"}"#;
/// let out = evaluate_str(input, &policy);
/// assert_eq!(out["eligible"], false);
/// assert_eq!(out["outcome"], "no_refund");
/// assert!(out["deadline"].is_null());
///
/// assert_eq!(evaluate_str("{}", &policy)["error"], "missing_field");
/// assert_eq!(evaluate_str("{}", &policy)["field"], "kind");
/// ```
pub fn evaluate_str(json: &str, policy: &RefundPolicy) -> Value {
    let result = match serde_json::from_str::<Value>(json) {
        Ok(input) => evaluate(&input, policy),
        Err(_) => Err(RefundError::NotJson),
    };
    match result {
        Ok(decision) => decision.to_json(),
        Err(error) => error.to_json(),
    }
}

/// The last instant the contract's timestamp form can write: `9999-12-31T23:59:59Z`.
pub(super) const LAST_WRITABLE_INSTANT: DateTime<Utc> = time::LAST_INSTANT;

/// `t` plus `days` days, saturating.
pub(super) fn after_days(t: DateTime<Utc>, days: u64) -> DateTime<Utc> {
    time::plus_days(t, i64::try_from(days).unwrap_or(i64::MAX))
}

/// Room for the longest window explanation, so that it is written without growing.
const REASON_CAPACITY: usize = 384;

/// `before`, what `middle` writes, then `after`, as one string of the right size.
fn sentence(before: &str, middle: impl FnOnce(&mut String), after: &str) -> String {
    let mut text =
        String::with_capacity(before.len().saturating_add(after.len()).saturating_add(32));
    text.push_str(before);
    middle(&mut text);
    text.push_str(after);
    text
}

/// Routes and judges a validated input (contract, Evaluation steps 2 and 3).
fn decide(facts: &Facts, policy: &RefundPolicy) -> Decision {
    let as_of = facts.cancelled_at.unwrap_or(facts.now);
    let answer =
        |eligible: Option<bool>, outcome: Outcome, reason: String, clause: &str, why: Why| {
            Decision {
                eligible,
                outcome,
                deadline: None,
                reason,
                clause: clause.to_owned(),
                as_of,
                seconds_left: None,
                policy_version: policy.version.clone(),
                policy_effective: policy.effective.clone(),
                why,
            }
        };
    let rules = policy.kinds.get(facts.kind);
    let kind = facts.kind;

    // 2.1, 2.2: the channel.
    match policy.via.get(facts.via) {
        ViaTreatment::KindRules => {}
        ViaTreatment::Marketplace => {
            return answer(
                None,
                Outcome::MarketplacePolicy,
                marketplace_reason(facts.via).to_owned(),
                &policy.clauses.marketplaces,
                Why::Marketplace(facts.via),
            );
        }
        ViaTreatment::Organization => {
            return answer(
                None,
                Outcome::OrganizationContract,
                ORGANIZATION_REASON.to_owned(),
                &policy.clauses.organizations,
                Why::Organization,
            );
        }
    }

    // 2.3: kinds another party decides.
    match rules.treatment {
        KindTreatment::Partner => {
            return answer(
                None,
                Outcome::PartnerPolicy,
                sentence(
                    "Refunds for ",
                    |out| push_plural_lowercase(out, kind),
                    " are set and handled by the university partner that offers the \
                     programme. Ask the university about a refund.",
                ),
                &rules.clause,
                Why::Partner(kind),
            );
        }
        KindTreatment::Marketplace => {
            return answer(
                None,
                Outcome::MarketplacePolicy,
                sentence(
                    "Refunds for ",
                    |out| push_plural_lowercase(out, kind),
                    " are handled by the marketplace they are sold through. Ask the \
                     marketplace about a refund.",
                ),
                &rules.clause,
                Why::SoldThroughMarketplace(kind),
            );
        }
        KindTreatment::Organization => {
            return answer(
                None,
                Outcome::OrganizationContract,
                ORGANIZATION_REASON.to_owned(),
                &rules.clause,
                Why::Organization,
            );
        }
        KindTreatment::Window | KindTreatment::NoRefund => {}
    }

    // 2.4: a confirmed violation, where the platform itself would refund.
    if facts.honor_code_violation {
        return answer(
            Some(false),
            Outcome::NotEligibleViolation,
            "A violation of the Terms of Use, Acceptable Use Policy or Honor Code has been \
             confirmed, so you are not entitled to a refund, even within the refund window. \
             We may still choose to refund."
                .to_owned(),
            &policy.clauses.violations,
            Why::Violation,
        );
    }

    // 2.5: never refunded.
    if rules.treatment == KindTreatment::NoRefund {
        let reason = match kind {
            Kind::SubscriptionMonthly => "Monthly subscription payments are not refunded. \
                 Cancelling stops the next charge, and you keep access until the end of the \
                 month you paid for."
                .to_owned(),
            _ => sentence("", |out| out.push_str(kind.plural()), " are not refunded."),
        };
        return answer(
            Some(false),
            Outcome::NoRefund,
            reason,
            &rules.clause,
            Why::NotRefunded(kind),
        );
    }

    // 2.6-2.8: a window.
    if rules.free_trial_replaces_window && facts.free_trial_ends_at.is_some() {
        return answer(
            Some(false),
            Outcome::NoRefund,
            sentence(
                "This ",
                |out| out.push_str(kind.singular()),
                " came with a free trial instead of a refund period, so its payments are not \
                 refunded.",
            ),
            &rules.clause,
            Why::FreeTrial(kind),
        );
    }
    let window = policy.window_days(kind);
    let (end, basis) = match (rules.custom_window, facts.custom_window_days) {
        (CustomWindow::Required, None) => {
            return answer(
                Some(false),
                Outcome::NoRefund,
                "No refund period was stated for this service when you signed up, so it is \
                 not refunded."
                    .to_owned(),
                &rules.clause,
                Why::NoStatedWindow,
            );
        }
        (CustomWindow::Required, Some(days)) => {
            (Some(after_days(facts.paid_at, days)), Basis::Stated(days))
        }
        (CustomWindow::Shorter, Some(days)) => {
            (Some(after_days(facts.paid_at, days)), Basis::Shorter(days))
        }
        _ if rules.pre_enrolment && facts.pre_enrolled => match facts.launch_at {
            None => (None, Basis::NoLaunchYet { days: window }),
            Some(launch) if launch > facts.paid_at => (
                Some(after_days(launch, u64::from(window))),
                Basis::FromLaunch {
                    launch,
                    days: window,
                },
            ),
            Some(_) => (
                Some(after_days(facts.paid_at, u64::from(window))),
                Basis::Standard {
                    days: window,
                    launched_first: true,
                },
            ),
        },
        _ => (
            Some(after_days(facts.paid_at, u64::from(window))),
            Basis::Standard {
                days: window,
                launched_first: false,
            },
        ),
    };
    let certificate_end = if rules.certificate_ends_window {
        facts
            .certificate_earned_at
            .filter(|earned| end.is_none_or(|end| *earned < end))
    } else {
        None
    };
    let end = certificate_end.or(end);
    // An end the contract's timestamp form cannot write lies after every instant it can.
    let deadline = end.filter(|end| *end <= LAST_WRITABLE_INSTANT);
    let eligible = deadline.is_none_or(|deadline| as_of < deadline);
    let seconds_left = deadline
        .filter(|_| eligible)
        .map(|deadline| deadline.signed_duration_since(as_of).num_seconds());

    let clause = match (&certificate_end, &basis) {
        (Some(_), _) | (None, Basis::Stated(_) | Basis::Standard { .. }) => &rules.clause,
        (None, Basis::Shorter(_)) => &policy.clauses.shorter_windows,
        (None, Basis::FromLaunch { .. } | Basis::NoLaunchYet { .. }) => {
            &policy.clauses.pre_enrolment
        }
    };

    let mut reason = String::with_capacity(REASON_CAPACITY);
    push_window_rule(&mut reason, facts, &basis);
    let ending = match (certificate_end, end, deadline) {
        (Some(earned), _, _) if earned == facts.paid_at => {
            reason.push_str(". You earned ");
            reason.push_str(certificate_noun(kind));
            reason.push_str(" at the moment of payment, so there was no refund window.");
            Ending::CertificateAtPayment
        }
        (Some(earned), _, _) => {
            reason.push_str(". You earned ");
            reason.push_str(certificate_noun(kind));
            reason.push_str(" on ");
            push_when(&mut reason, earned);
            reason.push_str(", which closed the refund window then.");
            Ending::Certificate(earned)
        }
        (None, Some(_), None) => {
            reason.push_str(
                ", which is after the year 9999, so the window is open at every date that \
                 can be judged.",
            );
            Ending::AfterLastInstant
        }
        (None, Some(end), Some(_)) if end == facts.paid_at => {
            reason.push_str(", so there is no refund window.");
            Ending::NoWindow
        }
        (None, Some(end), Some(_)) => {
            reason.push_str(", so the window closes on ");
            push_when(&mut reason, end);
            reason.push('.');
            Ending::Closes(end)
        }
        (None, None, _) => {
            reason.push('.');
            Ending::NotKnown
        }
    };
    reason.push(' ');
    push_verdict(&mut reason, facts, as_of, deadline, eligible, seconds_left);

    Decision {
        eligible: Some(eligible),
        outcome: if eligible {
            Outcome::FullRefund
        } else {
            Outcome::NoRefund
        },
        deadline,
        reason,
        clause: clause.clone(),
        as_of,
        seconds_left,
        policy_version: policy.version.clone(),
        policy_effective: policy.effective.clone(),
        why: Why::Window(Window {
            kind,
            paid_at: facts.paid_at,
            basis,
            ending,
            cancelled: facts.cancelled_at.is_some(),
        }),
    }
}
