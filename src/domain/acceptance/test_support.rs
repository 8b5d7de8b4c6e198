//! Shared fixtures for the acceptance tests: a small bundle, contexts and records.

use chrono::{DateTime, Utc};
use serde_json::json;

use super::*;
use crate::domain::documents::bundle::{Bundle, Document, load_value};
use crate::domain::records::id::RecordId;
use crate::domain::time::parse_instant;

pub(crate) const FOUR: &str = "Intro.\n\n1. One.\n2. Two.\n3. Three.\n4. Four.\n";
pub(crate) const FIVE: &str = "Intro.\n\n1. One.\n2. Two.\n3. Three.\n4. Four.\n5. Five.\n";

/// Honor code: v1 (four pledges), v2 (five, material), v3 (typo fix, not material).
/// Terms of use: v1, v2 (not material). Privacy policy: v1, v2 (material). Integrity
/// code: v1.
pub(crate) fn bundle() -> Bundle {
    let v = |label: &str, date: &str, material: bool, body: &str, pledges: bool| {
        json!({"version": label, "effective": date, "summary": "S.", "material": material,
               "body": body, "pledges": pledges})
    };
    let loaded = load_value(&json!({"format": "terms-widget/bundle@1", "documents": [
        {"id": "terms-of-use", "title": "Terms of Use", "versions": [
            v("1", "2024-01-01", true, "Terms 1.", false),
            v("2", "2025-01-01", false, "Terms 2.", false)]},
        {"id": "privacy-policy", "title": "Privacy Policy", "versions": [
            v("1", "2024-01-01", true, "Privacy 1.", false),
            v("2", "2025-06-01", true, "Privacy 2.", false)]},
        {"id": "honor-code", "title": "Honor Code", "versions": [
            v("1", "2024-02-01", true, FOUR, true),
            v("2", "2026-01-15", true, FIVE, true),
            v("3", "2026-02-01", false, &FIVE.replace("Intro", "Introduction"), true)]},
        {"id": "integrity-code", "title": "Community Integrity Code", "versions": [
            v("1", "2025-01-10", true, "Integrity.", false)]}]}));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded.bundle
}

pub(crate) fn at(s: &str) -> DateTime<Utc> {
    parse_instant(s).unwrap()
}

pub(crate) fn id(n: u8) -> RecordId {
    RecordId::from_random_bytes(&[n; 16])
}

pub(crate) fn course(c: &str) -> Scope {
    Scope::parse(&format!("course:{c}")).unwrap()
}

/// A context for `scope`: sign-up (adult) for the platform scope, a prompt for a course.
pub(crate) fn ctx(batch: u8, now: &str, scope: Scope) -> Context {
    let (method, age) = match scope {
        Scope::Platform => (Method::Signup, Some(AgeAttestation::Adult)),
        Scope::Course(_) => (Method::Prompt, None),
    };
    Context {
        batch: id(batch),
        now: at(now),
        scope,
        method,
        age,
        subject: "learner-42".into(),
        language: "en".into(),
    }
}

/// Every pledge id of a version.
pub(crate) fn all_pledges(bundle: &Bundle, doc: &str, version: &str) -> Vec<String> {
    let v = bundle.document(doc).unwrap().version(version).unwrap();
    v.pledge_list().into_iter().map(|p| p.id).collect()
}

/// Accepts `docs` (document id, version label), every pledge affirmed, in one batch whose
/// record ids start at `first_id`.
pub(crate) fn accept(
    history: &mut AcceptanceHistory,
    bundle: &Bundle,
    ctx: &Context,
    first_id: u8,
    docs: &[(&str, &str)],
) -> Vec<AcceptanceRecord> {
    let pledges: Vec<Vec<String>> = docs
        .iter()
        .map(|(d, v)| all_pledges(bundle, d, v))
        .collect();
    let items = docs
        .iter()
        .zip(&pledges)
        .enumerate()
        .map(|(n, ((d, v), p))| {
            let document = bundle.document(d).unwrap();
            (
                id(first_id + n as u8),
                Acceptance {
                    document,
                    version: document.version(v).unwrap(),
                    pledges: p,
                },
            )
        });
    history.accept(ctx, items).unwrap()
}

/// The current version of `document`, with no pledges affirmed.
pub(crate) fn current_unpledged(document: &Document) -> Acceptance<'_> {
    Acceptance {
        document,
        version: document.current(),
        pledges: &[],
    }
}
