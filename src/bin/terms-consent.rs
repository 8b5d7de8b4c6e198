//! The consent-only build: registers `<terms-consent>` and `<terms-privacy-choices>`
//! with the JS API's consent functions, and nothing of the documents view or the refund
//! calculator. `embed.js` loads it on pages that show only those elements; when such a
//! page needs a document, `embed.js` loads the documents build (`terms-documents`) as well.

fn main() {
    terms_widget::embed::register_consent();
}
