//! BL301 static-key-for-bedrock: an `aws_iam_access_key` is created for a user whose
//! effective grants include any Bedrock action. See rules/BL301-static-key-for-bedrock.md.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::iam::PrincipalKind;
use crate::meta::Meta;
use crate::rule_id::RuleId;
use crate::visit::consequence;

pub const META: Meta = Meta {
    code: "BL301",
    name: "static-key-for-bedrock",
    severity: Severity::Error,
    group: "credentials",
    fix: None,
    frameworks: &["OWASP-NHI7"],
};

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (i, p) in ctx.view.principals.iter().enumerate() {
        if p.kind != PrincipalKind::User || p.access_keys.is_empty() {
            continue;
        }
        // Name the most consequential Bedrock action the key unlocks.
        let Some((grant, x)) = ctx
            .grants(i)
            .iter()
            .flat_map(|g| g.granted.iter().map(move |x| (g, x)))
            .min_by_key(|(_, x)| {
                (
                    consequence(&x.action.name),
                    x.action.name.to_ascii_lowercase(),
                )
            })
        else {
            continue;
        };
        let action = x.action.name.as_str();
        let user = p.name.as_deref().unwrap_or(&p.address);
        for &k in &p.access_keys {
            let key = ctx.resource(k);
            out.push(
                Diagnostic::new(
                    RuleId::Bl301,
                    key.header,
                    format!(
                        "{} is a long-term access key for user {user}, which is granted {action}",
                        key.address
                    ),
                )
                .address(key.address.clone())
                .principal(p.address.clone())
                .label(
                    grant.attachment.or(grant.stmt.span),
                    format!("{action} is granted to {user} here"),
                )
                .help("use a role with short-lived credentials (OIDC federation, IAM Identity Center or an instance/task role) instead of an access key"),
            );
        }
    }
}
