//! The SPA: registers `<terms-widget>`; `index.html` holds one with `routing="hash"`.

fn main() {
    terms_widget::embed::register();
}
