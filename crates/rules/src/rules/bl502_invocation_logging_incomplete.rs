//! BL502 invocation-logging-incomplete: the logging configuration has no destination
//! or turns text data delivery off. See rules/BL502-invocation-logging-incomplete.md.

use super::bl501_invocation_logging_missing::LOGGING_RESOURCE;
use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::meta::Meta;
use crate::rule_id::RuleId;
use bedrock_lint_parser::eval::policy_document::blocks;
use bedrock_lint_parser::Mode;

pub const META: Meta = Meta {
    code: "BL502",
    name: "invocation-logging-incomplete",
    severity: Severity::Warning,
    group: "governance",
    fix: None,
    frameworks: &["NIST-AI-RMF-GOVERN"],
};

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for r in &ctx.model.resources {
        if r.mode != Mode::Managed || r.rtype != LOGGING_RESOURCE {
            continue;
        }
        let configs = blocks(&r.body, "logging_config");
        let mut problems = Vec::new();
        let no_destination = configs.iter().all(|c| {
            blocks(c, "cloudwatch_config").is_empty() && blocks(c, "s3_config").is_empty()
        });
        if no_destination {
            problems.push("has no destination (neither cloudwatch_config nor s3_config)");
        }
        if configs.iter().any(|c| {
            c.get("text_data_delivery_enabled")
                .and_then(|v| v.as_bool())
                == Some(false)
        }) {
            problems.push("turns text data delivery off");
        }
        if problems.is_empty() {
            continue;
        }
        out.push(
            Diagnostic::new(
                RuleId::Bl502,
                r.header,
                format!("{} {}", r.address, problems.join(" and ")),
            )
            .address(r.address.clone())
            .help("add a cloudwatch_config or s3_config block to logging_config and keep text_data_delivery_enabled = true"),
        );
    }
}
