//! `re`: Python's regular expressions on [`crate::python::re_engine`].
//! Patterns are cached by (pattern, flags) as CPython's `re` does.

use std::rc::Rc;
use std::sync::Arc;

use super::new_module;
use crate::python::native::{add_functions, add_methods};
use crate::python::re_engine::{
    self, FindAll, Flags, Match, Pattern, ReError, ReErrorKind, Replacement,
};
use crate::python::value::{new_namespace, Args, Class, Dict, HashKey, Module, Value};
use crate::python::{Interp, PyErr, PyResult};

const FLAGS: &[(&str, u32)] = &[
    ("TEMPLATE", 1),
    ("T", 1),
    ("IGNORECASE", 2),
    ("I", 2),
    ("LOCALE", 4),
    ("L", 4),
    ("MULTILINE", 8),
    ("M", 8),
    ("DOTALL", 16),
    ("S", 16),
    ("UNICODE", 32),
    ("U", 32),
    ("VERBOSE", 64),
    ("X", 64),
    ("DEBUG", 128),
    ("ASCII", 256),
    ("A", 256),
    ("NOFLAG", 0),
];

/// State of a `re.Pattern` instance.
struct PatternState {
    pattern: Arc<Pattern>,
}

/// State of a `re.Match` instance.
struct MatchState {
    matched: Match<'static>,
    pattern: Value,
}

pub fn create(interp: &mut Interp) -> PyResult<Rc<Module>> {
    let module = new_module("re");
    for (name, value) in FLAGS {
        module.set(name, Value::Int(*value as i64));
    }
    let exception = interp.types.exception("Exception");
    let error = interp.new_class("error", "error", "re", vec![exception], new_namespace())?;
    module.set("error", Value::Class(error.clone()));
    module.set("PatternError", Value::Class(error));

    let object = interp.types.object.clone();
    let pattern = interp.new_class(
        "Pattern",
        "Pattern",
        "re",
        vec![object.clone()],
        new_namespace(),
    )?;
    add_methods(
        &pattern,
        &[
            ("search", pattern_search),
            ("match", pattern_match),
            ("fullmatch", pattern_fullmatch),
            ("findall", pattern_findall),
            ("finditer", pattern_finditer),
            ("sub", pattern_sub),
            ("subn", pattern_subn),
            ("split", pattern_split),
            ("__repr__", pattern_repr),
        ],
    );
    module.set("Pattern", Value::Class(pattern));
    let matched = interp.new_class("Match", "Match", "re", vec![object], new_namespace())?;
    add_methods(
        &matched,
        &[
            ("group", match_group),
            ("__getitem__", match_getitem),
            ("groups", match_groups),
            ("groupdict", match_groupdict),
            ("start", match_start),
            ("end", match_end),
            ("span", match_span),
            ("expand", match_expand),
            ("__repr__", match_repr),
        ],
    );
    module.set("Match", Value::Class(matched));
    add_functions(
        &module,
        &[
            ("compile", compile),
            ("search", search),
            ("match", match_),
            ("fullmatch", fullmatch),
            ("findall", findall),
            ("finditer", finditer),
            ("sub", sub),
            ("subn", subn),
            ("split", split),
            ("escape", escape),
            ("purge", purge),
        ],
    );
    Ok(module)
}

fn re_class(interp: &mut Interp, name: &str) -> PyResult<Rc<Class>> {
    let module = match interp.module("re") {
        Some(module) => module,
        None => return Err(interp.error("ImportError", "re is not imported")),
    };
    match module.get(name) {
        Some(Value::Class(class)) => Ok(class),
        _ => Err(interp.error("ImportError", format!("re.{name} is missing"))),
    }
}

/// Raises the Python exception for an engine error.
fn engine_error(interp: &mut Interp, error: ReError, pattern: &str) -> PyErr {
    match error.kind {
        ReErrorKind::Error => {
            let class = match re_class(interp, "error") {
                Ok(class) => class,
                Err(error) => return error,
            };
            let message = error.to_string();
            let raised = interp.raise_class(&class, vec![Value::str(message.as_str())]);
            if let Some(exception) = raised.exception() {
                exception
                    .value
                    .set("msg", Value::str(error.message.as_str()));
                exception.value.set("pattern", Value::str(pattern));
                exception.value.set(
                    "pos",
                    error.position.map_or(Value::None, |p| Value::Int(p as i64)),
                );
            }
            raised
        }
        ReErrorKind::Overflow => interp.error("OverflowError", error.to_string()),
        ReErrorKind::Index => interp.error("IndexError", error.to_string()),
        ReErrorKind::Value => interp.error("ValueError", error.to_string()),
        ReErrorKind::Recursion => interp.error("RecursionError", error.to_string()),
        // Syntax CPython accepts but the engines cannot run: still `re.error`
        // (a script's `except re.error` fallback runs), naming the pattern.
        ReErrorKind::Unsupported | ReErrorKind::Runtime => {
            let class = match re_class(interp, "error") {
                Ok(class) => class,
                Err(error) => return error,
            };
            let message = format!(
                "{error} (in pattern {}; not supported by distill)",
                crate::python::objects::repr_str(pattern)
            );
            let raised = interp.raise_class(&class, vec![Value::str(message.as_str())]);
            if let Some(exception) = raised.exception() {
                exception
                    .value
                    .set("msg", Value::str(error.message.as_str()));
                exception.value.set("pattern", Value::str(pattern));
                exception.value.set(
                    "pos",
                    error.position.map_or(Value::None, |p| Value::Int(p as i64)),
                );
            }
            raised
        }
    }
}

fn flags_arg(interp: &mut Interp, value: Option<&Value>) -> PyResult<Flags> {
    match value {
        None => Ok(Flags(0)),
        Some(value) => Ok(Flags(interp.expect_int(value, "flags")? as u32)),
    }
}

/// Compiles (or finds in the cache) a pattern object.
fn compiled(interp: &mut Interp, pattern: &Value, flags: Flags) -> PyResult<Value> {
    if let Value::Instance(instance) = pattern {
        if instance.native(|_: &mut PatternState| ()).is_some() {
            if flags.0 != 0 {
                return Err(
                    interp.value_error("cannot process flags argument with a compiled pattern")
                );
            }
            return Ok(pattern.clone());
        }
    }
    let Value::Str(text) = pattern else {
        let type_name = interp.type_name(pattern);
        return Err(interp.type_error(format!(
            "first argument must be string or compiled pattern, not {type_name}"
        )));
    };
    let key = (text.to_string(), flags.0);
    if let Some(cached) = interp.regex_cache.get(&key) {
        return Ok(cached.clone());
    }
    let compiled = re_engine::compile(text, flags).map_err(|e| engine_error(interp, e, text))?;
    let class = re_class(interp, "Pattern")?;
    let instance = interp.new_object(&class);
    instance.set("pattern", Value::Str(text.clone()));
    instance.set("flags", Value::Int(compiled.flags().0 as i64 | 32));
    instance.set("groups", Value::Int(compiled.groups() as i64));
    let mut index = Dict::new();
    for (name, number) in compiled.group_index() {
        index.insert(
            HashKey(Value::str(name.as_str())),
            Value::Int(*number as i64),
        );
    }
    instance.set("groupindex", Value::dict(index));
    *instance.native.borrow_mut() = Some(Box::new(PatternState {
        pattern: Arc::new(compiled),
    }));
    let value = Value::Instance(instance);
    if interp.regex_cache.len() > 512 {
        interp.regex_cache.clear();
    }
    interp.regex_cache.insert(key, value.clone());
    Ok(value)
}

fn pattern_of(interp: &mut Interp, value: &Value) -> PyResult<Arc<Pattern>> {
    if let Value::Instance(instance) = value {
        if let Some(pattern) = instance.native(|state: &mut PatternState| state.pattern.clone()) {
            return Ok(pattern);
        }
    }
    Err(interp.type_error("descriptor requires a 're.Pattern' object"))
}

fn new_match(interp: &mut Interp, matched: Match<'_>, pattern: Value) -> PyResult<Value> {
    let class = re_class(interp, "Match")?;
    let instance = interp.new_object(&class);
    let owned = matched.into_owned();
    instance.set("string", Value::str(owned.string()));
    instance.set("pos", Value::Int(owned.pos() as i64));
    instance.set("endpos", Value::Int(owned.endpos() as i64));
    instance.set(
        "lastindex",
        owned
            .lastindex()
            .map_or(Value::None, |i| Value::Int(i as i64)),
    );
    instance.set(
        "lastgroup",
        owned.lastgroup().map_or(Value::None, Value::str),
    );
    instance.set("re", pattern.clone());
    let regs: Vec<Value> = (0..=owned.group_count())
        .map(|i| {
            let (start, end) = owned
                .span(i)
                .map_or((-1, -1), |(s, e)| (s as i64, e as i64));
            Value::tuple(vec![Value::Int(start), Value::Int(end)])
        })
        .collect();
    instance.set("regs", Value::tuple(regs));
    *instance.native.borrow_mut() = Some(Box::new(MatchState {
        matched: owned,
        pattern,
    }));
    Ok(Value::Instance(instance))
}

/// Runs a closure on a match object's state.
fn with_match<R>(
    interp: &mut Interp,
    value: &Value,
    f: impl FnOnce(&Match<'static>) -> R,
) -> PyResult<R> {
    if let Value::Instance(instance) = value {
        if let Some(result) = instance.native(|state: &mut MatchState| f(&state.matched)) {
            return Ok(result);
        }
    }
    Err(interp.type_error("descriptor requires a 're.Match' object"))
}

fn text_arg(interp: &mut Interp, value: &Value) -> PyResult<Rc<str>> {
    match value {
        Value::Str(s) => Ok(s.clone()),
        other => {
            if let Some(Value::Str(s)) = Interp::builtin_payload(other) {
                return Ok(s);
            }
            let type_name = interp.type_name(other);
            Err(interp.type_error(format!(
                "expected string or bytes-like object, got '{type_name}'"
            )))
        }
    }
}

fn position(
    interp: &mut Interp,
    value: Option<&Value>,
    default: Option<usize>,
) -> PyResult<Option<usize>> {
    match value {
        None | Some(Value::None) => Ok(default),
        Some(value) => Ok(Some(interp.expect_int(value, "position")?.max(0) as usize)),
    }
}

#[derive(Clone, Copy)]
enum Anchor {
    Search,
    Match,
    Full,
}

fn run_match(
    interp: &mut Interp,
    pattern_value: &Value,
    args: &[Option<Value>],
    anchor: Anchor,
) -> PyResult<Value> {
    let pattern = pattern_of(interp, pattern_value)?;
    let text = text_arg(interp, args[0].as_ref().unwrap_or(&Value::None))?;
    let pos = position(interp, args[1].as_ref(), Some(0))?.unwrap_or(0);
    let endpos = position(interp, args[2].as_ref(), None)?;
    let result = match anchor {
        Anchor::Search => pattern.search(&text, pos, endpos),
        Anchor::Match => pattern.match_(&text, pos, endpos),
        Anchor::Full => pattern.fullmatch(&text, pos, endpos),
    };
    match result {
        Ok(Some(matched)) => new_match(interp, matched, pattern_value.clone()),
        Ok(None) => Ok(Value::None),
        Err(error) => Err(engine_error(interp, error, pattern.pattern())),
    }
}

fn method_args(
    interp: &mut Interp,
    args: &Args,
    name: &str,
    names: &[&str],
    required: usize,
) -> PyResult<(Value, Vec<Option<Value>>)> {
    let receiver = args.positional.first().cloned().unwrap_or(Value::None);
    let rest = Args::with_keywords(
        args.positional.iter().skip(1).cloned().collect(),
        args.keywords.clone(),
    );
    let slots = rest.bind(interp, name, names, required)?;
    Ok((receiver, slots))
}

fn pattern_search(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (receiver, slots) = method_args(interp, &args, "search", &["string", "pos", "endpos"], 1)?;
    run_match(interp, &receiver, &slots, Anchor::Search)
}

fn pattern_match(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (receiver, slots) = method_args(interp, &args, "match", &["string", "pos", "endpos"], 1)?;
    run_match(interp, &receiver, &slots, Anchor::Match)
}

fn pattern_fullmatch(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (receiver, slots) =
        method_args(interp, &args, "fullmatch", &["string", "pos", "endpos"], 1)?;
    run_match(interp, &receiver, &slots, Anchor::Full)
}

fn findall_values(
    interp: &mut Interp,
    pattern_value: &Value,
    slots: &[Option<Value>],
) -> PyResult<Value> {
    let pattern = pattern_of(interp, pattern_value)?;
    let text = text_arg(interp, slots[0].as_ref().unwrap_or(&Value::None))?;
    let pos = position(interp, slots.get(1).and_then(Option::as_ref), Some(0))?.unwrap_or(0);
    let endpos = position(interp, slots.get(2).and_then(Option::as_ref), None)?;
    let found = pattern
        .findall(&text, pos, endpos)
        .map_err(|e| engine_error(interp, e, pattern.pattern()))?;
    interp.check_size(found.len())?;
    Ok(Value::list(
        found
            .into_iter()
            .map(|item| match item {
                FindAll::Str(s) => Value::str(s),
                FindAll::Tuple(items) => Value::tuple(items.into_iter().map(Value::str).collect()),
            })
            .collect(),
    ))
}

fn pattern_findall(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (receiver, slots) = method_args(interp, &args, "findall", &["string", "pos", "endpos"], 1)?;
    findall_values(interp, &receiver, &slots)
}

fn finditer_values(
    interp: &mut Interp,
    pattern_value: &Value,
    slots: &[Option<Value>],
) -> PyResult<Value> {
    let pattern = pattern_of(interp, pattern_value)?;
    let text = text_arg(interp, slots[0].as_ref().unwrap_or(&Value::None))?;
    let pos = position(interp, slots.get(1).and_then(Option::as_ref), Some(0))?.unwrap_or(0);
    let endpos = position(interp, slots.get(2).and_then(Option::as_ref), None)?;
    let mut matches = Vec::new();
    for found in pattern.find_iter_range(&text, pos, endpos) {
        let found = found.map_err(|e| engine_error(interp, e, pattern.pattern()))?;
        matches.push(new_match(interp, found, pattern_value.clone())?);
        interp.check_size(matches.len())?;
    }
    Ok(interp.sequence_iterator(matches))
}

fn pattern_finditer(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (receiver, slots) =
        method_args(interp, &args, "finditer", &["string", "pos", "endpos"], 1)?;
    finditer_values(interp, &receiver, &slots)
}

/// `sub`/`subn` with a template string or a callable.
fn substitute(
    interp: &mut Interp,
    pattern_value: &Value,
    repl: &Value,
    text: &Value,
    count: Option<&Value>,
) -> PyResult<(String, usize)> {
    let pattern = pattern_of(interp, pattern_value)?;
    let text = text_arg(interp, text)?;
    let count = match count {
        Some(value) => interp.expect_int(value, "count")?.max(0) as usize,
        None => 0,
    };
    let result = match repl {
        Value::Str(template) => {
            pattern.subn::<ReError>(&text, Replacement::Template(template), count)
        }
        callable => {
            let mut failure: Option<PyErr> = None;
            let mut callback = |matched: &Match<'_>| -> Result<String, ReError> {
                if failure.is_some() {
                    return Ok(String::new());
                }
                let outcome = new_match(interp, matched.clone(), pattern_value.clone())
                    .and_then(|m| interp.call1(callable, m))
                    .and_then(|value| match value {
                        Value::None => Ok(String::new()),
                        other => interp
                            .expect_str(&other, "expected str instance")
                            .map(|s| s.to_string()),
                    });
                match outcome {
                    Ok(text) => Ok(text),
                    Err(error) => {
                        failure = Some(error);
                        Ok(String::new())
                    }
                }
            };
            let result =
                pattern.subn::<ReError>(&text, Replacement::Callback(&mut callback), count);
            if let Some(error) = failure {
                return Err(error);
            }
            result
        }
    };
    let (out, n) = result.map_err(|e| engine_error(interp, e, pattern.pattern()))?;
    interp.check_size(out.len())?;
    Ok((out, n))
}

fn pattern_sub(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (receiver, slots) = method_args(interp, &args, "sub", &["repl", "string", "count"], 2)?;
    let (out, _) = substitute(
        interp,
        &receiver,
        slots[0].as_ref().unwrap_or(&Value::None),
        slots[1].as_ref().unwrap_or(&Value::None),
        slots[2].as_ref(),
    )?;
    Ok(Value::str(out))
}

fn pattern_subn(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (receiver, slots) = method_args(interp, &args, "subn", &["repl", "string", "count"], 2)?;
    let (out, n) = substitute(
        interp,
        &receiver,
        slots[0].as_ref().unwrap_or(&Value::None),
        slots[1].as_ref().unwrap_or(&Value::None),
        slots[2].as_ref(),
    )?;
    Ok(Value::tuple(vec![Value::str(out), Value::Int(n as i64)]))
}

fn split_values(
    interp: &mut Interp,
    pattern_value: &Value,
    text: &Value,
    maxsplit: Option<&Value>,
) -> PyResult<Value> {
    let pattern = pattern_of(interp, pattern_value)?;
    let text = text_arg(interp, text)?;
    let maxsplit = match maxsplit {
        Some(value) => interp.expect_int(value, "maxsplit")?,
        None => 0,
    };
    if maxsplit < 0 {
        return Ok(Value::list(vec![Value::Str(text)]));
    }
    let parts = pattern
        .split(&text, maxsplit as usize)
        .map_err(|e| engine_error(interp, e, pattern.pattern()))?;
    Ok(Value::list(
        parts
            .into_iter()
            .map(|p| p.map_or(Value::None, Value::str))
            .collect(),
    ))
}

fn pattern_split(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (receiver, slots) = method_args(interp, &args, "split", &["string", "maxsplit"], 1)?;
    split_values(
        interp,
        &receiver,
        slots[0].as_ref().unwrap_or(&Value::None),
        slots[1].as_ref(),
    )
}

fn pattern_repr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let pattern = pattern_of(interp, args.positional.first().unwrap_or(&Value::None))?;
    let text = crate::python::objects::repr_str(pattern.pattern());
    Ok(Value::str(format!("re.compile({text})")))
}

// ----- module-level functions -----

fn module_call(
    interp: &mut Interp,
    args: Args,
    name: &str,
    names: &[&str],
    required: usize,
) -> PyResult<(Value, Vec<Option<Value>>)> {
    let slots = args.bind(interp, name, names, required)?;
    let flags_index = names.iter().position(|n| *n == "flags");
    let flags = flags_arg(interp, flags_index.and_then(|i| slots[i].as_ref()))?;
    let pattern = compiled(interp, slots[0].as_ref().unwrap_or(&Value::None), flags)?;
    Ok((pattern, slots))
}

fn compile(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (pattern, _) = module_call(interp, args, "compile", &["pattern", "flags"], 1)?;
    Ok(pattern)
}

fn search(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (pattern, slots) = module_call(interp, args, "search", &["pattern", "string", "flags"], 2)?;
    run_match(
        interp,
        &pattern,
        &[slots[1].clone(), None, None],
        Anchor::Search,
    )
}

fn match_(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (pattern, slots) = module_call(interp, args, "match", &["pattern", "string", "flags"], 2)?;
    run_match(
        interp,
        &pattern,
        &[slots[1].clone(), None, None],
        Anchor::Match,
    )
}

fn fullmatch(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (pattern, slots) = module_call(
        interp,
        args,
        "fullmatch",
        &["pattern", "string", "flags"],
        2,
    )?;
    run_match(
        interp,
        &pattern,
        &[slots[1].clone(), None, None],
        Anchor::Full,
    )
}

fn findall(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (pattern, slots) =
        module_call(interp, args, "findall", &["pattern", "string", "flags"], 2)?;
    findall_values(interp, &pattern, &[slots[1].clone()])
}

fn finditer(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (pattern, slots) =
        module_call(interp, args, "finditer", &["pattern", "string", "flags"], 2)?;
    finditer_values(interp, &pattern, &[slots[1].clone()])
}

fn sub(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (pattern, slots) = module_call(
        interp,
        args,
        "sub",
        &["pattern", "repl", "string", "count", "flags"],
        3,
    )?;
    let (out, _) = substitute(
        interp,
        &pattern,
        slots[1].as_ref().unwrap_or(&Value::None),
        slots[2].as_ref().unwrap_or(&Value::None),
        slots[3].as_ref(),
    )?;
    Ok(Value::str(out))
}

fn subn(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (pattern, slots) = module_call(
        interp,
        args,
        "subn",
        &["pattern", "repl", "string", "count", "flags"],
        3,
    )?;
    let (out, n) = substitute(
        interp,
        &pattern,
        slots[1].as_ref().unwrap_or(&Value::None),
        slots[2].as_ref().unwrap_or(&Value::None),
        slots[3].as_ref(),
    )?;
    Ok(Value::tuple(vec![Value::str(out), Value::Int(n as i64)]))
}

fn split(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (pattern, slots) = module_call(
        interp,
        args,
        "split",
        &["pattern", "string", "maxsplit", "flags"],
        2,
    )?;
    split_values(
        interp,
        &pattern,
        slots[1].as_ref().unwrap_or(&Value::None),
        slots[2].as_ref(),
    )
}

fn escape(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "escape", 1, 1)?.to_vec();
    let text = text_arg(interp, &values[0])?;
    Ok(Value::str(re_engine::escape(&text)))
}

fn purge(interp: &mut Interp, _args: Args) -> PyResult<Value> {
    interp.regex_cache.clear();
    Ok(Value::None)
}

// ----- Match -----

/// A group argument: an index or a group name.
fn group_number(interp: &mut Interp, matched: &Value, group: &Value) -> PyResult<usize> {
    let result = match group {
        Value::Str(name) => {
            let name = name.clone();
            with_match(interp, matched, |m| m.group_index(&name))?
        }
        other => match interp.index_value(other)? {
            Some(i) if i >= 0 => {
                let count = with_match(interp, matched, Match::group_count)?;
                (i as usize <= count).then_some(i as usize)
            }
            _ => None,
        },
    };
    result.ok_or_else(|| interp.error("IndexError", "no such group"))
}

fn group_value(
    interp: &mut Interp,
    matched: &Value,
    group: &Value,
    default: &Value,
) -> PyResult<Value> {
    let number = group_number(interp, matched, group)?;
    let text = with_match(interp, matched, |m| m.group(number).map(str::to_string))?;
    Ok(text.map_or_else(|| default.clone(), Value::str))
}

fn match_group(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let receiver = args.positional.first().cloned().unwrap_or(Value::None);
    let groups = &args.positional[1.min(args.positional.len())..];
    match groups {
        [] => group_value(interp, &receiver, &Value::Int(0), &Value::None),
        [one] => group_value(interp, &receiver, one, &Value::None),
        many => {
            let mut values = Vec::with_capacity(many.len());
            for group in many {
                values.push(group_value(interp, &receiver, group, &Value::None)?);
            }
            Ok(Value::tuple(values))
        }
    }
}

fn match_getitem(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "__getitem__", 2, 2)?.to_vec();
    group_value(interp, &values[0], &values[1], &Value::None)
}

fn match_groups(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (receiver, slots) = method_args(interp, &args, "groups", &["default"], 0)?;
    let default = slots[0].clone().unwrap_or(Value::None);
    let groups = with_match(interp, &receiver, |m| {
        m.groups()
            .into_iter()
            .map(|g| g.map(str::to_string))
            .collect::<Vec<_>>()
    })?;
    Ok(Value::tuple(
        groups
            .into_iter()
            .map(|g| g.map_or(default.clone(), Value::str))
            .collect(),
    ))
}

fn match_groupdict(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (receiver, slots) = method_args(interp, &args, "groupdict", &["default"], 0)?;
    let default = slots[0].clone().unwrap_or(Value::None);
    let pairs = with_match(interp, &receiver, |m| {
        m.groupdict()
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.map(str::to_string)))
            .collect::<Vec<_>>()
    })?;
    let mut dict = Dict::new();
    for (name, value) in pairs {
        dict.insert(
            HashKey(Value::str(name)),
            value.map_or(default.clone(), Value::str),
        );
    }
    Ok(Value::dict(dict))
}

fn span_of(interp: &mut Interp, args: &Args, name: &str) -> PyResult<(i64, i64)> {
    let (receiver, slots) = method_args(interp, args, name, &["group"], 0)?;
    let group = slots[0].clone().unwrap_or(Value::Int(0));
    let number = group_number(interp, &receiver, &group)?;
    let span = with_match(interp, &receiver, |m| m.span(number))?;
    Ok(span.map_or((-1, -1), |(s, e)| (s as i64, e as i64)))
}

fn match_start(interp: &mut Interp, args: Args) -> PyResult<Value> {
    Ok(Value::Int(span_of(interp, &args, "start")?.0))
}

fn match_end(interp: &mut Interp, args: Args) -> PyResult<Value> {
    Ok(Value::Int(span_of(interp, &args, "end")?.1))
}

fn match_span(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (start, end) = span_of(interp, &args, "span")?;
    Ok(Value::tuple(vec![Value::Int(start), Value::Int(end)]))
}

fn match_expand(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "expand", 2, 2)?.to_vec();
    let template = text_arg(interp, &values[1])?;
    let result = with_match(interp, &values[0], |m| m.expand(&template))?;
    let pattern_text = match &values[0] {
        Value::Instance(instance) => instance
            .native(|state: &mut MatchState| state.pattern.clone())
            .and_then(|p| match p {
                Value::Instance(p) => p
                    .get("pattern")
                    .and_then(|t| t.as_str().map(str::to_string)),
                _ => None,
            })
            .unwrap_or_default(),
        _ => String::new(),
    };
    result
        .map(Value::str)
        .map_err(|e| engine_error(interp, e, &pattern_text))
}

fn match_repr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let receiver = args.positional.first().cloned().unwrap_or(Value::None);
    let (span, text) = with_match(interp, &receiver, |m| {
        (m.span(0), m.group(0).unwrap_or("").to_string())
    })?;
    let (start, end) = span.unwrap_or((0, 0));
    Ok(Value::str(format!(
        "<re.Match object; span=({start}, {end}), match={}>",
        crate::python::objects::repr_str(&text)
    )))
}
