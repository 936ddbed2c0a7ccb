//! `hashlib`: md5, sha1, sha224, sha256, sha384 and sha512, implemented
//! here (FIPS 180-4, RFC 1321) rather than with a crate: they are short,
//! build scripts hash little data, and the crate graph stays small. A hash
//! object keeps the bytes it was given and digests them on demand.

use std::rc::Rc;

use super::new_module;
use crate::python::native::{add_methods, closure};
use crate::python::value::{new_namespace, Args, Class, Module, Value};
use crate::python::{Interp, PyResult};

const ALGORITHMS: [&str; 6] = ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"];

pub fn create(interp: &mut Interp) -> PyResult<Rc<Module>> {
    let module = new_module("hashlib");
    let class = interp.new_class("HASH", "HASH", "_hashlib", vec![], new_namespace())?;
    add_methods(
        &class,
        &[
            ("update", update),
            ("digest", digest),
            ("hexdigest", hexdigest),
            ("copy", copy),
        ],
    );
    let class_value = Value::Class(class);
    for name in ALGORITHMS {
        let data = Value::tuple(vec![class_value.clone(), Value::str(name)]);
        module.set(name, closure("hashlib", name, constructor, data));
    }
    module.set("new", closure("hashlib", "new", new, class_value));
    let names: Vec<Value> = ALGORITHMS.iter().map(|n| Value::str(*n)).collect();
    let frozenset = Value::Class(interp.types.frozenset.clone());
    let set = interp.call(&frozenset, Args::new(vec![Value::list(names)]))?;
    module.set("algorithms_guaranteed", set.clone());
    module.set("algorithms_available", set);
    Ok(module)
}

/// What a hash object holds: its algorithm and the bytes fed so far.
struct HashState {
    algorithm: &'static str,
    data: Vec<u8>,
}

fn algorithm(name: &str) -> Option<&'static str> {
    let lower = name.to_ascii_lowercase().replace('-', "");
    ALGORITHMS.iter().copied().find(|a| *a == lower)
}

fn sizes(algorithm: &str) -> (i64, i64) {
    match algorithm {
        "md5" => (16, 64),
        "sha1" => (20, 64),
        "sha224" => (28, 64),
        "sha256" => (32, 64),
        "sha384" => (48, 128),
        _ => (64, 128),
    }
}

fn bytes_arg(interp: &mut Interp, value: &Value) -> PyResult<Vec<u8>> {
    match value {
        Value::Bytes(bytes) => Ok(bytes.to_vec()),
        Value::Str(_) => Err(interp.type_error("Strings must be encoded before hashing")),
        other => match Interp::builtin_payload(other) {
            Some(Value::Bytes(bytes)) => Ok(bytes.to_vec()),
            _ => {
                let type_name = interp.type_name(other);
                Err(interp.type_error(format!(
                    "object supporting the buffer API required, not '{type_name}'"
                )))
            }
        },
    }
}

fn make(
    interp: &mut Interp,
    class: &Value,
    algorithm: &'static str,
    data: Vec<u8>,
) -> PyResult<Value> {
    let Value::Class(class) = class else {
        return Err(interp.type_error("hashlib is misconfigured"));
    };
    let class: Rc<Class> = class.clone();
    let instance = interp.new_object(&class);
    let (digest_size, block_size) = sizes(algorithm);
    instance.set("name", Value::str(algorithm));
    instance.set("digest_size", Value::Int(digest_size));
    instance.set("block_size", Value::Int(block_size));
    *instance.native.borrow_mut() = Some(Box::new(HashState { algorithm, data }));
    Ok(Value::Instance(instance))
}

/// `hashlib.md5(data=b'', *, usedforsecurity=True)` and the others.
fn constructor(interp: &mut Interp, args: Args) -> PyResult<Value> {
    // The closure's data is `(HASH class, algorithm name)`.
    let (class, name) = match &args.data {
        Some(Value::Tuple(pair)) if pair.len() == 2 => (pair[0].clone(), pair[1].clone()),
        _ => return Err(interp.type_error("hashlib is misconfigured")),
    };
    let name = interp.expect_str(&name, "name")?;
    let Some(algorithm) = algorithm(&name) else {
        return Err(interp.value_error(format!("unsupported hash type {name}")));
    };
    let slots = args.bind(interp, &name, &["data", "*usedforsecurity", "*string"], 0)?;
    let data = match slots[0].as_ref().or(slots[2].as_ref()) {
        Some(value) => bytes_arg(interp, value)?,
        None => Vec::new(),
    };
    make(interp, &class, algorithm, data)
}

fn new(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let class = args.data.clone().unwrap_or(Value::None);
    let slots = args.bind(
        interp,
        "new",
        &["name", "data", "*usedforsecurity", "*string"],
        1,
    )?;
    let name = interp.expect_str(slots[0].as_ref().unwrap_or(&Value::None), "name")?;
    let Some(algorithm) = algorithm(&name) else {
        return Err(interp.value_error(format!("unsupported hash type {name}")));
    };
    let data = match slots[1].as_ref().or(slots[3].as_ref()) {
        Some(value) => bytes_arg(interp, value)?,
        None => Vec::new(),
    };
    make(interp, &class, algorithm, data)
}

fn state<R>(
    interp: &mut Interp,
    object: &Value,
    f: impl FnOnce(&mut HashState) -> R,
) -> PyResult<R> {
    let result = match object {
        Value::Instance(instance) => instance.native::<HashState, R>(f),
        _ => None,
    };
    result.ok_or_else(|| interp.type_error("descriptor requires a hash object"))
}

fn update(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "update", 2, 2)?.to_vec();
    let data = bytes_arg(interp, &values[1])?;
    let total = state(interp, &values[0], |s| {
        s.data.extend_from_slice(&data);
        s.data.len()
    })?;
    interp.check_size(total)?;
    Ok(Value::None)
}

fn compute(interp: &mut Interp, object: &Value) -> PyResult<Vec<u8>> {
    state(interp, object, |s| hash(s.algorithm, &s.data))
}

fn digest(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "digest", 1, 1)?.to_vec();
    Ok(Value::Bytes(compute(interp, &values[0])?.into()))
}

fn hexdigest(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "hexdigest", 1, 1)?.to_vec();
    let digest = compute(interp, &values[0])?;
    Ok(Value::str(
        digest
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>(),
    ))
}

fn copy(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "copy", 1, 1)?.to_vec();
    let (algorithm, data) = state(interp, &values[0], |s| (s.algorithm, s.data.clone()))?;
    let class = match &values[0] {
        Value::Instance(instance) => Value::Class(instance.class.clone()),
        _ => Value::None,
    };
    make(interp, &class, algorithm, data)
}

/// The digest of `data` with a supported algorithm.
pub fn hash(algorithm: &str, data: &[u8]) -> Vec<u8> {
    match algorithm {
        "md5" => md5(data),
        "sha1" => sha1(data),
        "sha224" => sha256_family(data, &SHA224_INIT, 28),
        "sha256" => sha256_family(data, &SHA256_INIT, 32),
        "sha384" => sha512_family(data, &SHA384_INIT, 48),
        _ => sha512_family(data, &SHA512_INIT, 64),
    }
}

/// Merkle-Damgård padding: 0x80, zeros, then the bit length in `length_bytes`
/// bytes (big-endian, or little-endian for MD5).
fn pad(data: &[u8], block: usize, length_bytes: usize, little_endian: bool) -> Vec<u8> {
    let mut message = data.to_vec();
    message.push(0x80);
    while message.len() % block != block - length_bytes {
        message.push(0);
    }
    let bits = (data.len() as u128).wrapping_mul(8);
    let encoded = if little_endian {
        bits.to_le_bytes()[..length_bytes].to_vec()
    } else {
        bits.to_be_bytes()[16 - length_bytes..].to_vec()
    };
    message.extend_from_slice(&encoded);
    message
}

fn md5(data: &[u8]) -> Vec<u8> {
    const S: [u32; 64] = [
        7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5,
        9, 14, 20, 5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10,
        15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
    ];
    let k: Vec<u32> = (0..64)
        .map(|i| ((i as f64 + 1.0).sin().abs() * 4294967296.0) as u32)
        .collect();
    let mut h: [u32; 4] = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
    for chunk in pad(data, 64, 8, true).chunks(64) {
        let m: Vec<u32> = chunk
            .chunks(4)
            .map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]))
            .collect();
        let [mut a, mut b, mut c, mut d] = h;
        for i in 0..64 {
            let (f, g) = match i / 16 {
                0 => ((b & c) | (!b & d), i),
                1 => ((d & b) | (!d & c), (5 * i + 1) % 16),
                2 => (b ^ c ^ d, (3 * i + 5) % 16),
                _ => (c ^ (b | !d), (7 * i) % 16),
            };
            let rotated = a
                .wrapping_add(f)
                .wrapping_add(k[i])
                .wrapping_add(m[g])
                .rotate_left(S[i]);
            a = d;
            d = c;
            c = b;
            b = b.wrapping_add(rotated);
        }
        for (slot, value) in h.iter_mut().zip([a, b, c, d]) {
            *slot = slot.wrapping_add(value);
        }
    }
    h.iter().flat_map(|w| w.to_le_bytes()).collect()
}

fn sha1(data: &[u8]) -> Vec<u8> {
    let mut h: [u32; 5] = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0];
    for chunk in pad(data, 64, 8, false).chunks(64) {
        let mut w = [0u32; 80];
        for (i, word) in chunk.chunks(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = h;
        for (i, word) in w.iter().enumerate() {
            let (f, k) = match i / 20 {
                0 => ((b & c) | (!b & d), 0x5A827999),
                1 => (b ^ c ^ d, 0x6ED9EBA1),
                2 => ((b & c) | (b & d) | (c & d), 0x8F1BBCDC),
                _ => (b ^ c ^ d, 0xCA62C1D6),
            };
            let temp = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(*word);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = temp;
        }
        for (slot, value) in h.iter_mut().zip([a, b, c, d, e]) {
            *slot = slot.wrapping_add(value);
        }
    }
    h.iter().flat_map(|w| w.to_be_bytes()).collect()
}

const SHA256_INIT: [u32; 8] = [
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];
const SHA224_INIT: [u32; 8] = [
    0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4,
];
const SHA256_K: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

fn sha256_family(data: &[u8], init: &[u32; 8], length: usize) -> Vec<u8> {
    let mut h = *init;
    for chunk in pad(data, 64, 8, false).chunks(64) {
        let mut w = [0u32; 64];
        for (i, word) in chunk.chunks(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let mut v = h;
        for i in 0..64 {
            let [a, b, c, d, e, f, g, hh] = v;
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(SHA256_K[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            v = [t1.wrapping_add(t2), a, b, c, d.wrapping_add(t1), e, f, g];
        }
        for (slot, value) in h.iter_mut().zip(v) {
            *slot = slot.wrapping_add(value);
        }
    }
    let mut out: Vec<u8> = h.iter().flat_map(|w| w.to_be_bytes()).collect();
    out.truncate(length);
    out
}

const SHA512_INIT: [u64; 8] = [
    0x6a09e667f3bcc908,
    0xbb67ae8584caa73b,
    0x3c6ef372fe94f82b,
    0xa54ff53a5f1d36f1,
    0x510e527fade682d1,
    0x9b05688c2b3e6c1f,
    0x1f83d9abfb41bd6b,
    0x5be0cd19137e2179,
];
const SHA384_INIT: [u64; 8] = [
    0xcbbb9d5dc1059ed8,
    0x629a292a367cd507,
    0x9159015a3070dd17,
    0x152fecd8f70e5939,
    0x67332667ffc00b31,
    0x8eb44a8768581511,
    0xdb0c2e0d64f98fa7,
    0x47b5481dbefa4fa4,
];
const SHA512_K: [u64; 80] = [
    0x428a2f98d728ae22,
    0x7137449123ef65cd,
    0xb5c0fbcfec4d3b2f,
    0xe9b5dba58189dbbc,
    0x3956c25bf348b538,
    0x59f111f1b605d019,
    0x923f82a4af194f9b,
    0xab1c5ed5da6d8118,
    0xd807aa98a3030242,
    0x12835b0145706fbe,
    0x243185be4ee4b28c,
    0x550c7dc3d5ffb4e2,
    0x72be5d74f27b896f,
    0x80deb1fe3b1696b1,
    0x9bdc06a725c71235,
    0xc19bf174cf692694,
    0xe49b69c19ef14ad2,
    0xefbe4786384f25e3,
    0x0fc19dc68b8cd5b5,
    0x240ca1cc77ac9c65,
    0x2de92c6f592b0275,
    0x4a7484aa6ea6e483,
    0x5cb0a9dcbd41fbd4,
    0x76f988da831153b5,
    0x983e5152ee66dfab,
    0xa831c66d2db43210,
    0xb00327c898fb213f,
    0xbf597fc7beef0ee4,
    0xc6e00bf33da88fc2,
    0xd5a79147930aa725,
    0x06ca6351e003826f,
    0x142929670a0e6e70,
    0x27b70a8546d22ffc,
    0x2e1b21385c26c926,
    0x4d2c6dfc5ac42aed,
    0x53380d139d95b3df,
    0x650a73548baf63de,
    0x766a0abb3c77b2a8,
    0x81c2c92e47edaee6,
    0x92722c851482353b,
    0xa2bfe8a14cf10364,
    0xa81a664bbc423001,
    0xc24b8b70d0f89791,
    0xc76c51a30654be30,
    0xd192e819d6ef5218,
    0xd69906245565a910,
    0xf40e35855771202a,
    0x106aa07032bbd1b8,
    0x19a4c116b8d2d0c8,
    0x1e376c085141ab53,
    0x2748774cdf8eeb99,
    0x34b0bcb5e19b48a8,
    0x391c0cb3c5c95a63,
    0x4ed8aa4ae3418acb,
    0x5b9cca4f7763e373,
    0x682e6ff3d6b2b8a3,
    0x748f82ee5defb2fc,
    0x78a5636f43172f60,
    0x84c87814a1f0ab72,
    0x8cc702081a6439ec,
    0x90befffa23631e28,
    0xa4506cebde82bde9,
    0xbef9a3f7b2c67915,
    0xc67178f2e372532b,
    0xca273eceea26619c,
    0xd186b8c721c0c207,
    0xeada7dd6cde0eb1e,
    0xf57d4f7fee6ed178,
    0x06f067aa72176fba,
    0x0a637dc5a2c898a6,
    0x113f9804bef90dae,
    0x1b710b35131c471b,
    0x28db77f523047d84,
    0x32caab7b40c72493,
    0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c,
    0x4cc5d4becb3e42b6,
    0x597f299cfc657e2a,
    0x5fcb6fab3ad6faec,
    0x6c44198c4a475817,
];

fn sha512_family(data: &[u8], init: &[u64; 8], length: usize) -> Vec<u8> {
    let mut h = *init;
    for chunk in pad(data, 128, 16, false).chunks(128) {
        let mut w = [0u64; 80];
        for (i, word) in chunk.chunks(8).enumerate() {
            let mut bytes = [0u8; 8];
            bytes.copy_from_slice(word);
            w[i] = u64::from_be_bytes(bytes);
        }
        for i in 16..80 {
            let s0 = w[i - 15].rotate_right(1) ^ w[i - 15].rotate_right(8) ^ (w[i - 15] >> 7);
            let s1 = w[i - 2].rotate_right(19) ^ w[i - 2].rotate_right(61) ^ (w[i - 2] >> 6);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let mut v = h;
        for i in 0..80 {
            let [a, b, c, d, e, f, g, hh] = v;
            let s1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(SHA512_K[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            v = [t1.wrapping_add(t2), a, b, c, d.wrapping_add(t1), e, f, g];
        }
        for (slot, value) in h.iter_mut().zip(v) {
            *slot = slot.wrapping_add(value);
        }
    }
    let mut out: Vec<u8> = h.iter().flat_map(|w| w.to_be_bytes()).collect();
    out.truncate(length);
    out
}

#[cfg(test)]
mod tests {
    use super::hash;

    fn hex(algorithm: &str, data: &[u8]) -> String {
        hash(algorithm, data)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    #[test]
    fn known_digests() {
        assert_eq!(hex("md5", b""), "d41d8cd98f00b204e9800998ecf8427e");
        assert_eq!(hex("md5", b"abc"), "900150983cd24fb0d6963f7d28e17f72");
        assert_eq!(
            hex("sha1", b"abc"),
            "a9993e364706816aba3e25717850c26c9cd0d89d"
        );
        assert_eq!(
            hex("sha256", b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            hex("sha224", b"abc"),
            "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7"
        );
        assert_eq!(
            hex("sha512", b"abc"),
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a\
             2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"
        );
        assert_eq!(
            hex("sha384", b"abc"),
            "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed\
             8086072ba1e7cc2358baeca134c825a7"
        );
        // Two blocks of padding.
        let long = vec![b'a'; 1000];
        assert_eq!(
            hex("sha256", &long),
            "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"
        );
    }
}
