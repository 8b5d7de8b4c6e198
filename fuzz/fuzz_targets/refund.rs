//! The refund contract on arbitrary input JSON: never panics, always answers with a
//! decision (`outcome`) or a contract error (`error`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use terms_widget::domain::refund::{RefundPolicy, evaluate_str};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let answer = evaluate_str(text, &RefundPolicy::default());
    assert!(
        answer.get("outcome").is_some() || answer.get("error").is_some(),
        "{answer}"
    );
});
