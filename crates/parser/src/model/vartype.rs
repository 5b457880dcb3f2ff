//! A module variable's `type` constraint applied to its value the way Terraform
//! applies it: object attributes the type declares are kept (the others dropped),
//! absent `optional(T, DEFAULT)` attributes take their default, other absent
//! optional attributes are `null`; collections convert element by element, and
//! primitive values convert between string, number and bool. Unknown parts stay
//! unknown; a type this does not understand leaves the value as it is.

use crate::syntax::ast::{Expr, ExprKind, ObjectKey};
use crate::value::{format_number, Entry, Kind, Value};

/// `v` converted to the type `ty`. `eval_default` evaluates an `optional()` default.
pub fn convert(ty: &Expr, v: Value, eval_default: &dyn Fn(&Expr) -> Value) -> Value {
    if v.is_unknown() || v.is_null() {
        return v;
    }
    match &ty.kind {
        ExprKind::Variable(name) => primitive(name, v),
        ExprKind::Call(c) if !c.expand => match (c.name.as_str(), c.args.as_slice()) {
            ("list" | "set", [elem]) => match v.kind {
                Kind::List(items) => Value {
                    kind: Kind::List(
                        items
                            .into_iter()
                            .map(|x| convert(elem, x, eval_default))
                            .collect(),
                    ),
                    ..v
                },
                _ => v,
            },
            ("map", [elem]) => match v.kind {
                Kind::Object(entries) => Value {
                    kind: Kind::Object(
                        entries
                            .into_iter()
                            .map(|e| Entry {
                                value: convert(elem, e.value, eval_default),
                                ..e
                            })
                            .collect(),
                    ),
                    ..v
                },
                _ => v,
            },
            (
                "tuple",
                [Expr {
                    kind: ExprKind::Array(elems),
                    ..
                }],
            ) => match v.kind {
                Kind::List(items) if items.len() == elems.len() => Value {
                    kind: Kind::List(
                        items
                            .into_iter()
                            .zip(elems)
                            .map(|(x, t)| convert(t, x, eval_default))
                            .collect(),
                    ),
                    ..v
                },
                kind => Value { kind, ..v },
            },
            (
                "object",
                [Expr {
                    kind: ExprKind::Object(attrs),
                    ..
                }],
            ) => object(attrs, v, eval_default),
            _ => v,
        },
        _ => v,
    }
}

fn object(
    attrs: &[crate::syntax::ast::ObjectItem],
    v: Value,
    eval_default: &dyn Fn(&Expr) -> Value,
) -> Value {
    let Kind::Object(given) = &v.kind else {
        return v;
    };
    let mut out = Vec::new();
    for a in attrs {
        let name = match &a.key {
            ObjectKey::Name(n) => n.clone(),
            ObjectKey::Expr(e) => match e.as_path().as_deref() {
                Some([n]) => (*n).into(),
                _ => match e.as_literal_str() {
                    Some(n) => n.into(),
                    // A key we cannot read: leave the whole value as written.
                    None => return v,
                },
            },
        };
        let (ty, optional, default) = match &a.value.kind {
            ExprKind::Call(c) if !c.expand && c.name == "optional" => match c.args.as_slice() {
                [t] => (t, true, None),
                [t, d] => (t, true, Some(d)),
                _ => return v,
            },
            _ => (&a.value, false, None),
        };
        let present = given.iter().find(|e| e.key == name);
        let value = match (present, default) {
            // A null attribute with a default takes the default (Terraform 1.3+).
            (Some(e), Some(d)) if e.value.is_null() => convert(ty, eval_default(d), eval_default),
            (Some(e), _) => convert(ty, e.value.clone(), eval_default),
            (None, Some(d)) => convert(ty, eval_default(d), eval_default),
            (None, None) if optional => Value::null(None),
            // A required attribute missing: Terraform rejects the call; say so.
            (None, None) => Value::error(format!("required attribute {name} is missing"), v.span),
        };
        out.push(Entry {
            key_span: present.and_then(|e| e.key_span),
            key: name,
            value,
        });
    }
    Value {
        kind: Kind::Object(out),
        ..v
    }
}

fn primitive(name: &str, v: Value) -> Value {
    let text = match (name, &v.kind) {
        ("string", Kind::Number(n)) => format_number(*n),
        ("string", Kind::Bool(b)) => b.to_string(),
        ("number", Kind::String(_)) => {
            return match v.as_number() {
                Some(n) => Value {
                    kind: Kind::Number(n),
                    ..v
                },
                None => v,
            }
        }
        ("bool", Kind::String(_)) => {
            return match v.as_bool() {
                Some(b) => Value {
                    kind: Kind::Bool(b),
                    ..v
                },
                None => v,
            }
        }
        _ => return v,
    };
    let mut s = Value::string(text, v.span);
    s.via = v.via;
    s.from = v.from;
    s
}
