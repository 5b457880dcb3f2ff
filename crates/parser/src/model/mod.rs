//! The Terraform model: modules, resources (with Terraform addresses and evaluated
//! bodies), providers, and the problems met while reading them.

mod build;
pub mod load;

use crate::eval::Evaluator;
use crate::span::{Files, Span};
use crate::value::Value;
use load::{LoadIssue, LoadOptions, Parsed, PathError, Sources};
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
    pub(crate) decl: Rc<build::Decl>,
    pub(crate) inputs: HashMap<String, Value>,
    pub(crate) locals: RefCell<HashMap<String, Value>>,
    pub(crate) resources: RefCell<HashMap<String, Value>>,
    pub(crate) children: RefCell<HashMap<String, Value>>,
    pub(crate) in_progress: RefCell<HashSet<String>>,
    pub(crate) depth: usize,
    pub(crate) chain: Vec<PathBuf>,
}

impl ModuleInst {
    pub(crate) fn new(
        dir: PathBuf,
        root_dir: PathBuf,
        prefix: String,
        decl: Rc<build::Decl>,
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
}

impl Model {
    pub fn parsed(&self, id: crate::FileId) -> Option<&Parsed> {
        self.parsed.get(id.0 as usize)
    }
}

/// Reads, parses and evaluates everything `opts` names.
pub fn build(opts: &LoadOptions) -> Result<Model, PathError> {
    let mut src = load::load(opts)?;
    Ok(build_from(&mut src))
}

pub fn build_from(src: &mut Sources) -> Model {
    let roots = find_roots(src);
    let remote = build::preload(src, &roots);
    let base = src.files.len();
    let (resources, issues, extra) = {
        let b = build::Builder::new(src, remote);
        let ev = Evaluator::new(&b, build::extra_files(base));
        for r in &roots {
            b.root(&ev, r);
        }
        let extra = ev.extra.into_inner();
        (b.resources.into_inner(), b.issues.into_inner(), extra)
    };
    for (path, text) in extra.files {
        src.files.add(path, text);
        src.parsed.push(Parsed {
            kind: load::FileKind::Plan,
            body: None,
            plan: None,
            comments: vec![],
        });
    }
    let resources = with_plans(src, resources, &roots);
    let mut all_issues = std::mem::take(&mut src.issues);
    all_issues.extend(issues);
    Model {
        files: std::mem::take(&mut src.files),
        parsed: std::mem::take(&mut src.parsed),
        resources,
        issues: all_issues,
        roots,
    }
}

/// Root modules: walked directories holding configuration that no other walked
/// directory calls as a local module.
fn find_roots(src: &Sources) -> Vec<PathBuf> {
    let has_config = |d: &PathBuf| {
        src.dirs.get(d).is_some_and(|fs| {
            fs.iter().any(|f| {
                matches!(
                    src.parsed(*f).kind,
                    load::FileKind::Config | load::FileKind::ConfigJson
                )
            })
        })
    };
    let walked: Vec<PathBuf> = src
        .walked_dirs
        .iter()
        .filter(|d| has_config(d))
        .cloned()
        .collect();
    let called: HashSet<PathBuf> = walked
        .iter()
        // A directory calling itself is still a root: its cycle is reported when built.
        .flat_map(|d| {
            build::local_targets(src, d)
                .into_iter()
                .filter(move |t| t != d)
        })
        .collect();
    walked.into_iter().filter(|d| !called.contains(d)).collect()
}

/// Adds the resources of every plan. A plan whose directory is an analysed root module
/// describes that configuration: its values fill in what the HCL could not know (spans
/// stay on the `.tf` source) and its extra instances are added; a plan alone is read
/// as is, spans in the plan file.
fn with_plans(src: &Sources, mut resources: Vec<Resource>, roots: &[PathBuf]) -> Vec<Resource> {
    for &fid in &src.plans {
        let Some(plan) = &src.parsed(fid).plan else {
            continue;
        };
        let path = &src.files.get(fid).path;
        let dir = path
            .parent()
            .map(load::clean)
            .unwrap_or_else(|| PathBuf::from("."));
        let from_plan = crate::plan::resources(fid, plan, &dir);
        let covered = roots.contains(&dir);
        for pr in from_plan {
            let twin = resources
                .iter_mut()
                .find(|r| covered && r.address == pr.address && !r.from_plan);
            match twin {
                Some(r) => r.body = crate::plan::merge(&r.body, &pr.body),
                None => resources.push(pr),
            }
        }
    }
    resources
}
