//! Python's format mini-language and printf-style formatting.
//! (Minimal placeholder; the full implementation replaces this file.)

use num_bigint::BigInt;

pub enum FormatArg<'a> {
    Int(&'a BigInt),
    Float(f64),
    Str(&'a str),
}

#[derive(Debug)]
pub struct FormatError(pub String);

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

pub fn format_with_spec(arg: FormatArg, spec: &str) -> Result<String, FormatError> {
    if !spec.is_empty() {
        return Err(FormatError(format!(
            "format spec `{spec}` not supported yet"
        )));
    }
    Ok(match arg {
        FormatArg::Int(i) => i.to_string(),
        FormatArg::Float(f) => crate::python::data::float_repr(f),
        FormatArg::Str(s) => s.to_string(),
    })
}

pub enum FieldKey {
    Auto,
    Index(usize),
    Name(String),
}

pub enum FieldPart {
    Attribute(String),
    Index(usize),
    Key(String),
}

pub struct FieldName {
    pub arg: FieldKey,
    pub parts: Vec<FieldPart>,
}

pub enum FormatPiece {
    Literal(String),
    Field {
        name: FieldName,
        conversion: Option<char>,
        spec: String,
    },
}

pub fn parse_format_string(template: &str) -> Result<Vec<FormatPiece>, FormatError> {
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                literal.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                literal.push('}');
            }
            '{' => {
                let mut field = String::new();
                for c in chars.by_ref() {
                    if c == '}' {
                        break;
                    }
                    field.push(c);
                }
                if !literal.is_empty() {
                    pieces.push(FormatPiece::Literal(std::mem::take(&mut literal)));
                }
                let (name, spec) = field.split_once(':').unwrap_or((&field, ""));
                let (name, conversion) = match name.split_once('!') {
                    Some((n, c)) => (n, c.chars().next()),
                    None => (name, None),
                };
                let arg = if name.is_empty() {
                    FieldKey::Auto
                } else if let Ok(i) = name.parse() {
                    FieldKey::Index(i)
                } else {
                    FieldKey::Name(name.to_string())
                };
                pieces.push(FormatPiece::Field {
                    name: FieldName {
                        arg,
                        parts: Vec::new(),
                    },
                    conversion,
                    spec: spec.to_string(),
                });
            }
            c => literal.push(c),
        }
    }
    if !literal.is_empty() {
        pieces.push(FormatPiece::Literal(literal));
    }
    Ok(pieces)
}

#[derive(Clone, Copy)]
pub enum Count {
    Fixed(usize),
    Star,
}

pub struct PercentSpec {
    pub key: Option<String>,
    pub flags: String,
    pub width: Option<Count>,
    pub precision: Option<Count>,
    pub conversion: char,
}

pub enum PercentPiece {
    Literal(String),
    Spec(PercentSpec),
}

pub fn parse_percent_format(template: &str) -> Result<Vec<PercentPiece>, FormatError> {
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            literal.push(c);
            continue;
        }
        if chars.peek() == Some(&'%') {
            chars.next();
            literal.push('%');
            continue;
        }
        let mut key = None;
        if chars.peek() == Some(&'(') {
            chars.next();
            let mut name = String::new();
            for c in chars.by_ref() {
                if c == ')' {
                    break;
                }
                name.push(c);
            }
            key = Some(name);
        }
        let mut flags = String::new();
        while let Some(&c) = chars.peek() {
            if "-+ #0".contains(c) {
                flags.push(c);
                chars.next();
            } else {
                break;
            }
        }
        let conversion = chars
            .next()
            .ok_or_else(|| FormatError("incomplete format".into()))?;
        if !literal.is_empty() {
            pieces.push(PercentPiece::Literal(std::mem::take(&mut literal)));
        }
        pieces.push(PercentPiece::Spec(PercentSpec {
            key,
            flags,
            width: None,
            precision: None,
            conversion,
        }));
    }
    if !literal.is_empty() {
        pieces.push(PercentPiece::Literal(literal));
    }
    Ok(pieces)
}

pub fn apply_percent_spec(
    _spec: &PercentSpec,
    _width: Option<usize>,
    _precision: Option<usize>,
    arg: FormatArg,
) -> Result<String, FormatError> {
    format_with_spec(arg, "")
}
