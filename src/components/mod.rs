//! Yew function components: the documents view and its parts.
//!
//! State lives in [`state::AppState`] (a `Reducible`); components get data through
//! `Props` and report through `Callback`s. The words they show come from the
//! [`Catalog`] in context ([`use_catalog`]; see [`crate::catalog`]).

pub mod app;
pub mod archived;
pub mod consent;
pub mod consent_app;
pub mod markdown_view;
pub mod parse_cache;
pub mod parts;
pub mod policy_frame;
pub mod refund;
pub mod signup;
pub mod state;

pub use app::{App, AppProps, Remote, Routing};
pub use state::Source;

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

/// What tells this widget's landmarks (its navigation, its region) apart from another
/// widget's on the same page: `None` where the widget owns the page (the SPA), else the
/// host's `label` attribute or the open document's title. [`App`] provides it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LandmarkScope(pub Option<AttrValue>);

impl LandmarkScope {
    /// The accessible name of a landmark called `name`: as it is where the widget owns
    /// the page, "`name`: scope" in an embedded widget.
    pub fn name(&self, cat: &Catalog, name: crate::catalog::Msg) -> AttrValue {
        let name = cat.text(name);
        match &self.0 {
            Some(scope) => AttrValue::from(cat.with(
                crate::catalog::Msg::ScopedLandmark,
                &[("name", &name), ("scope", scope)],
            )),
            None => AttrValue::from(name),
        }
    }
}

/// [`LandmarkScope::name`] with the scope and catalog in context.
#[hook]
pub fn use_landmark_name(name: crate::catalog::Msg) -> AttrValue {
    let cat = use_catalog();
    use_context::<LandmarkScope>()
        .unwrap_or_default()
        .name(&cat, name)
}

/// The catalog a `ContextProvider<Rc<Catalog>>` above gives (the [`App`] and the consent
/// UI provide one for their bundle), or English with the default platform.
#[hook]
pub fn use_catalog() -> Rc<Catalog> {
    use_context::<Rc<Catalog>>().unwrap_or_else(|| DEFAULT_CATALOG.with(Rc::clone))
}
