//! BL304 bedrock-api-key: an `aws_iam_service_specific_credential` is created for
//! `bedrock.amazonaws.com`. See rules/BL304-bedrock-api-key.md.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::meta::Meta;
use crate::rule_id::RuleId;
use bedrock_lint_parser::Mode;

pub const META: Meta = Meta {
    code: "BL304",
    name: "bedrock-api-key",
    severity: Severity::Error,
    group: "credentials",
    fix: None,
    frameworks: &["OWASP-NHI7"],
};

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for r in &ctx.model.resources {
        if r.mode != Mode::Managed || r.rtype != "aws_iam_service_specific_credential" {
            continue;
        }
        let service = r.body.get("service_name").and_then(|v| v.as_str());
        if service != Some("bedrock.amazonaws.com") {
            continue;
        }
        let user = r
            .body
            .get("user_name")
            .and_then(|v| {
                v.as_str()
                    .map(str::to_string)
                    .or(v.from.as_deref().cloned())
            })
            .map(|u| format!(" for user {u}"))
            .unwrap_or_default();
        out.push(
            Diagnostic::new(
                RuleId::Bl304,
                r.header,
                format!("{} creates a long-term Bedrock API key{user}", r.address),
            )
            .address(r.address.clone())
            .help("use short-term Bedrock API keys or role credentials (OIDC federation, IAM Identity Center) instead of a service-specific credential"),
        );
    }
}
