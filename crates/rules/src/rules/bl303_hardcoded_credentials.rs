//! BL303 hardcoded-credentials: a literal `access_key`, `secret_key` or `token` in a
//! `provider "aws"` block, or any literal that looks like an AWS access key id.
//! See rules/BL303-hardcoded-credentials.md. Never prints a secret.

use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::meta::Meta;
use crate::rule_id::RuleId;
use bedrock_lint_parser::model::load::FileKind;
use bedrock_lint_parser::syntax::ast::{Body, Expr, ExprKind, ObjectKey, Template, TemplatePart};
use bedrock_lint_parser::{Mode, Span};

pub const META: Meta = Meta {
    code: "BL303",
    name: "hardcoded-credentials",
    severity: Severity::Error,
    group: "credentials",
    fix: None,
    frameworks: &["OWASP-NHI2"],
};

const HELP: &str = "remove the credential from the code, rotate it, and let the provider read credentials from the environment (an OIDC-assumed role in CI, `aws sso login` locally)";

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let mut seen: Vec<Span> = Vec::new();
    // Provider credentials, wherever the literal is written (tfvars, defaults).
    for r in &ctx.model.resources {
        if r.mode != Mode::Provider || r.rtype != "aws" {
            continue;
        }
        for key in ["access_key", "secret_key", "token"] {
            let Some(v) = r.body.get(key) else { continue };
            let Some(text) = v.as_str() else { continue };
            let Some(span) = v.span.or(v.via) else {
                continue;
            };
            if text.is_empty() || seen.contains(&span) {
                continue;
            }
            seen.push(span);
            let what = match key {
                "access_key" => match find_key_id(text) {
                    Some(id) => format!("access key id {}", mask(id)),
                    None => "access key id".into(),
                },
                "secret_key" => "secret access key".into(),
                _ => "session token".into(),
            };
            out.push(
                Diagnostic::new(
                    RuleId::Bl303,
                    span,
                    format!("{what} hardcoded as `{key}` of the aws provider"),
                )
                .address(r.address.clone())
                .label(v.via, "used by the aws provider here")
                .help(HELP),
            );
        }
    }
    // Any literal that looks like an access key id, in any configuration file.
    for (fid, _) in ctx.model.files.iter() {
        let Some(parsed) = ctx.model.parsed(fid) else {
            continue;
        };
        if !matches!(
            parsed.kind,
            FileKind::Config | FileKind::ConfigJson | FileKind::Vars | FileKind::VarsJson
        ) {
            continue;
        }
        let Some(body) = &parsed.body else { continue };
        let mut hits = Vec::new();
        walk_body(body, &mut hits);
        for (span, id) in hits {
            if seen.contains(&span) {
                continue;
            }
            seen.push(span);
            out.push(
                Diagnostic::new(
                    RuleId::Bl303,
                    span,
                    format!(
                        "AWS access key id {} written in the configuration",
                        mask(&id)
                    ),
                )
                .help(HELP),
            );
        }
    }
}

fn walk_body(b: &Body, hits: &mut Vec<(Span, String)>) {
    for a in &b.attributes {
        walk_expr(&a.value, hits);
    }
    for blk in &b.blocks {
        walk_body(&blk.body, hits);
    }
}

fn walk_expr(e: &Expr, hits: &mut Vec<(Span, String)>) {
    match &e.kind {
        ExprKind::Template(t) => walk_template(t, e.span, hits),
        ExprKind::Array(items) => items.iter().for_each(|i| walk_expr(i, hits)),
        ExprKind::Object(items) => {
            for i in items {
                if let ObjectKey::Expr(k) = &i.key {
                    walk_expr(k, hits);
                }
                walk_expr(&i.value, hits);
            }
        }
        ExprKind::Traversal(t) => walk_expr(&t.root, hits),
        ExprKind::Call(c) => c.args.iter().for_each(|a| walk_expr(a, hits)),
        ExprKind::Conditional(a, b, c) => {
            walk_expr(a, hits);
            walk_expr(b, hits);
            walk_expr(c, hits);
        }
        ExprKind::Unary(_, a) => walk_expr(a, hits),
        ExprKind::Binary(_, a, b) => {
            walk_expr(a, hits);
            walk_expr(b, hits);
        }
        ExprKind::For(f) => {
            walk_expr(&f.collection, hits);
            if let Some(k) = &f.key_expr {
                walk_expr(k, hits);
            }
            walk_expr(&f.value_expr, hits);
            if let Some(c) = &f.cond {
                walk_expr(c, hits);
            }
        }
        _ => {}
    }
}

fn walk_template(t: &Template, span: Span, hits: &mut Vec<(Span, String)>) {
    for p in &t.parts {
        match p {
            TemplatePart::Literal { text, .. } => {
                if let Some(id) = find_key_id(text) {
                    if !hits.iter().any(|(s, _)| *s == span) {
                        hits.push((span, id.to_string()));
                    }
                }
            }
            TemplatePart::Interp(e) => walk_expr(e, hits),
            TemplatePart::If(i) => {
                walk_expr(&i.cond, hits);
                walk_template(&i.then, span, hits);
                walk_template(&i.otherwise, span, hits);
            }
            TemplatePart::For(f) => {
                walk_expr(&f.collection, hits);
                walk_template(&f.body, span, hits);
            }
        }
    }
}

/// Can a literal in this file hold an access key id? Only then does the scan above
/// need the file's syntax tree. A literal's text is the source's but for escapes, and
/// the only escapes that can write a letter or digit are `\u`/`\U`: a file with
/// those is always scanned.
pub fn reads_syntax(text: &str) -> bool {
    // The substring tests first: they are fast, and most files have neither.
    let maybe_key = text.contains("AKIA") || text.contains("ASIA");
    (maybe_key && find_key_id(text).is_some()) || text.contains("\\u") || text.contains("\\U")
}

/// The first `AKIA`/`ASIA` + 16 upper-case letters or digits, not inside a longer word.
pub fn find_key_id(text: &str) -> Option<&str> {
    let b = text.as_bytes();
    let key_char = |c: u8| c.is_ascii_uppercase() || c.is_ascii_digit();
    let mut i = 0;
    while i + 20 <= b.len() {
        if (b[i..].starts_with(b"AKIA") || b[i..].starts_with(b"ASIA"))
            && (i == 0 || !key_char(b[i - 1]))
            && b[i + 4..i + 20].iter().all(|&c| key_char(c))
            && b.get(i + 20).is_none_or(|&c| !key_char(c))
        {
            return Some(&text[i..i + 20]);
        }
        i += 1;
    }
    None
}

/// `AKIA…MPLE`: the first and last four characters only.
fn mask(id: &str) -> String {
    if id.len() < 12 {
        return "…".into();
    }
    format!("{}…{}", &id[..4], &id[id.len() - 4..])
}
