//! BL105 cross-account-model: an invoke grant names a custom model, provisioned
//! model, imported model or inference profile in an account outside
//! `approved_accounts`, or with a wildcard account. See rules/BL105-cross-account-model.md.

use crate::catalog::{wildcard_match, Category};
use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::iam::grants::{arn_parts, is_any_model};
use crate::registry::{Meta, RuleId};
use crate::rules::bl101_invoke_any_model::actions_on;

pub const META: Meta = Meta {
    code: "BL105",
    name: "cross-account-model",
    severity: Severity::Warning,
    group: "model-scope",
    fix: None,
    frameworks: &["OWASP-NHI5"],
};

/// Account-owned model resource types.
const ACCOUNT_TYPES: [&str; 6] = [
    "custom-model",
    "provisioned-model",
    "imported-model",
    "inference-profile",
    "application-inference-profile",
    "custom-model-deployment",
];

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let accounts = ctx.config.approved_accounts.as_deref();
    for (pol, statements) in ctx.identity_statements() {
        for (st, g) in statements {
            if st.not_resource.is_some() {
                continue; // BL101 reports it
            }
            let invoke = g.of(Category::Invoke);
            let Some(res) = &st.resource else { continue };
            let mut reported = std::collections::HashSet::new();
            for x in &invoke {
                for &ri in &x.resources {
                    let e = &res.items[ri];
                    let Some(text) = &e.text else { continue };
                    if is_any_model(text) || reported.contains(&ri) {
                        continue;
                    }
                    let Some((_, account, ty, _)) = arn_parts(text) else {
                        continue;
                    };
                    let typed = ACCOUNT_TYPES.contains(&ty)
                        || (ty.contains(['*', '?'])
                            && ACCOUNT_TYPES.iter().any(|t| wildcard_match(ty, t)));
                    if !typed || account.is_empty() {
                        continue;
                    }
                    let problem = if account.contains(['*', '?']) {
                        format!("in any account (\"{account}\")")
                    } else {
                        match accounts {
                            Some(a) if !a.iter().any(|x| x == account) => {
                                format!("in account {account}, outside approved_accounts")
                            }
                            _ => continue,
                        }
                    };
                    let Some(span) = e.primary() else { continue };
                    reported.insert(ri);
                    let names = actions_on(&invoke, ri);
                    let mut d = Diagnostic::new(
                        RuleId::Bl105,
                        span,
                        format!("{names} allowed on {ty} \"{text}\" {problem}"),
                    );
                    d.time_bound = crate::date::time_bound(st).map(|(_, t)| t);
                    let help = match accounts {
                        Some(a) if !a.is_empty() => format!(
                            "name the model resource in an approved account ({})",
                            a.join(", ")
                        ),
                        _ => "name the account that owns the model resource, and list it in approved_accounts".into(),
                    };
                    out.push(
                        d.address(pol.address.clone())
                            .label(e.via, "used in this policy here")
                            .help(help),
                    );
                }
            }
        }
    }
}
