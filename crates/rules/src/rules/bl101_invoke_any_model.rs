//! BL101 invoke-any-model: an Allow grants an invoke action on an any-model resource
//! pattern. See rules/BL101-invoke-any-model.md.

use crate::catalog::Category;
use crate::context::Ctx;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::iam::grants::is_any_model;
use crate::iam::policy::{Field, Statement};
use crate::registry::{Meta, RuleId};

pub const META: Meta = Meta {
    code: "BL101",
    name: "invoke-any-model",
    severity: Severity::Error,
    group: "model-scope",
    fix: Some(Applicability::Unsafe),
    frameworks: &["OWASP-NHI5"],
};

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (pol, statements) in ctx.identity_statements() {
        for (st, g) in statements {
            let invoke = g.of(Category::Invoke);
            if invoke.is_empty() {
                continue;
            }
            let names = action_list(invoke.iter().map(|x| x.action.name.as_str()));
            if let Some(nr) = &st.not_resource {
                // NotResource grants every model but the few it names.
                let span = nr.key_span.or(nr.span).or(st.span);
                if let Some(span) = span {
                    out.push(
                        diag(ctx, st, span, &names, "NotResource")
                            .address(pol.address.clone())
                            .help(
                                "use Resource with the approved model ARNs instead of NotResource",
                            ),
                    );
                }
                continue;
            }
            let Some(res) = &st.resource else { continue };
            if narrowed_to_profiles(st) {
                continue;
            }
            let mut reported = std::collections::HashSet::new();
            for x in &invoke {
                for &ri in &x.resources {
                    let e = &res.items[ri];
                    let Some(text) = &e.text else { continue };
                    if !is_any_model(text) || !reported.insert(ri) {
                        continue;
                    }
                    let Some(span) = e.primary() else { continue };
                    out.push(
                        diag(ctx, st, span, &names, text)
                            .address(pol.address.clone())
                            .label(e.via, "used in this policy here")
                            .help(help(ctx))
                            .fix(fix(ctx, res, ri)),
                    );
                }
            }
        }
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
                e.text.as_deref().is_some_and(|t| {
                    let id = t.rsplit_once('/').map(|(_, id)| id).unwrap_or("*");
                    !id.is_empty() && !id.contains(['*', '?']) && t.contains(":inference-profile/")
                })
            })
    })
}

fn diag(
    _ctx: &Ctx,
    st: &Statement,
    span: bedrock_lint_parser::Span,
    names: &str,
    text: &str,
) -> Diagnostic {
    let mut d = Diagnostic::new(
        RuleId::Bl101,
        span,
        format!("{names} allowed on every model (\"{text}\")"),
    );
    d.time_bound = crate::date::time_bound(st).map(|(_, t)| t);
    d
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
    if e.text.as_ref().is_none_or(|t| text != format!("\"{t}\""))
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

/// The actions of `invoke` that apply to resource element `ri`, for a message.
pub fn actions_on(invoke: &[&crate::iam::grants::Granted], ri: usize) -> String {
    action_list(
        invoke
            .iter()
            .filter(|y| y.resources.contains(&ri))
            .map(|y| y.action.name.as_str()),
    )
}

/// `bedrock:InvokeModel`, or `bedrock:InvokeModel and 3 more invoke actions`.
pub fn action_list<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let mut v: Vec<&str> = names.collect();
    v.sort();
    v.dedup();
    match v.len() {
        0 => String::new(),
        1 => format!("{} is", v[0]),
        2 => format!("{} and {} are", v[0], v[1]),
        n => format!("{} and {} more invoke actions are", v[0], n - 1),
    }
}
