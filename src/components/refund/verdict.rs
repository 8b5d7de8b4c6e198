//! The verdict, shared by the calculator and the card: outcome, deadline, reason, rule.

use serde_json::Value;
use yew::prelude::*;

use crate::catalog::{Catalog, Msg};
use crate::components::parts::FragmentLink;
use crate::domain::refund::Decision;
use crate::domain::refund::form::{
    clause_fragment, headline, policy_line, reason_in, section_title, tone, utc_when,
};
use crate::domain::time::format_instant;
use crate::platform::language;

/// How much of the verdict to show.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Detail {
    /// Everything, with the reason (the calculator).
    Full,
    /// The headline, dates, time left, rule and policy (the card).
    Card,
}

/// How the answer's rule links into the Refund Policy.
#[derive(Clone, Copy)]
pub(super) struct RuleLinks<'a> {
    /// Called with `refund-policy/<clause>` when the learner opens the rule.
    pub on_open: &'a Callback<String>,
    /// Sections the policy lacks: named without a link.
    pub unlinked: &'a [String],
    /// The policy's headings as `(slug, text)`, to name a section as it is titled.
    pub titles: &'a [(String, String)],
}

/// The answer: headline, deadline in local time and UTC, time left, reason, the rule link
/// and the policy version.
pub(super) fn verdict_view(
    cat: &Catalog,
    input: &Value,
    decision: &Decision,
    zone: &str,
    rule: RuleLinks<'_>,
    detail: Detail,
) -> Html {
    let RuleLinks {
        on_open: on_open_clause,
        unlinked,
        titles,
    } = rule;
    // The section as the document the link opens titles it, else the catalog's name.
    let named = |clause: &str| {
        titles
            .iter()
            .find(|(slug, _)| slug == clause)
            .map_or_else(|| section_title(cat, clause), |(_, text)| text.clone())
    };
    let title = headline(cat, input, decision, |t| language::local_date_time(cat, t));
    let cancelled = input.get("cancelled_at").is_some_and(Value::is_string);
    let deadline = decision.deadline.map(|deadline| {
        let label = cat.text(if decision.eligible == Some(true) {
            Msg::WindowCloses
        } else {
            Msg::WindowClosed
        });
        html! {
            <div class="tw-refund-fact tw-refund-fact-deadline">
                <dt>{ label }</dt>
                <dd>
                    <time class="tw-refund-local" datetime={format_instant(deadline)}>
                        { language::local_date_time(cat, deadline) }
                    </time>
                    {" "}<span class="tw-refund-zone">{ cat.with(Msg::DeadlineZone, &[("zone", zone)]) }</span>
                    <br />
                    <span class="tw-refund-utc">{ language::utc_date_time(cat, deadline) }</span>
                </dd>
            </div>
        }
    });
    let left = decision.seconds_left.map(|seconds| {
        let duration = crate::domain::refund::form::duration(cat, seconds);
        let msg = if cancelled {
            Msg::DurationToSpare
        } else {
            Msg::DurationLeft
        };
        let words = cat.with(msg, &[("duration", &duration)]);
        html! {
            <div class="tw-refund-fact tw-refund-fact-left">
                <dt>{ cat.text(Msg::TimeLeft) }</dt>
                // Not announced on every clock tick: the region announces the verdict.
                <dd class="tw-refund-left" aria-live="off">{ words }</dd>
            </div>
        }
    });
    let judged = cancelled.then(|| {
        let (before, after) = cat.around(Msg::JudgedAtCancellation, &[], "time");
        html! {
            <div class="tw-refund-fact tw-refund-fact-asof">
                <dt>{ cat.text(Msg::JudgedAt) }</dt>
                <dd>
                    { before }
                    <time datetime={format_instant(decision.as_of)}>
                        { language::local_date_time(cat, decision.as_of) }
                    </time>
                    { after }
                </dd>
            </div>
        }
    });
    let facts = deadline.is_some() || left.is_some() || judged.is_some();
    let clause = decision.clause.clone();
    html! {
        <div class={classes!("tw-refund-verdict", format!("tw-refund-verdict-{}", tone(decision)))}
             data-outcome={decision.outcome.as_str()}>
            <p class="tw-refund-headline">{ title }</p>
            if facts {
                <dl class="tw-refund-facts">
                    { deadline }
                    { left }
                    { judged }
                </dl>
            }
            if detail == Detail::Full {
                <p class="tw-refund-reason" aria-live="off">{ reason_in(cat, decision, |t| utc_when(cat, t)) }</p>
            }
            <p class="tw-refund-rule">
                if unlinked.contains(&clause) {
                    // The Refund Policy has no such section (a bundle problem): no dead link.
                    { cat.with(Msg::RuleNamed, &[("section", &named(&clause))]) }
                } else {
                    <FragmentLink
                        fragment={clause_fragment(&clause)}
                        on_fragment={on_open_clause.clone()}
                        class={classes!("tw-refund-rule-link")}
                    >
                        { cat.with(Msg::ReadTheRule, &[("section", &named(&clause))]) }
                    </FragmentLink>
                }
            </p>
            <p class="tw-refund-policy">{ policy_line(cat, decision) }</p>
        </div>
    }
}
