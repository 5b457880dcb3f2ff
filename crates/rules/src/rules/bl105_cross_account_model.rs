//! BL105 cross-account-model: a model-invoke grant names a custom model, provisioned
//! model, imported model or inference profile in an account outside
//! `approved_accounts`, or with a wildcard account. See rules/BL105-cross-account-model.md.

use crate::catalog::wildcard_match;
use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::iam::grants::{arn_parts, is_any_model};
use crate::iam::partial::has_hole;
use crate::meta::Meta;
use crate::rule_id::RuleId;
use crate::visit::model_targets;

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
    for t in model_targets(ctx) {
        // BL101 speaks for an any-model string.
        if is_any_model(t.text) {
            continue;
        }
        let Some((_, account, ty, _)) = arn_parts(t.text) else {
            continue;
        };
        let typed = ACCOUNT_TYPES.contains(&ty)
            || (ty.contains(['*', '?']) && ACCOUNT_TYPES.iter().any(|x| wildcard_match(ty, x)));
        // The deploying account is always approved; another unknown account is
        // undecidable (BL905), never guessed.
        if !typed || account.is_empty() || has_hole(account) {
            continue;
        }
        let problem = if account.contains(['*', '?']) {
            format!("in any account (\"{account}\")")
        } else {
            match accounts {
                Some(a) if !a.iter().any(|x| x == account) && !ctx.deploying_account(account) => {
                    format!("in account {account}, outside approved_accounts")
                }
                _ => continue,
            }
        };
        let Some(span) = t.elem.primary() else {
            continue;
        };
        let help = match accounts {
            Some(a) if !a.is_empty() => format!(
                "name the model resource in an approved account ({})",
                a.join(", ")
            ),
            _ => "name the account that owns the model resource, and list it in approved_accounts"
                .into(),
        };
        out.push(
            Diagnostic::new(
                RuleId::Bl105,
                span,
                format!("{} allowed on {ty} \"{}\" {problem}", t.phrase(), t.shown),
            )
            .address(t.policy.address.clone())
            .label(t.elem.via, "used in this policy here")
            .help(help),
        );
    }
}
