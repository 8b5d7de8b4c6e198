//! `terms-bundle`: compiles a content folder into a bundle JSON file a host can serve.
//!
//! ```text
//! cargo run --bin terms-bundle -- content/ > bundle.json
//! cargo run --bin terms-bundle -- --check content/
//! ```
//!
//! A content folder holds `bundle.txt`, `<id>/v<N>.md` version files and, optionally,
//! `<id>/revisions.txt` (archived revisions: see `content_revisions`).

use std::process::ExitCode;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    use terms_widget::content_dir::read_content_dir;
    use terms_widget::domain::documents::{bundle, content_source};

    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let check_only = args.iter().any(|a| a == "--check");
    args.retain(|a| a != "--check");
    if args.len() != 1 || args[0].starts_with('-') {
        eprintln!("usage: terms-bundle [--check] CONTENT_DIR > bundle.json");
        return ExitCode::from(2);
    }
    let root = std::path::Path::new(&args[0]);
    let files = match read_content_dir(root) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("terms-bundle: cannot read {}: {e}", root.display());
            return ExitCode::from(1);
        }
    };
    let value = match content_source::compile(&files) {
        Ok(v) => v,
        Err(errors) => {
            for e in &errors {
                eprintln!("{}/{e}", root.display());
            }
            eprintln!(
                "terms-bundle: {} problem(s); nothing written.",
                errors.len()
            );
            return ExitCode::from(1);
        }
    };
    let loaded = bundle::load_value(&value);
    let mut broken = terms_widget::domain::documents::route::broken_links(&loaded.bundle);
    for b in &broken {
        eprintln!("warning: {b}");
    }
    // The translations' links, as a reader of each language follows them.
    let mut langs: Vec<&str> = loaded
        .bundle
        .translations
        .iter()
        .map(|d| d.lang.as_str())
        .collect();
    langs.sort_unstable();
    langs.dedup();
    for lang in langs {
        let view = loaded.bundle.for_language(lang);
        for b in terms_widget::domain::documents::route::broken_links(&view) {
            let shown_in = view.document(&b.document).map(|d| d.lang.as_str());
            if shown_in == Some(lang) {
                eprintln!("warning: ({lang}) {b}");
                broken.push(b);
            }
        }
    }
    if !check_only {
        println!("{value}");
    }
    let docs = &loaded.bundle.documents;
    eprintln!(
        "terms-bundle: {} document(s), {} translation(s), {} version(s), {} archived revision(s), {} broken link(s).",
        docs.len(),
        loaded.bundle.translations.len(),
        docs.iter().map(|d| d.versions.len()).sum::<usize>(),
        docs.iter().map(|d| d.archived.len()).sum::<usize>(),
        broken.len()
    );
    ExitCode::SUCCESS
}

#[cfg(target_arch = "wasm32")]
fn main() -> ExitCode {
    ExitCode::FAILURE
}
