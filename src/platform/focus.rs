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

/// Collects, in tree order, what can take focus with Tab in `root`'s subtree, looking
/// into open shadow roots (a nested widget's controls come where its host element is).
fn collect_tabbable(root: &web_sys::Node, out: &mut Vec<web_sys::HtmlElement>) {
    let list = match root.dyn_ref::<web_sys::Element>() {
        Some(e) => e.query_selector_all("*"),
        None => match root.dyn_ref::<web_sys::ShadowRoot>() {
            Some(r) => r.query_selector_all("*"),
            None => return,
        },
    };
    let Ok(list) = list else {
        return;
    };
    let mut i = 0;
    while i < list.length() {
        let Some(element) = list
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            i += 1;
            continue;
        };
        i += 1;
        if element.matches(TABBABLE).unwrap_or(false)
            && let Ok(html) = element.clone().dyn_into::<web_sys::HtmlElement>()
            && html.offset_parent().is_some()
        {
            out.push(html);
        }
        if let Some(shadow) = element.shadow_root() {
            collect_tabbable(&shadow, out);
        }
    }
}

/// Whether `node` is `container` or inside it, across shadow roots.
fn composed_contains(container: &web_sys::Element, node: &web_sys::Element) -> bool {
    let mut current: Option<web_sys::Node> = Some(node.clone().into());
    while let Some(n) = current {
        if container.contains(Some(&n)) {
            return true;
        }
        current = n
            .get_root_node()
            .dyn_into::<web_sys::ShadowRoot>()
            .ok()
            .map(|r| r.host().into());
    }
    false
}

/// Keeps Tab and Shift+Tab inside `container` (a modal dialog, nested widgets and all):
/// from its last tabbable
/// element Tab wraps to the first, and from the first (or from the container's own
/// focused title) Shift+Tab wraps to the last. Call it from the container's `keydown`.
pub fn keep_tab_inside(container: &web_sys::Element, event: &web_sys::KeyboardEvent) {
    if event.key() != "Tab" || event.alt_key() || event.ctrl_key() || event.meta_key() {
        return;
    }
    let mut tabbable = Vec::new();
    collect_tabbable(container.as_ref(), &mut tabbable);
    let (Some(first), Some(last)) = (tabbable.first(), tabbable.last()) else {
        return;
    };
    let active = deep_active_element();
    let inside = active
        .as_ref()
        .is_some_and(|a| composed_contains(container, a));
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
