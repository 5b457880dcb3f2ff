//! Access changes: the facts of each principal on both sides, matched by (root
//! module, address), never by line.

use super::facts::{Facts, Place, Snapshot};
use std::collections::{BTreeMap, BTreeSet};

/// What changed about a principal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    PrincipalAdded,
    PrincipalRemoved,
    Invoke,
    Models,
    Regions,
    Accounts,
    Admin,
    Escalation,
    Sensitive,
    Trust,
    MaxSession,
    AccessKeys,
    ApiKey,
}

impl Kind {
    /// The name in the JSON report (docs/diff.md).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::PrincipalAdded => "principal_added",
            Kind::PrincipalRemoved => "principal_removed",
            Kind::Invoke => "invoke_actions",
            Kind::Models => "models",
            Kind::Regions => "regions",
            Kind::Accounts => "accounts",
            Kind::Admin => "admin_actions",
            Kind::Escalation => "escalation_actions",
            Kind::Sensitive => "sensitive_actions",
            Kind::Trust => "trust",
            Kind::MaxSession => "max_session_duration",
            Kind::AccessKeys => "access_keys",
            Kind::ApiKey => "bedrock_api_key",
        }
    }

    /// A short heading for tables.
    pub fn title(self) -> &'static str {
        match self {
            Kind::PrincipalAdded => "new principal",
            Kind::PrincipalRemoved => "principal removed",
            Kind::Invoke => "model-invoke actions",
            Kind::Models => "models it can invoke",
            Kind::Regions => "regions it can invoke in",
            Kind::Accounts => "accounts it can invoke in",
            Kind::Admin => "Bedrock admin actions",
            Kind::Escalation => "escalation actions",
            Kind::Sensitive => "sensitive actions",
            Kind::Trust => "who can assume it",
            Kind::MaxSession => "max session duration",
            Kind::AccessKeys => "access keys",
            Kind::ApiKey => "Bedrock API key",
        }
    }
}

/// One access change. `at` is on the head side (the base side for a removal).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub kind: Kind,
    pub root: String,
    pub principal: String,
    pub name: Option<String>,
    /// The principal trusts a web identity (a pipeline role).
    pub federated: bool,
    pub added: Vec<String>,
    pub removed: Vec<String>,
    /// Before and after, for a value (session seconds, key counts).
    pub from: Option<String>,
    pub to: Option<String>,
    pub at: Place,
}

impl Change {
    pub fn label(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.principal)
    }
}

fn delta(a: &BTreeSet<String>, b: &BTreeSet<String>) -> (Vec<String>, Vec<String>) {
    (
        b.difference(a).cloned().collect(),
        a.difference(b).cloned().collect(),
    )
}

fn base_change(kind: Kind, f: &Facts, at: Place) -> Change {
    Change {
        kind,
        root: f.root.clone(),
        principal: f.address.clone(),
        name: f.name.clone(),
        federated: f.federated,
        added: vec![],
        removed: vec![],
        from: None,
        to: None,
        at,
    }
}

fn session_text(s: Option<u64>) -> String {
    s.map(|n| n.to_string())
        .unwrap_or_else(|| crate::iam::access::UNKNOWN.into())
}

/// Where a head principal's value is written (see `facts::locate`).
pub type Locate<'a> = dyn Fn(&Facts, &str) -> Option<Place> + 'a;

/// Every access change from `base` to `head`, sorted by root, principal, kind.
pub fn access_changes(base: &Snapshot, head: &Snapshot, locate: &Locate<'_>) -> Vec<Change> {
    let index = |s: &'_ Snapshot| -> BTreeMap<(String, String), usize> {
        let mut m = BTreeMap::new();
        for (i, f) in s.principals.iter().enumerate() {
            m.entry((f.root.clone(), f.address.clone())).or_insert(i);
        }
        m
    };
    let (bi, hi) = (index(base), index(head));
    let mut out = Vec::new();
    for (k, &h) in &hi {
        let hf = &head.principals[h];
        match bi.get(k) {
            None if hf.relevant() => {
                let mut c = base_change(Kind::PrincipalAdded, hf, hf.at.clone());
                c.added = hf.models.iter().cloned().collect();
                out.push(c);
            }
            None => {}
            Some(&b) => compare(&base.principals[b], hf, locate, &mut out),
        }
    }
    for (k, &b) in &bi {
        let bf = &base.principals[b];
        if !hi.contains_key(k) && bf.relevant() {
            let mut c = base_change(Kind::PrincipalRemoved, bf, bf.at.clone());
            c.removed = bf.models.iter().cloned().collect();
            out.push(c);
        }
    }
    api_key_changes(base, head, &mut out);
    out.sort_by(|a, b| {
        (&a.root, &a.principal, a.kind, &a.added, &a.removed).cmp(&(
            &b.root,
            &b.principal,
            b.kind,
            &b.added,
            &b.removed,
        ))
    });
    out
}

fn compare(b: &Facts, h: &Facts, locate: &Locate<'_>, out: &mut Vec<Change>) {
    let sets: [(Kind, &BTreeSet<String>, &BTreeSet<String>); 8] = [
        (Kind::Invoke, &b.invoke, &h.invoke),
        (Kind::Models, &b.models, &h.models),
        (Kind::Regions, &b.regions, &h.regions),
        (Kind::Accounts, &b.accounts, &h.accounts),
        (Kind::Admin, &b.admin, &h.admin),
        (Kind::Escalation, &b.escalation, &h.escalation),
        (Kind::Sensitive, &b.sensitive, &h.sensitive),
        (Kind::Trust, &b.trust, &h.trust),
    ];
    for (kind, bs, hs) in sets {
        let (added, removed) = delta(bs, hs);
        if added.is_empty() && removed.is_empty() {
            continue;
        }
        // The line that caused it: where the first added value is written at head;
        // for a pure narrowing, the principal.
        let needle = match added.first() {
            Some(a) if kind == Kind::Trust => {
                Some(h.trust_needles.get(a).map(String::as_str).unwrap_or(a))
            }
            other => other.map(String::as_str),
        };
        let at = needle
            .and_then(|n| locate(h, n))
            .unwrap_or_else(|| h.at.clone());
        let mut c = base_change(kind, h, at);
        c.added = added;
        c.removed = removed;
        out.push(c);
    }
    if b.session != h.session {
        let at = h.session_at.clone().unwrap_or_else(|| h.at.clone());
        let mut c = base_change(Kind::MaxSession, h, at);
        c.from = Some(session_text(b.session));
        c.to = Some(session_text(h.session));
        out.push(c);
    }
    if b.access_keys != h.access_keys {
        let at = h.access_keys_at.clone().unwrap_or_else(|| h.at.clone());
        let mut c = base_change(Kind::AccessKeys, h, at);
        c.from = Some(b.access_keys.to_string());
        c.to = Some(h.access_keys.to_string());
        out.push(c);
    }
}

fn api_key_changes(base: &Snapshot, head: &Snapshot, out: &mut Vec<Change>) {
    let keys = |s: &'_ Snapshot| -> BTreeSet<(String, String)> {
        s.api_keys
            .iter()
            .map(|k| (k.root.clone(), k.address.clone()))
            .collect()
    };
    let (bk, hk) = (keys(base), keys(head));
    for (side, other, added) in [(head, &bk, true), (base, &hk, false)] {
        for k in &side.api_keys {
            if other.contains(&(k.root.clone(), k.address.clone())) {
                continue;
            }
            // Named after the user it is for, when that user is known on the side.
            let user = side.principals.iter().find(|p| {
                p.kind == "user" && p.root == k.root && k.user.is_some() && p.name == k.user
            });
            let list = vec![k.address.clone()];
            out.push(Change {
                kind: Kind::ApiKey,
                root: k.root.clone(),
                principal: user
                    .map(|u| u.address.clone())
                    .unwrap_or_else(|| k.address.clone()),
                name: user.and_then(|u| u.name.clone()),
                federated: false,
                added: if added { list.clone() } else { vec![] },
                removed: if added { vec![] } else { list },
                from: None,
                to: None,
                at: k.at.clone(),
            });
        }
    }
}
