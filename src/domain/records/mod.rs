//! What consent records and (soon) acceptance records share: today the SHA-256 that pins
//! the exact text a person agreed to.

pub mod sha256;
