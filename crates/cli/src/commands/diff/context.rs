//! What the diff reports need besides the comparison (a leaf: renderers import it).

/// What the reports need besides the comparison.
pub struct Context {
    pub base: String,
    /// Links: the URL prefix and the path from the repository root to the cwd.
    pub link: Option<(String, String)>,
}

impl Context {
    /// A link to `file:line` on the head side, when a base URL is known.
    pub fn link(&self, file: &str, line: usize) -> Option<String> {
        let (url, prefix) = self.link.as_ref()?;
        if file.starts_with('/') || file.starts_with("..") {
            return None;
        }
        Some(format!(
            "{}/{prefix}{file}#L{line}",
            url.trim_end_matches('/')
        ))
    }
}
