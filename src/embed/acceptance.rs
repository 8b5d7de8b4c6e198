//! `<terms-signup>` and `<terms-honor-code>` (the full build).
//!
//! ```html
//! <form action="/join" method="post">
//!   <input name="email" type="email" required>
//!   <terms-signup name="agreements" subject="learner-42" lang="en"></terms-signup>
//!   <button>Create my account</button>
//! </form>
//! <terms-honor-code course="data-science-101"></terms-honor-code>
//! ```
//!
//! `<terms-signup>` is a form-associated custom element: its class says
//! `static formAssociated = true` and keeps `attachInternals()` for the Rust side
//! ([`crate::platform::acceptance_host`]) to set its value and validity.

use wasm_bindgen::prelude::*;
use yew::AttrValue;

use super::{Mounted, mount_app, source_of};
use crate::components::Remote;
use crate::components::signup::{HonorCodeApp, HonorCodeAppProps, SignupApp, SignupAppProps};
use crate::platform::language::locale_for;

// The element classes' file, shared with `define_element` (see `super`).
#[wasm_bindgen(module = "/src/embed/elements.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    fn define_form_element(
        name: &str,
        connect: &Closure<dyn FnMut(web_sys::HtmlElement, web_sys::ShadowRoot) -> Mounted>,
    ) -> Result<(), JsValue>;
}

/// Registers `<terms-signup>` (form-associated) and `<terms-honor-code>`.
pub fn register() {
    let connect = Closure::<dyn FnMut(web_sys::HtmlElement, web_sys::ShadowRoot) -> Mounted>::new(
        |host: web_sys::HtmlElement, root: web_sys::ShadowRoot| mount_signup(&host, &root),
    );
    if let Err(e) = define_form_element("terms-signup", &connect) {
        crate::platform::console_error(&format!(
            "could not define <terms-signup>: {}",
            e.as_string().unwrap_or_else(|| format!("{e:?}"))
        ));
    }
    connect.forget();
    // A page that reuses the prompt for another course changes `course`: the prompt
    // starts again for that course (records are never filed under the old one).
    super::define(
        "terms-honor-code",
        &["course", "src", "records-endpoint", "lang"],
        mount_honor_code,
    );
}

/// Mounts the sign-up ([`SignupApp`]).
fn mount_signup(host: &web_sys::HtmlElement, root: &web_sys::ShadowRoot) -> Mounted {
    start_delivery(host);
    let locale = locale_for(host);
    let props = SignupAppProps {
        source: source_of(host),
        host: host.clone(),
        locale: Some(AttrValue::from(locale.clone())),
    };
    mount_app::<SignupApp>(
        root,
        &[crate::WIDGET_CSS, crate::ACCEPTANCE_CSS],
        &locale,
        props,
        Remote::default(),
    )
}

/// Mounts the course prompt ([`HonorCodeApp`]).
fn mount_honor_code(host: &web_sys::HtmlElement, root: &web_sys::ShadowRoot) -> Mounted {
    start_delivery(host);
    let locale = locale_for(host);
    let props = HonorCodeAppProps {
        source: source_of(host),
        host: host.clone(),
        course: AttrValue::from(host.get_attribute("course").unwrap_or_default()),
        locale: Some(AttrValue::from(locale.clone())),
    };
    mount_app::<HonorCodeApp>(
        root,
        &[crate::WIDGET_CSS, crate::ACCEPTANCE_CSS],
        &locale,
        props,
        Remote::default(),
    )
}

/// With a `records-endpoint`, sends what a previous page left in the acceptance outbox
/// (new records are queued by `store_and_announce` in the components).
fn start_delivery(host: &web_sys::HtmlElement) {
    if let Some(endpoint) = crate::components::signup::common::records_endpoint(host) {
        crate::platform::delivery::start_acceptances(&endpoint);
    }
}
