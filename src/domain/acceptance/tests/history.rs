use proptest::prelude::*;

use crate::domain::acceptance::test_support::*;
use crate::domain::acceptance::*;
use crate::domain::documents::bundle::load_json;
use crate::domain::records::sha256::sha256_hex;

/// The built-in Honor Code v2's body, hashed in the shell with
/// `tail -n +10 content/honor-code/v2.md | sha256sum` (3,427 bytes: the file after its
/// front matter's closing `---` line).
const HONOR_CODE_V2_SHA256: &str =
    "9ffca12d380632dde41148f3bef0565b2e88508d44af2c3edb8aeb327667e3e2";

#[test]
fn a_record_is_bound_to_the_exact_body_by_an_independent_sha256() {
    let b = load_json(crate::DEFAULT_BUNDLE).bundle;
    let honor = b.document("honor-code").unwrap();
    let v2 = honor.version("2").unwrap();
    assert_eq!(v2.body.len(), 3427);
    let all = all_pledges(&b, "honor-code", "2");
    let mut h = AcceptanceHistory::default();
    let batch = h
        .accept(
            &ctx(1, "2026-11-29T10:00:00Z", course("ml-101")),
            [(
                id(1),
                Acceptance {
                    document: honor,
                    version: v2,
                    pledges: &all,
                },
            )],
        )
        .unwrap();
    assert_eq!(
        batch[0].document.sha256.as_deref(),
        Some(HONOR_CODE_V2_SHA256)
    );
    // A small body, also from `printf '1. Be honest.\n2. Be kind.\n' | sha256sum`.
    assert_eq!(
        sha256_hex(b"1. Be honest.\n2. Be kind.\n"),
        "6e2f7b433887e9d17a41e0ee2662cf73027981ec3c5c0077669b8b2d67bc17e1"
    );
    // The JSON is the contract's, in its order.
    let json = batch[0].to_json_string();
    assert_eq!(
        json,
        format!(
            "{{\"id\":\"{}\",\"at\":\"2026-11-29T10:00:00Z\",\"document\":{{\"id\":\"honor-code\",\"version\":\"2\",\"sha256\":\"{HONOR_CODE_V2_SHA256}\"}},\"scope\":\"course:ml-101\",\"method\":\"prompt\",\"pledges\":[\"1\",\"2\",\"3\",\"4\",\"5\"],\"batch\":\"{}\",\"subject\":\"learner-42\",\"language\":\"en\"}}",
            id(1),
            id(1)
        )
    );
}

#[test]
fn pledges_must_all_be_affirmed_from_a_five_or_a_four_pledge_document() {
    let b = bundle();
    let honor = b.document("honor-code").unwrap();
    let c = ctx(1, "2026-03-01T10:00:00Z", course("ml-101"));
    for (label, count) in [("1", 4), ("2", 5)] {
        let v = honor.version(label).unwrap();
        let all = all_pledges(&b, "honor-code", label);
        assert_eq!(all.len(), count);
        let ok = AcceptanceRecord::new(
            &c,
            id(1),
            Acceptance {
                document: honor,
                version: v,
                pledges: &all,
            },
        )
        .unwrap();
        assert_eq!(ok.pledges.as_ref().map(Vec::len), Some(count));
        // Any order, repeated ids collapse; the record lists them in order.
        let mut shuffled: Vec<String> = all.iter().rev().cloned().collect();
        shuffled.push("1".into());
        let r = AcceptanceRecord::new(
            &c,
            id(1),
            Acceptance {
                document: honor,
                version: v,
                pledges: &shuffled,
            },
        )
        .unwrap();
        assert_eq!(r.pledges, Some(all.clone()));
        // One left out: not an acceptance.
        let short = &all[1..];
        assert_eq!(
            AcceptanceRecord::new(
                &c,
                id(1),
                Acceptance {
                    document: honor,
                    version: v,
                    pledges: short
                }
            ),
            Err(RecordError::PledgesMissing {
                document: "honor-code".into(),
                missing: vec!["1".into()]
            })
        );
        let mut extra = all.clone();
        extra.push((count + 1).to_string());
        let err = AcceptanceRecord::new(
            &c,
            id(1),
            Acceptance {
                document: honor,
                version: v,
                pledges: &extra,
            },
        )
        .unwrap_err();
        assert_eq!(
            err,
            RecordError::UnknownPledge {
                document: "honor-code".into(),
                pledge: (count + 1).to_string(),
                count
            }
        );
        assert!(err.to_string().contains(&format!("\"1\" to \"{count}\"")));
    }
    let terms = b.document("terms-of-use").unwrap();
    let one = vec!["1".to_string()];
    let honor_v1 = honor.version("1").unwrap();
    assert_eq!(
        AcceptanceRecord::new(
            &c,
            id(1),
            Acceptance {
                document: terms,
                version: honor_v1,
                pledges: &[]
            }
        ),
        Err(RecordError::NotThisDocumentsVersion {
            document: "terms-of-use".into(),
            version: "1".into()
        })
    );
    assert_eq!(
        AcceptanceRecord::new(
            &c,
            id(1),
            Acceptance {
                document: terms,
                version: terms.current(),
                pledges: &one
            }
        ),
        Err(RecordError::NoPledges {
            document: "terms-of-use".into()
        })
    );
    let r = AcceptanceRecord::new(&c, id(1), current_unpledged(terms)).unwrap();
    assert_eq!(r.pledges, None);
    assert!(!r.to_json_string().contains("pledges"));
}

#[test]
fn the_context_is_checked() {
    let b = bundle();
    let terms = b.document("terms-of-use").unwrap();
    let make = |c: &Context| AcceptanceRecord::new(c, id(1), current_unpledged(terms));
    let good = ctx(1, "2026-03-01T10:00:00Z", Scope::Platform);
    assert!(make(&good).is_ok());
    let mut c = good.clone();
    c.age = None;
    assert_eq!(make(&c), Err(RecordError::AgeRequired));
    let mut c = good.clone();
    c.method = Method::Api;
    assert_eq!(
        make(&c),
        Err(RecordError::AgeOnlyAtSignup {
            method: Method::Api
        })
    );
    c.age = None;
    assert!(make(&c).is_ok());
    for bad in ["", "   ", "a\nb", &"x".repeat(257)] {
        let mut c = good.clone();
        c.subject = bad.to_string();
        assert!(
            matches!(make(&c), Err(RecordError::BadSubject { .. })),
            "{bad:?}"
        );
    }
    let mut c = good.clone();
    c.subject = "é".repeat(256);
    assert!(make(&c).is_ok(), "256 characters, not bytes");
    let mut c = good.clone();
    c.language = "en_GB".into();
    assert_eq!(
        make(&c),
        Err(RecordError::BadLanguage {
            tag: "en_GB".into()
        })
    );
    let mut c = good;
    c.now = chrono::DateTime::<chrono::Utc>::MAX_UTC;
    assert!(matches!(make(&c), Err(RecordError::TimeOutOfRange { .. })));
}

#[test]
fn one_action_is_one_batch_with_one_time_and_the_next_comes_later() {
    let b = bundle();
    let mut h = AcceptanceHistory::default();
    let first = accept(
        &mut h,
        &b,
        &ctx(1, "2026-03-01T10:00:00Z", Scope::Platform),
        10,
        &[
            ("terms-of-use", "2"),
            ("privacy-policy", "2"),
            ("honor-code", "3"),
        ],
    );
    assert!(
        first
            .iter()
            .all(|r| r.batch == id(1) && r.at == at("2026-03-01T10:00:00Z"))
    );
    let docs: Vec<&str> = first.iter().map(|r| r.document.document.as_str()).collect();
    assert_eq!(
        docs,
        ["terms-of-use", "privacy-policy", "honor-code"],
        "in the order given"
    );
    assert_eq!(h.batch(&id(1)).len(), 3);
    // A second action in the same second is stamped one second later.
    let second = accept(
        &mut h,
        &b,
        &ctx(2, "2026-03-01T10:00:00Z", course("ml-101")),
        20,
        &[("honor-code", "3")],
    );
    assert_eq!(second[0].at, at("2026-03-01T10:00:01Z"));
    // A clock set back: still after the latest.
    let third = accept(
        &mut h,
        &b,
        &ctx(3, "2020-01-01T00:00:00Z", course("cs-50")),
        30,
        &[("honor-code", "3")],
    );
    assert_eq!(third[0].at, at("2026-03-01T10:00:02Z"));
    assert_eq!(h.ordered().last().map(|r| r.id.clone()), Some(id(30)));

    // All or nothing.
    let before = h.clone();
    let honor = b.document("honor-code").unwrap();
    let terms = b.document("terms-of-use").unwrap();
    let err = h.accept(
        &ctx(4, "2026-04-01T00:00:00Z", Scope::Platform),
        [
            (id(40), current_unpledged(terms)),
            (id(41), current_unpledged(honor)),
        ],
    );
    assert!(matches!(err, Err(RecordError::PledgesMissing { .. })));
    assert_eq!(h, before);
    let twice = h.accept(
        &ctx(4, "2026-04-01T00:00:00Z", Scope::Platform),
        [
            (id(40), current_unpledged(terms)),
            (id(41), current_unpledged(terms)),
        ],
    );
    assert_eq!(
        twice,
        Err(RecordError::DocumentTwice {
            document: "terms-of-use".into()
        })
    );
    let same_id = h.accept(
        &ctx(4, "2026-04-01T00:00:00Z", Scope::Platform),
        [(id(10), current_unpledged(terms))],
    );
    assert_eq!(same_id, Err(RecordError::IdAlreadyUsed { id: id(10) }));
    assert_eq!(
        h.accept(&ctx(4, "2026-04-01T00:00:00Z", Scope::Platform), []),
        Err(RecordError::EmptyBatch)
    );
    assert_eq!(h, before);

    // Appending by hand: not before the latest, and not at its time from another batch.
    let mut late = first[0].clone();
    late.id = id(50);
    late.batch = id(5);
    late.at = at("2026-03-01T10:00:02Z");
    assert!(matches!(
        h.append(late.clone()),
        Err(RecordError::NotAfterLatest { .. })
    ));
    late.at = at("2026-03-01T10:00:03Z");
    assert_eq!(h.append(late), Ok(()));
}

fn arb_history() -> impl Strategy<Value = AcceptanceHistory> {
    proptest::collection::vec((0u8..12, 0i64..6, prop::bool::ANY), 0..6).prop_map(|items| {
        let b = bundle();
        let terms = b.document("terms-of-use").unwrap();
        let records = items
            .into_iter()
            .map(|(n, minutes, course_scope)| {
                let scope = if course_scope {
                    course("ml-101")
                } else {
                    Scope::Platform
                };
                let mut c = ctx(n, "2026-03-01T10:00:00Z", scope);
                c.now += chrono::TimeDelta::minutes(minutes);
                AcceptanceRecord::new(&c, id(n), current_unpledged(terms)).unwrap()
            })
            .collect();
        AcceptanceHistory { records }
    })
}

proptest! {
    #[test]
    fn two_tabs_merge_without_losing_or_doubling_a_record(a in arb_history(), b in arb_history()) {
        let m = AcceptanceHistory::merge(&a, &b);
        prop_assert_eq!(&m, &AcceptanceHistory::merge(&b, &a));
        prop_assert_eq!(&AcceptanceHistory::merge(&m, &m), &m);
        for r in a.records.iter().chain(&b.records) {
            prop_assert!(m.records.contains(r));
        }
        for w in m.records.windows(2) {
            prop_assert!((w[0].at, &w[0].id) <= (w[1].at, &w[1].id), "ordered by at");
            prop_assert_ne!(&w[0], &w[1]);
        }
        prop_assert_eq!(decode(&encode(&m)), Ok(m.clone()));
    }
}
