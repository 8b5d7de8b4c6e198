//! The sign-up's steps as presentational components: the neutral age screen, the kind
//! stop, and the documents with their checkboxes and pledges.

use std::collections::BTreeSet;
use std::rc::Rc;

use yew::prelude::*;

use super::super::use_catalog;
use crate::catalog::Msg;
use crate::domain::acceptance::Pledge;

/// Props of [`AgeScreen`].
#[derive(Properties, PartialEq, Clone)]
pub struct AgeScreenProps {
    /// What was typed.
    pub value: AttrValue,
    /// Why the answer could not be used (the message to show), if it could not.
    pub invalid: Option<Msg>,
    /// The date changed.
    pub on_input: Callback<String>,
    /// Continue.
    pub on_continue: Callback<()>,
}

/// The neutral age screen: a date of birth, nothing said of the limits.
#[component]
pub fn AgeScreen(props: &AgeScreenProps) -> Html {
    let cat = use_catalog();
    let on_input = props.on_input.reform(|e: InputEvent| {
        e.target_unchecked_into::<web_sys::HtmlInputElement>()
            .value()
    });
    let on_submit = {
        let go = props.on_continue.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            go.emit(())
        })
    };
    let described = if props.invalid.is_some() {
        "tw-birth-hint tw-birth-error"
    } else {
        "tw-birth-hint"
    };
    html! {
        <form class="tw-accept-age" onsubmit={on_submit} novalidate=true part="age">
            <fieldset>
                <legend id="tw-step-title" tabindex="-1">{ cat.text(Msg::BirthDateLegend) }</legend>
                <label for="tw-birth">{ cat.text(Msg::BirthDateLabel) }</label>
                <input id="tw-birth" type="date" autocomplete="bday" value={props.value.clone()}
                    aria-describedby={described} aria-invalid={props.invalid.is_some().to_string()}
                    required=true oninput={on_input} />
                <p id="tw-birth-hint" class="tw-accept-hint">{ cat.text(Msg::BirthDateHint) }</p>
                if let Some(why) = props.invalid {
                    <p id="tw-birth-error" class="tw-accept-error">{ cat.text(why) }</p>
                }
            </fieldset>
            <button type="submit" class="tw-accept-primary" part="continue">{ cat.text(Msg::Continue) }</button>
        </form>
    }
}

/// The kind stop under the minimum age.
#[component]
pub fn Stopped() -> Html {
    let cat = use_catalog();
    html! {
        <div class="tw-accept-stopped" part="stopped">
            <h2 id="tw-step-title" tabindex="-1">{ cat.text(Msg::TooYoungTitle) }</h2>
            <p>{ cat.text(Msg::TooYoungText) }</p>
        </div>
    }
}

/// One sign-up document as the step shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct DocItem {
    /// Document id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Current version label.
    pub version: String,
    /// When it takes effect.
    pub effective: chrono::NaiveDate,
    /// Its pledges (empty for most documents).
    pub pledges: Vec<Pledge>,
    /// The language its current text is in.
    pub lang: String,
}

/// Props of [`DocumentsStep`].
#[derive(Properties, PartialEq, Clone)]
pub struct DocumentsStepProps {
    /// The documents, in order.
    pub docs: Rc<Vec<DocItem>>,
    /// A parent or guardian must confirm.
    pub needs_guardian: bool,
    /// The guardian confirmed.
    pub guardian: bool,
    /// Documents ticked.
    pub accepted: Rc<BTreeSet<String>>,
    /// Pledges affirmed, as (document, pledge).
    pub affirmed: Rc<BTreeSet<(String, String)>>,
    /// What is still missing, in words (empty when everything is given).
    pub missing: AttrValue,
    /// Show the primary button (not inside a host form, whose submit button is the action).
    pub show_button: bool,
    /// Guardian box toggled.
    pub on_guardian: Callback<bool>,
    /// A document ticked or unticked.
    pub on_accept: Callback<(String, bool)>,
    /// A pledge ticked or unticked.
    pub on_pledge: Callback<(String, String, bool)>,
    /// Read a document in place.
    pub on_read: Callback<String>,
    /// The primary action.
    pub on_submit: Callback<()>,
    /// Back to the age screen (a mistyped date of birth).
    pub on_change_birth: Callback<()>,
}

/// The documents to accept, one unticked checkbox each, the pledges each to affirm.
#[component]
pub fn DocumentsStep(props: &DocumentsStepProps) -> Html {
    let cat = use_catalog();
    let complete = props.missing.is_empty();
    let guardian = props.needs_guardian.then(|| {
        let on = props.on_guardian.reform(|e: Event| {
            e.target_unchecked_into::<web_sys::HtmlInputElement>().checked()
        });
        html! {
            <fieldset class="tw-accept-guardian" part="guardian">
                <legend>{ cat.text(Msg::GuardianLegend) }</legend>
                <div class="tw-accept-check">
                    <input id="tw-guardian" type="checkbox" checked={props.guardian} onchange={on} />
                    <label for="tw-guardian">{ cat.text(Msg::GuardianConfirm) }</label>
                </div>
            </fieldset>
        }
    });
    let doc = |d: &DocItem| {
        let meta = cat.with(
            Msg::DocumentMeta,
            &[("version", &d.version), ("date", &cat.date(d.effective))],
        );
        let read = {
            let (on_read, id) = (props.on_read.clone(), d.id.clone());
            Callback::from(move |_: MouseEvent| on_read.emit(id.clone()))
        };
        let accept = {
            let (on, id) = (props.on_accept.clone(), d.id.clone());
            Callback::from(move |e: Event| {
                let checked = e
                    .target_unchecked_into::<web_sys::HtmlInputElement>()
                    .checked();
                on.emit((id.clone(), checked))
            })
        };
        let box_id = format!("tw-accept-{}", d.id);
        let meta_id = format!("tw-meta-{}", d.id);
        let pledges = (!d.pledges.is_empty()).then(|| {
            html! {
                <fieldset class="tw-accept-pledges" part="pledges">
                    <legend>{ cat.with(Msg::PledgesLegend, &[("title", &d.title)]) }</legend>
                    { for d.pledges.iter().map(|p| {
                        let id = format!("tw-pledge-{}-{}", d.id, p.id);
                        let key = (d.id.clone(), p.id.clone());
                        let checked = props.affirmed.contains(&key);
                        let on = props.on_pledge.clone();
                        let onchange = Callback::from(move |e: Event| {
                            let c = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
                            on.emit((key.0.clone(), key.1.clone(), c))
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
        html! {
            <li class="tw-accept-doc" part="document">
                <h2 class="tw-accept-doc-title" dir="auto" lang={d.lang.clone()}>{ d.title.clone() }</h2>
                <p class="tw-accept-meta" id={meta_id.clone()}>
                    { meta }{" · "}
                    if !cat.speaks(&d.lang) {
                        <span class="tw-lang-note">{ cat.text(Msg::ShownInOriginalLanguage) }</span>{" · "}
                    }
                    <button type="button" class="tw-link-button" data-read={d.id.clone()} onclick={read}>
                        { cat.with(Msg::ReadDocument, &[("title", &d.title)]) }
                    </button>
                </p>
                { for pledges }
                <div class="tw-accept-check">
                    <input id={box_id.clone()} type="checkbox" checked={props.accepted.contains(&d.id)}
                        aria-describedby={meta_id} onchange={accept} />
                    <label for={box_id}>{ cat.with(Msg::AcceptDocument, &[("title", &d.title)]) }</label>
                </div>
            </li>
        }
    };
    let submit = props.on_submit.reform(|_: MouseEvent| ());
    let change_birth = props.on_change_birth.reform(|_: MouseEvent| ());
    html! {
        <div class="tw-accept-documents" part="documents">
            <p class="tw-accept-change-birth">
                <button type="button" class="tw-link-button" onclick={change_birth}>
                    { cat.text(Msg::ChangeBirthDate) }
                </button>
            </p>
            { for guardian }
            <fieldset>
                <legend id="tw-step-title" tabindex="-1">{ cat.text(Msg::DocumentsLegend) }</legend>
                <ul class="tw-accept-docs">{ for props.docs.iter().map(doc) }</ul>
            </fieldset>
            if !complete {
                <p id="tw-missing" class="tw-accept-missing" aria-live="polite" part="missing">{ props.missing.clone() }</p>
            }
            if props.show_button {
                <button type="button" class="tw-accept-primary tw-accept-submit" part="accept"
                    disabled={!complete} aria-describedby={(!complete).then_some("tw-missing")}
                    onclick={submit}>
                    { cat.text(Msg::SignupAccept) }
                </button>
            }
        </div>
    }
}
