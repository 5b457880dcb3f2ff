//! BL202 invoke-role-reads-secrets: an invoke principal can also read secrets,
//! parameters, decrypt with KMS on `*`, or read source repositories.
//! See rules/BL202-invoke-role-reads-secrets.md.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::meta::Meta;
use crate::rule_id::RuleId;
use crate::visit::sensitive_findings;

pub const META: Meta = Meta {
    code: "BL202",
    name: "invoke-role-reads-secrets",
    severity: Severity::Warning,
    group: "role-separation",
    fix: None,
    frameworks: &["OWASP-NHI5"],
};

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    out.extend(sensitive_findings(
        ctx,
        RuleId::Bl202,
        &["secrets", "source"],
        "can read secrets or source",
        "move secret and source reads to a separate identity, or scope them to the named secret, parameter, key or repository ARNs",
    ));
}
