//! The bundle's `acceptance` set-up: who must accept what, and the ages of the sign-up
//! gate (contract, *Who must accept what* and *Age gate*).
//!
//! ```json
//! "acceptance": {
//!   "signup": ["terms-of-use", "privacy-policy", "honor-code"],
//!   "course": ["honor-code", "integrity-code"],
//!   "minimum_age": 13,
//!   "age_of_majority": 18
//! }
//! ```
//!
//! Every key is optional and takes its default when absent. A default list names
//! documents a platform's bundle may not have (not every platform has an integrity code):
//! those are skipped. A list written in the bundle must name documents the bundle has.
//!
//! ```
//! use serde_json::json;
//! use terms_widget::domain::acceptance::setup::AcceptanceSetup;
//!
//! let known = |id: &str| ["terms-of-use", "privacy-policy", "honor-code"].contains(&id);
//! let (setup, problems) = AcceptanceSetup::check(&json!({"minimum_age": 16}), &known);
//! assert!(problems.is_empty());
//! assert_eq!(setup.course, ["honor-code"]); // no integrity-code in this bundle
//! assert_eq!((setup.minimum_age, setup.age_of_majority), (16, 18));
//!
//! let (setup, problems) = AcceptanceSetup::check(
//!     &json!({"course": ["honour-code"], "minimum_age": 18}),
//!     &known,
//! );
//! assert_eq!(problems.len(), 2);
//! assert_eq!(problems[0].path, "acceptance.course[0]");
//! assert!(problems[1].message.contains("must be lower than the age of majority"));
//! assert!(setup.course.is_empty());
//! assert_eq!((setup.minimum_age, setup.age_of_majority), (13, 18));
//! ```
//!
//! This file depends on nothing but `serde_json` and [`crate::domain::wire`]: the build
//! script compiles it too.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::domain::wire::kind_of;

/// The documents accepted at sign-up when the bundle does not say, in order.
pub const DEFAULT_SIGNUP: [&str; 3] = ["terms-of-use", "privacy-policy", "honor-code"];

/// The documents a course page asks for when the bundle does not say, in order.
pub const DEFAULT_COURSE: [&str; 2] = ["honor-code", "integrity-code"];

/// The minimum age for sign-up when the bundle does not say, in whole years.
pub const DEFAULT_MINIMUM_AGE: u32 = 13;

/// The age of majority when the bundle does not say, in whole years.
pub const DEFAULT_AGE_OF_MAJORITY: u32 = 18;

/// The highest age either setting may take (whole years).
pub const MAX_AGE: u32 = 120;

/// The keys of the set-up.
const KEYS: [&str; 4] = ["signup", "course", "minimum_age", "age_of_majority"];

/// Who must accept what, and the ages of the sign-up gate. It serialises as the bundle's
/// `acceptance` object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AcceptanceSetup {
    /// Document ids accepted at sign-up (scope `platform`), in the order shown.
    pub signup: Vec<String>,
    /// Document ids a course page asks for before graded work (scope `course:<id>`).
    pub course: Vec<String>,
    /// Below this age (whole years) sign-up stops.
    pub minimum_age: u32,
    /// From the minimum age to below this age a parent or guardian must agree too.
    pub age_of_majority: u32,
}

impl Default for AcceptanceSetup {
    /// The contract's defaults, every default document included (see
    /// [`AcceptanceSetup::defaults_for`] for a bundle's).
    fn default() -> AcceptanceSetup {
        AcceptanceSetup {
            signup: DEFAULT_SIGNUP.map(String::from).to_vec(),
            course: DEFAULT_COURSE.map(String::from).to_vec(),
            minimum_age: DEFAULT_MINIMUM_AGE,
            age_of_majority: DEFAULT_AGE_OF_MAJORITY,
        }
    }
}

/// Something wrong in the `acceptance` set-up: where, and what to do about it. The bundle
/// loader turns it into a bundle problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetupProblem {
    /// The JSON path, e.g. `acceptance.course[1]`.
    pub path: String,
    /// What is wrong and how to fix it, in a sentence.
    pub message: String,
}

impl AcceptanceSetup {
    /// The defaults for a bundle whose document ids `known` answers for: the default
    /// lists without the documents the bundle does not have.
    pub fn defaults_for(known: &dyn Fn(&str) -> bool) -> AcceptanceSetup {
        let mut setup = AcceptanceSetup::default();
        setup.signup.retain(|id| known(id));
        setup.course.retain(|id| known(id));
        setup
    }

    /// Checks the bundle's `acceptance` value against the documents the bundle has
    /// (`known`). Returns the set-up to use (bad parts replaced by their defaults, unknown
    /// or repeated ids left out) and every problem found.
    pub fn check(
        value: &Value,
        known: &dyn Fn(&str) -> bool,
    ) -> (AcceptanceSetup, Vec<SetupProblem>) {
        let mut problems = Vec::new();
        let mut setup = AcceptanceSetup::defaults_for(known);
        let mut problem =
            |path: String, message: String| problems.push(SetupProblem { path, message });
        let Value::Object(map) = value else {
            problem(
                "acceptance".into(),
                format!(
                    "The field \"acceptance\" is {}, but it must be an object such as {{\"signup\": [\"terms-of-use\", \"privacy-policy\", \"honor-code\"], \"minimum_age\": 13}}.",
                    kind_of(value)
                ),
            );
            return (setup, problems);
        };
        for key in map.keys().filter(|k| !KEYS.contains(&k.as_str())) {
            problem(
                format!("acceptance.{key}"),
                format!(
                    "Unknown key \"{key}\": the acceptance set-up takes \"signup\", \"course\", \"minimum_age\" and \"age_of_majority\"."
                ),
            );
        }
        for (key, list) in [("signup", &mut setup.signup), ("course", &mut setup.course)] {
            if let Some(given) = read_list(map, key, known, &mut problem) {
                *list = given;
            }
        }
        let minimum = read_age(map, "minimum_age", &mut problem);
        let majority = read_age(map, "age_of_majority", &mut problem);
        let minimum_age = minimum.unwrap_or(DEFAULT_MINIMUM_AGE);
        let age_of_majority = majority.unwrap_or(DEFAULT_AGE_OF_MAJORITY);
        if minimum_age >= age_of_majority {
            let path = if minimum.is_some() {
                "minimum_age"
            } else {
                "age_of_majority"
            };
            problem(
                format!("acceptance.{path}"),
                format!(
                    "The minimum age ({minimum_age}) must be lower than the age of majority ({age_of_majority}): learners from the minimum age to below the age of majority sign up with a parent or guardian. The defaults, 13 and 18, are used instead."
                ),
            );
        } else {
            setup.minimum_age = minimum_age;
            setup.age_of_majority = age_of_majority;
        }
        (setup, problems)
    }

    /// The set-up as the bundle's `acceptance` object.
    pub fn to_json(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

/// A list of document ids; `None` when absent or unusable as a whole.
fn read_list(
    map: &Map<String, Value>,
    key: &str,
    known: &dyn Fn(&str) -> bool,
    problem: &mut impl FnMut(String, String),
) -> Option<Vec<String>> {
    let items = match map.get(key)? {
        Value::Array(items) => items,
        other => {
            problem(
                format!("acceptance.{key}"),
                format!(
                    "The field \"{key}\" is {}, but it must be a list of document ids such as [\"honor-code\"]. The default is used instead.",
                    kind_of(other)
                ),
            );
            return None;
        }
    };
    let mut out: Vec<String> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = format!("acceptance.{key}[{i}]");
        match item {
            Value::String(id) if !known(id) => problem(
                path,
                format!(
                    "There is no document \"{id}\" in this bundle, so it can't be accepted: use the id of one of its documents. It is left out."
                ),
            ),
            Value::String(id) if out.contains(id) => problem(
                path,
                format!("The document \"{id}\" is listed twice: list each document once."),
            ),
            Value::String(id) => out.push(id.clone()),
            other => problem(
                path,
                format!(
                    "This entry is {}, but it must be a document id such as \"honor-code\".",
                    kind_of(other)
                ),
            ),
        }
    }
    Some(out)
}

/// An age in whole years from 0 to [`MAX_AGE`]; `None` when absent or unusable.
fn read_age(
    map: &Map<String, Value>,
    key: &str,
    problem: &mut impl FnMut(String, String),
) -> Option<u32> {
    let value = map.get(key)?;
    let age = value
        .as_u64()
        .and_then(|n| u32::try_from(n).ok())
        .filter(|n| *n <= MAX_AGE);
    if age.is_none() {
        problem(
            format!("acceptance.{key}"),
            format!(
                "The field \"{key}\" is {}, but it must be a whole number of years from 0 to {MAX_AGE}. The default is used instead.",
                match value {
                    Value::Number(n) => format!("the number {n}"),
                    other => kind_of(other).to_string(),
                }
            ),
        );
    }
    age
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn all(_: &str) -> bool {
        true
    }

    #[test]
    fn defaults_are_the_contracts() {
        let (setup, problems) = AcceptanceSetup::check(&json!({}), &all);
        assert!(problems.is_empty());
        assert_eq!(setup, AcceptanceSetup::default());
        assert_eq!(
            setup.signup,
            ["terms-of-use", "privacy-policy", "honor-code"]
        );
        assert_eq!(setup.course, ["honor-code", "integrity-code"]);
        assert_eq!((setup.minimum_age, setup.age_of_majority), (13, 18));
        assert_eq!(
            setup.to_json(),
            json!({"signup": ["terms-of-use", "privacy-policy", "honor-code"],
                   "course": ["honor-code", "integrity-code"],
                   "minimum_age": 13, "age_of_majority": 18})
        );
        let none = AcceptanceSetup::defaults_for(&|_| false);
        assert!(none.signup.is_empty() && none.course.is_empty());
    }

    #[test]
    fn every_problem_is_reported_with_its_path() {
        let check = |v: Value| AcceptanceSetup::check(&v, &all);
        let paths = |v: Value| -> Vec<String> { check(v).1.into_iter().map(|p| p.path).collect() };
        assert_eq!(paths(json!([])), ["acceptance"]);
        assert_eq!(paths(json!({"minimumAge": 16})), ["acceptance.minimumAge"]);
        assert_eq!(
            paths(json!({"signup": "honor-code"})),
            ["acceptance.signup"]
        );
        assert_eq!(
            paths(json!({"signup": ["a", 3, "a"]})),
            ["acceptance.signup[1]", "acceptance.signup[2]"]
        );
        for bad in [json!(-1), json!(12.5), json!("13"), json!(121), json!(null)] {
            let (setup, problems) = check(json!({"minimum_age": bad}));
            assert_eq!(problems.len(), 1, "{bad}");
            assert!(
                problems[0].message.contains("whole number of years"),
                "{bad}"
            );
            assert_eq!(setup.minimum_age, 13);
        }
        let (setup, problems) = check(json!({"minimum_age": 16, "age_of_majority": 16}));
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].path, "acceptance.minimum_age");
        assert_eq!((setup.minimum_age, setup.age_of_majority), (13, 18));
        let (_, problems) = check(json!({"age_of_majority": 12}));
        assert_eq!(problems[0].path, "acceptance.age_of_majority");
        let (setup, problems) =
            check(json!({"signup": [], "minimum_age": 0, "age_of_majority": 21}));
        assert!(problems.is_empty());
        assert!(
            setup.signup.is_empty(),
            "an empty list is a choice, not a problem"
        );
        assert_eq!((setup.minimum_age, setup.age_of_majority), (0, 21));
    }
}
