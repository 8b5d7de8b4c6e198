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
//! ```
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
    for (k, _) in &meta {
        if k != "platform" && k != "documents" {
            errors.push(SourceError {
                path: "bundle.txt".into(),
                line: None,
                message: format!(
                    "Unknown key \"{k}\": bundle.txt takes only \"platform\" and \"documents\"."
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

    // Group the document files by folder; each folder may have its archived revisions.
    let mut documents: Vec<(String, Vec<(u64, &SourceFile)>)> = Vec::new();
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
        if name == REVISIONS_FILE {
            revisions.push((folder, file));
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
        match documents.iter_mut().find(|(f, _)| f == folder) {
            Some((_, list)) => list.push((number, file)),
            None => documents.push((folder.to_string(), vec![(number, file)])),
        }
    }

    for (folder, _) in &documents {
        if !order.contains(folder) {
            errors.push(folder_error(format!(
                "The folder \"{folder}\" is not listed in bundle.txt \"documents\": add it, or remove the folder."
            )));
        }
    }

    for (folder, file) in &revisions {
        if !documents.iter().any(|(f, _)| f == folder) {
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
    for id in &order {
        let Some((_, versions)) = documents.iter_mut().find(|(f, _)| f == id) else {
            errors.push(SourceError {
                path: "bundle.txt".into(),
                line: None,
                message: format!(
                    "\"{id}\" is listed in \"documents\" but there is no folder {id}/ with v1.md in it."
                ),
            });
            continue;
        };
        versions.sort_by_key(|(n, _)| *n);
        let mut title: Option<(String, String)> = None;
        let mut out_versions = Vec::new();
        for (number, file) in versions.iter() {
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
                        "The title \"{}\" differs from \"{t}\" in {first}: every version of a document has the same title.",
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
        }
        let mut out_doc = json!({
            "id": id,
            "title": title.map(|(t, _)| t).unwrap_or_default(),
            "versions": out_versions,
        });
        if let Some((_, file)) = revisions.iter().find(|(f, _)| f == id) {
            match parse_revisions(&file.path, &file.text) {
                Ok(parsed) => {
                    out_doc["archived"] = Value::Array(parsed.entries.clone());
                    archived_files.push((out_docs.len(), parsed));
                }
                Err(e) => errors.extend(e),
            }
        }
        out_docs.push(out_doc);
    }

    let mut value =
        json!({ "format": FORMAT, "platform": { "name": platform }, "documents": out_docs });
    if let Some(map) = value.as_object_mut() {
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
            None => SourceError {
                path: "content/".into(),
                line: None,
                message: p.to_string(),
            },
        });
    }
    if errors.is_empty() {
        Ok(value)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> SourceFile {
        SourceFile {
            path: path.into(),
            text: text.into(),
        }
    }

    fn doc(id: &str, v: u32, date: &str) -> SourceFile {
        file(
            &format!("{id}/v{v}.md"),
            &format!(
                "---\nid: {id}\ntitle: T {id}\nversion: {v}\neffective: {date}\nsummary: Change {v}.\nmaterial: true\n---\n\nBody {v}.\n"
            ),
        )
    }

    fn errors_of(files: &[SourceFile]) -> Vec<String> {
        compile(files)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn compiles_in_listed_order_with_versions_by_number() {
        let files = vec![
            file("bundle.txt", "# comment\nplatform: Demo\ndocuments: b, a\n"),
            doc("a", 1, "2024-01-01"),
            doc("b", 10, "2025-01-01"),
            doc("b", 2, "2024-06-01"),
            file("README.txt", "ignored"),
        ];
        let v = compile(&files).unwrap();
        assert_eq!(v["format"], FORMAT);
        assert_eq!(v["platform"]["name"], "Demo");
        assert_eq!(v["documents"][0]["id"], "b");
        assert_eq!(v["documents"][0]["versions"][0]["version"], "2");
        assert_eq!(v["documents"][0]["versions"][1]["version"], "10");
        assert_eq!(v["documents"][1]["versions"][0]["body"], "\nBody 1.\n");
        assert_eq!(v["documents"][1]["versions"][0]["material"], true);
    }

    #[test]
    fn front_matter_errors_name_file_and_line() {
        assert_eq!(
            parse_document("x/v1.md", "no front matter")
                .unwrap_err()
                .to_string(),
            "x/v1.md:1: The file must start with a front matter block: a line \"---\", the fields, and another \"---\"."
        );
        assert!(
            parse_document("x/v1.md", "---\nid: x\n")
                .unwrap_err()
                .message
                .contains("never closed")
        );
        let e = parse_document("x/v1.md", "---\nid: x\nthis line has no colon\n---\n").unwrap_err();
        assert_eq!(e.line, Some(3));
        let e = parse_document("x/v1.md", "---\nid: x\nid: y\n---\n").unwrap_err();
        assert!(
            e.to_string()
                .contains("x/v1.md:3: The key \"id\" is given twice")
        );
        let e = parse_document("x/v1.md", "---\nTitle: X\n---\n").unwrap_err();
        assert!(e.message.contains("not a valid key"));
        // A BOM and CRLF line endings are accepted.
        let d = parse_document("x/v1.md", "\u{feff}---\r\nid: x\r\n---\r\nBody\r\n").unwrap();
        assert_eq!(d.get("id"), Some("x"));
        assert_eq!(d.body, "Body\r\n");
    }

    #[test]
    fn folder_level_errors() {
        assert!(errors_of(&[doc("a", 1, "2024-01-01")])[0].contains("There is no bundle.txt"));
        assert!(
            errors_of(&[file("bundle.txt", "platform: X\n")])[0]
                .contains("\"documents\" is missing")
        );
        let e = errors_of(&[
            file(
                "bundle.txt",
                "platform: X\ndocuments: a, ghost\ncolour: red\n",
            ),
            doc("a", 1, "2024-01-01"),
            doc("stray", 1, "2024-01-01"),
            file("loose.md", "x"),
            file("a/draft.md", "x"),
        ]);
        let joined = e.join("\n");
        assert!(joined.contains("Unknown key \"colour\""), "{joined}");
        assert!(
            joined.contains("loose.md: Document files go in a folder"),
            "{joined}"
        );
        assert!(
            joined.contains("a/draft.md: Version files are named v<number>.md"),
            "{joined}"
        );
        assert!(
            joined.contains("The folder \"stray\" is not listed"),
            "{joined}"
        );
        assert!(
            joined.contains("\"ghost\" is listed in \"documents\" but there is no folder"),
            "{joined}"
        );
    }

    #[test]
    fn document_level_errors() {
        let mut wrong_id = doc("a", 2, "2024-02-01");
        wrong_id.text = wrong_id.text.replace("id: a", "id: b");
        let mut wrong_title = doc("a", 3, "2024-03-01");
        wrong_title.text = wrong_title.text.replace("title: T a", "title: Other");
        let mut bad_material = doc("a", 4, "2024-04-01");
        bad_material.text = bad_material.text.replace("material: true", "material: yes");
        let mut missing = doc("a", 5, "2024-05-01");
        missing.text = missing.text.replace("summary: Change 5.\n", "");
        let mut extra = doc("a", 6, "2024-06-01");
        extra.text = extra
            .text
            .replace("material: true", "material: true\nauthor: me");
        let mut wrong_version = doc("a", 7, "2024-07-01");
        wrong_version.text = wrong_version.text.replace("version: 7", "version: 8");
        let e = errors_of(&[
            file("bundle.txt", "documents: a\n"),
            doc("a", 1, "2024-01-01"),
            wrong_id,
            wrong_title,
            bad_material,
            missing,
            extra,
            wrong_version,
        ])
        .join("\n");
        assert!(e.contains("a/v2.md: The front matter says id \"b\""), "{e}");
        assert!(
            e.contains("a/v3.md: The title \"Other\" differs from \"T a\" in a/v1.md"),
            "{e}"
        );
        assert!(
            e.contains("a/v4.md: \"material: yes\" must be true or false"),
            "{e}"
        );
        assert!(
            e.contains("a/v5.md: The front matter has no \"summary\""),
            "{e}"
        );
        assert!(
            e.contains("a/v6.md: Unknown front-matter key \"author\""),
            "{e}"
        );
        assert!(
            e.contains("a/v7.md: The front matter says version \"8\" but the file is named v7.md"),
            "{e}"
        );
    }

    #[test]
    fn consent_json_is_carried_and_must_be_json() {
        let files = vec![
            file("bundle.txt", "documents: a\n"),
            doc("a", 1, "2024-01-01"),
            file("consent.json", "{\"storage_key\": \"x\"}"),
        ];
        assert_eq!(compile(&files).unwrap()["consent"]["storage_key"], "x");
        let mut bad = files.clone();
        bad[2].text = "{\n  \"storage_key\": \n".into();
        let e = errors_of(&bad).join("\n");
        assert!(
            e.starts_with("consent.json:3: This is not valid JSON"),
            "{e}"
        );
    }

    #[test]
    fn pledges_and_acceptance_json_are_carried_and_checked() {
        let mut honor = doc("a", 1, "2024-01-01");
        honor.text = honor
            .text
            .replace("material: true", "material: true\npledges: true")
            .replace("Body 1.", "1. One.\n2. Two.");
        let files = vec![
            file("bundle.txt", "documents: a\n"),
            honor,
            file(
                "acceptance.json",
                "{\"course\": [\"a\"], \"minimum_age\": 16}",
            ),
        ];
        let v = compile(&files).unwrap();
        assert_eq!(v["documents"][0]["versions"][0]["pledges"], true);
        assert_eq!(v["acceptance"]["minimum_age"], 16);

        let mut bad = files.clone();
        bad[1].text = bad[1].text.replace("pledges: true", "pledges: yes");
        bad[2].text = "{\"course\": [\"b\"]}".into();
        let e = errors_of(&bad).join("\n");
        assert!(e.contains("a/v1.md: \"pledges: yes\" must be true"), "{e}");
        assert!(
            e.contains("There is no document \"b\" in this bundle"),
            "{e}"
        );
        let mut no_list = files;
        no_list[1].text = no_list[1].text.replace("1. One.\n2. Two.", "No list.");
        let e = errors_of(&no_list).join("\n");
        assert!(e.contains("but its body has no numbered list"), "{e}");
    }

    #[test]
    fn runtime_checks_apply_too() {
        let e = errors_of(&[
            file("bundle.txt", "documents: a\n"),
            doc("a", 1, "2024-02-30"),
        ])
        .join("\n");
        assert!(
            e.contains("\"2024-02-30\" does not exist in the calendar"),
            "{e}"
        );
    }

    #[test]
    fn revisions_txt_becomes_the_archived_list() {
        let files = vec![
            file("bundle.txt", "documents: a\n"),
            doc("a", 1, "2024-01-01"),
            file(
                "a/revisions.txt",
                "# newest first\neffective: 2023-05-01\nsummary: Second.\nlink: https://example.com/2\n\neffective: 2022-05-01\nsummary: First.\nmaterial: true\n",
            ),
        ];
        let v = compile(&files).unwrap();
        let loaded = bundle::load_value(&v);
        let archived = &loaded.bundle.documents[0].archived;
        assert_eq!(archived.len(), 2);
        assert_eq!(archived[0].summary, "First.");
        assert_eq!(archived[1].link.as_deref(), Some("https://example.com/2"));
    }

    #[test]
    fn revisions_txt_problems_name_the_file_and_line() {
        let e = errors_of(&[
            file("bundle.txt", "documents: a\n"),
            doc("a", 1, "2024-01-01"),
            file(
                "a/revisions.txt",
                "effective: 2023-05-01\nsummary: Fine.\n\neffective: 2023-02-30\nsummary: Bad day.\n\neffective: 2023-01-01\nsummary: Bad link.\nlink: javascript:alert(1)\n\neffective: 2025-01-01\nsummary: Too late.\n",
            ),
            file("ghost/revisions.txt", "effective: 2020-01-01\nsummary: x\n"),
        ]);
        let joined = e.join("\n");
        assert!(
            joined.contains("ghost/revisions.txt: There are archived revisions but no version"),
            "{joined}"
        );
        assert!(
            joined.contains("a/revisions.txt:4: The date \"2023-02-30\" of this archived revision does not exist"),
            "{joined}"
        );
        assert!(
            joined.contains(
                "a/revisions.txt:9: The link \"javascript:alert(1)\" is not a web address"
            ),
            "{joined}"
        );
        assert!(
            joined.contains("a/revisions.txt:11: The archived revision of 2025-01-01 is not earlier than version \"1\""),
            "{joined}"
        );
        let e = errors_of(&[
            file("bundle.txt", "documents: a\n"),
            doc("a", 1, "2024-01-01"),
            file("a/revisions.txt", "effective: 2023-05-01\ncolour: red\n"),
        ]);
        assert!(
            e[0].starts_with("a/revisions.txt:2: Unknown key \"colour\""),
            "{e:?}"
        );
    }

    #[test]
    fn compiled_default_content_is_clean() {
        // The real content/ folder must compile without a single problem.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let files = crate::content_dir::read_content_dir(&root).unwrap();
        let value = compile(&files).unwrap_or_else(|e| {
            panic!(
                "content/ has problems:\n{}",
                e.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        });
        let loaded = bundle::load_value(&value);
        assert!(loaded.problems.is_empty());
        assert!(loaded.bundle.documents.len() >= 7);
    }
}
