//! Yew function components: the documents view and its parts.
//!
//! State lives in [`state::AppState`] (a `Reducible`); components get data through
//! `Props` and report through `Callback`s. The words they show come from the
//! [`Catalog`] in context ([`use_catalog`]; see [`crate::catalog`]).

pub mod app;
pub mod archived;
pub mod consent;
pub mod consent_app;
mod landmark;
pub mod markdown_view;
pub mod parse_cache;
pub mod parts;
pub mod policy_frame;
pub mod refund;
pub mod signup;
mod source;
pub mod state;

pub use app::{App, AppProps, Remote, Routing};
pub use landmark::{LandmarkScope, use_landmark_name};
pub use source::Source;

use std::rc::Rc;

use yew::prelude::*;

use crate::catalog::Catalog;

/// Compares an `Rc` by address, for memo dependencies.
#[derive(Clone)]
pub(crate) struct ByPtr<T>(pub Rc<T>);

impl<T> PartialEq for ByPtr<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The words of an element: its locale's catalog (see
/// [`platform::language::catalog_for`](crate::platform::language::catalog_for)), naming
/// the loaded bundle's platform and using its own words once it is read.
#[hook]
pub(crate) fn use_bundle_catalog(
    loaded: Option<Rc<crate::domain::documents::bundle::Loaded>>,
    locale: Option<AttrValue>,
) -> Rc<Catalog> {
    use_memo((loaded.map(ByPtr), locale), |(loaded, locale)| {
        let cat = crate::platform::language::catalog_for(locale.as_deref().unwrap_or("en"));
        match loaded {
            Some(loaded) => loaded.0.bundle.words(cat),
            None => cat,
        }
    })
}

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
