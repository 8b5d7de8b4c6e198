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

use std::collections::{HashMap, HashSet};

use pulldown_cmark as cm;

/// How many nested containers (block quotes, lists, list items, emphasis,
/// links, …) the model keeps. Deeper containers are flattened into their
/// parent: their text is kept, their structure is not.
pub const MAX_NESTING_DEPTH: usize = 32;

/// A parsed Markdown document.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    /// Top-level blocks in document order.
    pub blocks: Vec<Block>,
    /// Every heading of the document (including headings inside block quotes
    /// and list items), in document order, e.g. for a table of contents.
    pub headings: Vec<Heading>,
    /// Number of [`Text`] leaves; leaves are numbered `0..leaf_count`.
    pub leaf_count: u32,
}

/// A heading as listed in [`Document::headings`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// Level 1 to 6.
    pub level: u8,
    /// Plain text of the heading (markup stripped, code spans and link text
    /// included, whitespace runs collapsed to one space).
    pub text: String,
    /// Unique (per document) anchor id, also stored in [`Block::Heading`].
    pub slug: String,
}

/// A block-level element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading; `slug` is unique within the document.
    Heading {
        /// Level 1 to 6.
        level: u8,
        /// Unique anchor id (see [`slugify`]).
        slug: String,
        /// The heading's inline content.
        content: Vec<Inline>,
    },
    /// A paragraph. Inside a [`Block::List`] with `tight: true` it should be
    /// rendered without paragraph spacing.
    Paragraph(Vec<Inline>),
    /// A block quote.
    BlockQuote(Vec<Block>),
    /// A bullet (`ordered: false`) or numbered list.
    List {
        /// `true` for a numbered list.
        ordered: bool,
        /// Number of the first item (1 for bullet lists).
        start: u64,
        /// `true` when the Markdown list is tight (no blank lines between
        /// items): render its item paragraphs without `<p>` spacing.
        tight: bool,
        /// The list items.
        items: Vec<ListItem>,
    },
    /// A fenced or indented code block (one leaf, trailing newline removed).
    CodeBlock {
        /// First word of the fence's info string, if any (untrusted text).
        language: Option<String>,
        /// The literal code.
        code: Text,
    },
    /// A table. Rows may have fewer or more cells than `head`: pad or ignore.
    Table {
        /// Column alignments (one per header cell).
        alignments: Vec<Alignment>,
        /// Header cells.
        head: Vec<Vec<Inline>>,
        /// Body rows, each a list of cells.
        rows: Vec<Vec<Vec<Inline>>>,
    },
    /// A horizontal rule.
    ThematicBreak,
    /// A raw HTML block, kept as literal text to be shown inert (escaped).
    RawHtml(Text),
}

/// One item of a [`Block::List`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListItem {
    /// `Some(done)` for a task-list item (`- [x]` / `- [ ]`), else `None`.
    pub checked: Option<bool>,
    /// The item's content.
    pub blocks: Vec<Block>,
}

/// Alignment of a table column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Alignment {
    /// No alignment given.
    None,
    /// `:--`
    Left,
    /// `:-:`
    Center,
    /// `--:`
    Right,
}

/// A numbered piece of visible text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    /// Position of this leaf in document order (`0..leaf_count`).
    pub leaf: u32,
    /// The literal text (entities already decoded; must be escaped on output).
    pub text: String,
}

/// An inline (span-level) element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    /// Plain text. Adjacent text is merged into one leaf; soft line breaks
    /// appear as `'\n'` inside it.
    Text(Text),
    /// An inline code span.
    Code(Text),
    /// Emphasis (`*a*`).
    Emphasis(Vec<Inline>),
    /// Strong emphasis (`**a**`).
    Strong(Vec<Inline>),
    /// Strikethrough (`~~a~~`).
    Strikethrough(Vec<Inline>),
    /// A link. Render as an anchor only if `target` is not
    /// [`LinkTarget::Blocked`].
    Link {
        /// Where the link goes, already classified.
        target: LinkTarget,
        /// The link title (tooltip), possibly empty. Not a leaf.
        title: String,
        /// The link text.
        content: Vec<Inline>,
    },
    /// An image. Never loaded: render its alt text.
    Image {
        /// The alt text.
        alt: Vec<Inline>,
    },
    /// Inline raw HTML (one tag or comment), kept as literal text.
    RawHtml(Text),
    /// A hard line break (`<br>`).
    HardBreak,
}

/// One part of a run of text, as returned by [`Document::text_runs`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunPart<'a> {
    /// A text leaf.
    Leaf(&'a Text),
    /// A hard line break ([`Inline::HardBreak`]) between leaves of the run.
    LineBreak,
}

/// The classified destination of a link. See [`classify_link`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// `http:`, `https:` or protocol-relative (`//host`) URL, cleaned. Open
    /// with `rel="noopener noreferrer"`.
    External(String),
    /// A `mailto:` URL, cleaned (the whole URL, including `mailto:`).
    Mailto(String),
    /// An in-document fragment: the part after `#`, percent-decoded. The
    /// app interprets it (it may be a heading slug or an app route).
    Fragment(String),
    /// A relative reference without a scheme (`guide.html`, `../x`, `/a`,
    /// `?q=1`), cleaned.
    Relative(String),
    /// Anything else (other schemes such as `javascript:`, or unusable
    /// input). Render the content as plain text; the original href is kept
    /// for display only.
    Blocked(String),
}

/// Parses Markdown into an inert [`Document`]. Never panics.
///
/// ```
/// use terms_widget::domain::documents::markdown::{parse, Block, Inline, LinkTarget};
///
/// let doc = parse("## Refunds\n\nSee [policy](javascript:alert(1)) &amp; more.");
/// assert_eq!(doc.headings[0].slug, "refunds");
/// let Block::Paragraph(inlines) = &doc.blocks[1] else { panic!("paragraph") };
/// let Inline::Link { target, .. } = &inlines[1] else { panic!("link") };
/// assert_eq!(*target, LinkTarget::Blocked("javascript:alert(1)".into()));
/// assert_eq!(doc.leaf_count, 4); // "Refunds", "See ", "policy", " & more."
/// ```
pub fn parse(markdown: &str) -> Document {
    let options = cm::Options::ENABLE_TABLES
        | cm::Options::ENABLE_STRIKETHROUGH
        | cm::Options::ENABLE_TASKLISTS
        | cm::Options::ENABLE_FOOTNOTES
        | cm::Options::ENABLE_HEADING_ATTRIBUTES;
    let events: Vec<cm::Event<'_>> = cm::Parser::new_ext(markdown, options).collect();
    let reserved = events
        .iter()
        .filter_map(|event| match event {
            cm::Event::Start(cm::Tag::Heading { id: Some(id), .. }) => Some(slugify(id)),
            _ => None,
        })
        .collect();
    let mut builder = Builder::new(reserved);
    for event in events {
        builder.event(event);
    }
    builder.finish()
}

impl Document {
    /// All text leaves in leaf order (`result[i].leaf == i`): the order in
    /// which a renderer meets them and in which search reports matches.
    ///
    /// ```
    /// let doc = terms_widget::domain::documents::markdown::parse("Hello *big* `world`");
    /// let texts: Vec<&str> = doc.leaves().iter().map(|t| t.text.as_str()).collect();
    /// assert_eq!(texts, ["Hello ", "big", " ", "world"]);
    /// ```
    pub fn leaves(&self) -> Vec<&Text> {
        let mut out = Vec::with_capacity(usize::try_from(self.leaf_count).unwrap_or(0));
        walk_blocks(&self.blocks, &mut |part| match part {
            Part::Inlines(inlines) => collect_inline_leaves(inlines, &mut out),
            Part::Text(text) => out.push(text),
        });
        out
    }

    /// The text leaves grouped into runs that read as one flow of text, in
    /// leaf order (the runs' leaves, concatenated, are [`Document::leaves`]).
    ///
    /// A run is the inline content of one paragraph, heading or table cell,
    /// across emphasis, strong, strikethrough, links, inline code and inline
    /// HTML, or one block-level leaf (a code block, an HTML block). So two
    /// paragraphs, list items, headings or table cells are never in one run.
    /// An image's alt text is a run of its own and ends the run before it
    /// (the renderer shows it between `[Image: ` and `]`, which are not
    /// leaves). A hard line break stays inside its paragraph's run, as a
    /// [`RunPart::LineBreak`]. Runs are never empty, and a run holds at least
    /// one leaf.
    ///
    /// ```
    /// use terms_widget::domain::documents::markdown::{parse, RunPart};
    ///
    /// let doc = parse("A **full** [refund](#x)  \nnow.\n\n- item");
    /// let runs: Vec<Vec<String>> = doc
    ///     .text_runs()
    ///     .iter()
    ///     .map(|run| {
    ///         run.iter()
    ///             .map(|part| match part {
    ///                 RunPart::Leaf(text) => text.text.clone(),
    ///                 RunPart::LineBreak => "<br>".to_string(),
    ///             })
    ///             .collect()
    ///     })
    ///     .collect();
    /// assert_eq!(runs, [vec!["A ", "full", " ", "refund", "<br>", "now."], vec!["item"]]);
    /// ```
    pub fn text_runs(&self) -> Vec<Vec<RunPart<'_>>> {
        let mut runs = Vec::new();
        walk_blocks(&self.blocks, &mut |part| match part {
            Part::Inlines(inlines) => {
                runs.push(Vec::new());
                collect_inline_runs(inlines, &mut runs);
            }
            Part::Text(text) => runs.push(vec![RunPart::Leaf(text)]),
        });
        runs.retain(|run| run.iter().any(|part| matches!(part, RunPart::Leaf(_))));
        runs
    }

    /// Every link's target, in document order (including links inside quotes, lists
    /// and tables).
    ///
    /// ```
    /// use terms_widget::domain::documents::markdown::{parse, LinkTarget};
    /// let doc = parse("See [refunds](#refund-policy).\n\n> [x](javascript:y)");
    /// assert_eq!(doc.links(), [
    ///     &LinkTarget::Fragment("refund-policy".into()),
    ///     &LinkTarget::Blocked("javascript:y".into()),
    /// ]);
    /// ```
    pub fn links(&self) -> Vec<&LinkTarget> {
        let mut out = Vec::new();
        walk_blocks(&self.blocks, &mut |part| {
            if let Part::Inlines(inlines) = part {
                collect_inline_links(inlines, &mut out);
            }
        });
        out
    }
}

/// Classifies a link destination so that only safe URLs become clickable.
///
/// The href is first cleaned the way browsers clean URLs: leading and
/// trailing ASCII whitespace and C0 control characters are stripped, and
/// TAB, LF and CR are removed everywhere. Then:
///
/// * empty → [`LinkTarget::Blocked`];
/// * `#frag` → [`LinkTarget::Fragment`] (percent-decoded, without `#`);
/// * two leading slashes or backslashes (`//host`, `\\host`, browsers treat
///   `\` like `/`) → [`LinkTarget::External`];
/// * a `:` before the first `/`, `?` or `#` is a scheme: `http`/`https`
///   (any case) → External, `mailto` → Mailto, anything else
///   (`javascript:`, `data:`, `vbscript:`, `file:`, `ftp:`, `foo:`, even an
///   invalid scheme such as `java script:` or `%6Aavascript:`) → Blocked;
/// * otherwise → [`LinkTarget::Relative`].
///
/// Blocked keeps the original href; the other variants hold the cleaned one.
///
/// ```
/// use terms_widget::domain::documents::markdown::{classify_link, LinkTarget};
///
/// assert_eq!(classify_link("HTTPS://x.example"), LinkTarget::External("HTTPS://x.example".into()));
/// assert_eq!(classify_link("#refund-policy"), LinkTarget::Fragment("refund-policy".into()));
/// assert_eq!(classify_link("a/b:c"), LinkTarget::Relative("a/b:c".into()));
/// assert_eq!(classify_link(" java\tscript:alert(1)"), LinkTarget::Blocked(" java\tscript:alert(1)".into()));
/// ```
pub fn classify_link(href: &str) -> LinkTarget {
    let cleaned = clean_href(href);
    if cleaned.is_empty() {
        return LinkTarget::Blocked(href.to_owned());
    }
    if let Some(fragment) = cleaned.strip_prefix('#') {
        return LinkTarget::Fragment(percent_decode(fragment));
    }
    let mut chars = cleaned.chars();
    if matches!(
        (chars.next(), chars.next()),
        (Some('/' | '\\'), Some('/' | '\\'))
    ) {
        return LinkTarget::External(cleaned);
    }
    match scheme_of(&cleaned) {
        None => LinkTarget::Relative(cleaned),
        Some(scheme)
            if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") =>
        {
            LinkTarget::External(cleaned)
        }
        Some(scheme) if scheme.eq_ignore_ascii_case("mailto") => LinkTarget::Mailto(cleaned),
        Some(_) => LinkTarget::Blocked(href.to_owned()),
    }
}

/// The prefix of every element id the widget gives its own elements; heading slugs
/// never start with it (see [`slugify`]).
pub const WIDGET_ID_PREFIX: &str = "tw-";

/// Turns heading text into a GitHub-like anchor id.
///
/// Lowercases; keeps Unicode letters and digits (and combining marks), `-`
/// and `_`; turns whitespace into `-`; drops other punctuation; collapses
/// repeated `-`; trims `-` at both ends; returns `section` if nothing is left.
/// (Uniqueness within a document is handled by [`parse`].)
///
/// Slugs become element ids in the same shadow root as the widget's own ids, which all
/// start with [`WIDGET_ID_PREFIX`] (`tw-`): a slug that would start with it (an author's
/// `{#tw-doc-title}`, a heading "TW — Notes") gets `section-` in front, so the two id
/// spaces never meet.
///
/// ```
/// use terms_widget::domain::documents::markdown::slugify;
///
/// assert_eq!(slugify("Política de privacidad"), "política-de-privacidad");
/// assert_eq!(slugify("tw-doc-title"), "section-tw-doc-title");
/// assert_eq!(slugify("  1. Terms & Conditions! "), "1-terms-conditions");
/// assert_eq!(slugify("???"), "section");
/// ```
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for lower in text.chars().flat_map(char::to_lowercase) {
        let keep = if lower.is_whitespace() || lower == '-' {
            Some('-')
        } else if lower.is_alphanumeric() || lower == '_' || is_combining_mark(lower) {
            Some(lower)
        } else {
            None
        };
        match keep {
            Some('-') if slug.is_empty() || slug.ends_with('-') => {}
            Some(c) => slug.push(c),
            None => {}
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        slug.push_str("section");
    }
    if slug.starts_with(WIDGET_ID_PREFIX) {
        slug.insert_str(0, "section-");
    }
    slug
}

/// The plain text of inline content: text, code and raw HTML literally, the
/// text of emphasis, links and image alt text, hard breaks as `'\n'`.
///
/// ```
/// use terms_widget::domain::documents::markdown::{parse, plain_text, Block};
///
/// let doc = parse("The `Foo` *bar* [baz](x)");
/// let Block::Paragraph(inlines) = &doc.blocks[0] else { panic!("paragraph") };
/// assert_eq!(plain_text(inlines), "The Foo bar baz");
/// ```
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    append_plain_text(inlines, &mut out);
    out
}

// ---------------------------------------------------------------------------
// Link helpers

/// Strips leading/trailing C0 controls and spaces, removes TAB/LF/CR anywhere
/// (what the URL parser does before looking for a scheme).
fn clean_href(href: &str) -> String {
    href.trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// The text before a `:` that comes before any `/`, `?` or `#`, if any.
fn scheme_of(href: &str) -> Option<&str> {
    let end = href.find([':', '/', '?', '#'])?;
    if href.as_bytes().get(end) == Some(&b':') {
        href.get(..end)
    } else {
        None
    }
}

/// Decodes `%XX` escapes; invalid escapes stay as they are and invalid UTF-8
/// becomes U+FFFD.
/// Decodes `%XX` escapes as UTF-8 (invalid sequences become U+FFFD); other text is
/// kept as it is.
///
/// ```
/// assert_eq!(terms_widget::domain::documents::markdown::percent_decode("pol%C3%ADtica%20x%zz"), "política x%zz");
/// ```
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        let escaped = match (bytes.get(index + 1), bytes.get(index + 2)) {
            (Some(&high), Some(&low)) if byte == b'%' => hex_value(high)
                .zip(hex_value(low))
                .map(|(high, low)| high * 16 + low),
            _ => None,
        };
        match escaped {
            Some(decoded) => {
                out.push(decoded);
                index += 3;
            }
            None => {
                out.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_value(digit: u8) -> Option<u8> {
    char::from(digit)
        .to_digit(16)
        .and_then(|value| u8::try_from(value).ok())
}

fn link_target(link_type: cm::LinkType, dest_url: &str) -> LinkTarget {
    match link_type {
        // `<someone@example.org>`: pulldown-cmark gives the bare address.
        cm::LinkType::Email => classify_link(&format!("mailto:{dest_url}")),
        _ => classify_link(dest_url),
    }
}

// ---------------------------------------------------------------------------
// Text helpers

fn is_combining_mark(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036F}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE20}'..='\u{FE2F}'
    )
}

fn append_plain_text(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(text) | Inline::Code(text) | Inline::RawHtml(text) => {
                out.push_str(&text.text);
            }
            Inline::Emphasis(children)
            | Inline::Strong(children)
            | Inline::Strikethrough(children) => {
                append_plain_text(children, out);
            }
            Inline::Link { content, .. } => append_plain_text(content, out),
            Inline::Image { alt } => append_plain_text(alt, out),
            Inline::HardBreak => out.push('\n'),
        }
    }
}

fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn leaf_text(text: impl Into<String>) -> Text {
    Text {
        leaf: 0,
        text: text.into(),
    }
}

/// Pushes an inline, merging it into a preceding text leaf when both are text.
fn push_inline(inlines: &mut Vec<Inline>, inline: Inline) {
    if let (Inline::Text(new), Some(Inline::Text(last))) = (&inline, inlines.last_mut()) {
        last.text.push_str(&new.text);
        return;
    }
    inlines.push(inline);
}

/// Moves pending inline content into a paragraph at the end of `blocks`.
fn flush_paragraph(blocks: &mut Vec<Block>, inlines: &mut Vec<Inline>) {
    if !inlines.is_empty() {
        blocks.push(Block::Paragraph(std::mem::take(inlines)));
    }
}

/// Degrades a block to inline content (only used for malformed nesting).
fn block_into_inlines(block: Block) -> Vec<Inline> {
    fn join(parts: impl IntoIterator<Item = Vec<Inline>>) -> Vec<Inline> {
        let mut out = Vec::new();
        for part in parts {
            if part.is_empty() {
                continue;
            }
            if !out.is_empty() {
                push_inline(&mut out, Inline::Text(leaf_text("\n")));
            }
            for inline in part {
                push_inline(&mut out, inline);
            }
        }
        out
    }
    match block {
        Block::Heading { content, .. } | Block::Paragraph(content) => content,
        Block::BlockQuote(blocks) => join(blocks.into_iter().map(block_into_inlines)),
        Block::List { items, .. } => join(
            items
                .into_iter()
                .flat_map(|item| item.blocks)
                .map(block_into_inlines),
        ),
        Block::CodeBlock { code, .. } => vec![Inline::Code(code)],
        Block::Table { head, rows, .. } => join(head.into_iter().chain(rows.into_iter().flatten())),
        Block::ThematicBreak => Vec::new(),
        Block::RawHtml(html) => vec![Inline::RawHtml(html)],
    }
}

// ---------------------------------------------------------------------------
// Leaf numbering and collection (both walk in the same order)

fn number_blocks(blocks: &mut [Block], next: &mut u32) {
    for block in blocks {
        match block {
            Block::Heading { content, .. } | Block::Paragraph(content) => {
                number_inlines(content, next);
            }
            Block::BlockQuote(children) => number_blocks(children, next),
            Block::List { items, .. } => {
                for item in items {
                    number_blocks(&mut item.blocks, next);
                }
            }
            Block::CodeBlock { code: text, .. } | Block::RawHtml(text) => number_leaf(text, next),
            Block::Table { head, rows, .. } => {
                for cell in head.iter_mut().chain(rows.iter_mut().flatten()) {
                    number_inlines(cell, next);
                }
            }
            Block::ThematicBreak => {}
        }
    }
}

fn number_inlines(inlines: &mut [Inline], next: &mut u32) {
    for inline in inlines {
        match inline {
            Inline::Text(text) | Inline::Code(text) | Inline::RawHtml(text) => {
                number_leaf(text, next);
            }
            Inline::Emphasis(children)
            | Inline::Strong(children)
            | Inline::Strikethrough(children)
            | Inline::Link {
                content: children, ..
            }
            | Inline::Image { alt: children } => number_inlines(children, next),
            Inline::HardBreak => {}
        }
    }
}

fn number_leaf(text: &mut Text, next: &mut u32) {
    text.leaf = *next;
    // Saturates only past 4 billion leaves, which no real input reaches.
    *next = next.saturating_add(1);
}

/// A piece of a block tree: a run of inlines, or a block-level text leaf.
enum Part<'a> {
    Inlines(&'a [Inline]),
    Text(&'a Text),
}

/// Visits every run of inlines and every block-level text leaf, in document order.
fn walk_blocks<'a>(blocks: &'a [Block], visit: &mut impl FnMut(Part<'a>)) {
    for block in blocks {
        match block {
            Block::Heading { content, .. } | Block::Paragraph(content) => {
                visit(Part::Inlines(content));
            }
            Block::BlockQuote(children) => walk_blocks(children, visit),
            Block::List { items, .. } => {
                for item in items {
                    walk_blocks(&item.blocks, visit);
                }
            }
            Block::CodeBlock { code: text, .. } | Block::RawHtml(text) => visit(Part::Text(text)),
            Block::Table { head, rows, .. } => {
                for cell in head.iter().chain(rows.iter().flatten()) {
                    visit(Part::Inlines(cell));
                }
            }
            Block::ThematicBreak => {}
        }
    }
}

fn collect_inline_links<'a>(inlines: &'a [Inline], out: &mut Vec<&'a LinkTarget>) {
    for inline in inlines {
        match inline {
            Inline::Link {
                target, content, ..
            } => {
                out.push(target);
                collect_inline_links(content, out);
            }
            Inline::Emphasis(children)
            | Inline::Strong(children)
            | Inline::Strikethrough(children)
            | Inline::Image { alt: children } => collect_inline_links(children, out),
            Inline::Text(_) | Inline::Code(_) | Inline::RawHtml(_) | Inline::HardBreak => {}
        }
    }
}

/// Appends the leaves of `inlines` to the last of `runs`; an image's alt text
/// gets a run of its own, and the text after it a new one.
fn collect_inline_runs<'a>(inlines: &'a [Inline], runs: &mut Vec<Vec<RunPart<'a>>>) {
    for inline in inlines {
        match inline {
            Inline::Text(text) | Inline::Code(text) | Inline::RawHtml(text) => {
                if let Some(run) = runs.last_mut() {
                    run.push(RunPart::Leaf(text));
                }
            }
            Inline::HardBreak => {
                if let Some(run) = runs.last_mut() {
                    run.push(RunPart::LineBreak);
                }
            }
            Inline::Emphasis(children)
            | Inline::Strong(children)
            | Inline::Strikethrough(children)
            | Inline::Link {
                content: children, ..
            } => collect_inline_runs(children, runs),
            Inline::Image { alt } => {
                runs.push(Vec::new());
                collect_inline_runs(alt, runs);
                runs.push(Vec::new());
            }
        }
    }
}

fn collect_inline_leaves<'a>(inlines: &'a [Inline], out: &mut Vec<&'a Text>) {
    for inline in inlines {
        match inline {
            Inline::Text(text) | Inline::Code(text) | Inline::RawHtml(text) => out.push(text),
            Inline::Emphasis(children)
            | Inline::Strong(children)
            | Inline::Strikethrough(children)
            | Inline::Link {
                content: children, ..
            }
            | Inline::Image { alt: children } => collect_inline_leaves(children, out),
            Inline::HardBreak => {}
        }
    }
}

// ---------------------------------------------------------------------------
// Tree building from the event stream

/// What an open element on the builder's stack is.
enum FrameKind {
    Root,
    BlockQuote,
    List {
        ordered: bool,
        start: u64,
        tight: bool,
        items: Vec<ListItem>,
    },
    Item {
        checked: Option<bool>,
        had_paragraph: bool,
    },
    Paragraph,
    Heading {
        level: u8,
        explicit_id: Option<String>,
    },
    CodeBlock {
        language: Option<String>,
        code: String,
    },
    HtmlBlock {
        html: String,
    },
    Table {
        alignments: Vec<Alignment>,
        head: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
    TableHead {
        cells: Vec<Vec<Inline>>,
    },
    TableRow {
        cells: Vec<Vec<Inline>>,
    },
    TableCell,
    Emphasis,
    Strong,
    Strikethrough,
    Link {
        target: LinkTarget,
        title: String,
    },
    Image,
    FootnoteDefinition {
        label: String,
    },
    /// An element the model does not keep (unsupported, misplaced, or too
    /// deeply nested): its content is handed to the parent.
    Transparent {
        block_level: bool,
    },
}

/// An open element with the content collected so far. Inline content is
/// flushed into a paragraph whenever a block follows it, so order is kept.
struct Frame {
    kind: FrameKind,
    blocks: Vec<Block>,
    inlines: Vec<Inline>,
}

impl Frame {
    fn new(kind: FrameKind) -> Self {
        Frame {
            kind,
            blocks: Vec::new(),
            inlines: Vec::new(),
        }
    }

    fn is_real(&self) -> bool {
        !matches!(self.kind, FrameKind::Transparent { .. })
    }
}

struct Builder {
    stack: Vec<Frame>,
    /// Number of non-transparent frames on the stack (root included).
    real_depth: usize,
    headings: Vec<Heading>,
    used_slugs: HashSet<String>,
    /// Slugs of explicit `{#id}`s: generated slugs never take them.
    reserved_slugs: HashSet<String>,
    /// Next suffix to try per base slug (keeps duplicate handling linear).
    next_suffix: HashMap<String, u64>,
}

impl Builder {
    fn new(reserved_slugs: HashSet<String>) -> Self {
        Builder {
            stack: vec![Frame::new(FrameKind::Root)],
            real_depth: 1,
            headings: Vec::new(),
            used_slugs: HashSet::new(),
            reserved_slugs,
            next_suffix: HashMap::new(),
        }
    }

    fn finish(mut self) -> Document {
        while self.stack.len() > 1 {
            self.end();
        }
        let mut blocks = match self.stack.pop() {
            Some(mut root) => {
                flush_paragraph(&mut root.blocks, &mut root.inlines);
                root.blocks
            }
            None => Vec::new(),
        };
        let mut leaf_count = 0;
        number_blocks(&mut blocks, &mut leaf_count);
        Document {
            blocks,
            headings: self.headings,
            leaf_count,
        }
    }

    fn top_kind(&self) -> Option<&FrameKind> {
        self.stack.last().map(|frame| &frame.kind)
    }

    fn event(&mut self, event: cm::Event<'_>) {
        match event {
            cm::Event::Start(tag) => self.start(tag),
            cm::Event::End(_) => self.end(),
            cm::Event::Text(text) => self.deliver_inline(Inline::Text(leaf_text(text.as_ref()))),
            cm::Event::Code(code) => self.deliver_inline(Inline::Code(leaf_text(code.as_ref()))),
            cm::Event::Html(html) => match self.stack.last_mut() {
                Some(Frame {
                    kind: FrameKind::HtmlBlock { html: block },
                    ..
                }) => block.push_str(&html),
                _ => self.deliver_inline(Inline::RawHtml(leaf_text(html.as_ref()))),
            },
            cm::Event::InlineHtml(html) => {
                self.deliver_inline(Inline::RawHtml(leaf_text(html.as_ref())));
            }
            // Not enabled in `parse`; degrade to the literal source text.
            cm::Event::InlineMath(math) => {
                self.deliver_inline(Inline::Text(leaf_text(format!("${math}$"))));
            }
            cm::Event::DisplayMath(math) => {
                self.deliver_inline(Inline::Text(leaf_text(format!("$${math}$$"))));
            }
            cm::Event::FootnoteReference(label) => {
                self.deliver_inline(Inline::Text(leaf_text(format!("[{label}]"))));
            }
            cm::Event::SoftBreak => self.deliver_inline(Inline::Text(leaf_text("\n"))),
            cm::Event::HardBreak => self.deliver_inline(Inline::HardBreak),
            cm::Event::Rule => self.deliver_block(Block::ThematicBreak),
            cm::Event::TaskListMarker(done) => self.task_marker(done),
        }
    }

    fn start(&mut self, tag: cm::Tag<'_>) {
        let below_cap = self.real_depth <= MAX_NESTING_DEPTH;
        let nested = |kind: FrameKind, block_level: bool| {
            if below_cap {
                kind
            } else {
                FrameKind::Transparent { block_level }
            }
        };
        let top = self.top_kind();
        let kind = match tag {
            cm::Tag::Paragraph => FrameKind::Paragraph,
            cm::Tag::Heading { level, id, .. } => FrameKind::Heading {
                level: heading_level(level),
                explicit_id: id.map(|id| id.to_string()),
            },
            cm::Tag::BlockQuote(_) => nested(FrameKind::BlockQuote, true),
            cm::Tag::CodeBlock(kind) => FrameKind::CodeBlock {
                language: match kind {
                    cm::CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().map(str::to_owned)
                    }
                    cm::CodeBlockKind::Indented => None,
                },
                code: String::new(),
            },
            cm::Tag::HtmlBlock => FrameKind::HtmlBlock {
                html: String::new(),
            },
            cm::Tag::List(first) => nested(
                FrameKind::List {
                    ordered: first.is_some(),
                    start: first.unwrap_or(1),
                    tight: true,
                    items: Vec::new(),
                },
                true,
            ),
            cm::Tag::Item => match top {
                Some(FrameKind::List { .. }) => FrameKind::Item {
                    checked: None,
                    had_paragraph: false,
                },
                _ => FrameKind::Transparent { block_level: true },
            },
            cm::Tag::Table(alignments) => FrameKind::Table {
                alignments: alignments.into_iter().map(alignment).collect(),
                head: Vec::new(),
                rows: Vec::new(),
            },
            cm::Tag::TableHead => match top {
                Some(FrameKind::Table { .. }) => FrameKind::TableHead { cells: Vec::new() },
                _ => FrameKind::Transparent { block_level: true },
            },
            cm::Tag::TableRow => match top {
                Some(FrameKind::Table { .. } | FrameKind::TableHead { .. }) => {
                    FrameKind::TableRow { cells: Vec::new() }
                }
                _ => FrameKind::Transparent { block_level: true },
            },
            cm::Tag::TableCell => match top {
                Some(FrameKind::TableHead { .. } | FrameKind::TableRow { .. }) => {
                    FrameKind::TableCell
                }
                _ => FrameKind::Transparent { block_level: false },
            },
            cm::Tag::Emphasis => nested(FrameKind::Emphasis, false),
            cm::Tag::Strong => nested(FrameKind::Strong, false),
            cm::Tag::Strikethrough => nested(FrameKind::Strikethrough, false),
            cm::Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            } => nested(
                FrameKind::Link {
                    target: link_target(link_type, &dest_url),
                    title: title.to_string(),
                },
                false,
            ),
            cm::Tag::Image { .. } => nested(FrameKind::Image, false),
            cm::Tag::Superscript | cm::Tag::Subscript => {
                FrameKind::Transparent { block_level: false }
            }
            cm::Tag::FootnoteDefinition(label) => nested(
                FrameKind::FootnoteDefinition {
                    label: label.to_string(),
                },
                true,
            ),
            cm::Tag::DefinitionList
            | cm::Tag::DefinitionListTitle
            | cm::Tag::DefinitionListDefinition
            | cm::Tag::MetadataBlock(_) => FrameKind::Transparent { block_level: true },
        };
        let frame = Frame::new(kind);
        if frame.is_real() {
            self.real_depth += 1;
        }
        self.stack.push(frame);
    }

    fn end(&mut self) {
        if self.stack.len() <= 1 {
            return; // unbalanced end: ignore rather than pop the root
        }
        let Some(frame) = self.stack.pop() else {
            return;
        };
        if frame.is_real() {
            self.real_depth = self.real_depth.saturating_sub(1);
        }
        self.close(frame);
    }

    fn close(&mut self, frame: Frame) {
        let Frame {
            kind,
            mut blocks,
            mut inlines,
        } = frame;
        match kind {
            FrameKind::Root => {}
            FrameKind::BlockQuote => {
                flush_paragraph(&mut blocks, &mut inlines);
                self.deliver_block(Block::BlockQuote(blocks));
            }
            FrameKind::List {
                ordered,
                start,
                tight,
                mut items,
            } => {
                if !inlines.is_empty() {
                    items.push(ListItem {
                        checked: None,
                        blocks: vec![Block::Paragraph(inlines)],
                    });
                }
                self.deliver_block(Block::List {
                    ordered,
                    start,
                    tight,
                    items,
                });
            }
            FrameKind::Item {
                checked,
                had_paragraph,
            } => {
                flush_paragraph(&mut blocks, &mut inlines);
                match self.stack.last_mut() {
                    Some(Frame {
                        kind: FrameKind::List { items, tight, .. },
                        ..
                    }) => {
                        if had_paragraph {
                            *tight = false;
                        }
                        items.push(ListItem { checked, blocks });
                    }
                    _ => {
                        for block in blocks {
                            self.deliver_block(block);
                        }
                    }
                }
            }
            FrameKind::Paragraph => {
                if let Some(Frame {
                    kind: FrameKind::Item { had_paragraph, .. },
                    ..
                }) = self.stack.last_mut()
                {
                    *had_paragraph = true;
                }
                if !inlines.is_empty() {
                    self.deliver_block(Block::Paragraph(inlines));
                }
            }
            FrameKind::Heading { level, explicit_id } => {
                let text = collapse_whitespace(&plain_text(&inlines));
                let slug = self.unique_slug(explicit_id.as_deref(), &text);
                self.headings.push(Heading {
                    level,
                    text,
                    slug: slug.clone(),
                });
                self.deliver_block(Block::Heading {
                    level,
                    slug,
                    content: inlines,
                });
            }
            FrameKind::CodeBlock { language, mut code } => {
                if code.ends_with('\n') {
                    code.pop();
                }
                self.deliver_block(Block::CodeBlock {
                    language,
                    code: leaf_text(code),
                });
            }
            FrameKind::HtmlBlock { html } => {
                let html = html.trim_end_matches(['\n', '\r']);
                if !html.is_empty() {
                    self.deliver_block(Block::RawHtml(leaf_text(html)));
                }
            }
            FrameKind::Table {
                alignments,
                head,
                mut rows,
            } => {
                if !inlines.is_empty() {
                    rows.push(vec![inlines]);
                }
                self.deliver_block(Block::Table {
                    alignments,
                    head,
                    rows,
                });
            }
            FrameKind::TableHead { mut cells } => {
                if !inlines.is_empty() {
                    cells.push(inlines);
                }
                match self.stack.last_mut().map(|parent| &mut parent.kind) {
                    Some(FrameKind::Table { head, .. }) => head.extend(cells),
                    _ => self.deliver_cells(cells),
                }
            }
            FrameKind::TableRow { mut cells } => {
                if !inlines.is_empty() {
                    cells.push(inlines);
                }
                match self.stack.last_mut().map(|parent| &mut parent.kind) {
                    Some(FrameKind::Table { rows, .. }) => rows.push(cells),
                    Some(FrameKind::TableHead { cells: head }) => head.extend(cells),
                    _ => self.deliver_cells(cells),
                }
            }
            FrameKind::TableCell => match self.stack.last_mut().map(|parent| &mut parent.kind) {
                Some(FrameKind::TableHead { cells } | FrameKind::TableRow { cells }) => {
                    cells.push(inlines);
                }
                _ => self.deliver_cells(vec![inlines]),
            },
            FrameKind::Emphasis => self.deliver_inline(Inline::Emphasis(inlines)),
            FrameKind::Strong => self.deliver_inline(Inline::Strong(inlines)),
            FrameKind::Strikethrough => self.deliver_inline(Inline::Strikethrough(inlines)),
            FrameKind::Link { target, title } => self.deliver_inline(Inline::Link {
                target,
                title,
                content: inlines,
            }),
            FrameKind::Image => self.deliver_inline(Inline::Image { alt: inlines }),
            FrameKind::FootnoteDefinition { label } => {
                flush_paragraph(&mut blocks, &mut inlines);
                let marker = Inline::Text(leaf_text(format!("[{label}] ")));
                match blocks.first_mut() {
                    Some(Block::Paragraph(first)) => {
                        let mut content = vec![marker];
                        for inline in std::mem::take(first) {
                            push_inline(&mut content, inline);
                        }
                        *first = content;
                    }
                    _ => blocks.insert(0, Block::Paragraph(vec![marker])),
                }
                for block in blocks {
                    self.deliver_block(block);
                }
            }
            FrameKind::Transparent { block_level } => {
                if blocks.is_empty() {
                    let parent_has_text = self
                        .stack
                        .last()
                        .is_some_and(|parent| !parent.inlines.is_empty());
                    if block_level && parent_has_text && !inlines.is_empty() {
                        self.deliver_inline(Inline::Text(leaf_text("\n")));
                    }
                    for inline in inlines {
                        self.deliver_inline(inline);
                    }
                } else {
                    flush_paragraph(&mut blocks, &mut inlines);
                    for block in blocks {
                        self.deliver_block(block);
                    }
                }
            }
        }
    }

    /// Hands a finished block to the innermost open element.
    fn deliver_block(&mut self, block: Block) {
        let Some(top) = self.stack.last_mut() else {
            return;
        };
        match top.kind {
            FrameKind::Root
            | FrameKind::BlockQuote
            | FrameKind::Item { .. }
            | FrameKind::FootnoteDefinition { .. }
            | FrameKind::Transparent { .. } => {
                flush_paragraph(&mut top.blocks, &mut top.inlines);
                top.blocks.push(block);
            }
            // A block where only inline content belongs: keep its text.
            _ => {
                for inline in block_into_inlines(block) {
                    self.deliver_inline(inline);
                }
            }
        }
    }

    /// Hands a finished inline to the innermost open element.
    fn deliver_inline(&mut self, inline: Inline) {
        let Some(top) = self.stack.last_mut() else {
            return;
        };
        match &mut top.kind {
            FrameKind::CodeBlock { code: literal, .. } | FrameKind::HtmlBlock { html: literal } => {
                literal.push_str(&plain_text(std::slice::from_ref(&inline)));
            }
            _ => push_inline(&mut top.inlines, inline),
        }
    }

    /// Hands stray table cells to a parent that is not a table.
    fn deliver_cells(&mut self, cells: Vec<Vec<Inline>>) {
        let mut first = true;
        for cell in cells {
            if !first {
                self.deliver_inline(Inline::Text(leaf_text(" ")));
            }
            first = false;
            for inline in cell {
                self.deliver_inline(inline);
            }
        }
    }

    /// Records `- [x]` on the list item it starts, or keeps it as text.
    fn task_marker(&mut self, done: bool) {
        let depth = self.stack.len();
        let item = match (
            depth.checked_sub(2).and_then(|i| self.stack.get(i)),
            self.stack.last(),
        ) {
            (
                _,
                Some(Frame {
                    kind: FrameKind::Item { .. },
                    ..
                }),
            ) => depth.checked_sub(1),
            (
                Some(Frame {
                    kind: FrameKind::Item { .. },
                    ..
                }),
                Some(Frame {
                    kind: FrameKind::Paragraph,
                    ..
                }),
            ) => depth.checked_sub(2),
            _ => None,
        };
        match item.and_then(|i| self.stack.get_mut(i)) {
            Some(Frame {
                kind: FrameKind::Item { checked, .. },
                ..
            }) => *checked = Some(done),
            _ => {
                let marker = if done { "[x] " } else { "[ ] " };
                self.deliver_inline(Inline::Text(leaf_text(marker)));
            }
        }
    }

    /// A slug for a heading that no earlier heading uses and that no
    /// explicit `{#id}` elsewhere in the document claims.
    fn unique_slug(&mut self, explicit_id: Option<&str>, text: &str) -> String {
        let (base, explicit) = match explicit_id {
            Some(id) => (slugify(id), true),
            None => (slugify(text), false),
        };
        let taken = |candidate: &str| {
            self.used_slugs.contains(candidate) || self.reserved_slugs.contains(candidate)
        };
        let slug = if (explicit && !self.used_slugs.contains(&base)) || !taken(&base) {
            base
        } else {
            let mut suffix = self.next_suffix.get(&base).copied().unwrap_or(1);
            let mut candidate = format!("{base}-{suffix}");
            while taken(&candidate) {
                suffix = suffix.saturating_add(1);
                candidate = format!("{base}-{suffix}");
            }
            self.next_suffix.insert(base, suffix.saturating_add(1));
            candidate
        };
        self.used_slugs.insert(slug.clone());
        slug
    }
}

fn heading_level(level: cm::HeadingLevel) -> u8 {
    match level {
        cm::HeadingLevel::H1 => 1,
        cm::HeadingLevel::H2 => 2,
        cm::HeadingLevel::H3 => 3,
        cm::HeadingLevel::H4 => 4,
        cm::HeadingLevel::H5 => 5,
        cm::HeadingLevel::H6 => 6,
    }
}

fn alignment(alignment: cm::Alignment) -> Alignment {
    match alignment {
        cm::Alignment::None => Alignment::None,
        cm::Alignment::Left => Alignment::Left,
        cm::Alignment::Center => Alignment::Center,
        cm::Alignment::Right => Alignment::Right,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    // -- helpers ------------------------------------------------------------

    fn text(leaf: u32, text: &str) -> Inline {
        Inline::Text(Text {
            leaf,
            text: text.to_owned(),
        })
    }

    fn only_paragraph(doc: &Document) -> &[Inline] {
        match doc.blocks.as_slice() {
            [Block::Paragraph(inlines)] => inlines,
            other => panic!("expected one paragraph, got {other:?}"),
        }
    }

    /// Every link in the document as (target, plain text of its content).
    fn links(doc: &Document) -> Vec<(LinkTarget, String)> {
        fn in_inlines(inlines: &[Inline], out: &mut Vec<(LinkTarget, String)>) {
            for inline in inlines {
                match inline {
                    Inline::Link {
                        target, content, ..
                    } => {
                        out.push((target.clone(), plain_text(content)));
                        in_inlines(content, out);
                    }
                    Inline::Emphasis(c) | Inline::Strong(c) | Inline::Strikethrough(c) => {
                        in_inlines(c, out);
                    }
                    Inline::Image { alt } => in_inlines(alt, out),
                    _ => {}
                }
            }
        }
        fn in_blocks(blocks: &[Block], out: &mut Vec<(LinkTarget, String)>) {
            for block in blocks {
                match block {
                    Block::Heading { content, .. } | Block::Paragraph(content) => {
                        in_inlines(content, out);
                    }
                    Block::BlockQuote(children) => in_blocks(children, out),
                    Block::List { items, .. } => {
                        for item in items {
                            in_blocks(&item.blocks, out);
                        }
                    }
                    Block::Table { head, rows, .. } => {
                        for cell in head.iter().chain(rows.iter().flatten()) {
                            in_inlines(cell, out);
                        }
                    }
                    _ => {}
                }
            }
        }
        let mut out = Vec::new();
        in_blocks(&doc.blocks, &mut out);
        out
    }

    fn only_link(markdown: &str) -> LinkTarget {
        let found = links(&parse(markdown));
        assert_eq!(found.len(), 1, "links in {markdown:?}: {found:?}");
        found
            .into_iter()
            .map(|(target, _)| target)
            .next()
            .unwrap_or_else(|| LinkTarget::Blocked("unreachable".into()))
    }

    fn blocked(href: &str) -> LinkTarget {
        LinkTarget::Blocked(href.to_owned())
    }

    fn depth_of_blocks(blocks: &[Block]) -> usize {
        blocks.iter().map(depth_of_block).max().unwrap_or(0)
    }

    fn depth_of_block(block: &Block) -> usize {
        1 + match block {
            Block::Heading { content, .. } | Block::Paragraph(content) => depth_of_inlines(content),
            Block::BlockQuote(children) => depth_of_blocks(children),
            Block::List { items, .. } => {
                1 + items
                    .iter()
                    .map(|item| depth_of_blocks(&item.blocks))
                    .max()
                    .unwrap_or(0)
            }
            Block::Table { head, rows, .. } => head
                .iter()
                .chain(rows.iter().flatten())
                .map(|cell| depth_of_inlines(cell))
                .max()
                .unwrap_or(0),
            _ => 0,
        }
    }

    fn depth_of_inlines(inlines: &[Inline]) -> usize {
        inlines
            .iter()
            .map(|inline| match inline {
                Inline::Emphasis(c)
                | Inline::Strong(c)
                | Inline::Strikethrough(c)
                | Inline::Link { content: c, .. }
                | Inline::Image { alt: c } => 1 + depth_of_inlines(c),
                _ => 1,
            })
            .max()
            .unwrap_or(0)
    }

    fn assert_leaves_contiguous(doc: &Document) {
        let leaves = doc.leaves();
        assert_eq!(leaves.len(), doc.leaf_count as usize);
        for (index, leaf) in leaves.iter().enumerate() {
            assert_eq!(leaf.leaf as usize, index);
        }
        // The runs partition the leaves, in order, and none is empty.
        let runs = doc.text_runs();
        let in_runs: Vec<&Text> = runs
            .iter()
            .flatten()
            .filter_map(|part| match part {
                RunPart::Leaf(text) => Some(*text),
                RunPart::LineBreak => None,
            })
            .collect();
        assert_eq!(in_runs, leaves);
        for run in &runs {
            assert!(run.iter().any(|part| matches!(part, RunPart::Leaf(_))));
        }
    }

    fn slugs(markdown: &str) -> Vec<String> {
        parse(markdown)
            .headings
            .into_iter()
            .map(|heading| heading.slug)
            .collect()
    }

    // -- hostile input ------------------------------------------------------

    #[test]
    fn javascript_link_is_blocked() {
        assert_eq!(
            only_link("[x](javascript:alert(1))"),
            blocked("javascript:alert(1)")
        );
    }

    #[test]
    fn uppercase_javascript_link_is_blocked() {
        assert_eq!(
            only_link("[x](JAVASCRIPT:alert(1))"),
            blocked("JAVASCRIPT:alert(1)")
        );
        assert_eq!(
            only_link("[x](JaVaScRiPt:alert(1))"),
            blocked("JaVaScRiPt:alert(1)")
        );
    }

    #[test]
    fn entity_encoded_tab_inside_scheme_is_blocked() {
        assert_eq!(
            only_link("[x](java&#x09;script:alert(1))"),
            blocked("java\tscript:alert(1)")
        );
        assert_eq!(
            only_link("[x](java&#10;script:alert(1))"),
            blocked("java\nscript:alert(1)")
        );
    }

    #[test]
    fn entity_encoded_scheme_letter_is_blocked() {
        assert_eq!(
            only_link("[x](&#106;avascript:alert(1))"),
            blocked("javascript:alert(1)")
        );
    }

    #[test]
    fn leading_control_characters_do_not_hide_the_scheme() {
        assert_eq!(
            only_link("[x](&#1;javascript:alert(1))"),
            blocked("\u{1}javascript:alert(1)")
        );
        assert_eq!(
            only_link("[x](&#32;javascript:alert(1))"),
            blocked(" javascript:alert(1)")
        );
    }

    #[test]
    fn data_and_vbscript_links_are_blocked() {
        assert_eq!(
            only_link("[x](data:text/html;base64,PHNjcmlwdD4=)"),
            blocked("data:text/html;base64,PHNjcmlwdD4=")
        );
        assert_eq!(
            only_link("[x](vbscript:msgbox)"),
            blocked("vbscript:msgbox")
        );
    }

    #[test]
    fn angle_bracket_destination_is_blocked() {
        assert_eq!(
            only_link("[x](<javascript:alert(1)>)"),
            blocked("javascript:alert(1)")
        );
    }

    #[test]
    fn javascript_autolink_is_blocked_and_shows_its_text() {
        let doc = parse("<javascript:alert(1)>");
        assert_eq!(
            links(&doc),
            [(
                blocked("javascript:alert(1)"),
                "javascript:alert(1)".to_owned()
            )]
        );
    }

    #[test]
    fn hostile_reference_definition_is_blocked() {
        let doc = parse("[x][evil] and [evil]\n\n[evil]: javascript:alert(1) \"t\"");
        let targets: Vec<_> = links(&doc).into_iter().map(|(t, _)| t).collect();
        assert_eq!(
            targets,
            [
                blocked("javascript:alert(1)"),
                blocked("javascript:alert(1)")
            ]
        );
    }

    #[test]
    fn script_block_is_kept_as_literal_text() {
        let doc = parse("<script>alert(1)</script>\n\nafter");
        assert_eq!(
            doc.blocks[0],
            Block::RawHtml(Text {
                leaf: 0,
                text: "<script>alert(1)</script>".into()
            })
        );
        assert_eq!(doc.blocks[1], Block::Paragraph(vec![text(1, "after")]));
    }

    #[test]
    fn inline_script_is_kept_as_literal_text() {
        let doc = parse("hi <script>alert(1)</script> there");
        assert_eq!(
            only_paragraph(&doc),
            [
                text(0, "hi "),
                Inline::RawHtml(Text {
                    leaf: 1,
                    text: "<script>".into()
                }),
                text(2, "alert(1)"),
                Inline::RawHtml(Text {
                    leaf: 3,
                    text: "</script>".into()
                }),
                text(4, " there"),
            ]
        );
    }

    #[test]
    fn img_onerror_is_kept_as_literal_text() {
        let block = parse("<img src=x onerror=alert(1)>");
        assert_eq!(
            block.blocks,
            [Block::RawHtml(Text {
                leaf: 0,
                text: "<img src=x onerror=alert(1)>".into()
            })]
        );
        let inline = parse("see <img src=x onerror=alert(1)> here");
        assert_eq!(
            only_paragraph(&inline)[1],
            Inline::RawHtml(Text {
                leaf: 1,
                text: "<img src=x onerror=alert(1)>".into()
            })
        );
    }

    #[test]
    fn multi_line_html_block_is_one_leaf() {
        let doc = parse("<div>\n<b>hi</b>\n</div>");
        assert_eq!(
            doc.blocks,
            [Block::RawHtml(Text {
                leaf: 0,
                text: "<div>\n<b>hi</b>\n</div>".into()
            })]
        );
    }

    #[test]
    fn image_keeps_only_its_alt_text() {
        let doc = parse("![a *bold* claim](javascript:alert(1) \"t\")");
        assert_eq!(
            only_paragraph(&doc),
            [Inline::Image {
                alt: vec![
                    text(0, "a "),
                    Inline::Emphasis(vec![text(1, "bold")]),
                    text(2, " claim"),
                ]
            }]
        );
    }

    #[test]
    fn safe_links_are_classified_and_keep_title() {
        let doc = parse(
            "[a](https://x.example \"Title\") [b](mailto:a@b) [c](#refund-policy/guided-projects) [d](guide.html) <someone@example.org>",
        );
        let targets: Vec<_> = links(&doc).into_iter().map(|(t, _)| t).collect();
        assert_eq!(
            targets,
            [
                LinkTarget::External("https://x.example".into()),
                LinkTarget::Mailto("mailto:a@b".into()),
                LinkTarget::Fragment("refund-policy/guided-projects".into()),
                LinkTarget::Relative("guide.html".into()),
                LinkTarget::Mailto("mailto:someone@example.org".into()),
            ]
        );
        let Inline::Link { title, .. } = &only_paragraph(&doc)[0] else {
            panic!("expected a link first");
        };
        assert_eq!(title, "Title");
    }

    // -- classify_link ------------------------------------------------------

    #[test]
    fn classify_external() {
        for href in ["http://x", "https://x/y?z#w", "HTTPS://x", "//evil.example"] {
            assert_eq!(
                classify_link(href),
                LinkTarget::External(href.into()),
                "{href}"
            );
        }
        assert_eq!(
            classify_link("\\\\evil.example"),
            LinkTarget::External("\\\\evil.example".into())
        );
        assert_eq!(
            classify_link("/\\evil.example"),
            LinkTarget::External("/\\evil.example".into())
        );
        assert_eq!(
            classify_link("  https://x\n/y  "),
            LinkTarget::External("https://x/y".into())
        );
    }

    #[test]
    fn classify_mailto() {
        assert_eq!(
            classify_link("mailto:a@b"),
            LinkTarget::Mailto("mailto:a@b".into())
        );
        assert_eq!(
            classify_link("MailTo:a@b"),
            LinkTarget::Mailto("MailTo:a@b".into())
        );
    }

    #[test]
    fn classify_fragment() {
        assert_eq!(classify_link("#x"), LinkTarget::Fragment("x".into()));
        assert_eq!(classify_link("#"), LinkTarget::Fragment(String::new()));
        assert_eq!(
            classify_link("#pol%C3%ADtica%20de"),
            LinkTarget::Fragment("política de".into())
        );
        assert_eq!(classify_link("#a:b"), LinkTarget::Fragment("a:b".into()));
        assert_eq!(classify_link("#100%"), LinkTarget::Fragment("100%".into()));
        assert_eq!(
            classify_link("#%zz%4"),
            LinkTarget::Fragment("%zz%4".into())
        );
        assert_eq!(
            classify_link("#%FF"),
            LinkTarget::Fragment("\u{FFFD}".into())
        );
    }

    #[test]
    fn classify_relative() {
        for href in [
            "/docs/a",
            "a/b.md",
            "?q=1",
            "../x",
            "guide.html",
            "a/b:c",
            "?x=javascript:1",
        ] {
            assert_eq!(
                classify_link(href),
                LinkTarget::Relative(href.into()),
                "{href}"
            );
        }
        // Percent-encoding is not decoded before scheme detection: a browser
        // treats this as a relative path too, which is inert.
        assert_eq!(
            classify_link("%6Aavascript%3Aalert(1)"),
            LinkTarget::Relative("%6Aavascript%3Aalert(1)".into())
        );
    }

    #[test]
    fn classify_blocked() {
        for href in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{0}\u{1f} javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox",
            "file:///etc/passwd",
            "blob:https://x/1",
            "ftp://x",
            "foo:bar",
            ":nothing",
            "java script:alert(1)",
            "%6Aavascript:alert(1)",
            "",
            " \t\n",
        ] {
            assert_eq!(classify_link(href), blocked(href), "{href:?}");
        }
    }

    // -- entities -----------------------------------------------------------

    #[test]
    fn escaped_tag_entities_become_one_literal_text_leaf() {
        let doc = parse("a &lt;b&gt; c &lt;script&gt;");
        assert_eq!(only_paragraph(&doc), [text(0, "a <b> c <script>")]);
        assert_eq!(doc.leaf_count, 1);
    }

    #[test]
    fn amp_and_numeric_entities_decode() {
        let doc = parse("AT&amp;T &#169; &#x41;&#65; &copy; &bogus;");
        assert_eq!(only_paragraph(&doc), [text(0, "AT&T © AA © &bogus;")]);
    }

    #[test]
    fn backslash_escapes_are_literal() {
        let doc = parse("\\*not emphasis\\* \\<b\\>");
        assert_eq!(only_paragraph(&doc), [text(0, "*not emphasis* <b>")]);
    }

    // -- slugs --------------------------------------------------------------

    #[test]
    fn author_ids_never_take_the_widgets_own() {
        let doc = parse("## Title {#tw-doc-title}\n\n## TW skip\n\n## Tw\n\n## twin");
        let slugs: Vec<&str> = doc.headings.iter().map(|h| h.slug.as_str()).collect();
        assert_eq!(
            slugs,
            ["section-tw-doc-title", "section-tw-skip", "tw", "twin"]
        );
        for slug in slugs {
            assert!(!slug.starts_with(WIDGET_ID_PREFIX), "{slug}");
        }
    }

    #[test]
    fn slugify_rules() {
        assert_eq!(slugify("Hello, World!"), "hello-world");
        assert_eq!(slugify("Política de privacidad"), "política-de-privacidad");
        assert_eq!(slugify("a -- b"), "a-b");
        assert_eq!(slugify("--Trim--"), "trim");
        assert_eq!(slugify("snake_case stays"), "snake_case-stays");
        assert_eq!(slugify("3.2 Fees (EUR)"), "32-fees-eur");
        assert_eq!(slugify("Ünïcödé ÄÖÜ"), "ünïcödé-äöü");
        assert_eq!(slugify("数据 保护"), "数据-保护");
        assert_eq!(slugify(""), "section");
        assert_eq!(slugify("!!! ???"), "section");
        assert_eq!(slugify("İstanbul"), "i\u{307}stanbul");
        assert_eq!(slugify("Cafe\u{301}"), "cafe\u{301}");
    }

    #[test]
    fn duplicate_headings_get_numbered_slugs() {
        assert_eq!(
            slugs("# Overview\n## Overview\n### Overview\n# Other"),
            ["overview", "overview-1", "overview-2", "other"]
        );
    }

    #[test]
    fn generated_suffix_never_collides_with_a_literal_heading() {
        assert_eq!(
            slugs("# Overview 1\n# Overview\n# Overview"),
            ["overview-1", "overview", "overview-2"]
        );
    }

    #[test]
    fn explicit_ids_are_slugified_and_win_over_generated_slugs() {
        let doc = parse("# Overview\n## Other {#overview}\n## Pinned {#My_Id}");
        assert_eq!(
            doc.headings,
            [
                Heading {
                    level: 1,
                    text: "Overview".into(),
                    slug: "overview-1".into()
                },
                Heading {
                    level: 2,
                    text: "Other".into(),
                    slug: "overview".into()
                },
                Heading {
                    level: 2,
                    text: "Pinned".into(),
                    slug: "my_id".into()
                },
            ]
        );
        let Block::Heading { slug, content, .. } = &doc.blocks[1] else {
            panic!("heading");
        };
        assert_eq!(slug, "overview");
        assert_eq!(content, &[text(1, "Other")]);
    }

    #[test]
    fn heading_attributes_other_than_the_id_are_ignored() {
        let doc = parse("## Title {#custom-id .cls data-x=1}");
        assert_eq!(
            doc.headings,
            [Heading {
                level: 2,
                text: "Title".into(),
                slug: "custom-id".into()
            }]
        );
        assert_eq!(doc.leaf_count, 1);
    }

    #[test]
    fn duplicate_explicit_ids_are_made_unique() {
        assert_eq!(slugs("# A {#x}\n# B {#x}"), ["x", "x-1"]);
    }

    #[test]
    fn empty_headings_get_section_slugs() {
        assert_eq!(
            slugs("#\n\n## !!!\n\n#"),
            ["section", "section-1", "section-2"]
        );
    }

    #[test]
    fn heading_text_includes_code_emphasis_and_links() {
        let doc = parse("## The `Foo` *bar* [baz](https://x) ~~qux~~");
        assert_eq!(doc.headings[0].text, "The Foo bar baz qux");
        assert_eq!(doc.headings[0].slug, "the-foo-bar-baz-qux");
    }

    #[test]
    fn setext_heading_over_two_lines() {
        let doc = parse("Terms of\nService\n===");
        assert_eq!(doc.headings[0].text, "Terms of Service");
        assert_eq!(doc.headings[0].slug, "terms-of-service");
        assert_eq!(doc.headings[0].level, 1);
    }

    #[test]
    fn headings_inside_containers_are_listed() {
        let doc = parse("> # Quoted\n\n- ## Listed");
        let texts: Vec<_> = doc.headings.iter().map(|h| h.text.as_str()).collect();
        assert_eq!(texts, ["Quoted", "Listed"]);
    }

    // -- block structure ----------------------------------------------------

    #[test]
    fn table_with_alignments() {
        let doc = parse("| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | **2** | 3 | 4 |");
        assert_eq!(
            doc.blocks,
            [Block::Table {
                alignments: vec![
                    Alignment::Left,
                    Alignment::Center,
                    Alignment::Right,
                    Alignment::None
                ],
                head: vec![
                    vec![text(0, "a")],
                    vec![text(1, "b")],
                    vec![text(2, "c")],
                    vec![text(3, "d")],
                ],
                rows: vec![vec![
                    vec![text(4, "1")],
                    vec![Inline::Strong(vec![text(5, "2")])],
                    vec![text(6, "3")],
                    vec![text(7, "4")],
                ]],
            }]
        );
    }

    #[test]
    fn ragged_table_rows_are_tolerated() {
        let doc = parse("| a | b |\n|---|---|\n| 1 |\n| 1 | 2 | 3 |\n");
        let [Block::Table { head, rows, .. }] = doc.blocks.as_slice() else {
            panic!("table: {:?}", doc.blocks);
        };
        assert_eq!(head.len(), 2);
        assert_eq!(rows.len(), 2);
        // GFM: a short row is padded with empty cells, excess cells dropped.
        assert_eq!(rows[0], [vec![text(2, "1")], vec![]]);
        assert_eq!(rows[1], [vec![text(3, "1")], vec![text(4, "2")]]);
        assert_leaves_contiguous(&doc);
    }

    #[test]
    fn nested_tight_list() {
        let doc = parse("- a\n  - b\n  - c\n- d");
        let expected = Block::List {
            ordered: false,
            start: 1,
            tight: true,
            items: vec![
                ListItem {
                    checked: None,
                    blocks: vec![
                        Block::Paragraph(vec![text(0, "a")]),
                        Block::List {
                            ordered: false,
                            start: 1,
                            tight: true,
                            items: vec![
                                ListItem {
                                    checked: None,
                                    blocks: vec![Block::Paragraph(vec![text(1, "b")])],
                                },
                                ListItem {
                                    checked: None,
                                    blocks: vec![Block::Paragraph(vec![text(2, "c")])],
                                },
                            ],
                        },
                    ],
                },
                ListItem {
                    checked: None,
                    blocks: vec![Block::Paragraph(vec![text(3, "d")])],
                },
            ],
        };
        assert_eq!(doc.blocks, [expected]);
    }

    #[test]
    fn loose_list_is_not_tight() {
        let doc = parse("- a\n\n- b");
        let [Block::List { tight, items, .. }] = doc.blocks.as_slice() else {
            panic!("list");
        };
        assert!(!tight);
        assert_eq!(items.len(), 2);
    }

    #[test]
    fn ordered_list_keeps_its_start() {
        let doc = parse("3. three\n4. four");
        let [
            Block::List {
                ordered,
                start,
                items,
                ..
            },
        ] = doc.blocks.as_slice()
        else {
            panic!("list");
        };
        assert!(*ordered);
        assert_eq!(*start, 3);
        assert_eq!(items.len(), 2);
    }

    #[test]
    fn task_list_items_are_checked_or_not() {
        for markdown in [
            "- [x] done\n- [ ] todo\n- plain",
            "- [X] done\n\n- [ ] todo\n\n- plain",
        ] {
            let doc = parse(markdown);
            let [Block::List { items, .. }] = doc.blocks.as_slice() else {
                panic!("list");
            };
            let checked: Vec<_> = items.iter().map(|item| item.checked).collect();
            assert_eq!(checked, [Some(true), Some(false), None], "{markdown:?}");
            assert_eq!(items[0].blocks, [Block::Paragraph(vec![text(0, "done")])]);
        }
    }

    #[test]
    fn block_quote_containing_a_list() {
        let doc = parse("> Note:\n>\n> 1. one\n> 2. two");
        let [Block::BlockQuote(children)] = doc.blocks.as_slice() else {
            panic!("quote");
        };
        assert_eq!(children[0], Block::Paragraph(vec![text(0, "Note:")]));
        let Block::List { ordered, items, .. } = &children[1] else {
            panic!("list in quote");
        };
        assert!(*ordered);
        assert_eq!(items[1].blocks, [Block::Paragraph(vec![text(2, "two")])]);
    }

    #[test]
    fn fenced_code_block_with_language() {
        let doc = parse("```rust title=x\nfn main() {}\n<b>&amp;</b>\n```\n\n    indented");
        assert_eq!(
            doc.blocks,
            [
                Block::CodeBlock {
                    language: Some("rust".into()),
                    code: Text {
                        leaf: 0,
                        text: "fn main() {}\n<b>&amp;</b>".into()
                    },
                },
                Block::CodeBlock {
                    language: None,
                    code: Text {
                        leaf: 1,
                        text: "indented".into()
                    },
                },
            ]
        );
    }

    #[test]
    fn emphasis_strong_and_strikethrough_nest() {
        let doc = parse("***both*** and ~~gone **bold**~~ `*code*`");
        assert_eq!(
            only_paragraph(&doc),
            [
                Inline::Emphasis(vec![Inline::Strong(vec![text(0, "both")])]),
                text(1, " and "),
                Inline::Strikethrough(vec![
                    text(2, "gone "),
                    Inline::Strong(vec![text(3, "bold")]),
                ]),
                text(4, " "),
                Inline::Code(Text {
                    leaf: 5,
                    text: "*code*".into()
                }),
            ]
        );
    }

    #[test]
    fn hard_breaks_split_and_soft_breaks_join() {
        let doc = parse("one  \ntwo\\\nthree\nfour");
        assert_eq!(
            only_paragraph(&doc),
            [
                text(0, "one"),
                Inline::HardBreak,
                text(1, "two"),
                Inline::HardBreak,
                text(2, "three\nfour"),
            ]
        );
    }

    #[test]
    fn crlf_line_endings_are_normalised() {
        let doc = parse("```\r\na\r\nb\r\n```\r\n\r\n<div>\r\nx\r\n</div>\r\n\r\nline\r\nnext");
        let texts: Vec<&str> = doc.leaves().iter().map(|t| t.text.as_str()).collect();
        assert_eq!(texts, ["a\nb", "<div>\nx\n</div>", "line\nnext"]);
    }

    #[test]
    fn thematic_break() {
        let doc = parse("a\n\n---\n\nb");
        assert_eq!(doc.blocks[1], Block::ThematicBreak);
        assert_eq!(doc.blocks.len(), 3);
    }

    #[test]
    fn footnotes_degrade_to_text() {
        let doc = parse("Claim[^1].\n\n[^1]: Source *here*.\n\n    More.\n\n[^undefined] stays.");
        assert_eq!(
            doc.blocks,
            [
                Block::Paragraph(vec![text(0, "Claim[1].")]),
                Block::Paragraph(vec![
                    text(1, "[1] Source "),
                    Inline::Emphasis(vec![text(2, "here")]),
                    text(3, "."),
                ]),
                Block::Paragraph(vec![text(4, "More.")]),
                Block::Paragraph(vec![text(5, "[^undefined] stays.")]),
            ]
        );
    }

    #[test]
    fn footnote_definition_starting_with_a_list_gets_a_marker_paragraph() {
        let doc = parse("x[^n]\n\n[^n]:\n    - a");
        assert_eq!(doc.blocks[1], Block::Paragraph(vec![text(1, "[n] ")]));
        assert!(matches!(doc.blocks[2], Block::List { .. }));
    }

    #[test]
    fn smart_punctuation_is_off() {
        let doc = parse("\"quoted\" -- 'x' ...");
        assert_eq!(only_paragraph(&doc), [text(0, "\"quoted\" -- 'x' ...")]);
    }

    #[test]
    fn empty_and_blank_input() {
        assert_eq!(parse(""), Document::default());
        assert_eq!(parse("   \n\n\t\n"), Document::default());
    }

    // -- leaves -------------------------------------------------------------

    #[test]
    fn leaves_are_numbered_in_document_order() {
        let doc = parse(
            "# Title `x`\n\nPara *em* [link](#a) ![img](b)\n\n> quote\n\n- item\n  ```\n  code\n  ```\n\n| h |\n|---|\n| c |\n\n<div>raw</div>\n",
        );
        assert_leaves_contiguous(&doc);
        let texts: Vec<&str> = doc.leaves().iter().map(|t| t.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Title ",
                "x",
                "Para ",
                "em",
                " ",
                "link",
                " ",
                "img",
                "quote",
                "item",
                "code",
                "h",
                "c",
                "<div>raw</div>"
            ]
        );
    }

    /// The texts of each run, a hard break shown as `<br>`.
    fn runs(markdown: &str) -> Vec<Vec<String>> {
        let doc = parse(markdown);
        assert_leaves_contiguous(&doc);
        doc.text_runs()
            .iter()
            .map(|run| {
                run.iter()
                    .map(|part| match part {
                        RunPart::Leaf(text) => text.text.clone(),
                        RunPart::LineBreak => "<br>".to_string(),
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn text_runs_join_inline_markup_within_a_block() {
        assert_eq!(
            runs("You may request a **full refund** within [14 days](#x).\n\nNext `one`."),
            [
                vec![
                    "You may request a ",
                    "full refund",
                    " within ",
                    "14 days",
                    "."
                ],
                vec!["Next ", "one", "."],
            ]
        );
        assert_eq!(
            runs("a ~~b~~ *c **d***\n<span>e</span>"),
            [vec![
                "a ", "b", " ", "c ", "d", "\n", "<span>", "e", "</span>"
            ]]
        );
    }

    #[test]
    fn text_runs_end_at_blocks_and_images() {
        assert_eq!(
            runs(
                "# Head *x*\n\n- one\n- two\n\n> quote\n\n| h | i |\n|---|---|\n| c | d |\n\n```\ncode\n```\n\n<div>raw</div>"
            ),
            [
                vec!["Head ", "x"],
                vec!["one"],
                vec!["two"],
                vec!["quote"],
                vec!["h"],
                vec!["i"],
                vec!["c"],
                vec!["d"],
                vec!["code"],
                vec!["<div>raw</div>"],
            ]
        );
        assert_eq!(
            runs("see ![the *logo*](x.png) here"),
            [vec!["see "], vec!["the ", "logo"], vec![" here"]]
        );
        assert_eq!(runs("![alt](x.png)"), [vec!["alt"]]);
        assert!(runs("---\n\n![](x.png)").is_empty());
    }

    #[test]
    fn text_runs_keep_hard_breaks_inside_the_paragraph() {
        assert_eq!(
            runs("line one  \nline two\\\nthree"),
            [vec!["line one", "<br>", "line two", "<br>", "three"]]
        );
    }

    // -- robustness ---------------------------------------------------------

    #[test]
    fn deeply_nested_quotes_are_capped_and_keep_text() {
        let markdown = format!("{} deep", ">".repeat(20_000));
        let doc = parse(&markdown);
        assert!(depth_of_blocks(&doc.blocks) <= 2 * MAX_NESTING_DEPTH + 4);
        let all: String = doc.leaves().iter().map(|t| t.text.as_str()).collect();
        assert_eq!(all, "deep");
    }

    #[test]
    fn deeply_nested_lists_are_capped_and_keep_text() {
        let markdown: String = (0..400)
            .map(|level| format!("{}- item{level}\n", "  ".repeat(level)))
            .collect();
        let doc = parse(&markdown);
        assert!(depth_of_blocks(&doc.blocks) <= 2 * MAX_NESTING_DEPTH + 4);
        let all: String = doc.leaves().iter().map(|t| t.text.as_str()).collect();
        for level in [0, 31, 32, 33, 399] {
            assert!(all.contains(&format!("item{level}")), "item{level}");
        }
        assert_leaves_contiguous(&doc);
    }

    #[test]
    fn deeply_nested_emphasis_and_links_are_capped() {
        let markdown = format!("{}x{}", "*a **b ".repeat(200), "** a*".repeat(200));
        let doc = parse(&markdown);
        assert!(depth_of_blocks(&doc.blocks) <= 2 * MAX_NESTING_DEPTH + 4);
        let links_md = format!("{}x{}", "[".repeat(5000), "](#a)".repeat(5000));
        let doc = parse(&links_md);
        assert_leaves_contiguous(&doc);
    }

    #[test]
    fn deeply_nested_footnote_definitions_are_capped() {
        let markdown = format!("{}x", "> [^a]: ".repeat(3000));
        let doc = parse(&markdown);
        assert!(depth_of_blocks(&doc.blocks) <= 2 * MAX_NESTING_DEPTH + 4);
        assert_leaves_contiguous(&doc);
    }

    #[test]
    fn many_duplicate_headings_stay_unique() {
        let doc = parse(&"# Same\n".repeat(2000));
        let unique: HashSet<_> = doc.headings.iter().map(|h| h.slug.as_str()).collect();
        assert_eq!(unique.len(), 2000);
        assert_eq!(doc.headings[1999].slug, "same-1999");
    }

    // -- properties ---------------------------------------------------------

    /// A link target that could become a clickable href must be a safe one.
    fn assert_target_is_safe(target: &LinkTarget) {
        match target {
            LinkTarget::External(url) => {
                let lower = url.to_ascii_lowercase();
                let protocol_relative = lower.starts_with("//")
                    || lower.starts_with("\\\\")
                    || lower.starts_with("/\\")
                    || lower.starts_with("\\/");
                assert!(
                    lower.starts_with("http:") || lower.starts_with("https:") || protocol_relative,
                    "{url:?}"
                );
                assert_eq!(url, &clean_href(url));
            }
            LinkTarget::Mailto(url) => {
                assert!(url.to_ascii_lowercase().starts_with("mailto:"), "{url:?}");
            }
            LinkTarget::Relative(url) => {
                assert_eq!(scheme_of(url), None, "{url:?}");
                assert_eq!(url, &clean_href(url));
                assert!(!url.is_empty());
            }
            LinkTarget::Fragment(_) | LinkTarget::Blocked(_) => {}
        }
    }

    fn markdownish() -> impl Strategy<Value = String> {
        let token = prop_oneof![
            Just("["),
            Just("]"),
            Just("("),
            Just(")"),
            Just("<"),
            Just(">"),
            Just("#"),
            Just("*"),
            Just("_"),
            Just("`"),
            Just("\n"),
            Just("|"),
            Just("-"),
            Just(":"),
            Just("!"),
            Just("&"),
            Just(";"),
            Just(" "),
            Just("  "),
            Just("\t"),
            Just("~"),
            Just("\\"),
            Just("{#"),
            Just("}"),
            Just("1."),
            Just("> "),
            Just("- [x] "),
            Just("a"),
            Just("İ"),
            Just("é"),
            Just("javascript"),
            Just("JaVa\tScript"),
            Just("&#106;"),
            Just("&#x09;"),
            Just("&amp;"),
            Just("&lt;"),
            Just("http"),
            Just("//"),
            Just("mailto"),
            Just("data"),
            Just("<script>"),
            Just("```"),
            Just("    "),
            Just("\""),
            Just("'"),
            Just("\u{0}"),
            Just("\r\n"),
        ];
        prop::collection::vec(token, 0..80).prop_map(|tokens| tokens.concat())
    }

    fn javascript_variants() -> impl Strategy<Value = String> {
        let junk = prop::collection::vec(prop_oneof![Just('\t'), Just('\n'), Just('\r')], 0..3);
        (
            prop::collection::vec(prop::char::range('\u{0}', ' '), 0..4),
            prop::collection::vec((any::<bool>(), junk), 10),
            ".*",
        )
            .prop_map(|(leading, letter_cases, rest)| {
                let mut href: String = leading.into_iter().collect();
                for ((upper, junk), letter) in letter_cases.into_iter().zip("javascript".chars()) {
                    href.push(if upper {
                        letter.to_ascii_uppercase()
                    } else {
                        letter
                    });
                    href.extend(junk);
                }
                href.push(':');
                href.push_str(&rest);
                href
            })
    }

    proptest! {
        #[test]
        fn parse_never_panics_on_any_string(input in ".*") {
            let doc = parse(&input);
            assert_leaves_contiguous(&doc);
        }

        #[test]
        fn parse_never_panics_on_markdownish_input(input in markdownish()) {
            let doc = parse(&input);
            assert_leaves_contiguous(&doc);
            for (target, _) in links(&doc) {
                assert_target_is_safe(&target);
            }
            let unique: HashSet<_> = doc.headings.iter().map(|h| &h.slug).collect();
            prop_assert_eq!(unique.len(), doc.headings.len());
        }

        #[test]
        fn links_built_from_arbitrary_destinations_are_safe(dest in ".*", title in "[a-z ]*") {
            let doc = parse(&format!("[x]({dest} \"{title}\") <{dest}>\n\n[r]\n\n[r]: {dest}"));
            for (target, _) in links(&doc) {
                assert_target_is_safe(&target);
            }
        }

        #[test]
        fn classify_link_never_panics_and_is_safe(href in ".*") {
            let target = classify_link(&href);
            assert_target_is_safe(&target);
            if clean_href(&href).to_ascii_lowercase().starts_with("javascript:") {
                prop_assert_eq!(target, LinkTarget::Blocked(href.clone()));
            }
        }

        #[test]
        fn javascript_in_any_disguise_is_blocked(href in javascript_variants()) {
            prop_assert_eq!(classify_link(&href), LinkTarget::Blocked(href.clone()));
        }

        #[test]
        fn slugify_output_is_clean(text in ".*") {
            let slug = slugify(&text);
            prop_assert!(!slug.is_empty());
            prop_assert!(!slug.starts_with('-') && !slug.ends_with('-'));
            prop_assert!(!slug.contains("--"));
            prop_assert!(!slug.chars().any(char::is_whitespace));
        }
    }
}
