//! The answers as the refund contract's input JSON, and a verdict card's input with `now`
//! filled in.

use chrono::{DateTime, Utc};
use serde_json::{Map, Value, json};

use crate::domain::refund::local_time::{WallClock, pick};
use crate::domain::refund::{Decision, RefundError, RefundPolicy, evaluate};
use crate::domain::time::{self, format_instant};

use super::{FormField, Problem, RefundForm, parse_local_input};

impl RefundForm {
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
