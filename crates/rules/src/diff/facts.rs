//! What one side of a comparison knows, reduced to plain data: each principal's
//! Bedrock access (from the access map, never re-derived), where each value is
//! written, and the unsuppressed findings by identity. Plain data so that the base
//! side can be built on its own thread (the model itself stays on that thread).

use super::paths::Rel;
use crate::catalog::catalog;
use crate::date::Date;
use crate::iam::access::{access_map, Entry, Session, UNKNOWN};
use crate::iam::policy::{Field, PolicyDoc};
use crate::iam::Principal;
use crate::lint::Report;
use bedrock_lint_parser::{Files, Mode, Model, Span};
use std::collections::{BTreeSet, HashMap};

/// A place in a file, relative to the side's root; `line` is 1-based.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Place {
    pub file: String,
    pub line: usize,
}

/// One principal's Bedrock-relevant facts on one side.
#[derive(Debug, Clone)]
pub struct Facts {
    pub root: String,
    pub address: String,
    pub kind: &'static str,
    /// The known name, if any.
    pub name: Option<String>,
    pub at: Place,
    pub invoke: BTreeSet<String>,
    pub models: BTreeSet<String>,
    pub regions: BTreeSet<String>,
    pub accounts: BTreeSet<String>,
    pub admin: BTreeSet<String>,
    pub sensitive: BTreeSet<String>,
    pub escalation: BTreeSet<String>,
    /// Trust entries as shown (`oidc token.actions.githubusercontent.com sub repo:a/b:*`).
    pub trust: BTreeSet<String>,
    /// The value each trust entry is written as, to find its line.
    pub trust_needles: HashMap<String, String>,
    /// The role trusts a web identity (a pipeline or workload role).
    pub federated: bool,
    /// Seconds; `None` when unknown. Not set counts as AWS's default, 3600.
    pub session: Option<u64>,
    pub session_at: Option<Place>,
    pub access_keys: usize,
    pub access_keys_at: Option<Place>,
}

impl Facts {
    /// The name to show: the known name, else the address.
    pub fn label(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.address)
    }

    /// Whether the principal matters to Bedrock access at all.
    pub fn relevant(&self) -> bool {
        !(self.invoke.is_empty()
            && self.admin.is_empty()
            && self.sensitive.is_empty()
            && self.escalation.is_empty()
            && self.access_keys == 0)
    }
}

/// A finding, by identity.
#[derive(Debug, Clone)]
pub struct Finding {
    /// Index in the report's diagnostics.
    pub index: usize,
    pub fingerprint: String,
    pub code: &'static str,
    pub name: &'static str,
    pub severity: crate::Severity,
    pub message: String,
    pub at: Place,
    pub address: Option<String>,
}

/// A Bedrock API key (`aws_iam_service_specific_credential` for Bedrock).
#[derive(Debug, Clone)]
pub struct ApiKey {
    pub root: String,
    pub address: String,
    pub user: Option<String>,
    pub at: Place,
}

#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    pub files: usize,
    pub principals: Vec<Facts>,
    pub findings: Vec<Finding>,
    pub api_keys: Vec<ApiKey>,
}

fn place(files: &Files, rel: &Rel, span: Span) -> Place {
    let f = files.get(span.file);
    Place {
        file: rel.path(&f.path),
        line: f.line_col(span.start as usize).line,
    }
}

impl Snapshot {
    pub fn of(report: &Report, rel: &Rel, today: Date) -> Snapshot {
        let model = &report.model;
        let files = &model.files;
        let entries = access_map(model, &report.view, today);
        let mut by_key: HashMap<(String, String), &Principal> = HashMap::new();
        for p in &report.view.principals {
            let root = rel.path(&model.resources[p.resource].root_dir);
            by_key.entry((root, p.address.clone())).or_insert(p);
        }
        let principals = entries
            .iter()
            .map(|e| {
                let root = rel.path(std::path::Path::new(&e.root));
                let p = by_key.get(&(root.clone(), e.address.clone())).copied();
                facts(model, p, e, root, rel)
            })
            .collect();
        let findings = report
            .diagnostics
            .iter()
            .enumerate()
            .filter(|(_, d)| !d.suppressed)
            .map(|(index, d)| {
                let mut key = d.key(files);
                let path = files.get(d.span.file).path.as_path();
                // A file anchor compares by its path relative to the side's root.
                if d.address.is_none() && d.principal.is_none() {
                    key.anchor = rel.path(path);
                }
                Finding {
                    index,
                    fingerprint: key.fingerprint(),
                    code: d.rule.code(),
                    name: d.rule.name(),
                    severity: d.severity,
                    message: d.message.clone(),
                    at: place(files, rel, d.span),
                    address: d.address.clone(),
                }
            })
            .collect();
        Snapshot {
            files: files.len(),
            principals,
            findings,
            api_keys: api_keys(model, rel),
        }
    }
}

fn api_keys(model: &Model, rel: &Rel) -> Vec<ApiKey> {
    model
        .resources
        .iter()
        .filter(|r| r.mode == Mode::Managed && r.rtype == "aws_iam_service_specific_credential")
        .filter(|r| {
            r.body.get("service_name").and_then(|v| v.as_str()) == Some("bedrock.amazonaws.com")
        })
        .map(|r| ApiKey {
            root: rel.path(&r.root_dir),
            address: r.address.clone(),
            user: r.body.get("user_name").and_then(|v| {
                v.as_str()
                    .map(str::to_string)
                    .or(v.from.as_deref().cloned())
            }),
            at: place(&model.files, rel, r.header),
        })
        .collect()
}

/// Splits an invoke resource into (model, region, account); `*` is every one.
fn arn_parts(r: &str) -> (String, Option<String>, Option<String>) {
    if r == "*" {
        return ("*".into(), Some("*".into()), Some("*".into()));
    }
    let parts: Vec<&str> = r.splitn(6, ':').collect();
    if parts.len() == 6 && parts[0] == "arn" {
        let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
        return (parts[5].to_string(), some(parts[3]), some(parts[4]));
    }
    (r.to_string(), None, None)
}

fn trust_item(kind: &str, provider: &str, subject: Option<&str>) -> String {
    match subject {
        Some(s) => format!("{kind} {provider} sub {s}"),
        None => format!("{kind} {provider}"),
    }
}

fn facts(model: &Model, p: Option<&Principal>, e: &Entry, root: String, rel: &Rel) -> Facts {
    let files = &model.files;
    let mut f = Facts {
        root,
        address: e.address.clone(),
        kind: e.kind,
        name: e.name.clone().filter(|n| n != UNKNOWN),
        at: Place {
            file: rel.path(std::path::Path::new(&e.file)),
            line: e.line,
        },
        invoke: BTreeSet::new(),
        models: BTreeSet::new(),
        regions: BTreeSet::new(),
        accounts: BTreeSet::new(),
        admin: BTreeSet::new(),
        sensitive: BTreeSet::new(),
        escalation: BTreeSet::new(),
        trust: BTreeSet::new(),
        trust_needles: HashMap::new(),
        federated: false,
        session: match &e.max_session {
            Session::NotSet => Some(3600),
            Session::Seconds(v) => v.as_u64(),
            Session::Unknown => None,
        },
        session_at: None,
        access_keys: e.access_keys,
        access_keys_at: None,
    };
    for g in &e.bedrock[0] {
        f.invoke.insert(g.action.clone());
        let cond_regions = g
            .conditions
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("aws:RequestedRegion"))
            .map(|(_, v)| v.clone());
        for r in &g.resources {
            let (model_part, region, account) = arn_parts(r);
            f.models.insert(model_part);
            match &cond_regions {
                Some(list) => f.regions.extend(list.iter().cloned()),
                None => f.regions.extend(region),
            }
            f.accounts.extend(account);
        }
    }
    f.admin = e.bedrock[3].iter().map(|g| g.action.clone()).collect();
    for t in &e.trust {
        if t.kind == "oidc" {
            f.federated = true;
        }
        if t.subjects.is_empty() {
            let item = trust_item(t.kind, &t.provider, None);
            f.trust_needles.insert(item.clone(), t.provider.clone());
            f.trust.insert(item);
        }
        for s in &t.subjects {
            let item = trust_item(t.kind, &t.provider, Some(s));
            f.trust_needles.insert(item.clone(), s.clone());
            f.trust.insert(item);
        }
    }
    // The access map lists sensitive actions by name; the catalog tells which
    // of them are escalation.
    for name in &e.sensitive {
        let escalation = catalog()
            .sensitive_matching(name)
            .any(|s| s.category == "escalation");
        if escalation {
            f.escalation.insert(name.clone());
        } else {
            f.sensitive.insert(name.clone());
        }
    }
    let Some(p) = p else {
        return f;
    };
    if let Some(span) = p.max_session_duration.as_ref().and_then(|v| v.span) {
        f.session_at = Some(place(files, rel, span));
    }
    if let Some(&k) = p.access_keys.first() {
        f.access_keys_at = Some(place(files, rel, model.resources[k].header));
    }
    f
}

/// Where on this side a value containing `needle` is written among the principal's
/// policy and trust elements (exact text first); `None` when nowhere. Only asked for
/// the few principals that changed, so nothing is collected in advance.
pub fn locate(report: &Report, rel: &Rel, f: &Facts, needle: &str) -> Option<Place> {
    let model = &report.model;
    let view = &report.view;
    let p = view.principals.iter().find(|p| {
        p.address == f.address && rel.path(&model.resources[p.resource].root_dir) == f.root
    })?;
    let mut docs: Vec<&PolicyDoc> = p
        .attachments
        .iter()
        .map(|a| &view.policies[a.policy].doc)
        .collect();
    if let Some(t) = p.trust {
        docs.push(&view.policies[t].doc);
    }
    let mut partial: Option<Span> = None;
    for doc in docs {
        for st in &doc.statements {
            let mut fields: Vec<&Field> = [
                st.action.as_ref(),
                st.resource.as_ref(),
                st.not_resource.as_deref(),
            ]
            .into_iter()
            .flatten()
            .collect();
            fields.extend(st.conditions.iter().map(|c| &c.values));
            for pr in [&st.principal, &st.not_principal].into_iter().flatten() {
                fields.extend(pr.entries.iter().map(|(_, f)| f));
            }
            for el in fields.into_iter().flat_map(|f| &f.items) {
                if let (Some(t), Some(span)) = (el.text(), el.span.or(el.via)) {
                    if t == needle {
                        return Some(place(&model.files, rel, span));
                    }
                    if partial.is_none() && t.contains(needle) {
                        partial = Some(span);
                    }
                }
            }
        }
    }
    partial.map(|s| place(&model.files, rel, s))
}
