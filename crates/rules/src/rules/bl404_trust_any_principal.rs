//! BL404 trust-any-principal: a role with Bedrock grants trusts `*`, `{AWS = "*"}` or
//! an unapproved account root without a narrowing condition.
//! See rules/BL404-trust-any-principal.md.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::iam::partial::has_hole;
use crate::iam::policy::{Effect, Statement};
use crate::iam::trust::account_root;
use crate::iam::PrincipalKind;
use crate::meta::Meta;
use crate::rule_id::RuleId;

pub const META: Meta = Meta {
    code: "BL404",
    name: "trust-any-principal",
    severity: Severity::Error,
    group: "sessions-and-trust",
    fix: None,
    frameworks: &["OWASP-NHI6"],
};

const NARROWING: [&str; 4] = [
    "aws:PrincipalOrgID",
    "aws:PrincipalArn",
    "aws:SourceAccount",
    "sts:ExternalId",
];

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (i, p) in ctx.view.principals.iter().enumerate() {
        if p.kind != PrincipalKind::Role {
            continue;
        }
        let Some(t) = p.trust else { continue };
        let doc = &ctx.view.policies[t].doc;
        if doc.statements.is_empty() || !ctx.has_bedrock(i) {
            continue;
        }
        let role = p.name.as_deref().unwrap_or(&p.address);
        for st in &doc.statements {
            if st.effect != Effect::Allow || narrowed(st) || crate::date::expired(st, ctx.today) {
                continue;
            }
            let Some(pr) = &st.principal else { continue };
            for (ty, f) in &pr.entries {
                if !(ty == "*" || ty.eq_ignore_ascii_case("AWS")) {
                    continue;
                }
                for e in &f.items {
                    let (Some(text), Some(shown)) = (e.pattern(), e.shown()) else {
                        continue;
                    };
                    let what = if text == "*" {
                        "any AWS principal".to_string()
                    } else if let Some(acct) = account_root(text) {
                        // The deploying account is approved; another unknown one is
                        // undecidable (BL905).
                        if has_hole(acct) {
                            continue;
                        }
                        let approved = ctx.deploying_account(acct)
                            || ctx
                                .config
                                .approved_accounts
                                .as_ref()
                                .is_some_and(|a| a.iter().any(|x| x == acct));
                        if approved {
                            continue;
                        }
                        format!(
                            "every principal of account {acct}, which is not in approved_accounts"
                        )
                    } else {
                        continue;
                    };
                    let Some(span) = e.primary() else { continue };
                    out.push(
                        Diagnostic::new(
                            RuleId::Bl404,
                            span,
                            format!("role {role} has Bedrock grants and can be assumed by {what} (\"{shown}\")"),
                        )
                        .address(p.address.clone())
                        .principal(p.address.clone())
                        .label(e.via, "used in this trust policy here")
                        .help("name the exact role ARNs that may assume the role, or add an aws:PrincipalOrgID, aws:PrincipalArn, aws:SourceAccount or sts:ExternalId condition"),
                    );
                }
            }
        }
    }
}

fn narrowed(st: &Statement) -> bool {
    NARROWING
        .iter()
        .any(|k| st.conditions_on(k).next().is_some())
}
