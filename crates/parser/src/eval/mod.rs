//! The partial evaluator: Terraform expressions over the syntax tree into [`Value`]s.
//! What cannot be known statically (another resource's computed attribute, a data
//! source, a function we do not model) becomes [`Kind::Unknown`] naming it.

mod functions;
pub mod policy_document;

use crate::model::ModuleInst;
use crate::span::{FileId, Span};
use crate::syntax::ast::*;
use crate::value::{Entry, Kind, Segment, Str, Value};
use std::cell::{Cell, RefCell};
use std::path::PathBuf;
use std::sync::Arc;

/// Deepest evaluation (nested expressions plus reference chains) before giving up.
const MAX_EVAL_DEPTH: usize = 160;

/// Files read by `file()`/`templatefile()` during evaluation, added to `Files` after.
#[derive(Default)]
pub struct ExtraFiles {
    pub base: u32,
    pub files: Vec<(PathBuf, Arc<str>)>,
}

/// What the evaluator needs from its surroundings: module instances and resources
/// are resolved by the model builder.
pub trait Resolver {
    fn resource(
        &self,
        ev: &Evaluator,
        module: &ModuleInst,
        data: bool,
        rtype: &str,
        name: &str,
    ) -> Option<Value>;
    fn module_outputs(&self, ev: &Evaluator, module: &ModuleInst, name: &str) -> Option<Value>;
    fn variable(&self, ev: &Evaluator, module: &ModuleInst, name: &str, span: Span) -> Value;
    fn local(&self, ev: &Evaluator, module: &ModuleInst, name: &str, span: Span) -> Value;
    fn read_file(
        &self,
        ev: &Evaluator,
        module: &ModuleInst,
        path: &str,
    ) -> Option<(FileId, Arc<str>)>;
}

/// Variables in scope besides the module's own: `each`, `count`, for-expression and
/// dynamic-block iterators, templatefile variables.
#[derive(Clone, Default)]
pub struct Scope {
    pub vars: Vec<(String, Value)>,
    /// Inside `templatefile()`: only its variables are visible.
    pub isolated: bool,
}

impl Scope {
    pub fn with(&self, name: &str, v: Value) -> Scope {
        let mut s = self.clone();
        s.vars.push((name.to_string(), v));
        s
    }

    fn get(&self, name: &str) -> Option<&Value> {
        self.vars
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v)
    }
}

pub struct Evaluator<'r> {
    pub resolver: &'r dyn Resolver,
    depth: Cell<usize>,
    pub extra: RefCell<ExtraFiles>,
}

impl<'r> Evaluator<'r> {
    pub fn new(resolver: &'r dyn Resolver, extra: ExtraFiles) -> Self {
        Evaluator {
            resolver,
            depth: Cell::new(0),
            extra: RefCell::new(extra),
        }
    }

    pub fn eval(&self, e: &Expr, m: &ModuleInst, sc: &Scope) -> Value {
        let d = self.depth.get();
        if d > MAX_EVAL_DEPTH {
            return Value::error("expression nested too deeply to evaluate", Some(e.span));
        }
        self.depth.set(d + 1);
        let v = self.eval_inner(e, m, sc);
        self.depth.set(d);
        v
    }

    fn eval_inner(&self, e: &Expr, m: &ModuleInst, sc: &Scope) -> Value {
        let span = Some(e.span);
        match &e.kind {
            ExprKind::Null => Value::null(span),
            ExprKind::Bool(b) => Value::new(Kind::Bool(*b), span),
            ExprKind::Number(n) => Value::new(Kind::Number(*n), span),
            ExprKind::Template(t) => self.template(t, e.span, m, sc),
            ExprKind::Array(items) => Value::list(
                items
                    .iter()
                    .map(|i| {
                        let mut v = self.eval(i, m, sc);
                        v.mark_via(i.span);
                        v
                    })
                    .collect(),
                span,
            ),
            ExprKind::Object(items) => {
                let mut entries: Vec<Entry> = Vec::new();
                for item in items {
                    let key = match &item.key {
                        ObjectKey::Name(n) => n.clone(),
                        ObjectKey::Expr(k) => {
                            // A parenthesised or computed key; a bare traversal key is
                            // taken literally by Terraform only when it is an identifier.
                            let kv = self.eval(k, m, sc);
                            match kv.as_str() {
                                Some(s) => s.to_string(),
                                None => match kv.as_number() {
                                    Some(n) => crate::value::format_number(n),
                                    None => {
                                        return Value::unknown(
                                            format!("object key {}", kv.display()),
                                            span,
                                        )
                                    }
                                },
                            }
                        }
                    };
                    let mut v = self.eval(&item.value, m, sc);
                    v.mark_via(item.value.span);
                    entries.retain(|e| e.key != key);
                    entries.push(Entry {
                        key,
                        key_span: Some(item.key_span),
                        value: v,
                    });
                }
                Value::object(entries, span)
            }
            ExprKind::Variable(name) => self.traversal(e, name, &[], m, sc),
            ExprKind::Traversal(root, ops) => match &root.kind {
                ExprKind::Variable(name) => self.traversal(e, name, ops, m, sc),
                _ => {
                    let v = self.eval(root, m, sc);
                    self.apply_ops(v, ops, m, sc, e.span)
                }
            },
            ExprKind::Call(name, args, expand) => {
                functions::call(self, name, args, *expand, e.span, m, sc)
            }
            ExprKind::Conditional(c, t, f) => {
                let cv = self.eval(c, m, sc);
                match cv.as_bool() {
                    Some(true) => self.eval(t, m, sc),
                    Some(false) => self.eval(f, m, sc),
                    None => {
                        let (tv, fv) = (self.eval(t, m, sc), self.eval(f, m, sc));
                        if tv.is_known() && strip_eq(&tv, &fv) {
                            tv
                        } else {
                            Value::unknown(unknown_name(&cv, "condition"), span)
                        }
                    }
                }
            }
            ExprKind::Unary(op, x) => {
                let v = self.eval(x, m, sc);
                match (op, &v.kind) {
                    (UnaryOp::Not, _) if v.as_bool().is_some() => {
                        Value::new(Kind::Bool(!v.as_bool().unwrap_or(false)), span)
                    }
                    (UnaryOp::Neg, _) if v.as_number().is_some() => {
                        Value::new(Kind::Number(-v.as_number().unwrap_or(0.0)), span)
                    }
                    _ => propagate(&v, span),
                }
            }
            ExprKind::Binary(op, l, r) => {
                let (lv, rv) = (self.eval(l, m, sc), self.eval(r, m, sc));
                binary(*op, &lv, &rv, span)
            }
            ExprKind::For(f) => self.for_expr(f, e.span, m, sc),
        }
    }

    fn traversal(
        &self,
        e: &Expr,
        name: &str,
        ops: &[Traverse],
        m: &ModuleInst,
        sc: &Scope,
    ) -> Value {
        if let Some(v) = sc.get(name) {
            return self.apply_ops(v.clone(), ops, m, sc, e.span);
        }
        let attr = |i: usize| match ops.get(i) {
            Some(Traverse::Attr(a, _)) => Some(a.as_str()),
            _ => None,
        };
        let span = e.span;
        if sc.isolated {
            return Value::error(format!("{name} is not a templatefile variable"), Some(span));
        }
        let (root, used) = match name {
            "var" => match attr(0) {
                Some(v) => (self.resolver.variable(self, m, v, span), 1),
                None => return Value::error("var needs a name", Some(span)),
            },
            "local" => match attr(0) {
                Some(l) => (self.resolver.local(self, m, l, span), 1),
                None => return Value::error("local needs a name", Some(span)),
            },
            "module" => match attr(0) {
                Some(n) => match self.resolver.module_outputs(self, m, n) {
                    Some(v) => (v, 1),
                    None => return Value::error(format!("no module call named {n}"), Some(span)),
                },
                None => return Value::error("module needs a name", Some(span)),
            },
            "data" => match (attr(0), attr(1)) {
                (Some(t), Some(n)) => match self.resolver.resource(self, m, true, t, n) {
                    Some(v) => (v, 2),
                    None => {
                        return Value::error(format!("no data source data.{t}.{n}"), Some(span))
                    }
                },
                _ => return Value::error("data needs a type and a name", Some(span)),
            },
            "path" => match attr(0) {
                Some("module") => (Value::string(m.path_module.clone(), None), 1),
                Some("root") => (Value::string(".", None), 1),
                Some(other) => (Value::unknown(format!("path.{other}"), Some(span)), 1),
                None => return Value::error("path needs an attribute", Some(span)),
            },
            "terraform" | "self" => return Value::unknown(render_ref(name, ops), Some(span)),
            "each" | "count" => {
                // Outside a count/for_each resource these are not set.
                return Value::unknown(render_ref(name, ops), Some(span));
            }
            t => match attr(0) {
                Some(n) => match self.resolver.resource(self, m, false, t, n) {
                    Some(v) => (v, 1),
                    None => return Value::error(format!("unknown reference {t}.{n}"), Some(span)),
                },
                None => return Value::error(format!("unknown reference {t}"), Some(span)),
            },
        };
        self.apply_ops(root, &ops[used.min(ops.len())..], m, sc, span)
    }

    fn apply_ops(
        &self,
        mut v: Value,
        ops: &[Traverse],
        m: &ModuleInst,
        sc: &Scope,
        span: Span,
    ) -> Value {
        for (i, op) in ops.iter().enumerate() {
            if v.is_unknown() {
                return v;
            }
            v = match op {
                Traverse::Attr(a, _) => get_attr(&v, a, span),
                Traverse::Index(ix) => {
                    let k = self.eval(ix, m, sc);
                    index(&v, &k, span)
                }
                Traverse::AttrSplat | Traverse::FullSplat => {
                    let items: Vec<Value> = match &v.kind {
                        Kind::List(l) => l.clone(),
                        Kind::Null => vec![],
                        _ => vec![v.clone()],
                    };
                    let rest = &ops[i + 1..];
                    let out = items
                        .into_iter()
                        .map(|item| self.apply_ops(item, rest, m, sc, span))
                        .collect();
                    return Value::list(out, v.span);
                }
            };
        }
        v
    }

    pub fn template(&self, t: &Template, whole: Span, m: &ModuleInst, sc: &Scope) -> Value {
        // A template that is exactly one interpolation keeps the inner value's type
        // and spans (Terraform does the same: "${var.x}" is var.x), unknown ones too.
        if let [TemplatePart::Interp(e)] = t.parts.as_slice() {
            let mut v = self.eval(e, m, sc);
            v.mark_via(whole);
            return v;
        }
        let mut text = String::new();
        let mut segments = Vec::new();
        if let Some(unknown) = self.template_into(t, m, sc, &mut text, &mut segments) {
            return Value::unknown(unknown, Some(whole));
        }
        Value::new(
            Kind::String(Arc::new(Str {
                text,
                segments,
                json: None,
            })),
            Some(whole),
        )
    }

    /// Appends the template's text; returns what is unknown, if anything is.
    fn template_into(
        &self,
        t: &Template,
        m: &ModuleInst,
        sc: &Scope,
        out: &mut String,
        segs: &mut Vec<Segment>,
    ) -> Option<String> {
        for part in &t.parts {
            match part {
                TemplatePart::Literal { text, span, exact } => {
                    segs.push(Segment {
                        start: out.len(),
                        len: text.len(),
                        source: *span,
                        exact: *exact,
                    });
                    out.push_str(text);
                }
                TemplatePart::Interp(e) => {
                    let v = self.eval(e, m, sc);
                    if append_value(&v, e.span, out, segs).is_none() {
                        return Some(unknown_name(&v, "interpolation"));
                    }
                }
                TemplatePart::If {
                    cond,
                    then,
                    otherwise,
                } => {
                    let c = self.eval(cond, m, sc);
                    match c.as_bool() {
                        Some(true) => self.template_into(then, m, sc, out, segs)?,
                        Some(false) => self.template_into(otherwise, m, sc, out, segs)?,
                        None => return Some(unknown_name(&c, "template condition")),
                    };
                }
                TemplatePart::For {
                    key_var,
                    value_var,
                    collection,
                    body,
                } => {
                    let c = self.eval(collection, m, sc);
                    let items = match iterate(&c) {
                        Ok(items) => items,
                        Err(u) => return Some(u),
                    };
                    for (k, v) in items {
                        let mut inner = sc.with(value_var, v);
                        if let Some(kv) = key_var {
                            inner = inner.with(kv, k);
                        }
                        if let Some(u) = self.template_into(body, m, &inner, out, segs) {
                            return Some(u);
                        }
                    }
                }
            }
        }
        None
    }

    fn for_expr(&self, f: &ForExpr, span: Span, m: &ModuleInst, sc: &Scope) -> Value {
        let coll = self.eval(&f.collection, m, sc);
        let items = match iterate(&coll) {
            Ok(items) => items,
            Err(u) => return Value::unknown(u, Some(span)),
        };
        let mut list = Vec::new();
        let mut obj: Vec<Entry> = Vec::new();
        for (k, v) in items {
            let mut inner = sc.with(&f.value_var, v);
            if let Some(kv) = &f.key_var {
                inner = inner.with(kv, k);
            }
            if let Some(c) = &f.cond {
                let cv = self.eval(c, m, &inner);
                match cv.as_bool() {
                    Some(true) => {}
                    Some(false) => continue,
                    None => return Value::unknown(unknown_name(&cv, "for condition"), Some(span)),
                }
            }
            let mut val = self.eval(&f.value_expr, m, &inner);
            val.mark_via(f.value_expr.span);
            match &f.key_expr {
                None => list.push(val),
                Some(ke) => {
                    let kv = self.eval(ke, m, &inner);
                    let Some(key) = scalar_string(&kv) else {
                        return Value::unknown(unknown_name(&kv, "for key"), Some(span));
                    };
                    if f.grouping {
                        match obj.iter_mut().find(|e| e.key == key) {
                            Some(e) => {
                                if let Kind::List(l) = &mut e.value.kind {
                                    l.push(val);
                                }
                            }
                            None => obj.push(Entry {
                                key,
                                key_span: None,
                                value: Value::list(vec![val], None),
                            }),
                        }
                    } else {
                        obj.retain(|e| e.key != key);
                        obj.push(Entry {
                            key,
                            key_span: None,
                            value: val,
                        });
                    }
                }
            }
        }
        if f.key_expr.is_some() {
            Value::object(obj, Some(span))
        } else {
            Value::list(list, Some(span))
        }
    }

    /// Registers a file read by `file()`/`templatefile()`; its id follows `Files`.
    pub fn add_extra_file(&self, path: PathBuf, text: Arc<str>) -> FileId {
        let mut extra = self.extra.borrow_mut();
        if let Some(i) = extra.files.iter().position(|(p, _)| *p == path) {
            return FileId(extra.base + i as u32);
        }
        extra.files.push((path, text));
        FileId(extra.base + extra.files.len() as u32 - 1)
    }
}

fn render_ref(name: &str, ops: &[Traverse]) -> String {
    let mut s = name.to_string();
    for op in ops {
        match op {
            Traverse::Attr(a, _) => {
                s.push('.');
                s.push_str(a);
            }
            Traverse::Index(_) => s.push_str("[…]"),
            Traverse::AttrSplat | Traverse::FullSplat => s.push_str("[*]"),
        }
    }
    s
}

/// The name of what is unknown in `v`, or a description of where.
pub fn unknown_name(v: &Value, what: &str) -> String {
    v.find_unknown()
        .and_then(|u| u.unknown_what())
        .map(str::to_string)
        .unwrap_or_else(|| format!("{what} ({})", v.display()))
}

fn propagate(v: &Value, span: Option<Span>) -> Value {
    if v.is_unknown() {
        let mut u = v.clone();
        u.span = span;
        u
    } else {
        Value::error(format!("operator does not apply to {}", v.display()), span)
    }
}

fn append_value(v: &Value, at: Span, out: &mut String, segs: &mut Vec<Segment>) -> Option<()> {
    let start = out.len();
    match &v.kind {
        Kind::String(s) => {
            for seg in &s.segments {
                segs.push(Segment {
                    start: start + seg.start,
                    ..*seg
                });
            }
            if s.segments.is_empty() {
                segs.push(Segment {
                    start,
                    len: s.text.len(),
                    source: v.span.unwrap_or(at),
                    exact: false,
                });
            }
            out.push_str(&s.text);
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
        Kind::String(s) => Some(s.text.clone()),
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
                    Value::unknown(format!("{addr}.{a}"), Some(span)).with_from(addr.clone())
                }
                _ => Value::error(format!("no attribute {a}"), Some(span)),
            },
        },
        Kind::Unknown(_) | Kind::Error(_) => v.clone(),
        _ => Value::error(format!("cannot read .{a} of {}", v.display()), Some(span)),
    }
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

/// Equality ignoring spans (values from different places may be equal).
pub fn strip_eq(a: &Value, b: &Value) -> bool {
    match (&a.kind, &b.kind) {
        (Kind::String(x), Kind::String(y)) => x.text == y.text,
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

fn binary(op: BinaryOp, l: &Value, r: &Value, span: Option<Span>) -> Value {
    use BinaryOp::*;
    if matches!(op, Eq | NotEq) && l.is_known() && r.is_known() {
        let eq = strip_eq(l, r);
        return Value::new(Kind::Bool(if op == Eq { eq } else { !eq }), span);
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
