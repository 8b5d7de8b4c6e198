//! The tolerant loader: the bundle is read through wire structs whose fields never fail, then
//! checked document by document and version by version, so one bad entry leaves the others.

use serde::Deserialize;
use serde_json::{Map, Value};

use crate::domain::time::{TimeError, parse_date};
use crate::domain::wire::{Field, Label, Object, kind_of};

use super::acceptance;
use super::archived::load_archived;
use super::languages::{self, read_lang};
use super::problems::Ctx;
use super::{
    Bundle, Document, FORMAT, Loaded, Problem, RESERVED_IDS, Version, is_valid_id,
    is_valid_version_label,
};

/// Loads a bundle from JSON text. Never fails as a whole; see the module docs.
pub fn load_json(text: &str) -> Loaded {
    load_json_with::<FULL>(text)
}

/// [`load_json`] for the consent elements: a version's `"pledges"` is only checked to be
/// true or false, not that its body has the numbered list the pledges come from. The
/// consent elements never show pledges, and without that check the consent-only build
/// carries no Markdown parser (about 25 KB of brotli). Every element that shows documents
/// or takes acceptances loads with [`load_json`] and reports such a bundle problem.
///
/// It also takes a digest-only version: `"sha256"` (64 lowercase hex digits) in place of
/// `"body"` (see [`Version::sha256`](super::Version::sha256)); [`load_json`] asks for the
/// body. It does not read what the consent elements never show: the documents'
/// `archived` revisions and the `acceptance` set-up are left empty, unchecked (about
/// 4 KB of brotli in the consent-only build).
pub fn load_json_for_consent(text: &str) -> Loaded {
    load_json_with::<CONSENT>(text)
}

/// Loads a bundle built into the widget ([`crate::DEFAULT_BUNDLE`]) for the elements
/// that show documents: everything [`load_json`] reads, but the bodies are not parsed at
/// start-up to look for the pledges' lists (four Markdown parses of the Honor Code, about
/// 4 ms of the documents view's start-up). `build.rs` made every check of [`load_json`]
/// when the widget was built (a problem fails the build), and a test holds the two
/// loaders equal on the built-in bundle. (The consent elements read theirs with
/// [`load_json_for_consent`].)
pub fn load_built_in(text: &str) -> Loaded {
    load_json_with::<BUILT_IN>(text)
}

// How much a loader reads and checks: a const generic, so that each build carries only
// the modes its elements use.
/// Every field and every check: the documents view and the acceptance elements.
const FULL: u8 = 0;
/// As [`FULL`], without parsing the bodies for the pledges' lists: the built-in bundle of
/// the elements that show documents, checked in full by `build.rs`.
const BUILT_IN: u8 = 1;
/// What the consent elements read: no pledges' lists, no archived revisions and no
/// acceptance set-up (they show neither), digest-only versions taken.
const CONSENT: u8 = 2;

/// [`load_json`] in one of the modes above.
fn load_json_with<const MODE: u8>(text: &str) -> Loaded {
    match serde_json::from_str::<Value>(text) {
        Ok(value) => load_value_with::<MODE>(&value),
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

// The bundle as written. Every field is a [`Field`], so reading never stops at the first
// problem; the documents and versions are kept as JSON and read one by one, so one bad
// document or version leaves the others. [`load_value`] then checks them in order.

#[derive(Deserialize, Default)]
#[serde(default)]
struct BundleWire {
    format: Field<String>,
    platform: Field<Object<PlatformWire>>,
    lang: Field<String>,
    consent: Field<Value>,
    refund_policy: Field<Map<String, Value>>,
    documents: Field<Vec<Value>>,
    acceptance: Field<Value>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PlatformWire {
    name: Field<String>,
    short_name: Field<String>,
    strings: Field<Value>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct DocumentWire {
    id: Field<String>,
    title: Field<String>,
    lang: Field<String>,
    versions: Field<Vec<Value>>,
    archived: Field<Vec<Value>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct VersionWire {
    version: Field<Label>,
    effective: Field<String>,
    summary: Field<String>,
    material: Field<bool>,
    body: Field<String>,
    pledges: Field<bool>,
    sha256: Field<String>,
}

/// Loads a bundle from an already-parsed JSON value. Never fails as a whole.
pub fn load_value(value: &Value) -> Loaded {
    load_value_with::<FULL>(value)
}

/// [`load_value`] in one of the modes above.
fn load_value_with<const MODE: u8>(value: &Value) -> Loaded {
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
        Ok(Some(Object(p))) => {
            match p.name.present() {
                Ok(None) => {}
                Ok(Some(name)) => bundle.platform = name.trim().to_string(),
                Err(other) => top.problem(
                    "platform.name",
                    format!(
                        "The platform name is {}, but it must be a string such as \"Kestrel Learning\".",
                        kind_of(&other)
                    ),
                ),
            }
            match p.short_name.present() {
                Ok(None) => {}
                Ok(Some(short)) => bundle.platform_short = short.trim().to_string(),
                Err(other) => top.problem(
                    "platform.short_name",
                    format!(
                        "The platform's short name is {}, but it must be a string such as \"Kestrel\".",
                        kind_of(&other)
                    ),
                ),
            }
            if let Ok(Some(strings)) | Err(strings) = p.strings.present() {
                let (strings, problems) = crate::catalog::PartnerStrings::from_json(&strings);
                bundle.strings = strings;
                for (path, message) in problems {
                    top.problem(&path, message);
                }
            }
        }
        Err(other) => top.problem(
            "platform",
            format!(
                "The field \"platform\" is {}, but it must be an object such as {{\"name\": \"Kestrel Learning\"}}.",
                kind_of(&other)
            ),
        ),
    }

    if let Some(lang) = read_lang(root.lang, &mut top) {
        bundle.lang = lang;
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
        let Some(d) = load_document::<MODE>(i, doc, &bundle, &mut problems) else {
            continue;
        };
        if bundle.document(&d.id).is_some() {
            bundle.translations.push(d);
        } else {
            bundle.documents.push(d);
        }
    }
    if MODE != CONSENT {
        bundle.acceptance = acceptance::read_setup(root.acceptance, &bundle, &mut problems);
    }
    Loaded { bundle, problems }
}

fn load_document<const MODE: u8>(
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
        Some(id) => id,
        None => return None,
    };
    ctx.document = Some(id.clone());
    let lang = match doc.lang {
        Field::Absent | Field::Null => so_far.lang.clone(),
        field => read_lang(field, &mut ctx)?,
    };
    if let Some(other) = so_far
        .documents
        .iter()
        .chain(&so_far.translations)
        .find(|d| d.id == id && d.lang.eq_ignore_ascii_case(&lang))
    {
        ctx.problem(
            "id",
            format!(
                "Another document already has the id \"{id}\" in the language \"{}\": each document needs its own id (a translation has the same id and another \"lang\"). This one is left out.",
                other.lang
            ),
        );
        return None;
    }
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
        let Some(version) = load_version::<MODE>(v, &loaded, &mut vctx) else {
            continue;
        };
        // A translation has only versions of its primary, told the same way.
        if let Some(primary) = so_far.document(&id)
            && !languages::matches_primary(primary, &version, &mut vctx)
        {
            continue;
        }
        loaded.push(version);
    }
    if loaded.is_empty() {
        let message = match so_far.document(&id) {
            // A translation: the primary still shows.
            Some(primary) => format!(
                "No version of its translation into \"{lang}\" could be read, so that translation is not shown (the document in \"{}\" still is). Fix the problems listed for its versions.",
                primary.lang
            ),
            None => "No version of this document could be read, so it is not shown. Fix the problems listed for its versions.".into(),
        };
        ctx.problem("versions", message);
        return None;
    }
    loaded.sort_by_key(|v| v.effective);
    let archived = if MODE == CONSENT {
        Vec::new()
    } else {
        load_archived(doc.archived, &loaded, index, &id, ctx.problems)
    };
    Some(Document {
        id,
        title,
        lang,
        versions: loaded,
        archived,
        primary: None,
        translated: Vec::new(),
    })
}

fn load_version<const MODE: u8>(
    value: &Value,
    so_far: &[Version],
    ctx: &mut Ctx<'_>,
) -> Option<Version> {
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
    // The consent elements also take a digest-only version: `sha256` in place of `body`.
    let digest_only = MODE == CONSENT
        && matches!(wire.body, Field::Absent)
        && !matches!(wire.sha256, Field::Absent);
    let (body, sha256) = if digest_only {
        match ctx.string(
            wire.sha256,
            "sha256",
            "the SHA-256 of the version's text (64 lowercase hex digits)",
        ) {
            Some(d) if crate::domain::records::sha256::is_hex_digest(&d) => {
                (Some(String::new()), Some(d))
            }
            Some(d) => {
                ctx.problem(
                    "sha256",
                    format!(
                        "The field \"sha256\" is \"{}\", but it must be 64 lowercase hex digits (the SHA-256 of the version's text).",
                        d.chars().take(80).collect::<String>()
                    ),
                );
                (None, None)
            }
            None => (None, None),
        }
    } else {
        (
            ctx.string(wire.body, "body", "the document text in Markdown"),
            None,
        )
    };
    let pledges = if MODE == FULL {
        acceptance::read_pledges(wire.pledges, body.as_deref(), ctx)
    } else {
        acceptance::read_pledge_flag(wire.pledges, ctx)
    };

    Some(Version {
        version: label?,
        effective: effective?,
        summary: summary?,
        material: material?,
        body: body?,
        pledges: pledges?,
        sha256,
    })
}
