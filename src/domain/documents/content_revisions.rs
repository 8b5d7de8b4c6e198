//! A document's archived revisions in a content folder: `<document-id>/revisions.txt`,
//! one block of `key: value` lines an entry, blocks separated by blank lines, in any
//! order (newest first, as revision lists are usually published, is fine).
//!
//! ```text
//! # Earlier revisions of the Terms of Use: dates and summaries only.
//! effective: 2023-09-15
//! summary: Adds the section on course certificates.
//! material: true
//! link: https://archive.example.com/terms/2023-09-15
//!
//! effective: 2022-01-10
//! summary: First published version.
//! ```
//!
//! `effective` and `summary` are required, `material` (`true` or `false`) and `link`
//! (`https://…` or `http://…`) are optional. They become the document's `archived` list
//! in the bundle (see [`super::bundle::ArchivedRevision`]), where the widget's own checks
//! apply; [`RevisionsFile::locate`] ties those checks' problems back to a line.
//!
//! ```
//! use terms_widget::domain::documents::content_revisions::parse_revisions;
//!
//! let file = parse_revisions("faq/revisions.txt",
//!     "effective: 2020-01-01\nsummary: First.\n\neffective: 2021-01-01\nsummary: Second.\n").unwrap();
//! assert_eq!(file.entries.len(), 2);
//! assert_eq!(file.entries[1]["summary"], "Second.");
//! ```

use serde_json::{Map, Value};

use super::content_source::{SourceError, parse_key_values};

/// The file name of a document's archived revisions, inside its folder.
pub const REVISIONS_FILE: &str = "revisions.txt";

/// The keys an entry may have; the first two are required.
pub const REVISION_KEYS: [&str; 4] = ["effective", "summary", "material", "link"];

/// A parsed `revisions.txt`: the entries as bundle JSON, and where each came from.
#[derive(Debug, Clone, PartialEq)]
pub struct RevisionsFile {
    /// The file's path in the content folder, e.g. `terms-of-use/revisions.txt`.
    pub path: String,
    /// Each entry as a JSON object of the bundle's `archived` list, in file order.
    pub entries: Vec<Value>,
    /// For each entry, its first line and the line of each key.
    lines: Vec<(usize, Vec<(String, usize)>)>,
}

impl RevisionsFile {
    /// The line of entry `entry` (its `field`'s line when given and known).
    pub fn line_of(&self, entry: usize, field: Option<&str>) -> Option<usize> {
        let (first, keys) = self.lines.get(entry)?;
        Some(
            field
                .and_then(|f| keys.iter().find(|(k, _)| k == f).map(|(_, l)| *l))
                .unwrap_or(*first),
        )
    }

    /// Ties a bundle path below `documents[i].archived` (e.g. `archived[2].link`, the part
    /// after the document) to this file's line.
    pub fn locate(&self, archived_path: &str) -> Option<usize> {
        let rest = archived_path.strip_prefix("archived[")?;
        let (index, rest) = rest.split_once(']')?;
        let index: usize = index.parse().ok()?;
        let field = rest.strip_prefix('.');
        self.line_of(index, field)
    }
}

/// Parses a `revisions.txt` (see the module docs). Every problem is returned, each with
/// its line.
pub fn parse_revisions(path: &str, text: &str) -> Result<RevisionsFile, Vec<SourceError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut errors = Vec::new();
    let mut file = RevisionsFile {
        path: path.to_string(),
        entries: Vec::new(),
        lines: Vec::new(),
    };
    // An entry is a run of non-blank lines; a blank line ends it, a comment does not.
    let mut block: Vec<(usize, &str)> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            flush(path, &mut block, &mut file, &mut errors);
        } else if !line.trim_start().starts_with('#') {
            block.push((n + 1, line));
        }
    }
    flush(path, &mut block, &mut file, &mut errors);
    if errors.is_empty() {
        Ok(file)
    } else {
        Err(errors)
    }
}

fn flush(
    path: &str,
    block: &mut Vec<(usize, &str)>,
    file: &mut RevisionsFile,
    errors: &mut Vec<SourceError>,
) {
    let Some(&(first, _)) = block.first() else {
        return;
    };
    let lines: Vec<(usize, &str)> = std::mem::take(block);
    let err = |line: usize, message: String| SourceError {
        path: path.to_string(),
        line: Some(line),
        message,
    };
    let mut entry = Map::new();
    let mut keys = Vec::new();
    let mut ok = true;
    for (line_no, line) in &lines {
        let fields = match parse_key_values(path, line, *line_no) {
            Ok(f) => f,
            Err(e) => {
                errors.push(e);
                ok = false;
                continue;
            }
        };
        for (key, value) in fields {
            if !REVISION_KEYS.contains(&key.as_str()) {
                errors.push(err(
                    *line_no,
                    format!(
                        "Unknown key \"{key}\": an archived revision takes {} (a blank line starts the next one).",
                        REVISION_KEYS.join(", ")
                    ),
                ));
                ok = false;
                continue;
            }
            if keys.iter().any(|(k, _)| *k == key) {
                errors.push(err(
                    *line_no,
                    format!(
                        "The key \"{key}\" is given twice in this entry: put a blank line between two revisions."
                    ),
                ));
                ok = false;
                continue;
            }
            let json = if key == "material" {
                match value.as_str() {
                    "true" => Value::Bool(true),
                    "false" => Value::Bool(false),
                    other => {
                        errors.push(err(
                            *line_no,
                            format!("\"material: {other}\" must be true or false (or left out)."),
                        ));
                        ok = false;
                        continue;
                    }
                }
            } else {
                Value::String(value)
            };
            keys.push((key.clone(), *line_no));
            entry.insert(key, json);
        }
    }
    for key in &REVISION_KEYS[..2] {
        if !entry.contains_key(*key) && ok {
            errors.push(err(
                first,
                format!("This revision has no \"{key}\": each revision needs \"effective\" (YYYY-MM-DD) and \"summary\"."),
            ));
            ok = false;
        }
    }
    if ok {
        file.entries.push(Value::Object(entry));
        file.lines.push((first, keys));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_entries_with_their_lines() {
        let text = "# A comment\n\neffective: 2021-01-01\nsummary: One.\n# still one\nlink: https://example.com/1\n\n\n\
                    effective: 2020-01-01\nsummary: Two.\nmaterial: false\n";
        let f = parse_revisions("t/revisions.txt", text).unwrap();
        assert_eq!(f.entries.len(), 2);
        assert_eq!(
            f.entries[0],
            serde_json::json!({"effective": "2021-01-01", "summary": "One.", "link": "https://example.com/1"})
        );
        assert_eq!(f.entries[1]["material"], false);
        assert_eq!(f.line_of(0, None), Some(3));
        assert_eq!(f.locate("archived[0].link"), Some(6));
        assert_eq!(f.locate("archived[1].effective"), Some(9));
        assert_eq!(f.locate("archived[1]"), Some(9));
        assert_eq!(f.locate("archived[2]"), None);
        assert_eq!(f.locate("versions[0]"), None);
    }

    #[test]
    fn problems_name_the_line() {
        let text = "effective: 2021-01-01\nsummary: One.\neffective: 2021-02-02\n\n\
                    summary: No date.\n\neffective: 2020-01-01\nsummary: x\nmaterial: yes\nauthor: me\n\nno colon here\n";
        let e: Vec<String> = parse_revisions("t/revisions.txt", text)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(e.len(), 5, "{e:#?}");
        assert!(
            e[0].starts_with("t/revisions.txt:3: The key \"effective\" is given twice"),
            "{e:?}"
        );
        assert!(
            e[1].starts_with("t/revisions.txt:5: This revision has no \"effective\""),
            "{e:?}"
        );
        assert!(
            e[2].starts_with("t/revisions.txt:9: \"material: yes\" must be true or false"),
            "{e:?}"
        );
        assert!(
            e[3].starts_with("t/revisions.txt:10: Unknown key \"author\""),
            "{e:?}"
        );
        assert!(
            e[4].starts_with("t/revisions.txt:12: \"no colon here\" is not a \"key: value\" line"),
            "{e:?}"
        );
    }

    #[test]
    fn an_empty_file_has_no_entries() {
        assert!(
            parse_revisions("t/revisions.txt", "# nothing yet\n\n")
                .unwrap()
                .entries
                .is_empty()
        );
    }
}
