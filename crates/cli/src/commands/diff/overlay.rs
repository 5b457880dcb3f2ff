//! The fast base side: when a change since a revision only modifies or adds
//! Terraform files under the linted paths, the base is the work tree itself with the
//! modified files' base text laid over them (the loader's overlays, as for unsaved
//! editor buffers) and the added files excluded. Nothing is written to disk, and
//! files git ignores (`.terraform/modules`, local tfvars) are the same on both sides.
//! Any other change (a deletion, a rename, a template or other file that `file()`
//! could read) takes the slow path: the revision written to a temporary directory.

use super::git::{cat_files, git, Repo};
use crate::error::Failure;
use bedrock_lint_parser::model::load::clean;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The base side as the work tree with overlays and extra excluded files.
pub struct Overlay {
    pub overlays: HashMap<PathBuf, String>,
    /// Absolute paths of files the base does not have.
    pub hidden: Vec<PathBuf>,
}

fn is_terraform(path: &str) -> bool {
    [".tf", ".tf.json", ".tfvars", ".tfvars.json"]
        .iter()
        .any(|e| path.ends_with(e))
}

/// Files no Terraform configuration reads (documentation, CI definitions, the lint
/// config — one config serves both sides).
fn is_inert(path: &str) -> bool {
    if path.starts_with(".github/") || path.starts_with(".gitlab/") {
        return true;
    }
    let name = path.rsplit('/').next().unwrap_or(path).to_ascii_lowercase();
    let ext = name.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    matches!(
        ext,
        "md" | "markdown" | "rst" | "adoc" | "txt" | "png" | "jpg" | "jpeg" | "gif" | "svg" | "pdf"
    ) || matches!(
        name.as_str(),
        "license"
            | ".gitignore"
            | "codeowners"
            | ".gitlab-ci.yml"
            | ".pre-commit-config.yaml"
            | ".bedrock-lint.hcl"
            | ".terraform.lock.hcl"
    )
}

/// The overlay for the change from `commit` to the work tree, or `None` when the
/// change needs the slow path. `roots` are the canonical directories the loader walks.
pub fn plan(
    repo: &Repo,
    commit: &str,
    cwd: &Path,
    roots: &[PathBuf],
) -> Result<Option<Overlay>, Failure> {
    let diff = git(
        &repo.top,
        &[
            "diff",
            "--no-renames",
            "--name-status",
            "-z",
            "--no-ext-diff",
            commit,
            "--",
        ],
    )?;
    let mut fields = diff.split(|b| *b == 0).filter(|f| !f.is_empty());
    let mut changes: Vec<(String, String)> = Vec::new();
    while let (Some(status), Some(path)) = (fields.next(), fields.next()) {
        changes.push((
            String::from_utf8_lossy(status).into_owned(),
            String::from_utf8_lossy(path).into_owned(),
        ));
    }
    let untracked = git(
        &repo.top,
        &["ls-files", "--others", "--exclude-standard", "-z"],
    )?;
    for p in untracked.split(|b| *b == 0).filter(|f| !f.is_empty()) {
        changes.push(("A".into(), String::from_utf8_lossy(p).into_owned()));
    }
    let mut modified: Vec<(String, PathBuf)> = Vec::new();
    let mut hidden = Vec::new();
    for (status, path) in changes {
        if is_inert(&path) {
            continue;
        }
        let abs = repo.top.join(&path);
        // A file outside the walked paths may be read as a called module's: no overlay
        // reaches it there.
        let walked = roots.iter().any(|r| abs.starts_with(r)) && abs.starts_with(cwd);
        if !is_terraform(&path) || !walked {
            return Ok(None);
        }
        match status.as_str() {
            "M" => modified.push((format!("{commit}:{path}"), abs)),
            "A" => hidden.push(abs),
            _ => return Ok(None),
        }
    }
    let specs: Vec<String> = modified.iter().map(|(s, _)| s.clone()).collect();
    let mut overlays = HashMap::new();
    for ((_, abs), body) in modified.iter().zip(cat_files(&repo.top, &specs)?) {
        let Some(text) = body.and_then(|b| String::from_utf8(b).ok()) else {
            return Ok(None);
        };
        // Keyed as the loader names files: relative to the current directory.
        let rel = abs
            .strip_prefix(cwd)
            .map(clean)
            .unwrap_or_else(|_| clean(abs));
        overlays.insert(clean(abs), text.clone());
        overlays.insert(rel, text);
    }
    Ok(Some(Overlay { overlays, hidden }))
}
