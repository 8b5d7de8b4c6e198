//! Every acceptance made in this browser, append-only: [`AcceptanceHistory`], and two
//! tabs' histories joined ([`AcceptanceHistory::merge`]).

use chrono::{DateTime, Utc};

use super::record::{Acceptance, AcceptanceRecord, Context, RecordError};
use crate::domain::records::id::RecordId;
use crate::domain::records::merge::{Evidence, merge_records};
use crate::domain::records::timestamp;

/// Every acceptance made in this browser, oldest first. Append-only: a new acceptance is
/// a new record; nothing is edited or deleted (contract, *The record*).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AcceptanceHistory {
    /// The records, ordered by time then id when built by this module.
    pub records: Vec<AcceptanceRecord>,
}

impl Evidence for AcceptanceRecord {
    fn id(&self) -> &RecordId {
        &self.id
    }

    fn at(&self) -> DateTime<Utc> {
        self.at
    }

    fn stored_form(&self) -> serde_json::Value {
        self.to_json()
    }
}

impl AcceptanceHistory {
    /// The latest record by time, then id. `None` before the first.
    pub fn latest(&self) -> Option<&AcceptanceRecord> {
        self.records
            .iter()
            .max_by(|a, b| (a.at, &a.id).cmp(&(b.at, &b.id)))
    }

    /// The time to stamp a new action at `now`: `now`, or one second after the latest
    /// record when `now` is not later (two actions in one second, or a clock set back).
    pub fn next_timestamp(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        timestamp::next_timestamp(self.latest().map(|r| r.at), now)
    }

    /// Adds a record. Refuses one that is not well formed
    /// ([`AcceptanceRecord::check`]), one whose id is already in the history, and one
    /// earlier than the latest record (or as early but from another batch: the records
    /// of one action share their time).
    pub fn append(&mut self, record: AcceptanceRecord) -> Result<(), RecordError> {
        record.check()?;
        if self.records.iter().any(|r| r.id == record.id) {
            return Err(RecordError::IdAlreadyUsed { id: record.id });
        }
        if let Some(latest) = self.latest()
            && (record.at < latest.at || (record.at == latest.at && record.batch != latest.batch))
        {
            return Err(RecordError::NotAfterLatest {
                latest: latest.at,
                given: record.at,
            });
        }
        self.records.push(record);
        Ok(())
    }

    /// Records one action: a record for each acceptance, with the ids `ids` (one each, in
    /// order), all in the batch `ctx.batch` and stamped with one time,
    /// [`next_timestamp`](Self::next_timestamp) of `ctx.now`. All or nothing: on an
    /// error nothing is added. Returns the new records, in the order given (the `records`
    /// of the `terms-acceptance` event).
    ///
    /// ```
    /// use terms_widget::domain::acceptance::*;
    /// use terms_widget::domain::documents::bundle::load_json;
    /// use terms_widget::domain::records::id::RecordId;
    /// use terms_widget::domain::time::parse_instant;
    ///
    /// let bundle = load_json(terms_widget::DEFAULT_BUNDLE).bundle;
    /// let honor = bundle.document("honor-code").unwrap();
    /// let all: Vec<String> = honor.current().pledge_list().into_iter().map(|p| p.id).collect();
    /// let ctx = Context {
    ///     batch: RecordId::from_random_bytes(&[9; 16]),
    ///     now: parse_instant("2026-11-29T10:00:00Z").unwrap(),
    ///     scope: Scope::parse("course:ml-101").unwrap(),
    ///     method: Method::Prompt,
    ///     age: None,
    ///     subject: "learner-42".into(),
    ///     language: "en".into(),
    /// };
    /// let mut history = AcceptanceHistory::default();
    /// let accepted = Acceptance { document: honor, version: honor.current(), pledges: &all };
    /// let batch = history.accept(&ctx, [(RecordId::from_random_bytes(&[1; 16]), accepted)]).unwrap();
    /// assert_eq!(batch[0].pledges.as_deref().map(<[String]>::len), Some(5));
    ///
    /// // Four of five pledges is not an acceptance.
    /// let four = &all[..4];
    /// let err = history
    ///     .accept(&ctx, [(RecordId::from_random_bytes(&[2; 16]),
    ///                     Acceptance { document: honor, version: honor.current(), pledges: four })])
    ///     .unwrap_err();
    /// assert_eq!(err, RecordError::PledgesMissing { document: "honor-code".into(), missing: vec!["5".into()] });
    /// assert_eq!(history.records.len(), 1);
    /// ```
    pub fn accept<'a>(
        &mut self,
        ctx: &Context,
        acceptances: impl IntoIterator<Item = (RecordId, Acceptance<'a>)>,
    ) -> Result<Vec<AcceptanceRecord>, RecordError> {
        let stamped = Context {
            now: self.next_timestamp(ctx.now),
            ..ctx.clone()
        };
        let mut batch: Vec<AcceptanceRecord> = Vec::new();
        for (id, acceptance) in acceptances {
            let record = AcceptanceRecord::new(&stamped, id, acceptance)?;
            if batch
                .iter()
                .any(|r| r.document.document == record.document.document)
            {
                return Err(RecordError::DocumentTwice {
                    document: record.document.document,
                });
            }
            if batch.iter().any(|r| r.id == record.id) {
                return Err(RecordError::IdAlreadyUsed { id: record.id });
            }
            batch.push(record);
        }
        if batch.is_empty() {
            return Err(RecordError::EmptyBatch);
        }
        let mut next = self.clone();
        for record in &batch {
            next.append(record.clone())?;
        }
        *self = next;
        Ok(batch)
    }

    /// The records ordered by time, then id: `TermsWidget.getAcceptances()`'s order,
    /// oldest first.
    pub fn ordered(&self) -> Vec<&AcceptanceRecord> {
        let mut records: Vec<&AcceptanceRecord> = self.records.iter().collect();
        records.sort_by(|a, b| (a.at, &a.id).cmp(&(b.at, &b.id)));
        records
    }

    /// The records of one batch (one action), oldest first.
    pub fn batch(&self, batch: &RecordId) -> Vec<&AcceptanceRecord> {
        self.ordered()
            .into_iter()
            .filter(|r| &r.batch == batch)
            .collect()
    }

    /// Joins two histories written concurrently (two tabs): every record of either,
    /// ordered by time, then id; a record present in both is kept once. Commutative,
    /// idempotent, loses nothing (see [`merge_records`]).
    pub fn merge(a: &AcceptanceHistory, b: &AcceptanceHistory) -> AcceptanceHistory {
        AcceptanceHistory {
            records: merge_records(&a.records, &b.records),
        }
    }
}
