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
    // Of every place a model-invoke action is granted (else any invoke action), the
    // first in path order: (not model-invoke, span, action, address). Kept as it goes
    // rather than collected: on a large tree there are thousands.
    let path = |s: &Span| ctx.model.files.get(s.file).path.as_path();
    let mut best: Option<(bool, Span, &str, String)> = None;
    let mut consider =
        |not_model: bool, span: Span, action: &'static str, address: &dyn Fn() -> String| {
            let better = best.as_ref().is_none_or(|b| {
                (not_model, path(&span), span.start) < (b.0, path(&b.1), b.1.start)
            });
            if better {
                best = Some((not_model, span, action, address()));
            }
        };
    for (pol, statements) in ctx.identity_statements() {
        for (st, g) in statements {
            for x in g.granted.iter() {
                if x.action.category != Category::Invoke {
                    continue;
                }
                let span = match (x.pattern, &st.action, &st.not_action) {
                    (Some(i), Some(a), _) => a.items.get(i).and_then(|e| e.primary()),
                    (_, _, Some(na)) => na.key_span.or(na.span),
                    _ => None,
                };
                if let Some(span) = span.or(st.span) {
                    consider(
                        !x.action.targets_model_resources,
                        span,
                        &x.action.name,
                        &|| pol.address.clone(),
                    );
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
            let top = g
                .granted
                .iter()
                .filter(|x| x.action.category == Category::Invoke)
                .min_by_key(|x| {
                    (
                        !x.action.targets_model_resources,
                        consequence(&x.action.name),
                    )
                });
            if let (Some(x), Some(span)) = (top, g.attachment.or(Some(p.header))) {
                consider(
                    !x.action.targets_model_resources,
                    span,
                    &x.action.name,
                    &|| grant_address(ctx, g),
                );
            }
        }
    }
    let Some((_, span, action, address)) = best else {
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
