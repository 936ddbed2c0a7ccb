//! Methods of the builtin `str` type, and the argument helpers that the
//! methods of the other builtin types share (receiver checks, CPython's
//! argument-count wording, `start`/`end` index arguments).
//!
//! Python indexes strings by code point; our strings are UTF-8, so every
//! index an argument gives or a result returns is a char index, converted to
//! byte offsets with [`Chars`] (the identity for ASCII text).

use std::rc::Rc;

use crate::python::format::{parse_format_string, FieldKey, FormatPiece};
use crate::python::native::{add_methods, function};
use crate::python::objects::is_printable;
use crate::python::value::{name_key, Args, Class, Descriptor, Dict, HashKey, NativeFn, Value};
use crate::python::{Interp, PyErr, PyResult};

pub fn install(interp: &mut Interp) {
    let class = interp.types.str.clone();
    add_methods(
        &class,
        &[
            ("join", str_join),
            ("split", str_split),
            ("rsplit", str_rsplit),
            ("splitlines", str_splitlines),
            ("strip", str_strip),
            ("lstrip", str_lstrip),
            ("rstrip", str_rstrip),
            ("replace", str_replace),
            ("startswith", str_startswith),
            ("endswith", str_endswith),
            ("find", str_find),
            ("rfind", str_rfind),
            ("index", str_index),
            ("rindex", str_rindex),
            ("count", str_count),
            ("upper", str_upper),
            ("lower", str_lower),
            ("casefold", str_casefold),
            ("capitalize", str_capitalize),
            ("title", str_title),
            ("swapcase", str_swapcase),
            ("isdigit", str_isdigit),
            ("isdecimal", str_isdecimal),
            ("isnumeric", str_isnumeric),
            ("isalpha", str_isalpha),
            ("isalnum", str_isalnum),
            ("isspace", str_isspace),
            ("isupper", str_isupper),
            ("islower", str_islower),
            ("istitle", str_istitle),
            ("isidentifier", str_isidentifier),
            ("isascii", str_isascii),
            ("isprintable", str_isprintable),
            ("partition", str_partition),
            ("rpartition", str_rpartition),
            ("format", str_format),
            ("format_map", str_format_map),
            ("encode", str_encode),
            ("center", str_center),
            ("ljust", str_ljust),
            ("rjust", str_rjust),
            ("zfill", str_zfill),
            ("expandtabs", str_expandtabs),
            ("removeprefix", str_removeprefix),
            ("removesuffix", str_removesuffix),
            ("translate", str_translate),
            ("__contains__", str_contains),
            ("__len__", str_len),
            ("__iter__", str_iter),
            ("__getitem__", str_getitem),
            ("__str__", str_str),
            ("__repr__", str_repr),
            ("__format__", str_dunder_format),
        ],
    );
    install_new(&class, "str", str_new);
    class.dict.borrow_mut().insert(
        name_key("maketrans"),
        Value::Descriptor(Rc::new(Descriptor::StaticMethod(function(
            "str",
            "maketrans",
            str_maketrans,
        )))),
    );
}

// ===== helpers shared by the builtin types' methods =====

/// Installs `type_name.__new__` (a static method) on a builtin class.
pub(super) fn install_new(class: &Rc<Class>, type_name: &str, new: NativeFn) {
    class.dict.borrow_mut().insert(
        name_key("__new__"),
        Value::Descriptor(Rc::new(Descriptor::StaticMethod(function(
            type_name, "__new__", new,
        )))),
    );
}

/// `T.__new__(cls, *args)` for the immutable builtins (`str`, `tuple`,
/// `int`): the value is built by `T(*args)`, then wrapped in an instance of
/// `cls` when `cls` is a subclass (the `__new__` of `class V(str)`).
pub(super) fn builtin_new(interp: &mut Interp, mut args: Args, base: Rc<Class>) -> PyResult<Value> {
    let name = base.name.clone();
    let Some(class) = (!args.positional.is_empty()).then(|| args.positional.remove(0)) else {
        return Err(interp.type_error(format!("{name}.__new__(): not enough arguments")));
    };
    let Value::Class(class) = class else {
        let type_name = interp.type_name(&class);
        return Err(interp.type_error(format!(
            "{name}.__new__(X): X is not a type object ({type_name})"
        )));
    };
    if !class.is_subclass(&base) {
        return Err(interp.type_error(format!(
            "{name}.__new__({}): {} is not a subtype of {name}",
            class.name, class.name
        )));
    }
    if class.builtin.is_some() && !Rc::ptr_eq(&class, &base) {
        return Err(interp.type_error(format!(
            "{name}.__new__({0}) is not safe, use {0}.__new__()",
            class.name
        )));
    }
    let value = interp.instantiate(&base, args)?;
    if Rc::ptr_eq(&class, &base) {
        return Ok(value);
    }
    interp.new_instance(&class, &Args::new(vec![value]))
}

fn str_new(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let base = interp.types.str.clone();
    builtin_new(interp, args, base)
}

/// Whether CPython exposes `type_name.method` as a slot wrapper (most
/// dunders) rather than a method; their receiver errors are worded apart.
fn is_slot_wrapper(type_name: &str, method: &str) -> bool {
    method.starts_with("__")
        && !matches!(
            (type_name, method),
            ("dict", "__contains__" | "__getitem__")
                | ("list", "__getitem__")
                | ("set" | "frozenset", "__contains__")
                | (_, "__format__")
        )
}

/// Takes `self` out of a native method's arguments. An instance of a builtin
/// subclass stands for the builtin value inside it. Returns the value to work
/// on and the original receiver (for error messages).
pub(super) fn take_receiver(
    interp: &mut Interp,
    args: &mut Args,
    type_name: &str,
    method: &str,
) -> PyResult<(Value, Value)> {
    if args.positional.is_empty() {
        return Err(interp.type_error(if is_slot_wrapper(type_name, method) {
            format!("descriptor '{method}' of '{type_name}' object needs an argument")
        } else {
            format!("unbound method {type_name}.{method}() needs an argument")
        }));
    }
    let original = args.positional.remove(0);
    let value = Interp::builtin_payload(&original).unwrap_or_else(|| original.clone());
    Ok((value, original))
}

/// CPython's error for `str.upper(5)`.
pub(super) fn wrong_receiver(
    interp: &mut Interp,
    type_name: &str,
    method: &str,
    original: &Value,
) -> PyErr {
    let actual = interp.type_name(original);
    interp.type_error(if is_slot_wrapper(type_name, method) {
        format!("descriptor '{method}' requires a '{type_name}' object but received a '{actual}'")
    } else {
        format!(
            "descriptor '{method}' for '{type_name}' objects doesn't apply to a '{actual}' object"
        )
    })
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn no_keywords(interp: &mut Interp, args: &Args, qualname: &str) -> PyResult<()> {
    if args.keywords.is_empty() {
        Ok(())
    } else {
        Err(interp.type_error(format!("{qualname}() takes no keyword arguments")))
    }
}

/// A method without arguments (`METH_NOARGS`).
pub(super) fn no_args(interp: &mut Interp, args: &Args, qualname: &str) -> PyResult<()> {
    no_keywords(interp, args, qualname)?;
    if args.positional.is_empty() {
        Ok(())
    } else {
        Err(interp.type_error(format!(
            "{qualname}() takes no arguments ({} given)",
            args.positional.len()
        )))
    }
}

/// A method with exactly one positional argument (`METH_O`).
pub(super) fn one_arg(interp: &mut Interp, args: &Args, qualname: &str) -> PyResult<Value> {
    no_keywords(interp, args, qualname)?;
    match args.positional.as_slice() {
        [value] => Ok(value.clone()),
        other => Err(interp.type_error(format!(
            "{qualname}() takes exactly one argument ({} given)",
            other.len()
        ))),
    }
}

/// Positional-only arguments checked the Argument Clinic way
/// (`center expected at least 1 argument, got 0`).
pub(super) fn clinic_args(
    interp: &mut Interp,
    args: &Args,
    qualname: &str,
    min: usize,
    max: usize,
) -> PyResult<Vec<Value>> {
    no_keywords(interp, args, qualname)?;
    let name = qualname.rsplit('.').next().unwrap_or(qualname);
    let given = args.positional.len();
    if given < min || given > max {
        let message = if min == max {
            format!("{name} expected {min} argument{}, got {given}", plural(min))
        } else if given < min {
            format!(
                "{name} expected at least {min} argument{}, got {given}",
                plural(min)
            )
        } else {
            format!(
                "{name} expected at most {max} argument{}, got {given}",
                plural(max)
            )
        };
        return Err(interp.type_error(message));
    }
    Ok(args.positional.clone())
}

/// Positional-only arguments checked the `PyArg_ParseTuple` way
/// (`find() takes at least 1 argument (0 given)`).
pub(super) fn tuple_args(
    interp: &mut Interp,
    args: &Args,
    qualname: &str,
    min: usize,
    max: usize,
) -> PyResult<Vec<Value>> {
    no_keywords(interp, args, qualname)?;
    let name = qualname.rsplit('.').next().unwrap_or(qualname);
    let given = args.positional.len();
    if given < min || given > max {
        let message = if min == max {
            format!(
                "{name}() takes exactly {min} argument{} ({given} given)",
                plural(min)
            )
        } else if given < min {
            format!(
                "{name}() takes at least {min} argument{} ({given} given)",
                plural(min)
            )
        } else {
            format!(
                "{name}() takes at most {max} argument{} ({given} given)",
                plural(max)
            )
        };
        return Err(interp.type_error(message));
    }
    Ok(args.positional.clone())
}

/// Arguments that may be given by keyword, checked the Argument Clinic way.
/// Names starting with `*` are keyword-only. Returns one slot per name.
pub(super) fn clinic_keywords(
    interp: &mut Interp,
    args: &Args,
    name: &str,
    names: &[&str],
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    let positional = names.iter().take_while(|n| !n.starts_with('*')).count();
    let given = args.positional.len();
    if given > positional {
        let message = if positional < names.len() {
            format!(
                "{name}() takes at most {positional} positional argument{} ({given} given)",
                plural(positional)
            )
        } else {
            format!(
                "{name}() takes at most {positional} argument{} ({given} given)",
                plural(positional)
            )
        };
        return Err(interp.type_error(message));
    }
    let mut slots: Vec<Option<Value>> = vec![None; names.len()];
    for (slot, value) in slots.iter_mut().zip(&args.positional) {
        *slot = Some(value.clone());
    }
    for (key, value) in &args.keywords {
        let Some(index) = names
            .iter()
            .position(|n| n.trim_start_matches('*') == &**key)
        else {
            return Err(interp.type_error(format!(
                "'{key}' is an invalid keyword argument for {name}()"
            )));
        };
        if slots[index].is_some() {
            return Err(interp.type_error(format!(
                "argument for {name}() given by name ('{key}') and position ({})",
                index + 1
            )));
        }
        slots[index] = Some(value.clone());
    }
    for (index, slot) in slots.iter().enumerate().take(required) {
        if slot.is_none() {
            return Err(interp.type_error(format!(
                "{name}() missing required argument '{}' (pos {})",
                names[index].trim_start_matches('*'),
                index + 1
            )));
        }
    }
    Ok(slots)
}

/// An integer argument (`__index__`), with CPython's wording when it is not one.
pub(super) fn index_arg(interp: &mut Interp, value: &Value) -> PyResult<i64> {
    match interp.index_value(value)? {
        Some(i) => Ok(i),
        None => {
            let type_name = interp.type_name(value);
            Err(interp.type_error(format!(
                "'{type_name}' object cannot be interpreted as an integer"
            )))
        }
    }
}

/// An optional `start`/`end` argument of `find`, `count`, `index`, ...
pub(super) fn bound_arg(interp: &mut Interp, value: Option<&Value>) -> PyResult<Option<i64>> {
    match value {
        None | Some(Value::None) => Ok(None),
        Some(value) => match interp.index_value(value)? {
            Some(i) => Ok(Some(i)),
            None => Err(interp
                .type_error("slice indices must be integers or None or have an __index__ method")),
        },
    }
}

/// CPython's `ADJUST_INDICES`: clamps `start`/`end` to a sequence of `len`
/// items. `start` may end up past `end` (or past `len`).
pub(super) fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (usize, usize) {
    let len = len as i64;
    let mut end = end.unwrap_or(len);
    if end > len {
        end = len;
    } else if end < 0 {
        end = (end + len).max(0);
    }
    let mut start = start.unwrap_or(0);
    if start < 0 {
        start = (start + len).max(0);
    }
    (start as usize, end as usize)
}

/// The text of a `str` argument (or of a `str` subclass instance).
pub(super) fn as_text(value: &Value) -> Option<Rc<str>> {
    match value {
        Value::Str(s) => Some(s.clone()),
        Value::Instance(_) => match Interp::builtin_payload(value) {
            Some(Value::Str(s)) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

/// A `str` argument, or `TypeError: {prefix}must be str, not int`.
fn text_arg(interp: &mut Interp, value: &Value, prefix: &str) -> PyResult<Rc<str>> {
    match as_text(value) {
        Some(text) => Ok(text),
        None => {
            let type_name = interp.type_name(value);
            Err(interp.type_error(format!("{prefix}must be str, not {type_name}")))
        }
    }
}

// ===== char indices =====

/// Converts between Python's code point indices and UTF-8 byte offsets.
struct Chars<'a> {
    text: &'a str,
    ascii: bool,
}

impl<'a> Chars<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            ascii: text.is_ascii(),
        }
    }

    fn len(&self) -> usize {
        if self.ascii {
            self.text.len()
        } else {
            self.text.chars().count()
        }
    }

    /// The byte offset of char `index` (the end for `index >= len`).
    fn byte(&self, index: usize) -> usize {
        if self.ascii {
            index.min(self.text.len())
        } else {
            self.text
                .char_indices()
                .nth(index)
                .map_or(self.text.len(), |(offset, _)| offset)
        }
    }

    /// The char index of a byte offset.
    fn char_index(&self, offset: usize) -> usize {
        if self.ascii {
            offset
        } else {
            self.text[..offset].chars().count()
        }
    }
}

fn char_len(text: &str) -> usize {
    Chars::new(text).len()
}

// ===== receivers =====

fn this(interp: &mut Interp, args: &mut Args, method: &str) -> PyResult<Rc<str>> {
    let (value, original) = take_receiver(interp, args, "str", method)?;
    match value {
        Value::Str(s) => Ok(s),
        _ => Err(wrong_receiver(interp, "str", method, &original)),
    }
}

fn this_no_args(interp: &mut Interp, mut args: Args, method: &str) -> PyResult<Rc<str>> {
    let text = this(interp, &mut args, method)?;
    no_args(interp, &args, &format!("str.{method}"))?;
    Ok(text)
}

// ===== whitespace and character classes =====

/// `str.isspace` for one char: Rust's White_Space plus the separators
/// U+001C..U+001F, which Python counts as whitespace.
pub(super) fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

fn is_titlecase(c: char) -> bool {
    matches!(c as u32,
        0x01C5 | 0x01C8 | 0x01CB | 0x01F2 | 0x1F88..=0x1F8F | 0x1F98..=0x1F9F
        | 0x1FA8..=0x1FAF | 0x1FBC | 0x1FCC | 0x1FFC)
}

fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || is_titlecase(c)
}

/// The first code points of the runs of ten decimal digits (category Nd).
const DECIMAL_ZEROS: &[u32] = &[
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// Category Nd (`str.isdecimal`).
fn is_decimal(c: char) -> bool {
    let code = c as u32;
    if code < 0x80 {
        return c.is_ascii_digit();
    }
    DECIMAL_ZEROS
        .iter()
        .any(|&zero| (zero..zero + 10).contains(&code))
}

/// Numeric_Type Digit or Decimal (`str.isdigit`): decimals plus
/// superscripts, subscripts and circled digits.
fn is_digit(c: char) -> bool {
    is_decimal(c)
        || matches!(c as u32,
            0xB2 | 0xB3 | 0xB9 | 0x1369..=0x1371 | 0x19DA | 0x2070 | 0x2074..=0x2079
            | 0x2080..=0x2089 | 0x2460..=0x2468 | 0x2474..=0x247C | 0x2488..=0x2490
            | 0x24EA | 0x24F5..=0x24FD | 0x24FF | 0x2776..=0x277E | 0x2780..=0x2788
            | 0x278A..=0x2792 | 0x10A40..=0x10A43 | 0x1F100..=0x1F10A)
}

/// Any Numeric_Type (`str.isnumeric`): Rust's N* categories plus the CJK
/// numerals, which are letters with a numeric value.
fn is_numeric(c: char) -> bool {
    c.is_numeric()
        || matches!(
            c,
            '一' | '二'
                | '三'
                | '四'
                | '五'
                | '六'
                | '七'
                | '八'
                | '九'
                | '十'
                | '百'
                | '千'
                | '万'
                | '億'
                | '兆'
                | '零'
        )
}

/// Letters (`str.isalpha`): Rust's Alphabetic without letter numbers,
/// combining marks and circled letters, which Python does not count.
fn is_alpha(c: char) -> bool {
    c.is_alphabetic()
        && !c.is_numeric()
        && !is_combining(c)
        && !matches!(c as u32, 0x24B6..=0x24E9 | 0x1F130..=0x1F149 | 0x1F150..=0x1F169 | 0x1F170..=0x1F189)
}

fn is_identifier(text: &str) -> bool {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    // XID_Start: letters and letter numbers; XID_Continue adds digits,
    // combining marks and `·`.
    let start = |c: char| c == '_' || is_alpha(c) || (c.is_alphabetic() && c.is_numeric());
    start(first) && chars.all(|c| start(c) || is_decimal(c) || c == '\u{b7}' || is_combining(c))
}

/// Case-ignorable chars that the final sigma rule looks through
/// (approximately: apostrophes, periods, colons, modifiers, combining marks).
fn is_case_ignorable(c: char) -> bool {
    matches!(
        c,
        '\'' | '.'
            | ':'
            | '^'
            | '`'
            | '\u{a8}'
            | '\u{ad}'
            | '\u{af}'
            | '\u{b4}'
            | '\u{b7}'
            | '\u{b8}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{2024}'
            | '\u{2027}'
    ) || ('\u{2b0}'..='\u{2ff}').contains(&c)
        || is_combining(c)
}

/// Whether the `Σ` at `index` ends a word (lowercased to `ς`).
fn is_final_sigma(chars: &[char], index: usize) -> bool {
    let before = chars[..index]
        .iter()
        .rev()
        .find(|c| !is_case_ignorable(**c));
    let after = chars[index + 1..].iter().find(|c| !is_case_ignorable(**c));
    before.is_some_and(|c| is_cased(*c)) && !after.is_some_and(|c| is_cased(*c))
}

/// Lowercases `chars[index]`, with the final sigma rule.
fn lower_char(chars: &[char], index: usize, out: &mut String) {
    match chars[index] {
        'Σ' if is_final_sigma(chars, index) => out.push('ς'),
        c => out.extend(c.to_lowercase()),
    }
}

/// The main blocks of combining marks (approximately Mn/Mc), which may
/// continue an identifier.
fn is_combining(c: char) -> bool {
    matches!(c as u32,
        0x300..=0x36F | 0x483..=0x487 | 0x591..=0x5BD | 0x610..=0x61A | 0x64B..=0x65F
        | 0x670 | 0x6D6..=0x6DC | 0x900..=0x903 | 0x93A..=0x94F | 0x1AB0..=0x1AFF
        | 0x1DC0..=0x1DFF | 0x20D0..=0x20F0 | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F)
}

fn title_char(c: char, out: &mut String) {
    let titled: &str = match c {
        'ß' => "Ss",
        '\u{1C4}'..='\u{1C6}' => "\u{1C5}",
        '\u{1C7}'..='\u{1C9}' => "\u{1C8}",
        '\u{1CA}'..='\u{1CC}' => "\u{1CB}",
        '\u{1F1}'..='\u{1F3}' => "\u{1F2}",
        'ﬀ' => "Ff",
        'ﬁ' => "Fi",
        'ﬂ' => "Fl",
        'ﬃ' => "Ffi",
        'ﬄ' => "Ffl",
        'ﬅ' | 'ﬆ' => "St",
        _ => {
            out.extend(c.to_uppercase());
            return;
        }
    };
    out.push_str(titled);
}

fn casefold_char(c: char, out: &mut String) {
    let folded: &str = match c {
        'ß' | 'ẞ' => "ss",
        'ς' => "σ",
        'ſ' => "s",
        'µ' => "μ",
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' | 'ﬆ' => "st",
        _ => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push_str(folded);
}

// ===== methods =====

fn str_join(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let separator = this(interp, &mut args, "join")?;
    let iterable = one_arg(interp, &args, "str.join")?;
    let iterator = match interp.iter(&iterable) {
        Ok(iterator) => iterator,
        Err(error) if interp.is_exception(&error, "TypeError") => {
            return Err(interp.type_error("can only join an iterable"))
        }
        Err(error) => return Err(error),
    };
    let mut out = String::new();
    let mut index = 0usize;
    while let Some(item) = interp.next(&iterator)? {
        let Some(text) = as_text(&item) else {
            let type_name = interp.type_name(&item);
            return Err(interp.type_error(format!(
                "sequence item {index}: expected str instance, {type_name} found"
            )));
        };
        if index > 0 {
            out.push_str(&separator);
        }
        out.push_str(&text);
        index += 1;
        if index & 0xff == 0 {
            interp.check_size(out.len())?;
        }
    }
    interp.check_size(out.len())?;
    Ok(Value::str(out))
}

/// The `sep` and `maxsplit` arguments of `split` and `rsplit`.
fn split_args(
    interp: &mut Interp,
    args: &Args,
    name: &str,
) -> PyResult<(Option<Rc<str>>, Option<usize>)> {
    let slots = clinic_keywords(interp, args, name, &["sep", "maxsplit"], 0)?;
    let separator = match &slots[0] {
        None | Some(Value::None) => None,
        Some(value) => {
            let Some(text) = as_text(value) else {
                let type_name = interp.type_name(value);
                return Err(interp.type_error(format!("must be str or None, not {type_name}")));
            };
            if text.is_empty() {
                return Err(interp.value_error("empty separator"));
            }
            Some(text)
        }
    };
    let maxsplit = match &slots[1] {
        None => None,
        Some(value) => {
            let n = index_arg(interp, value)?;
            (n >= 0).then_some(n as usize)
        }
    };
    Ok((separator, maxsplit))
}

fn strs(parts: Vec<&str>) -> Value {
    Value::list(parts.into_iter().map(Value::str).collect())
}

/// `split()` without a separator: runs of whitespace.
fn split_whitespace(text: &str, maxsplit: Option<usize>) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = text.trim_start_matches(is_py_space);
    while !rest.is_empty() {
        if maxsplit == Some(parts.len()) {
            parts.push(rest);
            break;
        }
        match rest.find(is_py_space) {
            Some(i) => {
                parts.push(&rest[..i]);
                rest = rest[i..].trim_start_matches(is_py_space);
            }
            None => {
                parts.push(rest);
                break;
            }
        }
    }
    parts
}

fn rsplit_whitespace(text: &str, maxsplit: Option<usize>) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = text.trim_end_matches(is_py_space);
    while !rest.is_empty() {
        if maxsplit == Some(parts.len()) {
            parts.push(rest);
            break;
        }
        match rest.rfind(is_py_space) {
            Some(i) => {
                let space = rest[i..].chars().next().map_or(1, char::len_utf8);
                parts.push(&rest[i + space..]);
                rest = rest[..i].trim_end_matches(is_py_space);
            }
            None => {
                parts.push(rest);
                break;
            }
        }
    }
    parts.reverse();
    parts
}

fn str_split(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let text = this(interp, &mut args, "split")?;
    let (separator, maxsplit) = split_args(interp, &args, "split")?;
    let parts = match (&separator, maxsplit) {
        (None, _) => split_whitespace(&text, maxsplit),
        (Some(sep), None) => text.split(&**sep).collect(),
        (Some(sep), Some(n)) => text.splitn(n.saturating_add(1), &**sep).collect(),
    };
    Ok(strs(parts))
}

fn str_rsplit(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let text = this(interp, &mut args, "rsplit")?;
    let (separator, maxsplit) = split_args(interp, &args, "rsplit")?;
    let parts = match (&separator, maxsplit) {
        (None, _) => rsplit_whitespace(&text, maxsplit),
        // Matches are found from the right: "aaa".rsplit("aa") is ['a', ''].
        (Some(sep), None) => {
            let mut parts: Vec<&str> = text.rsplit(&**sep).collect();
            parts.reverse();
            parts
        }
        (Some(sep), Some(n)) => {
            let mut parts: Vec<&str> = text.rsplitn(n.saturating_add(1), &**sep).collect();
            parts.reverse();
            parts
        }
    };
    Ok(strs(parts))
}

/// Python's line boundaries for `str.splitlines`.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\u{b}'
            | '\u{c}'
            | '\u{1c}'
            | '\u{1d}'
            | '\u{1e}'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

fn str_splitlines(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let text = this(interp, &mut args, "splitlines")?;
    let slots = clinic_keywords(interp, &args, "splitlines", &["keepends"], 0)?;
    let keepends = match &slots[0] {
        Some(value) => interp.truthy(value)?,
        None => false,
    };
    let mut lines = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        if !is_line_break(c) {
            continue;
        }
        let mut end = offset + c.len_utf8();
        if c == '\r' && matches!(chars.peek(), Some((_, '\n'))) {
            chars.next();
            end += 1;
        }
        lines.push(Value::str(
            &text[start..if keepends { end } else { offset }],
        ));
        start = end;
    }
    if start < text.len() {
        lines.push(Value::str(&text[start..]));
    }
    Ok(Value::list(lines))
}

#[derive(Clone, Copy)]
enum Side {
    Both,
    Left,
    Right,
}

fn strip(interp: &mut Interp, mut args: Args, method: &str, side: Side) -> PyResult<Value> {
    let text = this(interp, &mut args, method)?;
    let values = clinic_args(interp, &args, &format!("str.{method}"), 0, 1)?;
    let chars: Option<Vec<char>> = match values.first() {
        None | Some(Value::None) => None,
        Some(value) => match as_text(value) {
            Some(chars) => Some(chars.chars().collect()),
            None => return Err(interp.type_error(format!("{method} arg must be None or str"))),
        },
    };
    let matches = |c: char| match &chars {
        Some(set) => set.contains(&c),
        None => is_py_space(c),
    };
    let stripped = match side {
        Side::Both => text.trim_matches(matches),
        Side::Left => text.trim_start_matches(matches),
        Side::Right => text.trim_end_matches(matches),
    };
    if stripped.len() == text.len() {
        return Ok(Value::Str(text));
    }
    Ok(Value::str(stripped))
}

fn str_strip(interp: &mut Interp, args: Args) -> PyResult<Value> {
    strip(interp, args, "strip", Side::Both)
}

fn str_lstrip(interp: &mut Interp, args: Args) -> PyResult<Value> {
    strip(interp, args, "lstrip", Side::Left)
}

fn str_rstrip(interp: &mut Interp, args: Args) -> PyResult<Value> {
    strip(interp, args, "rstrip", Side::Right)
}

fn str_replace(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let text = this(interp, &mut args, "replace")?;
    let values = clinic_args(interp, &args, "str.replace", 2, 3)?;
    let old = text_arg(interp, &values[0], "replace() argument 1 ")?;
    let new = text_arg(interp, &values[1], "replace() argument 2 ")?;
    let count = match values.get(2) {
        Some(value) => index_arg(interp, value)?,
        None => -1,
    };
    // Bound the result before building it.
    let occurrences = if old.is_empty() {
        char_len(&text) + 1
    } else {
        text.matches(&*old).count()
    };
    let replaced = if count < 0 {
        occurrences
    } else {
        occurrences.min(count as usize)
    };
    interp.check_size(
        text.len()
            .saturating_add(replaced.saturating_mul(new.len()))
            .saturating_sub(replaced * old.len()),
    )?;
    if replaced == 0 {
        return Ok(Value::Str(text));
    }
    Ok(Value::str(text.replacen(&*old, &new, replaced)))
}

/// `startswith`/`endswith`: a str or a tuple of str, with `start`/`end`.
fn tailmatch(interp: &mut Interp, mut args: Args, method: &str, at_end: bool) -> PyResult<Value> {
    let text = this(interp, &mut args, method)?;
    let values = tuple_args(interp, &args, &format!("str.{method}"), 1, 3)?;
    let start = bound_arg(interp, values.get(1))?;
    let end = bound_arg(interp, values.get(2))?;
    let chars = Chars::new(&text);
    let (start, end) = adjust_indices(start, end, chars.len());
    let matches = |candidate: &str| -> bool {
        let length = char_len(candidate);
        if start > end || end - start < length {
            return false;
        }
        let window = &text[chars.byte(start)..chars.byte(end)];
        if at_end {
            window.ends_with(candidate)
        } else {
            window.starts_with(candidate)
        }
    };
    match &values[0] {
        Value::Tuple(candidates) => {
            for candidate in candidates.iter() {
                let Some(candidate) = as_text(candidate) else {
                    let type_name = interp.type_name(candidate);
                    return Err(interp.type_error(format!(
                        "tuple for {method} must only contain str, not {type_name}"
                    )));
                };
                if matches(&candidate) {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }
        other => match as_text(other) {
            Some(candidate) => Ok(Value::Bool(matches(&candidate))),
            None => {
                let type_name = interp.type_name(other);
                Err(interp.type_error(format!(
                    "{method} first arg must be str or a tuple of str, not {type_name}"
                )))
            }
        },
    }
}

fn str_startswith(interp: &mut Interp, args: Args) -> PyResult<Value> {
    tailmatch(interp, args, "startswith", false)
}

fn str_endswith(interp: &mut Interp, args: Args) -> PyResult<Value> {
    tailmatch(interp, args, "endswith", true)
}

#[derive(Clone, Copy, PartialEq)]
enum Search {
    Find,
    RFind,
    Index,
    RIndex,
    Count,
}

fn search(interp: &mut Interp, mut args: Args, method: &str, kind: Search) -> PyResult<Value> {
    let text = this(interp, &mut args, method)?;
    let values = tuple_args(interp, &args, &format!("str.{method}"), 1, 3)?;
    let needle = text_arg(interp, &values[0], "")?;
    let start = bound_arg(interp, values.get(1))?;
    let end = bound_arg(interp, values.get(2))?;
    let chars = Chars::new(&text);
    let (start, end) = adjust_indices(start, end, chars.len());
    let needle_len = char_len(&needle);
    let fits = start <= end && end - start >= needle_len;
    if kind == Search::Count {
        if !fits {
            return Ok(Value::Int(0));
        }
        if needle.is_empty() {
            return Ok(Value::Int((end - start + 1) as i64));
        }
        let window = &text[chars.byte(start)..chars.byte(end)];
        return Ok(Value::Int(window.matches(&*needle).count() as i64));
    }
    let found = if fits {
        let base = chars.byte(start);
        let window = &text[base..chars.byte(end)];
        let offset = match kind {
            Search::Find | Search::Index => window.find(&*needle),
            _ => window.rfind(&*needle),
        };
        offset.map(|offset| chars.char_index(base + offset))
    } else {
        None
    };
    match (found, kind) {
        (Some(index), _) => Ok(Value::Int(index as i64)),
        (None, Search::Index | Search::RIndex) => Err(interp.value_error("substring not found")),
        (None, _) => Ok(Value::Int(-1)),
    }
}

fn str_find(interp: &mut Interp, args: Args) -> PyResult<Value> {
    search(interp, args, "find", Search::Find)
}

fn str_rfind(interp: &mut Interp, args: Args) -> PyResult<Value> {
    search(interp, args, "rfind", Search::RFind)
}

fn str_index(interp: &mut Interp, args: Args) -> PyResult<Value> {
    search(interp, args, "index", Search::Index)
}

fn str_rindex(interp: &mut Interp, args: Args) -> PyResult<Value> {
    search(interp, args, "rindex", Search::RIndex)
}

fn str_count(interp: &mut Interp, args: Args) -> PyResult<Value> {
    search(interp, args, "count", Search::Count)
}

fn str_upper(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let text = this_no_args(interp, args, "upper")?;
    Ok(Value::str(text.to_uppercase()))
}

fn str_lower(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let text = this_no_args(interp, args, "lower")?;
    Ok(Value::str(text.to_lowercase()))
}

fn str_casefold(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let text = this_no_args(interp, args, "casefold")?;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        casefold_char(c, &mut out);
    }
    Ok(Value::str(out))
}

fn str_capitalize(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let text = this_no_args(interp, args, "capitalize")?;
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for index in 0..chars.len() {
        if index == 0 {
            title_char(chars[0], &mut out);
        } else {
            lower_char(&chars, index, &mut out);
        }
    }
    Ok(Value::str(out))
}

fn str_title(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let text = this_no_args(interp, args, "title")?;
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut previous_is_cased = false;
    for (index, &c) in chars.iter().enumerate() {
        if previous_is_cased {
            lower_char(&chars, index, &mut out);
        } else {
            title_char(c, &mut out);
        }
        previous_is_cased = is_cased(c);
    }
    Ok(Value::str(out))
}

fn str_swapcase(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let text = this_no_args(interp, args, "swapcase")?;
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (index, &c) in chars.iter().enumerate() {
        if c.is_uppercase() {
            lower_char(&chars, index, &mut out);
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    Ok(Value::str(out))
}

/// `str.isX()`: non-empty and every char satisfies `test`.
fn all_chars(
    interp: &mut Interp,
    args: Args,
    method: &str,
    test: fn(char) -> bool,
) -> PyResult<Value> {
    let text = this_no_args(interp, args, method)?;
    Ok(Value::Bool(!text.is_empty() && text.chars().all(test)))
}

fn str_isdigit(interp: &mut Interp, args: Args) -> PyResult<Value> {
    all_chars(interp, args, "isdigit", is_digit)
}

fn str_isdecimal(interp: &mut Interp, args: Args) -> PyResult<Value> {
    all_chars(interp, args, "isdecimal", is_decimal)
}

fn str_isnumeric(interp: &mut Interp, args: Args) -> PyResult<Value> {
    all_chars(interp, args, "isnumeric", is_numeric)
}

fn str_isalpha(interp: &mut Interp, args: Args) -> PyResult<Value> {
    all_chars(interp, args, "isalpha", is_alpha)
}

fn str_isalnum(interp: &mut Interp, args: Args) -> PyResult<Value> {
    all_chars(interp, args, "isalnum", |c| is_alpha(c) || is_numeric(c))
}

fn str_isspace(interp: &mut Interp, args: Args) -> PyResult<Value> {
    all_chars(interp, args, "isspace", is_py_space)
}

fn str_isupper(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let text = this_no_args(interp, args, "isupper")?;
    let mut cased = false;
    for c in text.chars() {
        if c.is_lowercase() || is_titlecase(c) {
            return Ok(Value::Bool(false));
        }
        cased |= c.is_uppercase();
    }
    Ok(Value::Bool(cased))
}

fn str_islower(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let text = this_no_args(interp, args, "islower")?;
    let mut cased = false;
    for c in text.chars() {
        if c.is_uppercase() || is_titlecase(c) {
            return Ok(Value::Bool(false));
        }
        cased |= c.is_lowercase();
    }
    Ok(Value::Bool(cased))
}

fn str_istitle(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let text = this_no_args(interp, args, "istitle")?;
    let mut cased = false;
    let mut previous_is_cased = false;
    for c in text.chars() {
        if c.is_uppercase() || is_titlecase(c) {
            if previous_is_cased {
                return Ok(Value::Bool(false));
            }
            previous_is_cased = true;
            cased = true;
        } else if c.is_lowercase() {
            if !previous_is_cased {
                return Ok(Value::Bool(false));
            }
            previous_is_cased = true;
            cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    Ok(Value::Bool(cased))
}

fn str_isidentifier(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let text = this_no_args(interp, args, "isidentifier")?;
    Ok(Value::Bool(is_identifier(&text)))
}

fn str_isascii(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let text = this_no_args(interp, args, "isascii")?;
    Ok(Value::Bool(text.is_ascii()))
}

fn str_isprintable(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let text = this_no_args(interp, args, "isprintable")?;
    Ok(Value::Bool(text.chars().all(is_printable)))
}

fn partition(interp: &mut Interp, mut args: Args, method: &str, from_end: bool) -> PyResult<Value> {
    let text = this(interp, &mut args, method)?;
    let separator = one_arg(interp, &args, &format!("str.{method}"))?;
    let separator = text_arg(interp, &separator, "")?;
    if separator.is_empty() {
        return Err(interp.value_error("empty separator"));
    }
    let found = if from_end {
        text.rfind(&*separator)
    } else {
        text.find(&*separator)
    };
    let parts = match found {
        Some(i) => [
            Value::str(&text[..i]),
            Value::Str(separator.clone()),
            Value::str(&text[i + separator.len()..]),
        ],
        None if from_end => [Value::str(""), Value::str(""), Value::Str(text)],
        None => [Value::Str(text), Value::str(""), Value::str("")],
    };
    Ok(Value::tuple(parts.to_vec()))
}

fn str_partition(interp: &mut Interp, args: Args) -> PyResult<Value> {
    partition(interp, args, "partition", false)
}

fn str_rpartition(interp: &mut Interp, args: Args) -> PyResult<Value> {
    partition(interp, args, "rpartition", true)
}

fn str_format(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let template = this(interp, &mut args, "format")?;
    Ok(Value::str(interp.str_format(&template, &args)?))
}

/// The names a format string looks up (`{name}`, and in nested specs).
fn field_names(interp: &mut Interp, template: &str, names: &mut Vec<String>) -> PyResult<()> {
    let pieces = parse_format_string(template).map_err(|e| interp.value_error(e.to_string()))?;
    for piece in pieces {
        if let FormatPiece::Field { name, spec, .. } = piece {
            match name.arg {
                FieldKey::Name(key) => {
                    if !names.contains(&key) {
                        names.push(key);
                    }
                }
                FieldKey::Auto | FieldKey::Index(_) => {
                    return Err(interp.value_error("Format string contains positional fields"))
                }
            }
            if spec.contains('{') {
                field_names(interp, &spec, names)?;
            }
        }
    }
    Ok(())
}

fn str_format_map(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let template = this(interp, &mut args, "format_map")?;
    let mapping = one_arg(interp, &args, "str.format_map")?;
    let mut names = Vec::new();
    field_names(interp, &template, &mut names)?;
    let mut keywords = Vec::with_capacity(names.len());
    for name in names {
        let value = interp.getitem(&mapping, &Value::str(name.as_str()))?;
        keywords.push((Rc::from(name.as_str()), value));
    }
    let formatted = interp.str_format(&template, &Args::with_keywords(Vec::new(), keywords))?;
    Ok(Value::str(formatted))
}

fn str_encode(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let text = this(interp, &mut args, "encode")?;
    let slots = clinic_keywords(interp, &args, "encode", &["encoding", "errors"], 0)?;
    let encoding = match &slots[0] {
        Some(value) => text_arg(interp, value, "encode() argument 'encoding' ")?,
        None => "utf-8".into(),
    };
    let errors = match &slots[1] {
        Some(value) => text_arg(interp, value, "encode() argument 'errors' ")?,
        None => "strict".into(),
    };
    super::bytes::encode(interp, &text, &encoding, &errors)
}

#[derive(Clone, Copy)]
enum Justify {
    Center,
    Left,
    Right,
}

fn justify(interp: &mut Interp, mut args: Args, method: &str, how: Justify) -> PyResult<Value> {
    let text = this(interp, &mut args, method)?;
    let values = clinic_args(interp, &args, &format!("str.{method}"), 1, 2)?;
    let width = index_arg(interp, &values[0])?;
    let fill = match values.get(1) {
        Some(value) => {
            let Some(fill) = as_text(value) else {
                let type_name = interp.type_name(value);
                return Err(interp.type_error(format!(
                    "The fill character must be a unicode character, not {type_name}"
                )));
            };
            let mut chars = fill.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(
                        interp.type_error("The fill character must be exactly one character long")
                    )
                }
            }
        }
        None => ' ',
    };
    let length = char_len(&text);
    if width <= length as i64 {
        return Ok(Value::Str(text));
    }
    let width = width as usize;
    interp.check_size(width)?;
    let margin = width - length;
    let left = match how {
        Justify::Left => 0,
        Justify::Right => margin,
        // CPython puts the odd char on the left when the width is odd.
        Justify::Center => margin / 2 + (margin & width & 1),
    };
    let mut out = String::with_capacity(text.len() + margin * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(&text);
    out.extend(std::iter::repeat_n(fill, margin - left));
    Ok(Value::str(out))
}

fn str_center(interp: &mut Interp, args: Args) -> PyResult<Value> {
    justify(interp, args, "center", Justify::Center)
}

fn str_ljust(interp: &mut Interp, args: Args) -> PyResult<Value> {
    justify(interp, args, "ljust", Justify::Left)
}

fn str_rjust(interp: &mut Interp, args: Args) -> PyResult<Value> {
    justify(interp, args, "rjust", Justify::Right)
}

fn str_zfill(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let text = this(interp, &mut args, "zfill")?;
    let width = one_arg(interp, &args, "str.zfill")?;
    let width = index_arg(interp, &width)?;
    let length = char_len(&text);
    if width <= length as i64 {
        return Ok(Value::Str(text));
    }
    interp.check_size(width as usize)?;
    let zeros = "0".repeat(width as usize - length);
    let out = match text.chars().next() {
        Some(sign @ ('+' | '-')) => format!("{sign}{zeros}{}", &text[1..]),
        _ => format!("{zeros}{text}"),
    };
    Ok(Value::str(out))
}

fn str_expandtabs(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let text = this(interp, &mut args, "expandtabs")?;
    let slots = clinic_keywords(interp, &args, "expandtabs", &["tabsize"], 0)?;
    let tabsize = match &slots[0] {
        Some(value) => index_arg(interp, value)?,
        None => 8,
    };
    let mut out = String::with_capacity(text.len());
    let mut column = 0i64;
    for c in text.chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let spaces = tabsize - column % tabsize;
                    interp.check_size(out.len() + spaces as usize)?;
                    out.extend(std::iter::repeat_n(' ', spaces as usize));
                    column += spaces;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                column = 0;
            }
            c => {
                out.push(c);
                column += 1;
            }
        }
    }
    Ok(Value::str(out))
}

fn remove_affix(
    interp: &mut Interp,
    mut args: Args,
    method: &str,
    suffix: bool,
) -> PyResult<Value> {
    let text = this(interp, &mut args, method)?;
    let affix = one_arg(interp, &args, &format!("str.{method}"))?;
    let affix = text_arg(interp, &affix, &format!("{method}() argument "))?;
    let stripped = if suffix {
        text.strip_suffix(&*affix)
    } else {
        text.strip_prefix(&*affix)
    };
    match stripped {
        Some(rest) if !affix.is_empty() => Ok(Value::str(rest)),
        _ => Ok(Value::Str(text)),
    }
}

fn str_removeprefix(interp: &mut Interp, args: Args) -> PyResult<Value> {
    remove_affix(interp, args, "removeprefix", false)
}

fn str_removesuffix(interp: &mut Interp, args: Args) -> PyResult<Value> {
    remove_affix(interp, args, "removesuffix", true)
}

fn str_translate(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let text = this(interp, &mut args, "translate")?;
    let table = one_arg(interp, &args, "str.translate")?;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let key = Value::Int(c as i64);
        let mapped = match &table {
            Value::Dict(dict) => dict.borrow().get(&HashKey(key)).cloned(),
            _ => match interp.getitem(&table, &key) {
                Ok(value) => Some(value),
                Err(error) if interp.is_exception(&error, "LookupError") => None,
                Err(error) => return Err(error),
            },
        };
        match mapped {
            None => out.push(c),
            Some(Value::None) => {}
            Some(value) => {
                if let Some(text) = as_text(&value) {
                    out.push_str(&text);
                } else if let Some(code) = value.as_i64() {
                    match u32::try_from(code).ok().and_then(char::from_u32) {
                        Some(c) => out.push(c),
                        None => {
                            return Err(
                                interp.value_error("character mapping must be in range(0x110000)")
                            )
                        }
                    }
                } else {
                    return Err(
                        interp.type_error("character mapping must return integer, None or str")
                    );
                }
            }
        }
        interp.check_size(out.len())?;
    }
    Ok(Value::str(out))
}

/// `str.maketrans(x[, y[, z]])`, a static method.
fn str_maketrans(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = clinic_args(interp, &args, "maketrans", 1, 3)?;
    let mut table = Dict::new();
    if values.len() == 1 {
        let Value::Dict(mapping) = &values[0] else {
            return Err(
                interp.type_error("if you give only one argument to maketrans it must be a dict")
            );
        };
        let pairs: Vec<(Value, Value)> = mapping
            .borrow()
            .iter()
            .map(|(k, v)| (k.0.clone(), v.clone()))
            .collect();
        for (key, value) in pairs {
            let key = match &key {
                Value::Str(s) => {
                    let mut chars = s.chars();
                    match (chars.next(), chars.next()) {
                        (Some(c), None) => Value::Int(c as i64),
                        _ => {
                            return Err(interp
                                .value_error("string keys in translate table must be of length 1"))
                        }
                    }
                }
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => key.clone(),
                _ => {
                    return Err(
                        interp.type_error("keys in translate table must be strings or integers")
                    )
                }
            };
            table.insert(HashKey(key), value);
        }
        return Ok(Value::dict(table));
    }
    let Some(from) = as_text(&values[0]) else {
        return Err(interp.type_error(
            "first maketrans argument must be a string if there is a second argument",
        ));
    };
    let to = text_arg(interp, &values[1], "maketrans() argument 2 ")?;
    if char_len(&from) != char_len(&to) {
        return Err(interp.value_error("the first two maketrans arguments must have equal length"));
    }
    for (a, b) in from.chars().zip(to.chars()) {
        table.insert(HashKey(Value::Int(a as i64)), Value::Int(b as i64));
    }
    if let Some(delete) = values.get(2) {
        let delete = text_arg(interp, delete, "maketrans() argument 3 ")?;
        for c in delete.chars() {
            table.insert(HashKey(Value::Int(c as i64)), Value::None);
        }
    }
    Ok(Value::dict(table))
}

fn str_contains(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let text = this(interp, &mut args, "__contains__")?;
    let item = one_arg(interp, &args, "str.__contains__")?;
    let needle = match as_text(&item) {
        Some(needle) => needle,
        None => {
            let type_name = interp.type_name(&item);
            return Err(interp.type_error(format!(
                "'in <string>' requires string as left operand, not {type_name}"
            )));
        }
    };
    Ok(Value::Bool(text.contains(&*needle)))
}

fn str_len(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let text = this_no_args(interp, args, "__len__")?;
    Ok(Value::Int(char_len(&text) as i64))
}

fn str_iter(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let text = this_no_args(interp, args, "__iter__")?;
    interp.iter(&Value::Str(text))
}

fn str_getitem(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let text = this(interp, &mut args, "__getitem__")?;
    let index = one_arg(interp, &args, "str.__getitem__")?;
    interp.getitem(&Value::Str(text), &index)
}

fn str_str(interp: &mut Interp, args: Args) -> PyResult<Value> {
    Ok(Value::Str(this_no_args(interp, args, "__str__")?))
}

fn str_repr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let text = this_no_args(interp, args, "__repr__")?;
    Ok(Value::Str(interp.repr(&Value::Str(text))?))
}

fn str_dunder_format(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let text = this(interp, &mut args, "__format__")?;
    let spec = one_arg(interp, &args, "str.__format__")?;
    let spec = text_arg(interp, &spec, "__format__() argument ")?;
    Ok(Value::str(interp.format_value(&Value::Str(text), &spec)?))
}
