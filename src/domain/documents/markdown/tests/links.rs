//! Hostile links, link classification and entities.

use super::*;

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
