//! The model's types: what the rules read (`Model`, `Resource`, `Mode`) and what the
//! evaluator needs of a module instance (`ModuleInst`). A leaf: it uses only the
//! syntax, value and loading layers, so the evaluator, the plan reader and the builder
//! can all depend on it.

use super::load::{LoadIssue, Parsed};
use crate::span::{FileId, Files, Span};
use crate::value::{Entry, Value};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::rc::Rc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Managed,
    Data,
    Provider,
}

/// One resource instance (or data source, or provider configuration).
#[derive(Debug, Clone)]
pub struct Resource {
    /// Terraform's address: `module.app["prod"].aws_iam_role.this[0]`.
    pub address: String,
    /// The module part of the address (`module.app["prod"]`), empty at the root.
    pub module: String,
    pub mode: Mode,
    pub rtype: String,
    pub name: String,
    /// `resource "aws_iam_role" "app"`.
    pub header: Span,
    pub span: Span,
    pub dir: PathBuf,
    /// The root module this instance belongs to (its environment, for instance).
    pub root_dir: PathBuf,
    /// The evaluated body: attributes, and nested blocks as lists of objects.
    pub body: Value,
    pub from_plan: bool,
}

/// One instantiation of a module directory.
pub struct ModuleInst {
    pub dir: PathBuf,
    pub root_dir: PathBuf,
    /// `path.module`: the directory relative to the root module's.
    pub path_module: String,
    /// Address prefix of everything inside: `module.app["prod"].`
    pub prefix: String,
    pub(crate) decl: Rc<Decl>,
    pub(crate) inputs: HashMap<String, Value>,
    pub(crate) locals: RefCell<HashMap<String, Rc<Value>>>,
    pub(crate) resources: RefCell<HashMap<String, Rc<Value>>>,
    pub(crate) children: RefCell<HashMap<String, Rc<Value>>>,
    pub(crate) in_progress: RefCell<HashSet<String>>,
    /// Variables with their type applied, computed once.
    pub(crate) vars: RefCell<HashMap<String, Rc<Value>>>,
    pub(crate) depth: usize,
    pub(crate) chain: Vec<PathBuf>,
}

impl ModuleInst {
    pub(crate) fn new(
        dir: PathBuf,
        root_dir: PathBuf,
        prefix: String,
        decl: Rc<Decl>,
        inputs: HashMap<String, Value>,
        depth: usize,
        chain: Vec<PathBuf>,
    ) -> ModuleInst {
        ModuleInst {
            path_module: relative(&dir, &root_dir),
            dir,
            root_dir,
            prefix,
            decl,
            inputs,
            locals: RefCell::default(),
            resources: RefCell::default(),
            children: RefCell::default(),
            in_progress: RefCell::default(),
            vars: RefCell::default(),
            depth,
            chain,
        }
    }
}

fn relative(dir: &std::path::Path, root: &std::path::Path) -> String {
    if dir == root {
        return ".".into();
    }
    if let Ok(rest) = dir.strip_prefix(root) {
        return rest.display().to_string();
    }
    let ups = root.components().count();
    let mut p = PathBuf::new();
    for _ in 0..ups {
        p.push("..");
    }
    p.join(dir).display().to_string()
}

/// Everything the rules see of the Terraform configuration.
#[derive(Debug, Default)]
pub struct Model {
    pub files: Files,
    pub parsed: Vec<Parsed>,
    pub resources: Vec<Resource>,
    pub issues: Vec<LoadIssue>,
    /// Root module directories analysed.
    pub roots: Vec<PathBuf>,
    /// Module calls whose registry or git source is not installed (no
    /// `.terraform/modules` entry): nothing inside them is analysed, their inputs are.
    pub uninstalled: Vec<UninstalledModule>,
}

/// One instance of a module call whose source is not available here.
#[derive(Debug, Clone)]
pub struct UninstalledModule {
    /// Terraform's address: `module.team["search"]`, `module.app.module.iam`.
    pub address: String,
    /// The `source` string as written (`terraform-aws-modules/iam/aws//modules/iam-role`).
    pub source: String,
    /// The `source` value's span.
    pub source_span: Span,
    /// `module "team"`.
    pub header: Span,
    /// The calling module's directory and its root module.
    pub dir: PathBuf,
    pub root_dir: PathBuf,
    /// The inputs in the order written: name, name span, evaluated value (with the
    /// spans of the literals it is made of).
    pub inputs: Vec<Entry>,
}

impl Model {
    pub fn parsed(&self, id: FileId) -> Option<&Parsed> {
        self.parsed.get(id.index())
    }
}

/// Where a block sits: file and index in that file's top-level blocks.
#[derive(Clone, Copy)]
pub(crate) struct BlockRef(pub(crate) FileId, pub(crate) usize);

/// The declarations of one module directory.
#[derive(Default)]
pub struct Decl {
    pub(crate) variables: HashMap<String, BlockRef>,
    pub(crate) locals: HashMap<String, (FileId, usize, usize)>,
    pub(crate) resources: Vec<BlockRef>,
    pub(crate) data: Vec<BlockRef>,
    /// `type.name` (`data.type.name` for data sources) -> its block: the first one
    /// written, as the lookup by reference finds it.
    pub(crate) by_address: HashMap<String, BlockRef>,
    pub(crate) modules: Vec<BlockRef>,
    pub(crate) outputs: HashMap<String, BlockRef>,
    pub(crate) providers: Vec<BlockRef>,
    pub(crate) vars_files: Vec<FileId>,
}
