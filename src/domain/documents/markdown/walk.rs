//! Reading the tree in document order: leaves, runs of text, links, plain text, and the
//! leaf numbering the builder applies (both walk in the same order).

use super::model::{Block, Document, Inline, LinkTarget, RunPart, Text};

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

pub(super) fn number_blocks(blocks: &mut [Block], next: &mut u32) {
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
