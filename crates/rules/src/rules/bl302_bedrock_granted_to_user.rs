//! BL302 bedrock-granted-to-user: any Bedrock action granted to an IAM user, directly
//! or through a group. See rules/BL302-bedrock-granted-to-user.md.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::iam::PrincipalKind;
use crate::meta::Meta;
use crate::rule_id::RuleId;
use crate::visit::{action_names, grant_address};

pub const META: Meta = Meta {
    code: "BL302",
    name: "bedrock-granted-to-user",
    severity: Severity::Warning,
    group: "credentials",
    fix: None,
    frameworks: &["OWASP-NHI10"],
};

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (i, p) in ctx.view.principals.iter().enumerate() {
        if p.kind != PrincipalKind::User {
            continue;
        }
        let user = p.name.as_deref().unwrap_or(&p.address);
        let mut reported = Vec::new();
        for g in ctx.grants(i) {
            if g.granted.is_empty() {
                continue;
            }
            let pol = &ctx.view.policies[g.policy];
            let Some(span) = g
                .attachment
                .or(pol.resource.map(|r| ctx.resource(r).header))
                .or(g.stmt.span)
            else {
                continue;
            };
            if reported.contains(&span) {
                continue;
            }
            reported.push(span);
            let group = p
                .attachments
                .iter()
                .find(|a| a.policy == g.policy && a.span == g.attachment)
                .and_then(|a| a.via_group)
                .map(|gi| &ctx.view.principals[gi]);
            let actions = action_names(g.granted.iter());
            let how = match group {
                Some(gp) => format!(
                    " through group {}",
                    gp.name.as_deref().unwrap_or(&gp.address)
                ),
                None => String::new(),
            };
            out.push(
                Diagnostic::new(
                    RuleId::Bl302,
                    span,
                    format!("user {user} is granted {actions}{how} by {}", pol.address),
                )
                .address(grant_address(ctx, g))
                .principal(p.address.clone())
                .help("grant Bedrock actions to a role that people and workloads assume with short-lived credentials, not to an IAM user"),
            );
        }
    }
}
