//! The acceptance storage decoders on arbitrary stored values (the history and the
//! delivery outbox): never panic; whatever they accept encodes and decodes back to the
//! same value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use terms_widget::domain::acceptance::{decode, encode};
use terms_widget::domain::records::outbox::Outbox;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(history) = decode(text) {
        let again = decode(&encode(&history)).expect("an encoded history decodes");
        assert_eq!(again, history, "encode and decode round-trip");
    }
    if let Ok(outbox) = Outbox::decode(text) {
        let again = Outbox::decode(&outbox.encode()).expect("an encoded outbox decodes");
        assert_eq!(again, outbox, "encode and decode round-trip");
    }
});
