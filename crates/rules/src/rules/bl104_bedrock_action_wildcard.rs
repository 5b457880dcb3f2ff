//! BL104 bedrock-action-wildcard: an Allow's action patterns grant an admin action
//! without naming it exactly, or grant invoke and admin actions through one
//! wildcard. See rules/BL104-bedrock-action-wildcard.md.

use crate::catalog::{catalog, Action, Category};
use crate::context::Ctx;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::iam::policy::{Field, Statement};
use crate::meta::Meta;
use crate::rule_id::RuleId;
use crate::visit::consequence;

pub const META: Meta = Meta {
    code: "BL104",
    name: "bedrock-action-wildcard",
    severity: Severity::Error,
    group: "model-scope",
    fix: Some(Applicability::Unsafe),
    frameworks: &["OWASP-NHI5"],
};

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (pol, statements) in ctx.identity_statements() {
        for (st, g) in statements {
            if g.granted.is_empty() {
                continue;
            }
            let on = resource_desc(st);
            // Every applicable action the statement grants.
            let granted: Vec<&'static Action> = g.granted.iter().map(|x| x.action).collect();
            if let Some(a) = &st.action {
                let named: Vec<String> = a
                    .texts()
                    .filter(|t| !t.contains(['*', '?']))
                    .map(str::to_ascii_lowercase)
                    .collect();
                for (i, e) in a.items.iter().enumerate() {
                    let Some(t) = e.text() else { continue };
                    if !t.contains(['*', '?']) {
                        continue;
                    }
                    let via: Vec<&'static Action> = catalog()
                        .expand(t)
                        .filter(|x| granted.iter().any(|y| std::ptr::eq(*y, *x)))
                        .collect();
                    let admin: Vec<&Action> = via
                        .iter()
                        .copied()
                        .filter(|x| x.category == Category::Admin)
                        .collect();
                    let unnamed = admin
                        .iter()
                        .any(|x| !named.contains(&x.name.to_ascii_lowercase()));
                    let invoke: Vec<&Action> = via
                        .iter()
                        .copied()
                        .filter(|x| x.category == Category::Invoke)
                        .collect();
                    if admin.is_empty() || (!unnamed && invoke.is_empty()) {
                        continue;
                    }
                    let Some(span) = e.primary() else { continue };
                    let d = Diagnostic::new(
                        RuleId::Bl104,
                        span,
                        format!("\"{t}\" grants {} on {on}", summary(&admin, &invoke)),
                    );
                    out.push(
                        d.address(pol.address.clone())
                            .label(e.via, "used in this policy here")
                            .help(HELP)
                            .fix(fix(ctx, a, i, &invoke, &named)),
                    );
                }
            } else if let Some(na) = &st.not_action {
                let admin: Vec<&Action> = g
                    .granted
                    .iter()
                    .filter(|x| x.pattern.is_none() && x.action.category == Category::Admin)
                    .map(|x| x.action)
                    .collect();
                if admin.is_empty() {
                    continue;
                }
                let invoke: Vec<&Action> = g
                    .granted
                    .iter()
                    .filter(|x| x.pattern.is_none() && x.action.category == Category::Invoke)
                    .map(|x| x.action)
                    .collect();
                let Some(span) = na.key_span.or(na.span).or(st.span) else {
                    continue;
                };
                let d = Diagnostic::new(
                    RuleId::Bl104,
                    span,
                    format!("NotAction grants {} on {on}", summary(&admin, &invoke)),
                );
                out.push(d.address(pol.address.clone()).help(HELP));
            }
        }
    }
}

const HELP: &str = "list the exact actions the statement needs (for invocation: bedrock:InvokeModel and bedrock:InvokeModelWithResponseStream); name admin actions one by one in a policy for a separate admin role";

/// `23 admin actions (e.g. bedrock:CreateGuardrail) and 4 invoke actions`.
fn summary(admin: &[&Action], invoke: &[&Action]) -> String {
    // The most consequential admin action first (logging, guardrails, model access).
    let mut names: Vec<&str> = admin.iter().map(|a| a.name.as_str()).collect();
    names.sort_by_key(|n| (consequence(n), n.to_ascii_lowercase()));
    let a = match names.len() {
        1 => format!("the admin action {}", names[0]),
        n => format!("{n} admin actions (e.g. {})", names[0]),
    };
    match invoke.len() {
        0 => a,
        1 => format!("{a} and the invoke action {}", invoke[0].name),
        n => format!("{a} and {n} invoke actions"),
    }
}

/// `"arn:..."`, `"arn:..." and 2 more resources`, or `every resource but ...`.
fn resource_desc(st: &Statement) -> String {
    if st.not_resource.is_some() {
        return "every resource NotResource does not exclude".into();
    }
    let texts: Vec<&str> = st
        .resource
        .as_ref()
        .map(|r| r.texts().collect())
        .unwrap_or_default();
    match texts.len() {
        0 => "its resources".into(),
        1 => format!("\"{}\"", texts[0]),
        n => format!("\"{}\" and {} more resources", texts[0], n - 1),
    }
}

/// Replace the wildcard with the invoke actions it grants (unsafe: the rest of
/// what it granted is removed).
fn fix(ctx: &Ctx, a: &Field, i: usize, invoke: &[&Action], named: &[String]) -> Option<Fix> {
    let e = &a.items[i];
    if e.via.is_some() {
        return None;
    }
    let span = e.span?;
    let text = ctx.model.files.text(span);
    if e.text().is_none_or(|t| text != format!("\"{t}\"")) {
        return None;
    }
    let mut names: Vec<&str> = invoke
        .iter()
        .map(|x| x.name.as_str())
        .filter(|n| !named.contains(&n.to_ascii_lowercase()))
        .collect();
    names.sort();
    names.dedup();
    // Nothing to replace with, or too many to be what the statement was meant
    // for (`*` on `*` grants every invoke action of every Bedrock service).
    if names.is_empty() || names.len() > 8 {
        return None;
    }
    let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    let in_list = a.items.len() > 1 || a.span.is_some_and(|s| s != span);
    let replacement = if in_list {
        quoted.join(", ")
    } else {
        format!("[{}]", quoted.join(", "))
    };
    Some(Fix {
        applicability: Applicability::Unsafe,
        description: "replace the wildcard with the invoke actions it grants".into(),
        edits: vec![Edit { span, replacement }],
    })
}
