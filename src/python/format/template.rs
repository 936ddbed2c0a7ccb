//! `str.format` templates: `'{0.name[key]!r:>{width}}'`, as the markup
//! iterator of CPython 3.11 (`Objects/stringlib/unicode_format.h`).

use super::FormatError;

/// A piece of a `str.format` template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatPiece {
    /// Text, with `{{` and `}}` already turned into `{` and `}`.
    Literal(String),
    /// A replacement field `{name!conversion:spec}`.
    Field {
        name: FieldName,
        /// `s`, `r` or `a` (others are refused while parsing).
        conversion: Option<char>,
        /// The raw spec. It may hold nested fields (`{:>{width}}`): expand it
        /// with [`parse_format_string`] (or let [`render_format_string`] do it).
        spec: String,
    },
}

/// Which argument a field refers to, and what to look up in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldName {
    pub arg: FieldKey,
    /// `.attr`, `[0]` and `[key]`, in order.
    pub parts: Vec<FieldPart>,
}

/// The argument part of a field name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldKey {
    /// `{}`: the next positional argument (see [`FieldNumbering`]).
    Auto,
    /// `{0}`
    Index(usize),
    /// `{name}` (any text that is not all digits: `{a-b}` is the keyword `a-b`).
    Name(String),
}

/// What follows the argument: `.attr`, or `[key]` whose key is an integer
/// when it is all digits and the text as is otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldPart {
    Attribute(String),
    Index(usize),
    Key(String),
}

/// An argument to look up: positional index or keyword.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArgumentRef<'a> {
    Positional(usize),
    Keyword(&'a str),
}

/// The numbering mode of one `str.format` call, shared by nested fields:
/// `{}` and `{0}` cannot be mixed.
#[derive(Debug, Clone, Default)]
pub struct FieldNumbering {
    mode: Option<NumberingMode>,
    next: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NumberingMode {
    Automatic,
    Manual,
}

impl FieldNumbering {
    /// The argument a field refers to, numbering `{}` fields in order.
    pub fn resolve<'a>(&mut self, arg: &'a FieldKey) -> Result<ArgumentRef<'a>, FormatError> {
        match arg {
            FieldKey::Name(name) => Ok(ArgumentRef::Keyword(name)),
            FieldKey::Auto => {
                if *self.mode.get_or_insert(NumberingMode::Automatic) == NumberingMode::Manual {
                    return Err(FormatError::Value(
                        "cannot switch from manual field specification to automatic field numbering"
                            .into(),
                    ));
                }
                self.next += 1;
                Ok(ArgumentRef::Positional(self.next - 1))
            }
            FieldKey::Index(index) => {
                if *self.mode.get_or_insert(NumberingMode::Manual) == NumberingMode::Automatic {
                    return Err(FormatError::Value(
                        "cannot switch from automatic field numbering to manual field specification"
                            .into(),
                    ));
                }
                Ok(ArgumentRef::Positional(*index))
            }
        }
    }
}

/// Splits a `str.format` template into literal text and replacement fields.
///
/// Errors are CPython's `ValueError`s ("Single '}' encountered in format
/// string", "expected '}' before end of string", ...). CPython finds some of
/// them only when it reaches the field while formatting, so with several
/// problems in one call it may report another one first.
pub fn parse_format_string(template: &str) -> Result<Vec<FormatPiece>, FormatError> {
    let error = |message: &str| FormatError::Value(message.into());
    let chars: Vec<char> = template.chars().collect();
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut pos = 0;
    while pos < chars.len() {
        // Literal text up to a brace.
        let start = pos;
        let mut brace = None;
        while pos < chars.len() {
            let c = chars[pos];
            pos += 1;
            if c == '{' || c == '}' {
                brace = Some(c);
                break;
            }
        }
        let at_end = pos >= chars.len();
        let mut end = pos;
        let mut field_follows = brace.is_some();
        if brace == Some('}') && (at_end || chars[pos] != '}') {
            return Err(error("Single '}' encountered in format string"));
        }
        if at_end && brace == Some('{') {
            return Err(error("Single '{' encountered in format string"));
        }
        if !at_end && brace.is_some() {
            if Some(chars[pos]) == brace {
                // `{{` or `}}`: one brace of literal text.
                pos += 1;
                field_follows = false;
            } else {
                end -= 1;
            }
        }
        literal.extend(&chars[start..end]);
        if !field_follows {
            continue;
        }
        let (name, conversion, spec) = parse_field(&chars, &mut pos)?;
        if !literal.is_empty() {
            pieces.push(FormatPiece::Literal(std::mem::take(&mut literal)));
        }
        let conversion = match conversion {
            None | Some('s' | 'r' | 'a') => conversion,
            Some(other) => {
                let shown = if (other as u32) > 32 && (other as u32) < 127 {
                    other.to_string()
                } else {
                    format!("\\x{:x}", other as u32)
                };
                return Err(FormatError::Value(format!(
                    "Unknown conversion specifier {shown}"
                )));
            }
        };
        pieces.push(FormatPiece::Field {
            name: parse_field_name(&name)?,
            conversion,
            spec,
        });
    }
    if !literal.is_empty() {
        pieces.push(FormatPiece::Literal(literal));
    }
    Ok(pieces)
}

/// `parse_field`: from after the `{` through the closing `}`.
fn parse_field(
    chars: &[char],
    pos: &mut usize,
) -> Result<(Vec<char>, Option<char>, String), FormatError> {
    let error = |message: &str| FormatError::Value(message.into());
    let name_start = *pos;
    let mut terminator = None;
    while *pos < chars.len() {
        let c = chars[*pos];
        *pos += 1;
        match c {
            '{' => return Err(error("unexpected '{' in field name")),
            '[' => {
                while *pos < chars.len() && chars[*pos] != ']' {
                    *pos += 1;
                }
            }
            '}' | ':' | '!' => {
                terminator = Some(c);
                break;
            }
            _ => {}
        }
    }
    let Some(terminator) = terminator else {
        return Err(error("expected '}' before end of string"));
    };
    let name = chars[name_start..*pos - 1].to_vec();
    if terminator == '}' {
        return Ok((name, None, String::new()));
    }
    let mut conversion = None;
    if terminator == '!' {
        let Some(&c) = chars.get(*pos) else {
            return Err(error(
                "end of string while looking for conversion specifier",
            ));
        };
        conversion = Some(c);
        *pos += 1;
        if let Some(&next) = chars.get(*pos) {
            *pos += 1;
            if next == '}' {
                return Ok((name, conversion, String::new()));
            }
            if next != ':' {
                return Err(error("expected ':' after conversion specifier"));
            }
        }
    }
    let spec_start = *pos;
    let mut depth = 1;
    while *pos < chars.len() {
        let c = chars[*pos];
        *pos += 1;
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    let spec = chars[spec_start..*pos - 1].iter().collect();
                    return Ok((name, conversion, spec));
                }
            }
            _ => {}
        }
    }
    Err(error("unmatched '{' in format spec"))
}

/// `field_name_split` and the field name iterator.
fn parse_field_name(name: &[char]) -> Result<FieldName, FormatError> {
    let error = |message: &str| FormatError::Value(message.into());
    let first_end = name
        .iter()
        .position(|&c| c == '.' || c == '[')
        .unwrap_or(name.len());
    let first: String = name[..first_end].iter().collect();
    let arg = if first.is_empty() {
        FieldKey::Auto
    } else if let Some(index) = parse_index(&first)? {
        FieldKey::Index(index)
    } else {
        FieldKey::Name(first)
    };
    let mut parts = Vec::new();
    let mut pos = first_end;
    while pos < name.len() {
        let c = name[pos];
        pos += 1;
        let start = pos;
        let part = match c {
            '.' => {
                while pos < name.len() && name[pos] != '.' && name[pos] != '[' {
                    pos += 1;
                }
                let attribute: String = name[start..pos].iter().collect();
                if attribute.is_empty() {
                    return Err(error("Empty attribute in format string"));
                }
                FieldPart::Attribute(attribute)
            }
            '[' => {
                while pos < name.len() && name[pos] != ']' {
                    pos += 1;
                }
                if pos >= name.len() {
                    return Err(error("Missing ']' in format string"));
                }
                let key: String = name[start..pos].iter().collect();
                pos += 1;
                if key.is_empty() {
                    return Err(error("Empty attribute in format string"));
                }
                match parse_index(&key)? {
                    Some(index) => FieldPart::Index(index),
                    None => FieldPart::Key(key),
                }
            }
            _ => {
                return Err(error(
                    "Only '.' or '[' may follow ']' in format field specifier",
                ))
            }
        };
        parts.push(part);
    }
    Ok(FieldName { arg, parts })
}

/// `get_integer`: the value of an all-digit name, `None` otherwise.
fn parse_index(text: &str) -> Result<Option<usize>, FormatError> {
    if text.is_empty() || !text.chars().all(|c| c.is_ascii_digit()) {
        return Ok(None);
    }
    let mut value: usize = 0;
    for c in text.bytes() {
        value = value
            .checked_mul(10)
            .and_then(|value| value.checked_add(usize::from(c - b'0')))
            .filter(|&value| value <= isize::MAX as usize)
            .ok_or_else(|| FormatError::Value("Too many decimal digits in format string".into()))?;
    }
    Ok(Some(value))
}

/// `str.format` driven by the caller's field renderer.
///
/// Parses `template`, numbers `{}` fields, expands nested fields in specs
/// (two levels, as CPython: deeper is "Max string recursion exceeded"), and
/// calls `render_field(argument, parts, conversion, expanded_spec)` for
/// each field; the caller looks the argument up, applies the parts and
/// the conversion, and formats the value with the spec (for `int`, `float`
/// and `str`, [`super::format_with_spec`]).
pub fn render_format_string<E, F>(template: &str, mut render_field: F) -> Result<String, E>
where
    E: From<FormatError>,
    F: FnMut(ArgumentRef<'_>, &[FieldPart], Option<char>, &str) -> Result<String, E>,
{
    let mut numbering = FieldNumbering::default();
    render_nested(template, 2, &mut numbering, &mut render_field)
}

fn render_nested<E, F>(
    template: &str,
    depth: usize,
    numbering: &mut FieldNumbering,
    render_field: &mut F,
) -> Result<String, E>
where
    E: From<FormatError>,
    F: FnMut(ArgumentRef<'_>, &[FieldPart], Option<char>, &str) -> Result<String, E>,
{
    if depth == 0 {
        return Err(FormatError::Value("Max string recursion exceeded".into()).into());
    }
    let mut out = String::new();
    for piece in parse_format_string(template)? {
        match piece {
            FormatPiece::Literal(text) => out.push_str(&text),
            FormatPiece::Field {
                name,
                conversion,
                spec,
            } => {
                // CPython numbers the field before the fields nested in its spec.
                let argument = numbering.resolve(&name.arg)?;
                let spec = if spec.contains('{') {
                    render_nested(&spec, depth - 1, numbering, render_field)?
                } else {
                    spec
                };
                out.push_str(&render_field(argument, &name.parts, conversion, &spec)?);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(
        arg: FieldKey,
        parts: Vec<FieldPart>,
        conversion: Option<char>,
        spec: &str,
    ) -> FormatPiece {
        FormatPiece::Field {
            name: FieldName { arg, parts },
            conversion,
            spec: spec.into(),
        }
    }

    fn literal(text: &str) -> FormatPiece {
        FormatPiece::Literal(text.into())
    }

    fn error(template: &str) -> String {
        parse_format_string(template).unwrap_err().to_string()
    }

    #[test]
    fn parses_fields() {
        assert_eq!(
            parse_format_string("a{}b{0}{name!r:>10}{{x}}").unwrap(),
            vec![
                literal("a"),
                field(FieldKey::Auto, vec![], None, ""),
                literal("b"),
                field(FieldKey::Index(0), vec![], None, ""),
                field(FieldKey::Name("name".into()), vec![], Some('r'), ">10"),
                literal("{x}"),
            ]
        );
        assert_eq!(
            parse_format_string("{0.real[1][key].imag!s}").unwrap(),
            vec![field(
                FieldKey::Index(0),
                vec![
                    FieldPart::Attribute("real".into()),
                    FieldPart::Index(1),
                    FieldPart::Key("key".into()),
                    FieldPart::Attribute("imag".into()),
                ],
                Some('s'),
                ""
            )]
        );
        assert_eq!(
            parse_format_string("{:{width}.{}}|{[ 1]}{a-b}{0[}]}").unwrap(),
            vec![
                field(FieldKey::Auto, vec![], None, "{width}.{}"),
                literal("|"),
                field(FieldKey::Auto, vec![FieldPart::Key(" 1".into())], None, ""),
                field(FieldKey::Name("a-b".into()), vec![], None, ""),
                field(
                    FieldKey::Index(0),
                    vec![FieldPart::Key("}".into())],
                    None,
                    ""
                ),
            ]
        );
        assert_eq!(
            parse_format_string("{0!r:}").unwrap(),
            vec![field(FieldKey::Index(0), vec![], Some('r'), "")]
        );
        assert_eq!(parse_format_string("").unwrap(), vec![]);
        assert_eq!(parse_format_string("{{}}").unwrap(), vec![literal("{}")]);
    }

    // Messages from `python3.11 -c "'...'.format(1)"`.
    #[test]
    fn errors() {
        assert_eq!(error("}"), "Single '}' encountered in format string");
        assert_eq!(error("a}b"), "Single '}' encountered in format string");
        assert_eq!(error("{}}"), "Single '}' encountered in format string");
        assert_eq!(error("{"), "Single '{' encountered in format string");
        assert_eq!(error("{0"), "expected '}' before end of string");
        assert_eq!(error("{0[}"), "expected '}' before end of string");
        assert_eq!(error("{a{}"), "unexpected '{' in field name");
        assert_eq!(error("{!r"), "unmatched '{' in format spec");
        assert_eq!(error("{!}"), "unmatched '{' in format spec");
        assert_eq!(error("{0:{}"), "unmatched '{' in format spec");
        assert_eq!(
            error("{!"),
            "end of string while looking for conversion specifier"
        );
        assert_eq!(error("{!rr}"), "expected ':' after conversion specifier");
        assert_eq!(error("{!x}"), "Unknown conversion specifier x");
        assert_eq!(error("{0!:}"), "Unknown conversion specifier :");
        assert_eq!(error("{0.}"), "Empty attribute in format string");
        assert_eq!(error("{0[]}"), "Empty attribute in format string");
        assert_eq!(
            error("{0[0]x}"),
            "Only '.' or '[' may follow ']' in format field specifier"
        );
        assert_eq!(
            error("{99999999999999999999}"),
            "Too many decimal digits in format string"
        );
    }

    /// `template.format(*args)` for string arguments, as a caller would do it.
    fn format(template: &str, args: &[&str]) -> Result<String, FormatError> {
        render_format_string(template, |argument, parts, conversion, spec| {
            assert!(parts.is_empty());
            let value = match argument {
                ArgumentRef::Positional(index) => args[index].to_string(),
                ArgumentRef::Keyword(name) => format!("<{name}>"),
            };
            let value = match conversion {
                Some('r') => format!("'{value}'"),
                _ => value,
            };
            super::super::format_with_spec(super::super::FormatArg::Str(&value), spec)
        })
    }

    #[test]
    fn renders_with_numbering_and_nested_specs() {
        assert_eq!(format("{}-{}", &["a", "b"]).unwrap(), "a-b");
        assert_eq!(format("{1}{0}{1}", &["a", "b"]).unwrap(), "bab");
        assert_eq!(format("{:>{}}|", &["a", "3"]).unwrap(), "  a|");
        assert_eq!(format("{0:{1}{2}}|", &["a", "^", "5"]).unwrap(), "  a  |");
        assert_eq!(format("{x}{}", &["a"]).unwrap(), "<x>a");
        assert_eq!(format("{!r:>5}", &["a"]).unwrap(), "  'a'");
        let error = |template: &str| format(template, &["1", "2", "3"]).unwrap_err().to_string();
        assert_eq!(
            error("{0}{}"),
            "cannot switch from manual field specification to automatic field numbering"
        );
        assert_eq!(
            error("{}{0}"),
            "cannot switch from automatic field numbering to manual field specification"
        );
        assert_eq!(
            error("{:{}}{0}"),
            "cannot switch from automatic field numbering to manual field specification"
        );
        assert_eq!(error("{:{:{}}}"), "Max string recursion exceeded");
    }
}
