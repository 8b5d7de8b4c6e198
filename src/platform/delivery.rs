//! Delivery of new records to the host's backend: `records-endpoint="https://…"`.
//!
//! Every new record is queued in an outbox kept in `localStorage` (the pure model is
//! [`Outbox`]) and POSTed to the endpoint until it answers 2xx; nothing is lost across
//! reloads, offline periods, server errors or two tabs.
//!
//! # The request
//!
//! One request per record:
//!
//! ```text
//! POST <records-endpoint>
//! content-type: application/json
//! idempotency-key: <the record's id, a UUID>
//!
//! <the record as JSON, exactly as it is stored>
//! ```
//!
//! * **Removed only after a 2xx.** Any other status, a network error or no answer within
//!   [`REQUEST_TIMEOUT_MS`] keeps the entry and schedules another attempt after an
//!   exponential backoff with jitter ([`Backoff`]: 5 s, 10 s, 20 s, … up to an hour,
//!   each between half and all of that).
//! * **When it sends:** as soon as a record is queued; when a backoff ends (a gloo
//!   timer); on the window's `online` event (every entry is made due at once:
//!   [`Outbox::hurry`]); on start-up, what a previous page left; and on `pagehide`, every
//!   entry again with `keepalive: true`, so a record made just before the learner
//!   navigates away leaves with the page (the endpoint de-duplicates).
//! * **Offline** (`navigator.onLine` false): nothing is sent until `online`.
//! * **Two tabs.** Every change is read-merge-write ([`Outbox::merge`]), and the window's
//!   `storage` event merges what another tab wrote, so neither loses the other's entries
//!   and an entry one tab delivered never comes back. Before sending, a tab takes a
//!   [`LEASE`] on the entry in the stored outbox ([`Outbox::claim`]), so the other tab
//!   leaves it alone meanwhile. Storage has no compare-and-swap, so two tabs can still
//!   both send an entry now and then (and `pagehide` sends again): **the endpoint must
//!   de-duplicate by `Idempotency-Key`**.
//! * **Storage unavailable** (or a write fails): the outbox is kept in memory for the
//!   rest of the page, with a console warning; records are still delivered while the
//!   page is open. An unreadable stored outbox is set aside under
//!   `"{key}.corrupt.<unix-seconds>"` (never overwritten; its records are still in the
//!   history) and a fresh one is started.
//! * **Nothing throws into the host page**: an invalid endpoint, a refused request, a
//!   full storage are console messages (`[terms-widget] …`).
//!
//! The endpoint must be an `http:` or `https:` URL, absolute or relative to the page
//! (`/api/consent-records`); anything else is a console error and nothing is queued.
//! The host's Content-Security-Policy must allow it in `connect-src` (`'self'` for a
//! same-origin endpoint), and a cross-origin endpoint must answer CORS: the preflight
//! (`OPTIONS`) with `Access-Control-Allow-Origin`, `Access-Control-Allow-Methods: POST`
//! and `Access-Control-Allow-Headers: content-type, idempotency-key`. No cookies go to
//! another origin.
//!
//! # Calling it
//!
//! Consent (`<terms-consent records-endpoint="…">`) calls [`start`] on mount and
//! [`deliver_consent`] with each new consent record (under
//! [`consent::outbox_key`], `kl_consent.outbox.v1`). Acceptance records
//! (`<terms-signup>`, `<terms-honor-code>`) go the same way under
//! [`acceptance::storage::OUTBOX_KEY`]
//! (`kl_acceptance.outbox.v1`): on mount, when the element has `records-endpoint`,
//! [`start_acceptances`]; right after new records are saved (a sign-up's batch at once),
//! [`deliver_acceptances`]:
//!
//! ```no_run
//! use terms_widget::domain::acceptance::AcceptanceRecord;
//! use terms_widget::platform::delivery;
//! # let host: web_sys::HtmlElement = unimplemented!();
//! # let new_records: Vec<AcceptanceRecord> = Vec::new();
//! let endpoint = host.get_attribute("records-endpoint");
//! // On mount: what a previous page left goes now.
//! if let Some(endpoint) = &endpoint {
//!     delivery::start_acceptances(endpoint);
//! }
//! // After saving the new records (AcceptanceStore::save or the like):
//! if let Some(endpoint) = &endpoint {
//!     delivery::deliver_acceptances(endpoint, &new_records);
//! }
//! ```
//!
//! Any other kind of record: [`deliver`] with the outbox key and `(id, JSON)` pairs.
//!
//! Several elements on one page may call these with the same endpoint and key: they
//! share one [`Delivery`]. The outbox belongs to its key, not to the endpoint: entries a
//! previous page left are sent to the endpoint the current page names.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use chrono::TimeDelta;
use serde_json::Value;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::consent_store::{is_session_storage, js_detail, local_storage, set_aside};
use super::{Listener, console_error, console_warn, localtime, signals};
use crate::domain::acceptance::{self, AcceptanceRecord};
use crate::domain::consent::{self, ConsentRecord};
use crate::domain::records::id::RecordId;
use crate::domain::records::outbox::{Backoff, Outbox, Outcome};
use crate::domain::time::format_instant;

/// How long a tab's claim on an entry lasts (longer than a request may take).
pub const LEASE: TimeDelta = TimeDelta::seconds(30);

/// How long a request may take before it counts as a network error (milliseconds).
pub const REQUEST_TIMEOUT_MS: u32 = 20_000;

/// How many requests one page has in flight at once.
const MAX_IN_FLIGHT: usize = 4;

/// How long delivered ids are remembered (so a stale copy of the outbox in another tab
/// cannot bring one back).
const REMEMBER_DELIVERED: TimeDelta = TimeDelta::days(30);

/// The bodies `pagehide` may send with `keepalive` (browsers allow 64 KiB in all).
const KEEPALIVE_BUDGET: usize = 60_000;

/// The longest a timer waits before looking again (the backoff's cap is an hour).
const MAX_WAIT_MS: i64 = 60 * 60 * 1000;

/// The wait before looking again while the browser says it is offline.
const OFFLINE_RECHECK_MS: u32 = 60_000;

/// Delivery of one outbox (storage key) to one endpoint, for the life of the page.
pub struct Delivery {
    /// The endpoint, resolved to an absolute `http:`/`https:` URL.
    endpoint: String,
    /// The `localStorage` key of the outbox.
    key: String,
    /// This page's id in leases.
    holder: String,
    /// What changes.
    state: RefCell<State>,
}

#[derive(Default)]
struct State {
    /// The outbox as last read or written (all of it when storage is unusable).
    memory: Outbox,
    /// Storage is unusable: the outbox lives in `memory` for the rest of the page.
    memory_only: bool,
    /// Ids this page is sending now (not counting `pagehide`'s keepalive sends).
    in_flight: BTreeSet<RecordId>,
    /// The next look (dropping it cancels it).
    timer: Option<gloo_timers::callback::Timeout>,
    /// `online`, `pagehide`, `storage`.
    listeners: Vec<Listener>,
}

thread_local! {
    /// One delivery per (endpoint, outbox key) on this page.
    static DELIVERIES: RefCell<BTreeMap<(String, String), Rc<Delivery>>> =
        const { RefCell::new(BTreeMap::new()) };
    /// Endpoint attributes already reported as unusable (reported once).
    static REPORTED: RefCell<BTreeSet<String>> = const { RefCell::new(BTreeSet::new()) };
}

/// Starts delivering the outbox under `outbox_key` to `endpoint` (the attribute's
/// value): sends what is waiting, and keeps sending as described in the module
/// documentation. Returns the delivery, or `None` (with a console error, once) when the
/// endpoint is not an `http:`/`https:` URL. Calling it again returns the same delivery.
pub fn start(endpoint: &str, outbox_key: &str) -> Option<Rc<Delivery>> {
    let url = match endpoint_url(endpoint) {
        Ok(url) => url,
        Err(why) => {
            let first = REPORTED.with(|r| r.borrow_mut().insert(endpoint.to_string()));
            if first {
                console_error(&format!(
                    "records-endpoint=\"{endpoint}\" can't be used: {why}. Records are kept in this browser but not sent anywhere."
                ));
            }
            return None;
        }
    };
    let id = (url.clone(), outbox_key.to_string());
    if let Some(existing) = DELIVERIES.with(|d| d.borrow().get(&id).cloned()) {
        return Some(existing);
    }
    let delivery = Rc::new(Delivery {
        endpoint: url,
        key: outbox_key.to_string(),
        holder: format!("page-{}", signals::random_record_id()),
        state: RefCell::new(State::default()),
    });
    DELIVERIES.with(|d| d.borrow_mut().insert(id, delivery.clone()));
    delivery.listen();
    delivery.pump();
    Some(delivery)
}

/// Queues `records` (each: its id, which becomes the `Idempotency-Key`, and the record as
/// JSON, the request's body) in the outbox under `outbox_key` and sends them to
/// `endpoint`. The outbox is written before anything is sent, so a reload right after
/// loses nothing. An unusable endpoint: a console error (once), nothing queued.
pub fn deliver(endpoint: &str, outbox_key: &str, records: &[(RecordId, Value)]) {
    let Some(delivery) = start(endpoint, outbox_key) else {
        return;
    };
    let now = localtime::now();
    delivery.update(|outbox| {
        for (id, record) in records {
            outbox.add(id.clone(), record.clone(), now);
        }
    });
    delivery.pump();
}

/// Starts delivering acceptance records (the outbox under
/// [`acceptance::storage::OUTBOX_KEY`])
/// to `endpoint`: see [`start`].
pub fn start_acceptances(endpoint: &str) {
    start(endpoint, acceptance::storage::OUTBOX_KEY);
}

/// Queues new acceptance records for `endpoint` (each POSTed as
/// [`AcceptanceRecord::to_json`], the contract's JSON) and sends them: see [`deliver`].
pub fn deliver_acceptances(endpoint: &str, records: &[AcceptanceRecord]) {
    let entries: Vec<(RecordId, Value)> = records
        .iter()
        .map(|r| (r.id.clone(), r.to_json()))
        .collect();
    deliver(endpoint, acceptance::storage::OUTBOX_KEY, &entries);
}

/// Queues a new consent record of the store under `key_base` (e.g. `kl_consent`) for
/// `endpoint` (POSTed as it is stored, in the outbox [`consent::outbox_key`]) and sends
/// it: see [`deliver`].
pub fn deliver_consent(endpoint: &str, key_base: &str, record: &ConsentRecord) {
    let json = serde_json::to_value(record).unwrap_or_default();
    deliver(
        endpoint,
        &consent::outbox_key(key_base),
        &[(record.id.clone(), json)],
    );
}

/// The endpoint attribute as an absolute URL, resolved against the page's base URL;
/// only `http:` and `https:`.
pub fn endpoint_url(attribute: &str) -> Result<String, String> {
    let attribute = attribute.trim();
    if attribute.is_empty() {
        return Err("it is empty".into());
    }
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    let url =
        web_sys::Url::new_with_base(attribute, &base).map_err(|_| "it is not a URL".to_string())?;
    match url.protocol().as_str() {
        "http:" | "https:" => Ok(url.href()),
        other => Err(format!(
            "it is a {other} URL, but only http: and https: URLs are allowed"
        )),
    }
}

impl Delivery {
    /// Reads the stored outbox, merges it with this page's copy, applies `change`, and
    /// writes the result when it differs from what was stored (read-merge-write, so
    /// another tab's entries are kept).
    fn update(&self, change: impl FnOnce(&mut Outbox)) {
        let now = localtime::now();
        let mut state = self.state.borrow_mut();
        if state.memory_only {
            change(&mut state.memory);
            return;
        }
        let storage = match local_storage() {
            Ok(storage) => storage,
            Err(why) => {
                self.to_memory(&mut state, &why);
                change(&mut state.memory);
                return;
            }
        };
        let text = match storage.get_item(&self.key) {
            Ok(text) => text,
            Err(e) => {
                self.to_memory(&mut state, &format!("reading it failed: {}", js_detail(&e)));
                change(&mut state.memory);
                return;
            }
        };
        let stored = match text.as_deref().map(Outbox::decode) {
            None => Outbox::default(),
            Some(Ok(outbox)) => outbox,
            Some(Err(error)) => {
                match set_aside(&storage, &self.key, text.as_deref().unwrap_or_default()) {
                    Ok(aside) => {
                        console_error(&format!(
                            "The outbox of records to send under localStorage key \"{}\" could not be read: {error} It was moved, unchanged, to \"{aside}\" (the records it held are still in the history) and a new outbox was started.",
                            self.key
                        ));
                        Outbox::default()
                    }
                    Err(why) => {
                        console_error(&format!(
                            "The outbox of records to send under localStorage key \"{}\" could not be read: {error} It could not be copied aside ({why}), so it is left untouched and this page keeps its outbox in memory.",
                            self.key
                        ));
                        state.memory_only = true;
                        change(&mut state.memory);
                        return;
                    }
                }
            }
        };
        let mut merged = Outbox::refresh(&state.memory, &stored);
        change(&mut merged);
        if let Some(before) = now.checked_sub_signed(REMEMBER_DELIVERED) {
            merged.forget_delivered_before(before);
        }
        let encoded = merged.encode();
        if text.as_deref() != Some(encoded.as_str())
            && let Err(e) = storage.set_item(&self.key, &encoded)
        {
            self.to_memory(&mut state, &format!("writing failed: {}", js_detail(&e)));
        }
        state.memory = merged;
    }

    /// Switches to memory for the rest of the page (warns once).
    fn to_memory(&self, state: &mut State, why: &str) {
        if !state.memory_only {
            state.memory_only = true;
            console_warn(&format!(
                "localStorage cannot be used for the outbox \"{}\" ({why}); records are sent while this page is open, but any not delivered by then are not kept.",
                self.key
            ));
        }
    }

    /// Claims and sends what is due (up to [`MAX_IN_FLIGHT`] at once), then sets the
    /// timer for the next look.
    fn pump(self: &Rc<Self>) {
        if !is_online() {
            self.wake_in(OFFLINE_RECHECK_MS);
            return;
        }
        let now = localtime::now();
        let mut claimed: Vec<(RecordId, String)> = Vec::new();
        let in_flight = self.state.borrow().in_flight.clone();
        let slots = MAX_IN_FLIGHT.saturating_sub(in_flight.len());
        if slots == 0 {
            // A request ending looks again.
            return;
        }
        let holder = self.holder.clone();
        self.update(|outbox| {
            let ids: Vec<RecordId> = outbox
                .sendable(&holder, now)
                .filter(|e| !in_flight.contains(&e.id))
                .take(slots)
                .map(|e| e.id.clone())
                .collect();
            for id in ids {
                if outbox.claim(&id, &holder, now, LEASE)
                    && let Some(entry) = outbox.entries.iter().find(|e| e.id == id)
                {
                    claimed.push((id, entry.record.to_string()));
                }
            }
        });
        for (id, body) in claimed {
            self.state.borrow_mut().in_flight.insert(id.clone());
            let this = self.clone();
            let sent = post(&self.endpoint, &id, &body, false);
            wasm_bindgen_futures::spawn_local(async move {
                let outcome = sent.await;
                this.state.borrow_mut().in_flight.remove(&id);
                this.settle(&id, outcome);
                this.pump();
            });
        }
        self.schedule();
    }

    /// Records how an attempt ended (a 2xx removes the entry) and says so when it failed.
    fn settle(&self, id: &RecordId, outcome: Outcome) {
        let now = localtime::now();
        let jitter = js_sys::Math::random();
        let mut next = None;
        self.update(|outbox| {
            next = outbox.report(id, outcome, now, jitter, &Backoff::default());
        });
        if let Some(next) = next {
            let what = match outcome {
                Outcome::Status(status) => format!("the server answered HTTP {status}"),
                Outcome::NetworkError => "no answer (offline, refused, timed out, or blocked by CORS or the Content-Security-Policy connect-src)".into(),
            };
            console_warn(&format!(
                "Record {id} could not be delivered to {}: {what}. It stays in the outbox; next attempt at {}.",
                self.endpoint,
                format_instant(next)
            ));
        }
    }

    /// Sets the timer for the next entry that becomes sendable (entries in flight aside),
    /// plus up to a second of jitter so that tabs do not look at the same moment.
    fn schedule(self: &Rc<Self>) {
        let wake = {
            let state = self.state.borrow();
            let mut waiting = state.memory.clone();
            waiting.entries.retain(|e| !state.in_flight.contains(&e.id));
            waiting.next_wake(&self.holder)
        };
        let Some(wake) = wake else {
            self.state.borrow_mut().timer = None;
            return;
        };
        let wait = (wake - localtime::now())
            .num_milliseconds()
            .clamp(0, MAX_WAIT_MS);
        let jitter = (js_sys::Math::random() * 1000.0) as i64;
        self.wake_in(u32::try_from(wait + jitter).unwrap_or(u32::MAX));
    }

    /// Looks again in `ms` milliseconds (replacing the timer set before).
    fn wake_in(self: &Rc<Self>, ms: u32) {
        let this = Rc::downgrade(self);
        let timer = gloo_timers::callback::Timeout::new(ms, move || {
            if let Some(this) = this.upgrade() {
                this.pump();
            }
        });
        self.state.borrow_mut().timer = Some(timer);
    }

    /// Sends every entry once more with `keepalive` (the page is going away), and lets
    /// go of this page's leases so another tab may send them.
    fn send_on_pagehide(self: &Rc<Self>) {
        self.update(|_| {});
        let now = localtime::now();
        let entries: Vec<(RecordId, String)> = {
            let state = self.state.borrow();
            let mut all: Vec<_> = state
                .memory
                .entries
                .iter()
                .filter(|e| {
                    !e.lease
                        .as_ref()
                        .is_some_and(|l| l.holder != self.holder && l.until > now)
                })
                .collect();
            all.sort_by(|a, b| (a.next_attempt, &a.id).cmp(&(b.next_attempt, &b.id)));
            let mut budget = KEEPALIVE_BUDGET;
            all.into_iter()
                .map(|e| (e.id.clone(), e.record.to_string()))
                .take_while(|(_, body)| match budget.checked_sub(body.len()) {
                    Some(left) => {
                        budget = left;
                        true
                    }
                    None => false,
                })
                .collect()
        };
        let holder = self.holder.clone();
        self.update(|outbox| outbox.release(&holder));
        for (id, body) in entries {
            let this = self.clone();
            let sent = post(&self.endpoint, &id, &body, true);
            // The page may come back (back/forward cache): a 2xx then empties the entry.
            wasm_bindgen_futures::spawn_local(async move {
                if let Outcome::Status(200..=299) = sent.await {
                    this.settle(&id, Outcome::Status(200));
                }
            });
        }
    }

    /// Listens for `online`, `pagehide` and other tabs' writes.
    fn listen(self: &Rc<Self>) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let weak = Rc::downgrade(self);
        let online = Listener::new(&window, "online", move |_| {
            if let Some(this) = weak.upgrade() {
                let now = localtime::now();
                this.update(|outbox| outbox.hurry(now));
                this.pump();
            }
        });
        let weak = Rc::downgrade(self);
        let pagehide = Listener::new(&window, "pagehide", move |_| {
            if let Some(this) = weak.upgrade() {
                this.send_on_pagehide();
            }
        });
        let weak = Rc::downgrade(self);
        let key = self.key.clone();
        let storage = Listener::new(&window, "storage", move |event| {
            let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                return;
            };
            if event.key().as_deref() != Some(key.as_str())
                || event.storage_area().is_some_and(|a| is_session_storage(&a))
            {
                return;
            }
            let Some(this) = weak.upgrade() else { return };
            if let Some(Ok(theirs)) = event.new_value().as_deref().map(Outbox::decode) {
                let mut state = this.state.borrow_mut();
                state.memory = Outbox::refresh(&state.memory, &theirs);
            }
            this.pump();
        });
        self.state
            .borrow_mut()
            .listeners
            .extend([online, pagehide, storage]);
    }
}

/// Does the browser think it is online? (`navigator.onLine`; `true` when unknown.)
fn is_online() -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"navigator".into()).ok())
        .and_then(|n| js_sys::Reflect::get(&n, &"onLine".into()).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(true)
}

/// POSTs one record: the request starts now (synchronously, which matters in
/// `pagehide`), the outcome comes when the returned future is awaited.
fn post(
    endpoint: &str,
    id: &RecordId,
    body: &str,
    keepalive: bool,
) -> impl std::future::Future<Output = Outcome> + 'static {
    let sent = web_sys::window()
        .zip(request(endpoint, id, body, keepalive))
        .map(|(window, request)| window.fetch_with_request(&request));
    async move {
        let Some(promise) = sent else {
            return Outcome::NetworkError;
        };
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(response) => match response.dyn_into::<web_sys::Response>() {
                Ok(response) => Outcome::Status(response.status()),
                Err(_) => Outcome::NetworkError,
            },
            Err(_) => Outcome::NetworkError,
        }
    }
}

/// The request for one record (see the module documentation).
fn request(endpoint: &str, id: &RecordId, body: &str, keepalive: bool) -> Option<web_sys::Request> {
    let headers = web_sys::Headers::new().ok()?;
    headers.set("content-type", "application/json").ok()?;
    headers.set("idempotency-key", id.as_str()).ok()?;
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_headers(&headers);
    init.set_body(&JsValue::from_str(body));
    // Not in web-sys's RequestInit: set as plain properties.
    if keepalive {
        let _ = js_sys::Reflect::set(&init, &"keepalive".into(), &JsValue::TRUE);
    } else if let Some(signal) = timeout_signal(REQUEST_TIMEOUT_MS) {
        let _ = js_sys::Reflect::set(&init, &"signal".into(), &signal);
    }
    match web_sys::Request::new_with_str_and_init(endpoint, &init) {
        Ok(request) => Some(request),
        Err(e) => {
            console_error(&format!(
                "could not make the request to {endpoint}: {}",
                js_detail(&e)
            ));
            None
        }
    }
}

/// `AbortSignal.timeout(ms)`, where the browser has it.
fn timeout_signal(ms: u32) -> Option<JsValue> {
    let class = js_sys::Reflect::get(&js_sys::global(), &"AbortSignal".into()).ok()?;
    let timeout: js_sys::Function = js_sys::Reflect::get(&class, &"timeout".into())
        .ok()?
        .dyn_into()
        .ok()?;
    timeout.call1(&class, &JsValue::from(ms)).ok()
}
