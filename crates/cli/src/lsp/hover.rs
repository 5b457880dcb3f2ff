//! Hover: a rule's documentation over its code in an ignore comment or the config,
//! or over a finding.

use super::document::{contains, range_of};
use super::server::Server;
use super::uri;
use bedrock_lint_parser::SourceFile;
use bedrock_lint_rules::config::CONFIG_FILE;
use bedrock_lint_rules::{docs, RuleId};
use lsp_types as lt;
use std::path::PathBuf;
use std::sync::Arc;

impl Server<'_> {
    pub(super) fn hover(&self, p: lt::HoverParams) -> Option<lt::Hover> {
        let uri = &p.text_document_position_params.text_document.uri;
        let pos = p.text_document_position_params.position;
        let path = uri::to_path(uri);
        let text = match self.docs.get(uri) {
            Some(t) => t.clone(),
            None => std::fs::read_to_string(path.as_ref()?).ok()?,
        };
        let file = SourceFile::new(PathBuf::new(), Arc::from(text.as_str()));
        let offset = file.offset_of_utf16(pos.line, pos.character);
        let is_word = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
        let start = text[..offset]
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_word(*c))
            .last()
            .map_or(offset, |(i, _)| i);
        let end = text[offset..]
            .char_indices()
            .find(|(_, c)| !is_word(*c))
            .map_or(text.len(), |(i, _)| offset + i);
        let line = file.line_text(file.line_index(offset));
        let is_config = path
            .as_ref()
            .and_then(|p| p.file_name())
            .is_some_and(|n| n == CONFIG_FILE);
        // An ignore comment on this line, as the suppression parser reads them.
        let comment = line
            .find('#')
            .or_else(|| line.find("//"))
            .map(|i| line[i..].trim_start_matches(['#', '/']));
        if comment.is_some_and(bedrock_lint_rules::suppress::is_directive) || is_config {
            if let Some(rule) = RuleId::from_code_or_name(&text[start..end]) {
                return Some(hover_for(&[rule], Some(range_of(&file, start, end))));
            }
        }
        let mut rules = Vec::new();
        let mut range = None;
        for f in self.findings.get(uri).into_iter().flatten() {
            if contains(&f.diagnostic.range, pos) && !rules.contains(&f.rule) {
                rules.push(f.rule);
                range.get_or_insert(f.diagnostic.range);
            }
        }
        if rules.is_empty() {
            return None;
        }
        Some(hover_for(&rules, range))
    }
}

fn hover_for(rules: &[RuleId], range: Option<lt::Range>) -> lt::Hover {
    let value = rules
        .iter()
        .map(|r| match docs::body(*r) {
            Some(b) => b.trim_end().to_string(),
            None => format!("**{}** `{}`", r.code(), r.name()),
        })
        .collect::<Vec<_>>()
        .join("\n\n---\n\n");
    lt::Hover {
        contents: lt::HoverContents::Markup(lt::MarkupContent {
            kind: lt::MarkupKind::Markdown,
            value,
        }),
        range,
    }
}
