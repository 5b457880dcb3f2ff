//! `data "aws_iam_policy_document"`: its `json` attribute is computed from the
//! statement blocks (and source/override documents) the way the AWS provider does,
//! keeping every element's span.

use crate::value::{decode_json, Entry, Kind, Str, Unknown, Value};
use std::sync::Arc;

/// Nested blocks appear as a list of objects (HCL) or one object (JSON syntax).
pub fn blocks<'a>(v: &'a Value, name: &str) -> Vec<&'a Value> {
    match v.get(name).map(|b| &b.kind) {
        Some(Kind::List(items)) => items.iter().collect(),
        Some(Kind::Object(_)) => vec![v.get(name).unwrap_or(v)],
        _ => vec![],
    }
}

/// Adds `json` and `minified_json` to an evaluated `aws_iam_policy_document` body.
pub fn with_json(mut body: Value) -> Value {
    let doc = document(&body);
    let encoded = match Str::encoded(doc, false) {
        Ok(s) => Value::new(Kind::String(Arc::new(s)), body.span),
        Err(doc) => Value::new(
            Kind::Unknown(Box::new(Unknown {
                what: super::ops::unknown_name(&doc, "policy document").into(),
                structure: Some(Box::new(doc)),
                template: None,
                instance: None,
            })),
            body.span,
        ),
    };
    if let Kind::Object(entries) = &mut body.kind {
        for key in ["json", "minified_json"] {
            entries.push(Entry {
                key: key.into(),
                key_span: None,
                value: encoded.clone(),
            });
        }
    }
    body
}

fn document(body: &Value) -> Value {
    let mut statements: Vec<Value> = Vec::new();
    let mut unknown_source: Option<Value> = None;
    let mut doc_statements = |list: Option<&Value>, mode: Merge, out: &mut Vec<Value>| {
        for src in list.and_then(Value::as_list).unwrap_or(&[]) {
            let decoded = match decode_json(src) {
                Ok(d) => d,
                Err(_) => {
                    if src.is_unknown() && unknown_source.is_none() {
                        unknown_source = Some(src.clone());
                    }
                    continue;
                }
            };
            let sts = match decoded.get("Statement").map(|s| &s.kind) {
                Some(Kind::List(l)) => l.clone(),
                Some(Kind::Object(_)) => {
                    vec![decoded.get("Statement").cloned().unwrap_or(decoded.clone())]
                }
                _ => vec![],
            };
            for st in sts {
                merge_statement(out, st, mode);
            }
        }
    };
    doc_statements(
        body.get("source_policy_documents"),
        Merge::Append,
        &mut statements,
    );
    for st in blocks(body, "statement") {
        // A `dynamic "statement"` whose instances are unknown: unknown statements,
        // never an empty (invalid) one.
        if st.is_unknown() {
            statements.push(st.clone());
            continue;
        }
        merge_statement(&mut statements, statement(st), Merge::Replace);
    }
    doc_statements(
        body.get("override_policy_documents"),
        Merge::Replace,
        &mut statements,
    );
    if let Some(u) = unknown_source {
        // A source document we cannot read: its statements are unknown.
        statements.push(u);
    }
    let version = body
        .get("version")
        .cloned()
        .unwrap_or_else(|| Value::string("2012-10-17", None));
    let mut entries = vec![Entry {
        key: "Version".into(),
        key_span: None,
        value: version,
    }];
    if let Some(id) = body.get("policy_id") {
        entries.push(Entry {
            key: "Id".into(),
            key_span: None,
            value: id.clone(),
        });
    }
    entries.push(Entry {
        key: "Statement".into(),
        key_span: None,
        value: Value::list(statements, body.span),
    });
    Value::object(entries, body.span)
}

#[derive(Clone, Copy)]
enum Merge {
    Append,
    Replace,
}

/// Statements with the same Sid replace earlier ones (source < this < override).
fn merge_statement(out: &mut Vec<Value>, st: Value, mode: Merge) {
    let sid = st
        .get("Sid")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .map(str::to_string);
    if let (Merge::Replace, Some(sid)) = (mode, &sid) {
        if let Some(i) = out
            .iter()
            .position(|o| o.get("Sid").and_then(Value::as_str) == Some(sid.as_str()))
        {
            out[i] = st;
            return;
        }
    }
    out.push(st);
}

fn statement(st: &Value) -> Value {
    let mut entries = Vec::new();
    let mut put = |key: &str, from: &str| {
        if let Some(e) = st.entry(from) {
            if !e.value.is_null() {
                entries.push(Entry {
                    key: key.into(),
                    key_span: e.key_span,
                    value: e.value.clone(),
                });
            }
        }
    };
    put("Sid", "sid");
    put("Effect", "effect");
    put("Action", "actions");
    put("NotAction", "not_actions");
    put("Resource", "resources");
    put("NotResource", "not_resources");
    if !entries.iter().any(|e| e.key == "Effect") {
        entries.push(Entry {
            key: "Effect".into(),
            key_span: None,
            value: Value::string("Allow", None),
        });
    }
    for (key, block) in [
        ("Principal", "principals"),
        ("NotPrincipal", "not_principals"),
    ] {
        let ps = blocks(st, block);
        if ps.is_empty() {
            continue;
        }
        if let Some(u) = ps.iter().find(|p| p.is_unknown()) {
            // `dynamic "principals"` with unknown instances.
            entries.push(Entry {
                key: key.into(),
                key_span: st.entry(block).and_then(|e| e.key_span),
                value: (*u).clone(),
            });
            continue;
        }
        let mut principal: Vec<Entry> = Vec::new();
        for p in ps {
            let ty = p
                .get("type")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            let ids = p
                .get("identifiers")
                .cloned()
                .unwrap_or_else(|| Value::list(vec![], p.span));
            match principal.iter_mut().find(|e| e.key == ty) {
                Some(e) => {
                    if let (Kind::List(a), Some(b)) = (&mut e.value.kind, ids.as_list()) {
                        a.extend(b.iter().cloned());
                    }
                }
                None => principal.push(Entry {
                    key: ty.into(),
                    key_span: p.entry("type").and_then(|e| e.value.span),
                    value: ids,
                }),
            }
        }
        let span = principal.first().and_then(|e| e.value.span);
        entries.push(Entry {
            key: key.into(),
            key_span: st.entry(block).and_then(|e| e.key_span),
            value: Value::object(principal, span),
        });
    }
    let conds = blocks(st, "condition");
    if !conds.is_empty() {
        let mut by_test: Vec<Entry> = Vec::new();
        for c in conds {
            if c.is_unknown() {
                // `dynamic "condition"` with unknown instances.
                by_test.push(Entry {
                    key: "(unknown)".into(),
                    key_span: c.span,
                    value: c.clone(),
                });
                continue;
            }
            let test = c.get("test").cloned().unwrap_or_else(|| Value::null(None));
            let var = c
                .get("variable")
                .cloned()
                .unwrap_or_else(|| Value::null(None));
            let values = c
                .get("values")
                .cloned()
                .unwrap_or_else(|| Value::list(vec![], None));
            let (Some(t), Some(vname)) = (test.as_str(), var.as_str()) else {
                by_test.push(Entry {
                    key: "(unknown)".into(),
                    key_span: test.span,
                    value: Value::unknown(super::ops::unknown_name(&test, "condition"), c.span),
                });
                continue;
            };
            let entry = Entry {
                key: vname.into(),
                key_span: var.span,
                value: values,
            };
            match by_test.iter_mut().find(|e| e.key == t) {
                Some(e) => {
                    if let Kind::Object(o) = &mut e.value.kind {
                        o.push(entry);
                    }
                }
                None => by_test.push(Entry {
                    key: t.into(),
                    key_span: test.span,
                    value: Value::object(vec![entry], c.span),
                }),
            }
        }
        entries.push(Entry {
            key: "Condition".into(),
            key_span: None,
            value: Value::object(by_test, None),
        });
    }
    Value::object(entries, st.span)
}
