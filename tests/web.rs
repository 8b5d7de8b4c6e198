//! Component tests in headless Chromium (`wasm-bindgen-test`): the documents view and
//! the `<terms-widget>` element, rendered for real, inspected through the DOM.
//!
//! Run with `bash scripts/test.sh` (it sets up the runner and Chromium).

#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

use terms_widget::components::{App, AppProps, Remote, Routing, Source};

mod support;

use support::{
    document, query, query_all, text_of, until, wait_for, wait_for_element, wait_for_showing,
};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app into a fresh container and waits until the bundle has loaded: a
/// document title with its text, an error, or a settled status (not "Loading…"). Each
/// test then waits for the exact state it asserts.
async fn mount(source: Source, start: Option<&str>) -> (Element, Remote) {
    mount_in(source, start, None).await
}

/// [`mount`] speaking `locale`'s language.
async fn mount_in(source: Source, start: Option<&str>, locale: Option<&str>) -> (Element, Remote) {
    let container = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&container).unwrap();
    let remote = Remote::default();
    yew::Renderer::<App>::with_root_and_props(
        container.clone(),
        AppProps {
            source,
            routing: Routing::Local,
            start: start.map(str::to_string),
            remote: remote.clone(),
            refund: None,
            refund_policy: None,
            label: None,
            locale: locale.map(|l| yew::AttrValue::from(l.to_string())),
        },
    )
    .render();
    let c = container.clone();
    wait_for_showing("the bundle to load", Some(&container), || {
        let titled = query(&c, "h1.tw-doc-title")
            .and_then(|h| h.text_content())
            .is_some_and(|t| !t.is_empty());
        (titled || query(&c, ".tw-error, .tw-status:not([aria-busy])").is_some()).then_some(())
    })
    .await;
    (container, remote)
}

fn title(root: &Element) -> String {
    query(root, "h1.tw-doc-title")
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

fn bundle(docs: &str) -> String {
    format!(
        r#"{{"format":"terms-widget/bundle@1","platform":{{"name":"Test U"}},"documents":[{docs}]}}"#
    )
}

fn doc(id: &str, title: &str, body: &str) -> String {
    format!(
        r#"{{"id":"{id}","title":"{title}","versions":[{{"version":"1","effective":"2024-01-01","summary":"First.","material":true,"body":{}}}]}}"#,
        serde_json::to_string(body).unwrap()
    )
}

#[wasm_bindgen_test]
async fn built_in_documents_render_with_navigation_toc_and_history() {
    let (root, _) = mount(Source::BuiltIn, None).await;
    let r = root.clone();
    until("the title \"Terms of Use\"", || title(&r) == "Terms of Use").await;
    until("7 documents in nav.tw-docs", || {
        query_all(&r, "nav.tw-docs a").len() == 7
    })
    .await;
    let nav = query_all(&root, "nav.tw-docs a");
    assert_eq!(
        nav[0].get_attribute("aria-current").as_deref(),
        Some("page")
    );
    assert!(query_all(&root, "nav[aria-label^='On this page'] a").len() > 5);
    // The Terms have three versions, newest first in the history.
    let history = query_all(&root, ".tw-history-item");
    assert!(history.len() >= 3);
    assert!(history[0].text_content().unwrap().contains("Version 3"));
    assert!(
        query(&root, ".tw-platform")
            .unwrap()
            .text_content()
            .unwrap()
            == "Kestrel Learning"
    );
    assert!(
        query(&root, ".tw-problems").is_none(),
        "the built-in bundle is clean"
    );
}

/// Mounts the app (as [`mount`] does) with a `MutationObserver` on its container, and
/// says whether a busy "Loading…" status was ever put in it before the view settled.
async fn showed_loading(source: Source) -> bool {
    use std::cell::Cell;
    const BUSY: &str = ".tw-status[aria-busy]";
    use std::rc::Rc;
    use wasm_bindgen::prelude::Closure;

    let container = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&container).unwrap();
    let seen = Rc::new(Cell::new(false));
    let flag = seen.clone();
    // The nodes each mutation added, as they were added: the view may replace a status
    // before the observer's callback runs.
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |records: js_sys::Array| {
        for record in records.iter() {
            let added: js_sys::Array =
                js_sys::Array::from(&js_sys::Reflect::get(&record, &"addedNodes".into()).unwrap());
            for node in added.iter() {
                if let Ok(el) = node.dyn_into::<Element>()
                    && (el.matches(BUSY).unwrap_or(false) || query(&el, BUSY).is_some())
                {
                    flag.set(true);
                }
            }
        }
    });
    let window = web_sys::window().unwrap();
    let ctor: js_sys::Function = js_sys::Reflect::get(&window, &"MutationObserver".into())
        .unwrap()
        .unchecked_into();
    let observer =
        js_sys::Reflect::construct(&ctor, &js_sys::Array::of1(callback.as_ref())).unwrap();
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"childList".into(), &true.into()).unwrap();
    js_sys::Reflect::set(&options, &"subtree".into(), &true.into()).unwrap();
    let call = |name: &str, args: &js_sys::Array| {
        let f: js_sys::Function = js_sys::Reflect::get(&observer, &name.into())
            .unwrap()
            .unchecked_into();
        f.apply(&observer, args).unwrap();
    };
    call("observe", &js_sys::Array::of2(&container, &options));
    yew::Renderer::<App>::with_root_and_props(
        container.clone(),
        AppProps {
            source,
            routing: Routing::Local,
            start: None,
            remote: Remote::default(),
            refund: None,
            refund_policy: None,
            label: None,
            locale: None,
        },
    )
    .render();
    let c = container.clone();
    wait_for_showing("the view to settle", Some(&container), || {
        query(&c, "h1.tw-doc-title, .tw-error").map(|_| ())
    })
    .await;
    call("disconnect", &js_sys::Array::new());
    seen.get()
}

#[wasm_bindgen_test]
async fn documents_that_need_no_fetch_open_without_a_loading_frame() {
    // Built in or inline: read before the first render, so the view opens on its
    // document at once.
    assert!(!showed_loading(Source::BuiltIn).await, "built in");
    let inline = bundle(&doc("a", "Alpha", "# A\n\nText."));
    assert!(!showed_loading(Source::Inline(inline)).await, "inline");
    // A bundle URL is fetched first: "Loading…" shows meanwhile (and the observer sees it).
    assert!(
        showed_loading(Source::Url("/no-such-bundle.json".into())).await,
        "URL"
    );
}

#[wasm_bindgen_test]
async fn hostile_markdown_renders_inert() {
    let body = "# Hostile\n\n[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](data:text/html;base64,PHNjcmlwdD4=) [d](vbscript:msgbox) [e](java&#x09;script:alert(1))\n\n<script>window.__pwned = 1</script>\n\nInline <img src=x onerror=\"window.__pwned=1\"> and &lt;b&gt;entity&lt;/b&gt; and [ok](https://example.org/) and [mail](mailto:a@example.org).\n\n![tracker](https://example.org/pixel.png)";
    let (root, _) = mount(Source::Inline(bundle(&doc("h", "Hostile", body))), None).await;
    let r = root.clone();
    until("the title \"Hostile\"", || title(&r) == "Hostile").await;
    assert!(query(&root, "script").is_none(), "no script element");
    assert!(query(&root, "img").is_none(), "no img element");
    for a in query_all(&root, "a[href]") {
        let href = a.get_attribute("href").unwrap().to_ascii_lowercase();
        assert!(
            href.starts_with("https:") || href.starts_with("mailto:") || href.starts_with('#'),
            "unexpected live link {href}"
        );
    }
    let blocked = query_all(&root, ".tw-blocked-link");
    assert_eq!(blocked.len(), 5, "all five dangerous links are plain text");
    let text = query(&root, ".tw-md").unwrap().text_content().unwrap();
    assert!(text.contains("<script>window.__pwned = 1</script>"));
    assert!(text.contains("<b>entity</b>"));
    assert!(text.contains("[Image: tracker]"));
    let ext = query(&root, "a[href='https://example.org/']").unwrap();
    assert_eq!(
        ext.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__pwned".into()).unwrap();
    assert!(pwned.is_undefined());
}

#[wasm_bindgen_test]
async fn malformed_bundle_lists_problems_and_shows_the_rest() {
    let bad = r#"{"id":"bad","title":"Bad","versions":[{"version":"1","effective":"2023-02-29","summary":"s","material":true,"body":"x"}]}"#;
    let text = bundle(&format!("{},{bad}", doc("good", "Good", "Fine.")));
    let (root, _) = mount(Source::Inline(text), None).await;
    let r = root.clone();
    until("the title \"Good\"", || title(&r) == "Good").await;
    let problems = wait_for_element(&root, "details.tw-problems").await;
    let words = problems.text_content().unwrap();
    assert!(words.contains("Document bad, version 1"), "{words}");
    assert!(
        words.contains("\"2023-02-29\" does not exist in the calendar"),
        "{words}"
    );
    assert_eq!(query_all(&root, "nav.tw-docs a").len(), 1);

    let (root, _) = mount(Source::Inline("{ not json".into()), None).await;
    let words = wait_for_element(&root, "details.tw-problems")
        .await
        .text_content()
        .unwrap();
    assert!(words.contains("not valid JSON"), "{words}");
    assert!(
        query(&root, ".tw-status").is_some(),
        "says there is nothing to show"
    );
}

#[wasm_bindgen_test]
async fn a_missing_bundle_url_shows_an_error() {
    let (root, _) = mount(Source::Url("/no-such-bundle.json".into()), None).await;
    let error = wait_for_element(&root, ".tw-error").await;
    assert!(error.text_content().unwrap().contains("HTTP 404"));
}

#[wasm_bindgen_test]
async fn cross_document_links_and_the_remote_navigate_locally() {
    let a = doc(
        "a",
        "Alpha",
        "## Start\n\nSee [the beta rules](#b/rules) and [top](#start).",
    );
    let b = doc("b", "Beta", "## Intro\n\nHi.\n\n## Rules\n\nBe nice.");
    let (root, remote) = mount(Source::Inline(bundle(&format!("{a},{b}"))), None).await;
    wait_for_element(&root, ".tw-md a[href='#b/rules']").await;
    let hash_before = web_sys::window().unwrap().location().hash().unwrap();
    query(&root, ".tw-md a[href='#b/rules']")
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    let r = root.clone();
    until("the title \"Beta\"", || title(&r) == "Beta").await;
    assert_eq!(
        web_sys::window().unwrap().location().hash().unwrap(),
        hash_before,
        "a local widget leaves the page URL alone"
    );
    remote.follow("a");
    until("the title \"Alpha\"", || title(&r) == "Alpha").await;
    remote.follow("nowhere-doc");
    until("a notice naming \"nowhere-doc\"", || {
        text_of(&r, ".tw-notice").contains("\"nowhere-doc\"")
    })
    .await;
}

#[wasm_bindgen_test]
async fn search_highlights_counts_and_steps() {
    let a = doc("a", "Alpha", "Fee one. FEE two.\n\n**fee** three.");
    let b = doc("b", "Beta", "A fee here.");
    let (root, _) = mount(Source::Inline(bundle(&format!("{a},{b}"))), None).await;
    let r = root.clone();
    until("the title \"Alpha\"", || title(&r) == "Alpha").await;
    let input: HtmlInputElement = wait_for_element(&root, "input.tw-search-input")
        .await
        .unchecked_into();
    input.set_value("fee");
    input
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    until("3 highlighted matches", || {
        query_all(&r, "mark.tw-mark").len() == 3
    })
    .await;
    let status = wait_for("the search status to count the matches", || {
        let s = query(&r, ".tw-search-status")?.text_content()?;
        (s.starts_with("1 of 3 matches") && s.contains("Also in")).then_some(s)
    })
    .await;
    assert!(status.contains("Also in: Beta (1)"), "{status}");
    let key = |k: &str, shift: bool| {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(k);
        init.set_shift_key(shift);
        init.set_bubbles(true);
        let e =
            web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        input.dispatch_event(&e).unwrap();
    };
    key("Enter", false);
    wait_for_element(&r, "mark.tw-mark-current[data-match='1']").await;
    key("Enter", true);
    key("Enter", true);
    wait_for_element(&r, "mark.tw-mark-current[data-match='2']").await;
    key("Escape", false);
    until("Escape to clear every highlight", || {
        query_all(&r, "mark").is_empty()
    })
    .await;
}

#[wasm_bindgen_test]
async fn custom_elements_are_independent_and_styled_in_their_shadow_roots() {
    terms_widget::embed::register();
    terms_widget::embed::register(); // twice is harmless
    let make = |doc: &str| {
        let el = document().create_element("terms-widget").unwrap();
        el.set_attribute("document", doc).unwrap();
        document().body().unwrap().append_child(&el).unwrap();
        el
    };
    let one = make("refund-policy/guided-projects");
    let two = make("honor-code");
    let shadow = |el: &Element| -> Element {
        el.shadow_root()
            .expect("open shadow root")
            .query_selector(".tw")
            .ok()
            .flatten()
            .expect("rendered")
    };
    let (o, t) = (one.clone(), two.clone());
    let shown = |e: &Element| -> String {
        e.shadow_root()
            .and_then(|s| s.query_selector("h1.tw-doc-title").ok().flatten())
            .and_then(|h| h.text_content())
            .unwrap_or_default()
    };
    until("both widgets to show their documents' titles", || {
        shown(&o) == "Refund Policy" && shown(&t) == "Honor Code"
    })
    .await;
    let sheets =
        js_sys::Reflect::get(&one.shadow_root().unwrap(), &"adoptedStyleSheets".into()).unwrap();
    assert_eq!(sheets.unchecked_into::<js_sys::Array>().length(), 1);
    // Styles apply inside the shadow root (the header bar has its flex layout).
    let bar = query(&shadow(&one), ".tw-bar").unwrap();
    let style = web_sys::window()
        .unwrap()
        .get_computed_style(&bar)
        .unwrap()
        .unwrap();
    assert_eq!(style.get_property_value("display").unwrap(), "flex");
    // Changing the attribute navigates that widget only.
    two.set_attribute("document", "privacy-policy").unwrap();
    let t = two.clone();
    until("the second widget to show the Privacy Policy", || {
        title(&shadow(&t)) == "Privacy Policy"
    })
    .await;
    assert_eq!(title(&shadow(&one)), "Refund Policy");
    // Removing an element unmounts it.
    two.remove();
    let t = two.clone();
    until("the removed widget to unmount", || {
        t.shadow_root().unwrap().child_element_count() == 0
    })
    .await;
    one.remove();
}

#[wasm_bindgen_test]
async fn the_changes_view_shows_what_a_version_changed() {
    let (root, remote) = mount(Source::BuiltIn, Some("terms-of-use/~changes")).await;
    let r = root.clone();
    until("the changes heading for version 3", || {
        text_of(&r, ".tw-changes h2") == "What changed in version 3 since version 2"
    })
    .await;
    assert!(!query_all(&root, ".tw-changes ins.tw-ins").is_empty());
    assert!(
        query(&root, ".tw-md").is_none(),
        "the full text is not shown"
    );
    // Each later version links to its changes; the first one cannot.
    let links: Vec<String> = query_all(&root, ".tw-history a")
        .iter()
        .filter_map(|a| a.get_attribute("href"))
        .filter(|h| h.ends_with("/~changes"))
        .collect();
    assert_eq!(
        links,
        ["#terms-of-use/~changes", "#terms-of-use@2/~changes"]
    );
    remote.follow("terms-of-use@1/~changes");
    until("a notice that version 1 is the first version", || {
        text_of(&r, ".tw-notice").contains("first version")
    })
    .await;
    assert!(
        query(&root, ".tw-md").is_some(),
        "falls back to the text of version 1"
    );
}

#[wasm_bindgen_test]
async fn a_phrase_is_found_across_inline_formatting_and_counts_once() {
    let a = doc(
        "a",
        "Alpha",
        "You may request a **full refund** within [14 days](#x).\n\nA full\n\nrefund apart.",
    );
    let (root, _) = mount(Source::Inline(bundle(&a)), None).await;
    let r = root.clone();
    until("the title \"Alpha\"", || title(&r) == "Alpha").await;
    let input: HtmlInputElement = wait_for_element(&root, "input.tw-search-input")
        .await
        .unchecked_into();
    input.set_value("request a full refund within 14");
    input
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    // One match in four pieces (text, strong, text, link), each highlighted as current.
    until("the pieces of the match highlighted", || {
        query_all(&r, "mark.tw-mark-current[data-match='0']").len() >= 4
    })
    .await;
    let pieces: String = query_all(&r, "mark[data-match='0']")
        .iter()
        .map(|m| m.text_content().unwrap())
        .collect();
    assert_eq!(pieces, "request a full refund within 14");
    assert!(query(&r, "mark[data-match='1']").is_none(), "one match");
    let status = wait_for("the search status", || {
        query(&r, ".tw-search-status")?.text_content()
    })
    .await;
    assert!(status.starts_with("1 of 1"), "{status}");
    // Never across two paragraphs.
    input.set_value("a full refund");
    input
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    until("one match of \"a full refund\"", || {
        let first: String = query_all(&r, "mark[data-match='0']")
            .iter()
            .map(|m| m.text_content().unwrap())
            .collect();
        first == "a full refund" && query(&r, "mark[data-match='1']").is_none()
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_spanish_reader_gets_the_spanish_interface_and_documents_where_they_exist() {
    let (root, _) = mount_in(Source::BuiltIn, Some("honor-code"), Some("es-MX")).await;
    let r = root.clone();
    until("the Spanish Honor Code", || title(&r) == "Código de honor").await;
    let search = query(&r, "input[type=search]").expect("the search box");
    assert_eq!(
        search.get_attribute("aria-label").as_deref(),
        Some("Buscar en los documentos")
    );
    let body = query(&r, ".tw-md").expect("the body");
    assert_eq!(body.get_attribute("lang").as_deref(), Some("es"));
    assert!(query(&r, ".tw-lang-note").is_none(), "no fallback note");
    // Dates through Intl in the locale: "15 de enero de 2026".
    let meta = query(&r, ".tw-meta")
        .and_then(|m| m.text_content())
        .unwrap_or_default();
    assert!(meta.contains("15 de enero de 2026"), "{meta}");
}

#[wasm_bindgen_test]
async fn a_document_without_a_translation_is_shown_in_its_language_and_says_so() {
    let (root, _) = mount_in(Source::BuiltIn, Some("terms-of-use"), Some("es")).await;
    let r = root.clone();
    until("the Terms of Use", || title(&r) == "Terms of Use").await;
    let note = wait_for("the fallback note", || {
        query(&r, ".tw-lang-note")?.text_content()
    })
    .await;
    assert!(note.contains("no está disponible en español"), "{note}");
    let body = query(&r, ".tw-md").expect("the body");
    assert_eq!(body.get_attribute("lang").as_deref(), Some("en"));
}

#[wasm_bindgen_test]
fn the_learners_candidates_come_from_the_element_then_above_it_then_the_browser() {
    use terms_widget::platform::language::{candidates, locale_for};
    let outer = document().create_element("section").unwrap();
    outer.set_attribute("lang", "ar-EG").unwrap();
    let host = document().create_element("terms-widget").unwrap();
    outer.append_child(&host).unwrap();
    document().body().unwrap().append_child(&outer).unwrap();
    let found = candidates(&host);
    assert_eq!(
        found.first().map(String::as_str),
        Some("ar-EG"),
        "{found:?}"
    );
    assert_eq!(locale_for(&host), "ar-EG");
    host.set_attribute("lang", "es-MX").unwrap();
    let found = candidates(&host);
    assert_eq!(&found[..2], ["es-MX", "ar-EG"], "{found:?}");
    // An empty lang is "unknown": skipped. The browser's languages come last.
    host.set_attribute("lang", "").unwrap();
    outer.set_attribute("lang", "").unwrap();
    let found = candidates(&host);
    assert!(!found.iter().any(String::is_empty), "{found:?}");
    let navigator = js_sys::Reflect::get(&web_sys::window().unwrap(), &"navigator".into()).unwrap();
    let languages = js_sys::Reflect::get(&navigator, &"languages".into()).unwrap();
    let first = js_sys::Array::from(&languages).get(0).as_string();
    // The page's own <html lang> may come first; the browser's first language is there.
    assert!(
        first.is_none() || found.contains(&first.unwrap()),
        "{found:?}"
    );
    outer.remove();
}
