//! The format-spec mini-language: `format(value, spec)` for `int`, `float`
//! and `str`, as `Python/formatter_unicode.c` in CPython 3.11.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use super::float::{double_to_string, FloatOptions, FloatStyle};
use super::{FormatArg, FormatError, MAX_FORMAT_WIDTH};

/// `format(value, spec)` as CPython 3.11 computes it for `int`, `float` and `str`.
///
/// ```
/// use distill::python::format::{format_with_spec, FormatArg};
/// assert_eq!(format_with_spec(FormatArg::Float(1234.5), ",.2f").unwrap(), "1,234.50");
/// assert_eq!(format_with_spec(FormatArg::Str("ab"), "*^6").unwrap(), "**ab**");
/// ```
pub fn format_with_spec(arg: FormatArg, spec: &str) -> Result<String, FormatError> {
    let type_name = arg.type_name();
    match arg {
        FormatArg::Str(value) => {
            let spec = Spec::parse(spec, 's', '<', type_name)?;
            format_str(value, &spec)
        }
        FormatArg::Int(value) => {
            let spec = Spec::parse(spec, 'd', '>', type_name)?;
            match spec.code {
                'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => format_int(value, &spec),
                'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
                    format_float(int_to_float(value)?, &spec)
                }
                code => Err(FormatError::UnknownFormatCode {
                    code,
                    type_name: type_name.into(),
                }),
            }
        }
        FormatArg::Float(value) => {
            let spec = Spec::parse(spec, '\0', '>', type_name)?;
            match spec.code {
                '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%' => format_float(value, &spec),
                code => Err(FormatError::UnknownFormatCode {
                    code,
                    type_name: type_name.into(),
                }),
            }
        }
    }
}

/// `float(int)`: correctly rounded, `OverflowError` beyond the float range.
pub(crate) fn int_to_float(value: &BigInt) -> Result<f64, FormatError> {
    match value.to_f64() {
        Some(float) if float.is_finite() => Ok(float),
        _ => Err(FormatError::Overflow(
            "int too large to convert to float".into(),
        )),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Grouping {
    None,
    /// `,`: every 3 digits.
    Comma,
    /// `_`: every 3 digits, every 4 for `b`, `o`, `x`, `X`.
    Underscore,
}

/// A parsed spec: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Debug, Clone)]
struct Spec {
    fill: char,
    align: char,
    /// `+`, `-`, ` ` or `\0` for none.
    sign: char,
    no_negative_zero: bool,
    alternate: bool,
    width: Option<usize>,
    grouping: Grouping,
    precision: Option<usize>,
    /// The type, or the default of the value's type (`\0` for float).
    code: char,
}

impl Spec {
    /// `parse_internal_render_format_spec`.
    fn parse(
        text: &str,
        default_code: char,
        default_align: char,
        type_name: &str,
    ) -> Result<Spec, FormatError> {
        let chars: Vec<char> = text.chars().collect();
        let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
        let mut spec = Spec {
            fill: ' ',
            align: default_align,
            sign: '\0',
            no_negative_zero: false,
            alternate: false,
            width: None,
            grouping: Grouping::None,
            precision: None,
            code: default_code,
        };
        let mut pos = 0;
        let mut fill_given = false;
        let mut align_given = false;
        if chars.len() >= 2 && is_align(chars[1]) {
            spec.fill = chars[0];
            spec.align = chars[1];
            fill_given = true;
            align_given = true;
            pos = 2;
        } else if chars.first().copied().is_some_and(is_align) {
            spec.align = chars[0];
            align_given = true;
            pos = 1;
        }
        if let Some(&sign @ ('+' | '-' | ' ')) = chars.get(pos) {
            spec.sign = sign;
            pos += 1;
        }
        if chars.get(pos) == Some(&'z') {
            spec.no_negative_zero = true;
            pos += 1;
        }
        if chars.get(pos) == Some(&'#') {
            spec.alternate = true;
            pos += 1;
        }
        if !fill_given && chars.get(pos) == Some(&'0') {
            spec.fill = '0';
            if !align_given && default_align == '>' {
                spec.align = '=';
            }
            pos += 1;
        }
        spec.width = parse_integer(&chars, &mut pos)?;
        if chars.get(pos) == Some(&',') {
            spec.grouping = Grouping::Comma;
            pos += 1;
        }
        if chars.get(pos) == Some(&'_') {
            if spec.grouping != Grouping::None {
                return Err(FormatError::value("Cannot specify both ',' and '_'."));
            }
            spec.grouping = Grouping::Underscore;
            pos += 1;
        }
        if chars.get(pos) == Some(&',') && spec.grouping == Grouping::Underscore {
            return Err(FormatError::value("Cannot specify both ',' and '_'."));
        }
        if chars.get(pos) == Some(&'.') {
            pos += 1;
            spec.precision = parse_integer(&chars, &mut pos)?;
            if spec.precision.is_none() {
                return Err(FormatError::value("Format specifier missing precision"));
            }
        }
        if chars.len() - pos > 1 {
            return Err(FormatError::InvalidFormatSpecifier {
                spec: text.into(),
                type_name: type_name.into(),
            });
        }
        if let Some(&code) = chars.get(pos) {
            spec.code = code;
        }
        if spec.grouping != Grouping::None {
            let allowed = match spec.code {
                'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => true,
                'b' | 'o' | 'x' | 'X' => spec.grouping == Grouping::Underscore,
                _ => false,
            };
            if !allowed {
                let separator = if spec.grouping == Grouping::Comma {
                    ','
                } else {
                    '_'
                };
                return Err(FormatError::Value(format!(
                    "Cannot specify '{separator}' with {}.",
                    super::quote_code(spec.code)
                )));
            }
        }
        if spec.width.unwrap_or(0) > MAX_FORMAT_WIDTH {
            return Err(FormatError::Memory);
        }
        Ok(spec)
    }

    /// The separator and group size for the digits of a number in `code`.
    fn separator(&self) -> Option<(char, usize)> {
        match self.grouping {
            Grouping::None => None,
            Grouping::Comma => Some((',', 3)),
            Grouping::Underscore if matches!(self.code, 'b' | 'o' | 'x' | 'X') => Some(('_', 4)),
            Grouping::Underscore => Some(('_', 3)),
        }
    }
}

/// Decimal digits at `pos` (`get_integer`): `None` when there are none.
fn parse_integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>, FormatError> {
    let mut value: usize = 0;
    let start = *pos;
    while let Some(digit) = chars.get(*pos).and_then(|c| c.to_digit(10)) {
        value = value
            .checked_mul(10)
            .and_then(|value| value.checked_add(digit as usize))
            .filter(|&value| value <= isize::MAX as usize)
            .ok_or_else(|| FormatError::value("Too many decimal digits in format string"))?;
        *pos += 1;
    }
    Ok((*pos > start).then_some(value))
}

/// `format_string_internal`.
fn format_str(value: &str, spec: &Spec) -> Result<String, FormatError> {
    if spec.code != 's' {
        return Err(FormatError::UnknownFormatCode {
            code: spec.code,
            type_name: "str".into(),
        });
    }
    match spec.sign {
        ' ' => {
            return Err(FormatError::value(
                "Space not allowed in string format specifier",
            ))
        }
        '\0' => {}
        _ => {
            return Err(FormatError::value(
                "Sign not allowed in string format specifier",
            ))
        }
    }
    if spec.no_negative_zero {
        return Err(FormatError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alternate {
        return Err(FormatError::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if spec.align == '=' {
        return Err(FormatError::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let length = value.chars().count();
    let kept = spec
        .precision
        .map_or(length, |precision| precision.min(length));
    let text: String = if kept < length {
        value.chars().take(kept).collect()
    } else {
        value.into()
    };
    Ok(pad(&text, kept, spec.width, spec.align, spec.fill))
}

/// `calc_padding` and `fill_padding`: `text` (of `length` characters) aligned in `width`.
fn pad(text: &str, length: usize, width: Option<usize>, align: char, fill: char) -> String {
    let total = width.map_or(length, |width| width.max(length));
    let left = match align {
        '>' => total - length,
        '^' => (total - length) / 2,
        _ => 0,
    };
    let right = total - length - left;
    let mut out = String::with_capacity(text.len() + left + right);
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(text);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

/// `format_long_internal`.
fn format_int(value: &BigInt, spec: &Spec) -> Result<String, FormatError> {
    if spec.precision.is_some() {
        return Err(FormatError::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_negative_zero {
        return Err(FormatError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if spec.code == 'c' {
        if spec.sign != '\0' {
            return Err(FormatError::value(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if spec.alternate {
            return Err(FormatError::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        if value.to_i64().is_none() {
            return Err(FormatError::Overflow(
                "Python int too large to convert to C long".into(),
            ));
        }
        let character = super::code_point_to_char(value)?;
        // The character is laid out as a number with no digits, only a "remainder".
        return Ok(layout_number(
            false,
            "",
            "",
            false,
            &character.to_string(),
            spec,
        ));
    }
    let (radix, prefix) = match spec.code {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = value.magnitude().to_str_radix(radix);
    if spec.code == 'X' {
        digits.make_ascii_uppercase();
    }
    let prefix = if spec.alternate { prefix } else { "" };
    Ok(layout_number(
        value.is_negative(),
        prefix,
        &digits,
        false,
        "",
        spec,
    ))
}

/// `format_float_internal`.
fn format_float(value: f64, spec: &Spec) -> Result<String, FormatError> {
    let precision = spec.precision;
    if precision.is_some_and(|precision| precision > i32::MAX as usize) {
        return Err(FormatError::value("precision too big"));
    }
    if precision.unwrap_or(0) > MAX_FORMAT_WIDTH {
        return Err(FormatError::Memory);
    }
    let mut value = value;
    let mut add_dot_0 = false;
    let mut percent = false;
    let mut default_precision = 6;
    let (mut style, upper) = match spec.code {
        'e' => (FloatStyle::Exponent, false),
        'E' => (FloatStyle::Exponent, true),
        'f' => (FloatStyle::Fixed, false),
        'F' => (FloatStyle::Fixed, true),
        'g' | 'n' => (FloatStyle::General, false),
        'G' => (FloatStyle::General, true),
        '%' => {
            value *= 100.0;
            percent = true;
            (FloatStyle::Fixed, false)
        }
        _ => {
            // No type: `repr` without a precision, else `g` that keeps a `.0`.
            add_dot_0 = true;
            default_precision = 0;
            (FloatStyle::Repr, false)
        }
    };
    if precision.is_some() && style == FloatStyle::Repr {
        style = FloatStyle::General;
    }
    let mut text = double_to_string(
        value,
        FloatOptions {
            style,
            upper,
            precision: precision.unwrap_or(default_precision),
            alternate: spec.alternate,
            add_dot_0,
            no_negative_zero: spec.no_negative_zero,
        },
    );
    if percent {
        text.push('%');
    }
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let digits_end = unsigned
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(unsigned.len());
    let digits = &unsigned[..digits_end];
    let rest = &unsigned[digits_end..];
    let (has_decimal, remainder) = match rest.strip_prefix('.') {
        Some(remainder) => (true, remainder),
        None => (false, rest),
    };
    Ok(layout_number(
        negative,
        "",
        digits,
        has_decimal,
        remainder,
        spec,
    ))
}

/// `calc_number_widths` and `fill_number`: sign, prefix, zero padding and
/// grouping, the decimal point and what follows it, then the alignment:
///
/// `<left padding><sign><prefix><sign padding><grouped digits><.><remainder><right padding>`
fn layout_number(
    negative: bool,
    prefix: &str,
    digits: &str,
    has_decimal: bool,
    remainder: &str,
    spec: &Spec,
) -> String {
    let sign = match spec.sign {
        '+' => Some(if negative { '-' } else { '+' }),
        ' ' => Some(if negative { '-' } else { ' ' }),
        _ => negative.then_some('-'),
    };
    let width = spec.width.map_or(-1, |width| width as isize);
    let non_digits = sign.is_some() as isize
        + prefix.len() as isize
        + has_decimal as isize
        + remainder.chars().count() as isize;
    // With `0` fill and `=` alignment the zeros are digits: they get grouped.
    let min_width = if spec.fill == '0' && spec.align == '=' {
        width - non_digits
    } else {
        0
    };
    let grouped = if digits.is_empty() {
        String::new()
    } else {
        group_digits(digits, min_width, spec.separator())
    };
    let padding = (width - non_digits - grouped.chars().count() as isize).max(0) as usize;
    let (left, inner, right) = match spec.align {
        '<' => (0, 0, padding),
        '^' => (padding / 2, 0, padding - padding / 2),
        '=' => (0, padding, 0),
        _ => (padding, 0, 0),
    };
    let fill = |out: &mut String, count: usize| out.extend(std::iter::repeat_n(spec.fill, count));
    let mut out = String::new();
    fill(&mut out, left);
    out.extend(sign);
    out.push_str(prefix);
    fill(&mut out, inner);
    out.push_str(&grouped);
    if has_decimal {
        out.push('.');
    }
    out.push_str(remainder);
    fill(&mut out, right);
    out
}

/// `_PyUnicode_InsertThousandsGrouping`: the digits in groups from the
/// right, padded with zeros (which are grouped too) to `min_width`.
fn group_digits(digits: &str, min_width: isize, separator: Option<(char, usize)>) -> String {
    let digits = digits.as_bytes();
    let mut min_width = min_width.max(0);
    let mut remaining = digits.len() as isize;
    let mut end = digits.len();
    // Groups from the right.
    let mut groups: Vec<String> = Vec::new();
    let mut take = |length: isize, remaining: &mut isize, groups: &mut Vec<String>| {
        let zeros = (length - *remaining).max(0) as usize;
        let count = (*remaining).min(length).max(0) as usize;
        let mut group = "0".repeat(zeros);
        group.push_str(std::str::from_utf8(&digits[end - count..end]).unwrap_or_default());
        end -= count;
        *remaining -= count as isize;
        groups.push(group);
    };
    let mut finished = false;
    if let Some((_, size)) = separator {
        let size = size as isize;
        loop {
            let length = size.min(remaining.max(min_width).max(1));
            take(length, &mut remaining, &mut groups);
            min_width -= length;
            if remaining <= 0 && min_width <= 0 {
                finished = true;
                break;
            }
            min_width -= 1;
        }
    }
    if !finished {
        let length = remaining.max(min_width).max(1);
        take(length, &mut remaining, &mut groups);
    }
    groups.reverse();
    let separator = separator.map_or(String::new(), |(separator, _)| separator.to_string());
    groups.join(&separator)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(value: i64, spec: &str) -> String {
        format_with_spec(FormatArg::Int(&BigInt::from(value)), spec).unwrap()
    }

    fn float(value: f64, spec: &str) -> String {
        format_with_spec(FormatArg::Float(value), spec).unwrap()
    }

    fn string(value: &str, spec: &str) -> String {
        format_with_spec(FormatArg::Str(value), spec).unwrap()
    }

    fn error(arg: FormatArg, spec: &str) -> String {
        let error = format_with_spec(arg, spec).unwrap_err();
        format!("{}: {error}", error.exception_name())
    }

    // Expected values from `python3.11 -c 'print(repr(format(value, spec)))'`.

    #[test]
    fn ints() {
        assert_eq!(int(1234, ""), "1234");
        assert_eq!(int(-1234, ","), "-1,234");
        assert_eq!(int(1234, ">10"), "      1234");
        assert_eq!(int(1234, "010,"), "00,001,234");
        assert_eq!(int(1234, "09,"), "0,001,234");
        assert_eq!(int(1234, "08,"), "0,001,234");
        assert_eq!(int(-1234, "=+12,"), "-      1,234");
        assert_eq!(int(255, "_b"), "1111_1111");
        assert_eq!(int(255, "#x"), "0xff");
        assert_eq!(int(-255, "#010X"), "-0X00000FF");
        assert_eq!(int(12345678, "_x"), "bc_614e");
        assert_eq!(int(5, "+#o"), "+0o5");
        assert_eq!(int(65, "c"), "A");
        assert_eq!(int(65, "=5c"), "    A");
        assert_eq!(int(65, "05c"), "0000A");
        assert_eq!(int(1, "0<5"), "10000");
        assert_eq!(int(1, "x<05"), "1xxxx");
        assert_eq!(int(3, " "), " 3");
        assert_eq!(int(1234567, "n"), "1234567");
        assert_eq!(int(1, ".0%"), "100%");
        let big = BigInt::from(2).pow(70);
        assert_eq!(
            format_with_spec(FormatArg::Int(&big), ",").unwrap(),
            "1,180,591,620,717,411,303,424"
        );
        assert_eq!(
            format_with_spec(FormatArg::Int(&(BigInt::from(2).pow(53) + 1)), "f").unwrap(),
            "9007199254740992.000000"
        );
    }

    #[test]
    fn floats() {
        assert_eq!(float(1234.5, ",.2f"), "1,234.50");
        assert_eq!(float(-0.0, ""), "-0.0");
        assert_eq!(float(-0.0, "z"), "0.0");
        assert_eq!(float(-0.0001, "z.2f"), "0.00");
        assert_eq!(float(0.0, "e"), "0.000000e+00");
        assert_eq!(float(1e-5, "g"), "1e-05");
        assert_eq!(float(1.0 / 3.0, ".3"), "0.333");
        assert_eq!(float(0.5, "%"), "50.000000%");
        assert_eq!(float(1.0, ".3"), "1.0");
        assert_eq!(float(123.0, ".3"), "1.23e+02");
        assert_eq!(float(1.5, ".0"), "2e+00");
        assert_eq!(float(1e16, "#"), "1.e+16");
        assert_eq!(float(0.1, "#g"), "0.100000");
        assert_eq!(float(0.1, "#.0f"), "0.");
        assert_eq!(float(1234567.0, "n"), "1.23457e+06");
        assert_eq!(float(12345.678, ".10"), "12345.678");
        assert_eq!(float(f64::INFINITY, "010"), "0000000inf");
        assert_eq!(float(f64::NAN, "+010"), "+000000nan");
        assert_eq!(float(f64::NEG_INFINITY, "F"), "-INF");
        assert_eq!(float(f64::INFINITY, "%"), "inf%");
        assert_eq!(float(1e20, ","), "1e+20");
        assert_eq!(float(1234567.125, "_"), "1_234_567.125");
    }

    #[test]
    fn strings() {
        assert_eq!(string("abc", ""), "abc");
        assert_eq!(string("abc", ".1"), "a");
        assert_eq!(string("abc", "^7"), "  abc  ");
        assert_eq!(string("abc", "*^8.2"), "***ab***");
        assert_eq!(string("ab", "05"), "ab000");
        assert_eq!(string("é", ">3"), "  é");
        assert_eq!(string("abc", ">10"), "       abc");
    }

    #[test]
    fn errors() {
        let one = BigInt::from(1);
        assert_eq!(
            error(FormatArg::Str("a"), "d"),
            "ValueError: Unknown format code 'd' for object of type 'str'"
        );
        assert_eq!(
            error(FormatArg::Int(&one), "abc"),
            "ValueError: Invalid format specifier 'abc' for object of type 'int'"
        );
        assert_eq!(
            error(FormatArg::Float(1.5), "\u{1}"),
            "ValueError: Unknown format code '\\x1' for object of type 'float'"
        );
        assert_eq!(
            error(FormatArg::Int(&one), ",x"),
            "ValueError: Cannot specify ',' with 'x'."
        );
        assert_eq!(
            error(FormatArg::Int(&one), "_c"),
            "ValueError: Cannot specify '_' with 'c'."
        );
        assert_eq!(
            error(FormatArg::Int(&one), ",_"),
            "ValueError: Cannot specify both ',' and '_'."
        );
        assert_eq!(
            error(FormatArg::Int(&one), ".2"),
            "ValueError: Precision not allowed in integer format specifier"
        );
        assert_eq!(
            error(FormatArg::Int(&BigInt::from(0x110000)), "c"),
            "OverflowError: %c arg not in range(0x110000)"
        );
        assert_eq!(
            error(FormatArg::Str("a"), " "),
            "ValueError: Space not allowed in string format specifier"
        );
        assert_eq!(
            error(FormatArg::Float(1.0), "."),
            "ValueError: Format specifier missing precision"
        );
        assert_eq!(
            error(FormatArg::Int(&BigInt::from(2).pow(1024)), "f"),
            "OverflowError: int too large to convert to float"
        );
        assert_eq!(
            error(FormatArg::Int(&one), "99999999999999999999"),
            "ValueError: Too many decimal digits in format string"
        );
        assert_eq!(
            format_with_spec(FormatArg::Int(&one), "s")
                .unwrap_err()
                .with_type_name("bool")
                .to_string(),
            "Unknown format code 's' for object of type 'bool'"
        );
    }
}
