//! The learner's language, and dates written in their locale.
//!
//! Each element picks its interface language when it is connected
//! ([`catalog_for`]), from the learner's candidates in order (see [`candidates`]): the
//! element's own `lang` attribute, else the nearest `lang` above it (the host page's
//! `<html lang>` at the latest; not for a `routing="hash"` widget, which is the page and
//! sets `<html lang>` itself), else the browser's `navigator.languages`; the first
//! one the catalog has wins ([`Lang::negotiate`]), English when none does. The element
//! keeps the candidate's full tag (`es-MX`) as its locale, so its dates follow the
//! learner's conventions through `Intl.DateTimeFormat`.
//!
//! In English, calendar dates keep the widget's own style ("1 September 2026", which its
//! tests and the contracts' examples use) and times follow the browser's English
//! conventions ("Tue 14 May 2024, 15:30" in en-GB; plain `en` when the browser speaks
//! another language); every other language gets `Intl`'s formats for the locale.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use wasm_bindgen::JsValue;

use crate::catalog::{Catalog, Lang};
use crate::domain::time::LongDate;

/// The learner's language candidates for `host`, most preferred first: its `lang`, the
/// nearest ancestor's `lang`, then `navigator.languages` (or `navigator.language`).
/// Empty tags (`lang=""`, "unknown") are skipped.
pub fn candidates(host: &web_sys::Element) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |tag: Option<String>| {
        if let Some(tag) = tag.map(|t| t.trim().to_string())
            && !tag.is_empty()
            && !out.contains(&tag)
        {
            out.push(tag);
        }
    };
    push(host.get_attribute("lang"));
    // A widget with `routing="hash"` is the page (the SPA): it owns the page's language
    // too, so the page's own `lang` does not decide for the learner.
    let owns_page = host.get_attribute("routing").as_deref() == Some("hash");
    // The nearest element above with a `lang`, across shadow roots (a nested widget's
    // host lives in another element's shadow root).
    let mut node: Option<web_sys::Element> = if owns_page {
        None
    } else {
        parent_across_shadow(host)
    };
    while let Some(element) = node {
        if let Some(tag) = element.get_attribute("lang") {
            push(Some(tag));
            break;
        }
        node = parent_across_shadow(&element);
    }
    if let Some(window) = web_sys::window() {
        let navigator = js_sys::Reflect::get(&window, &JsValue::from_str("navigator"))
            .unwrap_or(JsValue::UNDEFINED);
        let languages = js_sys::Reflect::get(&navigator, &JsValue::from_str("languages"))
            .unwrap_or(JsValue::UNDEFINED);
        if js_sys::Array::is_array(&languages) {
            for tag in js_sys::Array::from(&languages).iter() {
                push(tag.as_string());
            }
        }
        push(
            js_sys::Reflect::get(&navigator, &JsValue::from_str("language"))
                .ok()
                .and_then(|l| l.as_string()),
        );
    }
    out
}

/// The parent element, or the host of the shadow root `element` is in.
fn parent_across_shadow(element: &web_sys::Element) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    if let Some(parent) = element.parent_element() {
        return Some(parent);
    }
    let root = element.get_root_node();
    root.dyn_ref::<web_sys::ShadowRoot>().map(|r| r.host())
}

/// The locale (a BCP 47 tag) `host` shows its interface in, as [`Catalog::negotiated`]
/// picks it from [`candidates`]: e.g. `"es-MX"`, `"en"`.
pub fn locale_for(host: &web_sys::Element) -> String {
    let candidates = candidates(host);
    Lang::negotiate(candidates.iter().map(String::as_str)).1
}

/// The catalog for a locale from [`locale_for`], writing dates with `Intl` in that
/// locale ([`long_date`]).
pub fn catalog_for(locale: &str) -> Catalog {
    let cat = Catalog::negotiated([locale]);
    let locale = cat.locale().to_string();
    let lang = cat.lang();
    cat.with_date_words(std::rc::Rc::new(move |date| long_date(&locale, lang, date)))
}

/// A calendar date in `locale` (of the language `lang`): "1 September 2026" in English
/// (the widget's own style), `Intl`'s long date in any other, "1 de septiembre de 2026"
/// in `es`.
pub fn long_date(locale: &str, lang: Lang, date: NaiveDate) -> String {
    if lang == Lang::En {
        return date.long();
    }
    let options = js_sys::Object::new();
    set(&options, "day", "numeric");
    set(&options, "month", "long");
    set(&options, "year", "numeric");
    set(&options, "timeZone", "UTC");
    let millis = js_sys::Date::utc(f64::from(date.year()), f64::from(date.month0()))
        + f64::from(date.day0()) * 86_400_000.0;
    intl_format(locale, lang, &options, millis).unwrap_or_else(|| date.to_string())
}

/// The locale dates are written in: the catalog's, except that an English interface in
/// an English-speaking browser keeps the browser's own conventions (`None`: en-US or
/// en-GB order, as the learner is used to).
fn date_locale(cat: &Catalog) -> Option<&str> {
    let own_conventions =
        cat.lang() == Lang::En && cat.locale() == "en" && BROWSER_SPEAKS_ENGLISH.with(|e| *e);
    (!own_conventions).then(|| cat.locale())
}

thread_local! {
    /// Whether `navigator.language` is English, read once per page (every date written
    /// asks).
    static BROWSER_SPEAKS_ENGLISH: bool = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("navigator")).ok())
        .and_then(|n| js_sys::Reflect::get(&n, &JsValue::from_str("language")).ok())
        .and_then(|l| l.as_string())
        .is_some_and(|tag| Lang::from_tag(&tag) == Some(Lang::En));
}

/// An instant on the learner's wall clock with the weekday and the time, in the
/// catalog's locale (see [`localtime::format_local`](super::localtime::format_local)).
pub fn local_date_time(cat: &Catalog, t: DateTime<Utc>) -> String {
    super::localtime::format_local_in(t, date_locale(cat))
}

/// An instant in UTC, followed by "UTC", in the catalog's locale (see
/// [`localtime::format_utc`](super::localtime::format_utc)).
pub fn utc_date_time(cat: &Catalog, t: DateTime<Utc>) -> String {
    super::localtime::format_utc_in(t, date_locale(cat))
}

fn set(options: &js_sys::Object, key: &str, value: &str) {
    let _ = js_sys::Reflect::set(options, &JsValue::from_str(key), &JsValue::from_str(value));
}

/// `new Intl.DateTimeFormat(locale, options).format(millis)`, `None` if the locale or
/// the options are refused.
fn intl_format(locale: &str, lang: Lang, options: &js_sys::Object, millis: f64) -> Option<String> {
    let locales = js_sys::Array::of2(&JsValue::from_str(locale), &JsValue::from_str(lang.tag()));
    let format = js_sys::Intl::DateTimeFormat::new(&locales, options);
    let date = js_sys::Date::new(&JsValue::from_f64(millis));
    format
        .format()
        .call1(&format, &date)
        .ok()
        .and_then(|s| s.as_string())
}
