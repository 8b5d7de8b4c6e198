//! What the sign-up and the course prompt share: loading the documents, the set-up and
//! the stored history; who the learner is; recording a batch; reading a document in
//! place; the history in words with its receipt.

use std::rc::Rc;

use yew::prelude::*;

use super::super::app::load_bundle;
use super::super::policy_frame::PolicyFrame;
use super::super::state::Source;
use super::super::use_catalog;
use crate::catalog::{Catalog, Msg};
use crate::domain::acceptance::record::is_valid_subject;
use crate::domain::acceptance::{
    AcceptanceHistory, AcceptanceRecord, AcceptanceSetup, Context, receipt,
};
use crate::domain::documents::bundle::Loaded;
use crate::domain::records::id::RecordId;
use crate::domain::time::format_instant;
use crate::platform::acceptance_host;
use crate::platform::acceptance_store::{AcceptanceStore, StoreNotice, local_subject};
use crate::platform::{self, signals};

/// The documents, the set-up and the stored history, once read.
#[derive(Debug, Clone, PartialEq)]
pub struct Ready {
    /// The bundle.
    pub loaded: Rc<Loaded>,
    /// Who accepts what.
    pub setup: Rc<AcceptanceSetup>,
    /// The stored history (merged with other tabs as they write).
    pub history: Rc<AcceptanceHistory>,
    /// The interface language the documents were chosen for, which records carry.
    pub lang: &'static str,
}

thread_local! {
    /// The documents the page's acceptance elements loaded last (for
    /// `TermsWidget.pendingAcceptances`).
    static DOCUMENTS: std::cell::RefCell<Option<Rc<Loaded>>> = const { std::cell::RefCell::new(None) };
}

/// The documents the page's acceptance elements loaded last, else the built-in ones.
pub fn documents() -> Rc<Loaded> {
    DOCUMENTS.with(|d| {
        d.borrow_mut()
            .get_or_insert_with(|| {
                Rc::new(crate::domain::documents::bundle::load_json(
                    crate::DEFAULT_BUNDLE,
                ))
            })
            .clone()
    })
}

/// Loads the bundle of `source` and the stored history; `done` gets them with the
/// store's notice, `failed` a message. The documents are those a reader of `lang` is
/// shown ([`Bundle::for_language`](crate::domain::documents::bundle::Bundle::for_language)),
/// so records bind to the text shown.
pub fn load(
    source: Source,
    lang: &'static str,
    done: impl FnOnce(Ready, Option<StoreNotice>) + 'static,
    failed: impl FnOnce(String) + 'static,
) {
    load_bundle(
        source,
        (
            crate::DEFAULT_BUNDLE,
            crate::domain::documents::bundle::load_built_in,
        ),
        crate::domain::documents::bundle::load_json,
        move |loaded| {
            DOCUMENTS.with(|d| d.replace(Some(loaded.clone())));
            let loaded = Rc::new(Loaded {
                bundle: loaded.bundle.for_language(lang),
                problems: loaded.problems.clone(),
            });
            let setup = loaded.bundle.acceptance_setup();
            let stored = AcceptanceStore::new().load();
            done(
                Ready {
                    loaded,
                    setup: Rc::new(setup),
                    history: Rc::new(stored.history),
                    lang,
                },
                stored.notice,
            );
        },
        failed,
    );
}

/// Listens for other tabs' records; `on_change` gets the merge with `mine`.
pub fn watch_other_tabs(
    mine: Rc<AcceptanceHistory>,
    on_change: impl Fn(AcceptanceHistory) + 'static,
) -> Option<platform::Listener> {
    let current = std::cell::RefCell::new((*mine).clone());
    AcceptanceStore::new().watch(move |theirs| {
        let merged = AcceptanceHistory::merge(&current.borrow(), &theirs);
        *current.borrow_mut() = merged.clone();
        on_change(merged);
    })
}

/// The host's learner id (`subject` attribute) when usable, else this browser's local
/// pseudonymous id.
pub fn subject_of(host: &web_sys::HtmlElement) -> String {
    host.get_attribute("subject")
        .map(|s| s.trim().to_string())
        .filter(|s| is_valid_subject(s))
        .unwrap_or_else(local_subject)
}

/// A new batch id.
pub fn new_batch() -> RecordId {
    signals::random_record_id()
}

/// Context fields the host decides. The language recorded is the one the learner was
/// shown (contract: "the UI language"): `ready.lang`, e.g. `es` for a page in `es-MX`.
pub fn context(
    host: &web_sys::HtmlElement,
    ready: &Ready,
    batch: RecordId,
    scope: crate::domain::acceptance::Scope,
    method: crate::domain::acceptance::Method,
    age: Option<crate::domain::acceptance::AgeAttestation>,
) -> Context {
    Context {
        batch,
        now: platform::localtime::now(),
        scope,
        method,
        age,
        subject: subject_of(host),
        language: ready.lang.to_owned(),
    }
}

/// Stores a batch already appended to `history` (merged with what other tabs stored),
/// fires `terms-acceptance` for each record and, with a `records-endpoint`, queues the
/// batch for delivery. Returns the merged history and the notice
/// to show when storage failed.
pub fn store_and_announce(
    history: AcceptanceHistory,
    batch: &[AcceptanceRecord],
    host: &web_sys::HtmlElement,
) -> (AcceptanceHistory, Option<StoreNotice>) {
    let (history, notice) = match AcceptanceStore::new().save(&history) {
        Ok(merged) => (merged, None),
        Err(notice) => (history, Some(notice)),
    };
    acceptance_host::dispatch_acceptance(host, batch);
    if let Some(endpoint) = records_endpoint(host) {
        crate::platform::delivery::deliver_acceptances(&endpoint, batch);
    }
    (history, notice)
}

/// The host's `records-endpoint`, if it set one: every new record is also POSTed there
/// (see [`crate::platform::delivery`]).
pub fn records_endpoint(host: &web_sys::HtmlElement) -> Option<String> {
    host.get_attribute("records-endpoint")
        .filter(|e| !e.trim().is_empty())
}

/// Offers this learner's receipt as a JSON download.
pub fn download_receipt(cat: &Catalog, ready: &Ready, subject: &str) {
    let value = receipt::receipt(cat, &ready.history, &ready.loaded.bundle, subject);
    let text = serde_json::to_string_pretty(&value).unwrap_or_default();
    let when = ready
        .history
        .latest()
        .map(|r| format_instant(r.at).replace(':', "-"))
        .unwrap_or_default();
    platform::download_text(
        &format!("acceptance-receipt-{when}.json"),
        "application/json",
        &text,
    );
}

/// Focuses the first element matching `selector` in `host`'s shadow root once the
/// current render is on screen (after a step or a panel changed).
pub fn focus_later(host: &web_sys::HtmlElement, selector: String) {
    let host = host.clone();
    gloo_timers::callback::Timeout::new(0, move || {
        use wasm_bindgen::JsCast;
        let target = host
            .shadow_root()
            .and_then(|r| r.query_selector(&selector).ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(target) = target {
            let _ = target.focus();
        }
    })
    .forget();
}

/// Props of [`Reading`].
#[derive(Properties, PartialEq, Clone)]
pub struct ReadingProps {
    /// Where the element's documents come from.
    pub source: Source,
    /// What to open: `honor-code@2`, `honor-code@2/~changes`…
    pub fragment: AttrValue,
    /// The title, the panel's accessible name.
    pub title: AttrValue,
    /// The back button's words.
    pub back_label: AttrValue,
    /// Back to where the learner was.
    pub on_back: Callback<()>,
}

/// A document read in place: a nested documents view, with a way back.
#[component]
pub fn Reading(props: &ReadingProps) -> Html {
    let back = use_node_ref();
    {
        let back = back.clone();
        use_effect_with(props.fragment.clone(), move |_| {
            if let Some(b) = back.cast::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
        });
    }
    let on_back = props.on_back.reform(|_: MouseEvent| ());
    html! {
        <section class="tw-accept-reading" aria-label={props.title.clone()} part="reading">
            <button type="button" class="tw-accept-secondary tw-accept-back" ref={back} onclick={on_back}>
                { props.back_label.clone() }
            </button>
            <PolicyFrame source={props.source.clone()} document={props.fragment.clone()}
                loading={Msg::DocumentLoading} failed={Msg::DocumentLoadFailed} />
        </section>
    }
}

/// Props of [`HistoryBox`].
#[derive(Properties, PartialEq, Clone)]
pub struct HistoryBoxProps {
    /// The documents and the history.
    pub ready: Ready,
    /// Whose receipt.
    pub subject: AttrValue,
}

/// The history in words and the receipt download, folded.
#[component]
pub fn HistoryBox(props: &HistoryBoxProps) -> Html {
    let cat = use_catalog();
    let lines = receipt::describe(&cat, &props.ready.history, &props.ready.loaded.bundle);
    let download = {
        let (cat, ready, subject) = (cat.clone(), props.ready.clone(), props.subject.clone());
        Callback::from(move |_: MouseEvent| download_receipt(&cat, &ready, &subject))
    };
    let has = !props.ready.history.records.is_empty();
    html! {
        <details class="tw-accept-history" part="history">
            <summary>{ cat.text(Msg::YourHistory) }</summary>
            <ul>{ for lines.into_iter().map(|l| html! { <li>{ l }</li> }) }</ul>
            if has {
                <button type="button" class="tw-accept-secondary" onclick={download}>
                    { cat.text(Msg::DownloadReceipt) }
                </button>
            }
        </details>
    }
}

/// The store's notice, worded.
pub fn notice_html(cat: &Catalog, notice: Option<StoreNotice>) -> Html {
    match notice {
        Some(n) => {
            html! { <p class="tw-accept-notice" role="status" part="notice">{ cat.text(n.msg()) }</p> }
        }
        None => html! {},
    }
}
