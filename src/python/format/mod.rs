//! Python's text formatting, independent of the interpreter's values:
//! `format(value, spec)` ([`format_with_spec`]), `str.format` templates
//! ([`parse_format_string`], [`render_format_string`]), printf-style `%`
//! ([`parse_percent_format`], [`apply_percent_spec`]) and `str(float)`
//! ([`float_to_string`]).
//!
//! Everything follows CPython 3.11 (`Python/formatter_unicode.c`,
//! `Objects/stringlib/unicode_format.h`, `Objects/unicodeobject.c`,
//! `Python/pystrtod.c`), including the wording of its errors; the tests
//! compare with values recorded from `python3.11` (see `cpython_cases.py`).
//!
//! The interpreter converts its values to [`FormatArg`] before calling in;
//! `None`, containers and instances (their `__format__`, `__str__`,
//! `__repr__`) stay the caller's business, as do argument lookup and the
//! errors about it (`IndexError`, `KeyError`, "not enough arguments for
//! format string", "not all arguments converted during string formatting").

mod float;
mod percent;
mod spec;
mod template;

use std::fmt;

use num_bigint::BigInt;

pub use float::float_to_string;
pub use percent::{
    apply_percent_spec, parse_percent_format, Count, PercentFlags, PercentPiece, PercentSpec,
};
pub use spec::format_with_spec;
pub use template::{
    parse_format_string, render_format_string, ArgumentRef, FieldKey, FieldName, FieldNumbering,
    FieldPart, FormatPiece,
};

/// A value to format, as the interpreter hands it over. `bool` comes as
/// `Int`: `format(True, 'd')` is `'1'`, but note that an *empty* spec means
/// `str(value)`, which is `'True'`; the caller handles that case.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FormatArg<'a> {
    Int(&'a BigInt),
    Float(f64),
    Str(&'a str),
}

impl FormatArg<'_> {
    /// The Python type name used in error messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            FormatArg::Int(_) => "int",
            FormatArg::Float(_) => "float",
            FormatArg::Str(_) => "str",
        }
    }
}

/// Widths and precisions above this are refused with a `MemoryError`
/// instead of allocating gigabytes (CPython would try, and fail the same way).
pub const MAX_FORMAT_WIDTH: usize = 10_000_000;

/// A formatting error: the Python exception CPython raises, with its message.
///
/// [`FormatError::exception_name`] gives the class; `Display` gives the
/// message. Messages that name a type use [`FormatArg::type_name`]; the
/// caller can put the real one in (`bool`, a subclass) with
/// [`FormatError::with_type_name`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    /// `ValueError: Unknown format code 'd' for object of type 'str'`.
    UnknownFormatCode { code: char, type_name: String },
    /// `ValueError: Invalid format specifier 'abc' for object of type 'int'`.
    InvalidFormatSpecifier { spec: String, type_name: String },
    /// `TypeError` for a `%` conversion given the wrong type: `%d format: a
    /// real number is required, not str`, `%x format: an integer is required,
    /// not float`, `must be real number, not str` (`%f`). The caller raises
    /// the same error for values it cannot turn into a [`FormatArg`].
    PercentArgumentType { conversion: char, type_name: String },
    /// `ValueError` with CPython's message.
    Value(String),
    /// `TypeError` with CPython's message (`%c requires int or char`).
    Type(String),
    /// `OverflowError` with CPython's message.
    Overflow(String),
    /// `MemoryError`: a width or precision above [`MAX_FORMAT_WIDTH`].
    Memory,
}

impl FormatError {
    /// The Python exception class: `ValueError`, `TypeError`, `OverflowError` or `MemoryError`.
    pub fn exception_name(&self) -> &'static str {
        match self {
            FormatError::UnknownFormatCode { .. }
            | FormatError::InvalidFormatSpecifier { .. }
            | FormatError::Value(_) => "ValueError",
            FormatError::PercentArgumentType { .. } | FormatError::Type(_) => "TypeError",
            FormatError::Overflow(_) => "OverflowError",
            FormatError::Memory => "MemoryError",
        }
    }

    /// The same error naming another type (e.g. `bool` for a value passed as `Int`).
    #[must_use]
    pub fn with_type_name(self, name: &str) -> Self {
        match self {
            FormatError::UnknownFormatCode { code, .. } => FormatError::UnknownFormatCode {
                code,
                type_name: name.into(),
            },
            FormatError::InvalidFormatSpecifier { spec, .. } => {
                FormatError::InvalidFormatSpecifier {
                    spec,
                    type_name: name.into(),
                }
            }
            FormatError::PercentArgumentType { conversion, .. } => {
                FormatError::PercentArgumentType {
                    conversion,
                    type_name: name.into(),
                }
            }
            other => other,
        }
    }

    fn value(message: impl Into<String>) -> Self {
        FormatError::Value(message.into())
    }
}

/// The character of a code point, for `%c` and `{:c}`.
fn code_point_to_char(value: &BigInt) -> Result<char, FormatError> {
    use num_traits::ToPrimitive;
    let code = value
        .to_u32()
        .filter(|&code| code <= 0x10FFFF)
        .ok_or_else(|| FormatError::Overflow("%c arg not in range(0x110000)".into()))?;
    char::from_u32(code).ok_or_else(|| {
        FormatError::Value(format!(
            "%c arg {code:#x} is a lone surrogate, which distill's strings cannot hold"
        ))
    })
}

/// A character in an error message as CPython quotes it: `'d'`, or `'\x1'`
/// for a control character, space or non-ASCII.
fn quote_code(code: char) -> String {
    if (code as u32) > 32 && (code as u32) < 128 {
        format!("'{code}'")
    } else {
        format!("'\\x{:x}'", code as u32)
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::UnknownFormatCode { code, type_name } => write!(
                f,
                "Unknown format code {} for object of type '{type_name}'",
                quote_code(*code)
            ),
            FormatError::InvalidFormatSpecifier { spec, type_name } => write!(
                f,
                "Invalid format specifier '{spec}' for object of type '{type_name}'"
            ),
            FormatError::PercentArgumentType {
                conversion,
                type_name,
            } => match conversion {
                'o' | 'x' | 'X' => write!(
                    f,
                    "%{conversion} format: an integer is required, not {type_name}"
                ),
                'd' | 'i' | 'u' => write!(
                    f,
                    "%{conversion} format: a real number is required, not {type_name}"
                ),
                _ => write!(f, "must be real number, not {type_name}"),
            },
            FormatError::Value(message)
            | FormatError::Type(message)
            | FormatError::Overflow(message) => f.write_str(message),
            FormatError::Memory => Ok(()),
        }
    }
}

impl std::error::Error for FormatError {}

#[cfg(test)]
mod cpython_cases;
