//! The `content/` folder format: Markdown files with a small front matter, compiled into
//! a bundle (see [`super::bundle`]).
//!
//! ```text
//! content/
//!   bundle.txt                 platform: Kestrel Learning
//!                              documents: terms-of-use, refund-policy, …
//!   consent.json               (optional) the consent set-up, see `consent_config`
//!   acceptance.json            (optional) the acceptance set-up, see `acceptance::setup`
//!   refund-policy/v1.md        ---
//!   refund-policy/v2.md        id: refund-policy
//!                              title: Refund Policy
//!                              version: 2
//!                              effective: 2025-09-01
//!                              summary: Adds the pre-enrolment rule.
//!                              material: true
//!                              pledges: true   (optional)
//!                              ---
//!                              Markdown body…
//!   terms-of-use/revisions.txt (optional) earlier revisions without their text,
//!                              see [`super::content_revisions`]
//!   honor-code/es/v2.md        (optional) a translation: the same front matter (the
//!                              title in that language), version 2's text in Spanish
//! ```
//!
//! `bundle.txt` may also say `lang: en`: the language of the documents in the document
//! folders (the bundle's `"lang"`, English when absent). A translation lives in a folder
//! named after its language tag inside the document's folder, `<id>/<lang>/v<N>.md`; it
//! may have only some versions (often only the current one), each with the same
//! `version`, `effective`, `material` and `pledges` as the document's own. It becomes a
//! document with the same id and `"lang"`, right after the document, translations in
//! order of their tags (see [`super::bundle::Bundle::for_language`]). Archived revisions
//! (`revisions.txt`) are not translated.
//!
//! This module is pure: it takes file names and texts, and is shared by the crate's build
//! script (which embeds the default bundle) and the `terms-bundle` command.
//!
//! ```
//! use terms_widget::domain::documents::content_source::{compile, SourceFile};
//!
//! let files = vec![
//!     SourceFile { path: "bundle.txt".into(), text: "platform: Demo\ndocuments: faq\n".into() },
//!     SourceFile { path: "faq/v1.md".into(), text: "---\nid: faq\ntitle: FAQ\nversion: 1\n\
//!        effective: 2024-01-01\nsummary: First.\nmaterial: true\n---\nHello.\n".into() },
//! ];
//! let bundle = compile(&files).unwrap();
//! assert_eq!(bundle["documents"][0]["versions"][0]["body"], "Hello.\n");
//! ```

use serde_json::{Value, json};

use super::bundle::{self, FORMAT};
use super::content_revisions::{REVISIONS_FILE, RevisionsFile, parse_revisions};
use crate::domain::records::language::is_valid_language_tag;

/// One file of a content folder: its path relative to the folder (with `/`), and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// Path relative to the content folder, e.g. `refund-policy/v2.md`.
    pub path: String,
    /// The file's text.
    pub text: String,
}

/// A problem in a content folder, tied to a file and (where known) a line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{path}{}: {message}",
    .line.map_or(String::new(), |line| format!(":{line}"))
)]
pub struct SourceError {
    /// The file at fault (relative path), or `content/` for the folder as a whole.
    pub path: String,
    /// The 1-based line, where one line is at fault.
    pub line: Option<usize>,
    /// What is wrong and how to fix it.
    pub message: String,
}

/// The keys a document file's front matter must have, in the order we print them.
pub const FRONT_MATTER_KEYS: [&str; 6] =
    ["id", "title", "version", "effective", "summary", "material"];

/// The keys a document file's front matter may have: `pledges: true` makes the items of
/// the body's first numbered list the version's pledges (the bundle's `"pledges": true`).
pub const OPTIONAL_FRONT_MATTER_KEYS: [&str; 1] = ["pledges"];

/// The optional JSON files of a content folder, and the bundle key each becomes.
pub const JSON_FILES: [(&str, &str); 2] = [
    ("consent.json", "consent"),
    ("acceptance.json", "acceptance"),
];

/// Front matter and body of one document file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceDocument {
    /// `(key, value)` pairs in file order.
    pub fields: Vec<(String, String)>,
    /// The Markdown after the closing `---`.
    pub body: String,
}

impl SourceDocument {
    /// The value of a front-matter key.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// Parses `key: value` lines (blank lines and `#` comments allowed). `first_line` is the
/// file line number of the first given line, for messages.
pub fn parse_key_values(
    path: &str,
    text: &str,
    first_line: usize,
) -> Result<Vec<(String, String)>, SourceError> {
    let mut out: Vec<(String, String)> = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let err = |message: String| SourceError {
            path: path.to_string(),
            line: Some(first_line + n),
            message,
        };
        let Some((key, value)) = line.split_once(':') else {
            return Err(err(format!("\"{line}\" is not a \"key: value\" line.")));
        };
        let key = key.trim();
        if key.is_empty() || !key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
            return Err(err(format!(
                "\"{key}\" is not a valid key: keys are lowercase words such as \"effective\"."
            )));
        }
        if out.iter().any(|(k, _)| k == key) {
            return Err(err(format!("The key \"{key}\" is given twice.")));
        }
        out.push((key.to_string(), value.trim().to_string()));
    }
    Ok(out)
}

/// Splits a document file into front matter and body.
pub fn parse_document(path: &str, text: &str) -> Result<SourceDocument, SourceError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let err = |line: Option<usize>, message: &str| SourceError {
        path: path.to_string(),
        line,
        message: message.to_string(),
    };
    let mut lines = text.split_inclusive('\n');
    match lines.next() {
        Some(first) if first.trim_end() == "---" => {}
        _ => {
            return Err(err(
                Some(1),
                "The file must start with a front matter block: a line \"---\", the fields, and another \"---\".",
            ));
        }
    }
    let mut front = String::new();
    let mut offset = 0usize;
    let mut closed = false;
    let mut line_no = 1usize;
    for line in lines.by_ref() {
        line_no += 1;
        if line.trim_end() == "---" {
            closed = true;
            break;
        }
        front.push_str(line);
    }
    if !closed {
        return Err(err(
            None,
            "The front matter is never closed: add a line \"---\" after the fields.",
        ));
    }
    for l in text.split_inclusive('\n').take(line_no) {
        offset += l.len();
    }
    let fields = parse_key_values(path, &front, 2)?;
    let body = text.get(offset..).unwrap_or("").to_string();
    Ok(SourceDocument { fields, body })
}

/// Compiles the files of a content folder into a bundle JSON value in the format
/// [`FORMAT`], checking it the same way the widget checks bundles at run time.
///
/// Returns every problem found, not just the first.
pub fn compile(files: &[SourceFile]) -> Result<Value, Vec<SourceError>> {
    let mut errors = Vec::new();
    let folder_error = |message: String| SourceError {
        path: "content/".into(),
        line: None,
        message,
    };

    let Some(meta_file) = files.iter().find(|f| f.path == "bundle.txt") else {
        return Err(vec![folder_error(
            "There is no bundle.txt: add one with the lines \"platform: <name>\" and \"documents: <id>, <id>, …\" (the display order).".into(),
        )]);
    };
    let meta = match parse_key_values("bundle.txt", &meta_file.text, 1) {
        Ok(m) => m,
        Err(e) => return Err(vec![e]),
    };
    let platform = meta
        .iter()
        .find(|(k, _)| k == "platform")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let order: Vec<String> = match meta.iter().find(|(k, _)| k == "documents") {
        Some((_, v)) => v
            .split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect(),
        None => {
            return Err(vec![SourceError {
                path: "bundle.txt".into(),
                line: None,
                message: "The key \"documents\" is missing: list the document ids in display order, separated by commas.".into(),
            }]);
        }
    };
    let lang = meta
        .iter()
        .find(|(k, _)| k == "lang")
        .map(|(_, v)| v.clone());
    for (k, _) in &meta {
        if !["platform", "documents", "lang"].contains(&k.as_str()) {
            errors.push(SourceError {
                path: "bundle.txt".into(),
                line: None,
                message: format!(
                    "Unknown key \"{k}\": bundle.txt takes only \"platform\", \"documents\" and \"lang\"."
                ),
            });
        }
    }

    // The consent and acceptance set-ups travel as they are (the loader and the widget
    // check them).
    let mut side_values = Vec::new();
    for (name, key) in JSON_FILES {
        let Some(file) = files.iter().find(|f| f.path == name) else {
            continue;
        };
        match serde_json::from_str::<Value>(&file.text) {
            Ok(v) => side_values.push((key, v)),
            Err(e) => errors.push(SourceError {
                path: name.into(),
                line: Some(e.line()),
                message: format!("This is not valid JSON: {e}."),
            }),
        }
    }

    // Group the document files by folder and language; a document's folder may have its
    // archived revisions.
    let mut folders: Vec<Folder<'_>> = Vec::new();
    let mut revisions: Vec<(&str, &SourceFile)> = Vec::new();
    for file in files
        .iter()
        .filter(|f| f.path != "bundle.txt" && !JSON_FILES.iter().any(|(name, _)| f.path == *name))
    {
        let Some((folder, name)) = file.path.split_once('/') else {
            if file.path.ends_with(".md") {
                errors.push(SourceError {
                    path: file.path.clone(),
                    line: None,
                    message: "Document files go in a folder named after the document id, e.g. refund-policy/v1.md.".into(),
                });
            }
            continue;
        };
        // A translation: <id>/<lang>/vN.md.
        let (lang, name) = match name.split_once('/') {
            None => (None, name),
            Some((lang, rest)) if !rest.contains('/') && is_valid_language_tag(lang) => {
                (Some(lang.to_string()), rest)
            }
            Some(_) => {
                if name.ends_with(".md") {
                    errors.push(SourceError {
                        path: file.path.clone(),
                        line: None,
                        message: format!(
                            "A translation goes in a folder named after its language, right in the document's folder, e.g. {folder}/es/v1.md."
                        ),
                    });
                }
                continue;
            }
        };
        if name == REVISIONS_FILE {
            if lang.is_some() {
                errors.push(SourceError {
                    path: file.path.clone(),
                    line: None,
                    message: format!(
                        "Archived revisions are not translated: keep {REVISIONS_FILE} in {folder}/ only."
                    ),
                });
            } else {
                revisions.push((folder, file));
            }
            continue;
        }
        if !name.ends_with(".md") {
            continue;
        }
        let number = name
            .strip_prefix('v')
            .and_then(|n| n.strip_suffix(".md"))
            .and_then(|n| n.parse::<u64>().ok());
        let Some(number) = number else {
            errors.push(SourceError {
                path: file.path.clone(),
                line: None,
                message: "Version files are named v<number>.md, e.g. v1.md, v2.md.".into(),
            });
            continue;
        };
        match folders
            .iter_mut()
            .find(|f| f.id == folder && f.lang == lang)
        {
            Some(f) => f.versions.push((number, file)),
            None => folders.push(Folder {
                id: folder.to_string(),
                lang,
                versions: vec![(number, file)],
            }),
        }
    }

    for (i, f) in folders.iter().enumerate() {
        let first_of_id = folders[..i].iter().all(|other| other.id != f.id);
        if first_of_id && !order.contains(&f.id) {
            errors.push(folder_error(format!(
                "The folder \"{}\" is not listed in bundle.txt \"documents\": add it, or remove the folder.",
                f.id
            )));
        }
        if let Some(lang) = &f.lang
            && !folders.iter().any(|p| p.id == f.id && p.lang.is_none())
        {
            errors.push(SourceError {
                path: f.versions[0].1.path.clone(),
                line: None,
                message: format!(
                    "There is a translation ({lang}) but no version in the bundle's language: add {}/v1.md; a translation has some of its versions.",
                    f.id
                ),
            });
        }
    }

    for (folder, file) in &revisions {
        if !folders.iter().any(|f| f.id == *folder) {
            errors.push(SourceError {
                path: file.path.clone(),
                line: None,
                message: format!(
                    "There are archived revisions but no version: add {folder}/v1.md with the current text (and list \"{folder}\" in bundle.txt)."
                ),
            });
        }
    }

    let mut out_docs = Vec::new();
    // For each document with a revisions.txt: its index in `out_docs` and the file.
    let mut archived_files: Vec<(usize, RevisionsFile)> = Vec::new();
    // For each document in `out_docs`: the file of each of its versions, in order.
    let mut version_files: Vec<Vec<String>> = Vec::new();
    for id in &order {
        let Some(primary) = folders.iter().find(|f| f.id == *id && f.lang.is_none()) else {
            if !folders.iter().any(|f| f.id == *id) {
                errors.push(SourceError {
                    path: "bundle.txt".into(),
                    line: None,
                    message: format!(
                        "\"{id}\" is listed in \"documents\" but there is no folder {id}/ with v1.md in it."
                    ),
                });
            }
            continue;
        };
        // The primary, then its translations by language tag.
        let mut translations: Vec<&Folder<'_>> = folders
            .iter()
            .filter(|f| f.id == *id && f.lang.is_some())
            .collect();
        translations.sort_by(|a, b| a.lang.cmp(&b.lang));
        for folder in std::iter::once(primary).chain(translations) {
            let (title, out_versions, paths) = compile_versions(folder, &mut errors);
            let mut out_doc = json!({ "id": id, "title": title, "versions": out_versions });
            if let Some(lang) = &folder.lang {
                out_doc["lang"] = Value::String(lang.clone());
            } else if let Some((_, file)) = revisions.iter().find(|(f, _)| f == id) {
                match parse_revisions(&file.path, &file.text) {
                    Ok(parsed) => {
                        out_doc["archived"] = Value::Array(parsed.entries.clone());
                        archived_files.push((out_docs.len(), parsed));
                    }
                    Err(e) => errors.extend(e),
                }
            }
            out_docs.push(out_doc);
            version_files.push(paths);
        }
    }

    let mut value =
        json!({ "format": FORMAT, "platform": { "name": platform }, "documents": out_docs });
    if let Some(map) = value.as_object_mut() {
        if let Some(lang) = lang {
            map.insert("lang".into(), Value::String(lang));
        }
        for (key, v) in side_values {
            map.insert(key.into(), v);
        }
    }
    // The same checks the widget makes at run time (dates, labels, ordering, …).
    for p in bundle::load_value(&value).problems {
        // A problem in an archived revision is told at its line of revisions.txt.
        let in_file = archived_files.iter().find_map(|(index, file)| {
            let rest = p.path.strip_prefix(&format!("documents[{index}]."))?;
            Some((file, file.locate(rest)?))
        });
        errors.push(match in_file {
            Some((file, line)) => SourceError {
                path: file.path.clone(),
                line: Some(line),
                message: p.message,
            },
            None if p.path == "lang" => SourceError {
                path: "bundle.txt".into(),
                line: None,
                message: p.message,
            },
            // A problem in a version is told at its file.
            None => match version_file(&p.path, &version_files) {
                Some(path) => SourceError {
                    path: path.to_string(),
                    line: None,
                    message: p.message,
                },
                None => SourceError {
                    path: "content/".into(),
                    line: None,
                    message: p.to_string(),
                },
            },
        });
    }
    if errors.is_empty() {
        Ok(value)
    } else {
        Err(errors)
    }
}

/// The version files of one document in one language: `<id>/vN.md` (`lang` is `None`),
/// or a translation's `<id>/<lang>/vN.md`.
struct Folder<'a> {
    id: String,
    lang: Option<String>,
    versions: Vec<(u64, &'a SourceFile)>,
}

/// The file a bundle problem at `path` (`documents[k].versions[j]…`) is in, if any.
fn version_file<'a>(path: &str, version_files: &'a [Vec<String>]) -> Option<&'a str> {
    let rest = path.strip_prefix("documents[")?;
    let (k, rest) = rest.split_once(']')?;
    let rest = rest.strip_prefix(".versions[")?;
    let (j, _) = rest.split_once(']')?;
    let files = version_files.get(k.parse::<usize>().ok()?)?;
    files.get(j.parse::<usize>().ok()?).map(String::as_str)
}

/// One folder's versions as bundle JSON, by number: its title, the versions, and the
/// file of each. A file with a problem is left out and the problem added to `errors`.
fn compile_versions(
    folder: &Folder<'_>,
    errors: &mut Vec<SourceError>,
) -> (String, Vec<Value>, Vec<String>) {
    let id = &folder.id;
    let mut versions = folder.versions.clone();
    versions.sort_by_key(|(n, _)| *n);
    let mut title: Option<(String, String)> = None;
    let mut out_versions = Vec::new();
    let mut paths = Vec::new();
    for (number, file) in versions {
        let doc = match parse_document(&file.path, &file.text) {
            Ok(d) => d,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        let mut missing = false;
        for key in FRONT_MATTER_KEYS {
            if doc.get(key).is_none_or(str::is_empty) {
                errors.push(SourceError {
                    path: file.path.clone(),
                    line: None,
                    message: format!("The front matter has no \"{key}\"."),
                });
                missing = true;
            }
        }
        for (k, _) in &doc.fields {
            if !FRONT_MATTER_KEYS.contains(&k.as_str())
                && !OPTIONAL_FRONT_MATTER_KEYS.contains(&k.as_str())
            {
                errors.push(SourceError {
                    path: file.path.clone(),
                    line: None,
                    message: format!(
                        "Unknown front-matter key \"{k}\": the keys are {}, and optionally {}.",
                        FRONT_MATTER_KEYS.join(", "),
                        OPTIONAL_FRONT_MATTER_KEYS.join(", ")
                    ),
                });
            }
        }
        if missing {
            continue;
        }
        let get = |k: &str| doc.get(k).unwrap_or_default().to_string();
        if get("id") != *id {
            errors.push(SourceError {
                path: file.path.clone(),
                line: None,
                message: format!(
                    "The front matter says id \"{}\" but the file is in the folder \"{id}\": they must match.",
                    get("id")
                ),
            });
        }
        if get("version") != number.to_string() {
            errors.push(SourceError {
                path: file.path.clone(),
                line: None,
                message: format!(
                    "The front matter says version \"{}\" but the file is named v{number}.md: they must match.",
                    get("version")
                ),
            });
        }
        match &title {
            None => title = Some((get("title"), file.path.clone())),
            Some((t, _)) if *t == get("title") => {}
            Some((t, first)) => errors.push(SourceError {
                path: file.path.clone(),
                line: None,
                message: format!(
                    "The title \"{}\" differs from \"{t}\" in {first}: every version of a document has the same title (in each language).",
                    get("title")
                ),
            }),
        }
        let material = match get("material").as_str() {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            other => {
                errors.push(SourceError {
                    path: file.path.clone(),
                    line: None,
                    message: format!("\"material: {other}\" must be true or false."),
                });
                continue;
            }
        };
        let mut version = json!({
            "version": get("version"),
            "effective": get("effective"),
            "summary": get("summary"),
            "material": material,
            "body": doc.body,
        });
        match doc.get("pledges") {
            None | Some("false") => {}
            Some("true") => version["pledges"] = Value::Bool(true),
            Some(other) => {
                errors.push(SourceError {
                    path: file.path.clone(),
                    line: None,
                    message: format!(
                        "\"pledges: {other}\" must be true (the first numbered list holds the pledges) or false."
                    ),
                });
                continue;
            }
        }
        out_versions.push(version);
        paths.push(file.path.clone());
    }
    (
        title.map(|(t, _)| t).unwrap_or_default(),
        out_versions,
        paths,
    )
}

#[cfg(test)]
mod tests;
