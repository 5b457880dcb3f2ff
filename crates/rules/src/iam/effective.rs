//! A principal's effective grants (RULES.md "Principal"): every Allow statement
//! reaching it, less what an explicit Deny exactly covers, intersected with its
//! permissions boundary. The one definition the rules and the access map share.

use super::boundary;
use std::sync::Arc;

use super::grants::{denied, deny_statements, statement_grants, Granted, StatementGrants};
use super::policy::{Effect, Statement};
use super::view::{Boundary, IamView, PolicyKind, Principal};
use crate::catalog::Category;

/// One statement's grant reaching a principal.
#[derive(Debug)]
pub struct PrincipalGrant<'v> {
    pub policy: usize,
    pub statement: usize,
    pub stmt: &'v Statement,
    /// Shared with the policy's expanded statement unless a boundary or a Deny
    /// changes it: every principal a policy is attached to would otherwise hold a copy.
    pub granted: Arc<[Granted]>,
    /// The attachment's span (where the policy reaches the principal).
    pub attachment: Option<bedrock_lint_parser::Span>,
    /// The resource that attaches it (the address a finding on an AWS managed
    /// policy carries).
    pub attached_by: usize,
}

/// A principal's effective grants: every Allow statement of every attached identity
/// policy, less actions an unconditional Deny covers on every resource they apply to
/// (RULES.md: a partial Deny removes nothing).
pub fn principal_grants<'v>(
    view: &'v IamView,
    p: &Principal,
    today: crate::date::Date,
) -> Vec<PrincipalGrant<'v>> {
    principal_grants_with(view, p, today, |_| None)
}

/// [`principal_grants`], taking a policy's statements in force with their grants from
/// `expanded` where it has them (the rules' context expands each identity policy once).
pub fn principal_grants_with<'v, 's>(
    view: &'v IamView,
    p: &Principal,
    today: crate::date::Date,
    expanded: impl Fn(usize) -> Option<&'s [(&'v Statement, StatementGrants)]>,
) -> Vec<PrincipalGrant<'v>>
where
    'v: 's,
{
    let mut out = Vec::new();
    for a in &p.attachments {
        let pol = &view.policies[a.policy];
        if pol.kind == PolicyKind::Trust {
            continue;
        }
        if let Some(list) = expanded(a.policy) {
            for (st, g) in list.iter().filter(|(st, _)| st.effect == Effect::Allow) {
                let si = pol
                    .doc
                    .statements
                    .iter()
                    .position(|x| std::ptr::eq(x, *st))
                    .unwrap_or_default();
                out.push(PrincipalGrant {
                    policy: a.policy,
                    statement: si,
                    stmt: st,
                    granted: g.granted.clone(),
                    attachment: a.span,
                    attached_by: a.resource,
                });
            }
            continue;
        }
        for (si, st) in pol.doc.statements.iter().enumerate() {
            if crate::date::expired(st, today) {
                continue;
            }
            match st.effect {
                Effect::Allow => {
                    let g = statement_grants(st);
                    out.push(PrincipalGrant {
                        policy: a.policy,
                        statement: si,
                        stmt: st,
                        granted: g.granted,
                        attachment: a.span,
                        attached_by: a.resource,
                    });
                }
                // Deny statements are applied below, all at once.
                Effect::Deny | Effect::Unknown => {}
            }
        }
    }
    if let Boundary::Known(b) = p.boundary {
        let allowed = boundary::allowed(&view.policies[b].doc, today);
        for g in &mut out {
            let st = g.stmt;
            let mut narrowed = g.granted.to_vec();
            narrowed.retain_mut(|gr| boundary::intersect(gr, st, &allowed));
            g.granted = narrowed.into();
        }
    }
    let precise = deny_statements(view, p);
    for g in &mut out {
        let st = g.stmt;
        let kept = |gr: &Granted| {
            let res: Vec<&str> = st
                .resource
                .as_ref()
                .map(|r| {
                    gr.resources
                        .iter()
                        .filter_map(|&i| r.items[i].text())
                        .collect()
                })
                .unwrap_or_default();
            !denied(&precise, &gr.action.name, &res, gr.not_resource)
        };
        // Copied only when a Deny removes something.
        if !g.granted.iter().all(kept) {
            g.granted = g.granted.iter().filter(|gr| kept(gr)).cloned().collect();
        }
    }
    out
}

/// Does any grant include an action of `cat`?
pub fn has_category(grants: &[PrincipalGrant], cat: Category) -> bool {
    grants
        .iter()
        .any(|g| g.granted.iter().any(|x| x.action.category == cat))
}
