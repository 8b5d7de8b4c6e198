use crate::domain::acceptance::test_support::*;
use crate::domain::acceptance::*;
use crate::domain::documents::diff::Change;

fn reason_of(h: &AcceptanceHistory, doc: &str, scope: &Scope) -> Option<PendingReason> {
    let b = bundle();
    let s = standing(h, b.document(doc).unwrap(), scope);
    s.pending_reason()
}

#[test]
fn never_accepted_is_pending_in_every_scope() {
    let b = bundle();
    let setup = b.acceptance_setup();
    let h = AcceptanceHistory::default();
    let all = pending(&h, &b, &setup, Some(&CourseId::parse("ml-101").unwrap()));
    let got: Vec<(String, &str, &str, &str)> = all
        .iter()
        .map(|p| {
            (
                p.scope.to_string(),
                p.document.as_str(),
                p.version.as_str(),
                p.reason.code(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("platform".into(), "terms-of-use", "2", "never_accepted"),
            ("platform".into(), "privacy-policy", "2", "never_accepted"),
            ("platform".into(), "honor-code", "3", "never_accepted"),
            ("course:ml-101".into(), "honor-code", "3", "never_accepted"),
            (
                "course:ml-101".into(),
                "integrity-code",
                "1",
                "never_accepted"
            ),
        ]
    );
    assert_eq!(
        pending(&h, &b, &setup, None).len(),
        3,
        "no course, no course scope"
    );
}

#[test]
fn a_material_change_after_the_accepted_version_asks_again() {
    let b = bundle();
    let mut h = AcceptanceHistory::default();
    let ml = course("ml-101");
    accept(
        &mut h,
        &b,
        &ctx(1, "2025-03-01T10:00:00Z", ml.clone()),
        10,
        &[("honor-code", "1"), ("integrity-code", "1")],
    );
    // v2 (material) then v3 (not material) came after v1: material_change.
    let s = standing(&h, b.document("honor-code").unwrap(), &ml);
    assert_eq!(s.standing, Standing::Pending(PendingReason::MaterialChange));
    assert_eq!(
        s.accepted_version.map(|v| v.version.as_str()),
        Some("1"),
        "the diff starts here"
    );
    assert_eq!(s.current.version, "3", "and ends here");
    assert!(s.same_text);
    let since: Vec<&str> = s
        .versions_since_accepted()
        .iter()
        .map(|v| v.version.as_str())
        .collect();
    assert_eq!(since, ["2", "3"]);
    let changes = s.changes_since_accepted().unwrap();
    let added: Vec<&str> = changes
        .iter()
        .filter_map(|c| match c {
            Change::Added { unit, .. } => Some(unit.text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        added,
        ["Introduction.", "Five."],
        "v1 to v3 at once: v3's new intro and v2's fifth pledge"
    );
    assert_eq!(reason_of(&h, "integrity-code", &ml), None);
    let integrity = standing(&h, b.document("integrity-code").unwrap(), &ml);
    assert_eq!(integrity.changes_since_accepted(), None);
    assert!(integrity.versions_since_accepted().is_empty());

    // Accepting v2 again (reacceptance): v3 is not material, so updated but not pending.
    let mut again = ctx(2, "2026-01-20T10:00:00Z", ml.clone());
    again.method = Method::Reacceptance;
    accept(&mut h, &b, &again, 20, &[("honor-code", "2")]);
    let s = standing(&h, b.document("honor-code").unwrap(), &ml);
    assert_eq!(s.standing, Standing::UpdatedNotMaterial);
    assert_eq!(s.accepted_version.map(|v| v.version.as_str()), Some("2"));
    assert_eq!(s.accepted.map(|r| r.id.clone()), Some(id(20)));
    let setup = b.acceptance_setup();
    let course_id = CourseId::parse("ml-101").unwrap();
    assert!(
        pending(&h, &b, &setup, Some(&course_id))
            .iter()
            .all(|p| p.scope == Scope::Platform)
    );

    // And the current version: accepted, current.
    accept(
        &mut h,
        &b,
        &ctx(3, "2026-02-02T10:00:00Z", ml.clone()),
        30,
        &[("honor-code", "3")],
    );
    assert_eq!(
        standing(&h, b.document("honor-code").unwrap(), &ml).standing,
        Standing::AcceptedCurrent
    );
}

#[test]
fn a_minor_change_is_shown_but_asks_for_nothing() {
    let b = bundle();
    let mut h = AcceptanceHistory::default();
    accept(
        &mut h,
        &b,
        &ctx(1, "2024-06-01T10:00:00Z", Scope::Platform),
        10,
        &[("terms-of-use", "1")],
    );
    let s = standing(&h, b.document("terms-of-use").unwrap(), &Scope::Platform);
    assert_eq!(s.standing, Standing::UpdatedNotMaterial);
    assert_eq!(s.pending_reason(), None);
    assert_eq!(
        (
            s.accepted_version.unwrap().version.as_str(),
            s.current.version.as_str()
        ),
        ("1", "2")
    );
    // The privacy policy's v2 is material: accepted v1 means pending.
    accept(
        &mut h,
        &b,
        &ctx(2, "2024-06-02T10:00:00Z", Scope::Platform),
        20,
        &[("privacy-policy", "1")],
    );
    assert_eq!(
        reason_of(&h, "privacy-policy", &Scope::Platform),
        Some(PendingReason::MaterialChange)
    );
}

#[test]
fn scopes_do_not_stand_in_for_each_other() {
    let b = bundle();
    let mut h = AcceptanceHistory::default();
    accept(
        &mut h,
        &b,
        &ctx(1, "2026-03-01T10:00:00Z", Scope::Platform),
        10,
        &[
            ("terms-of-use", "2"),
            ("privacy-policy", "2"),
            ("honor-code", "3"),
        ],
    );
    assert_eq!(reason_of(&h, "honor-code", &Scope::Platform), None);
    assert_eq!(
        reason_of(&h, "honor-code", &course("ml-101")),
        Some(PendingReason::NeverAccepted)
    );
    accept(
        &mut h,
        &b,
        &ctx(2, "2026-03-02T10:00:00Z", course("ml-101")),
        20,
        &[("honor-code", "3")],
    );
    assert_eq!(reason_of(&h, "honor-code", &course("ml-101")), None);
    assert_eq!(
        reason_of(&h, "honor-code", &course("cs-50")),
        Some(PendingReason::NeverAccepted),
        "once per course"
    );
    // The newest accepted version counts, whatever the order of the records.
    accept(
        &mut h,
        &b,
        &ctx(3, "2026-03-03T10:00:00Z", course("ml-101")),
        30,
        &[("honor-code", "1")],
    );
    assert_eq!(reason_of(&h, "honor-code", &course("ml-101")), None);
}

#[test]
fn a_minor_at_sign_up_is_recorded_and_counts_like_an_adult() {
    let b = bundle();
    let mut h = AcceptanceHistory::default();
    let mut minor = ctx(1, "2026-03-01T10:00:00Z", Scope::Platform);
    minor.age = AgeCheck::NeedsGuardian.attestation();
    let batch = accept(
        &mut h,
        &b,
        &minor,
        10,
        &[
            ("terms-of-use", "2"),
            ("privacy-policy", "2"),
            ("honor-code", "3"),
        ],
    );
    assert!(
        batch
            .iter()
            .all(|r| r.age == Some(AgeAttestation::MinorWithGuardian))
    );
    assert!(
        batch[0]
            .to_json_string()
            .contains("\"age\":\"minor-with-guardian\"")
    );
    let setup = b.acceptance_setup();
    assert!(pending(&h, &b, &setup, None).is_empty());
}

#[test]
fn versions_the_bundle_no_longer_has_accept_nothing_and_changed_text_is_flagged() {
    let b = bundle();
    let mut h = AcceptanceHistory::default();
    let batch = accept(
        &mut h,
        &b,
        &ctx(1, "2026-03-01T10:00:00Z", Scope::Platform),
        10,
        &[("terms-of-use", "2")],
    );
    let mut old = batch[0].clone();
    old.id = id(99);
    old.document.version = "0".into();
    old.at = at("2026-03-02T10:00:00Z");
    old.batch = id(98);
    let only_old = AcceptanceHistory { records: vec![old] };
    assert_eq!(
        reason_of(&only_old, "terms-of-use", &Scope::Platform),
        Some(PendingReason::NeverAccepted)
    );

    let mut edited = batch[0].clone();
    edited.document.sha256 = Some("0".repeat(64));
    let edited = AcceptanceHistory {
        records: vec![edited],
    };
    let s = standing(
        &edited,
        b.document("terms-of-use").unwrap(),
        &Scope::Platform,
    );
    assert_eq!(s.standing, Standing::AcceptedCurrent);
    assert!(
        !s.same_text,
        "the text under that label is not the text accepted"
    );
}

#[test]
fn a_bundles_own_set_up_decides_the_documents_of_each_scope() {
    let mut b = bundle();
    b.acceptance = Some(AcceptanceSetup {
        signup: vec!["terms-of-use".into()],
        course: vec!["integrity-code".into()],
        ..AcceptanceSetup::default()
    });
    let setup = b.acceptance_setup();
    let docs: Vec<String> = pending(
        &AcceptanceHistory::default(),
        &b,
        &setup,
        Some(&CourseId::parse("x").unwrap()),
    )
    .into_iter()
    .map(|p| p.document)
    .collect();
    assert_eq!(docs, ["terms-of-use", "integrity-code"]);
}
