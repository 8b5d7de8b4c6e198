//! The document model: blocks, inlines, numbered text leaves and classified links.

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
        /// Unique anchor id (see [`slugify`](super::slugify)).
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

/// The classified destination of a link. See [`classify_link`](super::classify_link).
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
