//! Where an acceptance counts: [`Scope`], `platform` or `course:<course-id>` (contract,
//! *The record*, `scope`).

use std::fmt;

use serde::{Serialize, Serializer};

/// The longest course id, in bytes (all ASCII).
pub const MAX_COURSE_ID_LEN: usize = 64;

/// A course id: 1 to 64 of `a-z`, `0-9`, `-`, `_` and `.` (contract, `scope`).
///
/// ```
/// use terms_widget::domain::acceptance::CourseId;
/// assert!(CourseId::parse("ml-101_2026.spring").is_ok());
/// assert!(CourseId::parse("ML-101").is_err());
/// assert!(CourseId::parse("").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CourseId(String);

/// Why a course id or a scope can't be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScopeError {
    /// The course id is empty, too long or has another character.
    #[error(
        "\"{}\" is not a course id: use 1 to 64 lowercase letters, digits, hyphens, underscores or dots, such as \"ml-101\".",
        crate::domain::records::field::shorten(.0, 80)
    )]
    BadCourseId(String),
    /// The scope is neither `platform` nor `course:<id>`.
    #[error(
        "\"{}\" is not a scope: use \"platform\" or \"course:<course-id>\", such as \"course:ml-101\".",
        crate::domain::records::field::shorten(.0, 80)
    )]
    BadScope(String),
}

impl CourseId {
    /// Reads a course id; see [`CourseId`] for the rule.
    pub fn parse(text: &str) -> Result<CourseId, ScopeError> {
        let ok = (1..=MAX_COURSE_ID_LEN).contains(&text.len())
            && text.bytes().all(|b| {
                b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'.')
            });
        if ok {
            Ok(CourseId(text.to_string()))
        } else {
            Err(ScopeError::BadCourseId(text.to_string()))
        }
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CourseId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where an acceptance counts. A platform-scope acceptance does not stand in for a
/// course: the course prompt is its own act, once per course (contract, *Who must accept
/// what*). It serialises as its text form.
///
/// ```
/// use terms_widget::domain::acceptance::{CourseId, Scope};
/// let course = Scope::parse("course:ml-101").unwrap();
/// assert_eq!(course, Scope::Course(CourseId::parse("ml-101").unwrap()));
/// assert_eq!(course.to_string(), "course:ml-101");
/// assert_eq!(Scope::parse("platform"), Ok(Scope::Platform));
/// assert!(Scope::parse("course:").is_err());
/// assert!(Scope::parse("Platform").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Scope {
    /// `platform`: sign-up, and re-acceptance of the platform's documents.
    Platform,
    /// `course:<course-id>`: a course page's prompt.
    Course(CourseId),
}

impl Scope {
    /// Reads `platform` or `course:<course-id>`, exactly (no spaces, lowercase).
    pub fn parse(text: &str) -> Result<Scope, ScopeError> {
        if text == "platform" {
            return Ok(Scope::Platform);
        }
        match text.strip_prefix("course:") {
            Some(id) => CourseId::parse(id).map(Scope::Course),
            None => Err(ScopeError::BadScope(text.to_string())),
        }
    }

    /// The scope of a course.
    pub fn course(id: &CourseId) -> Scope {
        Scope::Course(id.clone())
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scope::Platform => f.write_str("platform"),
            Scope::Course(id) => write!(f, "course:{id}"),
        }
    }
}

impl Serialize for Scope {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn course_ids_at_their_limits() {
        assert!(CourseId::parse(&"a".repeat(64)).is_ok());
        assert!(CourseId::parse(&"a".repeat(65)).is_err());
        for ok in ["a", "0", "-", "_", ".", "cs.50-x_y"] {
            assert!(CourseId::parse(ok).is_ok(), "{ok}");
        }
        for bad in ["", "A", "a b", "a/b", "a:b", "é", "a\n"] {
            assert_eq!(
                CourseId::parse(bad),
                Err(ScopeError::BadCourseId(bad.into()))
            );
        }
        assert!(matches!(
            Scope::parse("course:a b"),
            Err(ScopeError::BadCourseId(_))
        ));
        for bad in ["", " platform", "platform ", "course", "Course:a", "site"] {
            assert!(Scope::parse(bad).is_err(), "{bad}");
        }
        assert!(
            Scope::parse("site")
                .unwrap_err()
                .to_string()
                .contains("use \"platform\" or \"course:<course-id>\"")
        );
        assert_eq!(
            serde_json::to_string(&Scope::parse("course:x").unwrap()).unwrap(),
            "\"course:x\""
        );
    }

    proptest! {
        #[test]
        fn scopes_round_trip_through_text(id in "[a-z0-9._-]{1,64}") {
            let scope = Scope::Course(CourseId::parse(&id).unwrap());
            prop_assert_eq!(Scope::parse(&scope.to_string()), Ok(scope));
        }
    }
}
