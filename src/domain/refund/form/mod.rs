//! The refund calculator's form as plain data: what the learner is asked, which questions
//! matter for which purchase, how the answers become the refund contract's input JSON, and
//! how the engine's errors are shown at the question they concern.
//!
//! Nothing here touches the browser. Times in the form are what an
//! `<input type="datetime-local">` holds (`YYYY-MM-DDTHH:MM`, wall-clock time in the
//! learner's time zone); turning them into UTC needs the browser's time-zone rules, so the
//! caller passes that conversion in (`platform::localtime::local_input_to_utc` in the
//! widget, a fixed offset in the tests below).
//!
//! ```
//! use terms_widget::domain::refund::{Kind, Outcome, RefundPolicy};
//! use terms_widget::domain::refund::form::{parse_local_input, FormEdit, RefundForm};
//! use terms_widget::domain::time::parse_instant;
//!
//! // The learner's wall clock reads UTC here, to keep the example short.
//! let to_utc = |text: &str| parse_local_input(text).ok()?.as_if_utc();
//! let mut form = RefundForm::default();
//! form.apply(FormEdit::Kind(Kind::Course));
//! form.apply(FormEdit::PaidAt("2024-03-01T12:00".into()));
//! let now = parse_instant("2024-03-10T12:00:00Z").unwrap();
//! let (input, decision) = form.evaluate(now, &RefundPolicy::default(), to_utc).unwrap();
//! assert_eq!(input["paid_at"], "2024-03-01T12:00:00Z");
//! assert_eq!(decision.outcome, Outcome::FullRefund);
//! ```
//!
//! # Which questions are asked
//!
//! A question is shown only when its answer can change the result under the policy in use
//! ([`applies`]). With the default policy:
//!
//! | question | shown for |
//! |---|---|
//! | what, where, when paid | always |
//! | pre-enrolment and launch date | course, Specialization |
//! | certificate earned, and when | course, Specialization |
//! | shorter window stated at sign-up | course, Specialization |
//! | the window stated for the service | other service |
//! | free trial, and when it ends | the annual Plus subscription (a monthly subscription is never refunded, trial or not) |
//! | already cancelled / asked, and when | course, Specialization, Plus, other service |
//! | confirmed violation | course, Specialization, Plus, other service |
//!
//! When someone else decides (bought in an app store or through an organization, or a
//! degree or university certificate) only the first three questions are asked.
//!
//! # Words
//!
//! The labels, messages and headlines the learner reads come from the
//! [`Catalog`](crate::catalog::Catalog) passed in, so they name the bundle's platform and
//! can be in another language; this module decides which message applies.

use chrono::{DateTime, NaiveDate, NaiveTime, Timelike, Utc};
use serde_json::{Map, Value, json};

use crate::catalog::{Catalog, Msg};

use super::local_time::{Occurrence, WallClock, pick};

use super::{
    CustomWindow, Decision, Kind, KindTreatment, Outcome, RefundError, RefundPolicy, Via,
    ViaTreatment, evaluate,
};
use crate::domain::time::{
    self, LongDate, TimeError, format_instant, parse_date, parse_instant, parse_time_of_day,
};

// ---------------------------------------------------------------------------------------------
// Local date-times, as a datetime-local input holds them
// ---------------------------------------------------------------------------------------------

/// A wall-clock date and time with no time zone: the value of an
/// `<input type="datetime-local">`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalDateTime {
    /// The calendar date (checked to exist).
    pub date: NaiveDate,
    /// The time of day, in whole seconds (no leap second).
    pub time: NaiveTime,
}

impl LocalDateTime {
    /// The value written back for a datetime-local input: `YYYY-MM-DDTHH:MM`, with `:SS`
    /// only when the seconds are not zero.
    pub fn to_input_value(self) -> String {
        let format = if self.time.second() == 0 {
            "%H:%M"
        } else {
            "%H:%M:%S"
        };
        format!("{}T{}", self.date, self.time.format(format))
    }

    /// The instant this wall-clock time names in UTC (as if the learner's zone were UTC).
    /// Used by tests and by callers that have already applied an offset; `None` never
    /// happens for a valid value but keeps the signature of a conversion.
    pub fn as_if_utc(self) -> Option<DateTime<Utc>> {
        Some(self.date.and_time(self.time).and_utc())
    }
}

/// Parses a strict datetime-local value, `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS`,
/// checking that the date exists and the time of day is real.
///
/// No fractions of a second, no zone, no space instead of `T`: anything else is a
/// [`TimeError::Format`], an impossible date [`TimeError::NoSuchDate`], an impossible time
/// [`TimeError::NoSuchTime`].
///
/// ```
/// use terms_widget::domain::refund::form::parse_local_input;
/// use terms_widget::domain::time::TimeError;
///
/// assert_eq!(parse_local_input("2024-05-14T15:30").unwrap().to_input_value(), "2024-05-14T15:30");
/// assert_eq!(parse_local_input("2023-02-29T10:00"), Err(TimeError::NoSuchDate));
/// assert!(parse_local_input("2024-05-14 15:30").is_err());
/// ```
pub fn parse_local_input(text: &str) -> Result<LocalDateTime, TimeError> {
    const FORM: &str = "YYYY-MM-DDTHH:MM";
    const EXPECTED: TimeError = TimeError::Format { expected: FORM };
    let b = text.as_bytes();
    let shape_ok = match b.len() {
        16 => b.get(10) == Some(&b'T') && b.get(13) == Some(&b':'),
        19 => b.get(10) == Some(&b'T') && b.get(13) == Some(&b':') && b.get(16) == Some(&b':'),
        _ => false,
    };
    if !shape_ok {
        return Err(EXPECTED);
    }
    let date = match parse_date(text.get(..10).ok_or(EXPECTED)?) {
        Err(TimeError::Format { .. }) => return Err(EXPECTED),
        other => other?,
    };
    let time = parse_time_of_day(text.get(11..).ok_or(EXPECTED)?, b.len() == 19, FORM)?;
    Ok(LocalDateTime { date, time })
}

/// The datetime-local value as the browser would write it back (`:00` seconds dropped), or
/// `None` when it is not a valid value. Comparing this with the value the UTC instant
/// converts back to tells whether the browser had to move a time that does not exist in
/// the learner's zone (the hour skipped when clocks go forward).
pub fn canonical_local_input(text: &str) -> Option<String> {
    parse_local_input(text)
        .ok()
        .map(LocalDateTime::to_input_value)
}

// ---------------------------------------------------------------------------------------------
// The questions
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// The form's state
// ---------------------------------------------------------------------------------------------

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

    /// The contract's input JSON for these answers, judged at `now`, or every problem the
    /// form itself can see (a date left empty or impossible, a ticked box without its date).
    ///
    /// Only the questions that apply are sent. `to_utc` converts a datetime-local value in
    /// the learner's zone to UTC (`None` when it cannot). Problems the engine finds (a
    /// certificate before the payment, a window too long, …) come from [`RefundForm::evaluate`].
    pub fn to_input(
        &self,
        now: DateTime<Utc>,
        policy: &RefundPolicy,
        to_utc: impl WallClock,
    ) -> Result<Value, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut input = Map::new();
        input.insert("kind".into(), json!(self.kind.as_str()));
        input.insert("via".into(), json!(self.via.as_str()));
        input.insert("now".into(), json!(format_instant(now)));

        // A time: required (empty is a problem) or not (empty is null).
        let mut time = |field: FormField, text: &str, required: bool| -> Option<Value> {
            let name = field.name();
            let text = text.trim();
            if text.is_empty() {
                if required {
                    problems.push(Problem {
                        field,
                        error: RefundError::MissingField { field: name },
                    });
                }
                return None;
            }
            let error = match parse_local_input(text) {
                Err(problem) => RefundError::InvalidTimestamp {
                    field: name,
                    problem: Some(problem),
                },
                Ok(_) => match pick(&to_utc.instants(text), self.occurrence(field))
                    .filter(|t| time::is_writable(*t))
                {
                    Some(t) => return Some(json!(format_instant(t))),
                    None => RefundError::InvalidTimestamp {
                        field: name,
                        problem: None,
                    },
                },
            };
            problems.push(Problem { field, error });
            None
        };

        if let Some(paid) = time(FormField::PaidAt, &self.paid_at, true) {
            input.insert("paid_at".into(), paid);
        }
        if self.asks(FormField::PreEnrolled, policy) && self.pre_enrolled {
            input.insert("pre_enrolled".into(), json!(true));
            if let Some(launch) = time(FormField::LaunchAt, &self.launch_at, false) {
                input.insert("launch_at".into(), launch);
            }
        }
        if self.asks(FormField::CertificateEarnedAt, policy)
            && self.certificate_earned
            && let Some(at) = time(
                FormField::CertificateEarnedAt,
                &self.certificate_earned_at,
                true,
            )
        {
            input.insert("certificate_earned_at".into(), at);
        }
        if self.asks(FormField::FreeTrialEndsAt, policy)
            && self.free_trial
            && let Some(at) = time(FormField::FreeTrialEndsAt, &self.free_trial_ends_at, true)
        {
            input.insert("free_trial_ends_at".into(), at);
        }
        if self.asks(FormField::CancelledAt, policy)
            && self.cancelled
            && let Some(at) = time(FormField::CancelledAt, &self.cancelled_at, true)
        {
            input.insert("cancelled_at".into(), at);
        }
        if self.asks(FormField::CustomWindowDays, policy) && self.custom_window_stated {
            input.insert(
                "custom_window_days".into(),
                days_value(&self.custom_window_days),
            );
        }
        if self.asks(FormField::HonorCodeViolation, policy) && self.honor_code_violation {
            input.insert("honor_code_violation".into(), json!(true));
        }
        if problems.is_empty() {
            Ok(Value::Object(input))
        } else {
            Err(problems)
        }
    }

    /// The answer for these answers at `now`: the input sent and the engine's decision, or
    /// the problems to show (the form's own, else the engine's first error).
    pub fn evaluate(
        &self,
        now: DateTime<Utc>,
        policy: &RefundPolicy,
        to_utc: impl WallClock,
    ) -> Result<(Value, Decision), Vec<Problem>> {
        let input = self.to_input(now, policy, to_utc)?;
        match evaluate(&input, policy) {
            Ok(decision) => Ok((input, decision)),
            Err(error) => Err(vec![Problem {
                field: FormField::of_error(&error).unwrap_or(FormField::Kind),
                error,
            }]),
        }
    }
}

/// The JSON for a typed number of days: an integer when the text is one (negative ones
/// included, so the engine names the problem), else the text itself (which the engine
/// refuses as `invalid_custom_window`).
fn days_value(text: &str) -> Value {
    let text = text.trim();
    if let Ok(days) = text.parse::<u64>() {
        json!(days)
    } else if let Ok(days) = text.parse::<i64>() {
        json!(days)
    } else {
        json!(text)
    }
}

// ---------------------------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------------------------

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
        .map(NaiveDate::long)
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

// ---------------------------------------------------------------------------------------------
// The timeline
// ---------------------------------------------------------------------------------------------

/// A moment on the refund timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MarkKind {
    /// The payment.
    Paid,
    /// The launch (pre-enrolled only).
    Launch,
    /// The certificate.
    Certificate,
    /// The cancellation or request.
    Cancelled,
    /// The end of the refund window.
    Deadline,
    /// The current time.
    Now,
}

impl MarkKind {
    /// A one-word or two-word label for the drawing.
    pub fn label(self, cat: &Catalog) -> String {
        cat.text(match self {
            MarkKind::Paid => Msg::MarkPaid,
            MarkKind::Launch => Msg::MarkLaunch,
            MarkKind::Certificate => Msg::MarkCertificate,
            MarkKind::Cancelled => Msg::MarkCancelled,
            MarkKind::Deadline => Msg::MarkDeadline,
            MarkKind::Now => Msg::MarkNow,
        })
    }

    /// The CSS class suffix, e.g. `"deadline"`.
    pub fn class(self) -> &'static str {
        match self {
            MarkKind::Paid => "paid",
            MarkKind::Launch => "launch",
            MarkKind::Certificate => "certificate",
            MarkKind::Cancelled => "cancelled",
            MarkKind::Deadline => "deadline",
            MarkKind::Now => "now",
        }
    }
}

/// Where a label sits relative to its mark (SVG `text-anchor`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Anchor {
    /// The label starts at the mark (near the left edge).
    Start,
    /// The label is centred on the mark.
    Middle,
    /// The label ends at the mark (near the right edge).
    End,
}

impl Anchor {
    /// The SVG `text-anchor` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// A moment placed on the drawing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mark {
    /// What happened.
    pub kind: MarkKind,
    /// When.
    pub at: DateTime<Utc>,
    /// Horizontal position, between `margin` and `width - margin` (see [`timeline`]).
    pub x: f64,
    /// Label row: 0 and 2 above the line, 1 and 3 below, so close labels do not overlap.
    pub row: u8,
    /// How the label is anchored, so it stays inside `0..width`.
    pub anchor: Anchor,
}

/// Approximate width of a label in drawing units, for a font of about 13 units.
/// (in `cat`'s words).
pub fn label_width(cat: &Catalog, kind: MarkKind) -> f64 {
    kind.label(cat).chars().count() as f64 * 7.5 + 10.0
}

/// The moments of a decision worth drawing, in time order, placed between `margin` and
/// `width - margin`: payment, launch (when pre-enrolled), certificate, cancellation, deadline
/// and now, whichever the input and decision have. Labels are anchored to stay inside
/// `0..width` and spread over four rows so they do not overlap. Empty when the input has no
/// readable payment.
pub fn timeline(
    cat: &Catalog,
    input: &Value,
    decision: &Decision,
    width: f64,
    margin: f64,
) -> Vec<Mark> {
    let at = |field: &str| {
        input
            .get(field)
            .and_then(Value::as_str)
            .and_then(|text| parse_instant(text).ok())
    };
    let Some(paid) = at("paid_at") else {
        return Vec::new();
    };
    let mut moments = vec![(MarkKind::Paid, paid)];
    if input.get("pre_enrolled") == Some(&Value::Bool(true))
        && let Some(launch) = at("launch_at")
    {
        moments.push((MarkKind::Launch, launch));
    }
    if let Some(t) = at("certificate_earned_at") {
        moments.push((MarkKind::Certificate, t));
    }
    if let Some(t) = at("cancelled_at") {
        moments.push((MarkKind::Cancelled, t));
    }
    if let Some(t) = decision.deadline {
        moments.push((MarkKind::Deadline, t));
    }
    if let Some(t) = at("now") {
        moments.push((MarkKind::Now, t));
    }
    moments.sort_by_key(|(kind, t)| (*t, *kind));

    let first = moments.first().map_or(0, |(_, t)| t.timestamp());
    let last = moments.last().map_or(0, |(_, t)| t.timestamp());
    let span = (last.saturating_sub(first)).max(1) as f64;
    let width = width.max(0.0);
    let inner = (width - 2.0 * margin).max(0.0);
    let mut row_ends = [f64::NEG_INFINITY; 4];
    moments
        .into_iter()
        .map(|(kind, t)| {
            let x = margin + (t.timestamp().saturating_sub(first)) as f64 / span * inner;
            let w = label_width(cat, kind);
            let (anchor, from, to) = if x - w / 2.0 < 0.0 {
                (Anchor::Start, x, x + w)
            } else if x + w / 2.0 > width {
                (Anchor::End, x - w, x)
            } else {
                (Anchor::Middle, x - w / 2.0, x + w / 2.0)
            };
            let row = (0..4u8)
                .find(|&r| row_ends.get(usize::from(r)).is_some_and(|end| *end < from))
                .unwrap_or(0);
            if let Some(end) = row_ends.get_mut(usize::from(row)) {
                *end = to;
            }
            Mark {
                kind,
                at: t,
                x,
                row,
                anchor,
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The verdict card (course-page mode)
// ---------------------------------------------------------------------------------------------

/// The decision for a verdict card's contract input text, with `now` filled in from the
/// current time when the host page left it out (or `null`): a course page knows when the
/// learner paid, not when they will read the page.
pub fn card_decision(
    text: &str,
    now: DateTime<Utc>,
    policy: &RefundPolicy,
) -> Result<(Value, Decision), RefundError> {
    let mut input: Value = serde_json::from_str(text).map_err(|_| RefundError::NotJson)?;
    if let Value::Object(map) = &mut input
        && map.get("now").is_none_or(Value::is_null)
    {
        map.insert("now".into(), json!(format_instant(now)));
    }
    let decision = evaluate(&input, policy)?;
    Ok((input, decision))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeDelta;

    /// The English catalog naming the default platform.
    fn cat() -> Catalog {
        Catalog::en()
    }

    /// The learner's zone in these tests: UTC+2, no daylight saving.
    fn plus_two(text: &str) -> Option<DateTime<Utc>> {
        parse_local_input(text)
            .ok()?
            .as_if_utc()
            .map(|t| t - TimeDelta::hours(2))
    }

    fn ts(text: &str) -> DateTime<Utc> {
        parse_instant(text).unwrap()
    }

    fn form(kind: Kind, paid: &str) -> RefundForm {
        let mut f = RefundForm::default();
        f.apply(FormEdit::Kind(kind));
        f.apply(FormEdit::PaidAt(paid.into()));
        f
    }

    const NOW: &str = "2024-03-10T12:00:00Z";

    #[test]
    fn local_inputs_are_strict() {
        let ok = parse_local_input("2024-02-29T23:59").unwrap();
        assert_eq!(ok.date, NaiveDate::from_ymd_opt(2024, 2, 29).unwrap());
        assert_eq!(
            (ok.time.hour(), ok.time.minute(), ok.time.second()),
            (23, 59, 0)
        );
        assert_eq!(
            parse_local_input("2024-02-29T23:59:07")
                .unwrap()
                .to_input_value(),
            "2024-02-29T23:59:07"
        );
        assert_eq!(
            canonical_local_input("2024-02-29T23:59:00").as_deref(),
            Some("2024-02-29T23:59")
        );
        for bad in [
            "",
            "2024-02-29",
            "2024-02-29T23",
            "2024-02-29 23:59",
            "2024-02-29T23:59Z",
            "2024-02-29T23:59:00Z",
            "2024-02-29T23:59:00.000",
            "2024-2-29T23:59",
            "2024-02-29T3:59",
            "2024-02-29T23:5a",
            "2024-02-29T+1:59",
            "２０２４-02-29T23:59",
            "2024-02-29T23:59:0",
        ] {
            assert!(
                matches!(parse_local_input(bad), Err(TimeError::Format { .. })),
                "{bad:?}"
            );
        }
        assert_eq!(
            parse_local_input("2023-02-29T10:00"),
            Err(TimeError::NoSuchDate)
        );
        assert_eq!(
            parse_local_input("2024-04-31T10:00"),
            Err(TimeError::NoSuchDate)
        );
        assert_eq!(
            parse_local_input("2024-04-30T24:00"),
            Err(TimeError::NoSuchTime)
        );
        assert_eq!(
            parse_local_input("2024-04-30T23:60"),
            Err(TimeError::NoSuchTime)
        );
        assert_eq!(
            parse_local_input("2024-04-30T23:59:60"),
            Err(TimeError::NoSuchTime)
        );
        assert_eq!(
            parse_local_input("2024-03-01T12:00")
                .unwrap()
                .as_if_utc()
                .unwrap(),
            ts("2024-03-01T12:00:00Z")
        );
    }

    #[test]
    fn the_questions_follow_the_kind_and_the_channel() {
        let p = RefundPolicy::default();
        let asked = |kind, via| -> Vec<&'static str> {
            FormField::ALL
                .into_iter()
                .filter(|f| applies(*f, kind, via, &p))
                .map(FormField::name)
                .collect()
        };
        let basics = ["kind", "via", "paid_at"];
        let course = [
            "kind",
            "via",
            "paid_at",
            "pre_enrolled",
            "launch_at",
            "certificate_earned_at",
            "custom_window_days",
            "cancelled_at",
            "honor_code_violation",
        ];
        assert_eq!(asked(Kind::Course, Via::Direct), course);
        assert_eq!(asked(Kind::Specialization, Via::Direct), course);
        assert_eq!(
            asked(Kind::PlusSubscription, Via::Direct),
            [
                "kind",
                "via",
                "paid_at",
                "free_trial_ends_at",
                "cancelled_at",
                "honor_code_violation"
            ]
        );
        assert_eq!(
            asked(Kind::Other, Via::Direct),
            [
                "kind",
                "via",
                "paid_at",
                "custom_window_days",
                "cancelled_at",
                "honor_code_violation"
            ]
        );
        for kind in [
            Kind::SubscriptionMonthly,
            Kind::GuidedProject,
            Kind::Degree,
            Kind::UniversityCertificate,
        ] {
            assert_eq!(asked(kind, Via::Direct), basics, "{kind:?}");
        }
        for via in [Via::AppStore, Via::GooglePlay, Via::Organization] {
            for kind in Kind::ALL {
                assert_eq!(asked(kind, via), basics, "{kind:?} {via:?}");
            }
        }
        // A partner policy that refunds guided projects within a window asks more.
        let mut custom = RefundPolicy::default();
        custom.kinds.guided_project.treatment = KindTreatment::Window;
        assert!(applies(
            FormField::CancelledAt,
            Kind::GuidedProject,
            Via::Direct,
            &custom
        ));
    }

    #[test]
    fn labels_for_every_kind_and_channel() {
        let kinds: Vec<_> = Kind::ALL
            .into_iter()
            .map(|k| kind_label(&cat(), k))
            .collect();
        assert_eq!(
            kinds,
            [
                "Monthly subscription",
                "Kestrel Plus (annual)",
                "Course",
                "Specialization",
                "Guided project",
                "Degree",
                "University certificate",
                "Other service"
            ]
        );
        for via in Via::ALL {
            assert!(!via_label(&cat(), via).is_empty());
        }
        for field in FormField::ALL {
            assert_eq!(FormField::from_name(field.name()), Some(field));
            assert!(!field.label(&cat()).is_empty());
        }
        assert_eq!(FormField::from_name("now"), None);
    }

    #[test]
    fn answers_become_the_contract_input_in_utc() {
        let p = RefundPolicy::default();
        let now = ts(NOW);
        let mut f = form(Kind::Course, "2024-03-01T14:00");
        f.apply(FormEdit::PreEnrolled(true));
        f.apply(FormEdit::LaunchAt("2024-03-05T10:30".into()));
        f.apply(FormEdit::CertificateEarned(true));
        f.apply(FormEdit::CertificateEarnedAt("2024-03-08T09:00".into()));
        f.apply(FormEdit::Cancelled(true));
        f.apply(FormEdit::CancelledAt("2024-03-09T09:00:30".into()));
        f.apply(FormEdit::HonorCodeViolation(false));
        // Answers to questions that do not apply are not sent.
        f.apply(FormEdit::FreeTrial(true));
        f.apply(FormEdit::FreeTrialEndsAt("2024-03-02T00:00".into()));
        let input = f.to_input(now, &p, plus_two).unwrap();
        assert_eq!(
            input,
            json!({
                "kind": "course",
                "via": "direct",
                "now": NOW,
                "paid_at": "2024-03-01T12:00:00Z",
                "pre_enrolled": true,
                "launch_at": "2024-03-05T08:30:00Z",
                "certificate_earned_at": "2024-03-08T07:00:00Z",
                "cancelled_at": "2024-03-09T07:00:30Z",
            })
        );
        let (_, decision) = f.evaluate(now, &p, plus_two).unwrap();
        assert_eq!(decision.outcome, Outcome::NoRefund);
        assert_eq!(decision.deadline, Some(ts("2024-03-08T07:00:00Z")));

        // Pre-enrolled with no launch date: launch_at left out, window open.
        let mut f = form(Kind::Specialization, "2024-03-01T14:00");
        f.apply(FormEdit::PreEnrolled(true));
        let (input, decision) = f.evaluate(now, &p, plus_two).unwrap();
        assert_eq!(input.get("launch_at"), None);
        assert_eq!(decision.eligible, Some(true));
        assert_eq!(decision.deadline, None);
        assert_eq!(decision.clause, "pre-enrolment");

        // Plus with a free trial; the violation box is sent only when ticked.
        let mut f = form(Kind::PlusSubscription, "2024-03-01T14:00");
        f.apply(FormEdit::FreeTrial(true));
        f.apply(FormEdit::FreeTrialEndsAt("2024-03-08T14:00".into()));
        f.apply(FormEdit::HonorCodeViolation(true));
        let input = f.to_input(now, &p, plus_two).unwrap();
        assert_eq!(input["free_trial_ends_at"], "2024-03-08T12:00:00Z");
        assert_eq!(input["honor_code_violation"], true);

        // The App Store: nothing but the basics is sent, even if answered.
        let mut f = form(Kind::Course, "2024-03-01T14:00");
        f.apply(FormEdit::Via(Via::AppStore));
        f.apply(FormEdit::CertificateEarned(true));
        f.apply(FormEdit::CertificateEarnedAt("1999-01-01T00:00".into()));
        let (input, decision) = f.evaluate(now, &p, plus_two).unwrap();
        assert_eq!(input.as_object().unwrap().len(), 4);
        assert_eq!(decision.outcome, Outcome::MarketplacePolicy);
    }

    #[test]
    fn stated_windows_are_sent_as_typed_so_the_engine_names_the_problem() {
        let p = RefundPolicy::default();
        let now = ts(NOW);
        let code = |kind: Kind, days: &str| {
            let mut f = form(kind, "2024-03-01T14:00");
            f.apply(FormEdit::CustomWindowStated(true));
            f.apply(FormEdit::CustomWindowDays(days.into()));
            match f.evaluate(now, &p, plus_two) {
                Ok((input, d)) => {
                    assert!(input["custom_window_days"].is_u64());
                    d.outcome.as_str().to_owned()
                }
                Err(problems) => {
                    assert_eq!(problems.len(), 1);
                    assert_eq!(problems[0].field, FormField::CustomWindowDays);
                    problems[0].error.code().to_owned()
                }
            }
        };
        assert_eq!(code(Kind::Course, "7"), "no_refund");
        assert_eq!(code(Kind::Course, " 10 "), "full_refund");
        assert_eq!(code(Kind::Course, ""), "invalid_custom_window");
        assert_eq!(code(Kind::Course, "3.5"), "invalid_custom_window");
        assert_eq!(code(Kind::Course, "seven"), "invalid_custom_window");
        assert_eq!(code(Kind::Course, "-1"), "negative_custom_window");
        assert_eq!(code(Kind::Course, "15"), "custom_window_exceeds_standard");
        assert_eq!(code(Kind::Other, "30"), "full_refund");
        assert_eq!(
            code(Kind::Other, "99999999999999999999999"),
            "invalid_custom_window"
        );
        // Unticked: not sent; for other services that means no refund.
        let f = form(Kind::Other, "2024-03-01T14:00");
        let (_, d) = f.evaluate(now, &p, plus_two).unwrap();
        assert_eq!(d.outcome, Outcome::NoRefund);
        assert_eq!(d.clause, "other-services");
    }

    #[test]
    fn every_error_code_reaches_a_question_with_a_message() {
        let p = RefundPolicy::default();
        let now = ts(NOW);
        let problems = |f: &RefundForm| f.evaluate(now, &p, plus_two).unwrap_err();
        let one = |f: &RefundForm| {
            let list = problems(f);
            assert_eq!(list.len(), 1, "{list:?}");
            let problem = list.into_iter().next().unwrap();
            let message = form_message(&cat(), &problem.error, f.kind);
            assert!(message.len() > 20, "{message}");
            assert!(!message.contains('_'), "no contract names: {message}");
            (problem.field, problem.error.code())
        };

        // missing_field: nothing typed yet.
        let f = form(Kind::Course, "");
        assert_eq!(one(&f), (FormField::PaidAt, "missing_field"));
        // invalid_timestamp: an impossible date, a bad shape, a year out of range.
        let f = form(Kind::Course, "2023-02-29T10:00");
        assert_eq!(one(&f), (FormField::PaidAt, "invalid_timestamp"));
        let f = form(Kind::Course, "2023-02-28 10:00");
        assert_eq!(one(&f), (FormField::PaidAt, "invalid_timestamp"));
        let f = form(Kind::Course, "2024-03-01T14:00");
        assert!(
            f.evaluate(now, &p, |_: &str| Some(DateTime::<Utc>::MAX_UTC))
                .unwrap_err()
                .iter()
                .all(|pr| pr.error.code() == "invalid_timestamp")
        );
        assert_eq!(
            f.evaluate(now, &p, |_: &str| None).unwrap_err()[0].error,
            RefundError::InvalidTimestamp {
                field: "paid_at",
                problem: None
            }
        );
        // now_before_payment: shown at the payment date.
        let f = form(Kind::Course, "2024-03-11T10:00");
        assert_eq!(one(&f), (FormField::PaidAt, "now_before_payment"));
        // certificate_before_payment / certificate_after_now.
        let mut f = form(Kind::Course, "2024-03-05T10:00");
        f.apply(FormEdit::CertificateEarned(true));
        f.apply(FormEdit::CertificateEarnedAt("2024-03-04T10:00".into()));
        assert_eq!(
            one(&f),
            (FormField::CertificateEarnedAt, "certificate_before_payment")
        );
        f.apply(FormEdit::CertificateEarnedAt("2024-03-11T10:00".into()));
        assert_eq!(
            one(&f),
            (FormField::CertificateEarnedAt, "certificate_after_now")
        );
        // A ticked box without its date.
        f.apply(FormEdit::CertificateEarnedAt(String::new()));
        assert_eq!(one(&f), (FormField::CertificateEarnedAt, "missing_field"));
        // cancelled_before_payment / cancelled_after_now.
        let mut f = form(Kind::PlusSubscription, "2024-03-05T10:00");
        f.apply(FormEdit::Cancelled(true));
        f.apply(FormEdit::CancelledAt("2024-03-04T10:00".into()));
        assert_eq!(
            one(&f),
            (FormField::CancelledAt, "cancelled_before_payment")
        );
        f.apply(FormEdit::CancelledAt("2024-03-12T10:00".into()));
        assert_eq!(one(&f), (FormField::CancelledAt, "cancelled_after_now"));
        f.apply(FormEdit::CancelledAt(String::new()));
        assert_eq!(one(&f), (FormField::CancelledAt, "missing_field"));
        let mut f = form(Kind::PlusSubscription, "2024-03-05T10:00");
        f.apply(FormEdit::FreeTrial(true));
        assert_eq!(one(&f), (FormField::FreeTrialEndsAt, "missing_field"));
        // A launch date is optional but must be a real date when given.
        let mut f = form(Kind::Course, "2024-03-05T10:00");
        f.apply(FormEdit::PreEnrolled(true));
        f.apply(FormEdit::LaunchAt("2024-13-01T00:00".into()));
        assert_eq!(one(&f), (FormField::LaunchAt, "invalid_timestamp"));

        // Several problems of the form's own are all reported.
        let mut f = form(Kind::Course, "");
        f.apply(FormEdit::CertificateEarned(true));
        f.apply(FormEdit::Cancelled(true));
        let fields: Vec<_> = problems(&f).into_iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            [
                FormField::PaidAt,
                FormField::CertificateEarnedAt,
                FormField::CancelledAt
            ]
        );

        // The engine's other codes (not reachable from the form) still map to a question.
        for (error, field) in [
            (RefundError::UnknownKind, Some(FormField::Kind)),
            (RefundError::UnknownVia, Some(FormField::Via)),
            (
                RefundError::NotYesOrNo {
                    field: "honor_code_violation",
                },
                Some(FormField::HonorCodeViolation),
            ),
            (RefundError::NowBeforePayment, Some(FormField::PaidAt)),
            (RefundError::NotJson, None),
            (RefundError::NotAnObject, None),
        ] {
            assert_eq!(FormField::of_error(&error), field);
            assert!(!form_message(&cat(), &error, Kind::Course).is_empty());
        }
        assert!(
            form_message(
                &cat(),
                &RefundError::CustomWindowExceedsStandard { max_days: 14 },
                Kind::Course
            )
            .contains("14 days")
        );
        assert!(
            form_message(
                &cat(),
                &RefundError::CertificateBeforePayment,
                Kind::Specialization
            )
            .contains("first Course Certificate")
        );
    }

    #[test]
    fn words_for_the_verdict() {
        let p = RefundPolicy::default();
        let now = ts(NOW);
        let local = |t: DateTime<Utc>| format!("local {}", format_instant(t));
        let judge = |f: &RefundForm| f.evaluate(now, &p, plus_two).unwrap();
        let decide = |f: &RefundForm| judge(f).1;
        let head = |f: &RefundForm| {
            let (input, d) = judge(f);
            headline(&cat(), &input, &d, local)
        };

        let d = decide(&form(Kind::Course, "2024-03-01T14:00"));
        assert_eq!(
            head(&form(Kind::Course, "2024-03-01T14:00")),
            "Full refund available until local 2024-03-15T12:00:00Z your time"
        );
        assert_eq!(tone(&d), "yes");
        assert_eq!(
            policy_line(&cat(), &d),
            "Policy version 2, in effect since 1 September 2025"
        );
        assert_eq!(
            clause_fragment(&d.clause),
            "refund-policy/courses-and-specializations"
        );
        assert_eq!(
            section_title(&cat(), &d.clause),
            "Courses and specializations"
        );

        let mut f = form(Kind::Course, "2024-03-01T14:00");
        f.apply(FormEdit::Cancelled(true));
        f.apply(FormEdit::CancelledAt("2024-03-02T14:00".into()));
        assert_eq!(head(&f), "Full refund due: you cancelled in time");

        let f = form(Kind::Course, "2024-02-01T14:00");
        let d = decide(&f);
        assert_eq!(head(&f), "No refund: the refund window has closed");
        assert_eq!(tone(&d), "no");

        let f = form(Kind::GuidedProject, "2024-03-01T14:00");
        let d = decide(&f);
        assert_eq!(head(&f), "Not refundable");
        assert_eq!(section_title(&cat(), &d.clause), "Guided projects");

        let mut f = form(Kind::Course, "2024-03-01T14:00");
        f.apply(FormEdit::Via(Via::GooglePlay));
        let d = decide(&f);
        assert_eq!(head(&f), "The store decides, not Kestrel");
        assert_eq!(tone(&d), "elsewhere");
        assert_eq!(section_title(&cat(), &d.clause), "App store purchases");
        f.apply(FormEdit::Via(Via::Organization));
        assert_eq!(head(&f), "Your organization decides");
        assert_eq!(
            head(&form(Kind::Degree, "2024-03-01T14:00")),
            "The university decides"
        );

        let mut f = form(Kind::Course, "2024-03-01T14:00");
        f.apply(FormEdit::HonorCodeViolation(true));
        let d = decide(&f);
        assert_eq!(head(&f), "Not entitled to a refund");
        assert_eq!(
            section_title(&cat(), &d.clause),
            "Violations of our policies"
        );

        let mut f = form(Kind::Course, "2024-03-01T14:00");
        f.apply(FormEdit::PreEnrolled(true));
        assert_eq!(head(&f), "Full refund available: the window is still open");

        // Every section the default policy names has its heading; others are read back.
        let policy = RefundPolicy::default();
        for kind in Kind::ALL {
            let clause = &policy.kinds.get(kind).clause;
            assert_ne!(section_title(&cat(), clause), *clause);
            assert!(section_title(&cat(), clause).starts_with(char::is_uppercase));
        }
        assert_eq!(section_title(&cat(), "late-fees"), "Late fees");
        assert_eq!(section_title(&cat(), ""), "Refund Policy");
        let mut odd = d.clone();
        odd.policy_effective = "soon".into();
        assert_eq!(
            policy_line(&cat(), &odd),
            "Policy version 2, in effect since soon"
        );
    }

    #[test]
    fn a_partner_bundle_is_named_and_kestrel_never_is() {
        let partner = Catalog::en().with_platform("Heron Academy");
        let p = RefundPolicy::default();
        let now = ts(NOW);
        let mut words: Vec<String> = Vec::new();
        words.extend(Kind::ALL.into_iter().map(|k| kind_label(&partner, k)));
        words.extend(Via::ALL.into_iter().map(|v| via_label(&partner, v)));
        words.extend(FormField::ALL.into_iter().map(|f| f.label(&partner)));
        for kind in Kind::ALL {
            words.push(section_title(&partner, &p.kinds.get(kind).clause));
            for via in Via::ALL {
                let mut f = form(kind, "2024-03-01T14:00");
                f.apply(FormEdit::Via(via));
                let (input, d) = f.evaluate(now, &p, plus_two).unwrap();
                words.push(headline(&partner, &input, &d, |t| t.to_string()));
                words.push(policy_line(&partner, &d));
            }
        }
        assert!(words.iter().all(|w| !w.contains("Kestrel")), "{words:?}");
        assert_eq!(
            kind_label(&partner, Kind::PlusSubscription),
            "Heron Plus (annual)"
        );
        assert_eq!(
            via_label(&partner, Via::Direct),
            "Directly with Heron Academy (card or PayPal on our site)"
        );
        assert!(words.contains(&"The store decides, not Heron".to_string()));
        assert_eq!(section_title(&partner, "kestrel-plus"), "Heron Plus");
    }

    #[test]
    fn the_timeline_orders_and_spreads_the_moments() {
        let p = RefundPolicy::default();
        let now = ts(NOW);
        let mut f = form(Kind::Course, "2024-03-01T14:00");
        f.apply(FormEdit::PreEnrolled(true));
        f.apply(FormEdit::LaunchAt("2024-03-02T14:00".into()));
        f.apply(FormEdit::CertificateEarned(true));
        f.apply(FormEdit::CertificateEarnedAt("2024-03-09T14:00".into()));
        f.apply(FormEdit::Cancelled(true));
        f.apply(FormEdit::CancelledAt("2024-03-09T14:00".into()));
        let (input, decision) = f.evaluate(now, &p, plus_two).unwrap();
        let marks = timeline(&cat(), &input, &decision, 600.0, 10.0);
        let kinds: Vec<_> = marks.iter().map(|m| m.kind).collect();
        assert_eq!(
            kinds,
            [
                MarkKind::Paid,
                MarkKind::Launch,
                MarkKind::Certificate,
                MarkKind::Cancelled,
                MarkKind::Deadline,
                MarkKind::Now
            ]
        );
        assert_eq!(marks[0].x, 10.0);
        assert_eq!(marks[5].x, 590.0);
        assert!(marks.windows(2).all(|w| w[0].x <= w[1].x));
        assert_eq!(marks[0].anchor, Anchor::Start);
        assert_eq!(marks[5].anchor, Anchor::End);
        assert_eq!(Anchor::Middle.as_str(), "middle");
        // Labels in one row never overlap and stay inside the drawing.
        for row in 0..4 {
            let mut spans: Vec<(f64, f64)> = marks
                .iter()
                .filter(|m| m.row == row)
                .map(|m| {
                    let w = label_width(&cat(), m.kind);
                    match m.anchor {
                        Anchor::Start => (m.x, m.x + w),
                        Anchor::Middle => (m.x - w / 2.0, m.x + w / 2.0),
                        Anchor::End => (m.x - w, m.x),
                    }
                })
                .collect();
            spans.sort_by(|a, b| a.0.total_cmp(&b.0));
            assert!(spans.windows(2).all(|p| p[0].1 < p[1].0), "{spans:?}");
            assert!(spans.iter().all(|(a, b)| *a >= 0.0 && *b <= 600.0));
        }
        // Three moments at one instant get three label rows.
        let rows: Vec<_> = marks[2..5].iter().map(|m| m.row).collect();
        assert_eq!(rows, [0, 1, 2]);
        for m in &marks {
            assert!(!m.kind.label(&cat()).is_empty() && !m.kind.class().is_empty());
        }

        // A guided project: only payment and now.
        let f = form(Kind::GuidedProject, "2024-03-01T14:00");
        let (input, decision) = f.evaluate(now, &p, plus_two).unwrap();
        let marks = timeline(&cat(), &input, &decision, 100.0, 0.0);
        assert_eq!(marks.len(), 2);
        // Nothing to draw without a payment.
        assert!(timeline(&cat(), &json!({}), &decision, 100.0, 0.0).is_empty());
        // One instant only: no division by zero.
        let single = timeline(&cat(), &json!({"paid_at": NOW}), &decision, 100.0, 0.0);
        assert_eq!(single.len(), 1);
        assert!(single[0].x.is_finite());
    }

    #[test]
    fn verdict_cards_fill_in_now() {
        let p = RefundPolicy::default();
        let now = ts(NOW);
        let (input, d) = card_decision(
            r#"{"kind":"course","paid_at":"2024-03-01T12:00:00Z"}"#,
            now,
            &p,
        )
        .unwrap();
        assert_eq!(input["now"], NOW);
        assert_eq!(d.seconds_left, Some(5 * 86_400));
        let (_, d) = card_decision(
            r#"{"kind":"course","paid_at":"2024-03-01T12:00:00Z","now":null}"#,
            now,
            &p,
        )
        .unwrap();
        assert_eq!(d.as_of, now);
        // A given now is kept.
        let (_, d) = card_decision(
            r#"{"kind":"course","paid_at":"2024-03-01T12:00:00Z","now":"2024-03-20T00:00:00Z"}"#,
            now,
            &p,
        )
        .unwrap();
        assert_eq!(d.outcome, Outcome::NoRefund);
        let err = card_decision("{not json", now, &p).unwrap_err();
        assert_eq!(err.code(), "missing_field");
        assert!(card_message(&err).contains("missing_field"));
        let err = card_decision("[1]", now, &p).unwrap_err();
        assert_eq!(err, RefundError::NotAnObject);
        let err = card_decision(
            r#"{"kind":"course","paid_at":"2024-02-30T12:00:00Z"}"#,
            now,
            &p,
        )
        .unwrap_err();
        let message = card_message(&err);
        assert!(message.contains("field: paid_at"), "{message}");
        assert!(message.contains("doesn't exist"), "{message}");
    }

    /// Europe/Dublin on 26 October 2025: 01:00 to 02:00 happens twice (IST, then GMT).
    struct Dublin;

    impl WallClock for Dublin {
        fn instants(&self, value: &str) -> Vec<DateTime<Utc>> {
            let local = parse_local_input(value)
                .ok()
                .and_then(LocalDateTime::as_if_utc);
            let Some(as_utc) = local else {
                return Vec::new();
            };
            let change_day = |t: DateTime<Utc>| t.format("%Y-%m-%d %H").to_string();
            if change_day(as_utc) == "2025-10-26 01" {
                // First in summer time (UTC+1), then in winter time (UTC+0).
                vec![as_utc - chrono::TimeDelta::hours(1), as_utc]
            } else {
                vec![as_utc - chrono::TimeDelta::hours(1)]
            }
        }
    }

    #[test]
    fn a_repeated_local_hour_is_read_as_the_occurrence_the_learner_chose() {
        let now = parse_instant("2025-10-27T12:00:00Z").unwrap();
        let mut form = RefundForm::default();
        form.apply(FormEdit::PaidAt("2025-10-26T01:30".into()));
        let input = form
            .to_input(now, &RefundPolicy::default(), Dublin)
            .unwrap();
        assert_eq!(
            input["paid_at"], "2025-10-26T00:30:00Z",
            "the first, by default"
        );
        assert_eq!(form.occurrence(FormField::PaidAt), Occurrence::First);

        form.apply(FormEdit::Occurrence(FormField::PaidAt, Occurrence::Second));
        let input = form
            .to_input(now, &RefundPolicy::default(), Dublin)
            .unwrap();
        assert_eq!(
            input["paid_at"], "2025-10-26T01:30:00Z",
            "the second, when chosen"
        );
        // Other questions keep their own choice.
        assert_eq!(form.occurrence(FormField::CancelledAt), Occurrence::First);

        // Back to the first; then typing another time forgets the choice.
        form.apply(FormEdit::Occurrence(FormField::PaidAt, Occurrence::First));
        assert_eq!(form.occurrence(FormField::PaidAt), Occurrence::First);
        form.apply(FormEdit::Occurrence(FormField::PaidAt, Occurrence::Second));
        form.apply(FormEdit::PaidAt("2025-10-26T01:45".into()));
        assert_eq!(form.occurrence(FormField::PaidAt), Occurrence::First);

        // A time that happens once is that time, whatever was said.
        form.apply(FormEdit::PaidAt("2025-10-25T09:00".into()));
        form.apply(FormEdit::Occurrence(FormField::PaidAt, Occurrence::Second));
        let input = form
            .to_input(now, &RefundPolicy::default(), Dublin)
            .unwrap();
        assert_eq!(input["paid_at"], "2025-10-25T08:00:00Z");
    }
}
