//! BL910 invalid-policy-document: a policy string that is not JSON, or not an IAM
//! policy. See rules/BL910-invalid-policy-document.md.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::iam::PolicyKind;
use crate::meta::Meta;
use crate::rule_id::RuleId;

pub const META: Meta = Meta {
    code: "BL910",
    name: "invalid-policy-document",
    severity: Severity::Error,
    group: "linter",
    fix: None,
    frameworks: &["NIST-AI-RMF-GOVERN"],
};

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for pol in ctx
        .view
        .policies
        .iter()
        .filter(|p| p.kind != PolicyKind::AwsManaged)
    {
        let Some((msg, at)) = &pol.doc.invalid else {
            continue;
        };
        let Some(span) = at.or(pol.span) else {
            continue;
        };
        out.push(
            Diagnostic::new(RuleId::Bl910, span, format!("invalid policy document in {}: {msg}", pol.address))
                .address(pol.address.clone())
                .help("write the policy with jsonencode() or data \"aws_iam_policy_document\" so Terraform checks its shape"),
        );
    }
}
