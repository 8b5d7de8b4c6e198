//! The refund rules as data: how each channel and kind is treated, and the default policy.

use super::{Kind, Via};

/// The longest window, in days, a policy may set anywhere: ten years.
pub const MAX_POLICY_WINDOW_DAYS: u32 = 3650;

/// Version of the Refund Policy document that [`RefundPolicy::default`] implements.
pub const DEFAULT_POLICY_VERSION: &str = "2";

/// Effective date (`YYYY-MM-DD`) of the Refund Policy document that
/// [`RefundPolicy::default`] implements.
pub const DEFAULT_POLICY_EFFECTIVE: &str = "2025-09-01";

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
    pub(super) const NAMES: [&str; 3] = ["kind_rules", "marketplace", "organization"];

    /// The policy JSON name, e.g. `"kind_rules"`.
    pub fn as_str(self) -> &'static str {
        match self {
            ViaTreatment::KindRules => "kind_rules",
            ViaTreatment::Marketplace => "marketplace",
            ViaTreatment::Organization => "organization",
        }
    }

    pub(super) fn from_name(name: &str) -> Option<ViaTreatment> {
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
    pub(super) const NAMES: [&str; 5] = [
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

    pub(super) fn from_name(name: &str) -> Option<KindTreatment> {
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
    pub(super) const NAMES: [&str; 3] = ["ignored", "shorter", "required"];

    /// The policy JSON name, e.g. `"shorter"`.
    pub fn as_str(self) -> &'static str {
        match self {
            CustomWindow::Ignored => "ignored",
            CustomWindow::Shorter => "shorter",
            CustomWindow::Required => "required",
        }
    }

    pub(super) fn from_name(name: &str) -> Option<CustomWindow> {
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

    pub(super) fn get_mut(&mut self, via: Via) -> &mut ViaTreatment {
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
}
