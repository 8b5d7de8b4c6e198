//! Words: the messages, titles and headlines the learner reads about a decision.

use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::catalog::{Catalog, Msg};
use crate::domain::refund::{Decision, Kind, Outcome, RefundError};
use crate::domain::time::{TimeError, parse_date};

/// The message to show at the question `error` concerns, in the form's words: times are
/// the learner's own, and "now" is the current time. Errors the form can't cause keep the
/// engine's message.
pub fn form_message(cat: &Catalog, error: &RefundError, kind: Kind) -> String {
    let specialization = kind == Kind::Specialization;
    let msg = match error {
        RefundError::MissingField { field } => match *field {
            "paid_at" => Msg::MissingPaidAt,
            "certificate_earned_at" if specialization => Msg::MissingCertificateSpecialization,
            "certificate_earned_at" => Msg::MissingCertificate,
            "free_trial_ends_at" => Msg::MissingFreeTrialEnd,
            "cancelled_at" => Msg::MissingCancelledAt,
            "launch_at" => Msg::MissingLaunchAt,
            _ => return error.to_string(),
        },
        RefundError::InvalidTimestamp { problem, .. } => match problem {
            Some(TimeError::NoSuchDate) => Msg::NoSuchDate,
            Some(TimeError::NoSuchTime) => Msg::NoSuchTime,
            Some(TimeError::Format { .. }) => Msg::IncompleteDateTime,
            None => Msg::UnreadableDateTime,
        },
        RefundError::InvalidCustomWindow => Msg::InvalidCustomWindow,
        RefundError::NegativeCustomWindow => Msg::NegativeCustomWindow,
        RefundError::CustomWindowExceedsStandard { max_days } => {
            return cat.count(Msg::CustomWindowExceedsStandard, *max_days, &[]);
        }
        RefundError::NowBeforePayment => Msg::NowBeforePayment,
        RefundError::CertificateBeforePayment if specialization => {
            Msg::CertificateBeforePaymentSpecialization
        }
        RefundError::CertificateBeforePayment => Msg::CertificateBeforePayment,
        RefundError::CertificateAfterNow => Msg::CertificateAfterNow,
        RefundError::CancelledBeforePayment => Msg::CancelledBeforePayment,
        RefundError::CancelledAfterNow => Msg::CancelledAfterNow,
        // Not reachable from the form: the engine's own message.
        RefundError::NotJson
        | RefundError::NotAnObject
        | RefundError::NotYesOrNo { .. }
        | RefundError::UnknownKind
        | RefundError::UnknownVia => return error.to_string(),
    };
    cat.text(msg)
}

/// The message for a verdict card whose contract input (UTC timestamps, written by the host
/// page) is refused: what is wrong, and in which field.
pub fn card_message(error: &RefundError) -> String {
    match error.field() {
        Some(field) => format!("{error} (field: {field}, error: {})", error.code()),
        None => format!("{error} (error: {})", error.code()),
    }
}

/// The name of the Refund Policy section with this heading slug, for "Read the rule: …".
/// The default policy's sections have their headings; any other slug is read back from its
/// words ("app-store-purchases" → "App store purchases"). The default policy's slug for
/// the Plus subscription is `kestrel-plus`; its title names the bundle's platform.
pub fn section_title(cat: &Catalog, clause: &str) -> String {
    let known = match clause {
        "how-refund-windows-are-measured" => Some(Msg::SectionWindowsMeasured),
        "monthly-subscriptions" => Some(Msg::SectionMonthlySubscriptions),
        "kestrel-plus" => Some(Msg::SectionPlus),
        "courses-and-specializations" => Some(Msg::SectionCourses),
        "pre-enrolment" => Some(Msg::SectionPreEnrolment),
        "shorter-refund-windows" => Some(Msg::SectionShorterWindows),
        "guided-projects" => Some(Msg::SectionGuidedProjects),
        "degrees-and-university-certificates" => Some(Msg::SectionDegrees),
        "app-store-purchases" => Some(Msg::SectionAppStores),
        "purchases-through-an-organization" => Some(Msg::SectionOrganizations),
        "other-services" => Some(Msg::SectionOtherServices),
        "violations-of-our-policies" => Some(Msg::SectionViolations),
        "how-to-ask-for-a-refund" => Some(Msg::SectionHowToAsk),
        _ => None,
    };
    if let Some(title) = known {
        return cat.text(title);
    }
    let words = clause.replace('-', " ");
    let mut chars = words.trim().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => cat.text(Msg::SectionFallback),
    }
}

/// The widget fragment that opens a Refund Policy section: `refund-policy/<clause>`.
pub fn clause_fragment(clause: &str) -> String {
    format!("refund-policy/{clause}")
}

/// "Policy version 2, in effect since 1 September 2025".
pub fn policy_line(cat: &Catalog, decision: &Decision) -> String {
    let since = parse_date(&decision.policy_effective)
        .map(|d| cat.date(d))
        .unwrap_or_else(|_| decision.policy_effective.clone());
    cat.with(
        Msg::PolicyLine,
        &[("version", &decision.policy_version), ("since", &since)],
    )
}

/// The verdict in a few words, for the top of the answer. `input` is the contract input
/// judged (it tells whether the learner already cancelled); `local` words a deadline in the
/// learner's time (the browser's job), e.g. "Tue 14 May 2024, 15:30".
pub fn headline(
    cat: &Catalog,
    input: &Value,
    decision: &Decision,
    local: impl Fn(DateTime<Utc>) -> String,
) -> String {
    let cancelled = input.get("cancelled_at").is_some_and(Value::is_string);
    let msg = match (decision.outcome, decision.deadline) {
        (Outcome::FullRefund, _) if cancelled => Msg::HeadlineCancelledInTime,
        (Outcome::FullRefund, Some(deadline)) => {
            return cat.with(Msg::HeadlineUntil, &[("deadline", &local(deadline))]);
        }
        (Outcome::FullRefund, None) => Msg::HeadlineOpen,
        (Outcome::NoRefund, Some(_)) => Msg::HeadlineClosed,
        (Outcome::NoRefund, None) => Msg::HeadlineNotRefundable,
        (Outcome::NotEligibleViolation, _) => Msg::HeadlineViolation,
        (Outcome::MarketplacePolicy, _) => Msg::HeadlineStore,
        (Outcome::OrganizationContract, _) => Msg::HeadlineOrganization,
        (Outcome::PartnerPolicy, _) => Msg::HeadlineUniversity,
    };
    cat.text(msg)
}

/// What tone the answer has, for styling: `"yes"`, `"no"` or `"elsewhere"`.
pub fn tone(decision: &Decision) -> &'static str {
    match decision.eligible {
        Some(true) => "yes",
        Some(false) => "no",
        None => "elsewhere",
    }
}

/// A duration in words, at most two units: "5 days 12 hours", "1 hour",
/// "less than a minute" (negative counts as zero). In English, the engine's
/// `format_duration`. (Here, not in the catalog: only the refund answer counts time, and
/// the consent-only build carries no refund words.)
pub fn duration(cat: &Catalog, seconds: i64) -> String {
    if seconds < 60 {
        return cat.text(Msg::DurationUnderAMinute);
    }
    let days = seconds / 86_400;
    let hours = seconds % 86_400 / 3600;
    let minutes = seconds % 3600 / 60;
    let unit = |n: i64, msg: Msg| cat.count(msg, n.unsigned_abs(), &[]);
    let (first, second) = if days > 0 {
        (
            unit(days, Msg::DurationDays),
            (hours > 0).then(|| unit(hours, Msg::DurationHours)),
        )
    } else if hours > 0 {
        (
            unit(hours, Msg::DurationHours),
            (minutes > 0).then(|| unit(minutes, Msg::DurationMinutes)),
        )
    } else {
        (unit(minutes, Msg::DurationMinutes), None)
    };
    match second {
        Some(second) => cat.with(Msg::DurationPair, &[("first", &first), ("second", &second)]),
        None => first,
    }
}
