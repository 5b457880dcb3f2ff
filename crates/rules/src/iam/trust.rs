//! Trust-policy analysis: which statements let a web-identity (OIDC) provider, a
//! human, or anyone assume a role, and what their `sub` conditions pin.

use super::policy::{Condition, Effect, Elem, PolicyDoc, PrincipalElem, Statement};
use crate::catalog::{catalog, wildcard_match};
use crate::date::Date;
use bedrock_lint_parser::{Model, Span};

/// Hosts of the well-known CI/CD web-identity providers.
pub const KNOWN_HOSTS: [&str; 8] = [
    "token.actions.githubusercontent.com",
    "gitlab.com",
    "app.terraform.io",
    "oidc.circleci.com",
    "api.bitbucket.org",
    "agent.buildkite.com",
    "vstoken.dev.azure.com",
    "bitbucket",
];

/// Is `text` an action pattern with a Bedrock meaning (it expands to catalog actions)?
pub fn is_bedrock_pattern(text: &str) -> bool {
    catalog().matches_any(text)
}

/// Does an Allow statement allow `action` (lower-case) through its Action patterns?
pub fn allows_action(st: &Statement, action: &str) -> bool {
    if st.effect != Effect::Allow {
        return false;
    }
    if let Some(a) = &st.action {
        return a
            .texts()
            .any(|t| wildcard_match(&t.to_ascii_lowercase(), action));
    }
    if let Some(na) = &st.not_action {
        return !na.is_unknown()
            && !na
                .texts()
                .any(|t| wildcard_match(&t.to_ascii_lowercase(), action));
    }
    false
}

/// A web-identity provider a trust statement names.
#[derive(Debug, Clone)]
pub struct WebIdentity<'a> {
    pub stmt: &'a Statement,
    pub principal: &'a PrincipalElem,
    pub elem: &'a Elem,
    /// The provider host (`token.actions.githubusercontent.com`), when known.
    pub host: Option<String>,
    /// A short name for messages (the host, or the unknown reference).
    pub name: String,
}

impl<'a> WebIdentity<'a> {
    /// The span of the `Principal`/`principals` entry.
    pub fn principal_span(&self) -> Option<Span> {
        // Written elsewhere and handed in (a module input, a variable): the literal is
        // where the fix goes (RULES.md "Primary span").
        if self.elem.via.is_some() {
            if let Some(s) = self.elem.span {
                return Some(s);
            }
        }
        self.principal
            .key_span
            .or(self.principal.span)
            .or(self.elem.primary())
            .or(self.stmt.span)
    }

    /// Conditions on the provider's `sub` claim (positive string operators only).
    pub fn sub_conditions(&self) -> Vec<&'a Condition> {
        self.stmt
            .conditions
            .iter()
            .filter(|c| {
                let k = c.key.to_ascii_lowercase();
                let on_sub = match &self.host {
                    Some(h) => k == format!("{}:sub", h.to_ascii_lowercase()),
                    None => k.ends_with(":sub"),
                };
                on_sub && is_positive_string_op(&c.operator)
            })
            .collect()
    }
}

fn is_positive_string_op(op: &str) -> bool {
    let op = op
        .trim_start_matches("ForAnyValue:")
        .trim_start_matches("ForAllValues:")
        .trim_end_matches("IfExists");
    matches!(
        op,
        "StringEquals" | "StringLike" | "StringEqualsIgnoreCase" | "ArnEquals" | "ArnLike"
    )
}

/// The provider host named by a `Federated` value, if it is a web-identity
/// provider: `Some(Some(host))` when the host is known, `Some(None)` for an
/// `aws_iam_openid_connect_provider` whose ARN is not known statically.
pub fn provider_of(e: &Elem) -> Option<Option<String>> {
    // A partly known ARN (`arn:aws:iam::${account_id}:oidc-provider/host`) names
    // its host as well as a known one does.
    let text = e.text().or(e
        .partial()
        .map(|(skel, _)| skel)
        .filter(|s| s.contains(":oidc-provider/")));
    match text {
        Some(t) => {
            let host = match t.split_once(":oidc-provider/") {
                Some((pre, host)) if pre.starts_with("arn:") => host,
                _ => {
                    let t = t.trim_start_matches("https://");
                    if !KNOWN_HOSTS
                        .iter()
                        .any(|h| t == *h || t.starts_with(&format!("{h}/")))
                    {
                        return None;
                    }
                    t
                }
            };
            if super::partial::has_hole(host) {
                return Some(None);
            }
            Some(Some(host.trim_start_matches("https://").to_string()))
        }
        None => {
            let what = e.unknown().unwrap_or("");
            (what.contains("aws_iam_openid_connect_provider") || what.contains(":oidc-provider/"))
                .then_some(None)
        }
    }
}

/// Every web-identity provider an Allow statement of `doc` trusts through
/// `sts:AssumeRoleWithWebIdentity`.
pub fn web_identities(doc: &PolicyDoc) -> Vec<WebIdentity<'_>> {
    let mut out = Vec::new();
    for st in &doc.statements {
        if !allows_action(st, "sts:assumerolewithwebidentity") {
            continue;
        }
        let Some(p) = &st.principal else { continue };
        for (ty, f) in &p.entries {
            if !ty.eq_ignore_ascii_case("Federated") {
                continue;
            }
            for e in &f.items {
                let Some(host) = provider_of(e) else { continue };
                // With the ARN unknown, the claim keys name the host.
                let host = host.or_else(|| {
                    st.conditions.iter().find_map(|c| {
                        let k = c.key.as_str();
                        k.strip_suffix(":sub")
                            .or_else(|| k.strip_suffix(":aud"))
                            // A key known only in part names no host.
                            .filter(|h| !h.contains("${"))
                            .map(str::to_string)
                    })
                });
                let name = host
                    .clone()
                    .or_else(|| e.shown().map(str::to_string))
                    .or_else(|| e.unknown().map(str::to_string))
                    .unwrap_or_else(|| "an OIDC provider".into());
                out.push(WebIdentity {
                    stmt: st,
                    principal: p,
                    elem: e,
                    host,
                    name,
                });
            }
        }
    }
    out
}

/// Like [`web_identities`], naming the host of an `aws_iam_openid_connect_provider`
/// of this configuration from its `url` when its ARN is not known statically.
pub fn web_identities_in<'d>(
    model: &Model,
    doc: &'d PolicyDoc,
    today: Date,
) -> Vec<WebIdentity<'d>> {
    let mut v = web_identities(doc);
    v.retain(|wi| !crate::date::expired(wi.stmt, today));
    for wi in &mut v {
        if wi.host.is_some() {
            continue;
        }
        let Some(what) = wi.elem.unknown() else {
            continue;
        };
        let url = model.resources.iter().find_map(|r| {
            let rest = what.strip_prefix(r.address.as_str())?;
            if !rest.starts_with('.') || !r.rtype.ends_with("aws_iam_openid_connect_provider") {
                return None;
            }
            r.body.get("url")?.as_str().map(str::to_string)
        });
        if let Some(url) = url {
            let host = url.trim_start_matches("https://").trim_end_matches('/');
            wi.host = Some(host.to_string());
            wi.name = host.to_string();
        }
    }
    v
}

/// How far a `sub` value pins the workload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubScope {
    /// The owner/organisation (or the repository) is a wildcard.
    Unscoped,
    /// The repository is pinned, the branch/environment is open.
    AnyRef,
    /// Fully pinned.
    Pinned,
}

fn wild(s: &str) -> bool {
    s.contains(['*', '?'])
}

/// Classifies one `sub` value (GitHub `repo:org/app:...`, GitLab
/// `project_path:group/app:...`, Terraform Cloud / Buildkite `organization:org:...`).
pub fn sub_scope(v: &str) -> SubScope {
    if v.is_empty() || v.starts_with(['*', '?']) {
        return SubScope::Unscoped;
    }
    for prefix in ["repo:", "project_path:"] {
        if let Some(rest) = v.strip_prefix(prefix) {
            let (path, tail) = rest.split_once(':').unwrap_or((rest, ""));
            let (owner, repo) = path.split_once('/').unwrap_or((path, ""));
            if owner.is_empty() || wild(owner) || wild(repo) || repo.is_empty() && wild(tail) {
                return SubScope::Unscoped;
            }
            if repo.is_empty() {
                return SubScope::Unscoped;
            }
            return if wild(tail) {
                SubScope::AnyRef
            } else {
                SubScope::Pinned
            };
        }
    }
    if let Some(rest) = v.strip_prefix("organization:") {
        let parts: Vec<&str> = rest.split(':').collect();
        if parts.first().is_none_or(|o| wild(o)) || parts.len() < 3 || wild(parts[2]) {
            return SubScope::Unscoped;
        }
        return if parts[3..].iter().any(|p| wild(p)) {
            SubScope::AnyRef
        } else {
            SubScope::Pinned
        };
    }
    if wild(v) {
        SubScope::AnyRef
    } else {
        SubScope::Pinned
    }
}

/// Is an AWS principal string a human: an IAM user, an account root (or bare
/// account id), or an IAM Identity Center role?
pub fn is_human(ty: &str, text: &str) -> bool {
    if !ty.eq_ignore_ascii_case("AWS") {
        return false;
    }
    account_root(text).is_some()
        || (text.starts_with("arn:") && text.contains(":user/"))
        || text.contains("AWSReservedSSO_")
}

/// The account of `arn:aws:iam::ACCOUNT:root` or a bare 12-digit account id.
pub fn account_root(text: &str) -> Option<&str> {
    let account = |s: &str| {
        (s.len() == 12 && s.bytes().all(|b| b.is_ascii_digit()))
            || super::partial::is_deploying_account(s)
    };
    if account(text) {
        return Some(text);
    }
    let parts: Vec<&str> = text.split(':').collect();
    if parts.len() == 6 && parts[0] == "arn" && parts[2] == "iam" && parts[5] == "root" {
        // `arn:aws:iam::${data.aws_caller_identity.x.account_id}:root` too.
        return Some(parts[4]);
    }
    None
}
