//! Pure Rust: documents, the Markdown model, search, routes and time.
//!
//! Nothing here touches the browser or Yew, and nothing reads a clock: callers pass
//! `now` in. This is where most of the tests live (`cargo test`).

pub mod bundle;
pub mod consent;
pub mod consent_config;
pub mod consent_mode;
pub mod content_source;
pub mod diff;
pub mod local_time;
pub mod markdown;
pub mod refund;
pub mod refund_form;
pub mod route;
pub mod search;
pub mod sha256;
pub mod time;
pub mod wire;
