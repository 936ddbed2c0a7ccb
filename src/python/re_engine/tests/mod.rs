//! Tests against answers given by CPython 3.11.
//!
//! `cpython.rs` holds tables of (pattern, flags, text, description) where
//! the description was produced by CPython 3.11.7 running the same steps as
//! [`describe`] below (search, match, fullmatch, finditer, split, sub, each
//! also with `pos=1, endpos=len-1`). The other tests were checked by hand
//! against `python3.11 -c ...`; the expected values are CPython's.

mod cpython;

use super::*;

/// (pattern, flags, text, CPython's description)
pub(super) struct Case(
    pub &'static str,
    pub u32,
    pub &'static str,
    pub &'static str,
);

pub(super) const I: u32 = Flags::IGNORECASE.0;
pub(super) const M: u32 = Flags::MULTILINE.0;
pub(super) const S: u32 = Flags::DOTALL.0;
pub(super) const X: u32 = Flags::VERBOSE.0;
pub(super) const A: u32 = Flags::ASCII.0;
pub(super) const U: u32 = Flags::UNICODE.0;

fn sp(m: Option<Match>) -> String {
    match m {
        None => "None".into(),
        Some(m) => (0..=m.group_count())
            .map(|g| match m.span(g) {
                Some((a, b)) => format!("{a}:{b}"),
                None => "-".into(),
            })
            .collect::<Vec<_>>()
            .join(" "),
    }
}

fn py_list(items: &[Option<String>]) -> String {
    let items: Vec<String> = items
        .iter()
        .map(|s| match s {
            Some(s) => py_repr(s),
            None => "None".into(),
        })
        .collect();
    format!("[{}]", items.join(", "))
}

fn iter_desc(it: Matches) -> String {
    it.map(|m| sp(Some(m.unwrap())))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The same steps as `describe` in the generator that ran CPython.
fn describe(pattern: &str, flags: u32, text: &str) -> String {
    let c = match compile(pattern, Flags(flags)) {
        Ok(c) => c,
        Err(e) => return format!("error({:?}) {e}", e.kind),
    };
    let n = text.chars().count();
    let (pos, end) = (1, Some(n.saturating_sub(1).max(1)));
    let s = c.search(text, 0, None).unwrap();
    let li = s.as_ref().and_then(Match::lastindex);
    let lg = s.as_ref().and_then(Match::lastgroup);
    let opt = |v: Option<String>| v.unwrap_or_else(|| "None".into());
    let parts = [
        format!("flags={} groups={}", c.flags().0, c.groups()),
        format!("search {}", sp(s.clone())),
        format!(
            "lastindex {} lastgroup {}",
            opt(li.map(|i| i.to_string())),
            opt(lg.map(str::to_string))
        ),
        format!("match {}", sp(c.match_(text, 0, None).unwrap())),
        format!("full {}", sp(c.fullmatch(text, 0, None).unwrap())),
        format!("iter {}", iter_desc(c.find_iter(text))),
        format!("split {}", py_list(&c.split(text, 0).unwrap())),
        format!(
            "sub {}",
            py_repr(
                &c.sub::<ReError>(text, Replacement::Template(r"<\g<0>>"), 0)
                    .unwrap()
            )
        ),
        format!("pos search {}", sp(c.search(text, pos, end).unwrap())),
        format!("pos match {}", sp(c.match_(text, pos, end).unwrap())),
        format!("pos full {}", sp(c.fullmatch(text, pos, end).unwrap())),
        format!("pos iter {}", iter_desc(c.find_iter_range(text, pos, end))),
    ];
    parts.join(" | ")
}

fn check(table: &[Case]) {
    let mut failures = Vec::new();
    for Case(pattern, flags, text, want) in table {
        let got = describe(pattern, *flags, text);
        if got != *want {
            failures.push(format!(
                "pattern {pattern:?} flags {flags} text {text:?}\n  CPython: {want}\n  ours:    {got}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ from CPython:\n{}",
        failures.len(),
        table.len(),
        failures.join("\n")
    );
}

#[test]
fn cpython_setup_py_patterns() {
    check(cpython::SETUP_PY);
}

#[test]
fn cpython_syntax() {
    check(cpython::SYNTAX);
}

#[test]
fn cpython_anchors_and_boundaries() {
    check(cpython::ANCHORS);
}

#[test]
fn cpython_empty_matches() {
    check(cpython::EMPTY);
}

#[test]
fn cpython_unicode() {
    check(cpython::UNICODE);
}

#[test]
fn cpython_lookaround_backrefs_conditionals() {
    check(cpython::FANCY);
}

#[test]
fn cpython_errors() {
    check(cpython::ERRORS);
}

fn re(p: &str) -> Pattern {
    compile(p, Flags::NONE).unwrap()
}

fn sub(p: &str, repl: &str, text: &str) -> Result<String, ReError> {
    re(p).sub::<ReError>(text, Replacement::Template(repl), 0)
}

#[test]
fn sub_star_between_characters() {
    assert_eq!(sub("x*", "-", "abxd").unwrap(), "-a-b--d-");
    let (s, n) = re("x*")
        .subn::<ReError>("abxd", Replacement::Template("-"), 0)
        .unwrap();
    assert_eq!((s.as_str(), n), ("-a-b--d-", 5));
    assert_eq!(sub(r"\s+", " ", "a  b\t\nc").unwrap(), "a b c");
}

#[test]
fn sub_count() {
    let (s, n) = re("a")
        .subn::<ReError>("aaa", Replacement::Template("b"), 2)
        .unwrap();
    assert_eq!((s.as_str(), n), ("bba", 2));
}

#[test]
fn template_syntax() {
    assert_eq!(
        sub(r"(\w+) (\w+)", r"\2 \1", "hello world").unwrap(),
        "world hello"
    );
    assert_eq!(
        sub(
            r"(?P<a>\w+) (?P<b>\w+)",
            r"\g<b>\g<2>-\g<a>\g<0>\n\t\\\-\'\0\101|\g<1>0",
            "hello world"
        )
        .unwrap(),
        "worldworld-hellohello world\n\t\\\\-\\'\0A|hello0"
    );
    // A group that did not take part gives "".
    assert_eq!(sub(r"(a)|b", r"[\1]", "ab").unwrap(), "[a][]");
}

#[test]
fn template_errors() {
    let cases: &[(&str, &str)] = &[
        (r"\10", "invalid group reference 10 at position 1"),
        (r"\q", r"bad escape \q at position 0"),
        (r"\g<1", "missing >, unterminated name at position 3"),
        (r"\g", "missing < at position 2"),
        (r"\g<>", "missing group name at position 3"),
        (r"\g<-1>", "bad character in group name '-1' at position 3"),
        (r"\g<1a>", "bad character in group name '1a' at position 3"),
        ("\\", "bad escape (end of pattern) at position 0"),
        (
            r"\400",
            r"octal escape value \400 outside of range 0-0o377 at position 0",
        ),
        (r"x\2", "invalid group reference 2 at position 2"),
    ];
    for (template, want) in cases {
        // Raised even when nothing matches, as CPython does.
        let err = sub("(a)", template, "b").unwrap_err();
        assert_eq!(err.to_string(), *want, "template {template:?}");
        assert_eq!(err.kind, ReErrorKind::Error);
    }
    let err = sub("(a)", r"\g<x>", "b").unwrap_err();
    assert_eq!(err.kind, ReErrorKind::Index);
    assert_eq!(err.to_string(), "unknown group name 'x'");
}

#[test]
fn compiled_template() {
    let p = re(r"(\d+)");
    let t = p.compile_template(r"<\1>").unwrap();
    assert_eq!(t.as_literal(), None);
    assert_eq!(
        p.sub::<ReError>("a1b22", Replacement::Compiled(&t), 0)
            .unwrap(),
        "a<1>b<22>"
    );
    assert_eq!(
        p.compile_template("plain").unwrap().as_literal().as_deref(),
        Some("plain")
    );
}

#[test]
fn sub_with_callback() {
    let p = re("é");
    let mut f = |m: &Match| -> Result<String, ReError> { Ok(format!("{:?}", m.span(0).unwrap())) };
    assert_eq!(
        p.sub("éxé", Replacement::Callback(&mut f), 0).unwrap(),
        "(0, 1)x(2, 3)"
    );

    #[derive(Debug, PartialEq)]
    enum MyError {
        Re(String),
        Stop(usize),
    }
    impl From<ReError> for MyError {
        fn from(e: ReError) -> Self {
            MyError::Re(e.to_string())
        }
    }
    let mut calls = 0;
    let mut g = |m: &Match| -> Result<String, MyError> {
        calls += 1;
        if m.start(0) == Some(3) {
            return Err(MyError::Stop(3));
        }
        Ok("-".into())
    };
    let r = re("a").sub("xaxa", Replacement::Callback(&mut g), 0);
    assert_eq!(r, Err(MyError::Stop(3)));
    assert_eq!(calls, 2);
    let r = re("a").sub::<MyError>("a", Replacement::Template(r"\9"), 0);
    assert_eq!(
        r,
        Err(MyError::Re(
            "invalid group reference 9 at position 1".into()
        ))
    );
}

#[test]
fn split_maxsplit_and_groups() {
    let s = |v: &[Option<&str>]| -> Vec<Option<String>> {
        v.iter().map(|x| x.map(str::to_string)).collect()
    };
    assert_eq!(
        re("(,)").split("a,b,c", 1).unwrap(),
        s(&[Some("a"), Some(","), Some("b,c")])
    );
    assert_eq!(
        re(",").split("a,b,c", 1).unwrap(),
        s(&[Some("a"), Some("b,c")])
    );
    assert_eq!(
        re("(,)|(;)").split("a,b;c", 0).unwrap(),
        s(&[
            Some("a"),
            Some(","),
            None,
            Some("b"),
            None,
            Some(";"),
            Some("c")
        ])
    );
}

#[test]
fn findall_shapes() {
    let strs =
        |v: &[&str]| -> Vec<FindAll> { v.iter().map(|s| FindAll::Str(s.to_string())).collect() };
    assert_eq!(
        re(r"\d").findall("a1b2", 0, None).unwrap(),
        strs(&["1", "2"])
    );
    assert_eq!(
        re(r"(\d)x").findall("1x2y3x", 0, None).unwrap(),
        strs(&["1", "3"])
    );
    assert_eq!(
        re(r"(\d)(x)?").findall("1x2", 0, None).unwrap(),
        vec![
            FindAll::Tuple(vec!["1".into(), "x".into()]),
            FindAll::Tuple(vec!["2".into(), "".into()])
        ]
    );
    assert_eq!(
        re(r"(\d)(x)?").findall_groups("1x2", 0, None).unwrap(),
        vec![
            vec![Some("1x".to_string()), Some("1".into()), Some("x".into())],
            vec![Some("2".to_string()), Some("2".into()), None]
        ]
    );
}

#[test]
fn match_object() {
    let p = re(r"(?P<first>b)(c)?(?P<third>d)?");
    let m = p.search("ééébc", 0, None).unwrap().unwrap();
    assert_eq!(m.span(0), Some((3, 5)));
    assert_eq!(m.span(1), Some((3, 4)));
    assert_eq!(m.span(2), Some((4, 5)));
    assert_eq!(m.span(3), None);
    assert_eq!(m.spans(), &[Some((3, 5)), Some((3, 4)), Some((4, 5)), None]);
    assert_eq!(m.byte_span(0), Some((6, 8)));
    assert_eq!(m.group(0), Some("bc"));
    assert_eq!(m.name("first"), Some("b"));
    assert_eq!(m.name("third"), None);
    assert_eq!(m.name("nope"), None);
    assert_eq!(m.group(9), None);
    assert_eq!(m.groups(), vec![Some("b"), Some("c"), None]);
    assert_eq!(m.groupdict(), vec![("first", Some("b")), ("third", None)]);
    assert_eq!(m.lastindex(), Some(2));
    assert_eq!(m.lastgroup(), None);
    assert_eq!((m.pos(), m.endpos()), (0, 5));
    assert_eq!(m.expand(r"<\1\g<first>\g<third>>").unwrap(), "<bb>");
    assert_eq!(m.string(), "ééébc");
    let owned: Match<'static> = {
        let text = String::from("xxab");
        re("(a)(b)")
            .search(&text, 0, None)
            .unwrap()
            .unwrap()
            .into_owned()
    };
    assert_eq!(owned.group(2), Some("b"));
    assert_eq!(owned.span(0), Some((2, 4)));
}

#[test]
fn lastindex_and_lastgroup() {
    let li = |p: &str, t: &str| re(p).search(t, 0, None).unwrap().unwrap().lastindex();
    assert_eq!(li("(a)(b)", "ab"), Some(2));
    assert_eq!(li("(a)|(b)", "b"), Some(2));
    assert_eq!(li("((a)(b))", "ab"), Some(1));
    assert_eq!(li("(a(b))", "ab"), Some(1));
    assert_eq!(li("(a)()", "a"), Some(2));
    assert_eq!(li("(a)|b", "b"), None);
    let m = re("(?P<x>a)(?P<y>b)?")
        .match_("a", 0, None)
        .unwrap()
        .unwrap();
    assert_eq!(m.lastgroup(), Some("x"));
}

#[test]
fn pos_and_endpos_are_characters() {
    let span = |p: &str, t: &str, pos, end| {
        re(p)
            .search(t, pos, end)
            .unwrap()
            .map(|m| m.span(0).unwrap())
    };
    assert_eq!(span("a", "aXa", 1, None), Some((2, 3)));
    // `^` and `\A` only match at the real start, not at `pos`.
    assert_eq!(span("^a", "ba", 1, None), None);
    assert_eq!(span(r"\Aa", "ba", 1, None), None);
    // `endpos` cuts the string: `$` matches there.
    assert_eq!(span("a$", "ab", 0, Some(1)), Some((0, 1)));
    // Look-behind sees what is before `pos`.
    assert_eq!(span("(?<=a)b", "ab", 1, None), Some((1, 2)));
    assert_eq!(span(".", "日本語", 1, None), Some((1, 2)));
    assert_eq!(span(".", "日本語", 1, Some(1)), None);
    let m = re(".").search("日本語", 1, Some(2)).unwrap().unwrap();
    assert_eq!((m.group(0), m.endpos()), (Some("本"), 2));
    // Out of range positions are clamped.
    let m = re("").search("abc", 10, None).unwrap().unwrap();
    assert_eq!((m.span(0), m.pos(), m.endpos()), (Some((3, 3)), 3, 3));
    let p = re("b");
    assert_eq!(
        p.match_("ab", 1, None).unwrap().unwrap().span(0),
        Some((1, 2))
    );
    assert_eq!(p.match_("ab", 0, None).unwrap().map(|m| m.span(0)), None);
    let m = re("a+").fullmatch("aab", 0, Some(2)).unwrap().unwrap();
    assert_eq!(m.span(0), Some((0, 2)));
    let spans: Vec<_> = re(r"\w")
        .find_iter_range("日本語abc", 2, Some(4))
        .map(|m| m.unwrap().span(0).unwrap())
        .collect();
    assert_eq!(spans, vec![(2, 3), (3, 4)]);
}

#[test]
fn patterns_can_be_shared_between_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Pattern>();
    assert_send_sync::<Match<'static>>();
    assert_send_sync::<ReError>();
    let p = std::sync::Arc::new(re(r"(?<=a)b|\bc$"));
    let q = p.clone();
    let t = std::thread::spawn(move || q.find_iter("ab c").count());
    assert_eq!(p.find_iter("ab c").count(), 2);
    assert_eq!(t.join().unwrap(), 2);
}

#[test]
fn fullmatch_tries_every_alternative() {
    let m = re("a|ab").fullmatch("ab", 0, None).unwrap().unwrap();
    assert_eq!(m.span(0), Some((0, 2)));
}

#[test]
fn escape_like_python_3_7() {
    assert_eq!(
        escape("a.b*c d\n-_é#&~\t/'\"%"),
        "a\\.b\\*c\\ d\\\n\\-_é\\#\\&\\~\\\t/'\"%"
    );
    let p = re(&escape("1.0 (beta) [x]+*?{}|^$\\"));
    assert!(p
        .fullmatch("1.0 (beta) [x]+*?{}|^$\\", 0, None)
        .unwrap()
        .is_some());
}

#[test]
fn error_fields() {
    let e = compile("a\n\n  (?x\n", Flags::NONE).unwrap_err();
    assert_eq!(e.message, "missing -, : or )");
    assert_eq!((e.position, e.lineno, e.colno), (Some(8), Some(3), Some(6)));
    assert_eq!(
        e.to_string(),
        "missing -, : or ) at position 8 (line 3, column 6)"
    );
    let e = compile("a{4294967295}", Flags::NONE).unwrap_err();
    assert_eq!(
        (e.kind, e.to_string().as_str()),
        (ReErrorKind::Overflow, "the repetition number is too large")
    );
    let e = compile("a", Flags::A | Flags::U).unwrap_err();
    assert_eq!(
        (e.kind, e.to_string().as_str()),
        (
            ReErrorKind::Value,
            "ASCII and UNICODE flags are incompatible"
        )
    );
    let e = compile("(?<=a|bc)", Flags::NONE).unwrap_err();
    assert_eq!(e.to_string(), "look-behind requires fixed-width pattern");
    assert_eq!(e.position, None);
}

#[test]
fn pattern_attributes() {
    assert_eq!(compile("(?i)a", Flags::NONE).unwrap().flags(), Flags(34));
    assert_eq!(compile("a", Flags::A).unwrap().flags(), Flags(256));
    assert_eq!(compile("(?x)a", Flags::M).unwrap().flags(), Flags(104));
    let p = re("(?P<b>x)(?P<a>y)(z)");
    assert_eq!(p.groups(), 3);
    let idx: Vec<_> = p
        .group_index()
        .iter()
        .map(|(k, v)| (k.as_str(), *v))
        .collect();
    assert_eq!(idx, vec![("b", 1), ("a", 2)]);
    assert_eq!(p.pattern(), "(?P<b>x)(?P<a>y)(z)");
}

#[test]
fn engine_choice() {
    assert!(!re(r"^__version__\s*=\s*(.*)$").uses_backtracking());
    assert!(!re(r"\bfoo\b").uses_backtracking());
    assert!(re(r"(?<=a)b").uses_backtracking());
    assert!(re(r"(a)\1").uses_backtracking());
    assert!(compile(r"\B", Flags::A).unwrap().uses_backtracking());
}

#[test]
fn unsupported_syntax() {
    let e = compile(r"(?i)(a)\1", Flags::NONE).unwrap_err();
    assert_eq!(e.kind, ReErrorKind::Unsupported);
    assert_eq!(
        e.to_string(),
        "case-insensitive backreference to group 1 is not supported (the group can match letters)"
    );
    // ... but fine when the group cannot hold letters.
    assert!(compile(r#"(?i)(['"])x\1"#, Flags::NONE).is_ok());
    let e = compile(r"a\N{EM DASH}", Flags::NONE).unwrap_err();
    assert_eq!(e.kind, ReErrorKind::Unsupported);
    assert_eq!(e.position, Some(1));
    let e = compile(r"(a)(?<=\1)", Flags::NONE).unwrap_err();
    assert_eq!(
        e.to_string(),
        "look-behind containing a group reference is not supported"
    );
    let e = compile("a", Flags::T).unwrap_err();
    assert_eq!(e.kind, ReErrorKind::Unsupported);
}

#[test]
fn deep_nesting() {
    let p = format!("{}a{}", "(".repeat(100), ")".repeat(100));
    let c = compile(&p, Flags::NONE).unwrap();
    assert_eq!(c.groups(), 100);
    assert_eq!(
        c.search("xa", 0, None).unwrap().unwrap().span(100),
        Some((1, 2))
    );
    // CPython accepts up to about 450 levels; this engine stops at 100.
    let p = format!("{}{}", "(".repeat(101), ")".repeat(101));
    let e = compile(&p, Flags::NONE).unwrap_err();
    assert_eq!(e.kind, ReErrorKind::Recursion);
}

#[test]
fn iteration_is_not_quadratic() {
    // Each of these would take far too long if a search rescanned the
    // haystack (for `$`, for `\b` on non-ASCII text, or after each empty
    // match).
    let line = "key = value  # comment é\n";
    let text = line.repeat(4000);
    let n = text.chars().count();
    assert_eq!(re(r"\b\w+\b").find_iter(&text).count(), 4000 * 4);
    assert_eq!(re(r"(?m)#.*$").find_iter(&text).count(), 4000);
    assert_eq!(re(r"\w+$").find_iter(&text).count(), 1);
    let out = sub(r"\s*", "", &text).unwrap();
    assert_eq!(out.chars().count(), n - 4000 * 7);
    let m = re("x").search(&text, n - 1, None).unwrap();
    assert!(m.is_none());
}

#[test]
fn unicode_word_boundary_follows_python() {
    // Python's \w is str.isalnum() or "_": a combining mark is not a word
    // character, a superscript digit is.
    let words: Vec<String> = re(r"\b\w+\b")
        .find_iter("ab\u{301}cd x²y")
        .map(|m| m.unwrap().group(0).unwrap().to_string())
        .collect();
    assert_eq!(words, vec!["ab", "cd", "x²y"]);
}
