//! The outbox: records waiting to be delivered to the host's endpoint
//! (`records-endpoint="https://…"`), as pure data. The platform layer sends, reads the
//! clock and draws the random jitter; this module decides what is due, what to keep and
//! when to try again, and is shared by consent and acceptance records.
//!
//! The rules (issue 10, *Delivery to the host*):
//!
//! * an entry is a record's id and its JSON; the id is the request's `Idempotency-Key`;
//! * an entry leaves the outbox only when the endpoint answered 2xx
//!   ([`Outbox::report`] with [`Outcome::Status`]); anything else (another status, a
//!   network error, a timeout) schedules another attempt after an exponential backoff
//!   with jitter ([`Backoff`]);
//! * two tabs' outboxes [`merge`](Outbox::merge) without duplicates and without bringing
//!   back an entry that one tab already delivered (delivered ids are remembered for a
//!   while, see [`Outbox::forget_delivered_before`]);
//! * a tab [`claim`](Outbox::claim)s an entry before sending it: a short [`Lease`] in the
//!   stored outbox, so another tab does not send the same entry at the same time (a
//!   best effort: storage has no compare-and-swap, and the endpoint de-duplicates by the
//!   `Idempotency-Key` anyway); a lease ends with the attempt's report, or by expiring.
//!
//! ```
//! use chrono::{DateTime, TimeDelta};
//! use serde_json::json;
//! use terms_widget::domain::records::id::RecordId;
//! use terms_widget::domain::records::outbox::{Backoff, Outbox, Outcome};
//!
//! let t = |s| DateTime::from_timestamp(s, 0).unwrap();
//! let id = RecordId::from_random_bytes(&[1; 16]);
//! let mut outbox = Outbox::default();
//! assert!(outbox.add(id.clone(), json!({"id": id.as_str()}), t(100)));
//! assert_eq!(outbox.due(t(100)).count(), 1);
//!
//! // A server error: try again after the backoff (5 s for the first retry, jitter 1.0).
//! let backoff = Backoff::default();
//! outbox.report(&id, Outcome::Status(503), t(100), 1.0, &backoff);
//! assert_eq!(outbox.due(t(104)).count(), 0);
//! assert_eq!(outbox.next_attempt(), Some(t(105)));
//!
//! // Delivered: gone, and remembered so that a merge does not bring it back.
//! outbox.report(&id, Outcome::Status(201), t(105), 0.0, &backoff);
//! assert!(outbox.entries.is_empty());
//! assert!(!outbox.add(id, json!({}), t(106)));
//! ```

use std::collections::BTreeMap;

use chrono::{DateTime, TimeDelta, Utc};
use serde::Serialize;
use serde_json::Value;

use super::envelope::{EnvelopeProblem, read_envelope};
use super::field::{FieldProblem, TIME_EXPECTED, time_problem};
use super::id::RecordId;
use super::timestamp::serialize_instant;
use crate::domain::time::{format_instant, parse_instant};

/// The format version [`Outbox::encode`] writes.
pub const OUTBOX_VERSION: u64 = 1;

/// How long to wait before the next attempt: `base · 2^(attempts − 1)`, at most `cap`,
/// then scaled by the jitter into its upper half ("equal jitter": between half the delay
/// and the whole of it), so that tabs and pages that failed together do not retry
/// together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    /// The delay after the first failed attempt (before jitter). Default: 5 seconds.
    pub base: TimeDelta,
    /// The longest delay (before jitter). Default: 1 hour.
    pub cap: TimeDelta,
}

impl Default for Backoff {
    fn default() -> Backoff {
        Backoff {
            base: TimeDelta::seconds(5),
            cap: TimeDelta::hours(1),
        }
    }
}

impl Backoff {
    /// The delay after `attempts` failed attempts (1 for the first failure), with
    /// `jitter` a random number from 0 to 1 drawn by the caller (clamped; NaN counts as
    /// 0). Whole seconds, rounded up, as the stored times have no fractions.
    ///
    /// ```
    /// use chrono::TimeDelta;
    /// use terms_widget::domain::records::outbox::Backoff;
    /// let b = Backoff::default();
    /// assert_eq!(b.delay(1, 1.0), TimeDelta::seconds(5));
    /// assert_eq!(b.delay(3, 1.0), TimeDelta::seconds(20));
    /// assert_eq!(b.delay(3, 0.0), TimeDelta::seconds(10));
    /// assert_eq!(b.delay(40, 1.0), TimeDelta::hours(1));
    /// ```
    pub fn delay(&self, attempts: u32, jitter: f64) -> TimeDelta {
        let exponent = attempts.saturating_sub(1).min(40);
        let full = self
            .base
            .checked_mul(1 << exponent.min(30))
            .map_or(self.cap, |d| d.min(self.cap));
        let jitter = if jitter.is_nan() {
            0.0
        } else {
            jitter.clamp(0.0, 1.0)
        };
        let seconds = full.num_seconds() as f64 * (0.5 + jitter / 2.0);
        TimeDelta::seconds(seconds.ceil() as i64)
    }
}

/// How one attempt to deliver an entry ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The endpoint answered with this HTTP status. Only 200–299 counts as delivered.
    Status(u16),
    /// No answer: offline, refused, timed out, blocked.
    NetworkError,
}

impl Outcome {
    /// Was the record delivered (a 2xx status)?
    pub fn is_delivered(self) -> bool {
        matches!(self, Outcome::Status(200..=299))
    }
}

/// A tab sending an entry now: others leave the entry alone until `until`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Lease {
    /// Who sends (a tab's random id).
    pub holder: String,
    /// When the lease ends unless the holder reports first.
    #[serde(serialize_with = "serialize_instant")]
    pub until: DateTime<Utc>,
}

impl Lease {
    /// Does this lease keep `holder` from sending at `now` (held by another, not expired)?
    fn excludes(&self, holder: &str, now: DateTime<Utc>) -> bool {
        self.holder != holder && self.until > now
    }
}

/// The longest holder text a stored lease may have.
const MAX_HOLDER_LEN: usize = 64;

/// One record waiting to be delivered.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutboxEntry {
    /// The record's id, sent as the `Idempotency-Key`.
    pub id: RecordId,
    /// The record as JSON, the request's body.
    pub record: Value,
    /// Failed attempts so far.
    pub attempts: u32,
    /// Not to be sent before this time.
    #[serde(serialize_with = "serialize_instant")]
    pub next_attempt: DateTime<Utc>,
    /// The tab sending it now, if one is ([`Outbox::claim`]). Not written when `None`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lease: Option<Lease>,
}

/// Records waiting to be delivered, and the ids delivered recently.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Outbox {
    /// The entries, ordered by id.
    pub entries: Vec<OutboxEntry>,
    /// Ids delivered (2xx), with when: an entry with one of these ids is not added or
    /// merged back.
    pub delivered: BTreeMap<RecordId, DateTime<Utc>>,
}

impl Outbox {
    /// Queues a record, due at `now`. Returns `false` (and changes nothing) when the id
    /// is already queued or was delivered.
    pub fn add(&mut self, id: RecordId, record: Value, now: DateTime<Utc>) -> bool {
        if self.delivered.contains_key(&id) || self.entries.iter().any(|e| e.id == id) {
            return false;
        }
        self.entries.push(OutboxEntry {
            id,
            record,
            attempts: 0,
            next_attempt: now,
            lease: None,
        });
        self.entries.sort_by(|a, b| a.id.cmp(&b.id));
        true
    }

    /// The entries `holder` may send at `now`: due, and not leased by another tab (an
    /// expired lease does not count), soonest first.
    pub fn sendable<'a>(
        &'a self,
        holder: &'a str,
        now: DateTime<Utc>,
    ) -> impl Iterator<Item = &'a OutboxEntry> + 'a {
        self.due(now)
            .filter(move |e| !e.lease.as_ref().is_some_and(|l| l.excludes(holder, now)))
    }

    /// Leases the entry `id` to `holder` until `now + ttl`, unless another tab holds a
    /// lease that has not expired. Returns whether `holder` now holds it (and may send).
    ///
    /// ```
    /// use chrono::{DateTime, TimeDelta};
    /// use serde_json::json;
    /// use terms_widget::domain::records::{id::RecordId, outbox::Outbox};
    /// let t = |s| DateTime::from_timestamp(s, 0).unwrap();
    /// let id = RecordId::from_random_bytes(&[1; 16]);
    /// let mut outbox = Outbox::default();
    /// outbox.add(id.clone(), json!({}), t(0));
    /// assert!(outbox.claim(&id, "tab-a", t(0), TimeDelta::seconds(30)));
    /// assert!(!outbox.claim(&id, "tab-b", t(10), TimeDelta::seconds(30)));
    /// assert_eq!(outbox.sendable("tab-b", t(10)).count(), 0);
    /// assert!(outbox.claim(&id, "tab-b", t(30), TimeDelta::seconds(30)), "expired");
    /// ```
    pub fn claim(
        &mut self,
        id: &RecordId,
        holder: &str,
        now: DateTime<Utc>,
        ttl: TimeDelta,
    ) -> bool {
        let Some(entry) = self.entries.iter_mut().find(|e| &e.id == id) else {
            return false;
        };
        if entry
            .lease
            .as_ref()
            .is_some_and(|l| l.excludes(holder, now))
        {
            return false;
        }
        entry.lease = Some(Lease {
            holder: holder.chars().take(MAX_HOLDER_LEN).collect(),
            until: now.checked_add_signed(ttl).unwrap_or(now),
        });
        true
    }

    /// Ends the leases `holder` holds (the page is going away without an answer): the
    /// entries stay, due as they were, and any tab may send them.
    pub fn release(&mut self, holder: &str) {
        for entry in &mut self.entries {
            if entry.lease.as_ref().is_some_and(|l| l.holder == holder) {
                entry.lease = None;
            }
        }
    }

    /// Makes every entry due at `now` at the latest (the browser is back online, so
    /// waiting out a backoff that offline attempts caused helps no one). Attempt counts
    /// are kept, so the next failure still backs off from where it was.
    pub fn hurry(&mut self, now: DateTime<Utc>) {
        for entry in &mut self.entries {
            entry.next_attempt = entry.next_attempt.min(now);
        }
    }

    /// When `holder` should look again: the earliest time an entry becomes sendable for it
    /// (its next attempt, or the end of another tab's lease if later). `None` when empty.
    pub fn next_wake(&self, holder: &str) -> Option<DateTime<Utc>> {
        self.entries
            .iter()
            .map(|e| match &e.lease {
                Some(l) if l.holder != holder => e.next_attempt.max(l.until),
                _ => e.next_attempt,
            })
            .min()
    }

    /// The entries due at `now`, soonest first (then by id).
    pub fn due(&self, now: DateTime<Utc>) -> impl Iterator<Item = &OutboxEntry> {
        let mut due: Vec<&OutboxEntry> = self
            .entries
            .iter()
            .filter(|e| e.next_attempt <= now)
            .collect();
        due.sort_by(|a, b| (a.next_attempt, &a.id).cmp(&(b.next_attempt, &b.id)));
        due.into_iter()
    }

    /// When the next entry is due, to set a timer; `None` when the outbox is empty.
    pub fn next_attempt(&self) -> Option<DateTime<Utc>> {
        self.entries.iter().map(|e| e.next_attempt).min()
    }

    /// Records how an attempt ended at `now`: a 2xx removes the entry and remembers its
    /// id; anything else counts a failed attempt and schedules the next one after
    /// [`Backoff::delay`] with `jitter` (0 to 1, drawn by the caller). Returns the next
    /// attempt's time, or `None` when the entry was delivered or is not in the outbox.
    pub fn report(
        &mut self,
        id: &RecordId,
        outcome: Outcome,
        now: DateTime<Utc>,
        jitter: f64,
        backoff: &Backoff,
    ) -> Option<DateTime<Utc>> {
        let index = self.entries.iter().position(|e| &e.id == id)?;
        if outcome.is_delivered() {
            self.entries.remove(index);
            self.delivered.insert(id.clone(), now);
            return None;
        }
        let entry = &mut self.entries[index];
        entry.lease = None;
        entry.attempts = entry.attempts.saturating_add(1);
        let delay = backoff.delay(entry.attempts, jitter);
        entry.next_attempt = now.checked_add_signed(delay).unwrap_or(now);
        Some(entry.next_attempt)
    }

    /// Forgets delivered ids older than `before` (for example thirty days ago), so the
    /// list does not grow without end. An outbox still holding such an id could then
    /// bring it back in a merge; the endpoint's idempotency key makes that harmless.
    pub fn forget_delivered_before(&mut self, before: DateTime<Utc>) {
        self.delivered.retain(|_, at| *at >= before);
    }

    /// Joins two tabs' outboxes: each id once, nothing delivered by either brought back.
    /// An entry in both keeps the higher attempt count, the later next attempt and the
    /// lease that lasts longer (the smaller holder on a tie; the record is the same;
    /// should the JSON differ, the smaller text wins, so the result does not depend on
    /// the order of the arguments). A delivered id keeps its earliest time.
    pub fn merge(a: &Outbox, b: &Outbox) -> Outbox {
        let mut delivered = a.delivered.clone();
        for (id, at) in &b.delivered {
            delivered
                .entry(id.clone())
                .and_modify(|t| *t = (*t).min(*at))
                .or_insert(*at);
        }
        let mut entries: BTreeMap<RecordId, OutboxEntry> = BTreeMap::new();
        for entry in a.entries.iter().chain(&b.entries) {
            if delivered.contains_key(&entry.id) {
                continue;
            }
            match entries.get_mut(&entry.id) {
                None => {
                    entries.insert(entry.id.clone(), entry.clone());
                }
                Some(kept) => {
                    kept.attempts = kept.attempts.max(entry.attempts);
                    kept.next_attempt = kept.next_attempt.max(entry.next_attempt);
                    kept.lease = match (kept.lease.take(), &entry.lease) {
                        (Some(k), Some(e)) => {
                            Some(if (e.until, &k.holder) > (k.until, &e.holder) {
                                e.clone()
                            } else {
                                k
                            })
                        }
                        (k, e) => k.or_else(|| e.clone()),
                    };
                    let (theirs, ours) = (entry.record.to_string(), kept.record.to_string());
                    if theirs < ours {
                        kept.record = entry.record.clone();
                    }
                }
            }
        }
        Outbox {
            entries: entries.into_values().collect(),
            delivered,
        }
    }

    /// This tab's copy (`mine`) brought up to date with the latest stored outbox
    /// (`latest`): their [`merge`](Outbox::merge), except that an entry the latest
    /// outbox holds keeps the latest's lease (or none). A lease that ended (its holder
    /// reported or went away) is thus not brought back from an older copy, while entries
    /// and deliveries only this tab knows (a write another tab overtook) are kept.
    ///
    /// ```
    /// use chrono::{DateTime, TimeDelta};
    /// use serde_json::json;
    /// use terms_widget::domain::records::{id::RecordId, outbox::Outbox};
    /// let t = |s| DateTime::from_timestamp(s, 0).unwrap();
    /// let id = RecordId::from_random_bytes(&[1; 16]);
    /// let mut mine = Outbox::default();
    /// mine.add(id.clone(), json!({}), t(0));
    /// let mut latest = mine.clone();
    /// mine.claim(&id, "other-tab", t(0), TimeDelta::seconds(30));
    /// assert_eq!(Outbox::refresh(&mine, &latest).entries[0].lease, None);
    /// assert_eq!(Outbox::refresh(&mine, &Outbox::default()).entries.len(), 1);
    /// ```
    pub fn refresh(mine: &Outbox, latest: &Outbox) -> Outbox {
        let mut merged = Outbox::merge(mine, latest);
        for entry in &mut merged.entries {
            if let Some(theirs) = latest.entries.iter().find(|e| e.id == entry.id) {
                entry.lease = theirs.lease.clone();
            }
        }
        merged
    }

    /// The outbox in its storage format, `{"v":1,"entries":[…],"delivered":[…]}`: each
    /// entry `{"attempts","id","next_attempt","record"}` (and `"lease":{"holder","until"}`
    /// while a tab sends it), each delivered id `{"at","id"}`; times as
    /// `YYYY-MM-DDTHH:MM:SSZ`.
    pub fn encode(&self) -> String {
        let delivered: Vec<Value> = self
            .delivered
            .iter()
            .map(|(id, at)| serde_json::json!({"id": id, "at": format_instant(*at)}))
            .collect();
        let entries = serde_json::to_value(&self.entries).unwrap_or(Value::Null);
        serde_json::json!({"v": OUTBOX_VERSION, "entries": entries, "delivered": delivered})
            .to_string()
    }

    /// Reads a stored outbox. A value that can't be read is reported, never dropped: the
    /// platform layer sets it aside (the records it holds are still in the history).
    ///
    /// ```
    /// use terms_widget::domain::records::outbox::{Outbox, OutboxError};
    /// assert_eq!(Outbox::decode(&Outbox::default().encode()), Ok(Outbox::default()));
    /// assert_eq!(Outbox::decode(r#"{"v":2}"#), Err(OutboxError::UnknownVersion { version: 2 }));
    /// ```
    pub fn decode(text: &str) -> Result<Outbox, OutboxError> {
        let envelope = read_envelope(text).map_err(OutboxError::Envelope)?;
        if envelope.version != OUTBOX_VERSION {
            return Err(OutboxError::UnknownVersion {
                version: envelope.version,
            });
        }
        let list = |key: &'static str| match envelope.object.get(key) {
            Some(Value::Array(items)) => Ok(items.as_slice()),
            None | Some(Value::Null) => Err(OutboxError::BadField {
                field: key.into(),
                problem: FieldProblem::Missing { expected: "a list" },
            }),
            Some(other) => Err(OutboxError::BadField {
                field: key.into(),
                problem: FieldProblem::wrong_type(other, "a list"),
            }),
        };
        let mut outbox = Outbox::default();
        for (i, item) in list("entries")?.iter().enumerate() {
            let bad = |field: &str, problem| OutboxError::BadField {
                field: format!("entries[{i}].{field}"),
                problem,
            };
            let id = read_id(item).map_err(|p| bad("id", p))?;
            let record = match item.get("record") {
                Some(v @ Value::Object(_)) => match inexact_number(v) {
                    None => v.clone(),
                    Some(n) => {
                        return Err(bad(
                            "record",
                            FieldProblem::invalid(&n.to_string(), WHOLE_NUMBERS),
                        ));
                    }
                },
                None | Some(Value::Null) => {
                    return Err(bad(
                        "record",
                        FieldProblem::Missing {
                            expected: "the record as a JSON object",
                        },
                    ));
                }
                Some(other) => {
                    return Err(bad(
                        "record",
                        FieldProblem::wrong_type(other, "the record as a JSON object"),
                    ));
                }
            };
            const ATTEMPTS: &str = "a whole number of failed attempts";
            let attempts = match item.get("attempts") {
                Some(Value::Number(n)) => n
                    .as_u64()
                    .and_then(|n| u32::try_from(n).ok())
                    .ok_or_else(|| {
                        bad("attempts", FieldProblem::invalid(&n.to_string(), ATTEMPTS))
                    })?,
                None | Some(Value::Null) => {
                    return Err(bad(
                        "attempts",
                        FieldProblem::Missing { expected: ATTEMPTS },
                    ));
                }
                Some(other) => {
                    return Err(bad("attempts", FieldProblem::wrong_type(other, ATTEMPTS)));
                }
            };
            let next_attempt =
                read_time(item, "next_attempt").map_err(|p| bad("next_attempt", p))?;
            let lease = read_lease(item).map_err(|(field, p)| bad(field, p))?;
            if outbox.entries.iter().any(|e| e.id == id) {
                return Err(bad(
                    "id",
                    FieldProblem::invalid(id.as_str(), "an id not already in the outbox"),
                ));
            }
            outbox.entries.push(OutboxEntry {
                id,
                record,
                attempts,
                next_attempt,
                lease,
            });
        }
        outbox.entries.sort_by(|a, b| a.id.cmp(&b.id));
        for (i, item) in list("delivered")?.iter().enumerate() {
            let bad = |field: &str, problem| OutboxError::BadField {
                field: format!("delivered[{i}].{field}"),
                problem,
            };
            let id = read_id(item).map_err(|p| bad("id", p))?;
            let at = read_time(item, "at").map_err(|p| bad("at", p))?;
            outbox.delivered.insert(id, at);
        }
        Ok(outbox)
    }
}

/// Why a stored outbox could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OutboxError {
    /// Not JSON, not an object, or no whole-number `"v"`.
    #[error("The saved outbox can't be read: {}.", envelope_words(.0))]
    Envelope(EnvelopeProblem),
    /// A format version this widget does not read.
    #[error(
        "The saved outbox is in format version {version}, but this widget reads version {OUTBOX_VERSION}; a newer widget may have written it."
    )]
    UnknownVersion {
        /// The version found.
        version: u64,
    },
    /// A field is wrong, e.g. `entries[2].next_attempt`.
    #[error("In the saved outbox, field \"{field}\": {problem}.")]
    BadField {
        /// The field's path.
        field: String,
        /// What is wrong.
        problem: FieldProblem,
    },
}

/// An envelope problem in words, for any store's messages.
pub(crate) fn envelope_words(problem: &EnvelopeProblem) -> String {
    match problem {
        EnvelopeProblem::NotJson { detail } => {
            format!("it is not valid JSON ({detail}); it was probably cut off while being written")
        }
        EnvelopeProblem::NotAnObject { found } => {
            format!("it is {found}, but it must be a JSON object with \"v\"")
        }
        EnvelopeProblem::MissingVersion => "it has no \"v\" field, so its format is unknown".into(),
        EnvelopeProblem::BadVersion { found } => {
            format!("its \"v\" field is {found}, but it must be a whole number")
        }
    }
}

/// What a stored record's numbers must be. The records this widget writes (consent and
/// acceptance records) hold no other numbers, and only these read back exactly: a
/// fraction, or a number too large for 64 bits, is parsed as an `f64`, which the JSON
/// reader may round differently after each save (the `acceptance_store` fuzz target found
/// 2.7777777777773775e78 reading back one unit in the last place off).
const WHOLE_NUMBERS: &str =
    "a record whose numbers are whole and fit in 64 bits, as the records this widget writes";

/// The first number in `value` that is not a whole number fitting in 64 bits, if any.
fn inexact_number(value: &Value) -> Option<&serde_json::Number> {
    match value {
        Value::Number(n) if n.is_f64() => Some(n),
        Value::Array(items) => items.iter().find_map(inexact_number),
        Value::Object(fields) => fields.values().find_map(inexact_number),
        _ => None,
    }
}

const ID_EXPECTED: &str = "a record id (a UUID such as 0f8fad5b-d9cb-469f-a165-70867728950e)";

fn read_id(item: &Value) -> Result<RecordId, FieldProblem> {
    match item.get("id") {
        Some(Value::String(text)) => {
            RecordId::parse(text).ok_or_else(|| FieldProblem::invalid(text, ID_EXPECTED))
        }
        None | Some(Value::Null) => Err(FieldProblem::Missing {
            expected: ID_EXPECTED,
        }),
        Some(other) => Err(FieldProblem::wrong_type(other, ID_EXPECTED)),
    }
}

/// An entry's optional `"lease"`, or the field that is wrong and how.
fn read_lease(item: &Value) -> Result<Option<Lease>, (&'static str, FieldProblem)> {
    const LEASE: &str = "a lease, {\"holder\": \"…\", \"until\": \"…\"}";
    const HOLDER: &str = "a tab's id (1 to 64 characters)";
    let lease = match item.get("lease") {
        None | Some(Value::Null) => return Ok(None),
        Some(lease @ Value::Object(_)) => lease,
        Some(other) => return Err(("lease", FieldProblem::wrong_type(other, LEASE))),
    };
    let holder = match lease.get("holder") {
        Some(Value::String(h)) if !h.is_empty() && h.chars().count() <= MAX_HOLDER_LEN => h.clone(),
        Some(Value::String(h)) => return Err(("lease.holder", FieldProblem::invalid(h, HOLDER))),
        None | Some(Value::Null) => {
            return Err(("lease.holder", FieldProblem::Missing { expected: HOLDER }));
        }
        Some(other) => return Err(("lease.holder", FieldProblem::wrong_type(other, HOLDER))),
    };
    let until = read_time(lease, "until").map_err(|p| ("lease.until", p))?;
    Ok(Some(Lease { holder, until }))
}

fn read_time(item: &Value, key: &str) -> Result<DateTime<Utc>, FieldProblem> {
    match item.get(key) {
        Some(Value::String(text)) => parse_instant(text).map_err(|e| time_problem(text, &e)),
        None | Some(Value::Null) => Err(FieldProblem::Missing {
            expected: TIME_EXPECTED,
        }),
        Some(other) => Err(FieldProblem::wrong_type(other, TIME_EXPECTED)),
    }
}

#[cfg(test)]
mod tests;
