//! BL203 invoke-role-can-escalate: an invoke principal can create credentials or
//! change IAM. See rules/BL203-invoke-role-can-escalate.md.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::registry::{Meta, RuleId};
use crate::rules::bl202_invoke_role_reads_secrets::sensitive;

pub const META: Meta = Meta {
    code: "BL203",
    name: "invoke-role-can-escalate",
    severity: Severity::Error,
    group: "role-separation",
    fix: None,
    frameworks: &["OWASP-NHI5"],
};

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    sensitive(
        ctx,
        out,
        RuleId::Bl203,
        &["credentials", "escalation"],
        "can create credentials or change IAM",
        "move IAM and credential management to a separate identity; scope iam:PassRole and sts:AssumeRole to named role ARNs",
    );
}
