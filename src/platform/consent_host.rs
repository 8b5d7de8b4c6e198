//! What the host page gets from the consent feature: gated scripts, Google Consent Mode,
//! a snapshot of the decision and the `consent-change` event.
//!
//! # Gated scripts
//!
//! A host marks a script that needs consent as inert text with the category it belongs to:
//!
//! ```html
//! <script type="text/plain" data-consent="analytics" src="https://stats.example/s.js" async></script>
//! <script type="text/plain" data-consent="analytics" data-type="module">initStats();</script>
//! ```
//!
//! [`run_granted_scripts`] turns each one whose category is granted into a real script,
//! once. Without a `data-type`, the script is a classic script.
//!
//! # Google Consent Mode v2
//!
//! [`consent_mode_default`] sends everything `"denied"` and [`consent_mode_update`] the
//! learner's decision, through `window.gtag` or, without it, onto `window.dataLayer` the
//! way the standard gtag snippet does. A page with neither `gtag` nor `dataLayer` is left
//! alone. The widget starts after the page's own scripts, so a host whose tags call
//! `gtag('config', …)` must set the default first, synchronously, by loading
//! `consent-default.js` (shipped beside `embed.js`) before its Google tag; the widget
//! then sends no second default, and warns on the console when it finds a `config` or an
//! event ahead of any default.
//!
//! | category | Consent Mode types |
//! |---|---|
//! | `analytics` | `analytics_storage` |
//! | `marketing` | `ad_storage`, `ad_user_data`, `ad_personalization` |
//!
//! # The decision for host scripts
//!
//! [`snapshot`] is the decision as JSON, and [`dispatch_change`] announces it with a
//! `consent-change` event that crosses shadow roots.

use serde_json::{Map, Value, json};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::domain::consent::consent_mode;
use crate::domain::consent::{CategorySet, Choice, ConsentHistory, Standing};
use crate::domain::time::format_instant;
use crate::platform::{console_error, console_warn};

// A file, not `inline_js`: wasm-bindgen numbers inline snippets in link order, and the
// full and consent-only builds (the crate with and without its `full` feature) write one
// snippets folder, so one build's numbered snippet could replace the other's.
#[wasm_bindgen(module = "/src/platform/push_args.js")]
extern "C" {
    /// `dataLayer.push(arguments)` with `arguments` holding `a, b, c`, as gtag does,
    /// without `eval` (the widget's pages forbid `unsafe-eval`).
    #[wasm_bindgen(catch)]
    fn push_args(
        data_layer: &JsValue,
        a: &JsValue,
        b: &JsValue,
        c: &JsValue,
    ) -> Result<(), JsValue>;
}

/// The attribute marking a gated script that has been run.
const RAN: &str = "data-consent-ran";

/// Attributes copied as they are from a gated script to the real one.
const COPIED_ATTRIBUTES: [&str; 5] = ["src", "integrity", "crossorigin", "referrerpolicy", "id"];

/// Runs every gated script (`<script type="text/plain" data-consent="…">`) in the document
/// whose category is granted now ([`Standing::is_granted`]: not while the decision waits
/// for a new answer after a material policy change), once each.
///
/// The real script is inserted right after the gated one, which is marked
/// `data-consent-ran`. It gets the gated script's `src`, `integrity`, `crossorigin`,
/// `referrerpolicy`, `defer` and nonce (the `nonce` property: browsers hide the
/// attribute), its text when inline, and `type` from `data-type` (classic when absent). An
/// external script keeps `async` only when the gated one has it; without it, gated external
/// scripts run in the order they are inserted, as ordinary scripts would. The `id` moves
/// to the real script, so `getElementById` finds the script that ran.
///
/// A category not in `categories` never runs (console warning naming the known ones). A
/// gated script whose category is refused now is left as it is and runs if it is granted
/// later.
pub fn run_granted_scripts(standing: &Standing, categories: &CategorySet) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(list) = document
        .query_selector_all("script[type=\"text/plain\"][data-consent]:not([data-consent-ran])")
    else {
        return;
    };
    for i in 0..list.length() {
        let Some(gated) = list
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::HtmlScriptElement>().ok())
        else {
            continue;
        };
        let id = gated
            .get_attribute("data-consent")
            .unwrap_or_default()
            .trim()
            .to_string();
        let Some(category) = categories.get(&id) else {
            let known: Vec<&str> = categories
                .categories()
                .iter()
                .map(|c| c.id.as_str())
                .collect();
            console_warn(&format!(
                "A script is gated on the consent category \"{id}\", which this widget does not know, so it will never run. Use one of: {}.",
                known.join(", ")
            ));
            continue;
        };
        if !standing.is_granted(category) {
            continue;
        }
        // Marked first, so a call made while this one runs cannot run it twice.
        if gated.set_attribute(RAN, "").is_err() {
            continue;
        }
        if let Err(e) = run_one(&document, &gated) {
            console_error(&format!(
                "The script gated on \"{id}\" could not be started: {}",
                e.as_string().unwrap_or_else(|| format!("{e:?}"))
            ));
        }
    }
}

/// Makes the real script for `gated` and inserts it after it.
fn run_one(
    document: &web_sys::Document,
    gated: &web_sys::HtmlScriptElement,
) -> Result<(), JsValue> {
    let script: web_sys::HtmlScriptElement = document.create_element("script")?.dyn_into()?;
    if let Some(kind) = gated
        .get_attribute("data-type")
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
    {
        script.set_type(&kind);
    }
    let nonce = gated.nonce();
    if !nonce.is_empty() {
        script.set_nonce(&nonce);
    }
    for name in COPIED_ATTRIBUTES {
        if let Some(value) = gated.get_attribute(name) {
            script.set_attribute(name, &value)?;
        }
    }
    if gated.has_attribute("id") {
        gated.remove_attribute("id")?;
    }
    script.set_async(gated.has_attribute("async"));
    if gated.has_attribute("defer") {
        script.set_defer(true);
    }
    if !gated.has_attribute("src") {
        script.set_text(&gated.text()?)?;
    }
    let parent = gated
        .parent_node()
        .ok_or_else(|| JsValue::from_str("the gated script is no longer in the page"))?;
    parent.insert_before(&script, gated.next_sibling().as_ref())?;
    Ok(())
}

/// Sends Consent Mode's default: `ad_storage`, `analytics_storage`, `ad_user_data` and
/// `ad_personalization` all `"denied"` (`gtag('consent', 'default', {…})`). Does nothing on
/// a page without `gtag` or `dataLayer`, and sends nothing when the page already set a
/// default (e.g. with `consent-default.js`). Warns on the console when a `config` command
/// or an event is in `dataLayer` ahead of any default ([`consent_mode::order_problem`]):
/// those tags read consent before it existed, and the host must load
/// `consent-default.js` before its tags.
pub fn consent_mode_default() {
    let entries = data_layer_entries();
    if let Some(problem) = consent_mode::order_problem(&entries) {
        console_warn(&problem);
    }
    if consent_mode::has_default(&entries) {
        return;
    }
    let settings = json!({
        "ad_storage": "denied",
        "analytics_storage": "denied",
        "ad_user_data": "denied",
        "ad_personalization": "denied",
    });
    send_consent("default", &settings);
}

/// The page's `dataLayer`, read for consent order: `gtag` calls (`arguments` objects or
/// arrays) by their command, Tag Manager pushes by their `event`.
fn data_layer_entries() -> Vec<consent_mode::Entry> {
    use consent_mode::Entry;
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let data_layer =
        js_sys::Reflect::get(&window, &JsValue::from_str("dataLayer")).unwrap_or_default();
    if !js_sys::Array::is_array(&data_layer) {
        return Vec::new();
    }
    let text = |v: &JsValue| v.as_string().unwrap_or_default();
    js_sys::Array::from(&data_layer)
        .iter()
        .map(|entry| {
            if !entry.is_object() {
                return Entry::Other;
            }
            let event =
                js_sys::Reflect::get(&entry, &JsValue::from_str("event")).unwrap_or_default();
            if event.is_string() {
                return Entry::Event(text(&event));
            }
            let length =
                js_sys::Reflect::get(&entry, &JsValue::from_str("length")).unwrap_or_default();
            if length.as_f64().is_none_or(|n| n < 1.0) {
                return Entry::Other;
            }
            let args = js_sys::Array::from(&entry);
            match (text(&args.get(0)).as_str(), text(&args.get(1)).as_str()) {
                ("consent", "default") => Entry::ConsentDefault,
                ("", _) => Entry::Other,
                (command, _) => Entry::Command(command.to_string()),
            }
        })
        .collect()
}

/// Sends Consent Mode's update from the decision in force: `analytics` gives
/// `analytics_storage`; `marketing` gives `ad_storage`, `ad_user_data` and
/// `ad_personalization`; `"granted"` or `"denied"` by [`Standing::is_granted`] (so all
/// `"denied"` while a decision made under a materially older policy waits for a new
/// answer). A category missing
/// from `categories` counts as denied. Does nothing on a page without `gtag` or
/// `dataLayer`.
pub fn consent_mode_update(standing: &Standing, categories: &CategorySet) {
    let state = |id: &str| {
        let granted = categories.get(id).is_some_and(|c| standing.is_granted(c));
        if granted { "granted" } else { "denied" }
    };
    let marketing = state("marketing");
    let settings = json!({
        "ad_storage": marketing,
        "analytics_storage": state("analytics"),
        "ad_user_data": marketing,
        "ad_personalization": marketing,
    });
    send_consent("update", &settings);
}

/// `gtag('consent', command, settings)`, or the same pushed onto `dataLayer`.
fn send_consent(command: &str, settings: &Value) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let settings = super::to_js(settings);
    let consent = JsValue::from_str("consent");
    let command = JsValue::from_str(command);
    let gtag = js_sys::Reflect::get(&window, &JsValue::from_str("gtag")).unwrap_or_default();
    let sent = if let Some(gtag) = gtag.dyn_ref::<js_sys::Function>() {
        gtag.call3(&window, &consent, &command, &settings)
            .map(|_| ())
    } else {
        let data_layer =
            js_sys::Reflect::get(&window, &JsValue::from_str("dataLayer")).unwrap_or_default();
        if !js_sys::Array::is_array(&data_layer) {
            return;
        }
        push_args(&data_layer, &consent, &command, &settings)
    };
    if let Err(e) = sent {
        console_error(&format!(
            "Google Consent Mode could not be told the consent {}: {}",
            command.as_string().unwrap_or_default(),
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .or_else(|| e.as_string())
                .unwrap_or_else(|| "the page's gtag threw".into())
        ));
    }
}

/// The decision for host scripts:
///
/// ```json
/// { "choices": { "necessary": true, "analytics": false, "marketing": null, … },
///   "record": { "id": "…", "at": "2026-11-24T10:00:00Z", "method": "banner",
///               "policy": { "document": "privacy-policy", "version": "3", "sha256": "…" },
///               "signals": { "gpc": false, "dnt": false }, "language": "en-GB" },
///   "records": 1 }
/// ```
///
/// `choices` has every category of `categories`: required ones `true`, optional ones
/// `true`/`false` as the current record says and `null` when it has no answer for them
/// (never asked, or new since), and `null` for every optional one while the decision
/// was made under a policy that has since changed materially (the learner is being asked
/// again, and nothing optional may run until they answer; `record` still shows it).
/// `record` is the current record (`null` before the first), `records` how many records
/// the history holds.
pub fn snapshot(standing: &Standing, categories: &CategorySet) -> Value {
    let history = standing.history();
    let current = standing.in_force();
    let choices: Map<String, Value> = categories
        .categories()
        .iter()
        .map(|c| {
            let value = if c.required {
                Value::Bool(true)
            } else {
                current
                    .filter(|r| !r.required.contains(&c.id))
                    .and_then(|r| r.choice(&c.id))
                    .map_or(Value::Null, |choice| Value::Bool(choice == Choice::Granted))
            };
            (c.id.clone(), value)
        })
        .collect();
    let record = history.current().map_or(Value::Null, |r| {
        json!({
            "id": r.id.as_str(),
            "at": format_instant(r.at),
            "method": r.method.as_str(),
            "policy": {
                "document": r.policy.document,
                "version": r.policy.version,
                "sha256": r.policy.sha256,
            },
            "signals": {"gpc": r.signals.gpc, "dnt": r.signals.dnt},
            "language": r.language,
        })
    });
    json!({
        "choices": choices,
        "record": record,
        "records": history.records.len(),
    })
}

/// Dispatches a `consent-change` [`CustomEvent`](web_sys::CustomEvent) on `target`, with
/// `bubbles` and `composed` (so it leaves the widget's shadow root and reaches `document`
/// and `window`) and `detail` as a plain JS object (usually a [`snapshot`]).
pub fn dispatch_change(target: &web_sys::EventTarget, detail: &Value) {
    let detail = super::to_js(detail);
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    match web_sys::CustomEvent::new_with_event_init_dict("consent-change", &init) {
        Ok(event) => {
            let _ = target.dispatch_event(&event);
        }
        Err(_) => console_error("could not create the consent-change event"),
    }
}

/// Deletes, on this device, the cookies and browser storage that belong to each
/// optional category the current record refuses (the keys each category lists in
/// `storage`), as the Privacy Policy promises. Strictly necessary storage is never
/// touched, and a key listed by a granted category is kept. Returns the keys removed.
///
/// Cookies are expired for the current path and for `/`; cookies set on a parent
/// domain by other pages can only be removed by those pages.
pub fn clear_refused_storage(history: &ConsentHistory, categories: &CategorySet) -> Vec<String> {
    let Some(record) = history.current() else {
        return Vec::new();
    };
    let window = match web_sys::window() {
        Some(w) => w,
        None => return Vec::new(),
    };
    let mut removed = Vec::new();
    for category in categories.optional() {
        if record.choice(&category.id) != Some(Choice::Denied) {
            continue;
        }
        for key in &category.storage {
            let mut gone = false;
            for storage in [window.local_storage(), window.session_storage()]
                .into_iter()
                .filter_map(|s| s.ok().flatten())
            {
                if let Ok(Some(_)) = storage.get_item(key) {
                    gone |= storage.remove_item(key).is_ok();
                }
            }
            if let Some(doc) = window
                .document()
                .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok())
            {
                let had_cookie = doc
                    .cookie()
                    .unwrap_or_default()
                    .split(';')
                    .any(|c| c.trim().split('=').next() == Some(key.as_str()));
                if had_cookie {
                    for path in ["", "; path=/"] {
                        let _ = doc.set_cookie(&format!("{key}=; Max-Age=0{path}"));
                    }
                    gone = true;
                }
            }
            if gone {
                removed.push(key.clone());
            }
        }
    }
    removed
}
