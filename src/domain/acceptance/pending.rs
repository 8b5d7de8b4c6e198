//! What a learner still has to accept, per scope: each document's [`Standing`], and the
//! pending documents as `TermsWidget.pendingAcceptances()` returns them
//! ([`PendingDocument`]) (contract, *Who must accept what*).
//!
//! For a scope, a document is:
//!
//! * **pending, `never_accepted`**: no record of that scope accepts any of its versions;
//! * **pending, `material_change`**: a version effective after the newest one accepted in
//!   that scope is `material: true`;
//! * **updated, not material**: later versions exist but none is material. The UI says
//!   "updated since you accepted" and asks for nothing;
//! * **accepted, current**: the newest version accepted is the current one.
//!
//! Records of another scope never count: a platform-scope acceptance of the Honor Code
//! does not stand in for a course, and one course's does not stand in for another's.
//! A record counts for the version with its document id and version label; a label the
//! bundle no longer has accepts nothing.

use serde::Serialize;

use super::record::AcceptanceRecord;
use super::scope::{CourseId, Scope};
use super::{AcceptanceHistory, setup::AcceptanceSetup};
use crate::domain::documents::bundle::{Bundle, Document, Version};
use crate::domain::documents::diff::{Change, diff};
use crate::domain::records::sha256::sha256_hex;

/// Why a document is pending (contract, `reason`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PendingReason {
    /// `never_accepted`: no record of the scope accepts any of its versions.
    NeverAccepted,
    /// `material_change`: a version after the newest accepted one is material.
    MaterialChange,
}

impl PendingReason {
    /// The contract's code: `never_accepted` or `material_change`.
    pub fn code(self) -> &'static str {
        match self {
            PendingReason::NeverAccepted => "never_accepted",
            PendingReason::MaterialChange => "material_change",
        }
    }
}

/// Where a document stands for a scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Standing {
    /// The newest version accepted is the current version.
    AcceptedCurrent,
    /// Later versions exist, none of them material: shown as "updated since you
    /// accepted", nothing asked.
    UpdatedNotMaterial,
    /// The learner must accept the current version.
    Pending(PendingReason),
}

/// One document's standing for one scope, with what the UI needs to show it: the
/// version accepted (for "what changed since you accepted", the changes from
/// `accepted_version` to `current`) and the record.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentStanding<'a> {
    /// The scope.
    pub scope: Scope,
    /// The document.
    pub document: &'a Document,
    /// Its current version (the one to accept when pending).
    pub current: &'a Version,
    /// The newest version accepted in this scope, if any.
    pub accepted_version: Option<&'a Version>,
    /// The latest record accepting `accepted_version` in this scope.
    pub accepted: Option<&'a AcceptanceRecord>,
    /// Whether the record's SHA-256 is that of `accepted_version`'s body as the bundle has
    /// it now (`false` when the text changed under the same label); `false` without a
    /// record.
    pub same_text: bool,
    /// The standing.
    pub standing: Standing,
}

impl<'a> DocumentStanding<'a> {
    /// Is the document pending, and why?
    pub fn pending_reason(&self) -> Option<PendingReason> {
        match self.standing {
            Standing::Pending(reason) => Some(reason),
            _ => None,
        }
    }

    /// The versions published since the one accepted, oldest first, each with its
    /// `summary` and `material` flag (empty when nothing was accepted or the current
    /// version was).
    pub fn versions_since_accepted(&self) -> &'a [Version] {
        let Some(accepted) = self.accepted_version else {
            return &[];
        };
        let versions = &self.document.versions;
        match versions.iter().position(|v| v.version == accepted.version) {
            Some(i) => &versions[i + 1..],
            None => &[],
        }
    }

    /// What changed since the learner accepted: the changes from the accepted version's
    /// body to the current one's (every step at once, not only the last), for "what
    /// changed since you accepted". `None` when nothing was accepted or the current
    /// version was.
    pub fn changes_since_accepted(&self) -> Option<Vec<Change>> {
        let accepted = self.accepted_version?;
        (accepted.version != self.current.version).then(|| {
            // Two texts in one language (a translation's gap compares the originals).
            match self
                .document
                .comparable(&accepted.version, &self.current.version)
            {
                Some((old, new)) => diff(&old.body, &new.body),
                None => diff(&accepted.body, &self.current.body),
            }
        })
    }
}

/// Where `document` stands for `scope` given `history` (see the module docs).
pub fn standing<'a>(
    history: &'a AcceptanceHistory,
    document: &'a Document,
    scope: &Scope,
) -> DocumentStanding<'a> {
    // The newest accepted version (by its position, versions being oldest first), then
    // the latest record accepting it.
    let newest = history
        .records
        .iter()
        .filter(|r| &r.scope == scope && r.document.document == document.id)
        .filter_map(|r| {
            let index = document
                .versions
                .iter()
                .position(|v| v.version == r.document.version)?;
            Some((index, r))
        })
        .max_by(|(i, a), (j, b)| (i, a.at, &a.id).cmp(&(j, b.at, &b.id)));
    let current = document.current();
    let Some((index, record)) = newest else {
        return DocumentStanding {
            scope: scope.clone(),
            document,
            current,
            accepted_version: None,
            accepted: None,
            same_text: false,
            standing: Standing::Pending(PendingReason::NeverAccepted),
        };
    };
    let later = &document.versions[index + 1..];
    let standing = if later.iter().any(|v| v.material) {
        Standing::Pending(PendingReason::MaterialChange)
    } else if later.is_empty() {
        Standing::AcceptedCurrent
    } else {
        Standing::UpdatedNotMaterial
    };
    let accepted_version = &document.versions[index];
    DocumentStanding {
        scope: scope.clone(),
        document,
        current,
        accepted_version: Some(accepted_version),
        accepted: Some(record),
        same_text: record.document.sha256.as_deref()
            == Some(sha256_hex(accepted_version.body.as_bytes()).as_str()),
        standing,
    }
}

/// The documents the set-up asks for in `scope`, as the bundle has them: the `signup`
/// list for [`Scope::Platform`], the `course` list for a course.
pub fn documents_for<'a>(
    bundle: &'a Bundle,
    setup: &AcceptanceSetup,
    scope: &Scope,
) -> Vec<&'a Document> {
    let ids = match scope {
        Scope::Platform => &setup.signup,
        Scope::Course(_) => &setup.course,
    };
    ids.iter().filter_map(|id| bundle.document(id)).collect()
}

/// Every document the set-up asks for in `scope`, with its standing, in the set-up's
/// order.
pub fn standings<'a>(
    history: &'a AcceptanceHistory,
    bundle: &'a Bundle,
    setup: &AcceptanceSetup,
    scope: &Scope,
) -> Vec<DocumentStanding<'a>> {
    documents_for(bundle, setup, scope)
        .into_iter()
        .map(|d| standing(history, d, scope))
        .collect()
}

/// A pending document as `TermsWidget.pendingAcceptances()` returns it (contract,
/// *Events and API*): `{"scope", "document", "version", "reason"}`, `version` being the
/// current version to accept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PendingDocument {
    /// The scope, as in the record.
    pub scope: Scope,
    /// The document id.
    pub document: String,
    /// The version to accept (the current one).
    pub version: String,
    /// Why.
    pub reason: PendingReason,
}

/// The documents pending for the platform scope and, when `course` is given, for that
/// course's scope: platform ones first, each in the set-up's order.
///
/// ```
/// use terms_widget::domain::acceptance::*;
/// use terms_widget::domain::documents::bundle::load_json;
///
/// let bundle = load_json(terms_widget::DEFAULT_BUNDLE).bundle;
/// let setup = bundle.acceptance_setup();
/// let course = CourseId::parse("ml-101").unwrap();
/// let pending = pending(&AcceptanceHistory::default(), &bundle, &setup, Some(&course));
/// let listed: Vec<String> = pending.iter().map(|p| format!("{} {}", p.scope, p.document)).collect();
/// assert_eq!(listed, [
///     "platform terms-of-use", "platform privacy-policy", "platform honor-code",
///     "course:ml-101 honor-code", "course:ml-101 integrity-code",
/// ]);
/// assert_eq!(
///     serde_json::to_value(&pending[2]).unwrap(),
///     serde_json::json!({"scope": "platform", "document": "honor-code", "version": "2",
///                        "reason": "never_accepted"})
/// );
/// ```
pub fn pending(
    history: &AcceptanceHistory,
    bundle: &Bundle,
    setup: &AcceptanceSetup,
    course: Option<&CourseId>,
) -> Vec<PendingDocument> {
    let mut scopes = vec![Scope::Platform];
    scopes.extend(course.map(Scope::course));
    scopes
        .iter()
        .flat_map(|scope| standings(history, bundle, setup, scope))
        .filter_map(|s| {
            Some(PendingDocument {
                reason: s.pending_reason()?,
                scope: s.scope,
                document: s.document.id.clone(),
                version: s.current.version.clone(),
            })
        })
        .collect()
}
