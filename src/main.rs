//! The full build (`terms-widget.js`): registers every element and the whole
//! `window.TermsWidget` API. `embed.js` loads it on pages with acceptance elements, with
//! consent elements beside a `<terms-widget>`, with no element yet, or when the page asks
//! for it (`data-build="full"`).

fn main() {
    terms_widget::embed::register();
}
