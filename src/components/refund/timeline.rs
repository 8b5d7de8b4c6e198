//! The timeline drawing under a verdict: the purchase's moments, placed on one line.

use serde_json::Value;
use yew::prelude::*;

use crate::catalog::{Catalog, Msg};
use crate::domain::refund::Decision;
use crate::domain::refund::form::{Mark, MarkKind, timeline};
use crate::platform::language;

/// A small drawing of the moments that decided the answer, with the same in words.
pub(super) fn timeline_view(cat: &Catalog, input: &Value, decision: &Decision) -> Html {
    const WIDTH: f64 = 480.0;
    const MARGIN: f64 = 12.0;
    const AXIS: f64 = 62.0;
    let marks = timeline(cat, input, decision, WIDTH, MARGIN);
    if marks.len() < 2 {
        return html! {};
    }
    let x_of = |kind| marks.iter().find(|m: &&Mark| m.kind == kind).map(|m| m.x);
    let paid_x = x_of(MarkKind::Paid).unwrap_or(MARGIN);
    let window = match (decision.deadline, decision.eligible) {
        (Some(_), _) => x_of(MarkKind::Deadline).map(|end| (end, "tw-refund-tl-window")),
        // Open, with no end known yet: runs off the right edge.
        (None, Some(true)) => Some((WIDTH, "tw-refund-tl-window tw-refund-tl-window-open")),
        (None, _) => None,
    };
    let words: Vec<String> = marks
        .iter()
        .map(|m| {
            let time = language::local_date_time(cat, m.at);
            cat.with(
                Msg::TimelineMoment,
                &[("mark", &m.kind.label(cat)), ("time", &time)],
            )
        })
        .collect();
    let moments = words.join(&cat.text(Msg::TimelineMomentSeparator));
    let label = cat.with(Msg::TimelineLabel, &[("moments", &moments)]);
    let label_y = |row: u8| match row {
        0 => AXIS - 16.0,
        1 => AXIS + 28.0,
        2 => AXIS - 36.0,
        _ => AXIS + 48.0,
    };
    html! {
        <figure class="tw-refund-timeline">
            <svg class="tw-refund-tl" viewBox="0 0 480 120" role="img" aria-label={label}
                 focusable="false" preserveAspectRatio="xMidYMid meet">
                <line class="tw-refund-tl-axis" x1="0" x2={WIDTH.to_string()}
                      y1={AXIS.to_string()} y2={AXIS.to_string()} stroke="currentColor" />
                if let Some((end, class)) = window {
                    <rect class={class} x={format!("{paid_x:.1}")} y={(AXIS - 5.0).to_string()}
                          width={format!("{:.1}", (end - paid_x).max(2.0))} height="10" rx="3" />
                }
                { for marks.iter().map(|m| {
                    let x = format!("{:.1}", m.x);
                    let y = label_y(m.row);
                    let (tick_from, tick_to) = if y < AXIS { (y + 4.0, AXIS) } else { (AXIS, y - 12.0) };
                    html! {
                        <g class={classes!("tw-refund-tl-mark", format!("tw-refund-tl-{}", m.kind.class()))}>
                            <line class="tw-refund-tl-tick" x1={x.clone()} x2={x.clone()}
                                  y1={format!("{tick_from:.1}")} y2={format!("{tick_to:.1}")} stroke="currentColor" />
                            <circle class="tw-refund-tl-dot" cx={x.clone()} cy={AXIS.to_string()} r="5" />
                            <text class="tw-refund-tl-label" x={x} y={format!("{y:.1}")}
                                  text-anchor={m.anchor.as_str()}>{ m.kind.label(cat) }</text>
                        </g>
                    }
                }) }
            </svg>
            <figcaption class="tw-refund-timeline-caption">
                { cat.text(Msg::TimelineCaption) }
            </figcaption>
        </figure>
    }
}
