//! What was bought and through which channel: the contract's `kind` and `via`.

use serde::{Deserialize, Serialize};

/// What was bought: the contract's `kind`. (De)serialises as its contract name (only as
/// a string: not in serde's `{"course": null}` enum form).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", try_from = "String")]
pub enum Kind {
    /// `subscription_monthly`: a month-to-month subscription.
    SubscriptionMonthly,
    /// `plus_subscription`: a Plus subscription (annual or monthly).
    PlusSubscription,
    /// `course`: a one-time payment for a standalone course.
    Course,
    /// `specialization`: a one-time payment for a Specialization.
    Specialization,
    /// `guided_project`: a guided project.
    GuidedProject,
    /// `degree`: a degree programme run by a university partner.
    Degree,
    /// `university_certificate`: a certificate programme run by a university partner.
    UniversityCertificate,
    /// `other`: any other paid service.
    Other,
}

impl Kind {
    /// Every kind, in the contract's order.
    pub const ALL: [Kind; 8] = [
        Kind::SubscriptionMonthly,
        Kind::PlusSubscription,
        Kind::Course,
        Kind::Specialization,
        Kind::GuidedProject,
        Kind::Degree,
        Kind::UniversityCertificate,
        Kind::Other,
    ];

    /// The contract's name, e.g. `"plus_subscription"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::SubscriptionMonthly => "subscription_monthly",
            Kind::PlusSubscription => "plus_subscription",
            Kind::Course => "course",
            Kind::Specialization => "specialization",
            Kind::GuidedProject => "guided_project",
            Kind::Degree => "degree",
            Kind::UniversityCertificate => "university_certificate",
            Kind::Other => "other",
        }
    }

    /// The kind with this contract name, if any (exact, case-sensitive).
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.as_str() == name)
    }

    /// How a sentence names one purchase of this kind.
    pub(super) fn singular(self) -> &'static str {
        match self {
            Kind::SubscriptionMonthly => "monthly subscription",
            Kind::PlusSubscription => "Plus subscription",
            Kind::Course => "course",
            Kind::Specialization => "Specialization",
            Kind::GuidedProject => "guided project",
            Kind::Degree => "degree",
            Kind::UniversityCertificate => "university certificate",
            Kind::Other => "service",
        }
    }

    /// How a sentence names purchases of this kind in general (capitalised, sentence start).
    pub(super) fn plural(self) -> &'static str {
        match self {
            Kind::SubscriptionMonthly => "Monthly subscription payments",
            Kind::PlusSubscription => "Plus subscription payments",
            Kind::Course => "Courses",
            Kind::Specialization => "Specializations",
            Kind::GuidedProject => "Guided projects",
            Kind::Degree => "Degrees",
            Kind::UniversityCertificate => "University certificates",
            Kind::Other => "Other services",
        }
    }
}

impl TryFrom<String> for Kind {
    type Error = &'static str;

    fn try_from(name: String) -> Result<Kind, Self::Error> {
        Kind::from_name(&name).ok_or("not one of the contract's kinds")
    }
}

/// The contract names of all kinds, for messages.
pub(super) const KIND_NAMES: [&str; 8] = [
    "subscription_monthly",
    "plus_subscription",
    "course",
    "specialization",
    "guided_project",
    "degree",
    "university_certificate",
    "other",
];

/// How it was bought: the contract's `via`. (De)serialises as its contract name (only as a
/// string).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", try_from = "String")]
pub enum Via {
    /// `direct`: bought from the platform itself (the default).
    Direct,
    /// `app_store`: an in-app purchase through Apple's App Store.
    AppStore,
    /// `google_play`: an in-app purchase through Google Play.
    GooglePlay,
    /// `organization`: through an employer, government, campus or social-good programme.
    Organization,
}

impl Via {
    /// Every channel, in the contract's order.
    pub const ALL: [Via; 4] = [
        Via::Direct,
        Via::AppStore,
        Via::GooglePlay,
        Via::Organization,
    ];

    /// The contract's name, e.g. `"app_store"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Via::Direct => "direct",
            Via::AppStore => "app_store",
            Via::GooglePlay => "google_play",
            Via::Organization => "organization",
        }
    }

    /// The channel with this contract name, if any (exact, case-sensitive).
    pub fn from_name(name: &str) -> Option<Via> {
        Via::ALL.into_iter().find(|via| via.as_str() == name)
    }
}

/// The contract names of all channels, for messages.
pub(super) const VIA_NAMES: [&str; 4] = ["direct", "app_store", "google_play", "organization"];

impl TryFrom<String> for Via {
    type Error = &'static str;

    fn try_from(name: String) -> Result<Via, Self::Error> {
        Via::from_name(&name).ok_or("not one of the contract's channels")
    }
}
