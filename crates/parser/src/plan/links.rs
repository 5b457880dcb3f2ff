//! Links through the plan's `configuration` section: an attribute known only after
//! apply (`role = aws_iam_role.ingest.id` of a role created in the same apply) names,
//! in `expressions.<attr>.references`, the resource it comes from. Resolved to that
//! resource's instance address, the way Terraform scopes references to their module.

use crate::syntax::json::Json;
use std::collections::HashSet;

/// References that name something other than a resource.
const NOT_RESOURCES: [&str; 8] = [
    "var",
    "local",
    "each",
    "count",
    "path",
    "terraform",
    "self",
    "module",
];

/// A resource instance address taken apart.
struct Instance {
    /// Module call names, instance keys dropped (the configuration's nesting).
    modules: Vec<String>,
    /// The module call segments with their keys (`team["search"]`).
    calls: Vec<String>,
    /// `module.team["search"].`: what references inside the module resolve under.
    prefix: String,
    /// The address inside its module, key dropped: `aws_iam_role_policy.invoke`.
    config: String,
    /// The instance key with its brackets: `[0]`, `["a"]`.
    key: Option<String>,
}

/// The resource instance `attr` of the resource at `address` refers to, when its
/// expression refers to exactly one resource of the plan.
pub fn referenced(
    plan: &Json,
    address: &str,
    attr: &str,
    planned: &HashSet<&str>,
) -> Option<String> {
    let inst = parse_instance(address)?;
    let res = config_resource(plan, &inst)?;
    let refs = res
        .get("expressions")
        .and_then(|e| e.get(attr))
        .and_then(|a| a.get("references"))
        .and_then(Json::as_array)?;
    one_target(plan, refs, &inst, planned, 0)
}

fn resolve(reference: &str, inst: &Instance, planned: &HashSet<&str>) -> Option<String> {
    let segs = split(reference);
    let first = *segs.first()?;
    if NOT_RESOURCES.contains(&first) {
        return None;
    }
    let (data, ty, name) = match first {
        "data" => (true, *segs.get(1)?, *segs.get(2)?),
        _ => (false, first, *segs.get(1)?),
    };
    let (name, key) = match name.find('[') {
        Some(i) => (&name[..i], Some(&name[i..])),
        None => (name, None),
    };
    let base = format!(
        "{}{}{ty}.{name}",
        inst.prefix,
        if data { "data." } else { "" }
    );
    let exists = |a: &str| planned.contains(a);
    if let Some(k) = key {
        let a = format!("{base}{k}");
        return exists(&a).then_some(a);
    }
    if exists(&base) {
        return Some(base);
    }
    // `aws_iam_role.r` of a counted role: the instance with the referrer's own key,
    // else the only one.
    if let Some(k) = &inst.key {
        let a = format!("{base}{k}");
        if exists(&a) {
            return Some(a);
        }
    }
    let open = format!("{base}[");
    let mut keyed = planned.iter().filter(|a| a.starts_with(&open));
    match (keyed.next(), keyed.next()) {
        (Some(one), None) => Some(one.to_string()),
        _ => None,
    }
}

/// The configuration entry of a resource: `root_module`, down its module calls.
fn config_resource<'p>(plan: &'p Json, inst: &Instance) -> Option<&'p Json> {
    let mut module = plan.get("configuration")?.get("root_module")?;
    for m in &inst.modules {
        module = module.get("module_calls")?.get(m)?.get("module")?;
    }
    module
        .get("resources")?
        .as_array()?
        .iter()
        .find(|r| r.get("address").and_then(Json::as_str) == Some(inst.config.as_str()))
}

fn parse_instance(address: &str) -> Option<Instance> {
    let segs = split(address);
    let mut i = 0;
    let mut calls = Vec::new();
    while segs.get(i) == Some(&"module") {
        calls.push(segs.get(i + 1)?.to_string());
        i += 2;
    }
    let (modules, prefix) = scope_of(&calls);
    let rest = segs.get(i..)?;
    let (config, last) = match rest {
        ["data", ty, name] => (format!("data.{ty}"), *name),
        [ty, name] => (ty.to_string(), *name),
        _ => return None,
    };
    let (name, key) = match last.find('[') {
        Some(k) => (&last[..k], Some(last[k..].to_string())),
        None => (last, None),
    };
    Some(Instance {
        modules,
        calls,
        prefix,
        config: format!("{config}.{name}"),
        key,
    })
}

/// Module names and the address prefix of a chain of module call segments.
fn scope_of(calls: &[String]) -> (Vec<String>, String) {
    let modules = calls
        .iter()
        .map(|c| c.split('[').next().unwrap_or(c).to_string())
        .collect();
    let prefix = calls.iter().map(|c| format!("module.{c}.")).collect();
    (modules, prefix)
}

/// A module input's references, resolved in the calling module (`var.role` inside
/// `module.app` is what `module "app" { role = … }` refers to).
fn through_variable(
    plan: &Json,
    name: &str,
    inst: &Instance,
    planned: &HashSet<&str>,
    depth: usize,
) -> Option<String> {
    let (call, outer) = inst.calls.split_last()?;
    let (outer_modules, outer_prefix) = scope_of(outer);
    let mut module = plan.get("configuration")?.get("root_module")?;
    for m in &outer_modules {
        module = module.get("module_calls")?.get(m)?.get("module")?;
    }
    let call_name = call.split('[').next().unwrap_or(call);
    let refs = module
        .get("module_calls")?
        .get(call_name)?
        .get("expressions")?
        .get(name)?
        .get("references")?
        .as_array()?;
    let caller = Instance {
        modules: outer_modules,
        calls: outer.to_vec(),
        prefix: outer_prefix,
        config: String::new(),
        key: None,
    };
    one_target(plan, refs, &caller, planned, depth + 1)
}

/// The one resource a list of references names, if it is one.
fn one_target(
    plan: &Json,
    refs: &[Json],
    inst: &Instance,
    planned: &HashSet<&str>,
    depth: usize,
) -> Option<String> {
    let mut targets: Vec<String> = Vec::new();
    for r in refs.iter().filter_map(Json::as_str) {
        let found = match r.strip_prefix("var.") {
            // Module nesting is bounded by the plan itself; the depth guards
            // against a malformed one.
            Some(v) if depth < 64 => {
                through_variable(plan, v.split('.').next().unwrap_or(v), inst, planned, depth)
            }
            Some(_) => None,
            None => resolve(r, inst, planned),
        };
        if let Some(t) = found {
            if !targets.contains(&t) {
                targets.push(t);
            }
        }
    }
    match targets.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// An address or reference split at the dots outside brackets and quotes.
fn split(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut quoted, mut escaped, mut start) = (0usize, false, false, 0);
    for (i, c) in s.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            '[' if !quoted => depth += 1,
            ']' if !quoted => depth = depth.saturating_sub(1),
            '.' if !quoted && depth == 0 => {
                out.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&s[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_split_outside_brackets_and_quotes() {
        assert_eq!(
            split(r#"module.a["x.y"].aws_iam_role.r[0].id"#),
            ["module", r#"a["x.y"]"#, "aws_iam_role", "r[0]", "id"]
        );
        let i =
            parse_instance(r#"module.a["k"].module.b.data.aws_iam_role.r["z"]"#).expect("instance");
        assert_eq!(i.modules, ["a", "b"]);
        assert_eq!(i.prefix, r#"module.a["k"].module.b."#);
        assert_eq!(i.config, "data.aws_iam_role.r");
        assert_eq!(i.key.as_deref(), Some(r#"["z"]"#));
    }
}
