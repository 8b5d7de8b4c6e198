//! The consent banner, the Privacy choices dialog and the Privacy choices button in
//! headless Chromium (`wasm-bindgen-test`), rendered for real and inspected through the
//! DOM. `styles/consent.css` is adopted into the test document (a `<style>` element) so
//! computed styles can be compared.
//!
//! Run with `bash scripts/test.sh`, or on its own:
//! `cargo test --target wasm32-unknown-unknown --test consent_ui_web` with the runner
//! set up as in that script.

#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::prelude::*;

use terms_widget::components::consent::{
    ConsentBanner, ConsentBannerProps, Draft, Preferences, PreferencesProps, PrivacyChoicesButton,
    PrivacyChoicesButtonProps,
};
use terms_widget::domain::consent::{CategorySet, Choice, Reason, Signals};

mod support;

use support::{document, query, query_all, until, wait_for_element};

wasm_bindgen_test_configure!(run_in_browser);

const GPC: Signals = Signals {
    gpc: true,
    dnt: false,
};
const DNT: Signals = Signals {
    gpc: false,
    dnt: true,
};

fn text(el: &Element) -> String {
    el.text_content().unwrap_or_default()
}

fn click(root: &Element, selector: &str) {
    query(root, selector)
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into::<HtmlElement>()
        .click();
}

/// The button whose text is `label`.
fn button(root: &Element, label: &str) -> HtmlElement {
    query_all(root, "button")
        .into_iter()
        .find(|b| text(b).trim() == label)
        .unwrap_or_else(|| panic!("no button {label:?}"))
        .unchecked_into()
}

fn input(root: &Element, selector: &str) -> HtmlInputElement {
    query(root, selector)
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into()
}

/// Adds `styles/consent.css` to the test document, once.
fn adopt_css() {
    if document().get_element_by_id("consent-css").is_some() {
        return;
    }
    let style = document().create_element("style").unwrap();
    style.set_id("consent-css");
    style.set_text_content(Some(include_str!("../styles/consent.css")));
    document().head().unwrap().append_child(&style).unwrap();
}

fn container() -> Element {
    adopt_css();
    let container = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&container).unwrap();
    container
}

/// What the components reported, in order, e.g. `accept_all`, `set analytics granted`.
#[derive(Clone, Default)]
struct Log(Rc<RefCell<Vec<String>>>);

impl Log {
    fn cb(&self, name: &'static str) -> Callback<()> {
        let log = self.0.clone();
        Callback::from(move |()| log.borrow_mut().push(name.to_string()))
    }

    fn on_set(&self) -> Callback<(String, Choice)> {
        let log = self.0.clone();
        Callback::from(move |(id, choice): (String, Choice)| {
            log.borrow_mut()
                .push(format!("set {id} {}", choice.as_str()))
        })
    }

    fn entries(&self) -> Vec<String> {
        self.0.borrow().clone()
    }

    fn clear(&self) {
        self.0.borrow_mut().clear();
    }
}

fn banner_props(log: &Log) -> ConsentBannerProps {
    ConsentBannerProps {
        categories: Rc::new(CategorySet::default_set()),
        reasons: Rc::new(Vec::new()),
        signals: Signals::NONE,
        signal_applied: false,
        notice: None,
        policy_label: AttrValue::Static("Privacy Policy, version 3"),
        on_accept_all: log.cb("accept_all"),
        on_reject_all: log.cb("reject_all"),
        on_customize: log.cb("customize"),
        on_open_policy: log.cb("open_policy"),
        on_dismiss: log.cb("dismiss"),
    }
}

async fn mount_banner(props: ConsentBannerProps) -> Element {
    let root = container();
    yew::Renderer::<ConsentBanner>::with_root_and_props(root.clone(), props).render();
    let r = root.clone();
    wait_for_element(&r, ".tw-consent-banner").await;
    root
}

/// Every category unanswered.
fn empty_draft() -> Draft {
    Rc::new(
        CategorySet::default_set()
            .categories()
            .iter()
            .map(|c| (c.id.clone(), c.required.then_some(Choice::Granted)))
            .collect(),
    )
}

fn draft(answers: &[(&str, Choice)]) -> Draft {
    Rc::new(
        empty_draft()
            .iter()
            .map(|(id, choice)| {
                let answer = answers.iter().find(|(a, _)| a == id).map(|(_, c)| *c);
                (id.clone(), answer.or(*choice))
            })
            .collect(),
    )
}

fn prefs_props(log: &Log) -> PreferencesProps {
    PreferencesProps {
        categories: Rc::new(CategorySet::default_set()),
        draft: empty_draft(),
        signals: Signals::NONE,
        signal_applied: false,
        notice: None,
        policy_label: AttrValue::Static("Privacy Policy, version 3"),
        history: Rc::new(Vec::new()),
        on_set: log.on_set(),
        on_save: log.cb("save"),
        on_accept_all: log.cb("accept_all"),
        on_reject_all: log.cb("reject_all"),
        on_close: log.cb("close"),
        on_open_policy: log.cb("open_policy"),
        on_download_receipt: log.cb("download"),
        has_record: false,
        from_signal: Rc::new(Vec::new()),
    }
}

async fn mount_prefs(props: PreferencesProps) -> (Element, yew::AppHandle<Preferences>) {
    let root = container();
    let handle = yew::Renderer::<Preferences>::with_root_and_props(root.clone(), props).render();
    let r = root.clone();
    wait_for_element(&r, "dialog.tw-consent-dialog").await;
    (root, handle)
}

fn dialog(root: &Element) -> Element {
    query(root, "dialog.tw-consent-dialog").expect("the dialog")
}

fn category(root: &Element, id: &str) -> Element {
    query(root, &format!("[data-category='{id}']")).unwrap_or_else(|| panic!("no {id}"))
}

fn radio(root: &Element, id: &str, value: &str) -> HtmlInputElement {
    input(
        &category(root, id),
        &format!("input[type=radio][value='{value}']"),
    )
}

/// Closes whatever dialog a test left open, so the next test's page is usable.
fn close_dialogs() {
    let list = document().query_selector_all("dialog[open]").unwrap();
    for i in 0..list.length() {
        if let Some(d) = list
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::HtmlDialogElement>().ok())
        {
            d.close();
        }
    }
}

// ---------------------------------------------------------------------------------------
// The banner
// ---------------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn banner_is_a_fixed_region_with_equal_reject_and_accept() {
    let log = Log::default();
    let root = mount_banner(banner_props(&log)).await;
    let banner = query(&root, ".tw-consent-banner").unwrap();
    assert_eq!(banner.tag_name(), "SECTION");
    assert_eq!(banner.get_attribute("role").as_deref(), Some("region"));
    assert_eq!(
        banner.get_attribute("aria-label").as_deref(),
        Some("Privacy choices")
    );
    assert!(banner.get_attribute("aria-modal").is_none(), "not modal");
    let window = web_sys::window().unwrap();
    let style = |el: &Element, name: &str| {
        window
            .get_computed_style(el)
            .unwrap()
            .unwrap()
            .get_property_value(name)
            .unwrap()
    };
    assert_eq!(style(&banner, "position"), "fixed");
    assert_eq!(style(&banner, "bottom"), "0px");

    let primaries = query_all(&banner, ".tw-consent-primary");
    let labels: Vec<String> = primaries
        .iter()
        .map(|b| text(b).trim().to_string())
        .collect();
    assert_eq!(labels, ["Reject all", "Accept all"], "Reject first");
    let (reject, accept) = (&primaries[0], &primaries[1]);
    assert_eq!(reject.class_name(), accept.class_name());
    for property in [
        "font-weight",
        "font-size",
        "font-family",
        "background-color",
        "color",
        "border-top-width",
        "padding-top",
        "padding-left",
        "min-height",
        "min-width",
    ] {
        assert_eq!(
            style(reject, property),
            style(accept, property),
            "{property} differs"
        );
    }
    assert_eq!(style(accept, "font-weight"), "600");
    let (r, a) = (
        reject.get_bounding_client_rect(),
        accept.get_bounding_client_rect(),
    );
    assert_eq!(r.height(), a.height(), "same height");
    assert_eq!(r.width(), a.width(), "same width");
    assert!(r.height() >= 44.0, "a comfortable target: {}", r.height());

    // The rest of the banner.
    let choose = button(&banner, "Choose…");
    assert!(!choose.class_name().contains("tw-consent-primary"));
    assert_eq!(
        button(&banner, "Read our Privacy Policy").class_name(),
        "tw-consent-link"
    );
    let dismiss = button(&banner, "Not now");
    assert_eq!(
        dismiss.get_attribute("aria-label").as_deref(),
        Some("Not now: close without choosing")
    );
    let words = text(&banner);
    assert!(words.contains("Analytics"), "{words}");
    assert!(words.contains("Approximate location"), "{words}");
    assert!(words.contains("Privacy Policy, version 3"), "{words}");
    assert!(
        query_all(&banner, "button")
            .iter()
            .all(|b| b.get_attribute("type").as_deref() == Some("button")
                && b.get_attribute("tabindex").is_none()),
        "every button is reachable by Tab and submits nothing"
    );
    assert!(query(&root, "[style]").is_none(), "no inline styles");
}

#[wasm_bindgen_test]
async fn banner_buttons_and_escape_call_back() {
    let log = Log::default();
    let root = mount_banner(banner_props(&log)).await;
    for (label, expected) in [
        ("Reject all", "reject_all"),
        ("Accept all", "accept_all"),
        ("Choose…", "customize"),
        ("Read our Privacy Policy", "open_policy"),
        ("Not now", "dismiss"),
    ] {
        log.clear();
        button(&root, label).click();
        assert_eq!(log.entries(), [expected], "{label}");
    }

    // Escape anywhere in the banner closes it without a choice.
    log.clear();
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    let target = button(&root, "Accept all");
    target.focus().unwrap();
    assert!(!target.dispatch_event(&event).unwrap(), "Escape is handled");
    assert_eq!(log.entries(), ["dismiss"]);

    // Other keys do nothing.
    log.clear();
    init.set_key("Enter");
    let enter =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&enter).unwrap();
    assert!(log.entries().is_empty());
}

#[wasm_bindgen_test]
async fn banner_says_a_signal_was_honoured_only_when_it_was() {
    let log = Log::default();
    // The signal is on, but it decided nothing (say, a knowing opt-in): no sentence.
    let mut props = banner_props(&log);
    props.signals = GPC;
    let root = mount_banner(props.clone()).await;
    assert!(query(&root, ".tw-consent-signal").is_none());
    assert!(!text(&root).contains("asked sites not to track you"));

    props.signal_applied = true;
    let root = mount_banner(props.clone()).await;
    assert_eq!(
        text(&query(&root, ".tw-consent-signal").expect("the signal sentence")),
        "Your browser asked sites not to track you (Global Privacy Control), so the optional \
         kinds are off. You can still turn them on in Choose…"
    );

    props.signals = DNT;
    let root = mount_banner(props).await;
    let sentence = text(&query(&root, ".tw-consent-signal").unwrap());
    assert!(sentence.contains("(Do Not Track)"), "{sentence}");
    assert!(!sentence.contains("Global Privacy Control"), "{sentence}");
}

#[wasm_bindgen_test]
async fn banner_says_why_it_asks_again_and_shows_the_notice() {
    let log = Log::default();
    let first = mount_banner(banner_props(&log)).await;
    assert!(
        query(&first, ".tw-consent-reasons").is_none(),
        "a first visit"
    );
    assert!(query(&first, ".tw-consent-notice").is_none());

    let mut props = banner_props(&log);
    props.reasons = Rc::new(vec![
        Reason::PolicyChangedMaterially {
            from: "2".into(),
            to: "3".into(),
        },
        Reason::NewCategories(vec!["location".into()]),
    ]);
    props.notice = Some(AttrValue::Static(
        "Your choices apply to this visit only: this browser isn't letting us store them.",
    ));
    let root = mount_banner(props).await;
    let reasons: Vec<String> = query_all(&root, ".tw-consent-reasons li")
        .iter()
        .map(text)
        .collect();
    assert_eq!(
        reasons,
        [
            "Our Privacy Policy changed (version 2 → 3)",
            "There is a new kind of processing to decide on: Approximate location",
        ]
    );
    assert!(text(&root).contains("asking again"));
    let notice = query(&root, ".tw-consent-notice").expect("the notice");
    assert!(text(&notice).starts_with("Your choices apply to this visit only"));
    assert_eq!(notice.get_attribute("role").as_deref(), Some("status"));
}

// ---------------------------------------------------------------------------------------
// The dialog
// ---------------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn dialog_opens_modal_with_its_title_focused() {
    let log = Log::default();
    let (root, handle) = mount_prefs(prefs_props(&log)).await;
    let d = dialog(&root);
    until("the dialog opens", || d.has_attribute("open")).await;
    assert!(d.matches(":modal").unwrap(), "opened with showModal()");
    let title_id = d.get_attribute("aria-labelledby").expect("aria-labelledby");
    let title = document().get_element_by_id(&title_id).expect("the title");
    assert_eq!(text(&title), "Privacy choices");
    assert!(d.contains(Some(&title)));
    let t = title.clone();
    until("focus on the dialog's title", || {
        document().active_element().is_some_and(|a| a == t)
    })
    .await;
    assert!(query(&root, "[style]").is_none(), "no inline styles");

    // Unmounting closes it (and the browser puts focus back).
    handle.destroy();
    until("the dialog goes", || !d.has_attribute("open")).await;
    assert!(
        log.entries().is_empty(),
        "closing it ourselves reports nothing: {:?}",
        log.entries()
    );
    close_dialogs();
}

#[wasm_bindgen_test]
async fn escape_and_the_close_button_call_on_close() {
    let log = Log::default();
    let (root, handle) = mount_prefs(prefs_props(&log)).await;
    let d = dialog(&root);
    until("the dialog opens", || d.has_attribute("open")).await;

    // Escape makes the browser fire `cancel` at the dialog.
    let init = web_sys::EventInit::new();
    init.set_cancelable(true);
    let cancel = web_sys::Event::new_with_event_init_dict("cancel", &init).unwrap();
    let not_prevented = d.dispatch_event(&cancel).unwrap();
    assert!(!not_prevented, "the browser's own closing is prevented");
    assert_eq!(log.entries(), ["close"]);
    assert!(d.has_attribute("open"), "the caller decides when it goes");

    log.clear();
    button(&root, "Close").click();
    assert_eq!(log.entries(), ["close"]);

    // Closed by the browser anyway: reported once.
    log.clear();
    d.unchecked_ref::<web_sys::HtmlDialogElement>().close();
    until("close is reported", || !log.entries().is_empty()).await;
    assert_eq!(log.entries(), ["close"]);
    handle.destroy();
    close_dialogs();
}

#[wasm_bindgen_test]
async fn nothing_is_pre_ticked_and_radios_reflect_the_draft() {
    let log = Log::default();
    let (root, mut handle) = mount_prefs(prefs_props(&log)).await;
    let radios = query_all(&root, "input[type=radio]");
    assert_eq!(
        radios.len(),
        8,
        "Allow and Don't allow for each optional kind"
    );
    assert!(
        radios
            .iter()
            .all(|r| !r.unchecked_ref::<HtmlInputElement>().checked()),
        "nothing checked while unanswered"
    );
    assert_eq!(query_all(&root, ".tw-consent-unanswered").len(), 4);

    // Each optional kind is a fieldset whose legend is its title.
    let analytics = category(&root, "analytics");
    let legend = query(&analytics, "fieldset > legend").expect("a legend");
    assert_eq!(text(&legend), "Analytics");
    let labels: Vec<String> = query_all(&analytics, "label").iter().map(text).collect();
    assert_eq!(labels, ["Allow", "Don’t allow"]);
    for label in query_all(&analytics, "label") {
        let target = label.get_attribute("for").unwrap();
        assert!(
            document().get_element_by_id(&target).is_some(),
            "label for {target}"
        );
    }
    assert!(text(&analytics).contains("Counts visits"));
    let keys: Vec<String> = query_all(&analytics, "code").iter().map(text).collect();
    assert_eq!(keys, ["kl_analytics_id", "kl_analytics_session"]);

    let mut props = prefs_props(&log);
    props.draft = draft(&[
        ("analytics", Choice::Granted),
        ("marketing", Choice::Denied),
    ]);
    handle.update(props);
    until("the draft shows", || {
        radio(&root, "analytics", "granted").checked()
    })
    .await;
    assert!(!radio(&root, "analytics", "denied").checked());
    assert!(radio(&root, "marketing", "denied").checked());
    assert!(!radio(&root, "marketing", "granted").checked());
    for id in ["diagnostics", "location"] {
        assert!(!radio(&root, id, "granted").checked() && !radio(&root, id, "denied").checked());
    }
    assert_eq!(query_all(&root, ".tw-consent-unanswered").len(), 2);
    assert!(log.entries().is_empty());
    handle.destroy();
    close_dialogs();
}

#[wasm_bindgen_test]
async fn clicking_a_radio_reports_the_pair() {
    let log = Log::default();
    let (root, handle) = mount_prefs(prefs_props(&log)).await;
    radio(&root, "location", "granted").click();
    radio(&root, "analytics", "denied").click();
    // Clicking the label works as well.
    let label = query(&category(&root, "marketing"), "label").unwrap();
    assert_eq!(text(&label), "Allow");
    label.unchecked_into::<HtmlElement>().click();
    assert_eq!(
        log.entries(),
        [
            "set location granted",
            "set analytics denied",
            "set marketing granted"
        ]
    );
    handle.destroy();
    close_dialogs();
}

#[wasm_bindgen_test]
async fn save_is_enabled_only_when_every_kind_is_answered() {
    let log = Log::default();
    let (root, mut handle) = mount_prefs(prefs_props(&log)).await;
    let save = button(&root, "Save my choices");
    assert!(save.has_attribute("disabled"));
    let hint = query(&root, ".tw-consent-save-hint").expect("the explanation");
    assert_eq!(
        text(&hint),
        "Answer each kind to save, or use Accept all / Reject all."
    );
    assert_eq!(
        save.get_attribute("aria-describedby"),
        hint.get_attribute("id")
    );

    // Three of four is not enough.
    let mut props = prefs_props(&log);
    props.draft = draft(&[
        ("analytics", Choice::Granted),
        ("marketing", Choice::Denied),
        ("diagnostics", Choice::Denied),
    ]);
    handle.update(props);
    until("the draft shows", || {
        radio(&root, "diagnostics", "denied").checked()
    })
    .await;
    assert!(button(&root, "Save my choices").has_attribute("disabled"));

    let mut props = prefs_props(&log);
    props.draft = draft(&[
        ("analytics", Choice::Granted),
        ("marketing", Choice::Denied),
        ("diagnostics", Choice::Denied),
        ("location", Choice::Granted),
    ]);
    handle.update(props);
    until("Save is enabled", || {
        !button(&root, "Save my choices").has_attribute("disabled")
    })
    .await;
    assert!(query(&root, ".tw-consent-save-hint").is_none());
    assert!(
        button(&root, "Save my choices")
            .get_attribute("aria-describedby")
            .is_none()
    );
    button(&root, "Save my choices").click();
    assert_eq!(log.entries(), ["save"]);

    // Accept all and Reject all work at any time, and look the same.
    log.clear();
    button(&root, "Reject all").click();
    button(&root, "Accept all").click();
    button(&root, "Read our Privacy Policy").click();
    assert_eq!(log.entries(), ["reject_all", "accept_all", "open_policy"]);
    let primaries = query_all(&root, ".tw-consent-primary");
    let labels: Vec<String> = primaries
        .iter()
        .map(|b| text(b).trim().to_string())
        .collect();
    assert_eq!(labels, ["Reject all", "Accept all"]);
    handle.destroy();
    close_dialogs();
}

/// A caller that owns the draft and the open state, as the app will.
#[component]
fn Owner() -> Html {
    let draft = use_state(empty_draft);
    let open = use_state(|| true);
    let saved = use_state(|| false);
    let log = Log::default();
    let on_set = {
        let draft = draft.clone();
        Callback::from(move |(id, choice): (String, Choice)| {
            let next: Vec<(String, Option<Choice>)> = draft
                .iter()
                .map(|(c, v)| (c.clone(), if *c == id { Some(choice) } else { *v }))
                .collect();
            draft.set(Rc::new(next));
        })
    };
    let on_close = {
        let open = open.clone();
        Callback::from(move |()| open.set(false))
    };
    let on_save = {
        let (open, saved) = (open.clone(), saved.clone());
        Callback::from(move |()| {
            saved.set(true);
            open.set(false);
        })
    };
    let reopen = {
        let open = open.clone();
        Callback::from(move |()| open.set(true))
    };
    html! {
        <>
            <p class="saved">{ if *saved { "saved" } else { "" } }</p>
            <PrivacyChoicesButton on_open={reopen} />
            if *open {
                <Preferences
                    categories={Rc::new(CategorySet::default_set())}
                    draft={(*draft).clone()}
                    signals={Signals::NONE}
                    signal_applied=false
                    notice={None::<AttrValue>}
                    policy_label="Privacy Policy, version 3"
                    history={Rc::new(Vec::new())}
                    {on_set}
                    {on_save}
                    on_accept_all={log.cb("accept_all")}
                    on_reject_all={log.cb("reject_all")}
                    {on_close}
                    on_open_policy={log.cb("open_policy")}
                    on_download_receipt={log.cb("download")}
                    has_record=false
                />
            }
        </>
    }
}

#[wasm_bindgen_test]
async fn answering_every_kind_enables_save_in_a_controlled_dialog() {
    let root = container();
    let handle = yew::Renderer::<Owner>::with_root(root.clone()).render();
    let r = root.clone();
    let d = wait_for_element(&r, "dialog[open]").await;
    for (id, value) in [
        ("analytics", "granted"),
        ("marketing", "denied"),
        ("diagnostics", "granted"),
    ] {
        radio(&root, id, value).click();
        until("the answer sticks", || radio(&root, id, value).checked()).await;
        assert!(button(&root, "Save my choices").has_attribute("disabled"));
    }
    radio(&root, "location", "denied").click();
    until("Save is enabled", || {
        !button(&root, "Save my choices").has_attribute("disabled")
    })
    .await;
    button(&root, "Save my choices").click();
    until("the dialog goes", || query(&root, "dialog").is_none()).await;
    assert!(!d.has_attribute("open"));
    assert_eq!(text(&query(&root, ".saved").unwrap()), "saved");

    // The button opens it again, with the answers kept; Escape closes it.
    let opener = query(&root, "button.tw-consent-open").unwrap();
    assert_eq!(text(&opener), "Privacy choices");
    opener.unchecked_ref::<HtmlElement>().click();
    let d = wait_for_element(&r, "dialog[open]").await;
    assert!(radio(&root, "analytics", "granted").checked());
    let init = web_sys::EventInit::new();
    init.set_cancelable(true);
    d.dispatch_event(&web_sys::Event::new_with_event_init_dict("cancel", &init).unwrap())
        .unwrap();
    until("Escape closes it", || query(&root, "dialog").is_none()).await;
    handle.destroy();
    close_dialogs();
}

#[wasm_bindgen_test]
async fn required_kinds_are_always_on_not_a_switch() {
    let log = Log::default();
    let (root, handle) = mount_prefs(prefs_props(&log)).await;
    let necessary = category(&root, "necessary");
    assert!(
        query(&necessary, "input, select, button").is_none(),
        "no control"
    );
    assert_eq!(
        text(&query(&necessary, ".tw-consent-always").unwrap()),
        "Always on"
    );
    let words = text(&necessary);
    assert!(words.contains("Strictly necessary"));
    assert!(words.contains("can’t be switched off"), "{words}");
    let keys: Vec<String> = query_all(&necessary, "code").iter().map(text).collect();
    assert_eq!(keys, ["kl_session", "kl_csrf", "kl_consent"]);
    handle.destroy();
    close_dialogs();
}

#[wasm_bindgen_test]
async fn history_and_receipt() {
    let log = Log::default();
    let (root, handle) = mount_prefs(prefs_props(&log)).await;
    let history = query(&root, ".tw-consent-history").unwrap();
    assert!(text(&history).contains("Your history"));
    assert_eq!(
        text(&query(&history, ".tw-consent-empty").unwrap()),
        "Nothing saved yet."
    );
    let download = button(&root, "Download a receipt (JSON)");
    assert!(
        download.has_attribute("disabled"),
        "no receipt before a record"
    );
    download.click();
    assert!(log.entries().is_empty());
    handle.destroy();
    close_dialogs();

    // A new log: the first dialog, closed above before its component is gone, may still
    // report its `close` (an event the browser delivers later) to the first one.
    let log = Log::default();
    let mut props = prefs_props(&log);
    let lines = vec![
        "On 2026-11-24 at 10:00 UTC you allowed Analytics, from the banner, under Privacy Policy version 3.".to_string(),
        "On 2026-11-25 at 09:00 UTC you refused Analytics, in Privacy choices, under Privacy Policy version 3.".to_string(),
    ];
    props.history = Rc::new(lines.clone());
    props.has_record = true;
    let (root, handle) = mount_prefs(props).await;
    let shown: Vec<String> = query_all(&root, ".tw-consent-history-list li")
        .iter()
        .map(text)
        .collect();
    assert_eq!(shown, lines, "oldest first");
    assert!(query(&root, ".tw-consent-empty").is_none());
    let download = button(&root, "Download a receipt (JSON)");
    assert!(!download.has_attribute("disabled"));
    download.click();
    assert_eq!(log.entries(), ["download"]);
    handle.destroy();
    close_dialogs();
}

#[wasm_bindgen_test]
async fn dialog_marks_what_the_signal_decided() {
    let log = Log::default();
    let mut props = prefs_props(&log);
    props.signals = GPC;
    props.signal_applied = true;
    props.draft = draft(&[
        ("analytics", Choice::Denied),
        ("marketing", Choice::Denied),
        ("diagnostics", Choice::Granted),
        ("location", Choice::Denied),
    ]);
    // Marketing was refused by the learner before; the others by the signal.
    props.from_signal = Rc::new(vec!["analytics".into(), "location".into()]);
    props.notice = Some(AttrValue::Static("Your choices apply to this visit only."));
    let (root, handle) = mount_prefs(props).await;
    assert!(
        text(&query(&root, ".tw-consent-signal").unwrap()).contains("(Global Privacy Control)")
    );
    let note = "Off because your browser sent Global Privacy Control — you can allow it.";
    for id in ["analytics", "location"] {
        assert_eq!(
            text(&query(&category(&root, id), ".tw-consent-from-signal").unwrap()),
            note
        );
    }
    for id in ["marketing", "diagnostics", "necessary"] {
        assert!(
            query(&category(&root, id), ".tw-consent-from-signal").is_none(),
            "{id}"
        );
    }
    assert!(text(&query(&root, ".tw-consent-notice").unwrap()).contains("this visit only"));
    handle.destroy();
    close_dialogs();

    // Without the signal applied, nothing is marked.
    let mut props = prefs_props(&log);
    props.from_signal = Rc::new(vec!["analytics".into()]);
    props.draft = draft(&[("analytics", Choice::Denied)]);
    let (root, handle) = mount_prefs(props).await;
    assert!(query(&root, ".tw-consent-from-signal, .tw-consent-signal").is_none());
    handle.destroy();
    close_dialogs();
}

#[wasm_bindgen_test]
async fn privacy_choices_button_opens() {
    let log = Log::default();
    let root = container();
    yew::Renderer::<PrivacyChoicesButton>::with_root_and_props(
        root.clone(),
        PrivacyChoicesButtonProps {
            on_open: log.cb("open"),
            label: None,
            locale: None,
        },
    )
    .render();
    let r = root.clone();
    let b = wait_for_element(&r, "button.tw-consent-open").await;
    assert_eq!(text(&b), "Privacy choices");
    assert_eq!(b.get_attribute("aria-haspopup").as_deref(), Some("dialog"));
    click(&root, "button.tw-consent-open");
    assert_eq!(log.entries(), ["open"]);

    let root = container();
    yew::Renderer::<PrivacyChoicesButton>::with_root_and_props(
        root.clone(),
        PrivacyChoicesButtonProps {
            on_open: log.cb("open"),
            label: Some(AttrValue::Static("Cookie settings")),
            locale: None,
        },
    )
    .render();
    let r = root.clone();
    let b = wait_for_element(&r, "button.tw-consent-open").await;
    assert_eq!(text(&b), "Cookie settings");
}
