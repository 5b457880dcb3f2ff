//! The access map (DESIGN.md "Access map"): every principal, the Bedrock actions it can
//! take on which resources, the sensitive actions it holds, how it authenticates and
//! its session length. Built from the same effective grants, Deny coverage and trust
//! classification the rules use, so the map and the findings cannot disagree; the CLI
//! only renders it.

use super::effective::principal_grants;
use super::grants::{denied, deny_statements, sensitive_grants};
use super::policy::{Effect, Field, Statement};
use super::trust::{account_root, is_human, provider_of, web_identities};
use super::{IamView, Principal};
use crate::catalog::{catalog, Category};
use crate::date::Date;
use bedrock_lint_parser::value::Kind;
use bedrock_lint_parser::Model;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

/// How an unknown value is shown: never guessed.
pub const UNKNOWN: &str = "(unknown)";

/// One grant: an exact catalog action, the resources as written, the conditions.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Grant {
    pub action: String,
    pub resources: Vec<String>,
    pub conditions: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Trust {
    pub kind: &'static str,
    pub provider: String,
    pub subjects: Vec<String>,
}

#[derive(Debug, Clone)]
pub enum Session {
    NotSet,
    Seconds(Value),
    Unknown,
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub address: String,
    pub kind: &'static str,
    pub name: Option<String>,
    pub file: String,
    pub line: usize,
    /// invoke, read, build, admin.
    pub bedrock: [Vec<Grant>; 4],
    pub sensitive: Vec<String>,
    pub trust: Vec<Trust>,
    pub access_keys: usize,
    pub max_session: Session,
    pub environments: Vec<String>,
    /// The root module the principal belongs to (addresses are per root module).
    pub root: String,
}

pub const CATEGORIES: [Category; 4] = [
    Category::Invoke,
    Category::Read,
    Category::Build,
    Category::Admin,
];

fn cat_index(c: Category) -> usize {
    CATEGORIES.iter().position(|x| *x == c).unwrap_or(0)
}

/// The access map, sorted by address.
pub fn access_map(model: &Model, view: &IamView, today: Date) -> Vec<Entry> {
    let mut out: Vec<Entry> = view
        .principals
        .iter()
        .map(|p| entry(model, view, p, today))
        .collect();
    // Addresses repeat when one module is instantiated from several root modules.
    out.sort_by(|a, b| {
        (&a.address, &a.file, a.line, &a.name, &a.environments).cmp(&(
            &b.address,
            &b.file,
            b.line,
            &b.name,
            &b.environments,
        ))
    });
    out
}

fn texts_or_unknown(f: &Field) -> Vec<String> {
    let mut v: Vec<String> = f
        .items
        .iter()
        .map(|e| {
            e.text()
                .map(str::to_string)
                .unwrap_or_else(|| UNKNOWN.into())
        })
        .collect();
    if f.unknown.is_some() && v.is_empty() {
        v.push(UNKNOWN.into());
    }
    v
}

fn conditions(st: &Statement) -> BTreeMap<String, Vec<String>> {
    let mut m: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for c in &st.conditions {
        let vals = m.entry(c.key.to_string()).or_default();
        for t in texts_or_unknown(&c.values) {
            if !vals.contains(&t) {
                vals.push(t);
            }
        }
    }
    m
}

fn entry(model: &Model, view: &IamView, p: &Principal, today: Date) -> Entry {
    let files = &model.files;
    let f = files.get(p.header.file);
    let line = f.line_col(p.header.start as usize).line;
    let r = &model.resources[p.resource];
    let name = p.name.clone().or_else(|| {
        r.body
            .get("name")
            .filter(|v| !v.is_null())
            .map(|_| UNKNOWN.to_string())
    });

    // Grants.
    let mut bedrock: [BTreeSet<Grant>; 4] = Default::default();
    let denies = deny_statements(view, p);
    for g in principal_grants(view, p, today) {
        let st = g.stmt;
        let conds = conditions(st);
        let unknown_res: Vec<String> = st
            .resource
            .as_ref()
            .map(|r| {
                r.items
                    .iter()
                    .filter(|e| e.text().is_none())
                    .map(|_| UNKNOWN.to_string())
                    .collect()
            })
            .unwrap_or_default();
        let mut seen: Vec<&str> = Vec::new();
        for gr in g.granted.iter() {
            let mut resources: Vec<String> = if gr.not_resource {
                st.not_resource
                    .as_ref()
                    .map(|f| {
                        texts_or_unknown(f)
                            .into_iter()
                            .map(|t| format!("NotResource {t}"))
                            .collect()
                    })
                    .unwrap_or_default()
            } else {
                let items = st.resource.as_ref().map(|f| &f.items[..]).unwrap_or(&[]);
                gr.resources
                    .iter()
                    .filter_map(|&i| items.get(i))
                    .map(|e| e.shown().map_or_else(|| UNKNOWN.into(), str::to_string))
                    .chain(gr.narrowed.iter().cloned())
                    .collect()
            };
            resources.extend(unknown_res.iter().cloned());
            resources.dedup();
            seen.push(&gr.action.name);
            bedrock[cat_index(gr.action.category)].insert(Grant {
                action: gr.action.name.clone(),
                resources,
                conditions: conds.clone(),
            });
        }
        // Actions whose only resources are unknown: granted on "(unknown)", not guessed away.
        if !unknown_res.is_empty() {
            if let Some(a) = &st.action {
                for t in a.texts() {
                    for act in catalog().expand(t) {
                        if seen.contains(&act.name.as_str())
                            || denied(&denies, &act.name, &[], false)
                        {
                            continue;
                        }
                        seen.push(&act.name);
                        bedrock[cat_index(act.category)].insert(Grant {
                            action: act.name.clone(),
                            resources: vec![UNKNOWN.into()],
                            conditions: conds.clone(),
                        });
                    }
                }
            }
        }
    }

    // Sensitive actions: the same definition BL202/BL203 use.
    let mut sensitive: Vec<String> = sensitive_grants(view, p, today)
        .iter()
        .map(|s| s.action.name.clone())
        .collect();
    sensitive.sort();
    sensitive.dedup();

    let trust = p
        .trust
        .map(|t| trust_of(view, t, today))
        .unwrap_or_default();

    let max_session = match &p.max_session_duration {
        None => Session::NotSet,
        Some(v) if v.is_null() => Session::NotSet,
        Some(v) => match v.as_number() {
            Some(n) if n.fract() == 0.0 && n >= 0.0 => Session::Seconds(json!(n as u64)),
            Some(n) => Session::Seconds(json!(n)),
            None => match &v.kind {
                Kind::String(s) => match s.text().trim().parse::<u64>() {
                    Ok(n) => Session::Seconds(json!(n)),
                    Err(_) => Session::Unknown,
                },
                _ => Session::Unknown,
            },
        },
    };

    Entry {
        address: p.address.clone(),
        kind: p.kind.as_str(),
        name,
        file: f.path.display().to_string().replace('\\', "/"),
        line,
        bedrock: bedrock.map(|s| s.into_iter().collect()),
        sensitive,
        trust,
        access_keys: p.access_keys.len(),
        max_session,
        environments: p.environments.clone(),
        root: model.resources[p.resource]
            .root_dir
            .display()
            .to_string()
            .replace('\\', "/"),
    }
}

fn trust_of(view: &IamView, policy: usize, today: Date) -> Vec<Trust> {
    let doc = &view.policies[policy].doc;
    let mut out: BTreeSet<Trust> = BTreeSet::new();
    // Web identities, with the subjects their `sub` conditions pin.
    for wi in web_identities(doc) {
        if crate::date::expired(wi.stmt, today) {
            continue;
        }
        let mut subjects: Vec<String> = Vec::new();
        for c in wi.sub_conditions() {
            for t in texts_or_unknown(&c.values) {
                if !subjects.contains(&t) {
                    subjects.push(t);
                }
            }
        }
        subjects.sort();
        out.insert(Trust {
            kind: "oidc",
            provider: wi.host.clone().unwrap_or_else(|| UNKNOWN.into()),
            subjects,
        });
    }
    for st in &doc.statements {
        if st.effect != Effect::Allow || crate::date::expired(st, today) {
            continue;
        }
        let Some(pr) = &st.principal else { continue };
        if pr.unknown.is_some() {
            out.insert(Trust {
                kind: "aws",
                provider: UNKNOWN.into(),
                subjects: vec![],
            });
            continue;
        }
        for (ty, field) in &pr.entries {
            for e in &field.items {
                let text = e.text();
                let t = if ty == "*" || text == Some("*") {
                    Some(("any", "*".to_string()))
                } else if ty.eq_ignore_ascii_case("Service") {
                    Some(("service", text.unwrap_or(UNKNOWN).to_string()))
                } else if ty.eq_ignore_ascii_case("AWS") {
                    Some(match text {
                        None => ("aws", UNKNOWN.to_string()),
                        Some(t) => match account_root(t) {
                            Some(acct) => ("account", acct.to_string()),
                            None if is_human(ty, t) => ("human", t.to_string()),
                            None => ("aws", t.to_string()),
                        },
                    })
                } else if ty.eq_ignore_ascii_case("Federated") {
                    match text {
                        // Web identities were listed above.
                        _ if provider_of(e).is_some() => None,
                        // SAML federation: named by its provider, not classed as human
                        // (RULES.md BL406 names IAM users, account roots and SSO roles).
                        Some(t) if t.contains(":saml-provider/") => Some(("saml", t.to_string())),
                        Some(t) => Some(("oidc", t.to_string())),
                        None => Some(("oidc", UNKNOWN.to_string())),
                    }
                } else if ty.eq_ignore_ascii_case("CanonicalUser") {
                    Some(("aws", text.unwrap_or(UNKNOWN).to_string()))
                } else {
                    None
                };
                if let Some((kind, provider)) = t {
                    out.insert(Trust {
                        kind,
                        provider,
                        subjects: vec![],
                    });
                }
            }
        }
    }
    out.into_iter().collect()
}
