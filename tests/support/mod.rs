//! What the browser tests share: the document, waiting, and DOM queries.
//!
//! Each browser test file says `mod support;` and uses what it needs.

#![allow(dead_code)]

use std::time::Duration;

use wasm_bindgen::JsCast;
use web_sys::Element;

/// The test page's document.
pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Waits `ms` milliseconds (a `setTimeout`), letting the page render.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Polls `probe` until it returns `Some`, for at most `limit`.
pub async fn wait_for<T>(limit: Duration, mut probe: impl FnMut() -> Option<T>) -> T {
    let steps = (limit.as_millis() / 20).max(1);
    for _ in 0..steps {
        if let Some(v) = probe() {
            return v;
        }
        sleep(20).await;
    }
    panic!("condition not met within {limit:?}");
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
