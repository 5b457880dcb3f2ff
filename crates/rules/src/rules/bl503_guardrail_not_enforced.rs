//! BL503 guardrail-not-enforced: with `require_guardrail = true`, an invoke grant has
//! no condition on `bedrock:GuardrailIdentifier`. See rules/BL503-guardrail-not-enforced.md.

use crate::catalog::Category;
use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::iam::grants::statement_grants;
use crate::iam::PolicyKind;
use crate::registry::{Meta, RuleId};

pub const META: Meta = Meta {
    code: "BL503",
    name: "guardrail-not-enforced",
    severity: Severity::Warning,
    group: "governance",
    fix: None,
    frameworks: &["NIST-AI-RMF-GOVERN"],
};

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if !ctx.config.require_guardrail {
        return;
    }
    for pol in &ctx.view.policies {
        if pol.kind != PolicyKind::Identity {
            continue;
        }
        for st in &pol.doc.statements {
            if crate::date::expired(st, ctx.today)
                || st
                    .conditions_on("bedrock:GuardrailIdentifier")
                    .next()
                    .is_some()
            {
                continue;
            }
            let g = statement_grants(st);
            let mut names: Vec<&str> = g
                .granted
                .iter()
                .filter(|x| x.action.category == Category::Invoke)
                .map(|x| x.action.name.as_str())
                .collect();
            if names.is_empty() {
                continue;
            }
            names.sort();
            names.dedup();
            let Some(span) = st.span else { continue };
            let actions = match names.len() {
                1 => names[0].to_string(),
                n => format!("{} and {} more invoke actions", names[0], n - 1),
            };
            let mut d = Diagnostic::new(
                RuleId::Bl503,
                span,
                format!(
                    "{} grants {actions} without requiring a guardrail (no bedrock:GuardrailIdentifier condition)",
                    pol.address
                ),
            )
            .address(pol.address.clone())
            .help("add a condition such as StringEquals { \"bedrock:GuardrailIdentifier\" = \"arn:aws:bedrock:REGION:ACCOUNT:guardrail/ID:VERSION\" } so every invocation applies your guardrail");
            d.time_bound = crate::date::time_bound(st).map(|(_, t)| t);
            out.push(d);
        }
    }
}
