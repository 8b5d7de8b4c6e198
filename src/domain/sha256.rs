//! SHA-256 (FIPS 180-4), small and dependency-free.
//!
//! Consent records keep the SHA-256 of the exact privacy-policy text the learner was
//! shown, so that later anyone can check which words they agreed to. This module is the
//! whole hash: one streaming [`Sha256`] and the one-shot helpers [`sha256`] and
//! [`sha256_hex`]. It is checked against the FIPS 180-4 example vectors in its tests.
//!
//! ```
//! use terms_widget::domain::sha256::{sha256_hex, Sha256};
//!
//! assert_eq!(
//!     sha256_hex(b"abc"),
//!     "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
//! );
//!
//! // Feeding the input in pieces gives the same digest as hashing it at once.
//! let mut h = Sha256::new();
//! h.update(b"a");
//! h.update(b"bc");
//! assert_eq!(h.finalize_hex(), sha256_hex(b"abc"));
//! ```
//!
//! Not constant-time and not meant for secrets: it fingerprints public documents.

/// Length of a digest in bytes.
pub const DIGEST_LEN: usize = 32;

/// Length of a digest written as lowercase hexadecimal.
pub const HEX_LEN: usize = 64;

/// Round constants: the first 32 bits of the fractional parts of the cube roots of the
/// first 64 primes (FIPS 180-4, §4.2.2).
const K: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

/// Initial hash value: the first 32 bits of the fractional parts of the square roots of
/// the first 8 primes (FIPS 180-4, §5.3.3).
const H0: [u32; 8] = [
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];

/// A SHA-256 computation in progress: feed it bytes with [`update`](Sha256::update), then
/// take the digest with [`finalize`](Sha256::finalize).
///
/// ```
/// use terms_widget::domain::sha256::Sha256;
///
/// let mut h = Sha256::new();
/// h.update(b"Privacy ");
/// h.update(b"Policy");
/// assert_eq!(h.finalize(), terms_widget::domain::sha256::sha256(b"Privacy Policy"));
/// ```
#[derive(Debug, Clone)]
pub struct Sha256 {
    state: [u32; 8],
    /// Bytes waiting for a full 64-byte block.
    buffer: [u8; 64],
    /// How many bytes of `buffer` are in use (always < 64 between calls).
    buffered: usize,
    /// Total message length so far, in bytes (wrapping; SHA-256 is defined mod 2^64 bits).
    length: u64,
}

impl Default for Sha256 {
    fn default() -> Self {
        Sha256::new()
    }
}

impl Sha256 {
    /// A fresh computation, as for the empty message.
    pub fn new() -> Sha256 {
        Sha256 {
            state: H0,
            buffer: [0; 64],
            buffered: 0,
            length: 0,
        }
    }

    /// Feeds more of the message. Calling it several times is the same as calling it once
    /// with the pieces joined.
    pub fn update(&mut self, mut data: &[u8]) {
        self.length = self.length.wrapping_add(data.len() as u64);
        if self.buffered > 0 {
            let take = (64 - self.buffered).min(data.len());
            self.buffer[self.buffered..self.buffered + take].copy_from_slice(&data[..take]);
            self.buffered += take;
            data = &data[take..];
            if self.buffered < 64 {
                return;
            }
            let block = self.buffer;
            compress(&mut self.state, &block);
            self.buffered = 0;
        }
        let mut blocks = data.chunks_exact(64);
        for block in &mut blocks {
            // `chunks_exact(64)` yields 64-byte slices, so the conversion cannot fail.
            if let Ok(block) = <&[u8; 64]>::try_from(block) {
                compress(&mut self.state, block);
            }
        }
        let rest = blocks.remainder();
        self.buffer[..rest.len()].copy_from_slice(rest);
        self.buffered = rest.len();
    }

    /// Finishes the computation and returns the 32-byte digest.
    pub fn finalize(mut self) -> [u8; DIGEST_LEN] {
        let bit_length = self.length.wrapping_mul(8);
        // Padding: one 1 bit, zeros up to 56 mod 64 bytes, then the length in bits.
        let mut padding = [0u8; 72];
        padding[0] = 0x80;
        let zeros = if self.buffered < 56 {
            55 - self.buffered
        } else {
            119 - self.buffered
        };
        padding[1 + zeros..9 + zeros].copy_from_slice(&bit_length.to_be_bytes());
        let length = self.length;
        self.update(&padding[..9 + zeros]);
        self.length = length;
        debug_assert_eq!(self.buffered, 0);

        let mut out = [0u8; DIGEST_LEN];
        for (chunk, word) in out.chunks_exact_mut(4).zip(self.state) {
            chunk.copy_from_slice(&word.to_be_bytes());
        }
        out
    }

    /// Finishes the computation and returns the digest as 64 lowercase hex digits.
    pub fn finalize_hex(self) -> String {
        to_hex(&self.finalize())
    }
}

/// Processes one 64-byte block (FIPS 180-4, §6.2.2).
fn compress(state: &mut [u32; 8], block: &[u8; 64]) {
    let mut w = [0u32; 64];
    for (t, word) in block.chunks_exact(4).enumerate() {
        w[t] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
    }
    for t in 16..64 {
        let s0 = w[t - 15].rotate_right(7) ^ w[t - 15].rotate_right(18) ^ (w[t - 15] >> 3);
        let s1 = w[t - 2].rotate_right(17) ^ w[t - 2].rotate_right(19) ^ (w[t - 2] >> 10);
        w[t] = w[t - 16]
            .wrapping_add(s0)
            .wrapping_add(w[t - 7])
            .wrapping_add(s1);
    }

    let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut h] = *state;
    for t in 0..64 {
        let big_s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
        let ch = (e & f) ^ (!e & g);
        let t1 = h
            .wrapping_add(big_s1)
            .wrapping_add(ch)
            .wrapping_add(K[t])
            .wrapping_add(w[t]);
        let big_s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
        let maj = (a & b) ^ (a & c) ^ (b & c);
        let t2 = big_s0.wrapping_add(maj);
        h = g;
        g = f;
        f = e;
        e = d.wrapping_add(t1);
        d = c;
        c = b;
        b = a;
        a = t1.wrapping_add(t2);
    }
    for (s, v) in state.iter_mut().zip([a, b, c, d, e, f, g, h]) {
        *s = s.wrapping_add(v);
    }
}

/// The SHA-256 digest of `data`.
pub fn sha256(data: &[u8]) -> [u8; DIGEST_LEN] {
    let mut h = Sha256::new();
    h.update(data);
    h.finalize()
}

/// The SHA-256 digest of `data` as 64 lowercase hexadecimal digits.
///
/// ```
/// use terms_widget::domain::sha256::sha256_hex;
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
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    out
}

/// Is `text` a SHA-256 digest written as exactly 64 lowercase hexadecimal digits?
///
/// ```
/// use terms_widget::domain::sha256::{is_hex_digest, sha256_hex};
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
        let mut h = Sha256::new();
        let chunk = [b'a'; 1000];
        for _ in 0..1000 {
            h.update(&chunk);
        }
        let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
        assert_eq!(h.finalize_hex(), expected);
        assert_eq!(sha256_hex(&vec![b'a'; 1_000_000]), expected);
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
        fn deterministic_and_incremental_equals_one_shot(
            data in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..600),
            cuts in proptest::collection::vec(0usize..600, 0..8),
        ) {
            let once = sha256(&data);
            proptest::prop_assert_eq!(once, sha256(&data));
            let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(data.len())).collect();
            cuts.sort_unstable();
            let mut h = Sha256::new();
            let mut from = 0;
            for cut in cuts {
                h.update(&data[from..cut]);
                from = cut;
            }
            h.update(&data[from..]);
            proptest::prop_assert_eq!(h.finalize(), once);
        }

        #[test]
        fn different_inputs_differ(a in ".{0,40}", b in ".{0,40}") {
            proptest::prop_assume!(a != b);
            proptest::prop_assert_ne!(sha256_hex(a.as_bytes()), sha256_hex(b.as_bytes()));
        }
    }
}
