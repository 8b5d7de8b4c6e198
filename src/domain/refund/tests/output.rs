//! Output: the decision's JSON and the reasons' wording.

use super::*;

#[test]
fn decision_json_shape() {
    let out = evaluate_str(
        &json!({"kind": "course", "paid_at": P, "now": "2024-03-11T08:00:00Z"}).to_string(),
        &RefundPolicy::default(),
    );
    assert_eq!(
        out,
        json!({
            "eligible": true,
            "outcome": "full_refund",
            "deadline": P_PLUS_14,
            "reason": "You paid on 2024-03-01 at 12:00 UTC. Courses can be refunded for 14 \
                       days after payment, so the window closes on 2024-03-15 at 12:00 UTC. \
                       On 2024-03-11 at 08:00 UTC it is still open (4 days 4 hours left), \
                       so a full refund is due.",
            "clause": "courses-and-specializations",
            "as_of": "2024-03-11T08:00:00Z",
            "seconds_left": 4 * 86_400 + 4 * 3600,
            "policy_version": DEFAULT_POLICY_VERSION,
            "policy_effective": DEFAULT_POLICY_EFFECTIVE,
        })
    );
    let deferred = evaluate_str(
        &json!({"kind": "degree", "paid_at": P, "now": P}).to_string(),
        &RefundPolicy::default(),
    );
    assert_eq!(deferred["eligible"], Value::Null);
    assert_eq!(deferred["deadline"], Value::Null);
    assert_eq!(deferred["seconds_left"], Value::Null);
    assert_eq!(deferred["as_of"], json!(P));
}

#[test]
fn reasons_name_the_dates_that_decided() {
    let reason = |input: Value| run(&input).unwrap().reason;
    let r = reason(
        json!({"kind": "course", "paid_at": "2024-03-01T12:00:30Z", "now": "2024-03-20T00:00:00Z"}),
    );
    assert!(
        r.contains("2024-03-01 at 12:00:30 UTC") && r.contains("has closed"),
        "{r}"
    );
    let r = reason(
        json!({"kind": "course", "paid_at": P, "now": "2024-04-10T00:00:00Z",
                          "pre_enrolled": true, "launch_at": "2024-04-01T00:00:00Z"}),
    );
    assert!(
        r.contains("launched on 2024-04-01 at 00:00 UTC") && r.contains("can too"),
        "{r}"
    );
    let r = reason(
        json!({"kind": "specialization", "paid_at": P, "now": "2024-03-06T00:00:00Z",
                          "certificate_earned_at": "2024-03-05T00:00:00Z"}),
    );
    assert!(
        r.contains("first Course Certificate") && r.contains("closed the refund window"),
        "{r}"
    );
    let r = reason(
        json!({"kind": "course", "paid_at": P, "now": "2024-04-01T00:00:00Z",
                          "cancelled_at": "2024-03-10T00:00:00Z"}),
    );
    assert!(
        r.contains("You cancelled on 2024-03-10 at 00:00 UTC, 5 days 12 hours before"),
        "{r}"
    );
    let r = reason(json!({"kind": "plus_subscription", "paid_at": P, "now": P,
                          "free_trial_ends_at": "2024-03-08T00:00:00Z"}));
    assert!(r.contains("free trial instead of a refund period"), "{r}");
    let r = reason(json!({"kind": "course", "via": "google_play", "paid_at": P, "now": P}));
    assert!(r.contains("Google Play"), "{r}");
    let r = reason(json!({"kind": "course", "paid_at": P, "now": P, "custom_window_days": 1}));
    assert!(
        r.contains("shorter refund period at sign-up: 1 day after payment"),
        "{r}"
    );
    for kind in KIND_NAMES {
        let r = reason(json!({"kind": kind, "paid_at": P, "now": P}));
        assert!(
            !r.is_empty() && !r.contains("  ") && !r.contains('_'),
            "{kind}: {r}"
        );
    }
}
