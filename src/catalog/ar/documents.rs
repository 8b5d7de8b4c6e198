//! Arabic: the documents area (the same keys as `en/documents.rs`, in the same order).

use crate::catalog::Msg::{self, *};
use crate::catalog::Text::{self, Plain};

pub(super) const TABLE: &[(Msg, Text)] = &[];
