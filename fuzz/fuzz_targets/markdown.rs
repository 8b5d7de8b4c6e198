//! The Markdown model on arbitrary text: never panics; leaves are numbered in order;
//! search matches lie inside their leaf on char boundaries; the diff against an edited
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
    for m in search::find_matches(&doc, &query) {
        let leaf = &leaves[m.leaf as usize].text;
        assert!(leaf.get(m.start..m.end).is_some(), "a match lies inside its leaf");
    }
    let edited = text.replacen(' ', "  x ", 2);
    let _ = diff::diff(text, &edited);
});
