//! How an acceptance was given ([`Method`]) and what the record says of the learner's age
//! ([`AgeAttestation`]): the contract's `method` and `age` values.

use serde::{Deserialize, Serialize};

/// How the learner accepted (contract, `method`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    /// `signup`: the sign-up step (`<terms-signup>`); the record says the learner's
    /// [`AgeAttestation`].
    Signup,
    /// `prompt`: a course page's prompt (`<terms-honor-code course="…">`).
    Prompt,
    /// `reacceptance`: accepting a document again after a material change.
    Reacceptance,
    /// `api`: through the host page's JavaScript API.
    Api,
}

impl Method {
    /// Every method, in the contract's order.
    pub const ALL: [Method; 4] = [
        Method::Signup,
        Method::Prompt,
        Method::Reacceptance,
        Method::Api,
    ];

    /// The contract's name: `signup`, `prompt`, `reacceptance` or `api`.
    pub fn name(self) -> &'static str {
        match self {
            Method::Signup => "signup",
            Method::Prompt => "prompt",
            Method::Reacceptance => "reacceptance",
            Method::Api => "api",
        }
    }
}

/// What a sign-up record says of the learner's age (contract, `age`). Never the date of
/// birth.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum AgeAttestation {
    /// `adult`: at or above the age of majority.
    #[serde(rename = "adult")]
    Adult,
    /// `minor-with-guardian`: from the minimum age to below the age of majority, and a
    /// parent or guardian agreed to the documents.
    #[serde(rename = "minor-with-guardian")]
    MinorWithGuardian,
}

impl AgeAttestation {
    /// The contract's name: `adult` or `minor-with-guardian`.
    pub fn name(self) -> &'static str {
        match self {
            AgeAttestation::Adult => "adult",
            AgeAttestation::MinorWithGuardian => "minor-with-guardian",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_contracts() {
        for m in Method::ALL {
            assert_eq!(
                serde_json::to_value(m).unwrap(),
                serde_json::json!(m.name())
            );
            assert_eq!(
                serde_json::from_value::<Method>(serde_json::json!(m.name())).unwrap(),
                m
            );
        }
        let names: Vec<&str> = Method::ALL.iter().map(|m| m.name()).collect();
        assert_eq!(names, ["signup", "prompt", "reacceptance", "api"]);
        for a in [AgeAttestation::Adult, AgeAttestation::MinorWithGuardian] {
            assert_eq!(
                serde_json::to_value(a).unwrap(),
                serde_json::json!(a.name())
            );
        }
        assert_eq!(
            AgeAttestation::MinorWithGuardian.name(),
            "minor-with-guardian"
        );
        assert!(serde_json::from_value::<Method>(serde_json::json!("Signup")).is_err());
    }
}
