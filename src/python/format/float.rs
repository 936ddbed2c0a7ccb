//! Floats to text as CPython's `PyOS_double_to_string` writes them.
//!
//! CPython gets its digits from David Gay's correctly rounded `dtoa` and then
//! lays them out (`format_float_short` in `Python/pystrtod.c`). Rust's own
//! float formatting is correctly rounded too (shortest round-trip digits for
//! `{:e}`, exact round-half-even for `{:.N}` and `{:.Ne}`), so the digits come
//! from Rust and the layout below follows CPython's step by step.

/// `str(x)` and `repr(x)` of a Python float: `1.0`, `0.1`, `1e+16`, `1e-05`, `inf`, `nan`.
pub fn float_to_string(value: f64) -> String {
    double_to_string(
        value,
        FloatOptions {
            add_dot_0: true,
            ..FloatOptions::new(FloatStyle::Repr, 0)
        },
    )
}

/// The presentation, after CPython has mapped the format types onto these four.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FloatStyle {
    /// `e`: one digit before the point, `precision` after, always an exponent.
    Exponent,
    /// `f`: `precision` digits after the point, never an exponent.
    Fixed,
    /// `g`: `precision` significant digits, exponent when it is < -4 or >= precision.
    General,
    /// `r`: the shortest digits that round-trip, exponent when < -4 or >= 16.
    Repr,
}

/// Arguments of `PyOS_double_to_string`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FloatOptions {
    pub style: FloatStyle,
    /// `E`, `F`, `G`: `E` in the exponent, `INF` and `NAN`.
    pub upper: bool,
    pub precision: usize,
    /// `#`: keep the decimal point, and trailing zeros for `g`.
    pub alternate: bool,
    /// Add `.0` to what would look like an integer (`repr`, and `format` without a type).
    pub add_dot_0: bool,
    /// `z`: a value that rounds to zero is written without a minus sign.
    pub no_negative_zero: bool,
}

impl FloatOptions {
    pub(crate) fn new(style: FloatStyle, precision: usize) -> Self {
        Self {
            style,
            upper: false,
            precision,
            alternate: false,
            add_dot_0: false,
            no_negative_zero: false,
        }
    }
}

/// `PyOS_double_to_string`: the value with a leading `-` when negative (never `+`).
pub(crate) fn double_to_string(value: f64, options: FloatOptions) -> String {
    let (infinity, nan, exponent_char) = if options.upper {
        ("INF", "NAN", 'E')
    } else {
        ("inf", "nan", 'e')
    };
    if value.is_nan() {
        // CPython never writes a sign for a nan.
        return nan.into();
    }
    let negative = value.is_sign_negative();
    if value.is_infinite() {
        return if negative {
            format!("-{infinity}")
        } else {
            infinity.into()
        };
    }
    let magnitude = value.abs();
    // `precision` as `format_float_short` sees it.
    let precision = match options.style {
        FloatStyle::Exponent => options.precision + 1,
        FloatStyle::General => options.precision.max(1),
        FloatStyle::Fixed | FloatStyle::Repr => options.precision,
    };
    let (digits, decimal_point) = match options.style {
        FloatStyle::Exponent | FloatStyle::General => significant_digits(magnitude, precision),
        FloatStyle::Fixed => fixed_digits(magnitude, precision),
        FloatStyle::Repr => shortest_digits(magnitude),
    };
    let sign = negative && !(options.no_negative_zero && digits == "0");
    let precision = precision as isize;
    let digits_len = digits.len() as isize;
    let mut decimal_point = decimal_point;

    // Which slice of the digits, padded with zeros on both sides, to write.
    let mut use_exponent = false;
    let mut end = digits_len;
    match options.style {
        FloatStyle::Exponent => {
            use_exponent = true;
            end = precision;
        }
        FloatStyle::Fixed => end = decimal_point + precision,
        FloatStyle::General => {
            let limit = if options.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            if decimal_point <= -4 || decimal_point > limit {
                use_exponent = true;
            }
            if options.alternate {
                end = precision;
            }
        }
        FloatStyle::Repr => {
            if decimal_point <= -4 || decimal_point > 16 {
                use_exponent = true;
            }
        }
    }
    let mut exponent = 0;
    if use_exponent {
        exponent = decimal_point - 1;
        decimal_point = 1;
    }
    let start = if decimal_point <= 0 {
        decimal_point - 1
    } else {
        0
    };
    end = if !use_exponent && options.add_dot_0 {
        end.max(decimal_point + 1)
    } else {
        end.max(decimal_point)
    };

    let zeros = |out: &mut String, count: isize| {
        for _ in 0..count.max(0) {
            out.push('0');
        }
    };
    let mut out = String::with_capacity((end - start).max(0) as usize + 8);
    if sign {
        out.push('-');
    }
    if decimal_point <= 0 {
        zeros(&mut out, decimal_point - start);
        out.push('.');
        zeros(&mut out, -decimal_point);
    } else {
        zeros(&mut out, -start);
    }
    if 0 < decimal_point && decimal_point <= digits_len {
        let split = decimal_point as usize;
        out.push_str(&digits[..split]);
        out.push('.');
        out.push_str(&digits[split..]);
    } else {
        out.push_str(&digits);
    }
    if digits_len < decimal_point {
        zeros(&mut out, decimal_point - digits_len);
        out.push('.');
        zeros(&mut out, end - decimal_point);
    } else {
        zeros(&mut out, end - digits_len);
    }
    if out.ends_with('.') && !options.alternate {
        out.pop();
    }
    if use_exponent {
        out.push(exponent_char);
        // C's `%+.02d`: a sign and at least two digits.
        out.push_str(&format!("{exponent:+03}"));
    }
    out
}

/// The digits of a non-negative finite value and the position of the decimal
/// point relative to them (`0.d1d2... * 10**point`), as `dtoa` returns them:
/// no trailing zeros, and `("0", 1)` for zero.
type Digits = (String, isize);

/// `dtoa` mode 0: the shortest digits that read back as the same float.
fn shortest_digits(magnitude: f64) -> Digits {
    if magnitude == 0.0 {
        return ("0".into(), 1);
    }
    let shortest = split_exponent_form(&format!("{magnitude:e}"));
    // When two shortest strings are equally near (`980288906311551.25` lies
    // between `...551.2` and `...551.3`), Rust takes the upper one and `dtoa`
    // the even one: the correctly rounded string of the same length, which
    // is the one to use whenever it reads back as the same float.
    let nearest = significant_digits(magnitude, shortest.0.len());
    if nearest != shortest {
        let text = format!("0.{}e{}", nearest.0, nearest.1);
        if text.parse::<f64>().ok() == Some(magnitude) {
            return nearest;
        }
    }
    shortest
}

/// `dtoa` mode 2: `count` (at least 1) significant digits, correctly rounded.
fn significant_digits(magnitude: f64, count: usize) -> Digits {
    if magnitude == 0.0 {
        return ("0".into(), 1);
    }
    let (digits, point) =
        split_exponent_form(&format!("{:.*e}", count.saturating_sub(1), magnitude));
    let trimmed = digits.trim_end_matches('0');
    if trimmed.is_empty() {
        ("0".into(), 1)
    } else {
        (trimmed.to_string(), point)
    }
}

/// `dtoa` mode 3: correctly rounded to `count` digits after the decimal point.
fn fixed_digits(magnitude: f64, count: usize) -> Digits {
    let text = format!("{magnitude:.count$}");
    let (integer, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let all = format!("{integer}{fraction}");
    let without_leading = all.trim_start_matches('0');
    let point = integer.len() as isize - (all.len() - without_leading.len()) as isize;
    let trimmed = without_leading.trim_end_matches('0');
    if trimmed.is_empty() {
        ("0".into(), 1)
    } else {
        (trimmed.to_string(), point)
    }
}

/// `d.ddde-5` (Rust's exponent form) to digits and decimal point.
fn split_exponent_form(text: &str) -> Digits {
    let (mantissa, exponent) = text.split_once('e').unwrap_or((text, "0"));
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let exponent: isize = exponent.parse().unwrap_or(0);
    (digits, exponent + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_matches_cpython() {
        let cases = [
            (0.1, "0.1"),
            (1.0, "1.0"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (9999999999999998.0, "9999999999999998.0"),
            (1.5e-5, "1.5e-05"),
            (1e-4, "0.0001"),
            (123456789.125, "123456789.125"),
            (1e22, "1e+22"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (5e-324, "5e-324"),
            (f64::from_bits(3), "1.5e-323"),
            (0.30000000000000004, "0.30000000000000004"),
            (1.0 / 3.0, "0.3333333333333333"),
            (-1e100, "-1e+100"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-f64::NAN, "nan"),
            // A tie between two shortest strings goes to the even one.
            (980288906311551.2, "980288906311551.2"),
            (-825920888056527.2, "-825920888056527.2"),
        ];
        for (value, expected) in cases {
            assert_eq!(float_to_string(value), expected, "repr({value:?})");
        }
    }

    #[test]
    fn styles() {
        let format = |value: f64, style, precision| {
            double_to_string(value, FloatOptions::new(style, precision))
        };
        assert_eq!(format(1234.5, FloatStyle::Fixed, 2), "1234.50");
        assert_eq!(format(0.125, FloatStyle::Fixed, 2), "0.12");
        assert_eq!(format(-0.0001, FloatStyle::Fixed, 2), "-0.00");
        assert_eq!(format(9.99, FloatStyle::Fixed, 1), "10.0");
        assert_eq!(format(0.5, FloatStyle::Fixed, 0), "0");
        assert_eq!(format(1.5, FloatStyle::Fixed, 0), "2");
        assert_eq!(format(0.0, FloatStyle::Exponent, 6), "0.000000e+00");
        assert_eq!(format(12345.0, FloatStyle::Exponent, 2), "1.23e+04");
        assert_eq!(format(1e-100, FloatStyle::Exponent, 0), "1e-100");
        assert_eq!(format(1e-5, FloatStyle::General, 6), "1e-05");
        assert_eq!(format(1e-4, FloatStyle::General, 6), "0.0001");
        assert_eq!(format(123456.0, FloatStyle::General, 6), "123456");
        assert_eq!(format(1234567.0, FloatStyle::General, 6), "1.23457e+06");
        assert_eq!(format(0.0, FloatStyle::General, 0), "0");
        assert_eq!(format(100.0, FloatStyle::General, 1), "1e+02");
    }
}
