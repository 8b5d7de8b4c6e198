//! Documents: the bundle and its checks, the content compiler, the Markdown model and link
//! safety, search, the changes between versions and the widget's routes.

pub mod bundle;
pub mod content_revisions;
pub mod content_source;
pub mod diff;
pub mod markdown;
pub mod route;
pub mod search;
