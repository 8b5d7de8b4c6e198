//! A partner's own words for any message: the bundle's `platform.strings`.
//!
//! Some values belong to the platform, not to the widget: how learners pay directly
//! ("card or PayPal on our site"), what the annual subscription is called ("Kestrel
//! Plus"), what a "Specialization" is called. A bundle gives its own value for any key,
//! per language, and the catalog of that language uses it instead of its own:
//!
//! ```json
//! "platform": {
//!   "name": "Larkspur Academy",
//!   "short_name": "Larkspur",
//!   "strings": {
//!     "en": {
//!       "ViaDirect": "Directly with {platform} (card or bank transfer)",
//!       "KindPlusSubscription": "Larkspur Pass (annual)",
//!       "DurationDays": { "one": "{n} day", "other": "{n} days" }
//!     },
//!     "es": { "ViaDirect": "Directamente con {platform} (tarjeta o transferencia)" }
//!   }
//! }
//! ```
//!
//! Keys are [`Msg`] names (listed in `src/catalog/keys.rs` and the README). A value uses
//! only the placeholders its key declares, plus `{platform}` and `{platform_short}`; a
//! key that counts (`n`) takes an object of CLDR plural categories (`zero`, `one`,
//! `two`, `few`, `many`, `other`; `other` required), any other key a string. Values
//! given for a language (`es`) serve all its learners (`es-MX` too); values given for a
//! tag with a region (`es-MX`) serve that locale only, before the language's. Anything else is a problem
//! named by its path, and that value is not used; the rest are.

use serde_json::Value;

use super::{Form, Msg, placeholders};
use crate::domain::records::language::is_valid_language_tag;

/// One partner value: its forms by plural category (a plain value is `Other` alone).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owned {
    forms: Vec<(Form, String)>,
}

impl Owned {
    /// The form for `form`, else `other`.
    pub(super) fn pick(&self, form: Form) -> &str {
        self.forms
            .iter()
            .find(|(f, _)| *f == form)
            .or_else(|| self.forms.iter().find(|(f, _)| *f == Form::Other))
            .map_or("", |(_, s)| s.as_str())
    }
}

/// A bundle's `platform.strings`: values by language tag, checked.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PartnerStrings {
    by_lang: Vec<(String, Vec<(Msg, Owned)>)>,
}

impl PartnerStrings {
    /// Reads `platform.strings`. Returns what can be used and a problem `(path, message)`
    /// for everything that cannot.
    ///
    /// ```
    /// use terms_widget::catalog::{Catalog, Msg, PartnerStrings};
    /// let json = serde_json::json!({ "en": { "ViaDirect": "Directly with {platform}", "Nope": "x" } });
    /// let (strings, problems) = PartnerStrings::from_json(&json);
    /// assert_eq!(problems.len(), 1);
    /// assert!(problems[0].1.contains("no message called \"Nope\""));
    /// let cat = Catalog::en().with_platform("Larkspur Academy").with_partner_strings(&strings);
    /// assert_eq!(cat.text(Msg::ViaDirect), "Directly with Larkspur Academy");
    /// ```
    pub fn from_json(value: &Value) -> (PartnerStrings, Vec<(String, String)>) {
        let mut problems = Vec::new();
        let mut out = PartnerStrings::default();
        let Some(langs) = value.as_object() else {
            problems.push((
                "platform.strings".to_string(),
                format!(
                    "\"strings\" is {}, but it must be an object of languages, such as {{\"en\": {{\"ViaDirect\": \"…\"}}}}.",
                    kind(value)
                ),
            ));
            return (out, problems);
        };
        for (tag, messages) in langs {
            let path = format!("platform.strings.{tag}");
            if !is_valid_language_tag(tag) {
                problems.push((
                    path,
                    format!(
                        "\"{tag}\" is not a language tag: use one such as \"en\" or \"es-MX\"."
                    ),
                ));
                continue;
            }
            let Some(messages) = messages.as_object() else {
                problems.push((
                    path,
                    format!(
                        "The messages for \"{tag}\" are {}, but they must be an object of message names and texts.",
                        kind(messages)
                    ),
                ));
                continue;
            };
            let mut values = Vec::new();
            for (name, text) in messages {
                let path = format!("{path}.{name}");
                let Some(msg) = Msg::ALL.iter().copied().find(|m| m.name() == name) else {
                    problems.push((
                        path,
                        format!(
                            "There is no message called \"{name}\" (the names are the keys in src/catalog/keys.rs, e.g. \"ViaDirect\")."
                        ),
                    ));
                    continue;
                };
                match read_value(msg, text) {
                    Ok(owned) => values.push((msg, owned)),
                    Err(message) => problems.push((path, message)),
                }
            }
            out.by_lang.push((tag.clone(), values));
        }
        (out, problems)
    }

    /// The values for a learner's locale: those given for exactly that tag (`es-MX`),
    /// then those given for its language alone (`es`).
    pub(super) fn for_lang(&self, locale: &str) -> Vec<(Msg, Owned)> {
        let primary = locale.split('-').next().unwrap_or_default();
        let exact = self
            .by_lang
            .iter()
            .filter(|(t, _)| t.eq_ignore_ascii_case(locale));
        let general = self
            .by_lang
            .iter()
            .filter(|(t, _)| t.eq_ignore_ascii_case(primary) && !t.eq_ignore_ascii_case(locale));
        let mut out: Vec<(Msg, Owned)> = Vec::new();
        for (_, values) in exact.chain(general) {
            for (msg, owned) in values {
                if !out.iter().any(|(m, _)| m == msg) {
                    out.push((*msg, owned.clone()));
                }
            }
        }
        out
    }
}

/// The JSON kind of a value, for messages.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Checks one value against its key.
fn read_value(msg: Msg, text: &Value) -> Result<Owned, String> {
    let counts = msg.args().contains(&"n");
    let forms: Vec<(Form, String)> = match (text, counts) {
        (Value::String(s), false) => vec![(Form::Other, s.clone())],
        (Value::Object(map), true) => {
            let mut forms = Vec::new();
            for (category, value) in map {
                let form = match category.as_str() {
                    "zero" => Form::Zero,
                    "one" => Form::One,
                    "two" => Form::Two,
                    "few" => Form::Few,
                    "many" => Form::Many,
                    "other" => Form::Other,
                    other => {
                        return Err(format!(
                            "\"{other}\" is not a plural category: use zero, one, two, few, many and other."
                        ));
                    }
                };
                let Some(value) = value.as_str() else {
                    return Err(format!(
                        "The \"{category}\" form is {}, but it must be a string.",
                        kind(value)
                    ));
                };
                forms.push((form, value.to_string()));
            }
            if !forms.iter().any(|(f, _)| *f == Form::Other) {
                return Err(
                    "A counted message needs at least its \"other\" form, e.g. {\"one\": \"{n} day\", \"other\": \"{n} days\"}."
                        .to_string(),
                );
            }
            forms
        }
        (other, true) => {
            return Err(format!(
                "\"{}\" counts, so its value is an object of plural forms such as {{\"one\": \"…\", \"other\": \"…\"}}, not {}.",
                msg.name(),
                kind(other)
            ));
        }
        (other, false) => {
            return Err(format!(
                "The value is {}, but it must be a string.",
                kind(other)
            ));
        }
    };
    for (_, form) in &forms {
        if form.trim().is_empty() {
            return Err("The value is empty.".to_string());
        }
        for name in placeholders(form) {
            if !(msg.args().contains(&name) || name == "platform" || name == "platform_short") {
                let declared: Vec<String> = msg
                    .args()
                    .iter()
                    .chain(["platform", "platform_short"].iter())
                    .map(|a| format!("{{{a}}}"))
                    .collect();
                return Err(format!(
                    "\"{{{name}}}\" is not a value \"{}\" has: it can use {}.",
                    msg.name(),
                    declared.join(", ")
                ));
            }
        }
    }
    Ok(Owned { forms })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Catalog, Lang};
    use serde_json::json;

    #[test]
    fn values_replace_the_catalogs_in_their_language_only() {
        let (strings, problems) = PartnerStrings::from_json(&json!({
            "en": { "KindPlusSubscription": "{platform_short} Pass (annual)" },
            "es": { "KindPlusSubscription": "{platform_short} Pass (anual)" },
            "es-MX": { "KindCourse": "Curso (MX)" }
        }));
        assert!(problems.is_empty(), "{problems:?}");
        let en = Catalog::en()
            .with_platform("Larkspur Academy")
            .with_partner_strings(&strings);
        assert_eq!(en.text(Msg::KindPlusSubscription), "Larkspur Pass (annual)");
        assert_eq!(en.text(Msg::KindCourse), "Course");
        let es = Catalog::new(Lang::Es)
            .with_platform("Larkspur Academy")
            .with_partner_strings(&strings);
        assert_eq!(es.text(Msg::KindPlusSubscription), "Larkspur Pass (anual)");
        assert_ne!(
            es.text(Msg::KindCourse),
            "Curso (MX)",
            "es-MX values are for es-MX only"
        );
        let mx = Catalog::negotiated(["es-MX"]).with_partner_strings(&strings);
        assert_eq!(mx.text(Msg::KindCourse), "Curso (MX)");
        assert_eq!(mx.text(Msg::KindPlusSubscription), "Kestrel Pass (anual)");
        let ar = Catalog::new(Lang::Ar).with_partner_strings(&strings);
        assert_ne!(ar.text(Msg::KindPlusSubscription), "Kestrel Pass (annual)");
    }

    #[test]
    fn counted_values_take_plural_forms() {
        let (strings, problems) = PartnerStrings::from_json(&json!({
            "en": { "DurationDays": { "one": "{n} calendar day", "other": "{n} calendar days" } }
        }));
        assert!(problems.is_empty(), "{problems:?}");
        let cat = Catalog::en().with_partner_strings(&strings);
        assert_eq!(cat.count(Msg::DurationDays, 1, &[]), "1 calendar day");
        assert_eq!(cat.count(Msg::DurationDays, 3, &[]), "3 calendar days");
        assert_eq!(
            crate::domain::refund::form::duration(&cat, 2 * 86_400),
            "2 calendar days"
        );
    }

    #[test]
    fn every_problem_is_named_and_the_rest_is_kept() {
        let (strings, problems) = PartnerStrings::from_json(&json!({
            "en": {
                "ViaDirect": "Directly with {platform} ({cards})",
                "DurationDays": "{n} days",
                "KindCourse": { "other": "Course" },
                "KindDegree": "",
                "KindOther": 3,
                "DurationHours": { "one": "{n} hour" },
                "DurationMinutes": { "few": "x", "other": "{n} min", "lots": "y" },
                "Unknown": "x",
                "KindGuidedProject": "Workshop"
            },
            "english!": { "KindCourse": "x" },
            "de": "Kurs"
        }));
        let paths: Vec<&str> = problems.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            [
                "platform.strings.de",
                "platform.strings.en.DurationDays",
                "platform.strings.en.DurationHours",
                "platform.strings.en.DurationMinutes",
                "platform.strings.en.KindCourse",
                "platform.strings.en.KindDegree",
                "platform.strings.en.KindOther",
                "platform.strings.en.Unknown",
                "platform.strings.en.ViaDirect",
                "platform.strings.english!",
            ]
        );
        assert!(
            problems[8]
                .1
                .contains("\"{cards}\" is not a value \"ViaDirect\" has")
        );
        let cat = Catalog::en().with_partner_strings(&strings);
        assert_eq!(cat.text(Msg::KindGuidedProject), "Workshop");
        assert_eq!(cat.text(Msg::KindCourse), "Course");
        let (_, problems) = PartnerStrings::from_json(&json!(["en"]));
        assert_eq!(problems[0].0, "platform.strings");
    }
}
