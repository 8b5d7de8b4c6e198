//! The bundle loader on arbitrary text: never panics; whatever it accepts can be written
//! back and loads again to the same documents.
#![no_main]

use libfuzzer_sys::fuzz_target;
use terms_widget::domain::documents::bundle::{load_json, to_json};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let loaded = load_json(text);
    let again = load_json(&to_json(&loaded.bundle).to_string());
    assert_eq!(
        again.bundle.documents.len(),
        loaded.bundle.documents.len(),
        "a loaded bundle round-trips"
    );
    assert_eq!(
        again.bundle.translations.len(),
        loaded.bundle.translations.len(),
        "with its translations"
    );
    for lang in ["en", "es-MX"] {
        let shown = loaded.bundle.for_language(lang);
        assert_eq!(shown.documents.len(), loaded.bundle.documents.len());
    }
});
