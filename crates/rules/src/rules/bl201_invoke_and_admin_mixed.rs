//! BL201 invoke-and-admin-mixed: one principal's effective grants include both
//! invoke and admin actions. See rules/BL201-invoke-and-admin-mixed.md.

use crate::catalog::Category;
use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::iam::effective::PrincipalGrant;
use crate::iam::grants::Granted;
use crate::iam::grants::{denied, deny_statements};
use crate::iam::policy::Statement;
use crate::meta::Meta;
use crate::rule_id::RuleId;
use crate::visit::consequence;
use bedrock_lint_parser::Span;

pub const META: Meta = Meta {
    code: "BL201",
    name: "invoke-and-admin-mixed",
    severity: Severity::Error,
    group: "role-separation",
    fix: None,
    frameworks: &["OWASP-NHI5"],
};

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (i, p) in ctx.view.principals.iter().enumerate() {
        let grants = ctx.grants(i);
        let denies = deny_statements(ctx.view, p);
        let (Some(inv), Some(adm)) = (
            pick(grants, Category::Invoke, &denies),
            pick(grants, Category::Admin, &denies),
        ) else {
            continue;
        };
        let who = match &p.name {
            Some(n) => format!("{} \"{n}\"", p.kind.as_str()),
            None => format!("{} {}", p.kind.as_str(), p.address),
        };
        let d = Diagnostic::new(
            RuleId::Bl201,
            p.header,
            format!(
                "{who} can both invoke models ({} on {}) and administer Bedrock ({} on {})",
                inv.1.action.name,
                on(inv.0, inv.1),
                adm.1.action.name,
                on(adm.0, adm.1)
            ),
        );
        out.push(
            d.principal(p.address.clone())
                .label(
                    element(inv.0, inv.1),
                    format!("{} granted here", inv.1.action.name),
                )
                .label(
                    element(adm.0, adm.1),
                    format!("{} granted here", adm.1.action.name),
                )
                .help("split the grants: invoke models from this identity, and administer Bedrock from a separate admin role listed in admin_principals"),
        );
    }
}

/// The first grant of `cat`, preferring a statement that is not time-bound.
fn pick<'a, 'v>(
    grants: &'a [PrincipalGrant<'v>],
    cat: Category,
    denies: &[&Statement],
) -> Option<(&'a PrincipalGrant<'v>, &'a Granted)> {
    let all = grants.iter().flat_map(|g| {
        g.granted
            .iter()
            .filter(move |x| x.action.category == cat)
            .filter(move |x| {
                let res: Vec<&str> = if x.not_resource {
                    vec![]
                } else {
                    x.resources
                        .iter()
                        .filter_map(|&ri| g.stmt.resource.as_ref()?.items.get(ri)?.text())
                        .collect()
                };
                !denied(denies, &x.action.name, &res, x.not_resource)
            })
            .map(move |x| (g, x))
    });
    // The message names the most consequential grant; a permanent one before a
    // time-bound one.
    all.min_by_key(|(g, x)| {
        (
            crate::date::time_bound(g.stmt).is_some(),
            consequence(&x.action.name),
            x.action.name.to_ascii_lowercase(),
        )
    })
}

/// Where the grant is written: the action element (or NotAction key), else the
/// statement, else the attachment.
pub(crate) fn element(g: &PrincipalGrant, x: &Granted) -> Option<Span> {
    let st = g.stmt;
    let at = match x.pattern {
        Some(i) => st
            .action
            .as_ref()
            .and_then(|a| a.items.get(i))
            .and_then(|e| e.primary()),
        None => st
            .not_action
            .as_ref()
            .and_then(|na| na.key_span.or(na.span)),
    };
    at.or(st.span).or(g.attachment)
}

fn on(g: &PrincipalGrant, x: &Granted) -> String {
    if x.not_resource {
        return "every resource NotResource does not exclude".into();
    }
    let texts: Vec<&str> = x
        .resources
        .iter()
        .filter_map(|&ri| g.stmt.resource.as_ref()?.items.get(ri)?.text())
        .collect();
    match texts.len() {
        0 => "its resources".into(),
        1 => format!("\"{}\"", texts[0]),
        n => format!("\"{}\" and {} more", texts[0], n - 1),
    }
}
