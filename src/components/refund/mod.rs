//! The refund calculator and the refund verdict card.
//!
//! * [`RefundCalculator`]: the learner says what they bought, where and when they paid, and
//!   answers only the questions that matter for that purchase; the answer updates as they
//!   type, with the deadline in their own time and in UTC, the time left, the reason, the
//!   rule it comes from and the policy version.
//! * [`RefundVerdictCard`]: course-page mode, the answer alone for contract input the host
//!   page gives (JSON text).
//!
//! Both go through the refund engine ([`crate::domain::refund`]) by way of the form model
//! ([`crate::domain::refund::form`]); the browser's clock and time zone come from
//! [`crate::platform::localtime`]; the words from the catalog in context
//! ([`super::use_catalog`]). "Now" is read when the component mounts, on every edit,
//! and every 30 seconds. Styles: `styles/refund.css` (`tw-refund-…` classes; no inline
//! styles anywhere, including the timeline drawing).

use chrono::{DateTime, Utc};
use gloo_timers::callback::Interval;
use yew::prelude::*;

use crate::platform::localtime;

mod calculator;
mod card;
mod timeline;
mod verdict;

pub use calculator::{RefundCalculator, RefundCalculatorProps};
pub use card::{RefundVerdictCard, RefundVerdictCardProps};

/// How often "now" is read again while a calculator or card is shown.
const REFRESH_MS: u32 = 30_000;

/// The current instant, read on mount and every [`REFRESH_MS`]; the interval is cleared
/// when the component unmounts. The handle can also be set to read the clock on an edit.
#[hook]
fn use_now() -> UseStateHandle<DateTime<Utc>> {
    let now = use_state_eq(localtime::now);
    {
        let setter = now.setter();
        use_effect_with((), move |_| {
            let interval = Interval::new(REFRESH_MS, move || setter.set(localtime::now()));
            move || drop(interval)
        });
    }
    now
}
