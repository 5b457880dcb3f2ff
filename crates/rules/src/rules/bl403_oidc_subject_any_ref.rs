//! BL403 oidc-subject-any-ref: a web-identity trust's `sub` pins the repository but
//! leaves the branch/environment open. See rules/BL403-oidc-subject-any-ref.md.

use super::bl402_oidc_subject_unscoped::{bedrock_roles, sub_finding, SubFinding};
use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::meta::Meta;
use crate::rule_id::RuleId;

pub const META: Meta = Meta {
    code: "BL403",
    name: "oidc-subject-any-ref",
    severity: Severity::Warning,
    group: "sessions-and-trust",
    fix: None,
    frameworks: &["OWASP-NHI6"],
};

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (p, wis) in bedrock_roles(ctx) {
        let role = p.name.as_deref().unwrap_or(&p.address);
        for wi in &wis {
            let SubFinding::AnyRef(elems) = sub_finding(wi) else {
                continue;
            };
            for e in elems {
                let (Some(span), Some(text)) = (e.primary(), e.text()) else {
                    continue;
                };
                out.push(
                    Diagnostic::new(
                        RuleId::Bl403,
                        span,
                        format!(
                            "role {role} has Bedrock grants and trusts {} for any branch or environment of the repository (sub \"{text}\")",
                            wi.name
                        ),
                    )
                    .address(p.address.clone())
                    .principal(p.address.clone())
                    .label(e.via, "used in this trust policy here")
                    .help("pin the sub claim to a protected environment or branch, e.g. \"repo:acme/chat-api:environment:prod\" or \"repo:acme/chat-api:ref:refs/heads/main\""),
                );
            }
        }
    }
}
