//! What a statement grants: action patterns expanded against the catalog, and the
//! resource patterns each action can apply to.

use super::partial;
use super::policy::{Effect, Elem, Statement};
use super::view::{IamView, PolicyKind, Principal};
use crate::catalog::{catalog, wildcard_match, Action, Category, Sensitive};
use std::sync::Arc;

/// One catalog action a statement grants, and the resource elements it applies to.
#[derive(Debug, Clone)]
pub struct Granted {
    pub action: &'static Action,
    /// Index of the `Action` element that matched (`None` for a NotAction grant).
    pub pattern: Option<usize>,
    /// Indices of the `Resource` elements it applies to (empty with NotResource).
    pub resources: Vec<usize>,
    pub not_resource: bool,
    /// Resource patterns a permissions boundary narrowed the grant to, in place of
    /// (or besides) the written ones it does not cover.
    pub narrowed: Vec<String>,
}

/// A statement's grants; `unknown` names what keeps it from being decided.
#[derive(Debug, Default)]
pub struct StatementGrants {
    /// Shared with every principal the statement reaches unchanged (see
    /// `effective::PrincipalGrant`).
    pub granted: Arc<[Granted]>,
    pub unknown: Option<(String, Option<bedrock_lint_parser::Span>)>,
}

impl StatementGrants {
    /// The granted actions of one category (the invoke grants most rules start from).
    pub fn of(&self, cat: Category) -> Vec<&Granted> {
        self.granted
            .iter()
            .filter(|x| x.action.category == cat)
            .collect()
    }
}

/// Expands an Allow statement's actions against the catalog (Bedrock prefixes only).
pub fn statement_grants(st: &Statement) -> StatementGrants {
    let mut out = StatementGrants::default();
    if st.effect != Effect::Allow {
        if st.effect == Effect::Unknown {
            out.unknown = Some(("the statement's Effect".into(), st.span));
        }
        return out;
    }
    let mut actions: Vec<(&'static Action, Option<usize>)> = Vec::new();
    if let Some(a) = &st.action {
        for (i, e) in a.items.iter().enumerate() {
            match e.text() {
                Some(t) => {
                    for act in catalog().expand(t) {
                        if !actions.iter().any(|(x, _)| std::ptr::eq(*x, act)) {
                            actions.push((act, Some(i)));
                        }
                    }
                }
                None => {
                    out.unknown
                        .get_or_insert((e.unknown().unwrap_or_default().to_string(), e.primary()));
                }
            }
        }
    } else if let Some(na) = &st.not_action {
        if na.is_unknown() {
            out.unknown = Some((first_unknown(&na.items), na.span));
            return out;
        }
        let pats: Vec<String> = na.texts().map(str::to_ascii_lowercase).collect();
        for act in &catalog().actions {
            let l = act.name.to_ascii_lowercase();
            if !pats.iter().any(|p| wildcard_match(p, &l)) {
                actions.push((act, None));
            }
        }
    }
    let mut granted = Vec::new();
    for (action, pattern) in actions {
        if let Some(nr) = &st.not_resource {
            if nr.is_unknown() {
                out.unknown
                    .get_or_insert((first_unknown(&nr.items), nr.span));
                continue;
            }
            granted.push(Granted {
                action,
                pattern,
                resources: vec![],
                not_resource: true,
                narrowed: vec![],
            });
            continue;
        }
        let Some(res) = &st.resource else { continue };
        let mut idx = Vec::new();
        for (i, e) in res.items.iter().enumerate() {
            match (e.text(), e.partial()) {
                (Some(t), _) if applies(action, t) => idx.push(i),
                (Some(_), _) => {}
                // Partly known: judged on its known parts when they decide.
                (None, Some((skel, shown))) => {
                    if !applies(action, &partial::widened(skel)) {
                        continue;
                    }
                    // An unknown id matters only where a rule asks which resources
                    // (RULES.md: BL905 is for unknowns that decide a verdict).
                    let decides = partial::unknown_matters(skel)
                        && (action.scope_matters() || !partial::only_id_unknown(skel));
                    if decides {
                        // Name the part that decides (the resource id), not the first.
                        let what = partial::deciding_part(shown)
                            .or_else(|| e.unknown().map(str::to_string))
                            .unwrap_or_default();
                        out.unknown.get_or_insert((what, e.primary()));
                    } else {
                        idx.push(i);
                    }
                }
                (None, None) => match e.unknown().and_then(specific_resource) {
                    // The ARN of one Bedrock resource of this configuration: granted on
                    // that one resource, nothing wider, for the principal-level rules.
                    // Which model it is can decide BL102, so for a model-invoke action
                    // BL905 says the string is unknown; one agent or knowledge base
                    // decides nothing.
                    Some(true) => {
                        idx.push(i);
                        if action.targets_model_resources {
                            out.unknown.get_or_insert((
                                e.unknown().unwrap_or_default().to_string(),
                                e.primary(),
                            ));
                        }
                    }
                    // The ARN of a resource of another service: no Bedrock action
                    // applies to it.
                    Some(false) => {}
                    None => {
                        out.unknown.get_or_insert((
                            e.unknown().unwrap_or_default().to_string(),
                            e.primary(),
                        ));
                    }
                },
            }
        }
        if !idx.is_empty() {
            granted.push(Granted {
                action,
                pattern,
                resources: idx,
                not_resource: false,
                narrowed: vec![],
            });
        }
    }
    out.granted = granted.into();
    out
}

/// An unknown resource element that is an attribute of one resource of this
/// configuration (`aws_bedrockagent_knowledge_base.kb.arn`,
/// `module.x.aws_bedrock_guardrail.this["a"].guardrail_arn`) names that one resource:
/// `Some(true)` for a Bedrock resource, `Some(false)` for another service's.
fn specific_resource(what: &str) -> Option<bool> {
    let mut parts = what.split('.').peekable();
    // Skip `module.NAME[...]` prefixes.
    while parts.peek() == Some(&"module") {
        parts.next();
        parts.next()?;
    }
    let mut ty = parts.next()?;
    if ty == "data" {
        ty = parts.next()?;
    }
    let name = parts.next()?;
    let attr = parts.next()?;
    let plain = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"_-[]\"".contains(&b))
    };
    if parts.next().is_some() || !plain(ty) || !plain(name) || !plain(attr) {
        return None;
    }
    if !(attr.ends_with("arn") || attr.ends_with("_id") || attr == "id") {
        return None;
    }
    let bedrock = ["aws_bedrock", "awscc_bedrock"]
        .iter()
        .any(|p| ty.starts_with(p));
    if bedrock {
        return Some(true);
    }
    (ty.starts_with("aws_") || ty.starts_with("awscc_")).then_some(false)
}

fn first_unknown(items: &[Elem]) -> String {
    items
        .iter()
        .find_map(|e| e.unknown().map(str::to_string))
        .unwrap_or_else(|| "(unknown)".into())
}

/// Whether a resource pattern can match a resource type the action applies to.
pub fn applies(action: &Action, pattern: &str) -> bool {
    if pattern == "*" {
        return true;
    }
    // An action with no resource types only works with `*`.
    action.resource_arns.iter().any(|t| arn_overlap(pattern, t))
}

/// The first six `:`-separated segments of an ARN, without allocating.
fn segments(s: &str) -> ([&str; 6], usize) {
    let mut out = [""; 6];
    let mut n = 0;
    for (i, part) in s.splitn(6, ':').enumerate() {
        out[i] = part;
        n = i + 1;
    }
    (out, n)
}

/// Can an ARN pattern (with `*`/`?`) and an ARN template (with `${...}`) match the
/// same ARN? Compared segment by segment; a trailing `*` covers what follows.
pub fn arn_overlap(pattern: &str, template: &str) -> bool {
    let (p, pn) = segments(pattern);
    let (t, tn) = segments(template);
    for (i, ts) in t[..tn].iter().enumerate() {
        if i >= pn {
            // The pattern ran out of segments: only a trailing `*` reaches further.
            return pn > 0 && p[pn - 1].ends_with('*');
        }
        let ps = p[i];
        let last_pattern = i == pn - 1 && pn < tn;
        if last_pattern && ps.ends_with('*') {
            return segment_overlap(ps.trim_end_matches('*'), ts) || ps.len() == 1;
        }
        if !segment_overlap(ps, ts) {
            return false;
        }
    }
    true
}

fn segment_overlap(p: &str, t: &str) -> bool {
    let p_wild = p.contains(['*', '?']);
    let t_var = t.contains("${");
    let lit = |s: &'_ str, stop: &[char]| -> usize { s.find(stop).unwrap_or(s.len()) };
    match (p_wild, t_var) {
        (false, false) => p == t,
        (true, false) => wildcard_match(p, t),
        (false, true) => p.starts_with(&t[..lit(t, &['$'])]),
        (true, true) => {
            let (pp, tp) = (&p[..lit(p, &['*', '?'])], &t[..lit(t, &['$'])]);
            pp.starts_with(tp) || tp.starts_with(pp)
        }
    }
}

/// Is the pattern "any-model" (RULES.md Terms)?
pub fn is_any_model(pattern: &str) -> bool {
    if pattern == "*" {
        return true;
    }
    let parts: Vec<&str> = pattern.splitn(6, ':').collect();
    if parts.first() != Some(&"arn") {
        return false;
    }
    let service_ok = parts
        .get(2)
        .is_some_and(|s| wildcard_match(&s.to_ascii_lowercase(), "bedrock"));
    if !service_ok {
        return false;
    }
    match parts.len() {
        6 => matches!(parts[5], "*" | "foundation-model/*"),
        // `arn:aws:bedrock:*` and the like: the last `*` spans the rest.
        _ => parts.last().is_some_and(|l| *l == "*"),
    }
}

/// A resource ARN's parts: (region, account, resource type, resource id).
pub fn arn_parts(arn: &str) -> Option<(&str, &str, &str, &str)> {
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    if parts.len() != 6 || parts[0] != "arn" {
        return None;
    }
    let (ty, id) = parts[5].split_once('/').unwrap_or((parts[5], ""));
    Some((parts[3], parts[4], ty, id))
}

/// A model id with an inference-profile geography prefix removed.
pub fn model_id(resource_id: &str) -> &str {
    const GEOS: [&str; 9] = [
        "us.", "eu.", "apac.", "global.", "us-gov.", "jp.", "au.", "ca.", "apne.",
    ];
    for g in GEOS {
        if let Some(rest) = resource_id.strip_prefix(g) {
            return rest;
        }
    }
    resource_id
}

/// The unconditional Deny statements of a principal's identity policies.
pub fn deny_statements<'v>(view: &'v IamView, p: &Principal) -> Vec<&'v Statement> {
    p.attachments
        .iter()
        .map(|a| &view.policies[a.policy])
        .filter(|pol| pol.kind != PolicyKind::Trust)
        .flat_map(|pol| pol.doc.statements.iter())
        .filter(|st| st.effect == Effect::Deny && st.conditions.is_empty())
        .collect()
}

/// Does one explicit Deny exactly cover `action` on every resource pattern in
/// `resources` (RULES.md: a partial Deny removes nothing)?
pub fn denied(denies: &[&Statement], action: &str, resources: &[&str], not_resource: bool) -> bool {
    let action = action.to_ascii_lowercase();
    denies.iter().any(|d| {
        let acts = match (&d.action, &d.not_action) {
            (Some(a), _) => a
                .texts()
                .any(|t| wildcard_match(&t.to_ascii_lowercase(), &action)),
            (None, Some(na)) => {
                !na.is_unknown()
                    && !na
                        .texts()
                        .any(|t| wildcard_match(&t.to_ascii_lowercase(), &action))
            }
            _ => false,
        };
        if !acts || d.not_resource.is_some() {
            return false;
        }
        let Some(dr) = &d.resource else { return false };
        if dr.texts().any(|t| t == "*") {
            return true;
        }
        // A grant pattern is covered when a Deny pattern matches it as text (its
        // wildcards read literally), so every ARN it can match is denied too.
        !not_resource
            && !resources.is_empty()
            && resources
                .iter()
                .all(|r| dr.texts().any(|t| wildcard_match(t, r)))
    })
}

/// A sensitive action (`sensitive-iam-actions.json`) a principal is granted, where the
/// catalog flags it: always, or only on a wildcard resource (`flag_when`).
#[derive(Debug)]
pub struct SensitiveGrant<'v> {
    pub action: &'static Sensitive,
    pub stmt: &'v Statement,
    /// Where the grant is written: the action string, else the statement or attachment.
    pub at: Option<bedrock_lint_parser::Span>,
}

/// Every flagged sensitive action reaching a principal, less what a Deny covers.
/// The one definition of "sensitive" for the rules (BL202, BL203) and the access map.
pub fn sensitive_grants<'v>(
    view: &'v IamView,
    p: &Principal,
    today: crate::date::Date,
) -> Vec<SensitiveGrant<'v>> {
    let denies = deny_statements(view, p);
    let mut found: Vec<SensitiveGrant<'v>> = Vec::new();
    for a in &p.attachments {
        let pol = &view.policies[a.policy];
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
            let mut hit = |s: &'static Sensitive, at: Option<bedrock_lint_parser::Span>| {
                if (s.flag_when == "always" || wildcard)
                    && !denied(&denies, &s.name, &res, st.not_resource.is_some())
                    && !found.iter().any(|f| std::ptr::eq(f.action, s))
                {
                    found.push(SensitiveGrant {
                        action: s,
                        stmt: st,
                        at: at.or(st.span).or(a.span),
                    });
                }
            };
            if let Some(act) = &st.action {
                for e in &act.items {
                    let Some(t) = e.text() else { continue };
                    for s in catalog().sensitive_matching(t) {
                        hit(s, e.primary());
                    }
                }
            } else if let Some(na) = &st.not_action {
                if na.is_unknown() {
                    continue;
                }
                let pats: Vec<String> = na.texts().map(str::to_ascii_lowercase).collect();
                for s in &catalog().sensitive {
                    let l = s.name.to_ascii_lowercase();
                    if !pats.iter().any(|p| wildcard_match(p, &l)) {
                        hit(s, na.key_span.or(na.span));
                    }
                }
            }
        }
    }
    found
}
