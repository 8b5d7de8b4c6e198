//! Routing order, and the section each route names.

use super::*;

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
