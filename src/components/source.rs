//! Where an element's documents come from: shared by the documents view and the consent
//! elements (its own module so the consent-only build's code holds none of the documents
//! view's words: see `catalog::Area::in_consent_build`).

use std::rc::Rc;

use crate::domain::documents::bundle::Loaded;

/// Where the documents come from.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// The bundle compiled into the widget from `content/`.
    BuiltIn,
    /// A bundle JSON file the host serves.
    Url(String),
    /// A bundle JSON text the host inlined in the page.
    Inline(String),
    /// A bundle already loaded (e.g. by the consent UI, to show its privacy policy).
    Ready(Rc<Loaded>),
}
