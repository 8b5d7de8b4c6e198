//! Parsed document versions, kept for as long as the bundle is the same.

use std::collections::HashMap;
use std::rc::Rc;

use crate::domain::documents::bundle::Loaded;
use crate::domain::documents::markdown::{self, Document};

/// Parsed document versions of one bundle, by document id and version label.
#[derive(Default)]
pub struct ParseCache {
    /// The bundle the entries belong to (compared by address).
    bundle: Option<Rc<Loaded>>,
    docs: HashMap<(String, String), Rc<Document>>,
}

impl ParseCache {
    /// The parsed `body` of `id`@`version` in `bundle`, parsing it on first use.
    pub fn parse(
        &mut self,
        bundle: Option<&Rc<Loaded>>,
        id: &str,
        version: &str,
        body: &str,
    ) -> Rc<Document> {
        let same = match (&self.bundle, bundle) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        if !same {
            self.docs.clear();
            self.bundle = bundle.cloned();
        }
        self.docs
            .entry((id.to_owned(), version.to_owned()))
            .or_insert_with(|| Rc::new(markdown::parse(body)))
            .clone()
    }
}
