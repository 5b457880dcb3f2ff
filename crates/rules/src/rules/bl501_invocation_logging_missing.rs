//! BL501 invocation-logging-missing: invoke actions are granted, and no
//! `aws_bedrock_model_invocation_logging_configuration` exists (and config does not
//! say logging is external). See rules/BL501-invocation-logging-missing.md.

use crate::catalog::Category;
use crate::config::Logging;
use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::iam::PolicyKind;
use crate::meta::Meta;
use crate::rule_id::RuleId;
use crate::visit::{consequence, grant_address};
use bedrock_lint_parser::{Mode, Span};

pub const META: Meta = Meta {
    code: "BL501",
    name: "invocation-logging-missing",
    severity: Severity::Warning,
    group: "governance",
    fix: None,
    frameworks: &["NIST-AI-RMF-GOVERN"],
};

pub const LOGGING_RESOURCE: &str = "aws_bedrock_model_invocation_logging_configuration";

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if ctx.config.invocation_logging == Logging::External
        || ctx
            .model
            .resources
            .iter()
            .any(|r| r.mode == Mode::Managed && r.rtype == LOGGING_RESOURCE)
    {
        return;
    }
    // Every place a model-invoke action is granted (else any invoke action):
    // (not model-invoke, span, action, address).
    let mut found: Vec<(bool, Span, String, String)> = Vec::new();
    for (pol, statements) in ctx.identity_statements() {
        for (st, g) in statements {
            for x in &g.granted {
                if x.action.category != Category::Invoke {
                    continue;
                }
                let span = match (x.pattern, &st.action, &st.not_action) {
                    (Some(i), Some(a), _) => a.items.get(i).and_then(|e| e.primary()),
                    (_, _, Some(na)) => na.key_span.or(na.span),
                    _ => None,
                };
                if let Some(span) = span.or(st.span) {
                    found.push((
                        !x.action.targets_model_resources,
                        span,
                        x.action.name.clone(),
                        pol.address.clone(),
                    ));
                }
            }
        }
    }
    // AWS managed policies granting invoke, where they are attached.
    for (i, p) in ctx.view.principals.iter().enumerate() {
        for g in ctx.grants(i) {
            if ctx.view.policies[g.policy].kind != PolicyKind::AwsManaged {
                continue;
            }
            let best = g
                .granted
                .iter()
                .filter(|x| x.action.category == Category::Invoke)
                .min_by_key(|x| {
                    (
                        !x.action.targets_model_resources,
                        consequence(&x.action.name),
                    )
                });
            if let (Some(x), Some(span)) = (best, g.attachment.or(Some(p.header))) {
                found.push((
                    !x.action.targets_model_resources,
                    span,
                    x.action.name.clone(),
                    grant_address(ctx, g),
                ));
            }
        }
    }
    let path = |s: &Span| ctx.model.files.get(s.file).path.clone();
    // The first model-invoke action string in path order, else the first invoke one.
    let Some((_, span, action, address)) = found
        .into_iter()
        .min_by(|a, b| (a.0, path(&a.1), a.1.start).cmp(&(b.0, path(&b.1), b.1.start)))
    else {
        return;
    };
    out.push(
        Diagnostic::new(
            RuleId::Bl501,
            span,
            format!(
                "{action} is granted by {address} but no {LOGGING_RESOURCE} is configured: model invocations are not logged"
            ),
        )
        .address(address)
        .help(format!(
            "add an {LOGGING_RESOURCE} with a CloudWatch Logs or S3 destination, or set invocation_logging = \"external\" in .bedrock-lint.hcl if another stack configures it"
        )),
    );
}
