//! The browser's side of a consent decision: privacy signals, fresh record ids and a
//! local pseudonymous id for receipts (the UI language is `platform::language`).
//!
//! Everything is read defensively through `js_sys::Reflect`, so a missing property, an
//! old browser or a locked-down page gives the neutral answer instead of a panic.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::console_warn;
use crate::domain::consent::{RecordId, Signals};

thread_local! {
    /// Pseudonymous ids kept in memory (storage unavailable), by storage key.
    static PRINCIPALS: RefCell<BTreeMap<String, String>> = const { RefCell::new(BTreeMap::new()) };
    /// Counts fallback ids, so two made in the same millisecond still differ.
    static FALLBACK_COUNT: Cell<u64> = const { Cell::new(0) };
}

/// `target[name]`, or `undefined` when it cannot be read.
fn property(target: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(target, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// `window.navigator`, when there is one.
fn navigator() -> Option<JsValue> {
    let window = web_sys::window()?;
    let navigator = property(&window, "navigator");
    navigator.is_object().then_some(navigator)
}

/// The privacy signals the browser sends now: Global Privacy Control when
/// `navigator.globalPrivacyControl === true`, Do Not Track when `navigator.doNotTrack`
/// (or the older `window.doNotTrack`) is `"1"`. Anything missing counts as off.
pub fn browser_signals() -> Signals {
    let Some(window) = web_sys::window() else {
        return Signals::NONE;
    };
    let navigator = navigator().unwrap_or(JsValue::UNDEFINED);
    let gpc = property(&navigator, "globalPrivacyControl").as_bool() == Some(true);
    let is_one = |v: JsValue| v.as_string().as_deref() == Some("1");
    let dnt = is_one(property(&navigator, "doNotTrack")) || is_one(property(&window, "doNotTrack"));
    Signals { gpc, dnt }
}

/// A fresh record id: a UUID v4 from 16 bytes of `crypto.getRandomValues`.
///
/// When the browser has no usable `crypto` (very old browsers, odd embedded views), the id
/// is [`RecordId::derived_from`] the text of `Date.now()`, `Math.random()` and a counter:
/// a UUID v8 that is unique in practice but not unguessable. A console warning says so.
pub fn random_record_id() -> RecordId {
    match random_bytes() {
        Some(bytes) => RecordId::from_random_bytes(&bytes),
        None => {
            console_warn(
                "crypto.getRandomValues is not available; consent record ids are derived from the clock and Math.random instead.",
            );
            let n = FALLBACK_COUNT.with(|c| {
                let n = c.get().wrapping_add(1);
                c.set(n);
                n
            });
            let seed = format!("{} {} {n}", js_sys::Date::now(), js_sys::Math::random());
            RecordId::derived_from(seed.as_bytes())
        }
    }
}

/// 16 bytes from `crypto.getRandomValues`, if the browser gives them.
pub(crate) fn random_bytes() -> Option<[u8; 16]> {
    let window = web_sys::window()?;
    let crypto = property(&window, "crypto")
        .dyn_into::<web_sys::Crypto>()
        .ok()?;
    let mut bytes = [0u8; 16];
    crypto.get_random_values_with_u8_array(&mut bytes).ok()?;
    Some(bytes)
}

/// A local pseudonymous id for this browser (the consent receipt's principal), stored
/// under `"{key_base}.principal"` in `localStorage`.
///
/// Made on first use from random bytes (a UUID, as [`random_record_id`]). A stored value
/// that is not a UUID is replaced. When storage is unavailable, the id lives in memory:
/// the same for the rest of the page, a new one on the next visit. (Plain
/// `web_sys::Storage`, as in [`ConsentStore`](super::consent_store::ConsentStore):
/// gloo-storage would store the id JSON-quoted, and it throws where storage is refused.)
pub fn principal_id(key_base: &str) -> String {
    let key = format!("{key_base}.principal");
    let storage = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("localStorage")).ok())
        .and_then(|s| s.dyn_into::<web_sys::Storage>().ok());
    if let Some(storage) = &storage {
        match storage.get_item(&key) {
            Ok(Some(stored)) => match RecordId::parse(stored.trim()) {
                Some(id) => {
                    let id = id.to_string();
                    PRINCIPALS.with(|p| p.borrow_mut().insert(key.clone(), id.clone()));
                    return id;
                }
                None => console_warn(&format!(
                    "The value under localStorage key \"{key}\" is not an id made by this widget; a new one replaces it."
                )),
            },
            Ok(None) => {}
            Err(_) => {}
        }
    }
    let id = PRINCIPALS.with(|p| {
        p.borrow_mut()
            .entry(key.clone())
            .or_insert_with(|| random_record_id().to_string())
            .clone()
    });
    if let Some(storage) = &storage {
        // Memory-only when this fails: the id above stays the same for this page.
        let _ = storage.set_item(&key, &id);
    }
    id
}
