//! The consent storage decoder on arbitrary stored values: never panics; whatever it
//! accepts encodes and decodes back to the same history.
#![no_main]

use libfuzzer_sys::fuzz_target;
use terms_widget::domain::consent::{decode, encode};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(history) = decode(text) {
        let again = decode(&encode(&history)).expect("an encoded history decodes");
        assert_eq!(again, history, "encode and decode round-trip");
    }
});
