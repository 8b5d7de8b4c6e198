//! The consent experience as one component: it loads the bundle and the stored history,
//! honours browser signals, shows the banner or the preferences when a choice is due,
//! records every decision as a new record, and tells the host page.
//!
//! State is a `Reducible` ([`ConsentState`]); everything that touches the browser
//! (storage, clock, randomness, the host page) happens in callbacks and effects here, and
//! only its results reach the reducer.
//!
//! The banner and the dialog get their words from the catalog of the bundle (naming its
//! platform), provided here as a context.

use std::rc::Rc;

use yew::prelude::*;

use super::Source;
use super::app::load_bundle;
use super::consent::{ConsentBanner, Draft, Preferences};
use super::policy_frame::PolicyFrame;
use crate::catalog::{Catalog, Lang, Msg};
use crate::domain::consent::config::ConsentConfig;
use crate::domain::consent::{
    self, Choice, ConsentHistory, ConsentRecord, ConsentStatus, Context, Method, PolicyVersion,
    Reason, Signals, Standing,
};
use crate::domain::documents::bundle::Loaded;
use crate::domain::time::format_instant;
use crate::platform::consent_host;
use crate::platform::consent_store::{ConsentStore, StoreNotice};
use crate::platform::{self, delivery, localtime, signals};

/// The window event that opens the preferences of every `<terms-consent>` on the page
/// (`TermsWidget.openPreferences()` and `<terms-privacy-choices>` send it).
pub const OPEN_PREFERENCES_EVENT: &str = "terms-widget:open-preferences";

/// What the consent UI shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    /// Nothing (a choice is on record, or the learner closed the banner for now).
    Hidden,
    /// The first-visit (or ask-again) banner.
    Banner,
    /// The preferences dialog.
    Preferences,
    /// The privacy policy, opened from the banner or the dialog; "back" returns there.
    Policy {
        /// Where the learner came from.
        from: Back,
    },
}

/// Where "back" leads from the privacy policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Back {
    /// The banner.
    Banner,
    /// The preferences dialog.
    Preferences,
}

/// Everything the consent UI knows, once the bundle and the store are read.
#[derive(Debug, Clone, PartialEq)]
pub struct Ready {
    /// The bundle (for the privacy policy view and its versions).
    pub loaded: Rc<Loaded>,
    /// The platform's consent set-up.
    pub config: Rc<ConsentConfig>,
    /// The policy in force and its versions.
    pub policy: Rc<PolicyVersion>,
    /// The history, as stored.
    pub history: Rc<ConsentHistory>,
    /// The signals the browser sends.
    pub signals: Signals,
}

/// The consent UI's state.
#[derive(Debug, Clone, PartialEq)]
pub struct ConsentState {
    /// `None` until the bundle and the store are read.
    pub ready: Option<Ready>,
    /// What is shown.
    pub panel: Panel,
    /// The answers being edited, per category (None = not answered).
    pub draft: Draft,
    /// Categories the draft turned off because of a browser signal.
    pub from_signal: Rc<Vec<String>>,
    /// A message about storage (unavailable, set aside) or a failure to save.
    pub notice: Option<Notice>,
    /// Why the bundle or the set-up could not be used at all.
    pub error: Option<String>,
    /// A browser signal decided for the learner on this page load: the banner says so
    /// once (the decision is already recorded).
    pub signal_honoured: bool,
}

impl Default for ConsentState {
    fn default() -> Self {
        ConsentState {
            ready: None,
            panel: Panel::Hidden,
            draft: Rc::new(Vec::new()),
            from_signal: Rc::new(Vec::new()),
            notice: None,
            error: None,
            signal_honoured: false,
        }
    }
}

/// A message for the learner about their choices: from the store (worded when shown, in
/// the catalog's language), or already worded.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// A storage notice.
    Store(StoreNotice),
    /// A sentence already in words (a failure to record).
    Text(String),
}

impl Notice {
    /// The sentence to show.
    pub fn words(&self, cat: &Catalog) -> String {
        match self {
            Notice::Store(notice) => notice.words(cat),
            Notice::Text(text) => text.clone(),
        }
    }
}

/// What can happen to the consent state.
#[derive(Debug, Clone, PartialEq)]
pub enum ConsentAction {
    /// Bundle and store read; `notice` from the store; whether a browser signal was
    /// recorded as a decision just now.
    Ready(Ready, Option<Notice>, bool),
    /// The bundle or the set-up is unusable.
    Failed(String),
    /// The history changed (a decision here, or in another tab).
    History(Rc<ConsentHistory>),
    /// A storage message.
    Notice(Option<Notice>),
    /// Show a panel.
    Show(Panel),
    /// Answer one category in the draft.
    Set(String, Choice),
    /// Close the preferences: back to the banner while a choice is still due.
    ClosePreferences,
}

impl ConsentState {
    /// Whether to ask, and why, for the current history.
    pub fn status(&self) -> Option<ConsentStatus> {
        let r = self.ready.as_ref()?;
        Some(consent::status(&r.history, &r.config.categories, &r.policy))
    }

    /// Is a choice due (none yet, or the learner must be asked again)?
    pub fn choice_due(&self) -> bool {
        !matches!(self.status(), Some(ConsentStatus::Current) | None)
    }

    /// Refreshes the draft from the history (kept choices, new categories unset,
    /// signals applied) and opens the banner when a choice is due.
    fn settle(&mut self, open_banner: bool) {
        let Some(r) = &self.ready else { return };
        let proposal = consent::proposed_choices(&r.history, &r.config.categories, r.signals);
        self.draft = Rc::new(
            proposal
                .choices
                .iter()
                .map(|c| (c.category.clone(), c.choice))
                .collect(),
        );
        self.from_signal = Rc::new(
            proposal
                .choices
                .iter()
                .filter(|c| c.from_signal)
                .map(|c| c.category.clone())
                .collect(),
        );
        let due = self.choice_due();
        if open_banner && due && self.panel == Panel::Hidden {
            self.panel = Panel::Banner;
        }
        if !due && self.panel == Panel::Banner {
            self.panel = Panel::Hidden;
        }
    }
}

impl Reducible for ConsentState {
    type Action = ConsentAction;

    fn reduce(self: Rc<Self>, action: ConsentAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            ConsentAction::Ready(ready, notice, signalled) => {
                next.ready = Some(ready);
                next.notice = notice;
                next.signal_honoured = signalled;
                next.settle(true);
                if signalled && next.panel == Panel::Hidden {
                    next.panel = Panel::Banner;
                }
            }
            ConsentAction::Failed(message) => next.error = Some(message),
            ConsentAction::History(history) => {
                if let Some(r) = &mut next.ready {
                    r.history = history;
                }
                next.settle(false);
            }
            ConsentAction::Notice(notice) => next.notice = notice,
            ConsentAction::Show(panel) => {
                next.panel = panel;
                if panel == Panel::Preferences {
                    next.settle(false);
                }
            }
            ConsentAction::ClosePreferences => {
                next.panel = if next.choice_due() {
                    Panel::Banner
                } else {
                    Panel::Hidden
                };
            }
            ConsentAction::Set(category, choice) => {
                let mut draft = (*next.draft).clone();
                match draft.iter_mut().find(|(id, _)| *id == category) {
                    Some(slot) => slot.1 = Some(choice),
                    None => draft.push((category.clone(), Some(choice))),
                }
                next.draft = Rc::new(draft);
                next.from_signal = Rc::new(
                    next.from_signal
                        .iter()
                        .filter(|id| **id != category)
                        .cloned()
                        .collect(),
                );
            }
        }
        if next == *self { self } else { Rc::new(next) }
    }
}

/// The policy in force, from the bundle: its exact text's hash and its versions.
/// The record binds to the text the learner is shown: the policy in their language
/// (`lang`) where the bundle has it.
fn policy_of(loaded: &Loaded, config: &ConsentConfig, lang: &str) -> Result<PolicyVersion, String> {
    PolicyVersion::from_bundle(&loaded.bundle, &config.policy_document, lang).ok_or_else(|| {
        format!(
            "The documents have no \"{}\", so consent can't be tied to a privacy policy. Add it, or set consent.policy_document.",
            config.policy_document
        )
    })
}

/// Props of [`ConsentApp`].
#[derive(Properties, PartialEq, Clone)]
pub struct ConsentAppProps {
    /// Where the documents (and the consent set-up) come from.
    pub source: Source,
    /// The bundle this build has built in (the whole default bundle in the full build,
    /// only what consent needs in the consent-only build; the documents build has no
    /// consent elements).
    pub built_in: &'static str,
    /// The element hosting this UI: `consent-change` events are dispatched from it.
    pub host: web_sys::HtmlElement,
    /// The host's `records-endpoint`: every new record is also POSTed there (see
    /// [`platform::delivery`]).
    pub records_endpoint: Option<AttrValue>,
    /// The interface's locale, a BCP 47 tag (see
    /// [`platform::language`](crate::platform::language)); English when `None` or when
    /// the catalog lacks the language. Records carry the language shown.
    #[prop_or_default]
    pub locale: Option<AttrValue>,
}

/// Queues a new record for the host's endpoint, when it has one.
fn send_record(endpoint: Option<&AttrValue>, config: &ConsentConfig, record: &ConsentRecord) {
    if let Some(endpoint) = endpoint {
        delivery::deliver_consent(endpoint, &config.storage_key, record);
    }
}

/// Records a decision: a new record, saved (merged with other tabs), then applied.
fn decide(
    cat: &Catalog,
    ready: &Ready,
    choices: Vec<(String, Choice)>,
    method: Method,
    host: &web_sys::HtmlElement,
    endpoint: Option<&AttrValue>,
    dispatch: &UseReducerDispatcher<ConsentState>,
) {
    let store = ConsentStore::new(&ready.config.storage_key);
    let mut history = (*ready.history).clone();
    let ctx = Context {
        id: signals::random_record_id(),
        now: localtime::now(),
        signals: ready.signals,
        language: cat.lang().tag().to_string(),
    };
    let policy = &ready.policy.current;
    let record = match history.record(&ready.config.categories, policy, ctx, method, choices) {
        Ok(record) => record.clone(),
        Err(e) => {
            platform::console_error(&format!("could not record the decision: {e}"));
            dispatch.dispatch(ConsentAction::Notice(Some(Notice::Text(
                cat.with(Msg::NotRecorded, &[("error", &e.to_string())]),
            ))));
            return;
        }
    };
    let history = match store.save(&history) {
        Ok(merged) => merged,
        Err(notice) => {
            dispatch.dispatch(ConsentAction::Notice(Some(Notice::Store(notice))));
            history
        }
    };
    send_record(endpoint, &ready.config, &record);
    apply(&history, &ready.config, &ready.policy, host, true);
    dispatch.dispatch(ConsentAction::History(Rc::new(history)));
    dispatch.dispatch(ConsentAction::Show(Panel::Hidden));
}

/// Tells the host page: gated scripts, Consent Mode, the snapshot, the event. What is
/// granted is what the decision allows under the policy in force (`Standing`): a
/// decision made under a materially older policy grants nothing optional until the
/// learner answers again.
fn apply(
    history: &ConsentHistory,
    config: &ConsentConfig,
    policy: &PolicyVersion,
    host: &web_sys::HtmlElement,
    changed: bool,
) {
    let standing = Standing::new(history, policy);
    consent_host::run_granted_scripts(&standing, &config.categories);
    consent_host::clear_refused_storage(history, &config.categories);
    if history.current().is_some() {
        consent_host::consent_mode_update(&standing, &config.categories);
    }
    let snapshot = consent_host::snapshot(&standing, &config.categories);
    let value = js_sys::JSON::parse(&snapshot.to_string()).unwrap_or(wasm_bindgen::JsValue::NULL);
    let _ = js_sys::Reflect::set(host, &"consent".into(), &value);
    if changed {
        consent_host::dispatch_change(host, &snapshot);
    }
}

/// Offers the receipt for the latest decision as a JSON file download.
fn download_receipt(ready: &Ready) {
    let config = &ready.config;
    let principal = signals::principal_id(&config.storage_key);
    let Some(receipt) = consent::receipt(
        &ready.history,
        &config.categories,
        &config.controller,
        &config.policy_url,
        &config.jurisdiction,
        &principal,
    ) else {
        return;
    };
    let text = serde_json::to_string_pretty(&receipt).unwrap_or_default();
    let name = format!(
        "consent-receipt-{}.json",
        ready
            .history
            .current()
            .map(|r| format_instant(r.at).replace(':', "-"))
            .unwrap_or_default()
    );
    platform::download_text(&name, "application/json", &text);
}

/// The consent banner, preferences and privacy-policy view for one host element.
#[component]
pub fn ConsentApp(props: &ConsentAppProps) -> Html {
    let state = use_reducer(ConsentState::default);

    // Load the bundle and the stored history; honour the browser's signals.
    {
        let dispatch = state.dispatcher();
        let host = props.host.clone();
        let built_in = props.built_in;
        let endpoint = props.records_endpoint.clone();
        let language = Lang::of_locale(props.locale.as_deref()).tag();
        use_effect_with(props.source.clone(), move |source| {
            let on_fail = dispatch.clone();
            load_bundle(
                source.clone(),
                (
                    built_in,
                    crate::domain::documents::bundle::load_json_for_consent,
                ),
                crate::domain::documents::bundle::load_json_for_consent,
                move |loaded| {
                    let config = match loaded.bundle.consent.as_ref() {
                        None => ConsentConfig::default(),
                        Some(v) => match ConsentConfig::from_json_in(v, language) {
                            Ok(c) => c,
                            Err(problems) => {
                                for p in &problems {
                                    platform::console_error(p);
                                }
                                dispatch.dispatch(ConsentAction::Failed(format!(
                                    "The consent set-up can't be used: {}",
                                    problems.join(" ")
                                )));
                                return;
                            }
                        },
                    };
                    let policy = match policy_of(&loaded, &config, language) {
                        Ok(p) => p,
                        Err(message) => {
                            platform::console_error(&message);
                            dispatch.dispatch(ConsentAction::Failed(message));
                            return;
                        }
                    };
                    consent_host::consent_mode_default();
                    let store = ConsentStore::new(&config.storage_key);
                    let load = store.load();
                    let mut history = load.history;
                    let mut notice = load.notice.map(Notice::Store);
                    let signals = signals::browser_signals();
                    let ctx = Context {
                        id: signals::random_record_id(),
                        now: localtime::now(),
                        signals,
                        language: language.to_string(),
                    };
                    if let Some(endpoint) = &endpoint {
                        // What a previous page left in the outbox goes now.
                        delivery::start(endpoint, &consent::outbox_key(&config.storage_key));
                    }
                    let signalled = match history.honour_signals(&config.categories, &policy, ctx) {
                        Ok(Some(record)) => Some(record.clone()),
                        _ => None,
                    };
                    if let Some(record) = &signalled {
                        match store.save(&history) {
                            Ok(merged) => history = merged,
                            Err(n) => notice = Some(Notice::Store(n)),
                        }
                        send_record(endpoint.as_ref(), &config, record);
                    }
                    let signalled = signalled.is_some();
                    apply(&history, &config, &policy, &host, signalled);
                    dispatch.dispatch(ConsentAction::Ready(
                        Ready {
                            loaded,
                            config: Rc::new(config),
                            policy: Rc::new(policy),
                            history: Rc::new(history),
                            signals,
                        },
                        notice,
                        signalled,
                    ));
                },
                move |message| on_fail.dispatch(ConsentAction::Failed(message)),
            );
        });
    }

    // Other tabs: merge what they wrote, then apply it here too.
    {
        let dispatch = state.dispatcher();
        let host = props.host.clone();
        let ready = state.ready.clone();
        let key = ready.as_ref().map(|r| r.config.storage_key.clone());
        use_effect_with(key, move |key| {
            let listener = key.as_ref().and_then(|key| {
                let store = ConsentStore::new(key);
                let ready = ready.clone()?;
                let current = std::cell::RefCell::new((*ready.history).clone());
                store.watch(move |theirs| {
                    let merged = consent::merge(&current.borrow(), &theirs);
                    *current.borrow_mut() = merged.clone();
                    apply(&merged, &ready.config, &ready.policy, &host, true);
                    dispatch.dispatch(ConsentAction::History(Rc::new(merged)));
                })
            });
            move || drop(listener)
        });
    }

    // Focus returns to the control that opened a panel (the banner's "Choose…" or its
    // policy link, the host's "Privacy choices" button), however the panel is closed:
    // remembered when a panel opens over the banner or the page, given back when the
    // banner or the page shows again.
    let opener = use_mut_ref(|| None::<web_sys::Element>);
    let policy_panel = use_node_ref();
    let panel_now = use_mut_ref(|| state.panel);
    *panel_now.borrow_mut() = state.panel;
    let remember_opener: Rc<dyn Fn(Panel)> = {
        let (opener, panel_now) = (opener.clone(), panel_now.clone());
        Rc::new(move |to: Panel| {
            let from = *panel_now.borrow();
            if is_base(from) && !is_base(to) {
                *opener.borrow_mut() = platform::focus::deep_active_element();
            }
        })
    };
    {
        let opener = opener.clone();
        use_effect_with(state.panel, move |panel| {
            if is_base(*panel)
                && let Some(element) = opener.borrow_mut().take()
            {
                platform::focus::restore_focus(&element);
            }
        });
    }

    // The host's "Privacy choices" control and TermsWidget.openPreferences() send a
    // window event (see `embed::open_preferences`).
    {
        let dispatch = state.dispatcher();
        let remember = remember_opener.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                platform::Listener::new(&w, OPEN_PREFERENCES_EVENT, move |_| {
                    remember(Panel::Preferences);
                    dispatch.dispatch(ConsentAction::Show(Panel::Preferences))
                })
            });
            move || drop(listener)
        });
    }

    // The words of the bundle's platform (the default one until it is read).
    let cat: Rc<Catalog> = crate::components::use_bundle_catalog(
        state.ready.as_ref().map(|r| r.loaded.clone()),
        props.locale.clone(),
    );

    if let Some(error) = &state.error {
        return html! { <div class="tw tw-consent-error" role="alert">{ error.clone() }</div> };
    }
    let Some(ready) = state.ready.clone() else {
        return html! {};
    };

    let show = |panel: Panel| {
        let d = state.dispatcher();
        let remember = remember_opener.clone();
        Callback::from(move |_| {
            remember(panel);
            d.dispatch(ConsentAction::Show(panel))
        })
    };
    let all = |choice: Choice, method: Method| {
        let d = state.dispatcher();
        let cat = cat.clone();
        let host = props.host.clone();
        let ready = ready.clone();
        let endpoint = props.records_endpoint.clone();
        Callback::from(move |_| {
            let choices = ready
                .config
                .categories
                .optional()
                .map(|c| (c.id.clone(), choice))
                .collect();
            decide(&cat, &ready, choices, method, &host, endpoint.as_ref(), &d);
        })
    };
    let save = {
        let d = state.dispatcher();
        let host = props.host.clone();
        let ready = ready.clone();
        let draft = state.draft.clone();
        let cat = cat.clone();
        let endpoint = props.records_endpoint.clone();
        Callback::from(move |_| {
            let choices: Option<Vec<(String, Choice)>> = ready
                .config
                .categories
                .optional()
                .map(|c| {
                    draft
                        .iter()
                        .find(|(id, _)| *id == c.id)
                        .and_then(|(_, v)| *v)
                        .map(|v| (c.id.clone(), v))
                })
                .collect();
            if let Some(choices) = choices {
                decide(
                    &cat,
                    &ready,
                    choices,
                    Method::Preferences,
                    &host,
                    endpoint.as_ref(),
                    &d,
                );
            }
        })
    };
    let on_set = {
        let d = state.dispatcher();
        Callback::from(move |(id, choice): (String, Choice)| {
            d.dispatch(ConsentAction::Set(id, choice))
        })
    };
    let download = {
        let ready = ready.clone();
        Callback::from(move |_| download_receipt(&ready))
    };
    let reasons: Rc<Vec<Reason>> = Rc::new(match state.status() {
        Some(ConsentStatus::NeedsReconsent { reasons }) => reasons,
        _ => Vec::new(),
    });
    let current = ready
        .loaded
        .bundle
        .document(&ready.config.policy_document)
        .map(|d| d.current().version.clone());
    // The policy's title as the learner reads it (its translation's, where there is one).
    let policy_title = ready
        .loaded
        .bundle
        .document_in(&ready.config.policy_document, cat.lang().tag())
        .map(|d| d.title.clone())
        .unwrap_or_else(|| cat.text(Msg::PrivacyPolicy));
    let policy_label = AttrValue::from(cat.with(
        Msg::PolicyLabel,
        &[
            ("title", &policy_title),
            ("version", &current.unwrap_or_default()),
        ],
    ));
    let signal_applied = state.signal_honoured || !state.from_signal.is_empty();
    let notice = state
        .notice
        .as_ref()
        .map(|n| AttrValue::from(n.words(&cat)));

    // The banner stays mounted (hidden and inert) under a panel that will return to it,
    // so the control that opened the panel is still there to take focus back.
    let returns_to_banner = match state.panel {
        Panel::Banner => true,
        Panel::Policy { from: Back::Banner } => true,
        Panel::Preferences | Panel::Policy { .. } => state.choice_due(),
        Panel::Hidden => false,
    };
    let covered = state.panel != Panel::Banner;
    let banner = returns_to_banner.then(|| {
        html! {
            <div class="tw-consent-banner-slot" hidden={covered} inert={covered}>
                <ConsentBanner
                categories={Rc::new(ready.config.categories.clone())}
                reasons={reasons.clone()}
                signals={ready.signals}
                {signal_applied}
                notice={notice.clone()}
                policy_label={policy_label.clone()}
                on_accept_all={all(Choice::Granted, Method::Banner)}
                on_reject_all={all(Choice::Denied, Method::Banner)}
                on_customize={show(Panel::Preferences)}
                on_open_policy={show(Panel::Policy { from: Back::Banner })}
                on_dismiss={show(Panel::Hidden)}
            />
            </div>
        }
    });
    let panel = match state.panel {
        Panel::Hidden | Panel::Banner => html! {},
        Panel::Preferences => html! {
            <Preferences
                categories={Rc::new(ready.config.categories.clone())}
                draft={state.draft.clone()}
                from_signal={state.from_signal.clone()}
                signals={ready.signals}
                {signal_applied}
                {notice}
                {policy_label}
                history={Rc::new(consent::describe_titled(&cat, &ready.history, &ready.config.categories, Some(&policy_title)))}
                {on_set}
                on_save={save}
                on_accept_all={all(Choice::Granted, Method::Preferences)}
                on_reject_all={all(Choice::Denied, Method::Preferences)}
                on_close={{
                    let d = state.dispatcher();
                    Callback::from(move |_| d.dispatch(ConsentAction::ClosePreferences))
                }}
                on_open_policy={show(Panel::Policy { from: Back::Preferences })}
                on_download_receipt={download}
                has_record={ready.history.current().is_some()}
            />
        },
        Panel::Policy { from } => {
            // A modal panel: Tab and Shift+Tab stay inside it.
            let keep_tab_in_policy = {
                let panel = policy_panel.clone();
                Callback::from(move |e: KeyboardEvent| {
                    if let Some(p) = panel.cast::<web_sys::Element>() {
                        platform::focus::keep_tab_inside(&p, &e);
                    }
                })
            };
            let back = show(match from {
                Back::Banner => Panel::Banner,
                Back::Preferences => Panel::Preferences,
            });
            html! {
                <div class="tw-consent-policy" role="dialog" aria-modal="true" aria-label={policy_title}
                    ref={policy_panel.clone()} onkeydown={keep_tab_in_policy}>
                    <button type="button" class="tw-consent-primary tw-consent-back" onclick={back.reform(|_: MouseEvent| ())}>
                        { cat.text(Msg::BackToChoices) }
                    </button>
                    <PolicyFrame source={props.source.clone()} document={AttrValue::from(ready.config.policy_document.clone())} />
                </div>
            }
        }
    };
    html! {
        <ContextProvider<Rc<Catalog>> context={cat.clone()}>{ for banner }{ panel }</ContextProvider<Rc<Catalog>>>
    }
}

/// The banner and "nothing shown" are where focus returns when a panel closes.
fn is_base(panel: Panel) -> bool {
    matches!(panel, Panel::Banner | Panel::Hidden)
}
