//! The bundle's parts for acceptance records: a version's `pledges` flag and the bundle's
//! `acceptance` set-up (contract `shared/specs/acceptance.md`, *Pledges* and *Who must
//! accept what*). The rules themselves live in [`crate::domain::acceptance`]; this file
//! reports what breaks them as bundle problems.

use serde_json::Value;

use crate::domain::acceptance::pledges::{Pledge, pledges_of};
use crate::domain::acceptance::setup::AcceptanceSetup;
use crate::domain::wire::{Field, kind_of};

use super::problems::Ctx;
use super::{Bundle, Problem, Version};

impl Version {
    /// The version's pledges: the items of the first ordered list of its body when it is
    /// marked `"pledges": true`, else none.
    pub fn pledge_list(&self) -> Vec<Pledge> {
        if self.pledges {
            pledges_of(&self.body)
        } else {
            Vec::new()
        }
    }
}

impl Bundle {
    /// The acceptance set-up in force: the bundle's `acceptance` as checked, or the
    /// contract's defaults without the default documents this bundle does not have.
    pub fn acceptance_setup(&self) -> AcceptanceSetup {
        self.acceptance.clone().unwrap_or_else(|| {
            AcceptanceSetup::defaults_for(&|id: &str| self.document(id).is_some())
        })
    }
}

/// A version's optional `pledges` flag: absent or `null` is `false`. `None` (the version
/// is left out) when it is not true/false, or when it is true and `body` has no ordered
/// list to take the pledges from.
pub(super) fn read_pledges(
    field: Field<bool>,
    body: Option<&str>,
    ctx: &mut Ctx<'_>,
) -> Option<bool> {
    let flag = read_pledge_flag(field, ctx)?;
    if flag && body.is_some_and(|body| pledges_of(body).is_empty()) {
        ctx.problem(
            "pledges",
            "This version says \"pledges\": true, but its body has no numbered list: the pledges are the items of the first numbered list (1. …, 2. …). Add the list, or remove \"pledges\".".into(),
        );
        return None;
    }
    Some(flag)
}

/// A version's optional `pledges` flag, without looking at its body: absent or `null` is
/// `false`; `None` (the version is left out) when it is not true/false.
pub(super) fn read_pledge_flag(field: Field<bool>, ctx: &mut Ctx<'_>) -> Option<bool> {
    match field.present() {
        Ok(flag) => Some(flag.unwrap_or(false)),
        Err(other) => {
            ctx.problem(
                "pledges",
                format!(
                    "The field \"pledges\" is {}, but it must be true (the first numbered list holds the pledges) or false.",
                    kind_of(&other)
                ),
            );
            None
        }
    }
}

/// The bundle's `acceptance` set-up, checked against its loaded documents; `None` when the
/// bundle has none (the defaults apply, see [`Bundle::acceptance_setup`]).
pub(super) fn read_setup(
    field: Field<Value>,
    bundle: &Bundle,
    problems: &mut Vec<Problem>,
) -> Option<AcceptanceSetup> {
    let value = match field {
        Field::Absent | Field::Null => return None,
        Field::Ok(value) | Field::Wrong(value) => value,
    };
    let (setup, found) = AcceptanceSetup::check(&value, &|id: &str| bundle.document(id).is_some());
    problems.extend(found.into_iter().map(|p| Problem {
        document: None,
        version: None,
        path: p.path,
        message: p.message,
    }));
    Some(setup)
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::super::{load_value, to_json};

    fn bundle(versions: Value, acceptance: Option<Value>) -> Value {
        let mut b = json!({"format": "terms-widget/bundle@1", "documents": [
            {"id": "honor-code", "title": "Honor Code", "versions": versions},
            {"id": "terms-of-use", "title": "Terms of Use", "versions": [
                {"version": "1", "effective": "2024-01-01", "summary": "First.", "material": true, "body": "Terms."}]}]});
        if let Some(a) = acceptance {
            b["acceptance"] = a;
        }
        b
    }

    fn version(label: &str, date: &str, body: &str, pledges: Value) -> Value {
        json!({"version": label, "effective": date, "summary": "S.", "material": true,
               "body": body, "pledges": pledges})
    }

    #[test]
    fn pledges_come_from_the_first_numbered_list_of_a_marked_version() {
        let four = "Intro.\n\n1. One.\n2. Two.\n3. Three.\n4. Four.\n";
        let five = "Intro.\n\n1. One.\n2. Two.\n3. Three.\n4. Four.\n5. Five.\n";
        let loaded = load_value(&bundle(
            json!([
                version("1", "2024-01-01", four, json!(true)),
                version("2", "2025-01-01", five, json!(true)),
                version("3", "2026-01-01", five, Value::Null)
            ]),
            None,
        ));
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        let doc = loaded.bundle.document("honor-code").unwrap();
        let counts: Vec<usize> = doc.versions.iter().map(|v| v.pledge_list().len()).collect();
        assert_eq!(counts, [4, 5, 0], "null means no pledges");
        let ids: Vec<String> = doc.versions[1]
            .pledge_list()
            .into_iter()
            .map(|p| p.id)
            .collect();
        assert_eq!(ids, ["1", "2", "3", "4", "5"]);
        // Written back only when true, and read again the same.
        let written = to_json(&loaded.bundle);
        assert_eq!(written["documents"][0]["versions"][1]["pledges"], true);
        assert!(
            written["documents"][0]["versions"][2]
                .get("pledges")
                .is_none()
        );
        assert_eq!(load_value(&written).bundle, loaded.bundle);
    }

    #[test]
    fn the_consent_loader_checks_only_the_flag() {
        let b = bundle(
            json!([
                version("1", "2024-01-01", "1. One.\n", json!(true)),
                version("2", "2025-01-01", "- only\n- bullets\n", json!(true)),
                version("3", "2026-01-01", "1. One.\n", json!("yes"))
            ]),
            None,
        );
        let loaded = super::super::load_json_for_consent(&b.to_string());
        let paths: Vec<&str> = loaded.problems.iter().map(|p| p.path.as_str()).collect();
        // The list is not looked for; a flag that is not true/false is still a problem.
        assert_eq!(paths, ["documents[0].versions[2].pledges"]);
        let labels: Vec<&str> = loaded.bundle.documents[0]
            .versions
            .iter()
            .map(|v| v.version.as_str())
            .collect();
        assert_eq!(labels, ["1", "2"]);
        // The built-in bundle's loader gives what the full one gives.
        let full = super::super::load_json(crate::DEFAULT_BUNDLE);
        assert_eq!(full, super::super::load_built_in(crate::DEFAULT_BUNDLE));
        // The consent loader too, but for what the consent elements never show: archived
        // revisions and the acceptance set-up, which it does not read.
        let light = super::super::load_json_for_consent(crate::DEFAULT_BUNDLE);
        assert!(light.problems.is_empty(), "{:?}", light.problems);
        assert!(full.bundle.documents.iter().any(|d| !d.archived.is_empty()));
        let mut expected = full.bundle.clone();
        expected.acceptance = None;
        for d in expected
            .documents
            .iter_mut()
            .chain(&mut expected.translations)
        {
            d.archived.clear();
        }
        assert_eq!(light.bundle, expected);
        // A set-up the full loader refuses is not the consent elements' problem.
        let b = bundle(
            json!([version("1", "2024-01-01", "1. One.\n", json!(false))]),
            Some(json!("not a set-up")),
        )
        .to_string();
        let full = super::super::load_json(&b);
        assert!(
            full.problems
                .iter()
                .any(|p| p.path.starts_with("acceptance"))
        );
        let light = super::super::load_json_for_consent(&b);
        assert!(light.problems.is_empty(), "{:?}", light.problems);
        assert_eq!(light.bundle.documents, full.bundle.documents);
    }

    #[test]
    fn the_consent_loader_takes_a_digest_in_place_of_the_text() {
        let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        let digest_only = |sha256: Value| {
            let mut v = version("1", "2024-01-01", "", json!(false));
            let v = v.as_object_mut().unwrap();
            v.remove("body");
            v.insert("sha256".into(), sha256);
            bundle(json!([v]), None).to_string()
        };
        let loaded = super::super::load_json_for_consent(&digest_only(json!(abc)));
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        let v = loaded.bundle.documents[0].current();
        assert_eq!((v.body.as_str(), v.text_sha256()), ("", abc.to_string()));
        // The same as the text's own digest.
        let text = bundle(
            json!([version("1", "2024-01-01", "abc", json!(false))]),
            None,
        );
        let full = super::super::load_json(&text.to_string());
        assert_eq!(full.bundle.documents[0].current().text_sha256(), abc);
        assert_eq!(full.bundle.documents[0].current().sha256, None);

        // Not a digest: a problem naming the field, and the version is left out.
        for bad in [json!("ABC"), json!(abc.to_uppercase()), json!(1), json!("")] {
            let loaded = super::super::load_json_for_consent(&digest_only(bad.clone()));
            let paths: Vec<&str> = loaded.problems.iter().map(|p| p.path.as_str()).collect();
            assert!(
                paths.contains(&"documents[0].versions[0].sha256"),
                "{bad}: {paths:?}"
            );
        }
        // Elements that show documents need the text.
        let loaded = super::super::load_json(&digest_only(json!(abc)));
        let paths: Vec<&str> = loaded.problems.iter().map(|p| p.path.as_str()).collect();
        assert!(
            paths.contains(&"documents[0].versions[0].body"),
            "{paths:?}"
        );
        // Neither: the body is what is missing.
        let mut v = version("1", "2024-01-01", "", json!(false));
        v.as_object_mut().unwrap().remove("body");
        let loaded = super::super::load_json_for_consent(&bundle(json!([v]), None).to_string());
        let paths: Vec<&str> = loaded.problems.iter().map(|p| p.path.as_str()).collect();
        assert!(
            paths.contains(&"documents[0].versions[0].body"),
            "{paths:?}"
        );
    }

    #[test]
    fn a_marked_version_without_a_numbered_list_is_a_problem() {
        let loaded = load_value(&bundle(
            json!([
                version("1", "2024-01-01", "1. One.\n", json!(true)),
                version("2", "2025-01-01", "- only\n- bullets\n", json!(true)),
                version("3", "2026-01-01", "1. One.\n", json!("yes"))
            ]),
            None,
        ));
        let paths: Vec<&str> = loaded.problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "documents[0].versions[1].pledges",
                "documents[0].versions[2].pledges"
            ]
        );
        assert!(loaded.problems[0].to_string().starts_with(
            "Document honor-code, version 2: This version says \"pledges\": true, but its body has no numbered list"
        ));
        assert!(
            loaded.problems[1]
                .message
                .contains("is a string, but it must be true")
        );
        let doc = loaded.bundle.document("honor-code").unwrap();
        assert_eq!(doc.versions.len(), 1, "the versions at fault are left out");
    }

    #[test]
    fn the_set_up_is_checked_against_the_bundles_documents() {
        let v = json!([version("1", "2024-01-01", "1. One.\n", json!(true))]);
        // None given: the defaults, without the documents this bundle lacks.
        let loaded = load_value(&bundle(v.clone(), None));
        assert_eq!(loaded.bundle.acceptance, None);
        let setup = loaded.bundle.acceptance_setup();
        assert_eq!(setup.signup, ["terms-of-use", "honor-code"]);
        assert_eq!(setup.course, ["honor-code"]);
        assert!(to_json(&loaded.bundle).get("acceptance").is_none());

        let loaded = load_value(&bundle(
            v.clone(),
            Some(
                json!({"signup": ["terms-of-use", "privacy-policy"], "course": ["honor-code"],
                        "minimum_age": 16, "age_of_majority": 16}),
            ),
        ));
        let found: Vec<(&str, &str)> = loaded
            .problems
            .iter()
            .map(|p| (p.path.as_str(), p.message.split(':').next().unwrap_or("")))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "acceptance.signup[1]",
                    "There is no document \"privacy-policy\" in this bundle, so it can't be accepted"
                ),
                (
                    "acceptance.minimum_age",
                    "The minimum age (16) must be lower than the age of majority (16)"
                ),
            ]
        );
        let setup = loaded.bundle.acceptance_setup();
        assert_eq!(setup.signup, ["terms-of-use"]);
        assert_eq!((setup.minimum_age, setup.age_of_majority), (13, 18));
        // Written back as checked, and read again the same, without problems.
        let again = load_value(&to_json(&loaded.bundle));
        assert!(again.problems.is_empty());
        assert_eq!(again.bundle, loaded.bundle);

        let loaded = load_value(&bundle(v, Some(json!("honor-code"))));
        assert_eq!(loaded.problems.len(), 1);
        assert!(
            loaded.problems[0]
                .message
                .contains("is a string, but it must be an object")
        );
    }

    #[test]
    fn the_built_in_honor_code_has_four_then_five_pledges_and_v2_is_material() {
        let bundle = super::super::load_json(crate::DEFAULT_BUNDLE).bundle;
        let honor = bundle.document("honor-code").unwrap();
        let v1 = honor.version("1").unwrap();
        let v2 = honor.version("2").unwrap();
        assert!(v1.pledges && v2.pledges);
        assert_eq!(v1.pledge_list().len(), 4);
        let five = v2.pledge_list();
        assert_eq!(five.len(), 5);
        assert!(five[4].markdown.starts_with("**I use AI tools openly.**"));
        assert!(
            five[4]
                .text
                .starts_with("I use AI tools openly. I use AI assistants")
        );
        assert!(v2.material);
        assert_eq!(bundle.acceptance_setup(), Default::default());
    }
}
