//! Learner-facing texts of the consent set-up in several languages.
//!
//! Where the set-up takes a text learners read (a category's `title`, each of its
//! `purposes`, its receipt's `termination`), it takes either a string, the same in every
//! language, or an object of BCP 47 language tag → string:
//!
//! ```json
//! "title": {"en": "Analytics", "es": "Analítica"}
//! ```
//!
//! Read for a language, such an object gives the text whose tag is that language (ignoring
//! case), else the first whose primary subtag is the same (`es-MX` reads `es`), else
//! English (`en`), else the first one (objects are read in the order of their tags).
//! Every text in the object is checked, whichever is read: each tag must be a language
//! tag and each text a non-blank string.

use serde_json::Value;

use crate::domain::records::field::FieldProblem;
use crate::domain::records::language::{is_valid_language_tag, pick_text};
use crate::domain::wire::Field;

/// What a tag of a localized text must be, for messages.
const TAG_EXPECTED: &str = "a language tag such as \"es\" for each text";

/// One learner-facing text as written (a string or an object of language tag → string),
/// read for `lang`: a string field, so that the caller checks it as it checks a plain
/// string (a string stays as it is, a value of another type stays [`Field::Wrong`]). An
/// object with a problem gives the problem and where: `Some(tag)` for the text of that
/// tag (the path `<field>.<tag>`), `None` for the object itself (empty).
///
/// ```text
/// localize(Field::Ok(json!({"en": "Analytics", "es": "Analítica"})), "es-MX")
///     == Ok(Field::Ok("Analítica".into()))
/// ```
pub(crate) fn localize(
    field: Field<Value>,
    lang: &str,
) -> Result<Field<String>, (Option<String>, FieldProblem)> {
    let map = match field {
        Field::Absent => return Ok(Field::Absent),
        Field::Null => return Ok(Field::Null),
        Field::Ok(Value::String(text)) => return Ok(Field::Ok(text)),
        Field::Ok(Value::Object(map)) => map,
        Field::Ok(other) | Field::Wrong(other) => return Ok(Field::Wrong(other)),
    };
    if map.is_empty() {
        return Err((
            None,
            FieldProblem::Empty {
                expected: "a text, or an object of texts by language such as {\"en\": \"…\", \"es\": \"…\"}",
            },
        ));
    }
    for (tag, text) in &map {
        if !is_valid_language_tag(tag) {
            return Err((Some(tag.clone()), FieldProblem::invalid(tag, TAG_EXPECTED)));
        }
        match text {
            Value::String(s) if !s.trim().is_empty() => {}
            Value::String(_) => {
                return Err((
                    Some(tag.clone()),
                    FieldProblem::Empty {
                        expected: "the text in that language, or leave the language out",
                    },
                ));
            }
            other => {
                return Err((
                    Some(tag.clone()),
                    FieldProblem::wrong_type(other, "a string: the text in that language"),
                ));
            }
        }
    }
    let index = pick_text(lang, map.keys().map(String::as_str)).unwrap_or(0);
    Ok(match map.into_iter().nth(index) {
        Some((_, Value::String(text))) => Field::Ok(text),
        // Not reached: the object is not empty and every value is a string.
        _ => Field::Absent,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn read(value: Value, lang: &str) -> Result<Field<String>, (Option<String>, FieldProblem)> {
        localize(Field::Ok(value), lang)
    }

    #[test]
    fn a_string_is_the_same_in_every_language() {
        assert_eq!(
            read(json!("Analytics"), "es"),
            Ok(Field::Ok("Analytics".into()))
        );
        assert_eq!(localize(Field::Absent, "es"), Ok(Field::Absent));
        assert_eq!(localize(Field::Null, "es"), Ok(Field::Null));
        assert_eq!(read(json!(3), "es"), Ok(Field::Wrong(json!(3))));
        assert_eq!(read(json!(["a"]), "es"), Ok(Field::Wrong(json!(["a"]))));
    }

    #[test]
    fn an_object_gives_the_language_then_english_then_the_first() {
        let title = json!({"en": "Analytics", "es": "Analítica", "fr": "Mesure d'audience"});
        let get = |lang| read(title.clone(), lang).unwrap();
        assert_eq!(get("es"), Field::Ok("Analítica".into()));
        assert_eq!(get("ES-mx"), Field::Ok("Analítica".into()));
        assert_eq!(get("fr-CA"), Field::Ok("Mesure d'audience".into()));
        assert_eq!(get("ar"), Field::Ok("Analytics".into()));
        assert_eq!(get("en-GB"), Field::Ok("Analytics".into()));
        let no_english = json!({"fr": "Mesure", "es": "Analítica"});
        assert_eq!(read(no_english, "ar"), Ok(Field::Ok("Analítica".into())));
        let exact = json!({"es": "España", "es-MX": "México"});
        assert_eq!(read(exact.clone(), "es-MX"), Ok(Field::Ok("México".into())));
        assert_eq!(read(exact, "es-AR"), Ok(Field::Ok("España".into())));
    }

    #[test]
    fn every_text_of_an_object_is_checked() {
        let problem = |value| read(value, "en").unwrap_err();
        assert!(matches!(
            problem(json!({})),
            (None, FieldProblem::Empty { .. })
        ));
        assert_eq!(
            problem(json!({"en": "A", "es_ES": "B"})),
            (
                Some("es_ES".into()),
                FieldProblem::invalid("es_ES", TAG_EXPECTED)
            )
        );
        let (tag, p) = problem(json!({"en": "A", "es": " "}));
        assert_eq!(tag.as_deref(), Some("es"));
        assert_eq!(
            p.to_string(),
            "it is empty; give the text in that language, or leave the language out"
        );
        let (tag, p) = problem(json!({"en": "A", "es": 1}));
        assert_eq!(tag.as_deref(), Some("es"));
        assert_eq!(
            p.to_string(),
            "it is a number, but it must be a string: the text in that language"
        );
    }
}
