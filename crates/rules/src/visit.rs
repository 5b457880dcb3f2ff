//! What several rules share: walking the IAM view the same way (per principal, per
//! model-invoke grant) and phrasing the same kind of finding. Rules import from here,
//! never from each other.

use crate::catalog::Category;
use crate::context::Ctx;
use crate::diagnostic::Diagnostic;
use crate::iam::effective::PrincipalGrant;
use crate::iam::grants::{Granted, StatementGrants};
use crate::iam::policy::{Elem, Field, Statement};
use crate::iam::{Policy, PolicyKind};
use crate::rule_id::RuleId;
use bedrock_lint_parser::Span;

/// BL202/BL203: an invoke principal granted a sensitive action of one of `cats`.
pub fn sensitive_findings(
    ctx: &Ctx,
    rule: RuleId,
    cats: &[&str],
    what: &str,
    help: &str,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, p) in ctx.view.principals.iter().enumerate() {
        if !ctx.has_invoke(i) {
            continue;
        }
        let found: Vec<_> = ctx
            .sensitive(i)
            .iter()
            .filter(|s| cats.contains(&s.action.category.as_str()))
            .collect();
        if found.is_empty() {
            continue;
        }
        let who = match &p.name {
            Some(n) => format!("{} \"{n}\"", p.kind.as_str()),
            None => format!("{} {}", p.kind.as_str(), p.address),
        };
        let mut names: Vec<&str> = found.iter().map(|f| f.action.name.as_str()).collect();
        names.sort_by_key(|n| (consequence_rank(n), n.to_ascii_lowercase()));
        let list = name_list(&names);
        let res = resources_of(found[0].stmt);
        let mut d = Diagnostic::new(
            rule,
            p.header,
            format!("invoke {who} {what}: {list} allowed on {res}"),
        )
        .principal(p.address.clone())
        .address(p.address.clone())
        .help(help);
        let mut seen: Vec<Span> = Vec::new();
        for f in &found {
            if let Some(s) = f.at {
                if !seen.contains(&s) {
                    seen.push(s);
                    d = d.label(Some(s), format!("{} granted here", f.action.name));
                }
            }
        }
        out.push(d);
    }
    out
}

/// The most consequential sensitive actions first (RULES.md: `GetSecretValue`,
/// `kms:Decrypt`, `iam:PassRole` before the alphabetical rest).
fn consequence_rank(name: &str) -> u8 {
    const FIRST: [&str; 8] = [
        "secretsmanager:getsecretvalue",
        "kms:decrypt",
        "iam:passrole",
        "ssm:getparameter",
        "iam:createaccesskey",
        "sts:assumerole",
        "iam:putrolepolicy",
        "iam:attachrolepolicy",
    ];
    let l = name.to_ascii_lowercase();
    FIRST
        .iter()
        .position(|f| *f == l)
        .map_or(u8::MAX, |i| i as u8)
}

/// `a`, `a and b`, `a, b and N more`.
pub fn name_list(names: &[&str]) -> String {
    match names.len() {
        0 => String::new(),
        1 => names[0].to_string(),
        2 => format!("{} and {}", names[0], names[1]),
        n => format!("{}, {} and {} more", names[0], names[1], n - 2),
    }
}

/// A statement's resources for a message: `"arn…"`, `"arn…" and 2 more`.
pub fn resources_of(st: &Statement) -> String {
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

/// One resource element of an identity statement that model-invoke actions apply to
/// (RULES.md "Model-invoke action"): what BL101, BL102, BL103 and BL105 judge.
pub struct ModelTarget<'a> {
    pub policy: &'a Policy,
    pub stmt: &'a Statement,
    pub resources: &'a Field,
    pub index: usize,
    pub elem: &'a Elem,
    /// The resource pattern to judge: the string, or a partly known string's
    /// skeleton (`iam::partial`: unknown parts are marker characters).
    pub text: &'a str,
    /// The resource string for messages (`${…}` for unknown parts).
    pub shown: &'a str,
    /// The model-invoke actions granted on it.
    pub actions: Vec<&'a Granted>,
}

impl ModelTarget<'_> {
    /// `bedrock:Invoke* (bedrock:InvokeModel, … and 3 more) is` for a message.
    pub fn phrase(&self) -> String {
        grant_phrase(self.stmt, &self.actions)
    }
}

/// Every resource element model-invoke actions apply to, statement by statement, in
/// policy order (statements with `NotResource` are BL101's alone and not listed).
pub fn model_targets<'a>(ctx: &'a Ctx) -> Vec<ModelTarget<'a>> {
    let mut out = Vec::new();
    for (policy, statements) in ctx.identity_statements() {
        for (stmt, g) in statements {
            if stmt.not_resource.is_some() {
                continue;
            }
            let Some(resources) = &stmt.resource else {
                continue;
            };
            let invoke = model_invoke(g);
            if invoke.is_empty() {
                continue;
            }
            for (index, elem) in resources.items.iter().enumerate() {
                let (Some(text), Some(shown)) = (elem.pattern(), elem.shown()) else {
                    continue;
                };
                // Permissions boundaries: when every principal the policy reaches
                // has one that narrows this grant, the grant as written reaches
                // nobody (the narrowed grant is judged in the access map and the
                // principal rules). A policy attached to nothing stays as written.
                let reached = ctx.reached_by(policy.id);
                let actions: Vec<&Granted> = invoke
                    .iter()
                    .copied()
                    .filter(|x| x.resources.contains(&index))
                    .filter(|x| {
                        reached.is_empty()
                            || reached
                                .iter()
                                .any(|&i| ctx.boundary_keeps(i, &x.action.name, text))
                    })
                    .collect();
                if !actions.is_empty() {
                    out.push(ModelTarget {
                        policy,
                        stmt,
                        resources,
                        index,
                        elem,
                        text,
                        shown,
                        actions,
                    });
                }
            }
        }
    }
    out
}

/// The model-invoke grants of a statement.
pub fn model_invoke(g: &StatementGrants) -> Vec<&Granted> {
    g.granted
        .iter()
        .filter(|x| x.action.category == Category::Invoke && x.action.targets_model_resources)
        .collect()
}

/// The action patterns as written, and the most consequential actions they grant:
/// `bedrock:InvokeModel is`, `bedrock:Invoke* (bedrock:InvokeModel,
/// bedrock:InvokeModelWithResponseStream and 3 more) is`, `NotAction (…) is`.
pub fn grant_phrase(st: &Statement, actions: &[&Granted]) -> String {
    let mut names: Vec<&str> = actions.iter().map(|x| x.action.name.as_str()).collect();
    names.sort_by_key(|n| (consequence(n), n.to_ascii_lowercase()));
    names.dedup();
    let mut written: Vec<&str> = Vec::new();
    let mut via_not_action = false;
    for x in actions {
        match x
            .pattern
            .and_then(|i| st.action.as_ref()?.items.get(i)?.text())
        {
            Some(t) if !written.contains(&t) => written.push(t),
            Some(_) => {}
            None => via_not_action = true,
        }
    }
    let exact = !via_not_action
        && written.len() == names.len()
        && written
            .iter()
            .all(|w| names.iter().any(|n| n.eq_ignore_ascii_case(w)));
    if exact {
        let verb = if names.len() == 1 { "is" } else { "are" };
        return format!("{} {verb}", name_list(&names));
    }
    let mut patterns: Vec<&str> = written;
    if via_not_action {
        patterns.push("NotAction");
    }
    format!("{} ({}) is", name_list(&patterns), name_list(&names))
}

/// Actions by consequence (RULES.md "Messages"): `InvokeModel` and
/// `InvokeModelWithResponseStream` lead the invoke actions; logging, guardrail,
/// model-access and IAM changes lead the admin ones. Lower is more consequential.
pub fn consequence(name: &str) -> u8 {
    const FIRST: [&str; 6] = [
        "bedrock:invokemodel",
        "bedrock:invokemodelwithresponsestream",
        "bedrock:invokemodelwithbidirectionalstream",
        "bedrock:createmodelinvocationjob",
        "bedrock:invokeagent",
        "bedrock:invokeflow",
    ];
    let l = name.to_ascii_lowercase();
    if let Some(i) = FIRST.iter().position(|f| *f == l) {
        return i as u8;
    }
    const ADMIN: [&str; 7] = [
        "modelinvocationlogging",
        "guardrail",
        "foundationmodelentitlement",
        "modelagreement",
        "usecaseformodelaccess",
        "resourcepolicy",
        "provisionedmodelthroughput",
    ];
    ADMIN
        .iter()
        .position(|f| l.contains(f))
        .map_or(u8::MAX, |i| 10 + i as u8)
}

/// `bedrock:InvokeModel, bedrock:InvokeModelWithResponseStream and 3 more`: granted
/// actions, the most consequential first.
pub fn action_names<'g>(granted: impl Iterator<Item = &'g Granted>) -> String {
    let mut names: Vec<&str> = granted.map(|x| x.action.name.as_str()).collect();
    names.sort_by_key(|n| (consequence(n), n.to_ascii_lowercase()));
    names.dedup();
    name_list(&names)
}

/// The Terraform address a finding on a grant carries: the policy resource, or for an
/// AWS managed policy (no resource of its own) the attachment.
pub fn grant_address(ctx: &Ctx, g: &PrincipalGrant) -> String {
    let pol = &ctx.view.policies[g.policy];
    match pol.kind {
        PolicyKind::AwsManaged => ctx.resource(g.attached_by).address.clone(),
        _ => pol.address.clone(),
    }
}
