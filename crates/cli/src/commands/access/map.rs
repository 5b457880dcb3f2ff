//! The access map's derivation: every principal, the Bedrock actions it can take on
//! which resources, how it authenticates and its session length.

use bedrock_lint_parser::value::Kind;
use bedrock_lint_parser::Model;
use bedrock_lint_rules::catalog::{catalog, wildcard_match, Category};
use bedrock_lint_rules::iam::grants::principal_grants;
use bedrock_lint_rules::iam::policy::{Effect, Field, Statement};
use bedrock_lint_rules::iam::trust::{account_root, is_human, web_identities};
use bedrock_lint_rules::iam::{IamView, PolicyKind, Principal};
use bedrock_lint_rules::Date;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

pub(super) const UNKNOWN: &str = "(unknown)";

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

const CATEGORIES: [Category; 4] = [
    Category::Invoke,
    Category::Read,
    Category::Build,
    Category::Admin,
];

fn cat_index(c: Category) -> usize {
    CATEGORIES.iter().position(|x| *x == c).unwrap_or(0)
}

/// The access map, sorted by address.
pub fn build(model: &Model, view: &IamView, today: Date) -> Vec<Entry> {
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
        .map(|e| e.text.clone().unwrap_or_else(|| UNKNOWN.into()))
        .collect();
    if f.unknown.is_some() && v.is_empty() {
        v.push(UNKNOWN.into());
    }
    v
}

fn conditions(st: &Statement) -> BTreeMap<String, Vec<String>> {
    let mut m: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for c in &st.conditions {
        let vals = m.entry(c.key.clone()).or_default();
        for t in texts_or_unknown(&c.values) {
            if !vals.contains(&t) {
                vals.push(t);
            }
        }
    }
    m
}

/// Unconditional `Deny` on `*` patterns (lower-case) reaching the principal, as
/// `principal_grants` applies them.
fn deny_patterns(view: &IamView, p: &Principal, today: Date) -> Vec<String> {
    let mut pats = Vec::new();
    for a in &p.attachments {
        let pol = &view.policies[a.policy];
        if pol.kind == PolicyKind::Trust {
            continue;
        }
        for st in &pol.doc.statements {
            if st.effect != Effect::Deny
                || !st.conditions.is_empty()
                || bedrock_lint_rules::date::expired(st, today)
            {
                continue;
            }
            if !st
                .resource
                .as_ref()
                .is_some_and(|r| r.texts().any(|t| t == "*"))
            {
                continue;
            }
            if let Some(a) = &st.action {
                pats.extend(a.texts().map(str::to_ascii_lowercase));
            }
        }
    }
    pats
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
    let denied = deny_patterns(view, p, today);
    for g in principal_grants(view, p, today) {
        let st = g.stmt;
        let conds = conditions(st);
        let unknown_res: Vec<String> = st
            .resource
            .as_ref()
            .map(|r| {
                r.items
                    .iter()
                    .filter(|e| e.text.is_none())
                    .map(|_| UNKNOWN.to_string())
                    .collect()
            })
            .unwrap_or_default();
        let mut seen: Vec<&str> = Vec::new();
        for gr in &g.granted {
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
                    .map(|e| e.text.clone().unwrap_or_else(|| UNKNOWN.into()))
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
                        let l = act.name.to_ascii_lowercase();
                        if seen.contains(&act.name.as_str())
                            || denied.iter().any(|d| wildcard_match(d, &l))
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

    // Sensitive actions granted by Allow statements.
    let mut sensitive = BTreeSet::new();
    for a in &p.attachments {
        let pol = &view.policies[a.policy];
        if pol.kind == PolicyKind::Trust {
            continue;
        }
        for st in &pol.doc.statements {
            if st.effect != Effect::Allow || bedrock_lint_rules::date::expired(st, today) {
                continue;
            }
            if let Some(act) = &st.action {
                for t in act.texts() {
                    for s in catalog().sensitive_matching(t) {
                        sensitive.insert(s.name.clone());
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
                        sensitive.insert(s.name.clone());
                    }
                }
            }
        }
    }
    let sensitive: Vec<String> = sensitive
        .into_iter()
        .filter(|s| {
            let l = s.to_ascii_lowercase();
            !denied.iter().any(|d| wildcard_match(d, &l))
        })
        .collect();

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
                Kind::String(s) => match s.text.trim().parse::<u64>() {
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
        if bedrock_lint_rules::date::expired(wi.stmt, today) {
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
        if st.effect != Effect::Allow || bedrock_lint_rules::date::expired(st, today) {
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
                let text = e.text.as_deref();
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
                        _ if bedrock_lint_rules::iam::trust::provider_of(e).is_some() => None,
                        Some(t) if t.contains(":saml-provider/") => Some(("human", t.to_string())),
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
