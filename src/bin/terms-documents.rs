//! The documents build (`terms-documents.js`): registers `<terms-widget>` (the documents
//! view, the refund calculator and the verdict card) with `TermsWidget.evaluateRefund`,
//! and nothing of the consent or acceptance elements. `embed.js` loads it on pages whose
//! elements are all `<terms-widget>` (the SPA, course pages), and when a consent-only page
//! needs a document.

fn main() {
    terms_widget::embed::register_documents();
}
