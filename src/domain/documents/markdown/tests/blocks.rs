//! Block structure, leaf numbering and runs, and deep nesting.

use std::collections::HashSet;

use super::*;

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
