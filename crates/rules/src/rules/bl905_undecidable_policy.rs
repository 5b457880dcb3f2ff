//! BL905 undecidable-policy: a principal's Bedrock grants, or a trust policy, cannot be
//! decided because a value is unknown. See rules/BL905-undecidable-policy.md.

use crate::catalog::catalog;
use crate::context::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::iam::partial::unknown_matters;
use crate::iam::policy::{Effect, PolicyDoc, Statement};
use crate::iam::trust::{account_root, is_bedrock_pattern, provider_of};
use crate::iam::PrincipalKind;
use crate::meta::Meta;
use crate::rule_id::RuleId;
use bedrock_lint_parser::model::load::IssueKind;
use bedrock_lint_parser::value::{Kind, Value};
use bedrock_lint_parser::Span;

pub const META: Meta = Meta {
    code: "BL905",
    name: "undecidable-policy",
    severity: Severity::Note,
    group: "linter",
    fix: None,
    frameworks: &["NIST-AI-RMF-GOVERN"],
};

struct Out<'o> {
    out: &'o mut Vec<Diagnostic>,
    seen: Vec<Span>,
}

impl Out<'_> {
    fn push(&mut self, span: Option<Span>, msg: String, address: &str, help: &str) {
        let Some(span) = span else { return };
        if self.seen.contains(&span) {
            return;
        }
        self.seen.push(span);
        self.out.push(
            Diagnostic::new(RuleId::Bl905, span, msg)
                .address(address.to_string())
                .help(help.to_string()),
        );
    }
}

const HELP: &str = "make the value static (a literal, a local, or a variable with a default or tfvars value), or lint the plan JSON with --plan where the value is known";

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let mut o = Out {
        out,
        seen: Vec::new(),
    };
    // Modules that could not be followed (missing, a cycle, too deep): whatever they
    // define is not analysed, so say so rather than stay silent.
    for issue in ctx
        .model
        .issues
        .iter()
        .filter(|i| i.kind == IssueKind::Module)
    {
        let mut d = Diagnostic::new(RuleId::Bl905, issue.span, format!("{}; its resources and outputs are not analysed", issue.message))
            .help("make the module source resolvable inside the scanned tree (or run terraform init for remote modules)");
        if let Some(a) = &issue.address {
            d = d.address(a.clone());
        }
        o.out.push(d);
    }
    // Registry or git modules that are not installed, handed a Bedrock grant: what
    // they do with it is not known, so say so once per module call.
    let mut calls: Vec<Span> = Vec::new();
    for m in &ctx.model.uninstalled {
        if calls.contains(&m.header) {
            continue;
        }
        let Some((input, value, span)) = m
            .inputs
            .iter()
            .find_map(|e| bedrock_value(&e.value).map(|(v, s)| (&e.key, v, s)))
        else {
            continue;
        };
        calls.push(m.header);
        o.out.push(
            Diagnostic::new(
                RuleId::Bl905,
                span.unwrap_or(m.header),
                format!(
                    "module {} (\"{}\") is not installed, and its input {input} hands it {value}: the Bedrock access it grants cannot be checked",
                    m.address, m.source
                ),
            )
            .address(m.address.clone())
            .label(Some(m.header), "the module call")
            .help("run terraform init so .terraform/modules holds the module (bedrock-lint reads it there), or lint the plan JSON with --plan"),
        );
    }
    // An unknown region is one region, not a wildcard (BL103 stays silent); with
    // approved_regions set, whether it is approved cannot be known: say so.
    if ctx.config.approved_regions.is_some() {
        for t in crate::visit::model_targets(ctx) {
            let Some((region, ..)) = crate::iam::grants::arn_parts(t.text) else {
                continue;
            };
            if !crate::iam::partial::has_hole(region) || crate::iam::grants::is_any_model(t.text) {
                continue;
            }
            o.push(
                t.elem.primary(),
                format!(
                    "the region of \"{}\" is not known statically, so whether it is in approved_regions cannot be checked",
                    t.shown
                ),
                &t.policy.address,
                "name the region in the ARN, or add a StringEquals aws:RequestedRegion condition naming approved regions",
            );
        }
    }
    // Identity policies: grants that cannot be decided.
    for (pol, statements) in ctx.identity_statements() {
        let a = &pol.address;
        doc_unknowns(&pol.doc, pol.span, a, "its Bedrock grants", &mut o);
        for (st, g) in statements {
            if !may_grant_bedrock(st) {
                continue;
            }
            if let Some((what, span)) = &g.unknown {
                o.push(
                    span.or(st.span),
                    format!("the Bedrock grants of {a} cannot be checked: {what} is not known statically"),
                    a,
                    HELP,
                );
            }
        }
    }
    // Principals: attachments whose policy cannot be known; trust policies.
    for (i, p) in ctx.view.principals.iter().enumerate() {
        for (what, span) in &p.unknown {
            o.push(
                *span,
                format!(
                    "the Bedrock grants of {} {} cannot be checked: {what} is not known statically",
                    p.kind.as_str(),
                    p.name.as_deref().unwrap_or(&p.address)
                ),
                &p.address,
                HELP,
            );
        }
        if p.kind != PrincipalKind::Role {
            continue;
        }
        let Some(t) = p.trust else { continue };
        if !ctx.has_bedrock(i) {
            continue;
        }
        let pol = &ctx.view.policies[t];
        let role = p.name.as_deref().unwrap_or(&p.address);
        let subject = format!("the trust policy of role {role}");
        doc_unknowns(&pol.doc, pol.span, &p.address, "its trust policy", &mut o);
        for st in &pol.doc.statements {
            if crate::date::expired(st, ctx.today) {
                continue;
            }
            if st.effect == Effect::Unknown {
                o.push(
                    st.span,
                    format!("{subject} cannot be checked: the statement's Effect is not known statically"),
                    &p.address,
                    HELP,
                );
            }
            if st.effect == Effect::Deny {
                continue;
            }
            let Some(pr) = &st.principal else { continue };
            if let Some(what) = &pr.unknown {
                o.push(
                    pr.span.or(pr.key_span),
                    format!("{subject} cannot be checked: its Principal ({what}) is not known statically"),
                    &p.address,
                    HELP,
                );
            }
            for (ty, f) in &pr.entries {
                let relevant = ty == "*"
                    || ty.eq_ignore_ascii_case("AWS")
                    || ty.eq_ignore_ascii_case("Federated");
                if !relevant {
                    continue;
                }
                for e in f.items.iter().filter(|e| e.text().is_none()) {
                    let what = e.unknown().unwrap_or("(unknown)");
                    // A reference to a role, user or OIDC provider of this
                    // configuration names one principal: decidable.
                    if names_resource(what)
                        || e.partial()
                            .is_some_and(|(s, _)| !unknown_matters(s) || account_root(s).is_some())
                        || (ty.eq_ignore_ascii_case("Federated") && provider_of(e).is_some())
                    {
                        continue;
                    }
                    o.push(
                        e.primary(),
                        format!("{subject} cannot be checked: the {ty} principal {what} is not known statically"),
                        &p.address,
                        HELP,
                    );
                }
            }
        }
        for wi in ctx.web_identities(&pol.doc) {
            if wi.sub_conditions().is_empty() {
                if let Some(c) = wi.stmt.conditions.iter().find(|c| {
                    let claim = format!("{}:sub", wi.host.as_deref().unwrap_or("provider"));
                    c.key_unknown() && c.key_may_be(&claim)
                }) {
                    let what = c.values.unknown.as_deref().unwrap_or("(unknown)");
                    o.push(
                        c.key_span.or(c.operator_span).or(wi.stmt.span),
                        format!("{subject} cannot be checked: a {} condition ({what}) is not known statically, so whether it pins the provider's sub claim is not known", c.operator),
                        &p.address,
                        HELP,
                    );
                }
            }
            for c in wi.sub_conditions() {
                if !c.values.is_unknown() {
                    continue;
                }
                let (what, span) = match c.values.items.iter().find(|e| e.text().is_none()) {
                    Some(e) => (e.unknown().unwrap_or("(unknown)").to_string(), e.primary()),
                    None => (
                        c.values
                            .unknown
                            .clone()
                            .unwrap_or_else(|| "(unknown)".into()),
                        c.values.span.or(c.key_span),
                    ),
                };
                o.push(
                    span.or(c.key_span),
                    format!("{subject} cannot be checked: the {} condition value {what} is not known statically", c.key),
                    &p.address,
                    HELP,
                );
            }
        }
    }
}

fn doc_unknowns(doc: &PolicyDoc, span: Option<Span>, address: &str, what_of: &str, o: &mut Out) {
    if let Some(what) = &doc.unknown {
        o.push(
            doc.span.or(span),
            format!("{address} cannot be checked for {what_of}: the policy ({what}) is not known statically"),
            address,
            HELP,
        );
    }
    for (what, s) in &doc.unknown_statements {
        o.push(
            s.or(doc.span).or(span),
            format!("{address} cannot be checked for {what_of}: a statement ({what}) is not known statically"),
            address,
            HELP,
        );
    }
}

/// Could the statement grant a Bedrock action? Not when every known action is
/// outside Bedrock and only some other element is unknown.
fn may_grant_bedrock(st: &Statement) -> bool {
    match &st.action {
        Some(a) => {
            let known: Vec<&str> = a.texts().collect();
            known.is_empty() || known.iter().any(|t| is_bedrock_pattern(t))
        }
        None => true,
    }
}

/// An unknown that is a resource's attribute in this configuration (a role's or
/// user's ARN), naming one specific principal.
fn names_resource(what: &str) -> bool {
    [
        "aws_iam_role.",
        "aws_iam_user.",
        "data.aws_iam_role.",
        "data.aws_iam_user.",
    ]
    .iter()
    .any(|p| what.starts_with(p))
}

/// The first Bedrock action pattern, or ARN of an AWS managed policy granting
/// Bedrock actions, inside a module input (lists, objects and policy JSON included),
/// with where it is written.
fn bedrock_value(v: &Value) -> Option<(String, Option<Span>)> {
    match &v.kind {
        Kind::String(s) => {
            let t = s.text();
            if catalog().managed_policy(t).is_some() {
                return Some((format!("the AWS managed policy {t}"), v.span.or(v.via)));
            }
            // An action with a Bedrock prefix (`*` alone is any resource, not a grant).
            let action = |w: &str| catalog().is_bedrock_prefix(w) && is_bedrock_pattern(w);
            if action(t) {
                return Some((format!("the action {t}"), v.span.or(v.via)));
            }
            // Policy JSON handed as a string: look at its quoted words.
            t.split('"')
                .find(|w| w.contains(':') && !w.contains(' ') && action(w))
                .map(|w| (format!("a policy granting {w}"), v.span.or(v.via)))
        }
        Kind::List(items) => items.iter().find_map(bedrock_value),
        Kind::Object(entries) => entries.iter().find_map(|e| bedrock_value(&e.value)),
        Kind::Unknown(u) => u.structure.as_deref().and_then(bedrock_value),
        _ => None,
    }
}
