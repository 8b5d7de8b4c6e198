//! stub

use crate::catalog::{Msg, Text};

pub(super) const TABLE: &[(Msg, Text)] = &[];
