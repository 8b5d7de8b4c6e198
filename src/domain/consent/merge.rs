//! Joining what two browser tabs wrote: [`merge`], by the records' shared
//! [`merge_records`].

use chrono::{DateTime, Utc};

use super::storage::record_to_json;
use super::{ConsentHistory, ConsentRecord, RecordId};
use crate::domain::records::merge::{Evidence, merge_records};

/// Joins two histories written concurrently (two tabs): every record of either, ordered by
/// time, then id; a record present in both is kept once.
///
/// The result does not depend on the order of the arguments (commutative), merging again
/// changes nothing (idempotent), and no record is lost. Two different records with the
/// same id are both kept (ordered by their stored form), since a record is evidence.
///
/// ```
/// use terms_widget::domain::consent::*;
/// use chrono::DateTime;
/// let cats = CategorySet::default_set();
/// let policy = PolicyRef::for_text("privacy-policy", "3", "text");
/// let ctx = |n: u8, t: i64| Context {
///     id: RecordId::from_random_bytes(&[n; 16]),
///     now: DateTime::from_timestamp(t, 0).unwrap(),
///     signals: Signals::NONE,
///     language: "en".into(),
/// };
/// let mut tab_a = ConsentHistory::default();
/// tab_a.withdraw_all(&cats, &policy, ctx(1, 100), Method::Banner).unwrap();
/// let mut tab_b = tab_a.clone();
/// tab_a.withdraw_all(&cats, &policy, ctx(2, 200), Method::Preferences).unwrap();
/// tab_b.withdraw_all(&cats, &policy, ctx(3, 150), Method::Preferences).unwrap();
/// let merged = merge(&tab_a, &tab_b);
/// assert_eq!(merged.records.len(), 3);
/// assert_eq!(merged, merge(&tab_b, &tab_a));
/// assert_eq!(merged.current().unwrap().at.timestamp(), 200);
/// ```
pub fn merge(a: &ConsentHistory, b: &ConsentHistory) -> ConsentHistory {
    ConsentHistory {
        records: merge_records(&a.records, &b.records),
    }
}

impl Evidence for ConsentRecord {
    fn id(&self) -> &RecordId {
        &self.id
    }

    fn at(&self) -> DateTime<Utc> {
        self.at
    }

    fn stored_form(&self) -> serde_json::Value {
        record_to_json(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::consent::history::is_granted;
    use crate::domain::consent::test_support::*;
    use crate::domain::consent::*;
    use Choice::Granted;
    use proptest::prelude::*;

    #[test]
    fn merge_joins_two_tabs_without_losing_anything() {
        let cats = cats();
        let p = policy("3");
        let mut tab_a = ConsentHistory::default();
        tab_a
            .record(
                &cats,
                &p,
                ctx(1, "2026-11-24T10:00:00Z", Signals::NONE),
                Method::Banner,
                all_optional(&cats, Granted),
            )
            .unwrap();
        let mut tab_b = tab_a.clone();
        tab_a
            .withdraw_all(
                &cats,
                &p,
                ctx(2, "2026-11-24T10:02:00Z", Signals::NONE),
                Method::Preferences,
            )
            .unwrap();
        tab_b
            .record(
                &cats,
                &p,
                ctx(3, "2026-11-24T10:01:00Z", Signals::NONE),
                Method::Preferences,
                all_optional(&cats, Granted),
            )
            .unwrap();
        let m = merge(&tab_a, &tab_b);
        let ids: Vec<RecordId> = m.records.iter().map(|r| r.id.clone()).collect();
        assert_eq!(
            ids,
            [1, 3, 2].map(|n| RecordId::from_random_bytes(&[n; 16]))
        );
        assert_eq!(m, merge(&tab_b, &tab_a));
        assert_eq!(merge(&m, &tab_a), m);
        assert!(
            !is_granted(&m, cat(&cats, "analytics")),
            "the later withdrawal wins"
        );

        // Same id, different content: both kept.
        let mut forged = tab_a.records[1].clone();
        forged.choices.insert("analytics".into(), Granted);
        let odd = ConsentHistory {
            records: vec![forged.clone()],
        };
        let m2 = merge(&tab_a, &odd);
        assert_eq!(m2.records.len(), 3);
        assert!(m2.records.contains(&forged));
        assert_eq!(m2, merge(&odd, &tab_a));
    }

    proptest! {
        #[test]
        fn merge_is_commutative(a in arb_history(), b in arb_history()) {
            prop_assert_eq!(merge(&a, &b), merge(&b, &a));
        }

        #[test]
        fn merge_is_idempotent(a in arb_history(), b in arb_history()) {
            let m = merge(&a, &b);
            prop_assert_eq!(merge(&m, &m), m.clone());
            prop_assert_eq!(merge(&m, &a), m.clone());
            prop_assert_eq!(merge(&a, &a), merge(&a, &ConsentHistory::default()));
        }

        #[test]
        fn merge_is_associative(a in arb_history(), b in arb_history(), c in arb_history()) {
            prop_assert_eq!(merge(&merge(&a, &b), &c), merge(&a, &merge(&b, &c)));
        }

        #[test]
        fn merge_loses_nothing_and_invents_nothing(a in arb_history(), b in arb_history()) {
            let m = merge(&a, &b);
            for r in a.records.iter().chain(&b.records) {
                prop_assert!(m.records.contains(r), "lost {:?}", r.id);
            }
            for r in &m.records {
                prop_assert!(a.records.contains(r) || b.records.contains(r));
            }
            for w in m.records.windows(2) {
                prop_assert!((w[0].at, &w[0].id) <= (w[1].at, &w[1].id), "ordered by time, then id");
                prop_assert_ne!(&w[0], &w[1]);
            }
            let key = |h: &ConsentHistory| h.current().map(|r| (r.at, r.id.clone()));
            prop_assert_eq!(key(&m), key(&a).max(key(&b)));
        }
    }
}
