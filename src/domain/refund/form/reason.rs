//! The refund reason in the catalog's language: the facts the engine recorded
//! ([`Decision::why`]) worded with [`Catalog`] keys. In English it is the engine's own
//! [`Decision::reason`] (the refund contract's, which stays English), byte for byte, when
//! instants are written with [`utc_when`].

use chrono::{DateTime, Utc};

use crate::catalog::{Catalog, Msg};
use crate::domain::refund::{Basis, Decision, Ending, Kind, Via, Why, Window};
use crate::domain::time::{InstantFields, format_instant};

/// `t` as the reason writes it, in UTC: "2024-03-01 at 12:00 UTC" in English (seconds
/// only when not zero); an instant the contract cannot write in its usual form is written
/// as [`format_instant`] writes it.
pub fn utc_when(cat: &Catalog, t: DateTime<Utc>) -> String {
    match InstantFields::of(t) {
        Some(fields) => {
            let mut date = String::with_capacity(10);
            fields.push_date(&mut date);
            let mut time = String::with_capacity(8);
            fields.push_time(&mut time, !fields.on_the_minute());
            cat.with(Msg::WhyWhen, &[("date", &date), ("time", &time)])
        }
        None => format_instant(t),
    }
}

/// Why, in the catalog's language, with the dates that decided: `when` writes an instant
/// (e.g. `|t| utc_when(cat, t)`, as the contract's English reason does).
///
/// ```
/// use serde_json::json;
/// use terms_widget::catalog::Catalog;
/// use terms_widget::domain::refund::form::{reason_in, utc_when};
/// use terms_widget::domain::refund::{evaluate, RefundPolicy};
///
/// let input = json!({"kind": "course", "paid_at": "2024-03-01T12:00:00Z",
///                    "now": "2024-03-11T08:00:00Z"});
/// let decision = evaluate(&input, &RefundPolicy::default()).unwrap();
/// let cat = Catalog::en();
/// assert_eq!(reason_in(&cat, &decision, |t| utc_when(&cat, t)), decision.reason);
/// ```
pub fn reason_in(
    cat: &Catalog,
    decision: &Decision,
    when: impl Fn(DateTime<Utc>) -> String,
) -> String {
    let kinds = |kind: Kind| cat.text(kinds_inside(kind));
    match decision.why {
        Why::Marketplace(via) => cat.text(match via {
            Via::GooglePlay => Msg::WhyGooglePlay,
            Via::AppStore => Msg::WhyAppStore,
            Via::Direct | Via::Organization => Msg::WhyMarketplaceChannel,
        }),
        Why::Organization => cat.text(Msg::WhyOrganization),
        Why::Partner(kind) => cat.with(Msg::WhyPartner, &[("kinds", &kinds(kind))]),
        Why::SoldThroughMarketplace(kind) => {
            cat.with(Msg::WhySoldThroughMarketplace, &[("kinds", &kinds(kind))])
        }
        Why::Violation => cat.text(Msg::WhyViolation),
        Why::NotRefunded(Kind::SubscriptionMonthly) => cat.text(Msg::WhyMonthlyNotRefunded),
        Why::NotRefunded(kind) => cat.with(
            Msg::WhyNotRefunded,
            &[("kinds", &cat.text(kinds_at_start(kind)))],
        ),
        Why::FreeTrial(kind) => cat.with(Msg::WhyFreeTrial, &[("this", &cat.text(this(kind)))]),
        Why::NoStatedWindow => cat.text(Msg::WhyNoStatedWindow),
        Why::Window(window) => {
            let rule = window_rule(cat, &window, &when);
            let ending = ending(cat, &window, &when);
            let verdict = verdict(cat, decision, &window, &when);
            cat.with(
                Msg::WhyWindow,
                &[("rule", &rule), ("ending", &ending), ("verdict", &verdict)],
            )
        }
    }
}

/// The window's rule, without its final punctuation.
fn window_rule(cat: &Catalog, window: &Window, when: &impl Fn(DateTime<Utc>) -> String) -> String {
    let kind = window.kind;
    let paid = when(window.paid_at);
    let paid = ("paid", paid.as_str());
    let this = cat.text(this(kind));
    let kinds = cat.text(kinds_at_start(kind));
    let what = cat.text(launch_noun(kind));
    match window.basis {
        Basis::Stated(days) => cat.count(Msg::WhyStated, days, &[paid]),
        Basis::Shorter(days) => cat.count(Msg::WhyShorter, days, &[paid, ("this", &this)]),
        Basis::Standard {
            days,
            launched_first: false,
        } => cat.count(Msg::WhyStandard, days.into(), &[paid, ("kinds", &kinds)]),
        Basis::Standard {
            days,
            launched_first: true,
        } => cat.count(
            Msg::WhyLaunchedFirst,
            days.into(),
            &[paid, ("what", &what), ("kinds", &kinds)],
        ),
        Basis::FromLaunch { launch, days } => cat.count(
            Msg::WhyFromLaunch,
            days.into(),
            &[paid, ("what", &what), ("launch", &when(launch))],
        ),
        Basis::NoLaunchYet { days } => {
            cat.count(Msg::WhyNoLaunchYet, days.into(), &[paid, ("what", &what)])
        }
    }
}

/// How the window ends, with its leading punctuation.
fn ending(cat: &Catalog, window: &Window, when: &impl Fn(DateTime<Utc>) -> String) -> String {
    let certificate = || cat.text(certificate_noun(window.kind));
    match window.ending {
        Ending::CertificateAtPayment => cat.with(
            Msg::WhyEndCertificateAtPayment,
            &[("certificate", &certificate())],
        ),
        Ending::Certificate(earned) => cat.with(
            Msg::WhyEndCertificate,
            &[("certificate", &certificate()), ("earned", &when(earned))],
        ),
        Ending::AfterLastInstant => cat.text(Msg::WhyEndAfterLastInstant),
        Ending::NoWindow => cat.text(Msg::WhyEndNoWindow),
        Ending::Closes(end) => cat.with(Msg::WhyEndCloses, &[("end", &when(end))]),
        Ending::NotKnown => cat.text(Msg::WhyEndNotKnown),
    }
}

/// The instant judged against the window.
fn verdict(
    cat: &Catalog,
    decision: &Decision,
    window: &Window,
    when: &impl Fn(DateTime<Utc>) -> String,
) -> String {
    let as_of = when(decision.as_of);
    let eligible = decision.eligible == Some(true);
    let no_window = decision.deadline == Some(window.paid_at);
    if let (true, Some(left)) = (eligible, decision.seconds_left) {
        let msg = if window.cancelled {
            Msg::WhyCancelledInTime
        } else {
            Msg::WhyOnStillOpen
        };
        return cat.with(
            msg,
            &[("as_of", &as_of), ("duration", &super::duration(cat, left))],
        );
    }
    let msg = match (eligible, window.cancelled) {
        (true, true) => Msg::WhyCancelledWhileOpen,
        (true, false) => Msg::WhyOnOpen,
        (false, true) if no_window => Msg::WhyCancelledNoWindow,
        (false, false) if no_window => Msg::WhyOnNoWindow,
        (false, true) => Msg::WhyCancelledAfterClose,
        (false, false) => Msg::WhyOnClosed,
    };
    cat.with(msg, &[("as_of", &as_of)])
}

/// "This course": one purchase of `kind`, as a sentence's subject.
fn this(kind: Kind) -> Msg {
    match kind {
        Kind::SubscriptionMonthly => Msg::WhyThisMonthly,
        Kind::PlusSubscription => Msg::WhyThisPlus,
        Kind::Course => Msg::WhyThisCourse,
        Kind::Specialization => Msg::WhyThisSpecialization,
        Kind::GuidedProject => Msg::WhyThisGuidedProject,
        Kind::Degree => Msg::WhyThisDegree,
        Kind::UniversityCertificate => Msg::WhyThisUniversityCertificate,
        Kind::Other => Msg::WhyThisOther,
    }
}

/// "Courses": purchases of `kind`, at the start of a sentence.
fn kinds_at_start(kind: Kind) -> Msg {
    match kind {
        Kind::SubscriptionMonthly => Msg::WhyAllMonthly,
        Kind::PlusSubscription => Msg::WhyAllPlus,
        Kind::Course => Msg::WhyAllCourse,
        Kind::Specialization => Msg::WhyAllSpecialization,
        Kind::GuidedProject => Msg::WhyAllGuidedProject,
        Kind::Degree => Msg::WhyAllDegree,
        Kind::UniversityCertificate => Msg::WhyAllUniversityCertificate,
        Kind::Other => Msg::WhyAllOther,
    }
}

/// "courses": purchases of `kind`, inside a sentence.
fn kinds_inside(kind: Kind) -> Msg {
    match kind {
        Kind::SubscriptionMonthly => Msg::WhyKindsMonthly,
        Kind::PlusSubscription => Msg::WhyKindsPlus,
        Kind::Course => Msg::WhyKindsCourse,
        Kind::Specialization => Msg::WhyKindsSpecialization,
        Kind::GuidedProject => Msg::WhyKindsGuidedProject,
        Kind::Degree => Msg::WhyKindsDegree,
        Kind::UniversityCertificate => Msg::WhyKindsUniversityCertificate,
        Kind::Other => Msg::WhyKindsOther,
    }
}

/// What launches: "the course".
fn launch_noun(kind: Kind) -> Msg {
    match kind {
        Kind::Course => Msg::WhyLaunchCourse,
        Kind::Specialization => Msg::WhyLaunchSpecialization,
        _ => Msg::WhyLaunchOther,
    }
}

/// The certificate that ends a window: "your Course Certificate".
fn certificate_noun(kind: Kind) -> Msg {
    match kind {
        Kind::Course => Msg::WhyCertificateCourse,
        Kind::Specialization => Msg::WhyCertificateSpecialization,
        _ => Msg::WhyCertificateOther,
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeDelta;
    use serde_json::{Map, Value, json};

    use super::*;
    use crate::catalog::Lang;
    use crate::domain::refund::{
        CustomWindow, KindTreatment, RefundPolicy, ViaTreatment, evaluate,
    };
    use crate::domain::time::parse_instant;

    /// The default policy, and policies that send every kind down one road: another
    /// treatment, a window of 0 or 1 day, every window option switched on.
    fn policies() -> Vec<RefundPolicy> {
        let mut all = vec![RefundPolicy::default()];
        let treatments = [
            KindTreatment::Window,
            KindTreatment::NoRefund,
            KindTreatment::Partner,
            KindTreatment::Marketplace,
            KindTreatment::Organization,
        ];
        for treatment in treatments {
            for (custom, days) in [
                (CustomWindow::Shorter, None),
                (CustomWindow::Required, Some(1)),
                (CustomWindow::Ignored, Some(0)),
            ] {
                let mut policy = RefundPolicy::default();
                for kind in Kind::ALL {
                    let rules = policy.kinds.get_mut(kind);
                    rules.treatment = treatment;
                    rules.custom_window = custom;
                    rules.window_days = days;
                    rules.certificate_ends_window = true;
                    rules.free_trial_replaces_window = custom == CustomWindow::Ignored;
                    rules.pre_enrolment = true;
                }
                if treatment == KindTreatment::Window && custom == CustomWindow::Shorter {
                    // Every channel treated as a marketplace or an organization.
                    for (via, channel) in Via::ALL.into_iter().zip([
                        ViaTreatment::Marketplace,
                        ViaTreatment::Organization,
                        ViaTreatment::KindRules,
                        ViaTreatment::Marketplace,
                    ]) {
                        *policy.via.get_mut(via) = channel;
                    }
                }
                all.push(policy);
            }
        }
        all
    }

    /// Every kind and channel (and none), with the dates and answers that lead to each
    /// reason: payment, launch before and after, certificates at payment and later, a
    /// free trial, stated windows, violations, cancellations, now at and around the
    /// window's end; and a payment so late in 9999 that the window ends after it.
    fn inputs(full: bool) -> Vec<Value> {
        let paid = parse_instant("2024-03-01T12:00:00Z").unwrap();
        let at = |days: i64, seconds: i64| {
            let t = paid + TimeDelta::days(days) + TimeDelta::seconds(seconds);
            Value::String(crate::domain::time::format_instant(t))
        };
        let nows = if full {
            vec![at(0, 0), at(1, 0), at(13, 86_399), at(14, 0), at(40, 30)]
        } else {
            vec![at(0, 0), at(14, 0)]
        };
        let launches = [None, Some(at(-2, 0)), Some(at(0, 0)), Some(at(3, 0))];
        let certificates = [None, Some(at(0, 0)), Some(at(2, 90))];
        let windows: &[Option<Value>] = if full {
            &[None, Some(json!(0)), Some(json!(1)), Some(json!(7))]
        } else {
            &[None, Some(json!(1))]
        };
        let cancels = [None, Some(at(0, 0)), Some(at(1, 0))];
        let vias = [
            None,
            Some("direct"),
            Some("app_store"),
            Some("google_play"),
            Some("organization"),
        ];
        let mut all = Vec::new();
        for kind in Kind::ALL {
            for via in vias {
                for now in &nows {
                    for (pre, launch) in [(false, &None)]
                        .into_iter()
                        .chain(launches.iter().map(|l| (true, l)))
                    {
                        for cert in &certificates {
                            for window in windows {
                                for (violation, trial) in
                                    [(false, false), (true, false), (false, true)]
                                {
                                    for cancel in &cancels {
                                        let mut map = Map::new();
                                        map.insert("kind".into(), json!(kind.as_str()));
                                        map.insert("paid_at".into(), at(0, 0));
                                        map.insert("now".into(), now.clone());
                                        let mut put = |key: &str, value: Option<Value>| {
                                            if let Some(value) = value {
                                                map.insert(key.into(), value);
                                            }
                                        };
                                        put("via", via.map(|v| json!(v)));
                                        put("pre_enrolled", pre.then_some(json!(true)));
                                        put("launch_at", launch.clone());
                                        put("certificate_earned_at", cert.clone());
                                        put("custom_window_days", window.clone());
                                        put(
                                            "honor_code_violation",
                                            violation.then_some(json!(true)),
                                        );
                                        put("free_trial_ends_at", trial.then(|| at(7, 0)));
                                        put("cancelled_at", cancel.clone());
                                        all.push(Value::Object(map));
                                    }
                                }
                            }
                        }
                    }
                }
            }
            all.push(
                json!({"kind": kind.as_str(), "paid_at": "9999-12-25T00:00:00Z",
                            "now": "9999-12-30T00:00:00Z"}),
            );
            all.push(
                json!({"kind": kind.as_str(), "paid_at": "2024-03-01T12:00:30Z",
                            "now": "2024-03-01T12:00:30Z", "pre_enrolled": true}),
            );
        }
        all
    }

    #[test]
    fn in_english_the_reason_is_the_engines_byte_for_byte() {
        let cat = Catalog::en().with_platform("Heron Academy");
        let mut judged = 0;
        let mut whys = std::collections::HashSet::new();
        for (n, policy) in policies().iter().enumerate() {
            for input in inputs(n == 0) {
                let Ok(decision) = evaluate(&input, policy) else {
                    continue;
                };
                assert_eq!(
                    reason_in(&cat, &decision, |t| utc_when(&cat, t)),
                    decision.reason,
                    "{input}"
                );
                let name = |debug: String| debug.split(['(', ' ']).next().unwrap().to_owned();
                whys.insert(name(format!("{:?}", decision.why)));
                if let Why::Window(w) = decision.why {
                    whys.insert(name(format!("{:?}", w.ending)));
                    whys.insert(name(format!("{:?}", w.basis)));
                }
                judged += 1;
            }
        }
        // Every kind of reason and of ending was reached, over many inputs.
        assert_eq!(whys.len(), 9 + 6 + 5, "{whys:?}");
        assert!(judged > 300_000, "{judged}");
    }

    #[test]
    fn other_languages_word_every_reason_without_english_or_gaps() {
        let policy = RefundPolicy::default();
        for lang in [Lang::Es, Lang::Ar] {
            let cat = Catalog::new(lang);
            for input in inputs(false).iter().step_by(7) {
                let Ok(decision) = evaluate(input, &policy) else {
                    continue;
                };
                let text = reason_in(&cat, &decision, |t| utc_when(&cat, t));
                assert!(!text.contains('{'), "{}: {text}", lang.tag());
                assert_ne!(text, decision.reason, "{}: {input}", lang.tag());
            }
        }
    }
}
