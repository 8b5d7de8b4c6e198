//! SHA-256 of documents, by the RustCrypto [`sha2`] crate.
//!
//! Consent records keep the SHA-256 of the exact privacy-policy text the learner was
//! shown, so that later anyone can check which words they agreed to. The hash itself is
//! [`sha2::Sha256`]; this module holds the few helpers the records need: the one-shot
//! [`sha256`] and [`sha256_hex`], lowercase hex with [`to_hex`], and the check
//! [`is_hex_digest`]. Its tests pin our wrapper to the FIPS 180-4 example vectors.
//!
//! ```
//! use terms_widget::domain::records::sha256::sha256_hex;
//!
//! assert_eq!(
//!     sha256_hex(b"abc"),
//!     "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
//! );
//! ```
//!
//! It fingerprints public documents; nothing here is secret.

use std::fmt::Write as _;

use sha2::{Digest, Sha256};

/// Length of a digest in bytes.
pub const DIGEST_LEN: usize = 32;

/// Length of a digest written as lowercase hexadecimal.
pub const HEX_LEN: usize = 64;

/// The SHA-256 digest of `data`.
pub fn sha256(data: &[u8]) -> [u8; DIGEST_LEN] {
    Sha256::digest(data).into()
}

/// The SHA-256 digest of `data` as 64 lowercase hexadecimal digits.
///
/// ```
/// use terms_widget::domain::records::sha256::sha256_hex;
/// assert_eq!(
///     sha256_hex(b""),
///     "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
/// );
/// ```
pub fn sha256_hex(data: &[u8]) -> String {
    to_hex(&sha256(data))
}

/// Writes bytes as lowercase hexadecimal, two digits per byte.
pub fn to_hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut out, b| {
            // Writing to a `String` cannot fail.
            let _ = write!(out, "{b:02x}");
            out
        })
}

/// Is `text` a SHA-256 digest written as exactly 64 lowercase hexadecimal digits?
///
/// ```
/// use terms_widget::domain::records::sha256::{is_hex_digest, sha256_hex};
/// assert!(is_hex_digest(&sha256_hex(b"x")));
/// assert!(!is_hex_digest("ABC"));
/// ```
pub fn is_hex_digest(text: &str) -> bool {
    text.len() == HEX_LEN
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example vectors of FIPS 180-4 / NIST CSRC "SHA256.pdf" and "SHA2_Additional".
    #[test]
    fn fips_180_4_vectors() {
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        // The 448-bit message.
        assert_eq!(
            sha256_hex(b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
        // The 896-bit message.
        assert_eq!(
            sha256_hex(
                b"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
            ),
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        );
    }

    #[test]
    fn one_million_a() {
        assert_eq!(
            sha256_hex(&vec![b'a'; 1_000_000]),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        );
    }

    /// A document body (Markdown, with non-ASCII quotes, over several blocks) hashed
    /// here and, independently, by `sha256sum`, Python's `hashlib` and `openssl dgst`.
    #[test]
    fn a_document_body_matches_an_independent_hash() {
        let body = concat!(
            "## Who we are\n\n",
            "Kestrel Learning (\u{201c}Kestrel\u{201d}, \u{201c}we\u{201d}, \u{201c}us\u{201d}) ",
            "runs an online learning platform offering courses, specializations, guided ",
            "projects and subscriptions.\n\n",
            "- Email: privacy@kestrel-learning.example\n",
            "- Post: 400 Alder Street, Suite 12, Portland, OR 97204, USA\n",
        );
        assert_eq!(body.len(), 274);
        let want = "0e0fb1f90f8e330065fab71c56d5fc2edf29a84749727f1654ae129a34a918aa";
        assert_eq!(sha256_hex(body.as_bytes()), want);
        let policy = crate::domain::consent::PolicyRef::for_text("privacy-policy", "3", body);
        assert_eq!(policy.sha256.as_deref(), Some(want));
    }

    /// Lengths around the padding boundaries (55/56 bytes fit one block or need two),
    /// checked against `sha256sum`.
    #[test]
    fn padding_boundaries() {
        let cases = [
            (
                55,
                "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072",
            ),
            (
                56,
                "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e",
            ),
            (
                63,
                "75220b47218278e656f2013bb8f0c455a25eaf01e86c64924e9d48d89776d6f2",
            ),
            (
                64,
                "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c",
            ),
            (
                65,
                "9537c5fdf120482f7d58d25e9ed583f52c02b4e304ea814db1633ad565aed7e9",
            ),
            (
                119,
                "000b48d4edf0fa7bee3c6236ecd2785baa5db4eeb8bb54341b029e0d9fa5fb0c",
            ),
            (
                120,
                "13f05a0b594787f5ecd315edc96141bd3243203d1b7d4f0836f37308b276ba98",
            ),
            (
                127,
                "70156a14adbabf98cff3a71c7084b417abf057a8efd27329ca36b7202c87d81f",
            ),
            (
                128,
                "24da1b81d0b16df6428eee73c69fcb2a93c76bc6df706f0c6670fe6bfe800464",
            ),
        ];
        for (n, want) in cases {
            assert_eq!(sha256_hex(&vec![b'x'; n]), want, "{n} bytes");
        }
    }

    #[test]
    fn hex_helpers() {
        assert_eq!(to_hex(&[0x00, 0x0f, 0xa0, 0xff]), "000fa0ff");
        assert_eq!(to_hex(&[]), "");
        assert!(is_hex_digest(&"0".repeat(64)));
        assert!(!is_hex_digest(&"0".repeat(63)));
        assert!(!is_hex_digest(&"A".repeat(64)));
        assert!(!is_hex_digest(&"g".repeat(64)));
    }

    proptest::proptest! {
        #[test]
        fn deterministic_and_well_formed(
            data in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..600),
        ) {
            let hex = sha256_hex(&data);
            proptest::prop_assert_eq!(&hex, &sha256_hex(&data));
            proptest::prop_assert!(is_hex_digest(&hex));
            proptest::prop_assert_eq!(hex, to_hex(&sha256(&data)));
        }

        #[test]
        fn different_inputs_differ(a in ".{0,40}", b in ".{0,40}") {
            proptest::prop_assume!(a != b);
            proptest::prop_assert_ne!(sha256_hex(a.as_bytes()), sha256_hex(b.as_bytes()));
        }
    }
}
