//! The IAM view: every policy document in the model with where it applies, and every
//! principal (role, user, group) with its effective grants, trust policy, access keys
//! and session length. Rules read only this.

use super::policy::{Effect, PolicyDoc};
use crate::catalog::catalog;
use bedrock_lint_parser::value::{Kind, Value};
use bedrock_lint_parser::{Mode, Model, Resource, Span};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PrincipalKind {
    Role,
    User,
    Group,
}

impl PrincipalKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PrincipalKind::Role => "role",
            PrincipalKind::User => "user",
            PrincipalKind::Group => "group",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyKind {
    /// An inline policy or a managed policy resource: grants permissions.
    Identity,
    /// A role's `assume_role_policy`.
    Trust,
    /// An AWS managed policy from the catalog, attached by ARN.
    AwsManaged,
}

/// One policy document and where it came from.
#[derive(Debug)]
pub struct Policy {
    pub doc: PolicyDoc,
    pub kind: PolicyKind,
    /// Index of the resource that holds it (`None` for AWS managed policies).
    pub resource: Option<usize>,
    /// The resource's address, or the managed policy's name.
    pub address: String,
    /// The attribute (`policy = ...`) or the attachment's ARN string.
    pub span: Option<Span>,
    /// The attribute's value where the principal or policy resource uses it
    /// (`assume_role_policy = data.aws_iam_policy_document.x.json`).
    pub attr: Option<Span>,
    /// Its index in [`IamView::policies`].
    pub id: usize,
}

/// How a policy reaches a principal.
#[derive(Debug, Clone)]
pub struct Attachment {
    pub policy: usize,
    /// The attachment resource (or the principal's own block for inline policies).
    pub resource: usize,
    /// Where the attachment is written (its block header, or the ARN string).
    pub span: Option<Span>,
    /// Through a group the user belongs to.
    pub via_group: Option<usize>,
}

#[derive(Debug)]
pub struct Principal {
    pub kind: PrincipalKind,
    pub address: String,
    pub resource: usize,
    pub name: Option<String>,
    pub header: Span,
    pub attachments: Vec<Attachment>,
    pub trust: Option<usize>,
    pub max_session_duration: Option<Value>,
    /// `aws_iam_access_key` resources for this user.
    pub access_keys: Vec<usize>,
    /// Group principals this user belongs to.
    pub groups: Vec<usize>,
    /// AWS managed policy ARNs attached (with the ARN string's span).
    pub managed_arns: Vec<(String, Option<Span>, usize)>,
    /// Attachments whose policy cannot be known (BL905).
    pub unknown: Vec<(String, Option<Span>)>,
    pub environments: Vec<String>,
    /// The permissions boundary, when one is set.
    pub boundary: Boundary,
}

/// A principal's `permissions_boundary` (RULES.md "Permissions boundary").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Boundary {
    None,
    /// A policy of the view: effective grants are the intersection with it.
    Known(usize),
    /// Set, but not known statically (or an AWS managed policy with no Bedrock
    /// action, which the catalog does not hold): grants stay as written.
    Unknown,
}

#[derive(Debug, Default)]
pub struct IamView {
    pub policies: Vec<Policy>,
    pub principals: Vec<Principal>,
}

/// What references resolve against while the view is built, keyed by text the model
/// holds (not copies), and gone with the build: the rules never read it.
/// References resolve within one root module: the same address in two roots (two
/// environments) names two different objects.
#[derive(Default)]
struct Index<'m> {
    managed_by_address: HashMap<(&'m Path, &'m str), usize>,
    managed_by_name: HashMap<(&'m Path, &'m str), usize>,
    principal_by_address: HashMap<(&'m Path, PrincipalKind, &'m str), Vec<usize>>,
    principal_by_name: HashMap<(&'m Path, PrincipalKind, &'m str), Vec<usize>>,
}

impl IamView {
    pub fn build(model: &Model) -> IamView {
        // Reading the policy documents is most of the work, and they are independent:
        // they are read in parallel, beside the one ordered pass that builds the
        // structure around them, and matched to it by where they live in the model.
        let ((mut v, docs), mut read) = rayon::join(
            || IamView::structure(model),
            || {
                let res = &model.resources;
                res.par_iter()
                    .flat_map_iter(documents)
                    .map(|value| (at(value), PolicyDoc::from_value(value)))
                    .collect::<HashMap<usize, PolicyDoc>>()
            },
        );
        for (id, value) in docs {
            v.policies[id].doc = read
                .remove(&at(value))
                .unwrap_or_else(|| PolicyDoc::from_value(value));
        }
        v
    }

    /// The view without its documents read, and the documents to read (by policy id).
    fn structure(model: &Model) -> (IamView, Vec<(usize, &Value)>) {
        let mut v = IamView::default();
        let mut idx = Index::default();
        let (mut pending_arns, mut pending_boundaries) = (Vec::new(), Vec::new());
        let mut docs: Vec<(usize, &Value)> = Vec::new();
        let res = &model.resources;
        let managed = |r: &Resource| r.mode == Mode::Managed;
        // Principals first, so attachments can find them.
        for (i, r) in res.iter().enumerate().filter(|(_, r)| managed(r)) {
            let kind = match r.rtype.as_str() {
                "aws_iam_role" => PrincipalKind::Role,
                "aws_iam_user" => PrincipalKind::User,
                "aws_iam_group" => PrincipalKind::Group,
                _ => continue,
            };
            let name = r.body.get("name").and_then(Value::as_str);
            let mut p = Principal {
                kind,
                address: r.address.clone(),
                resource: i,
                name: name.map(str::to_string),
                header: r.header,
                attachments: vec![],
                trust: None,
                max_session_duration: r.body.get("max_session_duration").cloned(),
                access_keys: vec![],
                groups: vec![],
                managed_arns: vec![],
                unknown: vec![],
                environments: vec![],
                boundary: Boundary::None,
            };
            if kind == PrincipalKind::Role {
                if let Some(t) = r.body.get("assume_role_policy") {
                    p.trust = Some(v.add_policy(&mut docs, t, PolicyKind::Trust, Some(i), r));
                }
                for ip in
                    bedrock_lint_parser::eval::policy_document::blocks(&r.body, "inline_policy")
                {
                    if let Some(pv) = ip.get("policy") {
                        let id = v.add_policy(&mut docs, pv, PolicyKind::Identity, Some(i), r);
                        p.attachments.push(Attachment {
                            policy: id,
                            resource: i,
                            span: ip.span,
                            via_group: None,
                        });
                    }
                }
                if let Some(arns) = r.body.get("managed_policy_arns") {
                    let pi = v.principals.len();
                    pending_arns.push((pi, arns, i));
                }
            }
            let pi = v.principals.len();
            if let Some(b) = r.body.get("permissions_boundary").filter(|b| !b.is_null()) {
                pending_boundaries.push((pi, b, i));
            }
            idx.principal_by_address
                .entry((&r.root_dir, kind, &r.address))
                .or_default()
                .push(pi);
            if let Some(n) = name {
                idx.principal_by_name
                    .entry((&r.root_dir, kind, n))
                    .or_default()
                    .push(pi);
            }
            v.principals.push(p);
        }
        // Managed policy resources, by address.
        for (i, r) in res
            .iter()
            .enumerate()
            .filter(|(_, r)| managed(r) && r.rtype == "aws_iam_policy")
        {
            if let Some(pv) = r.body.get("policy") {
                let id = v.add_policy(&mut docs, pv, PolicyKind::Identity, Some(i), r);
                idx.managed_by_address.insert((&r.root_dir, &r.address), id);
                if let Some(n) = r.body.get("name").and_then(Value::as_str) {
                    idx.managed_by_name.insert((&r.root_dir, n), id);
                }
            }
        }
        // managed_policy_arns may name the policies just indexed.
        for (pi, arns, ri) in pending_arns {
            v.attach_arns(model, &idx, pi, arns, ri, None);
        }
        for (pi, arn, ri) in pending_boundaries {
            v.principals[pi].boundary = match v.resolve_policy(model, &idx, ri, arn) {
                Resolved::Policy(id, _) => Boundary::Known(id),
                // A managed policy without Bedrock actions: no Bedrock grant survives
                // it, but the catalog holds no document to intersect with, so grants
                // stay as written rather than be guessed away.
                Resolved::NoBedrock | Resolved::Unknown(_) => Boundary::Unknown,
            };
        }
        for (i, r) in res.iter().enumerate().filter(|(_, r)| managed(r)) {
            let b = &r.body;
            match r.rtype.as_str() {
                "aws_iam_role_policy" | "aws_iam_user_policy" | "aws_iam_group_policy" => {
                    let (key, kind) = match r.rtype.as_str() {
                        "aws_iam_role_policy" => ("role", PrincipalKind::Role),
                        "aws_iam_user_policy" => ("user", PrincipalKind::User),
                        _ => ("group", PrincipalKind::Group),
                    };
                    let Some(pv) = b.get("policy") else { continue };
                    let id = v.add_policy(&mut docs, pv, PolicyKind::Identity, Some(i), r);
                    for pi in v.find_principals(model, &idx, b.get(key), kind, i) {
                        v.principals[pi].attachments.push(Attachment {
                            policy: id,
                            resource: i,
                            span: Some(r.header),
                            via_group: None,
                        });
                    }
                }
                "aws_iam_role_policy_attachment"
                | "aws_iam_user_policy_attachment"
                | "aws_iam_group_policy_attachment" => {
                    let (key, kind) = match r.rtype.as_str() {
                        "aws_iam_role_policy_attachment" => ("role", PrincipalKind::Role),
                        "aws_iam_user_policy_attachment" => ("user", PrincipalKind::User),
                        _ => ("group", PrincipalKind::Group),
                    };
                    let Some(arn) = b.get("policy_arn").cloned() else {
                        continue;
                    };
                    for pi in v.find_principals(model, &idx, b.get(key), kind, i) {
                        v.attach_arns(model, &idx, pi, &arn, i, Some(r.header));
                    }
                }
                "aws_iam_role_policy_attachments_exclusive" => {
                    let Some(arns) = b.get("policy_arns").cloned() else {
                        continue;
                    };
                    for pi in
                        v.find_principals(model, &idx, b.get("role_name"), PrincipalKind::Role, i)
                    {
                        v.attach_arns(model, &idx, pi, &arns, i, Some(r.header));
                    }
                }
                "aws_iam_policy_attachment" => {
                    let Some(arn) = b.get("policy_arn").cloned() else {
                        continue;
                    };
                    for (key, kind) in [
                        ("roles", PrincipalKind::Role),
                        ("users", PrincipalKind::User),
                        ("groups", PrincipalKind::Group),
                    ] {
                        for item in list_items(b.get(key)) {
                            for pi in v.find_principals(model, &idx, Some(item), kind, i) {
                                v.attach_arns(model, &idx, pi, &arn, i, Some(r.header));
                            }
                        }
                    }
                }
                "aws_iam_access_key" => {
                    for pi in v.find_principals(model, &idx, b.get("user"), PrincipalKind::User, i)
                    {
                        v.principals[pi].access_keys.push(i);
                    }
                }
                "aws_iam_user_group_membership" => {
                    let users =
                        v.find_principals(model, &idx, b.get("user"), PrincipalKind::User, i);
                    for g in list_items(b.get("groups")) {
                        for gi in v.find_principals(model, &idx, Some(g), PrincipalKind::Group, i) {
                            for &u in &users {
                                v.principals[u].groups.push(gi);
                            }
                        }
                    }
                }
                "aws_iam_group_membership" => {
                    let groups =
                        v.find_principals(model, &idx, b.get("group"), PrincipalKind::Group, i);
                    for u in list_items(b.get("users")) {
                        for ui in v.find_principals(model, &idx, Some(u), PrincipalKind::User, i) {
                            v.principals[ui].groups.extend(groups.iter().copied());
                        }
                    }
                }
                _ => {}
            }
        }
        // Users inherit their groups' attachments.
        for ui in 0..v.principals.len() {
            let groups = v.principals[ui].groups.clone();
            for g in groups {
                let inherited: Vec<Attachment> = v.principals[g]
                    .attachments
                    .iter()
                    .map(|a| Attachment {
                        via_group: Some(g),
                        ..a.clone()
                    })
                    .collect();
                let arns = v.principals[g].managed_arns.clone();
                v.principals[ui].attachments.extend(inherited);
                v.principals[ui].managed_arns.extend(arns);
            }
        }
        (v, docs)
    }

    /// A policy whose document `value` is read later (see [`IamView::build`]).
    fn add_policy<'m>(
        &mut self,
        docs: &mut Vec<(usize, &'m Value)>,
        value: &'m Value,
        kind: PolicyKind,
        resource: Option<usize>,
        r: &Resource,
    ) -> usize {
        docs.push((self.policies.len(), value));
        self.policies.push(Policy {
            id: self.policies.len(),
            doc: PolicyDoc::default(),
            kind,
            resource,
            address: r.address.clone(),
            span: value.best_span(),
            attr: value.via.or(value.span),
        });
        self.policies.len() - 1
    }

    /// Attaches policy ARNs (one string or a list) to principal `pi`.
    fn attach_arns(
        &mut self,
        model: &Model,
        idx: &Index,
        pi: usize,
        arns: &Value,
        resource: usize,
        header: Option<Span>,
    ) {
        for arn in list_items(Some(arns)) {
            match self.resolve_policy(model, idx, resource, arn) {
                Resolved::Policy(id, managed_arn) => {
                    self.principals[pi].attachments.push(Attachment {
                        policy: id,
                        resource,
                        span: header.or(arn.best_span()),
                        via_group: None,
                    });
                    if let Some(text) = managed_arn {
                        self.principals[pi]
                            .managed_arns
                            .push((text, arn.best_span(), resource));
                    }
                }
                Resolved::NoBedrock => {}
                Resolved::Unknown(what) => {
                    self.principals[pi].unknown.push((what, arn.best_span()));
                }
            }
        }
    }

    /// The policy a policy ARN names: an `aws_iam_policy` of this configuration (by
    /// reference or ARN), or an AWS managed policy from the catalog.
    fn resolve_policy(
        &mut self,
        model: &Model,
        idx: &Index,
        resource: usize,
        arn: &Value,
    ) -> Resolved {
        let root = model.resources[resource].root_dir.as_path();
        if let Some(from) = &arn.from {
            if let Some(&id) = idx.managed_by_address.get(&(root, from.as_str())) {
                return Resolved::Policy(id, None);
            }
        }
        let resolved = managed_arn_of(model, &model.resources[resource], arn);
        let Some(text) = arn.as_str().or(resolved.as_deref()) else {
            return match arn.unknown_what() {
                Some(what) => Resolved::Unknown(what.to_string()),
                None => Resolved::NoBedrock,
            };
        };
        if let Some(m) = catalog().managed_policy(text) {
            let id = match self
                .policies
                .iter()
                .position(|p| p.kind == PolicyKind::AwsManaged && p.address == m.name)
            {
                Some(id) => id,
                None => {
                    let doc_value =
                        bedrock_lint_parser::value::decode_json(&Value::string(m.document, None))
                            .unwrap_or_else(|_| Value::null(None));
                    self.policies.push(Policy {
                        id: self.policies.len(),
                        doc: PolicyDoc::from_value(&strip_spans(doc_value)),
                        kind: PolicyKind::AwsManaged,
                        resource: None,
                        address: m.name.clone(),
                        span: None,
                        attr: None,
                    });
                    self.policies.len() - 1
                }
            };
            return Resolved::Policy(id, Some(text.to_string()));
        }
        if let Some(id) = policy_by_arn(idx, root, text) {
            return Resolved::Policy(id, None);
        }
        if text.starts_with("arn:aws:iam::aws:policy/") {
            // An AWS managed policy without Bedrock actions: grants nothing we track.
            return Resolved::NoBedrock;
        }
        Resolved::Unknown(format!(
            "policy {text} (not defined in the scanned configuration)"
        ))
    }

    /// Principals a reference (`aws_iam_role.x.name`, a literal name, an ARN) names.
    fn find_principals(
        &self,
        model: &Model,
        idx: &Index,
        v: Option<&Value>,
        kind: PrincipalKind,
        from_resource: usize,
    ) -> Vec<usize> {
        let Some(v) = v else { return vec![] };
        let root = model.resources[from_resource].root_dir.as_path();
        if let Some(from) = &v.from {
            if let Some(hits) = idx.principal_by_address.get(&(root, kind, from.as_str())) {
                return hits.clone();
            }
        }
        let Some(name) = v.as_str() else {
            return vec![];
        };
        let name = name.rsplit('/').next().unwrap_or(name);
        idx.principal_by_name
            .get(&(root, kind, name))
            .cloned()
            .unwrap_or_default()
    }
}

/// A customer managed policy named by a literal ARN `arn:aws:iam::123:policy/name`.
fn policy_by_arn(idx: &Index, root: &Path, arn: &str) -> Option<usize> {
    let name = arn.rsplit('/').next()?;
    idx.managed_by_name.get(&(root, name)).copied()
}

/// What a policy ARN names.
enum Resolved {
    /// A policy of the view (and the AWS managed policy ARN, when it is one).
    Policy(usize, Option<String>),
    /// An AWS managed policy that grants no Bedrock action.
    NoBedrock,
    /// Not known statically: what is unknown.
    Unknown(String),
}

/// A list value's items, or the value itself when it is one item.
/// The policy documents of `r` that [`IamView::structure`] adds, read ahead of it.
/// One it adds that is not here is read after it: only the time is lost.
fn documents(r: &Resource) -> Vec<&Value> {
    if r.mode != Mode::Managed {
        return vec![];
    }
    match r.rtype.as_str() {
        "aws_iam_role" => {
            let inline =
                bedrock_lint_parser::eval::policy_document::blocks(&r.body, "inline_policy");
            r.body
                .get("assume_role_policy")
                .into_iter()
                .chain(inline.into_iter().filter_map(|ip| ip.get("policy")))
                .collect()
        }
        "aws_iam_policy"
        | "aws_iam_role_policy"
        | "aws_iam_user_policy"
        | "aws_iam_group_policy" => r.body.get("policy").into_iter().collect(),
        _ => vec![],
    }
}

/// Where a value lives in the model: the key a document read ahead is found by.
fn at(value: &Value) -> usize {
    std::ptr::from_ref(value) as usize
}

fn list_items(v: Option<&Value>) -> Vec<&Value> {
    match v {
        Some(v) => match &v.kind {
            Kind::List(items) => items.iter().collect(),
            Kind::Null => vec![],
            _ => vec![v],
        },
        None => vec![],
    }
}

/// Values from the embedded catalog point nowhere in the user's files.
fn strip_spans(mut v: Value) -> Value {
    v.span = None;
    v.via = None;
    match &mut v.kind {
        Kind::List(l) => {
            let items = std::mem::take(l);
            *l = items.into_iter().map(strip_spans).collect();
        }
        Kind::Object(o) => {
            for e in o.iter_mut() {
                e.key_span = None;
                let val = std::mem::replace(&mut e.value, Value::null(None));
                e.value = strip_spans(val);
            }
        }
        _ => {}
    }
    v
}

pub fn is_allow(e: Effect) -> bool {
    e == Effect::Allow
}

/// The ARN of an AWS managed policy named in a way only partly known to the
/// evaluator (RULES.md "Well-known data sources"): `arn:${partition}:iam::aws:policy/…`,
/// or `data "aws_iam_policy"` with the policy's `name` or `arn`.
fn managed_arn_of(model: &Model, at: &Resource, v: &Value) -> Option<String> {
    if let Some(skel) = v.template().and_then(super::partial::skeleton) {
        // Only the partition may be unknown: the catalog names every policy in `aws`.
        let text = skel.replace(super::partial::PARTITION, "aws");
        return (!super::partial::has_hole(&text) && catalog().managed_policy(&text).is_some())
            .then_some(text);
    }
    let what = v.unknown_what()?;
    let rest = what.strip_prefix("data.aws_iam_policy.")?;
    let (name, attr) = rest.split_once('.')?;
    if !matches!(attr, "arn" | "id") {
        return None;
    }
    // The data source of the same module instance as the attachment.
    let address = match at.module.as_str() {
        "" => format!("data.aws_iam_policy.{name}"),
        m => format!("{m}.data.aws_iam_policy.{name}"),
    };
    let data = model
        .resources
        .iter()
        .find(|r| r.mode == Mode::Data && r.root_dir == at.root_dir && r.address == address)?;
    let by_arn = data.body.get("arn").and_then(|a| {
        a.as_str()
            .map(str::to_string)
            .or_else(|| managed_arn_of(model, at, a))
    });
    let by_name = data
        .body
        .get("name")
        .and_then(Value::as_str)
        .and_then(|n| catalog().managed_policy_named(n))
        .map(|m| m.arn.clone());
    by_arn.or(by_name)
}
