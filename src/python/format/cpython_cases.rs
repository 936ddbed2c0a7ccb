//! Compares with what CPython 3.11 recorded in `cpython_cases.jsonl` (made by
//! `cpython_cases.py`): `format()`, `repr(float)`, `%` and `str.format`,
//! playing the interpreter's part (argument lookup, `str`/`repr` texts) the
//! way the caller is expected to.

use std::collections::HashMap;

use num_bigint::BigInt;
use serde::Deserialize;

use super::*;

#[derive(Debug, Deserialize)]
struct Case {
    op: String,
    #[serde(default)]
    value: Option<Value>,
    #[serde(default)]
    spec: String,
    #[serde(default)]
    template: String,
    #[serde(default)]
    args: Option<Args>,
    #[serde(default)]
    kwargs: HashMap<String, Value>,
    out: Option<String>,
    err: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Args {
    Positional(Vec<Value>),
    Mapping(HashMap<String, Value>),
}

/// A recorded value, with its `str`, `repr` and `ascii` for arguments.
#[derive(Debug, Clone, Deserialize)]
struct Value {
    int: Option<String>,
    bool: Option<bool>,
    float: Option<String>,
    str: Option<String>,
    s: Option<String>,
    r: Option<String>,
    a: Option<String>,
}

/// A value in the form the interpreter would hold it.
enum Held {
    Int(BigInt, &'static str),
    Float(f64),
    Str(String),
}

impl Value {
    fn held(&self) -> Held {
        if let Some(int) = &self.int {
            Held::Int(int.parse().unwrap(), "int")
        } else if let Some(value) = self.bool {
            Held::Int(BigInt::from(u8::from(value)), "bool")
        } else if let Some(bits) = &self.float {
            Held::Float(f64::from_bits(u64::from_str_radix(bits, 16).unwrap()))
        } else {
            Held::Str(self.str.clone().unwrap())
        }
    }

    fn text(&self, conversion: char) -> String {
        match conversion {
            'r' => self.r.clone(),
            'a' => self.a.clone(),
            _ => self.s.clone(),
        }
        .expect("argument texts")
    }
}

impl Held {
    fn arg(&self) -> FormatArg<'_> {
        match self {
            Held::Int(value, _) => FormatArg::Int(value),
            Held::Float(value) => FormatArg::Float(*value),
            Held::Str(value) => FormatArg::Str(value),
        }
    }

    fn type_name(&self) -> &'static str {
        match self {
            Held::Int(_, name) => name,
            Held::Float(_) => "float",
            Held::Str(_) => "str",
        }
    }
}

/// An error as the interpreter would raise it: the arguments' own errors
/// are not part of the cases.
fn describe(error: &FormatError) -> String {
    format!("{}: {error}", error.exception_name())
}

fn format_value(held: &Held, spec: &str) -> Result<String, FormatError> {
    format_with_spec(held.arg(), spec).map_err(|error| error.with_type_name(held.type_name()))
}

fn run_percent(template: &str, args: &Args) -> Result<String, String> {
    let pieces = parse_percent_format(template).map_err(|error| describe(&error))?;
    let mut next = 0;
    let mut out = String::new();
    for piece in pieces {
        let mut spec = match piece {
            PercentPiece::Literal(text) => {
                out.push_str(&text);
                continue;
            }
            PercentPiece::Spec(spec) => spec,
        };
        let mut take = |key: &Option<String>| -> Result<Value, String> {
            match (args, key) {
                (Args::Mapping(map), Some(key)) => Ok(map[key].clone()),
                (Args::Positional(list), None) => {
                    next += 1;
                    list.get(next - 1)
                        .cloned()
                        .ok_or_else(|| "TypeError: not enough arguments for format string".into())
                }
                (Args::Mapping(_), None) => {
                    Err("TypeError: not enough arguments for format string".into())
                }
                (Args::Positional(_), Some(_)) => {
                    Err("TypeError: format requires a mapping".into())
                }
            }
        };
        let star = |value: Value| -> i64 { value.int.unwrap().parse().unwrap() };
        let width = match spec.width {
            Some(Count::Star) => {
                let value = star(take(&None)?);
                Some(spec.resolve_star_width(value))
            }
            Some(Count::Fixed(width)) => Some(width),
            None => None,
        };
        let precision = match spec.precision {
            Some(Count::Star) => Some(star(take(&None)?).max(0) as usize),
            Some(Count::Fixed(precision)) => Some(precision),
            None => None,
        };
        let value = take(&spec.key)?;
        let held = match spec.conversion {
            's' | 'r' | 'a' => Held::Str(value.text(spec.conversion)),
            _ => value.held(),
        };
        let text = apply_percent_spec(&spec, width, precision, held.arg())
            .map_err(|error| describe(&error.with_type_name(held.type_name())))?;
        out.push_str(&text);
    }
    if let Args::Positional(list) = args {
        if next < list.len() {
            return Err("TypeError: not all arguments converted during string formatting".into());
        }
    }
    Ok(out)
}

fn run_str_format(
    template: &str,
    args: &[Value],
    kwargs: &HashMap<String, Value>,
) -> Result<String, String> {
    #[derive(Debug)]
    struct Error(String);
    impl From<FormatError> for Error {
        fn from(error: FormatError) -> Self {
            Error(describe(&error))
        }
    }
    render_format_string(template, |argument, parts, conversion, spec| {
        assert!(parts.is_empty(), "no parts in the recorded cases");
        let value = match argument {
            ArgumentRef::Positional(index) => args.get(index).ok_or_else(|| {
                Error(format!(
                    "IndexError: Replacement index {index} out of range for positional args tuple"
                ))
            })?,
            ArgumentRef::Keyword(name) => kwargs
                .get(name)
                .ok_or_else(|| Error(format!("KeyError: '{name}'")))?,
        };
        let held = match conversion {
            Some(conversion) => Held::Str(value.text(conversion)),
            // An empty spec is `str(value)`, which differs for `bool`.
            None if spec.is_empty() => Held::Str(value.text('s')),
            None => value.held(),
        };
        Ok(format_value(&held, spec)?)
    })
    .map_err(|Error(message)| message)
}

#[test]
fn formatting_matches_cpython() {
    let mut failures = Vec::new();
    let mut count = 0;
    for line in include_str!("cpython_cases.jsonl").lines() {
        let case: Case = serde_json::from_str(line).unwrap();
        count += 1;
        let result = match case.op.as_str() {
            "format" => {
                let held = case.value.as_ref().unwrap().held();
                format_value(&held, &case.spec).map_err(|error| describe(&error))
            }
            "repr" => match case.value.as_ref().unwrap().held() {
                Held::Float(value) => Ok(float_to_string(value)),
                _ => unreachable!(),
            },
            "percent" => run_percent(&case.template, case.args.as_ref().unwrap()),
            "str.format" => match case.args.as_ref().unwrap() {
                Args::Positional(args) => run_str_format(&case.template, args, &case.kwargs),
                Args::Mapping(_) => unreachable!(),
            },
            other => panic!("unknown op {other}"),
        };
        let expected = match (&case.out, &case.err) {
            (Some(out), _) => Ok(out.clone()),
            (None, Some(err)) => Err(err.clone()),
            (None, None) => panic!("no expectation: {line}"),
        };
        if result != expected {
            failures.push(format!("{line}\n    got {result:?}"));
        }
    }
    assert!(count > 1000, "the cases file was read");
    assert!(
        failures.is_empty(),
        "{} of {count} cases differ from CPython:\n{}",
        failures.len(),
        failures
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
