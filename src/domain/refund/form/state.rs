//! The form's state: the answers as typed, and the edits that change them.

use crate::domain::refund::local_time::Occurrence;
use crate::domain::refund::{Kind, RefundError, RefundPolicy, Via};

use super::{FormField, applies};

/// The learner's answers, as typed. Times are datetime-local values in the learner's zone;
/// the number of days is the text of a number input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefundForm {
    /// What was bought.
    pub kind: Kind,
    /// Where it was paid.
    pub via: Via,
    /// When it was paid (datetime-local).
    pub paid_at: String,
    /// Paid before launch.
    pub pre_enrolled: bool,
    /// The launch date (datetime-local); empty when no launch date is announced.
    pub launch_at: String,
    /// A certificate was earned with this payment.
    pub certificate_earned: bool,
    /// When the certificate was earned (datetime-local).
    pub certificate_earned_at: String,
    /// A window was stated at sign-up (or for the service).
    pub custom_window_stated: bool,
    /// The stated window in days, as typed.
    pub custom_window_days: String,
    /// The purchase came with a free trial.
    pub free_trial: bool,
    /// When the free trial ends (datetime-local).
    pub free_trial_ends_at: String,
    /// The learner already cancelled or asked for a refund.
    pub cancelled: bool,
    /// When they cancelled or asked (datetime-local).
    pub cancelled_at: String,
    /// A violation has been confirmed.
    pub honor_code_violation: bool,
    /// The time questions whose repeated wall-clock time (the clocks went back) the
    /// learner means as its second occurrence; the others mean the first.
    pub second_occurrence: Vec<FormField>,
}

impl Default for RefundForm {
    /// A course bought directly, nothing else answered yet.
    fn default() -> RefundForm {
        RefundForm {
            kind: Kind::Course,
            via: Via::Direct,
            paid_at: String::new(),
            pre_enrolled: false,
            launch_at: String::new(),
            certificate_earned: false,
            certificate_earned_at: String::new(),
            custom_window_stated: false,
            custom_window_days: String::new(),
            free_trial: false,
            free_trial_ends_at: String::new(),
            cancelled: false,
            cancelled_at: String::new(),
            honor_code_violation: false,
            second_occurrence: Vec::new(),
        }
    }
}

/// One change to the form, as the learner makes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormEdit {
    /// Chose what was bought.
    Kind(Kind),
    /// Chose where it was paid.
    Via(Via),
    /// Typed the payment date.
    PaidAt(String),
    /// Ticked or unticked "paid before launch".
    PreEnrolled(bool),
    /// Typed the launch date.
    LaunchAt(String),
    /// Ticked or unticked "earned a certificate".
    CertificateEarned(bool),
    /// Typed the certificate date.
    CertificateEarnedAt(String),
    /// Ticked or unticked "a window was stated".
    CustomWindowStated(bool),
    /// Typed the stated window in days.
    CustomWindowDays(String),
    /// Ticked or unticked "free trial".
    FreeTrial(bool),
    /// Typed the end of the free trial.
    FreeTrialEndsAt(String),
    /// Ticked or unticked "already cancelled / asked".
    Cancelled(bool),
    /// Typed the cancellation date.
    CancelledAt(String),
    /// Ticked or unticked "violation confirmed".
    HonorCodeViolation(bool),
    /// Said which of the two instants a repeated local time (the clocks went back) means
    /// at this time question. Typing another time asks again.
    Occurrence(FormField, Occurrence),
}

/// A problem with the answers, at the question it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The question to show it at.
    pub field: FormField,
    /// The contract's error (its [`RefundError::code`] is the code the JS API would give).
    pub error: RefundError,
}

impl RefundForm {
    /// Applies one edit. Answers to questions that stop applying are kept (switching the
    /// kind back shows them again) but not sent.
    pub fn apply(&mut self, edit: FormEdit) {
        // A new time at a question: whatever was said of the old one's occurrence goes.
        let typed = match &edit {
            FormEdit::PaidAt(_) => Some(FormField::PaidAt),
            FormEdit::LaunchAt(_) => Some(FormField::LaunchAt),
            FormEdit::CertificateEarnedAt(_) => Some(FormField::CertificateEarnedAt),
            FormEdit::FreeTrialEndsAt(_) => Some(FormField::FreeTrialEndsAt),
            FormEdit::CancelledAt(_) => Some(FormField::CancelledAt),
            _ => None,
        };
        if let Some(field) = typed {
            self.second_occurrence.retain(|f| *f != field);
        }
        match edit {
            FormEdit::Kind(kind) => self.kind = kind,
            FormEdit::Via(via) => self.via = via,
            FormEdit::PaidAt(v) => self.paid_at = v,
            FormEdit::PreEnrolled(v) => self.pre_enrolled = v,
            FormEdit::LaunchAt(v) => self.launch_at = v,
            FormEdit::CertificateEarned(v) => self.certificate_earned = v,
            FormEdit::CertificateEarnedAt(v) => self.certificate_earned_at = v,
            FormEdit::CustomWindowStated(v) => self.custom_window_stated = v,
            FormEdit::CustomWindowDays(v) => self.custom_window_days = v,
            FormEdit::FreeTrial(v) => self.free_trial = v,
            FormEdit::FreeTrialEndsAt(v) => self.free_trial_ends_at = v,
            FormEdit::Cancelled(v) => self.cancelled = v,
            FormEdit::CancelledAt(v) => self.cancelled_at = v,
            FormEdit::HonorCodeViolation(v) => self.honor_code_violation = v,
            FormEdit::Occurrence(field, occurrence) => {
                self.second_occurrence.retain(|f| *f != field);
                if occurrence == Occurrence::Second {
                    self.second_occurrence.push(field);
                }
            }
        }
    }

    /// Which occurrence of a repeated local time the learner means at `field`.
    pub fn occurrence(&self, field: FormField) -> Occurrence {
        if self.second_occurrence.contains(&field) {
            Occurrence::Second
        } else {
            Occurrence::First
        }
    }

    /// Whether the form asks `field` for the current kind and channel (see [`applies`]).
    pub fn asks(&self, field: FormField, policy: &RefundPolicy) -> bool {
        applies(field, self.kind, self.via, policy)
    }
}
