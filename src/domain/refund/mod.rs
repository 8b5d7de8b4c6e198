//! Refund eligibility: "if this learner cancels or asks for a refund at instant T, is a full
//! refund due, and until when?"
//!
//! This module implements the contract in `shared/specs/refund.md` as pure Rust: no clock, no
//! I/O, no panics on any input. It runs natively in tests and in the browser through
//! WebAssembly, and the JS API (`evaluateRefund`) and the calculator UI go through it.
//!
//! * [`evaluate`] reads the contract's input JSON and returns a [`Decision`] or a
//!   [`RefundError`]; [`evaluate_str`] does the same from and to JSON text.
//! * [`RefundPolicy`] holds the rules as data. [`RefundPolicy::default`] is the product's
//!   Refund Policy and gives exactly the contract's results; a platform with other windows
//!   passes its own policy (see [`RefundPolicy::from_json`]) instead of forking the code.
//! * [`format_duration`] words the time left for the UI.
//!
//! # Files
//!
//! | file | what it holds |
//! |---|---|
//! | `kind.rs` | [`Kind`] and [`Via`]: what was bought and through which channel. |
//! | `policy.rs` | [`RefundPolicy`]: the rules as data, and the default policy. |
//! | `overrides.rs` | The policy as JSON: [`RefundPolicy::from_json`], [`RefundPolicy::with_overrides`], [`RefundPolicy::to_json`], [`policy_for`]. |
//! | `policy_error.rs` | [`PolicyError`]: why an override was refused. |
//! | `input.rs` | Reading the contract's input (the wire structs) into validated facts. |
//! | `error.rs` | [`RefundError`]: the contract's error codes and the learner's messages. |
//! | `engine.rs` | [`evaluate`] and [`evaluate_str`]: routing and judging. |
//! | `reason.rs` | The wording of each decision's explanation (English, the contract's). |
//! | `why.rs` | [`Why`]: the facts behind the explanation, for wording it in another language (`form::reason_in`). |
//! | `decision.rs` | [`Outcome`] and [`Decision`], and their JSON. |
//! | `duration.rs` | [`format_duration`]: time left for the UI. |
//! | `form/`, `local_time.rs` | The calculator's form as plain data; wall-clock times that occur twice or never. |
//! | `tests/` | The engine's tests against the contract, and its property tests. |
//!
//! ```
//! use serde_json::json;
//! use terms_widget::domain::refund::{evaluate, Outcome, RefundPolicy};
//! use terms_widget::domain::time::format_instant;
//!
//! let input = json!({
//!     "kind": "course",
//!     "paid_at": "2024-03-01T12:00:00Z",
//!     "now": "2024-03-10T12:00:00Z",
//! });
//! let decision = evaluate(&input, &RefundPolicy::default()).unwrap();
//! assert_eq!(decision.eligible, Some(true));
//! assert_eq!(decision.outcome, Outcome::FullRefund);
//! assert_eq!(format_instant(decision.deadline.unwrap()), "2024-03-15T12:00:00Z");
//! assert_eq!(decision.clause, "courses-and-specializations");
//! ```
//!
//! # Readings where the contract is silent
//!
//! These are decisions of this implementation; each has a test in `tests/`.
//!
//! * **Input that is not a JSON object** (an array, a string, `null`; or, for
//!   [`evaluate_str`], text that is not JSON at all) is `missing_field`: every required field
//!   is missing. [`RefundError::field`] is `None` for it, since no single field is at fault.
//! * **`null` for a required field** (`kind`, `paid_at`, `now`) is `missing_field`; `null` for
//!   an optional field is its default.
//! * **Wrong JSON types.** A timestamp field holding a number, bool, array or object is
//!   `invalid_timestamp`; `kind` / `via` holding a non-string is `unknown_kind` /
//!   `unknown_via`; `custom_window_days` holding anything but a JSON integer (a string, a bool,
//!   `3.5`, and also `3.0`, `1e2` and `-0`, which JSON parsers read as floating-point numbers)
//!   is `invalid_custom_window`. An integer that does not fit in 64 bits is read as a float by
//!   the JSON parser and is therefore `invalid_custom_window` too.
//! * **`pre_enrolled` / `honor_code_violation` that are not `true`, `false` or `null`** (e.g.
//!   the string `"true"`) are `missing_field`, with [`RefundError::field`] naming the field.
//!   The contract has no code for them; silently taking the default could turn a confirmed
//!   violation sent as `"true"` into a refund, and `missing_field` is the code that means "this
//!   field has no usable value". They are checked after the three required fields.
//! * **A window end after 9999-12-31T23:59:59Z** (a huge `custom_window_days` for `other`,
//!   or a payment in the last days of year 9999) cannot be written in the contract's timestamp form, and
//!   every instant the contract can express lies before it: the decision is eligible with
//!   `deadline: null`, like a window whose end is not known.
//! * **A certificate while the window's end is unknown** (pre-enrolled, no launch date): the
//!   certificate still closes the window at the instant it was earned.
//! * **Error objects** from [`evaluate_str`] carry `field` (the input field at fault, or `null`)
//!   and `message` (learner-friendly English) beside the contract's `error` code.

// Totality: the engine may not panic on any input, so the code outside tests may not unwrap,
// index or do arithmetic that can overflow.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic,
        clippy::arithmetic_side_effects
    )
)]

mod decision;
mod duration;
mod engine;
mod error;
pub mod form;
mod input;
mod kind;
pub mod local_time;
mod overrides;
mod policy;
mod policy_error;
mod reason;
mod sections;
mod why;

pub use decision::{Decision, Outcome};
pub use duration::format_duration;
pub use engine::{evaluate, evaluate_str};
pub use error::RefundError;
pub use kind::{Kind, Via};
pub use overrides::policy_for;
pub use policy::{
    ClauseIds, CustomWindow, DEFAULT_POLICY_EFFECTIVE, DEFAULT_POLICY_VERSION, KindPolicies,
    KindPolicy, KindTreatment, MAX_POLICY_WINDOW_DAYS, RefundPolicy, ViaPolicy, ViaTreatment,
};
pub use policy_error::PolicyError;
pub use why::{Basis, Ending, Why, Window};

#[cfg(test)]
mod tests;
