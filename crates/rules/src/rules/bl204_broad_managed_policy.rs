//! BL204 broad-managed-policy: AmazonBedrockFullAccess, AdministratorAccess or
//! PowerUserAccess attached to a principal not matched by `admin_principals`.
//! See rules/BL204-broad-managed-policy.md.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::meta::Meta;
use crate::rule_id::RuleId;

pub const META: Meta = Meta {
    code: "BL204",
    name: "broad-managed-policy",
    severity: Severity::Error,
    group: "role-separation",
    fix: None,
    frameworks: &["OWASP-NHI5"],
};

const BROAD: [&str; 3] = [
    "AmazonBedrockFullAccess",
    "AdministratorAccess",
    "PowerUserAccess",
];

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for p in &ctx.view.principals {
        if ctx.config.is_admin(&p.address, p.name.as_deref()) {
            continue;
        }
        let who = match &p.name {
            Some(n) => format!("{} \"{n}\"", p.kind.as_str()),
            None => format!("{} {}", p.kind.as_str(), p.address),
        };
        let mut seen: Vec<&str> = Vec::new();
        for (arn, span, _) in &p.managed_arns {
            let Some(name) = broad(arn) else { continue };
            if seen.contains(&arn.as_str()) {
                continue;
            }
            seen.push(arn);
            let d = Diagnostic::new(
                RuleId::Bl204,
                span.unwrap_or(p.header),
                format!("{name} is attached to {who}, granting every Bedrock action, invoke and admin alike, on \"*\""),
            );
            out.push(
                d.principal(p.address.clone())
                    .label(span.map(|_| p.header), format!("{who} is declared here"))
                    .help("attach a policy naming the exact actions and model ARNs the principal needs, or list it in admin_principals if it is the Bedrock administration identity"),
            );
        }
    }
}

/// The broad AWS managed policy an ARN names, if any.
fn broad(arn: &str) -> Option<&'static str> {
    let (head, name) = arn.rsplit_once('/')?;
    if !head.starts_with("arn:") || !head.ends_with(":iam::aws:policy") {
        return None;
    }
    BROAD.into_iter().find(|b| *b == name)
}
