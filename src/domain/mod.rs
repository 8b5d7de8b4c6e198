//! Pure Rust: documents, the Markdown model, search, routes and time.
//!
//! Nothing here touches the browser or Yew, and nothing reads a clock: callers pass
//! `now` in. This is where most of the tests live (`cargo test`).

pub mod consent;
pub mod documents;
pub mod records;
pub mod refund;
pub mod time;

// `consent.rs` names `super::bundle`; it is moved whole (another branch edits it), so this
// alias keeps that path working until its body can say `documents::bundle`.
use documents::bundle;
