//! A fixed hash for identities that leave the process: calendar UIDs,
//! the content hashes that decide whether an event changed, SARIF
//! fingerprints. Unlike std's `DefaultHasher` (randomly keyed, and free to
//! change between Rust releases) it gives the same value on every run,
//! machine and version, so it may be written into files.
//!
//! The algorithm is FNV-1a (<http://www.isthe.com/chongo/tech/comp/fnv/>),
//! 128-bit, over each part preceded by its length as 8 little-endian
//! bytes, so that no two lists of parts hash alike by concatenation
//! (`["ab", "c"]` and `["a", "bc"]` differ). It is not cryptographic: it
//! names things, it does not protect them. Changing it changes every UID
//! and fingerprint stride has written, so it never changes.

const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;

/// The 128-bit FNV-1a hash of the length-prefixed `parts`.
pub(crate) fn hash128(parts: &[&str]) -> u128 {
    let mut hash = OFFSET;
    for part in parts {
        let len = (part.len() as u64).to_le_bytes();
        for byte in len.iter().chain(part.as_bytes()) {
            hash ^= u128::from(*byte);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    hash
}

/// [`hash128`] as 32 lowercase hexadecimal digits.
pub(crate) fn hex(parts: &[&str]) -> String {
    format!("{:032x}", hash128(parts))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_values() {
        // These values are written into users' calendars and SARIF logs:
        // they must never change.
        assert_eq!(hex(&[]), "6c62272e07bb014262b821756295c58d");
        assert_eq!(hex(&["stride"]), "98dadd310f0024ea8331398241fa63fe");
        assert_ne!(hex(&["ab", "c"]), hex(&["a", "bc"]));
        assert_ne!(hex(&["a", ""]), hex(&["a"]));
    }
}
