//! Parsing: the pulldown-cmark event stream folded into the inert tree.

use std::collections::{HashMap, HashSet};

use pulldown_cmark as cm;

use super::links::link_target;
use super::model::*;
use super::slug::slugify;
use super::walk::{number_blocks, plain_text};

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
