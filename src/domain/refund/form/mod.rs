//! The refund calculator's form as plain data: what the learner is asked, which questions
//! matter for which purchase, how the answers become the refund contract's input JSON, and
//! how the engine's errors are shown at the question they concern.
//!
//! Nothing here touches the browser. Times in the form are what an
//! `<input type="datetime-local">` holds (`YYYY-MM-DDTHH:MM`, wall-clock time in the
//! learner's time zone); turning them into UTC needs the browser's time-zone rules, so the
//! caller passes that conversion in (`platform::localtime::local_input_to_utc` in the
//! widget, a fixed offset in `tests.rs`).
//!
//! ```
//! use terms_widget::domain::refund::{Kind, Outcome, RefundPolicy};
//! use terms_widget::domain::refund::form::{parse_local_input, FormEdit, RefundForm};
//! use terms_widget::domain::time::parse_instant;
//!
//! // The learner's wall clock reads UTC here, to keep the example short.
//! let to_utc = |text: &str| parse_local_input(text).ok()?.as_if_utc();
//! let mut form = RefundForm::default();
//! form.apply(FormEdit::Kind(Kind::Course));
//! form.apply(FormEdit::PaidAt("2024-03-01T12:00".into()));
//! let now = parse_instant("2024-03-10T12:00:00Z").unwrap();
//! let (input, decision) = form.evaluate(now, &RefundPolicy::default(), to_utc).unwrap();
//! assert_eq!(input["paid_at"], "2024-03-01T12:00:00Z");
//! assert_eq!(decision.outcome, Outcome::FullRefund);
//! ```
//!
//! # Which questions are asked
//!
//! A question is shown only when its answer can change the result under the policy in use
//! ([`applies`]). With the default policy:
//!
//! | question | shown for |
//! |---|---|
//! | what, where, when paid | always |
//! | pre-enrolment and launch date | course, Specialization |
//! | certificate earned, and when | course, Specialization |
//! | shorter window stated at sign-up | course, Specialization |
//! | the window stated for the service | other service |
//! | free trial, and when it ends | the annual Plus subscription (a monthly subscription is never refunded, trial or not) |
//! | already cancelled / asked, and when | course, Specialization, Plus, other service |
//! | confirmed violation | course, Specialization, Plus, other service |
//!
//! When someone else decides (bought in an app store or through an organization, or a
//! degree or university certificate) only the first three questions are asked.
//!
//! # Words
//!
//! The labels, messages and headlines the learner reads come from the
//! [`Catalog`](crate::catalog::Catalog) passed in, so they name the bundle's platform and
//! can be in another language; this module decides which message applies. The reason
//! under the verdict is [`reason_in`]: the engine's English `Decision::reason` is the
//! refund contract's, so the card words the same facts (`Decision::why`) itself.

mod input;
mod local_input;
mod questions;
mod reason;
mod state;
mod timeline;
mod words;

pub use input::card_decision;
pub use local_input::{LocalDateTime, canonical_local_input, parse_local_input};
pub use questions::{FormField, applies, kind_label, via_label};
pub use reason::{reason_in, utc_when};
pub use state::{FormEdit, Problem, RefundForm};
pub use timeline::{Anchor, Mark, MarkKind, label_width, timeline};
pub use words::{
    card_message, clause_fragment, duration, form_message, headline, policy_line, section_title,
    tone,
};

#[cfg(test)]
mod tests;
