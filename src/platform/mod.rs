//! The browser edge: fetching a bundle, the URL fragment, the console and scrolling.
//!
//! Everything that touches `web_sys` outside the components lives here, so the
//! components stay about state and markup and the domain stays pure.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Writes an error to the browser console (prefixed so hosts can filter it).
pub fn console_error(message: &str) {
    web_sys::console::error_1(&JsValue::from_str(&format!("[terms-widget] {message}")));
}

/// Writes a warning to the browser console.
pub fn console_warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(&format!("[terms-widget] {message}")));
}

/// Why a bundle could not be fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// The request did not complete (network, CORS, blocked by CSP, bad URL).
    Network {
        /// The URL asked for.
        url: String,
        /// The browser's words.
        detail: String,
    },
    /// The server answered with an error status.
    Status {
        /// The URL asked for.
        url: String,
        /// HTTP status code.
        status: u16,
    },
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FetchError::Network { url, detail } => write!(
                f,
                "Could not load the documents from {url}: {detail}. Check the address, and that the server allows this page to fetch it (CORS and Content-Security-Policy connect-src)."
            ),
            FetchError::Status { url, status } => write!(
                f,
                "Could not load the documents from {url}: the server answered HTTP {status}."
            ),
        }
    }
}

fn js_detail(v: &JsValue) -> String {
    v.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| v.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// Fetches a URL as text (no credentials are sent to other origins).
pub async fn fetch_text(url: &str) -> Result<String, FetchError> {
    let network = |detail: String| FetchError::Network {
        url: url.to_string(),
        detail,
    };
    let window = web_sys::window().ok_or_else(|| network("no window".into()))?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| network(js_detail(&e)))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| network("unexpected response object".into()))?;
    if !response.ok() {
        return Err(FetchError::Status {
            url: url.to_string(),
            status: response.status(),
        });
    }
    let text = response.text().map_err(|e| network(js_detail(&e)))?;
    let text = JsFuture::from(text)
        .await
        .map_err(|e| network(js_detail(&e)))?;
    Ok(text.as_string().unwrap_or_default())
}

/// The page's URL fragment without `#` (empty when there is none).
pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// Sets the page's URL fragment, adding a history entry (so Back returns).
pub fn set_location_hash(fragment: &str) {
    if let Some(w) = web_sys::window()
        && location_hash() != fragment
    {
        let _ = w.location().set_hash(fragment);
    }
}

/// Replaces the page's URL fragment without adding a history entry.
pub fn replace_location_hash(fragment: &str) {
    if let Some(w) = web_sys::window()
        && let Ok(history) = w.history()
    {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("#{fragment}")));
    }
}

/// An event listener that is removed when this value is dropped.
pub struct Listener {
    target: web_sys::EventTarget,
    kind: &'static str,
    closure: Closure<dyn FnMut(web_sys::Event)>,
}

impl Listener {
    /// Listens for `kind` events on `target`.
    pub fn new(
        target: &web_sys::EventTarget,
        kind: &'static str,
        handler: impl FnMut(web_sys::Event) + 'static,
    ) -> Listener {
        let closure = Closure::<dyn FnMut(web_sys::Event)>::new(handler);
        let _ = target.add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref());
        Listener {
            target: target.clone(),
            kind,
            closure,
        }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self
            .target
            .remove_event_listener_with_callback(self.kind, self.closure.as_ref().unchecked_ref());
    }
}

/// Listens for changes of the page's URL fragment (Back, Forward, edited address).
pub fn on_hash_change(mut handler: impl FnMut(String) + 'static) -> Option<Listener> {
    let window = web_sys::window()?;
    Some(Listener::new(&window, "hashchange", move |_| {
        handler(location_hash())
    }))
}

/// Scrolls the element with this id inside `root` into view and moves focus to it.
/// Returns whether it was found.
pub fn reveal_by_id(root: &web_sys::Element, id: &str, focus: bool) -> bool {
    let selector = format!("[id=\"{}\"]", id.replace('\\', "\\\\").replace('"', "\\\""));
    reveal(root, &selector, focus)
}

/// Scrolls the first element matching `selector` inside `root` into view (centred when
/// `focus` is false, e.g. for search matches), optionally focusing it.
pub fn reveal(root: &web_sys::Element, selector: &str, focus: bool) -> bool {
    let Ok(Some(el)) = root.query_selector(selector) else {
        return false;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(if focus {
        web_sys::ScrollLogicalPosition::Start
    } else {
        web_sys::ScrollLogicalPosition::Center
    });
    el.scroll_into_view_with_scroll_into_view_options(&options);
    if focus && let Some(html) = el.dyn_ref::<web_sys::HtmlElement>() {
        let opts = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&opts, &"preventScroll".into(), &JsValue::TRUE);
        let _ = js_sys::Reflect::apply(
            &js_sys::Reflect::get(html, &"focus".into())
                .ok()
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
                .unwrap_or_else(|| js_sys::Function::new_no_args("")),
            html,
            &js_sys::Array::of1(&opts),
        );
    }
    true
}

/// Milliseconds since the page started loading (for the benchmark marks).
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}
