//! The acceptance model's tests beyond each file's own: the pending rules per scope, the
//! history and its merge, and the store's decoding of corrupt and foreign values.

mod history;
mod pending;
mod receipt;
mod storage;
