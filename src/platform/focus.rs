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

/// Moves focus to `element` if it is still in the document and can take focus.
pub fn restore_focus(element: &web_sys::Element) {
    if let Some(html) = element.dyn_ref::<web_sys::HtmlElement>()
        && element.is_connected()
    {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = html.focus_with_options(&options);
    }
}

/// What can take focus with Tab inside a container (disabled controls, `tabindex="-1"`
/// and hidden elements aside).
const TABBABLE: &str = "a[href], button:not([disabled]), input:not([disabled]):not([type=\"hidden\"]), \
     select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex=\"-1\"])";

/// Keeps Tab and Shift+Tab inside `container` (a modal dialog): from its last tabbable
/// element Tab wraps to the first, and from the first (or from the container's own
/// focused title) Shift+Tab wraps to the last. Call it from the container's `keydown`.
pub fn keep_tab_inside(container: &web_sys::Element, event: &web_sys::KeyboardEvent) {
    if event.key() != "Tab" || event.alt_key() || event.ctrl_key() || event.meta_key() {
        return;
    }
    let Ok(list) = container.query_selector_all(TABBABLE) else {
        return;
    };
    let tabbable: Vec<web_sys::HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        .filter(|e| e.offset_parent().is_some())
        .collect();
    let (Some(first), Some(last)) = (tabbable.first(), tabbable.last()) else {
        return;
    };
    let active = deep_active_element();
    let inside = active.as_ref().is_some_and(|a| container.contains(Some(a)));
    let at = active.as_ref().and_then(|a| {
        tabbable
            .iter()
            .position(|t| a == t.unchecked_ref::<web_sys::Element>())
    });
    let target = match (event.shift_key(), at) {
        // Shift+Tab from the first, or from something not in the Tab order (the title).
        (true, Some(0) | None) => Some(last),
        // Tab from the last, or from outside the container.
        (false, Some(i)) if i + 1 == tabbable.len() => Some(first),
        (false, None) if !inside => Some(first),
        _ => None,
    };
    if let Some(target) = target {
        event.prevent_default();
        let _ = target.focus();
    }
}
