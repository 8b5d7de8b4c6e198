use crate::catalog::Catalog;
use crate::domain::acceptance::receipt::{describe, receipt};
use crate::domain::acceptance::test_support::*;
use crate::domain::acceptance::*;

#[test]
fn the_history_in_words_says_what_how_and_where() {
    let b = bundle();
    let cat = Catalog::en();
    let mut h = AcceptanceHistory::default();
    assert_eq!(
        describe(&cat, &h, &b),
        ["You have not accepted anything yet."]
    );
    let mut minor = ctx(1, "2026-03-01T10:00:00Z", Scope::Platform);
    minor.age = Some(AgeAttestation::MinorWithGuardian);
    accept(
        &mut h,
        &b,
        &minor,
        10,
        &[("terms-of-use", "2"), ("honor-code", "1")],
    );
    let mut again = ctx(2, "2026-03-02T10:00:00Z", course("ml-101"));
    again.method = Method::Reacceptance;
    accept(&mut h, &b, &again, 20, &[("honor-code", "2")]);
    let mut api = ctx(3, "2026-03-03T10:00:00Z", Scope::Platform);
    api.method = Method::Api;
    api.age = None;
    api.subject = "someone-else".into();
    accept(&mut h, &b, &api, 30, &[("privacy-policy", "2")]);
    assert_eq!(
        describe(&cat, &h, &b),
        [
            "On 1 March 2026 you accepted the Terms of Use (version 2) when you signed up, with the agreement of a parent or guardian.",
            "On 1 March 2026 you accepted the Honor Code (version 1) when you signed up, with the agreement of a parent or guardian and affirmed all 4 of its pledges.",
            "On 2 March 2026 you accepted the Honor Code (version 2) again for the course ml-101 after it changed and affirmed all 5 of its pledges.",
            "On 3 March 2026 you accepted the Privacy Policy (version 2) through Kestrel Learning.",
        ]
    );
    let r = receipt(
        &cat.clone().with_platform("Heron Academy"),
        &h,
        &b,
        "learner-42",
    );
    assert_eq!(r["format"], "terms-widget/acceptance-receipt@1");
    assert_eq!(r["platform"], "Heron Academy");
    assert_eq!(
        r["records"].as_array().map(Vec::len),
        Some(3),
        "only this learner's"
    );
    assert_eq!(r["records"][2]["document"]["version"], "2");
    assert_eq!(r["history"].as_array().map(Vec::len), Some(3));
    assert_eq!(
        record_from_json(&r["records"][0]),
        Ok(h.ordered()[0].clone())
    );
}
