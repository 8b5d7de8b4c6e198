//! What the host page gets from the acceptance elements: the `terms-acceptance` event
//! and, for `<terms-signup>` inside a host `<form>`, its part in the form through
//! `ElementInternals`.
//!
//! web-sys has no `ElementInternals` binding: the element class (see
//! [`crate::embed`]) is form-associated and keeps `this.attachInternals()` as
//! `this._twInternals`; the small functions here call it from Rust.

use serde_json::{Value, json};
use wasm_bindgen::prelude::*;

use super::{console_error, to_js};
use crate::domain::acceptance::AcceptanceRecord;

/// The event every new record fires on its element.
pub const ACCEPTANCE_EVENT: &str = "terms-acceptance";

// A file, not `inline_js`: wasm-bindgen numbers inline snippets in link order, and the
// full and consent-only builds (the crate with and without its `full` feature) write one
// snippets folder, so one build's numbered snippet could replace the other's.
#[wasm_bindgen(module = "/src/platform/acceptance_host.js")]
extern "C" {
    fn tw_form_of(host: &web_sys::HtmlElement) -> Option<web_sys::HtmlElement>;
    #[wasm_bindgen(catch)]
    fn tw_set_form_value(host: &web_sys::HtmlElement, value: JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(catch)]
    fn tw_set_validity(
        host: &web_sys::HtmlElement,
        message: &str,
        anchor: Option<web_sys::HtmlElement>,
    ) -> Result<(), JsValue>;
}

/// The host `<form>` the element belongs to (through its `ElementInternals`), if any.
pub fn form_of(host: &web_sys::HtmlElement) -> Option<web_sys::HtmlElement> {
    tw_form_of(host)
}

/// Sets what the element submits with its form: the text, or nothing (`None`).
pub fn set_form_value(host: &web_sys::HtmlElement, value: Option<&str>) {
    let value = value.map_or(JsValue::NULL, JsValue::from_str);
    if tw_set_form_value(host, value).is_err() {
        console_error("could not set the sign-up's form value");
    }
}

/// Makes the element invalid with `message` (the browser shows it at `anchor` when the
/// form is submitted), or valid when `message` is `None`.
pub fn set_validity(
    host: &web_sys::HtmlElement,
    message: Option<&str>,
    anchor: Option<web_sys::HtmlElement>,
) {
    if tw_set_validity(host, message.unwrap_or(""), anchor).is_err() {
        console_error("could not set the sign-up's validity");
    }
}

/// The records as the JSON array the form submits.
pub fn records_json(records: &[AcceptanceRecord]) -> String {
    Value::Array(records.iter().map(AcceptanceRecord::to_json).collect()).to_string()
}

/// Fires `terms-acceptance` on `target` for each record of a batch (bubbles, composed,
/// `detail: { record, records }`).
pub fn dispatch_acceptance(target: &web_sys::EventTarget, batch: &[AcceptanceRecord]) {
    let records: Vec<Value> = batch.iter().map(AcceptanceRecord::to_json).collect();
    for record in &records {
        let detail = to_js(&json!({ "record": record, "records": records }));
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&detail);
        match web_sys::CustomEvent::new_with_event_init_dict(ACCEPTANCE_EVENT, &init) {
            Ok(event) => {
                let _ = target.dispatch_event(&event);
            }
            Err(_) => console_error("could not create the terms-acceptance event"),
        }
    }
}
