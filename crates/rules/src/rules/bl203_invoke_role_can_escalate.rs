//! BL203 invoke-role-can-escalate: an invoke principal can create credentials or
//! change IAM. See rules/BL203-invoke-role-can-escalate.md.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::meta::Meta;
use crate::rule_id::RuleId;
use crate::visit::sensitive_findings;

pub const META: Meta = Meta {
    code: "BL203",
    name: "invoke-role-can-escalate",
    severity: Severity::Error,
    group: "role-separation",
    fix: None,
    frameworks: &["OWASP-NHI5"],
};

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    out.extend(sensitive_findings(
        ctx,
        RuleId::Bl203,
        &["credentials", "escalation"],
        "can create credentials or change IAM",
        "move IAM and credential management to a separate identity; scope iam:PassRole and sts:AssumeRole to named role ARNs",
    ));
}
