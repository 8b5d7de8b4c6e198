//! The consent banner's floor (see `scripts/floor.sh`): the banner's markup and stylesheet,
//! as the real consent build rendered them (`FLOOR_CAPTURE`, captured from a release
//! build), put into `<terms-consent>`'s shadow root with nothing else: no configuration,
//! no stored choices, no records. With `--features yew`, Yew mounts the same markup.

const CSS: &str = include_str!(concat!(env!("FLOOR_CAPTURE"), "/banner.css"));
/// The markup inside the widget's `div.tw-host`.
const INNER: &str = include_str!(concat!(env!("FLOOR_CAPTURE"), "/inner.html"));

/// `<terms-consent>`'s shadow root with the stylesheet adopted, and a `div.tw-host` in it,
/// as the widget makes them.
fn host() -> Option<web_sys::Element> {
    let document = web_sys::window()?.document()?;
    let element = document.query_selector("terms-consent").ok()??;
    let root = element
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .ok()?;
    let sheet = web_sys::CssStyleSheet::new().ok()?;
    sheet.replace_sync(CSS).ok()?;
    js_sys::Reflect::set(
        &root,
        &"adoptedStyleSheets".into(),
        &js_sys::Array::of1(&sheet),
    )
    .ok()?;
    let host = document.create_element("div").ok()?;
    host.set_class_name("tw-host");
    host.set_attribute("lang", "en").ok()?;
    host.set_attribute("dir", "ltr").ok()?;
    root.append_child(&host).ok()?;
    Some(host)
}

#[cfg(not(feature = "yew"))]
fn main() {
    if let Some(host) = host() {
        host.set_inner_html(INNER);
    }
}

#[cfg(feature = "yew")]
#[yew::component]
fn Banner() -> yew::Html {
    yew::Html::from_html_unchecked(yew::AttrValue::Static(INNER))
}

#[cfg(feature = "yew")]
fn main() {
    if let Some(host) = host() {
        yew::Renderer::<Banner>::with_root(host).render();
    }
}
