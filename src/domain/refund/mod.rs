//! Refund eligibility: "if this learner cancels or asks for a refund at instant T, is a full
//! refund due, and until when?"
//!
//! This module implements the contract in `shared/specs/refund.md` as pure Rust: no clock, no
//! I/O, no panics on any input. It runs natively in tests and in the browser through
//! WebAssembly, and the JS API (`evaluateRefund`) and the calculator UI go through it.
//!
//! * [`evaluate`] reads the contract's input JSON and returns a [`Decision`] or a
//!   [`RefundError`]; [`evaluate_str`] does the same from and to JSON text.
//! * [`RefundPolicy`] holds the rules as data. [`RefundPolicy::default`] is the product's
//!   Refund Policy and gives exactly the contract's results; a platform with other windows
//!   passes its own policy (see [`RefundPolicy::from_json`]) instead of forking the code.
//! * [`format_duration`] words the time left for the UI.
//!
//! ```
//! use serde_json::json;
//! use terms_widget::domain::refund::{evaluate, Outcome, RefundPolicy};
//! use terms_widget::domain::time::format_instant;
//!
//! let input = json!({
//!     "kind": "course",
//!     "paid_at": "2024-03-01T12:00:00Z",
//!     "now": "2024-03-10T12:00:00Z",
//! });
//! let decision = evaluate(&input, &RefundPolicy::default()).unwrap();
//! assert_eq!(decision.eligible, Some(true));
//! assert_eq!(decision.outcome, Outcome::FullRefund);
//! assert_eq!(format_instant(decision.deadline.unwrap()), "2024-03-15T12:00:00Z");
//! assert_eq!(decision.clause, "courses-and-specializations");
//! ```
//!
//! # Readings where the contract is silent
//!
//! These are decisions of this implementation; each has a test below.
//!
//! * **Input that is not a JSON object** (an array, a string, `null`; or, for
//!   [`evaluate_str`], text that is not JSON at all) is `missing_field`: every required field
//!   is missing. [`RefundError::field`] is `None` for it, since no single field is at fault.
//! * **`null` for a required field** (`kind`, `paid_at`, `now`) is `missing_field`; `null` for
//!   an optional field is its default.
//! * **Wrong JSON types.** A timestamp field holding a number, bool, array or object is
//!   `invalid_timestamp`; `kind` / `via` holding a non-string is `unknown_kind` /
//!   `unknown_via`; `custom_window_days` holding anything but a JSON integer (a string, a bool,
//!   `3.5`, and also `3.0`, `1e2` and `-0`, which JSON parsers read as floating-point numbers)
//!   is `invalid_custom_window`. An integer that does not fit in 64 bits is read as a float by
//!   the JSON parser and is therefore `invalid_custom_window` too.
//! * **`pre_enrolled` / `honor_code_violation` that are not `true`, `false` or `null`** (e.g.
//!   the string `"true"`) are `missing_field`, with [`RefundError::field`] naming the field.
//!   The contract has no code for them; silently taking the default could turn a confirmed
//!   violation sent as `"true"` into a refund, and `missing_field` is the code that means "this
//!   field has no usable value". They are checked after the three required fields.
//! * **A window end after 9999-12-31T23:59:59Z** (a huge `custom_window_days` for `other`,
//!   or a payment in the last days of year 9999) cannot be written in the contract's timestamp form, and
//!   every instant the contract can express lies before it: the decision is eligible with
//!   `deadline: null`, like a window whose end is not known.
//! * **A certificate while the window's end is unknown** (pre-enrolled, no launch date): the
//!   certificate still closes the window at the instant it was earned.
//! * **Error objects** from [`evaluate_str`] carry `field` (the input field at fault, or `null`)
//!   and `message` (learner-friendly English) beside the contract's `error` code.

// Totality: the engine may not panic on any input, so the code outside tests may not unwrap,
// index or do arithmetic that can overflow.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic,
        clippy::arithmetic_side_effects
    )
)]

use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::{Map, Value};

use crate::domain::time::{self, TimeError, format_instant, parse_date, parse_instant};
use crate::domain::wire::{Field, Object};

pub mod form;
pub mod local_time;

/// The longest window, in days, a policy may set anywhere: ten years.
pub const MAX_POLICY_WINDOW_DAYS: u32 = 3650;

/// Version of the Refund Policy document that [`RefundPolicy::default`] implements.
pub const DEFAULT_POLICY_VERSION: &str = "2";

/// Effective date (`YYYY-MM-DD`) of the Refund Policy document that
/// [`RefundPolicy::default`] implements.
pub const DEFAULT_POLICY_EFFECTIVE: &str = "2025-09-01";

/// The policy a widget applies: the default rules, labelled with the version and
/// effective date of the Refund Policy document shown beside them (when there is one),
/// then each override in turn, e.g. the content bundle's `refund_policy`, then the
/// host's option. An override that does not validate is skipped, with a message naming
/// where it came from; the others still apply.
///
/// ```
/// use serde_json::json;
/// use terms_widget::domain::refund::{Kind, policy_for};
/// use terms_widget::domain::time::parse_date;
///
/// let bundle_rules = json!({"standard_window_days": 21});
/// let bad_option = json!({"standard_window_days": -1});
/// let (policy, problems) = policy_for(
///     Some(("4", parse_date("2026-01-01").unwrap())),
///     &[("the bundle's refund_policy", &bundle_rules), ("the refund-policy attribute", &bad_option)],
/// );
/// assert_eq!(policy.window_days(Kind::Course), 21);
/// assert_eq!(policy.version, "4");
/// assert_eq!(problems.len(), 1);
/// assert!(problems[0].starts_with("the refund-policy attribute: "));
/// ```
pub fn policy_for(
    document: Option<(&str, NaiveDate)>,
    overrides: &[(&str, &Value)],
) -> (RefundPolicy, Vec<String>) {
    let mut policy = RefundPolicy::default();
    if let Some((version, effective)) = document {
        policy.version = version.to_owned();
        policy.effective = effective.to_string();
    }
    let mut problems = Vec::new();
    for (source, value) in overrides {
        match policy.with_overrides(value) {
            Ok(next) => policy = next,
            Err(e) => problems.push(format!(
                "{source}: {e}. These refund rules were not applied; the others were."
            )),
        }
    }
    (policy, problems)
}

/// The last instant the contract's timestamp form can write: `9999-12-31T23:59:59Z`.
const LAST_WRITABLE_INSTANT: DateTime<Utc> = time::LAST_INSTANT;

// ---------------------------------------------------------------------------------------------
// Names of the contract
// ---------------------------------------------------------------------------------------------

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
    fn singular(self) -> &'static str {
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
    fn plural(self) -> &'static str {
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
const KIND_NAMES: [&str; 8] = [
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
const VIA_NAMES: [&str; 4] = ["direct", "app_store", "google_play", "organization"];

impl TryFrom<String> for Via {
    type Error = &'static str;

    fn try_from(name: String) -> Result<Via, Self::Error> {
        Via::from_name(&name).ok_or("not one of the contract's channels")
    }
}

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

// ---------------------------------------------------------------------------------------------
// The policy: rules as data
// ---------------------------------------------------------------------------------------------

/// How a channel ([`Via`]) is treated, before anything about the kind is looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ViaTreatment {
    /// `"kind_rules"`: the platform refunds; the kind's rules decide.
    KindRules,
    /// `"marketplace"`: the marketplace's refund policy decides (`marketplace_policy`).
    Marketplace,
    /// `"organization"`: the organization's contract decides (`organization_contract`).
    Organization,
}

impl ViaTreatment {
    const NAMES: [&str; 3] = ["kind_rules", "marketplace", "organization"];

    /// The policy JSON name, e.g. `"kind_rules"`.
    pub fn as_str(self) -> &'static str {
        match self {
            ViaTreatment::KindRules => "kind_rules",
            ViaTreatment::Marketplace => "marketplace",
            ViaTreatment::Organization => "organization",
        }
    }

    fn from_name(name: &str) -> Option<ViaTreatment> {
        [
            ViaTreatment::KindRules,
            ViaTreatment::Marketplace,
            ViaTreatment::Organization,
        ]
        .into_iter()
        .find(|t| t.as_str() == name)
    }
}

/// How a [`Kind`] bought directly is treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KindTreatment {
    /// `"window"`: refundable within a window (see the other [`KindPolicy`] fields).
    Window,
    /// `"no_refund"`: never refunded (`no_refund`).
    NoRefund,
    /// `"partner"`: the university partner's policy decides (`partner_policy`).
    Partner,
    /// `"marketplace"`: a marketplace's policy decides (`marketplace_policy`).
    Marketplace,
    /// `"organization"`: an organization's contract decides (`organization_contract`).
    Organization,
}

impl KindTreatment {
    const NAMES: [&str; 5] = [
        "window",
        "no_refund",
        "partner",
        "marketplace",
        "organization",
    ];

    /// The policy JSON name, e.g. `"no_refund"`.
    pub fn as_str(self) -> &'static str {
        match self {
            KindTreatment::Window => "window",
            KindTreatment::NoRefund => "no_refund",
            KindTreatment::Partner => "partner",
            KindTreatment::Marketplace => "marketplace",
            KindTreatment::Organization => "organization",
        }
    }

    fn from_name(name: &str) -> Option<KindTreatment> {
        [
            KindTreatment::Window,
            KindTreatment::NoRefund,
            KindTreatment::Partner,
            KindTreatment::Marketplace,
            KindTreatment::Organization,
        ]
        .into_iter()
        .find(|t| t.as_str() == name)
    }
}

/// What the input's `custom_window_days` means for a kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CustomWindow {
    /// `"ignored"`: it is still validated as a non-negative integer, then not used.
    Ignored,
    /// `"shorter"`: a shorter window stated at sign-up replaces the kind's window and counts
    /// from payment (also when pre-enrolled); it may not exceed the kind's window
    /// (`custom_window_exceeds_standard`).
    Shorter,
    /// `"required"`: the window exists only when stated (counted from payment); without one
    /// there is no refund.
    Required,
}

impl CustomWindow {
    const NAMES: [&str; 3] = ["ignored", "shorter", "required"];

    /// The policy JSON name, e.g. `"shorter"`.
    pub fn as_str(self) -> &'static str {
        match self {
            CustomWindow::Ignored => "ignored",
            CustomWindow::Shorter => "shorter",
            CustomWindow::Required => "required",
        }
    }

    fn from_name(name: &str) -> Option<CustomWindow> {
        [
            CustomWindow::Ignored,
            CustomWindow::Shorter,
            CustomWindow::Required,
        ]
        .into_iter()
        .find(|t| t.as_str() == name)
    }
}

/// The rules for one [`Kind`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindPolicy {
    /// Refundable within a window, never, or decided by another party.
    pub treatment: KindTreatment,
    /// This kind's window in days; `None` means [`RefundPolicy::standard_window_days`].
    pub window_days: Option<u32>,
    /// What a stated `custom_window_days` means for this kind.
    pub custom_window: CustomWindow,
    /// An extra cap on a stated window, in days; `None` means no cap beyond the one
    /// [`CustomWindow::Shorter`] implies (the kind's window).
    pub max_custom_window_days: Option<u32>,
    /// Whether a certificate earned under the payment closes the window at that instant.
    pub certificate_ends_window: bool,
    /// Whether a purchase with a free trial (`free_trial_ends_at` set) has no refund window.
    pub free_trial_replaces_window: bool,
    /// Whether `pre_enrolled` with a later `launch_at` moves the window to launch + window.
    pub pre_enrolment: bool,
    /// Id of the Refund Policy section for this kind, e.g. `"courses-and-specializations"`.
    pub clause: String,
}

impl KindPolicy {
    /// A kind handled entirely by `treatment` (no window settings).
    fn handled(treatment: KindTreatment, clause: &str) -> KindPolicy {
        KindPolicy {
            treatment,
            window_days: None,
            custom_window: CustomWindow::Ignored,
            max_custom_window_days: None,
            certificate_ends_window: false,
            free_trial_replaces_window: false,
            pre_enrolment: false,
            clause: clause.to_owned(),
        }
    }

    /// The default rules for courses and Specializations.
    fn course_like() -> KindPolicy {
        KindPolicy {
            custom_window: CustomWindow::Shorter,
            certificate_ends_window: true,
            pre_enrolment: true,
            ..KindPolicy::handled(KindTreatment::Window, "courses-and-specializations")
        }
    }
}

/// How each channel is treated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViaPolicy {
    /// `direct` (default: [`ViaTreatment::KindRules`]).
    pub direct: ViaTreatment,
    /// `app_store` (default: [`ViaTreatment::Marketplace`]).
    pub app_store: ViaTreatment,
    /// `google_play` (default: [`ViaTreatment::Marketplace`]).
    pub google_play: ViaTreatment,
    /// `organization` (default: [`ViaTreatment::Organization`]).
    pub organization: ViaTreatment,
}

impl ViaPolicy {
    /// The treatment of `via`.
    pub fn get(&self, via: Via) -> ViaTreatment {
        match via {
            Via::Direct => self.direct,
            Via::AppStore => self.app_store,
            Via::GooglePlay => self.google_play,
            Via::Organization => self.organization,
        }
    }

    fn get_mut(&mut self, via: Via) -> &mut ViaTreatment {
        match via {
            Via::Direct => &mut self.direct,
            Via::AppStore => &mut self.app_store,
            Via::GooglePlay => &mut self.google_play,
            Via::Organization => &mut self.organization,
        }
    }
}

/// The rules for every kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindPolicies {
    /// `subscription_monthly` (default: never refunded).
    pub subscription_monthly: KindPolicy,
    /// `plus_subscription` (default: standard window per payment; a free trial replaces it;
    /// certificates do not end it).
    pub plus_subscription: KindPolicy,
    /// `course` (default: standard window, pre-enrolment, shorter stated windows, certificate
    /// ends the window).
    pub course: KindPolicy,
    /// `specialization` (default: as `course`).
    pub specialization: KindPolicy,
    /// `guided_project` (default: never refunded).
    pub guided_project: KindPolicy,
    /// `degree` (default: the university partner decides).
    pub degree: KindPolicy,
    /// `university_certificate` (default: the university partner decides).
    pub university_certificate: KindPolicy,
    /// `other` (default: refundable only within a window stated for the service).
    pub other: KindPolicy,
}

impl KindPolicies {
    /// The rules for `kind`.
    pub fn get(&self, kind: Kind) -> &KindPolicy {
        match kind {
            Kind::SubscriptionMonthly => &self.subscription_monthly,
            Kind::PlusSubscription => &self.plus_subscription,
            Kind::Course => &self.course,
            Kind::Specialization => &self.specialization,
            Kind::GuidedProject => &self.guided_project,
            Kind::Degree => &self.degree,
            Kind::UniversityCertificate => &self.university_certificate,
            Kind::Other => &self.other,
        }
    }

    /// The rules for `kind`, to change them.
    pub fn get_mut(&mut self, kind: Kind) -> &mut KindPolicy {
        match kind {
            Kind::SubscriptionMonthly => &mut self.subscription_monthly,
            Kind::PlusSubscription => &mut self.plus_subscription,
            Kind::Course => &mut self.course,
            Kind::Specialization => &mut self.specialization,
            Kind::GuidedProject => &mut self.guided_project,
            Kind::Degree => &mut self.degree,
            Kind::UniversityCertificate => &mut self.university_certificate,
            Kind::Other => &mut self.other,
        }
    }
}

/// Ids of the Refund Policy sections that are not tied to one kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClauseIds {
    /// How windows are measured (days of 86,400 s, half-open). No decision names it as the
    /// deciding section; the UI may link it beside every deadline.
    pub measurement: String,
    /// Pre-enrolment: the window counts from launch.
    pub pre_enrolment: String,
    /// Shorter windows stated at sign-up.
    pub shorter_windows: String,
    /// Purchases through an app marketplace.
    pub marketplaces: String,
    /// Purchases through an organization.
    pub organizations: String,
    /// Violations of the Terms, Acceptable Use Policy or Honor Code.
    pub violations: String,
}

/// The refund rules, as data.
///
/// [`RefundPolicy::default`] is the product's Refund Policy and gives exactly the results of
/// the contract (`shared/specs/refund.md`). Other platforms describe their rules as JSON and
/// load them with [`RefundPolicy::from_json`]. Any value of this type is safe to evaluate
/// with; [`RefundPolicy::from_json`] additionally keeps every window within
/// [`MAX_POLICY_WINDOW_DAYS`] and checks the version, date and section ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefundPolicy {
    /// Version of the Refund Policy document these rules implement (shown in the UI).
    pub version: String,
    /// Effective date of that document, `YYYY-MM-DD` (shown in the UI).
    pub effective: String,
    /// The window, in days, of every kind whose [`KindPolicy::window_days`] is `None` (14).
    pub standard_window_days: u32,
    /// How each channel is treated.
    pub via: ViaPolicy,
    /// How each kind is treated.
    pub kinds: KindPolicies,
    /// Section ids not tied to one kind.
    pub clauses: ClauseIds,
}

impl Default for RefundPolicy {
    /// The product's Refund Policy: exactly the contract's results.
    fn default() -> RefundPolicy {
        RefundPolicy {
            version: DEFAULT_POLICY_VERSION.to_owned(),
            effective: DEFAULT_POLICY_EFFECTIVE.to_owned(),
            standard_window_days: 14,
            via: ViaPolicy {
                direct: ViaTreatment::KindRules,
                app_store: ViaTreatment::Marketplace,
                google_play: ViaTreatment::Marketplace,
                organization: ViaTreatment::Organization,
            },
            kinds: KindPolicies {
                subscription_monthly: KindPolicy::handled(
                    KindTreatment::NoRefund,
                    "monthly-subscriptions",
                ),
                plus_subscription: KindPolicy {
                    free_trial_replaces_window: true,
                    ..KindPolicy::handled(KindTreatment::Window, "kestrel-plus")
                },
                course: KindPolicy::course_like(),
                specialization: KindPolicy::course_like(),
                guided_project: KindPolicy::handled(KindTreatment::NoRefund, "guided-projects"),
                degree: KindPolicy::handled(
                    KindTreatment::Partner,
                    "degrees-and-university-certificates",
                ),
                university_certificate: KindPolicy::handled(
                    KindTreatment::Partner,
                    "degrees-and-university-certificates",
                ),
                other: KindPolicy {
                    custom_window: CustomWindow::Required,
                    ..KindPolicy::handled(KindTreatment::Window, "other-services")
                },
            },
            clauses: ClauseIds {
                measurement: "how-refund-windows-are-measured".to_owned(),
                pre_enrolment: "pre-enrolment".to_owned(),
                shorter_windows: "shorter-refund-windows".to_owned(),
                marketplaces: "app-store-purchases".to_owned(),
                organizations: "purchases-through-an-organization".to_owned(),
                violations: "violations-of-our-policies".to_owned(),
            },
        }
    }
}

const POLICY_KEYS: [&str; 6] = [
    "version",
    "effective",
    "standard_window_days",
    "via",
    "kinds",
    "clauses",
];

const KIND_POLICY_KEYS: [&str; 8] = [
    "treatment",
    "window_days",
    "custom_window",
    "max_custom_window_days",
    "certificate_ends_window",
    "free_trial_replaces_window",
    "pre_enrolment",
    "clause",
];

const CLAUSE_KEYS: [&str; 6] = [
    "measurement",
    "pre_enrolment",
    "shorter_windows",
    "marketplaces",
    "organizations",
    "violations",
];

impl RefundPolicy {
    /// The window of `kind` in days: its own, else the standard window.
    pub fn window_days(&self, kind: Kind) -> u32 {
        self.kinds
            .get(kind)
            .window_days
            .unwrap_or(self.standard_window_days)
    }

    /// The largest `custom_window_days` accepted for `kind`, if there is a limit.
    ///
    /// With the default policy: 14 for `course` and `specialization`, none otherwise.
    pub fn custom_window_limit(&self, kind: Kind) -> Option<u64> {
        let rules = self.kinds.get(kind);
        let cap = rules.max_custom_window_days.map(u64::from);
        match rules.custom_window {
            CustomWindow::Ignored => None,
            CustomWindow::Shorter => {
                let window = u64::from(self.window_days(kind));
                Some(cap.map_or(window, |cap| cap.min(window)))
            }
            CustomWindow::Required => cap,
        }
    }

    /// Reads a policy override: JSON whose settings replace those of the default policy.
    ///
    /// Every key is optional and every object may be partial: what is not given keeps its
    /// default. Unknown keys are refused, so a misspelt setting never goes unnoticed. The full
    /// shape, with the default values ([`RefundPolicy::to_json`] writes all of them, every
    /// kind with all eight keys). `//` comments and `"..."` entries are annotations here,
    /// not part of the JSON:
    ///
    /// ```json
    /// {
    ///   "version": "1.0",                       // non-empty string, at most 64 characters
    ///   "effective": "2020-01-01",              // YYYY-MM-DD, a date that exists
    ///   "standard_window_days": 14,             // integer 0..=3650
    ///   "via": {                                // "kind_rules" | "marketplace" | "organization"
    ///     "direct": "kind_rules",
    ///     "app_store": "marketplace",
    ///     "google_play": "marketplace",
    ///     "organization": "organization"
    ///   },
    ///   "kinds": {                              // any of the eight contract kinds
    ///     "course": {
    ///       "treatment": "window",              // "window" | "no_refund" | "partner"
    ///                                           //   | "marketplace" | "organization"
    ///       "window_days": null,                // integer 0..=3650, or null = standard
    ///       "custom_window": "shorter",         // "ignored" | "shorter" | "required"
    ///       "max_custom_window_days": null,     // integer 0..=3650, or null = no extra cap
    ///       "certificate_ends_window": true,
    ///       "free_trial_replaces_window": false,
    ///       "pre_enrolment": true,
    ///       "clause": "courses-and-specializations"  // section id: a-z, 0-9, '-'
    ///     },
    ///     // The other kinds have the same eight keys; where they differ from "course":
    ///     "specialization": {},
    ///     "subscription_monthly": { "treatment": "no_refund", "custom_window": "ignored",
    ///                               "certificate_ends_window": false, "pre_enrolment": false,
    ///                               "clause": "monthly-subscriptions" },
    ///     "plus_subscription": { "custom_window": "ignored", "certificate_ends_window": false,
    ///                            "free_trial_replaces_window": true, "pre_enrolment": false,
    ///                            "clause": "kestrel-plus" },
    ///     "guided_project": { "treatment": "no_refund", "...": "as subscription_monthly",
    ///                         "clause": "guided-projects" },
    ///     "degree": { "treatment": "partner", "...": "as subscription_monthly",
    ///                 "clause": "degrees-and-university-certificates" },
    ///     "university_certificate": { "...": "as degree" },
    ///     "other": { "custom_window": "required", "certificate_ends_window": false,
    ///                "pre_enrolment": false, "clause": "other-services" }
    ///   },
    ///   "clauses": {                            // section ids not tied to one kind
    ///     "measurement": "how-refund-windows-are-measured",
    ///     "pre_enrolment": "pre-enrolment",
    ///     "shorter_windows": "shorter-refund-windows",
    ///     "marketplaces": "app-store-purchases",
    ///     "organizations": "purchases-through-an-organization",
    ///     "violations": "violations-of-our-policies"
    ///   }
    /// }
    /// ```
    ///
    /// Only `window_days` and `max_custom_window_days` accept `null`. Set `version` and
    /// `effective` whenever the rules change: the UI shows them beside every answer.
    ///
    /// ```
    /// use serde_json::json;
    /// use terms_widget::domain::refund::{evaluate, RefundPolicy};
    /// use terms_widget::domain::time::format_instant;
    ///
    /// let policy = RefundPolicy::from_json(&json!({
    ///     "version": "2.1",
    ///     "effective": "2026-01-01",
    ///     "standard_window_days": 30,
    /// }))
    /// .unwrap();
    /// let input = json!({
    ///     "kind": "course",
    ///     "paid_at": "2026-03-01T00:00:00Z",
    ///     "now": "2026-03-20T00:00:00Z",
    /// });
    /// let decision = evaluate(&input, &policy).unwrap();
    /// assert_eq!(format_instant(decision.deadline.unwrap()), "2026-03-31T00:00:00Z");
    /// assert_eq!(decision.policy_version, "2.1");
    ///
    /// let error = RefundPolicy::from_json(&json!({"kinds": {"course": {"window_days": 3.5}}}))
    ///     .unwrap_err();
    /// assert_eq!(error.field(), "kinds.course.window_days");
    /// assert_eq!(
    ///     error.to_string(),
    ///     "`kinds.course.window_days` must be a whole number of days from 0 to 3650, \
    ///      or null, not 3.5"
    /// );
    /// ```
    pub fn from_json(value: &Value) -> Result<RefundPolicy, PolicyError> {
        RefundPolicy::default().with_overrides(value)
    }

    /// This policy with the overrides in `value` applied on top (the same JSON shape as
    /// [`RefundPolicy::from_json`], which starts from the default instead). On an error
    /// nothing is applied.
    ///
    /// ```
    /// use serde_json::json;
    /// use terms_widget::domain::refund::{Kind, RefundPolicy};
    ///
    /// let longer = RefundPolicy::default()
    ///     .with_overrides(&json!({"standard_window_days": 30}))
    ///     .unwrap();
    /// let labelled = longer.with_overrides(&json!({"version": "7"})).unwrap();
    /// assert_eq!(labelled.window_days(Kind::Course), 30);
    /// assert_eq!(labelled.version, "7");
    /// ```
    pub fn with_overrides(&self, value: &Value) -> Result<RefundPolicy, PolicyError> {
        let mut policy = self.clone();
        for (key, value) in object(value, "")? {
            match key.as_str() {
                "version" => policy.version = version(value)?,
                "effective" => policy.effective = effective(value)?,
                "standard_window_days" => {
                    policy.standard_window_days = days(value, "standard_window_days")?;
                }
                "via" => {
                    for (name, value) in object(value, "via")? {
                        let field = format!("via.{name}");
                        let Some(via) = Via::from_name(name) else {
                            return Err(PolicyError::UnknownKey {
                                field,
                                allowed: &VIA_NAMES,
                            });
                        };
                        *policy.via.get_mut(via) =
                            choice(value, &field, ViaTreatment::from_name, &ViaTreatment::NAMES)?;
                    }
                }
                "kinds" => {
                    for (name, value) in object(value, "kinds")? {
                        let field = format!("kinds.{name}");
                        let Some(kind) = Kind::from_name(name) else {
                            return Err(PolicyError::UnknownKey {
                                field,
                                allowed: &KIND_NAMES,
                            });
                        };
                        apply_kind(policy.kinds.get_mut(kind), value, &field)?;
                    }
                }
                "clauses" => {
                    for (name, value) in object(value, "clauses")? {
                        let field = format!("clauses.{name}");
                        let slot = match name.as_str() {
                            "measurement" => &mut policy.clauses.measurement,
                            "pre_enrolment" => &mut policy.clauses.pre_enrolment,
                            "shorter_windows" => &mut policy.clauses.shorter_windows,
                            "marketplaces" => &mut policy.clauses.marketplaces,
                            "organizations" => &mut policy.clauses.organizations,
                            "violations" => &mut policy.clauses.violations,
                            _ => {
                                return Err(PolicyError::UnknownKey {
                                    field,
                                    allowed: &CLAUSE_KEYS,
                                });
                            }
                        };
                        *slot = clause_id(value, &field)?;
                    }
                }
                _ => {
                    return Err(PolicyError::UnknownKey {
                        field: key.clone(),
                        allowed: &POLICY_KEYS,
                    });
                }
            }
        }
        Ok(policy)
    }

    /// The whole policy as JSON, in the shape [`RefundPolicy::from_json`] reads (every key
    /// present), so `from_json(&p.to_json())` gives `p` back.
    pub fn to_json(&self) -> Value {
        let mut via = Map::new();
        for channel in Via::ALL {
            via.insert(
                channel.as_str().to_owned(),
                Value::from(self.via.get(channel).as_str()),
            );
        }
        let mut kinds = Map::new();
        for kind in Kind::ALL {
            let rules = self.kinds.get(kind);
            kinds.insert(
                kind.as_str().to_owned(),
                serde_json::json!({
                    "treatment": rules.treatment.as_str(),
                    "window_days": rules.window_days,
                    "custom_window": rules.custom_window.as_str(),
                    "max_custom_window_days": rules.max_custom_window_days,
                    "certificate_ends_window": rules.certificate_ends_window,
                    "free_trial_replaces_window": rules.free_trial_replaces_window,
                    "pre_enrolment": rules.pre_enrolment,
                    "clause": rules.clause,
                }),
            );
        }
        serde_json::json!({
            "version": self.version,
            "effective": self.effective,
            "standard_window_days": self.standard_window_days,
            "via": via,
            "kinds": kinds,
            "clauses": {
                "measurement": self.clauses.measurement,
                "pre_enrolment": self.clauses.pre_enrolment,
                "shorter_windows": self.clauses.shorter_windows,
                "marketplaces": self.clauses.marketplaces,
                "organizations": self.clauses.organizations,
                "violations": self.clauses.violations,
            },
        })
    }
}

/// Applies one `kinds.<kind>` override object.
fn apply_kind(rules: &mut KindPolicy, value: &Value, path: &str) -> Result<(), PolicyError> {
    for (key, value) in object(value, path)? {
        let field = format!("{path}.{key}");
        match key.as_str() {
            "treatment" => {
                rules.treatment = choice(
                    value,
                    &field,
                    KindTreatment::from_name,
                    &KindTreatment::NAMES,
                )?;
            }
            "window_days" => rules.window_days = days_or_null(value, &field)?,
            "custom_window" => {
                rules.custom_window =
                    choice(value, &field, CustomWindow::from_name, &CustomWindow::NAMES)?;
            }
            "max_custom_window_days" => rules.max_custom_window_days = days_or_null(value, &field)?,
            "certificate_ends_window" => rules.certificate_ends_window = boolean(value, &field)?,
            "free_trial_replaces_window" => {
                rules.free_trial_replaces_window = boolean(value, &field)?;
            }
            "pre_enrolment" => rules.pre_enrolment = boolean(value, &field)?,
            "clause" => rules.clause = clause_id(value, &field)?,
            _ => {
                return Err(PolicyError::UnknownKey {
                    field,
                    allowed: &KIND_POLICY_KEYS,
                });
            }
        }
    }
    Ok(())
}

fn object<'a>(value: &'a Value, field: &str) -> Result<&'a Map<String, Value>, PolicyError> {
    value.as_object().ok_or_else(|| PolicyError::NotAnObject {
        field: field.to_owned(),
        found: describe(value),
    })
}

fn days_or_null(value: &Value, field: &str) -> Result<Option<u32>, PolicyError> {
    if value.is_null() {
        return Ok(None);
    }
    value
        .as_u64()
        .filter(|days| *days <= u64::from(MAX_POLICY_WINDOW_DAYS))
        .and_then(|days| u32::try_from(days).ok())
        .map(Some)
        .ok_or_else(|| PolicyError::InvalidDays {
            field: field.to_owned(),
            found: describe(value),
            nullable: true,
        })
}

fn days(value: &Value, field: &str) -> Result<u32, PolicyError> {
    match days_or_null(value, field) {
        Ok(Some(days)) => Ok(days),
        _ => Err(PolicyError::InvalidDays {
            field: field.to_owned(),
            found: describe(value),
            nullable: false,
        }),
    }
}

fn boolean(value: &Value, field: &str) -> Result<bool, PolicyError> {
    value.as_bool().ok_or_else(|| PolicyError::NotABool {
        field: field.to_owned(),
        found: describe(value),
    })
}

fn choice<T>(
    value: &Value,
    field: &str,
    parse: fn(&str) -> Option<T>,
    allowed: &'static [&'static str],
) -> Result<T, PolicyError> {
    value
        .as_str()
        .and_then(parse)
        .ok_or_else(|| PolicyError::UnknownName {
            field: field.to_owned(),
            found: describe(value),
            allowed,
        })
}

fn version(value: &Value) -> Result<String, PolicyError> {
    match value.as_str() {
        Some(text)
            if !text.trim().is_empty()
                && text.chars().count() <= 64
                && !text.chars().any(char::is_control) =>
        {
            Ok(text.to_owned())
        }
        _ => Err(PolicyError::InvalidVersion {
            found: describe(value),
        }),
    }
}

fn effective(value: &Value) -> Result<String, PolicyError> {
    match value.as_str().map(|text| (text, parse_date(text))) {
        Some((text, Ok(_))) => Ok(text.to_owned()),
        Some((_, Err(problem))) => Err(PolicyError::InvalidEffective {
            found: describe(value),
            problem: Some(problem),
        }),
        None => Err(PolicyError::InvalidEffective {
            found: describe(value),
            problem: None,
        }),
    }
}

fn clause_id(value: &Value, field: &str) -> Result<String, PolicyError> {
    let valid = |text: &str| {
        (1..=64).contains(&text.len())
            && text
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !text.starts_with('-')
            && !text.ends_with('-')
    };
    match value.as_str() {
        Some(text) if valid(text) => Ok(text.to_owned()),
        _ => Err(PolicyError::InvalidClauseId {
            field: field.to_owned(),
            found: describe(value),
        }),
    }
}

/// A short, readable description of a JSON value for error messages.
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) if s.is_empty() => "an empty string".to_owned(),
        Value::String(s) if s.chars().count() > 40 => {
            let head: String = s.chars().take(40).collect();
            format!("{head:?}…")
        }
        Value::String(s) => format!("{s:?}"),
        Value::Array(_) => "a list".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}

/// Why a policy override was refused. Every variant names the setting at fault (a dotted
/// path such as `kinds.course.window_days`; empty for the override as a whole), and
/// [`fmt::Display`] says what is wrong and what is accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PolicyError {
    /// The override, or one of its sections, is not a JSON object.
    #[error(fmt = policy_not_an_object)]
    NotAnObject {
        /// The setting (empty for the override itself).
        field: String,
        /// What was found instead.
        found: String,
    },
    /// A key that is not a setting (often a misspelling).
    #[error(
        "`{field}` is not a policy setting; the settings here are: {}",
        .allowed.join(", ")
    )]
    UnknownKey {
        /// The setting, including the unknown key.
        field: String,
        /// The keys accepted at that place.
        allowed: &'static [&'static str],
    },
    /// A window that is not a whole number of days from 0 to [`MAX_POLICY_WINDOW_DAYS`].
    #[error(
        "`{field}` must be a whole number of days from 0 to {MAX_POLICY_WINDOW_DAYS}{}, not {found}",
        if *.nullable { ", or null" } else { "" }
    )]
    InvalidDays {
        /// The setting.
        field: String,
        /// What was found instead.
        found: String,
        /// Whether `null` is accepted here.
        nullable: bool,
    },
    /// A switch that is not `true` or `false`.
    #[error("`{field}` must be true or false, not {found}")]
    NotABool {
        /// The setting.
        field: String,
        /// What was found instead.
        found: String,
    },
    /// A name that is not one of the accepted ones.
    #[error("`{field}` must be one of {}, not {found}", .allowed.join(", "))]
    UnknownName {
        /// The setting.
        field: String,
        /// What was found instead.
        found: String,
        /// The accepted names.
        allowed: &'static [&'static str],
    },
    /// `version` is not a non-empty, single-line string of at most 64 characters.
    #[error(
        "`version` must be a non-empty, single-line string of at most 64 characters, not {found}"
    )]
    InvalidVersion {
        /// What was found instead.
        found: String,
    },
    /// `effective` is not a `YYYY-MM-DD` date that exists.
    #[error(
        "`effective` must be a date written YYYY-MM-DD, not {found}{}",
        match .problem {
            Some(TimeError::NoSuchDate) => " (that date does not exist)",
            _ => "",
        }
    )]
    InvalidEffective {
        /// What was found instead.
        found: String,
        /// Why the text is not a date, if it was text.
        problem: Option<TimeError>,
    },
    /// A section id that is not 1 to 64 of `a-z`, `0-9` and inner `-`.
    #[error(
        "`{field}` must be a section id of 1 to 64 lowercase letters, digits and inner hyphens, \
         like \"courses-and-specializations\", not {found}"
    )]
    InvalidClauseId {
        /// The setting.
        field: String,
        /// What was found instead.
        found: String,
    },
}

impl PolicyError {
    /// The setting at fault, as a dotted path (`""` for the override as a whole).
    pub fn field(&self) -> &str {
        match self {
            PolicyError::NotAnObject { field, .. }
            | PolicyError::UnknownKey { field, .. }
            | PolicyError::InvalidDays { field, .. }
            | PolicyError::NotABool { field, .. }
            | PolicyError::UnknownName { field, .. }
            | PolicyError::InvalidClauseId { field, .. } => field,
            PolicyError::InvalidVersion { .. } => "version",
            PolicyError::InvalidEffective { .. } => "effective",
        }
    }
}

/// [`PolicyError::NotAnObject`]'s message: the override as a whole has no field name.
fn policy_not_an_object(field: &str, found: &str, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    if field.is_empty() {
        write!(f, "the policy override must be a JSON object, not {found}")
    } else {
        write!(f, "`{field}` must be a JSON object, not {found}")
    }
}

// ---------------------------------------------------------------------------------------------
// Errors in the input
// ---------------------------------------------------------------------------------------------

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

/// A value as JSON. Only used for types whose serialisation cannot fail (string keys, no
/// custom errors); `null` stands in should that ever change.
fn to_value(value: &impl Serialize) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
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

// ---------------------------------------------------------------------------------------------
// Reading the input
// ---------------------------------------------------------------------------------------------

/// The input, validated.
struct Facts {
    kind: Kind,
    via: Via,
    paid_at: DateTime<Utc>,
    now: DateTime<Utc>,
    pre_enrolled: bool,
    launch_at: Option<DateTime<Utc>>,
    certificate_earned_at: Option<DateTime<Utc>>,
    custom_window_days: Option<u64>,
    honor_code_violation: bool,
    free_trial_ends_at: Option<DateTime<Utc>>,
    cancelled_at: Option<DateTime<Utc>>,
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
    fn read(input: &Value, policy: &RefundPolicy) -> Result<Facts, RefundError> {
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

// ---------------------------------------------------------------------------------------------
// Deciding
// ---------------------------------------------------------------------------------------------

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

/// What the window's end was measured from, for the explanation and the clause.
enum Basis {
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

/// `t` plus `days` days, saturating.
fn after_days(t: DateTime<Utc>, days: u64) -> DateTime<Utc> {
    time::plus_days(t, i64::try_from(days).unwrap_or(i64::MAX))
}

/// Routes and judges a validated input (contract, Evaluation steps 2 and 3).
fn decide(facts: &Facts, policy: &RefundPolicy) -> Decision {
    let as_of = facts.cancelled_at.unwrap_or(facts.now);
    let answer =
        |eligible: Option<bool>, outcome: Outcome, reason: String, clause: &str| Decision {
            eligible,
            outcome,
            deadline: None,
            reason,
            clause: clause.to_owned(),
            as_of,
            seconds_left: None,
            policy_version: policy.version.clone(),
            policy_effective: policy.effective.clone(),
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
                marketplace_reason(facts.via),
                &policy.clauses.marketplaces,
            );
        }
        ViaTreatment::Organization => {
            return answer(
                None,
                Outcome::OrganizationContract,
                ORGANIZATION_REASON.to_owned(),
                &policy.clauses.organizations,
            );
        }
    }

    // 2.3: kinds another party decides.
    match rules.treatment {
        KindTreatment::Partner => {
            return answer(
                None,
                Outcome::PartnerPolicy,
                format!(
                    "Refunds for {} are set and handled by the university partner that \
                     offers the programme. Ask the university about a refund.",
                    kind.plural().to_lowercase()
                ),
                &rules.clause,
            );
        }
        KindTreatment::Marketplace => {
            return answer(
                None,
                Outcome::MarketplacePolicy,
                format!(
                    "Refunds for {} are handled by the marketplace they are sold through. \
                     Ask the marketplace about a refund.",
                    kind.plural().to_lowercase()
                ),
                &rules.clause,
            );
        }
        KindTreatment::Organization => {
            return answer(
                None,
                Outcome::OrganizationContract,
                ORGANIZATION_REASON.to_owned(),
                &rules.clause,
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
        );
    }

    // 2.5: never refunded.
    if rules.treatment == KindTreatment::NoRefund {
        let reason = match kind {
            Kind::SubscriptionMonthly => "Monthly subscription payments are not refunded. \
                 Cancelling stops the next charge, and you keep access until the end of the \
                 month you paid for."
                .to_owned(),
            _ => format!("{} are not refunded.", kind.plural()),
        };
        return answer(Some(false), Outcome::NoRefund, reason, &rules.clause);
    }

    // 2.6-2.8: a window.
    if rules.free_trial_replaces_window && facts.free_trial_ends_at.is_some() {
        return answer(
            Some(false),
            Outcome::NoRefund,
            format!(
                "This {} came with a free trial instead of a refund period, so its payments \
                 are not refunded.",
                kind.singular()
            ),
            &rules.clause,
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

    let mut reason = window_rule(facts, &basis);
    match (certificate_end, end, deadline) {
        (Some(earned), _, _) if earned == facts.paid_at => {
            reason.push_str(&format!(
                ". You earned {} at the moment of payment, so there was no refund window.",
                certificate_noun(kind)
            ));
        }
        (Some(earned), _, _) => reason.push_str(&format!(
            ". You earned {} on {}, which closed the refund window then.",
            certificate_noun(kind),
            when(earned)
        )),
        (None, Some(_), None) => reason.push_str(
            ", which is after the year 9999, so the window is open at every date that can \
             be judged.",
        ),
        (None, Some(end), Some(_)) if end == facts.paid_at => {
            reason.push_str(", so there is no refund window.");
        }
        (None, Some(end), Some(_)) => {
            reason.push_str(&format!(", so the window closes on {}.", when(end)));
        }
        (None, None, _) => reason.push('.'),
    }
    reason.push(' ');
    reason.push_str(&verdict(facts, as_of, deadline, eligible, seconds_left));

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
    }
}

const ORGANIZATION_REASON: &str = "You have this through your organization (an employer, \
     government, campus or social-good programme), so refunds and cancellations follow its \
     contract with us. Ask your organization about a refund.";

fn marketplace_reason(via: Via) -> String {
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
fn window_rule(facts: &Facts, basis: &Basis) -> String {
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
fn verdict(
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

fn certificate_noun(kind: Kind) -> &'static str {
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
fn when(t: DateTime<Utc>) -> String {
    let text = format_instant(t);
    match (text.get(..10), text.get(11..16), text.get(16..19)) {
        (Some(date), Some(hm), Some(":00")) => format!("{date} at {hm} UTC"),
        (Some(date), Some(_), Some(_)) => {
            format!("{date} at {} UTC", text.get(11..19).unwrap_or(""))
        }
        _ => text,
    }
}

/// `1 day`, `14 days`.
fn day_count(days: u64) -> String {
    if days == 1 {
        "1 day".to_owned()
    } else {
        format!("{days} days")
    }
}

/// Words a number of seconds for the UI, rounding down so time left is never overstated:
/// the two largest units among days, hours and minutes.
///
/// Anything under a minute, zero and negative numbers included, is "less than a minute".
///
/// ```
/// use terms_widget::domain::refund::format_duration;
///
/// assert_eq!(format_duration(3 * 86_400 + 4 * 3600 + 59), "3 days 4 hours");
/// assert_eq!(format_duration(5 * 3600 + 2 * 60), "5 hours 2 minutes");
/// assert_eq!(format_duration(86_400), "1 day");
/// assert_eq!(format_duration(59), "less than a minute");
/// ```
pub fn format_duration(seconds: i64) -> String {
    if seconds < 60 {
        return "less than a minute".to_owned();
    }
    let days = seconds / 86_400;
    let hours = seconds % 86_400 / 3600;
    let minutes = seconds % 3600 / 60;
    let unit = |n: i64, name: &str| {
        if n == 1 {
            format!("1 {name}")
        } else {
            format!("{n} {name}s")
        }
    };
    let (first, second) = if days > 0 {
        (unit(days, "day"), (hours > 0).then(|| unit(hours, "hour")))
    } else if hours > 0 {
        (
            unit(hours, "hour"),
            (minutes > 0).then(|| unit(minutes, "minute")),
        )
    } else {
        (unit(minutes, "minute"), None)
    };
    match second {
        Some(second) => format!("{first} {second}"),
        None => first,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeDelta;
    use serde_json::json;

    const P: &str = "2024-03-01T12:00:00Z";
    const P_PLUS_14: &str = "2024-03-15T12:00:00Z";

    fn ts(text: &str) -> DateTime<Utc> {
        parse_instant(text).unwrap()
    }

    fn at(t: DateTime<Utc>) -> String {
        format_instant(t)
    }

    /// `base` with the fields of `extra` added or replaced.
    fn with(base: &Value, extra: Value) -> Value {
        let mut merged = base.as_object().cloned().unwrap_or_default();
        for (key, value) in extra.as_object().cloned().unwrap_or_default() {
            merged.insert(key, value);
        }
        Value::Object(merged)
    }

    fn run(input: &Value) -> Result<Decision, RefundError> {
        evaluate(input, &RefundPolicy::default())
    }

    /// The contract's three fields, or the error code.
    fn contract(
        input: &Value,
    ) -> Result<(Option<bool>, &'static str, Option<String>), &'static str> {
        contract_with(input, &RefundPolicy::default())
    }

    fn contract_with(
        input: &Value,
        policy: &RefundPolicy,
    ) -> Result<(Option<bool>, &'static str, Option<String>), &'static str> {
        evaluate(input, policy)
            .map(|d| (d.eligible, d.outcome.as_str(), d.deadline.map(at)))
            .map_err(|e| e.code())
    }

    fn code(input: &Value) -> &'static str {
        match run(input) {
            Ok(decision) => panic!("expected an error, got {decision:?}"),
            Err(error) => error.code(),
        }
    }

    fn course() -> Value {
        json!({"kind": "course", "paid_at": P, "now": P})
    }

    // -----------------------------------------------------------------------------------
    // A table of contract examples, derived by hand from shared/specs/refund.md
    // -----------------------------------------------------------------------------------

    type Expected = Result<(Option<bool>, &'static str, Option<&'static str>), &'static str>;

    const FULL: Option<bool> = Some(true);
    const NO: Option<bool> = Some(false);

    fn ok(
        eligible: Option<bool>,
        outcome: &'static str,
        deadline: Option<&'static str>,
    ) -> Expected {
        Ok((eligible, outcome, deadline))
    }

    fn contract_examples() -> Vec<(&'static str, Value, Expected)> {
        let d = Some(P_PLUS_14);
        vec![
            (
                "course, day 1",
                json!({"kind":"course","paid_at":P,"now":"2024-03-02T12:00:00Z"}),
                ok(FULL, "full_refund", d),
            ),
            (
                "course, at the payment instant",
                json!({"kind":"course","paid_at":P,"now":P}),
                ok(FULL, "full_refund", d),
            ),
            (
                "course, last second",
                json!({"kind":"course","paid_at":P,"now":"2024-03-15T11:59:59Z"}),
                ok(FULL, "full_refund", d),
            ),
            (
                "course, at the deadline",
                json!({"kind":"course","paid_at":P,"now":P_PLUS_14}),
                ok(NO, "no_refund", d),
            ),
            (
                "course, via direct spelled out",
                json!({"kind":"course","via":"direct","paid_at":P,"now":"2024-03-10T00:00:00Z"}),
                ok(FULL, "full_refund", d),
            ),
            (
                "specialization, after the deadline",
                json!({"kind":"specialization","paid_at":P,"now":"2024-03-20T00:00:00Z"}),
                ok(NO, "no_refund", d),
            ),
            (
                "course, certificate ended the window",
                json!({"kind":"course","paid_at":P,"now":"2024-03-06T00:00:00Z",
                       "certificate_earned_at":"2024-03-05T08:00:00Z"}),
                ok(NO, "no_refund", Some("2024-03-05T08:00:00Z")),
            ),
            (
                "course, cancelled before the certificate",
                json!({"kind":"course","paid_at":P,"now":"2024-03-06T00:00:00Z",
                       "certificate_earned_at":"2024-03-05T08:00:00Z",
                       "cancelled_at":"2024-03-04T00:00:00Z"}),
                ok(FULL, "full_refund", Some("2024-03-05T08:00:00Z")),
            ),
            (
                "course, certificate at payment: no window",
                json!({"kind":"course","paid_at":P,"now":P,"certificate_earned_at":P}),
                ok(NO, "no_refund", Some(P)),
            ),
            (
                "course, certificate at the deadline changes nothing",
                json!({"kind":"course","paid_at":P,"now":"2024-03-16T00:00:00Z",
                       "certificate_earned_at":P_PLUS_14,"cancelled_at":"2024-03-15T11:00:00Z"}),
                ok(FULL, "full_refund", d),
            ),
            (
                "specialization, first course certificate",
                json!({"kind":"specialization","paid_at":P,"now":"2024-03-03T00:00:00Z",
                       "certificate_earned_at":"2024-03-02T00:00:00Z"}),
                ok(NO, "no_refund", Some("2024-03-02T00:00:00Z")),
            ),
            (
                "course, shorter window of 7 days, last second",
                json!({"kind":"course","paid_at":P,"now":"2024-03-08T11:59:59Z","custom_window_days":7}),
                ok(FULL, "full_refund", Some("2024-03-08T12:00:00Z")),
            ),
            (
                "course, shorter window of 7 days, closed",
                json!({"kind":"course","paid_at":P,"now":"2024-03-08T12:00:00Z","custom_window_days":7}),
                ok(NO, "no_refund", Some("2024-03-08T12:00:00Z")),
            ),
            (
                "course, stated window of 0 days",
                json!({"kind":"course","paid_at":P,"now":P,"custom_window_days":0}),
                ok(NO, "no_refund", Some(P)),
            ),
            (
                "course, stated window of 14 days",
                json!({"kind":"course","paid_at":P,"now":"2024-03-10T00:00:00Z","custom_window_days":14}),
                ok(FULL, "full_refund", d),
            ),
            (
                "course, stated window of 15 days",
                json!({"kind":"course","paid_at":P,"now":P,"custom_window_days":15}),
                Err("custom_window_exceeds_standard"),
            ),
            (
                "specialization, stated window of 15 days",
                json!({"kind":"specialization","paid_at":P,"now":P,"custom_window_days":15}),
                Err("custom_window_exceeds_standard"),
            ),
            (
                "other, stated window of 15 days",
                json!({"kind":"other","paid_at":P,"now":"2024-03-10T00:00:00Z","custom_window_days":15}),
                ok(FULL, "full_refund", Some("2024-03-16T12:00:00Z")),
            ),
            (
                "other, no stated window",
                json!({"kind":"other","paid_at":P,"now":P}),
                ok(NO, "no_refund", None),
            ),
            (
                "other, stated window of 0 days",
                json!({"kind":"other","paid_at":P,"now":P,"custom_window_days":0}),
                ok(NO, "no_refund", Some(P)),
            ),
            (
                "course, pre-enrolled, within 14 days of launch",
                json!({"kind":"course","paid_at":P,"now":"2024-04-10T00:00:00Z",
                       "pre_enrolled":true,"launch_at":"2024-04-01T00:00:00Z"}),
                ok(FULL, "full_refund", Some("2024-04-15T00:00:00Z")),
            ),
            (
                "course, pre-enrolled, no launch date",
                json!({"kind":"course","paid_at":P,"now":"2024-06-01T00:00:00Z","pre_enrolled":true}),
                ok(FULL, "full_refund", None),
            ),
            (
                "course, pre-enrolled, launched before payment",
                json!({"kind":"course","paid_at":P,"now":"2024-03-10T00:00:00Z",
                       "pre_enrolled":true,"launch_at":"2024-02-01T00:00:00Z"}),
                ok(FULL, "full_refund", d),
            ),
            (
                "course, pre-enrolled, launched at payment",
                json!({"kind":"course","paid_at":P,"now":"2024-03-16T00:00:00Z",
                       "pre_enrolled":true,"launch_at":P}),
                ok(NO, "no_refund", d),
            ),
            (
                "specialization, pre-enrolled with a stated window counts from payment",
                json!({"kind":"specialization","paid_at":P,"now":"2024-03-09T00:00:00Z",
                       "pre_enrolled":true,"launch_at":"2024-04-01T00:00:00Z","custom_window_days":7}),
                ok(NO, "no_refund", Some("2024-03-08T12:00:00Z")),
            ),
            (
                "course, pre-enrolled, certificate first",
                json!({"kind":"course","paid_at":P,"now":"2024-04-05T00:00:00Z",
                       "pre_enrolled":true,"launch_at":"2024-04-01T00:00:00Z",
                       "certificate_earned_at":"2024-04-04T00:00:00Z"}),
                ok(NO, "no_refund", Some("2024-04-04T00:00:00Z")),
            ),
            (
                "course, launch date ignored unless pre-enrolled",
                json!({"kind":"course","paid_at":P,"now":"2024-03-20T00:00:00Z",
                       "launch_at":"2024-04-01T00:00:00Z"}),
                ok(NO, "no_refund", d),
            ),
            (
                "plus, day 9",
                json!({"kind":"plus_subscription","paid_at":P,"now":"2024-03-10T00:00:00Z"}),
                ok(FULL, "full_refund", d),
            ),
            (
                "plus, with a free trial",
                json!({"kind":"plus_subscription","paid_at":P,"now":"2024-03-02T00:00:00Z",
                       "free_trial_ends_at":"2024-03-08T12:00:00Z"}),
                ok(NO, "no_refund", None),
            ),
            (
                "plus, certificates do not end the window",
                json!({"kind":"plus_subscription","paid_at":P,"now":"2024-03-10T00:00:00Z",
                       "certificate_earned_at":"2024-03-02T00:00:00Z"}),
                ok(FULL, "full_refund", d),
            ),
            (
                "plus, stated window ignored",
                json!({"kind":"plus_subscription","paid_at":P,"now":"2024-03-10T00:00:00Z",
                       "custom_window_days":100}),
                ok(FULL, "full_refund", d),
            ),
            (
                "monthly subscription",
                json!({"kind":"subscription_monthly","paid_at":P,"now":P}),
                ok(NO, "no_refund", None),
            ),
            (
                "guided project",
                json!({"kind":"guided_project","paid_at":P,"now":P}),
                ok(NO, "no_refund", None),
            ),
            (
                "guided project, stated window has no limit and no effect",
                json!({"kind":"guided_project","paid_at":P,"now":P,"custom_window_days":20}),
                ok(NO, "no_refund", None),
            ),
            (
                "degree",
                json!({"kind":"degree","paid_at":P,"now":P}),
                ok(None, "partner_policy", None),
            ),
            (
                "university certificate with a violation: the partner decides",
                json!({"kind":"university_certificate","paid_at":P,"now":P,"honor_code_violation":true}),
                ok(None, "partner_policy", None),
            ),
            (
                "course from the App Store",
                json!({"kind":"course","via":"app_store","paid_at":P,"now":P}),
                ok(None, "marketplace_policy", None),
            ),
            (
                "plus from Google Play",
                json!({"kind":"plus_subscription","via":"google_play","paid_at":P,"now":P}),
                ok(None, "marketplace_policy", None),
            ),
            (
                "degree from Google Play: the marketplace comes first",
                json!({"kind":"degree","via":"google_play","paid_at":P,"now":P}),
                ok(None, "marketplace_policy", None),
            ),
            (
                "course through an organization, with a violation",
                json!({"kind":"course","via":"organization","paid_at":P,"now":P,"honor_code_violation":true}),
                ok(None, "organization_contract", None),
            ),
            (
                "other from the App Store, any stated window",
                json!({"kind":"other","via":"app_store","paid_at":P,"now":P,"custom_window_days":30}),
                ok(None, "marketplace_policy", None),
            ),
            (
                "course, violation inside the window",
                json!({"kind":"course","paid_at":P,"now":P,"honor_code_violation":true}),
                ok(NO, "not_eligible_violation", None),
            ),
            (
                "monthly subscription, violation",
                json!({"kind":"subscription_monthly","paid_at":P,"now":P,"honor_code_violation":true}),
                ok(NO, "not_eligible_violation", None),
            ),
            (
                "course, cancelled in time, asked later",
                json!({"kind":"course","paid_at":P,"now":"2024-04-01T00:00:00Z",
                       "cancelled_at":"2024-03-14T00:00:00Z"}),
                ok(FULL, "full_refund", d),
            ),
            (
                "course, cancelled at the deadline",
                json!({"kind":"course","paid_at":P,"now":"2024-04-01T00:00:00Z","cancelled_at":P_PLUS_14}),
                ok(NO, "no_refund", d),
            ),
            (
                "leap year",
                json!({"kind":"course","paid_at":"2024-02-20T10:00:00Z",
                                 "now":"2024-03-05T09:59:59Z"}),
                ok(FULL, "full_refund", Some("2024-03-05T10:00:00Z")),
            ),
            (
                "year end",
                json!({"kind":"course","paid_at":"2025-12-25T23:59:59Z",
                                "now":"2026-01-08T23:59:59Z"}),
                ok(NO, "no_refund", Some("2026-01-08T23:59:59Z")),
            ),
            (
                "unknown fields ignored",
                json!({"kind":"course","paid_at":P,"now":P,"coupon":"X","price":{"usd":49}}),
                ok(FULL, "full_refund", d),
            ),
            (
                "nulls are defaults",
                json!({"kind":"course","paid_at":P,"now":P,"via":null,"pre_enrolled":null,
                       "launch_at":null,"certificate_earned_at":null,"custom_window_days":null,
                       "honor_code_violation":null,"free_trial_ends_at":null,"cancelled_at":null}),
                ok(FULL, "full_refund", d),
            ),
            (
                "missing now",
                json!({"kind":"course","paid_at":P}),
                Err("missing_field"),
            ),
            (
                "null kind",
                json!({"kind":null,"paid_at":P,"now":P}),
                Err("missing_field"),
            ),
            (
                "no such day",
                json!({"kind":"course","paid_at":"2023-02-29T00:00:00Z","now":P}),
                Err("invalid_timestamp"),
            ),
            (
                "kind in capitals",
                json!({"kind":"Course","paid_at":P,"now":P}),
                Err("unknown_kind"),
            ),
            (
                "unknown channel",
                json!({"kind":"course","via":"itunes","paid_at":P,"now":P}),
                Err("unknown_via"),
            ),
            (
                "fractional window",
                json!({"kind":"course","paid_at":P,"now":P,"custom_window_days":3.5}),
                Err("invalid_custom_window"),
            ),
            (
                "negative window",
                json!({"kind":"course","paid_at":P,"now":P,"custom_window_days":-1}),
                Err("negative_custom_window"),
            ),
            (
                "now before payment",
                json!({"kind":"degree","paid_at":P,"now":"2024-03-01T11:59:59Z"}),
                Err("now_before_payment"),
            ),
            (
                "certificate before payment",
                json!({"kind":"course","paid_at":P,"now":P,"certificate_earned_at":"2024-03-01T11:59:59Z"}),
                Err("certificate_before_payment"),
            ),
            (
                "certificate after now",
                json!({"kind":"course","paid_at":P,"now":P,"certificate_earned_at":"2024-03-01T12:00:01Z"}),
                Err("certificate_after_now"),
            ),
            (
                "monthly charge after a cancellation in the trial",
                json!({"kind":"subscription_monthly","paid_at":P,"now":"2024-03-02T00:00:00Z",
                       "cancelled_at":"2024-02-28T00:00:00Z"}),
                Err("cancelled_before_payment"),
            ),
            (
                "cancelled after now",
                json!({"kind":"course","paid_at":P,"now":P,"cancelled_at":"2024-03-01T12:00:01Z"}),
                Err("cancelled_after_now"),
            ),
        ]
    }

    #[test]
    fn contract_examples_table() {
        let examples = contract_examples();
        assert!(examples.len() >= 40, "{} examples", examples.len());
        for (label, input, expected) in examples {
            let expected = expected.map(|(e, o, d)| (e, o, d.map(str::to_owned)));
            assert_eq!(contract(&input), expected, "{label}");
            // The JSON path gives the same three fields or the same code.
            let out = evaluate_str(&input.to_string(), &RefundPolicy::default());
            match &expected {
                Ok((eligible, outcome, deadline)) => {
                    assert_eq!(out["eligible"], json!(eligible), "{label}");
                    assert_eq!(out["outcome"], json!(outcome), "{label}");
                    assert_eq!(out["deadline"], json!(deadline), "{label}");
                }
                Err(code) => assert_eq!(out["error"], json!(code), "{label}"),
            }
        }
    }

    // -----------------------------------------------------------------------------------
    // Boundaries: one second before the deadline, at it, one second after
    // -----------------------------------------------------------------------------------

    /// Checks the window of `input` closes exactly at `deadline`, judging by `now` and by
    /// `cancelled_at` (with `now` later).
    fn assert_closes_at(input: &Value, deadline: &str) {
        assert_closes_at_judged(input, deadline, true);
    }

    /// As [`assert_closes_at`]; `by_now: false` judges by `cancelled_at` only (for a
    /// certificate, `now` before it would be an error).
    fn assert_closes_at_judged(input: &Value, deadline: &str, by_now: bool) {
        let end = ts(deadline);
        let judge_now = |t: DateTime<Utc>| run(&with(input, json!({"now": at(t)}))).unwrap();
        let judge_cancel = |t: DateTime<Utc>| {
            let now = end + TimeDelta::days(1);
            run(&with(input, json!({"now": at(now), "cancelled_at": at(t)}))).unwrap()
        };
        let judges: Vec<&dyn Fn(DateTime<Utc>) -> Decision> = if by_now {
            vec![&judge_now, &judge_cancel]
        } else {
            vec![&judge_cancel]
        };
        for judge in judges {
            let before = judge(end - TimeDelta::seconds(1));
            assert_eq!(
                (
                    before.eligible,
                    before.outcome,
                    before.deadline,
                    before.seconds_left
                ),
                (Some(true), Outcome::FullRefund, Some(end), Some(1)),
                "{input} one second before {deadline}"
            );
            for t in [end, end + TimeDelta::seconds(1)] {
                let after = judge(t);
                assert_eq!(
                    (
                        after.eligible,
                        after.outcome,
                        after.deadline,
                        after.seconds_left
                    ),
                    (Some(false), Outcome::NoRefund, Some(end), None),
                    "{input} at {}",
                    at(t)
                );
                assert_eq!(after.as_of, t);
            }
        }
    }

    #[test]
    fn boundaries_course_and_specialization() {
        for kind in ["course", "specialization"] {
            assert_closes_at(&json!({"kind": kind, "paid_at": P}), P_PLUS_14);
        }
    }

    #[test]
    fn boundaries_plus_subscription() {
        assert_closes_at(
            &json!({"kind": "plus_subscription", "paid_at": P}),
            P_PLUS_14,
        );
        // A renewal charge has its own window.
        assert_closes_at(
            &json!({"kind": "plus_subscription", "paid_at": "2025-03-01T12:00:00Z"}),
            "2025-03-15T12:00:00Z",
        );
    }

    #[test]
    fn boundaries_pre_enrolled() {
        for kind in ["course", "specialization"] {
            assert_closes_at(
                &json!({"kind": kind, "paid_at": P, "pre_enrolled": true,
                        "launch_at": "2024-05-31T18:30:00Z"}),
                "2024-06-14T18:30:00Z",
            );
        }
    }

    #[test]
    fn boundaries_custom_windows() {
        for kind in ["course", "specialization"] {
            assert_closes_at(
                &json!({"kind": kind, "paid_at": P, "custom_window_days": 7}),
                "2024-03-08T12:00:00Z",
            );
            assert_closes_at(
                &json!({"kind": kind, "paid_at": P, "custom_window_days": 14}),
                P_PLUS_14,
            );
            // 0 days: closed at the payment instant already; a second before it is an error.
            let zero = json!({"kind": kind, "paid_at": P, "now": P, "custom_window_days": 0});
            let decision = run(&zero).unwrap();
            assert_eq!(
                (decision.eligible, decision.deadline),
                (Some(false), Some(ts(P)))
            );
            assert_eq!(
                code(&with(&zero, json!({"now": "2024-03-01T11:59:59Z"}))),
                "now_before_payment"
            );
        }
    }

    #[test]
    fn boundaries_other_services() {
        for (days, deadline) in [
            (1, "2024-03-02T12:00:00Z"),
            (30, "2024-03-31T12:00:00Z"),
            (365, "2025-03-01T12:00:00Z"),
        ] {
            assert_closes_at(
                &json!({"kind": "other", "paid_at": P, "custom_window_days": days}),
                deadline,
            );
        }
    }

    #[test]
    fn boundaries_certificate() {
        // Before the deadline: the certificate closes the window at its instant.
        assert_closes_at_judged(
            &json!({"kind": "course", "paid_at": P, "certificate_earned_at": "2024-03-10T09:00:00Z"}),
            "2024-03-10T09:00:00Z",
            false,
        );
        // One second before the deadline.
        assert_closes_at_judged(
            &json!({"kind": "specialization", "paid_at": P,
                    "certificate_earned_at": "2024-03-15T11:59:59Z"}),
            "2024-03-15T11:59:59Z",
            false,
        );
        // Judged by `now` once the certificate exists: closed from its instant on.
        for now in ["2024-03-10T09:00:00Z", "2024-03-10T09:00:01Z"] {
            let input = json!({"kind": "course", "paid_at": P, "now": now,
                               "certificate_earned_at": "2024-03-10T09:00:00Z"});
            assert_eq!(
                contract(&input),
                Ok((NO, "no_refund", Some("2024-03-10T09:00:00Z".to_owned()))),
                "{now}"
            );
        }
        // At the deadline or after it: nothing changes.
        for earned in [P_PLUS_14, "2024-03-15T12:00:01Z", "2024-04-01T00:00:00Z"] {
            let input = json!({"kind": "course", "paid_at": P, "now": "2024-04-02T00:00:00Z",
                               "certificate_earned_at": earned});
            let decision = run(&input).unwrap();
            assert_eq!(decision.deadline, Some(ts(P_PLUS_14)), "{earned}");
            assert_eq!(decision.clause, "courses-and-specializations");
        }
        // A certificate exactly at a shorter window's end changes nothing either: the
        // deciding section is still the shorter window, and the reason does not mention it.
        let at_end = run(
            &json!({"kind": "course", "paid_at": P, "now": "2024-03-09T00:00:00Z",
                                 "custom_window_days": 7,
                                 "certificate_earned_at": "2024-03-08T12:00:00Z"}),
        )
        .unwrap();
        assert_eq!(at_end.deadline, Some(ts("2024-03-08T12:00:00Z")));
        assert_eq!(at_end.clause, "shorter-refund-windows");
        assert!(!at_end.reason.contains("Certificate"), "{}", at_end.reason);
        // At payment: no window at all.
        let decision = run(&json!({"kind": "course", "paid_at": P, "now": P,
                                   "certificate_earned_at": P}))
        .unwrap();
        assert_eq!(
            (decision.eligible, decision.deadline, decision.seconds_left),
            (Some(false), Some(ts(P)), None)
        );
        assert!(
            decision.reason.contains("no refund window"),
            "{}",
            decision.reason
        );
    }

    #[test]
    fn certificate_closes_a_window_whose_end_is_unknown() {
        let input = json!({"kind": "course", "paid_at": P, "pre_enrolled": true,
                           "certificate_earned_at": "2024-03-05T00:00:00Z",
                           "now": "2024-03-06T00:00:00Z"});
        assert_eq!(
            contract(&input),
            Ok((
                Some(false),
                "no_refund",
                Some("2024-03-05T00:00:00Z".to_owned())
            ))
        );
        let earlier = with(&input, json!({"cancelled_at": "2024-03-04T00:00:00Z"}));
        assert_eq!(run(&earlier).unwrap().eligible, Some(true));
    }

    #[test]
    fn cancellation_is_judged_instead_of_now() {
        let input = json!({"kind": "course", "paid_at": P, "now": "2024-06-01T00:00:00Z",
                           "cancelled_at": "2024-03-15T11:00:00Z"});
        let decision = run(&input).unwrap();
        assert_eq!(decision.as_of, ts("2024-03-15T11:00:00Z"));
        assert_eq!(decision.eligible, Some(true));
        assert_eq!(decision.seconds_left, Some(3600));
        // Without the cancellation, `now` is judged and the window has closed.
        let mut without = input.clone();
        without.as_object_mut().unwrap().remove("cancelled_at");
        let decision = run(&without).unwrap();
        assert_eq!(decision.as_of, ts("2024-06-01T00:00:00Z"));
        assert_eq!(decision.eligible, Some(false));
        // A cancellation at the payment instant is inside the window.
        let at_payment = with(&input, json!({"cancelled_at": P}));
        let decision = run(&at_payment).unwrap();
        assert_eq!((decision.eligible, decision.as_of), (Some(true), ts(P)));
        assert_eq!(decision.seconds_left, Some(14 * 86_400));
        // A cancellation exactly at `now` is fine.
        let same = with(&input, json!({"cancelled_at": "2024-06-01T00:00:00Z"}));
        assert_eq!(run(&same).unwrap().eligible, Some(false));
    }

    #[test]
    fn pre_enrolled_without_launch_stays_open() {
        for kind in ["course", "specialization"] {
            let input = json!({"kind": kind, "paid_at": P, "now": "2030-01-01T00:00:00Z",
                               "pre_enrolled": true});
            let decision = run(&input).unwrap();
            assert_eq!(
                (
                    decision.eligible,
                    decision.outcome,
                    decision.deadline,
                    decision.seconds_left
                ),
                (Some(true), Outcome::FullRefund, None, None)
            );
            assert_eq!(decision.clause, "pre-enrolment");
        }
        // A launch at the payment instant is not "after payment": the ordinary rule.
        let launched = run(&json!({"kind": "course", "paid_at": P, "now": P,
                                   "pre_enrolled": true, "launch_at": P}))
        .unwrap();
        assert_eq!(launched.deadline, Some(ts(P_PLUS_14)));
        assert_eq!(launched.clause, "courses-and-specializations");
        assert!(
            launched.reason.contains("had already launched"),
            "{}",
            launched.reason
        );
        // Pre-enrolment means nothing for kinds without it.
        let plus = json!({"kind": "plus_subscription", "paid_at": P, "now": P,
                          "pre_enrolled": true, "launch_at": "2024-06-01T00:00:00Z"});
        assert_eq!(run(&plus).unwrap().deadline, Some(ts(P_PLUS_14)));
    }

    // -----------------------------------------------------------------------------------
    // Routing order
    // -----------------------------------------------------------------------------------

    #[test]
    fn every_route_in_order() {
        let everything = json!({"paid_at": P, "now": P, "honor_code_violation": true,
                                "free_trial_ends_at": "2024-03-08T00:00:00Z"});
        for kind in KIND_NAMES {
            let input = with(&everything, json!({"kind": kind}));
            for (via, outcome) in [
                ("app_store", "marketplace_policy"),
                ("google_play", "marketplace_policy"),
                ("organization", "organization_contract"),
            ] {
                assert_eq!(
                    contract(&with(&input, json!({"via": via}))),
                    Ok((None, outcome, None)),
                    "{kind} via {via}"
                );
            }
            let expected = match kind {
                "degree" | "university_certificate" => (None, "partner_policy", None),
                _ => (NO, "not_eligible_violation", None),
            };
            assert_eq!(contract(&input), Ok(expected), "{kind}");
        }
    }

    #[test]
    fn violation_is_worded_as_not_entitled() {
        let decision = run(&with(&course(), json!({"honor_code_violation": true}))).unwrap();
        assert_eq!(decision.clause, "violations-of-our-policies");
        assert!(decision.reason.contains("not entitled"));
        assert!(decision.reason.contains("may still choose to refund"));
    }

    #[test]
    fn clauses_name_the_deciding_section() {
        let cases = [
            (json!({"kind": "course"}), "courses-and-specializations"),
            (
                json!({"kind": "specialization"}),
                "courses-and-specializations",
            ),
            (
                json!({"kind": "course", "pre_enrolled": true}),
                "pre-enrolment",
            ),
            (
                json!({"kind": "course", "pre_enrolled": true, "launch_at": "2024-04-01T00:00:00Z"}),
                "pre-enrolment",
            ),
            (
                json!({"kind": "course", "pre_enrolled": true, "launch_at": "2024-02-01T00:00:00Z"}),
                "courses-and-specializations",
            ),
            (
                json!({"kind": "course", "custom_window_days": 7}),
                "shorter-refund-windows",
            ),
            (
                json!({"kind": "course", "custom_window_days": 7, "certificate_earned_at": P}),
                "courses-and-specializations",
            ),
            (
                json!({"kind": "course", "pre_enrolled": true, "certificate_earned_at": P}),
                "courses-and-specializations",
            ),
            (json!({"kind": "plus_subscription"}), "kestrel-plus"),
            (
                json!({"kind": "plus_subscription", "free_trial_ends_at": P}),
                "kestrel-plus",
            ),
            (
                json!({"kind": "subscription_monthly"}),
                "monthly-subscriptions",
            ),
            (json!({"kind": "guided_project"}), "guided-projects"),
            (
                json!({"kind": "degree"}),
                "degrees-and-university-certificates",
            ),
            (
                json!({"kind": "university_certificate"}),
                "degrees-and-university-certificates",
            ),
            (json!({"kind": "other"}), "other-services"),
            (
                json!({"kind": "other", "custom_window_days": 3}),
                "other-services",
            ),
            (
                json!({"kind": "course", "via": "app_store"}),
                "app-store-purchases",
            ),
            (
                json!({"kind": "course", "via": "google_play"}),
                "app-store-purchases",
            ),
            (
                json!({"kind": "course", "via": "organization"}),
                "purchases-through-an-organization",
            ),
            (
                json!({"kind": "course", "honor_code_violation": true}),
                "violations-of-our-policies",
            ),
        ];
        for (extra, clause) in cases {
            let input = with(&json!({"paid_at": P, "now": P}), extra.clone());
            assert_eq!(run(&input).unwrap().clause, clause, "{extra}");
        }
    }

    // -----------------------------------------------------------------------------------
    // Validation and its order
    // -----------------------------------------------------------------------------------

    #[test]
    fn every_error_code_is_reachable() {
        let cases = [
            (
                json!({"paid_at": P, "now": P}),
                "missing_field",
                Some("kind"),
            ),
            (
                json!({"kind": "course", "now": P}),
                "missing_field",
                Some("paid_at"),
            ),
            (
                json!({"kind": "course", "paid_at": P}),
                "missing_field",
                Some("now"),
            ),
            (
                json!({"kind": "course", "paid_at": "yesterday", "now": P}),
                "invalid_timestamp",
                Some("paid_at"),
            ),
            (
                json!({"kind": "cours", "paid_at": P, "now": P}),
                "unknown_kind",
                Some("kind"),
            ),
            (
                json!({"kind": "course", "via": "ios", "paid_at": P, "now": P}),
                "unknown_via",
                Some("via"),
            ),
            (
                json!({"kind": "course", "paid_at": P, "now": P, "custom_window_days": "7"}),
                "invalid_custom_window",
                Some("custom_window_days"),
            ),
            (
                json!({"kind": "course", "paid_at": P, "now": P, "custom_window_days": -7}),
                "negative_custom_window",
                Some("custom_window_days"),
            ),
            (
                json!({"kind": "course", "paid_at": P, "now": P, "custom_window_days": 21}),
                "custom_window_exceeds_standard",
                Some("custom_window_days"),
            ),
            (
                json!({"kind": "course", "paid_at": P, "now": "2024-02-01T00:00:00Z"}),
                "now_before_payment",
                Some("now"),
            ),
            (
                json!({"kind": "course", "paid_at": P, "now": P, "certificate_earned_at": "2024-02-01T00:00:00Z"}),
                "certificate_before_payment",
                Some("certificate_earned_at"),
            ),
            (
                json!({"kind": "course", "paid_at": P, "now": P, "certificate_earned_at": "2024-04-01T00:00:00Z"}),
                "certificate_after_now",
                Some("certificate_earned_at"),
            ),
            (
                json!({"kind": "course", "paid_at": P, "now": P, "cancelled_at": "2024-02-01T00:00:00Z"}),
                "cancelled_before_payment",
                Some("cancelled_at"),
            ),
            (
                json!({"kind": "course", "paid_at": P, "now": P, "cancelled_at": "2024-04-01T00:00:00Z"}),
                "cancelled_after_now",
                Some("cancelled_at"),
            ),
        ];
        let mut seen = std::collections::BTreeSet::new();
        for (input, expected_code, field) in cases {
            let error = run(&input).unwrap_err();
            assert_eq!(
                (error.code(), error.field()),
                (expected_code, field),
                "{input}"
            );
            seen.insert(error.code());
        }
        let contract_codes = [
            "missing_field",
            "invalid_timestamp",
            "unknown_kind",
            "unknown_via",
            "invalid_custom_window",
            "negative_custom_window",
            "custom_window_exceeds_standard",
            "now_before_payment",
            "certificate_before_payment",
            "certificate_after_now",
            "cancelled_before_payment",
            "cancelled_after_now",
        ];
        assert_eq!(
            seen,
            contract_codes.into_iter().collect(),
            "every contract code"
        );
    }

    #[test]
    fn first_failure_wins() {
        let cases = [
            // missing_field before everything
            (json!({"kind": "bogus", "paid_at": P}), "missing_field"),
            (
                json!({"kind": "bogus", "paid_at": "bad", "custom_window_days": -1}),
                "missing_field",
            ),
            (
                json!({"kind": "course", "paid_at": "bad", "now": P, "pre_enrolled": "yes"}),
                "missing_field",
            ),
            // invalid_timestamp before unknown_kind / unknown_via / windows / order
            (
                json!({"kind": "bogus", "via": "bogus", "paid_at": "bad", "now": P}),
                "invalid_timestamp",
            ),
            (
                json!({"kind": "bogus", "paid_at": P, "now": P, "cancelled_at": 5}),
                "invalid_timestamp",
            ),
            (
                json!({"kind": "course", "paid_at": P, "now": "2020-01-01T00:00:00Z", "launch_at": "2024-13-01T00:00:00Z"}),
                "invalid_timestamp",
            ),
            // unknown_kind before unknown_via
            (
                json!({"kind": "bogus", "via": "bogus", "paid_at": P, "now": P}),
                "unknown_kind",
            ),
            // unknown_via before the window
            (
                json!({"kind": "course", "via": "bogus", "paid_at": P, "now": P, "custom_window_days": 3.5}),
                "unknown_via",
            ),
            // window checks before the order of events
            (
                json!({"kind": "course", "paid_at": P, "now": "2020-01-01T00:00:00Z", "custom_window_days": 3.5}),
                "invalid_custom_window",
            ),
            (
                json!({"kind": "course", "paid_at": P, "now": "2020-01-01T00:00:00Z", "custom_window_days": -3}),
                "negative_custom_window",
            ),
            (
                json!({"kind": "specialization", "paid_at": P, "now": "2020-01-01T00:00:00Z", "custom_window_days": 99}),
                "custom_window_exceeds_standard",
            ),
            // validation before routing
            (
                json!({"kind": "course", "via": "app_store", "paid_at": P, "now": "2020-01-01T00:00:00Z"}),
                "now_before_payment",
            ),
            (
                json!({"kind": "degree", "via": "organization", "paid_at": P, "now": "2020-01-01T00:00:00Z"}),
                "now_before_payment",
            ),
            (
                json!({"kind": "course", "via": "app_store", "paid_at": P, "now": P, "custom_window_days": 15}),
                "custom_window_exceeds_standard",
            ),
            // now_before_payment before the certificate and cancellation checks
            (
                json!({"kind": "course", "paid_at": P, "now": "2020-01-01T00:00:00Z",
                       "certificate_earned_at": "2019-01-01T00:00:00Z", "cancelled_at": "2019-01-01T00:00:00Z"}),
                "now_before_payment",
            ),
            // certificate checks before cancellation checks
            (
                json!({"kind": "course", "paid_at": P, "now": P,
                       "certificate_earned_at": "2024-04-01T00:00:00Z", "cancelled_at": "2019-01-01T00:00:00Z"}),
                "certificate_after_now",
            ),
            (
                json!({"kind": "course", "paid_at": P, "now": "2024-05-01T00:00:00Z",
                       "certificate_earned_at": "2019-01-01T00:00:00Z", "cancelled_at": "2024-06-01T00:00:00Z"}),
                "certificate_before_payment",
            ),
            // cancelled_before_payment before cancelled_after_now cannot both hold; with a
            // violation and a marketplace it is still an error
            (
                json!({"kind": "course", "via": "google_play", "paid_at": P, "now": P,
                       "honor_code_violation": true, "cancelled_at": "2024-02-01T00:00:00Z"}),
                "cancelled_before_payment",
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(code(&input), expected, "{input}");
        }
    }

    #[test]
    fn missing_fields_are_reported_in_table_order() {
        let field = |input: Value| run(&input).unwrap_err().field();
        assert_eq!(field(json!({})), Some("kind"));
        assert_eq!(field(json!({"now": P})), Some("kind"));
        assert_eq!(field(json!({"kind": 5})), Some("paid_at"));
        assert_eq!(
            field(json!({"kind": "course", "paid_at": null, "now": P})),
            Some("paid_at")
        );
        assert_eq!(
            field(json!({"kind": "course", "paid_at": P, "now": null})),
            Some("now")
        );
        assert_eq!(
            field(json!({"kind": "course", "paid_at": P, "now": P,
                         "pre_enrolled": 1, "honor_code_violation": "no"})),
            Some("pre_enrolled")
        );
        assert_eq!(
            field(
                json!({"kind": "course", "paid_at": P, "now": P, "honor_code_violation": "true"})
            ),
            Some("honor_code_violation")
        );
    }

    #[test]
    fn non_objects_are_missing_field_without_a_field() {
        for input in [
            json!(null),
            json!([]),
            json!("course"),
            json!(14),
            json!(true),
            json!([course()]),
        ] {
            let error = run(&input).unwrap_err();
            assert_eq!((error,), (RefundError::NotAnObject,), "{input}");
        }
        for text in [
            "",
            "not json",
            "{",
            "{\"kind\": \"course\",}",
            "[1,",
            "\u{0}",
        ] {
            let out = evaluate_str(text, &RefundPolicy::default());
            assert_eq!(
                out,
                json!({"error": "missing_field", "field": null, "message": RefundError::NotJson.to_string()}),
                "{text:?}"
            );
        }
        assert_eq!(
            evaluate_str("[]", &RefundPolicy::default())["message"],
            json!(RefundError::NotAnObject.to_string())
        );
    }

    #[test]
    fn wrong_types() {
        let base = course();
        // Timestamps: anything but a string is invalid_timestamp.
        for field in [
            "paid_at",
            "now",
            "launch_at",
            "certificate_earned_at",
            "free_trial_ends_at",
            "cancelled_at",
        ] {
            for value in [
                json!(1_709_294_400),
                json!(true),
                json!([P]),
                json!({"at": P}),
                json!(""),
            ] {
                let error = run(&with(&base, json!({field: value}))).unwrap_err();
                assert_eq!(
                    (error.code(), error.field()),
                    ("invalid_timestamp", Some(field)),
                    "{field}={value}"
                );
            }
        }
        // Loose timestamp shapes.
        for text in [
            "2024-03-01T12:00:00",
            "2024-03-01 12:00:00Z",
            "2024-03-01T12:00:00.000Z",
            "2024-03-01T12:00:00+00:00",
            "2024-3-01T12:00:00Z",
            "2024-03-01t12:00:00z",
            "2024-03-01T24:00:00Z",
            "2023-02-29T00:00:00Z",
            "2024-04-31T00:00:00Z",
        ] {
            assert_eq!(
                code(&with(&base, json!({"paid_at": text}))),
                "invalid_timestamp",
                "{text}"
            );
        }
        // kind / via of the wrong type.
        for value in [
            json!(1),
            json!(true),
            json!(["course"]),
            json!({"kind": "course"}),
            json!(""),
        ] {
            assert_eq!(
                code(&with(&base, json!({"kind": value}))),
                "unknown_kind",
                "{value}"
            );
            assert_eq!(
                code(&with(&base, json!({"via": value}))),
                "unknown_via",
                "{value}"
            );
        }
        // Booleans of the wrong type are missing_field at that field.
        for field in ["pre_enrolled", "honor_code_violation"] {
            for value in [
                json!("true"),
                json!(1),
                json!(0),
                json!("false"),
                json!([]),
                json!({}),
            ] {
                let error = run(&with(&base, json!({field: value}))).unwrap_err();
                assert_eq!(error, RefundError::NotYesOrNo { field }, "{field}={value}");
                assert_eq!(error.code(), "missing_field");
                assert_eq!(error.field(), Some(field));
            }
        }
    }

    #[test]
    fn custom_window_must_be_a_json_integer() {
        // Written as JSON text, because what counts is how the JSON parser reads the number.
        let answer = |kind: &str, days: &str| {
            let text = format!(
                r#"{{"kind":"{kind}","paid_at":"{P}","now":"{P}","custom_window_days":{days}}}"#
            );
            let out = evaluate_str(&text, &RefundPolicy::default());
            out.get("error").unwrap_or(&out["outcome"]).clone()
        };
        for kind in ["course", "other", "plus_subscription"] {
            for days in [
                "3.5",
                "3.0",
                "1e2",
                "-0",
                "-3.5",
                "\"7\"",
                "true",
                "[7]",
                "{}",
                "18446744073709551616",
                "-9223372036854775809",
            ] {
                assert_eq!(
                    answer(kind, days),
                    json!("invalid_custom_window"),
                    "{kind} {days}"
                );
            }
            for days in ["-1", "-9223372036854775808"] {
                assert_eq!(
                    answer(kind, days),
                    json!("negative_custom_window"),
                    "{kind} {days}"
                );
            }
        }
        assert_eq!(answer("other", "0"), json!("no_refund"));
        assert_eq!(answer("other", "3"), json!("full_refund"));
        assert_eq!(
            answer("other", "18446744073709551615"),
            json!("full_refund")
        );
        assert_eq!(answer("course", "14"), json!("full_refund"));
        assert_eq!(
            answer("course", "15"),
            json!("custom_window_exceeds_standard")
        );
        assert_eq!(
            answer("plus_subscription", "18446744073709551615"),
            json!("full_refund")
        );
    }

    #[test]
    fn huge_stated_windows_saturate() {
        let decision = run(&json!({"kind": "other", "paid_at": P, "now": P,
                                   "custom_window_days": u64::MAX}))
        .unwrap();
        assert_eq!(
            (
                decision.eligible,
                decision.outcome,
                decision.deadline,
                decision.seconds_left
            ),
            (Some(true), Outcome::FullRefund, None, None)
        );
        assert!(decision.reason.contains("9999"), "{}", decision.reason);
        // The last representable deadline is still reported.
        let last = run(&json!({"kind": "other", "paid_at": "9999-12-30T23:59:59Z",
                               "now": "9999-12-31T00:00:00Z", "custom_window_days": 1}))
        .unwrap();
        assert_eq!(last.deadline, Some(LAST_WRITABLE_INSTANT));
        assert_eq!(last.seconds_left, Some(86_399));
        let beyond = run(&json!({"kind": "course", "paid_at": "9999-12-31T00:00:00Z",
                                 "now": "9999-12-31T23:59:59Z"}))
        .unwrap();
        assert_eq!((beyond.eligible, beyond.deadline), (Some(true), None));
        assert_eq!(beyond.to_json()["deadline"], Value::Null);
        // Course limits are checked against the exact value, not a truncated one.
        assert_eq!(
            code(
                &json!({"kind": "course", "paid_at": P, "now": P, "custom_window_days": u64::MAX})
            ),
            "custom_window_exceeds_standard"
        );
    }

    #[test]
    fn error_messages_are_for_people() {
        let message = |input: Value| run(&input).unwrap_err().to_string();
        assert_eq!(
            message(json!({"kind": "course", "now": P})),
            "Enter the payment date and time."
        );
        assert_eq!(
            message(
                json!({"kind": "course", "paid_at": P, "now": P, "cancelled_at": "2024-01-01T00:00:00Z"})
            ),
            "The cancellation can't be before the payment."
        );
        assert_eq!(
            message(json!({"kind": "course", "paid_at": "2023-02-29T00:00:00Z", "now": P})),
            "That date doesn't exist: check the payment date and time."
        );
        assert_eq!(
            message(json!({"kind": "course", "paid_at": P, "now": P, "custom_window_days": 20})),
            "A refund window stated at sign-up can be at most 14 days for this purchase."
        );
        let all = [
            RefundError::NotJson,
            RefundError::NotAnObject,
            RefundError::MissingField { field: "kind" },
            RefundError::MissingField { field: "now" },
            RefundError::NotYesOrNo {
                field: "pre_enrolled",
            },
            RefundError::NotYesOrNo {
                field: "honor_code_violation",
            },
            RefundError::InvalidTimestamp {
                field: "now",
                problem: None,
            },
            RefundError::InvalidTimestamp {
                field: "now",
                problem: Some(TimeError::NoSuchTime),
            },
            RefundError::UnknownKind,
            RefundError::UnknownVia,
            RefundError::InvalidCustomWindow,
            RefundError::NegativeCustomWindow,
            RefundError::CustomWindowExceedsStandard { max_days: 1 },
            RefundError::NowBeforePayment,
            RefundError::CertificateBeforePayment,
            RefundError::CertificateAfterNow,
            RefundError::CancelledBeforePayment,
            RefundError::CancelledAfterNow,
        ];
        let mut messages = std::collections::BTreeSet::new();
        for error in &all {
            let text = error.to_string();
            assert!(text.ends_with('.') || text.ends_with('?'), "{text}");
            // Only the messages for a malformed request (a developer's mistake, never the
            // calculator's) name the contract's fields.
            let for_developers = matches!(error, RefundError::NotJson | RefundError::NotAnObject);
            assert_eq!(text.contains('_'), for_developers, "{text}");
            messages.insert(text);
            let json = error.to_json();
            assert_eq!(json["error"], json!(error.code()));
            assert_eq!(json["field"], json!(error.field()));
        }
        assert_eq!(messages.len(), all.len(), "each message is specific");
    }

    // -----------------------------------------------------------------------------------
    // Output
    // -----------------------------------------------------------------------------------

    #[test]
    fn decision_json_shape() {
        let out = evaluate_str(
            &json!({"kind": "course", "paid_at": P, "now": "2024-03-11T08:00:00Z"}).to_string(),
            &RefundPolicy::default(),
        );
        assert_eq!(
            out,
            json!({
                "eligible": true,
                "outcome": "full_refund",
                "deadline": P_PLUS_14,
                "reason": "You paid on 2024-03-01 at 12:00 UTC. Courses can be refunded for 14 \
                           days after payment, so the window closes on 2024-03-15 at 12:00 UTC. \
                           On 2024-03-11 at 08:00 UTC it is still open (4 days 4 hours left), \
                           so a full refund is due.",
                "clause": "courses-and-specializations",
                "as_of": "2024-03-11T08:00:00Z",
                "seconds_left": 4 * 86_400 + 4 * 3600,
                "policy_version": DEFAULT_POLICY_VERSION,
                "policy_effective": DEFAULT_POLICY_EFFECTIVE,
            })
        );
        let deferred = evaluate_str(
            &json!({"kind": "degree", "paid_at": P, "now": P}).to_string(),
            &RefundPolicy::default(),
        );
        assert_eq!(deferred["eligible"], Value::Null);
        assert_eq!(deferred["deadline"], Value::Null);
        assert_eq!(deferred["seconds_left"], Value::Null);
        assert_eq!(deferred["as_of"], json!(P));
    }

    #[test]
    fn reasons_name_the_dates_that_decided() {
        let reason = |input: Value| run(&input).unwrap().reason;
        let r = reason(
            json!({"kind": "course", "paid_at": "2024-03-01T12:00:30Z", "now": "2024-03-20T00:00:00Z"}),
        );
        assert!(
            r.contains("2024-03-01 at 12:00:30 UTC") && r.contains("has closed"),
            "{r}"
        );
        let r = reason(
            json!({"kind": "course", "paid_at": P, "now": "2024-04-10T00:00:00Z",
                              "pre_enrolled": true, "launch_at": "2024-04-01T00:00:00Z"}),
        );
        assert!(
            r.contains("launched on 2024-04-01 at 00:00 UTC") && r.contains("can too"),
            "{r}"
        );
        let r = reason(
            json!({"kind": "specialization", "paid_at": P, "now": "2024-03-06T00:00:00Z",
                              "certificate_earned_at": "2024-03-05T00:00:00Z"}),
        );
        assert!(
            r.contains("first Course Certificate") && r.contains("closed the refund window"),
            "{r}"
        );
        let r = reason(
            json!({"kind": "course", "paid_at": P, "now": "2024-04-01T00:00:00Z",
                              "cancelled_at": "2024-03-10T00:00:00Z"}),
        );
        assert!(
            r.contains("You cancelled on 2024-03-10 at 00:00 UTC, 5 days 12 hours before"),
            "{r}"
        );
        let r = reason(json!({"kind": "plus_subscription", "paid_at": P, "now": P,
                              "free_trial_ends_at": "2024-03-08T00:00:00Z"}));
        assert!(r.contains("free trial instead of a refund period"), "{r}");
        let r = reason(json!({"kind": "course", "via": "google_play", "paid_at": P, "now": P}));
        assert!(r.contains("Google Play"), "{r}");
        let r = reason(json!({"kind": "course", "paid_at": P, "now": P, "custom_window_days": 1}));
        assert!(
            r.contains("shorter refund period at sign-up: 1 day after payment"),
            "{r}"
        );
        for kind in KIND_NAMES {
            let r = reason(json!({"kind": kind, "paid_at": P, "now": P}));
            assert!(
                !r.is_empty() && !r.contains("  ") && !r.contains('_'),
                "{kind}: {r}"
            );
        }
    }

    #[test]
    fn durations_for_the_ui() {
        for (seconds, text) in [
            (i64::MIN, "less than a minute"),
            (-5, "less than a minute"),
            (0, "less than a minute"),
            (59, "less than a minute"),
            (60, "1 minute"),
            (119, "1 minute"),
            (3599, "59 minutes"),
            (3600, "1 hour"),
            (3660, "1 hour 1 minute"),
            (5 * 3600 + 2 * 60 + 59, "5 hours 2 minutes"),
            (86_399, "23 hours 59 minutes"),
            (86_400, "1 day"),
            (86_400 + 59 * 60, "1 day"),
            (3 * 86_400 + 4 * 3600, "3 days 4 hours"),
            (14 * 86_400 - 1, "13 days 23 hours"),
            (i64::MAX, "106751991167300 days 15 hours"),
        ] {
            assert_eq!(format_duration(seconds), text, "{seconds}");
        }
    }

    // -----------------------------------------------------------------------------------
    // Policies
    // -----------------------------------------------------------------------------------

    #[test]
    fn default_policy_matches_the_contract_limits() {
        let policy = RefundPolicy::default();
        assert_eq!(policy.standard_window_days, 14);
        for kind in Kind::ALL {
            let expected = match kind {
                Kind::Course | Kind::Specialization => Some(14),
                _ => None,
            };
            assert_eq!(policy.custom_window_limit(kind), expected, "{kind:?}");
            assert_eq!(Kind::from_name(kind.as_str()), Some(kind));
        }
        for via in Via::ALL {
            assert_eq!(Via::from_name(via.as_str()), Some(via));
        }
        assert_eq!(
            KIND_NAMES.map(|n| Kind::from_name(n).map(Kind::as_str)),
            KIND_NAMES.map(Some)
        );
        assert!(parse_date(&policy.effective).is_ok());
    }

    #[test]
    fn override_with_a_30_day_window() {
        let policy = RefundPolicy::from_json(&json!({
            "version": "3.0", "effective": "2026-09-01", "standard_window_days": 30
        }))
        .unwrap();
        let decision = evaluate(
            &json!({"kind": "course", "paid_at": P, "now": "2024-03-20T00:00:00Z"}),
            &policy,
        )
        .unwrap();
        assert_eq!(
            (decision.eligible, decision.deadline),
            (Some(true), Some(ts("2024-03-31T12:00:00Z")))
        );
        assert_eq!(
            (
                decision.policy_version.as_str(),
                decision.policy_effective.as_str()
            ),
            ("3.0", "2026-09-01")
        );
        assert!(decision.reason.contains("30 days"));
        for kind in ["specialization", "plus_subscription"] {
            let d = evaluate(&json!({"kind": kind, "paid_at": P, "now": P}), &policy).unwrap();
            assert_eq!(d.deadline, Some(ts("2024-03-31T12:00:00Z")), "{kind}");
        }
        // Pre-enrolment uses the policy's window too.
        let pre = json!({"kind": "course", "paid_at": P, "now": P, "pre_enrolled": true,
                         "launch_at": "2024-04-01T00:00:00Z"});
        assert_eq!(
            contract_with(&pre, &policy).unwrap().2.as_deref(),
            Some("2024-05-01T00:00:00Z")
        );
        // Stated shorter windows may now go up to 30 days.
        let stated = json!({"kind": "course", "paid_at": P, "now": P, "custom_window_days": 30});
        assert!(evaluate(&stated, &policy).is_ok());
        assert_eq!(
            evaluate(&with(&stated, json!({"custom_window_days": 31})), &policy).unwrap_err(),
            RefundError::CustomWindowExceedsStandard { max_days: 30 }
        );
    }

    #[test]
    fn override_per_kind_rules() {
        let policy = RefundPolicy::from_json(&json!({
            "via": {"app_store": "kind_rules"},
            "kinds": {
                "course": {"window_days": 7, "certificate_ends_window": false},
                "specialization": {"max_custom_window_days": 5},
                "guided_project": {"treatment": "window", "custom_window": "shorter"},
                "other": {"max_custom_window_days": 60, "clause": "misc"},
                "degree": {"treatment": "organization"},
                "plus_subscription": {"free_trial_replaces_window": false, "treatment": "marketplace"}
            },
            "clauses": {"shorter_windows": "short-ones"}
        }))
        .unwrap();
        let eval =
            |extra: Value| contract_with(&with(&json!({"paid_at": P, "now": P}), extra), &policy);
        assert_eq!(
            eval(json!({"kind": "course"})),
            Ok((FULL, "full_refund", Some("2024-03-08T12:00:00Z".into())))
        );
        assert_eq!(
            eval(json!({"kind": "course", "via": "app_store"})),
            Ok((FULL, "full_refund", Some("2024-03-08T12:00:00Z".into())))
        );
        assert_eq!(
            eval(json!({"kind": "course", "via": "google_play"})),
            Ok((None, "marketplace_policy", None))
        );
        assert_eq!(
            eval(json!({"kind": "course", "certificate_earned_at": P})),
            Ok((FULL, "full_refund", Some("2024-03-08T12:00:00Z".into())))
        );
        assert_eq!(
            eval(json!({"kind": "course", "custom_window_days": 8})),
            Err("custom_window_exceeds_standard")
        );
        assert_eq!(
            eval(json!({"kind": "specialization", "custom_window_days": 6})),
            Err("custom_window_exceeds_standard")
        );
        assert_eq!(
            eval(json!({"kind": "specialization"})),
            Ok((FULL, "full_refund", Some(P_PLUS_14.into())))
        );
        assert_eq!(
            eval(json!({"kind": "guided_project"})),
            Ok((FULL, "full_refund", Some(P_PLUS_14.into())))
        );
        assert_eq!(
            eval(json!({"kind": "other", "custom_window_days": 61})),
            Err("custom_window_exceeds_standard")
        );
        assert_eq!(
            eval(json!({"kind": "degree"})),
            Ok((None, "organization_contract", None))
        );
        assert_eq!(
            eval(json!({"kind": "plus_subscription"})),
            Ok((None, "marketplace_policy", None))
        );
        let other = evaluate(
            &json!({"kind": "other", "paid_at": P, "now": P, "custom_window_days": 60}),
            &policy,
        )
        .unwrap();
        assert_eq!(other.clause, "misc");
        let short = evaluate(
            &json!({"kind": "guided_project", "paid_at": P, "now": P, "custom_window_days": 2}),
            &policy,
        )
        .unwrap();
        assert_eq!(short.clause, "short-ones");
    }

    #[test]
    fn partial_overrides_start_from_the_default() {
        assert_eq!(
            RefundPolicy::from_json(&json!({})),
            Ok(RefundPolicy::default())
        );
        assert_eq!(
            RefundPolicy::from_json(&json!({"kinds": {}, "via": {}, "clauses": {}})),
            Ok(RefundPolicy::default())
        );
        let policy =
            RefundPolicy::from_json(&json!({"kinds": {"course": {"window_days": 10}}})).unwrap();
        let mut expected = RefundPolicy::default();
        expected.kinds.course.window_days = Some(10);
        assert_eq!(policy, expected);
        // null resets a nullable window to "the standard one".
        let policy =
            RefundPolicy::from_json(&json!({"kinds": {"course": {"window_days": null}}})).unwrap();
        assert_eq!(policy, RefundPolicy::default());
    }

    #[test]
    fn policy_json_round_trips() {
        let default = RefundPolicy::default();
        let json = default.to_json();
        assert_eq!(RefundPolicy::from_json(&json), Ok(default.clone()));
        assert_eq!(json["standard_window_days"], json!(14));
        assert_eq!(json["kinds"].as_object().unwrap().len(), 8);
        assert_eq!(
            json["kinds"]["course"].as_object().unwrap().len(),
            KIND_POLICY_KEYS.len()
        );
        assert_eq!(json["kinds"]["other"]["custom_window"], json!("required"));
        assert_eq!(json["via"]["google_play"], json!("marketplace"));
        assert_eq!(
            json["clauses"].as_object().unwrap().len(),
            CLAUSE_KEYS.len()
        );
        let mut changed = default;
        changed.version = "9".into();
        changed.kinds.other.max_custom_window_days = Some(3650);
        changed.via.direct = ViaTreatment::Organization;
        assert_eq!(RefundPolicy::from_json(&changed.to_json()), Ok(changed));
    }

    #[test]
    fn invalid_overrides_say_what_to_fix() {
        let cases: Vec<(Value, &str, &str)> = vec![
            (
                json!([]),
                "",
                "the policy override must be a JSON object, not a list",
            ),
            (
                json!({"standard_window": 30}),
                "standard_window",
                "`standard_window` is not a policy setting; the settings here are: version, \
                 effective, standard_window_days, via, kinds, clauses",
            ),
            (
                json!({"standard_window_days": 3651}),
                "standard_window_days",
                "`standard_window_days` must be a whole number of days from 0 to 3650, not 3651",
            ),
            (
                json!({"standard_window_days": -1}),
                "standard_window_days",
                "`standard_window_days` must be a whole number of days from 0 to 3650, not -1",
            ),
            (
                json!({"standard_window_days": 14.0}),
                "standard_window_days",
                "`standard_window_days` must be a whole number of days from 0 to 3650, not 14.0",
            ),
            (
                json!({"standard_window_days": "14"}),
                "standard_window_days",
                "`standard_window_days` must be a whole number of days from 0 to 3650, not \"14\"",
            ),
            (
                json!({"standard_window_days": null}),
                "standard_window_days",
                "`standard_window_days` must be a whole number of days from 0 to 3650, not null",
            ),
            (
                json!({"kinds": {"course": {"window_days": 4000}}}),
                "kinds.course.window_days",
                "`kinds.course.window_days` must be a whole number of days from 0 to 3650, or null, not 4000",
            ),
            (
                json!({"kinds": {"courses": {}}}),
                "kinds.courses",
                "`kinds.courses` is not a policy setting; the settings here are: subscription_monthly, \
                 plus_subscription, course, specialization, guided_project, degree, \
                 university_certificate, other",
            ),
            (
                json!({"kinds": {"course": {"windowdays": 7}}}),
                "kinds.course.windowdays",
                "`kinds.course.windowdays` is not a policy setting; the settings here are: treatment, \
                 window_days, custom_window, max_custom_window_days, certificate_ends_window, \
                 free_trial_replaces_window, pre_enrolment, clause",
            ),
            (
                json!({"kinds": {"course": 7}}),
                "kinds.course",
                "`kinds.course` must be a JSON object, not 7",
            ),
            (
                json!({"kinds": {"course": {"treatment": "refund"}}}),
                "kinds.course.treatment",
                "`kinds.course.treatment` must be one of window, no_refund, partner, marketplace, \
                 organization, not \"refund\"",
            ),
            (
                json!({"kinds": {"other": {"custom_window": true}}}),
                "kinds.other.custom_window",
                "`kinds.other.custom_window` must be one of ignored, shorter, required, not true",
            ),
            (
                json!({"kinds": {"course": {"pre_enrolment": "yes"}}}),
                "kinds.course.pre_enrolment",
                "`kinds.course.pre_enrolment` must be true or false, not \"yes\"",
            ),
            (
                json!({"kinds": {"course": {"clause": "Courses & Specializations"}}}),
                "kinds.course.clause",
                "`kinds.course.clause` must be a section id of 1 to 64 lowercase letters, digits and \
                 inner hyphens, like \"courses-and-specializations\", not \"Courses & Specializations\"",
            ),
            (
                json!({"via": {"itunes": "marketplace"}}),
                "via.itunes",
                "`via.itunes` is not a policy setting; the settings here are: direct, app_store, \
                 google_play, organization",
            ),
            (
                json!({"via": {"app_store": "apple"}}),
                "via.app_store",
                "`via.app_store` must be one of kind_rules, marketplace, organization, not \"apple\"",
            ),
            (
                json!({"clauses": {"violation": "x"}}),
                "clauses.violation",
                "`clauses.violation` is not a policy setting; the settings here are: measurement, \
                 pre_enrolment, shorter_windows, marketplaces, organizations, violations",
            ),
            (
                json!({"clauses": {"violations": "-x"}}),
                "clauses.violations",
                "`clauses.violations` must be a section id of 1 to 64 lowercase letters, digits and \
                 inner hyphens, like \"courses-and-specializations\", not \"-x\"",
            ),
            (
                json!({"version": ""}),
                "version",
                "`version` must be a non-empty, single-line string of at most 64 characters, not an empty string",
            ),
            (
                json!({"version": 2}),
                "version",
                "`version` must be a non-empty, single-line string of at most 64 characters, not 2",
            ),
            (
                json!({"effective": "2023-02-29"}),
                "effective",
                "`effective` must be a date written YYYY-MM-DD, not \"2023-02-29\" (that date does not exist)",
            ),
            (
                json!({"effective": "1 Jan 2020"}),
                "effective",
                "`effective` must be a date written YYYY-MM-DD, not \"1 Jan 2020\"",
            ),
            (
                json!({"clauses": []}),
                "clauses",
                "`clauses` must be a JSON object, not a list",
            ),
        ];
        for (value, field, message) in cases {
            let error = RefundPolicy::from_json(&value).unwrap_err();
            assert_eq!(error.field(), field, "{value}");
            assert_eq!(error.to_string(), message, "{value}");
        }
        let long = "x".repeat(100);
        let error = RefundPolicy::from_json(&json!({"version": long})).unwrap_err();
        assert!(
            error
                .to_string()
                .ends_with("characters, not \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"…"),
            "{error}"
        );
    }

    // -----------------------------------------------------------------------------------
    // Properties
    // -----------------------------------------------------------------------------------

    #[test]
    fn wrong_json_types_keep_their_codes_fields_and_messages() {
        let base = json!({"kind": "course", "paid_at": P, "now": P});
        let cases: Vec<(Value, &str, Option<&str>, &str)> = vec![
            (
                json!([base.clone()]),
                "missing_field",
                None,
                "The request must be a JSON object with kind, paid_at and now.",
            ),
            (
                json!({"kind": null, "paid_at": 1}),
                "missing_field",
                Some("kind"),
                "Choose what was bought.",
            ),
            (
                json!({"kind": 3, "paid_at": 1}),
                "missing_field",
                Some("now"),
                "Enter the date and time to judge at.",
            ),
            (
                with(&base, json!({"pre_enrolled": "true", "paid_at": 5})),
                "missing_field",
                Some("pre_enrolled"),
                "Answer yes or no: was it paid for before it launched (pre-enrolment)?",
            ),
            (
                with(&base, json!({"honor_code_violation": 1})),
                "missing_field",
                Some("honor_code_violation"),
                "Answer yes or no: has a violation of the Terms, Acceptable Use Policy or Honor Code been confirmed?",
            ),
            (
                with(&base, json!({"paid_at": 20240301, "kind": 3})),
                "invalid_timestamp",
                Some("paid_at"),
                "Enter the payment date and time in UTC, written like 2024-03-01T12:00:00Z.",
            ),
            (
                with(&base, json!({"now": "2023-02-29T00:00:00Z"})),
                "invalid_timestamp",
                Some("now"),
                "That date doesn't exist: check the date and time to judge at.",
            ),
            (
                with(&base, json!({"launch_at": {"at": P}})),
                "invalid_timestamp",
                Some("launch_at"),
                "Enter the launch date and time in UTC, written like 2024-03-01T12:00:00Z.",
            ),
            (
                with(&base, json!({"cancelled_at": [P]})),
                "invalid_timestamp",
                Some("cancelled_at"),
                "Enter the cancellation date and time in UTC, written like 2024-03-01T12:00:00Z.",
            ),
            (
                with(&base, json!({"kind": ["course"], "via": 1})),
                "unknown_kind",
                Some("kind"),
                "Choose what was bought: a monthly subscription, a Plus subscription, a course, a Specialization, a guided project, a degree, a university certificate or another service.",
            ),
            (
                with(&base, json!({"kind": {"course": null}})),
                "unknown_kind",
                Some("kind"),
                "Choose what was bought: a monthly subscription, a Plus subscription, a course, a Specialization, a guided project, a degree, a university certificate or another service.",
            ),
            (
                with(&base, json!({"kind": "Course"})),
                "unknown_kind",
                Some("kind"),
                "Choose what was bought: a monthly subscription, a Plus subscription, a course, a Specialization, a guided project, a degree, a university certificate or another service.",
            ),
            (
                with(&base, json!({"via": {"app_store": null}})),
                "unknown_via",
                Some("via"),
                "Choose how it was bought: directly, through the App Store, through Google Play or through an organization.",
            ),
            (
                with(&base, json!({"via": true, "custom_window_days": "3"})),
                "unknown_via",
                Some("via"),
                "Choose how it was bought: directly, through the App Store, through Google Play or through an organization.",
            ),
            (
                with(&base, json!({"custom_window_days": "3"})),
                "invalid_custom_window",
                Some("custom_window_days"),
                "Enter the refund window stated at sign-up as a whole number of days.",
            ),
            (
                with(&base, json!({"custom_window_days": 3.0})),
                "invalid_custom_window",
                Some("custom_window_days"),
                "Enter the refund window stated at sign-up as a whole number of days.",
            ),
            (
                with(&base, json!({"custom_window_days": -0.0})),
                "invalid_custom_window",
                Some("custom_window_days"),
                "Enter the refund window stated at sign-up as a whole number of days.",
            ),
            (
                with(&base, json!({"custom_window_days": -3})),
                "negative_custom_window",
                Some("custom_window_days"),
                "The refund window stated at sign-up can't be negative.",
            ),
            (
                with(&base, json!({"custom_window_days": i64::MIN})),
                "negative_custom_window",
                Some("custom_window_days"),
                "The refund window stated at sign-up can't be negative.",
            ),
            (
                with(&base, json!({"custom_window_days": u64::MAX})),
                "custom_window_exceeds_standard",
                Some("custom_window_days"),
                "A refund window stated at sign-up can be at most 14 days for this purchase.",
            ),
        ];
        for (input, code, field, message) in cases {
            let error = run(&input).unwrap_err();
            assert_eq!(error.code(), code, "{input}");
            assert_eq!(error.field(), field, "{input}");
            assert_eq!(error.to_string(), message, "{input}");
            assert_eq!(
                error.to_json(),
                json!({"error": code, "field": field, "message": message})
            );
        }
        // Unknown fields are ignored, and null is a default.
        let decision = run(&with(
            &base,
            json!({"extra": {"any": []}, "via": null, "pre_enrolled": null, "custom_window_days": null}),
        ))
        .unwrap();
        assert_eq!(decision.outcome, Outcome::FullRefund);
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// 0000-01-01T00:00:00Z ..= 9999-12-31T23:59:59Z.
        const FIRST: i64 = -62_167_219_200;
        const LAST: i64 = 253_402_300_799;
        const DAY: i64 = 86_400;

        fn secs(s: i64) -> DateTime<Utc> {
            DateTime::from_timestamp(s, 0).unwrap()
        }

        fn instant() -> impl Strategy<Value = DateTime<Utc>> {
            (FIRST..=LAST).prop_map(secs)
        }

        /// A string that is a valid timestamp near `base`, most of the time.
        fn near(base: DateTime<Utc>) -> impl Strategy<Value = DateTime<Utc>> {
            prop_oneof![
                (-40 * DAY..=40 * DAY),
                (-3i64..=3),
                (-3i64..=3).prop_map(|s| 14 * DAY + s),
            ]
            .prop_map(move |offset| secs((base.timestamp() + offset).clamp(FIRST, LAST)))
        }

        #[derive(Debug, Clone)]
        struct Input {
            kind: &'static str,
            via: Option<&'static str>,
            paid_at: DateTime<Utc>,
            now: DateTime<Utc>,
            pre_enrolled: Option<bool>,
            launch_at: Option<DateTime<Utc>>,
            certificate_earned_at: Option<DateTime<Utc>>,
            custom_window_days: Option<u64>,
            honor_code_violation: Option<bool>,
            free_trial_ends_at: Option<DateTime<Utc>>,
            cancelled_at: Option<DateTime<Utc>>,
        }

        impl Input {
            fn to_json(&self) -> Value {
                let mut map = Map::new();
                map.insert("kind".into(), json!(self.kind));
                map.insert("paid_at".into(), json!(at(self.paid_at)));
                map.insert("now".into(), json!(at(self.now)));
                let mut put = |key: &str, value: Option<Value>| {
                    if let Some(value) = value {
                        map.insert(key.into(), value);
                    }
                };
                put("via", self.via.map(|v| json!(v)));
                put("pre_enrolled", self.pre_enrolled.map(|v| json!(v)));
                put("launch_at", self.launch_at.map(|t| json!(at(t))));
                put(
                    "certificate_earned_at",
                    self.certificate_earned_at.map(|t| json!(at(t))),
                );
                put(
                    "custom_window_days",
                    self.custom_window_days.map(|v| json!(v)),
                );
                put(
                    "honor_code_violation",
                    self.honor_code_violation.map(|v| json!(v)),
                );
                put(
                    "free_trial_ends_at",
                    self.free_trial_ends_at.map(|t| json!(at(t))),
                );
                put("cancelled_at", self.cancelled_at.map(|t| json!(at(t))));
                Value::Object(map)
            }
        }

        fn inputs() -> impl Strategy<Value = Input> {
            instant().prop_flat_map(|paid_at| {
                (
                    prop::sample::select(KIND_NAMES.to_vec()),
                    prop::option::weighted(0.2, prop::sample::select(VIA_NAMES.to_vec())),
                    Just(paid_at),
                    near(paid_at),
                    prop::option::of(any::<bool>()),
                    prop::option::of(near(paid_at)),
                    prop::option::weighted(0.3, near(paid_at)),
                    prop::option::weighted(0.4, prop_oneof![0u64..=20, 0u64..=5000, any::<u64>()]),
                    prop::option::weighted(0.1, any::<bool>()),
                    prop::option::weighted(0.2, near(paid_at)),
                    prop::option::weighted(0.3, near(paid_at)),
                )
                    .prop_map(
                        |(
                            kind,
                            via,
                            paid_at,
                            now,
                            pre,
                            launch,
                            cert,
                            custom,
                            violation,
                            trial,
                            cancel,
                        )| {
                            Input {
                                kind,
                                via,
                                paid_at,
                                now,
                                pre_enrolled: pre,
                                launch_at: launch,
                                certificate_earned_at: cert,
                                custom_window_days: custom,
                                honor_code_violation: violation,
                                free_trial_ends_at: trial,
                                cancelled_at: cancel,
                            }
                        },
                    )
            })
        }

        fn policies() -> impl Strategy<Value = RefundPolicy> {
            let treatment = prop::sample::select(vec![
                KindTreatment::Window,
                KindTreatment::Window,
                KindTreatment::NoRefund,
                KindTreatment::Partner,
                KindTreatment::Marketplace,
                KindTreatment::Organization,
            ]);
            let custom = prop::sample::select(vec![
                CustomWindow::Ignored,
                CustomWindow::Shorter,
                CustomWindow::Required,
            ]);
            let days = prop::option::of(0u32..=MAX_POLICY_WINDOW_DAYS);
            let kind = (treatment, days.clone(), custom, days, any::<[bool; 3]>()).prop_map(
                |(treatment, window_days, custom_window, max_custom, [cert, trial, pre])| {
                    KindPolicy {
                        treatment,
                        window_days,
                        custom_window,
                        max_custom_window_days: max_custom,
                        certificate_ends_window: cert,
                        free_trial_replaces_window: trial,
                        pre_enrolment: pre,
                        clause: "section".to_owned(),
                    }
                },
            );
            let via = prop::sample::select(vec![
                ViaTreatment::KindRules,
                ViaTreatment::Marketplace,
                ViaTreatment::Organization,
            ]);
            (
                0u32..=MAX_POLICY_WINDOW_DAYS,
                prop::collection::vec(kind, 8),
                prop::collection::vec(via, 4),
                "[0-9a-z.]{1,10}",
            )
                .prop_map(|(standard, kinds, vias, version)| {
                    let mut policy = RefundPolicy {
                        version,
                        standard_window_days: standard,
                        ..RefundPolicy::default()
                    };
                    for (kind, rules) in Kind::ALL.into_iter().zip(kinds) {
                        *policy.kinds.get_mut(kind) = rules;
                    }
                    for (via, treatment) in Via::ALL.into_iter().zip(vias) {
                        *policy.via.get_mut(via) = treatment;
                    }
                    policy
                })
        }

        fn contract_key() -> impl Strategy<Value = String> {
            prop_oneof![
                3 => prop::sample::select(vec![
                    "kind", "paid_at", "now", "via", "pre_enrolled", "launch_at",
                    "certificate_earned_at", "custom_window_days", "honor_code_violation",
                    "free_trial_ends_at", "cancelled_at",
                ])
                .prop_map(str::to_owned),
                1 => any::<String>(),
            ]
        }

        fn any_json() -> impl Strategy<Value = Value> {
            let leaf = prop_oneof![
                Just(Value::Null),
                any::<bool>().prop_map(Value::Bool),
                any::<i64>().prop_map(Value::from),
                any::<u64>().prop_map(Value::from),
                (-100i64..100).prop_map(Value::from),
                any::<f64>().prop_map(Value::from),
                any::<String>().prop_map(Value::String),
                instant().prop_map(|t| Value::String(at(t))),
                prop::sample::select(KIND_NAMES.to_vec()).prop_map(Value::from),
                prop::sample::select(VIA_NAMES.to_vec()).prop_map(Value::from),
            ];
            leaf.prop_recursive(4, 64, 12, |inner| {
                prop_oneof![
                    prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                    prop::collection::vec((contract_key(), inner), 0..12)
                        .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
                ]
            })
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

            #[test]
            fn eligible_exactly_before_the_deadline(input in inputs()) {
                if let Ok(decision) = run(&input.to_json()) {
                    let as_of = input.cancelled_at.unwrap_or(input.now);
                    prop_assert_eq!(decision.as_of, as_of);
                    if let Some(deadline) = decision.deadline {
                        prop_assert_eq!(decision.eligible, Some(as_of < deadline));
                        prop_assert!(deadline >= input.paid_at);
                        prop_assert!(deadline <= LAST_WRITABLE_INSTANT);
                    }
                    match decision.eligible {
                        Some(true) => {
                            prop_assert_eq!(decision.outcome, Outcome::FullRefund);
                            prop_assert_eq!(
                                decision.seconds_left,
                                decision.deadline.map(|d| (d - as_of).num_seconds())
                            );
                            prop_assert!(decision.seconds_left.is_none_or(|s| s > 0));
                        }
                        _ => prop_assert_eq!(decision.seconds_left, None),
                    }
                }
            }

            #[test]
            fn deadline_never_later_than_the_longest_window(input in inputs()) {
                if let Ok(decision) = run(&input.to_json())
                    && let Some(deadline) = decision.deadline
                {
                        let pre = matches!(input.kind, "course" | "specialization")
                            && input.pre_enrolled == Some(true)
                            && input.custom_window_days.is_none();
                        let anchor = match input.launch_at {
                            Some(launch) if pre && launch > input.paid_at => launch,
                            _ => input.paid_at,
                        };
                        let days = match (input.kind, input.custom_window_days) {
                            ("other", Some(n)) => n,
                            ("course" | "specialization", Some(n)) => n.min(14),
                            _ => 14,
                        };
                        let open_ended = pre && input.launch_at.is_none();
                        if open_ended {
                            // Pre-enrolled without a launch date: the window has no end
                            // until a certificate closes it.
                            prop_assert_eq!(Some(deadline), input.certificate_earned_at);
                        } else {
                            prop_assert!(deadline <= after_days(anchor, days));
                        }
                        if input.kind == "other" {
                            prop_assert_eq!(
                                Some(deadline),
                                input.custom_window_days.map(|n| after_days(input.paid_at, n))
                            );
                        }
                }
            }

            #[test]
            fn the_json_path_agrees(input in inputs()) {
                let value = input.to_json();
                let expected = match run(&value) {
                    Ok(decision) => decision.to_json(),
                    Err(error) => error.to_json(),
                };
                prop_assert_eq!(evaluate_str(&value.to_string(), &RefundPolicy::default()), expected);
            }

            #[test]
            fn any_policy_any_input(policy in policies(), input in inputs()) {
                match evaluate(&input.to_json(), &policy) {
                    Ok(decision) => {
                        let as_of = input.cancelled_at.unwrap_or(input.now);
                        if let Some(deadline) = decision.deadline {
                            prop_assert_eq!(decision.eligible, Some(as_of < deadline));
                            let longest = u64::from(policy.standard_window_days.max(MAX_POLICY_WINDOW_DAYS))
                                .max(input.custom_window_days.unwrap_or(0));
                            let anchor = input.launch_at.unwrap_or(input.paid_at).max(input.paid_at);
                            prop_assert!(deadline <= after_days(anchor, longest));
                        }
                        prop_assert_eq!(decision.policy_version, policy.version.clone());
                    }
                    Err(error) => prop_assert!(!error.code().is_empty()),
                }
                prop_assert_eq!(RefundPolicy::from_json(&policy.to_json()), Ok(policy));
            }

            #[test]
            fn any_json_value_is_ok_or_err(value in any_json()) {
                let result = run(&value);
                let text = value.to_string();
                let out = evaluate_str(&text, &RefundPolicy::default());
                match result {
                    Ok(decision) => prop_assert_eq!(out, decision.to_json()),
                    Err(error) => {
                        prop_assert_eq!(&out["error"], &json!(error.code()));
                        prop_assert!(error.to_string().len() > 10);
                    }
                }
                // Also as a policy override: accepted or refused with a message, never a panic.
                if let Err(error) = RefundPolicy::from_json(&value) {
                    prop_assert!(!error.to_string().is_empty());
                }
            }

            #[test]
            fn any_string_is_answered(text in any::<String>()) {
                let out = evaluate_str(&text, &RefundPolicy::default());
                prop_assert!(out.get("error").is_some() || out.get("outcome").is_some());
            }

            #[test]
            fn any_almost_valid_text_is_answered(
                input in inputs(),
                cut in any::<prop::sample::Index>(),
                junk in any::<String>(),
            ) {
                let text = input.to_json().to_string();
                let mut at_char = cut.index(text.len() + 1);
                while !text.is_char_boundary(at_char) {
                    at_char -= 1;
                }
                let mangled = format!("{}{}{}", &text[..at_char], junk, &text[at_char..]);
                let out = evaluate_str(&mangled, &RefundPolicy::default());
                prop_assert!(out.get("error").is_some() || out.get("outcome").is_some());
            }

            #[test]
            fn durations_never_panic(seconds in any::<i64>()) {
                prop_assert!(!format_duration(seconds).is_empty());
            }
        }
    }
}
