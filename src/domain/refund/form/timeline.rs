//! The timeline: the moments of a purchase, placed and spread so their labels fit.

use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::catalog::{Catalog, Msg};
use crate::domain::refund::Decision;
use crate::domain::time::parse_instant;

/// A moment on the refund timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MarkKind {
    /// The payment.
    Paid,
    /// The launch (pre-enrolled only).
    Launch,
    /// The certificate.
    Certificate,
    /// The cancellation or request.
    Cancelled,
    /// The end of the refund window.
    Deadline,
    /// The current time.
    Now,
}

impl MarkKind {
    /// A one-word or two-word label for the drawing.
    pub fn label(self, cat: &Catalog) -> String {
        cat.text(match self {
            MarkKind::Paid => Msg::MarkPaid,
            MarkKind::Launch => Msg::MarkLaunch,
            MarkKind::Certificate => Msg::MarkCertificate,
            MarkKind::Cancelled => Msg::MarkCancelled,
            MarkKind::Deadline => Msg::MarkDeadline,
            MarkKind::Now => Msg::MarkNow,
        })
    }

    /// The CSS class suffix, e.g. `"deadline"`.
    pub fn class(self) -> &'static str {
        match self {
            MarkKind::Paid => "paid",
            MarkKind::Launch => "launch",
            MarkKind::Certificate => "certificate",
            MarkKind::Cancelled => "cancelled",
            MarkKind::Deadline => "deadline",
            MarkKind::Now => "now",
        }
    }
}

/// Where a label sits relative to its mark (SVG `text-anchor`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Anchor {
    /// The label starts at the mark (near the left edge).
    Start,
    /// The label is centred on the mark.
    Middle,
    /// The label ends at the mark (near the right edge).
    End,
}

impl Anchor {
    /// The SVG `text-anchor` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// A moment placed on the drawing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mark {
    /// What happened.
    pub kind: MarkKind,
    /// When.
    pub at: DateTime<Utc>,
    /// Horizontal position, between `margin` and `width - margin` (see [`timeline`]).
    pub x: f64,
    /// Label row: 0 and 2 above the line, 1 and 3 below, so close labels do not overlap.
    pub row: u8,
    /// How the label is anchored, so it stays inside `0..width`.
    pub anchor: Anchor,
}

/// Approximate width of a label in drawing units, for a font of about 13 units.
/// (in `cat`'s words).
pub fn label_width(cat: &Catalog, kind: MarkKind) -> f64 {
    kind.label(cat).chars().count() as f64 * 7.5 + 10.0
}

/// The moments of a decision worth drawing, in time order, placed between `margin` and
/// `width - margin`: payment, launch (when pre-enrolled), certificate, cancellation, deadline
/// and now, whichever the input and decision have. Labels are anchored to stay inside
/// `0..width` and spread over four rows so they do not overlap. Empty when the input has no
/// readable payment.
pub fn timeline(
    cat: &Catalog,
    input: &Value,
    decision: &Decision,
    width: f64,
    margin: f64,
) -> Vec<Mark> {
    let at = |field: &str| {
        input
            .get(field)
            .and_then(Value::as_str)
            .and_then(|text| parse_instant(text).ok())
    };
    let Some(paid) = at("paid_at") else {
        return Vec::new();
    };
    let mut moments = vec![(MarkKind::Paid, paid)];
    if input.get("pre_enrolled") == Some(&Value::Bool(true))
        && let Some(launch) = at("launch_at")
    {
        moments.push((MarkKind::Launch, launch));
    }
    if let Some(t) = at("certificate_earned_at") {
        moments.push((MarkKind::Certificate, t));
    }
    if let Some(t) = at("cancelled_at") {
        moments.push((MarkKind::Cancelled, t));
    }
    if let Some(t) = decision.deadline {
        moments.push((MarkKind::Deadline, t));
    }
    if let Some(t) = at("now") {
        moments.push((MarkKind::Now, t));
    }
    moments.sort_by_key(|(kind, t)| (*t, *kind));

    let first = moments.first().map_or(0, |(_, t)| t.timestamp());
    let last = moments.last().map_or(0, |(_, t)| t.timestamp());
    let span = (last.saturating_sub(first)).max(1) as f64;
    let width = width.max(0.0);
    let inner = (width - 2.0 * margin).max(0.0);
    let mut row_ends = [f64::NEG_INFINITY; 4];
    moments
        .into_iter()
        .map(|(kind, t)| {
            let x = margin + (t.timestamp().saturating_sub(first)) as f64 / span * inner;
            let w = label_width(cat, kind);
            let (anchor, from, to) = if x - w / 2.0 < 0.0 {
                (Anchor::Start, x, x + w)
            } else if x + w / 2.0 > width {
                (Anchor::End, x - w, x)
            } else {
                (Anchor::Middle, x - w / 2.0, x + w / 2.0)
            };
            let row = (0..4u8)
                .find(|&r| row_ends.get(usize::from(r)).is_some_and(|end| *end < from))
                .unwrap_or(0);
            if let Some(end) = row_ends.get_mut(usize::from(row)) {
                *end = to;
            }
            Mark {
                kind,
                at: t,
                x,
                row,
                anchor,
            }
        })
        .collect()
}
