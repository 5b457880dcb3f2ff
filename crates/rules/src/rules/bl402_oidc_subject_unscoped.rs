//! BL402 oidc-subject-unscoped: a role with Bedrock grants trusts a web-identity
//! provider with no `sub` condition, or a `sub` whose owner part is a wildcard.
//! See rules/BL402-oidc-subject-unscoped.md.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::iam::policy::Elem;
use crate::iam::trust::{sub_scope, SubScope, WebIdentity};
use crate::iam::{Principal, PrincipalKind};
use crate::meta::Meta;
use crate::rule_id::RuleId;

pub const META: Meta = Meta {
    code: "BL402",
    name: "oidc-subject-unscoped",
    severity: Severity::Error,
    group: "sessions-and-trust",
    fix: None,
    frameworks: &["OWASP-NHI6"],
};

/// What the `sub` conditions of one web-identity trust pin.
pub enum SubFinding<'a> {
    /// No condition on `sub` at all.
    Missing,
    /// A value whose owner/organisation part is a wildcard.
    Unscoped(&'a Elem),
    /// Values that pin the repository but leave the ref open.
    AnyRef(Vec<&'a Elem>),
    /// Pinned, or undecidable (an unknown value: BL905 reports it).
    None,
}

/// Classifies a web-identity trust's `sub` conditions (shared with BL403).
pub fn sub_finding<'a>(wi: &WebIdentity<'a>) -> SubFinding<'a> {
    let conds = wi.sub_conditions();
    // A condition whose key is not known may be the `sub` condition: undecidable
    // (BL905 says so), never reported as missing.
    if conds.is_empty() && wi.stmt.conditions.iter().any(|c| may_pin_sub(c, wi)) {
        return SubFinding::None;
    }
    if conds.is_empty() {
        return SubFinding::Missing;
    }
    if conds.iter().any(|c| c.values.is_unknown()) {
        return SubFinding::None;
    }
    // Conditions are ANDed: one fully pinned condition pins the trust.
    let scopes: Vec<Vec<(SubScope, &Elem)>> = conds
        .iter()
        .map(|c| {
            c.values
                .items
                .iter()
                .filter_map(|e| Some((sub_scope(e.text()?), e)))
                .collect()
        })
        .collect();
    if scopes
        .iter()
        .any(|s| !s.is_empty() && s.iter().all(|(x, _)| *x == SubScope::Pinned))
    {
        return SubFinding::None;
    }
    let all: Vec<&(SubScope, &Elem)> = scopes.iter().flatten().collect();
    if all.is_empty() {
        return SubFinding::Missing;
    }
    if let Some((_, e)) = all.iter().find(|(x, _)| *x == SubScope::Unscoped) {
        return SubFinding::Unscoped(e);
    }
    SubFinding::AnyRef(
        all.iter()
            .filter(|(x, _)| *x == SubScope::AnyRef)
            .map(|(_, e)| *e)
            .collect(),
    )
}

/// Roles with Bedrock grants and their web-identity trusts.
pub fn bedrock_roles<'c>(ctx: &'c Ctx) -> Vec<(&'c Principal, Vec<WebIdentity<'c>>)> {
    let mut out = Vec::new();
    for (i, p) in ctx.view.principals.iter().enumerate() {
        if p.kind != PrincipalKind::Role {
            continue;
        }
        let Some(t) = p.trust else { continue };
        let wis = ctx.web_identities(&ctx.view.policies[t].doc);
        if wis.is_empty() || !ctx.has_bedrock(i) {
            continue;
        }
        out.push((p, wis));
    }
    out
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (p, wis) in bedrock_roles(ctx) {
        let role = p.name.as_deref().unwrap_or(&p.address);
        for wi in &wis {
            let Some(span) = wi.principal_span() else {
                continue;
            };
            let claim = match &wi.host {
                Some(h) => format!("{h}:sub"),
                None => "the provider's sub claim".into(),
            };
            let d = match sub_finding(wi) {
                SubFinding::Missing => Diagnostic::new(
                    RuleId::Bl402,
                    span,
                    format!(
                        "role {role} has Bedrock grants and trusts {} with no condition on {claim}: any workload the provider issues tokens to can assume it",
                        wi.name
                    ),
                ),
                SubFinding::Unscoped(e) => Diagnostic::new(
                    RuleId::Bl402,
                    span,
                    format!(
                        "role {role} has Bedrock grants and trusts {} for any owner: {claim} is \"{}\"",
                        wi.name,
                        e.text().unwrap_or("")
                    ),
                )
                .label(e.primary(), "the sub value with a wildcard owner"),
                _ => continue,
            };
            out.push(
                d.address(p.address.clone())
                    .principal(p.address.clone())
                    .help(format!(
                        "add a StringEquals condition on {claim} naming your organisation, repository and environment, e.g. \"repo:acme/chat-api:environment:prod\""
                    )),
            );
        }
    }
}

/// Could a condition whose key is not written out in full be on the provider's `sub`
/// claim? `${var.issuer}:aud` cannot; `${var.key}` can.
pub fn may_pin_sub(c: &crate::iam::policy::Condition, wi: &WebIdentity) -> bool {
    let claim = format!("{}:sub", wi.host.as_deref().unwrap_or("provider"));
    c.key_unknown() && c.key_may_be(&claim)
}
