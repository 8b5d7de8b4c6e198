//! The explanation for the learner: the wording of each reason, with the dates that decided.

use chrono::{DateTime, Utc};

use crate::domain::time::format_instant;

use super::duration::day_count;
use super::input::Facts;
use super::{Kind, Via, format_duration};

/// What the window's end was measured from, for the explanation and the clause.
pub(super) enum Basis {
    /// A window stated for the service (`custom_window: required`).
    Stated(u64),
    /// A shorter window stated at sign-up.
    Shorter(u64),
    /// The kind's window from payment; `launched_first` when pre-enrolment did not apply
    /// because the launch was not after the payment.
    Standard { days: u32, launched_first: bool },
    /// Pre-enrolled: the window from launch.
    FromLaunch { launch: DateTime<Utc>, days: u32 },
    /// Pre-enrolled, no launch date: open.
    NoLaunchYet { days: u32 },
}

pub(super) const ORGANIZATION_REASON: &str = "You have this through your organization (an employer, \
     government, campus or social-good programme), so refunds and cancellations follow its \
     contract with us. Ask your organization about a refund.";

pub(super) fn marketplace_reason(via: Via) -> String {
    let (store, company) = match via {
        Via::GooglePlay => ("Google Play", "Google"),
        Via::AppStore => ("the App Store", "Apple"),
        Via::Direct | Via::Organization => ("a marketplace", "the marketplace"),
    };
    format!(
        "You bought this through {store}, so its refund policy applies instead of ours and \
         {company} handles refunds. Ask {company} about a refund."
    )
}

/// The first sentence of a window explanation, without its final punctuation.
pub(super) fn window_rule(facts: &Facts, basis: &Basis) -> String {
    let paid = when(facts.paid_at);
    let kind = facts.kind;
    match basis {
        Basis::Stated(days) => format!(
            "You paid on {paid}. The refund period stated for this service is {} after \
             payment",
            day_count(*days)
        ),
        Basis::Shorter(days) => format!(
            "You paid on {paid}. This {} stated a shorter refund period at sign-up: {} after \
             payment",
            kind.singular(),
            day_count(*days)
        ),
        Basis::Standard {
            days,
            launched_first: false,
        } => format!(
            "You paid on {paid}. {} can be refunded for {} after payment",
            kind.plural(),
            day_count(u64::from(*days))
        ),
        Basis::Standard {
            days,
            launched_first: true,
        } => format!(
            "You paid on {paid}, when {} had already launched, so pre-enrolment does not \
             apply. {} can be refunded for {} after payment",
            launch_noun(kind),
            kind.plural(),
            day_count(u64::from(*days))
        ),
        Basis::FromLaunch { launch, days } => format!(
            "You pre-enrolled on {paid}, before {} launched on {}. The refund period runs \
             until {} after launch (launch dates can move, so this deadline can too)",
            launch_noun(kind),
            when(*launch),
            day_count(u64::from(*days))
        ),
        Basis::NoLaunchYet { days } => format!(
            "You pre-enrolled on {paid}, and {} has no launch date yet. The refund period \
             stays open until {} after launch",
            launch_noun(kind),
            day_count(u64::from(*days))
        ),
    }
}

/// The final sentence: the instant judged against the window.
pub(super) fn verdict(
    facts: &Facts,
    as_of: DateTime<Utc>,
    deadline: Option<DateTime<Utc>>,
    eligible: bool,
    seconds_left: Option<i64>,
) -> String {
    let at = when(as_of);
    let cancelled = facts.cancelled_at.is_some();
    match (eligible, seconds_left, cancelled) {
        (true, Some(left), true) => format!(
            "You cancelled on {at}, {} before it closed, so a full refund is due.",
            format_duration(left)
        ),
        (true, Some(left), false) => format!(
            "On {at} it is still open ({} left), so a full refund is due.",
            format_duration(left)
        ),
        (true, None, true) => {
            format!("You cancelled on {at}, while it was open, so a full refund is due.")
        }
        (true, None, false) => format!("On {at} it is open, so a full refund is due."),
        (false, _, true) if deadline == Some(facts.paid_at) => {
            format!("You cancelled on {at}, so no refund is due.")
        }
        (false, _, false) if deadline == Some(facts.paid_at) => {
            format!("So on {at} no refund is due.")
        }
        (false, _, true) => {
            format!("You cancelled on {at}, after it had closed, so no refund is due.")
        }
        (false, _, false) => format!("On {at} it has closed, so no refund is due."),
    }
}

pub(super) fn certificate_noun(kind: Kind) -> &'static str {
    match kind {
        Kind::Course => "your Course Certificate",
        Kind::Specialization => "your first Course Certificate in this Specialization",
        _ => "a certificate",
    }
}

fn launch_noun(kind: Kind) -> &'static str {
    match kind {
        Kind::Course => "the course",
        Kind::Specialization => "the first course of the Specialization",
        _ => "it",
    }
}

/// `2024-03-01 at 12:00 UTC` (seconds shown only when not zero).
pub(super) fn when(t: DateTime<Utc>) -> String {
    let text = format_instant(t);
    match (text.get(..10), text.get(11..16), text.get(16..19)) {
        (Some(date), Some(hm), Some(":00")) => format!("{date} at {hm} UTC"),
        (Some(date), Some(_), Some(_)) => {
            format!("{date} at {} UTC", text.get(11..19).unwrap_or(""))
        }
        _ => text,
    }
}
