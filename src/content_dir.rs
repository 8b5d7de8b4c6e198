//! Reading a `content/` folder from disk (native only: the build script and `terms-bundle`).

use std::io;
use std::path::Path;

use crate::domain::documents::content_source::{JSON_FILES, SourceFile};

/// Reads `bundle.txt`, the optional JSON files (`consent.json`, `acceptance.json`), every
/// `*.md` file and every document's `revisions.txt` below `root`, with paths relative to `root`
/// (using `/`), sorted by path so the result does not depend on the file system's order.
pub fn read_content_dir(root: &Path) -> io::Result<Vec<SourceFile>> {
    let mut files = Vec::new();
    walk(root, "", &mut files)?;
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

fn walk(dir: &Path, prefix: &str, out: &mut Vec<SourceFile>) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let rel = format!("{prefix}{name}");
        let kind = entry.file_type()?;
        if kind.is_dir() {
            walk(&entry.path(), &format!("{rel}/"), out)?;
        } else if name.ends_with(".md")
            || rel == "bundle.txt"
            || JSON_FILES.iter().any(|(file, _)| rel == *file)
            || (!prefix.is_empty() && name == "revisions.txt")
        {
            let text = std::fs::read_to_string(entry.path()).map_err(|e| {
                io::Error::new(e.kind(), format!("{}: {e}", entry.path().display()))
            })?;
            out.push(SourceFile { path: rel, text });
        }
    }
    Ok(())
}
