//! Shared test helpers of the rules crate and the CLI's tests (which include this
//! file): lint a directory the way the CLI does, with "today" pinned.

#![allow(dead_code)]

use bedrock_lint_rules::{Config, Date, LintInput, Report};
use std::path::{Path, PathBuf};

pub const TODAY: &str = "2026-11-29";

/// The workspace root, from the rules crate (crates/rules) or the root package.
pub fn repo() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    if manifest.join("crates").is_dir() {
        manifest
    } else {
        manifest.join("../..")
    }
}

/// Lints `dir` with the config found by discovery (or `config`).
pub fn lint_dir(dir: &Path, config: Option<Config>) -> Report {
    let config = config.unwrap_or_else(|| match Config::discover(dir) {
        Some(p) => Config::load(&p).unwrap_or_else(|e| panic!("config {}: {e}", p.display())),
        None => Config::defaults(),
    });
    let input = LintInput::new(
        vec![dir.to_path_buf()],
        config,
        Date::parse(TODAY).expect("date"),
    );
    bedrock_lint_rules::lint(&input).unwrap_or_else(|e| panic!("lint {}: {}", dir.display(), e.0))
}

/// `relative/path:LINE CODE` for each unsuppressed finding, sorted.
pub fn findings(report: &Report, root: &Path) -> Vec<String> {
    let mut out: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| !d.suppressed)
        .map(|d| {
            let f = report.model.files.get(d.span.file);
            let line = f.line_col(d.span.start as usize).line;
            format!("{}:{line} {}", rel(&f.path, root), d.rule.code())
        })
        .collect();
    out.sort();
    out
}

pub fn rel(path: &Path, root: &Path) -> String {
    let p = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    let r = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    p.strip_prefix(&r).unwrap_or(&p).display().to_string()
}

/// Expectations written as `# expect: BL101, BL103` (or `// expect:`) at the end of
/// the line the finding's span starts on, plus `expected.txt` lines `path:LINE CODE`.
pub fn expectations(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        let p = entry.path();
        if !entry.file_type().is_file() {
            continue;
        }
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name == "expected.txt" {
            let text = std::fs::read_to_string(p).unwrap_or_default();
            out.extend(
                text.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty() && !l.starts_with('#'))
                    .map(str::to_string),
            );
            continue;
        }
        if !(name.ends_with(".tf") || name.ends_with(".tfvars") || name.ends_with(".hcl")) {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(p) else {
            continue;
        };
        for (i, line) in text.lines().enumerate() {
            let Some(pos) = line.find("expect:") else {
                continue;
            };
            let before = line[..pos].trim_end();
            if !(before.ends_with('#') || before.ends_with("//")) {
                continue;
            }
            for code in line[pos + 7..].split(',') {
                let code = code.split_whitespace().next().unwrap_or("");
                if code.starts_with("BL") {
                    out.push(format!("{}:{} {code}", rel(p, root), i + 1));
                }
            }
        }
    }
    out.sort();
    out
}

/// A directory the tests write, removed when dropped (a test run left hundreds in the
/// system temp dir). Reads as the `PathBuf` it is.
pub struct TempTree(PathBuf);

impl std::ops::Deref for TempTree {
    type Target = PathBuf;
    fn deref(&self) -> &PathBuf {
        &self.0
    }
}

impl AsRef<std::path::Path> for TempTree {
    fn as_ref(&self) -> &std::path::Path {
        &self.0
    }
}

impl Drop for TempTree {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A fresh directory under the system temp dir holding `files` (path, text).
pub fn tree(name: &str, files: &[(&str, &str)]) -> TempTree {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "bedrock-lint-test-{}-{}-{name}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    for (path, text) in files {
        let p = dir.join(path);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("dir");
        std::fs::write(p, text).expect("write");
    }
    TempTree(dir)
}
