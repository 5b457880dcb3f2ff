//! `--new-from-rev REV` on the lint command: keep only findings on lines the change
//! since REV touched, or that did not exist at REV (same identity), for pipelines that
//! gate on what a change introduced.

use super::git::{git, Repo, TempDir};
use super::{base_input, base_side};
use crate::error::Failure;
use bedrock_lint_rules::diff::{match_findings, Rel, Snapshot};
use bedrock_lint_rules::{lint, LintInput, Report};
use std::collections::{HashMap, HashSet};

/// Lines of the work tree the change since `commit` added or modified, per file
/// relative to the repository root (from `git diff -U0`).
fn touched(repo: &Repo, commit: &str) -> Result<HashMap<String, Vec<(usize, usize)>>, Failure> {
    let out = git(
        &repo.top,
        &[
            "diff",
            "-U0",
            "--no-color",
            "--no-ext-diff",
            "--no-renames",
            commit,
            "--",
        ],
    )?;
    let mut map: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
    let mut file: Option<String> = None;
    for line in String::from_utf8_lossy(&out).lines() {
        if let Some(p) = line.strip_prefix("+++ ") {
            file = p.strip_prefix("b/").map(str::to_string);
        } else if let (Some(h), Some(f)) = (line.strip_prefix("@@ "), &file) {
            // @@ -a,b +c,d @@: lines c .. c+d-1 at head (d defaults to 1).
            let plus = h.split(' ').find(|s| s.starts_with('+')).unwrap_or("+0,0");
            let (start, count) = match plus[1..].split_once(',') {
                Some((s, c)) => (s.parse().unwrap_or(0), c.parse().unwrap_or(0)),
                None => (plus[1..].parse().unwrap_or(0), 1),
            };
            if count > 0 {
                map.entry(f.clone())
                    .or_default()
                    .push((start, start + count - 1));
            }
        }
    }
    Ok(map)
}

/// Removes from `report` the findings that existed at `rev` on lines the change did
/// not touch; returns how many were removed.
pub fn filter(report: &mut Report, rev: &str, head: &LintInput) -> Result<usize, Failure> {
    let cwd = std::env::current_dir().map_err(|e| Failure(format!("current directory: {e}")))?;
    let cwd = cwd.canonicalize().unwrap_or(cwd);
    let repo = Repo::find(&cwd)?;
    let commit = repo.commit(rev)?;
    let lines = touched(&repo, &commit)?;
    let base = base_side(&commit, &cwd, head)?;
    let empty = TempDir::new_empty()?;
    let input = base_input(head, &base, &cwd, &empty.0);
    let base_report = lint(&input).map_err(|e| Failure(e.0))?;
    let base_facts = Snapshot::of(&base_report, &Rel::new(&base.root), head.today);
    std::mem::forget(base_report);
    let head_facts = Snapshot::of(report, &Rel::new(&cwd), head.today);
    let (new, _) = match_findings(&base_facts.findings, &head_facts.findings);
    let mut keep: HashSet<usize> = new.iter().map(|&i| head_facts.findings[i].index).collect();
    let prefix = repo.prefix.display().to_string().replace('\\', "/");
    for f in &head_facts.findings {
        let path = format!("{prefix}{}", f.at.file);
        let d = &report.diagnostics[f.index];
        let end = report
            .model
            .files
            .get(d.span.file)
            .line_col(d.span.end as usize)
            .line;
        if lines
            .get(&path)
            .is_some_and(|r| r.iter().any(|&(a, b)| a <= end && f.at.line <= b))
        {
            keep.insert(f.index);
        }
    }
    let before = report.diagnostics.len();
    let mut i = 0;
    // Suppressed findings stay: they are counted and listed as before.
    report.diagnostics.retain(|d| {
        i += 1;
        d.suppressed || keep.contains(&(i - 1))
    });
    Ok(before - report.diagnostics.len())
}
