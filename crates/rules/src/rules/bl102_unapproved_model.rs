//! BL102 unapproved-model: `approved_models` is set and a model-invoke grant names a
//! model, or a model wildcard, not covered by it. See rules/BL102-unapproved-model.md.

use crate::catalog::wildcard_match;
use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::iam::grants::{arn_parts, is_any_model, model_id};
use crate::iam::partial::has_hole;
use crate::iam::policy::Elem;
use crate::meta::Meta;
use crate::rule_id::RuleId;
use crate::visit::model_targets;
use bedrock_lint_parser::value::{Kind, Value};
use bedrock_lint_parser::Mode;

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
    out.extend(check_resources(ctx, &approved));
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
    (!covered(id, approved)).then(|| id.to_string())
}

/// Whether the lower-case `approved` globs cover model ID `id`. A wildcard ID is
/// covered only when an approved glob covers the pattern itself (its wildcards read as
/// literal characters): then every model it can match is covered too.
fn covered(id: &str, approved: &[String]) -> bool {
    let lower = id.to_ascii_lowercase();
    approved
        .iter()
        .any(|g| *g == lower || wildcard_match(g, &lower))
}

/// Bedrock resources that name a model, and the path to the setting (blocks, then the
/// attribute). hashicorp/aws 5.100 has no AgentCore runtime resource, so none is listed
/// (docs/decisions.md).
const MODEL_SETTINGS: [(&str, &[&str]); 4] = [
    ("aws_bedrockagent_agent", &["foundation_model"]),
    (
        "aws_bedrockagent_knowledge_base",
        &[
            "knowledge_base_configuration",
            "vector_knowledge_base_configuration",
            "embedding_model_arn",
        ],
    ),
    (
        "aws_bedrock_inference_profile",
        &["model_source", "copy_from"],
    ),
    ("aws_bedrock_custom_model", &["base_model_identifier"]),
];

/// A Bedrock resource whose model setting names a model `approved` does not cover.
/// The setting may be a model ID or an ARN; an unknown value, or an ARN whose
/// resource id is no model ID (an application inference profile, a custom or
/// provisioned model), names no model here.
fn check_resources(ctx: &Ctx, approved: &[String]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for r in &ctx.model.resources {
        if r.mode != Mode::Managed {
            continue;
        }
        let Some((_, path)) = MODEL_SETTINGS.iter().find(|(t, _)| *t == r.rtype) else {
            continue;
        };
        let Some((attr, blocks)) = path.split_last() else {
            continue;
        };
        for v in settings(&r.body, blocks, attr) {
            let Kind::String(s) = &v.kind else { continue };
            let Some(id) = named_model(s.text()) else {
                continue;
            };
            if covered(id, approved) {
                continue;
            }
            let e = Elem::from_value(v);
            let Some(span) = e.primary_for(id) else {
                continue;
            };
            let written = if s.text() == id {
                String::new()
            } else {
                format!(" (\"{}\")", s.text())
            };
            out.push(
                Diagnostic::new(
                    RuleId::Bl102,
                    span,
                    format!(
                        "{} uses model \"{id}\" as {attr}, which approved_models does not cover{written}",
                        r.address
                    ),
                )
                .address(r.address.clone())
                .label(
                    e.via.or(e.span).filter(|s| *s != span),
                    format!("used as {attr} here"),
                )
                .help(format!(
                    "use an approved model ({}), or get the model approved and add it to approved_models",
                    ctx.config
                        .approved_models
                        .as_deref()
                        .unwrap_or_default()
                        .join(", ")
                )),
            );
        }
    }
    out
}

/// The values of `attr` inside the nested `blocks` of a resource body.
fn settings<'a>(body: &'a Value, blocks: &[&str], attr: &str) -> Vec<&'a Value> {
    let Some((first, rest)) = blocks.split_first() else {
        return body.get(attr).into_iter().collect();
    };
    nested(body, first)
        .into_iter()
        .flat_map(|b| settings(b, rest, attr))
        .collect()
}

fn nested<'a>(v: &'a Value, name: &str) -> Vec<&'a Value> {
    match v.get(name).map(|b| &b.kind) {
        Some(Kind::List(items)) => items.iter().collect(),
        Some(Kind::Object(_)) => v.get(name).into_iter().collect(),
        _ => vec![],
    }
}

/// The model ID a resource's model setting names: a foundation-model or
/// inference-profile ARN, or a bare model ID (`us.anthropic.claude-…`).
fn named_model(value: &str) -> Option<&str> {
    let id = if value.starts_with("arn:") {
        let (_, _, ty, rid) = arn_parts(value)?;
        if !MODEL_TYPES.contains(&ty) {
            return None;
        }
        rid
    } else if value.contains('/') {
        return None;
    } else {
        value
    };
    let id = model_id(id.trim());
    (!id.is_empty()).then_some(id)
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

    #[test]
    fn models_named_by_resources() {
        assert_eq!(
            named_model("us.anthropic.claude-3-haiku-20240307-v1:0"),
            Some("anthropic.claude-3-haiku-20240307-v1:0")
        );
        assert_eq!(
            named_model("arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0"),
            Some("amazon.titan-embed-text-v2:0")
        );
        assert_eq!(
            named_model("arn:aws:bedrock:us-east-1:111122223333:inference-profile/eu.meta.llama3-2-1b-instruct-v1:0"),
            Some("meta.llama3-2-1b-instruct-v1:0")
        );
        assert_eq!(
            named_model(
                "arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/a1b2c3"
            ),
            None
        );
        assert_eq!(
            named_model("arn:aws:bedrock:us-east-1:111122223333:custom-model/x/y"),
            None
        );
        assert_eq!(named_model(""), None);
    }
}
