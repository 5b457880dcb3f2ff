//! `diff --format json`: the comparison, version 1 (docs/diff.md).

use super::context::Context;
use bedrock_lint_rules::diff::{Change, Comparison, Finding};
use serde_json::{json, Value};

fn change(c: &Change, ctx: &Context) -> Value {
    let mut v = json!({
        "principal": c.principal,
        "name": c.name,
        "root": c.root,
        "change": c.kind.as_str(),
        "added": c.added,
        "removed": c.removed,
        "file": c.at.file,
        "line": c.at.line,
    });
    let o = v.as_object_mut().expect("object literal");
    if c.from.is_some() || c.to.is_some() {
        o.insert("from".into(), json!(c.from));
        o.insert("to".into(), json!(c.to));
    }
    if let Some(l) = ctx.link(&c.at.file, c.at.line) {
        o.insert("url".into(), json!(l));
    }
    v
}

fn resolved(f: &Finding) -> Value {
    json!({
        "code": f.code,
        "name": f.name,
        "severity": f.severity.as_str(),
        "message": f.message,
        "file": f.at.file,
        "line": f.at.line,
        "address": f.address,
        "fingerprint": f.fingerprint,
    })
}

pub fn value(cmp: &Comparison, ctx: &Context) -> Value {
    let files = &cmp.head.model.files;
    let new: Vec<Value> = cmp
        .new_findings()
        .map(|f| crate::render::json::diagnostic(files, &cmp.head.diagnostics[f.index]))
        .collect();
    let count = |s: &str| new.iter().filter(|d| d["severity"] == s).count();
    json!({
        "version": 1,
        "tool": {"name": "bedrock-lint", "version": env!("CARGO_PKG_VERSION")},
        "base": {"ref": ctx.base, "files": cmp.base_facts.files},
        "head": {"files": cmp.head_facts.files},
        "summary": {
            "text": bedrock_lint_rules::diff::summary::sentence(cmp),
            "access_changes": cmp.changes.len(),
            "new_findings": new.len(),
            "resolved_findings": cmp.resolved.len(),
            "errors": count("error"),
            "warnings": count("warning"),
            "notes": count("note"),
        },
        "access_changes": cmp.changes.iter().map(|c| change(c, ctx)).collect::<Vec<_>>(),
        "new_findings": new,
        "resolved_findings": cmp.resolved_findings().map(resolved).collect::<Vec<_>>(),
    })
}

pub fn render(cmp: &Comparison, ctx: &Context) -> String {
    let mut s = serde_json::to_string_pretty(&value(cmp, ctx)).unwrap_or_default();
    s.push('\n');
    s
}
