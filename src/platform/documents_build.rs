//! The documents view, asked for from the consent-only build.
//!
//! `embed.js` loads the consent-only build (`terms-consent.js`) on a page that shows only
//! `<terms-consent>` and `<terms-privacy-choices>`. When that page needs a document (the
//! learner opens the privacy policy from the banner), the consent UI shows it in a nested
//! `<terms-widget>` and asks `embed.js` for the documents build with [`LOAD_EVENT`].
//! `embed.js` answers by defining `<terms-widget>` (the documents build,
//! `terms-documents.js`), or with [`LOAD_FAILED_EVENT`]. In the full build `<terms-widget>`
//! is already defined and nothing is fetched.

/// The window event that asks `embed.js` for `<terms-widget>` (sent at most once per page
/// by each consent UI that needs it; `embed.js` loads the documents build once).
pub const LOAD_EVENT: &str = "terms-widget:load-documents";

/// The window event `embed.js` sends when a build could not be loaded; its `detail` is
/// `{ build, elements }`: the build's name and the elements it would have defined (see
/// [`leaves_widget_undefined`]).
pub const LOAD_FAILED_EVENT: &str = "terms-widget:load-failed";

/// The custom element the documents build (and the full build) defines.
pub const ELEMENT: &str = "terms-widget";

/// Whether `<terms-widget>` is defined on this page.
pub fn is_defined() -> bool {
    web_sys::window().is_some_and(|w| !w.custom_elements().get(ELEMENT).is_undefined())
}

/// Whether a [`LOAD_FAILED_EVENT`] leaves `<terms-widget>` undefined: it is not defined
/// yet, and the build that failed would have defined it (`detail.elements` names it; an
/// event without that list counts). A page may load another build later, say the full
/// one for a sign-up form, and its failure says nothing about a documents view that is
/// already there.
pub fn leaves_widget_undefined(event: &web_sys::Event) -> bool {
    use wasm_bindgen::JsCast;
    if is_defined() {
        return false;
    }
    let elements = event
        .dyn_ref::<web_sys::CustomEvent>()
        .map(|e| e.detail())
        .and_then(|d| js_sys::Reflect::get(&d, &"elements".into()).ok())
        .filter(|e| e.is_array())
        .map(|e| js_sys::Array::from(&e));
    elements.is_none_or(|e| e.includes(&ELEMENT.into(), 0))
}

/// Asks `embed.js` for the documents build, unless `<terms-widget>` is already defined.
pub fn request() {
    if is_defined() {
        return;
    }
    if let Some(w) = web_sys::window()
        && let Ok(event) = web_sys::Event::new(LOAD_EVENT)
    {
        let _ = w.dispatch_event(&event);
    }
}

/// Resolves when `<terms-widget>` is defined (at once if it is).
pub async fn defined() {
    let Some(registry) = web_sys::window().map(|w| w.custom_elements()) else {
        return;
    };
    if let Ok(promise) = registry.when_defined(ELEMENT) {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
}

/// A `<terms-widget>` element (defined or not yet) that opens `document` from the same
/// documents as `source`: its `src`, or a copy of the inline bundle, or the built-in ones.
pub fn element(
    document: &web_sys::Document,
    open: &str,
    src: Option<&str>,
    inline: Option<&str>,
) -> Option<web_sys::Element> {
    let element = document.create_element(ELEMENT).ok()?;
    let _ = element.set_attribute("document", open);
    if let Some(src) = src {
        let _ = element.set_attribute("src", src);
    } else if let Some(text) = inline {
        let script = document.create_element("script").ok()?;
        let _ = script.set_attribute("type", "application/json");
        script.set_text_content(Some(text));
        element.append_child(&script).ok()?;
    }
    Some(element)
}
