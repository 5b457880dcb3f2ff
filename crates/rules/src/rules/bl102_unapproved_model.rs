//! BL102 unapproved-model: `approved_models` is set and a model-invoke grant names a
//! model, or a model wildcard, not covered by it. See rules/BL102-unapproved-model.md.

use crate::catalog::wildcard_match;
use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::iam::grants::{arn_parts, is_any_model, model_id};
use crate::iam::partial::has_hole;
use crate::meta::Meta;
use crate::rule_id::RuleId;
use crate::visit::model_targets;

pub const META: Meta = Meta {
    code: "BL102",
    name: "unapproved-model",
    severity: Severity::Error,
    group: "model-scope",
    fix: None,
    frameworks: &["OWASP-NHI5"],
};

/// Resource types whose resource id is a model ID (RULES.md "Model IDs").
const MODEL_TYPES: [&str; 2] = ["foundation-model", "inference-profile"];

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let Some(approved) = &ctx.config.approved_models else {
        return;
    };
    let approved: Vec<String> = approved.iter().map(|m| m.to_ascii_lowercase()).collect();
    for t in model_targets(ctx) {
        // BL101 speaks for an any-model string.
        if is_any_model(t.text) {
            continue;
        }
        let Some(id) = unapproved_model(t.text, &approved) else {
            continue;
        };
        let Some(span) = t.elem.primary_for(&id) else {
            continue;
        };
        let e = t.elem;
        out.push(
            diag(span, &t.phrase(), &id, t.shown)
                .address(t.policy.address.clone())
                .label(e.via.or(e.span).filter(|s| *s != span), "used in this policy here")
                .help(format!(
                    "grant an approved model ({}), or get the model approved and add it to approved_models",
                    ctx.config
                        .approved_models
                        .as_deref()
                        .unwrap_or_default()
                        .join(", ")
                )),
        );
    }
}

fn diag(span: bedrock_lint_parser::Span, phrase: &str, id: &str, text: &str) -> Diagnostic {
    let what = if id.contains(['*', '?']) {
        format!("models matching \"{id}\"")
    } else {
        format!("model \"{id}\"")
    };
    Diagnostic::new(
        RuleId::Bl102,
        span,
        format!("{phrase} allowed on {what}, which approved_models does not cover (\"{text}\")"),
    )
}

/// The model ID a resource string names, when `approved` (lower-case globs) does
/// not cover it; `None` when it is covered or names no model.
fn unapproved_model(arn: &str, approved: &[String]) -> Option<String> {
    let (_, _, ty, rid) = arn_parts(arn)?;
    // An unknown model id is undecidable (BL905), never guessed.
    if !MODEL_TYPES.contains(&ty) || rid.is_empty() || has_hole(rid) {
        return None;
    }
    let mut id = model_id(rid);
    if ty == "inference-profile" {
        // `*.anthropic.claude-...`: any geography of one model.
        if let Some(rest) = id.strip_prefix("*.") {
            id = rest;
        }
    }
    let lower = id.to_ascii_lowercase();
    // A wildcard ID is covered only when an approved glob covers the pattern
    // itself (its wildcards read as literal characters): then every model it can
    // match is covered too.
    let covered = approved
        .iter()
        .any(|g| *g == lower || wildcard_match(g, &lower));
    (!covered).then(|| id.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coverage() {
        let a = vec!["anthropic.claude-3-5-sonnet-*".to_string()];
        let f = |s: &str| unapproved_model(s, &a);
        assert!(f(
            "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"
        )
        .is_none());
        assert!(f("arn:aws:bedrock:us-east-1:1:inference-profile/us.anthropic.claude-3-5-sonnet-20240620-v1:0").is_none());
        assert!(f("arn:aws:bedrock:us-east-1::foundation-model/anthropic.*").is_some());
        assert!(
            f("arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-*")
                .is_none()
        );
        assert!(f("arn:aws:bedrock:us-east-1::foundation-model/meta.llama3").is_some());
        assert!(f("arn:aws:bedrock:us-east-1:1:guardrail/x").is_none());
    }
}
