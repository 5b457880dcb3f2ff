//! The partial evaluator: Terraform expressions over the syntax tree into [`Value`]s.
//! What cannot be known statically (another resource's computed attribute, a data
//! source, a function we do not model) becomes [`Kind::Unknown`] naming it.

mod functions;
mod json_template;
pub mod ops;
pub mod policy_document;

use crate::model::types::ModuleInst;
use crate::span::{FileId, Span};
use crate::syntax::ast::*;
use crate::value::{Entry, Kind, Segment, Segments, Str, Value};
use ops::{append_value, binary, propagate};
pub use ops::{get_attr, index, iterate, scalar_string, strip_eq, unknown_name, Scope};
use std::cell::{Cell, RefCell};
use std::path::PathBuf;
use std::rc::Rc;
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
    ) -> Option<Rc<Value>>;
    fn module_outputs(&self, ev: &Evaluator, module: &ModuleInst, name: &str) -> Option<Rc<Value>>;
    fn variable(&self, ev: &Evaluator, module: &ModuleInst, name: &str, span: Span) -> Rc<Value>;
    fn local(&self, ev: &Evaluator, module: &ModuleInst, name: &str, span: Span) -> Rc<Value>;
    fn read_file(
        &self,
        ev: &Evaluator,
        module: &ModuleInst,
        path: &str,
    ) -> Option<(FileId, Arc<str>)>;
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
                let mut entries: Vec<Entry> = Vec::with_capacity(items.len());
                // A key known only in part (`"${var.issuer}:aud"`): the object is
                // unknown, but its structure is kept with that key written `${…}`,
                // so what the known part decides can still be read.
                let mut partly_known_key: Option<String> = None;
                for item in items {
                    let key = match &item.key {
                        ObjectKey::Name(n) => n.clone(),
                        ObjectKey::Expr(k) => {
                            // A parenthesised or computed key; a bare traversal key is
                            // taken literally by Terraform only when it is an identifier.
                            let kv = self.eval(k, m, sc);
                            match kv.as_str() {
                                Some(s) => s.into(),
                                None => match (kv.as_number(), kv.template()) {
                                    (Some(n), _) => crate::value::format_number(n).into(),
                                    (None, Some(t)) => {
                                        let shown = t.display();
                                        partly_known_key.get_or_insert(shown.clone());
                                        shown.into()
                                    }
                                    (None, None) => {
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
                match partly_known_key {
                    Some(key) => {
                        let mut v = Value::unknown(format!("object key {key}"), span);
                        if let Kind::Unknown(u) = &mut v.kind {
                            u.structure = Some(Box::new(Value::object(entries, span)));
                        }
                        v
                    }
                    None => Value::object(entries, span),
                }
            }
            ExprKind::Variable(name) => self.traversal(e, name, &[], m, sc),
            ExprKind::Traversal(t) => match &t.root.kind {
                ExprKind::Variable(name) => self.traversal(e, name, &t.ops, m, sc),
                _ => {
                    let v = self.eval(&t.root, m, sc);
                    self.apply_ops(v, &t.ops, m, sc, e.span)
                }
            },
            ExprKind::Call(c) => functions::call(self, &c.name, &c.args, c.expand, e.span, m, sc),
            ExprKind::Conditional(c, t, f) => {
                let cv = self.eval(c, m, sc);
                match cv.as_bool() {
                    Some(true) => self.eval(t, m, sc),
                    Some(false) => self.eval(f, m, sc),
                    // Which branch applies is not known. Terraform leaves the result
                    // unknown even when both branches are equal; we know it then,
                    // whatever the condition (`c ? toset(var.none) : toset([])` with
                    // an empty default): no guess, every input gives that value.
                    None => {
                        let (tv, fv) = (self.eval(t, m, sc), self.eval(f, m, sc));
                        if ops::equal(&tv, &fv) == Some(true) {
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
            return self.apply_shared(v.clone(), ops, m, sc, e.span);
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
                Some("module") => (Rc::new(Value::string(m.path_module.clone(), None)), 1),
                Some("root") => (Rc::new(Value::string(".", None)), 1),
                Some(other) => (
                    Rc::new(Value::unknown(format!("path.{other}"), Some(span))),
                    1,
                ),
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
        self.apply_shared(root, &ops[used.min(ops.len())..], m, sc, span)
    }

    /// [`Evaluator::apply_ops`] on a value the caches share: the first step into a
    /// known object or list reads it in place, so `local.settings["a"]` copies the one
    /// entry, not the whole map (values were copied at every reference).
    fn apply_shared(
        &self,
        root: Rc<Value>,
        ops: &[Traverse],
        m: &ModuleInst,
        sc: &Scope,
        span: Span,
    ) -> Value {
        if matches!(root.kind, Kind::Object(_) | Kind::List(_)) {
            let first = match ops.first() {
                Some(Traverse::Attr(a, _)) => Some(get_attr(&root, a, span)),
                Some(Traverse::Index(ix)) => {
                    let k = self.eval(ix, m, sc);
                    Some(index(&root, &k, span))
                }
                _ => None,
            };
            if let Some(v) = first {
                return self.apply_ops(v, &ops[1..], m, sc, span);
            }
        }
        self.apply_ops(Rc::unwrap_or_clone(root), ops, m, sc, span)
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
            // One of the unknown instances of a block: what each of them is.
            if let (Kind::Unknown(u), Traverse::Index(_)) = (&v.kind, op) {
                if let Some(instance) = &u.instance {
                    v = (**instance).clone();
                    continue;
                }
            }
            if v.is_unknown() {
                // An unknown that is not written anywhere points at its use.
                v.span = v.span.or(Some(span));
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
        // Most strings are one literal: its value directly, without the parts a
        // partly known string needs (what the general path below gives, allocated once).
        if let [TemplatePart::Literal { text, span, exact }] = t.parts.as_slice() {
            let segment = Segment {
                start: 0,
                len: text.len(),
                source: *span,
                exact: *exact,
            };
            return Value::new(
                Kind::String(Arc::new(Str::new(text.clone(), Segments::One(segment)))),
                Some(whole),
            );
        }
        let mut out = TemplateOut {
            segs: Vec::with_capacity(t.parts.len()),
            ..TemplateOut::default()
        };
        self.template_into(t, m, sc, &mut out);
        if out.parts.has_holes() {
            let structure = json_template::structure(&out.text, out.segs, &out.holes, whole);
            let mut v = out.parts.into_value(Some(whole));
            if let Kind::Unknown(u) = &mut v.kind {
                u.structure = structure.map(Box::new);
            }
            return v;
        }
        Value::new(
            Kind::String(Arc::new(Str::new(
                crate::value::kept_text(out.text),
                out.segs.into(),
            ))),
            Some(whole),
        )
    }

    /// Appends the template's text (known parts) and its parts (holes where unknown).
    fn template_into(&self, t: &Template, m: &ModuleInst, sc: &Scope, out: &mut TemplateOut) {
        for part in &t.parts {
            match part {
                TemplatePart::Literal { text, span, exact } => {
                    out.segs.push(Segment {
                        start: out.text.len(),
                        len: text.len(),
                        source: *span,
                        exact: *exact,
                    });
                    out.text.push_str(text);
                    out.parts.push_lit(text);
                }
                TemplatePart::Interp(e) => {
                    let v = self.eval(e, m, sc);
                    // Known scalars go to the text and the parts; the rest is a hole.
                    match &v.kind {
                        Kind::List(_) | Kind::Object(_) => {
                            out.hole(unknown_name(&v, "interpolation"))
                        }
                        Kind::Unknown(_) | Kind::Error(_) => out.unknown(&v),
                        _ => {
                            let _ = append_value(&v, e.span, &mut out.text, &mut out.segs);
                            out.parts.push_value(&v);
                        }
                    }
                }
                TemplatePart::If(i) => {
                    let c = self.eval(&i.cond, m, sc);
                    match c.as_bool() {
                        Some(true) => self.template_into(&i.then, m, sc, out),
                        Some(false) => self.template_into(&i.otherwise, m, sc, out),
                        None => out.hole(unknown_name(&c, "template condition")),
                    };
                }
                TemplatePart::For(f) => {
                    let c = self.eval(&f.collection, m, sc);
                    let items = match iterate(&c) {
                        Ok(items) => items,
                        Err(u) => {
                            out.hole(u);
                            continue;
                        }
                    };
                    for (k, v) in items {
                        let mut inner = sc.with(&f.value_var, v);
                        if let Some(kv) = &f.key_var {
                            inner = inner.with(kv, k);
                        }
                        self.template_into(&f.body, m, &inner, out);
                    }
                }
            }
        }
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
                                key: key.into(),
                                key_span: None,
                                value: Value::list(vec![val], None),
                            }),
                        }
                    } else {
                        obj.retain(|e| e.key != key);
                        obj.push(Entry {
                            key: key.into(),
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
            return FileId::new(extra.base + i as u32);
        }
        extra.files.push((path, text));
        FileId::new(extra.base + extra.files.len() as u32 - 1)
    }
}

/// A template being evaluated: the known text with its segments (a placeholder where
/// a part is unknown), its parts, and the unknown values.
#[derive(Default)]
struct TemplateOut {
    text: String,
    segs: Vec<Segment>,
    parts: crate::value::Template,
    holes: Vec<Value>,
}

impl TemplateOut {
    fn unknown(&mut self, v: &Value) {
        self.parts.push_value(v);
        json_template::placeholder(&mut self.text, self.holes.len());
        self.holes.push(v.clone());
    }

    fn hole(&mut self, what: String) {
        self.unknown(&Value::unknown(what, None));
    }
}

impl functions::Env for Evaluator<'_> {
    fn eval(&self, e: &Expr, m: &ModuleInst, sc: &Scope) -> Value {
        Evaluator::eval(self, e, m, sc)
    }

    fn template(&self, t: &Template, whole: Span, m: &ModuleInst, sc: &Scope) -> Value {
        Evaluator::template(self, t, whole, m, sc)
    }

    fn read_file(&self, m: &ModuleInst, path: &str) -> Option<(FileId, Arc<str>)> {
        self.resolver.read_file(self, m, path)
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
