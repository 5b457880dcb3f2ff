//! BL900 parse-error: a file that cannot be parsed. See rules/BL900-parse-error.md.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::meta::Meta;
use crate::rule_id::RuleId;
use bedrock_lint_parser::model::load::IssueKind;

pub const META: Meta = Meta {
    code: "BL900",
    name: "parse-error",
    severity: Severity::Error,
    group: "linter",
    fix: None,
    frameworks: &["NIST-AI-RMF-GOVERN"],
};

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for issue in ctx
        .model
        .issues
        .iter()
        .filter(|i| i.kind == IssueKind::Parse)
    {
        let path = ctx
            .model
            .files
            .get(issue.span.file)
            .path
            .display()
            .to_string();
        out.push(
            Diagnostic::new(
                RuleId::Bl900,
                issue.span,
                format!("cannot parse {path}: {}", issue.message),
            )
            .help("fix the syntax; the rest of the tree was still analysed, but not this file"),
        );
    }
}
