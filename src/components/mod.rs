//! Yew function components: the documents view and its parts.
//!
//! State lives in [`state::AppState`] (a `Reducible`); components get data through
//! `Props` and report through `Callback`s.

pub mod app;
pub mod consent;
pub mod consent_app;
pub mod markdown_view;
pub mod parts;
pub mod refund;
pub mod state;

pub use app::{App, AppProps, Remote, Routing};
pub use state::Source;
