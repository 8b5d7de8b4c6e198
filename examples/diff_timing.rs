//! Milliseconds per word diff of two ~50 KB versions of the Terms of Use, natively.
//!
//! `cargo run --release --profile bench-native --example diff_timing` prints one line, e.g.
//!
//! ```text
//! diff of two 50 KB versions: 4.1 ms (median of 15; min 3.9, max 5.2; 57344 → 59012 bytes, 180 changes)
//! ```
//!
//! The versions come from `long_versions` (the newest Terms of Use repeated and edited
//! deterministically). The browser's figure is measured in the browser, not here.

use std::hint::black_box;
use std::time::Instant;

use terms_widget::domain::documents::bundle::load_json;
use terms_widget::domain::documents::diff::{diff, long_versions};

fn main() {
    let bundle = load_json(terms_widget::DEFAULT_BUNDLE).bundle;
    let terms = bundle
        .documents
        .iter()
        .find(|d| d.id == "terms-of-use")
        .and_then(|d| d.versions.last())
        .expect("the Terms of Use in the default bundle");
    let (old, new) = long_versions(&terms.body, 50_000);
    let changes = diff(&old, &new).len();

    let runs = 15;
    let mut ms: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(diff(black_box(&old), black_box(&new)));
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    println!(
        "diff of two 50 KB versions: {:.2} ms (median of {runs}; min {:.2}, max {:.2}; {} → {} bytes, {changes} changes)",
        ms[runs / 2],
        ms[0],
        ms[runs - 1],
        old.len(),
        new.len(),
    );
}
