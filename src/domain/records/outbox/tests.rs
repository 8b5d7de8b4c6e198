use chrono::{DateTime, TimeDelta, Utc};
use proptest::prelude::*;
use serde_json::json;

use super::*;

fn t(s: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_800_000_000 + s, 0).unwrap()
}

fn id(n: u8) -> RecordId {
    RecordId::from_random_bytes(&[n; 16])
}

fn with(ids: &[u8]) -> Outbox {
    let mut o = Outbox::default();
    for n in ids {
        o.add(id(*n), json!({"id": id(*n)}), t(0));
    }
    o
}

#[test]
fn backoff_doubles_up_to_the_cap_and_jitter_takes_the_upper_half() {
    let b = Backoff::default();
    let secs: Vec<i64> = (1..=12).map(|n| b.delay(n, 1.0).num_seconds()).collect();
    assert_eq!(
        secs,
        [5, 10, 20, 40, 80, 160, 320, 640, 1280, 2560, 3600, 3600]
    );
    assert_eq!(
        b.delay(0, 1.0),
        TimeDelta::seconds(5),
        "0 counts as the first"
    );
    assert_eq!(b.delay(u32::MAX, 1.0), TimeDelta::hours(1));
    assert_eq!(b.delay(2, 0.0), TimeDelta::seconds(5));
    assert_eq!(b.delay(2, 0.5), TimeDelta::seconds(8));
    assert_eq!(b.delay(2, -3.0), b.delay(2, 0.0), "clamped");
    assert_eq!(b.delay(2, 7.0), b.delay(2, 1.0), "clamped");
    assert_eq!(b.delay(2, f64::NAN), b.delay(2, 0.0));
}

#[test]
fn only_a_2xx_removes_an_entry() {
    let b = Backoff::default();
    let mut o = with(&[1]);
    let mut now = t(0);
    for (n, outcome) in [
        Outcome::Status(500),
        Outcome::NetworkError,
        Outcome::Status(429),
        Outcome::Status(404),
        Outcome::Status(301),
        Outcome::Status(199),
    ]
    .into_iter()
    .enumerate()
    {
        let next = o.report(&id(1), outcome, now, 1.0, &b).unwrap();
        assert_eq!(next - now, b.delay(n as u32 + 1, 1.0), "{outcome:?}");
        assert_eq!(o.entries[0].attempts, n as u32 + 1);
        assert_eq!(o.due(next - TimeDelta::seconds(1)).count(), 0);
        assert_eq!(o.due(next).count(), 1);
        now = next;
    }
    assert_eq!(o.report(&id(1), Outcome::Status(204), now, 0.0, &b), None);
    assert!(o.entries.is_empty());
    assert_eq!(o.delivered.get(&id(1)), Some(&now));
    assert_eq!(o.next_attempt(), None);
    // Unknown ids are ignored.
    assert_eq!(o.report(&id(9), Outcome::Status(500), now, 0.0, &b), None);
}

#[test]
fn adding_twice_or_after_delivery_changes_nothing() {
    let mut o = with(&[1, 2]);
    assert!(!o.add(id(1), json!({"other": true}), t(5)));
    assert_eq!(o.entries.len(), 2);
    o.report(&id(2), Outcome::Status(200), t(1), 0.0, &Backoff::default());
    assert!(!o.add(id(2), json!({}), t(5)));
    o.forget_delivered_before(t(2));
    assert!(o.delivered.is_empty());
    assert!(
        o.add(id(2), json!({}), t(5)),
        "forgotten after the retention"
    );
}

#[test]
fn due_entries_come_soonest_first() {
    let b = Backoff::default();
    let mut o = with(&[1, 2, 3]);
    o.report(&id(1), Outcome::NetworkError, t(0), 1.0, &b);
    let order: Vec<RecordId> = o.due(t(10)).map(|e| e.id.clone()).collect();
    assert_eq!(order, [id(2), id(3), id(1)]);
    assert_eq!(o.next_attempt(), Some(t(0)));
}

#[test]
fn merging_two_tabs_keeps_each_id_once_and_never_brings_back_a_delivered_one() {
    let b = Backoff::default();
    let mut tab_a = with(&[1, 2]);
    let mut tab_b = with(&[2, 3]);
    tab_a.report(&id(2), Outcome::Status(500), t(0), 1.0, &b);
    tab_b.report(&id(3), Outcome::Status(200), t(1), 0.0, &b);
    let m = Outbox::merge(&tab_a, &tab_b);
    let ids: Vec<RecordId> = m.entries.iter().map(|e| e.id.clone()).collect();
    assert_eq!(ids, [id(1), id(2)]);
    assert_eq!(m.entries[1].attempts, 1);
    assert_eq!(m.entries[1].next_attempt, t(5));
    assert!(m.delivered.contains_key(&id(3)));
    assert_eq!(m, Outbox::merge(&tab_b, &tab_a));
    assert_eq!(Outbox::merge(&m, &m), m);
    // Tab A still holds 3 in an older copy: merged with B's delivery, it is not resent.
    let stale = with(&[3]);
    assert!(
        Outbox::merge(&stale, &tab_b)
            .entries
            .iter()
            .all(|e| e.id != id(3))
    );
}

#[test]
fn the_stored_form_round_trips_and_bad_values_are_reported() {
    let b = Backoff::default();
    let mut o = with(&[1, 2]);
    o.report(&id(1), Outcome::Status(502), t(0), 0.25, &b);
    o.report(&id(2), Outcome::Status(200), t(3), 0.0, &b);
    assert_eq!(Outbox::decode(&o.encode()), Ok(o.clone()));
    assert!(o.encode().starts_with("{\"delivered\":[{\"at\":"));

    let cases = [
        ("{", "not valid JSON"),
        ("[]", "it is a list"),
        (r#"{"entries":[]}"#, "no \"v\" field"),
        (
            r#"{"v":1,"delivered":[]}"#,
            "field \"entries\": it is missing",
        ),
        (
            r#"{"v":1,"entries":{},"delivered":[]}"#,
            "field \"entries\": it is an object",
        ),
        (
            r#"{"v":1,"entries":[{"id":"x"}],"delivered":[]}"#,
            "field \"entries[0].id\": \"x\" can't be used",
        ),
        (
            r#"{"v":1,"entries":[{"id":"01010101-0101-4101-8101-010101010101","record":{},"attempts":-1,"next_attempt":"2026-01-01T00:00:00Z"}],"delivered":[]}"#,
            "field \"entries[0].attempts\": \"-1\" can't be used",
        ),
        (
            r#"{"v":1,"entries":[{"id":"01010101-0101-4101-8101-010101010101","record":"{}","attempts":0,"next_attempt":"2026-01-01T00:00:00Z"}],"delivered":[]}"#,
            "field \"entries[0].record\": it is a string",
        ),
        (
            r#"{"v":1,"entries":[],"delivered":[{"id":"01010101-0101-4101-8101-010101010101","at":"2026-02-30T00:00:00Z"}]}"#,
            "field \"delivered[0].at\": \"2026-02-30T00:00:00Z\" can't be used",
        ),
    ];
    for (text, says) in cases {
        let err = Outbox::decode(text).unwrap_err().to_string();
        assert!(err.contains(says), "{text}: {err}");
    }
    let entry = r#"{"id":"01010101-0101-4101-8101-010101010101","record":{},"attempts":0,"next_attempt":"2026-01-01T00:00:00Z"}"#;
    let twice = format!(r#"{{"v":1,"entries":[{entry},{entry}],"delivered":[]}}"#);
    assert!(
        Outbox::decode(&twice)
            .unwrap_err()
            .to_string()
            .contains("an id not already in the outbox")
    );
}

#[test]
fn a_lease_keeps_other_tabs_away_until_the_report_or_its_end() {
    let b = Backoff::default();
    let ttl = TimeDelta::seconds(30);
    let mut o = with(&[1, 2]);
    assert!(o.claim(&id(1), "a", t(0), ttl));
    assert!(o.claim(&id(1), "a", t(1), ttl), "the holder may renew");
    assert_eq!(o.entries[0].lease.as_ref().unwrap().until, t(31));
    assert!(!o.claim(&id(1), "b", t(30), ttl));
    assert!(!o.claim(&id(9), "a", t(0), ttl), "not in the outbox");
    let for_b: Vec<RecordId> = o.sendable("b", t(5)).map(|e| e.id.clone()).collect();
    assert_eq!(for_b, [id(2)]);
    assert_eq!(o.sendable("a", t(5)).count(), 2);
    assert_eq!(o.next_wake("b"), Some(t(0)), "entry 2 is due");
    assert!(o.claim(&id(2), "a", t(0), ttl));
    assert_eq!(o.next_wake("b"), Some(t(30)));
    assert_eq!(o.next_wake("a"), Some(t(0)));
    // A failure ends the lease and backs off; any tab may send after the backoff.
    o.report(&id(1), Outcome::Status(503), t(2), 1.0, &b);
    assert_eq!(o.entries[0].lease, None);
    assert_eq!(o.sendable("b", t(7)).map(|e| &e.id).next(), Some(&id(1)));
    // Expired: b may take it.
    assert!(o.claim(&id(2), "b", t(31), ttl));
    // Release drops only the holder's own leases.
    o.claim(&id(1), "a", t(40), ttl);
    o.release("b");
    assert!(o.entries[0].lease.is_some() && o.entries[1].lease.is_none());
    o.release("a");
    assert!(o.entries.iter().all(|e| e.lease.is_none()));
}

#[test]
fn hurry_makes_everything_due_and_keeps_the_attempt_counts() {
    let b = Backoff::default();
    let mut o = with(&[1, 2]);
    o.report(&id(1), Outcome::NetworkError, t(0), 1.0, &b);
    o.report(&id(1), Outcome::NetworkError, t(5), 1.0, &b);
    assert_eq!(o.next_attempt(), Some(t(0)));
    o.hurry(t(7));
    assert_eq!(o.due(t(7)).count(), 2);
    assert_eq!(o.entries[0].attempts, 2);
    assert_eq!(o.entries[1].next_attempt, t(0), "never later than it was");
}

#[test]
fn merging_keeps_the_longer_lease_whatever_the_order() {
    let ttl = TimeDelta::seconds(30);
    let (mut a, mut b) = (with(&[1, 2, 3]), with(&[1, 2, 3]));
    a.claim(&id(1), "a", t(0), ttl);
    b.claim(&id(1), "b", t(5), ttl);
    a.claim(&id(2), "a", t(0), ttl);
    b.claim(&id(3), "b", t(0), ttl);
    b.claim(&id(3), "z", t(0), ttl);
    a.claim(&id(3), "c", t(0), ttl);
    let m = Outbox::merge(&a, &b);
    assert_eq!(m, Outbox::merge(&b, &a));
    let holders: Vec<&str> = m
        .entries
        .iter()
        .map(|e| e.lease.as_ref().unwrap().holder.as_str())
        .collect();
    assert_eq!(holders, ["b", "a", "b"]);
}

#[test]
fn leases_round_trip_and_bad_ones_are_reported() {
    let mut o = with(&[1, 2]);
    o.claim(&id(1), "tab-1", t(0), TimeDelta::seconds(30));
    let text = o.encode();
    assert!(
        text.contains(r#""lease":{"holder":"tab-1","until":"#),
        "{text}"
    );
    assert_eq!(text.matches("lease").count(), 1, "none written for entry 2");
    assert_eq!(Outbox::decode(&text), Ok(o));
    let long = "x".repeat(65);
    for (lease, says) in [
        ("7", "field \"entries[0].lease\": it is a number"),
        (
            r#"{"until":"2026-01-01T00:00:00Z"}"#,
            "entries[0].lease.holder\": it is missing",
        ),
        (
            &*format!(r#"{{"holder":"{long}","until":"2026-01-01T00:00:00Z"}}"#),
            "entries[0].lease.holder",
        ),
        (
            r#"{"holder":"","until":"2026-01-01T00:00:00Z"}"#,
            "entries[0].lease.holder",
        ),
        (
            r#"{"holder":"a","until":"soon"}"#,
            "entries[0].lease.until\": \"soon\"",
        ),
    ] {
        let text = format!(
            r#"{{"v":1,"entries":[{{"id":"01010101-0101-4101-8101-010101010101","record":{{}},"attempts":0,"next_attempt":"2026-01-01T00:00:00Z","lease":{lease}}}],"delivered":[]}}"#
        );
        let err = Outbox::decode(&text).unwrap_err().to_string();
        assert!(err.contains(says), "{lease}: {err}");
    }
}

fn arb_outbox() -> impl Strategy<Value = Outbox> {
    (
        proptest::collection::vec((1u8..8, 0u32..5, 0i64..100, 0u8..4), 0..6),
        proptest::collection::vec((1u8..8, 0i64..100), 0..3),
    )
        .prop_map(|(entries, delivered)| {
            let mut o = Outbox::default();
            for (n, attempts, at, holder) in entries {
                if o.add(id(n), json!({"n": n}), t(at)) {
                    let e = o.entries.iter_mut().find(|e| e.id == id(n)).unwrap();
                    e.attempts = attempts;
                    if holder > 0 {
                        o.claim(
                            &id(n),
                            &format!("tab-{holder}"),
                            t(at),
                            TimeDelta::seconds(30),
                        );
                    }
                }
            }
            for (n, at) in delivered {
                o.entries.retain(|e| e.id != id(n));
                o.delivered.insert(id(n), t(at));
            }
            o
        })
}

proptest! {
    #[test]
    fn merge_is_commutative_idempotent_and_loses_no_undelivered_entry(
        a in arb_outbox(), b in arb_outbox(),
    ) {
        let m = Outbox::merge(&a, &b);
        prop_assert_eq!(&m, &Outbox::merge(&b, &a));
        prop_assert_eq!(&Outbox::merge(&m, &m), &m);
        for e in a.entries.iter().chain(&b.entries) {
            let delivered = m.delivered.contains_key(&e.id);
            let kept = m.entries.iter().filter(|k| k.id == e.id).count();
            prop_assert_eq!(kept, usize::from(!delivered));
        }
        prop_assert_eq!(Outbox::decode(&m.encode()), Ok(m.clone()));
    }
}

/// Found by the `acceptance_store` fuzz target: a stored record holding a number too large
/// for 64 bits (parsed as an `f64`) did not read back as the same number after a save. Such
/// a record is not one this widget wrote: the outbox is reported, naming the field and the
/// number, and set aside by the platform layer (its records are still in the history).
#[test]
fn a_record_with_a_fraction_or_a_huge_number_is_reported() {
    for number in [
        "2777777777777377777777777777777777777777777777777777777777777777777777777777777",
        "0.1",
        "1e300",
        "-3.5",
    ] {
        let stored = format!(
            r#"{{"v":1,"entries":[{{"id":"0a0a0a0a-0a0a-4a0a-8a0a-0a0a0a0a0a0a","record":{{"id":"x","nested":[{{"n":{number}}}]}},"attempts":2,"next_attempt":"2026-03-01T10:00:15Z"}}],"delivered":[]}}"#
        );
        let error = Outbox::decode(&stored).expect_err(number);
        let OutboxError::BadField { field, problem } = &error else {
            panic!("{number}: {error:?}");
        };
        assert_eq!(field, "entries[0].record", "{number}");
        assert!(
            error.to_string().contains("whole and fit in 64 bits"),
            "{error}"
        );
        assert!(
            matches!(problem, FieldProblem::Invalid { .. }),
            "{problem:?}"
        );
    }
}

/// Whole numbers up to 64 bits, negative ones too, are kept exactly.
#[test]
fn a_record_with_whole_numbers_round_trips() {
    let stored = r#"{"v":1,"entries":[{"id":"0a0a0a0a-0a0a-4a0a-8a0a-0a0a0a0a0a0a","record":{"id":"x","big":18446744073709551615,"low":-9223372036854775808,"list":[0,1,2]},"attempts":2,"next_attempt":"2026-03-01T10:00:15Z"}],"delivered":[]}"#;
    let outbox = Outbox::decode(stored).expect("a stored outbox");
    assert_eq!(outbox.entries[0].record["big"], serde_json::json!(u64::MAX));
    assert_eq!(outbox.entries[0].record["low"], serde_json::json!(i64::MIN));
    let again = Outbox::decode(&outbox.encode()).expect("an encoded outbox decodes");
    assert_eq!(again, outbox);
}
