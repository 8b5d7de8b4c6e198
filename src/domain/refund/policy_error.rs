//! Why a policy override was refused.

use std::fmt;

use crate::domain::time::TimeError;

use super::MAX_POLICY_WINDOW_DAYS;

/// Why a policy override was refused. Every variant names the setting at fault (a dotted
/// path such as `kinds.course.window_days`; empty for the override as a whole), and
/// [`fmt::Display`] says what is wrong and what is accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PolicyError {
    /// The override, or one of its sections, is not a JSON object.
    #[error(fmt = policy_not_an_object)]
    NotAnObject {
        /// The setting (empty for the override itself).
        field: String,
        /// What was found instead.
        found: String,
    },
    /// A key that is not a setting (often a misspelling).
    #[error(
        "`{field}` is not a policy setting; the settings here are: {}",
        .allowed.join(", ")
    )]
    UnknownKey {
        /// The setting, including the unknown key.
        field: String,
        /// The keys accepted at that place.
        allowed: &'static [&'static str],
    },
    /// A window that is not a whole number of days from 0 to [`MAX_POLICY_WINDOW_DAYS`].
    #[error(
        "`{field}` must be a whole number of days from 0 to {MAX_POLICY_WINDOW_DAYS}{}, not {found}",
        if *.nullable { ", or null" } else { "" }
    )]
    InvalidDays {
        /// The setting.
        field: String,
        /// What was found instead.
        found: String,
        /// Whether `null` is accepted here.
        nullable: bool,
    },
    /// A switch that is not `true` or `false`.
    #[error("`{field}` must be true or false, not {found}")]
    NotABool {
        /// The setting.
        field: String,
        /// What was found instead.
        found: String,
    },
    /// A name that is not one of the accepted ones.
    #[error("`{field}` must be one of {}, not {found}", .allowed.join(", "))]
    UnknownName {
        /// The setting.
        field: String,
        /// What was found instead.
        found: String,
        /// The accepted names.
        allowed: &'static [&'static str],
    },
    /// `version` is not a non-empty, single-line string of at most 64 characters.
    #[error(
        "`version` must be a non-empty, single-line string of at most 64 characters, not {found}"
    )]
    InvalidVersion {
        /// What was found instead.
        found: String,
    },
    /// `effective` is not a `YYYY-MM-DD` date that exists.
    #[error(
        "`effective` must be a date written YYYY-MM-DD, not {found}{}",
        match .problem {
            Some(TimeError::NoSuchDate) => " (that date does not exist)",
            _ => "",
        }
    )]
    InvalidEffective {
        /// What was found instead.
        found: String,
        /// Why the text is not a date, if it was text.
        problem: Option<TimeError>,
    },
    /// A section id that is not 1 to 64 of `a-z`, `0-9` and inner `-`.
    #[error(
        "`{field}` must be a section id of 1 to 64 lowercase letters, digits and inner hyphens, \
         like \"courses-and-specializations\", not {found}"
    )]
    InvalidClauseId {
        /// The setting.
        field: String,
        /// What was found instead.
        found: String,
    },
}

impl PolicyError {
    /// The setting at fault, as a dotted path (`""` for the override as a whole).
    pub fn field(&self) -> &str {
        match self {
            PolicyError::NotAnObject { field, .. }
            | PolicyError::UnknownKey { field, .. }
            | PolicyError::InvalidDays { field, .. }
            | PolicyError::NotABool { field, .. }
            | PolicyError::UnknownName { field, .. }
            | PolicyError::InvalidClauseId { field, .. } => field,
            PolicyError::InvalidVersion { .. } => "version",
            PolicyError::InvalidEffective { .. } => "effective",
        }
    }
}

/// [`PolicyError::NotAnObject`]'s message: the override as a whole has no field name.
fn policy_not_an_object(field: &str, found: &str, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    if field.is_empty() {
        write!(f, "the policy override must be a JSON object, not {found}")
    } else {
        write!(f, "`{field}` must be a JSON object, not {found}")
    }
}
