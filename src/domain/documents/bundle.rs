//! The content bundle: every document the widget can show, with all its versions.
//!
//! A bundle is one JSON value in the format [`FORMAT`] (schema: `schema/bundle.schema.json`):
//!
//! ```json
//! {
//!   "format": "terms-widget/bundle@1",
//!   "platform": { "name": "Kestrel Learning" },
//!   "documents": [
//!     { "id": "refund-policy", "title": "Refund Policy",
//!       "versions": [
//!         { "version": "1", "effective": "2024-02-01", "summary": "First published version.",
//!           "material": true, "body": "Markdown text…" } ] } ]
//! }
//! ```
//!
//! Loading never fails as a whole and never panics: [`load_json`] returns the documents
//! that are well formed together with a [`Problem`] for everything that is not, so the
//! widget can show both. A version with a bad field is left out; a document left with
//! no versions is left out; the rest still renders.
//!
//! ```
//! use terms_widget::domain::documents::bundle::load_json;
//!
//! let loaded = load_json(r#"{"format":"terms-widget/bundle@1","documents":[
//!   {"id":"honor-code","title":"Honor Code","versions":[
//!     {"version":"1","effective":"2024-02-01","summary":"First.","material":true,"body":"Be honest."},
//!     {"version":"2","effective":"2024-02-30","summary":"Typo.","material":false,"body":"Be kind."}]}]}"#);
//! assert_eq!(loaded.bundle.documents[0].versions.len(), 1);
//! assert_eq!(loaded.problems.len(), 1);
//! assert!(loaded.problems[0].to_string().contains("2024-02-30"));
//! ```

use std::fmt;

use chrono::{DateTime, NaiveDate};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::{Map, Value};

use crate::domain::time::{TimeError, parse_date};
use crate::domain::wire::{Field, Label, Object, kind_of};

/// Ids a document can't take, because their fragments open the widget's own views.
pub const RESERVED_IDS: [&str; 1] = ["refund-calculator"];

/// The format tag this widget reads and writes.
pub const FORMAT: &str = "terms-widget/bundle@1";

/// A set of documents, each with its versions, oldest first.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Bundle {
    /// The platform's display name, e.g. "Kestrel Learning" (may be empty).
    pub platform: String,
    /// Documents in display order.
    pub documents: Vec<Document>,
    /// Overrides of the refund rules (the JSON shape of
    /// `refund::RefundPolicy::from_json`), checked where the rules are built.
    pub refund_policy: Option<Value>,
    /// The consent categories (the JSON shape of `consent::CategorySet::from_json`),
    /// checked where consent is asked; `None` means the default set.
    pub consent: Option<Value>,
}

/// One legal document (e.g. the Refund Policy) and its published versions. It serialises
/// in the bundle's format.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// Stable id used in links and deep links, e.g. `refund-policy`.
    pub id: String,
    /// Title shown to learners.
    pub title: String,
    /// Versions sorted by effective date, oldest first; never empty.
    pub versions: Vec<Version>,
}

/// One published version of a document. It serialises in the bundle's format.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Version {
    /// Version label, e.g. `"3"` or `"2.1"`.
    pub version: String,
    /// The date this version took effect.
    #[serde(serialize_with = "date_text")]
    pub effective: NaiveDate,
    /// One line saying what changed.
    pub summary: String,
    /// Whether the change matters enough that learners must be told (and asked again).
    pub material: bool,
    /// The Markdown text.
    pub body: String,
}

impl Document {
    /// The version in force: the one with the latest effective date.
    pub fn current(&self) -> &Version {
        // `versions` is never empty for a loaded document; fall back defensively anyway.
        self.versions
            .last()
            .unwrap_or_else(|| unreachable_empty_document())
    }

    /// The version with this label, if any.
    pub fn version(&self, label: &str) -> Option<&Version> {
        self.versions.iter().find(|v| v.version == label)
    }

    /// The version in force on `date`: the latest one effective on or before it.
    pub fn in_force_on(&self, date: NaiveDate) -> Option<&Version> {
        self.versions.iter().rev().find(|v| v.effective <= date)
    }
}

#[cold]
fn unreachable_empty_document() -> &'static Version {
    static EMPTY: std::sync::OnceLock<Version> = std::sync::OnceLock::new();
    EMPTY.get_or_init(|| Version {
        version: String::new(),
        effective: DateTime::UNIX_EPOCH.date_naive(),
        summary: String::new(),
        material: false,
        body: String::new(),
    })
}

impl Bundle {
    /// The document with this id, if any.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }
}

/// Something wrong in a bundle, with where it is and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The document's id, when the problem is inside one (or its index, `#3`, if it has no id).
    pub document: Option<String>,
    /// The version's label, when the problem is inside one (or its index, `#2`).
    pub version: Option<String>,
    /// The JSON path of the field at fault, e.g. `documents[1].versions[0].effective`.
    pub path: String,
    /// What is wrong and how to fix it, in a sentence.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.document, &self.version) {
            (Some(d), Some(v)) => write!(f, "Document {d}, version {v}: ")?,
            (Some(d), None) => write!(f, "Document {d}: ")?,
            _ => {}
        }
        write!(f, "{} (at {})", self.message, self.path)
    }
}

/// The result of loading a bundle: what can be shown, and what is wrong.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Loaded {
    /// The well-formed documents.
    pub bundle: Bundle,
    /// Everything that was wrong, in the order found. Empty for a clean bundle.
    pub problems: Vec<Problem>,
}

/// Loads a bundle from JSON text. Never fails as a whole; see the module docs.
pub fn load_json(text: &str) -> Loaded {
    match serde_json::from_str::<Value>(text) {
        Ok(value) => load_value(&value),
        Err(e) => Loaded {
            bundle: Bundle::default(),
            problems: vec![Problem {
                document: None,
                version: None,
                path: "(whole bundle)".into(),
                message: format!(
                    "The bundle is not valid JSON: {e}. Check for a missing comma, quote or bracket near that place."
                ),
            }],
        },
    }
}

/// Is `id` usable in a deep link: lowercase ASCII letters, digits and inner hyphens?
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

/// Is `label` usable as a version label: 1 to 32 of ASCII letters, digits, `.`, `-`, `_`?
pub fn is_valid_version_label(label: &str) -> bool {
    !label.is_empty()
        && label.len() <= 32
        && label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
}

/// Collects problems while walking one document or version.
struct Ctx<'a> {
    problems: &'a mut Vec<Problem>,
    document: Option<String>,
    version: Option<String>,
    path: String,
}

impl Ctx<'_> {
    fn problem(&mut self, field: &str, message: String) {
        let path = if field.is_empty() {
            self.path.clone()
        } else if self.path.is_empty() {
            field.to_string()
        } else {
            format!("{}.{field}", self.path)
        };
        self.problems.push(Problem {
            document: self.document.clone(),
            version: self.version.clone(),
            path,
            message,
        });
    }

    /// A required, non-empty string field.
    fn string(&mut self, value: Field<String>, field: &str, what: &str) -> Option<String> {
        match value.present() {
            Ok(None) => {
                self.problem(
                    field,
                    format!("The field \"{field}\" is missing: give {what}."),
                );
                None
            }
            Ok(Some(s)) if s.trim().is_empty() => {
                self.problem(
                    field,
                    format!("The field \"{field}\" is empty: give {what}."),
                );
                None
            }
            Ok(Some(s)) => Some(s),
            Err(other) => {
                self.problem(
                    field,
                    format!(
                        "The field \"{field}\" is {}, but it must be a string: give {what}.",
                        kind_of(&other)
                    ),
                );
                None
            }
        }
    }
}

// The bundle as written. Every field is a [`Field`], so reading never stops at the first
// problem; the documents and versions are kept as JSON and read one by one, so one bad
// document or version leaves the others. [`load_value`] then checks them in order.

#[derive(Deserialize, Default)]
#[serde(default)]
struct BundleWire {
    format: Field<String>,
    platform: Field<Object<PlatformWire>>,
    consent: Field<Value>,
    refund_policy: Field<Map<String, Value>>,
    documents: Field<Vec<Value>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PlatformWire {
    name: Field<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct DocumentWire {
    id: Field<String>,
    title: Field<String>,
    versions: Field<Vec<Value>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct VersionWire {
    version: Field<Label>,
    effective: Field<String>,
    summary: Field<String>,
    material: Field<bool>,
    body: Field<String>,
}

/// Loads a bundle from an already-parsed JSON value. Never fails as a whole.
pub fn load_value(value: &Value) -> Loaded {
    let mut problems = Vec::new();
    let mut bundle = Bundle::default();
    let mut top = Ctx {
        problems: &mut problems,
        document: None,
        version: None,
        path: String::new(),
    };
    let Ok(Object(root)) = Object::<BundleWire>::deserialize(value) else {
        top.problem(
            "(whole bundle)",
            format!(
                "The bundle is {}, but it must be a JSON object with \"format\" and \"documents\".",
                kind_of(value)
            ),
        );
        return Loaded { bundle, problems };
    };

    match root.format {
        Field::Ok(f) if f == FORMAT => {}
        Field::Ok(f) => {
            top.problem(
                "format",
                format!(
                    "This bundle says it is in the format \"{f}\", but this widget reads \"{FORMAT}\". Rebuild the bundle with a matching version of terms-bundle."
                ),
            );
            return Loaded { bundle, problems };
        }
        other @ (Field::Null | Field::Wrong(_)) => top.problem(
            "format",
            format!(
                "The field \"format\" is {}, but it must be the string \"{FORMAT}\".",
                other.found()
            ),
        ),
        Field::Absent => top.problem(
            "format",
            format!("The field \"format\" is missing: add \"format\": \"{FORMAT}\"."),
        ),
    }

    match root.platform.present() {
        Ok(None) => {}
        Ok(Some(Object(p))) => match p.name.present() {
            Ok(None) => {}
            Ok(Some(name)) => bundle.platform = name.trim().to_string(),
            Err(other) => top.problem(
                "platform.name",
                format!(
                    "The platform name is {}, but it must be a string such as \"Kestrel Learning\".",
                    kind_of(&other)
                ),
            ),
        },
        Err(other) => top.problem(
            "platform",
            format!(
                "The field \"platform\" is {}, but it must be an object such as {{\"name\": \"Kestrel Learning\"}}.",
                kind_of(&other)
            ),
        ),
    }

    // Carried as JSON: `consent_config` checks it where consent is asked.
    match root.consent.present() {
        Ok(None) => {}
        Ok(Some(v @ (Value::Object(_) | Value::Array(_)))) => bundle.consent = Some(v),
        Ok(Some(other)) | Err(other) => top.problem(
            "consent",
            format!(
                "The field \"consent\" is {}, but it must describe the consent categories (see the README).",
                kind_of(&other)
            ),
        ),
    }

    // Carried as JSON: `refund::RefundPolicy` checks it where the rules are built.
    match root.refund_policy.present() {
        Ok(None) => {}
        Ok(Some(o)) => bundle.refund_policy = Some(Value::Object(o)),
        Err(other) => top.problem(
            "refund_policy",
            format!(
                "The field \"refund_policy\" is {}, but it must be an object of refund-rule overrides such as {{\"standard_window_days\": 30}}.",
                kind_of(&other)
            ),
        ),
    }

    let documents = match root.documents {
        Field::Ok(docs) if docs.is_empty() => {
            top.problem(
                "documents",
                "The list \"documents\" is empty: add at least one document.".into(),
            );
            return Loaded { bundle, problems };
        }
        Field::Ok(docs) => docs,
        other @ (Field::Null | Field::Wrong(_)) => {
            top.problem(
                "documents",
                format!(
                    "The field \"documents\" is {}, but it must be a list of documents.",
                    other.found()
                ),
            );
            return Loaded { bundle, problems };
        }
        Field::Absent => {
            top.problem(
                "documents",
                "The field \"documents\" is missing: add a list of documents.".into(),
            );
            return Loaded { bundle, problems };
        }
    };

    for (i, doc) in documents.iter().enumerate() {
        if let Some(d) = load_document(i, doc, &bundle, &mut problems) {
            bundle.documents.push(d);
        }
    }
    Loaded { bundle, problems }
}

fn load_document(
    index: usize,
    value: &Value,
    so_far: &Bundle,
    problems: &mut Vec<Problem>,
) -> Option<Document> {
    let mut ctx = Ctx {
        problems,
        document: Some(format!("#{}", index + 1)),
        version: None,
        path: format!("documents[{index}]"),
    };
    let Ok(Object(doc)) = Object::<DocumentWire>::deserialize(value) else {
        ctx.problem(
            "",
            format!(
                "This entry is {}, but each document must be an object with \"id\", \"title\" and \"versions\".",
                kind_of(value)
            ),
        );
        return None;
    };
    let id = ctx.string(doc.id, "id", "a short id such as \"refund-policy\"");
    let id = match id {
        Some(id) if !is_valid_id(&id) => {
            ctx.problem(
                "id",
                format!(
                    "The id \"{id}\" can't be used in links: use 1 to 64 lowercase letters, digits and inner hyphens, such as \"refund-policy\"."
                ),
            );
            return None;
        }
        Some(id) if RESERVED_IDS.contains(&id.as_str()) => {
            ctx.problem(
                "id",
                format!(
                    "The id \"{id}\" is reserved by the widget (#{id} opens one of its tools): choose another id."
                ),
            );
            return None;
        }
        Some(id) if so_far.document(&id).is_some() => {
            ctx.document = Some(id.clone());
            ctx.problem(
                "id",
                format!(
                    "Another document already has the id \"{id}\": each document needs its own id. This one is left out."
                ),
            );
            return None;
        }
        Some(id) => id,
        None => return None,
    };
    ctx.document = Some(id.clone());
    let title = ctx.string(
        doc.title,
        "title",
        "the title learners see, such as \"Refund Policy\"",
    );

    let versions = match doc.versions {
        Field::Ok(vs) if !vs.is_empty() => vs,
        Field::Ok(_) => {
            ctx.problem(
                "versions",
                "The list \"versions\" is empty: add at least one version.".into(),
            );
            return None;
        }
        other @ (Field::Null | Field::Wrong(_)) => {
            ctx.problem(
                "versions",
                format!(
                    "The field \"versions\" is {}, but it must be a list of versions.",
                    other.found()
                ),
            );
            return None;
        }
        Field::Absent => {
            ctx.problem(
                "versions",
                "The field \"versions\" is missing: add a list with at least one version.".into(),
            );
            return None;
        }
    };
    let title = title?;

    let mut loaded: Vec<Version> = Vec::with_capacity(versions.len());
    for (j, v) in versions.iter().enumerate() {
        let mut vctx = Ctx {
            problems: ctx.problems,
            document: Some(id.clone()),
            version: Some(format!("#{}", j + 1)),
            path: format!("documents[{index}].versions[{j}]"),
        };
        if let Some(version) = load_version(v, &loaded, &mut vctx) {
            loaded.push(version);
        }
    }
    if loaded.is_empty() {
        ctx.problem(
            "versions",
            "No version of this document could be read, so it is not shown. Fix the problems listed for its versions.".into(),
        );
        return None;
    }
    loaded.sort_by_key(|v| v.effective);
    Some(Document {
        id,
        title,
        versions: loaded,
    })
}

fn load_version(value: &Value, so_far: &[Version], ctx: &mut Ctx<'_>) -> Option<Version> {
    let Ok(Object(wire)) = Object::<VersionWire>::deserialize(value) else {
        ctx.problem(
            "",
            format!(
                "This entry is {}, but each version must be an object with \"version\", \"effective\", \"summary\", \"material\" and \"body\".",
                kind_of(value)
            ),
        );
        return None;
    };
    let label = ctx.string(
        wire.version.map(|Label(label)| label),
        "version",
        "a version label such as \"2\" or \"2.1\"",
    );
    let label = match label {
        Some(l) if !is_valid_version_label(&l) => {
            ctx.problem(
                "version",
                format!(
                    "The version label \"{l}\" can't be used in links: use 1 to 32 letters, digits, dots, hyphens or underscores, such as \"2.1\"."
                ),
            );
            None
        }
        Some(l) if so_far.iter().any(|v| v.version == l) => {
            ctx.version = Some(l.clone());
            ctx.problem(
                "version",
                format!(
                    "Another version of this document is already labelled \"{l}\": each version needs its own label. This one is left out."
                ),
            );
            None
        }
        other => other,
    };
    if let Some(l) = &label {
        ctx.version = Some(l.clone());
    }

    let effective = match ctx.string(
        wire.effective,
        "effective",
        "the date it takes effect, as YYYY-MM-DD",
    ) {
        Some(text) => match parse_date(&text) {
            Ok(date) => Some(date),
            Err(TimeError::Format { .. }) => {
                ctx.problem(
                    "effective",
                    format!(
                        "The effective date \"{text}\" is not in the form YYYY-MM-DD, for example 2026-09-01."
                    ),
                );
                None
            }
            Err(_) => {
                ctx.problem(
                    "effective",
                    format!(
                        "The effective date \"{text}\" does not exist in the calendar. Use a real date in the form YYYY-MM-DD."
                    ),
                );
                None
            }
        },
        None => None,
    };
    if let Some(date) = effective
        && let Some(clash) = so_far.iter().find(|v| v.effective == date)
    {
        ctx.problem(
            "effective",
            format!(
                "Version \"{}\" already takes effect on {date}: two versions can't take effect on the same day. This one is left out.",
                clash.version
            ),
        );
        return None;
    }

    let summary = match wire.summary.present() {
        Ok(Some(s)) => Some(s.trim().to_string()),
        Ok(None) => {
            ctx.problem(
                "summary",
                "The field \"summary\" is missing: say in one line what changed in this version (for a first version: \"First published version.\").".into(),
            );
            None
        }
        Err(other) => {
            ctx.problem(
                "summary",
                format!(
                    "The field \"summary\" is {}, but it must be a one-line string saying what changed.",
                    kind_of(&other)
                ),
            );
            None
        }
    };
    let material = match wire.material.present() {
        Ok(Some(b)) => Some(b),
        Ok(None) => {
            ctx.problem(
                "material",
                "The field \"material\" is missing: say true if learners must be told about this change, false if not.".into(),
            );
            None
        }
        Err(other) => {
            ctx.problem(
                "material",
                format!(
                    "The field \"material\" is {}, but it must be true or false.",
                    kind_of(&other)
                ),
            );
            None
        }
    };
    let body = ctx.string(wire.body, "body", "the document text in Markdown");

    Some(Version {
        version: label?,
        effective: effective?,
        summary: summary?,
        material: material?,
        body: body?,
    })
}

/// The bundle as [`to_json`] writes it.
#[derive(Serialize)]
struct BundleOut<'a> {
    format: &'static str,
    platform: PlatformOut<'a>,
    documents: &'a [Document],
    #[serde(skip_serializing_if = "Option::is_none")]
    refund_policy: Option<&'a Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    consent: Option<&'a Value>,
}

#[derive(Serialize)]
struct PlatformOut<'a> {
    name: &'a str,
}

/// Writes a date as `YYYY-MM-DD`.
fn date_text<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(date)
}

/// Serialises a bundle back to the JSON format [`FORMAT`].
pub fn to_json(bundle: &Bundle) -> Value {
    let out = BundleOut {
        format: FORMAT,
        platform: PlatformOut {
            name: &bundle.platform,
        },
        documents: &bundle.documents,
        refund_policy: bundle.refund_policy.as_ref(),
        consent: bundle.consent.as_ref(),
    };
    // Cannot fail: every map key is a string and every value serialises.
    serde_json::to_value(out).unwrap_or(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn version(label: &str, date: &str) -> Value {
        json!({"version": label, "effective": date, "summary": "s", "material": true, "body": "Text."})
    }

    fn bundle_with(docs: Value) -> Value {
        json!({"format": FORMAT, "platform": {"name": "Test"}, "documents": docs})
    }

    fn messages(l: &Loaded) -> Vec<String> {
        l.problems.iter().map(|p| p.to_string()).collect()
    }

    #[test]
    fn clean_bundle_loads_with_versions_sorted() {
        let l = load_value(&bundle_with(json!([
            {"id": "terms", "title": "Terms", "versions": [version("2", "2025-01-01"), version("1", "2024-01-01")]}
        ])));
        assert!(l.problems.is_empty(), "{:?}", l.problems);
        assert_eq!(l.bundle.platform, "Test");
        let d = l.bundle.document("terms").unwrap();
        assert_eq!(d.versions[0].version, "1");
        assert_eq!(d.current().version, "2");
        assert_eq!(d.version("1").unwrap().effective.to_string(), "2024-01-01");
        assert_eq!(
            d.in_force_on(parse_date("2024-06-30").unwrap())
                .map(|v| v.version.as_str()),
            Some("1")
        );
        assert!(d.in_force_on(parse_date("2023-12-31").unwrap()).is_none());
    }

    #[test]
    fn not_json_is_one_clear_problem() {
        let l = load_json("{\"format\": ");
        assert!(l.bundle.documents.is_empty());
        assert_eq!(l.problems.len(), 1);
        assert!(
            l.problems[0]
                .message
                .starts_with("The bundle is not valid JSON")
        );
        assert!(l.problems[0].message.contains("line 1"));
    }

    #[test]
    fn wrong_top_level_shapes() {
        let l = load_json("[1,2]");
        assert!(messages(&l)[0].contains("The bundle is a list"));
        let l = load_value(&json!({"format": FORMAT}));
        assert!(messages(&l)[0].contains("\"documents\" is missing"));
        let l = load_value(&json!({"format": FORMAT, "documents": {}}));
        assert!(messages(&l)[0].contains("\"documents\" is an object"));
        let l = load_value(&json!({"format": FORMAT, "documents": []}));
        assert!(messages(&l)[0].contains("is empty"));
    }

    #[test]
    fn format_tag_is_checked() {
        let l = load_value(&json!({"format": "terms-widget/bundle@2", "documents": []}));
        assert_eq!(l.problems.len(), 1);
        assert!(
            l.problems[0]
                .message
                .contains("reads \"terms-widget/bundle@1\"")
        );
        // A missing tag is reported but the documents still load.
        let l = load_value(
            &json!({"documents": [{"id": "a", "title": "A", "versions": [version("1", "2024-01-01")]}]}),
        );
        assert_eq!(l.bundle.documents.len(), 1);
        assert_eq!(l.problems[0].path, "format");
        let l = load_value(
            &json!({"format": 1, "documents": [{"id": "a", "title": "A", "versions": [version("1", "2024-01-01")]}]}),
        );
        assert!(l.problems[0].message.contains("is a number"));
        assert_eq!(l.bundle.documents.len(), 1);
    }

    #[test]
    fn platform_problems() {
        let l = load_value(
            &json!({"format": FORMAT, "platform": "X", "documents": [{"id": "a", "title": "A", "versions": [version("1", "2024-01-01")]}]}),
        );
        assert_eq!(l.problems[0].path, "platform");
        let l = load_value(
            &json!({"format": FORMAT, "platform": {"name": 3}, "documents": [{"id": "a", "title": "A", "versions": [version("1", "2024-01-01")]}]}),
        );
        assert_eq!(l.problems[0].path, "platform.name");
        assert_eq!(l.bundle.documents.len(), 1);
    }

    #[test]
    fn bad_document_is_left_out_and_others_still_load() {
        let l = load_value(&bundle_with(json!([
            {"id": "good", "title": "Good", "versions": [version("1", "2024-01-01")]},
            {"id": "Bad Id", "title": "Bad", "versions": [version("1", "2024-01-01")]},
            {"id": "good", "title": "Again", "versions": [version("1", "2024-01-01")]},
            {"id": "no-title", "versions": [version("1", "2024-01-01")]},
            {"id": "no-versions", "title": "X"},
            {"id": "empty-versions", "title": "X", "versions": []},
            {"id": "wrong-versions", "title": "X", "versions": "v1"},
            "not an object",
            {"title": "No id", "versions": [version("1", "2024-01-01")]},
            {"id": "refund-calculator", "title": "Tool", "versions": [version("1", "2024-01-01")]},
        ])));
        let ids: Vec<_> = l.bundle.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["good"]);
        let m = messages(&l);
        assert_eq!(m.len(), 9, "{m:#?}");
        assert!(m[8].contains("is reserved by the widget"), "{m:#?}");
        assert!(m[0].contains("The id \"Bad Id\" can't be used in links"));
        assert!(m[0].contains("documents[1].id"));
        assert!(m[1].starts_with("Document good: Another document already has the id"));
        assert!(m[2].starts_with("Document no-title: The field \"title\" is missing"));
        assert!(m[3].contains("\"versions\" is missing"));
        assert!(m[4].contains("\"versions\" is empty"));
        assert!(m[5].contains("\"versions\" is a string"));
        assert!(m[6].contains("This entry is a string"));
        assert!(m[6].contains("documents[7]"));
        assert!(m[7].starts_with("Document #9: The field \"id\" is missing"));
    }

    #[test]
    fn every_version_field_is_checked_with_a_specific_message() {
        let cases: Vec<(Value, &str, &str)> = vec![
            (
                json!({"effective": "2024-01-01", "summary": "s", "material": true, "body": "b"}),
                "version",
                "\"version\" is missing",
            ),
            (
                json!({"version": "a/b", "effective": "2024-01-01", "summary": "s", "material": true, "body": "b"}),
                "version",
                "can't be used in links",
            ),
            (
                json!({"version": 2.5, "effective": "2024-01-01", "summary": "s", "material": true, "body": "b"}),
                "version",
                "is a number, but it must be a string",
            ),
            (
                json!({"version": "1", "summary": "s", "material": true, "body": "b"}),
                "effective",
                "\"effective\" is missing",
            ),
            (
                json!({"version": "1", "effective": "1/1/2024", "summary": "s", "material": true, "body": "b"}),
                "effective",
                "not in the form YYYY-MM-DD",
            ),
            (
                json!({"version": "1", "effective": "2023-02-29", "summary": "s", "material": true, "body": "b"}),
                "effective",
                "does not exist in the calendar",
            ),
            (
                json!({"version": "1", "effective": 20240101, "summary": "s", "material": true, "body": "b"}),
                "effective",
                "is a number",
            ),
            (
                json!({"version": "1", "effective": "2024-01-01", "material": true, "body": "b"}),
                "summary",
                "\"summary\" is missing",
            ),
            (
                json!({"version": "1", "effective": "2024-01-01", "summary": ["s"], "material": true, "body": "b"}),
                "summary",
                "is a list",
            ),
            (
                json!({"version": "1", "effective": "2024-01-01", "summary": "s", "body": "b"}),
                "material",
                "\"material\" is missing",
            ),
            (
                json!({"version": "1", "effective": "2024-01-01", "summary": "s", "material": "yes", "body": "b"}),
                "material",
                "must be true or false",
            ),
            (
                json!({"version": "1", "effective": "2024-01-01", "summary": "s", "material": true}),
                "body",
                "\"body\" is missing",
            ),
            (
                json!({"version": "1", "effective": "2024-01-01", "summary": "s", "material": true, "body": "   "}),
                "body",
                "\"body\" is empty",
            ),
            (json!(42), "", "each version must be an object"),
        ];
        for (bad, field, needle) in cases {
            let l = load_value(&bundle_with(json!([
                {"id": "doc", "title": "Doc", "versions": [version("0", "2020-01-01"), bad.clone()]}
            ])));
            // The good version still loads; the bad one is reported at its field.
            assert_eq!(l.bundle.documents[0].versions.len(), 1, "{bad}");
            let p = &l.problems[0];
            assert_eq!(p.document.as_deref(), Some("doc"));
            let want_path = if field.is_empty() {
                "documents[0].versions[1]".to_string()
            } else {
                format!("documents[0].versions[1].{field}")
            };
            assert_eq!(p.path, want_path, "{bad}");
            assert!(p.message.contains(needle), "{bad}: {}", p.message);
        }
    }

    #[test]
    fn version_label_names_the_version_in_messages() {
        let l = load_value(&bundle_with(json!([
            {"id": "doc", "title": "Doc", "versions": [
                {"version": 3, "effective": "2024-02-30", "summary": "s", "material": true, "body": "b"}]}
        ])));
        let m = messages(&l);
        assert!(
            m[0].starts_with("Document doc, version 3: The effective date \"2024-02-30\""),
            "{m:?}"
        );
        assert!(m[1].contains("No version of this document could be read"));
        assert!(l.bundle.documents.is_empty());
    }

    #[test]
    fn duplicate_labels_and_dates() {
        let l = load_value(&bundle_with(json!([
            {"id": "doc", "title": "Doc", "versions": [
                version("1", "2024-01-01"), version("1", "2024-05-01"), version("2", "2024-01-01"), version("3", "2024-06-01")]}
        ])));
        let d = &l.bundle.documents[0];
        assert_eq!(
            d.versions
                .iter()
                .map(|v| v.version.as_str())
                .collect::<Vec<_>>(),
            ["1", "3"]
        );
        let m = messages(&l);
        assert!(m[0].contains("already labelled \"1\""));
        assert!(m[1].contains("Version \"1\" already takes effect on 2024-01-01"));
    }

    #[test]
    fn ids_and_labels() {
        for ok in ["a", "refund-policy", "v2-terms", "x9"] {
            assert!(is_valid_id(ok), "{ok}");
        }
        for bad in [
            "",
            "-a",
            "a-",
            "A",
            "a b",
            "a/b",
            "a@b",
            "é",
            &"a".repeat(65),
        ] {
            assert!(!is_valid_id(bad), "{bad}");
        }
        for ok in ["1", "2.1", "2025-01", "v3_beta"] {
            assert!(is_valid_version_label(ok), "{ok}");
        }
        for bad in ["", "a/b", "1 2", "#3", &"1".repeat(33)] {
            assert!(!is_valid_version_label(bad), "{bad}");
        }
    }

    #[test]
    fn refund_rule_overrides_are_carried_when_they_are_an_object() {
        let docs = json!([{"id": "a", "title": "A", "versions": [version("1", "2024-01-01")]}]);
        let l = load_value(
            &json!({"format": FORMAT, "documents": docs, "refund_policy": {"standard_window_days": 30}}),
        );
        assert!(l.problems.is_empty());
        assert_eq!(
            l.bundle.refund_policy,
            Some(json!({"standard_window_days": 30}))
        );
        let again = load_value(&to_json(&l.bundle));
        assert_eq!(again.bundle, l.bundle);
        let l = load_value(&json!({"format": FORMAT, "documents": docs, "refund_policy": 30}));
        assert_eq!(l.problems[0].path, "refund_policy");
        assert!(l.problems[0].message.contains("is a number"));
        assert_eq!(l.bundle.refund_policy, None);
        assert_eq!(l.bundle.documents.len(), 1);
    }

    #[test]
    fn round_trips_through_json() {
        let l = load_value(&bundle_with(json!([
            {"id": "a", "title": "A", "versions": [version("1", "2024-01-01"), version("2", "2024-03-01")]},
            {"id": "b", "title": "B", "versions": [version("1", "2024-01-01")]}
        ])));
        let again = load_value(&to_json(&l.bundle));
        assert!(again.problems.is_empty());
        assert_eq!(again.bundle, l.bundle);
    }

    #[test]
    fn one_bad_document_leaves_the_others_with_the_exact_messages() {
        let l = load_value(&json!({
            "format": FORMAT,
            "platform": ["Kestrel Learning"],
            "documents": [
                {"id": "terms", "title": "Terms", "versions": [version("1", "2024-01-01")]},
                ["honor-code", "Honor Code"],
                {"id": "honor-code", "title": "Honor Code", "versions": [
                    version("1", "2024-01-01"),
                    {"version": 2, "effective": "2024-02-30", "summary": 7, "material": "yes", "body": " "},
                    ["2", "2024-03-01"]]},
                {"id": "faq", "title": null, "versions": null},
                {"id": "privacy", "title": "Privacy", "versions": [version("1", "2024-01-01")]}
            ]
        }));
        let ids: Vec<_> = l.bundle.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["terms", "honor-code", "privacy"]);
        assert_eq!(l.bundle.document("honor-code").unwrap().versions.len(), 1);
        assert_eq!(l.bundle.platform, "");
        assert_eq!(
            messages(&l),
            [
                "The field \"platform\" is a list, but it must be an object such as {\"name\": \"Kestrel Learning\"}. (at platform)",
                "Document #2: This entry is a list, but each document must be an object with \"id\", \"title\" and \"versions\". (at documents[1])",
                "Document honor-code, version 2: The effective date \"2024-02-30\" does not exist in the calendar. Use a real date in the form YYYY-MM-DD. (at documents[2].versions[1].effective)",
                "Document honor-code, version 2: The field \"summary\" is a number, but it must be a one-line string saying what changed. (at documents[2].versions[1].summary)",
                "Document honor-code, version 2: The field \"material\" is a string, but it must be true or false. (at documents[2].versions[1].material)",
                "Document honor-code, version 2: The field \"body\" is empty: give the document text in Markdown. (at documents[2].versions[1].body)",
                "Document honor-code, version #3: This entry is a list, but each version must be an object with \"version\", \"effective\", \"summary\", \"material\" and \"body\". (at documents[2].versions[2])",
                "Document faq: The field \"title\" is missing: give the title learners see, such as \"Refund Policy\". (at documents[3].title)",
                "Document faq: The field \"versions\" is null, but it must be a list of versions. (at documents[3].versions)",
            ]
        );
    }

    proptest::proptest! {
        #[test]
        fn arbitrary_text_never_panics(text in ".{0,400}") {
            let _ = load_json(&text);
        }

        #[test]
        fn arbitrary_json_never_panics(value in arb_json()) {
            let l = load_value(&value);
            // Whatever loads is well formed.
            for d in &l.bundle.documents {
                proptest::prop_assert!(is_valid_id(&d.id));
                proptest::prop_assert!(!d.versions.is_empty());
            }
        }
    }

    fn arb_json() -> impl proptest::strategy::Strategy<Value = Value> {
        use proptest::prelude::*;
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(|n| json!(n)),
            prop_oneof![
                Just("2024-01-01".to_string()),
                Just(FORMAT.to_string()),
                Just("doc".to_string()),
                "[a-z0-9-]{0,8}",
                ".{0,12}"
            ]
            .prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 64, 8, |inner| {
            let keys = prop_oneof![
                Just("format".to_string()),
                Just("documents".to_string()),
                Just("id".to_string()),
                Just("title".to_string()),
                Just("versions".to_string()),
                Just("version".to_string()),
                Just("effective".to_string()),
                Just("summary".to_string()),
                Just("material".to_string()),
                Just("body".to_string()),
                Just("platform".to_string()),
                "[a-z]{1,6}",
            ];
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                proptest::collection::btree_map(keys, inner, 0..8)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }
}
