//! The policy as JSON: overrides read on top of a policy ([`RefundPolicy::from_json`],
//! [`RefundPolicy::with_overrides`], [`policy_for`]) and the whole policy written back
//! ([`RefundPolicy::to_json`]).

use chrono::NaiveDate;
use serde_json::{Map, Value};

use crate::domain::time::parse_date;

use super::kind::{KIND_NAMES, VIA_NAMES};
use super::{
    CustomWindow, Kind, KindPolicy, KindTreatment, MAX_POLICY_WINDOW_DAYS, PolicyError,
    RefundPolicy, Via, ViaTreatment,
};

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

const POLICY_KEYS: [&str; 6] = [
    "version",
    "effective",
    "standard_window_days",
    "via",
    "kinds",
    "clauses",
];

pub(super) const KIND_POLICY_KEYS: [&str; 8] = [
    "treatment",
    "window_days",
    "custom_window",
    "max_custom_window_days",
    "certificate_ends_window",
    "free_trial_replaces_window",
    "pre_enrolment",
    "clause",
];

pub(super) const CLAUSE_KEYS: [&str; 6] = [
    "measurement",
    "pre_enrolment",
    "shorter_windows",
    "marketplaces",
    "organizations",
    "violations",
];

impl RefundPolicy {
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
