//! Joining what two browser tabs wrote to one append-only history: [`merge_records`], for
//! any record kind that says its id, its time and its stored form ([`Evidence`]).
//!
//! Consent records and acceptance records are merged by this one function.

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::id::RecordId;

/// A record of an append-only history: evidence that someone agreed to something.
pub trait Evidence {
    /// The record's id.
    fn id(&self) -> &RecordId;
    /// When the record was made (UTC).
    fn at(&self) -> DateTime<Utc>;
    /// The record as it is stored: orders two different records that share an id and a
    /// time, so that the merge does not depend on which tab's list came first.
    fn stored_form(&self) -> Value;
}

/// Joins two lists of records written concurrently (two tabs): every record of either,
/// ordered by time, then id, then stored form; a record present in both is kept once.
///
/// The result does not depend on the order of the arguments (commutative), merging again
/// changes nothing (idempotent), and no record is lost. Two *different* records with the
/// same id are both kept, since a record is evidence: nothing here decides which is true.
pub fn merge_records<R: Evidence + Clone + PartialEq>(a: &[R], b: &[R]) -> Vec<R> {
    let mut all: Vec<(DateTime<Utc>, &RecordId, String, &R)> = a
        .iter()
        .chain(b)
        .map(|r| (r.at(), r.id(), r.stored_form().to_string(), r))
        .collect();
    all.sort_by(|x, y| (x.0, x.1, &x.2).cmp(&(y.0, y.1, &y.2)));
    all.dedup_by(|x, y| x.3 == y.3);
    all.into_iter().map(|(_, _, _, r)| r.clone()).collect()
}
