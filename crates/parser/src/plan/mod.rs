//! Terraform plan JSON (`terraform show -json`): resources from `planned_values` (root
//! and child modules), with `after_unknown` values kept unknown. When the plan's
//! configuration is analysed too, plan values fill in what the HCL could not know and
//! findings keep pointing at the `.tf` source.

mod links;

use crate::model::types::{Mode, Resource};
use crate::span::{FileId, Span};
use crate::syntax::json::Json;
use crate::value::{from_json, Entry, Kind, Value};
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// Every resource instance a plan describes, spans in the plan file.
pub fn resources(file: FileId, plan: &Json, dir: &Path) -> Vec<Resource> {
    let span_of = |a: usize, b: usize| Some(Span::new(file, a, b));
    let mut unknown: HashMap<String, &Json> = HashMap::new();
    for rc in plan
        .get("resource_changes")
        .and_then(Json::as_array)
        .unwrap_or(&[])
    {
        if let (Some(addr), Some(au)) = (
            rc.get("address").and_then(Json::as_str),
            rc.get("change").and_then(|c| c.get("after_unknown")),
        ) {
            unknown.insert(addr.to_string(), au);
        }
    }
    let planned = planned_addresses(plan);
    let mut out = Vec::new();
    // Planned resources, then the data sources Terraform read while planning
    // (`prior_state`: the caller identity among them, the deploying account).
    let mut stack: Vec<(&Json, bool)> = plan
        .get("planned_values")
        .and_then(|p| p.get("root_module"))
        .map(|m| (m, false))
        .into_iter()
        .chain(
            plan.get("prior_state")
                .and_then(|p| p.get("values"))
                .and_then(|v| v.get("root_module"))
                .map(|m| (m, true)),
        )
        .collect();
    let mut seen: HashSet<String> = HashSet::new();
    while let Some((m, prior)) = stack.pop() {
        for r in m.get("resources").and_then(Json::as_array).unwrap_or(&[]) {
            let get = |k: &str| r.get(k).and_then(Json::as_str).unwrap_or("").to_string();
            let address = get("address");
            if (prior && get("mode") != "data") || !seen.insert(address.clone()) {
                continue;
            }
            let mode = if get("mode") == "data" {
                Mode::Data
            } else {
                Mode::Managed
            };
            let mut body = r
                .get("values")
                .map(|v| from_json(v, &span_of))
                .unwrap_or_else(|| Value::object(vec![], None));
            if let Some(au) = unknown.get(&address) {
                mark_unknown(&mut body, au, &address);
            }
            link_unknowns(&mut body, plan, &address, &planned);
            body.span = Some(Span::new(file, r.start, r.end));
            let module = address
                .rsplit_once(&format!(".{}.", get("type")))
                .map(|(m, _)| m.to_string())
                .unwrap_or_default();
            let module = if address.starts_with("module.") {
                module
            } else {
                String::new()
            };
            out.push(Resource {
                body: body.with_from(std::sync::Arc::new(address.clone())),
                module,
                mode,
                rtype: get("type"),
                name: get("name"),
                header: span_of(r.start, r.start + 1).unwrap_or(Span::new(file, 0, 0)),
                span: Span::new(file, r.start, r.end),
                dir: dir.to_path_buf(),
                root_dir: dir.to_path_buf(),
                address,
                from_plan: true,
            });
        }
        for c in m
            .get("child_modules")
            .and_then(Json::as_array)
            .unwrap_or(&[])
        {
            stack.push((c, prior));
        }
    }
    out.sort_by(|a, b| a.address.cmp(&b.address));
    out
}

/// Every resource instance address in `planned_values`.
fn planned_addresses(plan: &Json) -> HashSet<&str> {
    let mut out = HashSet::new();
    let mut stack: Vec<&Json> = plan
        .get("planned_values")
        .and_then(|p| p.get("root_module"))
        .into_iter()
        .collect();
    while let Some(m) = stack.pop() {
        for r in m.get("resources").and_then(Json::as_array).unwrap_or(&[]) {
            if let Some(a) = r.get("address").and_then(Json::as_str) {
                out.insert(a);
            }
        }
        stack.extend(
            m.get("child_modules")
                .and_then(Json::as_array)
                .unwrap_or(&[]),
        );
    }
    out
}

/// An attribute known only after apply that refers to one resource of the plan
/// (`role = aws_iam_role.ingest.id`) comes from that resource, as in HCL.
fn link_unknowns(body: &mut Value, plan: &Json, address: &str, planned: &HashSet<&str>) {
    if let Kind::Object(entries) = &mut body.kind {
        for e in entries.iter_mut().filter(|e| e.value.is_unknown()) {
            if let Some(target) = links::referenced(plan, address, &e.key, planned) {
                e.value.from = Some(target.into());
            }
        }
    }
}

/// `after_unknown` mirrors the values: `true` where the value is known only after
/// apply. Such a value is unknown, named by its path, never absent.
fn mark_unknown(v: &mut Value, au: &Json, path: &str) {
    use crate::syntax::json::JsonKind as J;
    let unknown = |p: &str| Value::unknown(format!("{p} (known after apply)"), None);
    match &au.kind {
        J::Bool(true) => {
            let span = v.span;
            *v = unknown(path);
            v.span = span;
        }
        J::Object(members) => {
            if v.is_null() && members.iter().any(|m| has_unknown(&m.value)) {
                *v = Value::object(vec![], v.span);
            }
            let Kind::Object(ref mut entries) = v.kind else {
                return;
            };
            for m in members {
                let p = format!("{path}.{}", m.key);
                match entries.iter_mut().find(|e| e.key == m.key) {
                    Some(e) => mark_unknown(&mut e.value, &m.value, &p),
                    None if has_unknown(&m.value) => {
                        let mut x = Value::null(None);
                        mark_unknown(&mut x, &m.value, &p);
                        entries.push(Entry {
                            key: m.key.as_str().into(),
                            key_span: None,
                            value: x,
                        });
                    }
                    None => {}
                }
            }
        }
        J::Array(items) => {
            if v.is_null() && items.iter().any(has_unknown) {
                *v = Value::list(vec![], v.span);
            }
            let Kind::List(ref mut l) = v.kind else {
                return;
            };
            if l.len() < items.len() && items[l.len()..].iter().any(has_unknown) {
                l.resize(items.len(), Value::null(None));
            }
            for (i, (x, a)) in l.iter_mut().zip(items).enumerate() {
                mark_unknown(x, a, &format!("{path}[{i}]"));
            }
        }
        _ => {}
    }
}

/// Does this `after_unknown` tree mark anything unknown?
fn has_unknown(au: &Json) -> bool {
    use crate::syntax::json::JsonKind as J;
    match &au.kind {
        J::Bool(b) => *b,
        J::Object(members) => members.iter().any(|m| has_unknown(&m.value)),
        J::Array(items) => items.iter().any(has_unknown),
        _ => false,
    }
}

/// The HCL value with the plan's knowledge filled in where the HCL value is unknown.
/// Filled values point at the HCL expression they replace.
pub fn merge(hcl: &Value, plan: &Value) -> Value {
    if hcl.is_unknown() {
        if plan.is_unknown() {
            return hcl.clone();
        }
        let at = hcl.span.or(hcl.via);
        let mut v = respan(plan.clone(), at);
        // A `jsonencode()` the HCL knew in part (a policy with a few unknown ARNs):
        // the plan's JSON fills the unknown parts of that structure, and every part
        // the HCL knew keeps pointing where it is written.
        if let (Some(structure), Kind::String(_)) = (hcl.encoded_structure(), &plan.kind) {
            if let Ok(decoded) = crate::value::decode_json(&v) {
                if let Kind::String(s) = &mut v.kind {
                    *s = std::sync::Arc::new(
                        s.with_structure(merge(structure, &respan(decoded, at))),
                    );
                }
            }
        }
        v.via = hcl.via;
        v.from = hcl.from.clone().or(plan.from.clone());
        return v;
    }
    match (&hcl.kind, &plan.kind) {
        (Kind::Object(he), Kind::Object(pe)) => {
            let mut entries = he.clone();
            for e in entries.iter_mut() {
                if let Some(p) = pe.iter().find(|p| p.key == e.key) {
                    e.value = merge(&e.value, &p.value);
                }
            }
            let mut v = hcl.clone();
            v.kind = Kind::Object(entries);
            v
        }
        (Kind::List(hl), Kind::List(pl)) if hl.len() == pl.len() => {
            let mut v = hcl.clone();
            v.kind = Kind::List(hl.iter().zip(pl).map(|(h, p)| merge(h, p)).collect());
            v
        }
        _ => hcl.clone(),
    }
}

fn respan(mut v: Value, span: Option<Span>) -> Value {
    v.span = span;
    if let Kind::String(s) = &mut v.kind {
        let s = std::sync::Arc::make_mut(s);
        let len = s.text().len();
        let segments = s.segments_mut();
        for seg in segments.iter_mut() {
            if let Some(sp) = span {
                seg.source = sp;
                seg.exact = false;
            }
        }
        if segments.is_empty() {
            if let Some(sp) = span {
                *segments = crate::value::Segments::One(crate::value::Segment {
                    start: 0,
                    len,
                    source: sp,
                    exact: false,
                });
            }
        }
    }
    match &mut v.kind {
        Kind::List(l) => {
            let items = std::mem::take(l);
            *l = items.into_iter().map(|x| respan(x, span)).collect();
        }
        Kind::Object(o) => {
            for e in o.iter_mut() {
                e.key_span = span.or(e.key_span);
                let val = std::mem::replace(&mut e.value, Value::null(None));
                e.value = respan(val, span);
            }
        }
        _ => {}
    }
    v
}
