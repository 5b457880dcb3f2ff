//! BL503 guardrail-not-enforced: with `require_guardrail = true`, a model-invoke grant has
//! no condition on `bedrock:GuardrailIdentifier`. See rules/BL503-guardrail-not-enforced.md.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::meta::Meta;
use crate::rule_id::RuleId;
use crate::visit::{grant_phrase, model_invoke};

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
    for (pol, statements) in ctx.identity_statements() {
        for (st, g) in statements {
            if st
                .conditions_on("bedrock:GuardrailIdentifier")
                .next()
                .is_some()
            {
                continue;
            }
            let invoke = model_invoke(g);
            if invoke.is_empty() {
                continue;
            }
            let Some(span) = st.span else { continue };
            out.push(
                Diagnostic::new(
                    RuleId::Bl503,
                    span,
                    format!(
                        "{} allowed without requiring a guardrail (no bedrock:GuardrailIdentifier condition)",
                        grant_phrase(st, &invoke)
                    ),
                )
                .address(pol.address.clone())
                .help("add a condition such as StringEquals { \"bedrock:GuardrailIdentifier\" = \"arn:aws:bedrock:REGION:ACCOUNT:guardrail/ID:VERSION\" } so every invocation applies your guardrail"),
            );
        }
    }
}
