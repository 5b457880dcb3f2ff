//! Operations on values that the evaluator, the functions and the model builder
//! share: iteration, indexing, equality, operators. Nothing here evaluates an
//! expression, so every other evaluation module can use it.

use crate::span::Span;
use crate::syntax::ast::BinaryOp;
use crate::value::{Hole, Kind, Segment, Value, WellKnown};
use std::rc::Rc;

/// Variables in scope besides the module's own: `each`, `count`, for-expression and
/// dynamic-block iterators, templatefile variables. Shared, not copied, when a
/// nested scope adds one (every iteration of a for expression does).
#[derive(Clone, Default)]
pub struct Scope {
    pub vars: Vec<(String, Rc<Value>)>,
    /// Inside `templatefile()`: only its variables are visible.
    pub isolated: bool,
}

impl Scope {
    pub fn with(&self, name: &str, v: Value) -> Scope {
        let mut s = self.clone();
        s.vars.push((name.to_string(), Rc::new(v)));
        s
    }

    pub fn get(&self, name: &str) -> Option<&Rc<Value>> {
        self.vars
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v)
    }
}

/// The name of what is unknown in `v`, or a description of where.
pub fn unknown_name(v: &Value, what: &str) -> String {
    v.find_unknown()
        .and_then(|u| u.unknown_what())
        .map(str::to_string)
        .unwrap_or_else(|| format!("{what} ({})", v.display()))
}

pub fn propagate(v: &Value, span: Option<Span>) -> Value {
    if v.is_unknown() {
        let mut u = v.clone();
        u.span = span;
        u
    } else {
        Value::error(format!("operator does not apply to {}", v.display()), span)
    }
}

pub fn append_value(v: &Value, at: Span, out: &mut String, segs: &mut Vec<Segment>) -> Option<()> {
    let start = out.len();
    match &v.kind {
        Kind::String(s) => {
            for seg in s.segments().iter() {
                segs.push(Segment {
                    start: start + seg.start,
                    ..*seg
                });
            }
            if s.segments().is_empty() {
                segs.push(Segment {
                    start,
                    len: s.text().len(),
                    source: v.span.unwrap_or(at),
                    exact: false,
                });
            }
            out.push_str(s.text());
            return Some(());
        }
        Kind::Number(n) => out.push_str(&crate::value::format_number(*n)),
        Kind::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Kind::Null => {}
        _ => return None,
    }
    segs.push(Segment {
        start,
        len: out.len() - start,
        source: v.span.unwrap_or(at),
        exact: false,
    });
    Some(())
}

/// Key/value pairs of a collection, or what makes it unknown.
pub fn iterate(v: &Value) -> Result<Vec<(Value, Value)>, String> {
    match &v.kind {
        Kind::List(items) => Ok(items
            .iter()
            .enumerate()
            .map(|(i, x)| (Value::new(Kind::Number(i as f64), None), x.clone()))
            .collect()),
        Kind::Object(entries) => Ok(entries
            .iter()
            .map(|e| (Value::string(e.key.clone(), e.key_span), e.value.clone()))
            .collect()),
        Kind::Null => Ok(vec![]),
        _ => Err(unknown_name(v, "collection")),
    }
}

pub fn scalar_string(v: &Value) -> Option<String> {
    match &v.kind {
        Kind::String(s) => Some(s.text().to_string()),
        Kind::Number(n) => Some(crate::value::format_number(*n)),
        Kind::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

pub fn get_attr(v: &Value, a: &str, span: Span) -> Value {
    match &v.kind {
        Kind::Object(_) => match v.get(a) {
            Some(x) => x.clone(),
            None => match &v.from {
                // A resource's attribute that is not written is computed by the provider.
                Some(addr) if v.span.is_some() => {
                    let what = format!("{addr}.{a}");
                    match data_type(addr).and_then(|t| WellKnown::of(t, a)) {
                        // The partition, region or account: one specific value, kept
                        // as a hole the rules can recognise.
                        Some(wk) => {
                            let mut t = crate::value::Template::default();
                            t.push_hole(Hole {
                                what: what.as_str().into(),
                                well_known: Some(wk),
                            });
                            t.into_value(Some(span)).with_from(addr.clone())
                        }
                        None => Value::unknown(what, Some(span)).with_from(addr.clone()),
                    }
                }
                _ => Value::error(format!("no attribute {a}"), Some(span)),
            },
        },
        Kind::Unknown(_) | Kind::Error(_) => v.clone(),
        _ => Value::error(format!("cannot read .{a} of {}", v.display()), Some(span)),
    }
}

/// The type of the data source at `addr` (`module.a.data.aws_region.this[0]`).
fn data_type(addr: &str) -> Option<&str> {
    let rest = match addr.strip_prefix("data.") {
        Some(r) => r,
        None => &addr[addr.rfind(".data.")? + ".data.".len()..],
    };
    rest.split('.').next()
}

pub fn index(v: &Value, k: &Value, span: Span) -> Value {
    if k.is_unknown() {
        return Value::unknown(unknown_name(k, "index"), Some(span));
    }
    match &v.kind {
        Kind::List(items) => match k.as_number() {
            Some(n) if n >= 0.0 && (n as usize) < items.len() => items[n as usize].clone(),
            _ => Value::error(format!("index {} out of range", k.display()), Some(span)),
        },
        Kind::Object(_) => match scalar_string(k) {
            Some(key) => get_attr(v, &key, span),
            None => Value::error("bad key", Some(span)),
        },
        Kind::Unknown(_) | Kind::Error(_) => v.clone(),
        _ => Value::error("cannot index this value", Some(span)),
    }
}

/// `l == r` as Terraform decides it, where the known parts decide it: an object with
/// an unknown attribute is still not null, lists of different lengths differ.
/// `None` when only an unknown part could tell.
pub fn equal(l: &Value, r: &Value) -> Option<bool> {
    match (&l.kind, &r.kind) {
        (Kind::Unknown(_) | Kind::Error(_), _) | (_, Kind::Unknown(_) | Kind::Error(_)) => None,
        (Kind::List(a), Kind::List(b)) => {
            if a.len() != b.len() {
                return Some(false);
            }
            all_equal(a.iter().zip(b.iter()))
        }
        (Kind::Object(a), Kind::Object(b)) => {
            if a.len() != b.len() || a.iter().any(|e| r.entry(&e.key).is_none()) {
                return Some(false);
            }
            all_equal(
                a.iter()
                    .filter_map(|e| Some((&e.value, &r.entry(&e.key)?.value))),
            )
        }
        _ => Some(strip_eq(l, r)),
    }
}

/// Equal when every pair is; unequal as soon as one known pair differs.
fn all_equal<'a>(pairs: impl Iterator<Item = (&'a Value, &'a Value)>) -> Option<bool> {
    let mut decided = true;
    for (x, y) in pairs {
        match equal(x, y) {
            Some(false) => return Some(false),
            Some(true) => {}
            None => decided = false,
        }
    }
    decided.then_some(true)
}

/// Equality ignoring spans (values from different places may be equal).
pub fn strip_eq(a: &Value, b: &Value) -> bool {
    match (&a.kind, &b.kind) {
        (Kind::String(x), Kind::String(y)) => x.text() == y.text(),
        (Kind::Number(x), Kind::Number(y)) => x == y,
        (Kind::Bool(x), Kind::Bool(y)) => x == y,
        (Kind::Null, Kind::Null) => true,
        (Kind::List(x), Kind::List(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| strip_eq(a, b))
        }
        (Kind::Object(x), Kind::Object(y)) => {
            x.len() == y.len()
                && x.iter().all(|e| {
                    y.iter()
                        .any(|f| f.key == e.key && strip_eq(&e.value, &f.value))
                })
        }
        _ => false,
    }
}

pub fn binary(op: BinaryOp, l: &Value, r: &Value, span: Option<Span>) -> Value {
    use BinaryOp::*;
    if matches!(op, Eq | NotEq) {
        return match equal(l, r) {
            Some(eq) => Value::new(Kind::Bool(if op == Eq { eq } else { !eq }), span),
            None => {
                let u = if l.is_known() { r } else { l };
                Value::unknown(unknown_name(u, "comparison"), span)
            }
        };
    }
    if matches!(op, And | Or) {
        match (l.as_bool(), r.as_bool()) {
            (Some(a), Some(b)) => {
                return Value::new(Kind::Bool(if op == And { a && b } else { a || b }), span)
            }
            (Some(false), None) if op == And => return Value::new(Kind::Bool(false), span),
            (Some(true), None) if op == Or => return Value::new(Kind::Bool(true), span),
            _ => {}
        }
    }
    if l.is_unknown() {
        return propagate(l, span);
    }
    if r.is_unknown() {
        return propagate(r, span);
    }
    let (Some(a), Some(b)) = (l.as_number(), r.as_number()) else {
        return Value::error("operands must be numbers", span);
    };
    let n = |x: f64| Value::new(Kind::Number(x), span);
    let bv = |x: bool| Value::new(Kind::Bool(x), span);
    match op {
        Add => n(a + b),
        Sub => n(a - b),
        Mul => n(a * b),
        Div => n(a / b),
        Mod => n(a % b),
        Less => bv(a < b),
        LessEq => bv(a <= b),
        Greater => bv(a > b),
        GreaterEq => bv(a >= b),
        Eq | NotEq | And | Or => Value::error("bad operands", span),
    }
}
