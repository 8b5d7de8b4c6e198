//! The acceptance elements' components: `<terms-signup>` ([`SignupApp`]) and
//! `<terms-honor-code>` ([`HonorCodeApp`]), on the model in
//! [`crate::domain::acceptance`] and the store in
//! [`crate::platform::acceptance_store`].

pub mod common;
pub mod honor_code;
pub mod signup_app;
pub mod steps;

pub use honor_code::{HonorCodeApp, HonorCodeAppProps};
pub use signup_app::{SignupApp, SignupAppProps};
