//! The script-tag surface: the `<terms-widget>`, `<terms-consent>`,
//! `<terms-privacy-choices>`, `<terms-signup>` and `<terms-honor-code>` custom elements
//! (the last two in [`acceptance`]).
//!
//! ```html
//! <script type="module" src="https://cdn.example/terms-widget/embed.js"></script>
//! <terms-widget document="refund-policy"></terms-widget>
//! <terms-consent></terms-consent>                 <!-- banner, preferences, records -->
//! <terms-privacy-choices></terms-privacy-choices> <!-- a "Privacy choices" button -->
//! <terms-signup name="agreements"></terms-signup>  <!-- sign-up agreements, in a form -->
//! <terms-honor-code course="data-science-101"></terms-honor-code>
//! ```
//!
//! `<terms-widget>` attributes (read when the element is connected):
//!
//! | attribute | meaning |
//! |---|---|
//! | `src` | URL of a bundle JSON file to show instead of the built-in documents |
//! | `document` | where to open, as a fragment: `refund-policy`, `terms-of-use/paid-services`; changing it later navigates |
//! | `routing="hash"` | the widget owns the page's URL fragment (deep links, Back/Forward); only for a page that is the widget |
//! | `refund` | course-page mode: a purchase in the refund contract's input shape (JSON); the widget shows just the verdict |
//! | `refund-policy` | overrides of the refund rules (JSON), applied after the bundle's `refund_policy` |
//!
//! `<terms-consent>` takes `src` (or an inline bundle) the same way: its documents give
//! the privacy policy the choices are bound to and the consent set-up (`consent`). With
//! `records-endpoint="https://…"` every new consent record is also POSTed to that URL,
//! through an outbox in storage, until it answers 2xx (see
//! [`platform::delivery`](crate::platform::delivery)).
//!
//! An inline bundle can be given as a child `<script type="application/json">…</script>`.
//! Each element renders into its own open shadow root with its own stylesheet, and keeps
//! its state to itself, so several widgets work independently on one page.

pub mod acceptance;
pub mod api;

use wasm_bindgen::prelude::*;

use yew::AttrValue;

use crate::catalog::{Lang, direction};
use crate::components::consent::PrivacyChoicesButton;
use crate::components::consent_app::{ConsentApp, ConsentAppProps, OPEN_PREFERENCES_EVENT};
use crate::components::{App, AppProps, Remote, Routing, Source};
use crate::platform::language::locale_for;

// A file, not `inline_js`: wasm-bindgen numbers inline snippets in link order, and the
// full and consent-only builds (the crate with and without its `full` feature) write one
// snippets folder, so one build's numbered snippet could replace the other's. The Trunk
// build then puts the file's code into each build's glue (scripts/inline-snippets.mjs),
// so pages do not fetch it separately.
#[wasm_bindgen(module = "/src/embed/elements.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    fn define_element(
        name: &str,
        observed: js_sys::Array,
        connect: &Closure<dyn FnMut(web_sys::HtmlElement, web_sys::ShadowRoot) -> Mounted>,
    ) -> Result<(), JsValue>;
}

/// An app mounted in one element; owned by that element (JS side).
#[wasm_bindgen]
pub struct Mounted {
    destroy: Option<Box<dyn FnOnce()>>,
    remote: Remote,
}

#[wasm_bindgen]
impl Mounted {
    /// Unmounts the app.
    pub fn destroy(&mut self) {
        if let Some(destroy) = self.destroy.take() {
            destroy();
        }
    }

    /// Opens a place in a `<terms-widget>`, e.g. `refund-policy/guided-projects`.
    pub fn follow(&self, fragment: &str) {
        self.remote.follow(fragment);
    }
}

/// Defines one element, reporting (not throwing) if that fails.
fn define(
    name: &str,
    observed: &[&str],
    mount: fn(&web_sys::HtmlElement, &web_sys::ShadowRoot) -> Mounted,
) {
    let connect = Closure::<dyn FnMut(web_sys::HtmlElement, web_sys::ShadowRoot) -> Mounted>::new(
        move |host: web_sys::HtmlElement, root: web_sys::ShadowRoot| mount(&host, &root),
    );
    let observed: js_sys::Array = observed.iter().map(|a| JsValue::from_str(a)).collect();
    if let Err(e) = define_element(name, observed, &connect) {
        crate::platform::console_error(&format!(
            "could not define <{name}>: {}",
            e.as_string().unwrap_or_else(|| format!("{e:?}"))
        ));
    }
    // The element class keeps calling this for as long as the page lives.
    connect.forget();
}

/// Registers the elements and `window.TermsWidget` (once; later calls do nothing): the
/// full build (`terms-widget.js`).
pub fn register() {
    api::install();
    define("terms-widget", &["document", "lang"], mount);
    define("terms-consent", &["lang"], |host, root| {
        mount_consent(host, root, crate::DEFAULT_BUNDLE)
    });
    define("terms-privacy-choices", &["lang"], mount_choices);
    acceptance::register();
}

/// Registers `<terms-widget>` and `TermsWidget.evaluateRefund`: the documents build
/// (`terms-documents.js`). A page that loads the full build afterwards keeps this
/// definition and gains the other elements and the rest of the API.
pub fn register_documents() {
    api::install_documents();
    define("terms-widget", &["document", "lang"], mount);
}

/// Registers `<terms-consent>`, `<terms-privacy-choices>` and the consent part of
/// `window.TermsWidget`: the consent-only build (`terms-consent.js`), whose built-in
/// documents are only the privacy policy ([`crate::CONSENT_BUNDLE`]). A page that loads
/// another build afterwards keeps these definitions and gains that build's elements.
pub fn register_consent() {
    api::install_consent();
    define("terms-consent", &["lang"], |host, root| {
        mount_consent(host, root, crate::CONSENT_BUNDLE)
    });
    define("terms-privacy-choices", &["lang"], mount_choices);
}

/// Where an element's documents come from: `src`, an inline JSON child, or built in.
fn source_of(host: &web_sys::HtmlElement) -> Source {
    match host.get_attribute("src").filter(|s| !s.trim().is_empty()) {
        Some(url) => Source::Url(url),
        None => match inline_bundle(host) {
            Some(text) => Source::Inline(text),
            None => Source::BuiltIn,
        },
    }
}

/// Adopts the stylesheets (in order, as one stylesheet of them would cascade) and adds the
/// container an app renders into, speaking `locale`'s language.
fn container(root: &web_sys::ShadowRoot, css: &[&str], locale: &str) -> Option<web_sys::Element> {
    adopt_styles(root, css);
    let document = root
        .owner_document()
        .or_else(|| web_sys::window()?.document());
    let Some(container) = document.and_then(|d| d.create_element("div").ok()) else {
        crate::platform::console_error("could not create the widget's container");
        return None;
    };
    container.set_class_name("tw-host");
    // The widget's own language and direction, whatever the host page's: its words are
    // in this language, so an RTL host page must not reorder them, and an Arabic widget
    // mirrors on an English page (documents and values from the bundle isolate their
    // own direction inside).
    let lang = Lang::of_locale(Some(locale));
    let _ = container.set_attribute("lang", lang.tag());
    let _ = container.set_attribute("dir", direction(lang.tag()));
    root.append_child(&container).ok()?;
    Some(container)
}

/// Renders the app `C` with `props` into a new container in `root` (styled with the `css`
/// stylesheets, speaking `locale`'s language); the element owns the result.
pub(crate) fn mount_app<C>(
    root: &web_sys::ShadowRoot,
    css: &[&str],
    locale: &str,
    props: C::Properties,
    remote: Remote,
) -> Mounted
where
    C: yew::BaseComponent,
{
    let destroy = container(root, css, locale).map(|c| {
        let handle = yew::Renderer::<C>::with_root_and_props(c, props).render();
        Box::new(move || handle.destroy()) as Box<dyn FnOnce()>
    });
    Mounted { destroy, remote }
}

/// Mounts a documents view ([`App`]) into a `<terms-widget>`.
fn mount(host: &web_sys::HtmlElement, root: &web_sys::ShadowRoot) -> Mounted {
    let attribute = |name: &str| {
        host.get_attribute(name)
            .filter(|s| !s.trim().is_empty())
            .map(AttrValue::from)
    };
    let remote = Remote::default();
    let locale = locale_for(host);
    let props = AppProps {
        source: source_of(host),
        routing: match host.get_attribute("routing").as_deref() {
            Some("hash") => Routing::Hash,
            _ => Routing::Local,
        },
        start: host.get_attribute("document"),
        remote: remote.clone(),
        refund: attribute("refund"),
        refund_policy: attribute("refund-policy"),
        label: attribute("label"),
        locale: Some(AttrValue::from(locale.clone())),
    };
    mount_app::<App>(root, &[crate::WIDGET_CSS], &locale, props, remote)
}

/// Mounts the consent banner and preferences ([`ConsentApp`]) into a `<terms-consent>`.
fn mount_consent(
    host: &web_sys::HtmlElement,
    root: &web_sys::ShadowRoot,
    built_in: &'static str,
) -> Mounted {
    let locale = locale_for(host);
    let props = ConsentAppProps {
        source: source_of(host),
        built_in,
        host: host.clone(),
        records_endpoint: host.get_attribute("records-endpoint").map(AttrValue::from),
        locale: Some(AttrValue::from(locale.clone())),
    };
    mount_app::<ConsentApp>(
        root,
        &[crate::CONSENT_CSS],
        &locale,
        props,
        Remote::default(),
    )
}

/// Mounts a "Privacy choices" button into a `<terms-privacy-choices>`; it opens the
/// preferences of the `<terms-consent>` on the page.
fn mount_choices(host: &web_sys::HtmlElement, root: &web_sys::ShadowRoot) -> Mounted {
    let label = host
        .get_attribute("label")
        .filter(|s| !s.trim().is_empty())
        .map(AttrValue::from);
    let locale = locale_for(host);
    let props = crate::components::consent::PrivacyChoicesButtonProps {
        on_open: yew::Callback::from(|_| open_preferences()),
        label,
        locale: Some(AttrValue::from(locale.clone())),
    };
    mount_app::<PrivacyChoicesButton>(
        root,
        &[crate::CONSENT_CSS],
        &locale,
        props,
        Remote::default(),
    )
}

/// Opens the preferences of every `<terms-consent>` on the page.
pub fn open_preferences() {
    if let Some(w) = web_sys::window()
        && let Ok(event) = web_sys::Event::new(OPEN_PREFERENCES_EVENT)
    {
        let _ = w.dispatch_event(&event);
    }
}

/// The text of a child `<script type="application/json">`, if the host inlined a bundle.
fn inline_bundle(host: &web_sys::HtmlElement) -> Option<String> {
    let script = host
        .query_selector(":scope > script[type=\"application/json\"]")
        .ok()??;
    script.text_content().filter(|t| !t.trim().is_empty())
}

/// Gives the shadow root the widget's stylesheets as constructed stylesheets, which
/// works under a strict Content-Security-Policy (no inline `<style>`).
fn adopt_styles(root: &web_sys::ShadowRoot, css: &[&str]) {
    let sheets = js_sys::Array::new();
    for text in css {
        let Ok(sheet) = web_sys::CssStyleSheet::new() else {
            crate::platform::console_warn("constructed stylesheets are not supported here");
            return;
        };
        if sheet.replace_sync(text).is_err() {
            crate::platform::console_warn("the widget stylesheet could not be applied");
            return;
        }
        sheets.push(&sheet);
    }
    let _ = js_sys::Reflect::set(root, &JsValue::from_str("adoptedStyleSheets"), &sheets);
}
