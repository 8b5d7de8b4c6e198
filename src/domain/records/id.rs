//! Record ids: UUIDs in lowercase canonical text form.

use std::fmt;

use serde::Serialize;

use super::sha256::sha256;

/// A record's id: a UUID in lowercase canonical text form.
///
/// ```
/// use terms_widget::domain::consent::RecordId;
/// let id = RecordId::from_random_bytes(&[0xff; 16]);
/// assert_eq!(id.as_str(), "ffffffff-ffff-4fff-bfff-ffffffffffff");
/// assert_eq!(RecordId::parse("FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF"), Some(id));
/// assert_eq!(RecordId::parse("not-a-uuid"), None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct RecordId(String);

impl From<uuid::Uuid> for RecordId {
    fn from(id: uuid::Uuid) -> RecordId {
        RecordId(id.hyphenated().to_string())
    }
}

impl RecordId {
    /// A UUID version 4 (random) from 16 random bytes the caller supplies (in the browser:
    /// `crypto.getRandomValues`). The version and variant bits are set as RFC 9562 says
    /// (by the `uuid` crate); the other 122 bits come from `bytes`.
    pub fn from_random_bytes(bytes: &[u8; 16]) -> RecordId {
        RecordId::from(uuid::Builder::from_random_bytes(*bytes).into_uuid())
    }

    /// A UUID version 8 derived from `content` by SHA-256: the same content always gives
    /// the same id. Used for records migrated from v1, which had no id.
    pub fn derived_from(content: &[u8]) -> RecordId {
        let digest = sha256(content);
        let mut bytes = [0u8; 16];
        bytes.copy_from_slice(&digest[..16]);
        RecordId::from(uuid::Builder::from_custom_bytes(bytes).into_uuid())
    }

    /// Reads a UUID in canonical text form (`8-4-4-4-12` hex digits, any version, either
    /// case); the id keeps the lowercase form. Other forms `uuid` accepts (braced, URN,
    /// without hyphens) are refused: stored ids are always canonical.
    pub fn parse(text: &str) -> Option<RecordId> {
        if text.len() != 36 {
            return None;
        }
        uuid::Uuid::try_parse(text).ok().map(RecordId::from)
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_ids_are_uuids() {
        assert_eq!(
            RecordId::from_random_bytes(&[0; 16]).as_str(),
            "00000000-0000-4000-8000-000000000000"
        );
        let bytes: [u8; 16] = std::array::from_fn(|i| i as u8);
        let id = RecordId::from_random_bytes(&bytes);
        assert_eq!(id.as_str(), "00010203-0405-4607-8809-0a0b0c0d0e0f");
        assert_eq!(RecordId::parse(id.as_str()), Some(id.clone()));
        assert_eq!(
            RecordId::parse("00010203-0405-4607-8809-0A0B0C0D0E0F"),
            Some(id)
        );
        for bad in [
            "",
            "00010203-0405-4607-8809-0a0b0c0d0e0",
            "00010203-0405-4607-8809-0a0b0c0d0e0g",
            "000102030-405-4607-8809-0a0b0c0d0e0f",
            "00010203x0405-4607-8809-0a0b0c0d0e0f",
            "00010203-0405-4607-8809-0a0b0c0d0eé",
            "{00010203-0405-4607-8809-0a0b0c0d0e}",
        ] {
            assert_eq!(RecordId::parse(bad), None, "{bad}");
        }
        let derived = RecordId::derived_from(b"content");
        assert_eq!(derived, RecordId::derived_from(b"content"));
        assert_ne!(derived, RecordId::derived_from(b"content!"));
        assert_eq!(&derived.as_str()[14..15], "8", "version 8");
        assert!("89ab".contains(&derived.as_str()[19..20]), "RFC variant");
    }
}
