//! The JS API: `window.TermsWidget`, for host pages that want answers without the UI.
//!
//! ```js
//! const answer = TermsWidget.evaluateRefund({
//!   kind: "course",
//!   paid_at: "2024-03-01T12:00:00Z",
//!   now: "2024-03-10T12:00:00Z",
//! });
//! // { eligible: true, outcome: "full_refund", deadline: "2024-03-15T12:00:00Z",
//! //   reason: "…", clause: "courses-and-specializations", as_of: "2024-03-10T12:00:00Z",
//! //   seconds_left: 432000, policy_version: "2", policy_effective: "2025-09-01" }
//!
//! TermsWidget.evaluateRefund('{"kind": "course"}');
//! // { error: "missing_field", field: "paid_at", message: "Enter the payment date and time." }
//!
//! TermsWidget.version; // "0.1.0"
//!
//! TermsWidget.getAcceptances();  // [ { id, at, document, scope, method, … }, … ] oldest first
//! TermsWidget.pendingAcceptances({ course: "data-science-101" });
//! // [ { scope: "course:data-science-101", document: "honor-code", version: "2", reason: "never_accepted" }, … ]
//! TermsWidget.getConsent();     // { choices: { necessary: true, analytics: false, … }, record, records }
//! TermsWidget.openPreferences(); // opens the "Privacy choices" dialog of <terms-consent>
//! ```
//!
//! `evaluateRefund(input)` takes the contract's input (`shared/specs/refund.md`) as an
//! object or as JSON text, judges it with the default Refund Policy, and returns a new plain
//! object: the decision ([`Decision::to_json`](crate::domain::refund::Decision::to_json)) or
//! the error ([`RefundError::to_json`](crate::domain::refund::RefundError::to_json)). It never
//! throws:
//!
//! * an object is read through `JSON.stringify`, so timestamps must be strings: a `Date`
//!   becomes `"…T…:00.000Z"`, which is `invalid_timestamp`, and `undefined` properties are
//!   left out (`missing_field` when required);
//! * an object `JSON.stringify` refuses (a cycle, a `BigInt`) is `missing_field` with
//!   `field: null`, like text that is not JSON;
//! * anything else (a number, `true`, `null`, `undefined`, no argument) is `missing_field`
//!   with `field: null`, as the engine decides for input that is not an object.
//!
//! `evaluateRefund(input, rules)` judges with other refund rules instead: overrides in the
//! shape of [`RefundPolicy::from_json`] (object or JSON text), applied to the defaults.
//! Rules that do not validate are not used: the answer is then
//! `{ error: "invalid_policy", field: null, message }`, a code outside the contract's input
//! codes because the fault is the host's rules, not the learner's purchase.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::domain::acceptance::{AcceptanceRecord, CourseId, pending};
use crate::domain::refund::{RefundError, RefundPolicy, evaluate};
use crate::platform::acceptance_store::AcceptanceStore;

/// The name of the global object.
const GLOBAL: &str = "TermsWidget";

thread_local! {
    static GET_CONSENT: js_sys::Function =
        Closure::<dyn Fn() -> JsValue>::new(get_consent)
            .into_js_value()
            .unchecked_into();
    static OPEN_PREFERENCES: js_sys::Function =
        Closure::<dyn Fn()>::new(super::open_preferences)
            .into_js_value()
            .unchecked_into();
    static GET_ACCEPTANCES: js_sys::Function =
        Closure::<dyn Fn() -> JsValue>::new(get_acceptances)
            .into_js_value()
            .unchecked_into();
    static PENDING_ACCEPTANCES: js_sys::Function =
        Closure::<dyn Fn(JsValue) -> JsValue>::new(pending_acceptances)
            .into_js_value()
            .unchecked_into();
    /// `evaluateRefund` as a JS function, made once and kept for as long as the page lives.
    static FUNCTION: js_sys::Function =
        Closure::<dyn Fn(JsValue, JsValue) -> JsValue>::new(evaluate_refund)
            .into_js_value()
            .unchecked_into();
}

/// Defines the whole API on `window.TermsWidget`: `evaluateRefund` and what
/// [`install_consent`] defines (the full build).
///
/// Creates `window.TermsWidget` when it is absent and keeps any other properties a host page
/// (or another copy of the widget) put there. Calling it again reuses the same function, so
/// it is safe to call from every `register()`.
pub fn install() {
    install_consent();
    install_documents();
    set(
        "getAcceptances",
        &GET_ACCEPTANCES.with(js_sys::Function::clone),
    );
    set(
        "pendingAcceptances",
        &PENDING_ACCEPTANCES.with(js_sys::Function::clone),
    );
}

/// Defines `TermsWidget.evaluateRefund` and `TermsWidget.version` (the documents build;
/// the full build adds the rest).
pub fn install_documents() {
    set("evaluateRefund", &FUNCTION.with(js_sys::Function::clone));
    set("version", &JsValue::from_str(env!("CARGO_PKG_VERSION")));
}

/// Defines `TermsWidget.getConsent`, `TermsWidget.openPreferences` and
/// `TermsWidget.version` (the consent-only build; the full build adds the rest).
pub fn install_consent() {
    set("getConsent", &GET_CONSENT.with(js_sys::Function::clone));
    set(
        "openPreferences",
        &OPEN_PREFERENCES.with(js_sys::Function::clone),
    );
    set("version", &JsValue::from_str(env!("CARGO_PKG_VERSION")));
}

/// Sets `window.TermsWidget[name]`, creating `window.TermsWidget` when it is absent.
fn set(name: &str, value: &JsValue) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let key = JsValue::from_str(GLOBAL);
    let existing = js_sys::Reflect::get(&window, &key)
        .ok()
        .filter(|v| v.is_object() || v.is_function());
    let target = match existing {
        Some(object) => object,
        None => {
            let object: JsValue = js_sys::Object::new().into();
            if js_sys::Reflect::set(&window, &key, &object) != Ok(true) {
                crate::platform::console_warn("could not define window.TermsWidget");
                return;
            }
            object
        }
    };
    if js_sys::Reflect::set(&target, &JsValue::from_str(name), value) != Ok(true) {
        crate::platform::console_warn(&format!("could not define TermsWidget.{name}"));
    }
}

/// `TermsWidget.getConsent()`: the learner's current choices as the first
/// `<terms-consent>` on the page knows them (`{ choices: {necessary: true, analytics:
/// false, …}, record: {…} | null, records: n }`), or `null` when the page has none or it
/// has not loaded yet.
pub fn get_consent() -> JsValue {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("terms-consent").ok().flatten())
        .and_then(|el| js_sys::Reflect::get(&el, &JsValue::from_str("consent")).ok())
        .filter(|v| !v.is_undefined())
        .unwrap_or(JsValue::NULL)
}

/// `TermsWidget.getAcceptances()`: every stored acceptance record, oldest first, in the
/// contract's shape (`shared/specs/acceptance.md`).
pub fn get_acceptances() -> JsValue {
    let history = AcceptanceStore::new().load().history;
    let records: Vec<serde_json::Value> = history
        .ordered()
        .into_iter()
        .map(AcceptanceRecord::to_json)
        .collect();
    crate::platform::to_js(&records)
}

/// `TermsWidget.pendingAcceptances({ course })`: the documents pending for the platform
/// scope (and the course's, when `course` is given), as `[{ scope, document, version,
/// reason }]`, judged on the documents the page's acceptance elements loaded (the
/// built-in ones before any did). Bad input answers `{ error, message }`, never throws.
pub fn pending_acceptances(options: JsValue) -> JsValue {
    let course = if options.is_undefined() || options.is_null() {
        None
    } else if !options.is_object() || options.is_function() || js_sys::Array::is_array(&options) {
        return answer(&serde_json::json!({
            "error": "invalid_options",
            "message": "pendingAcceptances takes an object such as { course: \"data-science-101\" }, or nothing.",
        }));
    } else {
        let value =
            js_sys::Reflect::get(&options, &JsValue::from_str("course")).unwrap_or_default();
        if value.is_undefined() || value.is_null() {
            None
        } else {
            let text = value.as_string().unwrap_or_default();
            match CourseId::parse(&text) {
                Ok(id) => Some(id),
                Err(_) => {
                    return answer(&serde_json::json!({
                        "error": "invalid_course",
                        "message": "course must be a course id: 1 to 64 of a-z 0-9 - _ .",
                    }));
                }
            }
        }
    };
    let history = AcceptanceStore::new().load().history;
    let loaded = crate::components::signup::common::documents();
    let setup = loaded.bundle.acceptance_setup();
    answer(&pending(&history, &loaded.bundle, &setup, course.as_ref()))
}

/// `TermsWidget.evaluateRefund(input, rules?)`: see the module documentation.
pub fn evaluate_refund(input: JsValue, policy: JsValue) -> JsValue {
    let text = input_text(&input);
    let rules = if policy.is_undefined() || policy.is_null() {
        Ok(RefundPolicy::default())
    } else {
        serde_json::from_str::<serde_json::Value>(&input_text(&policy))
            .map_err(|e| format!("the policy is not valid JSON: {e}"))
            .and_then(|v| RefundPolicy::from_json(&v).map_err(|e| e.to_string()))
    };
    let rules = match rules {
        Ok(rules) => rules,
        Err(message) => {
            return answer(&ErrorAnswer {
                error: "invalid_policy",
                field: None,
                message: format!(
                    "The refund rules given to evaluateRefund were not used: {message}."
                ),
            });
        }
    };
    let result = serde_json::from_str::<serde_json::Value>(&text)
        .map_err(|_| RefundError::NotJson)
        .and_then(|input| evaluate(&input, &rules));
    match result {
        Ok(decision) => answer(&decision),
        Err(error) => answer(&error),
    }
}

/// An error answer that is not one of the contract's input errors.
#[derive(serde::Serialize)]
struct ErrorAnswer {
    error: &'static str,
    field: Option<&'static str>,
    message: String,
}

/// An answer as a new plain object.
fn answer(value: &impl serde::Serialize) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or_else(|_| {
            // Cannot happen (every number fits in a JS number); answer with an error anyway.
            crate::platform::to_js(&ErrorAnswer {
                error: "missing_field",
                field: None,
                message: "The request could not be read.".to_owned(),
            })
        })
}

/// The JSON text to judge: a string as it is, anything else through `JSON.stringify`.
fn input_text(input: &JsValue) -> String {
    if let Some(text) = input.as_string() {
        return text;
    }
    if input.is_undefined() || input.is_function() || input.is_symbol() {
        // JSON.stringify gives undefined for these: judge "no object".
        return "null".to_owned();
    }
    match js_sys::JSON::stringify(input) {
        Ok(text) => text.as_string().unwrap_or_else(|| "null".to_owned()),
        // A cycle or a BigInt: not readable as JSON.
        Err(_) => String::new(),
    }
}
