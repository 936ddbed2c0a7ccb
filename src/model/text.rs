//! Python string semantics the frontends and writers must reproduce exactly:
//! `str.splitlines`, setuptools' `yield_lines` / `drop_comment` /
//! `join_continuation` (how `install_requires="""..."""` is split).

/// The line boundaries of Python's `str.splitlines`.
fn is_line_boundary(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// Python's `str.splitlines(keepends)`: splits at `\n`, `\r\n`, `\r` and the
/// other Unicode line boundaries; no empty last item for a trailing newline.
pub fn splitlines(text: &str, keepends: bool) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((index, c)) = chars.next() {
        if !is_line_boundary(c) {
            continue;
        }
        let mut end = index + c.len_utf8();
        if c == '\r' {
            if let Some(&(next, '\n')) = chars.peek() {
                chars.next();
                end = next + 1;
            }
        }
        lines.push(if keepends {
            &text[start..end]
        } else {
            &text[start..index]
        });
        start = end;
    }
    if start < text.len() {
        lines.push(&text[start..]);
    }
    lines
}

/// setuptools' (jaraco.text) `yield_lines` for one string: stripped lines,
/// without blank lines and lines starting with `#`.
pub fn yield_lines(text: &str) -> impl Iterator<Item = &str> {
    splitlines(text, false)
        .into_iter()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// setuptools' `_reqs.parse_strings` over already-collected strings:
/// `yield_lines`, `drop_comment` (cut at ` #`), `join_continuation` (a line
/// ending in `\` continues on the next one; its last two characters go).
pub fn requirement_lines<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let lines: Vec<String> = texts
        .into_iter()
        .flat_map(yield_lines)
        .map(|line| match line.find(" #") {
            Some(index) => line[..index].to_string(),
            None => line.to_string(),
        })
        .collect();
    let mut joined = Vec::new();
    let mut iter = lines.into_iter();
    'outer: while let Some(mut item) = iter.next() {
        while item.ends_with('\\') {
            let cut: String = {
                let mut chars: Vec<char> = item.chars().collect();
                let keep = chars.len().saturating_sub(2);
                chars.truncate(keep);
                chars.into_iter().collect()
            };
            match iter.next() {
                Some(next) => item = format!("{}{}", cut.trim(), next),
                None => break 'outer,
            }
        }
        joined.push(item);
    }
    joined
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitlines_like_python() {
        assert_eq!(splitlines("a\nb\r\nc\rd", false), vec!["a", "b", "c", "d"]);
        assert_eq!(splitlines("a\n", false), vec!["a"]);
        assert_eq!(splitlines("a\n\n", true), vec!["a\n", "\n"]);
        assert_eq!(splitlines("a\u{2028}b\x0cc", false), vec!["a", "b", "c"]);
        assert_eq!(splitlines("", false), Vec::<&str>::new());
    }

    #[test]
    fn requirement_lines_like_setuptools() {
        // `list(setuptools._reqs.parse_strings(text))`
        let text = "\n  requests >= 2.0, <3   # comment\n  # comment line\n  foo \\\n  >=1\n";
        assert_eq!(
            requirement_lines([text]),
            vec!["requests >= 2.0, <3  ", "foo>=1"]
        );
        assert_eq!(requirement_lines(["a", "b\nc"]), vec!["a", "b", "c"]);
        // A dangling continuation at the end drops the item.
        assert_eq!(requirement_lines(["a", "b \\"]), vec!["a"]);
    }
}
