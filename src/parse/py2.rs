//! Python 2-era syntax rewriting (placeholder until the rewriter lands).

/// The rewritten text and what was fixed.
pub struct Rewrite {
    pub text: String,
    pub fixes: Vec<Py2Fix>,
}

pub struct Py2Fix {
    pub line: usize,
    pub description: String,
}

pub fn rewrite_python2(_source: &str) -> Option<Rewrite> {
    None
}
