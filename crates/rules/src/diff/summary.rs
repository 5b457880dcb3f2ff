//! The one-line summary a reviewer reads first ("this change lets `chat-api-prod`
//! invoke 2 more models and adds a human to a pipeline role"), shared by every format.

use super::changes::{Change, Kind};
use super::Comparison;
use crate::Severity;

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn trust_clause(c: &Change, item: &str) -> String {
    let who = c.label();
    match item.split(' ').next().unwrap_or("") {
        "human" if c.federated => format!("adds a human to a pipeline role (`{who}`)"),
        "human" => format!("lets a human assume `{who}`"),
        "any" => format!("lets anyone (`*`) assume `{who}`"),
        "oidc" => format!("lets a new OIDC subject assume `{who}`"),
        "account" => format!("lets another account assume `{who}`"),
        _ => format!("lets another principal assume `{who}`"),
    }
}

/// The clauses for one change (widenings; narrowings only when `narrow`).
fn clauses(c: &Change, narrow: bool) -> Vec<String> {
    let who = c.label();
    let (added, removed) = (c.added.len(), c.removed.len());
    let wild: Vec<&String> = c.added.iter().filter(|m| m.contains('*')).collect();
    let mut out = Vec::new();
    match c.kind {
        Kind::PrincipalAdded if added > 0 => out.push(format!(
            "adds `{who}`, which can invoke {}",
            plural(added, "model", "models")
        )),
        Kind::PrincipalAdded => out.push(format!("adds `{who}`")),
        Kind::PrincipalRemoved if narrow => out.push(format!("removes `{who}`")),
        Kind::Models if !wild.is_empty() => out.push(format!(
            "lets `{who}` invoke {}",
            wild.iter()
                .map(|m| format!("`{m}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
        Kind::Models if added > 0 => out.push(format!(
            "lets `{who}` invoke {} more",
            plural(added, "model", "models")
        )),
        Kind::Models if narrow => out.push(format!(
            "stops `{who}` invoking {}",
            plural(removed, "model", "models")
        )),
        Kind::Invoke if added > 0 => out.push(format!(
            "gives `{who}` {} more",
            plural(added, "model-invoke action", "model-invoke actions")
        )),
        Kind::Regions if added > 0 => out.push(format!(
            "lets `{who}` invoke in {} more",
            plural(added, "region", "regions")
        )),
        Kind::Accounts if added > 0 => out.push(format!(
            "lets `{who}` invoke in {} more",
            plural(added, "account", "accounts")
        )),
        Kind::Admin if added > 0 => out.push(format!(
            "gives `{who}` {}",
            plural(added, "Bedrock admin action", "Bedrock admin actions")
        )),
        Kind::Escalation if added > 0 => out.push(format!(
            "gives `{who}` {}",
            plural(added, "escalation action", "escalation actions")
        )),
        Kind::Sensitive if added > 0 => out.push(format!(
            "gives `{who}` {}",
            plural(added, "sensitive action", "sensitive actions")
        )),
        Kind::Trust => {
            let mut seen = Vec::new();
            for item in &c.added {
                let clause = trust_clause(c, item);
                if !seen.contains(&clause) {
                    seen.push(clause);
                }
            }
            out.extend(seen);
        }
        Kind::MaxSession => {
            let n = |s: &Option<String>| s.as_deref().and_then(|v| v.parse::<u64>().ok());
            match (n(&c.from), n(&c.to)) {
                (Some(a), Some(b)) if b > a => {
                    out.push(format!("raises `{who}`'s maximum session to {b} s"))
                }
                (_, None) => out.push(format!("makes `{who}`'s maximum session unknown")),
                _ => {}
            }
        }
        Kind::AccessKeys => {
            let n = |s: &Option<String>| s.as_deref().and_then(|v| v.parse::<u64>().ok());
            if n(&c.to) > n(&c.from) {
                out.push(format!("creates an access key for `{who}`"));
            }
        }
        Kind::ApiKey if added > 0 => {
            out.push(format!("creates a Bedrock API key (`{}`)", c.added[0]))
        }
        _ => {}
    }
    out
}

fn join(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The summary sentence.
pub fn sentence(cmp: &Comparison) -> String {
    let mut parts: Vec<String> = cmp.changes.iter().flat_map(|c| clauses(c, false)).collect();
    if parts.is_empty() {
        parts = cmp.changes.iter().flat_map(|c| clauses(c, true)).collect();
    }
    let mut s = if parts.is_empty() && !cmp.changes.is_empty() {
        format!(
            "This change narrows Bedrock access ({}).",
            plural(cmp.changes.len(), "change", "changes")
        )
    } else if parts.is_empty() {
        "This change does not change Bedrock access.".to_string()
    } else {
        format!("This change {}.", join(&parts))
    };
    let new: Vec<_> = cmp.new_findings().collect();
    if !new.is_empty() {
        let errors = new.iter().filter(|f| f.severity == Severity::Error).count();
        s.push_str(&format!(
            " It brings {} ({}).",
            plural(new.len(), "new finding", "new findings"),
            plural(errors, "error", "errors")
        ));
    }
    let fixed = cmp.resolved.len();
    if fixed > 0 {
        s.push_str(&format!(
            " It resolves {}.",
            plural(fixed, "finding", "findings")
        ));
    }
    s
}
