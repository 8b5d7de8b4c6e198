//! The archived revisions in a document's version list: dated entries known only by
//! their summary, with the change on another site where the bundle links to it.

use std::rc::Rc;

use yew::prelude::*;

use super::use_catalog;
use crate::catalog::Msg;
use crate::domain::documents::bundle::ArchivedRevision;

/// Props of [`ArchivedItems`].
#[derive(Properties, PartialEq, Clone)]
pub struct ArchivedItemsProps {
    /// The archived revisions, oldest first.
    pub archived: Rc<Vec<ArchivedRevision>>,
}

/// One list item an archived revision, newest first (they follow the full versions in
/// the version list, which all come later).
#[component]
pub fn ArchivedItems(props: &ArchivedItemsProps) -> Html {
    let cat = use_catalog();
    html! {
        { for props.archived.iter().rev().map(|a| html! {
            <li class="tw-history-item tw-history-archived">
                <span class="tw-history-label">{ cat.text(Msg::ArchivedRevision) }</span>
                {" · "}
                <time datetime={a.effective.to_string()}>{ cat.date(a.effective) }</time>
                if a.material == Some(true) {
                    {" "}<span class="tw-badge tw-badge-material">{ cat.text(Msg::ImportantChange) }</span>
                }
                if let Some(link) = &a.link {
                    {" · "}
                    // Leaves the site: said in words (visible and read out), opened in a new
                    // tab like every external link in a document, without an opener or referrer.
                    <a class="tw-external" href={link.clone()} rel="noopener noreferrer" target="_blank">
                        { cat.text(Msg::WhatChanged) }
                        {" "}<span class="tw-external-note">{ cat.text(Msg::ExternalSite) }</span>
                        <span class="tw-external-icon" aria-hidden="true">{"↗"}</span>
                        <span class="tw-visually-hidden">{ cat.text(Msg::OpensInNewTab) }</span>
                    </a>
                }
                <p class="tw-history-summary">{ a.summary.clone() }</p>
            </li>
        }) }
    }
}
