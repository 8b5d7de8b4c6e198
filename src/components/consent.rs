//! The consent UI: the first-visit banner, the *Privacy choices* dialog and the button
//! that opens it.
//!
//! * [`ConsentBanner`]: a region fixed to the bottom of the viewport, not modal, with
//!   "Reject all" and "Accept all" equal in size and weight, "Choose…" and "Not now".
//! * [`Preferences`]: a native modal `<dialog>`, one radio group per optional category
//!   (nothing pre-ticked), "Always on" for required ones, the history in words and the
//!   receipt download.
//! * [`PrivacyChoicesButton`]: the persistent way back to the dialog.
//!
//! The components are controlled and presentational: the caller owns the draft, whether
//! the dialog is open, and storage (see [`crate::domain::consent`]); these render and
//! report through `Callback`s. Their words come from the catalog in context
//! ([`super::use_catalog`]). Styles: `styles/consent.css` (`tw-consent-…` classes,
//! colours from the widget's custom properties, no inline styles).

use std::cell::Cell;
use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use yew::prelude::*;

use super::use_catalog;
use crate::catalog::{Catalog, Msg};
use crate::domain::consent::{Category, CategorySet, Choice, Reason, Signals};

/// One category's answer in the draft: None = not answered yet (never pre-ticked).
pub type Draft = Rc<Vec<(String, Option<Choice>)>>;

/// Ids of banners and dialogs mounted so far, so two on one page never share element ids.
static NEXT_ID: AtomicU32 = AtomicU32::new(1);

/// A fresh id prefix, kept for the component's lifetime.
#[hook]
fn use_base_id(kind: &'static str) -> Rc<String> {
    use_memo((), move |_| {
        format!(
            "tw-consent-{kind}-{}",
            NEXT_ID.fetch_add(1, Ordering::Relaxed)
        )
    })
}

// ---------------------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------------------

/// The category's title, or its id when the set no longer has it.
fn title_of(categories: &CategorySet, id: &str) -> String {
    categories
        .get(id)
        .map_or_else(|| id.to_string(), |c| c.title.clone())
}

/// The signal's name, for the sentences that say it was honoured: Global Privacy Control
/// when it is on, Do Not Track when only that is.
fn signal_name(cat: &Catalog, signals: Signals) -> Option<String> {
    if signals.gpc {
        Some(cat.text(Msg::SignalGpc))
    } else if signals.dnt {
        Some(cat.text(Msg::SignalDnt))
    } else {
        None
    }
}

/// The sentence that says a browser signal switched the optional kinds off; `place` says
/// where to turn them on ([`Msg::SignalPlaceBanner`], [`Msg::SignalPlaceDialog`]).
fn signal_sentence(cat: &Catalog, signals: Signals, place: &str) -> String {
    match signal_name(cat, signals) {
        Some(name) => cat.with(Msg::SignalNamed, &[("name", &name), ("place", place)]),
        None => cat.with(Msg::SignalUnnamed, &[("place", place)]),
    }
}

/// Why the learner is asked again, in plain words, e.g. "Our Privacy Policy changed
/// (version 2 → 3)" or "There is a new kind of processing to decide on: Approximate
/// location". Category ids are shown by their titles.
pub fn reason_in_words(cat: &Catalog, reason: &Reason, categories: &CategorySet) -> String {
    match reason {
        Reason::PolicyChangedMaterially { from, to } => {
            cat.with(Msg::ReasonPolicyChanged, &[("from", from), ("to", to)])
        }
        Reason::PolicyTextChanged { version } => {
            cat.with(Msg::ReasonPolicyText, &[("version", version)])
        }
        Reason::PolicyVersionUnknown { version } => {
            cat.with(Msg::ReasonPolicyUnknown, &[("version", version)])
        }
        Reason::DifferentDocument { from, to } => {
            cat.with(Msg::ReasonDifferentDocument, &[("from", from), ("to", to)])
        }
        Reason::NewCategories(ids) => {
            let titles: Vec<String> = ids.iter().map(|id| title_of(categories, id)).collect();
            cat.count(
                Msg::ReasonNewCategories,
                titles.len() as u64,
                &[("titles", &cat.list(&titles))],
            )
        }
    }
}

/// The answer for `id` in the draft (`None` when unanswered or absent).
fn draft_choice(draft: &[(String, Option<Choice>)], id: &str) -> Option<Choice> {
    draft
        .iter()
        .find(|(category, _)| category == id)
        .and_then(|(_, choice)| *choice)
}

/// "Read our Privacy Policy", and under which policy the choice is recorded.
fn policy_line(cat: &Catalog, on_open_policy: &Callback<()>, policy_label: &AttrValue) -> Html {
    html! {
        <p class="tw-consent-policy-line">
            <button type="button" class="tw-consent-link"
                onclick={on_open_policy.reform(|_: MouseEvent| ())}>
                { cat.text(Msg::ReadPrivacyPolicy) }
            </button>
            if !policy_label.is_empty() {
                {" "}
                <span class="tw-consent-policy-label">
                    { cat.with(Msg::RecordedWith, &[("policy", policy_label)]) }
                </span>
            }
        </p>
    }
}

/// The optional notice (session-only storage, a set-aside record, …).
fn notice_view(notice: &Option<AttrValue>) -> Html {
    match notice {
        Some(text) if !text.is_empty() => html! {
            <p class="tw-consent-notice" role="status">{ text.clone() }</p>
        },
        _ => html! {},
    }
}

// ---------------------------------------------------------------------------------------
// The banner
// ---------------------------------------------------------------------------------------

/// Props of [`ConsentBanner`].
#[derive(Properties, PartialEq, Clone)]
pub struct ConsentBannerProps {
    /// The consent categories, in display order.
    pub categories: Rc<CategorySet>,
    /// Why we ask again (empty on a first visit): shown in words ("Our Privacy Policy
    /// changed (version 2 → 3)", "There is a new kind of processing to decide on:
    /// Approximate location").
    pub reasons: Rc<Vec<Reason>>,
    /// The browser sent Global Privacy Control / Do Not Track.
    pub signals: Signals,
    /// The optional categories were defaulted to off because of that signal.
    pub signal_applied: bool,
    /// e.g. "Your choices apply to this visit only: …" (storage unavailable) or the
    /// set-aside notice.
    pub notice: Option<AttrValue>,
    /// e.g. "Privacy Policy, version 3".
    pub policy_label: AttrValue,
    /// "Accept all".
    pub on_accept_all: Callback<()>,
    /// "Reject all".
    pub on_reject_all: Callback<()>,
    /// "Choose…": open the Privacy choices dialog.
    pub on_customize: Callback<()>,
    /// "Read our Privacy Policy".
    pub on_open_policy: Callback<()>,
    /// Closed without a choice: nothing is stored and the banner comes back next time.
    pub on_dismiss: Callback<()>,
}

/// The first-visit banner: a region (not modal) fixed to the bottom of the viewport that
/// says what the optional processing is for, with "Reject all" and "Accept all" equal in
/// size and weight, "Choose…", "Read our Privacy Policy" and "Not now" (also Escape).
#[component]
pub fn ConsentBanner(props: &ConsentBannerProps) -> Html {
    let cat = use_catalog();
    let cat = &*cat;
    let optional: Vec<String> = props
        .categories
        .optional()
        .map(|c| c.title.clone())
        .collect();
    let has_required = props.categories.required().next().is_some();
    let onkeydown = {
        let dismiss = props.on_dismiss.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                dismiss.emit(());
            }
        })
    };
    let ask = if optional.is_empty() {
        cat.text(Msg::NothingOptional)
    } else {
        cat.count(
            Msg::OptionalAsk,
            optional.len() as u64,
            &[("list", &cat.list(&optional))],
        )
    };
    html! {
        <section role="region" aria-label={cat.text(Msg::PrivacyChoices)} class="tw-consent-banner" part="consent-banner"
            {onkeydown}>
            <div class="tw-consent-banner-inner">
                <div class="tw-consent-banner-head">
                    <h2 class="tw-consent-banner-title">{ cat.text(Msg::YourPrivacyChoices) }</h2>
                    <button type="button" class="tw-consent-dismiss"
                        aria-label={cat.text(Msg::NotNowLabel)}
                        title={cat.text(Msg::NotNowTitle)}
                        onclick={props.on_dismiss.reform(|_: MouseEvent| ())}>
                        { cat.text(Msg::NotNow) }
                    </button>
                </div>
                <div class="tw-consent-banner-body">
                    // What matters most comes first: on a small screen the body scrolls.
                    if props.signal_applied {
                        <p class="tw-consent-signal">{ signal_sentence(cat, props.signals, &cat.text(Msg::SignalPlaceBanner)) }</p>
                    }
                    { notice_view(&props.notice) }
                    if !props.reasons.is_empty() {
                        <div class="tw-consent-reasons-box">
                            <p class="tw-consent-reasons-intro">{ cat.text(Msg::AskingAgain) }</p>
                            <ul class="tw-consent-reasons">
                                { for props.reasons.iter().map(|r| html! {
                                    <li>{ reason_in_words(cat, r, &props.categories) }</li>
                                }) }
                            </ul>
                        </div>
                    }
                    <p class="tw-consent-text">
                        if has_required {
                            { cat.text(Msg::NecessaryAlwaysOn) }
                        }
                        { ask }
                    </p>
                    { policy_line(cat, &props.on_open_policy, &props.policy_label) }
                </div>
                <div class="tw-consent-actions">
                    { reject_and_accept(cat, &props.on_reject_all, &props.on_accept_all) }
                    <button type="button" class="tw-consent-secondary" data-action="customize"
                        aria-haspopup="dialog"
                        onclick={props.on_customize.reform(|_: MouseEvent| ())}>
                        { cat.text(Msg::Choose) }
                    </button>
                </div>
            </div>
        </section>
    }
}

/// "Reject all" then "Accept all": one class, one size, one weight, in the banner and
/// in the dialog alike, so refusing is never harder to find than accepting.
fn reject_and_accept(cat: &Catalog, on_reject: &Callback<()>, on_accept: &Callback<()>) -> Html {
    html! {
        <>
            <button type="button" class="tw-consent-primary" part="button primary" data-action="reject-all"
                onclick={on_reject.reform(|_: MouseEvent| ())}>
                { cat.text(Msg::RejectAll) }
            </button>
            <button type="button" class="tw-consent-primary" part="button primary" data-action="accept-all"
                onclick={on_accept.reform(|_: MouseEvent| ())}>
                { cat.text(Msg::AcceptAll) }
            </button>
        </>
    }
}

// ---------------------------------------------------------------------------------------
// The Privacy choices dialog
// ---------------------------------------------------------------------------------------

/// Props of [`Preferences`].
#[derive(Properties, PartialEq, Clone)]
pub struct PreferencesProps {
    /// The consent categories, in display order.
    pub categories: Rc<CategorySet>,
    /// The answers so far, one per category (missing or `None`: not answered yet).
    pub draft: Draft,
    /// The browser's privacy signals.
    pub signals: Signals,
    /// Some optional categories were defaulted to off because of a signal.
    pub signal_applied: bool,
    /// e.g. "Your choices apply to this visit only: …" (storage unavailable).
    pub notice: Option<AttrValue>,
    /// e.g. "Privacy Policy, version 3".
    pub policy_label: AttrValue,
    /// The history in words (consent::describe), oldest first.
    pub history: Rc<Vec<String>>,
    /// A category's answer changed in the draft.
    pub on_set: Callback<(String, Choice)>,
    /// Save the draft (enabled only when every optional category is answered).
    pub on_save: Callback<()>,
    /// "Accept all".
    pub on_accept_all: Callback<()>,
    /// "Reject all" — also the withdrawal: as easy as giving.
    pub on_reject_all: Callback<()>,
    /// Close without saving (the close button, or Escape).
    pub on_close: Callback<()>,
    /// "Read our Privacy Policy".
    pub on_open_policy: Callback<()>,
    /// Download the receipt JSON (the caller does the download).
    pub on_download_receipt: Callback<()>,
    /// Whether there is any record yet (no receipt to download before).
    pub has_record: bool,
    /// Ids of the categories whose draft value came from the browser's signal
    /// ([`crate::domain::consent::ProposedChoice::from_signal`]); marked while
    /// `signal_applied` and still refused.
    #[prop_or_default]
    pub from_signal: Rc<Vec<String>>,
}

/// One category in the dialog: title, purposes, storage keys, and either "Always on"
/// (required) or an Allow / Don't allow radio group (optional).
fn category_view(
    cat: &Catalog,
    base: &str,
    category: &Category,
    choice: Option<Choice>,
    signal_note: Option<String>,
    on_set: &Callback<(String, Choice)>,
) -> Html {
    let purposes = html! {
        <ul class="tw-consent-purposes">
            { for category.purposes.iter().map(|p| html! { <li dir="auto">{ p.clone() }</li> }) }
        </ul>
    };
    let storage = if category.storage.is_empty() {
        html! { <p class="tw-consent-storage">{ cat.text(Msg::StoresNothing) }</p> }
    } else {
        html! {
            <p class="tw-consent-storage">
                { cat.count(Msg::StorageKeys, category.storage.len() as u64, &[]) }
                { for category.storage.iter().enumerate().map(|(i, key)| html! {
                    <>
                        { if i > 0 { cat.text(Msg::ListSeparator) } else { String::new() } }
                        <code>{ key.clone() }</code>
                    </>
                }) }
            </p>
        }
    };
    let slug = format!("{base}-{}", category.id);
    if category.required {
        let title_id = format!("{slug}-title");
        return html! {
            <li class="tw-consent-category tw-consent-required" data-category={category.id.clone()}>
                <section aria-labelledby={title_id.clone()}>
                    <div class="tw-consent-category-head">
                        <h3 id={title_id} class="tw-consent-category-title">{ category.title.clone() }</h3>
                        <span class="tw-consent-always">{ cat.text(Msg::AlwaysOn) }</span>
                    </div>
                    { purposes }
                    { storage }
                    <p class="tw-consent-always-note">{ cat.text(Msg::AlwaysOnNote) }</p>
                </section>
            </li>
        };
    }
    let radio = |value: Choice, label: String| {
        let radio_id = format!("{slug}-{}", value.as_str());
        let onchange = {
            let on_set = on_set.clone();
            let id = category.id.clone();
            Callback::from(move |_: Event| on_set.emit((id.clone(), value)))
        };
        html! {
            <div class="tw-consent-option">
                <input type="radio" id={radio_id.clone()} name={slug.clone()}
                    value={value.as_str()} checked={choice == Some(value)} {onchange} />
                <label for={radio_id}>{ label }</label>
            </div>
        }
    };
    let status_id = format!("{slug}-status");
    html! {
        <li class={classes!("tw-consent-category", choice.is_none().then_some("tw-consent-pending"))}
            data-category={category.id.clone()}>
            <fieldset class="tw-consent-fieldset" aria-describedby={choice.is_none().then(|| status_id.clone())}>
                <legend class="tw-consent-category-title">{ category.title.clone() }</legend>
                { purposes }
                { storage }
                <div class="tw-consent-options">
                    { radio(Choice::Granted, cat.text(Msg::Allow)) }
                    { radio(Choice::Denied, cat.text(Msg::DontAllow)) }
                </div>
                if choice.is_none() {
                    <p id={status_id} class="tw-consent-unanswered">{ cat.text(Msg::NotAnswered) }</p>
                }
                if let Some(note) = signal_note {
                    <p class="tw-consent-from-signal">{ note }</p>
                }
            </fieldset>
        </li>
    }
}

/// The *Privacy choices* dialog: a native modal `<dialog>`, opened with `showModal()`
/// when mounted (mount it only while open) and closed when unmounted. Escape (the
/// dialog's `cancel` event) and the close button call `on_close`; focus starts on the
/// title, and the browser returns it to where it was when the dialog closes.
#[component]
pub fn Preferences(props: &PreferencesProps) -> Html {
    let cat = use_catalog();
    let cat = &*cat;
    let base = use_base_id("prefs");
    let dialog = use_node_ref();
    let title = use_node_ref();
    // Set when we close the dialog ourselves (unmounting), so that `close` is not reported.
    let closing = use_memo((), |_| Rc::new(Cell::new(false)));
    {
        let (dialog, title, closing) = (dialog.clone(), title.clone(), (*closing).clone());
        use_effect_with((), move |_| {
            let element = dialog.cast::<web_sys::HtmlDialogElement>();
            if let Some(d) = &element
                && !d.open()
                && d.show_modal().is_err()
            {
                // Not connected to a document: show it anyway, without the top layer.
                d.set_open(true);
            }
            if let Some(t) = title.cast::<web_sys::HtmlElement>() {
                let _ = t.focus();
            }
            move || {
                closing.set(true);
                if let Some(d) = element
                    && d.open()
                {
                    d.close();
                }
            }
        });
    }
    // Tab and Shift+Tab stay inside the dialog while it is open (a modal dialog alone
    // lets focus leave for the browser's own controls).
    let keep_tab_inside = {
        let dialog = dialog.clone();
        Callback::from(move |e: KeyboardEvent| {
            if let Some(d) = dialog.cast::<web_sys::Element>() {
                crate::platform::focus::keep_tab_inside(&d, &e);
            }
        })
    };
    let oncancel = {
        let close = props.on_close.clone();
        Callback::from(move |e: Event| {
            e.prevent_default();
            close.emit(());
        })
    };
    let onclose = {
        // Closed by the browser rather than by us (e.g. a repeated Escape).
        let close = props.on_close.clone();
        let closing = (*closing).clone();
        Callback::from(move |_: Event| {
            if !closing.get() {
                close.emit(());
            }
        })
    };

    let title_id = format!("{base}-title");
    let history_id = format!("{base}-history");
    let save_hint_id = format!("{base}-save-hint");
    let download_hint_id = format!("{base}-download-hint");
    let complete = props
        .categories
        .optional()
        .all(|c| draft_choice(&props.draft, &c.id).is_some());
    let note_for = |c: &Category, choice: Option<Choice>| {
        (props.signal_applied
            && choice == Some(Choice::Denied)
            && props.from_signal.contains(&c.id))
        .then(|| match signal_name(cat, props.signals) {
            Some(name) => cat.with(Msg::OffBySignalNamed, &[("name", &name)]),
            None => cat.text(Msg::OffBySignal),
        })
    };

    html! {
        <dialog class="tw-consent-dialog" part="consent-dialog" ref={dialog} aria-labelledby={title_id.clone()}
            onkeydown={keep_tab_inside}
            {oncancel} {onclose}>
            <div class="tw-consent-dialog-head">
                <h2 id={title_id} class="tw-consent-title" tabindex="-1" ref={title}>{ cat.text(Msg::PrivacyChoices) }</h2>
                <button type="button" class="tw-consent-close"
                    onclick={props.on_close.reform(|_: MouseEvent| ())}>
                    { cat.text(Msg::Close) }
                </button>
            </div>
            <div class="tw-consent-dialog-body">
                <p class="tw-consent-intro">{ cat.text(Msg::PreferencesIntro) }</p>
                if props.signal_applied {
                    <p class="tw-consent-signal">{ signal_sentence(cat, props.signals, &cat.text(Msg::SignalPlaceDialog)) }</p>
                }
                { notice_view(&props.notice) }
                { policy_line(cat, &props.on_open_policy, &props.policy_label) }
                <ul class="tw-consent-categories">
                    { for props.categories.categories().iter().map(|c| {
                        let choice = draft_choice(&props.draft, &c.id);
                        category_view(cat, &base, c, choice, note_for(c, choice), &props.on_set)
                    }) }
                </ul>
                <section class="tw-consent-history" aria-labelledby={history_id.clone()}>
                    <h3 id={history_id} class="tw-consent-history-title">{ cat.text(Msg::YourHistory) }</h3>
                    if props.history.is_empty() {
                        <p class="tw-consent-empty">{ cat.text(Msg::NothingSaved) }</p>
                    } else {
                        <ol class="tw-consent-history-list">
                            { for props.history.iter().map(|line| html! { <li>{ line.clone() }</li> }) }
                        </ol>
                    }
                    <p class="tw-consent-download">
                        <button type="button" class="tw-consent-secondary" data-action="download-receipt"
                            disabled={!props.has_record}
                            aria-describedby={(!props.has_record).then(|| download_hint_id.clone())}
                            onclick={props.on_download_receipt.reform(|_: MouseEvent| ())}>
                            { cat.text(Msg::DownloadReceipt) }
                        </button>
                        if !props.has_record {
                            {" "}
                            <span id={download_hint_id} class="tw-consent-hint">
                                { cat.text(Msg::ReceiptLater) }
                            </span>
                        }
                    </p>
                </section>
            </div>
            <div class="tw-consent-dialog-foot">
                <div class="tw-consent-actions">
                    { reject_and_accept(cat, &props.on_reject_all, &props.on_accept_all) }
                    <button type="button" class="tw-consent-secondary tw-consent-save" data-action="save"
                        disabled={!complete}
                        aria-describedby={(!complete).then(|| save_hint_id.clone())}
                        onclick={props.on_save.reform(|_: MouseEvent| ())}>
                        { cat.text(Msg::SaveChoices) }
                    </button>
                </div>
                if !complete {
                    <p id={save_hint_id} class="tw-consent-hint tw-consent-save-hint">
                        { cat.text(Msg::SaveHint) }
                    </p>
                }
            </div>
        </dialog>
    }
}

// ---------------------------------------------------------------------------------------
// The button
// ---------------------------------------------------------------------------------------

/// Props of [`PrivacyChoicesButton`].
#[derive(Properties, PartialEq, Clone)]
pub struct PrivacyChoicesButtonProps {
    /// Open the Privacy choices dialog.
    pub on_open: Callback<()>,
    /// The button's text; the catalog's "Privacy choices" when not given.
    #[prop_or_default]
    pub label: Option<AttrValue>,
    /// The locale of a button mounted on its own (`<terms-privacy-choices>`); `None`
    /// uses the catalog above it.
    #[prop_or_default]
    pub locale: Option<AttrValue>,
}

/// The persistent "Privacy choices" button that opens the dialog (to change one's mind
/// or withdraw at any time).
#[component]
pub fn PrivacyChoicesButton(props: &PrivacyChoicesButtonProps) -> Html {
    let above = use_catalog();
    // A button on its own builds its catalog once, not on every render.
    let own = use_memo(props.locale.clone(), |locale| {
        locale
            .as_deref()
            .map(|l| Rc::new(crate::platform::language::catalog_for(l)))
    });
    let cat = (*own).clone().unwrap_or(above);
    let label = props
        .label
        .clone()
        .unwrap_or_else(|| AttrValue::from(cat.text(Msg::PrivacyChoices)));
    html! {
        <button type="button" class="tw-consent-open" aria-haspopup="dialog"
            onclick={props.on_open.reform(|_: MouseEvent| ())}>
            { label }
        </button>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_read_as_plain_words() {
        let cats = CategorySet::default_set();
        let cat = Catalog::en();
        assert_eq!(
            reason_in_words(
                &cat,
                &Reason::PolicyChangedMaterially {
                    from: "2".into(),
                    to: "3".into()
                },
                &cats
            ),
            "Our Privacy Policy changed (version 2 → 3)"
        );
        assert_eq!(
            reason_in_words(&cat, &Reason::NewCategories(vec!["location".into()]), &cats),
            "There is a new kind of processing to decide on: Approximate location"
        );
        assert_eq!(
            reason_in_words(
                &cat,
                &Reason::NewCategories(vec!["location".into(), "surveys".into()]),
                &cats
            ),
            "There are new kinds of processing to decide on: Approximate location and surveys"
        );
    }

    #[test]
    fn the_signal_is_named() {
        let cat = Catalog::en();
        let dnt = Signals {
            gpc: false,
            dnt: true,
        };
        assert!(signal_sentence(&cat, dnt, "in Choose…").contains("(Do Not Track)"));
        let both = Signals {
            gpc: true,
            dnt: true,
        };
        assert_eq!(
            signal_sentence(&cat, both, "in Choose…"),
            "Your browser asked sites not to track you (Global Privacy Control), so the optional kinds are off. You can still turn them on in Choose…"
        );
    }
}
