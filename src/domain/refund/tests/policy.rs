//! Policies: the default's limits, overrides and their errors, the JSON round trip.

use super::*;

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
