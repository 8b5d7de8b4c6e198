//! The explanation for the learner: the wording of each reason, with the dates that decided.

use chrono::{DateTime, Utc};

use crate::domain::time::{InstantFields, push_instant};

use super::duration::{push_day_count, push_duration};
use super::input::Facts;
use super::why::Basis;
use super::{Kind, Via};

pub(super) const ORGANIZATION_REASON: &str = "You have this through your organization (an employer, \
     government, campus or social-good programme), so refunds and cancellations follow its \
     contract with us. Ask your organization about a refund.";

/// Why a marketplace decides, when the learner bought through one.
pub(super) fn marketplace_reason(via: Via) -> &'static str {
    match via {
        Via::GooglePlay => {
            "You bought this through Google Play, so its refund policy applies instead of \
             ours and Google handles refunds. Ask Google about a refund."
        }
        Via::AppStore => {
            "You bought this through the App Store, so its refund policy applies instead of \
             ours and Apple handles refunds. Ask Apple about a refund."
        }
        Via::Direct | Via::Organization => {
            "You bought this through a marketplace, so its refund policy applies instead of \
             ours and the marketplace handles refunds. Ask the marketplace about a refund."
        }
    }
}

/// Appends `kind`'s plural in lower case ("courses").
pub(super) fn push_plural_lowercase(out: &mut String, kind: Kind) {
    // The plurals are ASCII, so ASCII lower case is `to_lowercase`.
    let start = out.len();
    out.push_str(kind.plural());
    if let Some(plural) = out.get_mut(start..) {
        plural.make_ascii_lowercase();
    }
}

/// Appends the first sentence of a window explanation, without its final punctuation.
pub(super) fn push_window_rule(out: &mut String, facts: &Facts, basis: &Basis) {
    let kind = facts.kind;
    let pre_enrolled = matches!(basis, Basis::FromLaunch { .. } | Basis::NoLaunchYet { .. });
    out.push_str(if pre_enrolled {
        "You pre-enrolled on "
    } else {
        "You paid on "
    });
    push_when(out, facts.paid_at);
    match basis {
        Basis::Stated(days) => {
            out.push_str(". The refund period stated for this service is ");
            push_day_count(out, *days);
            out.push_str(" after payment");
        }
        Basis::Shorter(days) => {
            out.push_str(". This ");
            out.push_str(kind.singular());
            out.push_str(" stated a shorter refund period at sign-up: ");
            push_day_count(out, *days);
            out.push_str(" after payment");
        }
        Basis::Standard {
            days,
            launched_first,
        } => {
            if *launched_first {
                out.push_str(", when ");
                out.push_str(launch_noun(kind));
                out.push_str(" had already launched, so pre-enrolment does not apply");
            }
            out.push_str(". ");
            out.push_str(kind.plural());
            out.push_str(" can be refunded for ");
            push_day_count(out, u64::from(*days));
            out.push_str(" after payment");
        }
        Basis::FromLaunch { launch, days } => {
            out.push_str(", before ");
            out.push_str(launch_noun(kind));
            out.push_str(" launched on ");
            push_when(out, *launch);
            out.push_str(". The refund period runs until ");
            push_day_count(out, u64::from(*days));
            out.push_str(" after launch (launch dates can move, so this deadline can too)");
        }
        Basis::NoLaunchYet { days } => {
            out.push_str(", and ");
            out.push_str(launch_noun(kind));
            out.push_str(" has no launch date yet. The refund period stays open until ");
            push_day_count(out, u64::from(*days));
            out.push_str(" after launch");
        }
    }
}

/// Appends the final sentence: the instant judged against the window.
pub(super) fn push_verdict(
    out: &mut String,
    facts: &Facts,
    as_of: DateTime<Utc>,
    deadline: Option<DateTime<Utc>>,
    eligible: bool,
    seconds_left: Option<i64>,
) {
    let cancelled = facts.cancelled_at.is_some();
    let no_window = deadline == Some(facts.paid_at);
    let (before, after) = match (eligible, seconds_left, cancelled) {
        (true, Some(_), true) => ("You cancelled on ", ", "),
        (true, Some(_), false) => ("On ", " it is still open ("),
        (true, None, true) => (
            "You cancelled on ",
            ", while it was open, so a full refund is due.",
        ),
        (true, None, false) => ("On ", " it is open, so a full refund is due."),
        (false, _, true) if no_window => ("You cancelled on ", ", so no refund is due."),
        (false, _, false) if no_window => ("So on ", " no refund is due."),
        (false, _, true) => (
            "You cancelled on ",
            ", after it had closed, so no refund is due.",
        ),
        (false, _, false) => ("On ", " it has closed, so no refund is due."),
    };
    out.push_str(before);
    push_when(out, as_of);
    out.push_str(after);
    if let (true, Some(left)) = (eligible, seconds_left) {
        push_duration(out, left);
        out.push_str(if cancelled {
            " before it closed, so a full refund is due."
        } else {
            " left), so a full refund is due."
        });
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

/// Appends `2024-03-01 at 12:00 UTC` (seconds shown only when not zero); an instant the
/// contract's form cannot write as [`format_instant`](crate::domain::time::format_instant)
/// writes it.
pub(super) fn push_when(out: &mut String, t: DateTime<Utc>) {
    match InstantFields::of(t) {
        Some(fields) => {
            fields.push_date(out);
            out.push_str(" at ");
            fields.push_time(out, !fields.on_the_minute());
            out.push_str(" UTC");
        }
        None => push_instant(out, t),
    }
}
