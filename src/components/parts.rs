//! The smaller pieces of the documents view, each a function component with `Props`
//! and `Callback`s; their words come from the catalog in context ([`use_catalog`]).

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::archived::ArchivedItems;
use super::{use_catalog, use_landmark_name};
use crate::catalog::Msg;
use crate::domain::documents::bundle::{ArchivedRevision, Problem, Version};
use crate::domain::documents::diff::{Change, Words};
use crate::domain::documents::markdown::{Heading, Outline, TocEntry};
use crate::domain::documents::route::percent_encode;

/// Props of [`FragmentLink`].
#[derive(Properties, PartialEq, Clone)]
pub struct FragmentLinkProps {
    /// The fragment, without `#` (e.g. `refund-policy/guided-projects`).
    pub fragment: AttrValue,
    /// Called with `fragment` on a plain left click.
    pub on_fragment: Callback<String>,
    /// CSS class.
    #[prop_or_default]
    pub class: Classes,
    /// Accessible name, when the visible content is not enough.
    #[prop_or_default]
    pub label: Option<AttrValue>,
    /// `aria-current` value (e.g. `page`), when this link is where the reader is.
    #[prop_or_default]
    pub current: Option<AttrValue>,
    /// The link's content.
    #[prop_or_default]
    pub children: Html,
}

/// An in-widget link: a real `#fragment` href (so it can be copied, or opened in a new
/// tab with a modifier key), whose plain left click navigates inside the widget.
#[component]
pub fn FragmentLink(props: &FragmentLinkProps) -> Html {
    let onclick = {
        let on_fragment = props.on_fragment.clone();
        let fragment = props.fragment.to_string();
        Callback::from(move |e: MouseEvent| {
            if e.button() == 0 && !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key()) {
                e.prevent_default();
                on_fragment.emit(fragment.clone());
            }
        })
    };
    html! {
        <a href={format!("#{}", props.fragment)}
           class={props.class.clone()}
           aria-label={props.label.clone()}
           aria-current={props.current.clone()}
           {onclick}>
            { props.children.clone() }
        </a>
    }
}

/// The click handler for a container of many in-widget links written as plain
/// `<a href="#…" data-fragment="…">` (see [`FragmentLink`] for one link): a plain left
/// click on any of them calls `on_fragment` with its fragment. One handler for a whole
/// document or table of contents instead of a component and a closure per link.
pub fn follow_fragment_clicks(on_fragment: &Callback<String>) -> Callback<MouseEvent> {
    let on_fragment = on_fragment.clone();
    Callback::from(move |e: MouseEvent| {
        if e.button() != 0 || e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() {
            return;
        }
        let fragment = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[data-fragment]").ok().flatten())
            .and_then(|a| a.get_attribute("data-fragment"));
        if let Some(fragment) = fragment {
            e.prevent_default();
            on_fragment.emit(fragment);
        }
    })
}

/// One entry of the documents list.
#[derive(Debug, Clone, PartialEq)]
pub struct NavItem {
    /// Document id.
    pub id: String,
    /// Document title.
    pub title: String,
    /// The title's language (a BCP 47 tag): a document shown in its original language
    /// keeps its title's pronunciation.
    pub lang: String,
}

/// Props of [`DocNav`].
#[derive(Properties, PartialEq, Clone)]
pub struct DocNavProps {
    /// The documents, in display order.
    pub items: Rc<Vec<NavItem>>,
    /// The open document's id.
    pub current: Option<String>,
    /// Navigation callback.
    pub on_fragment: Callback<String>,
}

/// The list of documents.
#[component]
pub fn DocNav(props: &DocNavProps) -> Html {
    let name = use_landmark_name(Msg::DocumentsLabel);
    html! {
        <nav class="tw-docs" aria-label={name}>
            <ul>
                { for props.items.iter().map(|item| {
                    let here = props.current.as_deref() == Some(item.id.as_str());
                    html! {
                        <li>
                            <FragmentLink
                                fragment={item.id.clone()}
                                on_fragment={props.on_fragment.clone()}
                                class={classes!("tw-doc-link", here.then_some("tw-here"))}
                                current={here.then_some(AttrValue::Static("page"))}
                            ><span lang={item.lang.clone()}>{ item.title.clone() }</span></FragmentLink>
                        </li>
                    }
                }) }
            </ul>
        </nav>
    }
}

/// Props of [`Toc`].
#[derive(Properties, PartialEq, Clone)]
pub struct TocProps {
    /// The open version's headings.
    pub headings: Vec<Heading>,
    /// Route fragment of the open version (e.g. `terms-of-use@2`).
    pub base: AttrValue,
    /// Navigation callback.
    pub on_fragment: Callback<String>,
}

/// The table of contents of the open document: its headings of the two highest levels
/// it uses ([`Outline::toc`]), whatever their numbers.
#[component]
pub fn Toc(props: &TocProps) -> Html {
    let cat = use_catalog();
    let name = use_landmark_name(Msg::OnThisPage);
    let shown = Outline::of(&props.headings).toc(&props.headings);
    if shown.is_empty() {
        return html! {};
    }
    html! {
        <details class="tw-toc" open=true>
            <summary>{ cat.text(Msg::OnThisPage) }</summary>
            <nav aria-label={name} onclick={follow_fragment_clicks(&props.on_fragment)}>
                <ul>
                    { for shown.iter().map(|&TocEntry { heading: h, rank }| {
                        let fragment = format!("{}/{}", props.base, percent_encode(&h.slug));
                        html! {
                            <li class={if rank > 0 { "tw-toc-sub" } else { "tw-toc-top" }}>
                                <a href={format!("#{fragment}")} data-fragment={fragment}>{ h.text.clone() }</a>
                            </li>
                        }
                    }) }
                </ul>
            </nav>
        </details>
    }
}

/// Props of [`SearchBar`].
#[derive(Properties, PartialEq, Clone)]
pub struct SearchBarProps {
    /// The search text as typed.
    pub query: AttrValue,
    /// Matches in the open document.
    pub total: usize,
    /// Index of the current match.
    pub current: Option<usize>,
    /// `(id, title, count)` of the other documents with matches.
    pub elsewhere: Rc<Vec<(String, String, usize)>>,
    /// The text changed.
    pub on_query: Callback<String>,
    /// Next match (Enter).
    pub on_next: Callback<()>,
    /// Previous match (Shift+Enter).
    pub on_prev: Callback<()>,
    /// Clear (Escape).
    pub on_clear: Callback<()>,
    /// Open another document.
    pub on_fragment: Callback<String>,
}

/// Search in the open document, with counts for the others.
#[component]
pub fn SearchBar(props: &SearchBarProps) -> Html {
    let cat = use_catalog();
    let oninput = {
        let cb = props.on_query.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                cb.emit(input.value());
            }
        })
    };
    let onkeydown = {
        let (next, prev, clear) = (
            props.on_next.clone(),
            props.on_prev.clone(),
            props.on_clear.clone(),
        );
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" if e.shift_key() => {
                e.prevent_default();
                prev.emit(());
            }
            "Enter" => {
                e.prevent_default();
                next.emit(());
            }
            "Escape" => {
                e.prevent_default();
                clear.emit(());
            }
            _ => {}
        })
    };
    let searching = !props.query.trim().is_empty();
    let status = if !searching {
        String::new()
    } else if props.total == 0 {
        cat.text(Msg::NoMatches)
    } else {
        let current = props.current.map_or(0, |c| c + 1).to_string();
        cat.count(
            Msg::MatchCount,
            props.total as u64,
            &[("current", &current)],
        )
    };
    let next = props.on_next.reform(|_: MouseEvent| ());
    let prev = props.on_prev.reform(|_: MouseEvent| ());
    let clear = props.on_clear.reform(|_: MouseEvent| ());
    html! {
        <search class="tw-search">
            <div class="tw-search-row">
                <input
                    type="search"
                    class="tw-search-input"
                    aria-label={cat.text(Msg::SearchLabel)}
                    placeholder={cat.text(Msg::SearchPlaceholder)}
                    autocomplete="off"
                    spellcheck="false"
                    value={props.query.clone()}
                    {oninput}
                    {onkeydown}
                />
                <button type="button" class="tw-icon-button" aria-label={cat.text(Msg::PreviousMatch)}
                    title={cat.text(Msg::PreviousMatchTitle)}
                    disabled={props.total == 0} onclick={prev}>{"↑"}</button>
                <button type="button" class="tw-icon-button" aria-label={cat.text(Msg::NextMatch)}
                    title={cat.text(Msg::NextMatchTitle)}
                    disabled={props.total == 0} onclick={next}>{"↓"}</button>
                if searching {
                    <button type="button" class="tw-icon-button" aria-label={cat.text(Msg::ClearSearch)}
                        title={cat.text(Msg::ClearSearchTitle)}
                        onclick={clear}>{"✕"}</button>
                }
            </div>
            <p class="tw-search-status" role="status" aria-live="polite">
                { status }
                if searching && !props.elsewhere.is_empty() {
                    <span class="tw-elsewhere">
                        { cat.text(Msg::AlsoIn) }
                        { for props.elsewhere.iter().enumerate().map(|(i, (id, title, n))| html! {
                            <>
                                { if i > 0 { cat.text(Msg::ListSeparator) } else { String::new() } }
                                <FragmentLink fragment={id.clone()} on_fragment={props.on_fragment.clone()}>
                                    { cat.with(Msg::AlsoInItem, &[("title", title), ("count", &n.to_string())]) }
                                </FragmentLink>
                            </>
                        }) }
                    </span>
                }
            </p>
        </search>
    }
}

/// What the version list shows of one version (no body: the list never needs it).
#[derive(Debug, Clone, PartialEq)]
pub struct VersionEntry {
    /// Version label.
    pub version: String,
    /// Effective date.
    pub effective: chrono::NaiveDate,
    /// What changed.
    pub summary: String,
    /// Whether the change was material.
    pub material: bool,
}

impl From<&Version> for VersionEntry {
    fn from(v: &Version) -> Self {
        VersionEntry {
            version: v.version.clone(),
            effective: v.effective,
            summary: v.summary.clone(),
            material: v.material,
        }
    }
}

/// Props of [`VersionHistory`].
#[derive(Properties, PartialEq, Clone)]
pub struct VersionHistoryProps {
    /// Document id.
    pub document: AttrValue,
    /// All versions, oldest first.
    pub versions: Rc<Vec<VersionEntry>>,
    /// The label of the version shown.
    pub shown: AttrValue,
    /// Navigation callback.
    pub on_fragment: Callback<String>,
    /// Earlier revisions without their text, oldest first (all before `versions`).
    #[prop_or_default]
    pub archived: Rc<Vec<ArchivedRevision>>,
}

/// Every version of the document, newest first, with what changed; then the archived
/// revisions before them.
#[component]
pub fn VersionHistory(props: &VersionHistoryProps) -> Html {
    let cat = use_catalog();
    let newest = props.versions.last().map(|v| v.version.clone());
    html! {
        <section class="tw-history">
            <h2 id="tw-history-title">{ cat.text(Msg::VersionsTitle) }</h2>
            <ol reversed=true>
                { for props.versions.iter().rev().map(|v| {
                    let shown = *props.shown == *v.version;
                    let what_changed = cat.with(Msg::WhatChangedInVersion, &[("version", &v.version)]);
                    let fragment = if Some(&v.version) == newest.as_ref() {
                        props.document.to_string()
                    } else {
                        format!("{}@{}", props.document, v.version)
                    };
                    html! {
                        <li class={classes!("tw-history-item", shown.then_some("tw-here"))}>
                            <FragmentLink fragment={fragment.clone()} on_fragment={props.on_fragment.clone()}
                                current={shown.then_some(AttrValue::Static("true"))}>
                                { cat.with(Msg::VersionLabel, &[("version", &v.version)]) }
                            </FragmentLink>
                            {" · "}
                            <time datetime={v.effective.to_string()}>{ cat.date(v.effective) }</time>
                            if v.material {
                                {" "}<span class="tw-badge tw-badge-material">{ cat.text(Msg::ImportantChange) }</span>
                            }
                            if props.versions.first().is_some_and(|first| first.version != v.version) {
                                {" · "}
                                <FragmentLink fragment={format!("{fragment}/~changes")} on_fragment={props.on_fragment.clone()}
                                    label={AttrValue::from(what_changed)}>
                                    { cat.text(Msg::WhatChanged) }
                                </FragmentLink>
                            }
                            if shown {
                                {" "}<span class="tw-badge">{ cat.text(Msg::ShownBadge) }</span>
                            }
                            <p class="tw-history-summary" dir="auto">{ v.summary.clone() }</p>
                        </li>
                    }
                }) }
                <ArchivedItems archived={props.archived.clone()} />
            </ol>
        </section>
    }
}

/// Props of [`ProblemList`].
#[derive(Properties, PartialEq, Clone)]
pub struct ProblemListProps {
    /// Problems found in the bundle.
    pub problems: Rc<Vec<Problem>>,
}

/// What is wrong with the bundle, for whoever maintains it. Hidden when nothing is.
#[component]
pub fn ProblemList(props: &ProblemListProps) -> Html {
    let cat = use_catalog();
    if props.problems.is_empty() {
        return html! {};
    }
    let n = props.problems.len();
    html! {
        <details class="tw-problems" open=true role="alert">
            <summary>
                { cat.count(Msg::ProblemsInDocuments, n as u64, &[]) }
            </summary>
            <ul>
                { for props.problems.iter().map(|p| html! { <li>{ p.to_string() }</li> }) }
            </ul>
        </details>
    }
}

/// Props of [`ChangesView`].
#[derive(Properties, Clone)]
pub struct ChangesViewProps {
    /// The changes, in the newer version's order.
    pub changes: Rc<Vec<Change>>,
    /// Label of the older version.
    pub from: AttrValue,
    /// Label of the newer version.
    pub to: AttrValue,
    /// Fragment of the newer version's full text.
    pub full_text: AttrValue,
    /// Navigation callback.
    pub on_fragment: Callback<String>,
}

impl PartialEq for ChangesViewProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.changes, &other.changes)
            && self.from == other.from
            && self.to == other.to
            && self.full_text == other.full_text
            && self.on_fragment == other.on_fragment
    }
}

/// What changed between two versions, grouped by section: removed text struck out,
/// added text underlined, reworded paragraphs word by word.
#[component]
pub fn ChangesView(props: &ChangesViewProps) -> Html {
    let cat = use_catalog();
    let (removed, added, end) = (
        cat.text(Msg::RemovedStart),
        cat.text(Msg::AddedStart),
        cat.text(Msg::ChangeEnd),
    );
    let words = |w: &Words| match w {
        Words::Same(t) => html! { <>{ t.clone() }{" "}</> },
        Words::Removed(t) => html! {
            <><del class="tw-del"><span class="tw-visually-hidden">{ removed.clone() }</span>{ t.clone() }<span class="tw-visually-hidden">{ end.clone() }</span></del>{" "}</>
        },
        Words::Added(t) => html! {
            <><ins class="tw-ins"><span class="tw-visually-hidden">{ added.clone() }</span>{ t.clone() }<span class="tw-visually-hidden">{ end.clone() }</span></ins>{" "}</>
        },
    };
    // Consecutive additions (or removals) in one section read as one block.
    enum Item<'a> {
        Added(Vec<&'a str>),
        Removed(Vec<&'a str>),
        Reworded(&'a [Words]),
    }
    let mut sections: Vec<(&str, Vec<Item>)> = Vec::new();
    for change in props.changes.iter() {
        if sections
            .last()
            .is_none_or(|(name, _)| *name != change.section())
        {
            sections.push((change.section(), Vec::new()));
        }
        let Some((_, items)) = sections.last_mut() else {
            continue;
        };
        match (change, items.last_mut()) {
            (Change::Added { unit, .. }, Some(Item::Added(texts)))
            | (Change::Removed { unit, .. }, Some(Item::Removed(texts))) => texts.push(&unit.text),
            (Change::Added { unit, .. }, _) => items.push(Item::Added(vec![&unit.text])),
            (Change::Removed { unit, .. }, _) => items.push(Item::Removed(vec![&unit.text])),
            (Change::Reworded { words, .. }, _) => items.push(Item::Reworded(words)),
        }
    }
    let render = |item: &Item| match item {
        Item::Added(texts) => html! {
            <div class="tw-change tw-change-added">
                <span class="tw-change-label">{ cat.text(Msg::ChangeAdded) }</span>
                { for texts.iter().map(|t| html! { <p><ins class="tw-ins">{ t.to_string() }</ins></p> }) }
            </div>
        },
        Item::Removed(texts) => html! {
            <div class="tw-change tw-change-removed">
                <span class="tw-change-label">{ cat.text(Msg::ChangeRemoved) }</span>
                { for texts.iter().map(|t| html! { <p><del class="tw-del">{ t.to_string() }</del></p> }) }
            </div>
        },
        Item::Reworded(ws) => html! {
            <div class="tw-change tw-change-reworded">
                <span class="tw-change-label">{ cat.text(Msg::ChangeReworded) }</span>
                <p>{ for ws.iter().map(words) }</p>
            </div>
        },
    };
    let count = props.changes.len();
    html! {
        <section class="tw-changes">
            <h2 id="tw-changes-title">{ cat.with(Msg::ChangesTitle, &[("to", &props.to), ("from", &props.from)]) }</h2>
            <p class="tw-changes-summary">
                { if count == 0 {
                    cat.text(Msg::ChangesNone)
                } else {
                    let in_sections = cat.count(Msg::ChangedSections, sections.len() as u64, &[]);
                    cat.count(Msg::ChangesCount, count as u64, &[("sections", &in_sections)])
                } }
                {" "}
                <FragmentLink fragment={props.full_text.clone()} on_fragment={props.on_fragment.clone()}>
                    { cat.text(Msg::ShowFullText) }
                </FragmentLink>
            </p>
            { for sections.iter().map(|(name, items)| html! {
                <div class="tw-changes-section">
                    <h3>{ if name.is_empty() { cat.text(Msg::Introduction) } else { name.to_string() } }</h3>
                    { for items.iter().map(render) }
                </div>
            }) }
        </section>
    }
}
