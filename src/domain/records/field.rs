//! What is wrong with one field of a stored or configured JSON value, and what was
//! expected instead ([`FieldProblem`]), with the helpers that read such fields.

use std::fmt;

use serde_json::Value;

use crate::domain::time::TimeError;
use crate::domain::wire::{Field, kind_of};

/// At most `max` characters of `text`, with `…` when cut (for quoting bad values).
pub(crate) fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut out: String = text.chars().take(max).collect();
        out.push('…');
        out
    }
}

/// What is wrong with one field of a JSON value, and what was expected instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldProblem {
    /// The field is absent (or `null`).
    Missing {
        /// What should be there, e.g. `"a UTC time as YYYY-MM-DDTHH:MM:SSZ"`.
        expected: &'static str,
    },
    /// The field has the wrong JSON type.
    WrongType {
        /// What should be there.
        expected: &'static str,
        /// What is there, e.g. `"a number"`.
        found: &'static str,
    },
    /// The field is an empty string or list where something is needed.
    Empty {
        /// What should be there.
        expected: &'static str,
    },
    /// The field has the right type but an unusable value.
    Invalid {
        /// The value found, shortened to 80 characters.
        value: String,
        /// What should be there.
        expected: &'static str,
    },
}

impl FieldProblem {
    pub(crate) fn invalid(value: &str, expected: &'static str) -> FieldProblem {
        FieldProblem::Invalid {
            value: shorten(value, 80),
            expected,
        }
    }

    pub(crate) fn wrong_type(value: &Value, expected: &'static str) -> FieldProblem {
        FieldProblem::WrongType {
            expected,
            found: kind_of(value),
        }
    }
}

impl fmt::Display for FieldProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldProblem::Missing { expected } => write!(f, "it is missing; give {expected}"),
            FieldProblem::WrongType { expected, found } => {
                write!(f, "it is {found}, but it must be {expected}")
            }
            FieldProblem::Empty { expected } => write!(f, "it is empty; give {expected}"),
            FieldProblem::Invalid { value, expected } => {
                write!(f, "\"{value}\" can't be used; give {expected}")
            }
        }
    }
}

pub(crate) const TIME_EXPECTED: &str =
    "a UTC time as YYYY-MM-DDTHH:MM:SSZ, such as 2026-11-24T10:00:00Z";

/// Maps a time parsing error to what was expected.
pub(crate) fn time_problem(text: &str, e: &TimeError) -> FieldProblem {
    let expected = match e {
        TimeError::Format { .. } => TIME_EXPECTED,
        TimeError::NoSuchDate => "a date that exists in the calendar, as YYYY-MM-DDTHH:MM:SSZ",
        TimeError::NoSuchTime => "a time of day from 00:00:00 to 23:59:59, as YYYY-MM-DDTHH:MM:SSZ",
    };
    FieldProblem::invalid(text, expected)
}

/// A required field of a stored value: its value, or what is wrong with it.
pub(crate) fn required_field<T>(
    field: Field<T>,
    expected: &'static str,
) -> Result<T, FieldProblem> {
    match field {
        Field::Ok(value) => Ok(value),
        Field::Absent | Field::Null => Err(FieldProblem::Missing { expected }),
        Field::Wrong(other) => Err(FieldProblem::wrong_type(&other, expected)),
    }
}

/// A required field read as a name (`"granted"`, `"banner"`, …): a string that is not one
/// of the names is an unusable value rather than a wrong type.
pub(crate) fn required_name_field<T>(
    field: Field<T>,
    expected: &'static str,
) -> Result<T, FieldProblem> {
    match field {
        Field::Wrong(Value::String(text)) => Err(FieldProblem::invalid(&text, expected)),
        other => required_field(other, expected),
    }
}
