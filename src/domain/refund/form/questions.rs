//! The questions: which ones the form asks for a purchase, and their labels.

use crate::catalog::{Catalog, Msg};
use crate::domain::refund::{
    CustomWindow, Kind, KindTreatment, RefundError, RefundPolicy, Via, ViaTreatment,
};

/// A question of the form, named after the contract field it fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FormField {
    /// What was bought (`kind`).
    Kind,
    /// Where it was paid (`via`).
    Via,
    /// When it was paid (`paid_at`); also where "the payment is in the future" is shown.
    PaidAt,
    /// Paid before launch (`pre_enrolled`).
    PreEnrolled,
    /// The launch date (`launch_at`).
    LaunchAt,
    /// When the certificate was earned (`certificate_earned_at`).
    CertificateEarnedAt,
    /// A window stated at sign-up, or for the service (`custom_window_days`).
    CustomWindowDays,
    /// When the free trial ends (`free_trial_ends_at`).
    FreeTrialEndsAt,
    /// When the learner cancelled or asked (`cancelled_at`).
    CancelledAt,
    /// A confirmed violation (`honor_code_violation`).
    HonorCodeViolation,
}

impl FormField {
    /// Every question, in the order the form asks them.
    pub const ALL: [FormField; 10] = [
        FormField::Kind,
        FormField::Via,
        FormField::PaidAt,
        FormField::PreEnrolled,
        FormField::LaunchAt,
        FormField::CertificateEarnedAt,
        FormField::CustomWindowDays,
        FormField::FreeTrialEndsAt,
        FormField::CancelledAt,
        FormField::HonorCodeViolation,
    ];

    /// The contract field this question fills, e.g. `"certificate_earned_at"` (also the
    /// input's `name` in the calculator).
    pub fn name(self) -> &'static str {
        match self {
            FormField::Kind => "kind",
            FormField::Via => "via",
            FormField::PaidAt => "paid_at",
            FormField::PreEnrolled => "pre_enrolled",
            FormField::LaunchAt => "launch_at",
            FormField::CertificateEarnedAt => "certificate_earned_at",
            FormField::CustomWindowDays => "custom_window_days",
            FormField::FreeTrialEndsAt => "free_trial_ends_at",
            FormField::CancelledAt => "cancelled_at",
            FormField::HonorCodeViolation => "honor_code_violation",
        }
    }

    /// The question for the contract field `name`, if the form asks one.
    pub fn from_name(name: &str) -> Option<FormField> {
        FormField::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The question at which to show `error`: the one for [`RefundError::field`], except
    /// that `now` is not asked (it is the current time), so "the date judged is before the
    /// payment" means the payment date is in the future and shows at [`FormField::PaidAt`].
    /// `None` when the input as a whole is unusable.
    pub fn of_error(error: &RefundError) -> Option<FormField> {
        match error.field()? {
            "now" => Some(FormField::PaidAt),
            name => FormField::from_name(name),
        }
    }

    /// A short name of the question for summaries, e.g. "Certificate date".
    pub fn label(self, cat: &Catalog) -> String {
        cat.text(match self {
            FormField::Kind => Msg::FieldKind,
            FormField::Via => Msg::FieldVia,
            FormField::PaidAt => Msg::FieldPaidAt,
            FormField::PreEnrolled => Msg::FieldPreEnrolled,
            FormField::LaunchAt => Msg::FieldLaunchAt,
            FormField::CertificateEarnedAt => Msg::FieldCertificateEarnedAt,
            FormField::CustomWindowDays => Msg::FieldCustomWindowDays,
            FormField::FreeTrialEndsAt => Msg::FieldFreeTrialEndsAt,
            FormField::CancelledAt => Msg::FieldCancelledAt,
            FormField::HonorCodeViolation => Msg::FieldHonorCodeViolation,
        })
    }
}

/// What the learner calls each kind of purchase, for the "What did you buy?" list.
/// The annual Plus subscription carries the platform's name ("Kestrel Plus (annual)").
pub fn kind_label(cat: &Catalog, kind: Kind) -> String {
    cat.text(match kind {
        Kind::SubscriptionMonthly => Msg::KindSubscriptionMonthly,
        Kind::PlusSubscription => Msg::KindPlusSubscription,
        Kind::Course => Msg::KindCourse,
        Kind::Specialization => Msg::KindSpecialization,
        Kind::GuidedProject => Msg::KindGuidedProject,
        Kind::Degree => Msg::KindDegree,
        Kind::UniversityCertificate => Msg::KindUniversityCertificate,
        Kind::Other => Msg::KindOther,
    })
}

/// What the learner calls each place to pay, for the "Where did you pay?" choices.
/// Paying directly names the platform.
pub fn via_label(cat: &Catalog, via: Via) -> String {
    cat.text(match via {
        Via::Direct => Msg::ViaDirect,
        Via::AppStore => Msg::ViaAppStore,
        Via::GooglePlay => Msg::ViaGooglePlay,
        Via::Organization => Msg::ViaOrganization,
    })
}

/// Whether the platform itself refunds `kind` bought through `via` under `policy`, by a
/// window (as opposed to never, or someone else deciding).
fn has_window(kind: Kind, via: Via, policy: &RefundPolicy) -> bool {
    policy.via.get(via) == ViaTreatment::KindRules
        && policy.kinds.get(kind).treatment == KindTreatment::Window
}

/// Whether `field` can change the answer for `kind` bought through `via` under `policy`,
/// so the calculator asks it (see the module documentation for the default policy).
pub fn applies(field: FormField, kind: Kind, via: Via, policy: &RefundPolicy) -> bool {
    let rules = policy.kinds.get(kind);
    let window = has_window(kind, via, policy);
    match field {
        FormField::Kind | FormField::Via | FormField::PaidAt => true,
        FormField::PreEnrolled | FormField::LaunchAt => window && rules.pre_enrolment,
        FormField::CertificateEarnedAt => window && rules.certificate_ends_window,
        FormField::CustomWindowDays => window && rules.custom_window != CustomWindow::Ignored,
        FormField::FreeTrialEndsAt => window && rules.free_trial_replaces_window,
        FormField::CancelledAt | FormField::HonorCodeViolation => window,
    }
}
