//! Renders the inert Markdown model as Yew virtual DOM. Never `inner_html`.
//!
//! Text is always a text node (so `<script>` in a document shows as text), links are
//! live only when the domain classified them as safe, and search matches are wrapped
//! in `<mark>` while rendering each text leaf.

use std::rc::Rc;

use yew::prelude::*;

use super::parts::follow_fragment_clicks;
use super::use_catalog;
use crate::catalog::{Catalog, Msg};
use crate::domain::documents::markdown::{
    Alignment, Block, Document, Inline, LinkTarget, Outline, Text,
};
use crate::domain::documents::search::{Matches, split_leaf};

/// Props of [`MarkdownView`].
#[derive(Properties, Clone)]
pub struct MarkdownViewProps {
    /// The parsed document.
    pub doc: Rc<Document>,
    /// Search matches in document order (may be empty).
    pub matches: Rc<Matches>,
    /// Index of the current match (`0..matches.count()`), if any. Every piece of it
    /// is marked current.
    pub current: Option<usize>,
    /// Route fragment of the document shown (e.g. `terms-of-use@2`), for section anchors.
    pub base: AttrValue,
    /// Called with the fragment (without `#`) of an in-widget link the reader followed.
    pub on_fragment: Callback<String>,
    /// The document's language (a BCP 47 tag), when it may differ from the interface's.
    #[prop_or_default]
    pub lang: Option<AttrValue>,
}

impl PartialEq for MarkdownViewProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.doc, &other.doc)
            && (Rc::ptr_eq(&self.matches, &other.matches) || self.matches == other.matches)
            && self.current == other.current
            && self.base == other.base
            && self.on_fragment == other.on_fragment
            && self.lang == other.lang
    }
}

/// The rendered body of one document version.
#[component]
pub fn MarkdownView(props: &MarkdownViewProps) -> Html {
    let cat = use_catalog();
    let outline = Outline::of(&props.doc.headings);
    let ctx = Ctx {
        props,
        cat: &cat,
        outline,
    };
    // In-widget links are plain `<a data-fragment>`: one handler follows them all.
    let onclick = follow_fragment_clicks(&props.on_fragment);
    let lang = props.lang.clone();
    let dir = lang.as_deref().map(crate::catalog::direction);
    // While matches are marked, every block is laid out (see `.tw-md-all` in
    // widget.css): stepping through them scrolls to exact places.
    let class = classes!("tw-md", (!props.matches.is_empty()).then_some("tw-md-all"));
    html! { <div {class} {lang} {dir} {onclick}>{ ctx.blocks(&props.doc.blocks, false) }</div> }
}

struct Ctx<'a> {
    props: &'a MarkdownViewProps,
    /// The words around the content (labels, the new-tab note).
    cat: &'a Catalog,
    /// The heading levels the document uses: its highest renders as `<h2>`.
    outline: Outline,
}

impl Ctx<'_> {
    fn blocks(&self, blocks: &[Block], tight: bool) -> Html {
        blocks.iter().map(|b| self.block(b, tight)).collect()
    }

    fn block(&self, block: &Block, tight: bool) -> Html {
        match block {
            Block::Heading {
                level,
                slug,
                content,
            } => {
                let href = format!(
                    "#{}/{}",
                    self.props.base,
                    crate::domain::documents::route::percent_encode(slug)
                );
                let anchor = self.fragment_link(
                    href,
                    html! { <span aria-hidden="true">{"#"}</span> },
                    Some("tw-anchor"),
                    Some(&self.cat.text(Msg::LinkToSection)),
                );
                let inner = html! { <>{ self.inlines(content) }{" "}{ anchor }</> };
                let id = slug.clone();
                // Nested by rank under the widget's <h1> title, so levels never skip.
                match self.outline.html_level(*level) {
                    2 => html! { <h2 {id} tabindex="-1" dir="auto">{inner}</h2> },
                    3 => html! { <h3 {id} tabindex="-1" dir="auto">{inner}</h3> },
                    4 => html! { <h4 {id} tabindex="-1" dir="auto">{inner}</h4> },
                    5 => html! { <h5 {id} tabindex="-1" dir="auto">{inner}</h5> },
                    _ => html! { <h6 {id} tabindex="-1" dir="auto">{inner}</h6> },
                }
            }
            Block::Paragraph(inlines) if tight => self.inlines(inlines),
            // Each block takes the direction of its own first strong letter, so a document
            // (or a paragraph) in a right-to-left language reads right to left inside the
            // widget's own left-to-right interface.
            Block::Paragraph(inlines) => html! { <p dir="auto">{ self.inlines(inlines) }</p> },
            Block::BlockQuote(inner) => {
                html! { <blockquote>{ self.blocks(inner, false) }</blockquote> }
            }
            Block::List {
                ordered,
                start,
                tight,
                items,
            } => {
                let items: Html = items
                    .iter()
                    .map(|item| {
                        let check = item.checked.map(|done| {
                            html! { <input type="checkbox" disabled=true checked={done} /> }
                        });
                        html! { <li dir="auto">{ check }{ self.blocks(&item.blocks, *tight) }</li> }
                    })
                    .collect();
                if *ordered {
                    let start = (*start != 1).then(|| start.to_string());
                    html! { <ol {start}>{ items }</ol> }
                } else {
                    html! { <ul>{ items }</ul> }
                }
            }
            Block::CodeBlock { language, code } => {
                let class = language.as_ref().map(|l| {
                    format!(
                        "language-{}",
                        l.chars()
                            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                            .collect::<String>()
                    )
                });
                html! { <pre><code {class}>{ self.leaf(code) }</code></pre> }
            }
            Block::Table {
                alignments,
                head,
                rows,
            } => {
                let align = |i: usize| match alignments.get(i) {
                    Some(Alignment::Left) => Some("tw-left"),
                    Some(Alignment::Center) => Some("tw-center"),
                    Some(Alignment::Right) => Some("tw-right"),
                    _ => None,
                };
                let columns = head.len();
                html! {
                    <div class="tw-table" role="group" aria-label={self.cat.text(Msg::TableLabel)} tabindex="0">
                        <table>
                            <thead><tr>{ for head.iter().enumerate().map(|(i, cell)| html! {
                                <th scope="col" class={align(i)}>{ self.inlines(cell) }</th>
                            }) }</tr></thead>
                            <tbody>{ for rows.iter().map(|row| html! {
                                <tr>{ for (0..columns.max(1)).map(|i| html! {
                                    <td class={align(i)}>{ row.get(i).map(|c| self.inlines(c)) }</td>
                                }) }</tr>
                            }) }</tbody>
                        </table>
                    </div>
                }
            }
            Block::ThematicBreak => html! { <hr /> },
            Block::RawHtml(text) => html! { <p class="tw-raw">{ self.leaf(text) }</p> },
        }
    }

    fn inlines(&self, inlines: &[Inline]) -> Html {
        inlines.iter().map(|i| self.inline(i)).collect()
    }

    fn inline(&self, inline: &Inline) -> Html {
        match inline {
            Inline::Text(t) => self.leaf(t),
            Inline::Code(t) => html! { <code>{ self.leaf(t) }</code> },
            Inline::Emphasis(c) => html! { <em>{ self.inlines(c) }</em> },
            Inline::Strong(c) => html! { <strong>{ self.inlines(c) }</strong> },
            Inline::Strikethrough(c) => html! { <del>{ self.inlines(c) }</del> },
            Inline::HardBreak => html! { <br /> },
            Inline::RawHtml(t) => html! { <span class="tw-raw">{ self.leaf(t) }</span> },
            Inline::Image { alt } => html! {
                <span class="tw-image-alt">{ self.cat.text(Msg::ImageStart) }{ self.inlines(alt) }{ self.cat.text(Msg::ImageEnd) }</span>
            },
            Inline::Link {
                target,
                title,
                content,
            } => {
                let title = (!title.is_empty()).then(|| AttrValue::from(title.clone()));
                let content = self.inlines(content);
                match target {
                    LinkTarget::External(url) => html! {
                        <a href={url.clone()} {title} rel="noopener noreferrer" target="_blank">
                            { content }
                            <span class="tw-visually-hidden">{ self.cat.text(Msg::OpensInNewTab) }</span>
                        </a>
                    },
                    LinkTarget::Mailto(url) => {
                        html! { <a href={url.clone()} {title}>{ content }</a> }
                    }
                    LinkTarget::Relative(url) => {
                        html! { <a href={url.clone()} {title}>{ content }</a> }
                    }
                    LinkTarget::Fragment(fragment) => {
                        self.fragment_link(format!("#{fragment}"), content, None, title.as_deref())
                    }
                    LinkTarget::Blocked(href) => html! {
                        <span class="tw-blocked-link" title={self.cat.with(Msg::LinkRemoved, &[("href", href)])}>
                            { content }
                        </span>
                    },
                }
            }
        }
    }

    /// An in-widget link (see [`follow_fragment_clicks`]).
    fn fragment_link(
        &self,
        href: String,
        content: Html,
        class: Option<&'static str>,
        label: Option<&str>,
    ) -> Html {
        // A plain link: [`MarkdownView`] follows it with one click handler for the whole
        // document (a component and a closure per link made long documents slow to open).
        let fragment = href.trim_start_matches('#').to_string();
        html! {
            <a {href} class={classes!(class)} aria-label={label.map(|l| AttrValue::from(l.to_string()))}
               data-fragment={fragment}>{ content }</a>
        }
    }

    /// One text leaf, with its search matches wrapped in `<mark>` (a match that spans
    /// several leaves has a `<mark>` in each, with the same `data-match`).
    fn leaf(&self, text: &Text) -> Html {
        let pieces = self.props.matches.in_leaf(text.leaf);
        if pieces.is_empty() {
            return html! { { text.text.clone() } };
        }
        split_leaf(&text.text, text.leaf, pieces)
            .into_iter()
            .map(|segment| match segment.match_index {
                None => html! { { segment.text.to_string() } },
                Some(index) => {
                    let current = self.props.current == Some(index);
                    let class = classes!("tw-mark", current.then_some("tw-mark-current"));
                    html! {
                        <mark {class} data-match={index.to_string()}>{ segment.text.to_string() }</mark>
                    }
                }
            })
            .collect()
    }
}
