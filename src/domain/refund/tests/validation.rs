//! Validation, its order, wrong JSON types and the learner's messages.

use super::*;

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
        field(json!({"kind": "course", "paid_at": P, "now": P, "honor_code_violation": "true"})),
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
        code(&json!({"kind": "course", "paid_at": P, "now": P, "custom_window_days": u64::MAX})),
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
