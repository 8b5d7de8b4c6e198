//! The browser edge of consent in headless Chromium (`wasm-bindgen-test`): the store in
//! `localStorage` (round trip, migration, set-aside, memory fallback, two tabs, `storage`
//! events), the browser signals, gated scripts, Google Consent Mode, the snapshot and the
//! `consent-change` event.
//!
//! Every test uses its own key base and removes its keys; tests that break
//! `localStorage` restore it through a guard, even when they fail.

#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use serde_json::{Value, json};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

use terms_widget::domain::consent::{
    CategorySet, Choice, ConsentHistory, Context, Method, PolicyRef, PolicyVersion, RecordId,
    Signals, Standing, decode, encode, merge,
};
use terms_widget::domain::time::parse_instant;
use terms_widget::platform::Listener;
use terms_widget::platform::consent_host::{
    consent_mode_default, consent_mode_update, dispatch_change, run_granted_scripts, snapshot,
};
use terms_widget::platform::consent_store::{ConsentStore, StoreLoad, StoreNotice};
use terms_widget::platform::signals::{browser_signals, principal_id, random_record_id};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
export function break_local_storage() {
  const saved = Object.getOwnPropertyDescriptor(window, 'localStorage');
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
  });
  return saved;
}
export function restore_local_storage(saved) {
  if (saved) { Object.defineProperty(window, 'localStorage', saved); } else { delete window.localStorage; }
}
export function break_set_item() {
  const original = Storage.prototype.setItem;
  Storage.prototype.setItem = function () {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  return original;
}
export function restore_set_item(original) { Storage.prototype.setItem = original; }
export function install_fake_gtag() {
  window.__twGtagCalls = [];
  window.gtag = function () { window.__twGtagCalls.push(Array.from(arguments)); };
}
export function gtag_calls() { return JSON.stringify(window.__twGtagCalls || []); }
export function data_layer_entries() {
  return JSON.stringify((window.dataLayer || []).map(function (entry) {
    return { kind: Object.prototype.toString.call(entry), args: Array.from(entry) };
  }));
}
export function reset_page_globals() {
  delete window.gtag; delete window.__twGtagCalls; delete window.dataLayer;
}
export function define_on_navigator(name, value) {
  Object.defineProperty(navigator, name, { configurable: true, value: value });
}
export function undefine_on_navigator(name) { delete navigator[name]; }
"#)]
extern "C" {
    fn break_local_storage() -> JsValue;
    fn restore_local_storage(saved: &JsValue);
    fn break_set_item() -> JsValue;
    fn restore_set_item(original: &JsValue);
    fn install_fake_gtag();
    fn gtag_calls() -> String;
    fn data_layer_entries() -> String;
    fn reset_page_globals();
    fn define_on_navigator(name: &str, value: &JsValue);
    fn undefine_on_navigator(name: &str);
}

// --- helpers ---------------------------------------------------------------------------

fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}

fn document() -> web_sys::Document {
    window().document().unwrap()
}

fn storage() -> web_sys::Storage {
    window().local_storage().unwrap().unwrap()
}

fn get(key: &str) -> Option<String> {
    storage().get_item(key).unwrap()
}

fn set(key: &str, value: &str) {
    storage().set_item(key, value).unwrap();
}

/// The localStorage keys that start with `base`.
fn keys_under(base: &str) -> Vec<String> {
    let s = storage();
    (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .filter(|k| k.starts_with(base))
        .collect()
}

/// Removes every localStorage key that starts with `base`.
fn clear(base: &str) {
    for key in keys_under(base) {
        storage().remove_item(&key).unwrap();
    }
}

/// Puts `window.localStorage` back when dropped (a getter that throws while alive).
struct NoLocalStorage(JsValue);

impl NoLocalStorage {
    fn new() -> NoLocalStorage {
        NoLocalStorage(break_local_storage())
    }
}

impl Drop for NoLocalStorage {
    fn drop(&mut self) {
        restore_local_storage(&self.0);
    }
}

/// Puts `Storage.prototype.setItem` back when dropped (it throws a quota error while alive).
struct QuotaFull(JsValue);

impl QuotaFull {
    fn new() -> QuotaFull {
        QuotaFull(break_set_item())
    }
}

impl Drop for QuotaFull {
    fn drop(&mut self) {
        restore_set_item(&self.0);
    }
}

fn cats() -> CategorySet {
    CategorySet::default_set()
}

fn policy() -> PolicyRef {
    PolicyRef::for_text("privacy-policy", "3", "the exact policy text")
}

/// The standing of `h` under privacy policy version 3 (material), the one `policy()` is.
fn now(h: &ConsentHistory) -> Standing<'_> {
    Standing::new(h, &policy_versions())
}

/// Versions 1 to 3 of the privacy policy; 2 and 3 are material changes.
fn policy_versions() -> PolicyVersion {
    PolicyVersion::new(policy(), [("1", true), ("2", true), ("3", true)])
}

fn ctx(seed: u8, at: &str) -> Context {
    Context {
        id: RecordId::from_random_bytes(&[seed; 16]),
        now: parse_instant(at).unwrap(),
        signals: Signals::NONE,
        language: "en-GB".into(),
    }
}

/// Adds a banner decision to `h`.
fn decide(h: &mut ConsentHistory, seed: u8, at: &str, analytics: Choice, marketing: Choice) {
    h.record(
        &cats(),
        &policy(),
        ctx(seed, at),
        Method::Banner,
        [
            ("analytics", analytics),
            ("marketing", marketing),
            ("diagnostics", Choice::Denied),
            ("location", Choice::Denied),
        ],
    )
    .unwrap();
}

fn history(seed: u8, at: &str, analytics: Choice) -> ConsentHistory {
    let mut h = ConsentHistory::default();
    decide(&mut h, seed, at, analytics, Choice::Denied);
    h
}

fn empty_load() -> StoreLoad {
    StoreLoad::default()
}

fn js_json(value: &JsValue) -> Value {
    serde_json::from_str(&js_sys::JSON::stringify(value).unwrap().as_string().unwrap()).unwrap()
}

// --- the store -------------------------------------------------------------------------

#[wasm_bindgen_test]
fn the_store_round_trips_a_history() {
    let base = "tw_test_round_trip";
    clear(base);
    let store = ConsentStore::new(base);
    assert_eq!(store.key(), "tw_test_round_trip.v2");
    assert!(store.is_persistent());
    assert_eq!(store.load(), empty_load());

    let mut h = history(1, "2026-11-24T10:00:00Z", Choice::Granted);
    assert_eq!(store.save(&h), Ok(h.clone()));
    assert_eq!(get("tw_test_round_trip.v2"), Some(encode(&h)));

    decide(
        &mut h,
        2,
        "2026-11-24T11:00:00Z",
        Choice::Denied,
        Choice::Denied,
    );
    assert_eq!(store.save(&h), Ok(h.clone()));
    let again = ConsentStore::new(base).load();
    assert_eq!(again.history, h);
    assert_eq!(again.notice, None);
    assert_eq!(again.set_aside, None);
    assert_eq!(keys_under(base), ["tw_test_round_trip.v2"]);
    clear(base);
}

#[wasm_bindgen_test]
fn legacy_values_are_migrated_and_left_in_place() {
    let base = "tw_test_legacy";
    clear(base);
    let v1 = r#"{"v":1,"choices":{"analytics":true,"marketing":false},"at":"2025-03-01T09:30:00.000Z","policy_version":"2"}"#;
    let bare = r#"{"v":1,"choices":{"analytics":false,"marketing":false},"at":"2025-04-01T08:00:00Z","policy_version":"2"}"#;
    set("tw_test_legacy.v1", v1);
    set(base, bare);

    let loaded = ConsentStore::new(base).load();
    assert_eq!(loaded.notice, None);
    assert_eq!(loaded.set_aside, None);
    let expected = merge(&decode(v1).unwrap(), &decode(bare).unwrap());
    assert_eq!(loaded.history, expected);
    assert_eq!(loaded.history.records.len(), 2);
    assert_eq!(loaded.history.records[0].policy.version, "2");
    assert_eq!(loaded.history.records[0].policy.sha256, None);
    // Written under the current key; the evidence stays where it was.
    assert_eq!(get("tw_test_legacy.v2"), Some(encode(&expected)));
    assert_eq!(get("tw_test_legacy.v1").as_deref(), Some(v1));
    assert_eq!(get(base).as_deref(), Some(bare));

    // Next time the current key is read, and the legacy keys are not merged again.
    set(base, "not json at all");
    assert_eq!(ConsentStore::new(base).load().history, expected);
    clear(base);
}

#[wasm_bindgen_test]
fn an_unreadable_legacy_value_is_left_alone_and_the_learner_asked_again() {
    let base = "tw_test_legacy_bad";
    clear(base);
    set("tw_test_legacy_bad.v1", "{\"v\":1,\"choices\":");
    let loaded = ConsentStore::new(base).load();
    assert_eq!(loaded.history, ConsentHistory::default());
    assert_eq!(loaded.notice, Some(StoreNotice::Unreadable));
    assert_eq!(loaded.set_aside, None);
    assert_eq!(
        get("tw_test_legacy_bad.v1").as_deref(),
        Some("{\"v\":1,\"choices\":")
    );
    assert_eq!(get("tw_test_legacy_bad.v2"), None);
    clear(base);
}

#[wasm_bindgen_test]
fn an_unreadable_value_is_set_aside_never_overwritten() {
    let base = "tw_test_corrupt";
    clear(base);
    let first = "{\"v\":2,\"records\":[{\"id\":\"cut off";
    set("tw_test_corrupt.v2", first);

    let loaded = ConsentStore::new(base).load();
    assert_eq!(loaded.history, ConsentHistory::default());
    assert_eq!(loaded.notice, Some(StoreNotice::Unreadable));
    let aside = loaded.set_aside.expect("a set-aside key");
    assert!(
        aside.starts_with("tw_test_corrupt.v2.corrupt."),
        "set aside under {aside}"
    );
    assert_eq!(
        get(&aside).as_deref(),
        Some(first),
        "the text is kept intact"
    );
    assert_eq!(get("tw_test_corrupt.v2"), None);

    // A second unreadable value (a newer widget's format) in the same second gets its own key.
    let second = "{\"v\":3,\"records\":[]}";
    set("tw_test_corrupt.v2", second);
    let store = ConsentStore::new(base);
    let loaded = store.load();
    let aside2 = loaded.set_aside.expect("a second set-aside key");
    assert_ne!(aside2, aside);
    assert!(aside2.starts_with("tw_test_corrupt.v2.corrupt."));
    assert_eq!(get(&aside).as_deref(), Some(first));
    assert_eq!(get(&aside2).as_deref(), Some(second));

    // Saving afterwards works, and leaves both copies alone.
    let h = history(3, "2026-11-24T10:00:00Z", Choice::Granted);
    assert_eq!(store.save(&h), Ok(h.clone()));
    assert_eq!(get("tw_test_corrupt.v2"), Some(encode(&h)));
    assert_eq!(keys_under(base).len(), 3);

    // An unreadable value written by another tab is set aside by save as well.
    let third = "[1, 2, 3]";
    set("tw_test_corrupt.v2", third);
    let h2 = history(4, "2026-11-24T12:00:00Z", Choice::Denied);
    assert_eq!(store.save(&h2), Ok(h2.clone()));
    let copies: Vec<String> = keys_under("tw_test_corrupt.v2.corrupt.")
        .into_iter()
        .filter(|k| get(k).as_deref() == Some(third))
        .collect();
    assert_eq!(copies.len(), 1, "the third value is kept once");
    clear(base);
}

#[wasm_bindgen_test]
fn without_local_storage_choices_stay_in_memory_and_the_learner_is_told_once() {
    let base = "tw_test_no_storage";
    clear(base);
    let h = history(5, "2026-11-24T10:00:00Z", Choice::Granted);
    {
        let _broken = NoLocalStorage::new();

        // Unavailable from the start: load says so, saves then succeed quietly.
        let store = ConsentStore::new(base);
        assert!(!store.is_persistent());
        let loaded = store.load();
        assert_eq!(loaded.history, ConsentHistory::default());
        assert_eq!(loaded.notice, Some(StoreNotice::MemoryOnly));
        assert_eq!(store.save(&h), Ok(h.clone()));
        let mut h2 = h.clone();
        decide(
            &mut h2,
            6,
            "2026-11-24T11:00:00Z",
            Choice::Denied,
            Choice::Denied,
        );
        assert_eq!(store.save(&h2), Ok(h2.clone()));
        assert_eq!(store.load().history, h2, "kept in memory");

        // Stores for the same key share the memory and the fact that the learner was told.
        let same = ConsentStore::new(base);
        assert!(!same.is_persistent());
        assert_eq!(same.save(&h), Ok(h2.clone()));

        // A store that saves without loading first: Err with the notice once, then Ok,
        // also from a store made later for the same key.
        let other_base = "tw_test_no_storage_other";
        let other = ConsentStore::new(other_base);
        assert_eq!(other.save(&h), Err(StoreNotice::MemoryOnly));
        assert_eq!(other.save(&h), Ok(h.clone()));
        assert_eq!(ConsentStore::new(other_base).save(&h2), Ok(h2.clone()));
        assert!(!other.is_persistent());

        // The pseudonymous id lives in memory: the same for the rest of the page.
        let id = principal_id(base);
        assert!(RecordId::parse(&id).is_some(), "{id}");
        assert_eq!(principal_id(base), id);
    }
    assert!(keys_under(base).is_empty(), "nothing was written");
    assert!(keys_under("tw_test_no_storage_other").is_empty());
    clear(base);
}

#[wasm_bindgen_test]
fn a_full_quota_switches_to_memory_with_the_notice_once() {
    let base = "tw_test_quota";
    clear(base);
    let store = ConsentStore::new(base);
    assert_eq!(store.load(), empty_load());
    assert!(store.is_persistent());
    let h = history(7, "2026-11-24T10:00:00Z", Choice::Granted);
    let mut h2 = h.clone();
    decide(
        &mut h2,
        8,
        "2026-11-24T11:00:00Z",
        Choice::Denied,
        Choice::Denied,
    );
    {
        let _full = QuotaFull::new();
        assert_eq!(store.save(&h), Err(StoreNotice::MemoryOnly));
        assert!(!store.is_persistent());
        assert_eq!(store.save(&h2), Ok(h2.clone()));
    }
    // Memory for the rest of the page, even once the browser would take writes again,
    // and for a store made later for the same key too.
    assert_eq!(store.save(&h2), Ok(h2.clone()));
    assert!(!store.is_persistent());
    assert!(!ConsentStore::new(base).is_persistent());
    assert_eq!(ConsentStore::new(base).save(&h), Ok(h2.clone()));
    let loaded = store.load();
    assert_eq!(loaded.history, h2);
    assert_eq!(loaded.notice, Some(StoreNotice::MemoryOnly));
    assert_eq!(get("tw_test_quota.v2"), None);
    clear(base);
}

#[wasm_bindgen_test]
fn a_failed_set_aside_leaves_the_value_untouched() {
    let base = "tw_test_aside_fails";
    clear(base);
    set("tw_test_aside_fails.v2", "garbage");
    let store = ConsentStore::new(base);
    let h = history(9, "2026-11-24T10:00:00Z", Choice::Granted);
    {
        let _full = QuotaFull::new();
        let loaded = store.load();
        assert_eq!(loaded.set_aside, None);
        assert_eq!(loaded.notice, Some(StoreNotice::UnreadableMemoryOnly));
        assert!(!store.is_persistent());
    }
    assert_eq!(store.save(&h), Ok(h.clone()), "already told by load");
    assert_eq!(get("tw_test_aside_fails.v2").as_deref(), Some("garbage"));
    assert_eq!(keys_under(base).len(), 1);
    clear(base);
}

#[wasm_bindgen_test]
fn save_keeps_the_records_another_tab_wrote() {
    let base = "tw_test_two_tabs";
    clear(base);
    let store = ConsentStore::new(base);
    let ours = history(10, "2026-11-24T10:00:00Z", Choice::Granted);
    assert_eq!(store.save(&ours), Ok(ours.clone()));

    // Another tab, which loaded the same value, decides too and writes first.
    let mut theirs = ours.clone();
    decide(
        &mut theirs,
        11,
        "2026-11-24T10:05:00Z",
        Choice::Denied,
        Choice::Denied,
    );
    set("tw_test_two_tabs.v2", &encode(&theirs));

    let mut mine = ours.clone();
    decide(
        &mut mine,
        12,
        "2026-11-24T10:06:00Z",
        Choice::Granted,
        Choice::Granted,
    );
    let merged = store.save(&mine).unwrap();
    assert_eq!(merged.records.len(), 3);
    assert_eq!(merged, merge(&theirs, &mine));
    assert_eq!(decode(&get("tw_test_two_tabs.v2").unwrap()), Ok(merged));
    clear(base);
}

#[wasm_bindgen_test]
fn watch_hears_other_tabs_until_dropped() {
    let base = "tw_test_watch";
    clear(base);
    let store = ConsentStore::new(base);
    let heard: Rc<RefCell<Vec<ConsentHistory>>> = Rc::default();
    let sink = heard.clone();
    let listener = store
        .watch(move |h| sink.borrow_mut().push(h))
        .expect("a window");

    let fire = |key: Option<&str>, value: Option<&str>, session: bool| {
        let init = web_sys::StorageEventInit::new();
        init.set_key(key);
        init.set_new_value(value);
        if session {
            init.set_storage_area(window().session_storage().unwrap().as_ref());
        }
        let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
        window().dispatch_event(&event).unwrap();
    };
    let h = history(13, "2026-11-24T10:00:00Z", Choice::Granted);
    let text = encode(&h);
    fire(Some("tw_test_watch.v2"), Some(&text), false);
    assert_eq!(heard.borrow().as_slice(), std::slice::from_ref(&h));

    fire(Some("tw_test_other.v2"), Some(&text), false); // another key
    fire(Some("tw_test_watch.v2"), Some("{not json"), false); // unreadable: logged
    fire(Some("tw_test_watch.v2"), None, false); // removed
    fire(None, None, false); // localStorage.clear()
    fire(Some("tw_test_watch.v2"), Some(&text), true); // sessionStorage
    assert_eq!(heard.borrow().len(), 1);

    drop(listener);
    fire(Some("tw_test_watch.v2"), Some(&text), false);
    assert_eq!(heard.borrow().len(), 1, "no longer listening");
    clear(base);
}

// --- signals ---------------------------------------------------------------------------

#[wasm_bindgen_test]
fn browser_signals_read_gpc_and_dnt() {
    undefine_on_navigator("globalPrivacyControl");
    define_on_navigator("doNotTrack", &JsValue::NULL);
    assert_eq!(browser_signals(), Signals::NONE);

    define_on_navigator("globalPrivacyControl", &JsValue::TRUE);
    assert_eq!(
        browser_signals(),
        Signals {
            gpc: true,
            dnt: false
        }
    );
    define_on_navigator("globalPrivacyControl", &JsValue::from_str("true"));
    assert!(!browser_signals().gpc, "only the value true counts");

    define_on_navigator("doNotTrack", &JsValue::from_str("1"));
    assert!(browser_signals().dnt);
    define_on_navigator("doNotTrack", &JsValue::from_str("0"));
    assert!(!browser_signals().dnt);

    undefine_on_navigator("globalPrivacyControl");
    undefine_on_navigator("doNotTrack");
}

#[wasm_bindgen_test]
fn record_ids_languages_and_principals() {
    let a = random_record_id();
    let b = random_record_id();
    assert_ne!(a, b);
    assert_eq!(&a.as_str()[14..15], "4", "a UUID v4: {a}");

    let base = "tw_test_principal";
    clear(base);
    let id = principal_id(base);
    assert!(RecordId::parse(&id).is_some(), "{id}");
    assert_eq!(get("tw_test_principal.principal"), Some(id.clone()));
    assert_eq!(principal_id(base), id);
    clear(base);
}

// --- gated scripts ---------------------------------------------------------------------

fn window_number(name: &str) -> Option<f64> {
    js_sys::Reflect::get(&window(), &JsValue::from_str(name))
        .unwrap()
        .as_f64()
}

#[wasm_bindgen_test]
fn gated_scripts_run_only_when_granted_and_only_once() {
    let body = document().body().unwrap();
    let box_ = document().create_element("div").unwrap();
    box_.set_inner_html(
        r#"<script type="text/plain" data-consent="analytics" id="tw-gated">window.__twRan = (window.__twRan || 0) + 1;</script><script type="text/plain" data-consent="no-such-category">window.__twUnknown = 1;</script><script type="text/plain" data-consent="marketing">window.__twMarketing = 1;</script>"#,
    );
    body.append_child(&box_).unwrap();
    let gated = box_.first_element_child().unwrap();

    run_granted_scripts(&now(&ConsentHistory::default()), &cats());
    assert_eq!(window_number("__twRan"), None);
    assert!(!gated.has_attribute("data-consent-ran"));
    let denied = history(14, "2026-11-24T10:00:00Z", Choice::Denied);
    run_granted_scripts(&now(&denied), &cats());
    assert_eq!(window_number("__twRan"), None);

    let mut granted = denied.clone();
    decide(
        &mut granted,
        15,
        "2026-11-24T10:01:00Z",
        Choice::Granted,
        Choice::Denied,
    );
    run_granted_scripts(&now(&granted), &cats());
    assert_eq!(window_number("__twRan"), Some(1.0));
    assert!(gated.has_attribute("data-consent-ran"));
    let real = gated.next_element_sibling().unwrap();
    assert_eq!(real.tag_name(), "SCRIPT");
    assert_eq!(real.get_attribute("type"), None, "a classic script");
    assert_eq!(real.id(), "tw-gated", "the id moves to the script that ran");
    assert!(!gated.has_attribute("id"));
    assert_eq!(document().get_element_by_id("tw-gated"), Some(real));

    run_granted_scripts(&now(&granted), &cats());
    assert_eq!(window_number("__twRan"), Some(1.0), "only once");
    assert_eq!(window_number("__twUnknown"), None);
    assert_eq!(window_number("__twMarketing"), None);
    assert_eq!(box_.query_selector_all("script").unwrap().length(), 4);

    box_.remove();
    for name in ["__twRan", "__twUnknown", "__twMarketing"] {
        js_sys::Reflect::delete_property(&window(), &JsValue::from_str(name)).unwrap();
    }
}

#[wasm_bindgen_test]
fn gated_external_scripts_keep_their_attributes() {
    let box_ = document().create_element("div").unwrap();
    box_.set_inner_html(
        r#"<script type="text/plain" data-consent="analytics" data-type="module" src="data:text/javascript,void%200" crossorigin="anonymous" referrerpolicy="no-referrer" integrity="sha384-x" defer></script>"#,
    );
    document().body().unwrap().append_child(&box_).unwrap();
    let gated: web_sys::HtmlScriptElement = box_.first_element_child().unwrap().unchecked_into();
    gated.set_nonce("n0nce");

    let granted = history(16, "2026-11-24T10:00:00Z", Choice::Granted);
    run_granted_scripts(&now(&granted), &cats());
    let real: web_sys::HtmlScriptElement = gated.next_element_sibling().unwrap().unchecked_into();
    assert_eq!(real.type_(), "module");
    assert_eq!(
        real.get_attribute("src").as_deref(),
        Some("data:text/javascript,void%200")
    );
    assert_eq!(
        real.get_attribute("crossorigin").as_deref(),
        Some("anonymous")
    );
    assert_eq!(
        real.get_attribute("referrerpolicy").as_deref(),
        Some("no-referrer")
    );
    assert_eq!(real.get_attribute("integrity").as_deref(), Some("sha384-x"));
    assert!(real.defer());
    assert!(!real.r#async(), "not async unless the gated script says so");
    assert_eq!(real.nonce(), "n0nce");
    assert_eq!(real.text().unwrap(), "");
    box_.remove();
}

// --- Google Consent Mode ---------------------------------------------------------------

#[wasm_bindgen_test]
fn consent_mode_goes_through_gtag() {
    reset_page_globals();
    install_fake_gtag();
    consent_mode_default();
    let mut h = history(17, "2026-11-24T10:00:00Z", Choice::Granted);
    consent_mode_update(&now(&h), &cats());
    decide(
        &mut h,
        18,
        "2026-11-24T10:01:00Z",
        Choice::Denied,
        Choice::Granted,
    );
    consent_mode_update(&now(&h), &cats());
    let calls: Value = serde_json::from_str(&gtag_calls()).unwrap();
    assert_eq!(
        calls,
        json!([
            ["consent", "default", {"ad_storage": "denied", "analytics_storage": "denied",
                                    "ad_user_data": "denied", "ad_personalization": "denied"}],
            ["consent", "update", {"ad_storage": "denied", "analytics_storage": "granted",
                                   "ad_user_data": "denied", "ad_personalization": "denied"}],
            ["consent", "update", {"ad_storage": "granted", "analytics_storage": "denied",
                                   "ad_user_data": "granted", "ad_personalization": "granted"}],
        ])
    );
    reset_page_globals();
}

#[wasm_bindgen_test]
fn consent_mode_pushes_arguments_onto_a_data_layer() {
    reset_page_globals();
    js_sys::Reflect::set(&window(), &"dataLayer".into(), &js_sys::Array::new()).unwrap();
    consent_mode_default();
    consent_mode_update(
        &now(&history(19, "2026-11-24T10:00:00Z", Choice::Granted)),
        &cats(),
    );
    let entries: Value = serde_json::from_str(&data_layer_entries()).unwrap();
    assert_eq!(
        entries,
        json!([
            {"kind": "[object Arguments]", "args": ["consent", "default",
                {"ad_storage": "denied", "analytics_storage": "denied",
                 "ad_user_data": "denied", "ad_personalization": "denied"}]},
            {"kind": "[object Arguments]", "args": ["consent", "update",
                {"ad_storage": "denied", "analytics_storage": "granted",
                 "ad_user_data": "denied", "ad_personalization": "denied"}]},
        ])
    );

    // A page with neither is left alone.
    reset_page_globals();
    consent_mode_default();
    consent_mode_update(&now(&ConsentHistory::default()), &cats());
    let data_layer = js_sys::Reflect::get(&window(), &"dataLayer".into()).unwrap();
    assert!(data_layer.is_undefined());
}

// --- a decision made under a materially older policy ---------------------------------

/// Analytics and marketing granted under privacy policy version 1, read while version 3
/// (a material change) is in force.
fn granted_under_version_1() -> ConsentHistory {
    let mut h = ConsentHistory::default();
    h.record(
        &cats(),
        &PolicyRef::for_text("privacy-policy", "1", "the first policy text"),
        ctx(40, "2026-01-10T09:00:00Z"),
        Method::Banner,
        [
            ("analytics", Choice::Granted),
            ("marketing", Choice::Granted),
            ("diagnostics", Choice::Granted),
            ("location", Choice::Granted),
        ],
    )
    .unwrap();
    h
}

#[wasm_bindgen_test]
fn grants_under_a_materially_older_policy_do_not_count_until_answered_again() {
    let h = granted_under_version_1();
    let standing = now(&h);
    assert!(standing.suspended());
    assert!(standing.in_force().is_none());
    for c in cats().optional() {
        assert!(!standing.is_granted(c), "{} waits for a new answer", c.id);
    }
    assert!(standing.is_granted(cats().get("necessary").unwrap()));

    // Gated scripts stay inert.
    let box_ = document().create_element("div").unwrap();
    box_.set_inner_html(
        r#"<script type="text/plain" data-consent="analytics">window.__twStale = 1;</script>"#,
    );
    document().body().unwrap().append_child(&box_).unwrap();
    run_granted_scripts(&standing, &cats());
    assert_eq!(window_number("__twStale"), None);
    assert!(
        !box_
            .first_element_child()
            .unwrap()
            .has_attribute("data-consent-ran")
    );
    box_.remove();

    // Consent Mode is told "denied" for everything.
    reset_page_globals();
    install_fake_gtag();
    consent_mode_update(&standing, &cats());
    let calls: Value = serde_json::from_str(&gtag_calls()).unwrap();
    assert_eq!(
        calls,
        json!([["consent", "update", {"ad_storage": "denied", "analytics_storage": "denied",
                                      "ad_user_data": "denied", "ad_personalization": "denied"}]])
    );
    reset_page_globals();

    // The host's snapshot: no optional answer in force, the record still there.
    let snap = snapshot(&standing, &cats());
    assert_eq!(
        snap["choices"],
        json!({"necessary": true, "analytics": null, "marketing": null,
               "diagnostics": null, "location": null})
    );
    assert_eq!(snap["record"]["policy"]["version"], "1");

    // Version 3 with only a non-material step since: the grants stand.
    let minor = PolicyVersion::new(policy(), [("1", true), ("2", false), ("3", false)]);
    assert!(!Standing::new(&h, &minor).suspended());
    assert!(Standing::new(&h, &minor).is_granted(cats().get("analytics").unwrap()));
}

// --- snapshot and the change event ----------------------------------------------------

#[wasm_bindgen_test]
fn snapshot_has_every_category_and_the_current_record() {
    let empty = snapshot(&now(&ConsentHistory::default()), &cats());
    assert_eq!(
        empty,
        json!({
            "choices": {"necessary": true, "analytics": null, "marketing": null,
                        "diagnostics": null, "location": null},
            "record": null,
            "records": 0,
        })
    );

    let mut h = history(20, "2026-11-24T10:00:00Z", Choice::Denied);
    decide(
        &mut h,
        21,
        "2026-11-24T10:02:00Z",
        Choice::Granted,
        Choice::Denied,
    );
    let snap = snapshot(&now(&h), &cats());
    let current = h.current().unwrap();
    assert_eq!(
        snap,
        json!({
            "choices": {"necessary": true, "analytics": true, "marketing": false,
                        "diagnostics": false, "location": false},
            "record": {
                "id": current.id.as_str(),
                "at": "2026-11-24T10:02:00Z",
                "method": "banner",
                "policy": {"document": "privacy-policy", "version": "3",
                           "sha256": current.policy.sha256},
                "signals": {"gpc": false, "dnt": false},
                "language": "en-GB",
            },
            "records": 2,
        })
    );
}

#[wasm_bindgen_test]
fn the_change_event_leaves_a_shadow_root() {
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    let root = host
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    let inner = document().create_element("div").unwrap();
    root.append_child(&inner).unwrap();

    let seen: Rc<RefCell<Vec<(Value, bool, bool)>>> = Rc::default();
    let sink = seen.clone();
    let _listener = Listener::new(&document(), "consent-change", move |event| {
        let event: &web_sys::CustomEvent = event.unchecked_ref();
        sink.borrow_mut()
            .push((js_json(&event.detail()), event.bubbles(), event.composed()));
    });
    let detail = snapshot(
        &now(&history(22, "2026-11-24T10:00:00Z", Choice::Granted)),
        &cats(),
    );
    dispatch_change(&inner, &detail);
    assert_eq!(*seen.borrow(), [(detail, true, true)]);
    host.remove();
}
