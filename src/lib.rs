//! terms-widget: a learning platform's legal documents, with their revision history, as
//! an embeddable Yew + WebAssembly widget.
//!
//! The crate is layered so the structure shows in the tree:
//!
//! * [`catalog`]: every piece of learner-facing text, per language (pure Rust).
//! * [`domain`]: pure Rust (documents, Markdown model, search, routes, time); most tests.
//! * [`platform`]: the browser edge (fetch, URL fragment, console, scrolling).
//! * [`components`]: Yew function components and the app state.
//! * [`embed`]: the `<terms-widget>` custom element and the script-tag surface.

#![warn(missing_docs)]

pub mod catalog;
pub mod components;
#[cfg(not(target_arch = "wasm32"))]
pub mod content_dir;
pub mod domain;
pub mod embed;
pub mod platform;

/// The default documents, compiled from `content/` by the build script (bundle JSON).
pub const DEFAULT_BUNDLE: &str = include_str!(concat!(env!("OUT_DIR"), "/default-bundle.json"));

/// What the consent-only build has built in: [`DEFAULT_BUNDLE`] with only the documents
/// consent uses (the platform, the consent set-up and the privacy policy; see `build.rs`).
pub const CONSENT_BUNDLE: &str = include_str!(concat!(env!("OUT_DIR"), "/consent-bundle.json"));

/// The documents view's stylesheet, adopted into each `<terms-widget>`'s shadow root.
pub const WIDGET_CSS: &str = concat!(
    include_str!("../styles/base.css"),
    include_str!("../styles/widget.css"),
    include_str!("../styles/refund.css")
);

/// What the acceptance elements add to [`WIDGET_CSS`] (they share its classes, such as
/// `tw-link-button`): each `<terms-signup>` and `<terms-honor-code>` shadow root adopts
/// both, in that order. A sheet of its own, so no build carries the documents view's
/// stylesheet twice.
pub const ACCEPTANCE_CSS: &str = include_str!("../styles/acceptance.css");

/// The consent elements' stylesheet, adopted into each `<terms-consent>` and
/// `<terms-privacy-choices>` shadow root.
pub const CONSENT_CSS: &str = concat!(
    include_str!("../styles/base.css"),
    include_str!("../styles/consent.css")
);
