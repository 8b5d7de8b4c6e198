//! Compiles `content/` into the default bundle embedded in the widget.
//!
//! The same code as the runtime checks it (the modules are shared by path), so a
//! problem in a document fails the build with the file, line and a fix.

// The bundle's re-exports the build does not use are unused here, not in the crate.
#[allow(dead_code, unused_imports)]
#[path = "src/domain"]
mod domain {
    #[path = "acceptance"]
    pub mod acceptance {
        #[path = "pledges.rs"]
        pub mod pledges;
        #[path = "setup.rs"]
        pub mod setup;
    }
    #[path = "documents"]
    pub mod documents {
        #[path = "bundle/mod.rs"]
        pub mod bundle;
        #[path = "content_revisions.rs"]
        pub mod content_revisions;
        #[path = "content_source/mod.rs"]
        pub mod content_source;
    }
    #[path = "records"]
    pub mod records {
        #[path = "language.rs"]
        pub mod language;
        #[path = "sha256.rs"]
        pub mod sha256;
    }
    #[path = "time.rs"]
    pub mod time;
    #[path = "wire.rs"]
    pub mod wire;
}
// The bundle checks `platform.strings` against the catalog's keys.
#[allow(dead_code, unused_imports)]
#[path = "src/catalog/mod.rs"]
mod catalog;
#[allow(dead_code)]
#[path = "src/content_dir.rs"]
mod content_dir;

fn main() {
    for path in [
        "content",
        "content/consent.json",
        "content/acceptance.json",
        "src/domain/acceptance/pledges.rs",
        "src/domain/acceptance/setup.rs",
        "src/domain/documents/bundle",
        "src/domain/documents/content_source",
        "src/domain/documents/content_revisions.rs",
        "src/domain/records/language.rs",
        "src/domain/records/sha256.rs",
        "src/domain/time.rs",
        "src/domain/wire.rs",
        "src/domain/records/language.rs",
        "src/catalog",
        "src/content_dir.rs",
    ] {
        println!("cargo:rerun-if-changed={path}");
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let files = content_dir::read_content_dir(&root)
        .unwrap_or_else(|e| panic!("could not read {}: {e}", root.display()));
    let bundle = domain::documents::content_source::compile(&files).unwrap_or_else(|errors| {
        for e in &errors {
            println!("cargo:warning=content/{e}");
        }
        panic!(
            "content/ has {} problem(s); see the warnings above:\n{}",
            errors.len(),
            errors
                .iter()
                .map(|e| format!("  content/{e}"))
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR is set by cargo"))
        .join("default-bundle.json");
    std::fs::write(&out, bundle.to_string())
        .unwrap_or_else(|e| panic!("could not write {}: {e}", out.display()));
    let consent = consent_subset(&bundle);
    let out = out.with_file_name("consent-bundle.json");
    std::fs::write(&out, consent.to_string())
        .unwrap_or_else(|e| panic!("could not write {}: {e}", out.display()));
}

/// What the consent-only build (`terms-consent`) has built in: the bundle without the
/// documents consent does not use. It keeps the platform, the consent set-up and the
/// privacy policy the choices are bound to (`consent.policy_document`, by default
/// `privacy-policy`), every version of it and every translation of it (the documents with
/// that id in other languages), so records and re-consent work exactly as in the full
/// widget, in every language it has. Its versions are digest-only: each gives the SHA-256
/// of its text in place of the text (`Version::sha256`), all a consent record binds to;
/// the learner who opens the policy gets the full build and its full bundle.
fn consent_subset(bundle: &serde_json::Value) -> serde_json::Value {
    let mut subset = bundle.clone();
    let policy = bundle
        .pointer("/consent/policy_document")
        .and_then(|v| v.as_str())
        .unwrap_or("privacy-policy")
        .to_owned();
    if let Some(docs) = subset.get_mut("documents").and_then(|d| d.as_array_mut()) {
        // Translations share the id, so they stay too.
        docs.retain(|d| d.get("id").and_then(|id| id.as_str()) == Some(policy.as_str()));
        for version in docs
            .iter_mut()
            .filter_map(|d| d.get_mut("versions").and_then(|v| v.as_array_mut()))
            .flatten()
            .filter_map(|v| v.as_object_mut())
        {
            if let Some(serde_json::Value::String(body)) = version.remove("body") {
                let digest = domain::records::sha256::sha256_hex(body.as_bytes());
                version.insert("sha256".into(), digest.into());
            }
        }
    }
    subset
}
