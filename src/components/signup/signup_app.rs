//! `<terms-signup>`: the sign-up step. A neutral age screen, then (with a parent or
//! guardian's confirmation between the minimum age and the age of majority) each sign-up
//! document to accept and the Honor Code's pledges to affirm; the records of one sign-up
//! share a batch.
//!
//! Inside a host `<form>` the element is form-associated: it stays invalid (with a
//! message naming what is missing, anchored on the first missing control) until
//! everything is given, and submits the batch's records as a JSON array under its
//! `name`; the records are stored and announced when the form is submitted. Outside a
//! form, one primary button records them.

use std::collections::BTreeSet;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::common::{self, HistoryBox, Reading, Ready};
use super::steps::{AgeScreen, DocItem, DocumentsStep, Stopped};
use crate::catalog::{Catalog, Msg};
use crate::components::state::Source;
use crate::domain::acceptance::AgeError;
use crate::domain::acceptance::age::check_birth_date;
use crate::domain::acceptance::gate::Gate;
use crate::domain::acceptance::{
    Acceptance, AcceptanceHistory, AcceptanceRecord, AgeCheck, Method, Scope, documents_for,
};
use crate::platform::acceptance_host;
use crate::platform::acceptance_store::{self, StoreNotice};
use crate::platform::{self, Listener};

/// Where the sign-up is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The age screen.
    Age,
    /// Under the minimum age (now or earlier this session).
    Stopped,
    /// The documents.
    Documents,
    /// Recorded.
    Done,
}

/// The sign-up's state.
#[derive(Debug, Clone, PartialEq)]
pub struct SignupState {
    /// The documents and history, once read.
    pub ready: Option<Ready>,
    /// Why nothing can be shown.
    pub error: Option<String>,
    /// The step.
    pub step: Step,
    /// The date typed.
    pub birth: String,
    /// The date could not be read.
    pub birth_invalid: Option<Msg>,
    /// The age check once answered (kept in memory only).
    pub check: Option<AgeCheck>,
    /// The guardian confirmed.
    pub guardian: bool,
    /// Documents ticked.
    pub accepted: Rc<BTreeSet<String>>,
    /// Pledges affirmed.
    pub affirmed: Rc<BTreeSet<(String, String)>>,
    /// The document read in place (a route fragment), if any.
    pub reading: Option<(String, String)>,
    /// A storage notice.
    pub notice: Option<StoreNotice>,
}

impl Default for SignupState {
    fn default() -> Self {
        SignupState {
            ready: None,
            error: None,
            step: Step::Age,
            birth: String::new(),
            birth_invalid: None,
            check: None,
            guardian: false,
            accepted: Rc::default(),
            affirmed: Rc::default(),
            reading: None,
            notice: None,
        }
    }
}

/// What can happen to the sign-up.
#[derive(Debug, Clone, PartialEq)]
pub enum SignupAction {
    /// Loaded; whether the session gate is closed.
    Ready(Ready, Option<StoreNotice>, bool),
    /// Unusable.
    Failed(String),
    /// The date typed.
    Birth(String),
    /// The answer could not be used, and why (the message to show).
    BirthInvalid(Msg),
    /// Back to the age screen from the documents step (a mistyped date).
    ChangeBirth,
    /// The age screen answered.
    Checked(AgeCheck),
    /// Guardian box.
    Guardian(bool),
    /// Document box.
    Accept(String, bool),
    /// Pledge box.
    Pledge(String, String, bool),
    /// Read a document (fragment, title) or come back (`None`).
    Read(Option<(String, String)>),
    /// The history changed (recorded here or in another tab), with a notice.
    History(AcceptanceHistory, Option<StoreNotice>),
    /// Recorded.
    Done,
}

impl Reducible for SignupState {
    type Action = SignupAction;

    fn reduce(self: Rc<Self>, action: SignupAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            SignupAction::Ready(ready, notice, closed) => {
                next.ready = Some(ready);
                next.notice = notice;
                if closed {
                    next.step = Step::Stopped;
                }
            }
            SignupAction::Failed(message) => next.error = Some(message),
            SignupAction::Birth(text) => {
                next.birth = text;
                next.birth_invalid = None;
            }
            SignupAction::BirthInvalid(why) => next.birth_invalid = Some(why),
            SignupAction::ChangeBirth => {
                next.check = None;
                next.guardian = false;
                next.step = Step::Age;
            }
            SignupAction::Checked(check) => {
                next.birth.clear();
                next.birth_invalid = None;
                if check == AgeCheck::TooYoung {
                    next.step = Step::Stopped;
                } else {
                    next.check = Some(check);
                    next.step = Step::Documents;
                }
            }
            SignupAction::Guardian(on) => next.guardian = on,
            SignupAction::Accept(id, on) => {
                let mut set = (*next.accepted).clone();
                if on {
                    set.insert(id)
                } else {
                    set.remove(&id)
                };
                next.accepted = Rc::new(set);
            }
            SignupAction::Pledge(doc, pledge, on) => {
                let mut set = (*next.affirmed).clone();
                if on {
                    set.insert((doc, pledge))
                } else {
                    set.remove(&(doc, pledge))
                };
                next.affirmed = Rc::new(set);
            }
            SignupAction::Read(reading) => next.reading = reading,
            SignupAction::History(history, notice) => {
                if let Some(r) = &mut next.ready {
                    r.history = Rc::new(history);
                }
                if notice.is_some() {
                    next.notice = notice;
                }
            }
            SignupAction::Done => next.step = Step::Done,
        }
        if next == *self { self } else { Rc::new(next) }
    }
}

/// The sign-up documents of the set-up, as the step shows them.
fn doc_items(ready: &Ready) -> Vec<DocItem> {
    documents_for(&ready.loaded.bundle, &ready.setup, &Scope::Platform)
        .into_iter()
        .map(|d| {
            let v = d.current();
            DocItem {
                id: d.id.clone(),
                title: d.title.clone(),
                version: v.version.clone(),
                effective: v.effective,
                pledges: v.pledge_list(),
                lang: d.lang_of(&v.version).to_string(),
            }
        })
        .collect()
}

/// What is still missing, in words, each with the id of the control to anchor on.
fn missing(cat: &Catalog, state: &SignupState, docs: &[DocItem]) -> Vec<(String, String)> {
    match state.step {
        Step::Age => {
            return vec![(cat.text(Msg::MissingBirthDate), "tw-birth".into())];
        }
        Step::Stopped => return vec![(cat.text(Msg::TooYoungTitle), "tw-step-title".into())],
        Step::Done => return Vec::new(),
        Step::Documents => {}
    }
    let mut out = Vec::new();
    if state.check == Some(AgeCheck::NeedsGuardian) && !state.guardian {
        out.push((cat.text(Msg::MissingGuardian), "tw-guardian".into()));
    }
    for d in docs {
        for p in &d.pledges {
            if !state.affirmed.contains(&(d.id.clone(), p.id.clone())) {
                out.push((
                    cat.with(
                        Msg::MissingPledge,
                        &[("pledge", &p.id), ("title", &d.title)],
                    ),
                    format!("tw-pledge-{}-{}", d.id, p.id),
                ));
            }
        }
        if !state.accepted.contains(&d.id) {
            out.push((
                cat.with(Msg::MissingDocument, &[("title", &d.title)]),
                format!("tw-accept-{}", d.id),
            ));
        }
    }
    out
}

/// The batch as records appended to the history (not stored yet).
fn prepare(
    state: &SignupState,
    host: &web_sys::HtmlElement,
) -> Option<(AcceptanceHistory, Vec<AcceptanceRecord>)> {
    let ready = state.ready.as_ref()?;
    let docs = documents_for(&ready.loaded.bundle, &ready.setup, &Scope::Platform);
    let pledges: Vec<Vec<String>> = docs
        .iter()
        .map(|d| {
            d.current()
                .pledge_list()
                .into_iter()
                .map(|p| p.id)
                .collect()
        })
        .collect();
    let ctx = common::context(
        host,
        ready,
        common::new_batch(),
        Scope::Platform,
        Method::Signup,
        state.check.and_then(AgeCheck::attestation),
    );
    let mut history = (*ready.history).clone();
    let items = docs.iter().zip(&pledges).map(|(d, p)| {
        (
            platform::signals::random_record_id(),
            Acceptance {
                document: d,
                version: d.current(),
                pledges: p,
            },
        )
    });
    match history.accept(&ctx, items) {
        Ok(batch) => Some((history, batch)),
        Err(e) => {
            platform::console_error(&format!("could not record the sign-up: {e}"));
            None
        }
    }
}

/// Props of [`SignupApp`].
#[derive(Properties, PartialEq, Clone)]
pub struct SignupAppProps {
    /// Where the documents come from.
    pub source: Source,
    /// The `<terms-signup>` element.
    pub host: web_sys::HtmlElement,
    /// The interface's locale, a BCP 47 tag (see
    /// [`platform::language`](crate::platform::language)); English when `None` or when
    /// the catalog lacks the language.
    #[prop_or_default]
    pub locale: Option<yew::AttrValue>,
}

/// The whole sign-up step for one `<terms-signup>`.
#[component]
pub fn SignupApp(props: &SignupAppProps) -> Html {
    let state = use_reducer(SignupState::default);
    let root = use_node_ref();
    // The batch prepared for a host form's submit, and the latest state for listeners.
    let prepared = use_mut_ref(|| None::<(AcceptanceHistory, Vec<AcceptanceRecord>)>);
    let latest = use_mut_ref(|| Rc::new(SignupState::default()));
    *latest.borrow_mut() = Rc::new((*state).clone());

    {
        let dispatch = state.dispatcher();
        let lang = crate::catalog::Lang::of_locale(props.locale.as_deref()).tag();
        use_effect_with(props.source.clone(), move |source| {
            let failed = dispatch.clone();
            common::load(
                source.clone(),
                lang,
                move |ready, notice| {
                    let closed = acceptance_store::session_gate() == Gate::Closed;
                    dispatch.dispatch(SignupAction::Ready(ready, notice, closed));
                },
                move |message| failed.dispatch(SignupAction::Failed(message)),
            );
        });
    }
    {
        let dispatch = state.dispatcher();
        let history = state.ready.as_ref().map(|r| r.history.clone());
        let loaded = state.ready.is_some();
        use_effect_with(loaded, move |_| {
            let listener = history.and_then(|h| {
                common::watch_other_tabs(h, move |merged| {
                    dispatch.dispatch(SignupAction::History(merged, None))
                })
            });
            move || drop(listener)
        });
    }
    // Focus moves to the new step's title.
    {
        let root = root.clone();
        let first = use_mut_ref(|| true);
        use_effect_with((state.step, state.ready.is_some()), move |_| {
            if !std::mem::replace(&mut *first.borrow_mut(), false)
                && let Some(el) = root
                    .cast::<web_sys::Element>()
                    .and_then(|r| r.query_selector("#tw-step-title").ok().flatten())
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = el.focus();
            }
        });
    }

    let cat: Rc<Catalog> = crate::components::use_bundle_catalog(
        state.ready.as_ref().map(|r| r.loaded.clone()),
        props.locale.clone(),
    );
    let docs: Rc<Vec<DocItem>> = Rc::new(state.ready.as_ref().map(doc_items).unwrap_or_default());
    let missing = missing(&cat, &state, &docs);
    let message = (!missing.is_empty()).then(|| {
        let words: Vec<String> = missing.iter().map(|(w, _)| w.clone()).collect();
        if state.step == Step::Stopped {
            // The form cannot go ahead, and says why in the stop's own words.
            words.join(" ")
        } else {
            cat.with(Msg::StillNeeded, &[("list", &cat.list(&words))])
        }
    });
    let in_form = acceptance_host::form_of(&props.host).is_some();

    // The host form: validity, value, and recording on submit.
    {
        let host = props.host.clone();
        let root = root.clone();
        let prepared = prepared.clone();
        let latest = latest.clone();
        let anchor = missing.first().map(|(_, id)| id.clone());
        let key = (
            message.clone(),
            anchor.clone(),
            state.step,
            state.reading.is_some(),
            state.ready.is_some(),
        );
        use_effect_with(key, move |(message, anchor, step, _, _)| {
            let anchor = anchor.as_ref().and_then(|id| {
                root.cast::<web_sys::Element>()?
                    .query_selector(&format!("[id=\"{id}\"]"))
                    .ok()??
                    .dyn_into::<web_sys::HtmlElement>()
                    .ok()
            });
            if *step == Step::Done {
                acceptance_host::set_validity(&host, None, None);
            } else if let Some(message) = message {
                *prepared.borrow_mut() = None;
                acceptance_host::set_form_value(&host, None);
                acceptance_host::set_validity(&host, Some(message), anchor);
            } else {
                let batch = prepare(&latest.borrow(), &host);
                let value = batch
                    .as_ref()
                    .map(|(_, b)| acceptance_host::records_json(b));
                acceptance_host::set_form_value(&host, value.as_deref());
                acceptance_host::set_validity(&host, None, None);
                *prepared.borrow_mut() = batch;
            }
        });
    }
    {
        let host = props.host.clone();
        let prepared = prepared.clone();
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            // Stored when the form's data is taken (`formdata`): a submission the host did
            // not cancel, or the host's own `new FormData(form)` (an AJAX sign-up). A submit
            // the host cancels (its own checks failed) records nothing.
            let listener = acceptance_host::form_of(&host).map(|form| {
                Listener::new(&form, "formdata", move |_| {
                    let Some((history, batch)) = prepared.borrow_mut().take() else {
                        return;
                    };
                    let (history, notice) = common::store_and_announce(history, &batch, &host);
                    acceptance_host::set_form_value(
                        &host,
                        Some(&acceptance_host::records_json(&batch)),
                    );
                    dispatch.dispatch(SignupAction::History(history, notice));
                    dispatch.dispatch(SignupAction::Done);
                })
            });
            move || drop(listener)
        });
    }
    if let Some(error) = &state.error {
        return html! { <div class="tw tw-accept-error-box" role="alert">{ error.clone() }</div> };
    }
    let Some(ready) = state.ready.clone() else {
        return html! {};
    };
    let d = state.dispatcher();
    let body = match state.step {
        Step::Age => {
            let on_input = {
                let d = d.clone();
                Callback::from(move |t: String| d.dispatch(SignupAction::Birth(t)))
            };
            let on_continue = {
                let (d, setup, birth) = (d.clone(), ready.setup.clone(), state.birth.clone());
                Callback::from(move |_| {
                    match check_birth_date(&birth, platform::localtime::now(), &setup) {
                        Ok(check) => {
                            if check == AgeCheck::TooYoung {
                                acceptance_store::close_session_gate();
                            }
                            d.dispatch(SignupAction::Checked(check))
                        }
                        Err(e) => d.dispatch(SignupAction::BirthInvalid(match e {
                            AgeError::NotADate(_) => Msg::BirthDateInvalid,
                            AgeError::NoSuchDate(_) => Msg::BirthDateNoSuchDay,
                            AgeError::InTheFuture { .. } => Msg::BirthDateFuture,
                            AgeError::TooLongAgo { .. } => Msg::BirthDateTooLongAgo,
                        })),
                    }
                })
            };
            html! { <AgeScreen value={AttrValue::from(state.birth.clone())} invalid={state.birth_invalid} {on_input} {on_continue} /> }
        }
        Step::Stopped => html! { <Stopped /> },
        Step::Documents => {
            let on_read = {
                let (d, docs) = (d.clone(), docs.clone());
                Callback::from(move |id: String| {
                    if let Some(doc) = docs.iter().find(|x| x.id == id) {
                        d.dispatch(SignupAction::Read(Some((
                            format!("{}@{}", doc.id, doc.version),
                            doc.title.clone(),
                        ))))
                    }
                })
            };
            let on_submit = {
                let (host, d, latest) = (props.host.clone(), d.clone(), latest.clone());
                Callback::from(move |_| {
                    let Some((history, batch)) = prepare(&latest.borrow(), &host) else {
                        return;
                    };
                    let (history, notice) = common::store_and_announce(history, &batch, &host);
                    d.dispatch(SignupAction::History(history, notice));
                    d.dispatch(SignupAction::Done);
                })
            };
            let reading = state.reading.is_some();
            html! {
                <div hidden={reading} inert={reading}>
                    <DocumentsStep docs={docs.clone()}
                        needs_guardian={state.check == Some(AgeCheck::NeedsGuardian)}
                        guardian={state.guardian}
                        accepted={state.accepted.clone()}
                        affirmed={state.affirmed.clone()}
                        missing={AttrValue::from(message.clone().unwrap_or_default())}
                        show_button={!in_form}
                        on_guardian={{ let d = d.clone(); Callback::from(move |on| d.dispatch(SignupAction::Guardian(on))) }}
                        on_accept={{ let d = d.clone(); Callback::from(move |(id, on)| d.dispatch(SignupAction::Accept(id, on))) }}
                        on_pledge={{ let d = d.clone(); Callback::from(move |(doc, p, on)| d.dispatch(SignupAction::Pledge(doc, p, on))) }}
                        on_change_birth={{ let d = d.clone(); Callback::from(move |_| d.dispatch(SignupAction::ChangeBirth)) }}
                        {on_read} {on_submit} />
                </div>
            }
        }
        Step::Done => html! {
            <div class="tw-accept-done" part="done">
                <p id="tw-step-title" tabindex="-1" role="status">{ cat.text(Msg::SignupDone) }</p>
                <HistoryBox ready={ready.clone()} subject={AttrValue::from(common::subject_of(&props.host))} />
            </div>
        },
    };
    let reading = state.reading.clone().map(|(fragment, title)| {
        let back = {
            let (d, host) = (d.clone(), props.host.clone());
            let id = fragment.split('@').next().unwrap_or_default().to_string();
            Callback::from(move |_| {
                d.dispatch(SignupAction::Read(None));
                // Back to the button that opened it, once it is visible again.
                common::focus_later(&host, format!("[data-read=\"{id}\"]"));
            })
        };
        html! {
            <Reading source={props.source.clone()} fragment={AttrValue::from(fragment)}
                title={AttrValue::from(title)} back_label={AttrValue::from(cat.text(Msg::BackToSignup))}
                on_back={back} />
        }
    });
    let label = cat.text(Msg::SignupTitle);
    html! {
        <ContextProvider<Rc<Catalog>> context={cat.clone()}>
            <section class="tw tw-accept tw-signup" aria-label={label} ref={root} part="signup">
                { common::notice_html(&cat, state.notice) }
                { body }
                { for reading }
            </section>
        </ContextProvider<Rc<Catalog>>>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::documents::bundle::load_json;

    fn ready() -> Ready {
        let loaded = load_json(crate::DEFAULT_BUNDLE);
        Ready {
            setup: Rc::new(loaded.bundle.acceptance_setup()),
            loaded: Rc::new(loaded),
            history: Rc::default(),
            lang: "en",
        }
    }

    fn run(actions: Vec<SignupAction>) -> Rc<SignupState> {
        actions
            .into_iter()
            .fold(Rc::new(SignupState::default()), |s, a| s.reduce(a))
    }

    #[test]
    fn under_the_minimum_age_the_sign_up_stops_and_keeps_no_answer() {
        let s = run(vec![
            SignupAction::Ready(ready(), None, false),
            SignupAction::Birth("2015-01-01".into()),
            SignupAction::Checked(AgeCheck::TooYoung),
        ]);
        assert_eq!(s.step, Step::Stopped);
        assert_eq!(s.check, None);
        assert!(s.birth.is_empty(), "the date is not kept");
        let closed = run(vec![SignupAction::Ready(ready(), None, true)]);
        assert_eq!(closed.step, Step::Stopped, "a closed gate stops at once");
    }

    #[test]
    fn what_is_missing_names_the_guardian_then_each_pledge_and_document() {
        let cat = Catalog::en();
        let s = run(vec![
            SignupAction::Ready(ready(), None, false),
            SignupAction::Checked(AgeCheck::NeedsGuardian),
        ]);
        assert_eq!(s.step, Step::Documents);
        let docs = doc_items(s.ready.as_ref().unwrap());
        let missing = missing(&cat, &s, &docs);
        assert_eq!(missing[0].1, "tw-guardian");
        let ids: Vec<&str> = missing.iter().map(|(_, id)| id.as_str()).collect();
        assert!(ids.contains(&"tw-accept-terms-of-use"));
        assert!(ids.contains(&"tw-pledge-honor-code-5"));
        // Everything given: nothing missing.
        let mut actions = vec![
            SignupAction::Ready(ready(), None, false),
            SignupAction::Checked(AgeCheck::NeedsGuardian),
            SignupAction::Guardian(true),
        ];
        for d in &docs {
            actions.push(SignupAction::Accept(d.id.clone(), true));
            for p in &d.pledges {
                actions.push(SignupAction::Pledge(d.id.clone(), p.id.clone(), true));
            }
        }
        let done = run(actions.clone());
        assert!(missing_of(&cat, &done).is_empty());
        // Unticking one pledge brings it back.
        actions.push(SignupAction::Pledge("honor-code".into(), "3".into(), false));
        let again = run(actions);
        assert_eq!(
            missing_of(&cat, &again),
            vec![(
                "pledge 3 of the Honor Code".to_string(),
                "tw-pledge-honor-code-3".to_string()
            )]
        );
    }

    fn missing_of(cat: &Catalog, s: &SignupState) -> Vec<(String, String)> {
        missing(cat, s, &doc_items(s.ready.as_ref().unwrap()))
    }

    #[test]
    fn the_age_screen_asks_for_the_date_and_says_nothing_of_the_limits() {
        let cat = Catalog::en();
        let s = run(vec![SignupAction::Ready(ready(), None, false)]);
        let missing = missing_of(&cat, &s);
        assert_eq!(
            missing,
            vec![("your date of birth".into(), "tw-birth".into())]
        );
        for msg in [
            Msg::BirthDateLegend,
            Msg::BirthDateLabel,
            Msg::BirthDateHint,
        ] {
            let text = cat.text(msg);
            assert!(!text.chars().any(|c| c.is_ascii_digit()), "{text}");
        }
    }
}
