//! `bedrock-lint diff`: what a change does to Bedrock access. Both sides are linted
//! with the same config (in parallel), reduced to plain facts, and matched by stable
//! identity — principals by (root module, address), findings by `Diagnostic::key` —
//! never by line numbers, so moving a policy to another file is not a change.

pub mod changes;
pub mod facts;
pub mod paths;
pub mod summary;

pub use changes::{access_changes, Change, Kind};
pub use facts::{Finding, Place, Snapshot};
pub use paths::Rel;

use crate::lint::{lint, LintInput, Report};
use bedrock_lint_parser::model::load::PathError;
use std::collections::HashMap;
use std::path::Path;

/// One side to lint: its input and the root its paths are shown relative to.
pub struct SideInput<'a> {
    pub input: &'a LintInput,
    pub root: &'a Path,
}

/// The comparison of two sides.
pub struct Comparison {
    /// The head side's report, for rendering its new findings in any format.
    pub head: Report,
    /// The head side's root.
    pub head_rel: Rel,
    pub base_facts: Snapshot,
    pub head_facts: Snapshot,
    pub changes: Vec<Change>,
    /// Head findings absent at base (indices into `head_facts.findings`).
    pub new: Vec<usize>,
    /// Base findings absent at head (indices into `base_facts.findings`).
    pub resolved: Vec<usize>,
}

impl Comparison {
    pub fn new_findings(&self) -> impl Iterator<Item = &Finding> {
        self.new.iter().map(|&i| &self.head_facts.findings[i])
    }

    pub fn resolved_findings(&self) -> impl Iterator<Item = &Finding> {
        self.resolved.iter().map(|&i| &self.base_facts.findings[i])
    }

    /// Keeps in the head report only its new findings (for SARIF and the like).
    pub fn head_with_new_only(mut self) -> Report {
        let keep: std::collections::HashSet<usize> = self.new_findings().map(|f| f.index).collect();
        let mut i = 0;
        self.head.diagnostics.retain(|_| {
            i += 1;
            keep.contains(&(i - 1))
        });
        self.head
    }
}

/// Lints both sides in parallel and compares them. The base model never leaves its
/// thread: only its facts come back.
pub fn compare(base: SideInput<'_>, head: SideInput<'_>) -> Result<Comparison, PathError> {
    let today = head.input.today;
    let head_root = head.root;
    let (base_facts, head_side) = std::thread::scope(|s| {
        let b = s.spawn(|| {
            let report = lint(base.input)?;
            let facts = Snapshot::of(&report, &Rel::new(base.root), today);
            // Freeing a large model piece by piece only costs time; the process
            // is short-lived.
            std::mem::forget(report);
            Ok::<_, PathError>(facts)
        });
        let h = lint(head.input).map(|r| {
            let facts = Snapshot::of(&r, &Rel::new(head.root), today);
            (r, facts)
        });
        let b = b
            .join()
            .unwrap_or_else(|_| Err(PathError("linting the base side failed".into())));
        (b, h)
    });
    let base_facts = base_facts?;
    let (head, head_facts) = head_side?;
    Ok(compare_snapshots(
        head,
        Rel::new(head_root),
        base_facts,
        head_facts,
    ))
}

/// The comparison of two snapshots; `head` is the report `head_facts` came from
/// with `head_rel` its root.
pub fn compare_snapshots(
    head: Report,
    head_rel: Rel,
    base_facts: Snapshot,
    head_facts: Snapshot,
) -> Comparison {
    let (new, resolved) = match_findings(&base_facts.findings, &head_facts.findings);
    let locate = |f: &facts::Facts, needle: &str| facts::locate(&head, &head_rel, f, needle);
    let changes = access_changes(&base_facts, &head_facts, &locate);
    Comparison {
        head,
        head_rel,
        base_facts,
        head_facts,
        changes,
        new,
        resolved,
    }
}

/// Head findings with no base finding of the same identity, and the reverse. Counts
/// occurrences: two identical findings at base cover at most two at head.
pub fn match_findings(base: &[Finding], head: &[Finding]) -> (Vec<usize>, Vec<usize>) {
    fn unmatched(from: &[Finding], against: &[Finding]) -> Vec<usize> {
        let mut left: HashMap<&str, usize> = HashMap::new();
        for f in against {
            *left.entry(&f.fingerprint).or_insert(0) += 1;
        }
        from.iter()
            .enumerate()
            .filter(|(_, f)| match left.get_mut(f.fingerprint.as_str()) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            })
            .map(|(i, _)| i)
            .collect()
    }
    (unmatched(head, base), unmatched(base, head))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(fp: &str) -> Finding {
        Finding {
            index: 0,
            fingerprint: fp.into(),
            code: "BL101",
            name: "invoke-any-model",
            severity: crate::Severity::Error,
            message: String::new(),
            at: Place {
                file: "a.tf".into(),
                line: 1,
            },
            address: None,
        }
    }

    #[test]
    fn matching_counts_occurrences() {
        let base = [finding("x"), finding("y")];
        let head = [finding("x"), finding("x"), finding("z")];
        // One "x" at base covers one at head; "y" is resolved, "z" is new.
        assert_eq!(match_findings(&base, &head), (vec![1, 2], vec![1]));
    }
}
