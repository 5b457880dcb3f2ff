//! BL405 role-shared-across-environments: with `environment` blocks configured, the
//! same role (literal name, or provider `assume_role` ARN) appears under more than one
//! environment's paths. See rules/BL405-role-shared-across-environments.md.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::iam::PrincipalKind;
use crate::meta::Meta;
use crate::rule_id::RuleId;
use bedrock_lint_parser::eval::policy_document::blocks;
use bedrock_lint_parser::{Mode, Span};
use std::collections::BTreeMap;

pub const META: Meta = Meta {
    code: "BL405",
    name: "role-shared-across-environments",
    severity: Severity::Warning,
    group: "sessions-and-trust",
    fix: None,
    frameworks: &["OWASP-NHI8", "OWASP-NHI9"],
};

struct Occurrence {
    envs: Vec<String>,
    span: Span,
    via: Option<Span>,
    address: String,
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    if ctx.config.environments.len() < 2 {
        return;
    }
    // (kind, identity) -> occurrences
    let mut by_role: BTreeMap<(&'static str, String), Vec<Occurrence>> = BTreeMap::new();
    for p in &ctx.view.principals {
        if p.kind != PrincipalKind::Role || p.environments.is_empty() {
            continue;
        }
        let r = ctx.resource(p.resource);
        let Some(v) = r.body.get("name") else {
            continue;
        };
        let (Some(name), Some(span)) = (v.as_str(), v.best_span()) else {
            continue;
        };
        by_role
            .entry(("name", name.to_string()))
            .or_default()
            .push(Occurrence {
                envs: p.environments.clone(),
                span,
                via: v.via,
                address: p.address.clone(),
            });
    }
    for r in &ctx.model.resources {
        if r.mode != Mode::Provider || r.rtype != "aws" {
            continue;
        }
        let envs = ctx
            .config
            .environments_of(&ctx.model.files.get(r.header.file).path);
        if envs.is_empty() {
            continue;
        }
        for ar in blocks(&r.body, "assume_role") {
            let Some(v) = ar.get("role_arn") else {
                continue;
            };
            let (Some(arn), Some(span)) = (v.as_str(), v.best_span()) else {
                continue;
            };
            by_role
                .entry(("arn", arn.to_string()))
                .or_default()
                .push(Occurrence {
                    envs: envs.clone(),
                    span,
                    via: v.via,
                    address: r.address.clone(),
                });
        }
    }
    for ((kind, id), mut occ) in by_role {
        let mut all: Vec<&String> = occ.iter().flat_map(|o| o.envs.iter()).collect();
        all.sort();
        all.dedup();
        if all.len() < 2 {
            continue;
        }
        let path = |s: &Span| ctx.model.files.get(s.file).path.clone();
        occ.sort_by_key(|o| (path(&o.span), o.span.start));
        occ.dedup_by(|a, b| a.span == b.span);
        let first = &occ[0];
        let first_env = first.envs.join(", ");
        let what = match kind {
            "name" => format!("role {id}"),
            _ => format!("role ARN {id}"),
        };
        for o in &occ[1..] {
            out.push(
                Diagnostic::new(
                    RuleId::Bl405,
                    o.span,
                    format!(
                        "{what} is used in environment {} and also in {first_env}",
                        o.envs.join(", ")
                    ),
                )
                .address(o.address.clone())
                .label(o.via, "used here")
                .label(Some(first.span), format!("first used in {first_env} here"))
                .help("give each environment its own role (e.g. a name suffixed with the environment), ideally in its own account"),
            );
        }
    }
}
