//! Quick fixes: each finding's fix, and an ignore comment with an expiry.

use super::document::overlaps;
use super::server::Server;
use bedrock_lint_rules::Applicability;
use lsp_types as lt;
use std::collections::{HashMap, HashSet};

/// An `ignore with expiry` action sets `until=` this many days ahead.
pub(super) const IGNORE_DAYS: i64 = 90;

impl Server<'_> {
    pub(super) fn code_actions(&self, p: lt::CodeActionParams) -> Vec<lt::CodeActionOrCommand> {
        if let Some(only) = &p.context.only {
            if !only.iter().any(|k| {
                lt::CodeActionKind::QUICKFIX
                    .as_str()
                    .starts_with(k.as_str())
            }) {
                return vec![];
            }
        }
        let mut fixes = Vec::new();
        let mut ignores = Vec::new();
        let mut seen_ignore = HashSet::new();
        for f in self
            .findings
            .get(&p.text_document.uri)
            .into_iter()
            .flatten()
        {
            if !overlaps(&f.diagnostic.range, &p.range) {
                continue;
            }
            if let Some((applicability, description, changes)) = &f.fix {
                let safe = *applicability == Applicability::Safe;
                let title = if safe {
                    format!("Fix {}: {description}", f.rule.code())
                } else {
                    format!(
                        "Fix {}: {description} (unsafe: changes permissions)",
                        f.rule.code()
                    )
                };
                fixes.push((
                    !safe,
                    lt::CodeAction {
                        title,
                        kind: Some(lt::CodeActionKind::QUICKFIX),
                        diagnostics: Some(vec![f.diagnostic.clone()]),
                        edit: Some(lt::WorkspaceEdit {
                            changes: Some(changes.clone()),
                            ..Default::default()
                        }),
                        is_preferred: Some(safe),
                        ..Default::default()
                    },
                ));
            }
            if let Some(edit) = &f.ignore {
                if !seen_ignore.insert((f.rule, edit.range.start.line)) {
                    continue;
                }
                let mut changes = HashMap::new();
                changes.insert(p.text_document.uri.clone(), vec![edit.clone()]);
                ignores.push(lt::CodeAction {
                    title: format!(
                        "Ignore {} for {IGNORE_DAYS} days (bedrock-lint:ignore with until=)",
                        f.rule.code()
                    ),
                    kind: Some(lt::CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![f.diagnostic.clone()]),
                    edit: Some(lt::WorkspaceEdit {
                        changes: Some(changes),
                        ..Default::default()
                    }),
                    is_preferred: Some(false),
                    ..Default::default()
                });
            }
        }
        // Safe fixes first, then unsafe ones, then the ignore comments.
        fixes.sort_by_key(|(unsafe_, _)| *unsafe_);
        fixes
            .into_iter()
            .map(|(_, a)| a)
            .chain(ignores)
            .map(lt::CodeActionOrCommand::CodeAction)
            .collect()
    }
}
