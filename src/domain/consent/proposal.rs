//! What the banner or *Privacy choices* should show, category by category:
//! [`proposed_choices`], with the browser's privacy signals applied.

use super::{
    CategorySet, Choice, ConsentHistory, ConsentRecord, ConsentStatus, Context, Method,
    PolicyVersion, Reason, RecordError, Signals, status,
};

/// What the form should show for one category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposedChoice {
    /// The category id.
    pub category: String,
    /// Required categories: always `Some(Granted)`, shown as "always on".
    pub required: bool,
    /// The proposed position of the switch; `None` means unset (the learner must choose).
    pub choice: Option<Choice>,
    /// The browser's privacy signal decided this value.
    pub from_signal: bool,
}

/// What the form should show, category by category, in display order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    /// One entry per category.
    pub choices: Vec<ProposedChoice>,
    /// Whether a browser signal decided any value (tell the learner it was honoured).
    pub signal_applied: bool,
}

impl Proposal {
    /// The proposal as `(category, choice)` pairs when every category has a value.
    pub fn complete_choices(&self) -> Option<Vec<(String, Choice)>> {
        self.choices
            .iter()
            .map(|p| p.choice.map(|c| (p.category.clone(), c)))
            .collect()
    }

    /// The proposed value for one category (`None` when unset or unknown).
    pub fn choice(&self, category: &str) -> Option<Choice> {
        self.choices
            .iter()
            .find(|p| p.category == category)
            .and_then(|p| p.choice)
    }
}

/// What the banner or Privacy choices page should show.
///
/// * Required categories: granted.
/// * Optional categories keep the learner's last choice; ones never answered are unset
///   (`None`): never silently switched on or off.
/// * With Global Privacy Control or Do Not Track on, unset categories are proposed as
///   refused, and so are grants made *before* that signal appeared; a grant made while the
///   same signal was already on stays granted (the learner opted in knowingly). Values
///   the signal decided are marked `from_signal`, and `signal_applied` is set.
///
/// ```
/// use terms_widget::domain::consent::*;
/// let cats = CategorySet::default_set();
/// let p = proposed_choices(&ConsentHistory::default(), &cats, Signals { gpc: true, dnt: false });
/// assert!(p.signal_applied);
/// assert_eq!(p.choice("analytics"), Some(Choice::Denied));
/// assert_eq!(p.choice("necessary"), Some(Choice::Granted));
///
/// let p = proposed_choices(&ConsentHistory::default(), &cats, Signals::NONE);
/// assert_eq!(p.choice("analytics"), None);
/// ```
pub fn proposed_choices(
    history: &ConsentHistory,
    categories: &CategorySet,
    signals: Signals,
) -> Proposal {
    let record = history.current();
    let choices: Vec<ProposedChoice> = categories
        .categories()
        .iter()
        .map(|c| {
            let (choice, from_signal) = if c.required {
                (Some(Choice::Granted), false)
            } else {
                let last = record.and_then(|r| r.learner_choice(&c.id));
                let knowingly = record.is_some_and(|r| r.signals.covers(signals));
                match last {
                    _ if !signals.any() => (last, false),
                    Some(Choice::Denied) => (Some(Choice::Denied), false),
                    Some(Choice::Granted) if knowingly => (Some(Choice::Granted), false),
                    Some(Choice::Granted) | None => (Some(Choice::Denied), true),
                }
            };
            ProposedChoice {
                category: c.id.clone(),
                required: c.required,
                choice,
                from_signal,
            }
        })
        .collect();
    let signal_applied = choices.iter().any(|p| p.from_signal);
    Proposal {
        choices,
        signal_applied,
    }
}

/// Browser signals, recorded when they decide something.
impl ConsentHistory {
    /// Records what the browser's privacy signals decide, if anything.
    ///
    /// When `ctx.signals` decide a category the history does not already settle (see
    /// [`proposed_choices`]), appends a [`Method::BrowserSignal`] record under
    /// `policy.current` with the proposed choices and returns it. Returns `Ok(None)` when
    /// there is nothing to record, and also when the record would carry an earlier grant
    /// across a policy change that needs the learner's review ([`status`] gives a policy
    /// reason): then the banner must ask, pre-filled with the signal's refusals.
    pub fn honour_signals(
        &mut self,
        categories: &CategorySet,
        policy: &PolicyVersion,
        ctx: Context,
    ) -> Result<Option<&ConsentRecord>, RecordError> {
        let proposal = proposed_choices(self, categories, ctx.signals);
        if !proposal.signal_applied {
            return Ok(None);
        }
        let Some(choices) = proposal.complete_choices() else {
            return Ok(None);
        };
        let carries_grant = proposal
            .choices
            .iter()
            .any(|p| p.choice == Some(Choice::Granted) && !p.required);
        if carries_grant
            && let ConsentStatus::NeedsReconsent { reasons } = status(self, categories, policy)
            && reasons.iter().any(Reason::is_about_policy)
        {
            return Ok(None);
        }
        self.record(
            categories,
            &policy.current,
            ctx,
            Method::BrowserSignal,
            choices,
        )
        .map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::consent::history::is_granted;
    use crate::domain::consent::test_support::*;
    use crate::domain::consent::*;
    use Choice::{Denied, Granted};

    #[test]
    fn gpc_or_dnt_without_a_record_refuses_every_optional_category() {
        let cats = cats();
        for signals in [GPC, DNT, BOTH] {
            let p = proposed_choices(&ConsentHistory::default(), &cats, signals);
            assert!(p.signal_applied);
            for entry in &p.choices {
                if entry.required {
                    assert_eq!((entry.choice, entry.from_signal), (Some(Granted), false));
                } else {
                    assert_eq!((entry.choice, entry.from_signal), (Some(Denied), true));
                }
            }

            let mut h = ConsentHistory::default();
            let r = h
                .honour_signals(
                    &cats,
                    &versions("3"),
                    ctx(1, "2026-11-24T10:00:00Z", signals),
                )
                .unwrap()
                .expect("the signal is recorded")
                .clone();
            assert_eq!(r.method, Method::BrowserSignal);
            assert_eq!(r.signals, signals);
            assert_eq!(r.policy, policy("3"));
            for c in cats.optional() {
                assert_eq!(r.choice(&c.id), Some(Denied));
                assert!(!is_granted(&h, c));
            }
            // Recorded once: nothing left for the signal to decide, no banner needed.
            assert_eq!(status(&h, &cats, &versions("3")), ConsentStatus::Current);
            assert!(!proposed_choices(&h, &cats, signals).signal_applied);
            assert_eq!(
                h.honour_signals(
                    &cats,
                    &versions("3"),
                    ctx(2, "2026-11-24T11:00:00Z", signals)
                ),
                Ok(None)
            );
            assert_eq!(h.records.len(), 1);
        }
    }

    #[test]
    fn without_a_signal_nothing_is_decided_for_the_learner() {
        let cats = cats();
        let mut h = ConsentHistory::default();
        let p = proposed_choices(&h, &cats, Signals::NONE);
        assert!(!p.signal_applied);
        assert!(p.choices.iter().all(|e| e.required || e.choice.is_none()));
        assert_eq!(
            h.honour_signals(
                &cats,
                &versions("3"),
                ctx(1, "2026-11-24T10:00:00Z", Signals::NONE)
            ),
            Ok(None)
        );
        assert!(h.records.is_empty());
    }

    #[test]
    fn an_explicit_opt_in_while_the_signal_is_on_stays_granted() {
        let cats = cats();
        let pv = versions("3");
        let mut h = ConsentHistory::default();
        h.honour_signals(&cats, &pv, ctx(1, "2026-11-24T10:00:00Z", GPC))
            .unwrap();
        // The learner opens Privacy choices and switches Analytics on, GPC still on.
        h.record(
            &cats,
            &pv.current,
            ctx(2, "2026-11-24T10:05:00Z", GPC),
            Method::Preferences,
            [
                ("analytics", Granted),
                ("marketing", Denied),
                ("diagnostics", Denied),
                ("location", Denied),
            ],
        )
        .unwrap();
        let p = proposed_choices(&h, &cats, GPC);
        assert_eq!(p.choice("analytics"), Some(Granted));
        assert!(!p.signal_applied);
        assert_eq!(
            h.honour_signals(&cats, &pv, ctx(3, "2026-11-25T10:00:00Z", GPC)),
            Ok(None)
        );
        assert!(is_granted(&h, cat(&cats, "analytics")));

        // A category added later is refused by the signal; the opt-in is carried over.
        let mut more = cats.categories().to_vec();
        more.push(Category {
            id: "surveys".into(),
            title: "Surveys".into(),
            purposes: vec!["Asks you about your course.".into()],
            storage: vec!["kl_survey".into()],
            required: false,
            receipt: ReceiptTerms::default(),
        });
        let more = CategorySet::new(more).unwrap();
        let r = h
            .honour_signals(&more, &pv, ctx(4, "2026-11-26T10:00:00Z", GPC))
            .unwrap()
            .unwrap()
            .clone();
        assert_eq!(r.method, Method::BrowserSignal);
        assert_eq!(r.choice("surveys"), Some(Denied));
        assert_eq!(r.choice("analytics"), Some(Granted));
        assert_eq!(status(&h, &more, &pv), ConsentStatus::Current);
    }

    #[test]
    fn a_grant_from_before_the_signal_gives_way_to_it() {
        let cats = cats();
        let pv = versions("3");
        let mut h = ConsentHistory::default();
        h.record(
            &cats,
            &pv.current,
            ctx(1, "2026-11-24T10:00:00Z", Signals::NONE),
            Method::Banner,
            [
                ("analytics", Granted),
                ("marketing", Denied),
                ("diagnostics", Granted),
                ("location", Denied),
            ],
        )
        .unwrap();
        let p = proposed_choices(&h, &cats, GPC);
        assert!(p.signal_applied);
        let analytics = p
            .choices
            .iter()
            .find(|e| e.category == "analytics")
            .unwrap();
        assert_eq!(
            (analytics.choice, analytics.from_signal),
            (Some(Denied), true)
        );
        let marketing = p
            .choices
            .iter()
            .find(|e| e.category == "marketing")
            .unwrap();
        assert_eq!(
            (marketing.choice, marketing.from_signal),
            (Some(Denied), false)
        );

        let r = h
            .honour_signals(&cats, &pv, ctx(2, "2026-12-01T10:00:00Z", GPC))
            .unwrap()
            .unwrap()
            .clone();
        assert_eq!(r.method, Method::BrowserSignal);
        assert!(!is_granted(&h, cat(&cats, "analytics")));
        assert!(!is_granted(&h, cat(&cats, "diagnostics")));
        assert_eq!(h.records.len(), 2);

        // Switching the signal off later is not an opt-in.
        assert_eq!(
            proposed_choices(&h, &cats, Signals::NONE).choice("analytics"),
            Some(Denied)
        );

        // A grant given under DNT alone gives way when GPC appears as well.
        h.record(
            &cats,
            &pv.current,
            ctx(3, "2026-12-02T10:00:00Z", DNT),
            Method::Preferences,
            [
                ("analytics", Granted),
                ("marketing", Denied),
                ("diagnostics", Denied),
                ("location", Denied),
            ],
        )
        .unwrap();
        assert_eq!(
            proposed_choices(&h, &cats, DNT).choice("analytics"),
            Some(Granted)
        );
        assert_eq!(
            proposed_choices(&h, &cats, BOTH).choice("analytics"),
            Some(Denied)
        );
    }

    #[test]
    fn signals_do_not_carry_grants_across_a_material_change() {
        let old = small_set();
        let new = cats();
        let mut h = ConsentHistory::default();
        h.record(
            &old,
            &policy("1"),
            ctx(1, "2024-03-01T09:00:00Z", GPC),
            Method::Preferences,
            [("analytics", Granted), ("marketing", Denied)],
        )
        .unwrap();
        // The opt-in was knowing, but v2 changed what it means: the banner must ask.
        assert_eq!(
            h.honour_signals(&new, &versions("2"), ctx(2, "2025-06-02T09:00:00Z", GPC)),
            Ok(None)
        );
        let p = proposed_choices(&h, &new, GPC);
        assert_eq!(p.choice("analytics"), Some(Granted));
        assert_eq!(p.choice("location"), Some(Denied));
        assert!(p.signal_applied);

        // With nothing granted, refusals can be recorded under the new version.
        let mut h = ConsentHistory::default();
        h.record(
            &old,
            &policy("1"),
            ctx(1, "2024-03-01T09:00:00Z", Signals::NONE),
            Method::Banner,
            all_optional(&old, Denied),
        )
        .unwrap();
        let r = h
            .honour_signals(&new, &versions("2"), ctx(2, "2025-06-02T09:00:00Z", GPC))
            .unwrap()
            .unwrap()
            .clone();
        assert_eq!(r.policy, policy("2"));
        assert_eq!(r.choice("location"), Some(Denied));
    }
}
