//! `--fix` and `--diff` output: the core chooses, applies and verifies the fixes
//! (`bedrock_lint_rules::fix`); the CLI writes the files or prints the diff.

use crate::error::Failure;
use bedrock_lint_rules::fix::Outcome;
use std::path::Path;

/// Writes the changed files.
pub fn write(outcome: &Outcome) -> Result<(), Failure> {
    for (path, (_, text)) in &outcome.changed {
        std::fs::write(path, text).map_err(|e| Failure(format!("{}: {e}", path.display())))?;
    }
    Ok(())
}

/// A unified diff of every changed file, `--- a/path` / `+++ b/path`.
pub fn diff(outcome: &Outcome) -> String {
    let mut out = String::new();
    for (path, (old, new)) in &outcome.changed {
        let (a, b) = headers(path);
        let d = similar::TextDiff::from_lines(old.as_str(), new.as_str());
        out.push_str(
            &d.unified_diff()
                .context_radius(3)
                .header(&a, &b)
                .to_string(),
        );
    }
    out
}

fn headers(path: &Path) -> (String, String) {
    let p = path.display().to_string().replace('\\', "/");
    if path.is_absolute() {
        (p.clone(), p)
    } else {
        (format!("a/{p}"), format!("b/{p}"))
    }
}
