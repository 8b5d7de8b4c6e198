//! Archived revisions: the dated entries of a document's published revision list whose
//! full text the bundle does not have (a summary, perhaps a link to the change hosted
//! elsewhere). They all come before the document's first full version.
//!
//! ```json
//! "archived": [
//!   { "effective": "2019-03-04", "summary": "Adds the section on certificates.",
//!     "material": true, "link": "https://example.com/terms/changes/2019-03-04" },
//!   { "effective": "2017-11-20", "summary": "First published version." } ]
//! ```
//!
//! Like versions, they may be listed in any order (revision lists are usually newest
//! first) and are kept oldest first. An entry with a bad field is left out with a
//! [`Problem`](super::Problem); the document itself still loads.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::domain::time::{TimeError, parse_date};
use crate::domain::wire::{Field, Object, kind_of};

use super::problems::Ctx;
use super::{Problem, Version, date_text};

/// The longest external link accepted, in bytes.
pub const MAX_LINK_LEN: usize = 2048;

/// One entry of a document's revision list without its full text. It serialises in the
/// bundle's format.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArchivedRevision {
    /// The date the revision took effect.
    #[serde(serialize_with = "date_text")]
    pub effective: NaiveDate,
    /// One line saying what changed.
    pub summary: String,
    /// Whether the change was material, when the revision list says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub material: Option<bool>,
    /// Where the change can be read, on another site (`http:` or `https:` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ArchivedWire {
    effective: Field<String>,
    summary: Field<String>,
    material: Field<bool>,
    link: Field<String>,
}

/// Checks an external link: an absolute `http:` or `https:` URL with a host, no spaces or
/// control characters, at most [`MAX_LINK_LEN`] bytes. Returns why not, as the end of a
/// sentence, when it is not one.
pub fn check_external_link(link: &str) -> Result<(), &'static str> {
    if link.len() > MAX_LINK_LEN {
        return Err("is longer than 2048 characters");
    }
    if link.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("contains spaces or control characters");
    }
    let lower = link.to_ascii_lowercase();
    let rest = if let Some(rest) = lower.strip_prefix("https://") {
        rest
    } else if let Some(rest) = lower.strip_prefix("http://") {
        rest
    } else {
        return Err("is not a web address: it must start with https:// (or http://)");
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority.rsplit('@').next().unwrap_or_default();
    let host = host.split(':').next().unwrap_or_default();
    if host.is_empty() || host.contains('\\') {
        return Err("has no site name after the //");
    }
    Ok(())
}

/// Reads a document's `archived` list. `versions` are the document's loaded versions,
/// oldest first; `index` and `document` place the problems.
pub(super) fn load_archived(
    field: Field<Vec<Value>>,
    versions: &[Version],
    index: usize,
    document: &str,
    problems: &mut Vec<Problem>,
) -> Vec<ArchivedRevision> {
    let mut ctx = Ctx {
        problems,
        document: Some(document.to_string()),
        version: None,
        path: format!("documents[{index}]"),
    };
    let entries = match field {
        Field::Absent | Field::Null => return Vec::new(),
        Field::Ok(entries) => entries,
        Field::Wrong(other) => {
            ctx.problem(
                "archived",
                format!(
                    "The field \"archived\" is {}, but it must be a list of earlier revisions, each with \"effective\" and \"summary\".",
                    kind_of(&other)
                ),
            );
            return Vec::new();
        }
    };
    let first_version = versions.first();
    let mut loaded: Vec<ArchivedRevision> = Vec::with_capacity(entries.len());
    for (j, value) in entries.iter().enumerate() {
        let mut ectx = Ctx {
            problems: ctx.problems,
            document: Some(document.to_string()),
            version: None,
            path: format!("documents[{index}].archived[{j}]"),
        };
        let Some(entry) = load_entry(value, &mut ectx) else {
            continue;
        };
        let date = entry.effective;
        if let Some(first) = first_version
            && date >= first.effective
        {
            ectx.problem(
                "effective",
                format!(
                    "The archived revision of {date} is not earlier than version \"{}\" ({}): archived revisions are the ones before the first full version. Correct the date, or add that revision as a version with its text. This one is left out.",
                    first.version, first.effective
                ),
            );
            continue;
        }
        if loaded.iter().any(|a| a.effective == date) {
            ectx.problem(
                "effective",
                format!(
                    "Another archived revision is already dated {date}: give each date once (put both changes in one summary). This one is left out."
                ),
            );
            continue;
        }
        loaded.push(entry);
    }
    loaded.sort_by_key(|a| a.effective);
    loaded
}

fn load_entry(value: &Value, ctx: &mut Ctx<'_>) -> Option<ArchivedRevision> {
    let Ok(Object(wire)) = Object::<ArchivedWire>::deserialize(value) else {
        ctx.problem(
            "",
            format!(
                "This entry is {}, but each archived revision must be an object with \"effective\" and \"summary\" (and optionally \"material\" and \"link\").",
                kind_of(value)
            ),
        );
        return None;
    };
    let effective = match ctx.string(
        wire.effective,
        "effective",
        "the date the revision took effect, as YYYY-MM-DD",
    ) {
        Some(text) => match parse_date(text.trim()) {
            Ok(date) => Some(date),
            Err(TimeError::Format { .. }) => {
                ctx.problem(
                    "effective",
                    format!(
                        "The date \"{text}\" of this archived revision is not in the form YYYY-MM-DD, for example 2019-03-04."
                    ),
                );
                None
            }
            Err(_) => {
                ctx.problem(
                    "effective",
                    format!(
                        "The date \"{text}\" of this archived revision does not exist in the calendar. Use a real date in the form YYYY-MM-DD."
                    ),
                );
                None
            }
        },
        None => None,
    };
    let summary = ctx
        .string(
            wire.summary,
            "summary",
            "one line saying what changed in this revision",
        )
        .map(|s| s.trim().to_string());
    let material = match wire.material.present() {
        Ok(m) => Some(m),
        Err(other) => {
            ctx.problem(
                "material",
                format!(
                    "The field \"material\" is {}, but it must be true or false (or left out when the revision list does not say).",
                    kind_of(&other)
                ),
            );
            None
        }
    };
    let link = match wire.link.present() {
        Ok(None) => Some(None),
        Ok(Some(link)) => {
            let link = link.trim().to_string();
            match check_external_link(&link) {
                Ok(()) => Some(Some(link)),
                Err(why) => {
                    ctx.problem(
                        "link",
                        format!(
                            "The link \"{}\" {why}. Give the address of the page that shows this change, such as https://example.com/terms/changes, or leave \"link\" out.",
                            shorten(&link)
                        ),
                    );
                    None
                }
            }
        }
        Err(other) => {
            ctx.problem(
                "link",
                format!(
                    "The field \"link\" is {}, but it must be a web address such as \"https://example.com/terms/changes\".",
                    kind_of(&other)
                ),
            );
            None
        }
    };
    Some(ArchivedRevision {
        effective: effective?,
        summary: summary?,
        material: material?,
        link: link?,
    })
}

/// The first 80 characters of a long text, for messages.
fn shorten(text: &str) -> String {
    match text.char_indices().nth(80) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests;
