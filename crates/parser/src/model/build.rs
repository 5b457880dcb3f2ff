//! Builds the model: root modules found, module calls followed (local paths, and
//! remote ones through `.terraform/modules/modules.json`), count/for_each expanded
//! into Terraform addresses, and every resource's body evaluated.

use super::decl::declarations;
use super::load::{clean, IssueKind, LoadIssue, Sources};
use super::types::{BlockRef, Decl, Mode, ModuleInst, Resource, UninstalledModule};
use super::vartype::convert;
use crate::eval::{
    iterate, policy_document, scalar_string, Evaluator, ExtraFiles, Resolver, Scope,
};
use crate::span::{FileId, Span};
use crate::syntax::ast::{Block, Body, ExprKind};
use crate::value::{Entry, Kind, Value};
use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;

/// The instance suffix standing for the unknown instances of a block whose
/// `count`/`for_each` is unknown.
const UNKNOWN_INSTANCES: &str = "[(unknown)]";

/// How deep module calls may nest before we stop following them.
const MAX_MODULE_DEPTH: usize = 24;

pub(crate) struct Builder<'s> {
    pub src: &'s Sources,
    decls: RefCell<HashMap<PathBuf, Rc<Decl>>>,
    pub resources: RefCell<Vec<Resource>>,
    pub issues: RefCell<Vec<LoadIssue>>,
    pub instances: RefCell<Vec<Rc<ModuleInst>>>,
    pub uninstalled: RefCell<Vec<UninstalledModule>>,
    /// Resources whose body is their module's cached value (no count or for_each):
    /// filled in by [`Builder::into_resources`], moved rather than copied.
    shared_bodies: RefCell<Vec<(usize, Rc<Value>)>>,
    remote: &'s HashMap<PathBuf, HashMap<String, PathBuf>>,
}

impl<'s> Builder<'s> {
    pub fn new(src: &'s Sources, remote: &'s HashMap<PathBuf, HashMap<String, PathBuf>>) -> Self {
        Builder {
            src,
            decls: RefCell::default(),
            resources: RefCell::default(),
            issues: RefCell::default(),
            instances: RefCell::default(),
            uninstalled: RefCell::default(),
            shared_bodies: RefCell::default(),
            remote,
        }
    }

    /// The resources evaluated. Once the module caches are gone, most bodies have no
    /// other owner and are moved out; the rest are copied.
    pub fn into_resources(self) -> Vec<Resource> {
        drop(self.instances);
        let mut resources = self.resources.into_inner();
        for (i, body) in self.shared_bodies.into_inner() {
            resources[i].body = Rc::try_unwrap(body).unwrap_or_else(|rc| (*rc).clone());
        }
        resources
    }

    fn block(&self, r: BlockRef) -> &'s Block {
        let body = self.src.parsed(r.0).body.as_ref();
        &body.expect("declared blocks come from parsed files").blocks[r.1]
    }

    pub fn decl(&self, dir: &Path) -> Rc<Decl> {
        if let Some(d) = self.decls.borrow().get(dir) {
            return d.clone();
        }
        let d = Rc::new(declarations(self.src, dir));
        self.decls.borrow_mut().insert(dir.to_path_buf(), d.clone());
        d
    }

    /// Evaluates a root module: its variables come from tfvars and `--var-file`s.
    pub fn root(&self, ev: &Evaluator, dir: &Path) {
        let decl = self.decl(dir);
        let mut inputs = HashMap::new();
        let var_files = decl.vars_files.iter().chain(&self.src.var_files);
        for &fid in var_files {
            let name = self
                .src
                .files
                .get(fid)
                .path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("");
            let auto = name == "terraform.tfvars"
                || name == "terraform.tfvars.json"
                || name.ends_with(".auto.tfvars")
                || name.ends_with(".auto.tfvars.json")
                || self.src.var_files.contains(&fid);
            if !auto {
                continue;
            }
            if let Some(body) = &self.src.parsed(fid).body {
                let tmp = ModuleInst::new(
                    dir.to_path_buf(),
                    dir.to_path_buf(),
                    String::new(),
                    decl.clone(),
                    HashMap::new(),
                    0,
                    vec![],
                );
                for a in &body.attributes {
                    inputs.insert(
                        a.key.to_string(),
                        ev.eval(
                            &a.value,
                            &tmp,
                            &Scope {
                                vars: vec![],
                                isolated: true,
                            },
                        ),
                    );
                }
            }
        }
        let inst = Rc::new(ModuleInst::new(
            dir.to_path_buf(),
            dir.to_path_buf(),
            String::new(),
            decl,
            inputs,
            0,
            vec![dir.to_path_buf()],
        ));
        self.instances.borrow_mut().push(inst.clone());
        self.evaluate_all(ev, &inst);
    }

    fn evaluate_all(&self, ev: &Evaluator, m: &Rc<ModuleInst>) {
        for r in &m.decl.resources {
            let b = self.block(*r);
            self.resource_value(ev, m, false, b);
        }
        for r in &m.decl.data {
            let b = self.block(*r);
            self.resource_value(ev, m, true, b);
        }
        for r in &m.decl.providers {
            let b = self.block(*r);
            let alias = b
                .body
                .attribute("alias")
                .and_then(|a| a.value.as_literal_str())
                .map(str::to_string);
            let name = b.labels.first().cloned().unwrap_or_default();
            let mut address = format!("{}provider.{name}", m.prefix);
            if let Some(a) = &alias {
                address.push('.');
                address.push_str(a);
            }
            let body = self.eval_body(ev, m, &b.body, &Scope::default(), b.span);
            self.push_resource(
                m,
                Mode::Provider,
                &name,
                alias.as_deref().unwrap_or("default"),
                address,
                b,
                body,
            );
        }
        for r in &m.decl.modules {
            let b = self.block(*r);
            let name = b.labels.first().cloned().unwrap_or_default();
            self.module_instances(ev, m, &name);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn push_resource(
        &self,
        m: &ModuleInst,
        mode: Mode,
        rtype: &str,
        name: &str,
        address: String,
        b: &Block,
        body: Value,
    ) {
        self.resources.borrow_mut().push(Resource {
            address,
            module: m.prefix.trim_end_matches('.').to_string(),
            mode,
            rtype: rtype.to_string(),
            name: name.to_string(),
            header: b.header,
            span: b.span,
            dir: m.dir.clone(),
            root_dir: m.root_dir.clone(),
            body,
            from_plan: false,
        });
    }

    /// count / for_each into instance keys and the scope each instance sees.
    fn expand(&self, ev: &Evaluator, m: &ModuleInst, body: &Body) -> Vec<(String, Scope)> {
        if let Some(c) = body.attribute("count") {
            let v = ev.eval(&c.value, m, &Scope::default());
            return match v.as_number() {
                Some(n) => (0..(n.max(0.0) as usize).min(10_000))
                    .map(|i| {
                        let idx = Value::new(Kind::Number(i as f64), None);
                        let count = Value::object(vec![entry("index", idx)], None);
                        (format!("[{i}]"), Scope::default().with("count", count))
                    })
                    .collect(),
                None => {
                    let u = Value::unknown(
                        format!("count ({})", crate::eval::unknown_name(&v, "count")),
                        Some(c.value.span),
                    );
                    vec![(
                        UNKNOWN_INSTANCES.into(),
                        Scope::default()
                            .with("count", Value::object(vec![entry("index", u)], None)),
                    )]
                }
            };
        }
        if let Some(fe) = body.attribute("for_each") {
            let v = ev.eval(&fe.value, m, &Scope::default());
            return match iterate(&v) {
                Ok(items) => items
                    .into_iter()
                    .map(|(k, val)| {
                        // A set of strings: each.key and each.value are the element.
                        let (key, val) = if matches!(v.kind, Kind::List(_)) {
                            (val.clone(), val)
                        } else {
                            (k, val)
                        };
                        let ks = scalar_string(&key).unwrap_or_default();
                        let each =
                            Value::object(vec![entry("key", key), entry("value", val)], None);
                        (
                            format!("[{}]", serde_json::Value::String(ks)),
                            Scope::default().with("each", each),
                        )
                    })
                    .collect(),
                Err(u) => {
                    let u = Value::unknown(format!("for_each ({u})"), Some(fe.value.span));
                    let each =
                        Value::object(vec![entry("key", u.clone()), entry("value", u)], None);
                    vec![(
                        UNKNOWN_INSTANCES.into(),
                        Scope::default().with("each", each),
                    )]
                }
            };
        }
        vec![(String::new(), Scope::default())]
    }

    fn resource_value(&self, ev: &Evaluator, m: &ModuleInst, data: bool, b: &Block) -> Rc<Value> {
        let rtype = b.labels.first().cloned().unwrap_or_default();
        let name = b.labels.get(1).cloned().unwrap_or_default();
        let key = format!("{}{rtype}.{name}", if data { "data." } else { "" });
        if let Some(v) = m.resources.borrow().get(&key) {
            return v.clone();
        }
        if !m.in_progress.borrow_mut().insert(key.clone()) {
            return Rc::new(Value::unknown(
                format!("{}{key} (refers to itself)", m.prefix),
                Some(b.header),
            ));
        }
        let mode = if data { Mode::Data } else { Mode::Managed };
        let instances = self.expand(ev, m, &b.body);
        let unknown = unknown_repetition(&instances);
        let keyed = b.body.attribute("count").is_some() || b.body.attribute("for_each").is_some();
        let mut values = Vec::new();
        let mut shared = None;
        for (suffix, scope) in instances {
            let address = format!("{}{key}{suffix}", m.prefix);
            let mut body = self.eval_body(ev, m, &b.body, &scope, b.span);
            if data && rtype == "aws_iam_policy_document" {
                body = policy_document::with_json(body);
            }
            let body = body.with_from(Arc::new(address.clone()));
            // One instance: its body is the cached value itself, shared until the end.
            let copy = if keyed || unknown.is_some() {
                body.clone()
            } else {
                shared = Some(self.resources.borrow().len());
                Value::null(None)
            };
            self.push_resource(m, mode, &rtype, &name, address, b, copy);
            values.push((suffix, body));
        }
        let value = match unknown {
            // The instances are not known, and it still names the block it comes
            // from. No span of its own: it points where it is used. Each instance is
            // the body evaluated with count.index/each unknown (the one instance
            // expanded), so `x[0].json` reads it.
            Some(what) => {
                let mut v = Value::unknown(
                    format!("{}{key} (unknown instances: {what})", m.prefix),
                    None,
                );
                if let (Kind::Unknown(u), Some((_, body))) = (&mut v.kind, values.first()) {
                    u.instance = Some(Box::new(body.clone()));
                }
                v.with_from(Arc::from(format!("{}{key}{UNKNOWN_INSTANCES}", m.prefix)))
            }
            None => instances_value(b, keyed, values),
        };
        m.in_progress.borrow_mut().remove(&key);
        let value = Rc::new(value);
        if let Some(i) = shared {
            self.shared_bodies.borrow_mut().push((i, value.clone()));
        }
        m.resources.borrow_mut().insert(key, value.clone());
        value
    }

    /// A block body as an object: attributes, and nested blocks as lists of objects
    /// under their type (`dynamic` blocks expanded).
    pub fn eval_body(
        &self,
        ev: &Evaluator,
        m: &ModuleInst,
        body: &Body,
        sc: &Scope,
        span: Span,
    ) -> Value {
        // Sized up front: the body lives as long as the model (a vector grown by
        // pushing holds up to twice what it needs).
        let mut entries: Vec<Entry> = Vec::with_capacity(body.attributes.len() + body.blocks.len());
        for a in &body.attributes {
            if matches!(
                a.key.as_str(),
                "count" | "for_each" | "depends_on" | "provider" | "lifecycle"
            ) {
                continue;
            }
            let mut v = ev.eval(&a.value, m, sc);
            v.mark_via(a.value.span);
            entries.push(Entry {
                key: a.key.clone(),
                key_span: Some(a.key_span),
                value: v,
            });
        }
        for b in &body.blocks {
            if matches!(b.ident.as_str(), "lifecycle" | "provisioner" | "connection") {
                continue;
            }
            let (ident, items) = if b.ident == "dynamic" {
                let Some(label) = b.labels.first() else {
                    continue;
                };
                let iter_name = b
                    .body
                    .attribute("iterator")
                    .and_then(|a| a.value.as_path())
                    .and_then(|p| p.first().map(|s| s.to_string()))
                    .unwrap_or_else(|| label.to_string());
                let Some(content) = b.body.blocks_named("content").next() else {
                    continue;
                };
                let coll = b
                    .body
                    .attribute("for_each")
                    .map(|fe| ev.eval(&fe.value, m, sc))
                    .unwrap_or_else(|| Value::null(None));
                let items = match iterate(&coll) {
                    Ok(items) => items
                        .into_iter()
                        .map(|(k, v)| {
                            let it = Value::object(vec![entry("key", k), entry("value", v)], None);
                            self.eval_body(
                                ev,
                                m,
                                &content.body,
                                &sc.with(&iter_name, it),
                                content.span,
                            )
                        })
                        .collect(),
                    Err(u) => vec![Value::unknown(
                        format!("dynamic \"{label}\" for_each ({u})"),
                        Some(b.span),
                    )],
                };
                (label.clone(), items)
            } else {
                (
                    b.ident.clone(),
                    vec![self.eval_body(ev, m, &b.body, sc, b.span)],
                )
            };
            match entries.iter_mut().find(|e| e.key == ident) {
                Some(e) => {
                    if let Kind::List(l) = &mut e.value.kind {
                        l.extend(items);
                    }
                }
                None => entries.push(Entry {
                    key: ident,
                    key_span: Some(b.header),
                    value: Value::list(items, Some(b.span)),
                }),
            }
        }
        Value::object(entries, Some(span))
    }

    fn module_instances(&self, ev: &Evaluator, m: &ModuleInst, name: &str) -> Option<Rc<Value>> {
        if let Some(v) = m.children.borrow().get(name) {
            return Some(v.clone());
        }
        let r = m
            .decl
            .modules
            .iter()
            .find(|r| self.block(**r).labels.first().map(|l| l.as_str()) == Some(name))?;
        let b = self.block(*r);
        let key = format!("module.{name}");
        if !m.in_progress.borrow_mut().insert(key.clone()) {
            return Some(Rc::new(Value::unknown(
                format!("{}{key} (refers to itself)", m.prefix),
                Some(b.header),
            )));
        }
        let value = Rc::new(self.call_module(ev, m, name, b));
        m.in_progress.borrow_mut().remove(&key);
        m.children
            .borrow_mut()
            .insert(name.to_string(), value.clone());
        Some(value)
    }

    fn call_module(&self, ev: &Evaluator, m: &ModuleInst, name: &str, b: &Block) -> Value {
        let source = b.body.attribute("source");
        let src_str = source.and_then(|s| s.value.as_literal_str()).unwrap_or("");
        let src_span = source.map(|s| s.value.span).unwrap_or(b.header);
        let issue = |msg: String| {
            self.issues.borrow_mut().push(LoadIssue {
                kind: IssueKind::Module,
                message: msg,
                span: src_span,
                address: Some(format!("{}module.{name}", m.prefix)),
            });
        };
        let dir = if src_str.starts_with("./") || src_str.starts_with("../") {
            Some(clean(&m.dir.join(src_str)))
        } else {
            self.remote
                .get(&m.root_dir)
                .and_then(|mods| mods.get(&module_key(&m.prefix, name)))
                .cloned()
        };
        let unknown_outputs = |why: String| Value::unknown(why, Some(b.header));
        let Some(dir) = dir else {
            // Not installed: its inside is not analysed, its inputs are.
            for (suffix, scope) in self.expand(ev, m, &b.body) {
                // Evaluated before borrowing: an input may read another such module.
                let inputs = module_inputs(ev, m, b, &scope);
                self.uninstalled.borrow_mut().push(UninstalledModule {
                    address: format!("{}module.{name}{suffix}", m.prefix),
                    source: src_str.to_string(),
                    source_span: src_span,
                    header: b.header,
                    dir: m.dir.clone(),
                    root_dir: m.root_dir.clone(),
                    inputs,
                });
            }
            return unknown_outputs(format!(
                "{}module.{name} (remote module \"{src_str}\" not installed)",
                m.prefix
            ));
        };
        if !self.src.dirs.contains_key(&dir) {
            issue(format!(
                "module \"{name}\": directory {} is missing or outside the scanned tree",
                dir.display()
            ));
            return unknown_outputs(format!(
                "{}module.{name} (module directory not found)",
                m.prefix
            ));
        }
        if m.chain.contains(&dir) {
            issue(format!(
                "module \"{name}\": {} calls itself (module cycle)",
                dir.display()
            ));
            return unknown_outputs(format!("{}module.{name} (module cycle)", m.prefix));
        }
        if m.depth >= MAX_MODULE_DEPTH {
            issue(format!(
                "module \"{name}\": modules nested more than {MAX_MODULE_DEPTH} deep"
            ));
            return unknown_outputs(format!("{}module.{name} (nested too deeply)", m.prefix));
        }
        let decl = self.decl(&dir);
        let keyed = b.body.attribute("count").is_some() || b.body.attribute("for_each").is_some();
        let mut outputs = Vec::new();
        let instances = self.expand(ev, m, &b.body);
        let unknown = unknown_repetition(&instances);
        for (suffix, scope) in instances {
            let inputs = module_inputs(ev, m, b, &scope)
                .into_iter()
                .map(|e| (e.key.into_string(), e.value))
                .collect();
            let prefix = format!("{}module.{name}{suffix}.", m.prefix);
            let mut chain = m.chain.clone();
            chain.push(dir.clone());
            let child = Rc::new(ModuleInst::new(
                dir.clone(),
                m.root_dir.clone(),
                prefix,
                decl.clone(),
                inputs,
                m.depth + 1,
                chain,
            ));
            self.instances.borrow_mut().push(child.clone());
            self.evaluate_all(ev, &child);
            let mut outs = Vec::new();
            for (oname, r) in &decl.outputs {
                let ob = self.block(*r);
                if let Some(a) = ob.body.attribute("value") {
                    let v = ev.eval(&a.value, &child, &Scope::default());
                    outs.push(entry(oname, v));
                }
            }
            outs.sort_by(|a, b| a.key.cmp(&b.key));
            outputs.push((suffix, Value::object(outs, Some(b.span))));
        }
        match unknown {
            Some(what) => Value::unknown(
                format!("{}module.{name} (unknown instances: {what})", m.prefix),
                None,
            ),
            None => instances_value(b, keyed, outputs),
        }
    }
}

impl Resolver for Builder<'_> {
    fn resource(
        &self,
        ev: &Evaluator,
        m: &ModuleInst,
        data: bool,
        rtype: &str,
        name: &str,
    ) -> Option<Rc<Value>> {
        let key = format!("{}{rtype}.{name}", if data { "data." } else { "" });
        let r = m.decl.by_address.get(&key)?;
        Some(self.resource_value(ev, m, data, self.block(*r)))
    }

    fn module_outputs(&self, ev: &Evaluator, m: &ModuleInst, name: &str) -> Option<Rc<Value>> {
        self.module_instances(ev, m, name)
    }

    /// A variable as Terraform sees it: the caller's value (or tfvars), else its
    /// default (also for a null passed to a `nullable = false` variable), converted
    /// to its `type` (optional attributes and their defaults filled in).
    fn variable(&self, ev: &Evaluator, m: &ModuleInst, name: &str, span: Span) -> Rc<Value> {
        if let Some(v) = m.vars.borrow().get(name) {
            return v.clone();
        }
        let Some(r) = m.decl.variables.get(name) else {
            return Rc::new(match m.inputs.get(name) {
                Some(v) => v.clone(),
                None => Value::error(format!("no variable named {name}"), Some(span)),
            });
        };
        let b = self.block(*r);
        let isolated = Scope {
            vars: vec![],
            isolated: true,
        };
        let default = || {
            b.body
                .attribute("default")
                .map(|d| ev.eval(&d.value, m, &isolated))
        };
        let nullable = !matches!(
            b.body.attribute("nullable").map(|a| &a.value.kind),
            Some(ExprKind::Bool(false))
        );
        let given = match m.inputs.get(name) {
            Some(v) if v.is_null() && !nullable => default().unwrap_or_else(|| v.clone()),
            Some(v) => v.clone(),
            None => match default() {
                Some(d) => d,
                None => {
                    return Rc::new(Value::unknown(
                        format!("{}var.{name} (no value given)", m.prefix),
                        Some(span),
                    ))
                }
            },
        };
        let v = match b.body.attribute("type") {
            Some(t) => convert(&t.value, given, &|e| ev.eval(e, m, &isolated)),
            None => given,
        };
        let v = Rc::new(v);
        m.vars.borrow_mut().insert(name.to_string(), v.clone());
        v
    }

    fn local(&self, ev: &Evaluator, m: &ModuleInst, name: &str, span: Span) -> Rc<Value> {
        if let Some(v) = m.locals.borrow().get(name) {
            return v.clone();
        }
        let Some(&(fid, bi, ai)) = m.decl.locals.get(name) else {
            return Rc::new(Value::error(format!("no local named {name}"), Some(span)));
        };
        let key = format!("local.{name}");
        if !m.in_progress.borrow_mut().insert(key.clone()) {
            return Rc::new(Value::unknown(
                format!("{}local.{name} (refers to itself)", m.prefix),
                Some(span),
            ));
        }
        let body = self.src.parsed(fid).body.as_ref();
        let v = match body
            .and_then(|b| b.blocks.get(bi))
            .and_then(|b| b.body.attributes.get(ai))
        {
            Some(a) => ev.eval(&a.value, m, &Scope::default()),
            None => Value::error("local not found", Some(span)),
        };
        m.in_progress.borrow_mut().remove(&key);
        let v = Rc::new(v);
        m.locals.borrow_mut().insert(name.to_string(), v.clone());
        v
    }

    fn read_file(&self, ev: &Evaluator, m: &ModuleInst, path: &str) -> Option<(FileId, Arc<str>)> {
        // Terraform resolves relative paths against the root module's directory.
        let p = Path::new(path);
        let full = if p.is_absolute() {
            p.to_path_buf()
        } else {
            clean(&m.root_dir.join(p))
        };
        if let Some(id) = self.src.files.find(&full) {
            return Some((id, self.src.files.get(id).text.clone()));
        }
        let canon = full.canonicalize().ok()?;
        if !self.src.allowed.iter().any(|a| canon.starts_with(a)) {
            return None;
        }
        let meta = std::fs::symlink_metadata(&full).ok()?;
        if !meta.is_file() || meta.len() > super::load::MAX_FILE_BYTES {
            return None;
        }
        let text: Arc<str> = String::from_utf8(std::fs::read(&full).ok()?).ok()?.into();
        let id = ev.add_extra_file(full, text.clone());
        Some((id, text))
    }
}

/// A module call's inputs in the order written, evaluated in the caller.
fn module_inputs(ev: &Evaluator, m: &ModuleInst, b: &Block, scope: &Scope) -> Vec<Entry> {
    b.body
        .attributes
        .iter()
        .filter(|a| {
            !matches!(
                a.key.as_str(),
                "source" | "version" | "count" | "for_each" | "providers" | "depends_on"
            )
        })
        .map(|a| Entry {
            key: a.key.clone(),
            key_span: Some(a.key_span),
            value: ev.eval(&a.value, m, scope),
        })
        .collect()
}

/// When a block's instances are unknown: what makes them so (`for_each (var.x …)`),
/// read from the `count`/`each` its one stand-in instance sees.
fn unknown_repetition(instances: &[(String, Scope)]) -> Option<String> {
    match instances {
        [(suffix, scope)] if suffix == UNKNOWN_INSTANCES => Some(
            scope
                .vars
                .iter()
                .find_map(|(_, v)| v.find_unknown())
                .and_then(Value::unknown_what)
                .unwrap_or("count or for_each")
                .to_string(),
        ),
        _ => None,
    }
}

/// The value a reference to a block with instances gives: the one instance, a list
/// (count) or an object keyed like for_each.
fn instances_value(b: &Block, keyed: bool, mut values: Vec<(String, Value)>) -> Value {
    if !keyed {
        return values
            .pop()
            .map(|(_, v)| v)
            .unwrap_or_else(|| Value::null(None));
    }
    if b.body.attribute("count").is_some() {
        return Value::list(values.into_iter().map(|(_, v)| v).collect(), Some(b.span));
    }
    let entries = values
        .into_iter()
        .map(|(suffix, v)| {
            // The suffix is `["key"]`: the key as Terraform quotes it.
            let k: String =
                serde_json::from_str(suffix.trim_start_matches('[').trim_end_matches(']'))
                    .unwrap_or(suffix);
            entry(&k, v)
        })
        .collect();
    Value::object(entries, Some(b.span))
}

fn entry(key: &str, value: Value) -> Entry {
    Entry {
        key: key.into(),
        key_span: None,
        value,
    }
}

/// modules.json keys: `a.b` for module "b" called inside module "a" (instance keys dropped).
fn module_key(prefix: &str, name: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    for seg in prefix.split("module.").filter(|s| !s.is_empty()) {
        let n = seg.trim_end_matches('.');
        let n = n.split('[').next().unwrap_or(n);
        parts.push(n.to_string());
    }
    parts.push(name.to_string());
    parts.join(".")
}

pub(crate) fn extra_files(base: usize) -> ExtraFiles {
    ExtraFiles {
        base: base as u32,
        files: vec![],
    }
}
