//! The browser edge: fetching a bundle, the URL fragment, the console and scrolling.
//!
//! Everything that touches `web_sys` outside the components lives here, so the
//! components stay about state and markup and the domain stays pure.

pub mod acceptance_host;
pub mod acceptance_store;
pub mod consent_host;
pub mod consent_store;
pub mod delivery;
pub mod documents_build;
pub mod focus;
pub mod language;
pub mod localtime;
pub mod signals;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// A value as a plain JS object (maps become objects, not `Map`s, and `None` is `null`),
/// as `JSON.parse` of its JSON would give; `null` if it can't be converted (a number
/// beyond 2^53, which no caller has).
pub fn to_js(value: &impl serde::Serialize) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

/// Writes an error to the browser console (prefixed so hosts can filter it).
pub fn console_error(message: &str) {
    gloo_console::error!(format!("[terms-widget] {message}"));
}

/// Writes a warning to the browser console.
pub fn console_warn(message: &str) {
    gloo_console::warn!(format!("[terms-widget] {message}"));
}

/// Why a bundle could not be fetched.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// The request did not complete (network, CORS, blocked by CSP, bad URL).
    #[error(
        "Could not load the documents from {url}: {detail}. Check the address, and that the server allows this page to fetch it (CORS and Content-Security-Policy connect-src)."
    )]
    Network {
        /// The URL asked for.
        url: String,
        /// The browser's words.
        detail: String,
    },
    /// The server answered with an error status.
    #[error("Could not load the documents from {url}: the server answered HTTP {status}.")]
    Status {
        /// The URL asked for.
        url: String,
        /// HTTP status code.
        status: u16,
    },
}

fn js_detail(v: &JsValue) -> String {
    v.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| v.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// Fetches a URL as text (no credentials are sent to other origins).
///
/// The request is made as a `web_sys::Request` and sent with gloo-net, not built with
/// gloo-net's `RequestBuilder`: the builder (gloo-net 0.5) re-serialises the URL and adds
/// a `&` to one that already has a query (gloo issue #498), and the URL must go out
/// exactly as the host page wrote it.
pub async fn fetch_text(url: &str) -> Result<String, FetchError> {
    let network = |detail: String| FetchError::Network {
        url: url.to_string(),
        detail,
    };
    let request = web_sys::Request::new_with_str(url).map_err(|e| network(js_detail(&e)))?;
    let response = gloo_net::http::Request::from(request)
        .send()
        .await
        .map_err(|e| network(net_detail(e)))?;
    if !response.ok() {
        return Err(FetchError::Status {
            url: url.to_string(),
            status: response.status(),
        });
    }
    response.text().await.map_err(|e| network(net_detail(e)))
}

/// The browser's words for a failed request: the message of the error thrown, as
/// [`js_detail`] gives it.
fn net_detail(error: gloo_net::Error) -> String {
    match error {
        gloo_net::Error::JsError(e) => e.message,
        other => other.to_string(),
    }
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

/// Offers `text` as a file download named `name` (a Blob URL clicked, then revoked).
pub fn download_text(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        console_error("could not prepare the download");
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        console_error("could not prepare the download");
        return;
    };
    if let Some(doc) = web_sys::window().and_then(|w| w.document())
        && let Ok(a) = doc.create_element("a")
        && let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>()
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Sets the page's title (the SPA only: a guest widget leaves the host's title alone).
pub fn set_page_title(title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(title);
    }
}

/// Sets the page's language, `<html lang>` (the SPA only, whose page is the widget).
pub fn set_page_language(tag: &str) {
    if let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = html.set_attribute("lang", tag);
    }
}

/// An event listener that is removed when this value is dropped: gloo's
/// [`EventListener`](gloo_events::EventListener), under the name the platform code and
/// the tests use.
///
/// `Listener::new(target, kind, |event: &web_sys::Event| …)` listens in the bubble phase
/// and is *passive*: a handler that must call `prevent_default` needs
/// `Listener::new_with_options` with
/// [`EventListenerOptions::enable_prevent_default`](gloo_events::EventListenerOptions::enable_prevent_default).
pub use gloo_events::EventListener as Listener;

/// Listens for changes of the page's URL fragment (Back, Forward, edited address).
pub fn on_hash_change(mut handler: impl FnMut(String) + 'static) -> Option<Listener> {
    let window = web_sys::window()?;
    Some(Listener::new(&window, "hashchange", move |_| {
        handler(location_hash())
    }))
}

/// How a navigation inside the widget may move the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reveal {
    /// The widget is the page (SPA): it may always scroll the window.
    pub owns_page: bool,
    /// This is the page load, not something the reader did: a guest widget then
    /// scrolls only its own box, never the host page, and takes no focus.
    pub initial: bool,
    /// Move keyboard focus to the target (headings, the document title).
    pub focus: bool,
    /// Centre the target (search matches) instead of putting it at the top (sections).
    pub center: bool,
}

/// Scrolls the element with this id inside `root` into view (see [`Reveal`]).
/// Returns whether it was found.
pub fn reveal_by_id(root: &web_sys::Element, id: &str, how: Reveal) -> bool {
    let selector = format!("[id=\"{}\"]", id.replace('\\', "\\\\").replace('"', "\\\""));
    reveal(root, &selector, how)
}

/// Scrolls the first element matching `selector` inside `root` into view (see
/// [`Reveal`]). A guest widget that is a scroll container scrolls its own box.
pub fn reveal(root: &web_sys::Element, selector: &str, how: Reveal) -> bool {
    let Ok(Some(el)) = root.query_selector(selector) else {
        return false;
    };
    let block = if how.center {
        web_sys::ScrollLogicalPosition::Center
    } else {
        web_sys::ScrollLogicalPosition::Start
    };
    let scroller = (!how.owns_page)
        .then(|| shadow_host(root))
        .flatten()
        .filter(|h| h.scroll_height() > h.client_height());
    if let Some(scroller) = scroller {
        let bounds = scroller.get_bounding_client_rect();
        let top = el.get_bounding_client_rect().top() - bounds.top();
        let target = if how.center {
            f64::from(scroller.scroll_top()) + top - bounds.height() / 2.0
        } else {
            f64::from(scroller.scroll_top()) + top - sticky_bar_height(root) - 8.0
        };
        scroller.set_scroll_top(target.max(0.0) as i32);
    } else if how.owns_page || !how.initial {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(block);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
    if how.focus
        && let Some(html) = el.dyn_ref::<web_sys::HtmlElement>()
    {
        let opts = web_sys::FocusOptions::new();
        opts.set_prevent_scroll(true);
        let _ = html.focus_with_options(&opts);
    }
    true
}

/// Height of the widget's header bar when it stays on top while scrolling (sticky).
fn sticky_bar_height(root: &web_sys::Element) -> f64 {
    root.query_selector(".tw-bar")
        .ok()
        .flatten()
        .filter(|bar| {
            web_sys::window()
                .and_then(|w| w.get_computed_style(bar).ok().flatten())
                .and_then(|style| style.get_property_value("position").ok())
                .is_some_and(|p| p == "sticky")
        })
        .map(|bar| bar.get_bounding_client_rect().height())
        .unwrap_or(0.0)
}

/// The element hosting the shadow root `el` lives in, if it lives in one.
fn shadow_host(el: &web_sys::Element) -> Option<web_sys::Element> {
    el.get_root_node()
        .dyn_into::<web_sys::ShadowRoot>()
        .ok()
        .map(|r| r.host())
}
