//! Plain data snapshots of Python values.
//!
//! The interpreter's values are live objects (shared, mutable, cyclic). What a
//! script hands to `setup()` leaves the interpreter as [`PyData`]: a tree with
//! no references back into it, which the frontend turns into the model and
//! which tests compare with what CPython recorded for the same script.
//!
//! # JSON encoding
//!
//! Shared with `tests/differential/recorder.py`, which encodes CPython's values
//! the same way, so that both sides compare as JSON:
//!
//! | Python | JSON |
//! |---|---|
//! | `None`, `True`/`False` | `null`, `true`/`false` |
//! | `int` within ±2**53 | number; otherwise `{"$int": "<decimal>"}` |
//! | `float` | `{"$float": "<repr>"}` |
//! | `str` | string |
//! | `bytes` | `{"$bytes": "<latin-1 text>"}` |
//! | `list` | array |
//! | `tuple` | `{"$tuple": [...]}` |
//! | `set`, `frozenset` | `{"$set": [...]}`, items sorted by their JSON text |
//! | `dict` with only `str` keys, none starting with `$` | object, in insertion order |
//! | other `dict` | `{"$dict": [[key, value], ...]}` |
//! | instance | `{"$object": "<module>.<qualname>", "attrs": {...}}` (its `__dict__`, keys sorted) |
//! | class | `{"$class": "<module>.<qualname>"}` |
//! | function / method / builtin | `{"$function": "<module>.<qualname>"}` |
//! | module | `{"$module": "<name>"}` |
//! | anything else | `{"$repr": "<repr>"}` |

use serde_json::{json, Map, Value as Json};

/// A snapshot of a Python value. See the module documentation for its JSON form.
#[derive(Debug, Clone, PartialEq)]
pub enum PyData {
    None,
    Bool(bool),
    /// Decimal digits with an optional leading `-` when it does not fit in an `i64`.
    Int(IntData),
    Float(f64),
    Str(String),
    Bytes(Vec<u8>),
    List(Vec<PyData>),
    Tuple(Vec<PyData>),
    Set(Vec<PyData>),
    Dict(Vec<(PyData, PyData)>),
    Object {
        /// `module.qualname` of the instance's class.
        class: String,
        /// Names of the classes in the instance's MRO, most derived first, as
        /// `module.qualname` (lets the frontend recognise an `Extension` subclass).
        mro: Vec<String>,
        attrs: Vec<(String, PyData)>,
    },
    Class {
        name: String,
        mro: Vec<String>,
    },
    Function(String),
    Module(String),
    Repr(String),
}

/// A Python int.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IntData {
    Small(i64),
    Big(String),
}

impl PyData {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            PyData::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The items of a list, tuple or set.
    pub fn as_sequence(&self) -> Option<&[PyData]> {
        match self {
            PyData::List(items) | PyData::Tuple(items) | PyData::Set(items) => Some(items),
            _ => None,
        }
    }

    /// Python truthiness of plain data (objects and functions are true).
    pub fn is_truthy(&self) -> bool {
        match self {
            PyData::None => false,
            PyData::Bool(b) => *b,
            PyData::Int(IntData::Small(i)) => *i != 0,
            PyData::Int(IntData::Big(_)) => true,
            PyData::Float(f) => *f != 0.0,
            PyData::Str(s) => !s.is_empty(),
            PyData::Bytes(b) => !b.is_empty(),
            PyData::List(v) | PyData::Tuple(v) | PyData::Set(v) => !v.is_empty(),
            PyData::Dict(v) => !v.is_empty(),
            _ => true,
        }
    }

    /// A short Python-like name of the value's type, for error messages.
    pub fn type_name(&self) -> &str {
        match self {
            PyData::None => "NoneType",
            PyData::Bool(_) => "bool",
            PyData::Int(_) => "int",
            PyData::Float(_) => "float",
            PyData::Str(_) => "str",
            PyData::Bytes(_) => "bytes",
            PyData::List(_) => "list",
            PyData::Tuple(_) => "tuple",
            PyData::Set(_) => "set",
            PyData::Dict(_) => "dict",
            PyData::Object { class, .. } => class.rsplit('.').next().unwrap_or(class),
            PyData::Class { .. } => "type",
            PyData::Function(_) => "function",
            PyData::Module(_) => "module",
            PyData::Repr(_) => "object",
        }
    }

    /// The JSON encoding documented on this module.
    pub fn to_json(&self) -> Json {
        match self {
            PyData::None => Json::Null,
            PyData::Bool(b) => Json::Bool(*b),
            PyData::Int(IntData::Small(i)) if i.unsigned_abs() <= 1 << 53 => json!(i),
            PyData::Int(IntData::Small(i)) => json!({ "$int": i.to_string() }),
            PyData::Int(IntData::Big(digits)) => json!({ "$int": digits }),
            PyData::Float(f) => json!({ "$float": float_repr(*f) }),
            PyData::Str(s) => Json::String(s.clone()),
            PyData::Bytes(b) => {
                json!({ "$bytes": b.iter().map(|&c| c as char).collect::<String>() })
            }
            PyData::List(items) => Json::Array(items.iter().map(PyData::to_json).collect()),
            PyData::Tuple(items) => {
                json!({ "$tuple": items.iter().map(PyData::to_json).collect::<Vec<_>>() })
            }
            PyData::Set(items) => {
                let mut encoded: Vec<Json> = items.iter().map(PyData::to_json).collect();
                encoded.sort_by_cached_key(|item| item.to_string());
                json!({ "$set": encoded })
            }
            PyData::Dict(pairs) => {
                let plain = pairs
                    .iter()
                    .all(|(k, _)| matches!(k, PyData::Str(s) if !s.starts_with('$')));
                if plain {
                    let mut map = Map::new();
                    for (key, value) in pairs {
                        if let PyData::Str(key) = key {
                            map.insert(key.clone(), value.to_json());
                        }
                    }
                    Json::Object(map)
                } else {
                    json!({ "$dict": pairs.iter().map(|(k, v)| json!([k.to_json(), v.to_json()])).collect::<Vec<_>>() })
                }
            }
            PyData::Object { class, attrs, .. } => {
                let mut sorted: Vec<&(String, PyData)> = attrs.iter().collect();
                sorted.sort_by(|a, b| a.0.cmp(&b.0));
                let mut map = Map::new();
                for (key, value) in sorted {
                    map.insert(key.clone(), value.to_json());
                }
                json!({ "$object": class, "attrs": Json::Object(map) })
            }
            PyData::Class { name, .. } => json!({ "$class": name }),
            PyData::Function(name) => json!({ "$function": name }),
            PyData::Module(name) => json!({ "$module": name }),
            PyData::Repr(repr) => json!({ "$repr": repr }),
        }
    }
}

/// `repr(float)` as CPython writes it: the shortest round-tripping digits,
/// exponent form outside `1e-4 <= |x| < 1e16`. Lives with the rest of the
/// formatting in [`super::format`].
pub use super::format::float_to_string as float_repr;

/// Depth beyond which a snapshot stops descending (cyclic or absurd data).
const MAX_DEPTH: usize = 64;

impl super::Interp {
    /// Snapshots a value as plain data. Instances of subclasses of builtin
    /// containers (`OrderedDict`, a namedtuple) are exported as the builtin
    /// value, as `isinstance(value, dict)` would see them.
    pub fn snapshot(&mut self, value: &super::Value) -> PyData {
        self.snapshot_at(value, 0)
    }

    fn snapshot_at(&mut self, value: &super::Value, depth: usize) -> PyData {
        use super::Value as V;
        if depth > MAX_DEPTH {
            return PyData::Repr("...".into());
        }
        let items = |interp: &mut super::Interp, values: &[V]| -> Vec<PyData> {
            values
                .iter()
                .map(|v| interp.snapshot_at(v, depth + 1))
                .collect()
        };
        match value {
            V::None => PyData::None,
            V::Bool(b) => PyData::Bool(*b),
            V::Int(i) => PyData::Int(IntData::Small(*i)),
            V::BigInt(b) => PyData::Int(IntData::Big(b.to_string())),
            V::Float(f) => PyData::Float(*f),
            V::Str(s) => PyData::Str(s.to_string()),
            V::Bytes(b) => PyData::Bytes(b.to_vec()),
            V::List(list) => {
                let values = list.borrow().clone();
                PyData::List(items(self, &values))
            }
            V::Tuple(values) => PyData::Tuple(items(self, values)),
            V::Set(set) => {
                let values: Vec<V> = set.borrow().items.iter().map(|k| k.0.clone()).collect();
                PyData::Set(items(self, &values))
            }
            V::FrozenSet(set) => {
                let values: Vec<V> = set.items.iter().map(|k| k.0.clone()).collect();
                PyData::Set(items(self, &values))
            }
            V::Dict(dict) => {
                let pairs: Vec<(V, V)> = dict
                    .borrow()
                    .iter()
                    .map(|(k, v)| (k.0.clone(), v.clone()))
                    .collect();
                PyData::Dict(
                    pairs
                        .iter()
                        .map(|(k, v)| {
                            (
                                self.snapshot_at(k, depth + 1),
                                self.snapshot_at(v, depth + 1),
                            )
                        })
                        .collect(),
                )
            }
            V::Instance(instance) => {
                if let Some(payload) = super::Interp::builtin_payload(value) {
                    return self.snapshot_at(&payload, depth);
                }
                let attrs: Vec<(super::value::HashKey, V)> = instance
                    .dict
                    .borrow()
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                let attrs = attrs
                    .into_iter()
                    .filter_map(|(k, v)| {
                        let name = k.0.as_str()?.to_string();
                        Some((name, self.snapshot_at(&v, depth + 1)))
                    })
                    .collect();
                PyData::Object {
                    class: qualified_class_name(&instance.class),
                    mro: instance.class.lineage().map(qualified_class_name).collect(),
                    attrs,
                }
            }
            V::Class(class) => PyData::Class {
                name: qualified_class_name(class),
                mro: class.lineage().map(qualified_class_name).collect(),
            },
            V::Function(function) => {
                PyData::Function(format!("{}.{}", function.module, function.qualname))
            }
            V::Builtin(builtin) => PyData::Function(format!("{}.{}", builtin.owner, builtin.name)),
            V::BoundMethod(method) => {
                let function = method.function.clone();
                self.snapshot_at(&function, depth)
            }
            V::Module(module) => PyData::Module(module.name.to_string()),
            other => PyData::Repr(self.repr(other).map(|r| r.to_string()).unwrap_or_default()),
        }
    }
}

/// `module.qualname` of a class, as the CPython recorder writes it.
fn qualified_class_name(class: &std::rc::Rc<super::value::Class>) -> String {
    format!("{}.{}", class.module, class.qualname)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_repr_matches_cpython() {
        assert_eq!(float_repr(0.1), "0.1");
        assert_eq!(float_repr(1.0), "1.0");
        assert_eq!(float_repr(-0.0), "-0.0");
        assert_eq!(float_repr(1e16), "1e+16");
        assert_eq!(float_repr(1.5e-5), "1.5e-05");
        assert_eq!(float_repr(123456789.125), "123456789.125");
        assert_eq!(float_repr(1e-4), "0.0001");
    }

    #[test]
    fn json_encoding() {
        let data = PyData::Dict(vec![
            (
                PyData::Str("a".into()),
                PyData::Tuple(vec![PyData::Int(IntData::Small(1))]),
            ),
            (PyData::Str("b".into()), PyData::Float(2.0)),
        ]);
        assert_eq!(
            data.to_json().to_string(),
            r#"{"a":{"$tuple":[1]},"b":{"$float":"2.0"}}"#
        );
    }
}
