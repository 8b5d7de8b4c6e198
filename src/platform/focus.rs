//! Keyboard focus across shadow roots: which element has it, and giving it back.
//!
//! Inside a shadow root, `document.activeElement` is the shadow host; the element that
//! really has focus is the host's `shadowRoot.activeElement`, possibly several roots deep.

use wasm_bindgen::JsCast;

/// The element that has keyboard focus, looking through open shadow roots; `None` when
/// nothing (or only `<body>`) has it.
pub fn deep_active_element() -> Option<web_sys::Element> {
    let document = web_sys::window()?.document()?;
    let mut element = document.active_element()?;
    while let Some(inner) = element.shadow_root().and_then(|root| root.active_element()) {
        element = inner;
    }
    let body = document.body().map(web_sys::Element::from);
    (Some(&element) != body.as_ref()).then_some(element)
}

/// Moves focus to `element` if it is still in the document and can take focus; says
/// whether it did.
pub fn restore_focus(element: &web_sys::Element) -> bool {
    if !element.is_connected() {
        return false;
    }
    let Some(html) = element.dyn_ref::<web_sys::HtmlElement>() else {
        return false;
    };
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    html.focus_with_options(&options).is_ok() && deep_active_element().as_ref() == Some(element)
}
