//! BL406 human-and-pipeline-trust-mixed: a role with Bedrock grants trusts both a
//! web-identity (pipeline) principal and a human one.
//! See rules/BL406-human-and-pipeline-trust-mixed.md.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::iam::policy::Effect;
use crate::iam::trust::is_human;
use crate::iam::PrincipalKind;
use crate::meta::Meta;
use crate::rule_id::RuleId;

pub const META: Meta = Meta {
    code: "BL406",
    name: "human-and-pipeline-trust-mixed",
    severity: Severity::Warning,
    group: "sessions-and-trust",
    fix: None,
    frameworks: &["OWASP-NHI10"],
};

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (i, p) in ctx.view.principals.iter().enumerate() {
        if p.kind != PrincipalKind::Role {
            continue;
        }
        let Some(t) = p.trust else { continue };
        let pol = &ctx.view.policies[t];
        let wis = ctx.web_identities(&pol.doc);
        let Some(wi) = wis.first() else { continue };
        let human = pol
            .doc
            .statements
            .iter()
            .filter(|st| st.effect == Effect::Allow && !crate::date::expired(st, ctx.today))
            .filter_map(|st| st.principal.as_ref())
            .flat_map(|pr| pr.entries.iter())
            .flat_map(|(ty, f)| f.items.iter().map(move |e| (ty, e)))
            .find(|(ty, e)| e.pattern().is_some_and(|t| is_human(ty, t)));
        let Some((_, he)) = human else { continue };
        if !ctx.has_bedrock(i) {
            continue;
        }
        // The role's trust attribute, even when the document is written elsewhere
        // (a policy-document data source).
        let Some(span) = pol.attr.or(pol.span).or(pol.doc.span) else {
            continue;
        };
        let role = p.name.as_deref().unwrap_or(&p.address);
        out.push(
            Diagnostic::new(
                RuleId::Bl406,
                span,
                format!(
                    "role {role} has Bedrock grants and is assumed both by a pipeline ({}) and by people ({})",
                    wi.name,
                    he.shown().unwrap_or("")
                ),
            )
            .address(p.address.clone())
            .principal(p.address.clone())
            .label(wi.principal_span(), "pipeline principal")
            .label(he.primary(), "human principal")
            .help("give people their own role (assumed through IAM Identity Center) and keep this role for the pipeline only"),
        );
    }
}
