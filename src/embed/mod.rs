//! The script-tag surface: the `<terms-widget>` custom element.
//!
//! ```html
//! <script type="module" src="https://cdn.example/terms-widget/embed.js"></script>
//! <terms-widget document="refund-policy"></terms-widget>
//! ```
//!
//! Attributes (read when the element is connected):
//!
//! | attribute | meaning |
//! |---|---|
//! | `src` | URL of a bundle JSON file to show instead of the built-in documents |
//! | `document` | where to open, as a fragment: `refund-policy`, `terms-of-use/paid-services`; changing it later navigates |
//! | `routing="hash"` | the widget owns the page's URL fragment (deep links, Back/Forward); only for a page that is the widget |
//! | `refund` | course-page mode: a purchase in the refund contract's input shape (JSON); the widget shows just the verdict |
//! | `refund-policy` | overrides of the refund rules (JSON), applied after the bundle's `refund_policy` |
//!
//! An inline bundle can be given as a child `<script type="application/json">…</script>`.
//! Each element renders into its own open shadow root with its own stylesheet, and keeps
//! its state to itself, so several widgets work independently on one page.

pub mod api;

use wasm_bindgen::prelude::*;

use yew::AttrValue;

use crate::components::{App, AppProps, Remote, Routing, Source};

#[wasm_bindgen(inline_js = r#"
export function define_terms_widget(connect) {
  if (customElements.get('terms-widget')) return;
  class TermsWidgetElement extends HTMLElement {
    static get observedAttributes() { return ['document']; }
    connectedCallback() {
      if (this._tw) return;
      const root = this.shadowRoot || this.attachShadow({ mode: 'open' });
      this._tw = connect(this, root);
    }
    disconnectedCallback() {
      // An element moved elsewhere in the page is disconnected and connected again
      // in one task: only tear down if it is still out of the page afterwards.
      queueMicrotask(() => {
        if (!this.isConnected && this._tw) {
          const tw = this._tw;
          this._tw = null;
          tw.destroy();
          tw.free();
          if (this.shadowRoot) this.shadowRoot.replaceChildren();
        }
      });
    }
    attributeChangedCallback(name, oldValue, value) {
      if (name === 'document' && this._tw && value !== null && value !== oldValue) {
        this._tw.follow(value);
      }
    }
  }
  customElements.define('terms-widget', TermsWidgetElement);
}
"#)]
extern "C" {
    #[wasm_bindgen(catch)]
    fn define_terms_widget(
        connect: &Closure<dyn FnMut(web_sys::HtmlElement, web_sys::ShadowRoot) -> Mounted>,
    ) -> Result<(), JsValue>;
}

/// A widget mounted in one element; owned by that element (JS side).
#[wasm_bindgen]
pub struct Mounted {
    handle: Option<yew::AppHandle<App>>,
    remote: Remote,
}

#[wasm_bindgen]
impl Mounted {
    /// Unmounts the widget.
    pub fn destroy(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
    }

    /// Opens a place in this widget, e.g. `refund-policy/guided-projects`.
    pub fn follow(&self, fragment: &str) {
        self.remote.follow(fragment);
    }
}

/// Registers the `<terms-widget>` element (once; later calls do nothing).
pub fn register() {
    api::install();
    let connect = Closure::<dyn FnMut(web_sys::HtmlElement, web_sys::ShadowRoot) -> Mounted>::new(
        |host: web_sys::HtmlElement, root: web_sys::ShadowRoot| mount(&host, &root),
    );
    if let Err(e) = define_terms_widget(&connect) {
        crate::platform::console_error(&format!(
            "could not define <terms-widget>: {}",
            e.as_string().unwrap_or_else(|| format!("{e:?}"))
        ));
    }
    // The element class keeps calling this for as long as the page lives.
    connect.forget();
}

/// Reads the element's attributes and mounts an [`App`] into its shadow root.
fn mount(host: &web_sys::HtmlElement, root: &web_sys::ShadowRoot) -> Mounted {
    adopt_styles(root);
    let source = match host.get_attribute("src").filter(|s| !s.trim().is_empty()) {
        Some(url) => Source::Url(url),
        None => match inline_bundle(host) {
            Some(text) => Source::Inline(text),
            None => Source::BuiltIn,
        },
    };
    let routing = match host.get_attribute("routing").as_deref() {
        Some("hash") => Routing::Hash,
        _ => Routing::Local,
    };
    let remote = Remote::default();
    let props = AppProps {
        source,
        routing,
        start: host.get_attribute("document"),
        remote: remote.clone(),
        refund: host
            .get_attribute("refund")
            .filter(|s| !s.trim().is_empty())
            .map(AttrValue::from),
        refund_policy: host
            .get_attribute("refund-policy")
            .filter(|s| !s.trim().is_empty())
            .map(AttrValue::from),
    };
    let document = root
        .owner_document()
        .or_else(|| web_sys::window()?.document());
    let Some(container) = document.and_then(|d| d.create_element("div").ok()) else {
        crate::platform::console_error("could not create the widget's container");
        return Mounted {
            handle: None,
            remote,
        };
    };
    container.set_class_name("tw-host");
    let _ = root.append_child(&container);
    let handle = yew::Renderer::<App>::with_root_and_props(container, props).render();
    Mounted {
        handle: Some(handle),
        remote,
    }
}

/// The text of a child `<script type="application/json">`, if the host inlined a bundle.
fn inline_bundle(host: &web_sys::HtmlElement) -> Option<String> {
    let script = host
        .query_selector(":scope > script[type=\"application/json\"]")
        .ok()??;
    script.text_content().filter(|t| !t.trim().is_empty())
}

/// Gives the shadow root the widget's stylesheet as a constructed stylesheet, which
/// works under a strict Content-Security-Policy (no inline `<style>`).
fn adopt_styles(root: &web_sys::ShadowRoot) {
    let Ok(sheet) = web_sys::CssStyleSheet::new() else {
        crate::platform::console_warn("constructed stylesheets are not supported here");
        return;
    };
    if sheet.replace_sync(crate::WIDGET_CSS).is_err() {
        crate::platform::console_warn("the widget stylesheet could not be applied");
        return;
    }
    let sheets = js_sys::Array::of1(&sheet);
    let _ = js_sys::Reflect::set(root, &JsValue::from_str("adoptedStyleSheets"), &sheets);
}
