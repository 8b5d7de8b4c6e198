//! The acceptance history in `localStorage`, losing nothing, as robust as the consent
//! store ([`super::consent_store`]) and sharing its helpers.
//!
//! * The history is stored under the domain's key
//!   ([`STORAGE_KEY`](crate::domain::acceptance::STORAGE_KEY), `kl_acceptance.v1`), encoded
//!   by [`encode`].
//! * **Unreadable values are set aside, never overwritten**: copied unchanged to
//!   `kl_acceptance.v1.corrupt.<unix-seconds>` (the domain's
//!   [`corrupt_key`](crate::domain::acceptance::corrupt_key); `-2`, `-3`… when taken) and
//!   removed from the key only once the copy reads back. If the copy cannot be made,
//!   the value stays untouched and this page keeps records in memory only.
//! * **Storage unavailable**: memory for the rest of the page, and one notice
//!   ([`StoreNotice::MemoryOnly`]).
//! * **Two tabs**: [`AcceptanceStore::save`] merges what is stored with what it is given;
//!   [`AcceptanceStore::watch`] hears the other tabs' writes (the `storage` event).
//! * **The session gate** ([`session_gate`], [`close_session_gate`]) lives in
//!   `sessionStorage` (in memory when that is refused), so it ends with the browser session.
//! * **The local pseudonymous subject** ([`local_subject`]) under `kl_acceptance.subject`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::consent_store::{is_session_storage, js_detail, local_storage, set_aside};
use super::{Listener, console_error, console_warn};
use crate::catalog::Msg;
use crate::domain::acceptance::gate::{GATE_CLOSED, Gate, SESSION_GATE_KEY};
use crate::domain::acceptance::storage::{SUBJECT_KEY, local_subject as domain_subject};
use crate::domain::acceptance::{AcceptanceHistory, STORAGE_KEY, decode, encode};

/// A notice for the learner about their stored agreements (the component words it
/// through the catalog: [`StoreNotice::msg`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreNotice {
    /// The stored value could not be read; it was kept aside.
    Unreadable,
    /// The browser refuses storage: records are kept for this visit only.
    MemoryOnly,
    /// Both.
    UnreadableMemoryOnly,
}

impl StoreNotice {
    /// The catalog key of the sentence to show.
    pub fn msg(self) -> Msg {
        match self {
            StoreNotice::Unreadable => Msg::AcceptanceUnreadable,
            StoreNotice::MemoryOnly => Msg::AcceptanceMemoryOnly,
            StoreNotice::UnreadableMemoryOnly => Msg::AcceptanceUnreadableMemoryOnly,
        }
    }
}

/// What [`AcceptanceStore::load`] found.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AcceptanceLoad {
    /// The stored history (empty when there was none or it could not be read).
    pub history: AcceptanceHistory,
    /// What to tell the learner, if anything.
    pub notice: Option<StoreNotice>,
    /// Where an unreadable value was copied.
    pub set_aside: Option<String>,
}

/// The page-wide state of the store.
#[derive(Debug, Default)]
struct Shared {
    memory_only: Cell<bool>,
    told: Cell<bool>,
    memory: RefCell<AcceptanceHistory>,
}

thread_local! {
    static SHARED: Rc<Shared> = Rc::new(Shared::default());
    /// The session gate when `sessionStorage` is refused.
    static GATE_IN_MEMORY: Cell<bool> = const { Cell::new(false) };
    /// The local subject when `localStorage` is refused.
    static SUBJECT_IN_MEMORY: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The acceptance history in `localStorage` (or in memory). Every store on the page
/// shares its state, so making one per save is fine.
#[derive(Debug)]
pub struct AcceptanceStore {
    shared: Rc<Shared>,
}

impl Default for AcceptanceStore {
    fn default() -> Self {
        AcceptanceStore::new()
    }
}

impl AcceptanceStore {
    /// The store (memory-only from the start when `localStorage` cannot be reached).
    pub fn new() -> AcceptanceStore {
        let store = AcceptanceStore {
            shared: SHARED.with(Rc::clone),
        };
        if !store.shared.memory_only.get()
            && let Err(why) = local_storage()
        {
            store.switch_to_memory(&why);
        }
        store
    }

    /// Whether records are stored in `localStorage`.
    pub fn is_persistent(&self) -> bool {
        !self.shared.memory_only.get()
    }

    /// Reads the stored history (see the module documentation).
    pub fn load(&self) -> AcceptanceLoad {
        if self.shared.memory_only.get() {
            return self.memory_load(false);
        }
        let storage = match local_storage() {
            Ok(s) => s,
            Err(why) => {
                self.switch_to_memory(&why);
                return self.memory_load(false);
            }
        };
        let text = match storage.get_item(STORAGE_KEY) {
            Ok(text) => text,
            Err(e) => {
                self.switch_to_memory(&format!("reading it failed: {}", js_detail(&e)));
                return self.memory_load(false);
            }
        };
        let Some(text) = text else {
            self.shared.memory.replace(AcceptanceHistory::default());
            return AcceptanceLoad::default();
        };
        match decode(&text) {
            Ok(history) => {
                self.shared.memory.replace(history.clone());
                AcceptanceLoad {
                    history,
                    notice: None,
                    set_aside: None,
                }
            }
            Err(error) => match set_aside(&storage, STORAGE_KEY, &text) {
                Ok(aside) => {
                    console_error(&format!(
                        "The stored acceptance records under localStorage key \"{STORAGE_KEY}\" could not be read: {error} The value was moved, unchanged, to \"{aside}\"."
                    ));
                    self.shared.memory.replace(AcceptanceHistory::default());
                    AcceptanceLoad {
                        history: AcceptanceHistory::default(),
                        notice: Some(StoreNotice::Unreadable),
                        set_aside: Some(aside),
                    }
                }
                Err(why) => {
                    console_error(&format!(
                        "The stored acceptance records under localStorage key \"{STORAGE_KEY}\" could not be read: {error} They could not be copied aside ({why}), so they stay there untouched and this page keeps records in memory only."
                    ));
                    self.switch_to_memory("an unreadable value could not be copied aside");
                    self.memory_load(true)
                }
            },
        }
    }

    /// Stores `history` merged with what is stored now, and returns the merge. `Err`
    /// with the notice the first time storage fails (the merge is kept in memory).
    pub fn save(&self, history: &AcceptanceHistory) -> Result<AcceptanceHistory, StoreNotice> {
        if self.shared.memory_only.get() {
            return self.save_in_memory(history);
        }
        let storage = match local_storage() {
            Ok(s) => s,
            Err(why) => return self.fall_back(&why, history),
        };
        let stored = match storage.get_item(STORAGE_KEY) {
            Err(e) => {
                return self.fall_back(&format!("reading it failed: {}", js_detail(&e)), history);
            }
            Ok(None) => AcceptanceHistory::default(),
            Ok(Some(text)) => match decode(&text) {
                Ok(stored) => stored,
                Err(error) => match set_aside(&storage, STORAGE_KEY, &text) {
                    Ok(aside) => {
                        console_error(&format!(
                            "Before saving, the acceptance records under \"{STORAGE_KEY}\" could not be read: {error} The value was moved, unchanged, to \"{aside}\"."
                        ));
                        AcceptanceHistory::default()
                    }
                    Err(why) => {
                        console_error(&format!(
                            "Before saving, the acceptance records under \"{STORAGE_KEY}\" could not be read: {error} They could not be copied aside ({why}) and stay untouched."
                        ));
                        return self
                            .fall_back("an unreadable value could not be copied aside", history);
                    }
                },
            },
        };
        let merged = AcceptanceHistory::merge(&stored, history);
        match storage.set_item(STORAGE_KEY, &encode(&merged)) {
            Ok(()) => {
                self.shared.memory.replace(merged.clone());
                Ok(merged)
            }
            Err(e) => self.fall_back(&format!("writing failed: {}", js_detail(&e)), &merged),
        }
    }

    /// Calls `on_change` with the history another tab stored (the `storage` event); the
    /// caller merges it with its own. Unreadable values are logged and ignored here.
    pub fn watch(
        &self,
        mut on_change: impl FnMut(AcceptanceHistory) + 'static,
    ) -> Option<Listener> {
        let window = web_sys::window()?;
        Some(Listener::new(&window, "storage", move |event| {
            let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                return;
            };
            if event.key().as_deref() != Some(STORAGE_KEY) {
                return;
            }
            if let Some(area) = event.storage_area()
                && is_session_storage(&area)
            {
                return;
            }
            let Some(text) = event.new_value() else {
                return;
            };
            match decode(&text) {
                Ok(history) => on_change(history),
                Err(error) => console_error(&format!(
                    "Another tab stored acceptance records under \"{STORAGE_KEY}\" that could not be read: {error} They were ignored here."
                )),
            }
        }))
    }

    fn switch_to_memory(&self, why: &str) {
        if !self.shared.memory_only.replace(true) {
            console_warn(&format!(
                "localStorage cannot be used ({why}); acceptance records are kept in memory for this page only."
            ));
        }
    }

    fn memory_load(&self, unreadable: bool) -> AcceptanceLoad {
        self.shared.told.set(true);
        AcceptanceLoad {
            history: self.shared.memory.borrow().clone(),
            notice: Some(if unreadable {
                StoreNotice::UnreadableMemoryOnly
            } else {
                StoreNotice::MemoryOnly
            }),
            set_aside: None,
        }
    }

    fn fall_back(
        &self,
        why: &str,
        history: &AcceptanceHistory,
    ) -> Result<AcceptanceHistory, StoreNotice> {
        self.switch_to_memory(why);
        self.save_in_memory(history)
    }

    fn save_in_memory(
        &self,
        history: &AcceptanceHistory,
    ) -> Result<AcceptanceHistory, StoreNotice> {
        let merged = AcceptanceHistory::merge(&self.shared.memory.borrow(), history);
        self.shared.memory.replace(merged.clone());
        if self.shared.told.replace(true) {
            Ok(merged)
        } else {
            Err(StoreNotice::MemoryOnly)
        }
    }
}

/// `window.sessionStorage`, if the browser lets the page use it.
fn session_storage() -> Option<web_sys::Storage> {
    let window = web_sys::window()?;
    js_sys::Reflect::get(&window, &JsValue::from_str("sessionStorage"))
        .ok()
        .filter(|v| !v.is_null() && !v.is_undefined())?
        .dyn_into::<web_sys::Storage>()
        .ok()
}

/// The sign-up's session gate: closed once an answer under the minimum age was given in
/// this browser session.
pub fn session_gate() -> Gate {
    if GATE_IN_MEMORY.with(Cell::get) {
        return Gate::Closed;
    }
    let stored = session_storage().and_then(|s| s.get_item(SESSION_GATE_KEY).ok().flatten());
    match Gate::from_stored(stored.as_deref()) {
        Gate::Closed => Gate::Closed,
        Gate::Open => Gate::from_stored(gate_cookie().as_deref()),
    }
}

/// The gate's session cookie (`kl_acceptance.gate=closed`, no expiry: it ends with the
/// browser session). `sessionStorage` belongs to one tab; the cookie keeps the gate closed
/// in the browser's other tabs too, as the contract's "for the session" asks.
fn gate_cookie() -> Option<String> {
    let document = web_sys::window()?
        .document()?
        .dyn_into::<web_sys::HtmlDocument>()
        .ok()?;
    let cookies = document.cookie().ok()?;
    cookies.split(';').find_map(|pair| {
        let (name, value) = pair.trim().split_once('=')?;
        (name == SESSION_GATE_KEY).then(|| value.to_owned())
    })
}

/// Closes the session gate (the only thing stored for a learner under the minimum age).
pub fn close_session_gate() {
    GATE_IN_MEMORY.with(|g| g.set(true));
    if let Some(document) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok())
    {
        let _ = document.set_cookie(&format!(
            "{SESSION_GATE_KEY}={GATE_CLOSED}; path=/; SameSite=Strict"
        ));
    }
    if let Some(storage) = session_storage()
        && storage.set_item(SESSION_GATE_KEY, GATE_CLOSED).is_err()
    {
        console_warn("sessionStorage refused the sign-up's age gate; it holds for this page only.");
    }
}

/// The local pseudonymous subject of this browser (`local-<uuid>`), made once and kept
/// under `kl_acceptance.subject` (in memory for this page when storage is refused).
pub fn local_subject() -> String {
    if let Some(subject) = SUBJECT_IN_MEMORY.with(|s| s.borrow().clone()) {
        return subject;
    }
    let storage = local_storage().ok();
    let stored = storage
        .as_ref()
        .and_then(|s| s.get_item(SUBJECT_KEY).ok().flatten());
    let random = super::signals::random_bytes().unwrap_or_else(|| {
        let id = super::signals::random_record_id();
        let mut bytes = [0u8; 16];
        for (b, c) in bytes.iter_mut().zip(id.as_str().bytes()) {
            *b = c;
        }
        bytes
    });
    let (subject, new) = domain_subject(stored.as_deref(), &random);
    if new && let Some(storage) = &storage {
        let _ = storage.set_item(SUBJECT_KEY, &subject);
    }
    SUBJECT_IN_MEMORY.with(|s| s.replace(Some(subject.clone())));
    subject
}
