//! The consent history in `localStorage`, losing nothing.
//!
//! [`ConsentStore`] keeps the encoded [`ConsentHistory`] (see
//! [`encode`](crate::domain::consent::encode)) under one versioned key,
//! `"{key_base}.v2"`, for example `kl_consent.v2` with
//! [`STORAGE_KEY`](crate::domain::consent::STORAGE_KEY) as the base.
//!
//! * **Migration.** When the current key is absent, [`ConsentStore::load`] reads the
//!   legacy keys `"{key_base}.v1"` and `"{key_base}"`, decodes them (the v1 shape
//!   included), merges what it could read and writes that under the current key. The
//!   legacy values stay where they are: they are evidence.
//! * **Unreadable values are set aside, never overwritten.** A value under the current key
//!   that does not decode is copied to `"{key_base}.v2.corrupt.<unix-seconds>"` (with
//!   `-2`, `-3`… when that key is taken) and removed from the current key only once the
//!   copy is in place and reads back identical. The learner is asked again, and the
//!   details go to the console for the host. If the copy cannot be made, the value stays
//!   under the current key untouched and the store keeps choices in memory only, so
//!   nothing ever writes over it.
//! * **Storage unavailable** (reading `window.localStorage` throws, as with cookies
//!   disabled or some private modes, or it is `null`, or a write throws, as when the quota
//!   is full): the store switches to memory for the rest of the page (every store for
//!   that key on the page: they share this state) and tells the learner once
//!   ([`StoreNotice::MemoryOnly`]).
//!
//! Notices for the learner are [`StoreNotice`]s, worded by the component through the
//! catalog ([`StoreNotice::words`]), in the learner's language; what the host needs to
//! know goes to the console, in English.
//! * **Two tabs.** [`ConsentStore::save`] reads what is stored, merges it with the history
//!   it is given and writes the merge, so records another tab wrote are kept;
//!   [`ConsentStore::watch`] hears the other tab's writes.
//!
//! The store talks to `web_sys::Storage` itself rather than through gloo-storage, whose
//! `LocalStorage` cannot keep these guarantees: it stores values as serde JSON (a set-aside
//! copy must be the stored text, byte for byte, whatever it is), and it throws a
//! JavaScript exception when `window.localStorage` throws or is `null`, or when `getItem`
//! throws (the store must fall back to memory instead). For the same reason it reads `web_sys::window()`, which may be absent, rather
//! than `gloo_utils::window()`, which throws. The `storage` event watch is a gloo
//! listener ([`Listener`]).
//!
//! ```no_run
//! use terms_widget::domain::consent::{merge, STORAGE_KEY};
//! use terms_widget::platform::consent_store::ConsentStore;
//! use terms_widget::catalog::Catalog;
//! # fn show(_: &str) {}
//! let cat = Catalog::en();
//! let store = ConsentStore::new(STORAGE_KEY);
//! let loaded = store.load();
//! if let Some(notice) = loaded.notice {
//!     show(&notice.words(&cat));
//! }
//! let mut history = loaded.history;
//! // … the learner decides, history.record(…) …
//! match store.save(&history) {
//!     Ok(merged) => history = merged,
//!     Err(notice) => show(&notice.words(&cat)), // kept in memory for this visit
//! }
//! let _listener = store.watch(move |theirs| {
//!     history = merge(&history, &theirs);
//! });
//! ```

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::{Listener, console_error, console_warn};
use crate::catalog::{Catalog, Msg};
use crate::domain::consent::{ConsentHistory, decode, encode, merge};

/// A notice for the learner about their stored privacy choices (the component words it
/// through the catalog: [`StoreNotice::words`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreNotice {
    /// The saved choices could not be read; a copy was kept aside and the learner is
    /// asked again.
    Unreadable,
    /// The browser does not let the site store them: they apply to this visit only.
    MemoryOnly,
    /// Both.
    UnreadableMemoryOnly,
}

impl StoreNotice {
    /// The catalog key of the sentence to show.
    pub fn msg(self) -> Msg {
        match self {
            StoreNotice::Unreadable => Msg::StoredChoicesUnreadable,
            StoreNotice::MemoryOnly => Msg::StoredChoicesMemoryOnly,
            StoreNotice::UnreadableMemoryOnly => Msg::StoredChoicesUnreadableMemoryOnly,
        }
    }

    /// The sentence to show, in the catalog's language.
    pub fn words(self, cat: &Catalog) -> String {
        cat.text(self.msg())
    }
}

/// How many `-2`, `-3`… suffixes [`ConsentStore`] tries for a set-aside key in one second.
const MAX_SET_ASIDE_ATTEMPTS: u32 = 1000;

/// What [`ConsentStore::load`] found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StoreLoad {
    /// The stored history; empty when there was none or it could not be read.
    pub history: ConsentHistory,
    /// What to tell the learner, when something about their saved choices needs saying.
    pub notice: Option<StoreNotice>,
    /// The key an unreadable value was copied to, when one was set aside.
    pub set_aside: Option<String>,
}

/// The consent history in `localStorage` (or in memory when the browser refuses storage).
/// See the module documentation.
///
/// Stores for the same key share their state for the life of the page: once one of them
/// has switched to memory, all of them use memory, the history kept there, and the fact
/// that the learner has been told. Making a new store for every save is fine.
#[derive(Debug)]
pub struct ConsentStore {
    /// The platform's key prefix, e.g. `kl_consent`.
    key_base: String,
    /// The current key, `"{key_base}.v2"`.
    key: String,
    /// What every store for this key on the page shares.
    shared: Rc<Shared>,
}

/// The page-wide state of one key.
#[derive(Debug, Default)]
struct Shared {
    /// Storage is unusable: everything stays in `memory` from now on.
    memory_only: Cell<bool>,
    /// The learner has been told that choices are kept for this visit only.
    told: Cell<bool>,
    /// The last history loaded or saved: the whole store once `memory_only` is set.
    memory: RefCell<ConsentHistory>,
}

thread_local! {
    /// The shared state of every key used on this page.
    static SHARED: RefCell<BTreeMap<String, Rc<Shared>>> = const { RefCell::new(BTreeMap::new()) };
}

impl ConsentStore {
    /// A store under `"{key_base}.v2"` (for example `kl_consent.v2`), reading the legacy
    /// keys `"{key_base}.v1"` and `"{key_base}"` for migration.
    ///
    /// Checks right away that `window.localStorage` can be reached; when it cannot, the
    /// store is memory-only from the start ([`ConsentStore::is_persistent`] is `false`).
    pub fn new(key_base: &str) -> ConsentStore {
        let key = format!("{key_base}.v2");
        let shared = SHARED.with(|all| all.borrow_mut().entry(key.clone()).or_default().clone());
        let store = ConsentStore {
            key_base: key_base.to_string(),
            key,
            shared,
        };
        if !store.shared.memory_only.get()
            && let Err(why) = local_storage()
        {
            store.switch_to_memory(&why);
        }
        store
    }

    /// The key the history is stored under, `"{key_base}.v2"`.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Whether choices are stored in `localStorage` (`false`: in memory for this page only).
    pub fn is_persistent(&self) -> bool {
        !self.shared.memory_only.get()
    }

    /// Reads the stored history.
    ///
    /// * A value under the current key that decodes is returned as it is.
    /// * No value: the legacy keys are migrated (written under the current key, left in
    ///   place themselves).
    /// * A value that does not decode is set aside (see the module documentation):
    ///   `set_aside` names the copy, `notice` is [`StoreNotice::Unreadable`], and the history is
    ///   empty, so the learner is asked again.
    /// * Storage unavailable: the history kept in memory this visit, with
    ///   [`StoreNotice::MemoryOnly`].
    pub fn load(&self) -> StoreLoad {
        if self.shared.memory_only.get() {
            return self.memory_load(false);
        }
        let storage = match local_storage() {
            Ok(storage) => storage,
            Err(why) => {
                self.switch_to_memory(&why);
                return self.memory_load(false);
            }
        };
        let text = match storage.get_item(&self.key) {
            Ok(text) => text,
            Err(e) => {
                self.switch_to_memory(&format!("reading it failed: {}", js_detail(&e)));
                return self.memory_load(false);
            }
        };
        match text {
            Some(text) => match decode(&text) {
                Ok(history) => {
                    self.shared.memory.replace(history.clone());
                    StoreLoad {
                        history,
                        notice: None,
                        set_aside: None,
                    }
                }
                Err(error) => match self.set_aside(&storage, &text) {
                    Ok(aside) => {
                        console_error(&format!(
                            "The saved privacy choices under localStorage key \"{}\" could not be read: {error} The value was moved, unchanged, to \"{aside}\", and the learner is asked again. Details: {error:?}",
                            self.key
                        ));
                        self.shared.memory.replace(ConsentHistory::default());
                        StoreLoad {
                            history: ConsentHistory::default(),
                            notice: Some(StoreNotice::Unreadable),
                            set_aside: Some(aside),
                        }
                    }
                    Err(why) => {
                        console_error(&format!(
                            "The saved privacy choices under localStorage key \"{}\" could not be read: {error} They could not be copied aside ({why}), so they stay under that key untouched, and this page keeps the learner's choices in memory only. Details: {error:?}",
                            self.key
                        ));
                        self.switch_to_memory(&format!(
                            "the unreadable value could not be copied aside: {why}"
                        ));
                        self.memory_load(true)
                    }
                },
            },
            None => self.migrate(&storage),
        }
    }

    /// Stores `history` merged with what is stored now (another tab may have written),
    /// and returns the merge.
    ///
    /// A stored value that does not decode is set aside first, as in
    /// [`ConsentStore::load`]. When storage fails, the merge is kept in memory, and the
    /// first time that happens the answer is `Err` with [`StoreNotice::MemoryOnly`] for the
    /// learner (unless [`ConsentStore::load`] already told them); later saves answer `Ok`.
    pub fn save(&self, history: &ConsentHistory) -> Result<ConsentHistory, StoreNotice> {
        if self.shared.memory_only.get() {
            return self.save_in_memory(history);
        }
        let storage = match local_storage() {
            Ok(storage) => storage,
            Err(why) => return self.fall_back(&why, history),
        };
        let stored = match storage.get_item(&self.key) {
            Err(e) => {
                return self.fall_back(&format!("reading it failed: {}", js_detail(&e)), history);
            }
            Ok(None) => self.legacy_history(&storage).0.unwrap_or_default(),
            Ok(Some(text)) => match decode(&text) {
                Ok(stored) => stored,
                Err(error) => match self.set_aside(&storage, &text) {
                    Ok(aside) => {
                        console_error(&format!(
                            "Before saving, the privacy choices stored under localStorage key \"{}\" (written by another tab or program) could not be read: {error} The value was moved, unchanged, to \"{aside}\". Details: {error:?}",
                            self.key
                        ));
                        ConsentHistory::default()
                    }
                    Err(why) => {
                        console_error(&format!(
                            "Before saving, the privacy choices stored under localStorage key \"{}\" could not be read: {error} They could not be copied aside ({why}), so they stay under that key untouched and the learner's choices are kept in memory only. Details: {error:?}",
                            self.key
                        ));
                        return self.fall_back(
                            &format!("an unreadable value could not be copied aside: {why}"),
                            history,
                        );
                    }
                },
            },
        };
        let merged = merge(&stored, history);
        match storage.set_item(&self.key, &encode(&merged)) {
            Ok(()) => {
                self.shared.memory.replace(merged.clone());
                Ok(merged)
            }
            Err(e) => self.fall_back(&format!("writing failed: {}", js_detail(&e)), &merged),
        }
    }

    /// Calls `on_change` with the history another tab stored under the current key (the
    /// window's `storage` event, which fires only in the other tabs of the origin). The
    /// caller merges it with its own. Values that do not decode are logged and ignored
    /// here (the next [`ConsentStore::load`] or [`ConsentStore::save`] sets them aside);
    /// removals are ignored. `None` when there is no window.
    pub fn watch(&self, mut on_change: impl FnMut(ConsentHistory) + 'static) -> Option<Listener> {
        let window = web_sys::window()?;
        let key = self.key.clone();
        Some(Listener::new(&window, "storage", move |event| {
            let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                return;
            };
            if event.key().as_deref() != Some(key.as_str()) {
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
                    "Another tab stored privacy choices under localStorage key \"{key}\" that could not be read: {error} They were ignored here; the next load or save sets them aside. Details: {error:?}"
                )),
            }
        }))
    }

    /// The legacy keys, oldest format last: `"{key_base}.v1"`, `"{key_base}"`.
    fn legacy_keys(&self) -> [String; 2] {
        [format!("{}.v1", self.key_base), self.key_base.clone()]
    }

    /// The merge of every legacy value that decodes (`None` when none does), and whether
    /// some legacy value could not be read (logged; left in place).
    fn legacy_history(&self, storage: &web_sys::Storage) -> (Option<ConsentHistory>, bool) {
        let mut found: Option<ConsentHistory> = None;
        let mut unreadable = false;
        for legacy in self.legacy_keys() {
            let Ok(Some(text)) = storage.get_item(&legacy) else {
                continue;
            };
            match decode(&text) {
                Ok(history) => {
                    found = Some(match found {
                        Some(so_far) => merge(&so_far, &history),
                        None => history,
                    });
                }
                Err(error) => {
                    unreadable = true;
                    console_error(&format!(
                        "The older saved privacy choices under localStorage key \"{legacy}\" could not be read: {error} They were left in place, unchanged. Details: {error:?}"
                    ));
                }
            }
        }
        (found, unreadable)
    }

    /// Migrates the legacy keys to the current key (when the current key is absent).
    fn migrate(&self, storage: &web_sys::Storage) -> StoreLoad {
        let (found, unreadable) = self.legacy_history(storage);
        let Some(history) = found else {
            self.shared.memory.replace(ConsentHistory::default());
            return StoreLoad {
                history: ConsentHistory::default(),
                notice: unreadable.then_some(StoreNotice::Unreadable),
                set_aside: None,
            };
        };
        self.shared.memory.replace(history.clone());
        if let Err(e) = storage.set_item(&self.key, &encode(&history)) {
            self.switch_to_memory(&format!(
                "writing the migrated choices failed: {}",
                js_detail(&e)
            ));
            return self.memory_load(false);
        }
        StoreLoad {
            history,
            notice: None,
            set_aside: None,
        }
    }

    /// Copies an unreadable `text` aside (see [`set_aside`]). Returns the copy's key.
    fn set_aside(&self, storage: &web_sys::Storage, text: &str) -> Result<String, String> {
        set_aside(storage, &self.key, text)
    }

    /// Switches to memory for the rest of this store's life (logs why, once).
    fn switch_to_memory(&self, why: &str) {
        if !self.shared.memory_only.replace(true) {
            console_warn(&format!(
                "localStorage cannot be used ({why}); the learner's privacy choices are kept in memory for this page only."
            ));
        }
    }

    /// What [`ConsentStore::load`] answers in memory mode (it tells the learner).
    /// `unreadable`: the stored value could not be read either.
    fn memory_load(&self, unreadable: bool) -> StoreLoad {
        self.shared.told.set(true);
        let notice = if unreadable {
            StoreNotice::UnreadableMemoryOnly
        } else {
            StoreNotice::MemoryOnly
        };
        StoreLoad {
            history: self.shared.memory.borrow().clone(),
            notice: Some(notice),
            set_aside: None,
        }
    }

    /// Switches to memory and saves there (`why` says what failed).
    fn fall_back(
        &self,
        why: &str,
        history: &ConsentHistory,
    ) -> Result<ConsentHistory, StoreNotice> {
        self.switch_to_memory(why);
        self.save_in_memory(history)
    }

    /// Saves in memory: `Err` with the notice the first time the learner needs telling.
    fn save_in_memory(&self, history: &ConsentHistory) -> Result<ConsentHistory, StoreNotice> {
        let merged = merge(&self.shared.memory.borrow(), history);
        self.shared.memory.replace(merged.clone());
        if self.shared.told.replace(true) {
            Ok(merged)
        } else {
            Err(StoreNotice::MemoryOnly)
        }
    }
}

/// Copies an unreadable `text` stored under `key` to a free
/// `"{key}.corrupt.<unix-seconds>[-n]"` key, checks the copy, then removes `key`.
/// Shared by every store that sets evidence aside (consent, acceptance, the delivery
/// outbox). Returns the copy's key.
pub(crate) fn set_aside(
    storage: &web_sys::Storage,
    key: &str,
    text: &str,
) -> Result<String, String> {
    let base = format!("{key}.corrupt.{}", unix_seconds());
    for n in 1..=MAX_SET_ASIDE_ATTEMPTS {
        let candidate = if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        match storage.get_item(&candidate) {
            Ok(Some(_)) => continue,
            Ok(None) => {}
            Err(e) => return Err(format!("reading \"{candidate}\" failed: {}", js_detail(&e))),
        }
        storage
            .set_item(&candidate, text)
            .map_err(|e| format!("writing \"{candidate}\" failed: {}", js_detail(&e)))?;
        match storage.get_item(&candidate) {
            Ok(Some(copy)) if copy == text => {}
            _ => return Err(format!("the copy under \"{candidate}\" did not read back")),
        }
        if let Err(e) = storage.remove_item(key) {
            // The copy is safe; the next save writes over the original, which is fine.
            console_warn(&format!(
                "The unreadable value under \"{key}\" was copied to \"{candidate}\" but could not be removed: {}",
                js_detail(&e)
            ));
        }
        return Ok(candidate);
    }
    Err(format!(
        "the keys \"{base}\" to \"{base}-{MAX_SET_ASIDE_ATTEMPTS}\" are all taken"
    ))
}

/// `window.localStorage`, or why it cannot be used. Read as a property (through
/// `Reflect`), so a getter that throws is caught.
pub(crate) fn local_storage() -> Result<web_sys::Storage, String> {
    let window = web_sys::window().ok_or_else(|| "there is no window".to_string())?;
    let value = js_sys::Reflect::get(&window, &JsValue::from_str("localStorage"))
        .map_err(|e| format!("the browser refused access: {}", js_detail(&e)))?;
    if value.is_null() || value.is_undefined() {
        return Err("the browser has no localStorage here".into());
    }
    value
        .dyn_into::<web_sys::Storage>()
        .map_err(|_| "window.localStorage is not a Storage object".into())
}

/// Is `area` the window's `sessionStorage` (whose events the store ignores)?
pub(crate) fn is_session_storage(area: &web_sys::Storage) -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("sessionStorage")).ok())
        .is_some_and(|session| {
            let area: &JsValue = area.as_ref();
            *area == session
        })
}

/// Whole seconds since 1970 from `Date.now()`.
pub(crate) fn unix_seconds() -> i64 {
    let ms = js_sys::Date::now();
    if ms.is_finite() {
        (ms / 1000.0).floor() as i64
    } else {
        0
    }
}

/// The browser's words for a thrown value.
pub(crate) fn js_detail(v: &JsValue) -> String {
    if let Some(e) = v.dyn_ref::<js_sys::Error>() {
        let name = String::from(e.name());
        let message = String::from(e.message());
        return if name.is_empty() {
            message
        } else {
            format!("{name}: {message}")
        };
    }
    v.as_string().unwrap_or_else(|| "unknown error".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_notices_are_the_sentences_shown_before_the_catalog() {
        let cat = Catalog::en();
        let unreadable =
            "Your saved privacy choices could not be read, so we kept a copy and are asking again.";
        let memory = "Your choices apply to this visit only: this browser is not letting the site store them.";
        assert_eq!(StoreNotice::Unreadable.words(&cat), unreadable);
        assert_eq!(StoreNotice::MemoryOnly.words(&cat), memory);
        assert_eq!(
            StoreNotice::UnreadableMemoryOnly.words(&cat),
            format!("{unreadable} {memory}")
        );
    }
}
