//! The Markdown model's tests; helpers here, one file a concern.

use super::*;

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

mod blocks;
mod headings;
mod links;
mod outline;
mod properties;
