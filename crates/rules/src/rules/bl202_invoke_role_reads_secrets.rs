//! BL202 invoke-role-reads-secrets: an invoke principal can also read secrets,
//! parameters, decrypt with KMS on `*`, or read source repositories.
//! See rules/BL202-invoke-role-reads-secrets.md.

use crate::catalog::{catalog, wildcard_match, Category};
use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::iam::grants::has_category;
use crate::iam::grants::{denied, deny_statements};
use crate::iam::policy::{Effect, Statement};
use crate::iam::PolicyKind;
use crate::registry::{Meta, RuleId};
use bedrock_lint_parser::Span;

pub const META: Meta = Meta {
    code: "BL202",
    name: "invoke-role-reads-secrets",
    severity: Severity::Warning,
    group: "role-separation",
    fix: None,
    frameworks: &["OWASP-NHI5"],
};

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    sensitive(
        ctx,
        out,
        RuleId::Bl202,
        &["secrets", "source"],
        "can read secrets or source",
        "move secret and source reads to a separate identity, or scope them to the named secret, parameter, key or repository ARNs",
    );
}

/// Shared with BL203: an invoke principal granted a sensitive action of `cats`.
pub(crate) fn sensitive(
    ctx: &Ctx,
    out: &mut Vec<Diagnostic>,
    rule: RuleId,
    cats: &[&str],
    what: &str,
    help: &str,
) {
    let today = ctx.today;
    for (i, p) in ctx.view.principals.iter().enumerate() {
        if !has_category(ctx.grants(i), Category::Invoke) {
            continue;
        }
        let denies = deny_statements(ctx.view, p);
        // (action, statement, where the grant is written)
        let mut found: Vec<(&str, &Statement, Option<Span>)> = Vec::new();
        for a in &p.attachments {
            let pol = &ctx.view.policies[a.policy];
            if pol.kind == PolicyKind::Trust {
                continue;
            }
            for st in &pol.doc.statements {
                if st.effect != Effect::Allow || crate::date::expired(st, today) {
                    continue;
                }
                let wildcard = st.not_resource.is_some()
                    || st
                        .resource
                        .as_ref()
                        .is_some_and(|r| r.texts().any(|t| t == "*"));
                let res: Vec<&str> = st
                    .resource
                    .as_ref()
                    .map(|r| r.texts().collect())
                    .unwrap_or_default();
                let mut hit = |name: &'static str, at: Option<Span>| {
                    if !denied(&denies, name, &res, st.not_resource.is_some())
                        && !found.iter().any(|(n, ..)| *n == name)
                    {
                        found.push((name, st, at.or(st.span).or(a.span)));
                    }
                };
                if let Some(act) = &st.action {
                    for e in &act.items {
                        let Some(t) = &e.text else { continue };
                        for s in catalog().sensitive_matching(t) {
                            if cats.contains(&s.category.as_str())
                                && (s.flag_when == "always" || wildcard)
                            {
                                hit(s.name.as_str(), e.primary());
                            }
                        }
                    }
                } else if let Some(na) = &st.not_action {
                    if na.is_unknown() {
                        continue;
                    }
                    let pats: Vec<String> = na.texts().map(str::to_ascii_lowercase).collect();
                    for s in &catalog().sensitive {
                        let l = s.name.to_ascii_lowercase();
                        if cats.contains(&s.category.as_str())
                            && (s.flag_when == "always" || wildcard)
                            && !pats.iter().any(|p| wildcard_match(p, &l))
                        {
                            hit(s.name.as_str(), na.key_span.or(na.span));
                        }
                    }
                }
            }
        }
        if found.is_empty() {
            continue;
        }
        let who = match &p.name {
            Some(n) => format!("{} \"{n}\"", p.kind.as_str()),
            None => format!("{} {}", p.kind.as_str(), p.address),
        };
        let mut names: Vec<&str> = found.iter().map(|f| f.0).collect();
        names.sort();
        let list = match names.len() {
            1 => names[0].to_string(),
            2 => format!("{} and {}", names[0], names[1]),
            n => format!("{}, {} and {} more", names[0], names[1], n - 2),
        };
        let res = on(found[0].1);
        let mut d = Diagnostic::new(
            rule,
            p.header,
            format!("invoke {who} {what}: {list} allowed on {res}"),
        );
        // Time-bound only when every statement granting it is.
        let bounds: Vec<Option<String>> = found
            .iter()
            .map(|f| crate::date::time_bound(f.1).map(|(_, t)| t))
            .collect();
        if bounds.iter().all(Option::is_some) {
            d.time_bound = bounds.into_iter().flatten().max();
        }
        let mut d = d.principal(p.address.clone()).help(help);
        let mut seen: Vec<Span> = Vec::new();
        for (name, _, at) in &found {
            if let Some(s) = at {
                if !seen.contains(s) {
                    seen.push(*s);
                    d = d.label(Some(*s), format!("{name} granted here"));
                }
            }
        }
        out.push(d);
    }
}

fn on(st: &Statement) -> String {
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
        n => format!("\"{}\" and {} more", texts[0], n - 1),
    }
}
