//! Refund calculator, verdict card and `TermsWidget.evaluateRefund` in headless Chromium
//! (`wasm-bindgen-test`), rendered for real and inspected through the DOM.
//!
//! The tests work in whatever time zone and locale the browser has: they compare what the
//! widget shows with `platform::localtime`, which they test on its own. Run with
//! `TZ=Europe/Berlin` as well to check the daylight-saving rules.

#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use chrono::{DateTime, TimeDelta, Utc};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};
use yew::{AttrValue, Callback};

use terms_widget::components::refund::{
    RefundCalculator, RefundCalculatorProps, RefundVerdictCard, RefundVerdictCardProps,
};
use terms_widget::domain::refund::{RefundPolicy, evaluate_str, format_duration};
use terms_widget::domain::time::{format_instant, parse_instant};
use terms_widget::platform::localtime;

mod support;

use support::{document, query, query_all, until, wait_for_element};

wasm_bindgen_test_configure!(run_in_browser);

const DAY: i64 = 86_400;

fn text(root: &Element, selector: &str) -> String {
    query(root, selector)
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

fn attr(root: &Element, selector: &str, name: &str) -> Option<String> {
    query(root, selector)?.get_attribute(name)
}

fn container() -> Element {
    let container = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&container).unwrap();
    container
}

/// The fragments a component asked to open.
type Opened = Rc<RefCell<Vec<String>>>;

fn recorder() -> (Opened, Callback<String>) {
    let opened: Opened = Rc::default();
    let sink = opened.clone();
    (
        opened,
        Callback::from(move |fragment: String| sink.borrow_mut().push(fragment)),
    )
}

async fn mount_calculator() -> (Element, Opened) {
    let root = container();
    let (opened, on_open_clause) = recorder();
    yew::Renderer::<RefundCalculator>::with_root_and_props(
        root.clone(),
        RefundCalculatorProps {
            policy: Rc::new(RefundPolicy::default()),
            on_open_clause,
            unlinked: Rc::default(),
            section_titles: Rc::default(),
        },
    )
    .render();
    let r = root.clone();
    wait_for_element(&r, "form.tw-refund-form").await;
    (root, opened)
}

async fn mount_card(input: &str) -> (Element, Opened) {
    let root = container();
    let (opened, on_open_clause) = recorder();
    yew::Renderer::<RefundVerdictCard>::with_root_and_props(
        root.clone(),
        RefundVerdictCardProps {
            input: AttrValue::from(input.to_owned()),
            policy: Rc::new(RefundPolicy::default()),
            on_open_clause,
            unlinked: Rc::default(),
            section_titles: Rc::default(),
        },
    )
    .render();
    let r = root.clone();
    wait_for_element(&r, ".tw-refund-card").await;
    (root, opened)
}

/// Types `value` into the input matching `selector`, as the browser reports it.
fn type_into(root: &Element, selector: &str, value: &str) {
    let input: HtmlInputElement = query(root, selector)
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into();
    input.set_value(value);
    input
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
}

fn choose_kind(root: &Element, kind: &str) {
    let select: HtmlSelectElement = query(root, "select[name='kind']").unwrap().unchecked_into();
    select.set_value(kind);
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
}

fn click(root: &Element, selector: &str) {
    query(root, selector)
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into::<HtmlElement>()
        .click();
}

/// Waits until the answer shows this outcome, and returns the verdict element.
async fn outcome(root: &Element, name: &str) -> Element {
    let r = root.clone();
    let selector = format!(".tw-refund-verdict[data-outcome='{name}']");
    wait_for_element(&r, &selector).await
}

/// The datetime-local value for `t` on the learner's wall clock.
fn local(t: DateTime<Utc>) -> String {
    localtime::utc_to_local_input(t)
}

/// The instant `s` seconds after 1970-01-01T00:00:00Z.
fn secs(s: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(s, 0).unwrap()
}

/// Which optional questions are on screen.
fn questions(root: &Element) -> Vec<String> {
    query_all(root, "[data-check], [data-field]")
        .into_iter()
        .filter_map(|e| {
            e.get_attribute("data-check")
                .or_else(|| e.get_attribute("data-field"))
        })
        .filter(|name| !matches!(name.as_str(), "kind" | "via" | "paid_at"))
        .collect()
}

#[wasm_bindgen_test]
fn local_time_helpers_round_trip() {
    let now = localtime::now();
    let wall = js_sys::Date::now() / 1000.0;
    assert!((now.timestamp() as f64 - wall).abs() <= 1.0);
    assert!(!localtime::time_zone_name().is_empty());

    // Wall-clock minute values round-trip through UTC (away from clock changes).
    let t = parse_instant("2024-05-14T13:30:00Z").unwrap();
    let shown = local(t);
    assert_eq!(shown.len(), 16, "{shown}");
    assert_eq!(localtime::local_input_to_utc(&shown), Some(t));
    let with_seconds = t + TimeDelta::seconds(7);
    assert!(local(with_seconds).ends_with(":07"));
    assert_eq!(
        localtime::local_input_to_utc(&local(with_seconds)),
        Some(with_seconds)
    );
    // Years before 100 are not read as 19xx.
    let early = localtime::local_input_to_utc("0050-06-01T12:00").unwrap();
    assert!(format_instant(early).starts_with("0050-0"), "{early:?}");

    // Strict shapes only.
    for bad in [
        "",
        "2024-05-14",
        "2024-05-14 15:30",
        "2024-05-14T15:30Z",
        "2024-02-30T10:00",
        "2024-05-14T24:00",
        "14/05/2024 15:30",
    ] {
        assert_eq!(localtime::local_input_to_utc(bad), None, "{bad:?}");
    }
    assert_eq!(localtime::utc_to_local_input(DateTime::<Utc>::MAX_UTC), "");

    let utc = localtime::format_utc(t);
    assert!(utc.ends_with(" UTC") && utc.contains("2024"), "{utc}");
    assert!(utc.contains(":30"), "{utc}");
    let local_words = localtime::format_local(t);
    assert!(local_words.contains("2024"), "{local_words}");
    assert_eq!(
        localtime::format_utc(DateTime::<Utc>::MAX_UTC),
        format_instant(DateTime::<Utc>::MAX_UTC)
    );

    // Clock changes, where the browser runs in a zone that has them.
    if localtime::time_zone_name() == "Europe/Berlin" {
        // Skipped hour: read with the winter offset, so one hour later on the wall clock.
        let gap = localtime::local_input_to_utc("2024-03-31T02:30").unwrap();
        assert_eq!(format_instant(gap), "2024-03-31T01:30:00Z");
        assert_eq!(local(gap), "2024-03-31T03:30");
        // Repeated hour: the first occurrence (summer time).
        let twice = localtime::local_input_to_utc("2024-10-27T02:30").unwrap();
        assert_eq!(format_instant(twice), "2024-10-27T00:30:00Z");
    }
}

#[wasm_bindgen_test]
async fn a_course_in_its_window_shows_the_deadline_in_local_time_and_utc() {
    let (root, opened) = mount_calculator().await;
    // Before a payment date: a prompt, no error.
    assert!(query(&root, ".tw-refund-prompt").is_some());
    assert!(query(&root, "[aria-invalid='true']").is_none());
    assert_eq!(
        attr(&root, ".tw-refund-result", "aria-live").as_deref(),
        Some("polite")
    );
    // The payment date is labelled with the learner's zone.
    let label = text(&root, "[data-field='paid_at'] label");
    assert!(label.contains(&localtime::time_zone_name()), "{label}");

    // Paid a day ago (plus two minutes, so the time left is a round 13 days).
    let now = localtime::now();
    let paid = secs((now.timestamp() - DAY + 120) / 60 * 60);
    type_into(&root, "input[name='paid_at']", &local(paid));
    let verdict = outcome(&root, "full_refund").await;
    let deadline = secs(paid.timestamp() + 14 * DAY);
    let headline = text(&verdict, ".tw-refund-headline");
    assert_eq!(
        headline,
        format!(
            "Full refund available until {} your time",
            localtime::format_local(deadline)
        )
    );
    assert_eq!(
        attr(&verdict, "time.tw-refund-local", "datetime"),
        Some(format_instant(deadline))
    );
    assert_eq!(
        text(&verdict, ".tw-refund-utc"),
        localtime::format_utc(deadline)
    );
    let left = text(&verdict, ".tw-refund-left");
    assert!(
        left == "13 days left" || left == "12 days 23 hours left",
        "{left}"
    );
    assert!(text(&verdict, ".tw-refund-reason").contains("14 days after payment"));
    assert_eq!(
        text(&verdict, ".tw-refund-policy"),
        "Policy version 2, in effect since 1 September 2025"
    );
    assert!(verdict.class_list().contains("tw-refund-verdict-yes"));

    // The rule link opens the section in the documents view.
    let link = query(&verdict, "a.tw-refund-rule-link").unwrap();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("#refund-policy/courses-and-specializations")
    );
    assert_eq!(
        link.text_content().unwrap(),
        "Read the rule: Courses and specializations"
    );
    let hash_before = web_sys::window().unwrap().location().hash().unwrap();
    link.unchecked_into::<HtmlElement>().click();
    assert_eq!(
        *opened.borrow(),
        ["refund-policy/courses-and-specializations"]
    );
    assert_eq!(
        web_sys::window().unwrap().location().hash().unwrap(),
        hash_before,
        "the click is handled in the widget"
    );

    // The timeline says the same in words, and nothing has an inline style.
    let svg = query(&root, "svg.tw-refund-tl").expect("timeline");
    assert_eq!(svg.get_attribute("role").as_deref(), Some("img"));
    let words = svg.get_attribute("aria-label").unwrap();
    assert!(words.contains("Paid: "), "{words}");
    assert!(
        words.contains(&format!(
            "Window closes: {}",
            localtime::format_local(deadline)
        )),
        "{words}"
    );
    assert!(words.contains("Now: "), "{words}");
    assert_eq!(query_all(&svg, ".tw-refund-tl-mark").len(), 3);
    assert!(query_all(&root, "[style]").is_empty(), "no inline styles");

    // Cancelled yesterday evening: judged then, still in time.
    click(&root, "input[name='cancelled_check']");
    let r = root.clone();
    wait_for_element(&r, "input[name='cancelled_at']").await;
    let cancelled = secs(paid.timestamp() + 3600);
    type_into(&root, "input[name='cancelled_at']", &local(cancelled));
    let r = root.clone();
    until("the headline for a cancellation in time", || {
        text(&r, ".tw-refund-headline") == "Full refund due: you cancelled in time"
    })
    .await;
    assert_eq!(
        text(&root, ".tw-refund-left"),
        format!(
            "{} to spare when you cancelled",
            format_duration(14 * DAY - 3600)
        )
    );
}

#[wasm_bindgen_test]
async fn only_the_questions_that_matter_appear() {
    let (root, _) = mount_calculator().await;
    let kinds: Vec<String> = query_all(&root, "select[name='kind'] option")
        .into_iter()
        .map(|o| o.text_content().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "Monthly subscription",
            "Kestrel Plus (annual)",
            "Course",
            "Specialization",
            "Guided project",
            "Degree",
            "University certificate",
            "Other service"
        ]
    );
    assert_eq!(
        query_all(&root, "fieldset[data-field='via'] input[type='radio']").len(),
        4
    );
    // Every input has a label.
    for input in query_all(&root, "input, select") {
        let id = input.id();
        assert!(
            query(&root, &format!("label[for='{id}']")).is_some(),
            "no label for {id}"
        );
    }

    let course = [
        "pre_enrolled",
        "certificate_earned",
        "custom_window",
        "cancelled",
        "honor_code_violation",
    ];
    assert_eq!(questions(&root), course);

    async fn after(root: &Element, change: impl FnOnce(&Element), expected: &[&str]) {
        change(root);
        let r = root.clone();
        let want: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
        until(format!("the questions {want:?}"), || questions(&r) == want).await;
    }
    after(&root, |r| choose_kind(r, "guided_project"), &[]).await;
    after(&root, |r| choose_kind(r, "subscription_monthly"), &[]).await;
    after(
        &root,
        |r| choose_kind(r, "plus_subscription"),
        &["free_trial", "cancelled", "honor_code_violation"],
    )
    .await;
    after(
        &root,
        |r| choose_kind(r, "other"),
        &["custom_window", "cancelled", "honor_code_violation"],
    )
    .await;
    assert!(text(&root, "[data-check='custom_window'] label").contains("stated for this service"));
    after(&root, |r| choose_kind(r, "degree"), &[]).await;
    after(&root, |r| choose_kind(r, "specialization"), &course).await;
    // Through an app store, nothing else matters.
    after(&root, |r| click(r, "input[value='app_store']"), &[]).await;
    after(&root, |r| click(r, "input[value='direct']"), &course).await;
    // Ticking a box asks its follow-up question.
    after(
        &root,
        |r| click(r, "input[name='pre_enrolled_check']"),
        &[
            "pre_enrolled",
            "launch_at",
            "certificate_earned",
            "custom_window",
            "cancelled",
            "honor_code_violation",
        ],
    )
    .await;
    assert!(text(&root, "[data-field='launch_at']").contains("Leave it empty"));
}

#[wasm_bindgen_test]
async fn a_guided_project_is_not_refundable_and_links_its_rule() {
    let (root, opened) = mount_calculator().await;
    choose_kind(&root, "guided_project");
    let paid = secs(localtime::now().timestamp() - 2 * DAY);
    type_into(&root, "input[name='paid_at']", &local(paid));
    let verdict = outcome(&root, "no_refund").await;
    assert_eq!(text(&verdict, ".tw-refund-headline"), "Not refundable");
    assert!(verdict.class_list().contains("tw-refund-verdict-no"));
    assert!(text(&verdict, ".tw-refund-reason").contains("Guided projects are not refunded"));
    assert!(query(&verdict, ".tw-refund-utc").is_none(), "no deadline");
    let link = query(&verdict, "a.tw-refund-rule-link").unwrap();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("#refund-policy/guided-projects")
    );
    assert_eq!(
        link.text_content().unwrap(),
        "Read the rule: Guided projects"
    );
    link.unchecked_into::<HtmlElement>().click();
    assert_eq!(*opened.borrow(), ["refund-policy/guided-projects"]);
    assert!(query(&root, "svg.tw-refund-tl").is_none());
}

#[wasm_bindgen_test]
async fn an_app_store_purchase_is_for_the_store_to_decide() {
    let (root, opened) = mount_calculator().await;
    click(&root, "input[value='app_store']");
    let paid = secs(localtime::now().timestamp() - 2 * DAY);
    type_into(&root, "input[name='paid_at']", &local(paid));
    let verdict = outcome(&root, "marketplace_policy").await;
    let headline = text(&verdict, ".tw-refund-headline");
    assert!(headline.contains("store decides"), "{headline}");
    assert!(verdict.class_list().contains("tw-refund-verdict-elsewhere"));
    assert!(text(&verdict, ".tw-refund-reason").contains("Ask Apple"));
    click(&verdict, "a.tw-refund-rule-link");
    assert_eq!(*opened.borrow(), ["refund-policy/app-store-purchases"]);
}

#[wasm_bindgen_test]
async fn a_certificate_before_the_payment_is_shown_at_the_certificate_field() {
    let (root, _) = mount_calculator().await;
    let now = localtime::now();
    type_into(
        &root,
        "input[name='paid_at']",
        &local(secs(now.timestamp() - 2 * DAY)),
    );
    outcome(&root, "full_refund").await;
    click(&root, "input[name='certificate_earned_check']");
    let r = root.clone();
    wait_for_element(&r, "input[name='certificate_earned_at']").await;
    // A ticked box without its date is a problem at that field.
    let r = root.clone();
    wait_for_element(&r, "li[data-code='missing_field']").await;
    type_into(
        &root,
        "input[name='certificate_earned_at']",
        &local(secs(now.timestamp() - 3 * DAY)),
    );
    let r = root.clone();
    let item = wait_for_element(
        &r,
        ".tw-refund-summary li[data-code='certificate_before_payment']",
    )
    .await;
    assert!(
        item.text_content()
            .unwrap()
            .starts_with("Certificate date: "),
        "{:?}",
        item.text_content()
    );
    let input = query(&root, "input[name='certificate_earned_at']").unwrap();
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described = input.get_attribute("aria-describedby").unwrap();
    let error_id = described.split(' ').next().unwrap();
    let message = query(&root, &format!("[id='{error_id}']")).unwrap();
    assert!(message.class_list().contains("tw-refund-field-error"));
    assert!(
        message
            .text_content()
            .unwrap()
            .contains("before the payment date"),
        "{:?}",
        message.text_content()
    );
    // The field at fault is next to its message, and only it is marked.
    assert_eq!(
        message
            .parent_element()
            .unwrap()
            .get_attribute("data-field")
            .as_deref(),
        Some("certificate_earned_at")
    );
    assert_eq!(query_all(&root, "[aria-invalid='true']").len(), 1);
    assert!(query(&root, ".tw-refund-verdict").is_none());
    // The summary's button takes the learner to the field.
    click(&root, ".tw-refund-summary button.tw-refund-goto");
    let active = document().active_element().unwrap();
    assert_eq!(active.id(), input.id());

    // Fixing it brings the answer back (the certificate closed the window).
    type_into(
        &root,
        "input[name='certificate_earned_at']",
        &local(secs(now.timestamp() - DAY)),
    );
    let verdict = outcome(&root, "no_refund").await;
    assert_eq!(
        text(&verdict, ".tw-refund-headline"),
        "No refund: the refund window has closed"
    );
    assert!(query(&root, "[aria-invalid='true']").is_none());

    // A payment in the future is shown at the payment date.
    type_into(
        &root,
        "input[name='paid_at']",
        &local(secs(now.timestamp() + 2 * DAY)),
    );
    let r = root.clone();
    wait_for_element(&r, "li[data-code='now_before_payment']").await;
    assert_eq!(
        attr(&root, "input[name='paid_at']", "aria-invalid").as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
async fn a_local_time_skipped_by_the_clocks_is_explained() {
    // Only meaningful where the browser's zone has that clock change (run with
    // TZ=Europe/Berlin); elsewhere the note must simply not appear.
    let berlin = localtime::time_zone_name() == "Europe/Berlin";
    let (root, _) = mount_calculator().await;
    type_into(&root, "input[name='paid_at']", "2024-03-31T02:30");
    let r = root.clone();
    wait_for_element(&r, ".tw-refund-verdict").await;
    let hint = text(&root, "[data-field='paid_at'] .tw-refund-hint");
    assert_eq!(
        hint.contains("doesn't exist in your time zone"),
        berlin,
        "{hint}"
    );
    if berlin {
        let used = localtime::local_input_to_utc("2024-03-31T03:30").unwrap();
        assert!(hint.contains(&localtime::format_local(used)), "{hint}");
        let deadline = parse_instant("2024-04-14T01:30:00Z").unwrap();
        assert_eq!(
            attr(&root, "time.tw-refund-local", "datetime"),
            Some(format_instant(deadline))
        );
    }
}

#[wasm_bindgen_test]
async fn the_verdict_card_shows_the_answer_or_what_is_wrong() {
    let now = localtime::now();
    let paid = secs(now.timestamp() - DAY + 600);
    let (root, opened) = mount_card(&format!(
        r#"{{"kind":"course","paid_at":"{}"}}"#,
        format_instant(paid)
    ))
    .await;
    let verdict = outcome(&root, "full_refund").await;
    let deadline = secs(paid.timestamp() + 14 * DAY);
    assert_eq!(
        text(&verdict, ".tw-refund-headline"),
        format!(
            "Full refund available until {} your time",
            localtime::format_local(deadline)
        )
    );
    assert_eq!(
        text(&verdict, ".tw-refund-utc"),
        localtime::format_utc(deadline)
    );
    assert!(text(&verdict, ".tw-refund-left").starts_with("13 days"));
    assert!(
        query(&verdict, ".tw-refund-reason").is_none(),
        "card is short"
    );
    click(&verdict, "a.tw-refund-rule-link");
    assert_eq!(
        *opened.borrow(),
        ["refund-policy/courses-and-specializations"]
    );

    let (root, _) = mount_card(r#"{"kind":"course","paid_at":"2024-02-30T10:00:00Z"}"#).await;
    let card = query(&root, ".tw-refund-card-error").expect("error card");
    assert_eq!(
        card.get_attribute("data-code").as_deref(),
        Some("invalid_timestamp")
    );
    assert_eq!(card.get_attribute("data-field").as_deref(), Some("paid_at"));
    let message = text(&card, ".tw-refund-card-message");
    assert!(message.contains("doesn't exist"), "{message}");
    assert!(message.contains("paid_at"), "{message}");

    for bad in ["", "{", "[]", "null", r#"{"kind":"boat","paid_at":"x"}"#] {
        let (root, _) = mount_card(bad).await;
        assert!(
            query(&root, ".tw-refund-card-error").is_some(),
            "{bad:?} is refused"
        );
    }
    let (root, _) = mount_card(r#"{"paid_at":"2024-01-01T00:00:00Z"}"#).await;
    assert_eq!(
        attr(&root, ".tw-refund-card-error", "data-field").as_deref(),
        Some("kind")
    );
}

fn terms_widget_global() -> JsValue {
    js_sys::Reflect::get(&web_sys::window().unwrap(), &"TermsWidget".into()).unwrap()
}

fn evaluate_refund(input: &JsValue) -> JsValue {
    let api = terms_widget_global();
    let function: js_sys::Function = js_sys::Reflect::get(&api, &"evaluateRefund".into())
        .unwrap()
        .unchecked_into();
    function.call1(&api, input).expect("never throws")
}

/// A JS value as serde JSON, for comparing with the contract.
fn as_json(value: &JsValue) -> serde_json::Value {
    let text: String = js_sys::JSON::stringify(value).unwrap().into();
    serde_json::from_str(&text).unwrap()
}

#[wasm_bindgen_test]
fn the_js_api_answers_objects_and_json_text() {
    // A host page's own properties survive.
    let window = web_sys::window().unwrap();
    let host = js_sys::JSON::parse(r#"{"hostSetting": 7}"#).unwrap();
    js_sys::Reflect::set(&window, &"TermsWidget".into(), &host).unwrap();
    terms_widget::embed::api::install();
    terms_widget::embed::register(); // installs again: harmless
    let api = terms_widget_global();
    assert_eq!(
        js_sys::Reflect::get(&api, &"hostSetting".into()).unwrap(),
        JsValue::from_f64(7.0)
    );
    assert_eq!(
        js_sys::Reflect::get(&api, &"version".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some(env!("CARGO_PKG_VERSION"))
    );

    // An object in, a plain object out, with the contract's fields.
    let course =
        r#"{"kind":"course","paid_at":"2024-03-01T12:00:00Z","now":"2024-03-10T12:00:00Z"}"#;
    let answer = evaluate_refund(&js_sys::JSON::parse(course).unwrap());
    assert_eq!(
        js_sys::Reflect::get(&answer, &"eligible".into()).unwrap(),
        JsValue::TRUE
    );
    let json = as_json(&answer);
    assert_eq!(json["outcome"], "full_refund");
    assert_eq!(json["deadline"], "2024-03-15T12:00:00Z");
    assert_eq!(json["clause"], "courses-and-specializations");
    assert_eq!(json["seconds_left"], 5 * DAY);
    assert_eq!(json, evaluate_str(course, &RefundPolicy::default()));

    // The same as JSON text.
    assert_eq!(as_json(&evaluate_refund(&JsValue::from_str(course))), json);

    let cases = [
        (
            r#"{"kind":"guided_project","paid_at":"2024-01-01T00:00:00Z","now":"2024-01-02T00:00:00Z"}"#,
            serde_json::json!({"eligible": false, "outcome": "no_refund", "deadline": null}),
        ),
        (
            r#"{"kind":"course","via":"app_store","paid_at":"2024-02-20T10:00:00Z","now":"2024-02-21T10:00:00Z"}"#,
            serde_json::json!({"eligible": null, "outcome": "marketplace_policy", "deadline": null}),
        ),
        (
            r#"{"kind":"course","paid_at":"2024-02-20T10:00:00Z","now":"2024-03-01T00:00:00Z","certificate_earned_at":"2024-02-23T10:00:00Z","cancelled_at":"2024-02-25T10:00:00Z"}"#,
            serde_json::json!({"eligible": false, "outcome": "no_refund", "deadline": "2024-02-23T10:00:00Z"}),
        ),
    ];
    for (input, expected) in cases {
        for arg in [
            js_sys::JSON::parse(input).unwrap(),
            JsValue::from_str(input),
        ] {
            let json = as_json(&evaluate_refund(&arg));
            for key in ["eligible", "outcome", "deadline"] {
                assert_eq!(json[key], expected[key], "{input} {key}");
            }
        }
    }

    // Errors are objects too, never exceptions.
    let json = as_json(&evaluate_refund(&JsValue::from_str(r#"{"kind":"course"}"#)));
    assert_eq!(json["error"], "missing_field");
    assert_eq!(json["field"], "paid_at");
    assert!(json["message"].as_str().unwrap().len() > 5);
    let json = as_json(&evaluate_refund(
        &js_sys::JSON::parse(
            r#"{"kind":"course","paid_at":"2024-03-01T12:00:00Z","now":"2024-02-01T12:00:00Z"}"#,
        )
        .unwrap(),
    ));
    assert_eq!(json["error"], "now_before_payment");
    assert_eq!(json["field"], "now");
    for odd in [
        JsValue::UNDEFINED,
        JsValue::NULL,
        JsValue::from_f64(42.0),
        JsValue::TRUE,
        JsValue::from_str("not json"),
        js_sys::Array::new().into(),
        js_sys::Function::new_no_args("return 1").into(),
    ] {
        let json = as_json(&evaluate_refund(&odd));
        assert_eq!(json["error"], "missing_field", "{odd:?}");
        assert!(json["field"].is_null(), "{odd:?}");
    }
    // An object JSON cannot write (a cycle) is refused the same way.
    let cycle = js_sys::Object::new();
    js_sys::Reflect::set(&cycle, &"self".into(), &cycle).unwrap();
    assert_eq!(as_json(&evaluate_refund(&cycle))["error"], "missing_field");
}
