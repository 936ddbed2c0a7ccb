//! The builtin classes: `object`, `type`, `str`, `list`, ... and the
//! exception hierarchy. Each is a [`Class`] whose dict holds native methods
//! (one file per type family installs them).

mod bytes;
mod constructors;
mod dict;
mod exceptions;
mod list;
mod numbers;
mod set;
mod str;
mod tuple;

use std::collections::HashMap;
use std::rc::Rc;

use super::value::{new_namespace, BuiltinType, Class, NativeFn};
use super::Interp;

pub struct BuiltinTypes {
    pub object: Rc<Class>,
    pub type_: Rc<Class>,
    pub none_type: Rc<Class>,
    pub not_implemented_type: Rc<Class>,
    pub ellipsis_type: Rc<Class>,
    pub bool: Rc<Class>,
    pub int: Rc<Class>,
    pub float: Rc<Class>,
    pub str: Rc<Class>,
    pub bytes: Rc<Class>,
    pub list: Rc<Class>,
    pub tuple: Rc<Class>,
    pub dict: Rc<Class>,
    pub set: Rc<Class>,
    pub frozenset: Rc<Class>,
    pub range: Rc<Class>,
    pub slice: Rc<Class>,
    pub function: Rc<Class>,
    pub builtin_function: Rc<Class>,
    pub method: Rc<Class>,
    pub module: Rc<Class>,
    pub iterator: Rc<Class>,
    pub property: Rc<Class>,
    pub staticmethod: Rc<Class>,
    pub classmethod: Rc<Class>,
    pub super_: Rc<Class>,
    /// The exception classes by name (`ValueError`, `OSError`, ...).
    pub exceptions: HashMap<&'static str, Rc<Class>>,
}

fn builtin_class(name: &str, base: Option<&Rc<Class>>, kind: BuiltinType) -> Rc<Class> {
    let bases: Vec<Rc<Class>> = base.into_iter().cloned().collect();
    let mro = match base {
        Some(base) => base.lineage().cloned().collect(),
        None => Vec::new(),
    };
    Rc::new(Class {
        name: name.into(),
        qualname: name.into(),
        module: "builtins".into(),
        bases,
        mro,
        dict: new_namespace(),
        builtin: Some(kind),
    })
}

/// The exception hierarchy: (name, base).
const EXCEPTIONS: &[(&str, &str)] = &[
    ("SystemExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("Exception", "BaseException"),
    ("ArithmeticError", "Exception"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("FloatingPointError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("FileNotFoundError", "OSError"),
    ("FileExistsError", "OSError"),
    ("PermissionError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("InterruptedError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("StopIteration", "Exception"),
    ("StopAsyncIteration", "Exception"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("Warning", "Exception"),
    ("UserWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("BytesWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("EncodingWarning", "Warning"),
];

impl BuiltinTypes {
    pub fn new() -> Self {
        use BuiltinType as B;
        let object = builtin_class("object", None, B::Object);
        let o = Some(&object);
        let int = builtin_class("int", o, B::Int);
        let base_exception = builtin_class("BaseException", o, B::BaseException);
        let mut exceptions: HashMap<&'static str, Rc<Class>> = HashMap::new();
        exceptions.insert("BaseException", base_exception);
        for (name, base) in EXCEPTIONS {
            let base = exceptions[base].clone();
            let class = Rc::new(Class {
                name: (*name).into(),
                qualname: (*name).into(),
                module: "builtins".into(),
                bases: vec![base.clone()],
                mro: base.lineage().cloned().collect(),
                dict: new_namespace(),
                builtin: None,
            });
            exceptions.insert(name, class);
        }
        Self {
            type_: builtin_class("type", o, B::Type),
            none_type: builtin_class("NoneType", o, B::NoneType),
            not_implemented_type: builtin_class("NotImplementedType", o, B::NotImplementedType),
            ellipsis_type: builtin_class("ellipsis", o, B::Ellipsis),
            bool: builtin_class("bool", Some(&int), B::Bool),
            float: builtin_class("float", o, B::Float),
            str: builtin_class("str", o, B::Str),
            bytes: builtin_class("bytes", o, B::Bytes),
            list: builtin_class("list", o, B::List),
            tuple: builtin_class("tuple", o, B::Tuple),
            dict: builtin_class("dict", o, B::Dict),
            set: builtin_class("set", o, B::Set),
            frozenset: builtin_class("frozenset", o, B::FrozenSet),
            range: builtin_class("range", o, B::Range),
            slice: builtin_class("slice", o, B::Slice),
            function: builtin_class("function", o, B::Function),
            builtin_function: builtin_class("builtin_function_or_method", o, B::BuiltinFunction),
            method: builtin_class("method", o, B::Method),
            module: builtin_class("module", o, B::Module),
            iterator: builtin_class("iterator", o, B::Iterator),
            property: builtin_class("property", o, B::Property),
            staticmethod: builtin_class("staticmethod", o, B::StaticMethod),
            classmethod: builtin_class("classmethod", o, B::ClassMethod),
            super_: builtin_class("super", o, B::Super),
            int,
            object,
            exceptions,
        }
    }

    /// An exception class by name. Panics only on a typo in distill's own
    /// code (names are the constants above), never on user input.
    pub fn exception(&self, name: &str) -> Rc<Class> {
        self.exceptions
            .get(name)
            .cloned()
            .unwrap_or_else(|| self.exceptions["Exception"].clone())
    }

    /// The native constructor of a builtin class.
    pub fn constructor(&self, class: &Rc<Class>) -> Option<NativeFn> {
        constructors::for_type(class.builtin?)
    }

    /// All builtin classes with their public names (for the `builtins` module).
    pub fn named(&self) -> Vec<(&'static str, Rc<Class>)> {
        let mut named = vec![
            ("object", self.object.clone()),
            ("type", self.type_.clone()),
            ("bool", self.bool.clone()),
            ("int", self.int.clone()),
            ("float", self.float.clone()),
            ("str", self.str.clone()),
            ("bytes", self.bytes.clone()),
            ("list", self.list.clone()),
            ("tuple", self.tuple.clone()),
            ("dict", self.dict.clone()),
            ("set", self.set.clone()),
            ("frozenset", self.frozenset.clone()),
            ("range", self.range.clone()),
            ("slice", self.slice.clone()),
            ("property", self.property.clone()),
            ("staticmethod", self.staticmethod.clone()),
            ("classmethod", self.classmethod.clone()),
            ("super", self.super_.clone()),
        ];
        for (name, class) in &self.exceptions {
            named.push((name, class.clone()));
        }
        named
    }
}

impl Default for BuiltinTypes {
    fn default() -> Self {
        Self::new()
    }
}

/// Installs the native methods of every builtin class.
pub fn install_methods(interp: &mut Interp) {
    constructors::install(interp);
    exceptions::install(interp);
    self::str::install(interp);
    bytes::install(interp);
    list::install(interp);
    tuple::install(interp);
    dict::install(interp);
    set::install(interp);
    numbers::install(interp);
}
