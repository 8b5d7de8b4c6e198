use chrono::{DateTime, NaiveDate, TimeDelta, Timelike, Utc};
use serde_json::json;

use crate::catalog::Catalog;
use crate::domain::refund::local_time::{Occurrence, WallClock};
use crate::domain::refund::{Kind, KindTreatment, Outcome, RefundError, RefundPolicy, Via};
use crate::domain::time::{TimeError, format_instant, parse_instant};

use super::*;

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
