//! What is wrong in a bundle ([`Problem`]), what still loads ([`Loaded`]), and the collector
//! the loader reports problems through.

use std::fmt;

use crate::domain::wire::{Field, kind_of};

use super::Bundle;

/// Something wrong in a bundle, with where it is and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The document's id, when the problem is inside one (or its index, `#3`, if it has no id).
    pub document: Option<String>,
    /// The version's label, when the problem is inside one (or its index, `#2`).
    pub version: Option<String>,
    /// The JSON path of the field at fault, e.g. `documents[1].versions[0].effective`.
    pub path: String,
    /// What is wrong and how to fix it, in a sentence.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.document, &self.version) {
            (Some(d), Some(v)) => write!(f, "Document {d}, version {v}: ")?,
            (Some(d), None) => write!(f, "Document {d}: ")?,
            _ => {}
        }
        write!(f, "{} (at {})", self.message, self.path)
    }
}

/// The result of loading a bundle: what can be shown, and what is wrong.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Loaded {
    /// The well-formed documents.
    pub bundle: Bundle,
    /// Everything that was wrong, in the order found. Empty for a clean bundle.
    pub problems: Vec<Problem>,
}

/// Collects problems while walking one document or version.
pub(super) struct Ctx<'a> {
    pub(super) problems: &'a mut Vec<Problem>,
    pub(super) document: Option<String>,
    pub(super) version: Option<String>,
    pub(super) path: String,
}

impl Ctx<'_> {
    pub(super) fn problem(&mut self, field: &str, message: String) {
        let path = if field.is_empty() {
            self.path.clone()
        } else if self.path.is_empty() {
            field.to_string()
        } else {
            format!("{}.{field}", self.path)
        };
        self.problems.push(Problem {
            document: self.document.clone(),
            version: self.version.clone(),
            path,
            message,
        });
    }

    /// A required, non-empty string field.
    pub(super) fn string(
        &mut self,
        value: Field<String>,
        field: &str,
        what: &str,
    ) -> Option<String> {
        match value.present() {
            Ok(None) => {
                self.problem(
                    field,
                    format!("The field \"{field}\" is missing: give {what}."),
                );
                None
            }
            Ok(Some(s)) if s.trim().is_empty() => {
                self.problem(
                    field,
                    format!("The field \"{field}\" is empty: give {what}."),
                );
                None
            }
            Ok(Some(s)) => Some(s),
            Err(other) => {
                self.problem(
                    field,
                    format!(
                        "The field \"{field}\" is {}, but it must be a string: give {what}.",
                        kind_of(&other)
                    ),
                );
                None
            }
        }
    }
}
