//! Every decision a learner made on this device, append-only: [`ConsentHistory`], and
//! what its current record grants.

use chrono::{DateTime, Utc};

use super::{
    Category, CategorySet, Choice, ConsentRecord, Context, Method, PolicyRef, RecordError,
};
use crate::domain::records::timestamp;

/// Every decision a learner made on this device, oldest first. Append-only.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConsentHistory {
    /// The records, ordered by time then id when built by this module.
    pub records: Vec<ConsentRecord>,
}

impl ConsentHistory {
    /// The decision in force: the latest record by time, then id. `None` before the first.
    pub fn current(&self) -> Option<&ConsentRecord> {
        self.records.iter().fold(None, |best, r| match best {
            Some(b) if (b.at, &b.id) > (r.at, &r.id) => Some(b),
            _ => Some(r),
        })
    }

    /// Adds a record. Refuses one whose id is already in the history, one that is not
    /// strictly later than the current record, and one that is not well formed.
    pub fn append(&mut self, record: ConsentRecord) -> Result<(), RecordError> {
        record.check()?;
        if self.records.iter().any(|r| r.id == record.id) {
            return Err(RecordError::IdAlreadyUsed {
                id: record.id.to_string(),
            });
        }
        if let Some(current) = self.current()
            && record.at <= current.at
        {
            return Err(RecordError::NotAfterCurrent {
                current: current.at,
                given: record.at,
            });
        }
        self.records.push(record);
        Ok(())
    }

    /// The time to stamp a new record made at `now`: `now`, or one second after the
    /// current record when `now` is not later than it.
    ///
    /// ```
    /// use terms_widget::domain::consent::ConsentHistory;
    /// use chrono::DateTime;
    /// let t = DateTime::from_timestamp(5, 0).unwrap();
    /// assert_eq!(ConsentHistory::default().next_timestamp(t), t);
    /// ```
    pub fn next_timestamp(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        timestamp::next_timestamp(self.current().map(|c| c.at), now)
    }

    /// Records a decision: makes the record (see [`ConsentRecord::new`]), stamps it with
    /// [`next_timestamp`](Self::next_timestamp) and appends it.
    pub fn record<I, S>(
        &mut self,
        categories: &CategorySet,
        policy: &PolicyRef,
        mut ctx: Context,
        method: Method,
        choices: I,
    ) -> Result<&ConsentRecord, RecordError>
    where
        I: IntoIterator<Item = (S, Choice)>,
        S: AsRef<str>,
    {
        ctx.now = self.next_timestamp(ctx.now);
        let record = ConsentRecord::new(categories, policy, ctx, method, choices)?;
        self.append(record)?;
        let last = self.records.len() - 1;
        Ok(&self.records[last])
    }

    /// Withdraws every optional consent: appends a NEW record refusing every optional
    /// category (required ones stay granted). Earlier records are left exactly as they
    /// were.
    ///
    /// ```
    /// use terms_widget::domain::consent::*;
    /// use chrono::DateTime;
    /// let cats = CategorySet::default_set();
    /// let policy = PolicyRef::for_text("privacy-policy", "3", "text");
    /// let ctx = |n: u8| Context {
    ///     id: RecordId::from_random_bytes(&[n; 16]),
    ///     now: DateTime::from_timestamp(1_800_000_000, 0).unwrap(),
    ///     signals: Signals::NONE,
    ///     language: "en".into(),
    /// };
    /// let mut h = ConsentHistory::default();
    /// h.record(&cats, &policy, ctx(1), Method::Banner,
    ///     cats.optional().map(|c| (c.id.clone(), Choice::Granted))).unwrap();
    /// let before = h.records[0].clone();
    /// h.withdraw_all(&cats, &policy, ctx(2), Method::Preferences).unwrap();
    /// assert_eq!(h.records.len(), 2);
    /// assert_eq!(h.records[0], before);
    /// let versions = PolicyVersion::new(policy.clone(), [("3", true)]);
    /// assert!(!Standing::new(&h, &versions).is_granted(cats.get("analytics").unwrap()));
    /// ```
    pub fn withdraw_all(
        &mut self,
        categories: &CategorySet,
        policy: &PolicyRef,
        ctx: Context,
        method: Method,
    ) -> Result<&ConsentRecord, RecordError> {
        let refusals: Vec<(String, Choice)> = categories
            .optional()
            .map(|c| (c.id.clone(), Choice::Denied))
            .collect();
        self.record(categories, policy, ctx, method, refusals)
    }

    /// The records ordered by time, then id (the order of decisions).
    pub(crate) fn ordered(&self) -> Vec<&ConsentRecord> {
        let mut records: Vec<&ConsentRecord> = self.records.iter().collect();
        records.sort_by(|a, b| (a.at, &a.id).cmp(&(b.at, &b.id)));
        records
    }
}

/// Does the current record grant `category`? Required categories: always. Optional
/// ones: only when the current record grants them; no record, or no choice for the
/// category, means no. This is the record's own answer: what may run *now* also depends
/// on the policy in force, see [`Standing::is_granted`].
pub(crate) fn is_granted(history: &ConsentHistory, category: &Category) -> bool {
    category.required
        || history
            .current()
            .is_some_and(|r| r.learner_choice(&category.id) == Some(Choice::Granted))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::consent::test_support::*;
    use crate::domain::consent::*;
    use Choice::{Denied, Granted};
    use chrono::TimeDelta;

    #[test]
    fn give_change_and_withdraw_only_ever_append() {
        let cats = cats();
        let p = policy("3");
        let mut h = ConsentHistory::default();
        h.record(
            &cats,
            &p,
            ctx(1, "2026-11-24T10:00:00Z", Signals::NONE),
            Method::Banner,
            [
                ("analytics", Granted),
                ("marketing", Denied),
                ("diagnostics", Denied),
                ("location", Granted),
            ],
        )
        .unwrap();
        let first = h.records[0].clone();
        assert_eq!(first.choice("necessary"), Some(Granted));
        assert!(first.required.contains("necessary"));
        assert_eq!(first.policy, p);
        assert_eq!(first.language, "en-GB");
        assert!(is_granted(&h, cat(&cats, "analytics")));
        assert!(is_granted(&h, cat(&cats, "location")));
        assert!(!is_granted(&h, cat(&cats, "marketing")));

        // Change of mind: a new record; the first is untouched.
        h.record(
            &cats,
            &p,
            ctx(2, "2026-11-25T08:00:00Z", Signals::NONE),
            Method::Preferences,
            [
                ("analytics", Denied),
                ("marketing", Granted),
                ("diagnostics", Denied),
                ("location", Granted),
            ],
        )
        .unwrap();
        assert_eq!(h.records.len(), 2);
        assert_eq!(h.records[0], first);
        assert!(!is_granted(&h, cat(&cats, "analytics")));
        assert!(is_granted(&h, cat(&cats, "marketing")));
        let second = h.records[1].clone();

        // Withdraw everything: a third record.
        let withdrawal = h
            .withdraw_all(
                &cats,
                &p,
                ctx(3, "2026-12-01T00:00:00Z", Signals::NONE),
                Method::Preferences,
            )
            .unwrap()
            .clone();
        assert_eq!(h.records.len(), 3);
        assert_eq!(h.records[0], first);
        assert_eq!(h.records[1], second);
        assert_eq!(h.current(), Some(&withdrawal));
        assert_eq!(withdrawal.method, Method::Preferences);
        assert_eq!(withdrawal.at, t("2026-12-01T00:00:00Z"));
        for c in cats.optional() {
            assert_eq!(withdrawal.choice(&c.id), Some(Denied), "{}", c.id);
            assert!(!is_granted(&h, c));
        }
        assert_eq!(withdrawal.choice("necessary"), Some(Granted));
        assert!(is_granted(&h, cat(&cats, "necessary")));
    }

    #[test]
    fn append_keeps_decisions_in_time_order_with_unique_ids() {
        let cats = cats();
        let p = policy("3");
        let denied = all_optional(&cats, Denied);
        let make = |n: u8, at: &str| {
            ConsentRecord::new(
                &cats,
                &p,
                ctx(n, at, Signals::NONE),
                Method::Banner,
                denied.clone(),
            )
            .unwrap()
        };
        let mut h = ConsentHistory::default();
        h.append(make(1, "2026-11-24T10:00:00Z")).unwrap();
        assert_eq!(
            h.append(make(1, "2026-11-25T10:00:00Z")),
            Err(RecordError::IdAlreadyUsed {
                id: RecordId::from_random_bytes(&[1; 16]).to_string()
            })
        );
        let err = h.append(make(2, "2026-11-24T10:00:00Z")).unwrap_err();
        assert_eq!(
            err,
            RecordError::NotAfterCurrent {
                current: t("2026-11-24T10:00:00Z"),
                given: t("2026-11-24T10:00:00Z")
            }
        );
        assert!(err.to_string().contains("next_timestamp"));
        assert!(h.append(make(2, "2026-11-23T10:00:00Z")).is_err());
        assert_eq!(h.records.len(), 1);

        let at = t("2026-11-24T10:00:00Z");
        let s = TimeDelta::seconds;
        assert_eq!(h.next_timestamp(at), at + s(1));
        assert_eq!(h.next_timestamp(at - s(100)), at + s(1));
        assert_eq!(h.next_timestamp(at + s(5)), at + s(5));

        // The helpers stamp a second later when the clock has gone back.
        let r = h
            .record(
                &cats,
                &p,
                ctx(3, "2026-11-01T00:00:00Z", Signals::NONE),
                Method::Preferences,
                denied.clone(),
            )
            .unwrap();
        assert_eq!(r.at, at + s(1));
        assert_eq!(
            h.current().unwrap().id,
            RecordId::from_random_bytes(&[3; 16])
        );

        // Hand-built records are checked too.
        let mut broken = make(9, "2027-01-01T00:00:00Z");
        broken.language = String::new();
        assert!(matches!(
            h.append(broken),
            Err(RecordError::BadLanguage { .. })
        ));
        let mut broken = make(9, "2027-01-01T00:00:00Z");
        broken.choices.insert("necessary".into(), Denied);
        assert_eq!(
            h.append(broken),
            Err(RecordError::RequiredNotGranted {
                id: "necessary".into()
            })
        );
        let mut broken = make(9, "2027-01-01T00:00:00Z");
        broken.choices.insert("Bad Id".into(), Denied);
        assert!(matches!(
            h.append(broken),
            Err(RecordError::BadCategoryId { .. })
        ));
        assert_eq!(h.records.len(), 2);
    }

    #[test]
    fn current_is_the_latest_by_time_then_id_in_any_order() {
        let cats = cats();
        let p = policy("3");
        let make = |n: u8, at: &str| {
            ConsentRecord::new(
                &cats,
                &p,
                ctx(n, at, Signals::NONE),
                Method::Banner,
                all_optional(&cats, Denied),
            )
            .unwrap()
        };
        let h = ConsentHistory {
            records: vec![
                make(5, "2026-01-02T00:00:00Z"),
                make(9, "2026-01-03T00:00:00Z"),
                make(7, "2026-01-03T00:00:00Z"),
                make(1, "2026-01-01T00:00:00Z"),
            ],
        };
        assert_eq!(
            h.current().unwrap().id,
            RecordId::from_random_bytes(&[9; 16])
        );
        assert_eq!(ConsentHistory::default().current(), None);
    }
}
