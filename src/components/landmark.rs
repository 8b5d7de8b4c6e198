//! The accessible names of the documents view's landmarks, told apart from another
//! widget's on the same page (a module of its own: the consent elements do not use it,
//! and their code holds only the words the consent-only build carries).

use yew::prelude::*;

use super::use_catalog;
use crate::catalog::{Catalog, Msg};

/// What tells this widget's landmarks (its navigation, its region) apart from another
/// widget's on the same page: `None` where the widget owns the page (the SPA), else the
/// host's `label` attribute or the open document's title. [`App`](super::App) provides it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LandmarkScope(pub Option<AttrValue>);

impl LandmarkScope {
    /// The accessible name of a landmark called `name`: as it is where the widget owns
    /// the page, "`name`: scope" in an embedded widget.
    pub fn name(&self, cat: &Catalog, name: Msg) -> AttrValue {
        let name = cat.text(name);
        match &self.0 {
            Some(scope) => {
                AttrValue::from(cat.with(Msg::ScopedLandmark, &[("name", &name), ("scope", scope)]))
            }
            None => AttrValue::from(name),
        }
    }
}

/// [`LandmarkScope::name`] with the scope and catalog in context.
#[hook]
pub fn use_landmark_name(name: Msg) -> AttrValue {
    let cat = use_catalog();
    use_context::<LandmarkScope>()
        .unwrap_or_default()
        .name(&cat, name)
}
