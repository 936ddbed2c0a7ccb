//! The object protocol: types, attributes, calls, conversions, items and
//! iteration. Natives and the evaluator go through these, so that a class a
//! script defines behaves like a builtin wherever Python allows it.

use std::cell::RefCell;
use std::rc::Rc;

use num_traits::{Signed, Zero};

use super::value::{
    name_key, new_namespace, Args, BoundMethod, BuiltinType, Class, Descriptor, Dict, HashKey,
    Instance, PyIter, Set, SuperProxy, Value,
};
use super::{ErrorKind, Interp, PyErr, PyException, PyResult};

impl Interp {
    // ----- types -----

    pub fn type_of(&self, value: &Value) -> Rc<Class> {
        let t = &self.types;
        match value {
            Value::None => t.none_type.clone(),
            Value::NotImplemented => t.not_implemented_type.clone(),
            Value::Ellipsis => t.ellipsis_type.clone(),
            Value::Bool(_) => t.bool.clone(),
            Value::Int(_) | Value::BigInt(_) => t.int.clone(),
            Value::Float(_) => t.float.clone(),
            Value::Str(_) => t.str.clone(),
            Value::Bytes(_) => t.bytes.clone(),
            Value::List(_) => t.list.clone(),
            Value::Tuple(_) => t.tuple.clone(),
            Value::Dict(_) => t.dict.clone(),
            Value::Set(_) => t.set.clone(),
            Value::FrozenSet(_) => t.frozenset.clone(),
            Value::Range(_) => t.range.clone(),
            Value::Slice(_) => t.slice.clone(),
            Value::Function(_) => t.function.clone(),
            Value::Builtin(_) => t.builtin_function.clone(),
            Value::BoundMethod(_) => t.method.clone(),
            Value::Class(_) => t.type_.clone(),
            Value::Instance(instance) => instance.class.clone(),
            Value::Module(_) => t.module.clone(),
            Value::Iterator(_) => t.iterator.clone(),
            Value::Descriptor(descriptor) => match &**descriptor {
                Descriptor::StaticMethod(_) => t.staticmethod.clone(),
                Descriptor::ClassMethod(_) => t.classmethod.clone(),
                Descriptor::Property { .. } => t.property.clone(),
            },
            Value::Super(_) => t.super_.clone(),
        }
    }

    pub fn type_name(&self, value: &Value) -> Rc<str> {
        self.type_of(value).name.clone()
    }

    pub fn isinstance(&self, value: &Value, class: &Rc<Class>) -> bool {
        if Rc::ptr_eq(class, &self.types.object) {
            return true;
        }
        // bool is an int subclass.
        self.type_of(value).is_subclass(class)
    }

    /// The builtin value behind an instance of a subclass of a builtin
    /// container (`class Env(dict)`), if any.
    pub fn builtin_payload(value: &Value) -> Option<Value> {
        match value {
            Value::Instance(instance) => instance
                .native
                .borrow()
                .as_ref()
                .and_then(|native| native.downcast_ref::<Value>())
                .cloned(),
            _ => None,
        }
    }

    // ----- errors -----

    /// Raises a builtin exception class by name with a message.
    pub fn error(&mut self, class_name: &str, message: impl Into<String>) -> PyErr {
        let class = self.types.exception(class_name);
        self.raise_class(&class, vec![Value::str(message.into())])
    }

    pub fn type_error(&mut self, message: impl Into<String>) -> PyErr {
        self.error("TypeError", message)
    }

    pub fn value_error(&mut self, message: impl Into<String>) -> PyErr {
        self.error("ValueError", message)
    }

    pub fn attribute_error(&mut self, message: impl Into<String>) -> PyErr {
        self.error("AttributeError", message)
    }

    pub fn import_error(&mut self, message: impl Into<String>, name: &str) -> PyErr {
        let error = self.error("ImportError", message);
        if let ErrorKind::Exception(exception) = &*error.0 {
            exception.value.set("name", Value::str(name));
        }
        error
    }

    pub fn key_error(&mut self, key: Value) -> PyErr {
        let class = self.types.exception("KeyError");
        self.raise_class(&class, vec![key])
    }

    /// `OSError` with an errno, as the `io`/`os` functions raise it.
    pub fn os_error(&mut self, error: &std::io::Error, filename: Option<&str>) -> PyErr {
        use std::io::ErrorKind as K;
        let (class_name, errno, text) = match error.kind() {
            K::NotFound => (
                "FileNotFoundError",
                2,
                "No such file or directory".to_string(),
            ),
            K::PermissionDenied => ("PermissionError", 13, error.to_string()),
            K::AlreadyExists => ("FileExistsError", 17, "File exists".to_string()),
            K::IsADirectory => ("IsADirectoryError", 21, "Is a directory".to_string()),
            K::NotADirectory => ("NotADirectoryError", 20, "Not a directory".to_string()),
            _ => ("OSError", 5, error.to_string()),
        };
        let class = self.types.exception(class_name);
        let mut args = vec![Value::Int(errno), Value::str(text.as_str())];
        if let Some(filename) = filename {
            args.push(Value::str(filename));
        }
        let err = self.raise_class(&class, args);
        if let ErrorKind::Exception(exception) = &*err.0 {
            exception.value.set("errno", Value::Int(errno));
            exception.value.set("strerror", Value::str(text.as_str()));
            exception
                .value
                .set("filename", filename.map_or(Value::None, Value::str));
        }
        err
    }

    /// A denied operation (`subprocess`, `os.system`, network): an ordinary
    /// `OSError`, so that a script's own fallback runs.
    pub fn not_allowed(&mut self, what: &str) -> PyErr {
        self.error("OSError", format!("not allowed in distill: {what}"))
    }

    pub fn raise_class(&mut self, class: &Rc<Class>, args: Vec<Value>) -> PyErr {
        let instance = Rc::new(Instance::new(class.clone()));
        instance.set("args", Value::tuple(args));
        self.raise_instance(instance)
    }

    pub fn raise_instance(&mut self, instance: Rc<Instance>) -> PyErr {
        PyErr(Box::new(ErrorKind::Exception(PyException {
            value: instance,
            traceback: self.traceback(),
        })))
    }

    /// The `str()` of an exception, as a traceback's last line shows it.
    pub fn exception_message(&mut self, instance: &Rc<Instance>) -> String {
        let text = self
            .str_of(&Value::Instance(instance.clone()))
            .map(|s| s.to_string())
            .unwrap_or_default();
        if text.is_empty() {
            instance.class.name.to_string()
        } else {
            format!("{}: {}", instance.class.name, text)
        }
    }

    // ----- attributes -----

    pub fn getattr(&mut self, object: &Value, name: &str) -> PyResult<Value> {
        match self.getattr_opt(object, name)? {
            Some(value) => Ok(value),
            None => {
                let message = match object {
                    Value::Module(module) => {
                        format!("module '{}' has no attribute '{name}'", module.name)
                    }
                    Value::Class(class) => {
                        format!("type object '{}' has no attribute '{name}'", class.name)
                    }
                    other => format!(
                        "'{}' object has no attribute '{name}'",
                        self.type_name(other)
                    ),
                };
                Err(self.attribute_error(message))
            }
        }
    }

    /// Attribute lookup; `Ok(None)` when the attribute does not exist.
    pub fn getattr_opt(&mut self, object: &Value, name: &str) -> PyResult<Option<Value>> {
        match object {
            Value::Module(module) => {
                if let Some(value) = module.get(name) {
                    return Ok(Some(value));
                }
                if name == "__dict__" {
                    return Ok(Some(self.namespace_dict(&module.dict)));
                }
                return Ok(None);
            }
            Value::Class(class) => return self.class_getattr(class, name),
            Value::Super(proxy) => return self.super_getattr(proxy, name),
            Value::Instance(instance) => {
                let class = instance.class.clone();
                let class_attr = class.lookup(name);
                if let Some(Value::Descriptor(descriptor)) = &class_attr {
                    if let Descriptor::Property { getter, .. } = &**descriptor {
                        if getter.is_none() {
                            return Err(self.attribute_error(format!(
                                "property '{name}' of '{}' object has no getter",
                                class.name
                            )));
                        }
                        let getter = getter.clone();
                        return self
                            .call(&getter, Args::new(vec![object.clone()]))
                            .map(Some);
                    }
                }
                if let Some(value) = instance.get(name) {
                    return Ok(Some(value));
                }
                match name {
                    "__class__" => return Ok(Some(Value::Class(class))),
                    "__dict__" => return Ok(Some(self.namespace_dict(&instance.dict))),
                    _ => {}
                }
                if let Some(value) = class_attr {
                    return Ok(Some(self.bind(value, object, &class)));
                }
                if let Some(getattr) = class.lookup("__getattr__") {
                    let bound = self.bind(getattr, object, &class);
                    return match self.call(&bound, Args::new(vec![Value::str(name)])) {
                        Ok(value) => Ok(Some(value)),
                        Err(error) if self.is_exception(&error, "AttributeError") => Ok(None),
                        Err(error) => Err(error),
                    };
                }
                return Ok(None);
            }
            Value::Function(function) => {
                // Assigned attributes win (`functools.wraps` sets `__name__`).
                if let Some(value) = function.dict.borrow().get(name) {
                    return Ok(Some(value.clone()));
                }
                match name {
                    "__name__" => return Ok(Some(Value::Str(function.name.clone()))),
                    "__qualname__" => return Ok(Some(Value::Str(function.qualname.clone()))),
                    "__module__" => return Ok(Some(Value::Str(function.module.clone()))),
                    "__dict__" => return Ok(Some(self.namespace_dict(&function.dict))),
                    "__defaults__" => {
                        return Ok(Some(if function.defaults.is_empty() {
                            Value::None
                        } else {
                            Value::tuple(function.defaults.clone())
                        }))
                    }
                    "__globals__" => return Ok(Some(self.namespace_dict(&function.globals))),
                    "__code__" => return self.code_object(function).map(Some),
                    "__kwdefaults__" => {
                        if function.kw_defaults.is_empty() {
                            return Ok(Some(Value::None));
                        }
                        let mut dict = Dict::new();
                        for (name, value) in &function.kw_defaults {
                            dict.insert(HashKey(Value::Str(name.clone())), value.clone());
                        }
                        return Ok(Some(Value::dict(dict)));
                    }
                    _ => {}
                }
                if let Some(value) = function.dict.borrow().get(name) {
                    return Ok(Some(value.clone()));
                }
            }
            Value::Builtin(builtin) => match name {
                "__name__" | "__qualname__" => return Ok(Some(Value::Str(builtin.name.clone()))),
                "__module__" => return Ok(Some(Value::Str(builtin.owner.clone()))),
                "__self__" => return Ok(Some(builtin.bound.clone().unwrap_or(Value::None))),
                "__doc__" => return Ok(Some(Value::None)),
                _ => {}
            },
            Value::BoundMethod(method) => match name {
                "__self__" => return Ok(Some(method.receiver.clone())),
                "__func__" => return Ok(Some(method.function.clone())),
                _ => return self.getattr_opt(&method.function.clone(), name),
            },
            Value::Descriptor(descriptor) => {
                if let Descriptor::StaticMethod(inner) | Descriptor::ClassMethod(inner) =
                    &**descriptor
                {
                    if name == "__func__" {
                        return Ok(Some(inner.clone()));
                    }
                }
            }
            _ => {}
        }
        if name == "__class__" {
            return Ok(Some(Value::Class(self.type_of(object))));
        }
        let class = self.type_of(object);
        match class.lookup(name) {
            // Properties of builtin types (`int.real`) run their getter.
            Some(Value::Descriptor(descriptor))
                if matches!(&*descriptor, Descriptor::Property { .. }) =>
            {
                let Descriptor::Property { getter, .. } = &*descriptor else {
                    return Ok(None);
                };
                let getter = getter.clone();
                self.call1(&getter, object.clone()).map(Some)
            }
            Some(value) => Ok(Some(self.bind(value, object, &class))),
            None => Ok(None),
        }
    }

    /// A read-only `__code__` with what introspection (`inspect`) reads.
    fn code_object(&mut self, function: &Rc<super::value::Function>) -> PyResult<Value> {
        let code = function.code.clone();
        let params = &code.params;
        let object = self.types.object.clone();
        let class = self.new_class("code", "code", "builtins", vec![object], new_namespace())?;
        let instance = self.new_object(&class);
        let mut names: Vec<Value> = params
            .positional
            .iter()
            .chain(&params.keyword_only)
            .map(|p| Value::Str(p.name.clone()))
            .collect();
        names.extend(
            params
                .varargs
                .iter()
                .chain(&params.varkw)
                .map(|n| Value::Str(n.clone())),
        );
        let mut flags = 0;
        if params.varargs.is_some() {
            flags |= 0x04;
        }
        if params.varkw.is_some() {
            flags |= 0x08;
        }
        if code.analysis().is_generator {
            flags |= 0x20;
        }
        instance.set("co_name", Value::Str(code.name.clone()));
        instance.set(
            "co_filename",
            Value::str(code.file.display_path.to_string_lossy().as_ref()),
        );
        instance.set("co_argcount", Value::Int(params.positional.len() as i64));
        instance.set(
            "co_posonlyargcount",
            Value::Int(params.positional_only as i64),
        );
        instance.set(
            "co_kwonlyargcount",
            Value::Int(params.keyword_only.len() as i64),
        );
        instance.set("co_varnames", Value::tuple(names));
        instance.set("co_flags", Value::Int(flags));
        let (line, _) = code.file.line_column(code.range.start().into());
        instance.set("co_firstlineno", Value::Int(line as i64));
        Ok(Value::Instance(instance))
    }

    /// Turns a class attribute into what an instance lookup returns.
    pub fn bind(&mut self, value: Value, object: &Value, class: &Rc<Class>) -> Value {
        match value {
            Value::Function(_) | Value::Builtin(_) => Value::BoundMethod(Rc::new(BoundMethod {
                receiver: object.clone(),
                function: value,
            })),
            other => unwrap_class_attribute(other, class),
        }
    }

    fn class_getattr(&mut self, class: &Rc<Class>, name: &str) -> PyResult<Option<Value>> {
        match name {
            "__name__" => return Ok(Some(Value::Str(class.name.clone()))),
            "__qualname__" => return Ok(Some(Value::Str(class.qualname.clone()))),
            "__module__" if class.builtin.is_some() => {
                return Ok(Some(Value::Str(class.module.clone())))
            }
            "__bases__" => {
                return Ok(Some(Value::tuple(
                    class.bases.iter().cloned().map(Value::Class).collect(),
                )))
            }
            "__mro__" => {
                return Ok(Some(Value::tuple(
                    class.lineage().cloned().map(Value::Class).collect(),
                )))
            }
            "__dict__" => return Ok(Some(self.namespace_dict(&class.dict))),
            "__class__" => return Ok(Some(Value::Class(self.types.type_.clone()))),
            _ => {}
        }
        let Some(value) = class.lookup(name) else {
            // Methods of `type` itself (`mro`, `__subclasses__`).
            let meta = self.types.type_.clone();
            return Ok(meta
                .lookup(name)
                .map(|value| self.bind(value, &Value::Class(class.clone()), &meta)));
        };
        // Through the class, plain functions stay unbound (Python 3).
        Ok(Some(unwrap_class_attribute(value, class)))
    }

    fn super_getattr(&mut self, proxy: &Rc<SuperProxy>, name: &str) -> PyResult<Option<Value>> {
        let start_class = match &proxy.object {
            Value::Class(class) => class.clone(),
            other => self.type_of(other),
        };
        let mut lineage = start_class.lineage();
        // Skip up to and including the class super() was called in.
        for class in lineage.by_ref() {
            if Rc::ptr_eq(class, &proxy.class) {
                break;
            }
        }
        for class in lineage {
            let found = class.dict.borrow().get(name).cloned();
            if let Some(value) = found {
                return Ok(Some(match (&proxy.object, value) {
                    (Value::Class(owner), Value::Function(f)) => {
                        let _ = owner;
                        Value::Function(f)
                    }
                    (object, value) => self.bind(value, object, &start_class),
                }));
            }
        }
        Ok(None)
    }

    pub fn setattr(&mut self, object: &Value, name: &str, value: Value) -> PyResult<()> {
        match object {
            Value::Instance(instance) => {
                let class = instance.class.clone();
                if let Some(Value::Descriptor(descriptor)) = class.lookup(name) {
                    if let Descriptor::Property { setter, .. } = &*descriptor {
                        if setter.is_none() {
                            return Err(self.attribute_error(format!(
                                "property '{name}' of '{}' object has no setter",
                                class.name
                            )));
                        }
                        let setter = setter.clone();
                        self.call(&setter, Args::new(vec![object.clone(), value]))?;
                        return Ok(());
                    }
                }
                if let Some(user_setattr) = class.lookup("__setattr__") {
                    if matches!(user_setattr, Value::Function(_)) {
                        let bound = self.bind(user_setattr, object, &class);
                        self.call(&bound, Args::new(vec![Value::str(name), value]))?;
                        return Ok(());
                    }
                }
                instance.set(name, value);
                Ok(())
            }
            Value::Class(class) if class.builtin.is_none() => {
                class.dict.borrow_mut().insert(name_key(name), value);
                Ok(())
            }
            Value::Module(module) => {
                module.set(name, value);
                Ok(())
            }
            Value::Function(function) => {
                function.dict.borrow_mut().insert(name_key(name), value);
                Ok(())
            }
            other => {
                let type_name = self.type_name(other);
                Err(self.attribute_error(format!(
                    "'{type_name}' object has no attribute '{name}' and no __dict__ for setting new attributes"
                )))
            }
        }
    }

    pub fn delattr(&mut self, object: &Value, name: &str) -> PyResult<()> {
        let removed = match object {
            Value::Instance(instance) => instance.dict.borrow_mut().shift_remove(name).is_some(),
            Value::Class(class) => class.dict.borrow_mut().shift_remove(name).is_some(),
            Value::Module(module) => module.dict.borrow_mut().shift_remove(name).is_some(),
            _ => false,
        };
        if removed {
            Ok(())
        } else {
            let type_name = self.type_name(object);
            Err(self.attribute_error(format!("'{type_name}' object has no attribute '{name}'")))
        }
    }

    /// A namespace as a live dict value.
    fn namespace_dict(&mut self, namespace: &super::value::Namespace) -> Value {
        Value::Dict(namespace.clone())
    }

    pub fn hasattr(&mut self, object: &Value, name: &str) -> PyResult<bool> {
        Ok(self.getattr_opt(object, name)?.is_some())
    }

    /// Calls `object.name(*args)`.
    pub fn call_method(&mut self, object: &Value, name: &str, args: Vec<Value>) -> PyResult<Value> {
        let method = self.getattr(object, name)?;
        self.call(&method, Args::new(args))
    }

    /// Whether an error is a Python exception of the named builtin class (or a subclass).
    pub fn is_exception(&self, error: &PyErr, class_name: &str) -> bool {
        match error.exception() {
            Some(exception) => {
                let class = self.types.exception(class_name);
                exception.value.class.is_subclass(&class)
            }
            None => false,
        }
    }

    // ----- calls -----

    pub fn call(&mut self, function: &Value, mut args: Args) -> PyResult<Value> {
        match function {
            Value::Function(f) => self.call_function(f, args),
            Value::Builtin(builtin) => {
                if let Some(bound) = &builtin.bound {
                    args.positional.insert(0, bound.clone());
                }
                args.data = builtin.data.clone();
                (builtin.func)(self, args)
            }
            Value::BoundMethod(method) => {
                let receiver = match (&method.function, Self::builtin_payload(&method.receiver)) {
                    // A method of a builtin container called on an instance of a
                    // subclass works on the builtin value inside; `object`'s
                    // methods (`__str__`, `__repr__`) keep the instance.
                    (Value::Builtin(builtin), Some(payload))
                        if is_container_type(&builtin.owner) =>
                    {
                        payload
                    }
                    _ => method.receiver.clone(),
                };
                args.positional.insert(0, receiver);
                let function = method.function.clone();
                self.call(&function, args)
            }
            Value::Class(class) => self.instantiate(class, args),
            Value::Instance(instance) => {
                let class = instance.class.clone();
                match class.lookup("__call__") {
                    Some(call) => {
                        let bound = self.bind(call, function, &class);
                        self.call(&bound, args)
                    }
                    None => {
                        Err(self.type_error(format!("'{}' object is not callable", class.name)))
                    }
                }
            }
            Value::Descriptor(descriptor) => match &**descriptor {
                // Calling a staticmethod object directly works since 3.10.
                Descriptor::StaticMethod(inner) => {
                    let inner = inner.clone();
                    self.call(&inner, args)
                }
                _ => Err(self.type_error("'classmethod' object is not callable")),
            },
            other => {
                let type_name = self.type_name(other);
                Err(self.type_error(format!("'{type_name}' object is not callable")))
            }
        }
    }

    pub fn call0(&mut self, function: &Value) -> PyResult<Value> {
        self.call(function, Args::default())
    }

    pub fn call1(&mut self, function: &Value, arg: Value) -> PyResult<Value> {
        self.call(function, Args::new(vec![arg]))
    }

    pub fn is_callable(&self, value: &Value) -> bool {
        match value {
            Value::Function(_) | Value::Builtin(_) | Value::BoundMethod(_) | Value::Class(_) => {
                true
            }
            Value::Instance(instance) => instance.class.lookup("__call__").is_some(),
            _ => false,
        }
    }

    pub fn callable_name(&self, value: &Value) -> String {
        match value {
            Value::Function(f) => f.name.to_string(),
            Value::Builtin(b) => b.name.to_string(),
            Value::BoundMethod(m) => self.callable_name(&m.function),
            Value::Class(c) => c.name.to_string(),
            other => self.type_name(other).to_string(),
        }
    }

    /// `Class(*args)`: builtin constructors, or `__new__` + `__init__`.
    pub fn instantiate(&mut self, class: &Rc<Class>, args: Args) -> PyResult<Value> {
        if class.builtin.is_some() {
            if let Some(constructor) = self.types.constructor(class) {
                return constructor(
                    self,
                    Args {
                        data: Some(Value::Class(class.clone())),
                        ..args
                    },
                );
            }
        }
        // A user-defined `__new__`.
        if let Some(Value::Descriptor(descriptor)) = class.lookup("__new__") {
            if let Descriptor::StaticMethod(new) = &*descriptor {
                if matches!(new, Value::Function(_)) {
                    let new = new.clone();
                    let mut new_args = args.clone();
                    new_args.positional.insert(0, Value::Class(class.clone()));
                    let object = self.call(&new, new_args)?;
                    if let Value::Instance(instance) = &object {
                        if instance.class.is_subclass(class) {
                            self.run_init(class, &object, args)?;
                        }
                    }
                    return Ok(object);
                }
            }
        }
        let object = self.new_instance(class, &args)?;
        self.run_init(class, &object, args)?;
        Ok(object)
    }

    /// Allocates an instance: with `args` for exceptions, with the builtin
    /// value inside for subclasses of builtin containers.
    pub fn new_instance(&mut self, class: &Rc<Class>, args: &Args) -> PyResult<Value> {
        let instance = Rc::new(Instance::new(class.clone()));
        match class.builtin_base() {
            Some(BuiltinType::BaseException) => {
                instance.set("args", Value::tuple(args.positional.clone()));
            }
            Some(
                kind @ (BuiltinType::Dict
                | BuiltinType::List
                | BuiltinType::Set
                | BuiltinType::Str
                | BuiltinType::Int
                | BuiltinType::Tuple),
            ) => {
                let payload = match kind {
                    BuiltinType::Dict => Value::dict(Dict::new()),
                    BuiltinType::List => Value::list(Vec::new()),
                    BuiltinType::Set => Value::Set(Rc::new(RefCell::new(Set::default()))),
                    // Immutable bases take their value from the arguments now.
                    BuiltinType::Str | BuiltinType::Int | BuiltinType::Tuple => {
                        let base = match kind {
                            BuiltinType::Str => self.types.str.clone(),
                            BuiltinType::Int => self.types.int.clone(),
                            _ => self.types.tuple.clone(),
                        };
                        let positional: Vec<Value> =
                            args.positional.iter().take(1).cloned().collect();
                        self.instantiate(&base, Args::new(positional))?
                    }
                    _ => Value::None,
                };
                *instance.native.borrow_mut() = Some(Box::new(payload));
            }
            _ => {}
        }
        Ok(Value::Instance(instance))
    }

    fn run_init(&mut self, class: &Rc<Class>, object: &Value, args: Args) -> PyResult<()> {
        match class.lookup("__init__") {
            Some(init @ Value::Function(_)) => {
                let bound = self.bind(init, object, class);
                let result = self.call(&bound, args)?;
                if !result.is_none() {
                    return Err(self.type_error(format!(
                        "__init__() should return None, not '{}'",
                        self.type_name(&result)
                    )));
                }
                Ok(())
            }
            Some(init) => {
                let bound = self.bind(init, object, class);
                self.call(&bound, args)?;
                Ok(())
            }
            None => Ok(()),
        }
    }

    // ----- conversions -----

    pub fn truthy(&mut self, value: &Value) -> PyResult<bool> {
        Ok(match value {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::BigInt(i) => !i.is_zero(),
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::Bytes(b) => !b.is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::Dict(d) => !d.borrow().is_empty(),
            Value::Set(s) => !s.borrow().items.is_empty(),
            Value::FrozenSet(s) => !s.items.is_empty(),
            Value::Range(r) => !r.is_empty(),
            Value::Instance(instance) => {
                let class = instance.class.clone();
                if let Some(method) = class.lookup("__bool__") {
                    let bound = self.bind(method, value, &class);
                    let result = self.call0(&bound)?;
                    return self.truthy(&result);
                }
                if let Some(method @ Value::Function(_)) = class.lookup("__len__") {
                    let bound = self.bind(method, value, &class);
                    let result = self.call0(&bound)?;
                    return self.truthy(&result);
                }
                if let Some(payload) = Self::builtin_payload(value) {
                    return self.truthy(&payload);
                }
                true
            }
            _ => true,
        })
    }

    /// `str(value)`.
    pub fn str_of(&mut self, value: &Value) -> PyResult<Rc<str>> {
        match value {
            Value::Str(s) => Ok(s.clone()),
            Value::Instance(instance) => {
                let class = instance.class.clone();
                match class.lookup("__str__") {
                    Some(method) => {
                        let bound = self.bind(method, value, &class);
                        let result = self.call0(&bound)?;
                        match result {
                            Value::Str(s) => Ok(s),
                            other => Err(self.type_error(format!(
                                "__str__ returned non-string (type {})",
                                self.type_name(&other)
                            ))),
                        }
                    }
                    None => self.repr(value),
                }
            }
            _ => self.repr(value),
        }
    }

    /// `repr(value)`.
    pub fn repr(&mut self, value: &Value) -> PyResult<Rc<str>> {
        self.step()?;
        Ok(match value {
            Value::None => "None".into(),
            Value::NotImplemented => "NotImplemented".into(),
            Value::Ellipsis => "Ellipsis".into(),
            Value::Bool(true) => "True".into(),
            Value::Bool(false) => "False".into(),
            Value::Int(i) => i.to_string().into(),
            Value::BigInt(i) => i.to_string().into(),
            Value::Float(f) => super::data::float_repr(*f).into(),
            Value::Str(s) => repr_str(s).into(),
            Value::Bytes(b) => repr_bytes(b).into(),
            Value::List(list) => {
                if self.enter_repr(value) {
                    return Ok("[...]".into());
                }
                let items = list.borrow().clone();
                let result = self.repr_items(&items);
                self.leave_repr();
                format!("[{}]", result?).into()
            }
            Value::Tuple(items) => {
                let inner = self.repr_items(items)?;
                if items.len() == 1 {
                    format!("({inner},)").into()
                } else {
                    format!("({inner})").into()
                }
            }
            Value::Dict(dict) => {
                if self.enter_repr(value) {
                    return Ok("{...}".into());
                }
                let pairs: Vec<(Value, Value)> = dict
                    .borrow()
                    .iter()
                    .map(|(k, v)| (k.0.clone(), v.clone()))
                    .collect();
                let mut parts = Vec::with_capacity(pairs.len());
                for (key, item) in pairs {
                    let key = match self.repr(&key) {
                        Ok(key) => key,
                        Err(error) => {
                            self.leave_repr();
                            return Err(error);
                        }
                    };
                    let item = match self.repr(&item) {
                        Ok(item) => item,
                        Err(error) => {
                            self.leave_repr();
                            return Err(error);
                        }
                    };
                    parts.push(format!("{key}: {item}"));
                }
                self.leave_repr();
                format!("{{{}}}", parts.join(", ")).into()
            }
            Value::Set(set) => {
                let items: Vec<Value> = set.borrow().items.iter().map(|k| k.0.clone()).collect();
                if items.is_empty() {
                    "set()".into()
                } else {
                    format!("{{{}}}", self.repr_items(&items)?).into()
                }
            }
            Value::FrozenSet(set) => {
                let items: Vec<Value> = set.items.iter().map(|k| k.0.clone()).collect();
                if items.is_empty() {
                    "frozenset()".into()
                } else {
                    format!("frozenset({{{}}})", self.repr_items(&items)?).into()
                }
            }
            Value::Range(r) => {
                if r.step == 1 {
                    format!("range({}, {})", r.start, r.stop).into()
                } else {
                    format!("range({}, {}, {})", r.start, r.stop, r.step).into()
                }
            }
            Value::Slice(s) => {
                let start = self.repr(&s.start)?;
                let stop = self.repr(&s.stop)?;
                let step = self.repr(&s.step)?;
                format!("slice({start}, {stop}, {step})").into()
            }
            Value::Function(f) => format!(
                "<function {} at 0x{:x}>",
                f.qualname,
                value.identity().unwrap_or(0)
            )
            .into(),
            Value::Builtin(b) => match &b.bound {
                Some(bound) => format!(
                    "<built-in method {} of {} object>",
                    b.name,
                    self.type_name(bound)
                )
                .into(),
                None => format!("<built-in function {}>", b.name).into(),
            },
            Value::BoundMethod(m) => {
                let receiver = self.repr(&m.receiver.clone())?;
                format!(
                    "<bound method {} of {}>",
                    self.callable_name(&m.function),
                    receiver
                )
                .into()
            }
            Value::Class(class) => format!("<class '{}'>", class.full_name()).into(),
            Value::Module(module) => format!("<module '{}'>", module.name).into(),
            Value::Instance(instance) => {
                let class = instance.class.clone();
                if let Some(method) = class.lookup("__repr__") {
                    let bound = self.bind(method, value, &class);
                    let result = self.call0(&bound)?;
                    return match result {
                        Value::Str(s) => Ok(s),
                        other => Err(self.type_error(format!(
                            "__repr__ returned non-string (type {})",
                            self.type_name(&other)
                        ))),
                    };
                }
                if let Some(payload) = Self::builtin_payload(value) {
                    return self.repr(&payload);
                }
                format!(
                    "<{} object at 0x{:x}>",
                    class.full_name(),
                    value.identity().unwrap_or(0)
                )
                .into()
            }
            Value::Iterator(_) => "<iterator object>".into(),
            Value::Descriptor(_) => "<descriptor object>".into(),
            Value::Super(proxy) => format!("<super: <class '{}'>>", proxy.class.name).into(),
        })
    }

    fn repr_items(&mut self, items: &[Value]) -> PyResult<String> {
        let mut parts = Vec::with_capacity(items.len());
        for item in items {
            parts.push(self.repr(item)?.to_string());
        }
        Ok(parts.join(", "))
    }

    /// Guards against infinite recursion when a container contains itself.
    fn enter_repr(&mut self, value: &Value) -> bool {
        let id = value.identity().unwrap_or(0);
        if self.repr_stack.contains(&id) {
            return true;
        }
        self.repr_stack.push(id);
        false
    }

    fn leave_repr(&mut self) {
        self.repr_stack.pop();
    }

    /// `format(value, spec)`.
    pub fn format_value(&mut self, value: &Value, spec: &str) -> PyResult<String> {
        use super::format::{format_with_spec, FormatArg};
        let result = match value {
            Value::Instance(instance) => {
                let class = instance.class.clone();
                if let Some(method @ Value::Function(_)) = class.lookup("__format__") {
                    let bound = self.bind(method, value, &class);
                    let result = self.call1(&bound, Value::str(spec))?;
                    return Ok(self.str_of(&result)?.to_string());
                }
                // `format(x, '')` is `str(x)`, which honours a subclass's `__str__`/`__repr__`.
                if spec.is_empty() {
                    return Ok(self.str_of(value)?.to_string());
                }
                if let Some(payload) = Self::builtin_payload(value) {
                    return self.format_value(&payload, spec);
                }
                return Err(self.type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    class.name
                )));
            }
            Value::Bool(b) if spec.is_empty() => {
                return Ok(if *b { "True" } else { "False" }.into())
            }
            Value::Bool(_) | Value::Int(_) | Value::BigInt(_) => {
                let int = value.as_bigint().unwrap_or_default();
                format_with_spec(FormatArg::Int(&int), spec)
            }
            Value::Float(f) => format_with_spec(FormatArg::Float(*f), spec),
            Value::Str(s) => format_with_spec(FormatArg::Str(s), spec),
            other => {
                if spec.is_empty() {
                    return Ok(self.str_of(other)?.to_string());
                }
                let type_name = self.type_name(other);
                return Err(self.type_error(format!(
                    "unsupported format string passed to {type_name}.__format__"
                )));
            }
        };
        result.map_err(|error| self.format_error(error))
    }

    // ----- hashing -----

    pub fn hash_key(&mut self, value: Value) -> PyResult<HashKey> {
        if HashKey::is_hashable(&value) {
            // An instance of a builtin subclass hashes as its value.
            if let Value::Instance(instance) = &value {
                let user_hash =
                    matches!(instance.class.lookup("__hash__"), Some(Value::Function(_)));
                if !user_hash {
                    if let Some(payload) = Self::builtin_payload(&value) {
                        if HashKey::is_hashable(&payload) {
                            return Ok(HashKey(payload));
                        }
                    }
                }
            }
            Ok(HashKey(value))
        } else {
            let type_name = self.type_name(&value);
            Err(self.type_error(format!("unhashable type: '{type_name}'")))
        }
    }

    // ----- items -----

    /// Normalizes an index for a sequence of `len` items.
    pub fn sequence_index(&mut self, index: &Value, len: usize, what: &str) -> PyResult<usize> {
        let Some(i) = self.index_value(index)? else {
            let type_name = self.type_name(index);
            return Err(self.type_error(format!(
                "{what} indices must be integers or slices, not {type_name}"
            )));
        };
        let len = len as i64;
        let resolved = if i < 0 { i + len } else { i };
        if resolved < 0 || resolved >= len {
            return Err(self.error("IndexError", format!("{what} index out of range")));
        }
        Ok(resolved as usize)
    }

    /// An int (or an object with `__index__`) as `i64`.
    pub fn index_value(&mut self, value: &Value) -> PyResult<Option<i64>> {
        match value {
            Value::Bool(b) => Ok(Some(*b as i64)),
            Value::Int(i) => Ok(Some(*i)),
            Value::BigInt(b) => Ok(Some(if b.is_negative() { i64::MIN } else { i64::MAX })),
            Value::Instance(_) => match Self::builtin_payload(value) {
                Some(payload) => self.index_value(&payload),
                None => Ok(None),
            },
            _ => Ok(None),
        }
    }

    /// Resolves a slice against a length: `(start, stop, step)` as indices.
    pub fn slice_indices(
        &mut self,
        slice: &super::value::Slice,
        len: usize,
    ) -> PyResult<(i64, i64, i64)> {
        let len = len as i64;
        let step = if slice.step.is_none() {
            1
        } else {
            match self.index_value(&slice.step)? {
                Some(0) => return Err(self.value_error("slice step cannot be zero")),
                Some(step) => step,
                None => {
                    return Err(self.type_error(
                        "slice indices must be integers or None or have an __index__ method",
                    ))
                }
            }
        };
        let bound = |interp: &mut Interp, value: &Value, default: i64| -> PyResult<i64> {
            if value.is_none() {
                return Ok(default);
            }
            let Some(mut i) = interp.index_value(value)? else {
                return Err(interp.type_error(
                    "slice indices must be integers or None or have an __index__ method",
                ));
            };
            if i < 0 {
                i += len;
                if i < 0 {
                    i = if step < 0 { -1 } else { 0 };
                }
            } else if i >= len {
                i = if step < 0 { len - 1 } else { len };
            }
            Ok(i)
        };
        let (default_start, default_stop) = if step < 0 { (len - 1, -1) } else { (0, len) };
        let start = bound(self, &slice.start, default_start)?;
        let stop = bound(self, &slice.stop, default_stop)?;
        Ok((start, stop, step))
    }

    /// The positions a slice selects.
    pub fn slice_positions(
        &mut self,
        slice: &super::value::Slice,
        len: usize,
    ) -> PyResult<Vec<usize>> {
        let (start, stop, step) = self.slice_indices(slice, len)?;
        let mut positions = Vec::new();
        let mut i = start;
        while (step > 0 && i < stop) || (step < 0 && i > stop) {
            positions.push(i as usize);
            i += step;
        }
        Ok(positions)
    }

    pub fn getitem(&mut self, object: &Value, index: &Value) -> PyResult<Value> {
        match object {
            Value::List(list) => {
                if let Value::Slice(slice) = index {
                    let items = list.borrow().clone();
                    let positions = self.slice_positions(slice, items.len())?;
                    return Ok(Value::list(
                        positions.into_iter().map(|i| items[i].clone()).collect(),
                    ));
                }
                let len = list.borrow().len();
                let i = self.sequence_index(index, len, "list")?;
                Ok(list.borrow()[i].clone())
            }
            Value::Tuple(items) => {
                if let Value::Slice(slice) = index {
                    let positions = self.slice_positions(slice, items.len())?;
                    return Ok(Value::tuple(
                        positions.into_iter().map(|i| items[i].clone()).collect(),
                    ));
                }
                let i = self.sequence_index(index, items.len(), "tuple")?;
                Ok(items[i].clone())
            }
            Value::Str(text) => {
                if let Value::Slice(slice) = index {
                    if text.is_ascii() {
                        let positions = self.slice_positions(slice, text.len())?;
                        let bytes = text.as_bytes();
                        let out: String = positions.into_iter().map(|i| bytes[i] as char).collect();
                        return Ok(Value::str(out));
                    }
                    let chars: Vec<char> = text.chars().collect();
                    let positions = self.slice_positions(slice, chars.len())?;
                    return Ok(Value::str(
                        positions.into_iter().map(|i| chars[i]).collect::<String>(),
                    ));
                }
                if text.is_ascii() {
                    let i = self.sequence_index(index, text.len(), "string")?;
                    return Ok(Value::str(&text[i..i + 1]));
                }
                let count = text.chars().count();
                let i = self.sequence_index(index, count, "string")?;
                Ok(Value::str(
                    text.chars().nth(i).map(String::from).unwrap_or_default(),
                ))
            }
            Value::Bytes(bytes) => {
                if let Value::Slice(slice) = index {
                    let positions = self.slice_positions(slice, bytes.len())?;
                    let out: Vec<u8> = positions.into_iter().map(|i| bytes[i]).collect();
                    return Ok(Value::Bytes(out.into()));
                }
                let i = self.sequence_index(index, bytes.len(), "index")?;
                Ok(Value::Int(bytes[i] as i64))
            }
            Value::Range(range) => {
                let i = self.sequence_index(index, range.len() as usize, "range object")?;
                Ok(Value::Int(range.get(i as i64)))
            }
            Value::Dict(dict) => {
                let key = self.hash_key(index.clone())?;
                let found = dict.borrow().get(&key).cloned();
                match found {
                    Some(value) => Ok(value),
                    None => Err(self.key_error(index.clone())),
                }
            }
            Value::Instance(instance) => {
                let class = instance.class.clone();
                if let Some(method) = class
                    .lookup("__getitem__")
                    .filter(|m| !matches!(m, Value::Builtin(_)))
                {
                    let bound = self.bind(method, object, &class);
                    return self.call1(&bound, index.clone());
                }
                if let Some(payload) = Self::builtin_payload(object) {
                    if let Value::Dict(dict) = &payload {
                        let key = self.hash_key(index.clone())?;
                        let found = dict.borrow().get(&key).cloned();
                        if let Some(value) = found {
                            return Ok(value);
                        }
                        if let Some(missing) = class.lookup("__missing__") {
                            let bound = self.bind(missing, object, &class);
                            return self.call1(&bound, index.clone());
                        }
                        return Err(self.key_error(index.clone()));
                    }
                    return self.getitem(&payload, index);
                }
                Err(self.type_error(format!("'{}' object is not subscriptable", class.name)))
            }
            Value::Class(class) => {
                // `list[str]` in annotations evaluated at runtime.
                Ok(Value::Class(class.clone()))
            }
            other => {
                let type_name = self.type_name(other);
                Err(self.type_error(format!("'{type_name}' object is not subscriptable")))
            }
        }
    }

    pub fn setitem(&mut self, object: &Value, index: Value, value: Value) -> PyResult<()> {
        match object {
            Value::List(list) => {
                if let Value::Slice(slice) = &index {
                    let replacement = self.collect(&value)?;
                    let len = list.borrow().len();
                    let (start, stop, step) = self.slice_indices(slice, len)?;
                    if step == 1 {
                        let start = start.max(0) as usize;
                        let stop = (stop.max(start as i64)) as usize;
                        list.borrow_mut().splice(start..stop, replacement);
                        return Ok(());
                    }
                    let positions = self.slice_positions(slice, len)?;
                    if positions.len() != replacement.len() {
                        return Err(self.value_error(format!(
                            "attempt to assign sequence of size {} to extended slice of size {}",
                            replacement.len(),
                            positions.len()
                        )));
                    }
                    let mut items = list.borrow_mut();
                    for (position, item) in positions.into_iter().zip(replacement) {
                        items[position] = item;
                    }
                    return Ok(());
                }
                let len = list.borrow().len();
                let i = self.sequence_index(&index, len, "list assignment")?;
                list.borrow_mut()[i] = value;
                Ok(())
            }
            Value::Dict(dict) => {
                let key = self.hash_key(index)?;
                let mut dict = dict.borrow_mut();
                dict.insert(key, value);
                let len = dict.len();
                drop(dict);
                self.check_size(len)
            }
            Value::Instance(instance) => {
                let class = instance.class.clone();
                if let Some(method) = class
                    .lookup("__setitem__")
                    .filter(|m| !matches!(m, Value::Builtin(_)))
                {
                    let bound = self.bind(method, object, &class);
                    self.call(&bound, Args::new(vec![index, value]))?;
                    return Ok(());
                }
                if let Some(payload) = Self::builtin_payload(object) {
                    return self.setitem(&payload, index, value);
                }
                Err(self.type_error(format!(
                    "'{}' object does not support item assignment",
                    class.name
                )))
            }
            other => {
                let type_name = self.type_name(other);
                Err(self.type_error(format!(
                    "'{type_name}' object does not support item assignment"
                )))
            }
        }
    }

    pub fn delitem(&mut self, object: &Value, index: &Value) -> PyResult<()> {
        match object {
            Value::List(list) => {
                if let Value::Slice(slice) = index {
                    let len = list.borrow().len();
                    let mut positions = self.slice_positions(slice, len)?;
                    positions.sort_unstable();
                    let mut items = list.borrow_mut();
                    for position in positions.into_iter().rev() {
                        items.remove(position);
                    }
                    return Ok(());
                }
                let len = list.borrow().len();
                let i = self.sequence_index(index, len, "list assignment")?;
                list.borrow_mut().remove(i);
                Ok(())
            }
            Value::Dict(dict) => {
                let key = self.hash_key(index.clone())?;
                let removed = dict.borrow_mut().shift_remove(&key);
                match removed {
                    Some(_) => Ok(()),
                    None => Err(self.key_error(index.clone())),
                }
            }
            Value::Instance(instance) => {
                let class = instance.class.clone();
                if let Some(method) = class
                    .lookup("__delitem__")
                    .filter(|m| !matches!(m, Value::Builtin(_)))
                {
                    let bound = self.bind(method, object, &class);
                    self.call1(&bound, index.clone())?;
                    return Ok(());
                }
                if let Some(payload) = Self::builtin_payload(object) {
                    return self.delitem(&payload, index);
                }
                Err(self.type_error(format!(
                    "'{}' object doesn't support item deletion",
                    class.name
                )))
            }
            other => {
                let type_name = self.type_name(other);
                Err(self.type_error(format!(
                    "'{type_name}' object doesn't support item deletion"
                )))
            }
        }
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        match container {
            Value::Str(text) => match item {
                Value::Str(needle) => Ok(text.contains(&**needle)),
                other => {
                    let type_name = self.type_name(other);
                    Err(self.type_error(format!(
                        "'in <string>' requires string as left operand, not {type_name}"
                    )))
                }
            },
            Value::Bytes(bytes) => match item {
                Value::Bytes(needle) => {
                    Ok(needle.is_empty() || bytes.windows(needle.len()).any(|w| w == &needle[..]))
                }
                Value::Int(i) => Ok(bytes.contains(&(*i as u8))),
                _ => Err(self.type_error("a bytes-like object is required")),
            },
            Value::Dict(dict) => {
                let key = self.hash_key(item.clone())?;
                Ok(dict.borrow().contains_key(&key))
            }
            Value::Set(set) => {
                let key = self.hash_key(item.clone())?;
                Ok(set.borrow().items.contains(&key))
            }
            Value::FrozenSet(set) => {
                let key = self.hash_key(item.clone())?;
                Ok(set.items.contains(&key))
            }
            Value::Range(range) => match item.as_i64() {
                Some(i) => {
                    let r = &**range;
                    let in_bounds = if r.step > 0 {
                        i >= r.start && i < r.stop
                    } else {
                        i <= r.start && i > r.stop
                    };
                    Ok(in_bounds && (i - r.start) % r.step == 0)
                }
                None => Ok(false),
            },
            Value::Instance(instance) => {
                let class = instance.class.clone();
                if let Some(method) = class
                    .lookup("__contains__")
                    .filter(|m| !matches!(m, Value::Builtin(_)))
                {
                    let bound = self.bind(method, container, &class);
                    let result = self.call1(&bound, item.clone())?;
                    return self.truthy(&result);
                }
                if let Some(payload) = Self::builtin_payload(container) {
                    return self.contains(&payload, item);
                }
                self.contains_by_iteration(container, item)
            }
            _ => self.contains_by_iteration(container, item),
        }
    }

    fn contains_by_iteration(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        let iterator = self.iter(container)?;
        while let Some(candidate) = self.next(&iterator)? {
            if candidate.is(item) || self.eq(&candidate, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// `len(value)`.
    pub fn len(&mut self, value: &Value) -> PyResult<usize> {
        Ok(match value {
            Value::Str(s) => {
                if s.is_ascii() {
                    s.len()
                } else {
                    s.chars().count()
                }
            }
            Value::Bytes(b) => b.len(),
            Value::List(l) => l.borrow().len(),
            Value::Tuple(t) => t.len(),
            Value::Dict(d) => d.borrow().len(),
            Value::Set(s) => s.borrow().items.len(),
            Value::FrozenSet(s) => s.items.len(),
            Value::Range(r) => r.len() as usize,
            Value::Instance(instance) => {
                let class = instance.class.clone();
                if let Some(method) = class
                    .lookup("__len__")
                    .filter(|m| !matches!(m, Value::Builtin(_)))
                {
                    let bound = self.bind(method, value, &class);
                    let result = self.call0(&bound)?;
                    return match result.as_i64() {
                        Some(n) if n >= 0 => Ok(n as usize),
                        _ => Err(self.type_error("__len__() should return an int >= 0")),
                    };
                }
                if let Some(payload) = Self::builtin_payload(value) {
                    return self.len(&payload);
                }
                return Err(
                    self.type_error(format!("object of type '{}' has no len()", class.name))
                );
            }
            other => {
                let type_name = self.type_name(other);
                return Err(self.type_error(format!("object of type '{type_name}' has no len()")));
            }
        })
    }

    // ----- iteration -----

    pub fn sequence_iterator(&self, items: Vec<Value>) -> Value {
        Value::Iterator(Rc::new(RefCell::new(PyIter::Sequence { items, index: 0 })))
    }

    /// `iter(value)`.
    pub fn iter(&mut self, value: &Value) -> PyResult<Value> {
        let state = match value {
            Value::Iterator(_) => return Ok(value.clone()),
            Value::List(list) => PyIter::List {
                list: list.clone(),
                index: 0,
            },
            Value::Tuple(items) => PyIter::Sequence {
                items: items.to_vec(),
                index: 0,
            },
            Value::Str(text) => PyIter::Chars {
                text: text.clone(),
                offset: 0,
            },
            Value::Bytes(bytes) => PyIter::Sequence {
                items: bytes.iter().map(|&b| Value::Int(b as i64)).collect(),
                index: 0,
            },
            Value::Dict(dict) => PyIter::Sequence {
                items: dict.borrow().keys().map(|k| k.0.clone()).collect(),
                index: 0,
            },
            Value::Set(set) => PyIter::Sequence {
                items: set.borrow().items.iter().map(|k| k.0.clone()).collect(),
                index: 0,
            },
            Value::FrozenSet(set) => PyIter::Sequence {
                items: set.items.iter().map(|k| k.0.clone()).collect(),
                index: 0,
            },
            Value::Range(range) => PyIter::Range {
                next: range.start,
                stop: range.stop,
                step: range.step,
            },
            Value::Instance(instance) => {
                let class = instance.class.clone();
                if let Some(method) = class
                    .lookup("__iter__")
                    .filter(|m| !matches!(m, Value::Builtin(_)))
                {
                    let bound = self.bind(method, value, &class);
                    let iterator = self.call0(&bound)?;
                    return match &iterator {
                        Value::Iterator(_) => Ok(iterator),
                        Value::Instance(_) => {
                            Ok(Value::Iterator(Rc::new(RefCell::new(PyIter::Protocol {
                                object: iterator,
                            }))))
                        }
                        other => self.iter(&other.clone()),
                    };
                }
                if let Some(payload) = Self::builtin_payload(value) {
                    return self.iter(&payload);
                }
                if class.lookup("__getitem__").is_some() {
                    // The old sequence protocol: items 0, 1, ... until IndexError.
                    let mut items = Vec::new();
                    loop {
                        match self.getitem(value, &Value::Int(items.len() as i64)) {
                            Ok(item) => items.push(item),
                            Err(error) if self.is_exception(&error, "IndexError") => break,
                            Err(error) => return Err(error),
                        }
                        self.check_size(items.len())?;
                    }
                    return Ok(self.sequence_iterator(items));
                }
                return Err(self.type_error(format!("'{}' object is not iterable", class.name)));
            }
            other => {
                let type_name = self.type_name(other);
                return Err(self.type_error(format!("'{type_name}' object is not iterable")));
            }
        };
        Ok(Value::Iterator(Rc::new(RefCell::new(state))))
    }

    /// The next item of an iterator, `None` at the end.
    pub fn next(&mut self, iterator: &Value) -> PyResult<Option<Value>> {
        let Value::Iterator(state) = iterator else {
            if let Value::Instance(_) = iterator {
                let method = self.getattr(iterator, "__next__")?;
                return match self.call0(&method) {
                    Ok(value) => Ok(Some(value)),
                    Err(error) if self.is_exception(&error, "StopIteration") => Ok(None),
                    Err(error) => Err(error),
                };
            }
            let type_name = self.type_name(iterator);
            return Err(self.type_error(format!("'{type_name}' object is not an iterator")));
        };
        // Simple states advance without calling back into Python.
        {
            let mut state = state.borrow_mut();
            match &mut *state {
                PyIter::Sequence { items, index } => {
                    let item = items.get(*index).cloned();
                    *index += 1;
                    return Ok(item);
                }
                PyIter::List { list, index } => {
                    let item = list.borrow().get(*index).cloned();
                    *index += 1;
                    return Ok(item);
                }
                PyIter::Range { next, stop, step } => {
                    if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                        let value = *next;
                        *next += *step;
                        return Ok(Some(Value::Int(value)));
                    }
                    return Ok(None);
                }
                PyIter::Chars { text, offset } => {
                    let Some(c) = text[*offset..].chars().next() else {
                        return Ok(None);
                    };
                    let start = *offset;
                    *offset += c.len_utf8();
                    return Ok(Some(Value::str(&text[start..*offset])));
                }
                PyIter::Exhausted => return Ok(None),
                _ => {}
            }
        }
        // Native iterators run with the state taken out, so they may call
        // back into the interpreter.
        if matches!(&*state.borrow(), PyIter::Native(_)) {
            let taken = std::mem::replace(&mut *state.borrow_mut(), PyIter::Exhausted);
            let PyIter::Native(mut native) = taken else {
                return Ok(None);
            };
            let result = native.next(self);
            if matches!(result, Ok(Some(_))) {
                *state.borrow_mut() = PyIter::Native(native);
            }
            return result;
        }
        self.step()?;
        // States that call back into the interpreter: take what we need first.
        let snapshot = match &*state.borrow() {
            PyIter::Enumerate { inner, count } => IterStep::Enumerate(inner.clone(), count.clone()),
            PyIter::Zip { inners } => IterStep::Zip(inners.clone()),
            PyIter::Map { function, inners } => IterStep::Map(function.clone(), inners.clone()),
            PyIter::Filter { function, inner } => IterStep::Filter(function.clone(), inner.clone()),
            PyIter::Protocol { object } => IterStep::Protocol(object.clone()),
            PyIter::Callable { function, sentinel } => {
                IterStep::Callable(function.clone(), sentinel.clone())
            }
            PyIter::Count { next, step } => IterStep::Count(next.clone(), step.clone()),
            PyIter::Chain { sources, current } => IterStep::Chain(sources.clone(), current.clone()),
            _ => return Ok(None),
        };
        let result = match snapshot {
            IterStep::Enumerate(inner, count) => match self.next(&inner)? {
                Some(item) => {
                    let next_count = self.binary_op(
                        rustpython_parser::ast::Operator::Add,
                        &count,
                        &Value::Int(1),
                    )?;
                    if let PyIter::Enumerate { count: c, .. } = &mut *state.borrow_mut() {
                        *c = next_count;
                    }
                    Some(Value::tuple(vec![count, item]))
                }
                None => None,
            },
            IterStep::Zip(inners) => {
                if inners.is_empty() {
                    None
                } else {
                    let mut items = Vec::with_capacity(inners.len());
                    let mut done = false;
                    for inner in &inners {
                        match self.next(inner)? {
                            Some(item) => items.push(item),
                            None => {
                                done = true;
                                break;
                            }
                        }
                    }
                    (!done).then(|| Value::tuple(items))
                }
            }
            IterStep::Map(function, inners) => {
                let mut args = Vec::with_capacity(inners.len());
                let mut done = false;
                for inner in &inners {
                    match self.next(inner)? {
                        Some(item) => args.push(item),
                        None => {
                            done = true;
                            break;
                        }
                    }
                }
                if done {
                    None
                } else {
                    Some(self.call(&function, Args::new(args))?)
                }
            }
            IterStep::Filter(function, inner) => loop {
                let Some(item) = self.next(&inner)? else {
                    break None;
                };
                let keep = if function.is_none() {
                    self.truthy(&item)?
                } else {
                    let result = self.call1(&function, item.clone())?;
                    self.truthy(&result)?
                };
                if keep {
                    break Some(item);
                }
                self.step()?;
            },
            IterStep::Protocol(object) => {
                let method = self.getattr(&object, "__next__")?;
                match self.call0(&method) {
                    Ok(value) => Some(value),
                    Err(error) if self.is_exception(&error, "StopIteration") => None,
                    Err(error) => return Err(error),
                }
            }
            IterStep::Callable(function, sentinel) => {
                let value = self.call0(&function)?;
                if self.eq(&value, &sentinel)? {
                    None
                } else {
                    Some(value)
                }
            }
            IterStep::Count(next, step) => {
                let following =
                    self.binary_op(rustpython_parser::ast::Operator::Add, &next, &step)?;
                if let PyIter::Count { next: n, .. } = &mut *state.borrow_mut() {
                    *n = following;
                }
                Some(next)
            }
            IterStep::Chain(sources, mut current) => loop {
                if let Some(iterator) = &current {
                    if let Some(item) = self.next(iterator)? {
                        break Some(item);
                    }
                }
                match self.next(&sources)? {
                    Some(source) => {
                        let iterator = self.iter(&source)?;
                        current = Some(iterator.clone());
                        if let PyIter::Chain { current: c, .. } = &mut *state.borrow_mut() {
                            *c = Some(iterator);
                        }
                    }
                    None => break None,
                }
                self.step()?;
            },
        };
        if result.is_none() {
            *state.borrow_mut() = PyIter::Exhausted;
        }
        Ok(result)
    }

    /// All items of an iterable (bounded by the size budget).
    pub fn collect(&mut self, value: &Value) -> PyResult<Vec<Value>> {
        match value {
            Value::List(list) => return Ok(list.borrow().clone()),
            Value::Tuple(items) => return Ok(items.to_vec()),
            _ => {}
        }
        let iterator = self.iter(value)?;
        let mut items = Vec::new();
        while let Some(item) = self.next(&iterator)? {
            items.push(item);
            if items.len() & 0xfff == 0 {
                self.check_size(items.len())?;
            }
        }
        self.check_size(items.len())?;
        Ok(items)
    }

    /// `(key, value)` pairs of a mapping (for `**mapping` and `dict(mapping)`).
    pub fn mapping_items(&mut self, mapping: &Value) -> PyResult<Vec<(Value, Value)>> {
        match mapping {
            Value::Dict(dict) => Ok(dict
                .borrow()
                .iter()
                .map(|(k, v)| (k.0.clone(), v.clone()))
                .collect()),
            Value::Instance(_) => {
                if let Some(Value::Dict(dict)) = Self::builtin_payload(mapping) {
                    if self.getattr_opt(mapping, "keys")?.is_some_and(|k| matches!(k, Value::BoundMethod(ref m) if matches!(m.function, Value::Builtin(_)))) {
                        return Ok(dict
                            .borrow()
                            .iter()
                            .map(|(k, v)| (k.0.clone(), v.clone()))
                            .collect());
                    }
                }
                let keys = self.call_method(mapping, "keys", vec![])?;
                let keys = self.collect(&keys)?;
                let mut items = Vec::with_capacity(keys.len());
                for key in keys {
                    let value = self.getitem(mapping, &key)?;
                    items.push((key, value));
                }
                Ok(items)
            }
            other => {
                let type_name = self.type_name(other);
                Err(self.type_error(format!("'{type_name}' object is not a mapping")))
            }
        }
    }

    /// A new empty instance dict namespace (for natives building objects).
    pub fn new_object(&mut self, class: &Rc<Class>) -> Rc<Instance> {
        let instance = Instance {
            class: class.clone(),
            dict: new_namespace(),
            native: RefCell::new(None),
        };
        Rc::new(instance)
    }

    /// A `str` argument or a `TypeError` naming the function.
    pub fn expect_str(&mut self, value: &Value, what: &str) -> PyResult<Rc<str>> {
        match value {
            Value::Str(s) => Ok(s.clone()),
            Value::Instance(_) => match Self::builtin_payload(value) {
                Some(Value::Str(s)) => Ok(s),
                _ => {
                    let type_name = self.type_name(value);
                    Err(self.type_error(format!("{what} must be str, not {type_name}")))
                }
            },
            other => {
                let type_name = self.type_name(other);
                Err(self.type_error(format!("{what} must be str, not {type_name}")))
            }
        }
    }

    /// An `int` argument as `i64`.
    pub fn expect_int(&mut self, value: &Value, what: &str) -> PyResult<i64> {
        match self.index_value(value)? {
            Some(i) => Ok(i),
            None => {
                let type_name = self.type_name(value);
                Err(self.type_error(format!("{what} must be an integer, not {type_name}")))
            }
        }
    }
}

enum IterStep {
    Enumerate(Value, Value),
    Zip(Vec<Value>),
    Map(Value, Vec<Value>),
    Filter(Value, Value),
    Protocol(Value),
    Callable(Value, Value),
    Count(Value, Value),
    Chain(Value, Option<Value>),
}

/// What a class attribute is when looked up on the class (or, for anything
/// but plain functions, on an instance): a staticmethod's function, a
/// classmethod bound to the class, or the value itself.
fn unwrap_class_attribute(value: Value, class: &Rc<Class>) -> Value {
    match value {
        Value::Descriptor(descriptor) => match &*descriptor {
            Descriptor::StaticMethod(inner) => inner.clone(),
            Descriptor::ClassMethod(inner) => Value::BoundMethod(Rc::new(BoundMethod {
                receiver: Value::Class(class.clone()),
                function: inner.clone(),
            })),
            Descriptor::Property { .. } => Value::Descriptor(descriptor.clone()),
        },
        other => other,
    }
}

/// The builtin classes whose instances a subclass wraps as its payload.
fn is_container_type(owner: &str) -> bool {
    matches!(
        owner,
        "dict" | "list" | "set" | "frozenset" | "str" | "bytes" | "int" | "float" | "tuple"
    )
}

/// Whether `str.isprintable()` holds for a character: not a control, format,
/// separator (other than the ASCII space), surrogate, private-use or
/// noncharacter code point. `repr()` escapes exactly the characters for
/// which this is false, as CPython does, so both use this one predicate.
pub fn is_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    !matches!(c as u32,
        0xad | 0x600..=0x605 | 0x61c | 0x6dd | 0x70f | 0x8e2 | 0x180e
        | 0x200b..=0x200f | 0x202a..=0x202e | 0x2060..=0x2064 | 0x2066..=0x206f
        | 0xd800..=0xf8ff | 0xfeff | 0xfff9..=0xfffb | 0xfffe | 0xffff | 0x110bd | 0x110cd
        | 0x1bca0..=0x1bca3 | 0x1d173..=0x1d17a | 0xe0001 | 0xe0020..=0xe007f
        | 0xf0000..=0x10ffff)
}

/// `repr(str)` as CPython writes it.
pub fn repr_str(text: &str) -> String {
    let quote = if text.contains('\'') && !text.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(text.len() + 2);
    out.push(quote);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if !is_printable(c) => {
                let code = c as u32;
                if code <= 0xff {
                    out.push_str(&format!("\\x{code:02x}"));
                } else if code <= 0xffff {
                    out.push_str(&format!("\\u{code:04x}"));
                } else {
                    out.push_str(&format!("\\U{code:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// `repr(bytes)` as CPython writes it.
pub fn repr_bytes(bytes: &[u8]) -> String {
    let quote = if bytes.contains(&b'\'') && !bytes.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::from("b");
    out.push(quote as char);
    for &b in bytes {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            b if b == quote => {
                out.push('\\');
                out.push(b as char);
            }
            0x20..=0x7e => out.push(b as char),
            b => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push(quote as char);
    out
}
