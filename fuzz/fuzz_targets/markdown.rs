//! The Markdown model on arbitrary text: never panics; leaves are numbered in order;
//! search pieces lie inside their leaf on char boundaries and matches count once; the diff against an edited
//! copy never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use terms_widget::domain::documents::{diff, markdown, search};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let doc = markdown::parse(text);
    let leaves = doc.leaves();
    for (i, leaf) in leaves.iter().enumerate() {
        assert_eq!(leaf.leaf as usize, i, "leaves are numbered in document order");
    }
    let _ = doc.links();
    // A query made from the text itself, so that matches are found.
    let query: String = text.chars().skip(3).take(6).collect();
    let matches = search::find_matches(&doc, &query);
    let mut last_index = None;
    for piece in matches.pieces() {
        let leaf = &leaves[piece.leaf as usize].text;
        assert!(leaf.get(piece.start..piece.end).is_some(), "a piece lies inside its leaf");
        assert!(
            last_index.is_none_or(|i| piece.index == i || piece.index == i + 1),
            "matches are numbered in order, without gaps"
        );
        last_index = Some(piece.index);
    }
    assert_eq!(matches.count(), last_index.map_or(0, |i| i + 1), "the count is the number of matches");
    let edited = text.replacen(' ', "  x ", 2);
    let _ = diff::diff(text, &edited);
});
