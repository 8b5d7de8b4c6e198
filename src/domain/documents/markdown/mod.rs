//! An inert, renderer-independent model of a Markdown document.
//!
//! [`parse`] turns CommonMark (plus GFM tables, strikethrough and task lists,
//! and `{#id}` heading attributes) into a [`Document`]: a tree of [`Block`]s
//! and [`Inline`]s that contains **no executable or loadable content**.
//!
//! Guarantees the renderer can rely on:
//!
//! * Raw HTML (block or inline) is kept as literal text ([`Block::RawHtml`],
//!   [`Inline::RawHtml`]) to be shown escaped, never interpreted. HTML
//!   comments are no exception: they are shown as text too.
//! * Entities are decoded (`&lt;b&gt;` becomes the three characters `<b>` in a
//!   [`Text`] leaf); the renderer must escape text, as every UI framework's
//!   text nodes do.
//! * Every link destination is classified by [`classify_link`]; only
//!   [`LinkTarget::External`], [`LinkTarget::Mailto`], [`LinkTarget::Fragment`]
//!   and [`LinkTarget::Relative`] may become a clickable `href`, and the
//!   renderer must use the string stored *in the target* (it is the cleaned
//!   form that was checked), not anything else.
//! * Images are never loaded: [`Inline::Image`] only carries its alt text.
//! * Every piece of visible text is a numbered [`Text`] leaf; leaves are
//!   numbered `0..leaf_count` in document order, which is the order of
//!   [`Document::leaves`]. Search results refer to leaves by that number.
//! * Soft line breaks are folded into the surrounding text as `'\n'` (HTML
//!   renders a newline in a text node as a space), so a phrase wrapped across
//!   source lines stays in one leaf and can be found by search.
//! * Nesting is capped at [`MAX_NESTING_DEPTH`] containers: deeper block
//!   quotes, lists, emphasis or links are flattened into their parent, so
//!   recursive renderers and `Drop` cannot overflow the stack on hostile input.
//! * Footnotes degrade to text: a reference `[^1]` becomes the text `[1]`,
//!   and its definition `[^1]: Source.` stays where it was written, as
//!   blocks whose first paragraph starts with `[1] `.

mod builder;
mod links;
mod model;
mod outline;
mod slug;
mod walk;

pub use builder::parse;
pub use links::{classify_link, percent_decode};
pub use model::{
    Alignment, Block, Document, Heading, Inline, LinkTarget, ListItem, MAX_NESTING_DEPTH, RunPart,
    Text,
};
pub use outline::{Outline, TOC_RANKS, TocEntry};
pub use slug::{WIDGET_ID_PREFIX, slugify};
pub use walk::plain_text;

#[cfg(test)]
mod tests;
