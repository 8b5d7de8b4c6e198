//! Property tests: the engine is total and its answers hang together. Regression seeds are
//! in `proptest-regressions/domain/refund/tests/properties.txt`.

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
                |(kind, via, paid_at, now, pre, launch, cert, custom, violation, trial, cancel)| {
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
        |(treatment, window_days, custom_window, max_custom, [cert, trial, pre])| KindPolicy {
            treatment,
            window_days,
            custom_window,
            max_custom_window_days: max_custom,
            certificate_ends_window: cert,
            free_trial_replaces_window: trial,
            pre_enrolment: pre,
            clause: "section".to_owned(),
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
                prop_assert_eq!(decision.policy_version.clone(), policy.version.clone());
                // The catalog's English words the same facts as the engine, byte for byte.
                let cat = crate::catalog::Catalog::en();
                let words = form::reason_in(&cat, &decision, |t| form::utc_when(&cat, t));
                prop_assert_eq!(words, decision.reason);
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
