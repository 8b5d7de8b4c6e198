//! What decided, as data: [`Why`], the facts behind
//! [`Decision::reason`](super::Decision::reason), so that the reason can be worded in
//! another language ([`crate::domain::refund::form::reason_in`]) while the contract's `reason`
//! stays English.

use chrono::{DateTime, Utc};

use super::{Kind, Via};

/// The facts behind a decision's reason: which rule applied, and the dates and durations
/// it names. The engine records it beside the English `reason` it writes; it is not part
/// of the contract's JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// The channel is a marketplace (Google Play, the App Store, or another channel the
    /// policy treats as one): its refund policy applies.
    Marketplace(Via),
    /// Bought through an organization (the channel or the kind): its contract applies.
    Organization,
    /// The kind is decided by the university partner.
    Partner(Kind),
    /// The kind is sold through a marketplace, which handles refunds.
    SoldThroughMarketplace(Kind),
    /// A confirmed violation.
    Violation,
    /// The kind is never refunded.
    NotRefunded(Kind),
    /// A free trial came instead of a refund window.
    FreeTrial(Kind),
    /// The service's window must be stated, and was not.
    NoStatedWindow,
    /// A refund window, and the instant judged against it.
    Window(Window),
}

/// A refund window: what it was measured from, how it ended, and whether the learner had
/// already cancelled. The instant judged, the deadline and the time left are the
/// decision's own (`as_of`, `deadline`, `seconds_left`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// What was bought.
    pub kind: Kind,
    /// When it was paid for (or pre-enrolled).
    pub paid_at: DateTime<Utc>,
    /// What the window's end was measured from.
    pub basis: Basis,
    /// How the window ends.
    pub ending: Ending,
    /// The learner gave a cancellation date: the instant judged is that one.
    pub cancelled: bool,
}

/// What the window's end was measured from, for the explanation and the clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// A window stated for the service (`custom_window: required`), in days.
    Stated(u64),
    /// A shorter window stated at sign-up, in days.
    Shorter(u64),
    /// The kind's window from payment; `launched_first` when pre-enrolment did not apply
    /// because the launch was not after the payment.
    Standard {
        /// The window, in days.
        days: u32,
        /// Pre-enrolled, but the launch was not after the payment.
        launched_first: bool,
    },
    /// Pre-enrolled: the window from launch.
    FromLaunch {
        /// The launch.
        launch: DateTime<Utc>,
        /// The window, in days.
        days: u32,
    },
    /// Pre-enrolled, no launch date: open.
    NoLaunchYet {
        /// The window, in days.
        days: u32,
    },
}

/// How the window ends, as the reason says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// A certificate earned at the moment of payment: no window.
    CertificateAtPayment,
    /// A certificate earned at this instant closed the window.
    Certificate(DateTime<Utc>),
    /// The end lies after the last instant the contract can write: open at every date.
    AfterLastInstant,
    /// The window ends when it starts (a window of 0 days).
    NoWindow,
    /// The window closes at this instant.
    Closes(DateTime<Utc>),
    /// The end is not known yet (pre-enrolled, no launch date).
    NotKnown,
}
