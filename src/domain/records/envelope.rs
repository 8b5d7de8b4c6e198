//! The outer shape of every stored value: a JSON object whose `"v"` says its format
//! version, `{"v":2,"records":[…]}`. [`read_envelope`] reads that much and says precisely
//! what is wrong otherwise; each store (consent, acceptance, the outbox) then reads the
//! rest of its own format and words the problem for the person who reads it.

use serde_json::{Map, Value};

use crate::domain::wire::kind_of;

/// A stored value whose format version is known: the object and its `"v"`.
#[derive(Debug, Clone, PartialEq)]
pub struct Envelope {
    /// The format version, the whole number in `"v"`.
    pub version: u64,
    /// The whole object, `"v"` included.
    pub object: Map<String, Value>,
}

/// Why a stored value has no readable format version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EnvelopeProblem {
    /// The text is not JSON (a truncated write, another program's value…).
    NotJson {
        /// The parser's message, with line and column.
        detail: String,
    },
    /// The JSON is not an object.
    NotAnObject {
        /// What it is instead, e.g. `a list`.
        found: &'static str,
    },
    /// There is no `"v"` field.
    MissingVersion,
    /// `"v"` is not a whole number.
    BadVersion {
        /// What it is instead, e.g. `a string` or `the number 1.5`.
        found: String,
    },
}

/// Reads the envelope of a stored value: JSON, an object, and a whole-number `"v"`.
///
/// ```
/// use terms_widget::domain::records::envelope::{read_envelope, EnvelopeProblem};
/// assert_eq!(read_envelope(r#"{"v":1,"records":[]}"#).unwrap().version, 1);
/// assert_eq!(read_envelope("[1]"), Err(EnvelopeProblem::NotAnObject { found: "a list" }));
/// assert_eq!(read_envelope("{}"), Err(EnvelopeProblem::MissingVersion));
/// assert_eq!(
///     read_envelope(r#"{"v":"1"}"#),
///     Err(EnvelopeProblem::BadVersion { found: "a string".into() })
/// );
/// ```
pub fn read_envelope(text: &str) -> Result<Envelope, EnvelopeProblem> {
    let value: Value = serde_json::from_str(text).map_err(|e| EnvelopeProblem::NotJson {
        detail: e.to_string(),
    })?;
    let Value::Object(object) = value else {
        return Err(EnvelopeProblem::NotAnObject {
            found: kind_of(&value),
        });
    };
    let version = match object.get("v") {
        None => return Err(EnvelopeProblem::MissingVersion),
        Some(Value::Number(n)) => n.as_u64().ok_or_else(|| EnvelopeProblem::BadVersion {
            found: format!("the number {n}"),
        })?,
        Some(other) => {
            return Err(EnvelopeProblem::BadVersion {
                found: kind_of(other).to_string(),
            });
        }
    };
    Ok(Envelope { version, object })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn envelopes_say_what_is_wrong() {
        assert!(matches!(
            read_envelope("{\"v\":1"),
            Err(EnvelopeProblem::NotJson { .. })
        ));
        assert_eq!(
            read_envelope("null"),
            Err(EnvelopeProblem::NotAnObject { found: "null" })
        );
        assert_eq!(
            read_envelope(r#"{"v":null}"#),
            Err(EnvelopeProblem::BadVersion {
                found: "null".into()
            })
        );
        assert_eq!(
            read_envelope(r#"{"v":-1}"#),
            Err(EnvelopeProblem::BadVersion {
                found: "the number -1".into()
            })
        );
        assert_eq!(
            read_envelope(r#"{"v":2.5}"#),
            Err(EnvelopeProblem::BadVersion {
                found: "the number 2.5".into()
            })
        );
        let e = read_envelope(r#"{"v":7,"x":1}"#).unwrap();
        assert_eq!((e.version, e.object.len()), (7, 2));
    }
}
