//! BL401 session-too-long: a role with Bedrock grants has `max_session_duration` above
//! the configured maximum. See rules/BL401-session-too-long.md.

use crate::context::Ctx;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};

use crate::iam::PrincipalKind;
use crate::meta::Meta;
use crate::rule_id::RuleId;
use bedrock_lint_parser::value::format_number;

pub const META: Meta = Meta {
    code: "BL401",
    name: "session-too-long",
    severity: Severity::Warning,
    group: "sessions-and-trust",
    fix: Some(Applicability::Unsafe),
    frameworks: &["OWASP-NHI7"],
};

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let max = ctx.config.max_session_duration;
    for (i, p) in ctx.view.principals.iter().enumerate() {
        if p.kind != PrincipalKind::Role {
            continue;
        }
        let Some(v) = &p.max_session_duration else {
            continue;
        };
        let Some(secs) = v.as_number() else { continue };
        if secs <= max as f64 || !ctx.has_bedrock(i) {
            continue;
        }
        let Some(span) = v.best_span() else { continue };
        let role = p.name.as_deref().unwrap_or(&p.address);
        let fix = match (v.span, v.via) {
            (Some(span), None) => Some(Fix {
                applicability: Applicability::Unsafe,
                description: format!("set max_session_duration to {max}"),
                edits: vec![Edit {
                    span,
                    replacement: max.to_string(),
                }],
            }),
            _ => None,
        };
        out.push(
            Diagnostic::new(
                RuleId::Bl401,
                span,
                format!(
                    "role {role} has Bedrock grants and a max_session_duration of {} seconds, above the maximum of {max}",
                    format_number(secs)
                ),
            )
            .address(p.address.clone())
            .principal(p.address.clone())
            .label(v.via, "used as the role's max_session_duration here")
            .help(format!(
                "set max_session_duration to {max} seconds or less; callers re-assume the role when a session ends"
            ))
            .fix(fix),
        );
    }
}
