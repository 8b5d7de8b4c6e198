//! `<terms-honor-code course="…">`: the course page's prompt. Each course-scope document
//! (the set-up's `course` list) is asked for while it is pending for that course, with
//! its pledges to affirm; a material change since the learner accepted shows what
//! changed since then and asks again (`reacceptance`); a change that is not material is
//! only said. Once accepted, a compact line with a link to read it.

use std::collections::BTreeSet;
use std::rc::Rc;

use yew::prelude::*;

use super::common::{self, HistoryBox, Reading, Ready};
use crate::catalog::{Catalog, Msg};
use crate::components::parts::ChangesView;
use crate::components::state::Source;
use crate::domain::acceptance::{
    Acceptance, AcceptanceHistory, CourseId, DocumentStanding, Method, PendingReason, Scope,
    Standing, receipt, standings,
};
use crate::platform::acceptance_store::StoreNotice;
use crate::platform::{self, signals};

/// The prompt's state.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CourseState {
    /// The documents and history, once read.
    pub ready: Option<Ready>,
    /// Why nothing can be shown.
    pub error: Option<String>,
    /// A storage notice.
    pub notice: Option<StoreNotice>,
    /// Documents ticked.
    pub accepted: Rc<BTreeSet<String>>,
    /// Pledges affirmed, as (document, pledge).
    pub affirmed: Rc<BTreeSet<(String, String)>>,
    /// The document read in place (fragment, title), if any.
    pub reading: Option<(String, String)>,
    /// Where focus goes after this render (a selector), when a control went away.
    pub focus: Option<String>,
}

/// What can happen to the prompt.
#[derive(Debug, Clone, PartialEq)]
pub enum CourseAction {
    /// Loaded.
    Ready(Ready, Option<StoreNotice>),
    /// Unusable.
    Failed(String),
    /// Document box.
    Accept(String, bool),
    /// Pledge box.
    Pledge(String, String, bool),
    /// Read in place, or back.
    Read(Option<(String, String)>),
    /// The history changed; the ticks of `document` (just recorded) are cleared.
    History(AcceptanceHistory, Option<StoreNotice>, Option<String>),
}

impl Reducible for CourseState {
    type Action = CourseAction;

    fn reduce(self: Rc<Self>, action: CourseAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            CourseAction::Ready(ready, notice) => {
                next.ready = Some(ready);
                next.notice = notice;
            }
            CourseAction::Failed(m) => next.error = Some(m),
            CourseAction::Accept(id, on) => {
                let mut set = (*next.accepted).clone();
                if on {
                    set.insert(id)
                } else {
                    set.remove(&id)
                };
                next.accepted = Rc::new(set);
            }
            CourseAction::Pledge(doc, p, on) => {
                let mut set = (*next.affirmed).clone();
                if on {
                    set.insert((doc, p))
                } else {
                    set.remove(&(doc, p))
                };
                next.affirmed = Rc::new(set);
            }
            CourseAction::Read(r) => {
                next.focus = match (&next.reading, &r) {
                    (Some((fragment, _)), None) => {
                        let id = fragment.split('@').next().unwrap_or_default();
                        Some(format!("[data-read=\"{id}\"]"))
                    }
                    _ => None,
                };
                next.reading = r;
            }
            CourseAction::History(history, notice, done) => {
                if let Some(r) = &mut next.ready {
                    r.history = Rc::new(history);
                }
                if notice.is_some() {
                    next.notice = notice;
                }
                if let Some(doc) = done {
                    next.focus = Some(format!("#tw-c-{doc}-line"));
                    let mut a = (*next.accepted).clone();
                    a.remove(&doc);
                    next.accepted = Rc::new(a);
                    let rest = next.affirmed.iter().filter(|(d, _)| *d != doc).cloned();
                    next.affirmed = Rc::new(rest.collect());
                }
            }
        }
        if next == *self { self } else { Rc::new(next) }
    }
}

/// Props of [`HonorCodeApp`].
#[derive(Properties, PartialEq, Clone)]
pub struct HonorCodeAppProps {
    /// Where the documents come from.
    pub source: Source,
    /// The `<terms-honor-code>` element.
    pub host: web_sys::HtmlElement,
    /// The `course` attribute as given.
    pub course: AttrValue,
    /// The interface's locale, a BCP 47 tag (see
    /// [`platform::language`](crate::platform::language)); English when `None` or when
    /// the catalog lacks the language.
    #[prop_or_default]
    pub locale: Option<AttrValue>,
}

/// The course page's prompt for one `<terms-honor-code>`.
#[component]
pub fn HonorCodeApp(props: &HonorCodeAppProps) -> Html {
    let state = use_reducer(CourseState::default);
    let course = CourseId::parse(props.course.trim());
    {
        let dispatch = state.dispatcher();
        let valid = course.is_ok();
        let given = props.course.clone();
        let lang = crate::catalog::Lang::of_locale(props.locale.as_deref()).tag();
        use_effect_with((props.source.clone(), valid), move |(source, valid)| {
            if !*valid {
                platform::console_error(&format!(
                    "<terms-honor-code course=\"{given}\">: the course id must be 1 to 64 of a-z 0-9 - _ . (nothing is shown)."
                ));
                return;
            }
            let failed = dispatch.clone();
            common::load(
                source.clone(),
                lang,
                move |ready, notice| dispatch.dispatch(CourseAction::Ready(ready, notice)),
                move |m| failed.dispatch(CourseAction::Failed(m)),
            );
        });
    }
    {
        let dispatch = state.dispatcher();
        let history = state.ready.as_ref().map(|r| r.history.clone());
        use_effect_with(state.ready.is_some(), move |_| {
            let listener = history.and_then(|h| {
                common::watch_other_tabs(h, move |merged| {
                    dispatch.dispatch(CourseAction::History(merged, None, None))
                })
            });
            move || drop(listener)
        });
    }
    // Focus goes where the state says once the render is in place (the line that
    // replaced an Accept button, the link that opened the reading panel).
    {
        let host = props.host.clone();
        use_effect_with(state.focus.clone(), move |focus| {
            if let Some(selector) = focus {
                common::focus_later(&host, selector.clone());
            }
        });
    }
    let cat: Rc<Catalog> = crate::components::use_bundle_catalog(
        state.ready.as_ref().map(|r| r.loaded.clone()),
        props.locale.clone(),
    );
    let course = match course {
        Ok(c) => c,
        Err(_) => {
            let message = cat.with(Msg::InvalidCourse, &[("course", &props.course)]);
            return html! { <div class="tw tw-accept-error-box" role="alert" part="error">{ message }</div> };
        }
    };
    if let Some(error) = &state.error {
        return html! { <div class="tw tw-accept-error-box" role="alert" part="error">{ error.clone() }</div> };
    }
    let Some(ready) = state.ready.clone() else {
        return html! {};
    };
    let scope = Scope::course(&course);
    let list = standings(&ready.history, &ready.loaded.bundle, &ready.setup, &scope);
    let d = state.dispatcher();
    let read = |fragment: String, title: String| {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| {
            d.dispatch(CourseAction::Read(Some((fragment.clone(), title.clone()))))
        })
    };
    let card = |s: &DocumentStanding| {
        let title = s.document.title.clone();
        let doc_id = s.document.id.clone();
        let here = format!("{}@{}", doc_id, s.current.version);
        let read_link = html! {
            <button type="button" class="tw-link-button" data-read={doc_id.clone()} onclick={read(here.clone(), title.clone())}>
                { cat.text(Msg::ReadIt) }
            </button>
        };
        let accepted_line = |record| {
            html! {
                <p class="tw-accept-line" part="accepted" id={format!("tw-c-{doc_id}-line")} tabindex="-1">
                    { receipt::accepted_line(&cat, record, &title) }{" · "}{ read_link.clone() }
                </p>
            }
        };
        match (s.standing, s.accepted) {
            (Standing::AcceptedCurrent, Some(record)) => accepted_line(record),
            (Standing::UpdatedNotMaterial, Some(record)) => html! {
                <>
                    { accepted_line(record) }
                    <p class="tw-accept-updated" part="updated">{ cat.text(Msg::UpdatedSinceAccepted) }</p>
                </>
            },
            _ => pending_card(
                &cat,
                &state,
                s,
                &d,
                &props.host,
                &scope,
                read(here.clone(), title.clone()),
            ),
        }
    };
    let reading = state.reading.clone();
    let body = html! {
        <div hidden={reading.is_some()} inert={reading.is_some()}>
            <h2 class="tw-accept-heading">{ cat.text(Msg::CoursePromptTitle) }</h2>
            <ul class="tw-accept-docs">
                { for list.iter().map(|s| html! { <li class="tw-accept-doc" part="document">{ card(s) }</li> }) }
            </ul>
            <HistoryBox ready={ready.clone()} subject={AttrValue::from(common::subject_of(&props.host))} />
        </div>
    };
    let reading = reading.map(|(fragment, title)| {
        let back = {
            let d = d.clone();
            Callback::from(move |_| d.dispatch(CourseAction::Read(None)))
        };
        html! {
            <Reading source={props.source.clone()} fragment={AttrValue::from(fragment)}
                title={AttrValue::from(title)} back_label={AttrValue::from(cat.text(Msg::BackToPrompt))}
                on_back={back} />
        }
    });
    html! {
        <ContextProvider<Rc<Catalog>> context={cat.clone()}>
            <section class="tw tw-accept tw-honor-code" aria-label={cat.text(Msg::CoursePromptTitle)} part="prompt">
                { common::notice_html(&cat, state.notice) }
                { body }
                { for reading }
            </section>
        </ContextProvider<Rc<Catalog>>>
    }
}

/// A pending document: what changed (after a material change), its pledges, its box and
/// its button.
fn pending_card(
    cat: &Catalog,
    state: &CourseState,
    s: &DocumentStanding,
    d: &UseReducerDispatcher<CourseState>,
    host: &web_sys::HtmlElement,
    scope: &Scope,
    on_read: Callback<MouseEvent>,
) -> Html {
    let doc = s.document;
    let current = s.current;
    let pledges = current.pledge_list();
    let again = s.pending_reason() == Some(PendingReason::MaterialChange);
    let all_given = state.accepted.contains(&doc.id)
        && pledges
            .iter()
            .all(|p| state.affirmed.contains(&(doc.id.clone(), p.id.clone())));
    let meta = cat.with(
        Msg::DocumentMeta,
        &[
            ("version", &current.version),
            ("date", &cat.date(current.effective)),
        ],
    );
    let changes = again
        .then(|| {
            let changes = s.changes_since_accepted()?;
            let from = s.accepted_version?.version.clone();
            let intro = cat.with(
                Msg::MaterialChangeIntro,
                &[("title", &doc.title), ("version", &from)],
            );
            let d = d.clone();
            let title = doc.title.clone();
            let on_fragment = Callback::from(move |f: String| {
                d.dispatch(CourseAction::Read(Some((f, title.clone()))))
            });
            Some(html! {
                <div class="tw-accept-changes" part="changes">
                    <p class="tw-accept-intro">{ intro }</p>
                    <h4 class="tw-accept-changes-title">{ cat.text(Msg::ChangedSinceAccepted) }</h4>
                    <ChangesView changes={Rc::new(changes)} from={AttrValue::from(from)}
                        to={AttrValue::from(current.version.clone())}
                        full_text={AttrValue::from(format!("{}@{}", doc.id, current.version))}
                        {on_fragment} />
                </div>
            })
        })
        .flatten();
    let box_id = format!("tw-c-{}-accept", doc.id);
    let meta_id = format!("tw-c-{}-meta", doc.id);
    let on_accept = {
        let (d, id) = (d.clone(), doc.id.clone());
        Callback::from(move |e: Event| {
            let c = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked();
            d.dispatch(CourseAction::Accept(id.clone(), c))
        })
    };
    let pledge_boxes = (!pledges.is_empty()).then(|| {
        html! {
            <fieldset class="tw-accept-pledges" part="pledges">
                <legend>{ cat.with(Msg::PledgesLegend, &[("title", &doc.title)]) }</legend>
                { for pledges.iter().map(|p| {
                    let id = format!("tw-c-{}-pledge-{}", doc.id, p.id);
                    let key = (doc.id.clone(), p.id.clone());
                    let checked = state.affirmed.contains(&key);
                    let d = d.clone();
                    let onchange = Callback::from(move |e: Event| {
                        let c = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
                        d.dispatch(CourseAction::Pledge(key.0.clone(), key.1.clone(), c))
                    });
                    html! {
                        <div class="tw-accept-check">
                            <input id={id.clone()} type="checkbox" {checked} {onchange} />
                            <label for={id} dir="auto">{ p.text.clone() }</label>
                        </div>
                    }
                }) }
            </fieldset>
        }
    });
    let submit = {
        let (d, host, scope) = (d.clone(), host.clone(), scope.clone());
        let ready = state.ready.clone();
        let (doc_id, ids): (String, Vec<String>) = (
            doc.id.clone(),
            pledges.iter().map(|p| p.id.clone()).collect(),
        );
        let method = if again {
            Method::Reacceptance
        } else {
            Method::Prompt
        };
        Callback::from(move |_: MouseEvent| {
            let Some(ready) = &ready else { return };
            let Some(document) = ready.loaded.bundle.document(&doc_id) else {
                return;
            };
            let ctx = common::context(
                &host,
                ready,
                common::new_batch(),
                scope.clone(),
                method,
                None,
            );
            let mut history = (*ready.history).clone();
            let item = Acceptance {
                document,
                version: document.current(),
                pledges: &ids,
            };
            match history.accept(&ctx, [(signals::random_record_id(), item)]) {
                Ok(batch) => {
                    let (history, notice) = common::store_and_announce(history, &batch, &host);
                    d.dispatch(CourseAction::History(history, notice, Some(doc_id.clone())));
                }
                Err(e) => platform::console_error(&format!("could not record: {e}")),
            }
        })
    };
    let button = if again {
        cat.with(Msg::AcceptAgainButton, &[("version", &current.version)])
    } else {
        cat.text(Msg::AcceptButton)
    };
    html! {
        <div class="tw-accept-pending" part="pending">
            <h3 class="tw-accept-doc-title" dir="auto" lang={doc.lang.clone()}>{ doc.title.clone() }</h3>
            <p class="tw-accept-meta" id={meta_id.clone()}>
                { meta }{" · "}
                if !cat.speaks(doc.lang_of(&current.version)) {
                    <span class="tw-lang-note">{ cat.text(Msg::ShownInOriginalLanguage) }</span>{" · "}
                }
                <button type="button" class="tw-link-button" data-read={doc.id.clone()} onclick={on_read}>
                    { cat.with(Msg::ReadDocument, &[("title", &doc.title)]) }
                </button>
            </p>
            { for changes }
            { for pledge_boxes }
            <div class="tw-accept-check">
                <input id={box_id.clone()} type="checkbox" checked={state.accepted.contains(&doc.id)}
                    aria-describedby={meta_id} onchange={on_accept} />
                <label for={box_id}>{ cat.with(Msg::AcceptDocument, &[("title", &doc.title)]) }</label>
            </div>
            // The visible word starts the accessible name, which says which document
            // (a course page can show two "Accept" buttons).
            <button type="button" class="tw-accept-primary tw-accept-submit" part="accept"
                aria-label={format!("{button}: {}", doc.title)}
                disabled={!all_given} onclick={submit}>{ button }</button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recorded_document_loses_its_ticks_and_focus_goes_to_its_line() {
        let s = Rc::new(CourseState::default())
            .reduce(CourseAction::Accept("honor-code".into(), true))
            .reduce(CourseAction::Pledge("honor-code".into(), "1".into(), true))
            .reduce(CourseAction::Accept("integrity-code".into(), true))
            .reduce(CourseAction::History(
                AcceptanceHistory::default(),
                None,
                Some("honor-code".into()),
            ));
        assert_eq!(*s.accepted, BTreeSet::from(["integrity-code".to_string()]));
        assert!(s.affirmed.is_empty());
        assert_eq!(s.focus.as_deref(), Some("#tw-c-honor-code-line"));
    }

    #[test]
    fn back_from_reading_returns_focus_to_the_link_that_opened_it() {
        let s = Rc::new(CourseState::default())
            .reduce(CourseAction::Read(Some((
                "honor-code@2".into(),
                "Honor Code".into(),
            ))))
            .reduce(CourseAction::Read(None));
        assert_eq!(s.reading, None);
        assert_eq!(s.focus.as_deref(), Some("[data-read=\"honor-code\"]"));
    }
}
