//! The browser edge for time: the clock, the learner's time zone and locale.
//!
//! The refund engine works in UTC instants ([`DateTime<Utc>`]) and never reads a clock. The
//! learner thinks in wall-clock time in their own zone. Everything that needs the browser's
//! clock or its time-zone rules lives here, on `js_sys::Date` and `Intl`; the strict parsing
//! of a datetime-local value is pure and lives in [`crate::domain::refund::form`].
//!
//! All functions are total: outside the range the contract can write (years 0000 to 9999)
//! or when the browser has no `Intl`, they fall back rather than panic.

use chrono::{DateTime, Datelike, TimeDelta, Timelike, Utc};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::domain::refund::form::{LocalDateTime, canonical_local_input, parse_local_input};
use crate::domain::refund::local_time::WallClock;
use crate::domain::time::{self, format_instant};

/// The current instant in whole seconds (rounded down), UTC, from `Date.now()`.
pub fn now() -> DateTime<Utc> {
    instant(js_sys::Date::now()).unwrap_or(DateTime::UNIX_EPOCH)
}

/// The instant of a millisecond time value, in whole seconds (rounded down), if it is a
/// real time that chrono can hold.
fn instant(ms: f64) -> Option<DateTime<Utc>> {
    seconds(ms).and_then(|s| DateTime::from_timestamp(s, 0))
}

/// Whole seconds (rounded down) of a millisecond time value, if it is a real time.
fn seconds(ms: f64) -> Option<i64> {
    ms.is_finite().then(|| (ms / 1000.0).floor() as i64)
}

/// A `Date` at `t`, if the browser can represent it.
fn date_at(t: DateTime<Utc>) -> Option<js_sys::Date> {
    let ms = (t.timestamp() as f64) * 1000.0;
    let date = js_sys::Date::new(&JsValue::from_f64(ms));
    date.get_time().is_finite().then_some(date)
}

/// The UTC instant of a datetime-local value (`YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS`,
/// wall-clock time in the learner's time zone), or `None` when the text is not exactly of
/// that shape, names a date or time that does not exist in the calendar, or falls outside
/// the years 0000 to 9999 once in UTC.
///
/// The shape is checked strictly first ([`parse_local_input`]); then the browser applies
/// the zone's rules (`new Date(y, m, d, h, mi, s)`), and it never refuses a valid wall-clock
/// time:
///
/// * **A time skipped when the clocks go forward** (02:30 on the last Sunday of March in
///   Europe/Berlin) is read with the offset in force just before the change, which lands
///   one gap later on the wall clock: 02:30 becomes 03:30 CEST (01:30 UTC). Converting the
///   result back with [`utc_to_local_input`] shows the moved time, which is how the
///   calculator notices and says so.
/// * **A time that happens twice when the clocks go back** (02:30 on the last Sunday of
///   October in Europe/Berlin) is read as its first occurrence, still in summer time:
///   02:30 CEST (00:30 UTC), the earlier of the two instants.
///
/// These are ECMAScript's rules for local times, the same in every current browser.
pub fn local_input_to_utc(value: &str) -> Option<DateTime<Utc>> {
    let local = parse_local_input(value).ok()?;
    local_to_utc(local).filter(|t| time::is_writable(*t))
}

/// The learner's zone, as the browser knows it: converts datetime-local values to the
/// instants they name, both of them for a time the clocks repeat.
#[derive(Debug, Clone, Copy, Default)]
pub struct LearnerZone;

impl WallClock for LearnerZone {
    /// The first instant is [`local_input_to_utc`]'s. A second one is found when the same
    /// wall-clock reading comes back within three hours (the clocks went back: 01:30 on
    /// 26 October 2025 in Europe/Dublin is 00:30 UTC and again 01:30 UTC). Offsets change
    /// by 30 minutes to 2 hours in practice, so quarter-hour steps find every case.
    fn instants(&self, value: &str) -> Vec<DateTime<Utc>> {
        let Some(first) = local_input_to_utc(value) else {
            return Vec::new();
        };
        let Some(typed) = canonical_local_input(value.trim()) else {
            return vec![first];
        };
        let second = (1..=12)
            .map(|quarters| first + TimeDelta::minutes(15 * quarters))
            .find(|t| time::is_writable(*t) && utc_to_local_input(*t) == typed);
        std::iter::once(first).chain(second).collect()
    }
}

fn local_to_utc(local: LocalDateTime) -> Option<DateTime<Utc>> {
    // Parsed values: a year 0 to 9999, a month, a day, a time of day; all fit an i32.
    let year = u32::try_from(local.date.year()).ok()?;
    let int = |n: u32| i32::try_from(n).unwrap_or(0);
    let date = js_sys::Date::new_with_year_month_day_hr_min_sec(
        year,
        int(local.date.month0()),
        int(local.date.day()),
        int(local.time.hour()),
        int(local.time.minute()),
        int(local.time.second()),
    );
    if year < 100 {
        // `new Date(y, …)` reads years 0 to 99 as 1900 to 1999; setFullYear does not.
        date.set_full_year(year);
    }
    instant(date.get_time())
}

/// The datetime-local value (`YYYY-MM-DDTHH:MM`, with `:SS` only when the seconds are not
/// zero) showing `t` on the learner's wall clock; empty when `t` lies outside the years
/// 0000 to 9999 there.
pub fn utc_to_local_input(t: DateTime<Utc>) -> String {
    let Some(date) = date_at(t) else {
        return String::new();
    };
    // A year before 0 arrives as a huge u32, so this check covers both ends.
    let year = date.get_full_year();
    if year > 9999 {
        return String::new();
    }
    let text = format!(
        "{year:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes(),
        date.get_seconds()
    );
    parse_local_input(&text)
        .map(LocalDateTime::to_input_value)
        .unwrap_or_default()
}

/// Builds an options object for `toLocaleString`.
fn options(pairs: &[(&str, &str)]) -> js_sys::Object {
    let object = js_sys::Object::new();
    for (key, value) in pairs {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    object
}

/// `date.toLocaleString(locale, options)`; `None` for the locale is the browser's own.
fn to_locale_string(
    date: &js_sys::Date,
    locale: Option<&str>,
    options: &js_sys::Object,
) -> Option<String> {
    let method = js_sys::Reflect::get(date, &JsValue::from_str("toLocaleString"))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    method
        .call2(
            date,
            &locale.map_or(JsValue::UNDEFINED, JsValue::from_str),
            options,
        )
        .ok()?
        .as_string()
        .filter(|s| !s.is_empty())
}

/// `t` on the learner's wall clock, in their locale, with the weekday: e.g.
/// "Tue 14 May 2024, 15:30" (en-GB) or "Tue, May 14, 2024, 03:30 PM" (en-US). Falls back
/// to [`format_utc`] when the browser cannot format it.
pub fn format_local(t: DateTime<Utc>) -> String {
    format_local_in(t, None)
}

/// [`format_local`] in `locale` (a BCP 47 tag; `None`: the browser's locale).
pub fn format_local_in(t: DateTime<Utc>, locale: Option<&str>) -> String {
    let opts = options(&[
        ("weekday", "short"),
        ("day", "numeric"),
        ("month", "short"),
        ("year", "numeric"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
    ]);
    date_at(t)
        .and_then(|date| to_locale_string(&date, locale, &opts))
        .unwrap_or_else(|| format_utc_in(t, locale))
}

/// `t` in UTC, in the learner's locale, followed by "UTC": e.g. "14 May 2024, 13:30 UTC"
/// (en-GB). Falls back to the English form "14 May 2024, 13:30 UTC" without `Intl`, and to
/// the contract form outside the years 0000 to 9999.
pub fn format_utc(t: DateTime<Utc>) -> String {
    format_utc_in(t, None)
}

/// [`format_utc`] in `locale` (a BCP 47 tag; `None`: the browser's locale).
pub fn format_utc_in(t: DateTime<Utc>, locale: Option<&str>) -> String {
    if !time::is_writable(t) {
        return format_instant(t);
    }
    let opts = options(&[
        ("day", "numeric"),
        ("month", "short"),
        ("year", "numeric"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
        ("timeZone", "UTC"),
    ]);
    match date_at(t).and_then(|date| to_locale_string(&date, locale, &opts)) {
        Some(text) => format!("{text} UTC"),
        None => plain_utc(t),
    }
}

/// "14 May 2024, 13:30 UTC", without the browser.
fn plain_utc(t: DateTime<Utc>) -> String {
    let month = crate::domain::time::month_name(t.month());
    format!(
        "{} {} {}, {:02}:{:02} UTC",
        t.day(),
        month.get(..3).unwrap_or(month),
        t.year(),
        t.hour(),
        t.minute()
    )
}

/// The learner's IANA time zone, e.g. "Europe/Berlin", from
/// `Intl.DateTimeFormat().resolvedOptions().timeZone`; else their offset now, e.g.
/// "UTC+02:00".
pub fn time_zone_name() -> String {
    intl_time_zone().unwrap_or_else(|| {
        // getTimezoneOffset is minutes *behind* UTC: -120 in UTC+02:00.
        let behind = js_sys::Date::new_0().get_timezone_offset();
        let ahead = if behind.is_finite() {
            (behind as i64).saturating_neg()
        } else {
            0
        };
        let sign = if ahead < 0 { '-' } else { '+' };
        let minutes = ahead.unsigned_abs();
        format!("UTC{sign}{:02}:{:02}", minutes / 60, minutes % 60)
    })
}

fn intl_time_zone() -> Option<String> {
    let get = |target: &JsValue, key: &str| js_sys::Reflect::get(target, &JsValue::from_str(key));
    let intl = get(&js_sys::global(), "Intl").ok()?;
    let constructor = get(&intl, "DateTimeFormat")
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let format = js_sys::Reflect::construct(&constructor, &js_sys::Array::new()).ok()?;
    let resolved = get(&format, "resolvedOptions")
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?
        .call0(&format)
        .ok()?;
    get(&resolved, "timeZone")
        .ok()?
        .as_string()
        .filter(|zone| !zone.is_empty())
}
