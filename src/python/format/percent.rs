//! printf-style formatting, `template % args`, as `PyUnicode_Format` in
//! CPython 3.11 (`Objects/unicodeobject.c`).
//!
//! The caller walks the pieces, takes an argument for each `*` and each
//! conversion (or looks up `%(key)` in the mapping), and calls
//! [`apply_percent_spec`]; the argument bookkeeping and its errors ("not
//! enough arguments for format string", "not all arguments converted during
//! string formatting", "format requires a mapping", "* wants int") are its own.

use num_bigint::BigInt;
use num_traits::Signed;

use super::float::{double_to_string, float_to_string, FloatOptions, FloatStyle};
use super::spec::int_to_float;
use super::{FormatArg, FormatError, MAX_FORMAT_WIDTH};

/// A piece of a `%` template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PercentPiece {
    /// Text, with `%%` already turned into `%`.
    Literal(String),
    Spec(PercentSpec),
}

/// One conversion: `%[(key)][flags][width][.precision][length]type`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PercentSpec {
    /// `%(name)s`: the key to look up in the mapping argument.
    pub key: Option<String>,
    pub flags: PercentFlags,
    pub width: Option<Count>,
    /// `%.f` has precision `Fixed(0)`.
    pub precision: Option<Count>,
    /// The conversion character, as written: an unsupported one is reported
    /// by [`apply_percent_spec`], after the caller took its argument, as
    /// CPython does.
    pub conversion: char,
    /// Index (in characters) of the conversion character in the template,
    /// for "unsupported format character 'y' (0x79) at index 3".
    pub index: usize,
}

impl PercentSpec {
    /// Applies a `*` width taken from an argument and returns the width to
    /// pass to [`apply_percent_spec`]: Python left-adjusts when it is negative
    /// (`'%*d' % (-5, 1)` is `'1    '`). A negative `*` precision counts as 0.
    pub fn resolve_star_width(&mut self, value: i64) -> usize {
        if value < 0 {
            self.flags.left_adjust = true;
        }
        usize::try_from(value.unsigned_abs()).unwrap_or(usize::MAX)
    }
}

/// The flags `-`, `+`, ` `, `#`, `0`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PercentFlags {
    /// `-`
    pub left_adjust: bool,
    /// `+`
    pub plus: bool,
    /// ` `
    pub space: bool,
    /// `#`
    pub alternate: bool,
    /// `0`
    pub zero: bool,
}

/// A width or precision: written out, or `*` (taken from the arguments).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    Fixed(usize),
    Star,
}

/// Splits a `%` template into literal text and conversions.
///
/// Errors as CPython's: "incomplete format", "incomplete format key", "width
/// too big", "precision too big" (CPython finds them while formatting, so an
/// earlier argument error would win there).
pub fn parse_percent_format(template: &str) -> Result<Vec<PercentPiece>, FormatError> {
    let chars: Vec<char> = template.chars().collect();
    let incomplete = || FormatError::Value("incomplete format".into());
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut pos = 0;
    while pos < chars.len() {
        if chars[pos] != '%' {
            literal.push(chars[pos]);
            pos += 1;
            continue;
        }
        pos += 1;
        match chars.get(pos) {
            None => return Err(incomplete()),
            Some('%') => {
                literal.push('%');
                pos += 1;
                continue;
            }
            Some(_) => {}
        }
        let mut key = None;
        if chars[pos] == '(' {
            let start = pos + 1;
            let mut depth = 1;
            pos += 1;
            while depth > 0 && pos < chars.len() {
                match chars[pos] {
                    ')' => depth -= 1,
                    '(' => depth += 1,
                    _ => {}
                }
                pos += 1;
            }
            if depth > 0 {
                return Err(FormatError::Value("incomplete format key".into()));
            }
            key = Some(chars[start..pos - 1].iter().collect());
        }
        let mut flags = PercentFlags::default();
        while let Some(&flag) = chars.get(pos) {
            match flag {
                '-' => flags.left_adjust = true,
                '+' => flags.plus = true,
                ' ' => flags.space = true,
                '#' => flags.alternate = true,
                '0' => flags.zero = true,
                _ => break,
            }
            pos += 1;
        }
        let width = if chars.get(pos) == Some(&'*') {
            pos += 1;
            Some(Count::Star)
        } else {
            parse_count(&chars, &mut pos, isize::MAX as usize, "width too big")?.map(Count::Fixed)
        };
        let mut precision = None;
        if chars.get(pos) == Some(&'.') {
            pos += 1;
            precision = if chars.get(pos) == Some(&'*') {
                pos += 1;
                Some(Count::Star)
            } else {
                Some(Count::Fixed(
                    parse_count(&chars, &mut pos, i32::MAX as usize, "precision too big")?
                        .unwrap_or(0),
                ))
            };
        }
        // Length modifiers, as in C, are accepted and ignored.
        if matches!(chars.get(pos), Some('h' | 'l' | 'L')) {
            pos += 1;
        }
        let Some(&conversion) = chars.get(pos) else {
            return Err(incomplete());
        };
        if !literal.is_empty() {
            pieces.push(PercentPiece::Literal(std::mem::take(&mut literal)));
        }
        pieces.push(PercentPiece::Spec(PercentSpec {
            key,
            flags,
            width,
            precision,
            conversion,
            index: pos,
        }));
        pos += 1;
    }
    if !literal.is_empty() {
        pieces.push(PercentPiece::Literal(literal));
    }
    Ok(pieces)
}

fn parse_count(
    chars: &[char],
    pos: &mut usize,
    limit: usize,
    message: &str,
) -> Result<Option<usize>, FormatError> {
    let start = *pos;
    let mut value: usize = 0;
    while let Some(digit) = chars.get(*pos).and_then(|c| c.to_digit(10)) {
        value = value
            .checked_mul(10)
            .and_then(|value| value.checked_add(digit as usize))
            .filter(|&value| value <= limit)
            .ok_or_else(|| FormatError::Value(message.into()))?;
        *pos += 1;
    }
    Ok((*pos > start).then_some(value))
}

/// Formats one argument for `spec`, `width` and `precision` being the
/// resolved values (the spec's own, or the `*` arguments; see
/// [`PercentSpec::resolve_star_width`]).
///
/// For `s`, `r` and `a` the caller passes the `str()`, `repr()` or `ascii()`
/// text as `FormatArg::Str` (an `Int` or `Float` is converted here, where all
/// three agree). `c` takes an `Int` or a one-character `Str`.
pub fn apply_percent_spec(
    spec: &PercentSpec,
    width: Option<usize>,
    precision: Option<usize>,
    arg: FormatArg,
) -> Result<String, FormatError> {
    if width.unwrap_or(0) > MAX_FORMAT_WIDTH || precision.unwrap_or(0) > MAX_FORMAT_WIDTH {
        return Err(FormatError::Memory);
    }
    let conversion = spec.conversion;
    let wrong_type = || FormatError::PercentArgumentType {
        conversion,
        type_name: arg.type_name().into(),
    };
    // `numeric`: the text may start with a sign, and `+`, ` `, `0` apply.
    let (text, numeric) = match conversion {
        's' | 'r' | 'a' => {
            let text = match arg {
                FormatArg::Str(text) => text.to_string(),
                FormatArg::Int(value) => value.to_string(),
                FormatArg::Float(value) => float_to_string(value),
            };
            (text, false)
        }
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
            let truncated;
            let value = match arg {
                FormatArg::Int(value) => value,
                FormatArg::Float(value) if matches!(conversion, 'd' | 'i' | 'u') => {
                    truncated = float_to_int(value)?;
                    &truncated
                }
                _ => return Err(wrong_type()),
            };
            (
                format_long(value, conversion, spec.flags.alternate, precision),
                true,
            )
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let value = match arg {
                FormatArg::Float(value) => value,
                FormatArg::Int(value) => int_to_float(value)?,
                FormatArg::Str(_) => return Err(wrong_type()),
            };
            let style = match conversion.to_ascii_lowercase() {
                'e' => FloatStyle::Exponent,
                'f' => FloatStyle::Fixed,
                _ => FloatStyle::General,
            };
            let options = FloatOptions {
                upper: conversion.is_ascii_uppercase(),
                alternate: spec.flags.alternate,
                ..FloatOptions::new(style, precision.unwrap_or(6))
            };
            (double_to_string(value, options), true)
        }
        'c' => {
            let character = match arg {
                FormatArg::Str(text) => {
                    let mut chars = text.chars();
                    match (chars.next(), chars.next()) {
                        (Some(character), None) => character,
                        _ => return Err(FormatError::Type("%c requires int or char".into())),
                    }
                }
                FormatArg::Int(value) => super::code_point_to_char(value)?,
                FormatArg::Float(_) => {
                    return Err(FormatError::Type("%c requires int or char".into()))
                }
            };
            (character.to_string(), false)
        }
        _ => {
            let shown = if (31..=126).contains(&(conversion as u32)) {
                conversion
            } else {
                '?'
            };
            return Err(FormatError::Value(format!(
                "unsupported format character '{shown}' (0x{:x}) at index {}",
                conversion as u32, spec.index
            )));
        }
    };
    let truncate = if matches!(conversion, 's' | 'r' | 'a') {
        precision
    } else {
        None
    };
    Ok(output(
        &text, numeric, truncate, width, spec.flags, conversion,
    ))
}

/// `int(x)` of a float for `%d`: truncation toward zero.
fn float_to_int(value: f64) -> Result<BigInt, FormatError> {
    if value.is_nan() {
        return Err(FormatError::Value(
            "cannot convert float NaN to integer".into(),
        ));
    }
    if value.is_infinite() {
        return Err(FormatError::Overflow(
            "cannot convert float infinity to integer".into(),
        ));
    }
    Ok(num_traits::FromPrimitive::from_f64(value.trunc()).unwrap_or_default())
}

/// `_PyUnicode_FormatLong`: sign, `0o`/`0x`/`0X` prefix with `#`, the
/// digits zero-padded to `precision`.
fn format_long(
    value: &BigInt,
    conversion: char,
    alternate: bool,
    precision: Option<usize>,
) -> String {
    let (radix, prefix) = match conversion {
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = value.magnitude().to_str_radix(radix);
    if conversion == 'X' {
        digits.make_ascii_uppercase();
    }
    let mut out = String::new();
    if value.is_negative() {
        out.push('-');
    }
    if alternate {
        out.push_str(prefix);
    }
    for _ in digits.len()..precision.unwrap_or(0) {
        out.push('0');
    }
    out.push_str(&digits);
    out
}

/// `unicode_format_arg_output`: sign, prefix, padding and truncation.
fn output(
    text: &str,
    numeric: bool,
    truncate: Option<usize>,
    width: Option<usize>,
    flags: PercentFlags,
    conversion: char,
) -> String {
    let chars: Vec<char> = text.chars().collect();
    let fill = if numeric && flags.zero { '0' } else { ' ' };
    let mut length = chars.len();
    if let Some(truncate) = truncate {
        length = length.min(truncate);
    }
    let mut start = 0;
    let mut sign = None;
    if numeric {
        match chars.first() {
            Some(&first @ ('-' | '+')) => {
                sign = Some(first);
                length -= 1;
                start = 1;
            }
            _ if flags.plus => sign = Some('+'),
            _ if flags.space => sign = Some(' '),
            _ => {}
        }
    }
    let mut width = width.unwrap_or(0).max(length);
    let mut out = String::with_capacity(width + 2);
    if let Some(sign) = sign {
        if fill != ' ' {
            out.push(sign);
        }
        if width > length {
            width -= 1;
        }
    }
    let prefix = flags.alternate && matches!(conversion, 'x' | 'X' | 'o');
    if prefix {
        if fill != ' ' {
            out.extend(&chars[start..start + 2]);
            start += 2;
        }
        width = width.saturating_sub(2);
        length -= 2;
    }
    if width > length && !flags.left_adjust {
        out.extend(std::iter::repeat_n(fill, width - length));
        width = length;
    }
    if fill == ' ' {
        out.extend(sign);
        if prefix {
            out.extend(&chars[start..start + 2]);
            start += 2;
        }
    }
    out.extend(&chars[start..start + length]);
    if width > length {
        out.extend(std::iter::repeat_n(' ', width - length));
    }
    out
}

#[cfg(test)]
mod tests {
    use num_traits::ToPrimitive;

    use super::*;

    /// `template % args` with positional arguments only, as a caller would do it.
    fn percent(template: &str, args: &[FormatArg]) -> Result<String, FormatError> {
        let mut args = args.iter();
        let mut out = String::new();
        for piece in parse_percent_format(template)? {
            match piece {
                PercentPiece::Literal(text) => out.push_str(&text),
                PercentPiece::Spec(mut spec) => {
                    let int_arg = |args: &mut std::slice::Iter<FormatArg>| match args.next() {
                        Some(FormatArg::Int(value)) => value.to_i64().unwrap(),
                        other => panic!("* wants int, got {other:?}"),
                    };
                    let width = match spec.width {
                        Some(Count::Star) => {
                            let value = int_arg(&mut args);
                            Some(spec.resolve_star_width(value))
                        }
                        Some(Count::Fixed(width)) => Some(width),
                        None => None,
                    };
                    let precision = match spec.precision {
                        Some(Count::Star) => Some(int_arg(&mut args).max(0) as usize),
                        Some(Count::Fixed(precision)) => Some(precision),
                        None => None,
                    };
                    let arg = *args.next().expect("not enough arguments");
                    out.push_str(&apply_percent_spec(&spec, width, precision, arg)?);
                }
            }
        }
        Ok(out)
    }

    fn ok(template: &str, args: &[FormatArg]) -> String {
        percent(template, args).unwrap()
    }

    fn error(template: &str, args: &[FormatArg]) -> String {
        let error = percent(template, args).unwrap_err();
        format!("{}: {error}", error.exception_name())
    }

    // Expected values from `python3.11 -c "print(repr('%5.2f' % 3.14159))"` and the like.

    #[test]
    fn conversions() {
        let int = |value: i64| BigInt::from(value);
        let (n3, n255, n42, n_42, n5, n8) = (int(3), int(255), int(42), int(-42), int(5), int(8));
        assert_eq!(ok("%5.2f", &[FormatArg::Float(1.23456)]), " 1.23");
        assert_eq!(ok("%-5d|", &[FormatArg::Int(&n3)]), "3    |");
        assert_eq!(ok("%-05d|", &[FormatArg::Int(&n3)]), "3    |");
        assert_eq!(ok("%05d", &[FormatArg::Int(&-n3.clone())]), "-0003");
        assert_eq!(ok("%+05d", &[FormatArg::Int(&n3)]), "+0003");
        assert_eq!(ok("% 05d", &[FormatArg::Int(&n3)]), " 0003");
        assert_eq!(ok("%x", &[FormatArg::Int(&n255)]), "ff");
        assert_eq!(ok("%#X", &[FormatArg::Int(&n255)]), "0XFF");
        assert_eq!(ok("%#o", &[FormatArg::Int(&n8)]), "0o10");
        assert_eq!(ok("%#5x", &[FormatArg::Int(&n255)]), " 0xff");
        assert_eq!(ok("%#05x", &[FormatArg::Int(&n255)]), "0x0ff");
        assert_eq!(ok("%#-8o|", &[FormatArg::Int(&n8)]), "0o10    |");
        assert_eq!(ok("%.5d", &[FormatArg::Int(&n_42)]), "-00042");
        assert_eq!(ok("%+.5x", &[FormatArg::Int(&n42)]), "+0002a");
        assert_eq!(ok("%#010.5x", &[FormatArg::Int(&n42)]), "0x0000002a");
        assert_eq!(ok("%d", &[FormatArg::Float(-3.7)]), "-3");
        assert_eq!(
            ok("%ld %hi", &[FormatArg::Int(&n5), FormatArg::Int(&n5)]),
            "5 5"
        );
        assert_eq!(ok("%.s|", &[FormatArg::Str("abc")]), "|");
        assert_eq!(
            ok(
                "%.2s|%5s|%-5s|",
                &[
                    FormatArg::Str("abc"),
                    FormatArg::Str("x"),
                    FormatArg::Str("y")
                ]
            ),
            "ab|    x|y    |"
        );
        assert_eq!(
            ok("%05s|%+s", &[FormatArg::Str("x"), FormatArg::Str("y")]),
            "    x|y"
        );
        assert_eq!(
            ok("%s %s", &[FormatArg::Int(&n5), FormatArg::Float(0.5)]),
            "5 0.5"
        );
        assert_eq!(
            ok("%*d|", &[FormatArg::Int(&int(-5)), FormatArg::Int(&n3)]),
            "3    |"
        );
        assert_eq!(
            ok("%.*f", &[FormatArg::Int(&int(-2)), FormatArg::Float(1.5)]),
            "2"
        );
        assert_eq!(
            ok("%c%c", &[FormatArg::Int(&int(65)), FormatArg::Str("é")]),
            "Aé"
        );
        assert_eq!(
            ok(
                "%5c|%-5c|",
                &[FormatArg::Str("x"), FormatArg::Int(&int(65))]
            ),
            "    x|A    |"
        );
        assert_eq!(ok("%05.1f", &[FormatArg::Float(-2.25)]), "-02.2");
        assert_eq!(ok("%+.0e", &[FormatArg::Int(&int(12345))]), "+1e+04");
        assert_eq!(
            ok(
                "%#.0f %#g",
                &[FormatArg::Int(&int(2)), FormatArg::Int(&int(1))]
            ),
            "2. 1.00000"
        );
        assert_eq!(
            ok("%g %G", &[FormatArg::Float(1e-5), FormatArg::Float(1e20)]),
            "1e-05 1E+20"
        );
        assert_eq!(ok("%F", &[FormatArg::Float(f64::INFINITY)]), "INF");
        assert_eq!(
            ok("%010f", &[FormatArg::Float(f64::NEG_INFINITY)]),
            "-000000inf"
        );
        assert_eq!(ok("%+f", &[FormatArg::Float(f64::NAN)]), "+nan");
        assert_eq!(ok("%e", &[FormatArg::Int(&int(0))]), "0.000000e+00");
        assert_eq!(ok("100%% %s%%", &[FormatArg::Str("sure")]), "100% sure%");
    }

    #[test]
    fn errors() {
        let one = BigInt::from(1);
        assert_eq!(
            error("%y", &[FormatArg::Int(&one)]),
            "ValueError: unsupported format character 'y' (0x79) at index 1"
        );
        assert_eq!(
            error("ab %5%", &[FormatArg::Int(&one)]),
            "ValueError: unsupported format character '%' (0x25) at index 5"
        );
        assert_eq!(
            error("%\u{e9}", &[FormatArg::Int(&one)]),
            "ValueError: unsupported format character '?' (0xe9) at index 1"
        );
        assert_eq!(error("%", &[]), "ValueError: incomplete format");
        assert_eq!(error("%s %", &[]), "ValueError: incomplete format");
        assert_eq!(error("%(a", &[]), "ValueError: incomplete format key");
        assert_eq!(error("%(a)", &[]), "ValueError: incomplete format");
        assert_eq!(
            error("%99999999999999999999d", &[]),
            "ValueError: width too big"
        );
        assert_eq!(error("%.2147483648f", &[]), "ValueError: precision too big");
        assert_eq!(
            error("%d", &[FormatArg::Str("a")]),
            "TypeError: %d format: a real number is required, not str"
        );
        assert_eq!(
            error("%x", &[FormatArg::Float(3.0)]),
            "TypeError: %x format: an integer is required, not float"
        );
        assert_eq!(
            error("%f", &[FormatArg::Str("a")]),
            "TypeError: must be real number, not str"
        );
        assert_eq!(
            error("%c", &[FormatArg::Str("ab")]),
            "TypeError: %c requires int or char"
        );
        assert_eq!(
            error("%c", &[FormatArg::Float(65.0)]),
            "TypeError: %c requires int or char"
        );
        assert_eq!(
            error("%c", &[FormatArg::Int(&BigInt::from(-1))]),
            "OverflowError: %c arg not in range(0x110000)"
        );
        assert_eq!(
            error("%d", &[FormatArg::Float(f64::INFINITY)]),
            "OverflowError: cannot convert float infinity to integer"
        );
        assert_eq!(
            error("%d", &[FormatArg::Float(f64::NAN)]),
            "ValueError: cannot convert float NaN to integer"
        );
        assert_eq!(
            error("%f", &[FormatArg::Int(&BigInt::from(2).pow(1030))]),
            "OverflowError: int too large to convert to float"
        );
    }

    #[test]
    fn parses_keys_flags_and_counts() {
        let pieces = parse_percent_format("a%(na(m)e)-+ #010.3lfb%%c%*.*d").unwrap();
        assert_eq!(
            pieces,
            vec![
                PercentPiece::Literal("a".into()),
                PercentPiece::Spec(PercentSpec {
                    key: Some("na(m)e".into()),
                    flags: PercentFlags {
                        left_adjust: true,
                        plus: true,
                        space: true,
                        alternate: true,
                        zero: true,
                    },
                    width: Some(Count::Fixed(10)),
                    precision: Some(Count::Fixed(3)),
                    conversion: 'f',
                    index: 20,
                }),
                PercentPiece::Literal("b%c".into()),
                PercentPiece::Spec(PercentSpec {
                    key: None,
                    flags: PercentFlags::default(),
                    width: Some(Count::Star),
                    precision: Some(Count::Star),
                    conversion: 'd',
                    index: 29,
                }),
            ]
        );
        assert_eq!(parse_percent_format("").unwrap(), vec![]);
        assert_eq!(
            parse_percent_format("%%").unwrap(),
            vec![PercentPiece::Literal("%".into())]
        );
    }
}
