//! Yew function components: the documents view and its parts.
//!
//! State lives in [`state::AppState`] (a `Reducible`); components get data through
//! `Props` and report through `Callback`s. The words they show come from the
//! [`Catalog`] in context ([`use_catalog`]; see [`crate::catalog`]).

pub mod app;
pub mod consent;
pub mod consent_app;
pub mod markdown_view;
pub mod parts;
pub mod refund;
pub mod state;

pub use app::{App, AppProps, Remote, Routing};
pub use state::Source;

use std::rc::Rc;

use yew::prelude::*;

use crate::catalog::Catalog;

thread_local! {
    /// English with the default platform, for components with no provider above them.
    static DEFAULT_CATALOG: Rc<Catalog> = Rc::new(Catalog::en());
}

/// The catalog a `ContextProvider<Rc<Catalog>>` above gives (the [`App`] and the consent
/// UI provide one for their bundle), or English with the default platform.
#[hook]
pub fn use_catalog() -> Rc<Catalog> {
    use_context::<Rc<Catalog>>().unwrap_or_else(|| DEFAULT_CATALOG.with(Rc::clone))
}
