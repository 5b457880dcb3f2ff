//! Analysing a module: `bedrock_lint_rules::lint` over the document's directory with
//! the open buffers overlaid, turned into LSP diagnostics, fixes and ignore edits.

use super::actions::IGNORE_DAYS;
use super::document::{dir_of, is_config_uri, range_of};
use super::server::{Finding, Server};
use super::uri;
use crate::error::today;
use bedrock_lint_parser::model::load::clean;
use bedrock_lint_rules::{LintInput, Severity};
use lsp_types as lt;
use lsp_types::Uri;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

impl Server<'_> {
    pub(super) fn analyse(&mut self, dir: &Path) {
        let config = self.config_for(dir);
        let overlays: HashMap<PathBuf, String> = self
            .docs
            .iter()
            .filter_map(|(u, t)| Some((clean(&uri::to_path(u)?), t.clone())))
            .collect();
        let input = LintInput::new(vec![dir.to_path_buf()], config, today()).overlays(overlays);
        let report = match bedrock_lint_rules::lint(&input) {
            Ok(r) => r,
            Err(e) => {
                self.log(format!("bedrock-lint: {}", e.0));
                return;
            }
        };
        let files = &report.model.files;
        let until = input.today.add_days(IGNORE_DAYS).format();
        let mut by_uri: HashMap<Uri, Vec<Finding>> = HashMap::new();
        let mut uri_cache: HashMap<usize, Option<Uri>> = HashMap::new();
        let mut uri_of = |s: &Self, id: bedrock_lint_parser::FileId| {
            uri_cache
                .entry(id.index())
                .or_insert_with(|| s.uri_for(&files.get(id).path))
                .clone()
        };
        for d in report.diagnostics.iter().filter(|d| !d.suppressed) {
            let Some(uri) = uri_of(self, d.span.file) else {
                continue;
            };
            let file = files.get(d.span.file);
            let range = range_of(file, d.span.start as usize, d.span.end as usize);
            let related: Vec<lt::DiagnosticRelatedInformation> = d
                .related
                .iter()
                .filter_map(|l| {
                    Some(lt::DiagnosticRelatedInformation {
                        location: lt::Location {
                            uri: uri_of(self, l.span.file)?,
                            range: range_of(
                                files.get(l.span.file),
                                l.span.start as usize,
                                l.span.end as usize,
                            ),
                        },
                        message: l.message.clone(),
                    })
                })
                .collect();
            let mut message = d.message.clone();
            if let Some(h) = &d.help {
                message.push_str("\nhelp: ");
                message.push_str(h);
            }
            let diagnostic = lt::Diagnostic {
                range,
                severity: Some(match d.severity {
                    Severity::Error => lt::DiagnosticSeverity::ERROR,
                    Severity::Warning => lt::DiagnosticSeverity::WARNING,
                    Severity::Note => lt::DiagnosticSeverity::INFORMATION,
                }),
                code: Some(lt::NumberOrString::String(d.rule.code().into())),
                source: Some("bedrock-lint".into()),
                message,
                related_information: (!related.is_empty()).then_some(related),
                ..Default::default()
            };
            let fix =
                d.fix
                    .as_ref()
                    .filter(|f| !f.edits.is_empty())
                    .and_then(|f| {
                        let mut changes: HashMap<Uri, Vec<lt::TextEdit>> = HashMap::new();
                        for e in &f.edits {
                            changes.entry(uri_of(self, e.span.file)?).or_default().push(
                                lt::TextEdit {
                                    range: range_of(
                                        files.get(e.span.file),
                                        e.span.start as usize,
                                        e.span.end as usize,
                                    ),
                                    new_text: e.replacement.clone(),
                                },
                            );
                        }
                        Some((f.applicability, f.description.clone(), changes))
                    });
            let ignore = (input.config.ignorable(d.rule)
                && file.path.extension().is_some_and(|e| e == "tf"))
            .then(|| {
                let e = bedrock_lint_rules::suppress::ignore_edit(file, d, &until);
                let at = e.span.start as usize;
                lt::TextEdit {
                    range: range_of(file, at, at),
                    new_text: e.replacement,
                }
            });
            by_uri.entry(uri).or_default().push(Finding {
                diagnostic,
                rule: d.rule,
                fix,
                ignore,
            });
        }
        // Open documents of this module always get a (possibly empty) list.
        for u in self.docs.keys() {
            if !is_config_uri(u) && dir_of(u).as_deref() == Some(dir) {
                by_uri.entry(u.clone()).or_default();
            }
        }
        let before = self.published.remove(dir).unwrap_or_default();
        for u in before {
            if !by_uri.contains_key(&u) {
                self.findings.remove(&u);
                self.publish(u, vec![]);
            }
        }
        let mut now = HashSet::new();
        let mut uris: Vec<Uri> = by_uri.keys().cloned().collect();
        uris.sort();
        for u in uris {
            let findings = by_uri.remove(&u).unwrap_or_default();
            let diags = findings.iter().map(|f| f.diagnostic.clone()).collect();
            if !findings.is_empty() {
                now.insert(u.clone());
            }
            self.findings.insert(u.clone(), findings);
            self.publish(u, diags);
        }
        self.published.insert(dir.to_path_buf(), now);
    }
}
