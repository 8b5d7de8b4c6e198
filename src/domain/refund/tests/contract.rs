//! A table of contract examples, derived by hand from `shared/specs/refund.md`.

use super::*;

type Expected = Result<(Option<bool>, &'static str, Option<&'static str>), &'static str>;

fn ok(eligible: Option<bool>, outcome: &'static str, deadline: Option<&'static str>) -> Expected {
    Ok((eligible, outcome, deadline))
}

fn contract_examples() -> Vec<(&'static str, Value, Expected)> {
    let d = Some(P_PLUS_14);
    vec![
        (
            "course, day 1",
            json!({"kind":"course","paid_at":P,"now":"2024-03-02T12:00:00Z"}),
            ok(FULL, "full_refund", d),
        ),
        (
            "course, at the payment instant",
            json!({"kind":"course","paid_at":P,"now":P}),
            ok(FULL, "full_refund", d),
        ),
        (
            "course, last second",
            json!({"kind":"course","paid_at":P,"now":"2024-03-15T11:59:59Z"}),
            ok(FULL, "full_refund", d),
        ),
        (
            "course, at the deadline",
            json!({"kind":"course","paid_at":P,"now":P_PLUS_14}),
            ok(NO, "no_refund", d),
        ),
        (
            "course, via direct spelled out",
            json!({"kind":"course","via":"direct","paid_at":P,"now":"2024-03-10T00:00:00Z"}),
            ok(FULL, "full_refund", d),
        ),
        (
            "specialization, after the deadline",
            json!({"kind":"specialization","paid_at":P,"now":"2024-03-20T00:00:00Z"}),
            ok(NO, "no_refund", d),
        ),
        (
            "course, certificate ended the window",
            json!({"kind":"course","paid_at":P,"now":"2024-03-06T00:00:00Z",
                   "certificate_earned_at":"2024-03-05T08:00:00Z"}),
            ok(NO, "no_refund", Some("2024-03-05T08:00:00Z")),
        ),
        (
            "course, cancelled before the certificate",
            json!({"kind":"course","paid_at":P,"now":"2024-03-06T00:00:00Z",
                   "certificate_earned_at":"2024-03-05T08:00:00Z",
                   "cancelled_at":"2024-03-04T00:00:00Z"}),
            ok(FULL, "full_refund", Some("2024-03-05T08:00:00Z")),
        ),
        (
            "course, certificate at payment: no window",
            json!({"kind":"course","paid_at":P,"now":P,"certificate_earned_at":P}),
            ok(NO, "no_refund", Some(P)),
        ),
        (
            "course, certificate at the deadline changes nothing",
            json!({"kind":"course","paid_at":P,"now":"2024-03-16T00:00:00Z",
                   "certificate_earned_at":P_PLUS_14,"cancelled_at":"2024-03-15T11:00:00Z"}),
            ok(FULL, "full_refund", d),
        ),
        (
            "specialization, first course certificate",
            json!({"kind":"specialization","paid_at":P,"now":"2024-03-03T00:00:00Z",
                   "certificate_earned_at":"2024-03-02T00:00:00Z"}),
            ok(NO, "no_refund", Some("2024-03-02T00:00:00Z")),
        ),
        (
            "course, shorter window of 7 days, last second",
            json!({"kind":"course","paid_at":P,"now":"2024-03-08T11:59:59Z","custom_window_days":7}),
            ok(FULL, "full_refund", Some("2024-03-08T12:00:00Z")),
        ),
        (
            "course, shorter window of 7 days, closed",
            json!({"kind":"course","paid_at":P,"now":"2024-03-08T12:00:00Z","custom_window_days":7}),
            ok(NO, "no_refund", Some("2024-03-08T12:00:00Z")),
        ),
        (
            "course, stated window of 0 days",
            json!({"kind":"course","paid_at":P,"now":P,"custom_window_days":0}),
            ok(NO, "no_refund", Some(P)),
        ),
        (
            "course, stated window of 14 days",
            json!({"kind":"course","paid_at":P,"now":"2024-03-10T00:00:00Z","custom_window_days":14}),
            ok(FULL, "full_refund", d),
        ),
        (
            "course, stated window of 15 days",
            json!({"kind":"course","paid_at":P,"now":P,"custom_window_days":15}),
            Err("custom_window_exceeds_standard"),
        ),
        (
            "specialization, stated window of 15 days",
            json!({"kind":"specialization","paid_at":P,"now":P,"custom_window_days":15}),
            Err("custom_window_exceeds_standard"),
        ),
        (
            "other, stated window of 15 days",
            json!({"kind":"other","paid_at":P,"now":"2024-03-10T00:00:00Z","custom_window_days":15}),
            ok(FULL, "full_refund", Some("2024-03-16T12:00:00Z")),
        ),
        (
            "other, no stated window",
            json!({"kind":"other","paid_at":P,"now":P}),
            ok(NO, "no_refund", None),
        ),
        (
            "other, stated window of 0 days",
            json!({"kind":"other","paid_at":P,"now":P,"custom_window_days":0}),
            ok(NO, "no_refund", Some(P)),
        ),
        (
            "course, pre-enrolled, within 14 days of launch",
            json!({"kind":"course","paid_at":P,"now":"2024-04-10T00:00:00Z",
                   "pre_enrolled":true,"launch_at":"2024-04-01T00:00:00Z"}),
            ok(FULL, "full_refund", Some("2024-04-15T00:00:00Z")),
        ),
        (
            "course, pre-enrolled, no launch date",
            json!({"kind":"course","paid_at":P,"now":"2024-06-01T00:00:00Z","pre_enrolled":true}),
            ok(FULL, "full_refund", None),
        ),
        (
            "course, pre-enrolled, launched before payment",
            json!({"kind":"course","paid_at":P,"now":"2024-03-10T00:00:00Z",
                   "pre_enrolled":true,"launch_at":"2024-02-01T00:00:00Z"}),
            ok(FULL, "full_refund", d),
        ),
        (
            "course, pre-enrolled, launched at payment",
            json!({"kind":"course","paid_at":P,"now":"2024-03-16T00:00:00Z",
                   "pre_enrolled":true,"launch_at":P}),
            ok(NO, "no_refund", d),
        ),
        (
            "specialization, pre-enrolled with a stated window counts from payment",
            json!({"kind":"specialization","paid_at":P,"now":"2024-03-09T00:00:00Z",
                   "pre_enrolled":true,"launch_at":"2024-04-01T00:00:00Z","custom_window_days":7}),
            ok(NO, "no_refund", Some("2024-03-08T12:00:00Z")),
        ),
        (
            "course, pre-enrolled, certificate first",
            json!({"kind":"course","paid_at":P,"now":"2024-04-05T00:00:00Z",
                   "pre_enrolled":true,"launch_at":"2024-04-01T00:00:00Z",
                   "certificate_earned_at":"2024-04-04T00:00:00Z"}),
            ok(NO, "no_refund", Some("2024-04-04T00:00:00Z")),
        ),
        (
            "course, launch date ignored unless pre-enrolled",
            json!({"kind":"course","paid_at":P,"now":"2024-03-20T00:00:00Z",
                   "launch_at":"2024-04-01T00:00:00Z"}),
            ok(NO, "no_refund", d),
        ),
        (
            "plus, day 9",
            json!({"kind":"plus_subscription","paid_at":P,"now":"2024-03-10T00:00:00Z"}),
            ok(FULL, "full_refund", d),
        ),
        (
            "plus, with a free trial",
            json!({"kind":"plus_subscription","paid_at":P,"now":"2024-03-02T00:00:00Z",
                   "free_trial_ends_at":"2024-03-08T12:00:00Z"}),
            ok(NO, "no_refund", None),
        ),
        (
            "plus, certificates do not end the window",
            json!({"kind":"plus_subscription","paid_at":P,"now":"2024-03-10T00:00:00Z",
                   "certificate_earned_at":"2024-03-02T00:00:00Z"}),
            ok(FULL, "full_refund", d),
        ),
        (
            "plus, stated window ignored",
            json!({"kind":"plus_subscription","paid_at":P,"now":"2024-03-10T00:00:00Z",
                   "custom_window_days":100}),
            ok(FULL, "full_refund", d),
        ),
        (
            "monthly subscription",
            json!({"kind":"subscription_monthly","paid_at":P,"now":P}),
            ok(NO, "no_refund", None),
        ),
        (
            "guided project",
            json!({"kind":"guided_project","paid_at":P,"now":P}),
            ok(NO, "no_refund", None),
        ),
        (
            "guided project, stated window has no limit and no effect",
            json!({"kind":"guided_project","paid_at":P,"now":P,"custom_window_days":20}),
            ok(NO, "no_refund", None),
        ),
        (
            "degree",
            json!({"kind":"degree","paid_at":P,"now":P}),
            ok(None, "partner_policy", None),
        ),
        (
            "university certificate with a violation: the partner decides",
            json!({"kind":"university_certificate","paid_at":P,"now":P,"honor_code_violation":true}),
            ok(None, "partner_policy", None),
        ),
        (
            "course from the App Store",
            json!({"kind":"course","via":"app_store","paid_at":P,"now":P}),
            ok(None, "marketplace_policy", None),
        ),
        (
            "plus from Google Play",
            json!({"kind":"plus_subscription","via":"google_play","paid_at":P,"now":P}),
            ok(None, "marketplace_policy", None),
        ),
        (
            "degree from Google Play: the marketplace comes first",
            json!({"kind":"degree","via":"google_play","paid_at":P,"now":P}),
            ok(None, "marketplace_policy", None),
        ),
        (
            "course through an organization, with a violation",
            json!({"kind":"course","via":"organization","paid_at":P,"now":P,"honor_code_violation":true}),
            ok(None, "organization_contract", None),
        ),
        (
            "other from the App Store, any stated window",
            json!({"kind":"other","via":"app_store","paid_at":P,"now":P,"custom_window_days":30}),
            ok(None, "marketplace_policy", None),
        ),
        (
            "course, violation inside the window",
            json!({"kind":"course","paid_at":P,"now":P,"honor_code_violation":true}),
            ok(NO, "not_eligible_violation", None),
        ),
        (
            "monthly subscription, violation",
            json!({"kind":"subscription_monthly","paid_at":P,"now":P,"honor_code_violation":true}),
            ok(NO, "not_eligible_violation", None),
        ),
        (
            "course, cancelled in time, asked later",
            json!({"kind":"course","paid_at":P,"now":"2024-04-01T00:00:00Z",
                   "cancelled_at":"2024-03-14T00:00:00Z"}),
            ok(FULL, "full_refund", d),
        ),
        (
            "course, cancelled at the deadline",
            json!({"kind":"course","paid_at":P,"now":"2024-04-01T00:00:00Z","cancelled_at":P_PLUS_14}),
            ok(NO, "no_refund", d),
        ),
        (
            "leap year",
            json!({"kind":"course","paid_at":"2024-02-20T10:00:00Z",
                             "now":"2024-03-05T09:59:59Z"}),
            ok(FULL, "full_refund", Some("2024-03-05T10:00:00Z")),
        ),
        (
            "year end",
            json!({"kind":"course","paid_at":"2025-12-25T23:59:59Z",
                            "now":"2026-01-08T23:59:59Z"}),
            ok(NO, "no_refund", Some("2026-01-08T23:59:59Z")),
        ),
        (
            "unknown fields ignored",
            json!({"kind":"course","paid_at":P,"now":P,"coupon":"X","price":{"usd":49}}),
            ok(FULL, "full_refund", d),
        ),
        (
            "nulls are defaults",
            json!({"kind":"course","paid_at":P,"now":P,"via":null,"pre_enrolled":null,
                   "launch_at":null,"certificate_earned_at":null,"custom_window_days":null,
                   "honor_code_violation":null,"free_trial_ends_at":null,"cancelled_at":null}),
            ok(FULL, "full_refund", d),
        ),
        (
            "missing now",
            json!({"kind":"course","paid_at":P}),
            Err("missing_field"),
        ),
        (
            "null kind",
            json!({"kind":null,"paid_at":P,"now":P}),
            Err("missing_field"),
        ),
        (
            "no such day",
            json!({"kind":"course","paid_at":"2023-02-29T00:00:00Z","now":P}),
            Err("invalid_timestamp"),
        ),
        (
            "kind in capitals",
            json!({"kind":"Course","paid_at":P,"now":P}),
            Err("unknown_kind"),
        ),
        (
            "unknown channel",
            json!({"kind":"course","via":"itunes","paid_at":P,"now":P}),
            Err("unknown_via"),
        ),
        (
            "fractional window",
            json!({"kind":"course","paid_at":P,"now":P,"custom_window_days":3.5}),
            Err("invalid_custom_window"),
        ),
        (
            "negative window",
            json!({"kind":"course","paid_at":P,"now":P,"custom_window_days":-1}),
            Err("negative_custom_window"),
        ),
        (
            "now before payment",
            json!({"kind":"degree","paid_at":P,"now":"2024-03-01T11:59:59Z"}),
            Err("now_before_payment"),
        ),
        (
            "certificate before payment",
            json!({"kind":"course","paid_at":P,"now":P,"certificate_earned_at":"2024-03-01T11:59:59Z"}),
            Err("certificate_before_payment"),
        ),
        (
            "certificate after now",
            json!({"kind":"course","paid_at":P,"now":P,"certificate_earned_at":"2024-03-01T12:00:01Z"}),
            Err("certificate_after_now"),
        ),
        (
            "monthly charge after a cancellation in the trial",
            json!({"kind":"subscription_monthly","paid_at":P,"now":"2024-03-02T00:00:00Z",
                   "cancelled_at":"2024-02-28T00:00:00Z"}),
            Err("cancelled_before_payment"),
        ),
        (
            "cancelled after now",
            json!({"kind":"course","paid_at":P,"now":P,"cancelled_at":"2024-03-01T12:00:01Z"}),
            Err("cancelled_after_now"),
        ),
    ]
}

#[test]
fn contract_examples_table() {
    let examples = contract_examples();
    assert!(examples.len() >= 40, "{} examples", examples.len());
    for (label, input, expected) in examples {
        let expected = expected.map(|(e, o, d)| (e, o, d.map(str::to_owned)));
        assert_eq!(contract(&input), expected, "{label}");
        // The JSON path gives the same three fields or the same code.
        let out = evaluate_str(&input.to_string(), &RefundPolicy::default());
        match &expected {
            Ok((eligible, outcome, deadline)) => {
                assert_eq!(out["eligible"], json!(eligible), "{label}");
                assert_eq!(out["outcome"], json!(outcome), "{label}");
                assert_eq!(out["deadline"], json!(deadline), "{label}");
            }
            Err(code) => assert_eq!(out["error"], json!(code), "{label}"),
        }
    }
}
