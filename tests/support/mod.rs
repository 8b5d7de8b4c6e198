//! What the browser tests share: the document, waiting, and DOM queries.
//!
//! Each browser test file says `mod support;` and uses what it needs.
//!
//! **Waiting.** A test waits for the exact state it is about to assert (the title's text,
//! the navigation filled, the verdict's outcome), never for "something rendered": a slow
//! or busy machine must only make a test slower, never make it fail. Waits are bounded by
//! [`PATIENCE`], far above what any state needs, and a time-out says what was awaited,
//! from which line, and what the page showed instead.

#![allow(dead_code)]

use std::future::Future;
use std::panic::Location;
use std::time::Duration;

use wasm_bindgen::JsCast;
use web_sys::Element;

/// How long a test waits for a state before it fails. Generous on purpose: it bounds a
/// broken test, it is not a performance budget (the runner's own limit is 120 s).
pub const PATIENCE: Duration = Duration::from_secs(45);

/// The test page's document.
pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Waits `ms` milliseconds (a `setTimeout`). Only for letting time pass in a test about
/// time; to wait for a state, use [`wait_for`].
pub async fn sleep(ms: u32) {
    gloo_timers::future::TimeoutFuture::new(ms).await;
}

/// Polls `probe` until it returns `Some`, for at most [`PATIENCE`]; `what` names the state
/// awaited, for the time-out message.
#[track_caller]
pub fn wait_for<T>(
    what: impl Into<String>,
    probe: impl FnMut() -> Option<T>,
) -> impl Future<Output = T> {
    wait_for_showing(what, None, probe)
}

/// Like [`wait_for`], and on time-out the message also quotes the text of `shown` (the
/// container the test mounted), so a failure shows what the page said instead.
#[track_caller]
pub fn wait_for_showing<T>(
    what: impl Into<String>,
    shown: Option<&Element>,
    mut probe: impl FnMut() -> Option<T>,
) -> impl Future<Output = T> {
    let at = Location::caller();
    let what = what.into();
    let shown = shown.cloned();
    async move {
        let start = js_sys::Date::now();
        loop {
            if let Some(v) = probe() {
                return v;
            }
            if js_sys::Date::now() - start > PATIENCE.as_millis() as f64 {
                let page = shown
                    .map(|e| {
                        let text = e.text_content().unwrap_or_default();
                        let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
                        let cut: String = text.chars().take(400).collect();
                        format!("; the container shows: {cut:?}")
                    })
                    .unwrap_or_default();
                panic!("{at}: timed out after {PATIENCE:?} waiting for {what}{page}");
            }
            sleep(20).await;
        }
    }
}

/// Waits for the first element matching `selector` inside `root`.
#[track_caller]
pub fn wait_for_element(root: &Element, selector: &str) -> impl Future<Output = Element> {
    let (r, s) = (root.clone(), selector.to_string());
    wait_for_showing(format!("an element {selector:?}"), Some(root), move || {
        query(&r, &s)
    })
}

/// Waits until `condition` holds (see [`wait_for`]).
#[track_caller]
pub fn until(
    what: impl Into<String>,
    mut condition: impl FnMut() -> bool,
) -> impl Future<Output = ()> {
    wait_for(what, move || condition().then_some(()))
}

/// The first element matching `selector` inside `root`.
pub fn query(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

/// Every element matching `selector` inside `root`.
pub fn query_all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

/// The text of the first element matching `selector` inside `root` ("" when none).
pub fn text_of(root: &Element, selector: &str) -> String {
    query(root, selector)
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}
