//! The acceptance store in headless Chromium (`wasm-bindgen-test`): the round trip in
//! `localStorage`, an unreadable value set aside and never overwritten, another tab's
//! records merged on save and heard through the `storage` event, the session gate and
//! the local subject.
//!
//! The store is page-wide and its memory fallback is for the rest of the page, so the
//! fallback itself is tested in Playwright (`e2e/signup.test.mjs`), not here.

#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use terms_widget::domain::acceptance::gate::{Gate, SESSION_GATE_KEY};
use terms_widget::domain::acceptance::storage::SUBJECT_KEY;
use terms_widget::domain::acceptance::{
    Acceptance, AcceptanceHistory, AgeAttestation, Context, Method, STORAGE_KEY, Scope, decode,
    encode,
};
use terms_widget::domain::documents::bundle::load_json;
use terms_widget::domain::records::id::RecordId;
use terms_widget::domain::time::parse_instant;
use terms_widget::platform::acceptance_store::{
    AcceptanceStore, StoreNotice, close_session_gate, local_subject, session_gate,
};

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn clear() {
    let s = storage();
    let keys: Vec<String> = (0..s.length().unwrap())
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with("kl_acceptance"))
        .collect();
    for k in keys {
        s.remove_item(&k).unwrap();
    }
}

/// A history with one record accepting the Terms of Use, made with `seed` ids.
fn history_with(seed: u8, at: &str) -> AcceptanceHistory {
    let bundle = load_json(terms_widget::DEFAULT_BUNDLE).bundle;
    let doc = bundle.document("terms-of-use").unwrap();
    let ctx = Context {
        batch: RecordId::from_random_bytes(&[seed; 16]),
        now: parse_instant(at).unwrap(),
        scope: Scope::Platform,
        method: Method::Signup,
        age: Some(AgeAttestation::Adult),
        subject: "learner-1".into(),
        language: "en".into(),
    };
    let mut history = AcceptanceHistory::default();
    history
        .accept(
            &ctx,
            [(
                RecordId::from_random_bytes(&[seed.wrapping_add(100); 16]),
                Acceptance {
                    document: doc,
                    version: doc.current(),
                    pledges: &[],
                },
            )],
        )
        .unwrap();
    history
}

#[wasm_bindgen_test]
fn a_saved_history_loads_back() {
    clear();
    let store = AcceptanceStore::new();
    assert!(store.is_persistent());
    assert_eq!(store.load().history, AcceptanceHistory::default());
    let mine = history_with(1, "2026-01-01T10:00:00Z");
    let saved = store.save(&mine).unwrap();
    assert_eq!(saved, mine);
    assert_eq!(store.load().history, mine);
    assert_eq!(
        decode(&storage().get_item(STORAGE_KEY).unwrap().unwrap()).unwrap(),
        mine
    );
    clear();
}

#[wasm_bindgen_test]
fn an_unreadable_value_is_set_aside_and_never_overwritten() {
    clear();
    storage()
        .set_item(STORAGE_KEY, "{\"v\":1,\"records\":[{")
        .unwrap();
    let store = AcceptanceStore::new();
    let load = store.load();
    assert_eq!(load.notice, Some(StoreNotice::Unreadable));
    assert_eq!(load.history, AcceptanceHistory::default());
    let aside = load.set_aside.expect("set aside");
    assert!(aside.starts_with("kl_acceptance.v1.corrupt."), "{aside}");
    assert_eq!(
        storage().get_item(&aside).unwrap().as_deref(),
        Some("{\"v\":1,\"records\":[{")
    );
    assert_eq!(storage().get_item(STORAGE_KEY).unwrap(), None);
    store
        .save(&history_with(2, "2026-01-02T10:00:00Z"))
        .unwrap();
    assert_eq!(
        storage().get_item(&aside).unwrap().as_deref(),
        Some("{\"v\":1,\"records\":[{"),
        "the copy is untouched"
    );
    clear();
}

#[wasm_bindgen_test]
fn a_save_keeps_what_another_tab_stored() {
    clear();
    let theirs = history_with(3, "2026-01-03T10:00:00Z");
    let mine = history_with(4, "2026-01-04T10:00:00Z");
    storage().set_item(STORAGE_KEY, &encode(&theirs)).unwrap();
    let merged = AcceptanceStore::new().save(&mine).unwrap();
    assert_eq!(merged.records.len(), 2);
    assert_eq!(merged, AcceptanceHistory::merge(&theirs, &mine));
    clear();
}

#[wasm_bindgen_test]
fn another_tabs_write_is_heard() {
    let heard: Rc<RefCell<Vec<AcceptanceHistory>>> = Rc::default();
    let sink = heard.clone();
    let _listener = AcceptanceStore::new()
        .watch(move |h| sink.borrow_mut().push(h))
        .unwrap();
    let theirs = history_with(5, "2026-01-05T10:00:00Z");
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(STORAGE_KEY));
    init.set_new_value(Some(&encode(&theirs)));
    init.set_storage_area(Some(&storage()));
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    web_sys::window()
        .unwrap()
        .dispatch_event(event.unchecked_ref())
        .unwrap();
    assert_eq!(*heard.borrow(), vec![theirs]);
    // Other keys are not ours.
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some("kl_consent.v2"));
    init.set_new_value(Some("{}"));
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    web_sys::window()
        .unwrap()
        .dispatch_event(event.unchecked_ref())
        .unwrap();
    assert_eq!(heard.borrow().len(), 1);
}

#[wasm_bindgen_test]
fn the_session_gate_and_the_local_subject() {
    let session = web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap();
    session.remove_item(SESSION_GATE_KEY).unwrap();
    assert_eq!(session_gate(), Gate::Open);
    close_session_gate();
    assert_eq!(session_gate(), Gate::Closed);
    assert_eq!(
        session.get_item(SESSION_GATE_KEY).unwrap().as_deref(),
        Some("closed")
    );
    assert_eq!(
        storage().get_item(STORAGE_KEY).unwrap(),
        None,
        "nothing else"
    );

    let subject = local_subject();
    assert!(subject.starts_with("local-"), "{subject}");
    assert_eq!(local_subject(), subject, "the same in this browser");
    assert_eq!(
        storage().get_item(SUBJECT_KEY).unwrap().as_deref(),
        Some(subject.as_str())
    );
    session.remove_item(SESSION_GATE_KEY).unwrap();
    storage().remove_item(SUBJECT_KEY).unwrap();
}
