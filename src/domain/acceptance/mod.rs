//! Acceptance records (clickwrap): a learner accepts the Terms of Use, the Privacy Policy
//! and the Honor Code at sign-up, a course's documents on its page, and a document again
//! after a material change. Pure Rust: no clock, no random numbers, no browser.
//!
//! The contract is `shared/specs/acceptance.md`: its field names, values and codes are
//! public API and are used here exactly.

pub mod pledges;
pub mod setup;
