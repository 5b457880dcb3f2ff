//! BL501 invocation-logging-missing: invoke actions are granted, and no
//! `aws_bedrock_model_invocation_logging_configuration` exists (and config does not
//! say logging is external). See rules/BL501-invocation-logging-missing.md.

use crate::catalog::Category;
use crate::config::Logging;
use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::iam::grants::statement_grants;
use crate::iam::PolicyKind;
use crate::meta::Meta;
use crate::rule_id::RuleId;
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
    // Every place an invoke action is granted: (span, action, policy address).
    let mut found: Vec<(Span, String, String)> = Vec::new();
    for pol in &ctx.view.policies {
        if pol.kind != PolicyKind::Identity {
            continue;
        }
        for st in &pol.doc.statements {
            if crate::date::expired(st, ctx.today) {
                continue;
            }
            for g in statement_grants(st).granted {
                if g.action.category != Category::Invoke {
                    continue;
                }
                let span = match (g.pattern, &st.action, &st.not_action) {
                    (Some(i), Some(a), _) => a.items.get(i).and_then(|e| e.primary()),
                    (_, _, Some(na)) => na.key_span.or(na.span),
                    _ => None,
                };
                if let Some(span) = span.or(st.span) {
                    found.push((span, g.action.name.clone(), pol.address.clone()));
                }
            }
        }
    }
    // AWS managed policies granting invoke, where they are attached.
    for p in &ctx.view.principals {
        for a in &p.attachments {
            let pol = &ctx.view.policies[a.policy];
            if pol.kind != PolicyKind::AwsManaged {
                continue;
            }
            let invoke = pol.doc.statements.iter().find_map(|st| {
                statement_grants(st)
                    .granted
                    .into_iter()
                    .find(|g| g.action.category == Category::Invoke)
            });
            if let (Some(g), Some(span)) = (invoke, a.span) {
                found.push((span, g.action.name.clone(), pol.address.clone()));
            }
        }
    }
    let path = |s: &Span| ctx.model.files.get(s.file).path.clone();
    let Some((span, action, address)) = found
        .into_iter()
        .min_by(|a, b| (path(&a.0), a.0.start).cmp(&(path(&b.0), b.0.start)))
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
