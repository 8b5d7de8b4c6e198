//! The hand-written reader that the derived one replaced, kept while comparing them.

use serde_json::{Map, Value};

use super::*;
use crate::domain::wire::kind_of;

/// A required string field of `obj`.
fn field_str<'v>(
    obj: &'v Map<String, Value>,
    key: &str,
    expected: &'static str,
) -> Result<&'v str, FieldProblem> {
    match obj.get(key) {
        None | Some(Value::Null) => Err(FieldProblem::Missing { expected }),
        Some(Value::String(s)) => Ok(s),
        Some(other) => Err(FieldProblem::wrong_type(other, expected)),
    }
}

/// A required list-of-strings field of `obj`; the error names the offending item.
fn field_strings(
    obj: &Map<String, Value>,
    key: &str,
    expected: &'static str,
) -> Result<Vec<String>, (String, FieldProblem)> {
    match obj.get(key) {
        None | Some(Value::Null) => Err((key.to_string(), FieldProblem::Missing { expected })),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, item)| match item {
                Value::String(s) => Ok(s.clone()),
                other => Err((
                    format!("{key}[{i}]"),
                    FieldProblem::wrong_type(other, "a string"),
                )),
            })
            .collect(),
        Some(other) => Err((key.to_string(), FieldProblem::wrong_type(other, expected))),
    }
}

impl CategorySet {
    pub(crate) fn old_from_json(value: &Value) -> Result<CategorySet, CategoryError> {
        let Value::Array(items) = value else {
            return Err(CategoryError::NotAList {
                found: kind_of(value),
            });
        };
        let mut categories = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            let Value::Object(obj) = item else {
                return Err(CategoryError::NotAnObject {
                    index,
                    found: kind_of(item),
                });
            };
            let id_hint = obj
                .get("id")
                .and_then(Value::as_str)
                .filter(|id| is_valid_category_id(id))
                .map(str::to_string);
            let bad = |field: String, problem| CategoryError::Field {
                index,
                id: id_hint.clone(),
                field,
                problem,
            };
            let text = |key: &str, expected| {
                field_str(obj, key, expected)
                    .map(str::to_string)
                    .map_err(|p| bad(key.to_string(), p))
            };
            let id = text("id", ID_EXPECTED)?;
            let title = text("title", "the name learners see, such as \"Analytics\"")?;
            let purposes = field_strings(
                obj,
                "purposes",
                "a list of sentences saying what the category is for",
            )
            .map_err(|(f, p)| bad(f, p))?;
            let storage = field_strings(
                obj,
                "storage",
                "a list of the cookies and storage keys it covers (may be empty)",
            )
            .map_err(|(f, p)| bad(f, p))?;
            let required = match obj.get("required") {
                Some(Value::Bool(b)) => *b,
                None | Some(Value::Null) => {
                    return Err(bad(
                        "required".into(),
                        FieldProblem::Missing {
                            expected: "true for strictly necessary storage, false for an optional category",
                        },
                    ));
                }
                Some(other) => {
                    return Err(bad(
                        "required".into(),
                        FieldProblem::wrong_type(other, "true or false"),
                    ));
                }
            };
            let receipt = match obj.get("receipt") {
                None | Some(Value::Null) => ReceiptTerms::default(),
                Some(Value::Object(r)) => {
                    let list = |key: &str| match r.get(key) {
                        None | Some(Value::Null) => Ok(Vec::new()),
                        Some(_) => field_strings(r, key, "a list of Kantara categories")
                            .map_err(|(f, p)| bad(format!("receipt.{f}"), p)),
                    };
                    let termination = match r.get("termination") {
                        None | Some(Value::Null) => String::new(),
                        Some(Value::String(s)) => s.clone(),
                        Some(other) => {
                            return Err(bad(
                                "receipt.termination".into(),
                                FieldProblem::wrong_type(
                                    other,
                                    "a sentence saying when consent or the data ends",
                                ),
                            ));
                        }
                    };
                    ReceiptTerms {
                        purpose_category: list("purposeCategory")?,
                        pii_category: list("piiCategory")?,
                        termination,
                    }
                }
                Some(other) => {
                    return Err(bad(
                        "receipt".into(),
                        FieldProblem::wrong_type(
                            other,
                            "an object with \"purposeCategory\", \"piiCategory\" and \"termination\"",
                        ),
                    ));
                }
            };
            categories.push(Category {
                id,
                title,
                purposes,
                storage,
                required,
                receipt,
            });
        }
        CategorySet::new(categories)
    }
}

mod compare {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    fn leaf() -> impl Strategy<Value = Value> {
        prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            Just(json!(2.5)),
            Just(json!(-1)),
            prop::sample::select(vec![
                "",
                " ",
                "analytics",
                "Analytics",
                "kl_a",
                "kl_b",
                "has space",
                "x",
                "-x",
                "a",
                "6 - Marketing",
                "Counts visits.",
            ])
            .prop_map(Value::from),
        ]
    }

    fn any_value() -> impl Strategy<Value = Value> {
        leaf().prop_recursive(3, 16, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                prop::collection::btree_map(
                    prop::sample::select(vec!["id", "title", "termination", "piiCategory", "z"])
                        .prop_map(String::from),
                    inner,
                    0..3
                )
                .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    fn strings() -> impl Strategy<Value = Value> {
        prop_oneof![
            3 => prop::collection::vec(leaf(), 0..4).prop_map(Value::Array),
            2 => prop::collection::vec(
                prop::sample::select(vec!["kl_a", "kl_b", "Counts visits.", " ", "6 - Marketing"])
                    .prop_map(Value::from),
                0..3
            )
            .prop_map(Value::Array),
            1 => any_value(),
        ]
    }

    fn receipt() -> impl Strategy<Value = Value> {
        prop_oneof![
            3 => (
                prop::option::of(strings()),
                prop::option::of(strings()),
                prop::option::of(leaf()),
            )
                .prop_map(move |(p, i, t)| {
                    let mut m = Map::new();

                    if let Some(p) = p { m.insert("purposeCategory".into(), p); }
                    if let Some(i) = i { m.insert("piiCategory".into(), i); }
                    if let Some(t) = t { m.insert("termination".into(), t); }
                    Value::Object(m)
                }),
            1 => any_value(),
        ]
    }

    fn category() -> impl Strategy<Value = Value> {
        let obj = (
            prop::option::of(leaf()),
            prop::option::of(leaf()),
            prop::option::of(strings()),
            prop::option::of(strings()),
            prop::option::of(leaf()),
            prop::option::of(receipt()),
            prop::option::of(any_value()),
        )
            .prop_map(|(id, title, purposes, storage, required, receipt, extra)| {
                let mut m = Map::new();
                for (k, v) in [
                    ("id", id),
                    ("title", title),
                    ("purposes", purposes),
                    ("storage", storage),
                    ("required", required),
                    ("receipt", receipt),
                    ("extra", extra),
                ] {
                    if let Some(v) = v {
                        m.insert(k.into(), v);
                    }
                }
                Value::Object(m)
            });
        prop_oneof![8 => obj, 1 => any_value()]
    }

    fn good() -> impl Strategy<Value = Value> {
        (
            prop::sample::select(vec!["analytics", "b", "c"]),
            prop::sample::select(vec!["kl_a", "kl_b", "kl_c"]),
            any::<bool>(),
        )
            .prop_map(|(id, key, required)| {
                json!({"id": id, "title": "T", "purposes": ["P."], "storage": [key],
                       "required": required, "receipt": {"piiCategory": ["5 - x"]}})
            })
    }

    /// A good category with up to three fields replaced by anything or removed.
    fn mutated() -> impl Strategy<Value = Value> {
        let key = prop::sample::select(vec![
            "id", "title", "purposes", "storage", "required", "receipt", "extra",
        ]);
        let value = prop::option::of(prop_oneof![leaf(), strings(), receipt()]);
        (good(), prop::collection::vec((key, value), 0..3)).prop_map(|(mut g, changes)| {
            let m = g.as_object_mut().unwrap();
            for (k, v) in changes {
                match v {
                    Some(v) => m.insert(k.into(), v),
                    None => m.remove(k),
                };
            }
            g
        })
    }

    fn list() -> impl Strategy<Value = Value> {
        prop_oneof![
            6 => prop::collection::vec(
                prop_oneof![2 => good(), 4 => mutated(), 1 => category()],
                0..4
            )
            .prop_map(Value::Array),
            1 => any_value(),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn the_derived_reader_reads_as_the_old_one(value in list()) {
            let new = CategorySet::from_json(&value);
            let old = CategorySet::old_from_json(&value);
            prop_assert_eq!(
                new.as_ref().map_err(ToString::to_string),
                old.as_ref().map_err(ToString::to_string)
            );
            prop_assert_eq!(new, old);
        }
    }

    #[test]
    fn the_comparison_sees_every_kind_of_outcome() {
        use proptest::strategy::ValueTree;
        use proptest::test_runner::TestRunner;
        let mut runner = TestRunner::deterministic();
        let mut seen = std::collections::BTreeSet::new();
        for _ in 0..20_000 {
            let v = list().new_tree(&mut runner).unwrap().current();
            let kind = match CategorySet::old_from_json(&v) {
                Ok(_) => "ok".to_string(),
                Err(CategoryError::Field { field, problem, .. }) => {
                    let f = field.split('[').next().unwrap().to_string();
                    format!("{f} {}", format!("{problem:?}").split(' ').next().unwrap())
                }
                Err(e) => format!("{e:?}")
                    .split([' ', '{', '('])
                    .next()
                    .unwrap()
                    .to_string(),
            };
            seen.insert(kind);
        }
        eprintln!("{seen:#?}");
        assert!(seen.len() >= 25, "{seen:#?}");
    }
}
