//! BL101 invoke-any-model: an Allow grants a model-invoke action on an any-model resource
//! pattern. See rules/BL101-invoke-any-model.md.

use crate::context::Ctx;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::iam::grants::is_any_model;
use crate::iam::policy::{Field, Statement};
use crate::meta::Meta;
use crate::rule_id::RuleId;
use crate::visit::{grant_phrase, model_invoke, model_targets};

pub const META: Meta = Meta {
    code: "BL101",
    name: "invoke-any-model",
    severity: Severity::Error,
    group: "model-scope",
    fix: Some(Applicability::Unsafe),
    frameworks: &["OWASP-NHI5"],
};

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    // NotResource grants every model but the few it names.
    for (pol, statements) in ctx.identity_statements() {
        for (st, g) in statements {
            let Some(nr) = &st.not_resource else { continue };
            let invoke = model_invoke(g);
            let Some(span) = nr.key_span.or(nr.span).or(st.span) else {
                continue;
            };
            if !invoke.is_empty() {
                out.push(
                    diag(span, &grant_phrase(st, &invoke), "NotResource")
                        .address(pol.address.clone())
                        .help("use Resource with the approved model ARNs instead of NotResource"),
                );
            }
        }
    }
    for t in model_targets(ctx) {
        if !is_any_model(t.text) || narrowed_to_profiles(t.stmt) {
            continue;
        }
        let Some(span) = t.elem.primary() else {
            continue;
        };
        out.push(
            diag(span, &t.phrase(), t.shown)
                .address(t.policy.address.clone())
                .label(t.elem.via, "used in this policy here")
                .help(help(ctx))
                .fix(fix(ctx, t.resources, t.index)),
        );
    }
}

/// A condition on `bedrock:InferenceProfileArn` naming specific profiles narrows the
/// models: every request must come through one of them (the pattern AWS documents for
/// cross-region inference, with `foundation-model/*` in Resource). A negated or
/// `IfExists` operator does not narrow, nor does a wildcard profile.
fn narrowed_to_profiles(st: &Statement) -> bool {
    st.conditions_on("bedrock:InferenceProfileArn").any(|c| {
        let op = c.operator.to_ascii_lowercase();
        let positive = (op.contains("stringequals")
            || op.contains("arnequals")
            || op.contains("stringlike")
            || op.contains("arnlike"))
            && !op.contains("not")
            && !op.contains("ifexists");
        positive
            && !c.values.items.is_empty()
            && c.values.items.iter().all(|e| {
                e.text().is_some_and(|t| {
                    let id = t.rsplit_once('/').map(|(_, id)| id).unwrap_or("*");
                    !id.is_empty() && !id.contains(['*', '?']) && t.contains(":inference-profile/")
                })
            })
    })
}

fn diag(span: bedrock_lint_parser::Span, phrase: &str, text: &str) -> Diagnostic {
    Diagnostic::new(
        RuleId::Bl101,
        span,
        format!("{phrase} allowed on every model (\"{text}\")"),
    )
}

fn help(ctx: &Ctx) -> String {
    let region = ctx
        .config
        .approved_regions
        .as_ref()
        .and_then(|r| r.first().cloned())
        .unwrap_or_else(|| "us-east-1".into());
    match &ctx.config.approved_models {
        Some(m) if !m.is_empty() => {
            // An exact approved id makes a ready-to-paste example; a glob does not.
            let id = m
                .iter()
                .find(|x| !x.contains(['*', '?']))
                .cloned()
                .unwrap_or_else(|| "<approved model id>".into());
            format!(
                "name the approved models ({}) by ARN, e.g. arn:aws:bedrock:{region}::foundation-model/{id}",
                m.join(", ")
            )
        }
        _ => format!(
            "name the models this workload needs by ARN, e.g. arn:aws:bedrock:{region}::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0, and list them in approved_models"
        ),
    }
}

/// With `approved_models` (and regions) set: the explicit foundation-model ARNs.
fn fix(ctx: &Ctx, res: &Field, ri: usize) -> Option<Fix> {
    let models = ctx.config.approved_models.as_ref()?;
    let e = &res.items[ri];
    // Only a literal written in the policy itself can be replaced in place.
    if e.via.is_some() {
        return None;
    }
    let span = e.span?;
    // The span must be exactly this quoted string (not, say, a whole JSON-syntax
    // policy string whose inside cannot be mapped byte for byte).
    let text = ctx.model.files.text(span);
    if e.text().is_none_or(|t| text != format!("\"{t}\""))
        || models.iter().any(|m| m.contains(['*', '?']))
    {
        return None;
    }
    let regions = ctx
        .config
        .approved_regions
        .clone()
        .unwrap_or_else(|| vec!["*".into()]);
    let arns: Vec<String> = regions
        .iter()
        .flat_map(|r| {
            models
                .iter()
                .map(move |m| format!("\"arn:aws:bedrock:{r}::foundation-model/{m}\""))
        })
        .collect();
    // A single string becomes a list; inside a list the element becomes several.
    let in_list = res.items.len() > 1 || res.span.is_some_and(|s| s != span);
    let replacement = if in_list {
        arns.join(", ")
    } else {
        format!("[{}]", arns.join(", "))
    };
    Some(Fix {
        applicability: Applicability::Unsafe,
        description: "replace with the approved model ARNs".into(),
        edits: vec![Edit { span, replacement }],
    })
}
