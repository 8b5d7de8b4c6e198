//! The privacy policy inside the consent UI: a nested `<terms-widget>` that opens it.
//!
//! The consent elements do not carry the documents view. The policy panel holds a
//! `<terms-widget document="privacy-policy">` with the same documents (the consent
//! element's `src`, a copy of its inline bundle, or the built-in ones), so the learner gets
//! the whole documents view: the text, its history and what changed. In the consent-only
//! build `<terms-widget>` is not defined yet: the frame asks `embed.js` for the documents
//! build (see [`crate::platform::documents_build`]) and says so while it loads, or that it failed.

use yew::prelude::*;

use super::Source;
use crate::catalog::Msg;
use crate::platform::{Listener, documents_build};

/// Props of [`PolicyFrame`].
#[derive(Properties, PartialEq, Clone)]
pub struct PolicyFrameProps {
    /// Where the consent element's documents come from.
    pub source: Source,
    /// The document to open (the consent set-up's `policy_document`).
    pub document: AttrValue,
    /// What is said while the documents view loads.
    #[prop_or(Msg::PolicyLoading)]
    pub loading: Msg,
    /// What is said when it could not be loaded.
    #[prop_or(Msg::PolicyLoadFailed)]
    pub failed: Msg,
}

/// Whether the nested widget can show the policy yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Frame {
    /// Waiting for `<terms-widget>` to be defined.
    Loading,
    /// Defined: the nested widget shows the policy.
    Shown,
    /// `embed.js` could not load the documents build.
    Failed,
}

/// The nested documents view that shows the privacy policy.
#[component]
pub fn PolicyFrame(props: &PolicyFrameProps) -> Html {
    let cat = super::use_catalog();
    let slot = use_node_ref();
    let frame = use_state(|| {
        if documents_build::is_defined() {
            Frame::Shown
        } else {
            Frame::Loading
        }
    });
    {
        let slot = slot.clone();
        let frame = frame.clone();
        use_effect_with(
            (props.source.clone(), props.document.clone()),
            move |(source, document)| {
                let host = slot.cast::<web_sys::Element>();
                let nested = host.as_ref().and_then(|host| {
                    let (src, inline) = match source {
                        Source::Url(url) => (Some(url.as_str()), None),
                        Source::Inline(text) => (None, Some(text.as_str())),
                        Source::BuiltIn | Source::Ready(_) => (None, None),
                    };
                    let element =
                        documents_build::element(&host.owner_document()?, document, src, inline)?;
                    host.append_child(&element).ok()?;
                    Some(element)
                });
                let failed = (*frame != Frame::Shown).then(|| {
                    let on_failed = frame.clone();
                    let listener = web_sys::window().map(|w| {
                        Listener::new(&w, documents_build::LOAD_FAILED_EVENT, move |event| {
                            if documents_build::leaves_widget_undefined(event) {
                                on_failed.set(Frame::Failed)
                            }
                        })
                    });
                    let on_defined = frame.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        documents_build::defined().await;
                        on_defined.set(Frame::Shown);
                    });
                    documents_build::request();
                    listener
                });
                move || {
                    drop(failed);
                    if let Some(element) = nested {
                        element.remove();
                    }
                }
            },
        );
    }
    let status = match *frame {
        Frame::Shown => html! {},
        Frame::Loading => html! {
            <p class="tw-consent-frame-status" role="status">{ cat.text(props.loading) }</p>
        },
        Frame::Failed => html! {
            <p class="tw-consent-frame-status" role="alert">{ cat.text(props.failed) }</p>
        },
    };
    html! {
        <>
            { status }
            <div class="tw-consent-policy-frame" ref={slot}></div>
        </>
    }
}
