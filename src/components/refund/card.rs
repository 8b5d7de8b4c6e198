//! The verdict card (course-page mode): the answer alone, for contract input the host
//! page gives.

use std::rc::Rc;

use yew::prelude::*;

use crate::catalog::Msg;
use crate::components::use_catalog;
use crate::domain::refund::RefundPolicy;
use crate::domain::refund::form::{card_decision, card_message};
use crate::platform::localtime;

use super::use_now;
use super::verdict::{Detail, RuleLinks, verdict_view};

/// Props of [`RefundVerdictCard`].
#[derive(Properties, PartialEq, Clone)]
pub struct RefundVerdictCardProps {
    /// The contract's input as JSON text, e.g.
    /// `{"kind":"course","paid_at":"2024-05-01T13:30:00Z"}`. `now` may be left out (or
    /// `null`): the card then judges at the current time and keeps it up to date.
    pub input: AttrValue,
    /// The rules to apply (usually `RefundPolicy::default()`).
    pub policy: Rc<RefundPolicy>,
    /// Called with `refund-policy/<clause>` when the learner opens the rule.
    pub on_open_clause: Callback<String>,
    /// Sections the rules name that the Refund Policy lacks: an answer resting on one shows
    /// the rule's name without a link (the bundle problem says why).
    #[prop_or_default]
    pub unlinked: Rc<Vec<String>>,
    /// The Refund Policy's section headings as `(slug, text)`: "Read the rule: …" names
    /// a section as the document the link opens titles it (else by the catalog).
    #[prop_or_default]
    pub section_titles: Rc<Vec<(String, String)>>,
}

/// Course-page mode: the answer alone ("Full refund available until … your time", the
/// deadline in UTC, time left, the rule and the policy version), or a clear message naming
/// the field at fault when the input is refused. Never panics, whatever the text.
#[component]
pub fn RefundVerdictCard(props: &RefundVerdictCardProps) -> Html {
    let now = use_now();
    let zone = use_memo((), |_| localtime::time_zone_name());
    let cat = use_catalog();
    let label = cat.text(Msg::CardLabel);
    match card_decision(&props.input, *now, &props.policy) {
        Ok((input, decision)) => html! {
            // A group, not a region: several cards on one course page would repeat the
            // landmark's name.
            <div class="tw-refund-card" role="group" aria-label={label} aria-live="polite">
                { verdict_view(&cat, &input, &decision, &zone, RuleLinks {
                    on_open: &props.on_open_clause,
                    unlinked: &props.unlinked,
                    titles: &props.section_titles,
                }, Detail::Card) }
            </div>
        },
        Err(error) => html! {
            <div class="tw-refund-card tw-refund-card-error" role="group" aria-label={label}
                     data-code={error.code()} data-field={error.field()}>
                <p class="tw-refund-headline">{ cat.text(Msg::CardFailed) }</p>
                <p class="tw-refund-card-message">{ card_message(&error) }</p>
            </div>
        },
    }
}
