//! Boundaries: one second before the deadline, at it, one second after; and the instant judged.

use super::*;

/// Checks the window of `input` closes exactly at `deadline`, judging by `now` and by
/// `cancelled_at` (with `now` later).
fn assert_closes_at(input: &Value, deadline: &str) {
    assert_closes_at_judged(input, deadline, true);
}

/// As [`assert_closes_at`]; `by_now: false` judges by `cancelled_at` only (for a
/// certificate, `now` before it would be an error).
fn assert_closes_at_judged(input: &Value, deadline: &str, by_now: bool) {
    let end = ts(deadline);
    let judge_now = |t: DateTime<Utc>| run(&with(input, json!({"now": at(t)}))).unwrap();
    let judge_cancel = |t: DateTime<Utc>| {
        let now = end + TimeDelta::days(1);
        run(&with(input, json!({"now": at(now), "cancelled_at": at(t)}))).unwrap()
    };
    let judges: Vec<&dyn Fn(DateTime<Utc>) -> Decision> = if by_now {
        vec![&judge_now, &judge_cancel]
    } else {
        vec![&judge_cancel]
    };
    for judge in judges {
        let before = judge(end - TimeDelta::seconds(1));
        assert_eq!(
            (
                before.eligible,
                before.outcome,
                before.deadline,
                before.seconds_left
            ),
            (Some(true), Outcome::FullRefund, Some(end), Some(1)),
            "{input} one second before {deadline}"
        );
        for t in [end, end + TimeDelta::seconds(1)] {
            let after = judge(t);
            assert_eq!(
                (
                    after.eligible,
                    after.outcome,
                    after.deadline,
                    after.seconds_left
                ),
                (Some(false), Outcome::NoRefund, Some(end), None),
                "{input} at {}",
                at(t)
            );
            assert_eq!(after.as_of, t);
        }
    }
}

#[test]
fn boundaries_course_and_specialization() {
    for kind in ["course", "specialization"] {
        assert_closes_at(&json!({"kind": kind, "paid_at": P}), P_PLUS_14);
    }
}

#[test]
fn boundaries_plus_subscription() {
    assert_closes_at(
        &json!({"kind": "plus_subscription", "paid_at": P}),
        P_PLUS_14,
    );
    // A renewal charge has its own window.
    assert_closes_at(
        &json!({"kind": "plus_subscription", "paid_at": "2025-03-01T12:00:00Z"}),
        "2025-03-15T12:00:00Z",
    );
}

#[test]
fn boundaries_pre_enrolled() {
    for kind in ["course", "specialization"] {
        assert_closes_at(
            &json!({"kind": kind, "paid_at": P, "pre_enrolled": true,
                    "launch_at": "2024-05-31T18:30:00Z"}),
            "2024-06-14T18:30:00Z",
        );
    }
}

#[test]
fn boundaries_custom_windows() {
    for kind in ["course", "specialization"] {
        assert_closes_at(
            &json!({"kind": kind, "paid_at": P, "custom_window_days": 7}),
            "2024-03-08T12:00:00Z",
        );
        assert_closes_at(
            &json!({"kind": kind, "paid_at": P, "custom_window_days": 14}),
            P_PLUS_14,
        );
        // 0 days: closed at the payment instant already; a second before it is an error.
        let zero = json!({"kind": kind, "paid_at": P, "now": P, "custom_window_days": 0});
        let decision = run(&zero).unwrap();
        assert_eq!(
            (decision.eligible, decision.deadline),
            (Some(false), Some(ts(P)))
        );
        assert_eq!(
            code(&with(&zero, json!({"now": "2024-03-01T11:59:59Z"}))),
            "now_before_payment"
        );
    }
}

#[test]
fn boundaries_other_services() {
    for (days, deadline) in [
        (1, "2024-03-02T12:00:00Z"),
        (30, "2024-03-31T12:00:00Z"),
        (365, "2025-03-01T12:00:00Z"),
    ] {
        assert_closes_at(
            &json!({"kind": "other", "paid_at": P, "custom_window_days": days}),
            deadline,
        );
    }
}

#[test]
fn boundaries_certificate() {
    // Before the deadline: the certificate closes the window at its instant.
    assert_closes_at_judged(
        &json!({"kind": "course", "paid_at": P, "certificate_earned_at": "2024-03-10T09:00:00Z"}),
        "2024-03-10T09:00:00Z",
        false,
    );
    // One second before the deadline.
    assert_closes_at_judged(
        &json!({"kind": "specialization", "paid_at": P,
                "certificate_earned_at": "2024-03-15T11:59:59Z"}),
        "2024-03-15T11:59:59Z",
        false,
    );
    // Judged by `now` once the certificate exists: closed from its instant on.
    for now in ["2024-03-10T09:00:00Z", "2024-03-10T09:00:01Z"] {
        let input = json!({"kind": "course", "paid_at": P, "now": now,
                           "certificate_earned_at": "2024-03-10T09:00:00Z"});
        assert_eq!(
            contract(&input),
            Ok((NO, "no_refund", Some("2024-03-10T09:00:00Z".to_owned()))),
            "{now}"
        );
    }
    // At the deadline or after it: nothing changes.
    for earned in [P_PLUS_14, "2024-03-15T12:00:01Z", "2024-04-01T00:00:00Z"] {
        let input = json!({"kind": "course", "paid_at": P, "now": "2024-04-02T00:00:00Z",
                           "certificate_earned_at": earned});
        let decision = run(&input).unwrap();
        assert_eq!(decision.deadline, Some(ts(P_PLUS_14)), "{earned}");
        assert_eq!(decision.clause, "courses-and-specializations");
    }
    // A certificate exactly at a shorter window's end changes nothing either: the
    // deciding section is still the shorter window, and the reason does not mention it.
    let at_end = run(
        &json!({"kind": "course", "paid_at": P, "now": "2024-03-09T00:00:00Z",
                             "custom_window_days": 7,
                             "certificate_earned_at": "2024-03-08T12:00:00Z"}),
    )
    .unwrap();
    assert_eq!(at_end.deadline, Some(ts("2024-03-08T12:00:00Z")));
    assert_eq!(at_end.clause, "shorter-refund-windows");
    assert!(!at_end.reason.contains("Certificate"), "{}", at_end.reason);
    // At payment: no window at all.
    let decision = run(&json!({"kind": "course", "paid_at": P, "now": P,
                               "certificate_earned_at": P}))
    .unwrap();
    assert_eq!(
        (decision.eligible, decision.deadline, decision.seconds_left),
        (Some(false), Some(ts(P)), None)
    );
    assert!(
        decision.reason.contains("no refund window"),
        "{}",
        decision.reason
    );
}

#[test]
fn certificate_closes_a_window_whose_end_is_unknown() {
    let input = json!({"kind": "course", "paid_at": P, "pre_enrolled": true,
                       "certificate_earned_at": "2024-03-05T00:00:00Z",
                       "now": "2024-03-06T00:00:00Z"});
    assert_eq!(
        contract(&input),
        Ok((
            Some(false),
            "no_refund",
            Some("2024-03-05T00:00:00Z".to_owned())
        ))
    );
    let earlier = with(&input, json!({"cancelled_at": "2024-03-04T00:00:00Z"}));
    assert_eq!(run(&earlier).unwrap().eligible, Some(true));
}

#[test]
fn cancellation_is_judged_instead_of_now() {
    let input = json!({"kind": "course", "paid_at": P, "now": "2024-06-01T00:00:00Z",
                       "cancelled_at": "2024-03-15T11:00:00Z"});
    let decision = run(&input).unwrap();
    assert_eq!(decision.as_of, ts("2024-03-15T11:00:00Z"));
    assert_eq!(decision.eligible, Some(true));
    assert_eq!(decision.seconds_left, Some(3600));
    // Without the cancellation, `now` is judged and the window has closed.
    let mut without = input.clone();
    without.as_object_mut().unwrap().remove("cancelled_at");
    let decision = run(&without).unwrap();
    assert_eq!(decision.as_of, ts("2024-06-01T00:00:00Z"));
    assert_eq!(decision.eligible, Some(false));
    // A cancellation at the payment instant is inside the window.
    let at_payment = with(&input, json!({"cancelled_at": P}));
    let decision = run(&at_payment).unwrap();
    assert_eq!((decision.eligible, decision.as_of), (Some(true), ts(P)));
    assert_eq!(decision.seconds_left, Some(14 * 86_400));
    // A cancellation exactly at `now` is fine.
    let same = with(&input, json!({"cancelled_at": "2024-06-01T00:00:00Z"}));
    assert_eq!(run(&same).unwrap().eligible, Some(false));
}

#[test]
fn pre_enrolled_without_launch_stays_open() {
    for kind in ["course", "specialization"] {
        let input = json!({"kind": kind, "paid_at": P, "now": "2030-01-01T00:00:00Z",
                           "pre_enrolled": true});
        let decision = run(&input).unwrap();
        assert_eq!(
            (
                decision.eligible,
                decision.outcome,
                decision.deadline,
                decision.seconds_left
            ),
            (Some(true), Outcome::FullRefund, None, None)
        );
        assert_eq!(decision.clause, "pre-enrolment");
    }
    // A launch at the payment instant is not "after payment": the ordinary rule.
    let launched = run(&json!({"kind": "course", "paid_at": P, "now": P,
                               "pre_enrolled": true, "launch_at": P}))
    .unwrap();
    assert_eq!(launched.deadline, Some(ts(P_PLUS_14)));
    assert_eq!(launched.clause, "courses-and-specializations");
    assert!(
        launched.reason.contains("had already launched"),
        "{}",
        launched.reason
    );
    // Pre-enrolment means nothing for kinds without it.
    let plus = json!({"kind": "plus_subscription", "paid_at": P, "now": P,
                      "pre_enrolled": true, "launch_at": "2024-06-01T00:00:00Z"});
    assert_eq!(run(&plus).unwrap().deadline, Some(ts(P_PLUS_14)));
}
