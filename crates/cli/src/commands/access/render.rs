//! The access map's formats: json (version 1), markdown, dot (the table: `table.rs`).

use bedrock_lint_rules::iam::access::{Entry, Grant, Session, Trust, UNKNOWN};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

// ---------------------------------------------------------------- json

fn grant_json(g: &Grant) -> Value {
    let mut c = Map::new();
    for (k, v) in &g.conditions {
        c.insert(k.clone(), json!(v));
    }
    json!({"action": g.action, "resources": g.resources, "conditions": c})
}

pub fn entry_json(e: &Entry) -> Value {
    let b = |i: usize| Value::Array(e.bedrock[i].iter().map(grant_json).collect());
    json!({
        "address": e.address,
        "kind": e.kind,
        "name": e.name,
        "file": e.file,
        "line": e.line,
        "bedrock": {"invoke": b(0), "read": b(1), "build": b(2), "admin": b(3)},
        "sensitive": e.sensitive,
        "trust": e.trust.iter().map(|t| json!({
            "kind": t.kind, "provider": t.provider, "subjects": t.subjects,
        })).collect::<Vec<_>>(),
        "credentials": {"access_keys": e.access_keys},
        "max_session_duration": match &e.max_session {
            Session::NotSet => Value::Null,
            Session::Seconds(n) => n.clone(),
            Session::Unknown => json!(UNKNOWN),
        },
        "environments": e.environments,
    })
}

pub fn render_json(map: &[Entry]) -> String {
    let v = json!({"version": 1, "principals": map.iter().map(entry_json).collect::<Vec<_>>()});
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}

// ---------------------------------------------------------------- markdown

/// "first +N" for a list of more than one item; "-" when empty.
fn collapse(items: &[String]) -> String {
    match items {
        [] => "-".into(),
        [one] => one.clone(),
        [first, rest @ ..] => format!("{first} +{}", rest.len()),
    }
}

fn uniq(items: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    for i in items {
        if !v.contains(&i) {
            v.push(i);
        }
    }
    v
}

const HEADERS: [&str; 8] = [
    "PRINCIPAL",
    "KIND",
    "INVOKE",
    "ADMIN",
    "RESOURCES",
    "TRUST",
    "MAX SESSION",
    "ENV",
];

fn trust_label(t: &Trust) -> String {
    if t.subjects.is_empty() {
        format!("{}:{}", t.kind, t.provider)
    } else {
        format!("{}:{} ({})", t.kind, t.provider, collapse(&t.subjects))
    }
}

fn row(e: &Entry) -> [String; 8] {
    let actions = |i: usize| uniq(e.bedrock[i].iter().map(|g| g.action.clone()));
    let resources = uniq(
        e.bedrock
            .iter()
            .flatten()
            .flat_map(|g| g.resources.iter().cloned()),
    );
    let mut trust: Vec<String> = e.trust.iter().map(trust_label).collect();
    if e.access_keys > 0 {
        trust.push(format!("access keys: {}", e.access_keys));
    }
    [
        e.address.clone(),
        e.kind.to_string(),
        collapse(&actions(0)),
        collapse(&actions(3)),
        collapse(&resources),
        collapse(&trust),
        match &e.max_session {
            Session::NotSet => "-".into(),
            Session::Seconds(n) => n.to_string(),
            Session::Unknown => UNKNOWN.into(),
        },
        collapse(&e.environments),
    ]
}

fn md_cell(s: &str) -> String {
    let s = s.replace('|', "\\|").replace('\n', " ");
    if s == "-" {
        s
    } else {
        format!("`{}`", s.replace('`', "'"))
    }
}

pub fn render_markdown(map: &[Entry]) -> String {
    let mut out = String::from("## Bedrock access map\n\n");
    if map.is_empty() {
        out.push_str("No IAM principals found.\n");
        return out;
    }
    out.push_str(&format!("| {} |\n", HEADERS.join(" | ")));
    out.push_str(&format!("|{}\n", "---|".repeat(HEADERS.len())));
    for e in map {
        let r = row(e);
        let cells: Vec<String> = r
            .iter()
            .enumerate()
            .map(|(i, c)| if i == 1 { c.clone() } else { md_cell(c) })
            .collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}

// ---------------------------------------------------------------- dot

fn dot_str(s: &str) -> String {
    format!(
        "\"{}\"",
        s.replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('\n', "\\n")
    )
}

pub fn render_dot(map: &[Entry]) -> String {
    let mut out =
        String::from("digraph bedrock_access {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n");
    let mut targets: BTreeMap<String, String> = BTreeMap::new();
    let mut edges: Vec<String> = Vec::new();
    for (i, e) in map.iter().enumerate() {
        // Node ids are positional: an address repeats across module instances.
        let node = format!("p{i}");
        let label = match &e.name {
            Some(n) => format!("{}\n{} {}", e.address, e.kind, n),
            None => format!("{}\n{}", e.address, e.kind),
        };
        out.push_str(&format!(
            "  {node} [shape=box, label={}];\n",
            dot_str(&label)
        ));
        // Models: one edge per resource, labelled with the invoke actions on it.
        let mut by_res: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for g in &e.bedrock[0] {
            for r in &g.resources {
                let v = by_res.entry(r.as_str()).or_default();
                if !v.contains(&g.action) {
                    v.push(g.action.clone());
                }
            }
        }
        for (r, acts) in by_res {
            let id = format!("model:{r}");
            targets.insert(id.clone(), format!("shape=ellipse, label={}", dot_str(r)));
            edges.push(format!(
                "  {node} -> {} [label={}];\n",
                dot_str(&id),
                dot_str(&collapse(&acts))
            ));
        }
        let admin = uniq(e.bedrock[3].iter().map(|g| g.action.clone()));
        if !admin.is_empty() {
            let id = "admin:bedrock".to_string();
            targets.insert(
                id.clone(),
                "shape=octagon, color=red, label=\"Bedrock admin\"".into(),
            );
            edges.push(format!(
                "  {node} -> {} [color=red, label={}];\n",
                dot_str(&id),
                dot_str(&collapse(&admin))
            ));
        }
    }
    for (id, attrs) in &targets {
        out.push_str(&format!("  {} [{attrs}];\n", dot_str(id)));
    }
    for e in edges {
        out.push_str(&e);
    }
    out.push_str("}\n");
    out
}
