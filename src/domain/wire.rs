//! Serde helpers for reading JSON that people write by hand, without losing the precise
//! messages.
//!
//! A derived `Deserialize` stops at the first field it can't read, in the order the JSON
//! happens to list them, and its messages speak of Rust types. The readers of this crate
//! (the bundle, the consent storage format, the refund contract) instead report every
//! problem, or the first one in a fixed order, in words that name the field and the fix.
//! So their wire structs are derived with fields of type [`Field<T>`], which never fail:
//! each holds the typed value, or says that it is absent, `null` or of another type (with
//! the value found, for the message). The checks then go through the fields in their own
//! order.
//!
//! ```
//! use serde::Deserialize;
//! use terms_widget::domain::wire::{Field, Object};
//!
//! #[derive(Deserialize)]
//! struct Wire {
//!     #[serde(default)]
//!     name: Field<String>,
//!     #[serde(default)]
//!     count: Field<u32>,
//! }
//!
//! let json = serde_json::json!({"count": "three"});
//! let Object(wire) = Object::<Wire>::deserialize(&json).unwrap();
//! assert_eq!(wire.name, Field::Absent);
//! assert_eq!(wire.count, Field::Wrong(serde_json::json!("three")));
//! // A derived struct would also read a list positionally; `Object` reads only objects.
//! assert!(Object::<Wire>::deserialize(&serde_json::json!(["a", 1])).is_err());
//! ```

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{DeserializeOwned, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// One field of a JSON object, read without failing. Use it with `#[serde(default)]`, so
/// that a missing key is [`Field::Absent`].
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Field<T> {
    /// The key is not there.
    #[default]
    Absent,
    /// The value is `null`.
    Null,
    /// The value, read as `T`.
    Ok(T),
    /// A value that can't be read as `T`, kept as it is for the message.
    Wrong(Value),
}

impl<T> Field<T> {
    /// What was found instead of a `T`, for messages: `"null"`, `"a number"`, …
    /// (`"nothing"` for [`Field::Absent`] and `"a value"` for [`Field::Ok`]).
    pub fn found(&self) -> &'static str {
        match self {
            Field::Absent => "nothing",
            Field::Null => "null",
            Field::Ok(_) => "a value",
            Field::Wrong(value) => kind_of(value),
        }
    }

    /// The value, treating `null` as absent; `Err` holds a value of another type.
    pub fn present(self) -> Result<Option<T>, Value> {
        match self {
            Field::Absent | Field::Null => Ok(None),
            Field::Ok(value) => Ok(Some(value)),
            Field::Wrong(value) => Err(value),
        }
    }

    /// The same field with its value mapped.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Field<U> {
        match self {
            Field::Absent => Field::Absent,
            Field::Null => Field::Null,
            Field::Ok(value) => Field::Ok(f(value)),
            Field::Wrong(value) => Field::Wrong(value),
        }
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Field<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        if value.is_null() {
            return Ok(Field::Null);
        }
        Ok(match T::deserialize(&value) {
            Ok(typed) => Field::Ok(typed),
            Err(_) => Field::Wrong(value),
        })
    }
}

/// A JSON object read as `T`. A derived struct also reads a JSON list, field by field in
/// order; this reads only objects, so a list is a value of the wrong type.
#[derive(Debug, Clone, PartialEq)]
pub struct Object<T>(pub T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ObjectVisitor<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjectVisitor<T> {
            type Value = T;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
                T::deserialize(MapAccessDeserializer::new(map))
            }
        }

        deserializer
            .deserialize_map(ObjectVisitor(PhantomData))
            .map(Object)
    }
}

/// A label written as a string or as a whole number (`"2"` or `2`), read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label(pub String);

impl<'de> Deserialize<'de> for Label {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct LabelVisitor;

        impl Visitor<'_> for LabelVisitor {
            type Value = Label;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or a whole number")
            }

            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Label, E> {
                Ok(Label(n.to_string()))
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Label, E> {
                Ok(Label(text.to_owned()))
            }
        }

        deserializer.deserialize_any(LabelVisitor)
    }
}

/// Describes a JSON value's type for messages ("a number", "a list", …).
pub fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[derive(Deserialize)]
    struct Wire {
        #[serde(default)]
        text: Field<String>,
        #[serde(default)]
        flag: Field<bool>,
        #[serde(default)]
        label: Field<Label>,
    }

    fn read(value: Value) -> Wire {
        Object::<Wire>::deserialize(&value).unwrap().0
    }

    #[test]
    fn fields_are_absent_null_typed_or_wrong() {
        let w = read(json!({"text": null, "flag": "yes", "label": 3, "other": [1]}));
        assert_eq!(w.text, Field::Null);
        assert_eq!(w.flag, Field::Wrong(json!("yes")));
        assert_eq!(w.label, Field::Ok(Label("3".into())));
        let w = read(json!({"text": "a", "label": 2.5}));
        assert_eq!(w.text, Field::Ok("a".to_string()));
        assert_eq!(w.flag, Field::Absent);
        assert_eq!(w.label, Field::Wrong(json!(2.5)));
        assert_eq!(read(json!({"label": -1})).label, Field::Wrong(json!(-1)));
        assert_eq!(Field::<u8>::Null.present(), Ok(None));
        assert_eq!(Field::Ok(1).map(|n| n + 1).present(), Ok(Some(2)));
        assert_eq!(Field::<u8>::Wrong(json!([])).found(), "a list");
        assert_eq!(Field::<u8>::Null.found(), "null");
    }

    #[test]
    fn only_objects_are_objects() {
        for not_an_object in [json!(["a"]), json!("a"), json!(null), json!(1)] {
            assert!(Object::<Wire>::deserialize(&not_an_object).is_err());
        }
        let from_text: Object<Wire> = serde_json::from_str(r#"{"flag": true}"#).unwrap();
        assert_eq!(from_text.0.flag, Field::Ok(true));
    }

    #[test]
    fn kinds_are_worded_for_messages() {
        assert_eq!(kind_of(&json!(true)), "true/false");
        assert_eq!(kind_of(&json!([])), "a list");
        assert_eq!(kind_of(&json!({})), "an object");
    }
}
