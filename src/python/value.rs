//! The interpreter's object model.
//!
//! Values are cheap to clone (`Rc` inside). Mutable containers use `RefCell`.
//! Every builtin type is a [`Class`] whose dict holds native methods, so that
//! attribute lookup, `type()`, `isinstance()` and subclassing work the same way
//! for `str` as for a class a script defines. The interpreter is single
//! threaded; reference cycles leak, which is fine for one short evaluation.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

use indexmap::{IndexMap, IndexSet};

use num_bigint::BigInt;
use num_traits::{FromPrimitive, ToPrimitive};

use super::code::Code;
use super::PyResult;

/// A namespace: module globals, class bodies, instance `__dict__`s. It is a
/// real dict, so `globals()`, `vars(obj)` and `obj.__dict__` are live views.
pub type Namespace = Rc<RefCell<Dict>>;

pub fn new_namespace() -> Namespace {
    Rc::new(RefCell::new(Dict::new()))
}

/// The dict key of an attribute or variable name.
pub fn name_key(name: &str) -> HashKey {
    HashKey(Value::Str(name.into()))
}

/// Lets namespaces be searched with a plain `&str` (a `str` key hashes like
/// the `&str` itself, see `Hash for HashKey`).
impl indexmap::Equivalent<HashKey> for str {
    fn equivalent(&self, key: &HashKey) -> bool {
        matches!(&key.0, Value::Str(s) if &**s == self)
    }
}

/// A Python value.
#[derive(Clone)]
pub enum Value {
    None,
    NotImplemented,
    Ellipsis,
    Bool(bool),
    /// An int that fits in an `i64`; larger ones are [`Value::BigInt`] (never both).
    Int(i64),
    BigInt(Rc<BigInt>),
    Float(f64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    List(Rc<RefCell<Vec<Value>>>),
    Tuple(Rc<[Value]>),
    Dict(Rc<RefCell<Dict>>),
    Set(Rc<RefCell<Set>>),
    FrozenSet(Rc<Set>),
    Range(Rc<Range>),
    Slice(Rc<Slice>),
    Function(Rc<Function>),
    Builtin(Rc<Builtin>),
    BoundMethod(Rc<BoundMethod>),
    Class(Rc<Class>),
    Instance(Rc<Instance>),
    Module(Rc<Module>),
    Iterator(Rc<RefCell<PyIter>>),
    /// `staticmethod`, `classmethod`, `property` wrappers.
    Descriptor(Rc<Descriptor>),
    Super(Rc<SuperProxy>),
}

impl Value {
    pub fn str(s: impl Into<Rc<str>>) -> Value {
        Value::Str(s.into())
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(RefCell::new(items)))
    }

    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(items.into())
    }

    pub fn dict(dict: Dict) -> Value {
        Value::Dict(Rc::new(RefCell::new(dict)))
    }

    pub fn from_bigint(value: BigInt) -> Value {
        match value.to_i64() {
            Some(small) => Value::Int(small),
            None => Value::BigInt(Rc::new(value)),
        }
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The value as a `BigInt` when it is an int or bool.
    pub fn as_bigint(&self) -> Option<BigInt> {
        match self {
            Value::Bool(b) => Some(BigInt::from(*b as i64)),
            Value::Int(i) => Some(BigInt::from(*i)),
            Value::BigInt(b) => Some((**b).clone()),
            _ => None,
        }
    }

    /// The value as an `i64` when it is a small int or bool.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Bool(b) => Some(*b as i64),
            Value::Int(i) => Some(*i),
            _ => None,
        }
    }

    /// Identity, as Python's `is`.
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None)
            | (Value::NotImplemented, Value::NotImplemented)
            | (Value::Ellipsis, Value::Ellipsis) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            // Small ints and equal strings are interned in CPython; scripts rely on
            // `x is 0` rarely, but never on the opposite.
            (Value::Int(a), Value::Int(b)) => a == b,
            // Floats are unboxed: the same bits stand for the same object.
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Str(a), Value::Str(b)) => Rc::ptr_eq(a, b) || (a.len() <= 1 && a == b),
            _ => match (self.identity(), other.identity()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
        }
    }

    /// The address of the shared object, for identity of reference types.
    pub fn identity(&self) -> Option<usize> {
        Some(match self {
            Value::BigInt(v) => Rc::as_ptr(v) as *const u8 as usize,
            Value::Str(v) => Rc::as_ptr(v) as *const u8 as usize,
            Value::Bytes(v) => Rc::as_ptr(v) as *const u8 as usize,
            Value::List(v) => Rc::as_ptr(v) as *const u8 as usize,
            Value::Tuple(v) => Rc::as_ptr(v) as *const u8 as usize,
            Value::Dict(v) => Rc::as_ptr(v) as *const u8 as usize,
            Value::Set(v) => Rc::as_ptr(v) as *const u8 as usize,
            Value::FrozenSet(v) => Rc::as_ptr(v) as *const u8 as usize,
            Value::Range(v) => Rc::as_ptr(v) as *const u8 as usize,
            Value::Slice(v) => Rc::as_ptr(v) as *const u8 as usize,
            Value::Function(v) => Rc::as_ptr(v) as *const u8 as usize,
            Value::Builtin(v) => Rc::as_ptr(v) as *const u8 as usize,
            Value::BoundMethod(v) => Rc::as_ptr(v) as *const u8 as usize,
            Value::Class(v) => Rc::as_ptr(v) as *const u8 as usize,
            Value::Instance(v) => Rc::as_ptr(v) as *const u8 as usize,
            Value::Module(v) => Rc::as_ptr(v) as *const u8 as usize,
            Value::Iterator(v) => Rc::as_ptr(v) as *const u8 as usize,
            Value::Descriptor(v) => Rc::as_ptr(v) as *const u8 as usize,
            Value::Super(v) => Rc::as_ptr(v) as *const u8 as usize,
            _ => return None,
        })
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::None => write!(f, "None"),
            Value::Bool(b) => write!(f, "{}", if *b { "True" } else { "False" }),
            Value::Int(i) => write!(f, "{i}"),
            Value::BigInt(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{x}"),
            Value::Str(s) => write!(f, "{s:?}"),
            Value::List(l) => write!(f, "{:?}", l.borrow()),
            Value::Tuple(t) => write!(f, "tuple{:?}", &t[..]),
            Value::Class(c) => write!(f, "<class '{}'>", c.name),
            Value::Instance(i) => write!(f, "<{} object>", i.class.name),
            Value::Function(func) => write!(f, "<function {}>", func.qualname),
            Value::Module(m) => write!(f, "<module '{}'>", m.name),
            _ => write!(f, "<value>"),
        }
    }
}

/// A dict key: a value with Python's hashing and equality for hashable builtins
/// (so `1`, `1.0` and `True` are the same key) and identity for other objects.
#[derive(Clone, Debug)]
pub struct HashKey(pub Value);

impl HashKey {
    /// Whether the value can be a key at all (lists, dicts and sets cannot).
    pub fn is_hashable(value: &Value) -> bool {
        match value {
            Value::List(_) | Value::Dict(_) | Value::Set(_) => false,
            Value::Tuple(items) => items.iter().all(HashKey::is_hashable),
            _ => true,
        }
    }
}

/// Integral floats compare and hash like the int they equal.
pub fn float_as_int(value: f64) -> Option<BigInt> {
    if value.fract() == 0.0 && value.is_finite() {
        BigInt::from_f64(value)
    } else {
        None
    }
}

impl Hash for HashKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        match &self.0 {
            Value::None => 0u8.hash(state),
            Value::Bool(b) => (*b as i64).hash(state),
            Value::Int(i) => i.hash(state),
            Value::BigInt(b) => b.hash(state),
            Value::Float(f) => match float_as_int(*f) {
                Some(int) => match int.to_i64() {
                    Some(small) => small.hash(state),
                    None => int.hash(state),
                },
                None => f.to_bits().hash(state),
            },
            Value::Str(s) => s.hash(state),
            Value::Bytes(b) => b.hash(state),
            Value::Tuple(items) => {
                for item in items.iter() {
                    HashKey(item.clone()).hash(state);
                }
            }
            Value::FrozenSet(set) => {
                // Order-independent.
                let mut combined: u64 = 0;
                for item in set.items.iter() {
                    let mut hasher = std::collections::hash_map::DefaultHasher::new();
                    item.hash(&mut hasher);
                    combined ^= hasher.finish();
                }
                combined.hash(state);
            }
            other => other.identity().hash(state),
        }
    }
}

impl PartialEq for HashKey {
    fn eq(&self, other: &Self) -> bool {
        keys_equal(&self.0, &other.0)
    }
}

impl Eq for HashKey {}

/// Python equality for hashable builtins, identity for everything else.
pub fn keys_equal(a: &Value, b: &Value) -> bool {
    use Value::*;
    match (a, b) {
        (None, None) => true,
        (Str(x), Str(y)) => x == y,
        (Bytes(x), Bytes(y)) => x == y,
        (Tuple(x), Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| keys_equal(p, q))
        }
        (FrozenSet(x), FrozenSet(y)) => {
            x.items.len() == y.items.len() && x.items.iter().all(|k| y.items.contains(k))
        }
        (Bool(_) | Int(_) | BigInt(_) | Float(_), Bool(_) | Int(_) | BigInt(_) | Float(_)) => {
            numbers_equal(a, b)
        }
        _ => match (a.identity(), b.identity()) {
            (Some(x), Some(y)) => x == y,
            _ => false,
        },
    }
}

/// `==` between two numbers (bool, int, float).
pub fn numbers_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Float(x), Value::Float(y)) => x == y,
        (Value::Float(x), other) | (other, Value::Float(x)) => match float_as_int(*x) {
            Some(int) => other.as_bigint().is_some_and(|o| o == int),
            None => false,
        },
        _ => match (a.as_i64(), b.as_i64()) {
            (Some(x), Some(y)) => x == y,
            _ => a.as_bigint() == b.as_bigint(),
        },
    }
}

/// An insertion-ordered dict.
pub type Dict = IndexMap<HashKey, Value>;

/// A set (insertion-ordered, which keeps evaluation deterministic).
#[derive(Clone, Debug, Default)]
pub struct Set {
    pub items: IndexSet<HashKey>,
}

#[derive(Debug)]
pub struct Range {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl Range {
    pub fn len(&self) -> i64 {
        if self.step > 0 && self.start < self.stop {
            (self.stop - self.start - 1) / self.step + 1
        } else if self.step < 0 && self.start > self.stop {
            (self.start - self.stop - 1) / (-self.step) + 1
        } else {
            0
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, index: i64) -> i64 {
        self.start + index * self.step
    }
}

#[derive(Debug)]
pub struct Slice {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

/// A function defined by the script (`def` or `lambda`).
pub struct Function {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub module: Rc<str>,
    pub code: Rc<Code>,
    pub globals: Namespace,
    /// The enclosing function's scope, for closures.
    pub closure: Option<Rc<Scope>>,
    /// Defaults of positional parameters, aligned to the last ones.
    pub defaults: Vec<Value>,
    /// Defaults of keyword-only parameters, by name.
    pub kw_defaults: Vec<(Rc<str>, Value)>,
    /// Function attributes (`f.__doc__`, `f.x = 1`).
    pub dict: Namespace,
}

/// A function call's local variables. Nested functions keep their parent's
/// scope alive, so closures see later assignments as Python's cells do.
pub struct Scope {
    pub vars: RefCell<HashMap<Rc<str>, Value>>,
    pub parent: Option<Rc<Scope>>,
    pub code: Rc<Code>,
}

/// A native function: `fn(interp, args)`. `bound` is passed as the first
/// positional argument (methods of builtin types bound to their object).
pub type NativeFn = fn(&mut super::Interp, Args) -> PyResult<Value>;

pub struct Builtin {
    pub name: Rc<str>,
    /// Module or type name shown in reprs (`builtins`, `str`, `os.path`).
    pub owner: Rc<str>,
    pub func: NativeFn,
    pub bound: Option<Value>,
    /// Extra data a native closure needs (e.g. the object a factory captured).
    pub data: Option<Value>,
}

/// Arguments of a call.
#[derive(Default, Clone)]
pub struct Args {
    pub positional: Vec<Value>,
    pub keywords: Vec<(Rc<str>, Value)>,
    /// `Builtin::data` of the called function.
    pub data: Option<Value>,
}

impl Args {
    pub fn new(positional: Vec<Value>) -> Self {
        Self {
            positional,
            keywords: Vec::new(),
            data: None,
        }
    }

    pub fn with_keywords(positional: Vec<Value>, keywords: Vec<(Rc<str>, Value)>) -> Self {
        Self {
            positional,
            keywords,
            data: None,
        }
    }
}

pub struct BoundMethod {
    pub receiver: Value,
    pub function: Value,
}

/// What makes a builtin class special: how its instances are represented.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BuiltinType {
    Object,
    Type,
    NoneType,
    Bool,
    Int,
    Float,
    Str,
    Bytes,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    Function,
    BuiltinFunction,
    Method,
    Module,
    Iterator,
    Property,
    StaticMethod,
    ClassMethod,
    Super,
    NotImplementedType,
    Ellipsis,
    /// `BaseException` and its subclasses carry `args`.
    BaseException,
}

pub struct Class {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub module: Rc<str>,
    pub bases: Vec<Rc<Class>>,
    /// The method resolution order without the class itself (C3 linearization).
    pub mro: Vec<Rc<Class>>,
    pub dict: Namespace,
    /// Set on builtin classes only.
    pub builtin: Option<BuiltinType>,
}

impl Class {
    /// The class itself followed by its MRO.
    pub fn lineage<'a>(self: &'a Rc<Self>) -> impl Iterator<Item = &'a Rc<Class>> + 'a {
        std::iter::once(self).chain(self.mro.iter())
    }

    /// Finds an attribute along the MRO.
    pub fn lookup(self: &Rc<Self>, name: &str) -> Option<Value> {
        self.lineage()
            .find_map(|class| class.dict.borrow().get(name).cloned())
    }

    /// The nearest builtin class this class derives from (`object` at the end).
    pub fn builtin_base(self: &Rc<Self>) -> Option<BuiltinType> {
        self.lineage()
            .find_map(|class| class.builtin.filter(|b| *b != BuiltinType::Object))
    }

    pub fn is_subclass(self: &Rc<Self>, other: &Rc<Class>) -> bool {
        self.lineage().any(|class| Rc::ptr_eq(class, other))
    }

    /// `module.qualname`, as the recorder and reprs spell it.
    pub fn full_name(&self) -> String {
        if &*self.module == "builtins" {
            self.qualname.to_string()
        } else {
            format!("{}.{}", self.module, self.qualname)
        }
    }
}

pub struct Instance {
    pub class: Rc<Class>,
    pub dict: Namespace,
    /// State of native classes (a compiled pattern, a file's content, the
    /// builtin value of a `dict` subclass).
    pub native: RefCell<Option<Box<dyn Any>>>,
}

impl Instance {
    pub fn new(class: Rc<Class>) -> Self {
        Self {
            class,
            dict: new_namespace(),
            native: RefCell::new(None),
        }
    }

    pub fn get(&self, name: &str) -> Option<Value> {
        self.dict.borrow().get(name).cloned()
    }

    pub fn set(&self, name: &str, value: Value) {
        self.dict.borrow_mut().insert(name_key(name), value);
    }

    /// Borrows the native state as `T`.
    pub fn native<T: 'static, R>(&self, f: impl FnOnce(&mut T) -> R) -> Option<R> {
        let mut slot = self.native.borrow_mut();
        slot.as_mut()?.downcast_mut::<T>().map(f)
    }
}

pub struct Module {
    pub name: Rc<str>,
    pub dict: Namespace,
}

impl Module {
    pub fn get(&self, name: &str) -> Option<Value> {
        self.dict.borrow().get(name).cloned()
    }

    pub fn set(&self, name: &str, value: Value) {
        self.dict.borrow_mut().insert(name_key(name), value);
    }
}

/// Iterator state. Generators are evaluated eagerly into `Sequence`.
pub enum PyIter {
    /// A snapshot of items (tuples, generators, dict views, ...).
    Sequence {
        items: Vec<Value>,
        index: usize,
    },
    /// A live list: appends during iteration are seen, as in Python.
    List {
        list: Rc<RefCell<Vec<Value>>>,
        index: usize,
    },
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    Chars {
        text: Rc<str>,
        offset: usize,
    },
    Enumerate {
        inner: Value,
        count: Value,
    },
    Zip {
        inners: Vec<Value>,
    },
    Map {
        function: Value,
        inners: Vec<Value>,
    },
    Filter {
        function: Value,
        inner: Value,
    },
    /// An object with `__next__`.
    Protocol {
        object: Value,
    },
    /// `iter(callable, sentinel)`.
    Callable {
        function: Value,
        sentinel: Value,
    },
    /// itertools.count.
    Count {
        next: Value,
        step: Value,
    },
    /// itertools.chain over a (lazy) iterator of iterables.
    Chain {
        sources: Value,
        current: Option<Value>,
    },
    /// A native lazy iterator (e.g. `os.walk`, which must see the caller
    /// pruning `dirnames` between steps).
    Native(Box<dyn NativeIterator>),
    Exhausted,
}

/// A native iterator that produces items on demand.
pub trait NativeIterator {
    fn next(&mut self, interp: &mut super::Interp) -> PyResult<Option<Value>>;
}

pub enum Descriptor {
    StaticMethod(Value),
    ClassMethod(Value),
    Property {
        getter: Value,
        setter: Value,
        deleter: Value,
        doc: Value,
    },
}

/// `super()` bound to a class (start the lookup after it) and an object.
pub struct SuperProxy {
    pub class: Rc<Class>,
    pub object: Value,
}

/// A counter for unique ids (`id()` of values without an address).
pub fn next_id() -> usize {
    thread_local! {
        static NEXT: Cell<usize> = const { Cell::new(1) };
    }
    NEXT.with(|next| {
        let id = next.get();
        next.set(id + 1);
        id
    })
}
